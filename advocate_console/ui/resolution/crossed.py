"""Above the form when two resolutions of its case crossed and the advocate's came second:
what the other advocate did (who, when, the remedies), that the advocate's own is kept as
a draft, and the three ways on: reopen and replace, keep it as a note, or discard it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from advocate_console.domain import Case, Collection, Resolution
from advocate_console.store.crossed import CrossedResolution

from ..field_values import field_text
from ..formatting import moment
from ..labels import label


def in_words(resolution: Resolution) -> str:
    """ "Replacement · $310.00; Account credit · $100.00 — customer delighted"."""
    remedies = field_text(
        Collection.RESOLUTIONS, "remedies", [r.model_dump(mode="json") for r in resolution.remedies]
    ).replace("\n", "; ")
    return f"{remedies} — {label(resolution.delight)}"


class CrossedPanel(QFrame):
    """Says what happened to the advocate's resolution and offers what to do with it."""

    sig_replace = Signal()
    """Reopen the case (when it is not open again yet) and send the advocate's resolution."""
    sig_keep_as_note = Signal()
    """The first resolution stands; the advocate's goes on the case as a note."""
    sig_discard = Signal()
    """The advocate gives their resolution up."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crossedResolution")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Your resolution was not saved"))
        self.what = QLabel()
        self.what.setWordWrap(True)
        self.what.setAccessibleName(self.tr("What the other advocate did"))
        self.mine = QLabel()
        self.mine.setWordWrap(True)
        self.mine.setAccessibleName(self.tr("Your resolution, kept as a draft"))
        self.lead_note = QLabel()
        self.lead_note.setWordWrap(True)
        self.lead_note.setAccessibleName(self.tr("Who may reopen the case"))
        self.replace = QPushButton(self.tr("&Reopen and replace with mine…"))
        self.keep_as_note = QPushButton(self.tr("Keep mine as a &note"))
        self.discard = QPushButton(self.tr("Discard mine…"))
        for button, name in (
            (self.replace, self.tr("Reopen the case and replace theirs with yours")),
            (self.keep_as_note, self.tr("Keep yours as a note on the case")),
            (self.discard, self.tr("Discard yours")),
        ):
            button.setAccessibleName(name)
        self.replace.clicked.connect(self.sig_replace)
        self.keep_as_note.clicked.connect(self.sig_keep_as_note)
        self.discard.clicked.connect(self.sig_discard)
        buttons = QHBoxLayout()
        for button in (self.replace, self.keep_as_note, self.discard):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        for part in (self.what, self.mine, self.lead_note):
            layout.addWidget(part)
        layout.addLayout(buttons)
        self.hide()

    def show_crossed(
        self, crossed: CrossedResolution | None, case: Case | None, *, lead: bool
    ) -> None:
        """Show ``crossed`` (hidden when None); ``lead``: the advocate may reopen any case."""
        self.setVisible(crossed is not None and case is not None)
        if crossed is None or case is None:
            return
        theirs = crossed.theirs
        who = theirs.written_by or self.tr("Someone else")
        self.what.setText(
            self.tr("<b>Not saved:</b> %1 resolved case %2 first, at %3: %4.")
            .replace("%1", who)
            .replace("%2", case.number)
            .replace("%3", moment(theirs.resolved_at))
            .replace("%4", in_words(theirs))
        )
        self.mine.setText(self.tr("Yours is kept as a draft: %s.") % in_words(crossed.mine))
        reopened = case.status.is_open
        needs_lead = crossed.theirs_has_remedies and not lead and not reopened
        self.replace.setText(
            self.tr("&Send mine now") if reopened else self.tr("&Reopen and replace with mine…")
        )
        self.replace.setEnabled(not needs_lead)
        self.lead_note.setVisible(needs_lead or reopened)
        if reopened:
            self.lead_note.setText(
                self.tr("The case was reopened by %s: yours can be sent now.")
                % (case.reopened_by_name or self.tr("someone"))
            )
        elif needs_lead:
            self.lead_note.setText(
                self.tr(
                    "Theirs gave the customer remedies, so only a lead may reopen the case to"
                    " replace it: ask %s or your lead. Once it is reopened, send yours from here."
                )
                % who
            )
