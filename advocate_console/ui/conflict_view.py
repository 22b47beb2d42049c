"""Yours and theirs side by side, field by field: each field by its label, each value as
the console shows it everywhere, with the choice of which to keep (both, for text).

Any length fits: a value wraps in its column, a long one shows its start and opens whole
in a view of its own, and the rows scroll.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from advocate_console.domain import Collection

from .field_values import TEXT_FIELDS, field_text
from .formatting import moment
from .labels import labels

PREVIEW_CHARS = 280
"""A value longer than this shows its start, and "Read all" opens it whole."""
_LONG_WORD = re.compile(r"\S{40,}")


class Side:
    """Which value a field keeps (the ids of its choice buttons)."""

    THEIRS = 0
    MINE = 1
    BOTH = 2


@dataclass(frozen=True, slots=True)
class Compared:
    """One field with both values (as the outbox keeps them)."""

    field: str
    mine: Any
    theirs: Any


def theirs_by(server: dict[str, Any] | None) -> str:
    """Who changed the server's version last, and when ("" when the server did not say)."""
    if not server:
        return ""
    who = server.get("updated_by_name") or server.get("author_name") or server.get("advocate")
    when = server.get("updated_at")
    if when:
        try:
            when = moment(datetime.fromisoformat(str(when)))
        except ValueError:
            when = str(when)
    return ", ".join(str(part) for part in (who, when) if part)


class ConflictView(QScrollArea):
    """The fields both sides changed; with ``choosing``, a choice for each (keyboard:
    Tab from field to field, arrows between yours, theirs and both)."""

    def __init__(
        self,
        collection: Collection,
        fields: list[Compared],
        theirs_who: str,
        *,
        choosing: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictView")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Yours and theirs, field by field"))
        self._collection = collection
        self._fields = fields
        self.groups: dict[str, QButtonGroup] = {}
        self.read_all_buttons: list[QPushButton] = []

        rows = QWidget()
        grid = QGridLayout(rows)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setHorizontalSpacing(16)
        grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        theirs_title = (
            self.tr("Theirs: %s") % theirs_who if theirs_who else self.tr("Theirs (on the server)")
        )
        for column, text in ((1, self.tr("Yours")), (2, theirs_title)):
            title = QLabel(f"<b>{text}</b>")
            title.setWordWrap(True)
            grid.addWidget(title, 0, column)
        for number, compared in enumerate(fields):
            self._add_row(grid, 1 + 2 * number, compared, choosing)
        self.setWidget(rows)

    def choices(self) -> tuple[set[str], dict[str, Any]]:
        """The fields to keep as yours, and the fields set to both texts (yours first)."""
        keep: set[str] = set()
        values: dict[str, Any] = {}
        for compared in self._fields:
            group = self.groups.get(compared.field)
            side = group.checkedId() if group is not None else Side.MINE
            if side == Side.MINE:
                keep.add(compared.field)
            elif side == Side.BOTH:
                values[compared.field] = f"{compared.mine}\n\n{compared.theirs}"
        return keep, values

    def take_all(self, side: int) -> None:
        """Choose ``side`` (:class:`Side`) for every field."""
        for group in self.groups.values():
            button = group.button(side)
            if button is not None:
                button.setChecked(True)

    def first_choice(self) -> QWidget | None:
        """Where the keyboard starts: the first field's choice."""
        for group in self.groups.values():
            return group.checkedButton()
        return None

    def _add_row(self, grid: QGridLayout, row: int, compared: Compared, choosing: bool) -> None:
        name = labels().field(compared.field)
        title = QLabel(f"<b>{name}</b>")
        title.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(title, row, 0)
        mine = field_text(self._collection, compared.field, compared.mine)
        theirs = field_text(self._collection, compared.field, compared.theirs)
        cells = (
            (1, Side.MINE, self.tr("Keep yours"), self.tr("Keep yours for %s"), mine),
            (2, Side.THEIRS, self.tr("Take theirs"), self.tr("Take theirs for %s"), theirs),
        )
        group = QButtonGroup(self) if choosing else None
        for column, side, choice, spoken, text in cells:
            cell = QVBoxLayout()
            if group is not None:
                button = QRadioButton(choice)
                button.setAccessibleName(spoken % name)
                button.setChecked(side == Side.MINE)
                group.addButton(button, side)
                cell.addWidget(button)
            cell.addWidget(self._value(text, name))
            grid.addLayout(cell, row, column)
        if group is not None and compared.field in TEXT_FIELDS:
            both = QRadioButton(self.tr("Keep both (yours, then theirs)"))
            both.setAccessibleName(self.tr("Keep both for %s") % name)
            group.addButton(both, Side.BOTH)
            grid.addWidget(both, row + 1, 1, 1, 2)
        if group is not None:
            self.groups[compared.field] = group
            title.setBuddy(group.button(Side.MINE))

    def _value(self, text: str, name: str) -> QWidget:
        shown = text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS].rstrip() + " …"
        # A word too long for the column (a pasted link) may break anywhere: no value may
        # make the dialog wider than the screen.
        shown = _LONG_WORD.sub(lambda m: "\u200b".join(m.group(0)), shown)
        value = QLabel(shown)
        value.setTextFormat(Qt.TextFormat.PlainText)
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value.setAccessibleName(name)
        if len(text) <= PREVIEW_CHARS:
            return value
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(value)
        read_all = QPushButton(self.tr("Read all…"))
        read_all.setAccessibleName(self.tr("Read all of %s") % name)
        read_all.clicked.connect(lambda: TextView(name, text, self).open())
        self.read_all_buttons.append(read_all)
        row = QHBoxLayout()
        row.addWidget(read_all)
        row.addStretch(1)
        layout.addLayout(row)
        return box


class TextView(QDialog):
    """A long value, whole, in a view of its own (it scrolls; Esc closes it)."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.text = QTextBrowser()
        self.text.setPlainText(text)
        self.text.setAccessibleName(title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(640, 480)
