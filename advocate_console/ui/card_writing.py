"""What the advocate writes on a thank-you card: which card, the message (with the fields
it can hold), the gift certificate, and below them why the card cannot change, be
addressed or print."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from advocate_console.cards import FIELDS, TemplateBook


class CardWriting(QWidget):
    """The card's fields and its notes (the editor's left side)."""

    def __init__(self, book: TemplateBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._make_fields(book)
        self._make_notes()
        form = QFormLayout()
        form.addRow(self.tr("Card"), self.template)
        gift = QHBoxLayout()
        gift.addWidget(self.gift_value)
        gift.addWidget(QLabel(self.tr("Code")))
        gift.addWidget(self.gift_code, 1)
        form.addRow(self.tr("Gift certificate"), gift)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(self.message, 1)
        column.addWidget(self.fields, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.locked)
        column.addWidget(self.no_address)
        column.addWidget(self.problem)

    def _make_fields(self, book: TemplateBook) -> None:
        self.template = QComboBox()
        self.template.setAccessibleName(self.tr("Card"))
        for template in book.cards.values():
            self.template.addItem(template.name, template.id)
        self.message = QPlainTextEdit()
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setPlaceholderText(self.tr("Dear {first_name}, …"))
        self.gift_value = QDoubleSpinBox()
        self.gift_value.setAccessibleName(self.tr("Gift certificate value"))
        self.gift_value.setRange(0, 1000)
        self.gift_value.setDecimals(2)
        self.gift_value.setPrefix("$")
        self.gift_value.setSpecialValueText(self.tr("No gift"))
        self.gift_code = QLineEdit()
        self.gift_code.setAccessibleName(self.tr("Gift certificate code"))
        self.gift_code.setMaxLength(40)
        self.fields = QToolButton()
        self.fields.setText(self.tr("Insert field"))
        self.fields.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.fields)
        described = self.field_descriptions()
        for name, english in FIELDS.items():
            action = menu.addAction(f"{{{name}}} — {described.get(name, english)}")
            action.triggered.connect(
                lambda _=False, n=name: self.message.insertPlainText(f"{{{n}}}")
            )
        self.fields.setMenu(menu)

    def field_descriptions(self) -> dict[str, str]:
        """What each merge field is, in the advocate's language (the field's name itself,
        ``{first_name}``, is what the message holds and stays as it is)."""
        return {
            "first_name": self.tr("The customer's first name"),
            "last_name": self.tr("The customer's last name"),
            "full_name": self.tr("The customer's name as on their record"),
            "product": self.tr(
                "The product the case was about, e.g. “Halvorsen over-the-range microwave”"
            ),
            "product_model": self.tr("The product's model number"),
            "case_number": self.tr("The case number the customer knows, e.g. C-7K2M9Q4X"),
            "advocate_first_name": self.tr("Your first name"),
            "advocate_name": self.tr("Your full name"),
            "gift_value": self.tr("The gift certificate's value, e.g. $25"),
            "gift_code": self.tr("The gift certificate's code"),
            "company": self.tr("The company name from the return address"),
        }

    def _make_notes(self) -> None:
        self.no_address = QLabel()
        self.no_address.setObjectName("cardWarning")
        self.no_address.setWordWrap(True)
        self.no_address.setAccessibleName(self.tr("The customer has no postal address"))
        self.no_address.hide()
        self.locked = QLabel()
        self.locked.setObjectName("cardWarning")
        self.locked.setWordWrap(True)
        self.locked.setAccessibleName(self.tr("Why the card cannot be changed"))
        self.locked.hide()
        self.problem = QLabel()
        self.problem.setObjectName("cardProblem")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Why the card cannot print"))

    def inputs(self) -> tuple[QWidget, ...]:
        """What the advocate types or chooses, in order (disabled when the card is locked)."""
        return (self.template, self.message, self.gift_value, self.gift_code, self.fields)

    def changes(self) -> dict:
        """The card's fields as they are on screen, as a NoteCard's values."""
        cents = round(self.gift_value.value() * 100)
        return {
            "message": self.message.toPlainText(),
            "template": self.template.currentData(),
            "gift_value_cents": cents or None,
            "gift_code": self.gift_code.text().strip() or None,
        }
