"""A caller the store does not know: note them as a new customer while they are on the line."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from advocate_console.store.contacts import (
    ContactBook,
    ContactRefused,
    NewContact,
    looks_like_a_phone,
)
from advocate_console.tasks import run_task

from .fields import problem_label


class NewContactDialog(QDialog):
    """Name, phone and e-mail of a new caller; saved locally and queued for the server."""

    sig_contact_added = Signal(object)
    """The new caller was saved (a Customer)."""

    def __init__(self, book: ContactBook, searched: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New caller"))
        self.setObjectName("newContactDialog")
        self.book = book
        searched = searched.strip()

        intro = QLabel(
            self.tr("Nobody in the records matches “%s”. Note the caller as a new customer:")
            % searched
            if searched
            else self.tr("Note the caller as a new customer:")
        )
        intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setPlaceholderText(self.tr("as the caller says it"))
        self.phone = QLineEdit()
        self.phone.setAccessibleName(self.tr("Phone"))
        self.email = QLineEdit()
        self.email.setAccessibleName(self.tr("E-mail"))
        if "@" in searched:
            self.email.setText(searched)
        elif looks_like_a_phone(searched, book.default_region):
            self.phone.setText(searched)
        else:
            self.name.setText(searched.title())
        self.problems = {
            "display_name": problem_label(self.tr("Problem with the name")),
            "phones": problem_label(self.tr("Problem with the phone")),
            "emails": problem_label(self.tr("Problem with the e-mail")),
        }
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Saving status"))

        form = QFormLayout()
        for text, field, problem in (
            (self.tr("&Name"), self.name, "display_name"),
            (self.tr("&Phone"), self.phone, "phones"),
            (self.tr("&E-mail"), self.email, "emails"),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
            form.addRow("", self.problems[problem])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(420, self.sizeHint().height())
        (self.phone if self.name.text() else self.name).setFocus()

    def contact(self) -> NewContact:
        """What the dialog says now."""
        return NewContact(self.name.text(), self.phone.text(), self.email.text())

    def save(self) -> None:
        """Check and save off the UI thread; problems are shown next to their fields."""
        contact = self.contact()
        try:
            self.book.customer_for(contact)  # quick checks, no I/O: explain at once
        except ContactRefused as refused:
            self._show_problems(refused)
            return
        self._show_problems(None)
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("Saving…"))
        book = self.book
        run_task(lambda: book.add(contact), self._saved, self._failed, owner=self)

    def _saved(self, customer) -> None:
        self.sig_contact_added.emit(customer)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ContactRefused):
            self._show_problems(error)
            self.message.clear()
        else:
            self.message.setText(self.tr("Could not save; what you typed is kept: %s") % error)

    def _show_problems(self, refused: ContactRefused | None) -> None:
        messages: dict[str, list[str]] = {field: [] for field in self.problems}
        for problem in refused.problems if refused else []:
            messages.setdefault(problem.field, []).append(problem.message)
        for field, label in self.problems.items():
            label.setText("\n".join(messages[field]))
            label.setVisible(bool(messages[field]))
        first = next((f for f in ("display_name", "phones", "emails") if messages[f]), None)
        if first is not None:
            {"display_name": self.name, "phones": self.phone, "emails": self.email}[
                first
            ].setFocus()
