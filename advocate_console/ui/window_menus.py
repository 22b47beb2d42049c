"""The main window's menus: Console, View and Help, each action with its shortcut (the
keyboard-shortcuts dialog reads them from the window)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from .main_window import MainWindow


def add_menus(window: MainWindow) -> None:
    """Build the menus; the console's own actions become the window's signals."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Console"))
    find = menu.addAction(QCoreApplication.translate("MainWindow", "&Find caller"))
    find.setShortcut(QKeySequence.StandardKey.Find)
    find.triggered.connect(window.focus_search)
    window.sync_action = menu.addAction(QCoreApplication.translate("MainWindow", "&Sync now"))
    window.sync_action.setShortcut(QKeySequence.StandardKey.Refresh)
    window.sync_action.triggered.connect(window.sig_sync_requested)
    window.settings_action = menu.addAction(QCoreApplication.translate("MainWindow", "Se&ttings…"))
    window.settings_action.setShortcut(QKeySequence("Ctrl+,"))
    window.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
    window.settings_action.triggered.connect(window.sig_settings_requested)
    menu.addSeparator()
    window.change_password_action = menu.addAction(
        QCoreApplication.translate("MainWindow", "Change &password…")
    )
    window.change_password_action.triggered.connect(window.sig_change_password_requested)
    # "Sign in…" while nobody is (see MainWindow.set_signed_in), "Sign out" otherwise.
    window.sign_out_action = menu.addAction(QCoreApplication.translate("MainWindow", "Sign &in…"))
    window.sign_out_action.triggered.connect(window.sign_in_or_out)
    quit_action = menu.addAction(QCoreApplication.translate("MainWindow", "&Quit"))
    quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    quit_action.triggered.connect(window.close)
    window.view_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&View"))
    for dock, text, keys in (
        (
            window.follow_ups_dock,
            QCoreApplication.translate("MainWindow", "&Follow-ups"),
            "Ctrl+Shift+U",
        ),
        (
            window.cards_dock,
            QCoreApplication.translate("MainWindow", "&Card queue"),
            "Ctrl+Shift+C",
        ),
    ):
        action = dock.toggleViewAction()
        action.setText(text)
        action.setShortcut(QKeySequence(keys))
        window.view_menu.addAction(action)
    window.view_menu.addSeparator()
    # The console opens it (it needs the store and who is signed in).
    window.scoreboard_action = window.view_menu.addAction(
        QCoreApplication.translate("MainWindow", "&Scoreboard")
    )
    window.scoreboard_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
    help_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    shortcuts = help_menu.addAction(QCoreApplication.translate("MainWindow", "&Keyboard shortcuts"))
    shortcuts.setShortcut(QKeySequence.StandardKey.HelpContents)
    shortcuts.triggered.connect(window.show_shortcuts)
    window.diagnostics_action = help_menu.addAction(
        QCoreApplication.translate("MainWindow", "Save &diagnostics…")
    )
    window.diagnostics_action.triggered.connect(window.sig_diagnostics_requested)
