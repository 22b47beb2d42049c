"""Caller lookup and history from the local store."""

from __future__ import annotations

from datetime import timedelta

import pytest

from advocate_console.domain import Collection, TermKind
from advocate_console.store import CallerDirectory, Replica, open_store
from advocate_console.store.early_records import EarlyHistory
from tests import factories as make
from tests.store.test_early_records import values_of


@pytest.fixture
def maria(store):
    """Maria with a microwave, a case, two calls and a follow-up, pulled into the store."""
    customer = make.customer()
    microwave = make.product(customer, serial_number="VR2041K7731")
    case = make.case(customer, product_id=microwave.id)
    older = make.interaction(customer, occurred_at=make.NOW - timedelta(days=400))
    newer = make.interaction(customer, case_id=case.id, summary="Second call")
    follow = make.follow_up(customer, case_id=case.id)
    Replica(store).apply(
        [
            (Collection.CUSTOMERS, customer),
            (Collection.PRODUCTS, microwave),
            (Collection.CASES, case),
            (Collection.INTERACTIONS, older),
            (Collection.INTERACTIONS, newer),
            (Collection.FOLLOW_UPS, follow),
        ],
        cursor=6,
    )
    return customer, microwave, case


@pytest.mark.parametrize("query", ["1-800-GE-CARES", "(800) 432-2737", "+18004322737"])
def test_every_spelling_of_the_number_finds_the_caller(store, maria, query):
    matches = CallerDirectory(store).find(query)
    assert [m.customer.id for m in matches] == [maria[0].id]
    assert matches[0].matched is TermKind.PHONE


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        ("maria.garcia@example.com", TermKind.EMAIL),
        ("MARIA.GARCIA@", TermKind.EMAIL),
        ("vr2041k7731", TermKind.SERIAL),
        ("mar", TermKind.NAME),
        ("garcia m", TermKind.NAME),
    ],
)
def test_email_serial_and_name_prefix_find_the_caller(store, maria, query, kind):
    matches = CallerDirectory(store).find(query)
    assert [(m.customer.display_name, m.matched) for m in matches] == [("Maria Garcia", kind)]


def test_case_number_finds_the_caller(store, maria):
    _, _, case = maria
    matches = CallerDirectory(store).find(case.number.lower().replace("-", ""))
    assert [m.customer.id for m in matches] == [maria[0].id]


def test_unknown_and_empty_queries_find_nobody(store, maria):
    directory = CallerDirectory(store)
    assert directory.find("+14155550100") == []
    assert directory.find("   ") == []
    assert directory.find("zzz") == []


def test_history_holds_everything_newest_first(store, maria):
    customer, microwave, case = maria
    history = CallerDirectory(store).history(customer.id)
    assert history.customer == customer
    assert history.products == [microwave]
    assert history.cases == [case]
    assert [i.summary for i in history.interactions] == [
        "Second call",
        "Called about the microwave.",
    ]
    assert len(history.follow_ups) == 1


def test_history_of_a_stranger_is_none(store):
    assert CallerDirectory(store).history(make.customer().id) is None


def test_newer_server_version_replaces_the_replica_and_its_lookup_keys(store, maria):
    customer = maria[0]
    moved = customer.model_copy(update={"version": 2, "phones": ["+14155550123"]})
    Replica(store).apply([(Collection.CUSTOMERS, moved)], cursor=7)
    directory = CallerDirectory(store)
    assert directory.find("+18004322737") == []
    assert directory.find("(415) 555-0123")[0].customer.version == 2
    assert Replica(store).cursor() == 7


def test_an_older_version_never_overwrites_a_newer_one(store, maria):
    customer = maria[0]
    replica = Replica(store)
    replica.apply([(Collection.CUSTOMERS, customer.model_copy(update={"version": 3}))])
    replica.apply([(Collection.CUSTOMERS, customer.model_copy(update={"display_name": "Old"}))])
    assert CallerDirectory(store).history(customer.id).customer.version == 3


def test_an_older_version_leaves_the_lookup_keys_alone(store, maria):
    customer = maria[0]
    replica = Replica(store)
    replica.apply([(Collection.CUSTOMERS, customer.model_copy(update={"version": 3}))])
    stale = customer.model_copy(update={"phones": ["+14155550123"]})
    replica.apply([(Collection.CUSTOMERS, stale)])
    assert CallerDirectory(store).find("+18004322737")[0].customer.version == 3
    assert CallerDirectory(store).find("+14155550123") == []


def test_a_lookup_with_one_match_brings_the_history_along(store, maria):
    maria = maria[0]
    directory = CallerDirectory(store)
    matches, history = directory.lookup("1-800-GE-CARES")
    assert [m.customer.id for m in matches] == [maria.id]
    assert history == directory.history(maria.id)
    Replica(store).apply(
        [(Collection.CUSTOMERS, make.customer(display_name="Maria Gomez", phones=[]))]
    )
    matches, history = directory.lookup("maria")
    assert len(matches) == 2 and history is None
    assert directory.lookup("nobody at all") == ([], None)


def test_the_bare_file_answers_as_the_store_does(store, maria, tmp_path):
    # A restart searches the file before SQLAlchemy and the store have loaded.
    from advocate_console.store.reading import open_for_reading

    customer, _, case = maria
    Replica(store).apply(
        [(Collection.CUSTOMERS, make.customer(display_name="Maria Gomez", phones=[]))]
    )
    file = open_for_reading(tmp_path / "local.sqlite")
    assert file is not None
    opened, bare = CallerDirectory(store), CallerDirectory(file)
    for query in ("1-800-GE-CARES", "maria", "vr2041k7731", case.number, "nobody"):
        (early, early_history), (matches, history) = bare.lookup(query), opened.lookup(query)
        assert [(m.matched, values_of(m.customer)) for m in early] == [
            (m.matched, values_of(m.customer)) for m in matches
        ], query
        assert values_of(early_history) == values_of(history), query
    # Read without pydantic (the first answer of a restart), as the records hold them.
    assert isinstance(bare.history(customer.id), EarlyHistory)
    assert values_of(bare.history(customer.id)) == values_of(opened.history(customer.id))
    assert bare.count() == opened.count() == 2


def test_a_file_to_migrate_or_not_yet_made_waits_for_the_store(store, tmp_path):
    from advocate_console.store.reading import open_for_reading

    assert open_for_reading(tmp_path / "none.sqlite") is None
    with store.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = 'older'")
    assert open_for_reading(tmp_path / "local.sqlite") is None


def test_an_encrypted_file_is_read_with_its_key_only(tmp_path):
    from advocate_console.store.reading import open_for_reading

    key = bytes(range(32))
    path = tmp_path / "secret.sqlite"
    store = open_store(path, key=key)
    maria = make.customer()
    Replica(store).apply([(Collection.CUSTOMERS, maria)])
    store.close()
    file = open_for_reading(path, key)
    assert [m.customer.id for m in CallerDirectory(file).find("1-800-GE-CARES")] == [maria.id]
    assert open_for_reading(path, bytes(32)) is None  # the wrong key: the full opening says so
    assert open_for_reading(path) is None  # (not SQLite without its key)
    open_store(tmp_path / "plain.sqlite").close()  # a store of before encryption:
    assert open_for_reading(tmp_path / "plain.sqlite", key) is None  # encrypted first
