"""The main window's menus: Console, View and Help, each action with its shortcut (the
keyboard-shortcuts dialog reads them from the window)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from .main_window import MainWindow


def add_menus(window: MainWindow) -> None:
    """Build the menus; the console's own actions become the window's signals."""
    tr = window.tr
    menu = window.menuBar().addMenu(tr("&Console"))
    find = menu.addAction(tr("&Find caller"))
    find.setShortcut(QKeySequence.StandardKey.Find)
    find.triggered.connect(window.focus_search)
    window.sync_action = menu.addAction(tr("&Sync now"))
    window.sync_action.setShortcut(QKeySequence.StandardKey.Refresh)
    window.sync_action.triggered.connect(window.sig_sync_requested)
    window.settings_action = menu.addAction(tr("Se&ttings…"))
    window.settings_action.setShortcut(QKeySequence("Ctrl+,"))
    window.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
    window.settings_action.triggered.connect(window.sig_settings_requested)
    menu.addSeparator()
    window.sign_out_action = menu.addAction(tr("Sign &out"))
    window.sign_out_action.triggered.connect(window.sig_sign_out_requested)
    quit_action = menu.addAction(tr("&Quit"))
    quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    quit_action.triggered.connect(window.close)
    window.view_menu = window.menuBar().addMenu(tr("&View"))
    for dock, text, keys in (
        (window.follow_ups_dock, tr("&Follow-ups"), "Ctrl+Shift+U"),
        (window.cards_dock, tr("&Card queue"), "Ctrl+Shift+C"),
    ):
        action = dock.toggleViewAction()
        action.setText(text)
        action.setShortcut(QKeySequence(keys))
        window.view_menu.addAction(action)
    window.view_menu.addSeparator()
    # The console opens it (it needs the store and who is signed in).
    window.scoreboard_action = window.view_menu.addAction(tr("&Scoreboard"))
    window.scoreboard_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
    help_menu = window.menuBar().addMenu(tr("&Help"))
    shortcuts = help_menu.addAction(tr("&Keyboard shortcuts"))
    shortcuts.setShortcut(QKeySequence.StandardKey.HelpContents)
    shortcuts.triggered.connect(window.show_shortcuts)
    window.diagnostics_action = help_menu.addAction(tr("Save &diagnostics…"))
    window.diagnostics_action.triggered.connect(window.sig_diagnostics_requested)
