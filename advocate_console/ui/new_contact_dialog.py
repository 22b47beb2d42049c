"""A caller the store does not know: note them as a new customer while they are on the
line: how to reach them, where to send a card, and the product they call about."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from advocate_console.store.contacts import (
    ContactBook,
    ContactRefused,
    NewAddress,
    NewContact,
    NewProduct,
    looks_like_a_phone,
)
from advocate_console.tasks import run_task

from .fields import problem_label
from .problem_labels import problem_labels
from .reason_words import error_text

FIELD_ORDER = ("display_name", "phones", "emails", "address", "product")


class NewContactDialog(QDialog):
    """Name, phone, e-mail, postal address and (optionally) a product of a new caller;
    saved locally in one transaction and queued for the server."""

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
        self.problems = {
            "display_name": problem_label(self.tr("Problem with the name")),
            "phones": problem_label(self.tr("Problem with the phone")),
            "emails": problem_label(self.tr("Problem with the e-mail")),
            "address": problem_label(self.tr("Problem with the address")),
            "product": problem_label(self.tr("Problem with the product")),
        }
        contact = self._contact_fields(searched)
        address = self._address_fields()
        self.product_box = self._product_fields()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Saving status"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # The dialog grows with a problem's note instead of clipping it over the next field.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        for part in (intro, contact, address, self.product_box, self.message, self.buttons):
            layout.addWidget(part)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 36)
        (self.phone if self.name.text() else self.name).setFocus()

    # -- building ---------------------------------------------------------------------------

    def _contact_fields(self, searched: str) -> QGroupBox:
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setPlaceholderText(self.tr("as the caller says it"))
        self.phone = QLineEdit()
        self.phone.setAccessibleName(self.tr("Phone"))
        self.email = QLineEdit()
        self.email.setAccessibleName(self.tr("E-mail"))
        if "@" in searched:
            self.email.setText(searched)
        elif looks_like_a_phone(searched, self.book.default_region):
            self.phone.setText(searched)
        else:
            self.name.setText(searched.title())
        box = QGroupBox(self.tr("The caller"))
        form = _form(box)
        for text, field, problem in (
            (self.tr("&Name"), self.name, "display_name"),
            (self.tr("&Phone"), self.phone, "phones"),
            (self.tr("&E-mail"), self.email, "emails"),
        ):
            _row(form, text, field, self.problems[problem])
        return box

    def _address_fields(self) -> QGroupBox:
        self.street = QLineEdit()
        self.street.setAccessibleName(self.tr("Street"))
        self.line2 = QLineEdit()
        self.line2.setAccessibleName(self.tr("Second address line"))
        self.line2.setPlaceholderText(self.tr("apartment, suite (if any)"))
        self.city = QLineEdit()
        self.city.setAccessibleName(self.tr("City"))
        self.region = QLineEdit()
        self.region.setAccessibleName(self.tr("State"))
        self.postal_code = QLineEdit()
        self.postal_code.setAccessibleName(self.tr("ZIP code"))
        box = QGroupBox(self.tr("Postal address (for thank-you cards)"))
        form = _form(box)
        _row(form, self.tr("S&treet"), self.street)
        _row(form, "", self.line2)
        _row(form, self.tr("Cit&y"), self.city)
        _row(form, self.tr("St&ate"), self.region)
        _row(form, self.tr("&ZIP code"), self.postal_code, self.problems["address"])
        return box

    def _product_fields(self) -> QGroupBox:
        self.brand = QLineEdit()
        self.brand.setAccessibleName(self.tr("Brand"))
        self.product_name = QLineEdit()
        self.product_name.setAccessibleName(self.tr("Product"))
        self.product_name.setPlaceholderText(self.tr("e.g. countertop microwave"))
        self.model = QLineEdit()
        self.model.setAccessibleName(self.tr("Model"))
        self.serial = QLineEdit()
        self.serial.setAccessibleName(self.tr("Serial number"))
        self.purchased = _date_edit(self.tr("Purchase date"))
        self.warranty_end = _date_edit(self.tr("Warranty end"))
        self.purchased.dateChanged.connect(
            lambda day: self.warranty_end.setDate(day.addYears(1))  # the usual warranty
        )
        self.warranty_end.setDate(self.purchased.date().addYears(1))  # never "ends today"
        box = QGroupBox(self.tr("The product they call about (optional)"))
        box.setCheckable(True)
        box.setChecked(False)
        box.setAccessibleName(self.tr("Add the product they call about"))
        form = _form(box)
        _row(form, self.tr("&Brand"), self.brand)
        _row(form, self.tr("Pro&duct"), self.product_name)
        _row(form, self.tr("&Model"), self.model)
        _row(form, self.tr("&Serial"), self.serial)
        _row(form, self.tr("P&urchased"), self.purchased)
        _row(form, self.tr("&Warranty ends"), self.warranty_end, self.problems["product"])
        return box

    # -- saving -----------------------------------------------------------------------------

    def contact(self) -> NewContact:
        """What the dialog says now."""
        product = None
        if self.product_box.isChecked():
            product = NewProduct(
                brand=self.brand.text(),
                name=self.product_name.text(),
                model_number=self.model.text(),
                serial_number=self.serial.text(),
                purchase_date=_day(self.purchased),
                warranty_end=_day(self.warranty_end),
            )
        address = NewAddress(
            self.street.text(),
            self.line2.text(),
            self.city.text(),
            self.region.text(),
            self.postal_code.text(),
        )
        return NewContact(self.name.text(), self.phone.text(), self.email.text(), address, product)

    def save(self) -> None:
        """Check and save off the UI thread; problems are shown next to their fields."""
        contact = self.contact()
        try:
            self.book.records_for(contact)  # quick checks, no I/O: explain at once
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
            self.message.setText(
                self.tr("Could not save; what you typed is kept: %s") % error_text(error)
            )

    def _fit_height(self) -> None:
        """As tall as the notes need at this width (a window's minimum size does not ask
        its word-wrapped notes their height for the width: a note of two lines was cut)."""
        layout = self.layout()
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _show_problems(self, refused: ContactRefused | None) -> None:
        messages: dict[str, list[str]] = {field: [] for field in self.problems}
        for problem in refused.problems if refused else []:
            text = problem_labels().problem(problem)
            if problem.field == "phones" and refused.phone_error is not None:
                text = problem_labels().phone_problem(refused.phone_error)
            messages.setdefault(problem.field, []).append(text)
        for field, label in self.problems.items():
            label.setText("\n".join(messages[field]))
            label.setVisible(bool(messages[field]))
        self._fit_height()
        first = next((f for f in FIELD_ORDER if messages[f]), None)
        focus = {
            "display_name": self.name,
            "phones": self.phone,
            "emails": self.email,
            "address": self.street,
            "product": self.brand,
        }
        if first is not None:
            focus[first].setFocus()


def _form(box: QGroupBox) -> QFormLayout:
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    return form


def _row(form: QFormLayout, text: str, field: QWidget, problem: QLabel | None = None) -> None:
    label = QLabel(text)
    label.setBuddy(field)
    form.addRow(label, field)
    if problem is not None:
        form.addRow(problem)  # the whole width: a long note wraps instead of clipping


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    edit.setAccessibleName(name)
    edit.setDate(QDate.currentDate())
    return edit


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())
