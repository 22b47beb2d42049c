"""The permission matrix's rows for accounts and reports: who manages users, who changes
their own password, and whose scorecards each role reads."""

from __future__ import annotations

import uuid
from typing import Any

from advocate_console.central.auth.service import create_advocate
from advocate_console.central.core.database import Database
from advocate_console.domain import Role

from .conftest import PASSWORD
from .permission_world import COLLEAGUE, World

PREFIX = "/api/v1"
NEW_PASSWORD = "a longer passphrase nobody guesses"


def _throwaway(world: World) -> str:
    """A user of its own, so signing them out or resetting them leaves the world's be."""
    username = f"temp-{uuid.uuid4().hex[:8]}"
    db = Database(world.api.url)
    try:
        return str(create_advocate(db, username, PASSWORD, Role.ADVOCATE).id)
    finally:
        db.dispose()


def list_users(world: World, who: Any, _situation) -> Any:
    return world.api.client.get(f"{PREFIX}/users", headers=world.headers(who))


def add_user(world: World, who: Any, _situation) -> Any:
    body = {"username": f"new-{uuid.uuid4().hex[:8]}", "password": NEW_PASSWORD}
    return world.api.client.post(f"{PREFIX}/users", json=body, headers=world.headers(who))


def get_user(world: World, who: Any, _situation) -> Any:
    user_id = world.people[COLLEAGUE]["id"]
    return world.api.client.get(f"{PREFIX}/users/{user_id}", headers=world.headers(who))


def change_user(world: World, who: Any, _situation) -> Any:
    url = f"{PREFIX}/users/{world.people[COLLEAGUE]['id']}"
    body = {"display_name": f"Bea {uuid.uuid4().hex[:4]}"}
    return world.api.client.patch(url, json=body, headers=world.headers(who))


def reset_password(world: World, who: Any, _situation) -> Any:
    url = f"{PREFIX}/users/{_throwaway(world)}/password"
    return world.api.client.post(url, json={"password": NEW_PASSWORD}, headers=world.headers(who))


def sign_out_everywhere(world: World, who: Any, _situation) -> Any:
    url = f"{PREFIX}/users/{_throwaway(world)}/sign-out-everywhere"
    return world.api.client.post(url, json={"wipe": False}, headers=world.headers(who))


def change_my_password(world: World, who: Any, _situation) -> Any:
    # Changed and changed back, so the role signs in with the usual password afterwards.
    url = f"{PREFIX}/me/password"
    there = {"current_password": PASSWORD, "new_password": NEW_PASSWORD}
    answer = world.api.client.post(url, json=there, headers=world.headers(who))
    if answer.status_code == 204:
        back = {"current_password": NEW_PASSWORD, "new_password": PASSWORD}
        again = world.api.client.post(url, json=back, headers=world.headers(who))
        assert again.status_code == 204, again.text
    return answer


def scorecard(world: World, who: Any, situation) -> Any:
    """One's own scorecard, or (situation "someone else's") the colleague's."""
    own = situation.name == "own"
    query = {} if own else {"advocate_id": world.people[COLLEAGUE]["id"]}
    url = f"{PREFIX}/reports/scorecard"
    return world.api.client.get(url, params=query, headers=world.headers(who))


def report(path: str):
    """A report read as ``who`` (``{model}``: the world's product's model number)."""

    def send(world: World, who: Any, _situation) -> Any:
        url = PREFIX + path.format(model=world.product["model_number"])
        return world.api.client.get(url, headers=world.headers(who))

    return send
