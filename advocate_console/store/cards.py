"""The card queue: thank-you cards by state, with their customers and whose they are, and
every move between states — each saved through :class:`LocalChanges` so it syncs."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from advocate_console.domain import (
    CardState,
    Case,
    Collection,
    Customer,
    NoteCard,
    Product,
)
from advocate_console.domain.ownership import is_mine, owner_name

from .database import Store
from .models import CardRow, CaseRow, CustomerRow, ProductRow
from .outbox import LocalChanges

NEXT_STATES: dict[CardState, frozenset[CardState]] = {
    CardState.DRAFT: frozenset({CardState.QUEUED, CardState.CANCELLED}),
    CardState.QUEUED: frozenset(
        {CardState.DRAFT, CardState.PRINTING, CardState.CANCELLED, CardState.FAILED}
    ),
    CardState.PRINTING: frozenset({CardState.PRINTED, CardState.QUEUED, CardState.FAILED}),
    CardState.PRINTED: frozenset({CardState.MAILED, CardState.QUEUED, CardState.FAILED}),
    CardState.MAILED: frozenset({CardState.QUEUED}),  # reprint: lost in the post
    CardState.FAILED: frozenset({CardState.QUEUED, CardState.CANCELLED}),
    CardState.CANCELLED: frozenset({CardState.QUEUED}),
}
"""Where a card may go from each state (printing is the print run's alone)."""

EDITABLE = frozenset({CardState.DRAFT, CardState.QUEUED, CardState.FAILED})
"""States in which the message, template and gift may still change."""


class CardStateError(ValueError):
    """A card cannot make the asked move (e.g. mark a draft as mailed), or be edited in its
    state (``wanted`` is None); the UI words it from these values."""

    def __init__(self, current: CardState, wanted: CardState | None, customer: str) -> None:
        if wanted is None:
            text = f"A {current.value} card cannot be edited; reprint it to change it"
        else:
            text = f"A {current.value} card cannot become {wanted.value} (card for {customer})"
        super().__init__(text)
        self.current = current
        self.wanted = wanted
        self.customer = customer


@dataclass(frozen=True, slots=True)
class QueuedCard:
    """A card with what its message and envelope need: the customer, product and case."""

    card: NoteCard
    customer: Customer
    product: Product | None = None
    case: Case | None = None
    mine: bool = False  # the signed-in advocate's own (domain.ownership decides)

    @property
    def case_number(self) -> str:
        """The case number the customer knows, or empty."""
        return self.case.number if self.case else ""

    @property
    def owner(self) -> str:
        """Whose card it is, by name (empty when nobody is named)."""
        return owner_name(self.card)

    @property
    def has_address(self) -> bool:
        """Whether the customer's record has a postal address for the envelope."""
        return self.customer.address is not None


class CardQueue:
    """Cards by state, and their way from draft to the mailbox."""

    def __init__(
        self,
        store: Store,
        default_template: str = "a6-flat",
        *,
        advocate: str | None = None,
        advocate_id: uuid.UUID | None = None,
    ) -> None:
        self._store = store
        self._changes = LocalChanges(store)
        self.default_template = default_template  # the card stock in the printer
        self.advocate = advocate  # who "mine" is: the signed-in advocate
        self.advocate_id = advocate_id

    # -- reading --------------------------------------------------------------------------

    def cards(self, states: Iterable[CardState] | None = None) -> list[QueuedCard]:
        """Cards in ``states`` (all when None), oldest first, with their customers."""
        query = select(CardRow.data)
        if states is not None:
            query = query.where(CardRow.state.in_([state.value for state in states]))
        with self._store.session() as session:
            cards = [NoteCard.model_validate_json(data) for data in session.scalars(query)]
            cards.sort(key=lambda card: (card.created_at, str(card.id)))
            return self._with_customers(session, cards)

    def get(self, card_ids: Iterable[uuid.UUID]) -> list[QueuedCard]:
        """These cards, in the order asked; unknown ids are left out."""
        ids = list(dict.fromkeys(card_ids))
        with self._store.session() as session:
            rows = session.scalars(select(CardRow.data).where(CardRow.id.in_(ids)))
            by_id = {card.id: card for card in map(NoteCard.model_validate_json, rows)}
            return self._with_customers(session, [by_id[i] for i in ids if i in by_id])

    def card(self, card_id: uuid.UUID) -> QueuedCard:
        """One card; KeyError when it is not in the store."""
        found = self.get([card_id])
        if not found:
            raise KeyError(f"No card {card_id} in the local store")
        return found[0]

    def _with_customers(self, session, cards: list[NoteCard]) -> list[QueuedCard]:
        customer_ids = {card.customer_id for card in cards}
        case_ids = {card.case_id for card in cards if card.case_id}
        customers = {
            c.id: c
            for c in map(
                Customer.model_validate_json,
                session.scalars(select(CustomerRow.data).where(CustomerRow.id.in_(customer_ids))),
            )
        }
        cases = {
            c.id: c
            for c in map(
                Case.model_validate_json,
                session.scalars(select(CaseRow.data).where(CaseRow.id.in_(case_ids))),
            )
        }
        product_ids = {c.product_id for c in cases.values() if c.product_id}
        products = {
            p.id: p
            for p in map(
                Product.model_validate_json,
                session.scalars(select(ProductRow.data).where(ProductRow.id.in_(product_ids))),
            )
        }
        found = []
        for card in cards:
            customer = customers.get(card.customer_id)
            if customer is None:  # not synced yet: nothing to address it to
                continue
            case = cases.get(card.case_id) if card.case_id else None
            product = products.get(case.product_id) if case and case.product_id else None
            mine = is_mine(card, self.advocate, self.advocate_id)
            found.append(QueuedCard(card, customer, product, case, mine))
        return found

    # -- writing --------------------------------------------------------------------------

    def draft(
        self,
        customer_id: uuid.UUID,
        message: str,
        *,
        case_id: uuid.UUID | None = None,
        template: str | None = None,
        gift_value_cents: int | None = None,
        gift_code: str | None = None,
        advocate: str | None = None,
        now: datetime | None = None,
    ) -> NoteCard:
        """A new draft card (on the card stock unless ``template`` says), saved locally and
        queued for the server."""
        card = NoteCard(
            id=uuid.uuid4(),
            customer_id=customer_id,
            case_id=case_id,
            template=template or self.default_template,
            message=message,
            gift_value_cents=gift_value_cents,
            gift_code=gift_code,
            created_at=now or datetime.now(UTC),
            advocate=advocate or self.advocate,
        )
        self._changes.create(Collection.CARDS, card)
        return card

    def edit(self, card_id: uuid.UUID, **changes: Any) -> NoteCard:
        """Change the message, template or gift of a card not yet printed."""
        allowed = {"message", "template", "gift_value_cents", "gift_code"}
        if not changes.keys() <= allowed:
            raise ValueError(f"Only {', '.join(sorted(allowed))} can be edited")
        queued = self.card(card_id)
        current = queued.card
        if current.state not in EDITABLE:
            raise CardStateError(current.state, None, queued.customer.display_name)
        return self._changes.update(Collection.CARDS, card_id, changes)

    def queue(self, card_ids: Iterable[uuid.UUID]) -> list[NoteCard]:
        """Put cards in the print queue (drafts, and failed or cancelled cards again)."""
        return self._move(card_ids, CardState.QUEUED, failure_reason=None)

    def start_printing(self, card_ids: Iterable[uuid.UUID]) -> list[NoteCard]:
        """The cards have been sent to the printer."""
        return self._move(card_ids, CardState.PRINTING, failure_reason=None)

    def printed(self, card_ids: Iterable[uuid.UUID], at: datetime | None = None) -> list[NoteCard]:
        """The printer finished the job."""
        return self._move(
            card_ids, CardState.PRINTED, printed_at=at or datetime.now(UTC), failure_reason=None
        )

    def mailed(self, card_ids: Iterable[uuid.UUID], at: datetime | None = None) -> list[NoteCard]:
        """The advocate posted the cards."""
        return self._move(card_ids, CardState.MAILED, mailed_at=at or datetime.now(UTC))

    def hold(self, card_ids: Iterable[uuid.UUID], reason: str) -> list[NoteCard]:
        """Leave (or put back) cards in the queue, saying why they did not print."""
        ids = list(card_ids)
        moved = []
        for queued in self.get(ids):
            if queued.card.state is CardState.QUEUED:
                moved.append(
                    self._changes.update(
                        Collection.CARDS, queued.card.id, {"failure_reason": reason}
                    )
                )
            else:
                moved += self._move([queued.card.id], CardState.QUEUED, failure_reason=reason)
        return moved

    def fail(self, card_ids: Iterable[uuid.UUID], reason: str) -> list[NoteCard]:
        """The cards could not be printed, for ``reason``."""
        return self._move(card_ids, CardState.FAILED, failure_reason=reason)

    def cancel(self, card_ids: Iterable[uuid.UUID]) -> list[NoteCard]:
        """The cards will not be sent."""
        return self._move(card_ids, CardState.CANCELLED)

    def reprint(self, card_ids: Iterable[uuid.UUID]) -> list[NoteCard]:
        """Queue printed, mailed, failed or cancelled cards to print again, unchanged."""
        return self._move(card_ids, CardState.QUEUED, failure_reason=None)

    def recover_interrupted(self) -> list[NoteCard]:
        """Cards left "printing" by an app that closed mid-job go back to the queue."""
        stuck = [queued.card.id for queued in self.cards([CardState.PRINTING])]
        return self.hold(
            stuck,
            "The app closed while these cards were printing; check the printer before "
            "printing them again.",
        )

    def _move(
        self, card_ids: Iterable[uuid.UUID], state: CardState, **changes: Any
    ) -> list[NoteCard]:
        queued = self.get(card_ids)
        for item in queued:
            current = item.card.state
            if current is not state and state not in NEXT_STATES[current]:
                raise CardStateError(current, state, item.customer.display_name)
        # One update (one outbox entry) per card: each card syncs on its own.
        return [
            self._changes.update(Collection.CARDS, item.card.id, {"state": state, **changes})
            for item in queued
        ]
