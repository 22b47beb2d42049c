"""The resource directory: who to dial in, ranked by who helped with this problem before.

Reads the local replica only (internal resources and every synced call attempt, the
team's and this advocate's), so the ranking answers in milliseconds, online or not.
Attempts are written through :class:`~advocate_console.store.outbox.LocalChanges`, so
each one reaches the server (and the rest of the team's rankings) like any other change.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import and_, case, delete, func, select
from sqlalchemy.dialects.sqlite import insert

from advocate_console.domain import (
    CallAttempt,
    CallOutcome,
    Case,
    Collection,
    Product,
    Resource,
    WorkingHours,
)

from .database import Store
from .models import CallAttemptRow, FavouriteResourceRow, ResourceRow
from .outbox import LocalChanges
from .rows import naive_utc, to_record

# How much each kind of past help counts in the ranking. Help on the very same problem
# (category and model) weighs most; a resource who was tried here and did not help sinks.
# Help with another model of the category counts half: once on a soundbar must not put
# its engineer above the one who lists this very microwave (WEIGHT_KNOWS_MODEL).
WEIGHT_HELPED_HERE = 3.0
WEIGHT_HELPED_CATEGORY = 0.5
WEIGHT_HELPED_ME = 1.0
WEIGHT_DID_NOT_HELP = -1.0
# What a resource says they know, when nobody has history on this problem yet: the very
# model beats the kind of product, which beats only the brand or the category.
WEIGHT_KNOWS_MODEL = 1.0
WEIGHT_KNOWS_PRODUCT = 0.5
WEIGHT_KNOWS_CATEGORY = 0.25


@dataclass(frozen=True, slots=True)
class DialContext:
    """The problem the advocate is working on, which the ranking ranks for."""

    case_id: uuid.UUID | None = None
    customer_id: uuid.UUID | None = None
    category: str = ""
    product_model: str = ""
    product_words: tuple[str, ...] = ()  # brand and name, to match a resource's products

    @classmethod
    def for_case(cls, case: Case, product: Product | None = None) -> DialContext:
        """The context of ``case`` about ``product``."""
        return cls(
            case_id=case.id,
            customer_id=case.customer_id,
            category=case.category,
            product_model=product.model_number if product else "",
            product_words=(product.brand, product.name) if product else (),
        )


@dataclass(frozen=True, slots=True)
class TrackRecord:
    """How a resource did on this kind of problem before."""

    helped_here: int = 0  # helped on this category and this product model (the team)
    helped_category: int = 0  # helped on this category, with another model
    tried_here: int = 0  # every attempt on this category and model
    did_not_help_here: int = 0
    helped_me: int = 0  # helped this advocate on this category

    @property
    def score(self) -> float:
        """The part of the ranking that comes from history."""
        return (
            WEIGHT_HELPED_HERE * self.helped_here
            + WEIGHT_HELPED_CATEGORY * self.helped_category
            + WEIGHT_HELPED_ME * self.helped_me
            + WEIGHT_DID_NOT_HELP * self.did_not_help_here
        )


@dataclass(frozen=True, slots=True)
class RankedResource:
    """One line of the dial-out list."""

    rank: int
    resource: Resource
    score: float
    track_record: TrackRecord
    knows_problem: bool  # their skills or products name this category or product
    available: bool | None  # within their working hours now; None: hours unknown
    favourite: bool


def available_now(hours: WorkingHours | None, now: datetime) -> bool | None:
    """Whether ``now`` falls in ``hours`` (in the resource's own time zone)."""
    if hours is None:
        return None
    try:
        local = now.astimezone(ZoneInfo(hours.timezone))
    except (ZoneInfoNotFoundError, ValueError):
        return None
    if local.weekday() not in hours.days:
        return False
    return hours.start <= local.time().replace(tzinfo=None) < hours.end


def knowledge(resource: Resource, context: DialContext) -> float:
    """How well what the resource lists matches the problem (0: not at all)."""
    products = [product.casefold() for product in resource.products]
    if context.product_model and context.product_model.casefold() in products:
        return WEIGHT_KNOWS_MODEL
    described = _words(" ".join(context.product_words))
    known = [_words(product) for product in products]
    # "Halvorsen microwaves" knows a "Halvorsen 1.6 cu ft over-the-range microwave";
    # "Halvorsen" alone knows only the brand, which counts like knowing the category.
    if described and any(len(words) > 1 and words <= described for words in known):
        return WEIGHT_KNOWS_PRODUCT
    skills = {skill.casefold() for skill in resource.skills}
    knows_brand = described and any(words <= described for words in known)
    if knows_brand or (context.category and context.category.casefold() in skills):
        return WEIGHT_KNOWS_CATEGORY
    return 0.0


def knows_problem(resource: Resource, context: DialContext) -> bool:
    """True when the resource lists this category, model or product among what they know."""
    return knowledge(resource, context) > 0


def _words(text: str) -> set[str]:
    # Plural and singular alike: "microwaves" is about a "microwave".
    return {word.removesuffix("s") for word in text.casefold().replace("-", " ").split()}


def matches(resource: Resource, text: str) -> bool:
    """True when every word of ``text`` appears in the resource's name, desk, role, skills,
    products or notes (search as you type)."""
    haystack = " ".join(
        [
            resource.name,
            resource.department,
            resource.role,
            resource.notes,
            *resource.skills,
            *resource.products,
        ]
    ).casefold()
    return all(word in haystack for word in text.casefold().split())


class ResourceDirectory:
    """Internal resources from the local replica, searched, filtered and ranked."""

    def __init__(self, store: Store, advocate: str | None = None) -> None:
        self._store = store
        self.advocate = advocate

    def resources(self) -> list[Resource]:
        """Every resource, by name."""
        with self._store.session() as session:
            rows = session.scalars(select(ResourceRow.data).order_by(ResourceRow.name))
            return [to_record(Collection.RESOURCES, data) for data in rows]

    def resource(self, resource_id: uuid.UUID) -> Resource | None:
        """One resource, or None."""
        with self._store.session() as session:
            row = session.get(ResourceRow, resource_id)
            return None if row is None else to_record(Collection.RESOURCES, row.data)

    def ranked(
        self,
        context: DialContext | None = None,
        text: str = "",
        *,
        now: datetime | None = None,
        favourites_only: bool = False,
        available_only: bool = False,
    ) -> list[RankedResource]:
        """The resources matching ``text``, best for ``context`` first.

        Order: past help on this problem (see :class:`TrackRecord`), knowing the problem,
        being available now, being a favourite, then name.
        """
        context = context or DialContext()
        now = now or datetime.now(UTC)
        records = self.track_records(context)
        favourites = self.favourites()
        lines = []
        for resource in self.resources():
            if text and not matches(resource, text):
                continue
            favourite = resource.id in favourites
            available = available_now(resource.working_hours, now)
            if (favourites_only and not favourite) or (available_only and available is False):
                continue
            record = records.get(resource.id, TrackRecord())
            known = knowledge(resource, context)
            knows = known > 0
            score = record.score + known
            lines.append((resource, score, record, knows, available, favourite))
        lines.sort(key=lambda line: (-line[1], line[4] is not True, not line[5], line[0].name))
        return [
            RankedResource(rank, resource, score, record, knows, available, favourite)
            for rank, (resource, score, record, knows, available, favourite) in enumerate(
                lines, start=1
            )
        ]

    def track_records(self, context: DialContext) -> dict[uuid.UUID, TrackRecord]:
        """Every resource's past help on ``context``'s category (and model), from attempts."""
        if not context.category:
            return {}
        table = CallAttemptRow
        same_model = table.product_model == context.product_model
        helped = table.helped.is_(True)

        def count(*conditions) -> object:
            return func.sum(case((and_(*conditions), 1), else_=0))

        query = (
            select(
                table.resource_id,
                count(same_model, helped),
                count(~same_model, helped),
                count(same_model),
                count(same_model, table.helped.is_(False)),
                count(table.advocate == (self.advocate or ""), helped),
            )
            .where(table.category == context.category)
            .group_by(table.resource_id)
        )
        with self._store.session() as session:
            return {
                row[0]: TrackRecord(*(int(value or 0) for value in row[1:]))
                for row in session.execute(query)
            }

    def favourites(self) -> set[uuid.UUID]:
        """The resources this advocate starred."""
        with self._store.session() as session:
            return set(session.scalars(select(FavouriteResourceRow.resource_id)))

    def set_favourite(self, resource_id: uuid.UUID, favourite: bool) -> None:
        """Star or unstar a resource (on this laptop)."""
        with self._store.session() as session:
            if favourite:
                session.execute(
                    insert(FavouriteResourceRow)
                    .values(resource_id=resource_id, added_at=naive_utc(datetime.now(UTC)))
                    .on_conflict_do_nothing()
                )
            else:
                session.execute(
                    delete(FavouriteResourceRow).where(
                        FavouriteResourceRow.resource_id == resource_id
                    )
                )


class CallLog:
    """Records every attempt to dial a resource in, and how it went, for the ranking.

    Every write goes through the outbox, so attempts sync like everything else.
    """

    def __init__(self, store: Store, advocate: str | None = None) -> None:
        self._store = store
        self._changes = LocalChanges(store)
        self.advocate = advocate

    def started(
        self,
        resource: Resource,
        context: DialContext,
        via: Literal["sip", "handoff"] = "sip",
        at: datetime | None = None,
        attempt_id: uuid.UUID | None = None,
    ) -> CallAttempt:
        """A new attempt at ``resource``, for ``context``'s problem."""
        attempt = CallAttempt(
            id=attempt_id or uuid.uuid4(),
            resource_id=resource.id,
            case_id=context.case_id,
            customer_id=context.customer_id,
            category=context.category,
            product_model=context.product_model,
            via=via,
            started_at=at or datetime.now(UTC),
            advocate=self.advocate,
        )
        self._changes.create(Collection.CALL_ATTEMPTS, attempt)
        return attempt

    def ended(
        self,
        attempt_id: uuid.UUID,
        outcome: CallOutcome,
        reason: str = "",
        *,
        answered_at: datetime | None = None,
        ended_at: datetime | None = None,
    ) -> CallAttempt:
        """How the attempt ended (answered, busy, no answer, …)."""
        changes: dict[str, object] = {
            "outcome": outcome,
            "reason": reason[:200],
            "ended_at": ended_at or datetime.now(UTC),
        }
        if answered_at is not None:
            changes["answered_at"] = answered_at
        return self._update(attempt_id, changes)

    def mark_helped(self, attempt_id: uuid.UUID, helped: bool) -> CallAttempt:
        """The advocate's one click after the leg: did this resource help?"""
        return self._update(attempt_id, {"helped": helped})

    def attempts(self, case_id: uuid.UUID) -> list[CallAttempt]:
        """Every attempt made for one case, oldest first."""
        with self._store.session() as session:
            rows = session.scalars(
                select(CallAttemptRow.data)
                .where(CallAttemptRow.case_id == case_id)
                .order_by(CallAttemptRow.started_at)
            )
            return [to_record(Collection.CALL_ATTEMPTS, data) for data in rows]

    def _update(self, attempt_id: uuid.UUID, changes: dict[str, object]) -> CallAttempt:
        return self._changes.update(Collection.CALL_ATTEMPTS, attempt_id, changes)
