"""Accounts for admins: users listed, added, changed, disabled, signed out everywhere (with
the wipe order), passwords reset by an admin and changed by their owner, on SQLite and
PostgreSQL."""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa

from advocate_console.central.auth.models import AdvocateRow
from advocate_console.central.core.database import Database
from advocate_console.domain import Role

from .conftest import PASSWORD

USERS = "/api/v1/users"
TOKEN = "/api/v1/auth/token"
NEW_PASSWORD = "a kettle of teal herons"


def _sign_in(api, username: str, password: str = PASSWORD):
    return api.client.post(TOKEN, data={"username": username, "password": password})


def _bearer(api, username: str, password: str = PASSWORD) -> dict[str, str]:
    response = _sign_in(api, username, password)
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def _user_id(api, username: str) -> str:
    users = api.client.get(USERS, headers=api.auth(Role.ADMIN)).json()["items"]
    return next(user["id"] for user in users if user["username"] == username)


def _add(api, username: str, password: str = NEW_PASSWORD, role: str = "advocate"):
    body = {"username": username, "password": password, "role": role}
    return api.client.post(USERS, json=body, headers=api.auth(Role.ADMIN))


@pytest.mark.parametrize("role", [Role.ADVOCATE, Role.LEAD])
def test_only_admins_manage_accounts_and_others_are_told_why(api, role):
    someone = str(uuid.uuid4())
    calls = [
        ("GET", USERS, None),
        ("POST", USERS, {"username": "x", "password": NEW_PASSWORD}),
        ("GET", f"{USERS}/{someone}", None),
        ("PATCH", f"{USERS}/{someone}", {"disabled": True}),
        ("POST", f"{USERS}/{someone}/password", {"password": NEW_PASSWORD}),
        ("POST", f"{USERS}/{someone}/sign-out-everywhere", {"wipe": True}),
    ]
    for method, path, body in calls:
        response = api.client.request(method, path, json=body, headers=api.auth(role))
        assert response.status_code == 403, (method, path)
        assert response.json()["detail"] == (
            f"Only an admin may do this; you are signed in as a {role.value}."
            if role is Role.LEAD
            else "Only an admin may do this; you are signed in as an advocate."
        )


def test_an_admin_lists_and_adds_users_who_can_then_sign_in(api):
    listed = api.client.get(USERS, headers=api.auth(Role.ADMIN))
    assert listed.status_code == 200
    assert {u["username"]: u["role"] for u in listed.json()["items"]} == {
        "ada": "advocate",
        "lee": "lead",
        "ann": "admin",
    }
    assert "password_hash" not in listed.json()["items"][0]

    added = _add(api, "bea", role="lead")
    assert added.status_code == 201
    assert added.json() | {"id": None, "created_at": None} == {
        "id": None,
        "username": "bea",
        "display_name": "bea",
        "role": "lead",
        "disabled": False,
        "password_change_required": False,
        "created_at": None,
    }
    assert _sign_in(api, "bea", NEW_PASSWORD).json()["advocate"]["role"] == "lead"

    again = _add(api, "bea")
    assert again.status_code == 409
    assert "already a user called" in again.json()["detail"]


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("short pw", "at least 12 characters"),
        ("Password1234", "most common passwords"),
        ("qwertyuiop123", "most common passwords"),
        ("newcomer-bob", "must not be the user name"),
    ],
)
def test_a_weak_password_is_refused_with_a_clear_reason(api, password, reason):
    response = _add(api, "newcomer-bob", password)
    assert response.status_code == 422
    assert reason in response.json()["detail"]
    assert response.json()["problems"][0]["field"] == "password"
    assert reason in response.json()["problems"][0]["message"]


def test_an_admin_renames_and_changes_a_role_which_counts_at_once(api):
    ada = _user_id(api, "ada")
    changed = api.client.patch(
        f"{USERS}/{ada}",
        json={"display_name": "Ada Lovelace", "role": "lead"},
        headers=api.auth(Role.ADMIN),
    )
    assert changed.status_code == 200
    assert changed.json()["display_name"] == "Ada Lovelace"
    me = api.client.get("/api/v1/me", headers=api.auth(Role.ADVOCATE)).json()
    assert (me["display_name"], me["role"]) == ("Ada Lovelace", "lead")

    unknown = api.client.patch(
        f"{USERS}/{uuid.uuid4()}", json={"role": "lead"}, headers=api.auth(Role.ADMIN)
    )
    assert unknown.status_code == 404
    odd = api.client.patch(f"{USERS}/{ada}", json={"role": "boss"}, headers=api.auth(Role.ADMIN))
    assert odd.status_code == 422


def test_a_disabled_users_tokens_stop_at_once_with_the_wipe_order(api):
    ada = _user_id(api, "ada")
    live = api.auth(Role.ADVOCATE)
    assert api.client.get("/api/v1/me", headers=live).status_code == 200

    disabled = api.client.patch(
        f"{USERS}/{ada}", json={"disabled": True}, headers=api.auth(Role.ADMIN)
    )
    assert disabled.json()["disabled"] is True
    refused = api.client.get("/api/v1/customers", params={"q": "x"}, headers=live)
    assert refused.status_code == 401
    assert refused.json()["wipe"] is True
    assert "disabled" in refused.json()["detail"]

    # The right password gets the wipe order too; a wrong one learns nothing.
    assert _sign_in(api, "ada").status_code == 401
    assert _sign_in(api, "ada").json()["wipe"] is True
    assert _sign_in(api, "ada", "not the password").json()["wipe"] is False

    api.client.patch(f"{USERS}/{ada}", json={"disabled": False}, headers=api.auth(Role.ADMIN))
    again = _bearer(api, "ada")
    assert api.client.get("/api/v1/me", headers=again).status_code == 200
    # The tokens of before stay revoked, with the order: that laptop still erases its copy.
    assert api.client.get("/api/v1/me", headers=live).json()["wipe"] is True


def test_the_last_active_admin_can_be_neither_disabled_nor_demoted(api):
    ann = _user_id(api, "ann")
    for change in ({"disabled": True}, {"role": "lead"}):
        response = api.client.patch(f"{USERS}/{ann}", json=change, headers=api.auth(Role.ADMIN))
        assert response.status_code == 409
        assert "only active admin" in response.json()["detail"]
    _add(api, "second-admin", role="admin")
    demoted = api.client.patch(
        f"{USERS}/{ann}", json={"role": "lead"}, headers=api.auth(Role.ADMIN)
    )
    assert demoted.status_code == 200


@pytest.mark.parametrize("wipe", [False, True])
def test_sign_out_everywhere_revokes_every_token_of_that_user_only(api, wipe):
    ada = _user_id(api, "ada")
    laptop, phone = api.auth(Role.ADVOCATE), _bearer(api, "ada")
    colleague = api.auth(Role.LEAD)

    response = api.client.post(
        f"{USERS}/{ada}/sign-out-everywhere", json={"wipe": wipe}, headers=api.auth(Role.ADMIN)
    )
    assert response.json() == {"signed_out": 2, "wipe": wipe}
    for headers in (laptop, phone):
        refused = api.client.get("/api/v1/me", headers=headers)
        assert refused.status_code == 401
        assert refused.json()["wipe"] is wipe
    assert api.client.get("/api/v1/me", headers=colleague).status_code == 200
    # Not disabled: the user signs in again, with a token that works.
    assert api.client.get("/api/v1/me", headers=_bearer(api, "ada")).status_code == 200


def test_sign_out_everywhere_without_a_body_keeps_the_local_data(api):
    ada = _user_id(api, "ada")
    response = api.client.post(f"{USERS}/{ada}/sign-out-everywhere", headers=api.auth(Role.ADMIN))
    assert response.json() == {"signed_out": 1, "wipe": False}
    refused = api.client.get("/api/v1/me", headers=api.auth(Role.ADVOCATE))
    assert refused.status_code == 401
    assert refused.json()["wipe"] is False


def test_an_admin_reset_makes_the_user_choose_a_new_password_first(api):
    ada = _user_id(api, "ada")
    reset = api.client.post(
        f"{USERS}/{ada}/password", json={"password": "temporary for ada"}, headers=api.auth()
    )
    assert reset.status_code == 403  # not by herself
    reset = api.client.post(
        f"{USERS}/{ada}/password",
        json={"password": "temporary for ada"},
        headers=api.auth(Role.ADMIN),
    )
    assert reset.status_code == 204
    assert api.client.get("/api/v1/me", headers=api.auth()).status_code == 401  # signed out
    assert _sign_in(api, "ada").status_code == 401  # the old password is gone

    signed = _sign_in(api, "ada", "temporary for ada").json()
    assert signed["password_change_required"] is True
    headers = {"Authorization": f"Bearer {signed['access_token']}"}
    assert api.client.get("/api/v1/me", headers=headers).status_code == 200
    blocked = api.client.get("/api/v1/customers", params={"q": "x"}, headers=headers)
    assert blocked.status_code == 403
    assert "choose a new one first" in blocked.json()["detail"]

    changed = api.client.post(
        "/api/v1/me/password",
        json={"current_password": "temporary for ada", "new_password": NEW_PASSWORD},
        headers=headers,
    )
    assert changed.status_code == 204
    assert api.client.get("/api/v1/customers", params={"q": "x"}, headers=headers).is_success
    assert _sign_in(api, "ada", NEW_PASSWORD).json()["password_change_required"] is False


def test_users_change_their_own_password_and_their_other_sessions_end(api):
    this, other = _bearer(api, "ada"), _bearer(api, "ada")
    wrong = api.client.post(
        "/api/v1/me/password",
        json={"current_password": "guess", "new_password": NEW_PASSWORD},
        headers=this,
    )
    assert wrong.status_code == 403
    assert wrong.json()["problems"] == [{"field": "current_password", "message": "is not right"}]
    assert wrong.json()["code"] == "current_password_wrong"
    weak = api.client.post(
        "/api/v1/me/password",
        json={"current_password": PASSWORD, "new_password": "password1234"},
        headers=this,
    )
    assert weak.status_code == 422
    assert weak.json()["problems"][0]["field"] == "new_password"
    assert (weak.json()["code"], weak.json()["values"]) == ("weak_password", ["too_common"])
    same = api.client.post(
        "/api/v1/me/password",
        json={"current_password": PASSWORD, "new_password": PASSWORD},
        headers=this,
    )
    assert same.status_code == 422

    changed = api.client.post(
        "/api/v1/me/password",
        json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
        headers=this,
    )
    assert changed.status_code == 204
    assert api.client.get("/api/v1/me", headers=this).status_code == 200
    assert api.client.get("/api/v1/me", headers=other).status_code == 401
    assert _sign_in(api, "ada").status_code == 401
    assert _sign_in(api, "ada", NEW_PASSWORD).status_code == 200


# Made by the previous version, which hashed with scrypt.
OLD_PASSWORD = "an old scrypt-hashed passphrase"
OLD_HASH = "scrypt$16384$8$1$tpMaydbwveuf3hhFZTWRaQ==$OUNLsl8yxY6+ZhKE1hCH0aoX9g28TEMLXZFuGmASisE="


def _stored_hash(url: str, username: str) -> str:
    db = Database(url)
    try:
        with db.read() as session:
            return session.scalar(
                sa.select(AdvocateRow.password_hash).where(AdvocateRow.username == username)
            )
    finally:
        db.dispose()


def test_an_older_scrypt_hash_becomes_argon2id_at_the_next_sign_in(api):
    db = Database(api.url)
    with db.write() as session:
        session.execute(
            sa.update(AdvocateRow)
            .where(AdvocateRow.username == "lee")
            .values(password_hash=OLD_HASH)
        )
    db.dispose()
    assert _sign_in(api, "lee", "not it").status_code == 401
    assert _stored_hash(api.url, "lee") == OLD_HASH  # a failed sign-in changes nothing

    assert _sign_in(api, "lee", OLD_PASSWORD).status_code == 200
    rehashed = _stored_hash(api.url, "lee")
    assert rehashed.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert _sign_in(api, "lee", OLD_PASSWORD).status_code == 200
    assert _stored_hash(api.url, "lee") == rehashed  # once only


def test_new_passwords_are_hashed_with_argon2id(api):
    _add(api, "bea")
    assert _stored_hash(api.url, "bea").startswith("$argon2id$")
