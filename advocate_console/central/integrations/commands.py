"""``advocate-central`` commands for phone systems: integration keys and extensions."""

from __future__ import annotations

import argparse
import sys

from advocate_console.central.core.database import prepare_database

EXIT_OK = 0
EXIT_FAILED = 1


def add_integration_commands(commands, common: argparse.ArgumentParser) -> None:
    """create-integration, list-integrations, revoke-integration and map-extension."""
    integration = commands.add_parser(
        "create-integration",
        parents=[common],
        help="a key for a phone system to post call events with; printed once, as the last line",
    )
    integration.add_argument("name", help="which phone system, e.g. pbx-berlin")
    commands.add_parser(
        "list-integrations", parents=[common], help="the phone systems' integrations"
    )
    revoke = commands.add_parser(
        "revoke-integration", parents=[common], help="revoke a phone system's key at once"
    )
    revoke.add_argument("name", help="the integration's name or id")
    extension = commands.add_parser(
        "map-extension",
        parents=[common],
        help="calls the phone system posts for this extension pop on this user's console",
    )
    extension.add_argument("extension")
    extension.add_argument("user", help="user name")


INTEGRATION_COMMANDS = {
    "create-integration",
    "list-integrations",
    "revoke-integration",
    "map-extension",
}


def run_integration_command(url: str, args: argparse.Namespace) -> int:
    """Run one of INTEGRATION_COMMANDS; the exit status."""
    from advocate_console.central.calls.service import map_extension
    from advocate_console.central.core.database import Database

    from .service import (
        IntegrationExists,
        create_integration,
        list_integrations,
        revoke_integration,
    )

    prepare_database(url)
    db = Database(url)
    try:
        if args.command == "create-integration":
            try:
                integration, key = create_integration(db, args.name)
            except IntegrationExists as error:
                print(f"advocate-central: {error}", file=sys.stderr)
                return EXIT_FAILED
            print(
                f"Created integration “{integration.name}” ({integration.id}). Its key,"
                " shown only now:",
                file=sys.stderr,
            )
            print(key)
        elif args.command == "list-integrations":
            for found in list_integrations(db):
                revoked = (
                    f"revoked {found.revoked_at:%Y-%m-%d %H:%M}" if found.revoked_at else "active"
                )
                print(f"{found.name}\t{found.id}\t{found.created_at:%Y-%m-%d}\t{revoked}")
        elif args.command == "revoke-integration":
            revoked = revoke_integration(db, args.name)
            print(f"Revoked integration “{revoked.name}”.", file=sys.stderr)
        else:
            map_extension(db, args.extension, args.user)
            print(f"Extension {args.extension} rings for {args.user}.", file=sys.stderr)
    finally:
        db.dispose()
    return EXIT_OK
