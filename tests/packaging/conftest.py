"""Packaging test set-up: the tools a check needs, which CI must have."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def need_tool(tool: str, package: str) -> str:
    """The path of ``tool``; skips without it, but fails under CI, which must run every check."""
    path = shutil.which(tool)
    if path:
        return path
    reason = f"{tool} is not installed (apt-get install {package})"
    if os.environ.get("CI"):
        pytest.fail(f"CI must run this packaging check, but {reason}")
    pytest.skip(reason)


def need_root(why: str) -> None:
    """Skip unless root (failing under CI, which runs as root)."""
    if os.geteuid() == 0:
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI must run this packaging check as root: {why}")
    pytest.skip(f"needs root: {why}")
