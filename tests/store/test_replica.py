"""The replica's bulk writes land in the file exactly as the store's own saves do."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest

from advocate_console.domain import (
    CallAttempt,
    CallOutcome,
    Collection,
    Delight,
    NoteCard,
    Resolution,
    Resource,
)
from advocate_console.store import LocalChanges, Replica, open_store
from advocate_console.store.models import RECORD_ROWS, Base
from advocate_console.store.replica import BULK_PRAGMAS as BULK
from tests import factories as make

PACIFIC = timezone(timedelta(hours=-8))


def _records() -> list[tuple[Collection, object]]:
    customer = make.customer(phones=["+18004322737", "+14155550123"], emails=["a@example.com"])
    product = make.product(customer)
    case = make.case(customer, product_id=product.id)
    resource = Resource(id=uuid.uuid4(), name="Dana Cole", department="Service")
    return [
        (Collection.CUSTOMERS, customer),
        (Collection.PRODUCTS, product),
        (Collection.CASES, case),
        (Collection.RESOURCES, resource),
        # Whole seconds, microseconds and another time zone: all stored as the ORM does.
        (Collection.INTERACTIONS, make.interaction(customer, case_id=case.id)),
        (
            Collection.INTERACTIONS,
            make.interaction(customer, occurred_at=datetime(2026, 1, 2, 3, 4, 5, 6, PACIFIC)),
        ),
        (
            Collection.RESOLUTIONS,
            Resolution(
                id=uuid.uuid4(),
                case_id=case.id,
                delight=Delight.DELIGHTED,
                resolved_at=datetime.now(UTC),
            ),
        ),
        (Collection.FOLLOW_UPS, make.follow_up(customer, case_id=case.id)),
        (
            Collection.CARDS,
            NoteCard(
                id=uuid.uuid4(),
                customer_id=customer.id,
                message="Thank you!",
                created_at=make.NOW,
            ),
        ),
        (
            Collection.CALL_ATTEMPTS,
            CallAttempt(
                id=uuid.uuid4(),
                resource_id=resource.id,
                case_id=case.id,
                category="product failure",
                started_at=make.NOW,
                outcome=CallOutcome.CONNECTED,
                helped=True,
            ),
        ),
    ]


def _contents(store) -> dict[str, list[tuple]]:
    tables = [row.__tablename__ for row in RECORD_ROWS.values()]
    tables += ["customer_phones", "customer_emails", "customer_name_keys"]
    assert set(tables) <= set(Base.metadata.tables)
    with store.engine.connect() as connection:
        return {
            table: sorted(connection.exec_driver_sql(f"SELECT * FROM {table}").all())
            for table in tables
        }


def test_pulled_rows_are_stored_exactly_as_the_stores_own_saves(tmp_path):
    records = _records()
    pulled = open_store(tmp_path / "pulled.sqlite")
    saved = open_store(tmp_path / "saved.sqlite")
    Replica(pulled).apply(records, cursor=len(records))
    for collection, record in records:
        LocalChanges(saved).create(collection, record)

    contents = _contents(pulled)

    assert all(contents[table] for table in contents)
    assert contents == _contents(saved)
    pulled.close()
    saved.close()


def test_a_page_updates_what_it_holds_and_inserts_the_rest(store):
    records = _records()
    replica = Replica(store)
    replica.apply(records[:3], cursor=3)
    customer = records[0][1].model_copy(update={"version": 2, "emails": ["b@example.com"]})

    assert replica.apply([(Collection.CUSTOMERS, customer), *records[3:]], cursor=9) == 8

    with store.engine.connect() as connection:
        emails = connection.exec_driver_sql("SELECT email FROM customer_emails").scalars().all()
        versions = connection.exec_driver_sql("SELECT version FROM customers").scalars().all()
    assert (emails, versions, replica.cursor()) == (["b@example.com"], [2], 9)


def test_a_write_that_fails_rolls_back_to_the_last_commit_and_nothing_else(store):
    records = _records()
    replica = Replica(store)
    customer = records[0][1]

    with pytest.raises(AttributeError), replica.writing() as writer:
        writer.apply(records[:2], cursor=2)
        writer.commit()
        writer.apply(records[2:4], cursor=4)
        writer.apply([(Collection.CASES, customer)], cursor=5)  # a customer is no case

    with store.engine.connect() as connection:
        cases = connection.exec_driver_sql("SELECT count(*) FROM cases").scalar()
        products = connection.exec_driver_sql("SELECT count(*) FROM products").scalar()
    assert (replica.cursor(), products, cases) == (2, 1, 0)


def test_what_was_written_is_kept_when_the_block_ends_by_another_error(store):
    replica = Replica(store)

    with pytest.raises(ConnectionError), replica.writing() as writer:
        writer.apply(_records()[:3], cursor=3)
        raise ConnectionError("the line dropped while the next page was on its way")

    assert replica.cursor() == 3


def test_a_bulk_load_tunes_its_connection_and_then_gives_the_settings_back(store):
    def pragmas(connection) -> dict[str, int]:
        return {name: connection.exec_driver_sql(f"PRAGMA {name}").scalar() for name in BULK}

    with store.engine.connect() as connection:
        before = pragmas(connection)
    replica = Replica(store)

    with replica.writing(bulk=True) as writer:
        assert pragmas(writer._connection) == BULK
        writer.apply(_records(), cursor=10)

    assert before != BULK
    with store.engine.connect() as connection:  # the one the pool took back, most likely
        assert pragmas(connection) == before
    assert replica.cursor() == 10
