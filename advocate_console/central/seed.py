"""Filling an empty database with the deterministic demo data, fast.

Rows go in with Core executemany, several thousand customers per transaction, together
with their lookup rows and change-feed rows, so a seeded database syncs like any other.
A database that already holds customers is refused: seeding twice would double them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from types import ModuleType

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from advocate_console.domain import Collection, Customer, Product, Record, Role
from advocate_console.domain.records import Advocate

from .auth.models import AdvocateRow
from .auth.service import AdvocateExists, create_advocate
from .changes.models import ChangeRow
from .core.clock import utc_now
from .core.database import Database, prepare_database
from .customers.lookups import lookup_rows
from .customers.models import CustomerEmail, CustomerNameKey, CustomerPhone
from .demo.approvals import write_authority
from .records.authorship import stamp_demo_authors
from .records.models import ROW_TYPES, CustomerRow, ResourceRow
from .records.service import row_values
from .reports.feed import bring_up_to_date

# Demo batches (of about a thousand customers each) written per transaction.
BATCHES_PER_TRANSACTION = 10

# Parents before children, so every foreign key points at a row already there.
_ORDER = (
    ("customers", Collection.CUSTOMERS),
    ("products", Collection.PRODUCTS),
    ("cases", Collection.CASES),
    ("interactions", Collection.INTERACTIONS),
    ("resolutions", Collection.RESOLUTIONS),
    ("follow_ups", Collection.FOLLOW_UPS),
    ("cards", Collection.CARDS),
    ("call_attempts", Collection.CALL_ATTEMPTS),  # after the cases (and the resources)
)


class AlreadySeeded(RuntimeError):
    """The database already holds customers; seeding it again would duplicate them."""


def customer_count(database_url: str) -> int:
    """How many customers the (migrated) database at ``database_url`` holds."""
    return _count(database_url, CustomerRow)


def _count(database_url: str, row_type: type) -> int:
    db = Database(database_url)
    try:
        with db.read() as session:
            return session.scalar(select(func.count()).select_from(row_type)) or 0
    finally:
        db.dispose()


def is_seeded(database_url: str) -> bool:
    """True when the database exists, is migrated and holds customers."""
    prepare_database(database_url)
    return customer_count(database_url) > 0


def seed_database(
    database_url: str,
    customers: int,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
    *,
    demo_users: bool = False,
) -> None:
    """Migrate, then insert ``customers`` demo customers with their history, and with
    ``demo_users`` the demo logins (``demo``/``demo``, ``lead``/``lead``).

    ``progress(done, total)`` is called after each transaction. Raises AlreadySeeded when
    the database holds customers already, or, with ``demo_users``, users of its own: the
    demo's passwords are exempt from the password policy, so never in a real deployment.
    """
    from .demo import accounts, generator  # only needed here, not by the server

    if customers < 0:
        raise ValueError("The number of customers cannot be negative.")
    prepare_database(database_url)
    existing = customer_count(database_url)
    if existing or _count(database_url, ResourceRow):
        raise AlreadySeeded(
            f"The database already holds data ({existing} customers); seed an empty"
            " database (a new --database) instead."
        )
    if demo_users and (others := _other_users(database_url, accounts)):
        raise AlreadySeeded(
            f"The database already has {others} {'user' if others == 1 else 'users'} besides"
            " the demo logins; the demo logins (demo/demo, lead/lead) are only made in a"
            " database of their own. Seed without --demo-users, or into a new --database."
        )
    db = Database(database_url)
    try:
        authors = _create_demo_users(db, accounts) if demo_users else {}
        # The resources go in with the first customers, so a failed seed leaves nothing.
        resources = generator.demo_resources(seed)
        done = 0
        pending: list = []
        for batch in generator.demo_batches(customers, seed=seed):
            pending.append(batch)
            if len(pending) == BATCHES_PER_TRANSACTION:
                done += _write_batches(db, pending, resources, authors)
                pending, resources = [], []
                if progress:
                    progress(done, customers)
        if pending or resources:
            done += _write_batches(db, pending, resources, authors)
        # Fill the reports' tables now, so the first report asked for answers at once.
        bring_up_to_date(db)
        _analyze(db)
        if progress:
            progress(done, customers)
    finally:
        db.dispose()


def _analyze(db: Database) -> None:
    """Give PostgreSQL's planner the seeded tables' statistics now. Until autovacuum
    analyses them (a minute or more after the seed) it plans from guesses: under
    bench_load the history's prepared (generic) plan then joined the resolutions by a
    parallel scan of the whole table, 14 ms of PostgreSQL's CPU a history and three
    quarters of all its statements' time, instead of 0.1 ms by the index."""
    if db.is_postgresql:
        with db.connect() as connection:  # (autocommit: ANALYZE of every table)
            connection.exec_driver_sql("ANALYZE")


def _create_demo_users(db: Database, accounts: ModuleType) -> dict[str, Advocate]:
    """Create the demo users; returns them by the name the demo data calls them."""
    authors: dict[str, Advocate] = {}
    for username, password, role, display_name in (
        (
            accounts.DEMO_USERNAME,
            accounts.DEMO_PASSWORD,
            Role.ADVOCATE,
            accounts.DEMO_DISPLAY_NAME,
        ),
        (accounts.LEAD_USERNAME, accounts.LEAD_PASSWORD, Role.LEAD, accounts.LEAD_DISPLAY_NAME),
    ):
        # One made earlier keeps its password. Demo passwords are too short for the
        # policy, on purpose: they are typed in front of an audience, in a demo database.
        with contextlib.suppress(AdvocateExists):
            create_advocate(db, username, password, role, display_name, enforce_policy=False)
        with db.read() as session:
            row = session.scalars(select(AdvocateRow).where(AdvocateRow.username == username)).one()
        authors[display_name] = Advocate(
            id=row.id, username=row.username, display_name=row.display_name, role=row.role
        )
    return authors


def _other_users(database_url: str, accounts: ModuleType) -> int:
    demo_names = (accounts.DEMO_USERNAME, accounts.LEAD_USERNAME)
    db = Database(database_url)
    try:
        with db.read() as session:
            query = select(func.count()).where(AdvocateRow.username.not_in(demo_names))
            return session.scalar(query) or 0
    finally:
        db.dispose()


def _write_batches(
    db: Database, batches: Sequence, resources: Sequence[Record], authors: dict[str, Advocate]
) -> int:
    written = 0
    with db.write() as session:
        now = utc_now()
        _insert_records(session, Collection.RESOURCES, resources, now)
        for batch in batches:
            for attribute, collection in _ORDER:
                records = getattr(batch, attribute)
                if collection is Collection.PRODUCTS:
                    records = _replacements_first(records)
                _insert_records(session, collection, records, now, authors)
            written += len(batch.customers)
        write_authority(session, batches)  # limits, past approvals, each month's spending
    return written


def _insert_records(
    session: Session,
    collection: Collection,
    records: Iterable[Record],
    now: datetime,
    authors: dict[str, Advocate] | None = None,
) -> None:
    rows, changes = [], []
    phones, emails, keys = [], [], []
    for record in records:
        if authors:  # the demo users' own records are theirs to work on
            record = stamp_demo_authors(collection, record, authors)
        data_json = record.model_dump_json()
        rows.append(row_values(collection, record, data_json, now))
        changes.append(
            {
                "collection": collection.value,
                "record_id": record.id,
                "version": record.version,
                "data": data_json,
                "committed_at": now,
            }
        )
        if isinstance(record, Customer):
            record_phones, record_emails, record_keys = lookup_rows(record)
            phones += record_phones
            emails += record_emails
            keys += record_keys
    if not rows:
        return
    # Core inserts on the tables: no ORM bookkeeping, and no fetching of generated cursors.
    connection = session.connection()
    connection.execute(ROW_TYPES[collection].__table__.insert(), rows)
    for table, lookups in (
        (CustomerPhone, phones),
        (CustomerEmail, emails),
        (CustomerNameKey, keys),
    ):
        if lookups:
            connection.execute(table.__table__.insert(), lookups)
    connection.execute(ChangeRow.__table__.insert(), changes)


def _replacements_first(products: Sequence[Product]) -> list[Product]:
    # A product points at the unit that replaced it, so the replacement goes in first.
    ordered: list[Product] = []
    placed: set = set()
    remaining = list(products)
    batch_ids = {product.id for product in products}
    while remaining:
        ready = [
            p
            for p in remaining
            if p.replaced_by_id is None
            or p.replaced_by_id in placed
            or p.replaced_by_id not in batch_ids
        ]
        if not ready:  # a cycle: let the database report it
            ready = remaining
        ordered += ready
        placed.update(p.id for p in ready)
        ready_ids = {p.id for p in ready}
        remaining = [p for p in remaining if p.id not in ready_ids]
    return ordered
