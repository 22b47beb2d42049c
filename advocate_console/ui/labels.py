"""Every code of the core a person reads, in words: the one place enum values, case
categories and warranty states get their labels (translated like every other string).

The core keeps its codes (``product failure``, ``CaseStatus.RESOLVED``); widgets call
:func:`label` and never show a raw value. What is wrong (a validation problem, a phone
number, a server address) is worded in :mod:`.problem_labels`.
"""

from __future__ import annotations

import enum
import re

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from advocate_console.domain import (
    CardState,
    CaseStatus,
    Channel,
    Collection,
    Delight,
    Direction,
    FollowUpKind,
    FollowUpStatus,
    InteractionKind,
    RecoveryStep,
    RemedyKind,
    Tier,
    WarrantyState,
    WarrantyStatus,
)
from advocate_console.domain.follow_up_calls import CallResult

DAYS_SHOWN_AS_DAYS = 60
"""Up to this many days a warranty counts in days; past it in months, then years."""
MONTHS_SHOWN_AS_MONTHS = 23


class Labels(QObject):
    """The words for codes; one instance, made on the UI thread (see :func:`labels`)."""

    def __init__(self) -> None:
        super().__init__()
        self._words: dict[tuple[type, object], str] | None = None
        self._fields: dict[str, str] | None = None

    def of(self, value: enum.Enum | str) -> str:
        """The label of an enum value or a case category; an unknown code reads as
        itself, its underscores made spaces."""
        if self._words is None:
            # Keyed by type too: CHANNEL.EMAIL and InteractionKind.EMAIL are both "email".
            self._words = {(type(code), code): text for code, text in self._table()}
        found = self._words.get((type(value), value))
        if found is not None:
            return found
        text = str(value.value if isinstance(value, enum.Enum) else value).replace("_", " ")
        return text[:1].upper() + text[1:]

    def warranty(self, status: WarrantyStatus) -> str:
        """``active, ends in 40 days`` · ``expired 2 months ago`` · ``expired 9 years ago``."""
        if status.state is WarrantyState.NONE:
            return self.tr("no warranty")
        days = status.days
        if status.state is WarrantyState.EXPIRED:
            if days <= DAYS_SHOWN_AS_DAYS:
                return self.tr("expired %n day(s) ago", "", days)
            months = round(days / 30.44)
            if months <= MONTHS_SHOWN_AS_MONTHS:
                return self.tr("expired %n month(s) ago", "", months)
            return self.tr("expired %n year(s) ago", "", int(days / 365.25))
        if days == 0:
            return self.tr("active, ends today")
        if days <= DAYS_SHOWN_AS_DAYS:
            return self.tr("active, ends in %n day(s)", "", days)
        months = round(days / 30.44)
        if months <= MONTHS_SHOWN_AS_MONTHS:
            return self.tr("active, ends in %n month(s)", "", months)
        return self.tr("active, ends in %n year(s)", "", int(days / 365.25))

    def figure(self, name: str) -> str:
        """A scoreboard figure's name (``delighted_share`` → "Delighted customers")."""
        words = {
            "resolutions": self.tr("Resolutions"),
            "delighted": self.tr("Delighted"),
            "satisfied": self.tr("Satisfied"),
            "neutral": self.tr("Neutral"),
            "unhappy": self.tr("Unhappy"),
            "delighted_share": self.tr("Delighted customers"),
            "all_five_steps_share": self.tr("All five steps taken"),
            "remedy_cost_cents": self.tr("Remedy spend"),
            "remedy_cost_per_case_cents": self.tr("Remedy spend per case"),
            "remedy_cost_lifetime_value_share": self.tr("Remedy spend of lifetime value"),
            "suggestions_accepted": self.tr("Suggestions accepted"),
            "suggestions_dismissed": self.tr("Suggestions dismissed"),
            "suggestion_accepted_share": self.tr("Resolutions with a suggestion accepted"),
            "repeat_contacts": self.tr("Repeat contacts"),
            "repeat_contact_share": self.tr("Came back within 30 days"),
            "follow_ups_on_time": self.tr("Follow-ups on time"),
            "follow_ups_late": self.tr("Follow-ups late"),
            "follow_ups_missed": self.tr("Follow-ups missed"),
            "cards_sent": self.tr("Cards sent"),
            "gift_value_cents": self.tr("Gift value"),
            "conferences_held": self.tr("Conferences"),
            "people_brought_in": self.tr("People brought in"),
        }
        return words.get(name) or self.of(name)

    def period(self, days: int) -> str:
        """A report's period: "Last 30 days"."""
        return self.tr("Last %n day(s)", "", days)

    def field(self, name: str) -> str:
        """A record's field as a form labels it ("closed_at" → "Closed")."""
        if self._fields is None:
            self._fields = self._field_table()
        return self._fields.get(name) or self.of(name.removesuffix("_id"))

    def collection(self, collection: Collection) -> str:
        """What one record of ``collection`` is called ("Case", "Follow-up")."""
        return {
            Collection.CUSTOMERS: self.tr("Customer"),
            Collection.PRODUCTS: self.tr("Product"),
            Collection.CASES: self.tr("Case"),
            Collection.INTERACTIONS: self.tr("Timeline entry"),
            Collection.RESOURCES: self.tr("Person to call"),
            Collection.RESOLUTIONS: self.tr("Resolution"),
            Collection.FOLLOW_UPS: self.tr("Follow-up"),
            Collection.CARDS: self.tr("Thank-you card"),
            Collection.CALL_ATTEMPTS: self.tr("Call to a colleague"),
        }[collection]

    def _field_table(self) -> dict[str, str]:
        return {
            "summary": self.tr("Summary"),
            "status": self.tr("Status"),
            "category": self.tr("Category"),
            "channel": self.tr("Channel"),
            "owner": self.tr("Owner"),
            "product_id": self.tr("Product"),
            "customer_id": self.tr("Customer"),
            "case_id": self.tr("Case"),
            "opened_at": self.tr("Opened"),
            "closed_at": self.tr("Closed"),
            "notes": self.tr("Notes"),
            "remedies": self.tr("Remedies"),
            "steps": self.tr("Five steps"),
            "delight": self.tr("Outcome"),
            "resolved_at": self.tr("Resolved"),
            "kind": self.tr("Kind"),
            "direction": self.tr("Direction"),
            "occurred_at": self.tr("When"),
            "body": self.tr("Text"),
            "due_at": self.tr("Due"),
            "reason": self.tr("Reason"),
            "completed_at": self.tr("Done"),
            "template": self.tr("Card"),
            "message": self.tr("Message"),
            "gift_value_cents": self.tr("Gift value"),
            "gift_code": self.tr("Gift code"),
            "state": self.tr("State"),
            "failure_reason": self.tr("Why it failed"),
            "printed_at": self.tr("Printed"),
            "mailed_at": self.tr("Mailed"),
            "display_name": self.tr("Name"),
            "phones": self.tr("Phones"),
            "emails": self.tr("E-mails"),
            "address": self.tr("Address"),
            "tier": self.tr("Tier"),
            "purchase_date": self.tr("Purchased"),
            "warranty_end": self.tr("Warranty ends"),
            "serial_number": self.tr("Serial"),
            "model_number": self.tr("Model"),
            "helped": self.tr("Helped"),
            "outcome": self.tr("Outcome"),
        }

    def _table(self) -> list[tuple[object, str]]:
        # Pairs, not a dict: equal codes of two enums ("email") must both be kept.
        return [
            (CaseStatus.OPEN, self.tr("Open")),
            (CaseStatus.PENDING, self.tr("Pending")),
            (CaseStatus.RESOLVED, self.tr("Resolved")),
            (CaseStatus.CLOSED, self.tr("Closed")),
            (InteractionKind.CALL, self.tr("Call")),
            (InteractionKind.NOTE, self.tr("Note")),
            (InteractionKind.CALLBACK, self.tr("Callback")),
            (InteractionKind.EMAIL, self.tr("E-mail")),
            (InteractionKind.CARD, self.tr("Card")),
            (Direction.INBOUND, self.tr("inbound")),
            (Direction.OUTBOUND, self.tr("outbound")),
            (Direction.INTERNAL, self.tr("internal")),
            (Channel.PHONE, self.tr("phone")),
            (Channel.EMAIL, self.tr("e-mail")),
            (Channel.CHAT, self.tr("chat")),
            (Channel.LETTER, self.tr("letter")),
            (Channel.SOCIAL, self.tr("social media")),
            (Channel.IN_STORE, self.tr("in store")),
            (FollowUpKind.CALLBACK, self.tr("Callback")),
            (FollowUpKind.PROACTIVE, self.tr("Proactive")),
            (FollowUpStatus.OPEN, self.tr("Open")),
            (FollowUpStatus.DONE, self.tr("Done")),
            (FollowUpStatus.CANCELLED, self.tr("Cancelled")),
            (CallResult.REACHED, self.tr("Reached")),
            (CallResult.LEFT_MESSAGE, self.tr("Left a message")),
            (CallResult.NO_ANSWER, self.tr("No answer")),
            (CardState.DRAFT, self.tr("Draft")),
            (CardState.QUEUED, self.tr("Queued")),
            (CardState.PRINTING, self.tr("Printing")),
            (CardState.PRINTED, self.tr("Printed", "a card")),
            (CardState.MAILED, self.tr("Mailed")),
            (CardState.FAILED, self.tr("Failed", "a card")),
            (CardState.CANCELLED, self.tr("Cancelled", "a card")),
            (Tier.STANDARD, self.tr("Standard")),
            (Tier.SILVER, self.tr("Silver")),
            (Tier.GOLD, self.tr("Gold")),
            (Tier.PLATINUM, self.tr("Platinum")),
            (Delight.DELIGHTED, self.tr("delighted")),
            (Delight.SATISFIED, self.tr("satisfied")),
            (Delight.NEUTRAL, self.tr("neutral")),
            (Delight.UNHAPPY, self.tr("unhappy")),
            *self._remedies_and_steps(),
            *self._categories(),
        ]

    def _remedies_and_steps(self) -> list[tuple[object, str]]:
        return [
            (RemedyKind.REPAIR_FEE_WAIVED, self.tr("Repair fee waived")),
            (RemedyKind.WARRANTY_EXTENDED, self.tr("Warranty extended")),
            (RemedyKind.REPLACEMENT, self.tr("Replacement")),
            (RemedyKind.REFUND_WITHOUT_RETURN, self.tr("Refund without return")),
            (RemedyKind.ACCOUNT_CREDIT, self.tr("Account credit")),
            (RemedyKind.GIFT_CERTIFICATE, self.tr("Gift certificate")),
            (RemedyKind.INFORMATION_ONLY, self.tr("Information only")),
            (RemedyKind.OTHER, self.tr("Other")),
            (RecoveryStep.EMPATHIZED, self.tr("Empathized")),
            (RecoveryStep.TOOK_OWNERSHIP, self.tr("Took ownership")),
            (RecoveryStep.LESSENED_INCONVENIENCE, self.tr("Lessened the inconvenience")),
            (RecoveryStep.MANAGED_MEMORY, self.tr("Managed the memory")),
            (RecoveryStep.EXTENDED_EXPERIENCE, self.tr("Extended the experience")),
        ]

    def _categories(self) -> list[tuple[object, str]]:
        return [
            ("product failure", self.tr("Product failure")),
            ("repair", self.tr("Repair")),
            ("warranty", self.tr("Warranty")),
            ("wrong item returned", self.tr("Wrong item returned")),
            ("delivery", self.tr("Delivery")),
            ("installation", self.tr("Installation")),
            ("billing", self.tr("Billing")),
            ("parts", self.tr("Parts")),
            ("product question", self.tr("Product question")),
            ("new purchase", self.tr("New purchase")),
            ("complaint", self.tr("Complaint")),
        ]


_labels: Labels | None = None


def labels() -> Labels:
    """The console's labels (made on first use, on the UI thread)."""
    global _labels
    if _labels is None:
        _labels = Labels()
    return _labels


def label(value: enum.Enum | str) -> str:
    """The words for ``value``: an enum value or a case category."""
    return labels().of(value)


def figure_label(name: str) -> str:
    """A scoreboard figure's name in words."""
    return labels().figure(name)


def case_status_label(code: str) -> str:
    """A case status sent as its code ("resolved") in words; an unknown code as itself."""
    try:
        return label(CaseStatus(code))
    except ValueError:
        return label(code)


def delight_label(code: str | None) -> str:
    """How a customer felt, from its code ("delighted"); empty when not resolved."""
    if not code:
        return ""
    try:
        return label(Delight(code))
    except ValueError:
        return label(code)


def fill(text: str, *values: object) -> str:
    """``text`` with %1, %2, … replaced by ``values`` in one pass (a value holding "%2"
    stays as it is), as QString.arg does."""
    return re.sub(
        r"%([1-9])",
        lambda found: str(values[int(found[1]) - 1]) if int(found[1]) <= len(values) else found[0],
        text,
    )


def card_state_label(state: CardState) -> str:
    """Where a thank-you card is on its way: "Queued", "Failed", …"""
    return label(state)


def follow_up_kind_label(kind: FollowUpKind) -> str:
    """Why a follow-up exists: "Callback" or "Proactive"."""
    return label(kind)


def call_result_label(result: CallResult) -> str:
    """How a follow-up call went: "Reached", "Left a message", "No answer"."""
    return label(result)


def card_move_problem(current: CardState, wanted: CardState | None, customer: str) -> str:
    """Why a card cannot make a move between states (or be edited, ``wanted`` None)."""
    state = card_state_label(current).lower()
    if wanted is None:
        text = QCoreApplication.translate(
            "Labels", "A card that is %1 cannot be edited: reprint it to change it."
        )
    else:
        text = QCoreApplication.translate(
            "Labels", "The card for %2 is %1, so it cannot be marked %3."
        )
        text = text.replace("%3", card_state_label(wanted).lower())
    return text.replace("%1", state).replace("%2", customer)


def territory(region: str) -> str:
    """A two-letter region's name in the advocate's language (``GB`` → United Kingdom)."""
    found = QLocale.codeToTerritory(region)
    return region if found == QLocale.Territory.AnyTerritory else QLocale.territoryToString(found)
