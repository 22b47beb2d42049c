"""Who may change what: the write rules of each role.

The server enforces them and answers a refusal with 403 and the reason given here (its
English words as the detail, its code and values for the console to word); the console
only explains them. Leads and admins write everything. Advocates create the
records of their work, change what they wrote, work their own cases and unassigned ones,
and share the follow-up queue: anyone may mark a follow-up done.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .enums import Collection, FollowUpStatus, Role
from .reasons import Reason
from .records import Advocate, Case, FollowUp, Record

RECORD_NOUNS = {
    Collection.CUSTOMERS: "customer",
    Collection.PRODUCTS: "product",
    Collection.CASES: "case",
    Collection.INTERACTIONS: "interaction",
    Collection.RESOURCES: "resource",
    Collection.RESOLUTIONS: "resolution",
    Collection.FOLLOW_UPS: "follow-up",
    Collection.CARDS: "card",
    Collection.CALL_ATTEMPTS: "call attempt",
}
"""What a record of each collection is called in a sentence."""

LEADS_WRITE = frozenset({Collection.RESOURCES})
"""Collections only leads and admins create or change (users too, in their own routes)."""

AUTHORS_CHANGE = frozenset(
    {Collection.INTERACTIONS, Collection.RESOLUTIONS, Collection.CARDS, Collection.CALL_ATTEMPTS}
)
"""Collections whose records an advocate may change only when they wrote them."""

ADVOCATE_CUSTOMER_FIELDS = frozenset(
    {"id", "display_name", "phones", "emails", "address", "customer_since"}
)
"""What an advocate may set on a customer: a new caller's contact, or corrected contact
details. Tier and lifetime value are the business's figures, set by leads and imports."""

ADVOCATE_PRODUCT_FIELDS = frozenset(
    {"id", "customer_id", "brand", "name", "model_number", "serial_number"}
    | {"purchase_date", "warranty_end"}
)
"""What an advocate may set on a product: the one a new caller owns, as they read it out.
Which unit replaced which is the business's record, set by leads."""

ADVOCATE_FIELDS = {
    Collection.CUSTOMERS: ADVOCATE_CUSTOMER_FIELDS,
    Collection.PRODUCTS: ADVOCATE_PRODUCT_FIELDS,
}
"""The fields advocates may set on collections whose other fields are leads' to set."""

MARK_DONE_FIELDS = frozenset({"status", "completed_at"})
"""What anyone may change on a follow-up of the shared queue: that it was done, and when."""


def manages(who: Advocate) -> bool:
    """Leads and admins: they may change every record."""
    return who.role in (Role.LEAD, Role.ADMIN)


def owns(who: Advocate, case: Case) -> bool:
    """Whether ``case`` is ``who``'s: by the owner's id the server found, or for a case from
    before owners had ids, by display name."""
    if case.owner_id is not None:
        return case.owner_id == who.id
    return bool(case.owner) and case.owner == who.display_name


def unassigned(case: Case) -> bool:
    """Whether nobody owns ``case`` yet (it waits in the queue)."""
    return case.owner_id is None and not case.owner


def refusal_to_create(who: Advocate, collection: Collection) -> Reason | None:
    """Why ``who`` may not create a record of ``collection``; None when they may."""
    if manages(who) or collection not in LEADS_WRITE:
        return None
    return Reason(
        f"Only a lead or admin may add {RECORD_NOUNS[collection]}s;"
        f" you are signed in as {who.role}.",
        "leads_only_add",
        (collection.value, who.role.value),
    )


def refusal_to_change(
    who: Advocate, collection: Collection, current: Record, changes: Mapping[str, Any]
) -> Reason | None:
    """Why ``who`` may not apply ``changes`` to ``current``; None when they may."""
    if manages(who):
        return None
    noun = RECORD_NOUNS[collection]
    if collection in LEADS_WRITE:
        return Reason(
            f"Only a lead or admin may change {noun}s; you are signed in as {who.role}.",
            "leads_only_change",
            (collection.value, who.role.value),
        )
    if collection in AUTHORS_CHANGE and current.author_id != who.id:
        return Reason(
            f"You may change only the {noun}s you wrote; this one was written by"
            f" {_someone(current.written_by)}. Ask them or a lead.",
            "authors_only",
            (collection.value, current.written_by),
        )
    if isinstance(current, Case):
        return _refusal_for_case(who, current, "change")
    if isinstance(current, FollowUp) and current.author_id != who.id:
        return _refusal_for_follow_up(current, changes)
    return None


def refusal_to_reopen(who: Advocate, case: Case) -> Reason | None:
    """Why ``who`` may not reopen ``case``; None when they may."""
    return None if manages(who) else _refusal_for_case(who, case, "reopen")


def _refusal_for_case(who: Advocate, case: Case, act: str) -> Reason | None:
    if owns(who, case) or unassigned(case):
        return None
    return Reason(
        f"You may {act} only your own cases and unassigned ones; {case.number} is"
        f" {_someone(case.owner or '')}'s. Ask them or a lead.",
        "not_your_case" if act == "change" else "not_your_case_reopen",
        (case.number, case.owner or ""),
    )


def _refusal_for_follow_up(current: FollowUp, changes: Mapping[str, Any]) -> Reason | None:
    others = sorted(set(changes) - MARK_DONE_FIELDS)
    done = FollowUpStatus(changes.get("status", current.status)) is FollowUpStatus.DONE
    if done and not others:
        return None
    what = ", ".join(others) if others else "status"
    return Reason(
        "Anyone may mark a follow-up done; only the advocate who wrote it"
        f" ({_someone(current.written_by)}) or a lead may change its {what}.",
        "follow_up_not_yours",
        (current.written_by, ", ".join(others) or "status"),
    )


def _someone(name: str) -> str:
    return name or "someone else"
