"""Finding a caller by what the advocate heard of the name: any word, no accents or
apostrophes needed (the demo walk's "gutierrez", "odonnell", "reid")."""

from __future__ import annotations

import string

import pytest

from advocate_console.domain import Collection, TermKind
from advocate_console.store import CallerDirectory, Replica
from advocate_console.store.contacts import ContactBook, NewContact
from advocate_console.store.reading import open_for_reading
from tests import factories as make

# What was typed, and whom it finds (by name, in the order shown).
WALK = [
    ("gutierrez", ["Tomás Gutiérrez"]),
    ("Gutiérrez", ["Tomás Gutiérrez"]),
    ("gutierrez tomas", ["Tomás Gutiérrez"]),
    ("tomas", ["Tomás Gutiérrez", "Tomasz Kowalski"]),  # (as if written without accents)
    ("tomás", ["Tomás Gutiérrez", "Tomasz Kowalski"]),
    ("odonnell", ["Margaret O'Donnell"]),
    ("o'donnell", ["Margaret O'Donnell"]),
    ("O\u2019Donnell", ["Margaret O'Donnell"]),
    ("margaret odon", ["Margaret O'Donnell"]),
    ("reid", ["Grace Nakamura-Reid"]),
    ("nakamura", ["Grace Nakamura-Reid"]),
    ("nakamura reid", ["Grace Nakamura-Reid"]),
    ("nakamura-reid", ["Grace Nakamura-Reid"]),
    ("grace", ["Grace Nakamura-Reid"]),
    ("reid grace", ["Grace Nakamura-Reid"]),
    ("st john", ["Mary St. John"]),
    ("st. john", ["Mary St. John"]),
    ("john", ["Mary St. John"]),
    ("mar", ["Margaret O'Donnell", "Maria Garcia", "Mary St. John"]),
    ("garcia m", ["Maria Garcia"]),
    ("zzz", []),
]


@pytest.fixture
def callers(store):
    """The walk's customers, pulled into the store as a sync does."""
    customers = [
        make.customer(display_name=name, phones=[], emails=[]) for name in make.HEARD_NAMES
    ]
    Replica(store).apply([(Collection.CUSTOMERS, customer) for customer in customers])
    return customers


def names_found(directory: CallerDirectory, query: str) -> list[str]:
    matches = directory.find(query)
    assert all(match.matched is TermKind.NAME for match in matches)
    return [match.customer.display_name for match in matches]


@pytest.mark.parametrize(("query", "found"), WALK)
def test_the_walks_queries_find_the_caller_in_the_store(store, callers, query, found):
    assert names_found(CallerDirectory(store), query) == found


def test_the_first_answer_at_start_up_finds_them_too(store, callers, tmp_path):
    # A restart's first search reads the bare file, before the store opens in full.
    file = open_for_reading(tmp_path / "local.sqlite")
    assert file is not None
    early = CallerDirectory(file)
    assert early.early
    for query, found in WALK:
        assert names_found(early, query) == found, query


def test_a_caller_noted_here_is_found_by_any_word_at_once(store):
    ContactBook(store).add(NewContact("Siobhán Ní Bhriain-Ó Sé", "+12125550199"))
    directory = CallerDirectory(store)
    for query in ("siobhan", "ni bh", "bhriain", "o se", "se siobhan", "ni bhriain o"):
        assert names_found(directory, query) == ["Siobhán Ní Bhriain-Ó Sé"], query


def test_a_renamed_caller_is_found_by_the_new_name_only(store, callers):
    grace = callers[3].model_copy(update={"version": 2, "display_name": "Grace Reid"})
    Replica(store).apply([(Collection.CUSTOMERS, grace)])
    directory = CallerDirectory(store)
    assert names_found(directory, "nakamura") == []
    assert names_found(directory, "reid") == ["Grace Reid"]


def test_a_short_prefix_lists_as_many_callers_as_asked_though_each_matches_twice(store):
    # "mar" matches "mara marai" and "marai mara", next to each other in key order: the
    # list still holds ``limit`` callers, each once.
    customers = [
        make.customer(display_name=f"Mar{c} Mar{c}i", phones=[], emails=[])
        for c in string.ascii_lowercase
    ]
    Replica(store).apply([(Collection.CUSTOMERS, customer) for customer in customers])
    matches = CallerDirectory(store).find("mar", limit=25)
    assert len({match.customer.id for match in matches}) == len(matches) == 25
