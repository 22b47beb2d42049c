"""The account commands of ``advocate-central``: the same rules as the ``/users`` routes,
for an administrator at the server's shell (the first admin is made this way)."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable

from advocate_console.central.auth.service import (
    AdvocateExists,
    WeakPassword,
    create_advocate,
    set_password_by_admin,
)
from advocate_console.central.core.database import Database, prepare_database
from advocate_console.central.core.errors import ApiError
from advocate_console.domain import Role

from . import service
from .schemas import UserChanges, UserOut

EXIT_OK = 0
EXIT_FAILED = 1
ROLES = [role.value for role in Role]
PASSWORD_HELP = "the password is prompted for, or read from the first line of stdin"


def add_commands(
    commands: argparse._SubParsersAction, common: argparse.ArgumentParser
) -> dict[str, Callable[[str, argparse.Namespace], int]]:
    """Add the account commands to ``commands``; returns each one's function by name."""
    user = commands.add_parser(
        "create-user",
        parents=[common],
        help=f"add a user (at least 12 characters, not a common password); {PASSWORD_HELP}",
    )
    user.add_argument("name", help="user name to sign in with")
    user.add_argument("--role", required=True, choices=ROLES)
    user.add_argument("--display-name", default=None, help="name shown in the console")

    commands.add_parser("list-users", parents=[common], help="list every user")

    change = commands.add_parser(
        "change-user", parents=[common], help="rename, change the role of, disable or enable"
    )
    change.add_argument("name")
    change.add_argument("--display-name", default=None)
    change.add_argument("--role", choices=ROLES, default=None)
    state = change.add_mutually_exclusive_group()
    state.add_argument(
        "--disable",
        action="store_true",
        help="sign-ins refused; every console of the user erases its local data",
    )
    state.add_argument("--enable", action="store_true")

    reset = commands.add_parser(
        "reset-password",
        parents=[common],
        help=f"set a password the user must change at the next sign-in; {PASSWORD_HELP}",
    )
    reset.add_argument("name")

    everywhere = commands.add_parser(
        "sign-out-everywhere", parents=[common], help="sign out every token of a user"
    )
    everywhere.add_argument("name")
    everywhere.add_argument(
        "--wipe",
        action="store_true",
        help="also order every console of the user to erase its local data",
    )
    return {
        "create-user": _create_user,
        "list-users": _list_users,
        "change-user": _change_user,
        "reset-password": _reset_password,
        "sign-out-everywhere": _sign_out_everywhere,
    }


def _create_user(url: str, args: argparse.Namespace) -> int:
    password = _read_password(f"Password for {args.name}: ")
    if password is None:
        return EXIT_FAILED
    with _database(url) as db:
        try:
            advocate = create_advocate(db, args.name, password, Role(args.role), args.display_name)
        except (AdvocateExists, WeakPassword) as error:
            return _fail(str(error))
    print(f"Created {advocate.role} “{advocate.username}”.", file=sys.stderr)
    return EXIT_OK


def _list_users(url: str, _args: argparse.Namespace) -> int:
    with _database(url) as db:
        users, after = [], None
        while page := service.list_users(db, after, 1000):
            users += page
            after = page[-1].id
    for user in sorted(users, key=lambda u: u.username.casefold()):
        print(_describe(user))
    return EXIT_OK


def _change_user(url: str, args: argparse.Namespace) -> int:
    disabled = True if args.disable else False if args.enable else None
    changes = UserChanges(display_name=args.display_name, role=args.role, disabled=disabled)
    with _database(url) as db:
        user = _user(db, args.name)
        if user is None:
            return _fail(f"There is no user called “{args.name}”.")
        changed = service.change_user(db, user.id, changes)
    print(f"Changed: {_describe(changed)}", file=sys.stderr)
    return EXIT_OK


def _reset_password(url: str, args: argparse.Namespace) -> int:
    with _database(url) as db:
        user = _user(db, args.name)
        if user is None:
            return _fail(f"There is no user called “{args.name}”.")
        password = _read_password(f"New password for {args.name}: ")
        if password is None:
            return EXIT_FAILED
        set_password_by_admin(db, user.id, password)
    print(
        f"Password of “{args.name}” set; they choose a new one at their next sign-in.",
        file=sys.stderr,
    )
    return EXIT_OK


def _sign_out_everywhere(url: str, args: argparse.Namespace) -> int:
    with _database(url) as db:
        user = _user(db, args.name)
        if user is None:
            return _fail(f"There is no user called “{args.name}”.")
        count = service.sign_out_everywhere(db, user.id, wipe=args.wipe)
    wiped = "; their consoles erase their local data" if args.wipe else ""
    sessions = "session" if count == 1 else "sessions"
    print(f"Signed “{args.name}” out of {count} {sessions}{wiped}.", file=sys.stderr)
    return EXIT_OK


class _database:
    """A migrated database for one command, closed after it; ApiError becomes a message."""

    def __init__(self, url: str) -> None:
        prepare_database(url)
        self.db = Database(url)

    def __enter__(self) -> Database:
        return self.db

    def __exit__(self, kind: type | None, error: BaseException | None, _tb: object) -> bool:
        self.db.dispose()
        if isinstance(error, ApiError):
            raise ValueError(error.detail) from None
        return False


def _user(db: Database, name: str) -> UserOut | None:
    return service.user_named(db, name)


def _describe(user: UserOut) -> str:
    flags = [
        flag
        for flag, on in (
            ("disabled", user.disabled),
            ("must change password", user.password_change_required),
        )
        if on
    ]
    extra = f" ({', '.join(flags)})" if flags else ""
    return f"{user.username}\t{user.role.value}\t{user.display_name}{extra}"


def _read_password(prompt: str) -> str | None:
    if sys.stdin.isatty():
        password = getpass.getpass(prompt)
        if password != getpass.getpass("Once more: "):
            _fail("the passwords differ.")
            return None
        return password
    return sys.stdin.readline().rstrip("\r\n")


def _fail(message: str) -> int:
    print(f"advocate-central: {message}", file=sys.stderr)
    return EXIT_FAILED
