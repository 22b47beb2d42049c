"""What the authority check costs a resolution write, and that it stays flat however much
the advocate already gave this month.

Run: .venv/bin/python bench/bench_authority.py [--writes 200] [--spent 20000] [--database URL]

On a fresh database (a SQLite file in a temporary folder unless --database names an empty
PostgreSQL one) it times POST /resolutions in process (FastAPI's TestClient, no network)
for an advocate with nothing given this month, for one with --spent resolutions counted
this month, and with the check switched off, the three taking turns, and prints p50 and
p95 of each. Each write is within the advocate's limits, so every one is stored and the
check runs in full (the lock, the limits, the month's sum, the count).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import insert, select

from advocate_console.central.app import create_app
from advocate_console.central.auth.models import TokenRow
from advocate_console.central.auth.service import create_advocate
from advocate_console.central.authority.models import SpendingRow
from advocate_console.central.authority.service import set_limits
from advocate_console.central.core.clock import utc_now
from advocate_console.central.core.database import Database, prepare_database
from advocate_console.central.core.security import new_token, token_digest
from advocate_console.central.core.settings import CentralSettings
from advocate_console.central.records import service as record_service
from advocate_console.central.records.models import ResolutionRow
from advocate_console.domain import Role
from advocate_console.domain.authority import AuthorityLimits

PASSWORD = "a bench passphrase nobody guesses"


def _user(db: Database, username: str, role: Role) -> tuple[uuid.UUID, str]:
    advocate = create_advocate(db, username, PASSWORD, role)
    token, now = new_token(), utc_now()
    with db.write() as session:
        session.add(
            TokenRow(
                digest=token_digest(token),
                advocate_id=advocate.id,
                created_at=now,
                expires_at=now + timedelta(hours=2),
                revoked_at=None,
            )
        )
    return advocate.id, token


def _spent_before(db: Database, author: uuid.UUID, count: int, case_id: str) -> None:
    """``count`` resolutions of ``author`` this month, counted as the write path counts."""
    now = utc_now()
    with db.write() as session:
        for start in range(0, count, 1000):
            ids = [uuid.uuid4() for _ in range(min(1000, count - start))]
            session.execute(
                insert(ResolutionRow),
                [
                    {"id": i, "version": 1, "data": "{}", "updated_at": now, "case_id": case_id}
                    for i in ids
                ],
            )
            session.execute(
                insert(SpendingRow),
                [
                    {"resolution_id": i, "author_id": author, "resolved_at": now, "cost_cents": 1}
                    for i in ids
                ],
            )


def _write(client: TestClient, token: str, customer_id: str) -> float:
    """Open a case, then time the POST of its resolution (ms)."""
    headers = {"Authorization": f"Bearer {token}"}
    case = client.post(
        "/api/v1/cases",
        json={
            "customer_id": customer_id,
            "category": "product failure",
            "summary": "Stopped heating.",
            "opened_at": utc_now().isoformat(),
        },
        headers=headers,
    ).json()
    body = {
        "case_id": case["id"],
        "remedies": [{"kind": "repair_fee_waived", "cost_cents": 100}],
        "delight": "delighted",
        "resolved_at": utc_now().isoformat(),
    }
    started = time.perf_counter()
    answer = client.post("/api/v1/resolutions", json=body, headers=headers)
    took = (time.perf_counter() - started) * 1000
    assert answer.status_code == 201, answer.text
    return took


def _figures(name: str, took: list[float]) -> None:
    p95 = statistics.quantiles(took, n=20)[-1]
    print(f"{name:<44} p50 {statistics.median(took):6.2f} ms   p95 {p95:6.2f} ms")


def main() -> None:
    """Time the writes, the three kinds taking turns (so none runs on a bigger database
    or a busier minute than the others), and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writes", type=int, default=200)
    parser.add_argument("--spent", type=int, default=20_000)
    parser.add_argument("--database", default=None)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="bench-authority-")
    url = args.database or f"sqlite:///{folder}/central.sqlite"
    prepare_database(url)
    db = Database(url)
    fresh, fresh_token = _user(db, "bench-ada", Role.ADVOCATE)
    busy, busy_token = _user(db, "bench-bea", Role.ADVOCATE)
    _lee, lee_token = _user(db, "bench-lee", Role.LEAD)
    with db.write() as session:  # months that these writes of a dollar cannot exhaust
        for user in (fresh, busy):
            set_limits(session, user, AuthorityLimits(monthly_cents=10**11))
    app = create_app(CentralSettings(database_url=url, migrate_on_startup=False))
    checked = record_service.refuse_beyond_authority
    took: dict[str, list[float]] = {"fresh": [], "busy": [], "off": []}
    with TestClient(app) as client:
        lead = {"Authorization": f"Bearer {lee_token}"}
        customer = client.post(
            "/api/v1/customers",
            json={"display_name": "Bench Customer", "customer_since": "2020-01-01"},
            headers=lead,
        ).json()["id"]
        for _ in range(10):  # warm up
            _write(client, fresh_token, customer)
        with db.read() as session:
            case_id = session.scalar(select(ResolutionRow.case_id).limit(1))
        _spent_before(db, busy, args.spent, case_id)
        for _ in range(args.writes):
            took["fresh"].append(_write(client, fresh_token, customer))
            took["busy"].append(_write(client, busy_token, customer))
            record_service.refuse_beyond_authority = lambda *_args, **_kwargs: None
            try:
                took["off"].append(_write(client, fresh_token, customer))
            finally:
                record_service.refuse_beyond_authority = checked
    db.dispose()
    _figures("nothing given this month", took["fresh"])
    _figures(f"{args.spent:,} resolutions given this month", took["busy"])
    _figures("the check switched off", took["off"])


if __name__ == "__main__":
    main()
