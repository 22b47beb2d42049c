"""The demo's authority: its advocate and lead have limits, her past resolutions beyond
them carry a lead's approval that covers them, and a few requests were denied."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select

from advocate_console.central.app import create_app
from advocate_console.central.core.database import Database
from advocate_console.central.core.settings import CentralSettings
from advocate_console.central.demo import accounts
from advocate_console.central.demo.approvals import ADVOCATE_LIMITS, LEAD_LIMITS, beyond_demo_limits
from advocate_console.central.records.models import ResolutionRow
from advocate_console.central.seed import seed_database
from advocate_console.domain import Resolution
from advocate_console.domain.authority import Approval, covers

from .conftest import mint_token
from .demo_sample import sample_batch
from .test_seed import empty_url  # noqa: F401  (the fixture)


def test_the_demo_advocates_resolutions_beyond_her_limits_carry_an_approval():
    resolutions = [
        r for r in sample_batch().resolutions if r.advocate == accounts.DEMO_DISPLAY_NAME
    ]
    beyond = [r for r in resolutions if beyond_demo_limits(r)]
    assert beyond, "the sample should hold some, or this proves nothing"
    assert all(r.approval_id is not None for r in beyond)
    assert all(r.approval_id is None for r in resolutions if not beyond_demo_limits(r))
    others = [r for r in sample_batch().resolutions if r.advocate != accounts.DEMO_DISPLAY_NAME]
    assert all(r.approval_id is None for r in others)


def _get(client: TestClient, url: str, token: str, **params) -> dict:
    answer = client.get(url, params=params, headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_the_seeded_demo_has_limits_approvals_and_denials(empty_url):  # noqa: F811
    seed_database(empty_url, 1500, seed=1, demo_users=True)
    app = create_app(CentralSettings(database_url=empty_url, migrate_on_startup=False))
    maya = mint_token(empty_url, accounts.DEMO_USERNAME)
    dennis = mint_token(empty_url, accounts.LEAD_USERNAME, timedelta(hours=1))
    with TestClient(app) as client:
        mine = _get(client, "/api/v1/me/authority", maya)
        assert mine["limits"] == ADVOCATE_LIMITS.model_dump()
        assert 0 <= mine["spent_this_month_cents"] < ADVOCATE_LIMITS.monthly_cents
        assert _get(client, "/api/v1/me/authority", dennis)["limits"] == LEAD_LIMITS.model_dump()

        approvals = [
            Approval.model_validate(a)
            for a in _get(client, "/api/v1/approvals", dennis, limit=500)["items"]
        ]
        statuses = Counter(a.status for a in approvals)
        assert statuses["approved"] >= 3 and statuses["denied"] >= 3, statuses
        assert statuses["pending"] == 0
        assert all(a.note and a.decided_by_name == accounts.LEAD_DISPLAY_NAME for a in approvals)
        assert all(a.requester_name == accounts.DEMO_DISPLAY_NAME for a in approvals)
        assert all(a.decided_at > a.created_at for a in approvals)  # type: ignore[operator]
        # Maya sees her own, the same ones.
        assert len(_get(client, "/api/v1/approvals", maya, limit=500)["items"]) == len(approvals)

        by_id = {a.id: a for a in approvals}
    db = Database(empty_url)
    try:
        with db.read() as session:
            stored = session.scalars(select(ResolutionRow.data)).all()
    finally:
        db.dispose()
    approved = [
        r for r in (Resolution.model_validate_json(data) for data in stored) if r.approval_id
    ]
    assert len(approved) == statuses["approved"]
    for resolution in approved:
        assert covers(by_id[resolution.approval_id], resolution.case_id, resolution.remedies)
