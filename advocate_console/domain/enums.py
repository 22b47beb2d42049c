"""The closed vocabularies of the domain, spelled as they travel on the wire."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    """What a user of the central API may do."""

    ADVOCATE = "advocate"
    LEAD = "lead"
    ADMIN = "admin"


class Tier(enum.StrEnum):
    """How much a customer has meant to the company."""

    STANDARD = "standard"
    SILVER = "silver"
    GOLD = "gold"
    PLATINUM = "platinum"


class Channel(enum.StrEnum):
    """How a case reached us."""

    PHONE = "phone"
    EMAIL = "email"
    CHAT = "chat"
    LETTER = "letter"
    SOCIAL = "social"
    IN_STORE = "in_store"


class CaseStatus(enum.StrEnum):
    """Where a case stands."""

    OPEN = "open"
    PENDING = "pending"
    RESOLVED = "resolved"
    CLOSED = "closed"

    @property
    def is_open(self) -> bool:
        """True until the case is resolved or closed."""
        return self in (CaseStatus.OPEN, CaseStatus.PENDING)


class InteractionKind(enum.StrEnum):
    """One entry on a customer's timeline."""

    CALL = "call"
    NOTE = "note"
    CALLBACK = "callback"
    EMAIL = "email"
    CARD = "card"


class Direction(enum.StrEnum):
    """Who reached out."""

    INBOUND = "inbound"
    OUTBOUND = "outbound"
    INTERNAL = "internal"


class RemedyKind(enum.StrEnum):
    """What the company did to make it right."""

    REPAIR_FEE_WAIVED = "repair_fee_waived"
    WARRANTY_EXTENDED = "warranty_extended"
    REPLACEMENT = "replacement"
    REFUND_WITHOUT_RETURN = "refund_without_return"
    ACCOUNT_CREDIT = "account_credit"
    GIFT_CERTIFICATE = "gift_certificate"
    INFORMATION_ONLY = "information_only"
    OTHER = "other"


class RecoveryStep(enum.StrEnum):
    """The five steps that guide every recovery, in order."""

    EMPATHIZED = "empathized"
    TOOK_OWNERSHIP = "took_ownership"
    LESSENED_INCONVENIENCE = "lessened_inconvenience"
    MANAGED_MEMORY = "managed_memory"
    EXTENDED_EXPERIENCE = "extended_experience"


class Delight(enum.StrEnum):
    """How the customer felt at the end, best first."""

    DELIGHTED = "delighted"
    SATISFIED = "satisfied"
    NEUTRAL = "neutral"
    UNHAPPY = "unhappy"


class FollowUpKind(enum.StrEnum):
    """Why a follow-up exists."""

    CALLBACK = "callback"
    PROACTIVE = "proactive"


class FollowUpStatus(enum.StrEnum):
    """Where a follow-up stands."""

    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class CardState(enum.StrEnum):
    """A thank-you card's way from draft to the mailbox."""

    DRAFT = "draft"
    QUEUED = "queued"
    PRINTING = "printing"
    PRINTED = "printed"
    MAILED = "mailed"
    FAILED = "failed"
    CANCELLED = "cancelled"


class CallOutcome(enum.StrEnum):
    """How an attempt to reach an internal resource ended."""

    CONNECTED = "connected"
    NO_ANSWER = "no_answer"
    BUSY = "busy"
    DECLINED = "declined"
    VOICEMAIL = "voicemail"
    CANCELLED = "cancelled"
    FAILED = "failed"


class Collection(enum.StrEnum):
    """The record collections the central API serves and the change feed carries."""

    CUSTOMERS = "customers"
    PRODUCTS = "products"
    CASES = "cases"
    INTERACTIONS = "interactions"
    RESOURCES = "resources"
    RESOLUTIONS = "resolutions"
    FOLLOW_UPS = "follow_ups"
    CARDS = "cards"
    CALL_ATTEMPTS = "call_attempts"


# Issue categories advocates file cases under; resources list the ones they know.
CASE_CATEGORIES: tuple[str, ...] = (
    "product failure",
    "repair",
    "warranty",
    "wrong item returned",
    "delivery",
    "installation",
    "billing",
    "parts",
    "product question",
    "new purchase",
    "complaint",
)
