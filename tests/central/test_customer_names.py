"""The server's caller search by what the advocate heard of the name: any word, no
accents or apostrophes needed (the demo walk's "gutierrez", "odonnell", "reid")."""

from __future__ import annotations

import re
import uuid

import pytest
import sqlalchemy as sa

from advocate_console.central.core.database import MIGRATIONS, make_engine, migrate
from advocate_console.domain import Role
from tests.factories import HEARD_NAMES

from . import bodies

CUSTOMERS = "/api/v1/customers"
# What was typed, and whom it finds (in any order).
WALK = [
    ("gutierrez", {"Tomás Gutiérrez"}),
    ("GUTIÉRREZ", {"Tomás Gutiérrez"}),
    ("gutierrez tomas", {"Tomás Gutiérrez"}),
    ("tomas", {"Tomás Gutiérrez", "Tomasz Kowalski"}),
    ("odonnell", {"Margaret O'Donnell"}),
    ("o'donnell", {"Margaret O'Donnell"}),
    ("O\u2019Donnell", {"Margaret O'Donnell"}),
    ("reid", {"Grace Nakamura-Reid"}),
    ("nakamura", {"Grace Nakamura-Reid"}),
    ("nakamura reid", {"Grace Nakamura-Reid"}),
    ("nakamura-reid", {"Grace Nakamura-Reid"}),
    ("grace", {"Grace Nakamura-Reid"}),
    ("st. john", {"Mary St. John"}),
    ("john", {"Mary St. John"}),
    ("mar", {"Margaret O'Donnell", "Maria Garcia", "Mary St. John"}),
    ("zzz", set()),
]
# The keys the server wrote before names were folded: as written, and surname first.
OLD_KEYS = {
    "Tomás Gutiérrez": ["tomás gutiérrez", "gutiérrez tomás"],
    "Tomasz Kowalski": ["tomasz kowalski", "kowalski tomasz"],
    "Margaret O'Donnell": ["margaret o'donnell", "o'donnell margaret"],
    "Grace Nakamura-Reid": ["grace nakamura-reid", "nakamura-reid grace"],
    "Mary St. John": ["mary st. john", "john mary st."],
    "Maria Garcia": ["maria garcia", "garcia maria"],
}


@pytest.fixture
def callers(api) -> dict[str, str]:
    """The walk's customers, created on the server: their ids by name."""
    made = {}
    for name in HEARD_NAMES:
        body = bodies.customer(display_name=name, phones=[], emails=[])
        response = api.client.post(CUSTOMERS, json=body, headers=api.auth(Role.LEAD))
        assert response.status_code == 201, response.text
        made[name] = response.json()["id"]
    return made


def found(api, q: str, **params) -> list[str]:
    response = api.client.get(CUSTOMERS, params={"q": q, **params}, headers=api.auth())
    assert response.status_code == 200, response.text
    return [item["display_name"] for item in response.json()["items"]]


@pytest.mark.parametrize(("q", "names"), WALK)
def test_the_walks_queries_find_the_caller_on_the_server(api, callers, q, names):
    shown = found(api, q)
    assert sorted(shown) == sorted(names)  # (each once, though several keys match)


def test_a_caller_found_under_several_keys_pages_once(api, callers):
    # "grace nakamura reid", "nakamura reid grace" and "reid grace nakamura" all start
    # with a letter of "g", "n" or "r": the pages still list each customer once.
    for prefix in ("g", "n", "r", "m", "t"):
        seen, cursor = [], None
        while True:
            params = {"limit": 1} | ({"cursor": cursor} if cursor else {})
            page = api.client.get(
                CUSTOMERS, params={"q": prefix, **params}, headers=api.auth()
            ).json()
            seen += [item["display_name"] for item in page["items"]]
            if (cursor := page["next_cursor"]) is None:
                break
        assert len(seen) == len(set(seen)), prefix
        assert set(seen) == {name for name in HEARD_NAMES if prefix in _initials(name)}, prefix


def _initials(name: str) -> set[str]:
    return {word[0].casefold() for word in name.replace("-", " ").split()}


def test_an_upgraded_server_finds_its_callers_by_folded_names(api, callers):
    # The database as the server before folding left it: keys as written, at the
    # revision before the folding one.
    engine = make_engine(api.url)
    with engine.begin() as connection:
        connection.execute(sa.text("DELETE FROM customer_name_keys"))
        connection.execute(
            sa.text("INSERT INTO customer_name_keys (name_key, customer_id) VALUES (:k, :c)"),
            [
                {"k": key, "c": _stored_id(connection, callers[name])}
                for name, keys in OLD_KEYS.items()
                for key in keys
            ],
        )
        connection.execute(
            sa.text("UPDATE alembic_version SET version_num = :before"),
            {"before": _before_folding()},
        )
    assert found(api, "gutierrez") == []  # (as the walk saw it)
    migrate(api.url, "head")
    for q, names in WALK:
        assert sorted(found(api, q)) == sorted(names), q
    with engine.connect() as connection:
        count = connection.execute(sa.text("SELECT count(*) FROM customer_name_keys")).scalar()
    engine.dispose()
    assert count == 4 * 2 + 2 * 3  # two per two-word name, three for Grace and Mary St. John


def _before_folding() -> str:
    (migration,) = (MIGRATIONS / "versions").glob("*_folded_name_keys.py")
    return re.search(r'^down_revision = "(\w+)"$', migration.read_text(), re.M).group(1)


def _stored_id(connection, customer_id: str):
    # The id as this database stores it (SQLite: 32 hex digits; PostgreSQL: a uuid).
    value = uuid.UUID(customer_id)
    return value.hex if connection.dialect.name == "sqlite" else value
