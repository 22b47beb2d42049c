"""The local store's schema: shipped migrations, and upgrades that lose nothing."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from advocate_console.domain import Collection
from advocate_console.domain.search import name_keys
from advocate_console.store import CallerDirectory, Replica, open_store
from advocate_console.store.database import current_revision, head_revision, upgrade
from advocate_console.store.models import CustomerNameKeyRow, CustomerPhoneRow, SyncStateRow
from advocate_console.store.rows import record_values, table_of
from tests import factories as make


def test_a_new_store_is_at_the_newest_revision(store):
    assert current_revision(store.engine) == head_revision()
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_upgrading_a_first_revision_store_keeps_every_record(tmp_path):
    old = open_store(tmp_path / "old.sqlite", migrate=False)
    upgrade(old.engine, "0001")
    customer = make.customer(display_name="Ana María Okafor")
    microwave = make.product(customer)
    case = make.case(customer, product_id=microwave.id)
    with old.engine.begin() as connection:  # written as version 0001 of the app would
        for collection, record in (
            (Collection.CUSTOMERS, customer),
            (Collection.PRODUCTS, microwave),
            (Collection.CASES, case),
        ):
            table = table_of(collection).__table__  # these tables are unchanged since 0001
            connection.execute(table.insert(), [record_values(collection, record)])
        connection.execute(
            CustomerPhoneRow.__table__.insert(),
            [{"customer_id": customer.id, "e164": "+18004322737"}],
        )
        connection.execute(SyncStateRow.__table__.insert(), [{"key": "cursor", "value": "42"}])
    old.close()

    upgraded = open_store(tmp_path / "old.sqlite")
    assert current_revision(upgraded.engine) == head_revision()
    directory = CallerDirectory(upgraded)
    history = directory.history(customer.id)
    assert (history.customer, history.products, history.cases) == (customer, [microwave], [case])
    assert directory.find("(800) 432-2737")[0].customer == customer
    # Name keys did not exist in 0001: the upgrade fills them in for existing callers.
    assert directory.find("okafor")[0].customer == customer
    assert Replica(upgraded).cursor() == 42
    upgraded.close()


def test_stores_opened_on_several_threads_at_once_each_get_every_table(tmp_path):
    # Alembic's context is one per process: a lead's demo console opening its store while
    # the advocate's still migrated once left a store without its approvals table.
    from sqlalchemy import inspect

    paths = [tmp_path / f"store-{n}.sqlite" for n in range(3)]
    with ThreadPoolExecutor(max_workers=len(paths)) as pool:
        stores = list(pool.map(open_store, paths))
    try:
        for opened in stores:
            assert current_revision(opened.engine) == head_revision()
            assert "approvals" in inspect(opened.engine).get_table_names()
    finally:
        for opened in stores:
            opened.close()


def test_an_upgraded_store_finds_its_callers_by_folded_names_and_any_word(tmp_path):
    from advocate_console.store.reading import open_for_reading

    old = open_store(tmp_path / "old.sqlite", migrate=False)
    upgrade(old.engine, "0013")
    customers = [
        make.customer(display_name=name, phones=[], emails=[])
        for name in ("Tomás Gutiérrez", "Margaret O'Donnell", "Grace Nakamura-Reid")
    ]
    table = table_of(Collection.CUSTOMERS).__table__
    with old.engine.begin() as connection:  # as 0013's app wrote them: keys as written
        connection.execute(
            table.insert(), [record_values(Collection.CUSTOMERS, c) for c in customers]
        )
        connection.execute(
            CustomerNameKeyRow.__table__.insert(),
            [
                {"customer_id": customer.id, "key": key}
                for customer, keys in zip(
                    customers,
                    (
                        ["tomás gutiérrez", "gutiérrez tomás"],
                        ["margaret o'donnell", "o'donnell margaret"],
                        ["grace nakamura-reid", "nakamura-reid grace"],
                    ),
                    strict=True,
                )
                for key in keys
            ],
        )
    old.close()

    upgraded = open_store(tmp_path / "old.sqlite")
    for directory in (
        CallerDirectory(upgraded),
        CallerDirectory(open_for_reading(tmp_path / "old.sqlite")),
    ):
        for query, name in (
            ("gutierrez", "Tomás Gutiérrez"),
            ("tomás", "Tomás Gutiérrez"),
            ("odonnell", "Margaret O'Donnell"),
            ("o'donnell", "Margaret O'Donnell"),
            ("reid", "Grace Nakamura-Reid"),
            ("nakamura reid", "Grace Nakamura-Reid"),
        ):
            assert [m.customer.display_name for m in directory.find(query)] == [name], query
    with upgraded.engine.connect() as connection:
        keys = connection.exec_driver_sql("SELECT key FROM customer_name_keys").scalars()
        assert sorted(keys) == sorted(
            name_key for c in customers for name_key in name_keys(c.display_name)
        )  # the old keys gone
        plan = connection.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT customer_id FROM customer_name_keys"
            " WHERE key >= 'reid' AND key < 'reie'"
        ).all()
        assert "ix_customer_name_keys_key" in str(plan)  # the key index built again
    upgraded.close()
