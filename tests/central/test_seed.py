"""Seeding: the demo data lands with its lookups and change feed, and only once."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine

from advocate_console.central.app import create_app
from advocate_console.central.core.settings import CentralSettings
from advocate_console.central.demo import accounts
from advocate_console.central.demo.stories import repeat_failure
from advocate_console.central.seed import AlreadySeeded, customer_count, is_seeded, seed_database

from .conftest import postgres_database


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_url(request, tmp_path):
    """An empty database, without even a schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'seed.sqlite'}"
        return
    with postgres_database(request.getfixturevalue("postgres_server")) as url:
        yield url


def test_the_demo_advocate_finds_the_story_customer_after_seeding(empty_url):
    calls = []
    seed_database(
        empty_url,
        40,
        seed=3,
        progress=lambda done, total: calls.append((done, total)),
        demo_users=True,
    )
    assert calls[-1] == (40, 40)
    assert customer_count(empty_url) == 40
    assert is_seeded(empty_url)

    app = create_app(CentralSettings(database_url=empty_url, migrate_on_startup=False))
    with TestClient(app) as client:
        token = client.post(
            "/api/v1/auth/token",
            data={"username": accounts.DEMO_USERNAME, "password": accounts.DEMO_PASSWORD},
        ).json()
        assert token["advocate"]["role"] == "advocate"
        headers = {"Authorization": f"Bearer {token['access_token']}"}
        for q in ("1-800-GE-CARES", "(800) 432-2737", "+18004322737"):
            found = client.get("/api/v1/customers", params={"q": q}, headers=headers).json()
            assert [c["id"] for c in found["items"]] == [
                str(repeat_failure.STORY_REPEAT_FAILURE_CUSTOMER_ID)
            ]
        history = client.get(
            f"/api/v1/customers/{repeat_failure.STORY_REPEAT_FAILURE_CUSTOMER_ID}/history",
            headers=headers,
        ).json()
        assert history["products"] and history["cases"]

        feed = client.get("/api/v1/changes", params={"limit": 1000}, headers=headers).json()
        collections = {c["collection"] for c in feed["items"]}
        assert {"customers", "products", "cases", "resources", "call_attempts"} <= collections
        resources = client.get("/api/v1/resources", params={"limit": 1000}, headers=headers)
        assert len(resources.json()["items"]) >= 30

        # The calls of the demo's notes rank who helped: Dana Whitlock on the story's microwave.
        names = {r["id"]: r["name"] for r in resources.json()["items"]}
        problem = {
            "category": "product failure",
            "product_model": repeat_failure.STORY_MICROWAVE_MODEL,
        }
        ranking = client.get("/api/v1/resources/ranking", params=problem, headers=headers).json()
        helped = {names[line["resource_id"]]: line for line in ranking}
        assert helped["Dana Whitlock"]["helped_here"] >= 1
        assert helped["Dana Whitlock"]["helped_you"] >= 1, "she helped the demo advocate"
        assert ranking[0]["helped_here"] >= 1
        lead = client.post(
            "/api/v1/auth/token",
            data={"username": accounts.LEAD_USERNAME, "password": accounts.LEAD_PASSWORD},
        ).json()
        assert lead["advocate"]["role"] == "lead"

    with pytest.raises(AlreadySeeded, match="already holds"):
        seed_database(empty_url, 5)
    assert customer_count(empty_url) == 40


@pytest.mark.postgres
def test_a_seeded_postgresql_database_is_planned_from_its_statistics(postgres_server):
    """The planner has the seeded tables' statistics at once, not when autovacuum comes
    round: planned from guesses, the history's generic plan scanned every resolution."""
    with postgres_database(postgres_server) as url:
        seed_database(url, 20, seed=3)
        engine = create_engine(url)
        with engine.connect() as connection:
            unanalysed = connection.exec_driver_sql(
                "SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NULL"
                " AND relname IN ('customers', 'cases', 'resolutions', 'interactions')"
            ).all()
            resolutions = connection.exec_driver_sql(
                "SELECT reltuples FROM pg_class WHERE relname = 'resolutions'"
            ).scalar()
        engine.dispose()
    assert unanalysed == []
    assert resolutions > 0
