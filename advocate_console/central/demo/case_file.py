"""One customer's file as the demo writes it: products, cases, notes, follow-ups, cards.

Every id comes from the customer's own random stream, so a customer's records are the
same whatever batch they are made in.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import NamedTuple
from uuid import UUID

from advocate_console.domain import (
    CardState,
    Case,
    CaseStatus,
    Channel,
    Delight,
    Direction,
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    Interaction,
    InteractionKind,
    NoteCard,
    Product,
    RecoveryStep,
    Remedy,
    RemedyKind,
    Resolution,
)

from .batch import DemoBatch
from .calls import DialIns
from .catalog import MODELS, VEHICLES, Model
from .dates import add_years, at
from .numbering import CHECK_LETTERS, SLOTS, STORY_COUNT, case_id, new_uuid, serial, vin

ALL_STEPS = list(RecoveryStep)
HOURS = {"US": (13, 22), "CA": (13, 22), "GB": (8, 17)}  # when customers call, in UTC
_FIRST_CONTACT = {
    Channel.PHONE: (InteractionKind.CALL, "Inbound call"),
    Channel.EMAIL: (InteractionKind.EMAIL, "E-mail"),
    Channel.CHAT: (InteractionKind.NOTE, "Chat"),
    Channel.LETTER: (InteractionKind.NOTE, "Letter"),
    Channel.SOCIAL: (InteractionKind.NOTE, "Social media message"),
    Channel.IN_STORE: (InteractionKind.NOTE, "In store"),
}


def remedy(
    kind: RemedyKind,
    cost: int = 0,
    note: str = "",
    *,
    value: int | None = None,
    months: int | None = None,
) -> Remedy:
    """A remedy as the demo writes it: what it cost us, and its value to the customer."""
    return Remedy(kind=kind, cost_cents=cost, value_cents=value, months=months, note=note)


class Plan(NamedTuple):
    """What a case is about and how it was put right, in the advocate's words."""

    category: str
    headline: str  # a few words, for the timeline
    summary: str  # what the case says
    outcome: str  # what the customer was told at the end
    remedies: list[Remedy]
    action: str | None = None  # the internal note: who was dialled in, what they did
    lift: float = 0.0  # above 0: likelier to delight; below 0: likelier to let down


class CustomerFile:
    """One customer's records as they are written, with ids from the customer's stream."""

    def __init__(
        self,
        batch: DemoBatch,
        rng: random.Random,
        index: int,
        today: date,
        customer_id: UUID,
        calls: DialIns,
    ) -> None:
        self.batch, self.rng, self.index, self.today = batch, rng, index, today
        self.customer_id = customer_id
        self.calls = calls
        self.start_of_today = at(today, 0)  # regular histories end before this
        self.products: list[Product] = []
        self.cases = 0
        self.hours = HOURS["US"]
        self.first_name = ""

    def new_id(self) -> UUID:
        """The next id of this customer's stream."""
        return new_uuid(self.rng)

    def during_hours(self, day: date) -> datetime:
        """A time on ``day`` when this customer would call."""
        return at(day, self.rng.randint(*self.hours), self.rng.randrange(60))

    def add_product(
        self,
        model: Model,
        purchased: date,
        *,
        token: int | None = None,
        warranty_end: date | None = None,
    ) -> Product:
        """A unit of ``model`` bought on ``purchased``, with its serial number."""
        if token is None:
            token = self.index * SLOTS + len(self.products)
        if model.family == VEHICLES:
            number = vin(model, token, purchased.year)
        else:
            number = serial(model.brand, token)
        if warranty_end is None:
            warranty_end = add_years(purchased, self.rng.randint(*model.warranty_years))
        product = Product(
            id=self.new_id(),
            customer_id=self.customer_id,
            brand=model.brand,
            name=model.name,
            model_number=model.model_number,
            serial_number=number,
            purchase_date=purchased,
            warranty_end=warranty_end,
        )
        self.products.append(product)
        return product

    def replace(self, old: Product, new: Product) -> None:
        """Record that ``new`` took the place of ``old``."""
        position = self.products.index(old)
        self.products[position] = old.model_copy(update={"replaced_by_id": new.id})

    def note(
        self,
        kind: InteractionKind,
        direction: Direction,
        at: datetime,
        summary: str,
        *,
        case: Case | None = None,
        body: str = "",
        advocate: str | None = None,
    ) -> Interaction:
        interaction = Interaction(
            id=self.new_id(),
            customer_id=self.customer_id,
            case_id=case.id if case else None,
            kind=kind,
            direction=direction,
            occurred_at=at,
            summary=summary,
            body=body,
            advocate=advocate,
        )
        self.batch.interactions.append(interaction)
        return interaction

    def dialled_in(
        self, case: Case, product: Product | None, at: datetime, action: str, advocate: str
    ) -> None:
        """The internal note of who was dialled into the call, with the attempts behind it."""
        note = self.note(
            InteractionKind.NOTE, Direction.INTERNAL, at, action, case=case, advocate=advocate
        )
        model = product.model_number if product else ""
        # The stories' notes tell exactly who was called; only everyday cases took detours.
        attempts = self.calls.attempts(note, case, model, tried_first=self.index >= STORY_COUNT)
        self.batch.call_attempts.extend(attempts)

    def open_case(
        self,
        plan: Plan,
        product: Product | None,
        channel: Channel,
        opened_at: datetime,
        owner: str | None,
        status: CaseStatus = CaseStatus.OPEN,
        closed_at: datetime | None = None,
    ) -> Case:
        """File a case, with the customer's first contact about it on the timeline."""
        case = Case(
            id=case_id(self.rng, self.index * SLOTS + self.cases),
            customer_id=self.customer_id,
            product_id=product.id if product else None,
            category=plan.category,
            channel=channel,
            status=status,
            summary=plan.summary,
            opened_at=opened_at,
            closed_at=closed_at,
            owner=owner,
        )
        self.cases += 1
        self.batch.cases.append(case)
        kind, how = _FIRST_CONTACT[channel]
        self.note(
            kind,
            Direction.INBOUND,
            opened_at,
            f"{how}: {plan.headline}",
            case=case,
            body=plan.summary,
            advocate=owner,
        )
        return case

    def resolve(
        self,
        case: Case,
        plan: Plan,
        resolved_at: datetime,
        steps: list[RecoveryStep],
        delight: Delight,
    ) -> None:
        self.batch.resolutions.append(
            Resolution(
                id=self.new_id(),
                case_id=case.id,
                remedies=plan.remedies,
                steps=steps,
                delight=delight,
                notes=plan.outcome,
                resolved_at=resolved_at,
                advocate=case.owner,
            )
        )

    def follow_up(
        self,
        kind: FollowUpKind,
        due_at: datetime,
        reason: str,
        *,
        case: Case | None = None,
        status: FollowUpStatus = FollowUpStatus.OPEN,
        completed_at: datetime | None = None,
        advocate: str | None = None,
    ) -> None:
        self.batch.follow_ups.append(
            FollowUp(
                id=self.new_id(),
                customer_id=self.customer_id,
                case_id=case.id if case else None,
                kind=kind,
                due_at=due_at,
                reason=reason,
                status=status,
                completed_at=completed_at,
                advocate=advocate,
            )
        )

    def card(
        self,
        case: Case | None,
        message: str,
        created_at: datetime,
        state: CardState,
        *,
        gift_cents: int | None = None,
        advocate: str | None = None,
        failure_reason: str | None = None,
    ) -> None:
        """Queue a thank-you card; once mailed it shows on the timeline too."""
        printed = state in (CardState.PRINTED, CardState.MAILED)
        printed_at = created_at + timedelta(days=1, hours=2) if printed else None
        mailed_at = created_at + timedelta(days=2, hours=5) if state is CardState.MAILED else None
        gift_code = None
        if gift_cents:
            code = "".join(self.rng.choice(CHECK_LETTERS) for _ in range(8))
            gift_code = f"GC-{code[:4]}-{code[4:]}"
        self.batch.cards.append(
            NoteCard(
                id=self.new_id(),
                customer_id=self.customer_id,
                case_id=case.id if case else None,
                message=message,
                gift_value_cents=gift_cents,
                gift_code=gift_code,
                state=state,
                failure_reason=failure_reason,
                created_at=created_at,
                printed_at=printed_at,
                mailed_at=mailed_at,
                advocate=advocate,
            )
        )
        if mailed_at is not None:
            gift = f" with a ${gift_cents // 100} gift certificate" if gift_cents else ""
            self.note(
                InteractionKind.CARD,
                Direction.OUTBOUND,
                mailed_at,
                f"Thank-you card mailed{gift}",
                case=case,
                body=message,
                advocate=advocate,
            )


def closed_case(
    f: CustomerFile,
    plan: Plan,
    product: Product | None,
    channel: Channel,
    opened_at: datetime,
    resolved_at: datetime,
    owner: str,
    steps: list[RecoveryStep],
    delight: Delight,
    status: CaseStatus = CaseStatus.CLOSED,
) -> Case:
    """A case with its whole timeline: first contact, what was done, the answer."""
    closed_at = resolved_at if status is CaseStatus.CLOSED else None
    case = f.open_case(plan, product, channel, opened_at, owner, status, closed_at)
    if plan.action:  # dialled in while the customer was still on the line
        at = opened_at + min((resolved_at - opened_at) / 2, timedelta(minutes=f.rng.randint(8, 40)))
        f.dialled_in(case, product, at, plan.action, owner)
    if resolved_at - opened_at > timedelta(hours=1):  # else it was settled on the first call
        kind = InteractionKind.CALLBACK if f.rng.random() < 0.7 else InteractionKind.EMAIL
        f.note(kind, Direction.OUTBOUND, resolved_at, plan.outcome, case=case, advocate=owner)
    f.resolve(case, plan, resolved_at, steps, delight)
    return case


def story_file(
    batch: DemoBatch, index: int, customer_id: UUID, today: date, calls: DialIns
) -> CustomerFile:
    """The file of story customer ``index`` (0, 1, 2)."""
    # Stories draw from a stream of their own, so their ids are the same for every seed
    # (but for the resources their call attempts point at, which the seed makes).
    rng = random.Random(f"advocate-demo-story:{index}")
    return CustomerFile(batch, rng, index, today, customer_id, calls)


def paid_for(products: list[Product]) -> int:
    """What the customer paid for these units."""
    return sum(MODELS[product.model_number].price_cents[0] for product in products)
