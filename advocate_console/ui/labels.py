"""Every code of the core a person reads, in words: the one place enum values, case
categories and warranty states get their labels (translated like every other string).

The core keeps its codes (``product failure``, ``CaseStatus.RESOLVED``); widgets call
:func:`label` and never show a raw value.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from advocate_console.domain import (
    CardState,
    CaseStatus,
    Channel,
    Delight,
    Direction,
    FollowUpKind,
    FollowUpStatus,
    InteractionKind,
    InvalidPhoneNumber,
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
        tr = self.tr
        words = {
            "resolutions": tr("Resolutions"),
            "delighted": tr("Delighted"),
            "unhappy": tr("Unhappy"),
            "delighted_share": tr("Delighted customers"),
            "all_five_steps_share": tr("All five steps taken"),
            "remedy_cost_cents": tr("Remedy spend"),
            "remedy_cost_per_case_cents": tr("Remedy spend per case"),
            "remedy_cost_lifetime_value_share": tr("Remedy spend of lifetime value"),
            "repeat_contact_share": tr("Came back within 30 days"),
            "follow_ups_on_time": tr("Follow-ups on time"),
            "follow_ups_late": tr("Follow-ups late"),
            "follow_ups_missed": tr("Follow-ups missed"),
            "cards_sent": tr("Cards sent"),
            "gift_value_cents": tr("Gift value"),
            "conferences_held": tr("Conferences"),
            "people_brought_in": tr("People brought in"),
        }
        return words.get(name) or self.of(name)

    def period(self, days: int) -> str:
        """A report's period: "Last 30 days"."""
        return self.tr("Last %n day(s)", "", days)

    def phone_problem(self, error: InvalidPhoneNumber) -> str:
        """Why a phone number cannot be read, in the advocate's words."""
        if error.reason == "wrong_length" and error.region in ("US", "CA") and error.digits:
            return self.tr(
                "That is not a full %s number: it needs %n digit(s).", "", error.digits
            ) % (error.region)
        if error.reason == "wrong_length" and error.digits:
            return self.tr(
                "That is not a full number for %s: numbers there have %n digit(s).",
                "",
                error.digits,
            ) % territory(error.region)
        return {
            "empty": self.tr("Enter a phone number."),
            "too_long": self.tr("That is too long to be a phone number."),
            "too_short": self.tr("That is too short to be a phone number."),
            "no_country": self.tr(
                "That country code is not one I know: start with + and the country's code."
            ),
            "wrong_length": self.tr("That number has the wrong number of digits."),
        }.get(error.reason, self.tr("That does not look like a phone number."))

    def _table(self) -> list[tuple[object, str]]:
        # Pairs, not a dict: equal codes of two enums ("email") must both be kept.
        tr = self.tr
        return [
            (CaseStatus.OPEN, tr("Open")),
            (CaseStatus.PENDING, tr("Pending")),
            (CaseStatus.RESOLVED, tr("Resolved")),
            (CaseStatus.CLOSED, tr("Closed")),
            (InteractionKind.CALL, tr("Call")),
            (InteractionKind.NOTE, tr("Note")),
            (InteractionKind.CALLBACK, tr("Callback")),
            (InteractionKind.EMAIL, tr("E-mail")),
            (InteractionKind.CARD, tr("Card")),
            (Direction.INBOUND, tr("inbound")),
            (Direction.OUTBOUND, tr("outbound")),
            (Direction.INTERNAL, tr("internal")),
            (Channel.PHONE, tr("phone")),
            (Channel.EMAIL, tr("e-mail")),
            (Channel.CHAT, tr("chat")),
            (Channel.LETTER, tr("letter")),
            (Channel.SOCIAL, tr("social media")),
            (Channel.IN_STORE, tr("in store")),
            (FollowUpKind.CALLBACK, tr("Callback")),
            (FollowUpKind.PROACTIVE, tr("Proactive")),
            (FollowUpStatus.OPEN, tr("Open")),
            (FollowUpStatus.DONE, tr("Done")),
            (FollowUpStatus.CANCELLED, tr("Cancelled")),
            (CallResult.REACHED, tr("Reached")),
            (CallResult.LEFT_MESSAGE, tr("Left a message")),
            (CallResult.NO_ANSWER, tr("No answer")),
            (CardState.DRAFT, tr("Draft")),
            (CardState.QUEUED, tr("Queued")),
            (CardState.PRINTING, tr("Printing")),
            (CardState.PRINTED, tr("Printed")),
            (CardState.MAILED, tr("Mailed")),
            (CardState.FAILED, tr("Failed")),
            (CardState.CANCELLED, tr("Cancelled")),
            (Tier.STANDARD, tr("Standard")),
            (Tier.SILVER, tr("Silver")),
            (Tier.GOLD, tr("Gold")),
            (Tier.PLATINUM, tr("Platinum")),
            (Delight.DELIGHTED, tr("delighted")),
            (Delight.SATISFIED, tr("satisfied")),
            (Delight.NEUTRAL, tr("neutral")),
            (Delight.UNHAPPY, tr("unhappy")),
            *self._remedies_and_steps(),
            *self._categories(),
        ]

    def _remedies_and_steps(self) -> list[tuple[object, str]]:
        tr = self.tr
        return [
            (RemedyKind.REPAIR_FEE_WAIVED, tr("Repair fee waived")),
            (RemedyKind.WARRANTY_EXTENDED, tr("Warranty extended")),
            (RemedyKind.REPLACEMENT, tr("Replacement")),
            (RemedyKind.REFUND_WITHOUT_RETURN, tr("Refund without return")),
            (RemedyKind.ACCOUNT_CREDIT, tr("Account credit")),
            (RemedyKind.GIFT_CERTIFICATE, tr("Gift certificate")),
            (RemedyKind.INFORMATION_ONLY, tr("Information only")),
            (RemedyKind.OTHER, tr("Other")),
            (RecoveryStep.EMPATHIZED, tr("Empathized")),
            (RecoveryStep.TOOK_OWNERSHIP, tr("Took ownership")),
            (RecoveryStep.LESSENED_INCONVENIENCE, tr("Lessened the inconvenience")),
            (RecoveryStep.MANAGED_MEMORY, tr("Managed the memory")),
            (RecoveryStep.EXTENDED_EXPERIENCE, tr("Extended the experience")),
        ]

    def _categories(self) -> list[tuple[object, str]]:
        tr = self.tr
        return [
            ("product failure", tr("Product failure")),
            ("repair", tr("Repair")),
            ("warranty", tr("Warranty")),
            ("wrong item returned", tr("Wrong item returned")),
            ("delivery", tr("Delivery")),
            ("installation", tr("Installation")),
            ("billing", tr("Billing")),
            ("parts", tr("Parts")),
            ("product question", tr("Product question")),
            ("new purchase", tr("New purchase")),
            ("complaint", tr("Complaint")),
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
