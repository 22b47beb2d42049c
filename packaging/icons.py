"""Render the app icon (resources/icons/advocate-console.svg) to the files installers need.

Generated at build time, never committed:

    python packaging/icons.py hicolor DIR NAME   # DIR/<N>x<N>/apps/NAME.png, N = 16…512
    python packaging/icons.py ico FILE.ico       # Windows (16…256 in one file)
    python packaging/icons.py icns FILE.icns     # macOS

Uses Qt's own SVG renderer (QtSvg, already in the app), so no other tool is needed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "resources" / "icons" / "advocate-console.svg"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render(size: int):
    """The icon as a ``size``×``size`` QImage with a transparent background."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"Cannot read the icon {SOURCE}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def hicolor(folder: Path, name: str) -> list[Path]:
    """PNGs of every hicolor size: ``folder/<N>x<N>/apps/<name>.png``."""
    written = []
    for size in HICOLOR_SIZES:
        path = folder / f"{size}x{size}" / "apps" / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        _save(render(size), path, "PNG")
        written.append(path)
    return written


def ico(path: Path) -> None:
    """A Windows .ico (Qt's ico plugin writes the largest image it is given; 256 px)."""
    _save(render(256), path, "ICO")


def icns(path: Path) -> None:
    """A macOS .icns (Qt's icns plugin, 1024 px)."""
    _save(render(1024), path, "ICNS")


def _save(image, path: Path, kind: str) -> None:
    if not image.save(str(path), kind):
        raise SystemExit(f"Qt cannot write {kind} files here ({path})")


def main(argv: list[str]) -> int:
    """The command line (see the module docstring)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(argv[:1])  # noqa: F841 - QImage writers need an application
    match argv[1:]:
        case ["hicolor", folder, name]:
            hicolor(Path(folder), name)
        case ["ico", path]:
            ico(Path(path))
        case ["icns", path]:
            icns(Path(path))
        case _:
            print(__doc__, file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
