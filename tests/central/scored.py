"""A small team's fortnight, posted through the API, for the reports' tests to count.

The period is Monday 2 to Sunday 15 November 2026 (week 0 from the 2nd, week 1 from the
9th). Every figure the tests expect was counted by hand from the tables below; records
just outside the period (the second before, the second after) are there to be left out.
Each record is posted by the user it names, so the reports credit the same person
whether they read the ``advocate`` name or a server-stamped author.

Users: Ada Tester (advocate), Lee Tester (lead), Ann Tester (admin).
Customers (lifetime value): C1 Carla One 100,000 · C2 Dev Two 250,000 · C3 Eve Three 50,000.
Products: P1, P2 HVM-1 of C1 · P3 HVM-1 of C2 · P4 NWF-9 of C2 · P5 NWF-9 of C3.

Cases (opened)
  K0 C1 P1 product failure   1 Oct 15:00   before: makes K1 a repeat failure
  K9 C3 -- complaint         1 Nov 20:00   before
  K1 C1 P2 product failure   3 Nov 15:00   week 0, repeat failure
  K2 C2 P3 repair            4 Nov 15:00   week 0
  K3 C2 P4 warranty          5 Nov 15:00   week 0
  K4 C1 P2 product question  6 Nov 15:00   C1 back about HVM-1 after R1
  K5 C3 P5 product failure  10 Nov 15:00   week 1
  K6 C3 -- billing          11 Nov 15:00
  K7 C3 -- billing          13 Nov 15:00   C3 back about billing after R5
  K8 C2 P3 product failure  20 Nov 15:00   after; C2 back about HVM-1 after R2

Resolutions (case, by, when, delight, steps, remedies)
  R0 K0 Ada  2 Oct 15:00    delighted  all five   other 9,999               (before)
  R8 K9 Lee  2 Nov 00:00:00 satisfied  first 3    gift certificate 2,500    (first second)
  R1 K1 Ada  4 Nov 15:00    delighted  all five   replacement 31,000, gift certificate 2,500
  R2 K2 Ada  6 Nov 15:00    satisfied  first 2    repair fee waived 12,000
  R7 K4 Ada  6 Nov 16:00    delighted  all five   information only 0
  R3 K3 Lee  7 Nov 15:00    unhappy    none       other 5,000
  R4 K5 Lee 12 Nov 15:00    delighted  all five   information only 0
  R5 K6 Ann 12 Nov 16:00    neutral    first 1    account credit 1,000
  R9 K7 Ann 16 Nov 00:00:00 delighted  all five   none                      (first second after)

Follow-ups (by, due, how it ended): F1 Ada 3 Nov done 3 h later (on time) · F2 Ada 4 Nov
done 2 days later (late) · F3 Ada 5 Nov still open (missed) · F4 Lee 10 Nov done 23 h
later (on time) · F5 Lee 12 Nov cancelled · F6 Ann 20 Nov open (after) · F7 Ada 30 Dec
open (after).
Cards (by, written, state, gift): Ada 4 Nov mailed 2,500 · Ada 6 Nov printed · Ada 7 Nov
draft · Lee 12 Nov mailed 5,000 · Lee 20 Nov mailed (after).
Call attempts (by, whom, case, when, outcome, helped): A1 Ada Dana K1 3 Nov connected yes ·
A2 Ada Curtis K1 3 Nov busy · A3 Ada Curtis K2 4 Nov connected no · A4 Lee Dana K5 10 Nov
connected yes · A5 Lee Dana K3 5 Nov no answer · A6 Ann Curtis K7 13 Nov connected yes ·
A7 Ada Dana K1 20 Oct connected yes (before).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from advocate_console.central.app import create_app
from advocate_console.central.core.clock import SettableClock
from advocate_console.central.core.settings import CentralSettings
from advocate_console.domain import Role

from . import bodies
from .conftest import TEMPLATE, USERS, Api, mint_tokens, postgres_database

DIALECTS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
"""Parameters for a module-scoped fixture over ``fortnight``."""

FIRST, LAST = "2026-11-02", "2026-11-15"
PERIOD = {"from": FIRST, "to": LAST}
ADA, LEE, ANN = Role.ADVOCATE, Role.LEAD, Role.ADMIN
NAMES = {ADA: "Ada Tester", LEE: "Lee Tester", ANN: "Ann Tester"}
ALL_FIVE = [
    "empathized",
    "took_ownership",
    "lessened_inconvenience",
    "managed_memory",
    "extended_experience",
]
MICROWAVE = {"brand": "Halvorsen", "name": "Over-the-range microwave", "model_number": "HVM-1"}
WASHER = {"brand": "Northvane", "name": "Front-load washer", "model_number": "NWF-9"}


@dataclass
class Scored:
    """The API with the fortnight posted, and the ids of what was posted."""

    api: Api
    ids: dict[str, str] = field(default_factory=dict)

    def post(self, path: str, body: dict, role: Role = LEE, **authored: str) -> dict:
        """POST ``body`` as ``role``; ``authored`` names the record's author field."""
        body = {**body, **{name: NAMES[role] for name in authored}}
        response = self.api.client.post(f"/api/v1{path}", json=body, headers=self.api.auth(role))
        assert response.status_code == 201, response.text
        return response.json()

    def get(self, path: str, role: Role = ADA, **params):
        """GET ``/reports{path}`` as ``role`` for the fortnight (unless ``params`` say else)."""
        query = {**PERIOD, **params}
        return self.api.client.get(
            f"/api/v1/reports{path}", params=query, headers=self.api.auth(role)
        )

    def user_id(self, role: Role) -> str:
        """The sign-in id of the test user of ``role``."""
        return self.api.client.get("/api/v1/me", headers=self.api.auth(role)).json()["id"]


@contextmanager
def fortnight(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[Scored]:
    """The fortnight on a fresh server of the dialect ``request.param``, posted once."""
    with _database(request, tmp_path_factory) as url:
        clock = SettableClock()
        settings = CentralSettings(database_url=url, migrate_on_startup=False, clock=clock)
        app = create_app(settings)
        minted = mint_tokens(app.state.database, list(USERS.values()), timedelta(hours=1))
        tokens = dict(zip(USERS, minted, strict=True))
        with TestClient(app, raise_server_exceptions=True) as client:
            yield post_fortnight(Api(client, url, tokens, clock))


@contextmanager
def _database(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[str]:
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("fortnight") / "central.sqlite"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    with postgres_database(request.getfixturevalue("postgres_template"), TEMPLATE) as url:
        yield url


def post_fortnight(api: Api) -> Scored:
    """Post the whole fortnight of the module docstring."""
    s = Scored(api)
    _customers_and_products(s)
    _cases(s)
    _resolutions(s)
    _follow_ups(s)
    _cards(s)
    _calls(s)
    return s


def _customers_and_products(s: Scored) -> None:
    for key, name, value in (
        ("C1", "Carla One", 100_000),
        ("C2", "Dev Two", 250_000),
        ("C3", "Eve Three", 50_000),
    ):
        body = bodies.customer(display_name=name, phones=[], emails=[], lifetime_value_cents=value)
        s.ids[key] = s.post("/customers", body)["id"]
    for key, owner, model in (
        ("P1", "C1", MICROWAVE),
        ("P2", "C1", MICROWAVE),
        ("P3", "C2", MICROWAVE),
        ("P4", "C2", WASHER),
        ("P5", "C3", WASHER),
    ):
        s.ids[key] = s.post("/products", bodies.product(s.ids[owner], **model))["id"]
    for key, name in (("Dana", "Dana Whitlock"), ("Curtis", "Curtis Bramwell")):
        s.ids[key] = s.post("/resources", bodies.resource(name=name))["id"]


def _cases(s: Scored) -> None:
    for key, customer, product, category, opened in (
        ("K0", "C1", "P1", "product failure", "2026-10-01T15:00:00Z"),
        ("K9", "C3", None, "complaint", "2026-11-01T20:00:00Z"),
        ("K1", "C1", "P2", "product failure", "2026-11-03T15:00:00Z"),
        ("K2", "C2", "P3", "repair", "2026-11-04T15:00:00Z"),
        ("K3", "C2", "P4", "warranty", "2026-11-05T15:00:00Z"),
        ("K4", "C1", "P2", "product question", "2026-11-06T15:00:00Z"),
        ("K5", "C3", "P5", "product failure", "2026-11-10T15:00:00Z"),
        ("K6", "C3", None, "billing", "2026-11-11T15:00:00Z"),
        ("K7", "C3", None, "billing", "2026-11-13T15:00:00Z"),
        ("K8", "C2", "P3", "product failure", "2026-11-20T15:00:00Z"),
    ):
        product_id = s.ids[product] if product else None
        body = bodies.case(
            s.ids[customer], product_id=product_id, category=category, opened_at=opened
        )
        s.ids[key] = s.post("/cases", body, ADA)["id"]


def _remedy(kind: str, cents: int) -> dict:
    return {"kind": kind, "cost_cents": cents}


def _resolutions(s: Scored) -> None:
    for case, role, at, delight, steps, remedies in (
        ("K0", ADA, "2026-10-02T15:00:00Z", "delighted", 5, [_remedy("other", 9_999)]),
        ("K9", LEE, "2026-11-02T00:00:00Z", "satisfied", 3, [_remedy("gift_certificate", 2_500)]),
        (
            "K1",
            ADA,
            "2026-11-04T15:00:00Z",
            "delighted",
            5,
            [_remedy("replacement", 31_000), _remedy("gift_certificate", 2_500)],
        ),
        ("K2", ADA, "2026-11-06T15:00:00Z", "satisfied", 2, [_remedy("repair_fee_waived", 12_000)]),
        ("K4", ADA, "2026-11-06T16:00:00Z", "delighted", 5, [_remedy("information_only", 0)]),
        ("K3", LEE, "2026-11-07T15:00:00Z", "unhappy", 0, [_remedy("other", 5_000)]),
        ("K5", LEE, "2026-11-12T15:00:00Z", "delighted", 5, [_remedy("information_only", 0)]),
        ("K6", ANN, "2026-11-12T16:00:00Z", "neutral", 1, [_remedy("account_credit", 1_000)]),
        ("K7", ANN, "2026-11-16T00:00:00Z", "delighted", 5, []),
    ):
        body = bodies.resolution(
            s.ids[case], resolved_at=at, delight=delight, steps=ALL_FIVE[:steps], remedies=remedies
        )
        s.ids["R" + case[1:]] = s.post("/resolutions", body, role, advocate="")["id"]


def _follow_ups(s: Scored) -> None:
    for key, role, due, status, completed in (
        ("F1", ADA, "2026-11-03T15:00:00Z", "done", "2026-11-03T18:00:00Z"),
        ("F2", ADA, "2026-11-04T15:00:00Z", "done", "2026-11-06T15:00:00Z"),
        ("F3", ADA, "2026-11-05T15:00:00Z", "open", None),
        ("F4", LEE, "2026-11-10T15:00:00Z", "done", "2026-11-11T14:00:00Z"),
        ("F5", LEE, "2026-11-12T15:00:00Z", "cancelled", None),
        ("F6", ANN, "2026-11-20T15:00:00Z", "open", None),
        ("F7", ADA, "2026-12-30T15:00:00Z", "open", None),
    ):
        body = bodies.follow_up(s.ids["C1"], due_at=due, status=status, completed_at=completed)
        s.ids[key] = s.post("/follow-ups", body, role, advocate="")["id"]


def _cards(s: Scored) -> None:
    for role, created, state, gift in (
        (ADA, "2026-11-04T16:00:00Z", "mailed", 2_500),
        (ADA, "2026-11-06T16:00:00Z", "printed", None),
        (ADA, "2026-11-07T16:00:00Z", "draft", None),
        (LEE, "2026-11-12T16:00:00Z", "mailed", 5_000),
        (LEE, "2026-11-20T16:00:00Z", "mailed", None),
    ):
        body = bodies.card(s.ids["C1"], created_at=created, state=state, gift_value_cents=gift)
        s.post("/cards", body, role, advocate="")


def _calls(s: Scored) -> None:
    for role, whom, case, started, outcome, helped in (
        (ADA, "Dana", "K1", "2026-11-03T15:10:00Z", "connected", True),
        (ADA, "Curtis", "K1", "2026-11-03T15:05:00Z", "busy", None),
        (ADA, "Curtis", "K2", "2026-11-04T15:10:00Z", "connected", False),
        (LEE, "Dana", "K5", "2026-11-10T15:10:00Z", "connected", True),
        (LEE, "Dana", "K3", "2026-11-05T15:10:00Z", "no_answer", None),
        (ANN, "Curtis", "K7", "2026-11-13T15:10:00Z", "connected", True),
        (ADA, "Dana", "K1", "2026-10-20T15:10:00Z", "connected", True),
    ):
        customer = {"K1": "C1", "K2": "C2", "K3": "C2", "K5": "C3", "K7": "C3"}[case]
        body = {
            "resource_id": s.ids[whom],
            "case_id": s.ids[case],
            "customer_id": s.ids[customer],
            "category": "product failure",
            "started_at": started,
            "outcome": outcome,
            "helped": helped,
        }
        s.post("/call-attempts", body, role, advocate="")
