"""Who may change what, tried on the real server: every route of the OpenAPI document, as
every role (and signed out), on the caller's own records and on someone else's.

The routes come from the OpenAPI document the server publishes, so a new route cannot
escape: one missing from MATRIX below fails, saying to add it. Each entry says, per way
of trying the route (whose record, which change), what each role gets: "ok" (the
route's success code), 403 with a reason, or 401.
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import pytest

from advocate_console.central.app import create_app
from advocate_console.central.conferences.models import BridgeRow
from advocate_console.central.core.clock import utc_now
from advocate_console.central.core.settings import CentralSettings
from advocate_console.central.integrations.service import create_integration
from advocate_console.central.releases.schemas import PublishRelease
from advocate_console.central.releases.service import publish_release
from advocate_console.domain import Role

from . import bodies, permission_approvals, permission_people
from .conftest import PASSWORD, USERS, mint_token
from .permission_world import ANONYMOUS, COLLEAGUE, WHO, World

PREFIX = "/api/v1"
OWN, THEIRS, UNASSIGNED = "own", "someone else's", "unassigned"


def everyone(ok: int = 200) -> dict[Any, int]:
    """Every signed-in role may; signed out: 401."""
    return {ANONYMOUS: 401, Role.ADVOCATE: ok, Role.LEAD: ok, Role.ADMIN: ok}


def leads(ok: int = 200) -> dict[Any, int]:
    """Leads and admins may; advocates get 403 with a reason."""
    return {ANONYMOUS: 401, Role.ADVOCATE: 403, Role.LEAD: ok, Role.ADMIN: ok}


def admins(ok: int = 200) -> dict[Any, int]:
    """Only admins; advocates and leads get 403 with a reason."""
    return {ANONYMOUS: 401, Role.ADVOCATE: 403, Role.LEAD: 403, Role.ADMIN: ok}


def anyone(ok: int = 200) -> dict[Any, int]:
    """Signed in or not."""
    return dict.fromkeys(WHO, ok)


@dataclass(frozen=True)
class Situation:
    """One way of trying a route (whose record, which change) and what each role gets."""

    name: str
    expect: dict[Any, int]
    body: dict[str, Any] | None = None


Send = Callable[[World, Any, Situation], Any]


@dataclass(frozen=True)
class Route:
    """How to try one route, and the situations to try it in."""

    send: Send
    situations: tuple[Situation, ...]


# --- the record collections -----------------------------------------------------------------

ADVOCATES_CREATE = (
    "customers",
    "cases",
    "interactions",
    "resolutions",
    "follow-ups",
    "cards",
    "call-attempts",
)
LEADS_WRITE = ("resources",)

CHANGES: dict[str, tuple[Situation, ...]] = {
    "customers": (
        Situation(OWN, everyone(), {"display_name": "Maria G. Garcia"}),
        Situation(THEIRS, everyone(), {"emails": ["maria@example.org"]}),
        Situation(f"{THEIRS}, its tier", leads(), {"tier": "gold"}),
    ),
    # A new caller's product, as they read it out; which unit replaced it is leads' to set.
    "products": (Situation("a lead's", everyone(), {"warranty_end": "2027-01-01"}),),
    "resources": (Situation("a lead's", leads(), {"notes": "Ask for Curtis."}),),
    "cases": (
        Situation(OWN, everyone(), {"summary": "Fixed."}),
        Situation(THEIRS, leads(), {"summary": "Fixed."}),
        Situation(UNASSIGNED, everyone(), {"summary": "Fixed."}),
    ),
    "interactions": (
        Situation(OWN, everyone(), {"body": "More."}),
        Situation(THEIRS, leads(), {"body": "More."}),
    ),
    "resolutions": (
        Situation(OWN, everyone(), {"notes": "More."}),
        Situation(THEIRS, leads(), {"notes": "More."}),
    ),
    "follow-ups": (
        Situation(OWN, everyone(), {"reason": "Call after six."}),
        Situation(THEIRS, leads(), {"reason": "Call after six."}),
        Situation(
            f"{THEIRS}, marked done",
            everyone(),
            {"status": "done", "completed_at": "2026-11-24T15:00:00Z"},
        ),
        Situation(f"{THEIRS}, cancelled", leads(), {"status": "cancelled"}),
    ),
    "cards": (
        Situation(OWN, everyone(), {"state": "queued"}),
        Situation(THEIRS, leads(), {"state": "queued"}),
    ),
    "call-attempts": (
        Situation(OWN, everyone(), {"helped": True}),
        Situation(THEIRS, leads(), {"helped": True}),
    ),
}


def _author(path: str, who: Any, situation: str) -> Any:
    """Who wrote the record ``who`` tries ``situation`` on."""
    if situation.startswith(THEIRS) or situation == UNASSIGNED:
        return COLLEAGUE if path in ADVOCATES_CREATE else Role.LEAD
    if situation == OWN and who != ANONYMOUS:
        return who
    return Role.LEAD


def _record(world: World, path: str, who: Any, situation: str) -> dict[str, Any]:
    author = _author(path, who, situation)
    body = world.body(path, None if situation == UNASSIGNED else author)
    return world.write(path, author, body)


def _get(world: World, who: Any, situation: Situation, path: str, suffix: str = ""):
    record = _record(world, path, who, situation.name)
    url = f"{PREFIX}/{path}/{record['id']}{suffix}"
    return world.api.client.get(url, headers=world.headers(who))


def _patch(world: World, who: Any, situation: Situation, path: str):
    record = _record(world, path, who, situation.name)
    return world.api.client.patch(
        f"{PREFIX}/{path}/{record['id']}",
        json=situation.body,
        headers=world.headers(who, If_Match=str(record["version"])),
    )


def _create(world: World, who: Any, situation: Situation, path: str):
    author = who if who != ANONYMOUS else Role.ADVOCATE
    body = world.body(path, author) | (situation.body or {})
    return world.api.client.post(f"{PREFIX}/{path}", json=body, headers=world.headers(who))


def _record_routes(path: str) -> dict[tuple[str, str], Route]:
    creates = leads(201) if path in LEADS_WRITE else everyone(201)
    created = (Situation("new", creates),)
    if path == "customers":
        created += (Situation("new, with a tier", leads(201), {"tier": "gold"}),)
    reads = tuple(Situation(s.name, everyone()) for s in CHANGES[path])
    audits = tuple(Situation(s.name, leads()) for s in CHANGES[path])
    one = f"{PREFIX}/{path}/{{record_id}}"
    return {
        ("POST", f"{PREFIX}/{path}"): Route(lambda w, who, s: _create(w, who, s, path), created),
        ("GET", one): Route(lambda w, who, s: _get(w, who, s, path), reads),
        ("PATCH", one): Route(lambda w, who, s: _patch(w, who, s, path), CHANGES[path]),
        ("GET", f"{one}/audit"): Route(lambda w, who, s: _get(w, who, s, path, "/audit"), audits),
    }


# --- everything else ------------------------------------------------------------------------


def _sign_in(world: World, who: Any, _situation: Situation):
    username = COLLEAGUE if who == ANONYMOUS else USERS[who]
    form = {"username": username, "password": PASSWORD}
    return world.api.client.post(f"{PREFIX}/auth/token", data=form)


def _sign_out(world: World, who: Any, _situation: Situation):
    headers = {}
    if who != ANONYMOUS:  # a token of its own, so the role's usual one stays good
        headers["Authorization"] = f"Bearer {mint_token(world.api.url, USERS[who])}"
    return world.api.client.delete(f"{PREFIX}/auth/token", headers=headers)


def _read(path: str, **params: str) -> Send:
    def send(world: World, who: Any, _situation: Situation):
        url = PREFIX + path.format(customer_id=world.customer["id"])
        return world.api.client.get(url, params=params, headers=world.headers(who))

    return send


def _release(world: World, who: Any, situation: Situation):
    release = PublishRelease(channel="stable", version="1.4.2", notes_url="https://example.com/1")
    publish_release(world.api.client.app.state.database, release)
    return _read("/releases/stable")(world, who, situation)


def _import(world: World, who: Any, _situation: Situation):
    people = [bodies.customer(phones=[], display_name=f"Import {uuid.uuid4().hex[:6]}")]
    return world.api.client.post(
        f"{PREFIX}/customers/import", json=people, headers=world.headers(who)
    )


def _reopen(world: World, who: Any, situation: Situation):
    case = _record(world, "cases", who, situation.name)
    world.write("resolutions", Role.LEAD, bodies.resolution(case["id"]))
    return world.api.client.post(
        f"{PREFIX}/cases/{case['id']}/reopen",
        json={"reason": "The customer called back: it failed again."},
        headers=world.headers(who),
    )


def _presence(method: str) -> Send:
    # Anyone signed in may say they have any case open (or left it): it is no change.
    def send(world: World, who: Any, _situation: Situation):
        case = world.write("cases", COLLEAGUE, world.body("cases", COLLEAGUE))
        url = f"{PREFIX}/cases/{case['id']}/presence"
        return world.api.client.request(method.upper(), url, headers=world.headers(who))

    return send


@dataclass(frozen=True)
class _Streamed:
    status_code: int


def _stream(world: World, who: Any, _situation: Situation):
    # Signed out it is refused like any route. Signed in, the stream never ends, and the
    # TestClient waits for the end: that each advocate gets their own stream (and no one
    # else's) is tried on a real server, in test_events.py.
    if who != ANONYMOUS:
        return _Streamed(200)
    return world.api.client.get(f"{PREFIX}/events/stream", headers=world.headers(who))


def _call_event(world: World, who: Any, _situation: Situation):
    # Phone systems send these with an integration key: an advocate's token is refused
    # with a reason, whatever the role.
    body = {"event": "newCall", "from": "+18004322737", "to": "100", "callId": "c-1"}
    return world.api.client.post(
        f"{PREFIX}/telephony/events", json=body, headers=world.headers(who)
    )


def _revoke_integration(world: World, who: Any, _situation: Situation):
    db = world.api.client.app.state.database
    integration, _key = create_integration(db, f"pbx-{uuid.uuid4().hex[:6]}")
    url = f"{PREFIX}/integrations/{integration.id}"
    return world.api.client.delete(url, headers=world.headers(who))


def _bridge(world: World) -> None:
    # A running bridge, as `advocate-central bridge` registers itself (it is not started:
    # no call is placed; the API only writes what is wanted).
    now = utc_now()
    with world.api.client.app.state.database.write() as session:
        session.add(
            BridgeRow(
                id=uuid.uuid4(),
                name="bridge-1",
                sip_domain="bridge.example.com",
                started_at=now,
                seen_at=now,
                stopped_at=None,
            )
        )


def _conference(world: World, who: Any, situation: str) -> dict[str, Any]:
    """A conference started by ``who`` (their own) or by the colleague (someone else's)."""
    _bridge(world)
    owner = who if situation == OWN and who != ANONYMOUS else COLLEAGUE
    body = {"advocate_phone": "+18005550100", "customer": "+18004322737"}
    response = world.api.client.post(
        f"{PREFIX}/conferences", json=body, headers=world.headers(owner)
    )
    assert response.status_code == 201, response.text
    return response.json()


def _conference_route(method: str, suffix: str = "", body: dict | None = None) -> Send:
    def send(world: World, who: Any, situation: Situation):
        conference = _conference(world, who, situation.name)
        leg = conference["legs"][0]["id"] if conference.get("legs") else uuid.uuid4()
        url = f"{PREFIX}/conferences/{conference['id']}" + suffix.format(leg_id=leg)
        return world.api.client.request(method, url, json=body, headers=world.headers(who))

    return send


def _start_conference(world: World, who: Any, _situation: Situation):
    _bridge(world)
    body = {"advocate_phone": "+18005550100", "customer": "+18004322737"}
    return world.api.client.post(f"{PREFIX}/conferences", json=body, headers=world.headers(who))


def _own_or_leads(ok: int = 200) -> tuple[Situation, ...]:
    return (Situation(OWN, everyone(ok)), Situation(THEIRS, leads(ok)))


def _once(send: Send, expect: dict[Any, int]) -> Route:
    return Route(send, (Situation("any", expect),))


MATRIX: dict[tuple[str, str], Route] = {
    ("GET", f"{PREFIX}/health"): _once(_read("/health"), anyone()),
    ("GET", f"{PREFIX}/ready"): _once(_read("/ready"), anyone()),
    ("GET", f"{PREFIX}/events/stream"): _once(_stream, everyone()),
    ("POST", f"{PREFIX}/telephony/events"): _once(
        _call_event, {ANONYMOUS: 401, Role.ADVOCATE: 403, Role.LEAD: 403, Role.ADMIN: 403}
    ),
    ("GET", f"{PREFIX}/integrations"): _once(_read("/integrations"), admins()),
    ("DELETE", f"{PREFIX}/integrations/{{integration_id}}"): _once(_revoke_integration, admins()),
    ("POST", f"{PREFIX}/auth/token"): _once(_sign_in, anyone()),
    ("DELETE", f"{PREFIX}/auth/token"): _once(_sign_out, everyone(204)),
    ("GET", f"{PREFIX}/me"): _once(_read("/me"), everyone()),
    ("GET", f"{PREFIX}/customers"): _once(_read("/customers", q="Maria"), everyone()),
    ("GET", f"{PREFIX}/customers/{{customer_id}}/history"): _once(
        _read("/customers/{customer_id}/history"), everyone()
    ),
    ("POST", f"{PREFIX}/customers/import"): _once(_import, leads(201)),
    ("GET", f"{PREFIX}/changes"): _once(_read("/changes"), everyone()),
    ("GET", f"{PREFIX}/releases/{{channel}}"): _once(_release, everyone()),
    ("GET", f"{PREFIX}/resources"): _once(_read("/resources"), everyone()),
    ("GET", f"{PREFIX}/resources/ranking"): _once(
        _read("/resources/ranking", category="product failure"), everyone()
    ),
}
for _path in CHANGES:
    MATRIX |= _record_routes(_path)
MATRIX |= {
    ("GET", f"{PREFIX}/conferences"): _once(_read("/conferences"), everyone()),
    ("POST", f"{PREFIX}/conferences"): _once(_start_conference, everyone(201)),
    ("GET", f"{PREFIX}/conferences/{{conference_id}}"): Route(
        _conference_route("GET"), _own_or_leads()
    ),
    ("DELETE", f"{PREFIX}/conferences/{{conference_id}}"): Route(
        _conference_route("DELETE"), _own_or_leads()
    ),
    ("POST", f"{PREFIX}/conferences/{{conference_id}}/legs"): Route(
        _conference_route("POST", "/legs", {"target": "+18005550111"}), _own_or_leads(201)
    ),
    ("PATCH", f"{PREFIX}/conferences/{{conference_id}}/legs/{{leg_id}}"): Route(
        _conference_route("PATCH", "/legs/{leg_id}", {"muted": True}), _own_or_leads()
    ),
}
MATRIX[("PUT", f"{PREFIX}/cases/{{case_id}}/presence")] = _once(_presence("put"), everyone())
MATRIX[("DELETE", f"{PREFIX}/cases/{{case_id}}/presence")] = _once(
    _presence("delete"), everyone(204)
)
MATRIX[("POST", f"{PREFIX}/cases/{{record_id}}/reopen")] = Route(
    _reopen,
    (
        Situation(OWN, everyone()),
        Situation(THEIRS, leads()),
        Situation(UNASSIGNED, everyone()),
    ),
)
MATRIX |= {
    ("GET", f"{PREFIX}/users"): _once(permission_people.list_users, admins()),
    ("POST", f"{PREFIX}/users"): _once(permission_people.add_user, admins(201)),
    ("GET", f"{PREFIX}/users/{{user_id}}"): _once(permission_people.get_user, admins()),
    ("PATCH", f"{PREFIX}/users/{{user_id}}"): _once(permission_people.change_user, admins()),
    ("POST", f"{PREFIX}/users/{{user_id}}/password"): _once(
        permission_people.reset_password, admins(204)
    ),
    ("POST", f"{PREFIX}/users/{{user_id}}/sign-out-everywhere"): _once(
        permission_people.sign_out_everywhere, admins()
    ),
    ("POST", f"{PREFIX}/me/password"): _once(permission_people.change_my_password, everyone(204)),
    ("GET", f"{PREFIX}/reports/scorecard"): Route(
        permission_people.scorecard, (Situation(OWN, everyone()), Situation(THEIRS, leads()))
    ),
    ("GET", f"{PREFIX}/reports/team"): _once(permission_people.report("/reports/team"), leads()),
    ("GET", f"{PREFIX}/reports/broken-products"): _once(
        permission_people.report("/reports/broken-products"), everyone()
    ),
    ("GET", f"{PREFIX}/reports/broken-products/{{model_number}}/cases"): _once(
        permission_people.report("/reports/broken-products/{model}/cases"), everyone()
    ),
    ("GET", f"{PREFIX}/reports/resources"): _once(
        permission_people.report("/reports/resources"), everyone()
    ),
}
MATRIX |= {
    ("GET", f"{PREFIX}/me/authority"): _once(_read("/me/authority"), everyone()),
    ("GET", f"{PREFIX}/users/{{user_id}}/authority"): _once(
        permission_approvals.read_limits, leads()
    ),
    ("PUT", f"{PREFIX}/users/{{user_id}}/authority"): _once(
        permission_approvals.set_limits, leads()
    ),
    ("POST", f"{PREFIX}/approvals"): _once(permission_approvals.ask, everyone(201)),
    ("GET", f"{PREFIX}/approvals"): _once(_read("/approvals"), everyone()),
    ("GET", f"{PREFIX}/approvals/{{approval_id}}"): Route(
        permission_approvals.read_approval, (Situation(OWN, everyone()), Situation(THEIRS, leads()))
    ),
    # Never by the one who asked, whatever their role.
    ("PATCH", f"{PREFIX}/approvals/{{approval_id}}"): Route(
        permission_approvals.decide,
        (
            Situation(OWN, {ANONYMOUS: 401, Role.ADVOCATE: 403, Role.LEAD: 403, Role.ADMIN: 403}),
            Situation(THEIRS, leads()),
        ),
    ),
}


# --- the tests ------------------------------------------------------------------------------


@cache
def openapi_routes() -> list[tuple[str, str]]:
    """(method, path) of every operation in the OpenAPI document the server publishes."""
    # A file, not "sqlite://": the pool metrics read a file database's pool size.
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/openapi.sqlite"
        app = create_app(CentralSettings(database_url=url, migrate_on_startup=False))
        try:
            document = app.openapi()
        finally:
            app.state.database.dispose()
    return [(method.upper(), path) for path, item in document["paths"].items() for method in item]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """One test per route of the OpenAPI document (known to MATRIX or not)."""
    if "route" in metafunc.fixturenames:
        routes = openapi_routes()
        metafunc.parametrize("route", routes, ids=[f"{m} {p}" for m, p in routes])


@pytest.fixture
def database_url(sqlite_url) -> str:
    """SQLite only: who may do what is decided in Python, the same on both databases, and
    the matrix is the suite's longest file (161 routes, each as four roles); PostgreSQL's
    answers to every route are checked by test_fuzzing.py, its permissions by the other
    tests of this folder."""
    return sqlite_url


@pytest.fixture
def world(api) -> World:
    """A fresh server with a colleague and a customer to work on."""
    return World.made(api)


def test_every_route_answers_every_role_as_the_matrix_says(world, route):
    entry = MATRIX.get(route)
    if entry is None:
        pytest.fail(
            f"{route[0]} {route[1]} is not in the permission matrix: add it to MATRIX in"
            " tests/central/test_permissions.py, saying what each role gets there (signed"
            " out, advocate, lead, admin; on their own record and on someone else's)."
        )
    wrong = []
    for situation in entry.situations:
        for who in WHO:
            response = entry.send(world, who, situation)
            wanted = situation.expect[who]
            got = response.status_code
            if got != wanted:
                wrong.append(f"{situation.name}, as {who}: {got} (wanted {wanted}) {response.text}")
            elif got in (401, 403) and not response.json().get("detail"):
                wrong.append(f"{situation.name}, as {who}: {got} without a reason")
    assert not wrong, "\n".join(wrong)


def test_the_matrix_lists_no_route_the_server_lacks():
    assert set(MATRIX) - set(openapi_routes()) == set()
