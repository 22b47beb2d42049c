"""Finding the caller and their whole history in the local store, online or not."""

from __future__ import annotations

import json
import uuid
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from advocate_console.domain.enums import Collection
from advocate_console.domain.phone import DEFAULT_REGION
from advocate_console.domain.search import (
    MAX_NAME_WORDS,
    SearchTerm,
    TermKind,
    interpret_query,
    name_key,
)

from .early_records import EARLY_TYPES, EarlyHistory
from .reading import StoreFile

if TYPE_CHECKING:
    from advocate_console.domain import Customer, History, Product

    from .database import Store

# Plain SQL through the DB-API connection, no SQLAlchemy: the same reads run on the store
# opened in full and on the bare file a restart searches first (see .reading). The bare
# file's records are read without pydantic too (see .early_records): a restart's first
# answer needs neither.
_PREFIX_END = "\U0010ffff"  # sorts after every other character in SQLite's BINARY order
_EARLY_ERRORS = (ValueError, KeyError, TypeError, AttributeError)


@dataclass(frozen=True, slots=True)
class CallerMatch:
    """A customer found for a query, and what matched (phone, e-mail, serial …)."""

    customer: Customer  # (an EarlyCustomer when read from the bare file)
    matched: TermKind


class CallerDirectory:
    """Looks callers up by phone, e-mail, serial, case number or name prefix, in the
    store (a :class:`Store`, or a :class:`StoreFile` while the store opens)."""

    def __init__(self, store: Store | StoreFile, default_region: str = DEFAULT_REGION) -> None:
        self._store = store
        self.default_region = default_region
        self.early = isinstance(store, StoreFile)
        """Whether records are read early, without pydantic (the bare file): a history
        shown from it is read again once the store is open in full."""
        self._types: dict[Collection, Any] = {}  # the records' classes, once wanted
        self._trusted: dict[str, bool] = {}  # their validation context, with them

    def find(self, text: str, limit: int = 25) -> list[CallerMatch]:
        """Customers matching any reading of ``text``, best kinds of match first."""
        terms = interpret_query(text, self.default_region)
        found: dict[uuid.UUID, TermKind] = {}
        with self._store.reading() as connection:
            for term in terms:
                sql, values = _ids_for(term)
                # A name can match under several of its keys ("mar": "mary martin" and
                # "martin mary"): enough rows for ``limit`` customers whatever repeats.
                rows = limit * MAX_NAME_WORDS if term.kind is TermKind.NAME else limit
                for (customer_id,) in connection.execute(f"{sql} LIMIT ?", (*values, rows)):
                    if len(found) >= limit:
                        break
                    found.setdefault(uuid.UUID(customer_id), term.kind)
                if len(found) >= limit:
                    break
            if not found:
                return []
            rows = connection.execute(
                f"SELECT id, data FROM customers WHERE id IN ({_marks(found)})",
                [customer_id.hex for customer_id in found],
            ).fetchall()
        customers = {
            uuid.UUID(row_id): self._read(Collection.CUSTOMERS, data) for row_id, data in rows
        }
        matches = [
            CallerMatch(customers[customer_id], kind)
            for customer_id, kind in found.items()
            if customer_id in customers
        ]
        if all(match.matched is TermKind.NAME for match in matches):
            matches.sort(key=lambda match: name_key(match.customer.display_name))
        return matches[:limit]

    def lookup(self, text: str, limit: int = 25) -> tuple[list[CallerMatch], History | None]:
        """:meth:`find`, and when exactly one customer matches, their history too: a screen
        pop needs both, and one trip to the worker is faster than two."""
        matches = self.find(text, limit)
        history = self.history(matches[0].customer.id) if len(matches) == 1 else None
        return matches, history

    def history(self, customer_id: uuid.UUID) -> History | None:
        """Everything about one customer, newest first; None if they are not in the store."""
        key = customer_id.hex
        with self._store.reading() as connection:
            row = connection.execute("SELECT data FROM customers WHERE id = ?", (key,)).fetchone()
            if row is None:
                return None

            def records(collection: Collection, sql: str, values: Any = (key,)) -> list:
                return [self._read(collection, data) for (data,) in connection.execute(sql, values)]

            cases = records(
                Collection.CASES,
                "SELECT data FROM cases WHERE customer_id = ? ORDER BY opened_at DESC",
            )
            case_ids = [case.id.hex for case in cases]
            return self._history_type()(
                customer=self._read(Collection.CUSTOMERS, row[0]),
                products=_newest_first(
                    records(Collection.PRODUCTS, "SELECT data FROM products WHERE customer_id = ?")
                ),
                cases=cases,
                interactions=records(
                    Collection.INTERACTIONS,
                    "SELECT data FROM interactions WHERE customer_id = ? ORDER BY occurred_at DESC",
                ),
                resolutions=records(
                    Collection.RESOLUTIONS,
                    f"SELECT data FROM resolutions WHERE case_id IN ({_marks(case_ids)})",
                    case_ids,
                )
                if case_ids
                else [],
                follow_ups=records(
                    Collection.FOLLOW_UPS,
                    "SELECT data FROM follow_ups WHERE customer_id = ? ORDER BY due_at",
                ),
                cards=records(Collection.CARDS, "SELECT data FROM cards WHERE customer_id = ?"),
            )

    def _read(self, collection: Collection, data: str | bytes) -> Any:
        # One record from its stored JSON: early, or checked as the records' classes do
        # (one that the early reading cannot read, e.g. of a newer shape, is read so).
        if self.early:
            with suppress(*_EARLY_ERRORS):
                return EARLY_TYPES[collection](json.loads(data))
        record_type = self._types.get(collection)
        if record_type is None:
            from advocate_console.domain import RECORD_TYPES
            from advocate_console.domain.fields import TRUSTED

            record_type = self._types[collection] = RECORD_TYPES[collection]
            self._trusted = {TRUSTED: True}  # what the store holds was checked on its way in
        return record_type.model_validate_json(data, context=self._trusted)

    def _history_type(self) -> Any:
        if self.early:
            return EarlyHistory
        from advocate_console.domain import History

        return History

    def count(self, collection: Collection = Collection.CUSTOMERS) -> int:
        """How many records of ``collection`` the store holds."""
        from .rows import table_of  # (the table's name: SQLAlchemy, never a first search)

        name = table_of(collection).__tablename__
        with self._store.reading() as connection:
            return connection.execute(f"SELECT count(*) FROM {name}").fetchone()[0]


def _ids_for(term: SearchTerm) -> tuple[str, tuple[str, ...]]:
    """The query of the customers' ids matching ``term`` (before its LIMIT), and its values."""
    match term.kind:
        case TermKind.PHONE:
            return "SELECT customer_id FROM customer_phones WHERE e164 = ?", (term.value,)
        case TermKind.EMAIL:
            return (
                "SELECT customer_id FROM customer_emails WHERE email >= ? AND email < ?",
                (term.value, term.value + _PREFIX_END),
            )
        case TermKind.SERIAL:
            return "SELECT customer_id FROM products WHERE serial_number = ?", (term.value,)
        case TermKind.CASE_NUMBER:
            return "SELECT customer_id FROM cases WHERE number = ?", (term.value,)
        case TermKind.NAME:
            return (
                "SELECT customer_id FROM customer_name_keys WHERE key >= ? AND key < ?"
                " ORDER BY key",
                (term.value, term.value + _PREFIX_END),
            )
    raise ValueError(term.kind)


def _marks(values: Any) -> str:
    return ", ".join("?" * len(values))


def _newest_first(products: list[Product]) -> list[Product]:
    return sorted(products, key=lambda p: p.purchase_date or date.min, reverse=True)
