"""Help ▸ Save diagnostics…: the zip for IT (:mod:`advocate_console.diagnostics`), written
off the UI thread, and then a message saying where it is, with a button to open its folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from advocate_console.diagnostics import DiagnosticsInput, write_diagnostics
from advocate_console.tasks import run_task

if TYPE_CHECKING:
    from .main_window import MainWindow

__all__ = ["DiagnosticsInput", "DiagnosticsSaved", "save_diagnostics"]


class DiagnosticsSaved(QMessageBox):
    """Where the zip is, and what to do with it; *Open folder* shows it in the file manager."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.setObjectName("diagnosticsSaved")
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(self.tr("Diagnostics saved"))
        self.setText(self.tr("Diagnostics for your IT department are saved in:"))
        self.setInformativeText(
            self.tr("%s\n\nSend this file to your IT department. It holds no customer's data.")
            % path
        )
        self.open_folder = self.addButton(
            self.tr("&Open folder"), QMessageBox.ButtonRole.ActionRole
        )
        self.open_folder.setAccessibleName(self.tr("Open the folder of the diagnostics file"))
        self.addButton(QMessageBox.StandardButton.Close)
        self.open_folder.clicked.connect(self._open_folder)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))


def save_diagnostics(
    window: MainWindow, what: DiagnosticsInput, folder: Path | None = None
) -> None:
    """Write the zip on a worker thread; then say where it is (or why it could not be)."""
    window.diagnostics_action.setEnabled(False)  # one at a time: the self-test takes seconds
    window.show_message(
        QCoreApplication.translate(
            "Diagnostics", "Saving diagnostics for IT (this takes a few seconds)…"
        )
    )

    def saved(path: Path) -> None:
        window.diagnostics_action.setEnabled(True)
        window.show_message(
            QCoreApplication.translate("Diagnostics", "Diagnostics saved: %s") % path, 15000
        )
        message = DiagnosticsSaved(path, window)
        message.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        message.open()

    def failed(error: Exception) -> None:
        window.diagnostics_action.setEnabled(True)
        window.show_message(
            QCoreApplication.translate("Diagnostics", "Diagnostics could not be saved: %s") % error,
            30000,
        )

    run_task(lambda: write_diagnostics(what, folder), saved, failed, owner=window)
