"""Keyboard first: every action has a shortcut listed under Help, the Tab key walks the
screen left to right, and every control has a name a screen reader can say."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from advocate_console.auth import TokenVault
from advocate_console.central.demo.accounts import DEMO_PASSWORD, DEMO_USERNAME
from advocate_console.console import Console
from advocate_console.settings import Settings
from advocate_console.ui.shortcuts_dialog import ShortcutsDialog, shortcuts_of


@pytest.fixture
def window(qtbot, tmp_path, server):
    """The whole one screen, signed in and synced, with the story caller shown."""
    console = Console(
        Settings(api_url=server.url, data_dir=tmp_path),
        tmp_path,
        TokenVault(memory_only=True),
        QSettings(str(tmp_path / "qsettings.ini"), QSettings.Format.IniFormat),
        sync_interval_s=3600,
    )
    shown = console.window
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    with qtbot.waitSignal(console.sig_ready, timeout=20_000):
        console.open_local()
    with qtbot.waitSignal(console.sync.sig_synced, timeout=60_000):
        console.sign_in_as(server.url, DEMO_USERNAME, DEMO_PASSWORD)
    qtbot.waitUntil(lambda: shown.dial_out is not None and shown.card_queue is not None)
    with qtbot.waitSignal(shown.sig_history_shown, timeout=10_000):
        shown.pop_caller("1-800-GE-CARES")
    yield shown
    shown.close()


def test_every_action_of_the_one_screen_has_a_shortcut_listed_under_help(window):
    listed = dict(shortcuts_of(window))
    for keys in ("Ctrl+F", "F5", "Ctrl+S", "Ctrl+Shift+F", "Alt+1", "Alt+9", "F1"):
        assert keys in listed, (keys, listed)
    assert "follow-up" in listed["Ctrl+Shift+F"].lower()
    assert "Ctrl+Shift+U" in listed and "Ctrl+Shift+C" in listed
    dialog = ShortcutsDialog(window)
    assert dialog.table.rowCount() >= len(listed)


def test_alt_1_dials_the_best_ranked_person_from_anywhere_on_the_screen(qtbot, window):
    best = window.dial_out.model.ranked(0).resource
    window.caller_bar.field.setFocus()
    with qtbot.waitSignal(window.dial_out.sig_dial_requested, timeout=5000) as dialled:
        qtbot.keyClick(window.caller_bar.field, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert dialled.args[0].id == best.id


def test_tab_walks_the_screen_from_the_caller_bar_to_the_form_to_the_people(qtbot, window):
    order: list[QWidget] = []
    widget: QWidget = window.caller_bar.field
    for _ in range(200):
        order.append(widget)
        widget = widget.nextInFocusChain()
        while not (widget.isVisibleTo(window) and widget.isEnabled()) or not (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            widget = widget.nextInFocusChain()
        if widget is window.caller_bar.field:
            break

    def first(ancestor: QWidget) -> int:
        return next(i for i, w in enumerate(order) if ancestor.isAncestorOf(w) or w is ancestor)

    assert order[0] is window.caller_bar.field
    assert first(window.history) < first(window.form) < first(window.dial_out)


def test_every_control_has_a_name_a_screen_reader_can_say(window):
    kinds = (
        QAbstractButton,
        QLineEdit,
        QComboBox,
        QAbstractSpinBox,
        QAbstractItemView,
        QPlainTextEdit,
        QTextEdit,
    )
    nameless = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, kinds) or not widget.isVisibleTo(window):
            continue
        if isinstance(widget.parent(), (QAbstractSpinBox, QLineEdit, QAbstractItemView)):
            continue  # Qt's own parts (a spin box's editor, a clear button, headers) speak
        if isinstance(widget, QHeaderView) or widget.objectName().startswith("qt_"):
            continue  # through their owner, with names Qt gives them
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text.replace("&", "").strip()):
            nameless.append(
                f"{type(widget).__name__} {widget.objectName()!r} in "
                f"{type(widget.parent()).__name__}"
            )
    assert nameless == [], "\n".join(nameless)
