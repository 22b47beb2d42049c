"""Above the form of a resolved case: who resolved it, when and with what; and, when the
advocate had typed a resolution of it that was never saved (a colleague's arrived by sync
first), that hers is kept and the two ways on: add it to the case as a note, or discard it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from advocate_console.domain import Case, Collection, Resolution
from advocate_console.domain.resolutions import ResolutionEntry

from ..field_values import field_text
from ..formatting import moment
from ..labels import label


def entry_in_words(entry: ResolutionEntry) -> str:
    """What an unsaved entry gave and how the customer felt, in one line."""
    remedies = field_text(
        Collection.RESOLUTIONS, "remedies", [r.model_dump(mode="json") for r in entry.remedies]
    ).replace("\n", "; ")
    parts = [remedies] if entry.remedies else []
    if entry.steps:
        parts.append(field_text(Collection.RESOLUTIONS, "steps", [s.value for s in entry.steps]))
    if entry.delight is not None:
        parts.append(label(entry.delight))
    if entry.follow_up and entry.follow_up_at is not None:
        parts.append(f"{moment(entry.follow_up_at)} {entry.follow_up_reason.strip()}".strip())
    if not parts and entry.notes.strip():
        parts.append(entry.notes.strip().splitlines()[0])
    return " — ".join(parts) or entry.summary.strip()


def summary_changed(entry: ResolutionEntry, case: Case) -> bool:
    """Whether the advocate rewrote what went wrong on the form."""
    return bool(entry.summary.strip()) and entry.summary.strip() != case.summary.strip()


class ResolvedPanel(QFrame):
    """Says who resolved the form's case; offers what to do with the advocate's unsaved
    resolution of it, when she had typed one."""

    sig_keep_as_note = Signal()
    """Add the advocate's unsaved resolution to the case as a note."""
    sig_discard = Signal()
    """The advocate gives her unsaved resolution up."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resolvedCase")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Who resolved this case"))
        self.what = QLabel()
        self.what.setWordWrap(True)
        self.what.setTextFormat(Qt.TextFormat.PlainText)  # names are people's, never markup
        self.what.setAccessibleName(self.tr("Who resolved this case, when and how"))
        self.mine = QLabel()
        self.mine.setWordWrap(True)
        self.mine.setTextFormat(Qt.TextFormat.PlainText)
        self.mine.setAccessibleName(self.tr("What you typed, kept"))
        self.keep_as_note = QPushButton(self.tr("&Keep mine as a note"))
        self.keep_as_note.setAccessibleName(self.tr("Add what you typed to the case as a note"))
        self.discard = QPushButton(self.tr("Discard mine…"))
        self.discard.setAccessibleName(self.tr("Discard what you typed"))
        self.keep_as_note.clicked.connect(self.sig_keep_as_note)
        self.discard.clicked.connect(self.sig_discard)
        self.buttons = QWidget()
        buttons = QHBoxLayout(self.buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.keep_as_note)
        buttons.addWidget(self.discard)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.what)
        layout.addWidget(self.mine)
        layout.addWidget(self.buttons)
        self.hide()

    def show_resolved(
        self, case: Case, resolution: Resolution | None, mine: ResolutionEntry | None
    ) -> None:
        """Say who resolved ``case`` with ``resolution`` (None: not here yet), and what
        becomes of ``mine``, the advocate's unsaved entry (None: she had typed nothing)."""
        if resolution is None:
            said = self.tr("Case %s was resolved on another console.") % case.number
        else:
            said = (
                self.tr("%1 resolved this case at %2 (%3).")
                .replace("%1", resolution.written_by or self.tr("Someone"))
                .replace("%2", moment(resolution.resolved_at))
                .replace("%3", self.resolution_words(resolution))
            )
        self.what.setText(said)
        self.mine.setVisible(mine is not None)
        self.buttons.setVisible(mine is not None)
        if mine is not None:
            self.mine.setText(
                self.tr(
                    "What you typed was not saved and is kept: %s. Add it to the case as a"
                    " note, or discard it."
                )
                % (entry_in_words(mine) or self.tr("(nothing)"))
            )
            if summary_changed(mine, case):
                self.mine.setText(
                    self.mine.text() + " " + self.tr("What went wrong, as you wrote it, too.")
                )
        self.show()

    def mine_shown(self) -> bool:
        """Whether the advocate's unsaved resolution is offered (the buttons are shown)."""
        return self.isVisible() and not self.buttons.isHidden()

    def resolution_words(self, resolution: Resolution) -> str:
        """ "Information only, customer neutral": the remedies and how the customer felt."""
        remedies = field_text(
            Collection.RESOLUTIONS,
            "remedies",
            [r.model_dump(mode="json") for r in resolution.remedies],
        ).replace("\n", ", ")
        felt = self.tr("customer %s") % label(resolution.delight)
        return ", ".join(part for part in (remedies, felt) if part)
