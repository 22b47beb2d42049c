"""The resolution form of the current case: what went wrong, what was done and what it
cost, the five steps, the customer's delight, a follow-up and a thank-you card.

Rules live in :mod:`advocate_console.store.resolutions`; this widget only shows them next
to the fields. Every store call runs on the form's own SerialQueue, so a draft write and
the save that follows it reach the store in the order they were made.
"""

from __future__ import annotations

import itertools
import logging
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import shiboken6
from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from advocate_console.cards import TemplateBook, default_book
from advocate_console.domain import (
    CASE_CATEGORIES,
    Case,
    Delight,
    History,
    RecoveryStep,
    RemedyKind,
)
from advocate_console.domain.validation import Problem
from advocate_console.store.resolutions import (
    CaseWork,
    ResolutionEntry,
    ResolutionRefused,
    ResolutionSaved,
    problems_with,
    remedy_field,
)
from advocate_console.tasks import SerialQueue

from .fields import problem_label
from .formatting import day, money
from .remedy_row import RemedyRow

log = logging.getLogger(__name__)

DRAFT_DELAY_MS = 700
"""How long typing must pause before the draft is written."""
DRAFT_WAIT_S = 5.0
"""How long closing the window waits for the last draft (and any save) to be written."""
CARD_TEMPLATE = "a6-flat"


class ResolutionForm(QWidget):
    """Records how the current case was resolved; keeps a draft as the advocate types."""

    sig_saved = Signal(object)
    """The resolution of this case (a case id) was saved locally and queued for the server."""
    sig_card_drafted = Signal(object)
    """A thank-you card (its id) was drafted with the resolution: open it in the editor."""
    sig_case_opened = Signal(object)
    """A new case (a Case) was opened for the caller."""
    sig_draft_kept = Signal(object)
    """The form's draft of this case (a case id) was written to the local store."""
    sig_draft_restored = Signal(object)
    """A draft kept earlier for this case (a case id) is back on the form."""
    sig_message = Signal(str)
    """A line for the status bar."""

    def __init__(
        self, work: CaseWork, book: TemplateBook | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.work = work
        self.book = book or default_book()
        self.history: History | None = None
        self.case: Case | None = None
        self._loading = False
        self._dirty = False
        self._checking = False  # after a refused save, problems update as the advocate types
        self._saving = False
        # In order: a draft write never lands after the save that made it obsolete.
        self._queue = SerialQueue()

        self.title = QLabel(self.tr("No caller yet"))
        self.title.setObjectName("caseTitle")
        self.title.setWordWrap(True)
        self.title.setAccessibleName(self.tr("Current case"))
        self.open_button = QPushButton(self.tr("&Open a new case"))
        self.open_button.setAccessibleName(self.tr("Open a new case"))
        self.open_button.clicked.connect(self.open_case)

        # -- the problem
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Issue category"))
        for name in CASE_CATEGORIES:
            self.category.addItem(name, name)
        self.product = QComboBox()
        self.product.setAccessibleName(self.tr("Product"))
        # Long product names must not widen the middle column past a laptop's screen.
        for combo in (self.category, self.product):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(16)
        self.summary = QPlainTextEdit()
        self.summary.setAccessibleName(self.tr("What went wrong"))
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.category_problem = problem_label(self.tr("Problem with the category"))
        self.summary_problem = problem_label(self.tr("Problem with what went wrong"))
        problem_box = QGroupBox(self.tr("The problem"))
        problem_form = QFormLayout(problem_box)
        problem_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._add_row(problem_form, self.tr("Cate&gory"), self.category, self.category_problem)
        self._add_row(problem_form, self.tr("&Product"), self.product)
        self._add_row(problem_form, self.tr("&What went wrong"), self.summary, self.summary_problem)

        # -- remedies
        labels = {
            RemedyKind.REPAIR_FEE_WAIVED: self.tr("Repair fee waived"),
            RemedyKind.WARRANTY_EXTENDED: self.tr("Warranty extended"),
            RemedyKind.REPLACEMENT: self.tr("Replacement"),
            RemedyKind.REFUND_WITHOUT_RETURN: self.tr("Refund without return"),
            RemedyKind.ACCOUNT_CREDIT: self.tr("Account credit"),
            RemedyKind.GIFT_CERTIFICATE: self.tr("Gift certificate"),
            RemedyKind.INFORMATION_ONLY: self.tr("Information only"),
            RemedyKind.OTHER: self.tr("Other"),
        }
        self.remedies = {kind: RemedyRow(kind, labels[kind], self) for kind in RemedyKind}
        remedy_box = QGroupBox(self.tr("Re&medies"))
        grid = QGridLayout(remedy_box)
        grid.setColumnStretch(0, 1)
        grid.setVerticalSpacing(2)
        row = 0
        for item in self.remedies.values():
            grid.addWidget(item.check, row, 0)
            if item.extra is not None:
                grid.addWidget(item.extra, row, 1)
            grid.addWidget(item.cost, row, 2)
            grid.addWidget(item.problem, row + 1, 0, 1, 3)
            row += 2
        self.remedies_problem = problem_label(self.tr("Problem with the remedies"))
        self.total = QLabel()
        self.total.setAccessibleName(self.tr("Total cost"))
        grid.addWidget(self.remedies_problem, row, 0, 1, 3)
        grid.addWidget(self.total, row + 1, 0, 1, 3, Qt.AlignmentFlag.AlignRight)

        # -- the five steps
        step_labels = {
            RecoveryStep.EMPATHIZED: self.tr("Empathized"),
            RecoveryStep.TOOK_OWNERSHIP: self.tr("Took ownership"),
            RecoveryStep.LESSENED_INCONVENIENCE: self.tr("Lessened the inconvenience"),
            RecoveryStep.MANAGED_MEMORY: self.tr("Managed the memory"),
            RecoveryStep.EXTENDED_EXPERIENCE: self.tr("Extended the experience"),
        }
        self.steps = {step: QCheckBox(text) for step, text in step_labels.items()}
        steps_box = QGroupBox(self.tr("The f&ive steps"))
        steps_grid = QGridLayout(steps_box)
        steps_grid.setVerticalSpacing(2)
        for index, (step, box) in enumerate(self.steps.items()):
            box.setAccessibleName(step_labels[step])
            steps_grid.addWidget(box, index // 2, index % 2)

        # -- outcome and notes
        delight_labels = {
            Delight.DELIGHTED: self.tr("&Delighted"),
            Delight.SATISFIED: self.tr("&Satisfied"),
            Delight.NEUTRAL: self.tr("Ne&utral"),
            Delight.UNHAPPY: self.tr("Unhapp&y"),
        }
        self.delight = {kind: QRadioButton(text) for kind, text in delight_labels.items()}
        self.delight_group = QButtonGroup(self)
        outcome_box = QGroupBox(self.tr("How the customer felt at the end"))
        outcome = QVBoxLayout(outcome_box)
        scale = QHBoxLayout()
        for kind, button in self.delight.items():
            button.setAccessibleName(delight_labels[kind].replace("&", ""))
            self.delight_group.addButton(button)
            scale.addWidget(button)
        scale.addStretch(1)
        outcome.addLayout(scale)
        self.delight_problem = problem_label(self.tr("Problem with the outcome"))
        outcome.addWidget(self.delight_problem)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        notes_label = QLabel(self.tr("&Notes"))
        notes_label.setBuddy(self.notes)
        outcome.addWidget(notes_label)
        outcome.addWidget(self.notes)

        # -- follow-up and card
        self.follow_up = QGroupBox(self.tr("Schedule a &follow-up call"))
        self.follow_up.setAccessibleName(self.tr("Schedule a follow-up call"))
        self.follow_up.setCheckable(True)
        self.follow_up.setChecked(False)
        self.follow_up_at = QDateTimeEdit()
        self.follow_up_at.setCalendarPopup(True)
        self.follow_up_at.setDisplayFormat("ddd d MMM yyyy HH:mm")
        self.follow_up_at.setAccessibleName(self.tr("Follow-up date and time"))
        self.follow_up_reason = QLineEdit()
        self.follow_up_reason.setAccessibleName(self.tr("Follow-up reason"))
        self.follow_up_reason.setPlaceholderText(self.tr("e.g. check the replacement arrived"))
        self.follow_up_at_problem = problem_label(self.tr("Problem with the follow-up time"))
        self.follow_up_reason_problem = problem_label(self.tr("Problem with the follow-up reason"))
        follow_form = QFormLayout(self.follow_up)
        follow_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._add_row(follow_form, self.tr("&At"), self.follow_up_at, self.follow_up_at_problem)
        self._add_row(
            follow_form, self.tr("&Reason"), self.follow_up_reason, self.follow_up_reason_problem
        )
        self.send_card = QCheckBox(self.tr("Send a &thank-you card (drafted when you save)"))
        self.send_card.setAccessibleName(self.tr("Send a thank-you card"))

        # -- save
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Resolution status"))
        self.save_button = QPushButton(self.tr("Save resolution"))
        self.save_button.setAccessibleName(self.tr("Save resolution"))
        self.save_button.setToolTip(self.tr("Save the resolution (Ctrl+S); works offline"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(6, 6, 6, 6)
        for part in (problem_box, remedy_box, steps_box, outcome_box, self.follow_up):
            column.addWidget(part)
        column.addWidget(self.send_card)
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)
        self.scroll.setAccessibleName(self.tr("Resolution form"))
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # focus scrolls it (see below)
        self._content = content
        header = QHBoxLayout()
        header.setContentsMargins(6, 4, 6, 0)
        header.addWidget(self.title, 1)
        header.addWidget(self.open_button)
        footer = QHBoxLayout()
        footer.setContentsMargins(6, 0, 6, 4)
        footer.addWidget(self.status, 1)
        footer.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(footer)

        self._shortcut("Ctrl+S", self.save, self.tr("Save the resolution"))
        self._shortcut("Ctrl+Shift+F", self.schedule_follow_up, self.tr("Schedule a follow-up"))
        self._set_tab_order()

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.keep_draft)
        self._watch_edits()
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._scroll_to_focus)
        self._set_enabled(False)

    # -- building --------------------------------------------------------------------------

    @staticmethod
    def _add_row(form: QFormLayout, text: str, field: QWidget, problem: QLabel | None = None):
        label = QLabel(text)
        label.setBuddy(field)
        form.addRow(label, field)
        if problem is not None:
            form.addRow("", problem)

    def _shortcut(self, keys: str, slot: Callable[[], Any], text: str) -> None:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)

    def _inputs(self) -> list[QWidget]:
        """Every input, in the order they are on screen (the tab order)."""
        widgets: list[QWidget] = [self.category, self.product, self.summary]
        for item in self.remedies.values():
            widgets += item.widgets()
        widgets += list(self.steps.values()) + list(self.delight.values())
        widgets += [self.notes, self.follow_up, self.follow_up_at, self.follow_up_reason]
        return [*widgets, self.send_card]

    def _set_tab_order(self) -> None:
        chain = [self.open_button, *self._inputs(), self.save_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _watch_edits(self) -> None:
        for widget in self._inputs():
            for name in ("currentIndexChanged", "textChanged", "toggled", "valueChanged"):
                signal = getattr(widget, name, None)
                if signal is not None and widget is not self.follow_up_at:
                    signal.connect(self._edited)
        self.follow_up_at.dateTimeChanged.connect(self._edited)

    # -- showing a case --------------------------------------------------------------------

    def show_history(self, history: History, case_id: uuid.UUID | None = None) -> None:
        """Work on ``case_id`` of this caller (their newest open case when None)."""
        open_cases = [c for c in history.cases if c.status.is_open]
        case = next((c for c in history.cases if c.id == case_id), None) if case_id else None
        if case is None and open_cases:
            case = max(open_cases, key=lambda c: c.opened_at)
        same = self.case is not None and case is not None and case.id == self.case.id
        self.history = history
        if same:  # the history was read again (after a sync): keep what is typed
            self.case = case
            return
        if self._draft_timer.isActive():
            self.keep_draft()
        self.case = case
        self._fill_products(history)
        self._show_entry(self._entry_of_case(case) if case else None)
        self._dirty = False
        self._checking = False
        self._show_problems([])
        self.status.clear()
        self._show_title()
        self._set_enabled(case is not None and case.status.is_open)
        if case is not None and case.status.is_open:
            self._load_draft(case.id)

    def _show_title(self) -> None:
        history, case = self.history, self.case
        if history is None:
            self.title.setText(self.tr("No caller yet"))
        elif case is None:
            self.title.setText(
                self.tr("No open case for %s: choose the problem and open one.")
                % history.customer.display_name
            )
        else:
            self.title.setText(
                self.tr("<b>Case %s</b> · %s · opened %s")
                % (case.number, history.customer.display_name, day(case.opened_at))
            )
        self.open_button.setVisible(history is not None and case is None)

    def _fill_products(self, history: History) -> None:
        self._loading = True
        self.product.clear()
        self.product.addItem(self.tr("No particular product"), None)
        for product in history.products:
            # Item data as text: a UUID in a QVariant does not compare equal to itself.
            self.product.addItem(
                f"{product.display_name} · {product.serial_number}", str(product.id)
            )
        self._loading = False

    @staticmethod
    def _entry_of_case(case: Case) -> ResolutionEntry:
        return ResolutionEntry(
            case_id=case.id,
            category=case.category,
            product_id=case.product_id,
            summary=case.summary,
        )

    def _show_entry(self, entry: ResolutionEntry | None) -> None:
        self._loading = True
        try:
            category = entry.category if entry else CASE_CATEGORIES[0]
            if self.category.findData(category) < 0:
                self.category.addItem(category, category)
            self.category.setCurrentIndex(self.category.findData(category))
            product = self.product.findData(str(entry.product_id)) if entry else 0
            self.product.setCurrentIndex(max(0, product))
            self.summary.setPlainText(entry.summary if entry else "")
            remedies = {r.kind: r for r in entry.remedies} if entry else {}
            for kind, row in self.remedies.items():
                row.show_entry(remedies.get(kind))
            for step, box in self.steps.items():
                box.setChecked(bool(entry) and step in entry.steps)
            self.delight_group.setExclusive(False)
            for kind, button in self.delight.items():
                button.setChecked(bool(entry) and entry.delight is kind)
            self.delight_group.setExclusive(True)
            self.notes.setPlainText(entry.notes if entry else "")
            self.follow_up.setChecked(bool(entry) and entry.follow_up)
            due = entry.follow_up_at if entry and entry.follow_up_at else None
            if due is None:
                due = (self.work.now() + timedelta(days=1)).replace(minute=0, second=0)
            self.follow_up_at.setDateTime(QDateTime.fromSecsSinceEpoch(int(due.timestamp())))
            self.follow_up_reason.setText(entry.follow_up_reason if entry else "")
            self.send_card.setChecked(bool(entry) and entry.send_card)
        finally:
            self._loading = False
        self._show_total()

    def _set_enabled(self, on: bool) -> None:
        for widget in self._inputs():
            widget.setEnabled(on)
        for item in self.remedies.values():
            item._enable(on and item.check.isChecked())
        # With no open case the problem can still be described, to open one.
        no_case = self.history is not None and self.case is None
        for widget in (self.category, self.product, self.summary):
            widget.setEnabled(on or no_case)
        self.follow_up_at.setEnabled(on and self.follow_up.isChecked())
        self.follow_up_reason.setEnabled(on and self.follow_up.isChecked())
        self.save_button.setEnabled(on and not self._saving)

    # -- reading the form ------------------------------------------------------------------

    def entry(self) -> ResolutionEntry | None:
        """What is on the form now (None without a case)."""
        if self.case is None:
            return None
        delight = next((k for k, b in self.delight.items() if b.isChecked()), None)
        secs = self.follow_up_at.dateTime().toSecsSinceEpoch()
        return ResolutionEntry(
            case_id=self.case.id,
            category=self.category.currentData() or "",
            product_id=self._product_id(),
            summary=self.summary.toPlainText(),
            remedies=[r.entry() for r in self.remedies.values() if r.check.isChecked()],
            steps=[step for step, box in self.steps.items() if box.isChecked()],
            delight=delight,
            notes=self.notes.toPlainText(),
            follow_up=self.follow_up.isChecked(),
            follow_up_at=datetime.fromtimestamp(secs, UTC),
            follow_up_reason=self.follow_up_reason.text(),
            send_card=self.send_card.isChecked(),
        )

    def _product_id(self) -> uuid.UUID | None:
        data = self.product.currentData()
        return uuid.UUID(data) if data else None

    def _edited(self, *_args: object) -> None:
        if self._loading:
            return
        self._show_total()
        self.follow_up_at.setEnabled(self.follow_up.isChecked() and self.case is not None)
        self.follow_up_reason.setEnabled(self.follow_up_at.isEnabled())
        if self.case is None or not self.case.status.is_open:
            return
        self._dirty = True
        self._draft_timer.start()
        if self._checking:
            self._show_problems(self.problems())

    def _show_total(self) -> None:
        entries = [r.entry() for r in self.remedies.values() if r.check.isChecked()]
        total = sum(
            (e.cost_cents or (e.value_cents if e.kind is RemedyKind.GIFT_CERTIFICATE else 0) or 0)
            for e in entries
        )
        self.total.setText(self.tr("Total cost: %s") % money(total))

    # -- problems --------------------------------------------------------------------------

    def problems(self) -> list[Problem]:
        """What stops the form from being saved now."""
        entry = self.entry()
        if entry is None or self.case is None:
            return []
        return problems_with(entry, self.case, self.work.now())

    def _problem_places(self) -> dict[str, tuple[QLabel, QWidget]]:
        places = {
            "category": (self.category_problem, self.category),
            "product_id": (self.category_problem, self.product),
            "summary": (self.summary_problem, self.summary),
            "remedies": (self.remedies_problem, self.remedies[RemedyKind.REPAIR_FEE_WAIVED].check),
            "delight": (self.delight_problem, self.delight[Delight.DELIGHTED]),
            "notes": (self.delight_problem, self.notes),
            "follow_up_at": (self.follow_up_at_problem, self.follow_up_at),
            "follow_up_reason": (self.follow_up_reason_problem, self.follow_up_reason),
        }
        for kind, row in self.remedies.items():
            focus = row.widgets()[1] if len(row.widgets()) > 1 else row.check
            places[remedy_field(kind)] = (row.problem, focus)
        return places

    def _show_problems(self, problems: list[Problem]) -> None:
        places = self._problem_places()
        messages: dict[QLabel, list[str]] = {label: [] for label, _ in places.values()}
        general = []
        for problem in problems:
            if problem.field in places:
                messages[places[problem.field][0]].append(problem.message)
            else:
                general.append(str(problem))
        for label, texts in messages.items():
            label.setText("\n".join(texts))
            label.setVisible(bool(texts))
        for _label, widget in places.values():
            widget.setAccessibleDescription("")
        for problem in problems:
            if problem.field in places:
                places[problem.field][1].setAccessibleDescription(problem.message)
        if general:
            self.status.setText("\n".join(general))

    # -- actions ---------------------------------------------------------------------------

    def schedule_follow_up(self) -> None:
        """Tick "schedule a follow-up" and put the cursor on its date (Ctrl+Shift+F)."""
        if self.case is None or not self.case.status.is_open:
            return
        self.follow_up.setChecked(True)
        self.follow_up_at.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def save(self) -> None:
        """Check the form; when it is complete, save it off the UI thread (Ctrl+S)."""
        if self.case is None or self._saving or not self.save_button.isEnabled():
            return
        problems = self.problems()
        self._show_problems(problems)
        if problems:
            self._checking = True
            self.status.setText(self.tr("Not saved: see the notes in red."))
            places = self._problem_places()
            first = next((places[p.field][1] for p in problems if p.field in places), None)
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        entry = self.entry()
        assert entry is not None
        self._draft_timer.stop()
        self._saving = True
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        message = None
        if entry.send_card:
            template = (
                CARD_TEMPLATE if CARD_TEMPLATE in self.book.cards else next(iter(self.book.cards))
            )
            message = self.book.card(template).default_message
        work = self.work
        self._run(
            lambda: work.resolve(entry, card_message=message),
            self._saved,
            self._save_failed,
        )

    def _saved(self, saved: ResolutionSaved) -> None:
        self._saving = False
        self._dirty = False
        self._checking = False
        self.case = saved.case
        self._show_problems([])
        self._set_enabled(False)
        self.status.setText(self.tr("Saved. Case %s is resolved.") % saved.case.number)
        self.sig_message.emit(self.tr("Resolution of case %s saved") % saved.case.number)
        self.sig_saved.emit(saved.case.id)
        if saved.card is not None:
            self.sig_card_drafted.emit(saved.card.id)

    def _save_failed(self, error: Exception) -> None:
        self._saving = False
        self.save_button.setEnabled(self.case is not None)
        if isinstance(error, ResolutionRefused):
            self._checking = True
            self._show_problems(error.problems)
            self.status.setText(self.tr("Not saved: see the notes in red."))
        else:
            self.status.setText(self.tr("Could not save; your entries are kept: %s") % error)

    def open_case(self) -> None:
        """Open a new case for the caller with the problem as described."""
        history = self.history
        if history is None or self.case is not None:
            return
        category = self.category.currentData() or CASE_CATEGORIES[0]
        product_id = self._product_id()
        summary = self.summary.toPlainText().strip()
        work = self.work
        self.open_button.setEnabled(False)
        self._run(
            lambda: work.open_case(
                history.customer.id, category, product_id=product_id, summary=summary
            ),
            self._case_opened,
            self._open_failed,
        )

    def _case_opened(self, case: Case) -> None:
        self.open_button.setEnabled(True)
        if self.history is None or case.customer_id != self.history.customer.id:
            return
        self.case = case
        self._show_title()
        self._set_enabled(True)
        self.sig_case_opened.emit(case)
        self.category.setFocus()

    def _open_failed(self, error: Exception) -> None:
        self.open_button.setEnabled(True)
        self.status.setText(self.tr("Could not open a case: %s") % error)

    # -- drafts ----------------------------------------------------------------------------

    def keep_draft(self, wait: bool = False) -> None:
        """Write the draft now; with ``wait``, until it is on disk (the window is closing,
        and the store closes right after)."""
        self._draft_timer.stop()
        entry = self.entry()
        if entry is not None and self._dirty and not self._saving:
            work = self.work
            self._run(
                lambda: work.keep_draft(entry),
                lambda _none: self.sig_draft_kept.emit(entry.case_id),
                lambda error: self.status.setText(self.tr("Could not keep a draft: %s") % error),
            )
        if wait and not self._queue.wait(DRAFT_WAIT_S):
            log.warning("The resolution draft was not written in %s s", DRAFT_WAIT_S)

    def _load_draft(self, case_id: uuid.UUID) -> None:
        work = self.work
        self._run(lambda: work.draft(case_id), lambda entry: self._restore(case_id, entry))

    def _restore(self, case_id: uuid.UUID, entry: ResolutionEntry | None) -> None:
        if entry is None or self.case is None or self.case.id != case_id or self._dirty:
            return
        self._show_entry(entry)
        self._set_enabled(True)
        self.status.setText(self.tr("Draft restored: carry on where you left off."))
        self.sig_draft_restored.emit(case_id)

    def _run(
        self,
        function: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[Exception], None] | None = None,
    ) -> None:
        # The form may be gone (window closed) by the time the store answers.
        def alive(callback):
            return lambda value: callback(value) if shiboken6.isValid(self) else None

        self._queue.run_task(function, alive(done), alive(failed) if failed else None)

    def _scroll_to_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Keyboard first: the field the Tab key reaches is always in view.
        if new is not None and shiboken6.isValid(self) and self._content.isAncestorOf(new):
            self.scroll.ensureWidgetVisible(new, 10, 30)
