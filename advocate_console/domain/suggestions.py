"""Suggested remedies for a case: from the business's rules, from what worked before for
the same model (else the same kind of product), raised for a customer who has meant more,
and never above the advocate's authority without saying an approval is needed."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from pydantic import ValidationError

from .authority import Authority, overages
from .enums import RemedyKind, Tier
from .records import Case, History, Product
from .resolutions import RemedyEntry, remedy_cost, remedy_of
from .rules import FAILURE_CATEGORIES, repeat_failures
from .suggestion_rules import CustomerRaise, RemedyRule, RuleBook, Wordings, said_in
from .warranty import WarrantyState, WarrantyStatus, warranty_status

MOST = 3
"""Suggestions shown at most."""
MIN_USES = 2
"""A remedy used once for a model is an anecdote, not something that worked."""
_TIER_ORDER = list(Tier)


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """What the rules look at: the case, its product's warranty and history, the customer."""

    category: str
    summary: str
    warranty: WarrantyStatus
    repeat_failure: bool
    tier: Tier
    lifetime_value_cents: int
    model: str = ""  # the product's model number, upper case ("" without a product)
    kind: str = ""  # what people call the product: "microwave"

    @property
    def problem(self) -> str:
        """The kind of problem past resolutions are compared on (see :func:`problem_of`)."""
        return problem_of(self.category, self.warranty.state)


@dataclass(frozen=True, slots=True)
class PastRemedy:
    """A set of remedies used before on the same model (or kind of product) and problem."""

    key: str
    remedies: tuple[RemedyEntry, ...]  # with the typical amounts
    uses: int
    delighted: int
    average_cost_cents: int
    matched_on: str  # the model number, or the kind of product
    by_model: bool = True

    @property
    def delighted_share(self) -> float:
        """The share of customers who ended delighted, 0 to 1."""
        return self.delighted / self.uses if self.uses else 0.0


@dataclass(frozen=True, slots=True)
class Suggestion:
    """Remedies to offer, why, what they cost, and whether a lead must approve them."""

    rule: str  # "rule:<id>" or "history:<remedy key>": recorded with the resolution
    remedies: tuple[RemedyEntry, ...]
    reason: str = ""  # a rule's own words ("" for one from history: the UI words it)
    past: PastRemedy | None = None  # how these remedies did before, when known
    raised: str = ""  # the raise's reason when the customer's tier or value added to it
    cost_cents: int = 0
    needs_approval: bool = False
    reasons: Wordings = ()  # the rule's reason in other languages (the rules file's)
    raised_in: Wordings = ()  # the raise's reason likewise

    def reason_in(self, language: str) -> str:
        """The rule's reason in ``language`` when the rules file gives it, else English."""
        return said_in(self.reason, self.reasons, language)

    def raised_reason_in(self, language: str) -> str:
        """The raise's reason in ``language`` when the rules file gives it, else English."""
        return said_in(self.raised, self.raised_in, language)


def problem_of(category: str, warranty: WarrantyState) -> str:
    """What past cases are compared on. Failures go together ("product failure",
    "repair", "warranty": what worked for a repair worked for a failure filed another
    way), by where the warranty stood (a repair under warranty teaches nothing about one
    out of it): ``failure:expired``. Other categories alone, whatever the warranty."""
    if category not in FAILURE_CATEGORIES:
        return category
    state = "covered" if warranty in (WarrantyState.ACTIVE, WarrantyState.ENDS_SOON) else warranty
    return f"failure:{state}"


def product_kind(product: Product) -> str:
    """What people call the product, the last word of its name: ``microwave``."""
    words = product.name.split()
    return words[-1].casefold() if words else ""


def remedy_key(remedies: Iterable[RemedyEntry]) -> str:
    """The same remedies, however ordered and priced, have one key:
    ``repair_fee_waived+warranty_extended:12``."""
    parts = sorted(
        f"{r.kind.value}:{r.months}" if r.kind is RemedyKind.WARRANTY_EXTENDED else r.kind.value
        for r in remedies
    )
    return "+".join(parts)


def case_facts(history: History, case: Case, today: date) -> CaseFacts:
    """The facts of ``case`` of the customer of ``history`` on ``today``."""
    product = next((p for p in history.products if p.id == case.product_id), None)
    repeat = False
    if product is not None:
        model = product.model_number.upper()
        repeat = any(
            r.model_number == model for r in repeat_failures(history.products, history.cases)
        )
    return CaseFacts(
        category=case.category,
        summary=case.summary,
        warranty=warranty_status(product.warranty_end if product else None, today),
        repeat_failure=repeat,
        tier=history.customer.tier,
        lifetime_value_cents=history.customer.lifetime_value_cents,
        model=product.model_number.upper() if product else "",
        kind=product_kind(product) if product else "",
    )


def applies(rule: RemedyRule, facts: CaseFacts) -> bool:
    """True when every condition of ``rule`` holds for the case."""
    if rule.categories and facts.category not in rule.categories:
        return False
    state = facts.warranty.state
    if rule.warranty == "expired" and state is not WarrantyState.EXPIRED:
        return False
    if rule.warranty == "covered" and not facts.warranty.is_covered:
        return False
    if rule.warranty == "none" and state is not WarrantyState.NONE:
        return False
    if rule.expired_within_days is not None and (
        state is not WarrantyState.EXPIRED or facts.warranty.days > rule.expired_within_days
    ):
        return False
    if rule.repeat_failure is not None and rule.repeat_failure != facts.repeat_failure:
        return False
    summary = facts.summary.casefold()
    return not rule.words or any(word in summary for word in rule.words)


def rank_past(past: Iterable[PastRemedy]) -> list[PastRemedy]:
    """Best first: the share of delighted customers (a few uses weigh less than many,
    so one delighted customer does not beat 12 of 14), then the lower cost."""
    kept = [p for p in past if p.uses >= MIN_USES]
    return sorted(
        kept, key=lambda p: (-(p.delighted + 1) / (p.uses + 2), p.average_cost_cents, p.key)
    )


def suggest(
    facts: CaseFacts,
    book: RuleBook,
    past: Sequence[PastRemedy],
    limit_cents: int | None = None,
    most: int = MOST,
    authority: Authority | None = None,
) -> list[Suggestion]:
    """Up to ``most`` suggestions: the rules that apply first (in the file's order), then
    what worked best before; each raised for the customer when the raise keeps it within
    ``limit_cents`` (the advocate's authority per case, when known), and marked as needing
    a lead's approval when it costs more than that. With the advocate's whole
    ``authority``, every limit counts (a refund without return, the month's), as the
    server's refusal counts them."""
    by_key = {p.key: p for p in past}
    found: list[Suggestion] = []
    for rule in book.rules:
        if applies(rule, facts):
            remedies = tuple(_priced(r, past) for r in rule.remedies)
            found.append(
                Suggestion(
                    f"rule:{rule.id}",
                    remedies,
                    rule.reason,
                    by_key.get(remedy_key(remedies)),
                    reasons=rule.reasons,
                )
            )
    keys = {remedy_key(s.remedies) for s in found}
    for item in rank_past(past):
        if item.key not in keys:
            found.append(Suggestion(f"history:{item.key}", item.remedies, past=item))
            keys.add(item.key)
    lift = _raise_for(facts, book.raises)
    return [_within(s, lift, limit_cents, authority) for s in found[:most]]


def _priced(entry: RemedyEntry, past: Sequence[PastRemedy]) -> RemedyEntry:
    """A rule's remedy with no cost takes what the same remedy typically cost before."""
    if entry.cost_cents is not None or entry.kind is RemedyKind.INFORMATION_ONLY:
        return entry
    total = uses = 0
    for item in past:
        for remedy in item.remedies:
            if remedy.kind is entry.kind and remedy.cost_cents:
                total += remedy.cost_cents * item.uses
                uses += item.uses
    return entry.model_copy(update={"cost_cents": total // uses}) if uses else entry


def _raise_for(facts: CaseFacts, raises: Sequence[CustomerRaise]) -> CustomerRaise | None:
    """The first raise the customer qualifies for."""
    for lift in raises:
        tier_ok = lift.min_tier is None or _TIER_ORDER.index(facts.tier) >= _TIER_ORDER.index(
            lift.min_tier
        )
        value_ok = (
            lift.min_lifetime_value_cents is None
            or facts.lifetime_value_cents >= lift.min_lifetime_value_cents
        )
        if tier_ok and value_ok:
            return lift
    return None


def _beyond(
    remedies: Sequence[RemedyEntry], limit_cents: int | None, authority: Authority | None
) -> bool:
    """Whether ``remedies`` need a lead: beyond any limit of ``authority`` when known,
    else costing more than ``limit_cents``."""
    if authority is not None:
        try:
            return bool(overages([remedy_of(r) for r in remedies], authority))
        except ValidationError:  # not a remedy the record could hold: judged by its cost
            limit_cents = authority.limits.per_case_cents
    return limit_cents is not None and sum(remedy_cost(r) for r in remedies) > limit_cents


def _within(
    suggestion: Suggestion,
    lift: CustomerRaise | None,
    limit_cents: int | None,
    authority: Authority | None = None,
) -> Suggestion:
    if lift is not None and all(r.kind is not lift.add.kind for r in suggestion.remedies):
        raised = (*suggestion.remedies, lift.add)
        # A raise is a kindness the advocate can give alone: never one that needs a lead.
        if not _beyond(raised, limit_cents, authority):
            suggestion = replace(
                suggestion, remedies=raised, raised=lift.reason, raised_in=lift.reasons
            )
    return replace(
        suggestion,
        cost_cents=sum(remedy_cost(r) for r in suggestion.remedies),
        needs_approval=_beyond(suggestion.remedies, limit_cents, authority),
    )
