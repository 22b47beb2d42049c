"""The server's logs keep no personal data: the log of a real ``advocate-central serve``
(text or JSON) holds no search text, nor does uvicorn's access log where a server is run
with it on; a database error is logged without the statement's values (nor PostgreSQL's
detail line that quotes them)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import uuid

import pytest
import requests
import sqlalchemy as sa

from advocate_console.central.core.database import make_engine
from advocate_console.central.core.logs import hide_query_values
from advocate_console.domain import Role
from tests.plumbing import free_port, wait_until

from .conftest import mint_token

NAME, PHONE, EMAIL, STREET = "Zelda Quist", "+14155550123", "zelda.quist@example.com", "77 Elm Row"


def _customer(**changes) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "display_name": NAME,
        "phones": [PHONE],
        "emails": [EMAIL],
        "address": {"lines": [STREET], "city": "Oakland", "region": "CA"},
        "customer_since": "2020-01-01",
        **changes,
    }


def _personal(text: str) -> list[str]:
    return [
        value
        for value in (NAME, "Zelda", "Quist", PHONE, "4155550123", EMAIL, STREET)
        if value.lower() in text.lower()
    ]


def test_query_values_are_hidden_but_their_names_kept():
    assert hide_query_values("/api/v1/customers?q=Zelda%20Quist&limit=25") == (
        "/api/v1/customers?q=…&limit=…"
    )
    assert hide_query_values("/api/v1/changes") == "/api/v1/changes"
    assert hide_query_values("/api/v1/customers?Zelda") == "/api/v1/customers?Zelda=…"


SERVE = [sys.executable, "-m", "advocate_console.central.cli", "serve", "--port"]
# As IT may run it under a process manager of its own: uvicorn's access log on.
UVICORN = [
    sys.executable,
    "-m",
    "uvicorn",
    "--factory",
    "advocate_console.central.app:app_from_environment",
    "--port",
]


@pytest.mark.parametrize(
    ("command", "extra", "access_line"),
    [
        (SERVE, [], False),
        (SERVE, ["--log-format", "json"], False),
        (UVICORN, [], True),
    ],
    ids=["serve", "serve-json", "uvicorn-access-log"],
)
def test_the_log_of_a_real_server_holds_no_search_text(
    database_url, tmp_path, command, extra, access_line
):
    port = free_port()
    log = (tmp_path / "server.log").open("w+")
    environment = dict(os.environ, ADVOCATE_CENTRAL_DATABASE=database_url)
    server = subprocess.Popen(
        [*command, str(port), *extra],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=environment,  # (serve reads --database from it too)
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        wait_until(lambda: _answers(f"{base}/health"), timeout=30, what="the server")
        headers = {"Authorization": f"Bearer {mint_token(database_url, 'lee')}"}
        created = requests.post(f"{base}/customers", json=_customer(), headers=headers, timeout=10)
        assert created.status_code == 201
        for query in (NAME, PHONE, "(415) 555-0123", EMAIL, "quist z"):
            found = requests.get(
                f"{base}/customers", params={"q": query, "limit": 5}, headers=headers, timeout=10
            )
            assert found.json()["items"][0]["display_name"] == NAME
        customer_id = created.json()["id"]
        requests.get(f"{base}/customers/{customer_id}/history", headers=headers, timeout=10)
        if access_line:
            wait_until(lambda: "history" in (tmp_path / "server.log").read_text(), timeout=10)
    finally:
        server.terminate()
        server.wait(10)
        log.close()
    written = (tmp_path / "server.log").read_text()
    assert written  # it did log (start-up at least)
    if access_line:
        assert '"GET /api/v1/customers?q=…&limit=… HTTP/1.1" 200' in written
    assert _personal(written) == []


def _answers(url: str) -> bool:
    try:
        return requests.get(url, timeout=1).status_code == 200
    except requests.RequestException:
        return False


def _in_database(url: str, statement: str) -> None:
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql(statement)
    engine.dispose()


def test_postgresqls_detail_line_with_the_values_is_not_logged(api, caplog):
    if not api.url.startswith("postgresql"):
        pytest.skip("SQLite's error messages never quote values")
    # A rule the company added in the database, refusing with the detail PostgreSQL's own
    # errors carry ("Key (email)=(…) already exists", "invalid input value: …").
    _in_database(
        api.url,
        "CREATE FUNCTION refuse_customer() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        " RAISE EXCEPTION 'customer refused' USING ERRCODE = '22023',"
        " DETAIL = 'value: ' || NEW.data; END $$;"
        " CREATE TRIGGER refuse BEFORE INSERT ON customers"
        " FOR EACH ROW EXECUTE FUNCTION refuse_customer()",
    )
    with caplog.at_level(logging.WARNING):
        refused = api.client.post(
            "/api/v1/customers", json=_customer(), headers=api.auth(Role.LEAD)
        )
    assert refused.status_code == 422
    assert "database refused POST /api/v1/customers: InvalidParameterValue: SQLSTATE 22023" in (
        caplog.text
    )
    assert _personal(caplog.text) == []


def test_a_database_failure_is_logged_without_the_statements_values(api, caplog):
    _in_database(api.url, "DROP TABLE customer_phones")
    with caplog.at_level(logging.WARNING):
        failed = api.client.post("/api/v1/customers", json=_customer(), headers=api.auth(Role.LEAD))
    assert failed.status_code in (422, 503)
    assert "database " in caplog.text and "POST /api/v1/customers" in caplog.text
    assert _personal(caplog.text) == []


def test_engines_never_put_parameters_in_error_texts(database_url):
    engine = make_engine(database_url)
    with pytest.raises(sa.exc.DBAPIError) as raised, engine.connect() as connection:
        connection.execute(sa.text("SELECT * FROM no_such_table WHERE x = :x"), {"x": EMAIL})
    engine.dispose()
    assert EMAIL not in str(raised.value)
