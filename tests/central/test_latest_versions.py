"""The change feed sends each record's latest version only (old versions stay for the
audit), and a sync that started at 0 and goes on with deltas ends with every record as
the server has it, whatever is written between its pages."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from advocate_console.central.changes.models import ChangeRow
from advocate_console.central.core.database import make_engine, migrate
from advocate_console.domain import Role

from . import bodies
from .conftest import postgres_database

CHANGES = "/api/v1/changes"


def _feed(api, since, limit=1000):
    response = api.client.get(CHANGES, params={"since": since, "limit": limit}, headers=api.auth())
    assert response.status_code == 200, response.text
    return response.json()


def _post(api, path, body, role=Role.ADVOCATE):
    response = api.client.post(f"/api/v1/{path}", json=body, headers=api.auth(role))
    assert response.status_code == 201, response.text
    return response.json()


def _edit(api, path, record, change):
    response = api.client.patch(
        f"/api/v1/{path}/{record['id']}",
        json=change,
        headers=api.auth(Role.LEAD, If_Match=str(record["version"])),
    )
    assert response.status_code == 200, response.text
    return response.json()


def _server_state(api, records):
    return {
        r["id"]: api.client.get(f"/api/v1/{path}/{r['id']}", headers=api.auth()).json()
        for path, r in records
    }


def test_a_first_sync_gets_each_record_once_at_its_latest_version(api):
    customer = _post(api, "customers", bodies.customer(), Role.LEAD)
    case = _post(api, "cases", bodies.case(customer["id"]))
    for n in range(4):
        case = _edit(api, "cases", case, {"summary": f"Edit {n}"})
    page = _feed(api, since=0)
    assert [(c["collection"], c["id"], c["version"]) for c in page["items"]] == [
        ("customers", customer["id"], 1),
        ("cases", case["id"], 5),
    ]
    assert page["items"][1]["data"] == case
    audit = api.client.get(f"/api/v1/cases/{case['id']}/audit", headers=api.auth(Role.LEAD))
    assert [v["version"] for v in audit.json()["versions"]] == [1, 2, 3, 4, 5]


def test_a_delta_gets_the_latest_version_of_what_changed_since_its_cursor(api):
    customer = _post(api, "customers", bodies.customer(), Role.LEAD)
    case = _post(api, "cases", bodies.case(customer["id"]))
    cursor = _feed(api, since=0)["next_cursor"]
    case = _edit(api, "cases", case, {"summary": "First"})
    case = _edit(api, "cases", case, {"summary": "Second"})
    delta = _feed(api, since=cursor)
    assert [(c["id"], c["version"]) for c in delta["items"]] == [(case["id"], 3)]
    assert delta["next_cursor"] > cursor
    assert _feed(api, since=delta["next_cursor"])["items"] == []


@pytest.mark.parametrize("limit", [1, 2, 3])
def test_a_paged_first_sync_with_writes_between_its_pages_ends_as_the_server_is(api, limit):
    customer = _post(api, "customers", bodies.customer(), Role.LEAD)
    records = [("customers", customer)]
    for n in range(5):
        case = _post(api, "cases", bodies.case(customer["id"], summary=f"Case {n}"))
        records.append(("cases", _edit(api, "cases", case, {"status": "pending"})))
    records.append(("interactions", _post(api, "interactions", bodies.interaction(customer["id"]))))

    replica: dict[str, dict] = {}
    delivered: list[tuple[str, int]] = []
    since, pages = 0, 0
    while True:
        page = _feed(api, since, limit)
        for change in page["items"]:
            assert change["cursor"] > since
            held = replica.get(change["id"])
            assert held is None or held["version"] < change["version"], "an older version"
            replica[change["id"]] = change["data"]
            delivered.append((change["id"], change["version"]))
        since = page["next_cursor"]
        pages += 1
        if pages <= 3:  # someone writes between the pages: records read and not read yet
            for index in (1, len(records) - 2):
                path, record = records[index]
                records[index] = (path, _edit(api, path, record, {"summary": f"p{pages}"}))
            records.append(
                ("interactions", _post(api, "interactions", bodies.interaction(customer["id"])))
            )
        if not page["has_more"] and pages > 3:
            break

    assert replica == _server_state(api, records)
    # Never a version a later one had replaced by the time its page was read.
    assert len(delivered) < sum(r["version"] for _, r in records)
    assert _feed(api, since)["items"] == []


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_database(request, tmp_path):
    """A database with no tables at all."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite'}"
        return
    with postgres_database(request.getfixturevalue("postgres_server")) as url:
        yield url


def test_the_migration_marks_the_latest_of_the_changes_already_there(empty_database):
    migrate(empty_database, "0003")
    engine = make_engine(empty_database)
    record, other, now = uuid.uuid4(), uuid.uuid4(), datetime.now(UTC)
    rows = [("cases", record, 1), ("cases", other, 1), ("cases", record, 2), ("cards", record, 1)]
    changes = sa.table(  # as revision 0003 has it
        "changes",
        sa.column("collection", sa.String()),
        sa.column("record_id", sa.Uuid()),
        sa.column("version", sa.Integer()),
        sa.column("data", sa.Text()),
        sa.column("committed_at", sa.DateTime(timezone=True)),
    )
    with engine.begin() as connection:
        connection.execute(
            changes.insert(),
            [
                {"collection": c, "record_id": r, "version": v, "data": "{}", "committed_at": now}
                for c, r, v in rows
            ],
        )
    engine.dispose()
    migrate(empty_database, "0004")
    engine = make_engine(empty_database)
    with engine.connect() as connection:
        marked = connection.execute(
            sa.select(ChangeRow.collection, ChangeRow.record_id, ChangeRow.version)
            .where(ChangeRow.latest)
            .order_by(ChangeRow.cursor)
        ).all()
    engine.dispose()
    assert [tuple(row) for row in marked] == [
        ("cases", other, 1),
        ("cases", record, 2),
        ("cards", record, 1),  # (another collection's record with the same id)
    ]
