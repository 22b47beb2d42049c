"""Deterministic, realistic demo data: customers with their products, cases and history.

Used by ``advocate-central seed`` and by demo mode. Customer *i* is drawn from its own
random stream, keyed by (seed, i), so the records never depend on the batch size. Values
that must be unique across customers (phones, e-mails, serials, case numbers) are derived
from *i* one-to-one instead of being checked against a set, so a batch never needs the
others. The first three customers are the stories the product exists for (``STORY_*``).
All dates are relative to ``today``, so the stories stay true whenever the data is made.
Internal notes that say who was dialled in come with their call attempts (see
:mod:`.demo_calls`), pointing at the resources of ``demo_resources`` for the same seed.
"""

from __future__ import annotations

import random
import unicodedata
from bisect import bisect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import accumulate
from typing import NamedTuple, TypeVar
from uuid import UUID

from advocate_console.domain import (
    Address,
    CallAttempt,
    CardState,
    Case,
    CaseStatus,
    Channel,
    Customer,
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
    Resource,
    Tier,
    WorkingHours,
)

from . import demo_vocabulary as vocab
from .demo_calls import DialIns
from .demo_vocabulary import Area, Model

T = TypeVar("T")

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo"
DEMO_DISPLAY_NAME = "Maya Castellanos"
LEAD_USERNAME = "lead"
LEAD_PASSWORD = "lead"
LEAD_DISPLAY_NAME = "Dennis Whitford"

# Case owners and the advocates on timelines are written as display names.
ADVOCATES: tuple[str, ...] = (DEMO_DISPLAY_NAME, LEAD_DISPLAY_NAME, *vocab.TEAM)

DEMO_DATA_VERSION = 2
"""Raised when the demo data changes, so a demo seeded before is seeded afresh (2: calls)."""
STORY_COUNT = 3
"""How many story customers open the first batch."""
MAX_CUSTOMERS = 1_000_000
"""The one-to-one numbering of phones, serials and case numbers holds up to here."""

# Story 1: the second over-the-range microwave of the same model failed just out of warranty.
REPEAT_FAILURE_PHONE = "+18004322737"  # 1-800-GE-CARES: the story customer below
STORY_REPEAT_FAILURE_CUSTOMER_ID = UUID("5f1c2a8e-0b1d-4c3e-9a57-6d2e8f4b1001")
STORY_REPEAT_FAILURE_NAME = "Margaret O'Donnell"
STORY_REPEAT_FAILURE_EMAIL = "margaret.odonnell@comcast.net"
STORY_MICROWAVE_BRAND = vocab.MICROWAVE_OTR.brand
STORY_MICROWAVE_MODEL = vocab.MICROWAVE_OTR.model_number
STORY_MICROWAVE_NAME = vocab.MICROWAVE_OTR.name
STORY_MICROWAVE_DAYS_OUT_OF_WARRANTY = 60

# Story 2: the customer sent back the working replacement instead of the faulty unit.
STORY_WRONG_RETURN_CUSTOMER_ID = UUID("0c7e4d52-8f3a-4b6e-a1d9-3e5f7a9b2002")
STORY_WRONG_RETURN_NAME = "Tomás Gutiérrez"
STORY_WRONG_RETURN_PHONE = "+15035550147"
STORY_WRONG_RETURN_EMAIL = "tomas.gutierrez@gmail.com"
STORY_SOUNDBAR_MODEL = vocab.SOUNDBAR.model_number

# Story 3: a new car, bought a few weeks ago, due a proactive call today.
STORY_NEW_CAR_CUSTOMER_ID = UUID("9a3b6c1d-2e4f-4a5b-8c7d-1f2e3d4c3003")
STORY_NEW_CAR_NAME = "Grace Nakamura-Reid"
STORY_NEW_CAR_PHONE = "+17205550123"
STORY_NEW_CAR_EMAIL = "grace.nakamurareid@outlook.com"
STORY_NEW_CAR_MODEL = vocab.SUV.model_number
STORY_NEW_CAR_DAYS_SINCE_PURCHASE = 24
# The story serial numbers (STORY_MICROWAVE_*_SERIAL, STORY_SOUNDBAR_*_SERIAL) follow the
# serial formula below, from numbers no regular customer's product can have.

STORY_CUSTOMER_IDS = (
    STORY_REPEAT_FAILURE_CUSTOMER_ID,
    STORY_WRONG_RETURN_CUSTOMER_ID,
    STORY_NEW_CAR_CUSTOMER_ID,
)


@dataclass
class DemoBatch:
    """The records of a run of consecutive customers.

    Ids point only inside the batch, except that call attempts point at the resources of
    ``demo_resources`` made with the same seed.
    """

    customers: list[Customer] = field(default_factory=list)
    products: list[Product] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    interactions: list[Interaction] = field(default_factory=list)
    resolutions: list[Resolution] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    cards: list[NoteCard] = field(default_factory=list)
    call_attempts: list[CallAttempt] = field(default_factory=list)


def demo_resources(seed: int = 1) -> list[Resource]:
    """The internal people and desks advocates dial into calls (about forty)."""
    rng = random.Random(f"advocate-demo-resources:{seed}")
    resources = []
    for contact in vocab.CONTACTS:
        start, end, last_day = contact.hours
        resources.append(
            Resource(
                id=_uuid(rng),
                name=contact.name,
                department=contact.department,
                role=contact.role,
                skills=list(contact.skills),
                products=list(contact.products),
                phone=contact.phone,
                sip_uri=f"sip:{contact.sip_user}@{vocab.PBX_DOMAIN}" if contact.sip_user else None,
                working_hours=WorkingHours(
                    timezone=contact.timezone,
                    days=list(range(last_day + 1)),
                    start=time(start),
                    end=time(end),
                ),
                notes=contact.notes,
            )
        )
    return resources


def demo_batches(
    customers: int, seed: int = 1, today: date | None = None, batch_size: int = 1000
) -> Iterator[DemoBatch]:
    """``customers`` customers with their histories, ``batch_size`` customers per batch.

    The same arguments always give the same records. The three story customers open the
    first batch (fewer than three customers gives only the first stories).
    """
    if not 0 <= customers <= MAX_CUSTOMERS:
        raise ValueError(f"customers must be between 0 and {MAX_CUSTOMERS:,}")
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    # Checked here rather than in the generator, so a bad call fails where it is made.
    return _batches(customers, seed, today or date.today(), batch_size)


def _batches(customers: int, seed: int, today: date, batch_size: int) -> Iterator[DemoBatch]:
    directory = _Directory(seed)
    calls = DialIns(demo_resources(seed))
    for start in range(0, customers, batch_size):
        batch = DemoBatch()
        for index in range(start, min(start + batch_size, customers)):
            if index < STORY_COUNT:
                _STORIES[index](batch, today, calls)
            else:
                _regular_customer(batch, index, seed, today, directory, calls)
        yield batch


# --- numbering: one-to-one from a customer's index, so no batch needs to see another ---


# Customer i numbers its products and cases i * 16 + k: room for 16 of each, where a
# regular customer has at most 8 products (with replacements) and 6 cases.
_SLOTS = 16


def _uuid(rng: random.Random) -> UUID:
    return UUID(int=rng.getrandbits(128), version=4)


def _case_id(rng: random.Random, token: int) -> UUID:
    # The case number is the id's first 40 bits; an odd multiplier permutes them, so
    # distinct tokens can never share a number (random ids would collide at ~1M cases).
    high = (token * 0x9E3779B97F + 0x5DEECE66D) % (1 << 40)
    return UUID(int=(high << 88) | rng.getrandbits(88), version=4)


_CHECK_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"
_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ1234567"  # plant codes: no I, O or Q in a VIN
_VIN_YEARS = "ABCDEFGHJKLMNPRSTVWXY123456789"  # model-year codes, 1980 = A, every 30 years
_VIN_VALUES = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", map(int, "12345678123457923456789"), strict=True))
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def _serial(brand: str, token: int) -> str:
    """A serial in the brand's format; the eight digits are a permutation of ``token``."""
    digits = f"{(token * 73_939_133 + 4_111_111) % 10**8:08d}"
    check = _CHECK_LETTERS[sum(int(d) * (i + 3) for i, d in enumerate(digits)) % 23]
    return vocab.SERIAL_FORMATS[brand].format(d=digits, d1=digits[:4], d2=digits[4:], c=check)


def _vin(model: Model, token: int, model_year: int) -> str:
    """A 17-character VIN with a correct check digit; plant + serial permute ``token``."""
    number = (token * 19_260_817 + 7_654_321) % (30 * 10**6)
    body = (
        vocab.VIN_MAKERS[model.brand]
        + vocab.VIN_BODIES[model.model_number]
        + "0"
        + _VIN_YEARS[(model_year - 1980) % 30]
        + _VIN_CHARS[number // 10**6]
        + f"{number % 10**6:06d}"
    )
    total = sum(
        (int(ch) if ch.isdigit() else _VIN_VALUES[ch]) * weight
        for ch, weight in zip(body, _VIN_WEIGHTS, strict=True)
    )
    check = "X" if total % 11 == 10 else str(total % 11)
    return body[:8] + check + body[9:]


# The last two slots of a story customer, which their other products never reach.
_MICROWAVE_TOKENS = (0 * _SLOTS + 14, 0 * _SLOTS + 15)
_SOUNDBAR_TOKENS = (1 * _SLOTS + 14, 1 * _SLOTS + 15)
STORY_MICROWAVE_FIRST_SERIAL = _serial(STORY_MICROWAVE_BRAND, _MICROWAVE_TOKENS[0])
STORY_MICROWAVE_SECOND_SERIAL = _serial(STORY_MICROWAVE_BRAND, _MICROWAVE_TOKENS[1])
STORY_SOUNDBAR_FAULTY_SERIAL = _serial(vocab.SOUNDBAR.brand, _SOUNDBAR_TOKENS[0])
STORY_SOUNDBAR_RETURNED_SERIAL = _serial(vocab.SOUNDBAR.brand, _SOUNDBAR_TOKENS[1])


def _email_tag(j: int) -> str:
    # 10..99 for the first 90 customers, then 100..999, and so on, shuffled within each
    # length by a multiplier coprime to the class size: unique, and short while it can be.
    low, size = 10, 90
    while j >= size:
        j -= size
        low, size = low * 10, size * 10
    return str(low + (j * 7919) % size)


class _Directory:
    """Which area regular customer *j* lives in and their phone numbers, one-to-one."""

    def __init__(self, seed: int) -> None:
        rng = random.Random(f"advocate-demo-directory:{seed}")
        self.areas = list(vocab.AREAS)
        rng.shuffle(self.areas)
        # Lines 0100-0199 are the ones set aside for fiction: customers get them first.
        # 0100-0119 stay free for the company's own direct lines (demo_resources).
        fictional = [f"{n:04d}" for n in range(120, 200)]
        rest = [f"{n:04d}" for n in range(10_000) if not 100 <= n < 200 and n != 1212]
        rng.shuffle(fictional)
        rng.shuffle(rest)
        self.lines = fictional + rest
        self.half = len(self.lines) // 2  # first half for main numbers, second for others

    def place(self, j: int) -> tuple[Area, str, str]:
        """The area of customer *j*, their main phone and a second one."""
        rounds, slot = divmod(j, len(self.areas))
        area = self.areas[slot]
        tier, rank = divmod(rounds, self.half)
        if area.country == "GB":
            exchanges = vocab.LONDON_EXCHANGES if area.area_code == "20" else vocab.EXCHANGES["GB"]
            prefix = "+44" + area.area_code + exchanges[tier]
        else:
            prefix = "+1" + area.area_code + vocab.EXCHANGES[area.country][tier]
        return area, prefix + self.lines[rank], prefix + self.lines[self.half + rank]


# --- small helpers and weighted tables ---


def _weighted(pairs: Sequence[tuple[T, float]]) -> tuple[list[T], list[float]]:
    return [item for item, _ in pairs], list(accumulate(weight for _, weight in pairs))


def _pick(rng: random.Random, table: tuple[list[T], list[float]]) -> T:
    # bisect over precomputed sums: rng.choices would re-add the weights on every call.
    items, cumulative = table
    return items[bisect(cumulative, rng.random() * cumulative[-1])]


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def _this_morning(today: date) -> datetime:
    """13:10 UTC on ``today`` (this morning, US time); when ``today`` is today and that is
    still to come, a few minutes ago (a call that has not happened yet would top every
    timeline), never before ``today`` began."""
    recently = datetime.now(UTC) - timedelta(minutes=5)
    return min(_at(today, 13, 10), max(recently, _at(today, 0, 0)))


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _month(day: date) -> str:
    # Not strftime: month names must not follow the machine's locale.
    return f"{_MONTHS[day.month - 1]} {day.year}"


def _sentence(text: str) -> str:
    return f"{text[0].upper()}{text[1:]}."


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.lower() if ch.isalpha())


def _remedy(
    kind: RemedyKind,
    cost: int = 0,
    note: str = "",
    *,
    value: int | None = None,
    months: int | None = None,
) -> Remedy:
    return Remedy(kind=kind, cost_cents=cost, value_cents=value, months=months, note=note)


_NAME_GROUPS = _weighted([(group, group.weight) for group in vocab.NAME_GROUPS])
_ALL_LAST = [name for group in vocab.NAME_GROUPS for name in group.last]
_ASCII = {name: _ascii(name) for group in vocab.NAME_GROUPS for name in group.first + group.last}
# How much a customer buys from us: drives how many products they own and what else they
# spend; their tier then follows from what they spent (see _tier_for_value).
_SPENDERS = _weighted([(0, 62), (1, 24), (2, 10), (3, 4)])
_PRODUCT_COUNTS = ((1, 1, 1, 2, 2, 3), (1, 2, 2, 3, 3), (2, 2, 3, 3, 4), (2, 3, 4, 4))
# Accessories, service plans and small purchases on top of the products we track.
_EXTRAS_CENTS = ((0, 100_000), (100_000, 400_000), (300_000, 1_000_000), (800_000, 2_500_000))
_TIER_FLOORS = ((4_500_000, Tier.PLATINUM), (1_000_000, Tier.GOLD), (350_000, Tier.SILVER))
_MODELS = {model.model_number: model for model in vocab.CATALOG}
_CATALOG = _weighted([(model, model.weight) for model in vocab.CATALOG])
_HOME_CATALOG = _weighted([(m, m.weight) for m in vocab.CATALOG if m.family != vocab.VEHICLES])
_CHANNELS = _weighted(
    [
        (Channel.PHONE, 60),
        (Channel.EMAIL, 15),
        (Channel.CHAT, 10),
        (Channel.IN_STORE, 8),
        (Channel.SOCIAL, 5),
        (Channel.LETTER, 2),
    ]
)
_FAILURE_RATE = {
    vocab.MICROWAVES: 0.36,
    vocab.REFRIGERATION: 0.32,
    vocab.LAUNDRY: 0.35,
    vocab.COOKING: 0.22,
    vocab.DISHWASHERS: 0.28,
    vocab.AUDIO_VIDEO: 0.2,
    vocab.VEHICLES: 0.4,
}
_BIG_FAMILIES = {vocab.REFRIGERATION, vocab.LAUNDRY, vocab.COOKING, vocab.DISHWASHERS}
_DELIGHT_FIVE_STEPS = _weighted(
    [(Delight.DELIGHTED, 55), (Delight.SATISFIED, 35), (Delight.NEUTRAL, 7), (Delight.UNHAPPY, 3)]
)
_DELIGHT_FEWER_STEPS = _weighted(
    [(Delight.DELIGHTED, 20), (Delight.SATISFIED, 45), (Delight.NEUTRAL, 23), (Delight.UNHAPPY, 12)]
)
_ALL_STEPS = list(RecoveryStep)
_FIVE_STEP_YEARS = 6  # the five steps were introduced six years ago; older cases lack them
_HOURS = {"US": (13, 22), "CA": (13, 22), "GB": (8, 17)}  # when customers call, in UTC
_MAX_CASES = 6
_FIRST_CONTACT = {
    Channel.PHONE: (InteractionKind.CALL, "Inbound call"),
    Channel.EMAIL: (InteractionKind.EMAIL, "E-mail"),
    Channel.CHAT: (InteractionKind.NOTE, "Chat"),
    Channel.LETTER: (InteractionKind.NOTE, "Letter"),
    Channel.SOCIAL: (InteractionKind.NOTE, "Social media message"),
    Channel.IN_STORE: (InteractionKind.NOTE, "In store"),
}


class _Plan(NamedTuple):
    """What a case is about and how it was put right, in the advocate's words."""

    category: str
    headline: str  # a few words, for the timeline
    summary: str  # what the case says
    outcome: str  # what the customer was told at the end
    remedies: list[Remedy]
    action: str | None = None  # the internal note: who was dialled in, what they did


# --- one customer's file ---


class _CustomerFile:
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
        self.start_of_today = _at(today, 0)  # regular histories end before this
        self.products: list[Product] = []
        self.cases = 0
        self.hours = _HOURS["US"]
        self.first_name = ""

    def new_id(self) -> UUID:
        return _uuid(self.rng)

    def during_hours(self, day: date) -> datetime:
        """A time on ``day`` when this customer would call."""
        return _at(day, self.rng.randint(*self.hours), self.rng.randrange(60))

    def add_product(
        self,
        model: Model,
        purchased: date,
        *,
        token: int | None = None,
        warranty_end: date | None = None,
    ) -> Product:
        if token is None:
            token = self.index * _SLOTS + len(self.products)
        if model.family == vocab.VEHICLES:
            serial = _vin(model, token, purchased.year)
        else:
            serial = _serial(model.brand, token)
        if warranty_end is None:
            warranty_end = _add_years(purchased, self.rng.randint(*model.warranty_years))
        product = Product(
            id=self.new_id(),
            customer_id=self.customer_id,
            brand=model.brand,
            name=model.name,
            model_number=model.model_number,
            serial_number=serial,
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
        plan: _Plan,
        product: Product | None,
        channel: Channel,
        opened_at: datetime,
        owner: str | None,
        status: CaseStatus = CaseStatus.OPEN,
        closed_at: datetime | None = None,
    ) -> Case:
        """File a case, with the customer's first contact about it on the timeline."""
        case = Case(
            id=_case_id(self.rng, self.index * _SLOTS + self.cases),
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
        plan: _Plan,
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
            code = "".join(self.rng.choice(_CHECK_LETTERS) for _ in range(8))
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


def _closed_case(
    f: _CustomerFile,
    plan: _Plan,
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


# --- regular customers ---


def _regular_customer(
    batch: DemoBatch, index: int, seed: int, today: date, directory: _Directory, calls: DialIns
) -> None:
    # A string seed is hashed with SHA-512: stable across runs, platforms and versions.
    rng = random.Random(f"advocate-demo:{seed}:{index}")
    j = index - STORY_COUNT
    area, phone, second_phone = directory.place(j)
    f = _CustomerFile(batch, rng, index, today, _uuid(rng), calls)
    f.hours = _HOURS[area.country]
    first, last = _person_name(rng)
    f.first_name = first
    spender = _pick(rng, _SPENDERS)
    since = today - timedelta(days=rng.randint(10, 15 * 365))

    spent = 0
    for purchased in sorted(_purchase_dates(rng, since, today, spender)):
        # Better customers are likelier to have bought a car from us as well.
        catalog = _CATALOG if rng.random() < 0.4 + 0.2 * spender else _HOME_CATALOG
        model = _pick(rng, catalog)
        spent += _price(rng, model)
        _product_history(f, f.add_product(model, purchased), model, depth=0)
    _customer_history(f, since)

    value = spent + rng.randrange(*_EXTRAS_CENTS[spender]) // 100 * 100
    batch.customers.append(
        Customer(
            id=f.customer_id,
            display_name=f"{first} {last}",
            phones=[phone, second_phone] if rng.random() < 0.22 else [phone],
            emails=_emails(rng, first, last, j, area.country),
            address=_address(rng, area),
            tier=_tier_for_value(value),
            customer_since=since,
            lifetime_value_cents=value,
        )
    )
    batch.products.extend(f.products)


def _person_name(rng: random.Random) -> tuple[str, str]:
    while True:
        group = _pick(rng, _NAME_GROUPS)
        first = rng.choice(group.first)
        # Families mix: about one in eight surnames comes from another tradition.
        last = rng.choice(_ALL_LAST) if rng.random() < 0.12 else rng.choice(group.last)
        if f"{first} {last}" not in vocab.BLOCKED_NAMES:
            return first, last


def _purchase_dates(rng: random.Random, since: date, today: date, spender: int) -> list[date]:
    span = max((today - since).days - 1, 1)
    count = rng.choice(_PRODUCT_COUNTS[spender])
    dates = [since + timedelta(days=rng.randrange(span)) for _ in range(count)]
    dates[0] = since  # the first purchase is what made them a customer
    if rng.random() < 0.07:  # a recent purchase, so that proactive calls are due now
        dates[-1] = max(since, today - timedelta(days=rng.randint(3, 45)))
    return dates


def _price(rng: random.Random, model: Model) -> int:
    low, high = model.price_cents
    step = 10_000 if model.family == vocab.VEHICLES else 1000
    return low + rng.randrange((high - low) // step + 1) * step


def _tier_for_value(value: int) -> Tier:
    """The tier a customer's lifetime value earns."""
    return next((tier for floor, tier in _TIER_FLOORS if value >= floor), Tier.STANDARD)


def _emails(rng: random.Random, first: str, last: str, j: int, country: str) -> list[str]:
    given, family = _ASCII[first], _ASCII[last]
    # The tag is unique per customer and the letters before it hold no digits, so no
    # address can ever be another customer's.
    tag = _email_tag(j)
    local = rng.choice(
        (
            f"{given}.{family}",
            f"{given}{family}",
            f"{given[0]}{family}",
            f"{given}_{family}",
            f"{family}.{given}",
        )
    )
    emails = [f"{local}{tag}@{rng.choice(vocab.EMAIL_DOMAINS[country])}"]
    if rng.random() < 0.1:
        work = rng.choice(("work.example.com", "corp.example.org"))
        emails.append(f"{given[0]}.{family}{tag}@{work}")
    return emails


def _address(rng: random.Random, area: Area) -> Address:
    town, postal_start = rng.choice(area.towns)
    number = rng.randint(1, 9899)
    if area.country == "GB":
        name, kind = rng.choice(vocab.UK_STREET_NAMES), rng.choice(vocab.UK_STREET_SUFFIXES)
        letters = "ABDEFGHJLNPQRSTUWXYZ"  # the letters UK inward codes use
        postcode = (
            f"{postal_start}{rng.randint(1, 20)} {rng.randint(1, 9)}"
            f"{rng.choice(letters)}{rng.choice(letters)}"
        )
        street = f"{number % 200 + 1} {name} {kind}"
        return Address(lines=[street], city=town, postal_code=postcode, country="GB")
    if town == "Montréal":
        street = f"{number}, {rng.choice(vocab.QUEBEC_STREETS)}"
    else:
        street = f"{number} {rng.choice(vocab.STREET_NAMES)} {rng.choice(vocab.US_STREET_SUFFIXES)}"
    lines = [street]
    if rng.random() < 0.2:
        lines.append(f"Apt {rng.randint(1, 30)}{rng.choice('ABCDEF')}")
    if area.country == "CA":
        letters = "ABCEGHJKLMNPRSTVWXYZ"  # the letters Canadian postal codes use
        postal = (
            f"{postal_start}{rng.randint(1, 9)}{rng.choice(letters)} "
            f"{rng.randint(1, 9)}{rng.choice(letters)}{rng.randint(0, 9)}"
        )
    else:
        postal = f"{postal_start}{rng.randrange(100):02d}"
    return Address(
        lines=lines, city=town, region=area.region, postal_code=postal, country=area.country
    )


# --- what happened to a regular customer ---


def _credit(rng: random.Random) -> list[Remedy]:
    cents = rng.randint(5, 20) * 500
    return [_remedy(RemedyKind.ACCOUNT_CREDIT, cents, "For the trouble", value=cents)]


class _Trouble(NamedTuple):
    """How a kind of everyday case goes: how long, who helps, what makes it right."""

    days: tuple[int, int]  # to resolve; (0, 0) means on the first call
    action: str | None
    outcome: str
    remedies: Callable[[random.Random], list[Remedy]]


_TROUBLES = {
    "delivery": _Trouble(
        (1, 6),
        "Returns & logistics rebooked the delivery for the first slot.",
        "Delivered on the rebooked slot; credit applied for the trouble.",
        _credit,
    ),
    "installation": _Trouble(
        (2, 9),
        "Booked the installation lead for a second visit.",
        "Second visit put it right, at no charge.",
        lambda rng: [_remedy(RemedyKind.OTHER, rng.randint(99, 149) * 100, "Free second visit")],
    ),
    "product question": _Trouble(
        (0, 0),
        None,
        "Answered on the call.",
        lambda rng: [_remedy(RemedyKind.INFORMATION_ONLY, note="Answered on the call")],
    ),
    "parts": _Trouble(
        (3, 10),
        "Parts line found it in stock.",
        "Part shipped at no charge; arrived fine.",
        lambda rng: [_remedy(RemedyKind.OTHER, rng.randint(15, 65) * 100, "Free part")],
    ),
    "billing": _Trouble(
        (1, 8),
        "Conferenced in billing support; they traced the charge.",
        "Charge corrected and a credit added for the trouble.",
        lambda rng: [_remedy(RemedyKind.OTHER, note="Charge corrected"), *_credit(rng)],
    ),
    "complaint": _Trouble(
        (0, 3),
        "Listened it through; passed it to the team lead.",
        "Apologised; the team lead called personally.",
        lambda rng: [_remedy(RemedyKind.GIFT_CERTIFICATE, 2500, "Apology", value=2500)],
    ),
    "new purchase": _Trouble(
        (0, 0),
        None,
        "Advice given on the call.",
        lambda rng: [_remedy(RemedyKind.INFORMATION_ONLY, note="Advice on the call")],
    ),
    "wrong item returned": _Trouble(
        (3, 12),
        "Conferenced in returns & logistics; they matched the serial to the order.",
        "Right unit collected, wrong one sent back to the customer; nothing charged.",
        lambda rng: [_remedy(RemedyKind.OTHER, rng.randint(40, 90) * 100, "Return shipping")],
    ),
}


def _trouble(
    f: _CustomerFile, category: str, headline: str, day: date, product: Product | None = None
) -> None:
    """An everyday case: a delivery, a question, a part, a bill, a complaint."""
    trouble = _TROUBLES[category]
    summary = _sentence(headline)
    if product is not None:
        summary += f" {product.name} ({product.model_number})."
    plan = _Plan(
        category, headline, summary, trouble.outcome, trouble.remedies(f.rng), trouble.action
    )
    _regular_case(f, plan, product, day, trouble.days)


def _product_history(f: _CustomerFile, product: Product, model: Model, depth: int) -> None:
    """Cases about one unit: delivery trouble, failures, questions, parts."""
    rng = f.rng
    purchased = product.purchase_date or f.today
    span = (f.today - purchased).days - 1
    if span < 1:
        return
    if depth == 0 and model.family in _BIG_FAMILIES and rng.random() < 0.12:
        day = purchased + timedelta(days=rng.randint(0, min(span, 7)))
        if rng.random() < 0.5:
            _trouble(f, "delivery", rng.choice(vocab.DELIVERY_ISSUES), day, product)
        else:
            _trouble(f, "installation", rng.choice(vocab.INSTALL_ISSUES), day, product)
    if span > 30 and rng.random() < _FAILURE_RATE[model.family] * (0.5 if depth else 1.0):
        _failure(f, product, model, purchased + timedelta(days=rng.randint(30, min(span, 2600))))
    if rng.random() < 0.09:
        day = purchased + timedelta(days=rng.randint(1, span))
        _trouble(f, "product question", rng.choice(vocab.QUESTIONS[model.kind]), day, product)
    if rng.random() < 0.03:
        day = purchased + timedelta(days=rng.randint(1, span))
        _trouble(f, "parts", rng.choice(vocab.PARTS[model.kind]), day, product)
    if model.family != vocab.VEHICLES and rng.random() < 0.015:
        day = purchased + timedelta(days=rng.randint(1, min(span, 60)))
        _trouble(f, "wrong item returned", rng.choice(vocab.RETURN_MIX_UPS), day, product)


def _failure(
    f: _CustomerFile, product: Product, model: Model, day: date, again: bool = False
) -> None:
    """A unit that broke: repaired, replaced, or made good out of warranty."""
    rng = f.rng
    symptom, fix = rng.choice(vocab.SYMPTOMS[model.kind])
    end = product.warranty_end or day
    covered = day <= end
    coverage = "in warranty" if covered else f"out of warranty since {_month(end)}"
    summary = (
        f"{_sentence(symptom)} {model.name} ({model.model_number}), bought "
        f"{_month(product.purchase_date or day)}; {coverage}."
    )
    replace = covered and not again and model.family != vocab.VEHICLES and rng.random() < 0.25
    if replace:
        cost = model.price_cents[0] * 55 // 100  # what the unit costs us, not the shelf price
        plan = _Plan(
            "warranty",
            symptom,
            summary,
            f"Replacement {model.model_number} delivered; old unit taken away.",
            [_remedy(RemedyKind.REPLACEMENT, cost, "In-warranty replacement")],
            "Warranty desk approved a replacement instead of a repair.",
        )
    elif covered:
        if model.family == vocab.VEHICLES:
            action = "Dealer relations booked a service visit and a loaner car."
        else:
            action = "Conferenced in service dispatch; technician booked."
        cost = rng.randint(80, 320) * 100
        plan = _Plan(
            rng.choice(("repair", "warranty")),
            symptom,
            summary,
            f"Fixed under warranty: {fix}.",
            [_remedy(RemedyKind.OTHER, cost, "In-warranty repair")],
            action,
        )
    else:
        months = max(1, (day - end).days // 30)
        action = (
            f"Out of warranty by {months} months; went through the options with the warranty desk."
        )
        outcome, remedies = f"Repaired: {fix}.", _out_of_warranty_remedies(rng)
        if remedies[0].kind is RemedyKind.ACCOUNT_CREDIT:
            outcome = "Customer chose to replace it; credit given toward the new one."
        plan = _Plan(
            rng.choice(("product failure", "repair")), symptom, summary, outcome, remedies, action
        )
    resolved_at = _regular_case(f, plan, product, day, (2, 16))
    if resolved_at is None:
        return
    later = (f.today - resolved_at.date()).days - 2
    if replace and later > 0:
        new = f.add_product(
            model,
            resolved_at.date() + timedelta(days=1),
            warranty_end=_add_years(resolved_at.date(), 1),
        )
        f.replace(product, new)
        _product_history(f, new, model, depth=1)
    elif covered and not again and later > 30 and rng.random() < 0.08:
        # The same unit lets them down again: the repeat failures advocates must spot.
        day = resolved_at.date() + timedelta(days=rng.randint(30, later))
        _failure(f, product, model, day, again=True)


def _out_of_warranty_remedies(rng: random.Random) -> list[Remedy]:
    roll = rng.random()
    if roll < 0.45:
        return [_remedy(RemedyKind.REPAIR_FEE_WAIVED, rng.randint(99, 249) * 100, "Goodwill")]
    if roll < 0.7:
        labour = rng.randint(60, 120) * 100
        return [
            _remedy(RemedyKind.OTHER, labour, "Customer paid parts; we paid labour"),
            _remedy(RemedyKind.WARRANTY_EXTENDED, 0, "Parts and labour", months=12),
        ]
    credit = rng.randint(5, 20) * 1000
    return [_remedy(RemedyKind.ACCOUNT_CREDIT, credit, "Toward a new unit", value=credit)]


def _customer_history(f: _CustomerFile, since: date) -> None:
    """Cases about the account, proactive calls after purchases, the odd quick call."""
    rng = f.rng
    span = max((f.today - since).days - 1, 1)
    if rng.random() < 0.09:
        day = since + timedelta(days=rng.randrange(span))
        _trouble(f, "billing", rng.choice(vocab.BILLING_ISSUES), day)
    if rng.random() < 0.05:
        day = since + timedelta(days=rng.randrange(span))
        _trouble(f, "complaint", rng.choice(vocab.COMPLAINTS), day)
    if rng.random() < 0.07:
        day = since + timedelta(days=rng.randrange(span))
        _trouble(f, "new purchase", rng.choice(vocab.PURCHASE_QUESTIONS), day)
    in_use = [product for product in f.products if product.replaced_by_id is None]
    if rng.random() < 0.05:  # something going wrong right now, so open cases exist
        product = rng.choice(in_use)
        day = f.today - timedelta(days=rng.randint(1, 12))
        if product.purchase_date and product.purchase_date < day - timedelta(days=30):
            _failure(f, product, _MODELS[product.model_number], day, again=True)
    for product in in_use:
        _after_purchase(f, product, _MODELS[product.model_number])
    if rng.random() < 0.3:
        at = f.during_hours(since + timedelta(days=rng.randrange(span)))
        f.note(
            InteractionKind.CALL,
            Direction.INBOUND,
            at,
            "Inbound call: asked for order status",
            body="Read out the tracking number; no case needed.",
            advocate=rng.choice(ADVOCATES),
        )


def _after_purchase(f: _CustomerFile, product: Product, model: Model) -> None:
    """Proactive calls: due now after recent purchases, made long ago after some older ones."""
    rng = f.rng
    purchased = product.purchase_date or f.today
    due = f.during_hours(purchased + timedelta(days=rng.randint(14, 30)))
    reason = f"Check in after the new {model.kind}: settled in, any questions, registered?"
    advocate = rng.choice(ADVOCATES)
    recent = (f.today - purchased).days <= 60
    if recent and due >= f.start_of_today - timedelta(days=5) and rng.random() < 0.85:
        f.follow_up(FollowUpKind.PROACTIVE, due, reason, advocate=advocate)
        return
    if (not recent and rng.random() > 0.2) or due >= f.start_of_today:
        return
    done = due + timedelta(minutes=rng.randint(0, 240))
    f.follow_up(
        FollowUpKind.PROACTIVE,
        due,
        reason,
        status=FollowUpStatus.DONE,
        completed_at=done,
        advocate=advocate,
    )
    f.note(
        InteractionKind.CALL,
        Direction.OUTBOUND,
        done,
        f"Proactive call about the {model.kind}",
        body="All well; gave them our direct number.",
        advocate=advocate,
    )


def _recovery(rng: random.Random, day: date, today: date) -> tuple[list[RecoveryStep], Delight]:
    if (today - day).days > _FIVE_STEP_YEARS * 365:
        steps = _ALL_STEPS[: rng.choice((0, 1, 2))]
    elif rng.random() < 0.6:
        steps = list(_ALL_STEPS)
    else:
        steps = _ALL_STEPS[: rng.randint(2, 4)]
    return steps, _pick(rng, _DELIGHT_FIVE_STEPS if len(steps) == 5 else _DELIGHT_FEWER_STEPS)


def _regular_case(
    f: _CustomerFile, plan: _Plan, product: Product | None, day: date, days: tuple[int, int]
) -> datetime | None:
    """A case opened on ``day``: still open if its work runs past today, else resolved.

    Returns when it was resolved, or None if it is still open (or the customer already
    has enough cases).
    """
    if f.cases >= _MAX_CASES:
        return None
    rng = f.rng
    opened_at = f.during_hours(day)
    if days == (0, 0):
        resolved_at = opened_at + timedelta(minutes=rng.randint(6, 40))
    else:
        resolved_at = opened_at + timedelta(days=rng.randint(*days), hours=rng.randrange(6))
    channel = _pick(rng, _CHANNELS)
    owner = rng.choice(ADVOCATES)
    thing = _MODELS[product.model_number].kind if product else "account"
    if resolved_at >= f.start_of_today:
        status = CaseStatus.PENDING if rng.random() < 0.35 else CaseStatus.OPEN
        owner = owner if rng.random() < 0.7 else None  # some wait in the queue for an owner
        case = f.open_case(plan, product, channel, opened_at, owner, status)
        if plan.action and owner:
            f.dialled_in(case, product, opened_at + timedelta(minutes=25), plan.action, owner)
        if rng.random() < 0.7:  # a promised callback, due in the days around today
            due = f.during_hours(f.today + timedelta(days=rng.randint(-3, 3)))
            f.follow_up(
                FollowUpKind.CALLBACK,
                due,
                f"Call back about the {thing}: {plan.headline}.",
                case=case,
                advocate=owner,
            )
        return None

    steps, delight = _recovery(rng, day, f.today)
    card = (
        delight in (Delight.DELIGHTED, Delight.SATISFIED)
        and RecoveryStep.EXTENDED_EXPERIENCE in steps
        and rng.random() < 0.35
    )
    gift = rng.choice((2500, 5000, 10000)) if card and rng.random() < 0.3 else None
    if gift:
        certificate = _remedy(RemedyKind.GIFT_CERTIFICATE, gift, "With the card", value=gift)
        plan = plan._replace(remedies=[*plan.remedies, certificate])
    closed = (f.start_of_today - resolved_at).days >= 10 or rng.random() < 0.5
    status = CaseStatus.CLOSED if closed else CaseStatus.RESOLVED
    case = _closed_case(
        f, plan, product, channel, opened_at, resolved_at, owner, steps, delight, status
    )
    if rng.random() < 0.18:
        due = resolved_at + timedelta(days=rng.randint(2, 7))
        reason = f"Make sure the {thing} is still fine."
        if due >= f.start_of_today:
            f.follow_up(FollowUpKind.CALLBACK, due, reason, case=case, advocate=owner)
        elif rng.random() < 0.93:
            done = due + timedelta(minutes=rng.randint(0, 300))
            f.follow_up(
                FollowUpKind.CALLBACK,
                due,
                reason,
                case=case,
                status=FollowUpStatus.DONE,
                completed_at=done,
                advocate=owner,
            )
        else:
            f.follow_up(
                FollowUpKind.CALLBACK,
                due,
                reason,
                case=case,
                status=FollowUpStatus.CANCELLED,
                advocate=owner,
            )
    if card:
        _thank_you_card(f, case, resolved_at, thing, owner, gift)
    return resolved_at


def _thank_you_card(
    f: _CustomerFile,
    case: Case,
    resolved_at: datetime,
    thing: str,
    advocate: str,
    gift: int | None,
) -> None:
    rng = f.rng
    created = resolved_at + timedelta(minutes=rng.randint(5, 90))
    age = (f.start_of_today - created).days
    failure = None
    if age >= 10:  # long since mailed, or it went wrong
        roll = rng.random()
        state = CardState.MAILED if roll < 0.9 else CardState.CANCELLED
        if roll > 0.96:
            state, failure = CardState.FAILED, rng.choice(vocab.CARD_FAILURES)
    elif age >= 3:
        state = CardState.MAILED if rng.random() < 0.6 else CardState.PRINTED
    else:  # still in this week's print batch
        state = rng.choice((CardState.DRAFT, CardState.QUEUED, CardState.QUEUED, CardState.PRINTED))
    message = rng.choice(vocab.CARD_MESSAGES).format(
        first=f.first_name, thing=thing, advocate=advocate.split()[0]
    )
    f.card(
        case, message, created, state, gift_cents=gift, advocate=advocate, failure_reason=failure
    )


# --- the stories ---


def _story_file(
    batch: DemoBatch, index: int, customer_id: UUID, today: date, calls: DialIns
) -> _CustomerFile:
    # Stories draw from a stream of their own, so their ids are the same for every seed
    # (but for the resources their call attempts point at, which the seed makes).
    rng = random.Random(f"advocate-demo-story:{index}")
    return _CustomerFile(batch, rng, index, today, customer_id, calls)


def _paid_for(products: list[Product]) -> int:
    """What the customer paid for these units."""
    return sum(_MODELS[product.model_number].price_cents[0] for product in products)


def _repeat_failure_story(batch: DemoBatch, today: date, calls: DialIns) -> None:
    """Story 1: the second microwave of the same model fails 60 days out of warranty."""
    f = _story_file(batch, 0, STORY_REPEAT_FAILURE_CUSTOMER_ID, today, calls)
    f.first_name = "Margaret"
    since = today - timedelta(days=5130)
    gas_range = f.add_product(_MODELS["HGR30SS"], since, warranty_end=_add_years(since, 1))
    f.add_product(_MODELS["CFD25RS"], today - timedelta(days=3290))
    washer = f.add_product(_MODELS["NWF45HE"], today - timedelta(days=2395))
    f.add_product(_MODELS["NDE74HE"], today - timedelta(days=2395))
    f.add_product(_MODELS["HDW24Q3"], today - timedelta(days=1480))
    f.add_product(_MODELS["ARIA-HEV-LTD"], today - timedelta(days=1130))
    f.add_product(_MODELS["VX65Q9"], today - timedelta(days=690))
    # The replacement came with a one-year warranty, which ran out 60 days ago.
    second_end = today - timedelta(days=STORY_MICROWAVE_DAYS_OUT_OF_WARRANTY)
    replaced_on = _add_years(second_end, -1)
    first_bought = replaced_on - timedelta(days=590)
    first = f.add_product(
        vocab.MICROWAVE_OTR,
        first_bought,
        token=_MICROWAVE_TOKENS[0],
        warranty_end=_add_years(first_bought, 2),
    )
    second = f.add_product(
        vocab.MICROWAVE_OTR, replaced_on, token=_MICROWAVE_TOKENS[1], warranty_end=second_end
    )
    paid = _paid_for([product for product in f.products if product is not second])
    f.replace(first, second)
    renata, graham = vocab.TEAM[0], vocab.TEAM[1]

    dent = _Plan(
        "delivery",
        "range delivered with a dented side panel",
        "New Halvorsen gas range (HGR30SS) delivered with a dented left side panel. She kept "
        "it because it sits between cabinets, but is disappointed.",
        "Credited $50 to the account; customer satisfied.",
        [_remedy(RemedyKind.ACCOUNT_CREDIT, 5000, "Dented side panel", value=5000)],
    )
    opened = _at(since + timedelta(days=3), 15, 20)
    _closed_case(
        f,
        dent,
        gas_range,
        Channel.PHONE,
        opened,
        opened + timedelta(days=6),
        owner=graham,
        steps=[],
        delight=Delight.SATISFIED,
    )

    level = _Plan(
        "installation",
        "washer walks across the floor",
        "Installer left the new Northvane washer (NWF45HE) unlevelled with the shipping bolts "
        "in; it walked a foot across the laundry room on its first spin.",
        "Installer removed the shipping bolts and levelled the washer; no charge.",
        [_remedy(RemedyKind.OTHER, 12900, "Second install visit")],
        "Booked the installation lead for a second visit.",
    )
    opened = _at(today - timedelta(days=2393), 20, 40)
    _closed_case(
        f,
        level,
        washer,
        Channel.EMAIL,
        opened,
        opened + timedelta(days=4),
        owner=renata,
        steps=_ALL_STEPS[:3],
        delight=Delight.SATISFIED,
    )

    heating = _Plan(
        "product failure",
        "microwave stopped heating",
        f"Halvorsen over-the-range microwave ({STORY_MICROWAVE_MODEL}, serial "
        f"{STORY_MICROWAVE_FIRST_SERIAL}) stopped heating; light, fan and turntable still work. "
        f"Bought {_month(first_bought)}; in warranty. She already reset the breaker.",
        f"Replacement {STORY_MICROWAVE_MODEL} (serial {STORY_MICROWAVE_SECOND_SERIAL}) installed "
        f"in {_month(replaced_on)}; old unit hauled away. Customer delighted.",
        [
            _remedy(RemedyKind.REPLACEMENT, 31000, "In-warranty replacement"),
            _remedy(RemedyKind.GIFT_CERTIFICATE, 2500, "With the thank-you card", value=2500),
        ],
        "Conferenced in Dana Whitlock at the warranty desk: she approved a replacement rather "
        "than a technician visit, since the unit is mounted over the range.",
    )
    replaced_at = _at(replaced_on, 19, 10)
    first_failure = _closed_case(
        f,
        heating,
        first,
        Channel.PHONE,
        replaced_at - timedelta(days=12, hours=4),
        replaced_at,
        owner=DEMO_DISPLAY_NAME,
        steps=list(_ALL_STEPS),
        delight=Delight.DELIGHTED,
    )
    f.card(
        first_failure,
        vocab.STORY_REPEAT_FAILURE_CARD,
        replaced_at + timedelta(minutes=20),
        CardState.MAILED,
        gift_cents=2500,
        advocate=DEMO_DISPLAY_NAME,
    )
    due = replaced_at + timedelta(days=7)
    f.follow_up(
        FollowUpKind.CALLBACK,
        due,
        "Check the replacement microwave heats well.",
        case=first_failure,
        status=FollowUpStatus.DONE,
        completed_at=due + timedelta(minutes=12),
        advocate=DEMO_DISPLAY_NAME,
    )
    f.note(
        InteractionKind.CALLBACK,
        Direction.OUTBOUND,
        due + timedelta(minutes=12),
        "Replacement microwave working well; she thanked us for the card.",
        case=first_failure,
        advocate=DEMO_DISPLAY_NAME,
    )

    double = _Plan(
        "billing",
        "charged twice for the service plan",
        "Charged twice for the Aria's extended service plan on the same statement.",
        "Duplicate charge reversed; confirmed by e-mail.",
        [_remedy(RemedyKind.OTHER, note="Duplicate charge reversed")],
        "Conferenced in billing support; they traced the duplicate charge.",
    )
    opened = _at(today - timedelta(days=400), 17, 5)
    _closed_case(
        f,
        double,
        None,
        Channel.PHONE,
        opened,
        opened + timedelta(days=2),
        owner=renata,
        steps=list(_ALL_STEPS),
        delight=Delight.SATISFIED,
    )

    again = _Plan(
        "product failure",
        "second microwave of the same model stopped heating",
        f"Second {STORY_MICROWAVE_MODEL} stopped heating: same fault as the first unit, which "
        f"we replaced in {_month(replaced_on)}. This one (serial {STORY_MICROWAVE_SECOND_SERIAL})"
        f" went out of warranty {STORY_MICROWAVE_DAYS_OUT_OF_WARRANTY} days ago. Customer for "
        "14 years, platinum; she is upset and wants this model fixed for good.",
        "",
        [],
    )
    f.open_case(again, second, Channel.PHONE, _this_morning(today), None)
    batch.customers.append(
        Customer(
            id=f.customer_id,
            display_name=STORY_REPEAT_FAILURE_NAME,
            phones=[REPEAT_FAILURE_PHONE],
            emails=[STORY_REPEAT_FAILURE_EMAIL],
            address=Address(
                lines=["1427 Larkspur Lane"], city="Denver", region="CO", postal_code="80220"
            ),
            tier=_tier_for_value(paid + 3_864_000),
            customer_since=since,
            lifetime_value_cents=paid + 3_864_000,
        )
    )
    batch.products.extend(f.products)


def _wrong_return_story(batch: DemoBatch, today: date, calls: DialIns) -> None:
    """Story 2: the working replacement came back to us instead of the faulty unit."""
    f = _story_file(batch, 1, STORY_WRONG_RETURN_CUSTOMER_ID, today, calls)
    f.first_name = "Tomás"
    since = today - timedelta(days=2210)
    f.add_product(_MODELS["NWT50"], since)
    bought = today - timedelta(days=41)
    f.add_product(_MODELS["VX55U7"], bought)
    faulty = f.add_product(vocab.SOUNDBAR, bought, token=_SOUNDBAR_TOKENS[0])
    shipped = today - timedelta(days=22)
    working = f.add_product(
        vocab.SOUNDBAR, shipped, token=_SOUNDBAR_TOKENS[1], warranty_end=faulty.warranty_end
    )
    paid = _paid_for([product for product in f.products if product is not working])
    f.replace(faulty, working)
    bad, good = faulty.serial_number, working.serial_number
    arrived = today - timedelta(days=9)

    no_sound = _Plan(
        "product failure",
        "no sound over HDMI ARC",
        f"No sound over HDMI ARC from the new Brightwell soundbar ({STORY_SOUNDBAR_MODEL}, "
        f"serial {bad}) with his Vistaro TV; tried another cable and a factory reset.",
        f"Advance replacement (serial {good}) delivered; he is to send the faulty unit "
        f"(serial {bad}) back within 14 days with the prepaid label.",
        [_remedy(RemedyKind.REPLACEMENT, 23000, "Advance replacement")],
        "Jae-min Yoon (audio/video engineering) confirmed the known ARC board fault on early "
        "units; Returns set up an advance replacement with a prepaid label for the faulty one.",
    )
    _closed_case(
        f,
        no_sound,
        faulty,
        Channel.CHAT,
        _at(shipped - timedelta(days=4), 18, 40),
        _at(shipped, 17, 0),
        owner=vocab.TEAM[2],
        steps=_ALL_STEPS[:4],
        delight=Delight.SATISFIED,
    )
    f.note(
        InteractionKind.NOTE,
        Direction.INTERNAL,
        _at(arrived, 15, 30),
        f"Warehouse: returned soundbar received, serial {good}. That is the replacement we "
        "shipped, not the original. Tested OK.",
        advocate="Beatriz Salcedo",
    )
    f.note(
        InteractionKind.EMAIL,
        Direction.OUTBOUND,
        _at(today - timedelta(days=5), 12, 0),
        "Non-return charge of $449.99 for the soundbar replacement",
        body="Automatic notice: the original unit was not returned within 14 days.",
    )

    mix_up = _Plan(
        "wrong item returned",
        "billed for a soundbar he did send back; still no sound",
        f"Customer sent back the working replacement soundbar (serial {good}) instead of the "
        f"faulty one (serial {bad}); the two boxes looked alike. The warehouse received {good} "
        f"on {arrived:%m/%d} and tested it OK, and he was then billed the $449.99 non-return "
        "fee. He still has no sound over ARC. Needs: the working unit sent back, a new label "
        "for the faulty one, and the fee reversed.",
        "",
        [],
    )
    opened = _at(today - timedelta(days=3), 16, 25)
    case = f.open_case(mix_up, faulty, Channel.PHONE, opened, DEMO_DISPLAY_NAME)
    f.dialled_in(
        case,
        faulty,
        opened + timedelta(minutes=25),
        "Conferenced Beatriz Salcedo (returns): she will ship the working unit back once "
        "Billing reverses the fee; Gloria Achterberg (billing) is reversing it.",
        DEMO_DISPLAY_NAME,
    )
    f.note(
        InteractionKind.EMAIL,
        Direction.OUTBOUND,
        opened + timedelta(days=1, hours=-2),
        "Apologised; asked for a photo of the serial label on the unit he still has.",
        case=case,
        advocate=DEMO_DISPLAY_NAME,
    )
    f.note(
        InteractionKind.EMAIL,
        Direction.INBOUND,
        opened + timedelta(days=2),
        f"Photo received: the unit at home is serial {bad}, the faulty one.",
        case=case,
        body="Here's the label. Sorry for the mix-up! Tomás",
    )
    f.follow_up(
        FollowUpKind.CALLBACK,
        _at(today, 17, 0),
        "Call Tomás: confirm the fee is reversed and the working soundbar is on its "
        "way, with a new prepaid label for the faulty one.",
        case=case,
        advocate=DEMO_DISPLAY_NAME,
    )
    batch.customers.append(
        Customer(
            id=f.customer_id,
            display_name=STORY_WRONG_RETURN_NAME,
            phones=[STORY_WRONG_RETURN_PHONE],
            emails=[STORY_WRONG_RETURN_EMAIL],
            address=Address(
                lines=["3318 SE Belmont St", "Apt 2"],
                city="Portland",
                region="OR",
                postal_code="97214",
            ),
            tier=_tier_for_value(paid + 212_500),
            customer_since=since,
            lifetime_value_cents=paid + 212_500,
        )
    )
    batch.products.extend(f.products)


def _new_car_story(batch: DemoBatch, today: date, calls: DialIns) -> None:
    """Story 3: a car bought a few weeks ago, and a proactive call due today."""
    f = _story_file(batch, 2, STORY_NEW_CAR_CUSTOMER_ID, today, calls)
    f.first_name = "Grace"
    since = today - timedelta(days=1105)
    dishwasher = f.add_product(_MODELS["HDW24Q3"], since)
    bought = today - timedelta(days=STORY_NEW_CAR_DAYS_SINCE_PURCHASE)
    f.add_product(vocab.SUV, bought, warranty_end=_add_years(bought, 3))

    rinse = _Plan(
        "product question",
        "which rinse-aid setting suits hard water",
        "Asked which rinse-aid setting suits her hard water; glasses come out cloudy. "
        "Halvorsen 24-inch quiet dishwasher (HDW24Q3).",
        "Suggested setting 5 and a monthly cleaning cycle; glasses clear now.",
        [_remedy(RemedyKind.INFORMATION_ONLY, note="Advice by e-mail")],
    )
    opened = _at(since + timedelta(days=20), 21, 5)
    _closed_case(
        f,
        rinse,
        dishwasher,
        Channel.EMAIL,
        opened,
        opened + timedelta(hours=18),
        owner=vocab.TEAM[4],
        steps=list(_ALL_STEPS),
        delight=Delight.DELIGHTED,
    )
    choice = _Plan(
        "new purchase",
        "choosing between the Solace and the Aria",
        "Choosing between the Kestrel Solace and the Aria: needs AWD and room for two car "
        "seats. Booked a test drive at her nearest dealer.",
        "Booked the test drive; sent the comparison sheet.",
        [_remedy(RemedyKind.INFORMATION_ONLY, note="Advice on the call")],
    )
    opened = _at(bought - timedelta(days=6), 16, 0)
    _closed_case(
        f,
        choice,
        None,
        Channel.PHONE,
        opened,
        opened + timedelta(minutes=35),
        owner=DEMO_DISPLAY_NAME,
        steps=list(_ALL_STEPS),
        delight=Delight.DELIGHTED,
    )
    f.note(
        InteractionKind.NOTE,
        Direction.INTERNAL,
        _at(bought, 22, 10),
        "Took delivery of her Kestrel Solace at the dealer; VIN registered to her account.",
        advocate="Holly Brennan",
    )
    welcomed = _at(bought + timedelta(days=1), 15, 0)
    f.note(
        InteractionKind.EMAIL,
        Direction.OUTBOUND,
        welcomed,
        "Welcome to Kestrel: owner's guide, roadside assistance, first free service",
        advocate=DEMO_DISPLAY_NAME,
    )
    f.card(
        None,
        vocab.STORY_NEW_CAR_CARD,
        welcomed + timedelta(minutes=20),
        CardState.QUEUED,
        advocate=DEMO_DISPLAY_NAME,
    )
    f.follow_up(
        FollowUpKind.PROACTIVE,
        _at(today, 16, 0),
        "Three weeks with her new Kestrel Solace: ask how it's going, help pair both "
        "phones with the infotainment system, and book the free first service.",
        advocate=DEMO_DISPLAY_NAME,
    )
    batch.customers.append(
        Customer(
            id=f.customer_id,
            display_name=STORY_NEW_CAR_NAME,
            phones=[STORY_NEW_CAR_PHONE],
            emails=[STORY_NEW_CAR_EMAIL],
            address=Address(
                lines=["15880 E Mississippi Ave"], city="Aurora", region="CO", postal_code="80017"
            ),
            tier=_tier_for_value(_paid_for(f.products) + 86_000),
            customer_since=since,
            lifetime_value_cents=_paid_for(f.products) + 86_000,
        )
    )
    batch.products.extend(f.products)


_STORIES = (_repeat_failure_story, _wrong_return_story, _new_car_story)
