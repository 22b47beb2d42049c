"""Where the app's own files are: in a checkout, or inside the frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_dir() -> Path:
    """The ``resources/`` folder (styles, icons, card templates, fonts)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def style_sheet(dark: bool = False) -> str:
    """Every ``resources/styles/NN_name.qss`` joined in name order, then, on a dark
    palette, every ``resources/styles/dark/NN_name.qss``."""
    folder = resource_dir() / "styles"
    styles = sorted(folder.glob("*.qss"))
    if dark:
        styles += sorted((folder / "dark").glob("*.qss"))
    return "\n".join(path.read_text(encoding="utf-8") for path in styles)


def icon_path(name: str) -> Path:
    """An icon of ``resources/icons`` by name (``lock`` → ``lock.svg``)."""
    return resource_dir() / "icons" / f"{name}.svg"
