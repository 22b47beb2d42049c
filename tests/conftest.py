"""Shared test set-up: offscreen Qt before any QApplication, fresh temp stores."""

from __future__ import annotations

import os

# Qt must not look for a display: set before pytest-qt creates the QApplication.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from advocate_console.store import Store, open_store


@pytest.fixture
def store(tmp_path) -> Store:
    """A fresh local store in a temp file, migrated to head."""
    opened = open_store(tmp_path / "local.sqlite")
    yield opened
    opened.close()
