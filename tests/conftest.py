"""Shared test set-up: offscreen Qt before any QApplication, fresh temp stores."""

from __future__ import annotations

import os

# Qt must not look for a display: set before pytest-qt creates the QApplication.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from advocate_console.store import Store, open_store
from tests.plumbing import need_part

_app = None  # the session's QApplication, kept alive as pytest-qt keeps its own

MACHINE_WIDE = ("cards", "packaging")
"""Tests that change the machine's own state: CUPS queues (added, taken away, cupsd
stopped), and the packages' checks that read them or install into a Debian root."""


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """Under pytest-xdist (scripts/test runs a worker per core), the tests that change the
    machine's own state run one after another on one worker (a "no printer" test must
    not see another worker's queue); every other test goes wherever a worker is free."""
    from xdist.scheduler import LoadScopeScheduling

    if config.getvalue("dist") == "each":
        return None

    class MachineWideOnOneWorker(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            folder = nodeid.split("/", 2)[1] if nodeid.startswith("tests/") else ""
            return "machine-wide" if folder in MACHINE_WIDE else nodeid

    return MachineWideOnOneWorker(config, log)


@pytest.fixture(scope="session")
def qapp(qapp_args, qapp_cls, tmp_path_factory):
    """pytest-qt's QApplication, speaking English with its plural forms as the app does
    ("1 caller", "2 callers")."""
    global _app
    from PySide6.QtWidgets import QApplication

    from advocate_console.ui.i18n import install_translations

    _app = QApplication.instance() or qapp_cls(qapp_args)
    install_translations(_app, "en", cache_dir=tmp_path_factory.mktemp("translations"))
    return _app


@pytest.fixture
def store(tmp_path) -> Store:
    """A fresh local store in a temp file, migrated to head."""
    opened = open_store(tmp_path / "local.sqlite")
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def secret_service():
    """A real Secret Service keyring backend (gnome-keyring in a private D-Bus session).

    Skipped only where gnome-keyring is not installed and not under CI; CI must have it.
    """
    import keyring.backends.SecretService

    from tests.secret_service import private_secret_service

    try:
        service = private_secret_service()
        environment = service.__enter__()
    except FileNotFoundError as error:
        need_part(f"there is no Secret Service here ({error}): apt-get install gnome-keyring")
    saved = {name: os.environ.get(name) for name in environment}
    os.environ.update(environment)
    backend = keyring.backends.SecretService.Keyring()
    try:
        yield backend
    finally:
        service.__exit__(None, None, None)
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


# Fixtures of a real central server, a faulty proxy and laptops' stores, for any test.
from tests.laptop import client, lead, local, proxy, server  # noqa: E402, F401
