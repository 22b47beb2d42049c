"""The command line: its options, the caller a screen pop names, and the commands
answered without a window (IT's settings check and preset, the self-test, erasing the
local data)."""

from __future__ import annotations

import argparse
import importlib.util
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from advocate_console import __version__, check_settings, self_test


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(
        prog="advocate-console", description="Customer advocate's console."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="run the reference server in the app with demo data, signed in as the demo advocate",
    )
    parser.add_argument(
        "--demo-customers",
        type=int,
        default=None,
        metavar="N",
        help="how many customers the demo data has (default 2000; first run of that size seeds)",
    )
    parser.add_argument(
        "--as",
        dest="demo_as",
        choices=("advocate", "lead"),
        default="advocate",
        help="with --demo: sign in as the demo's advocate (default) or its lead; a lead's "
        "console joins the demo server already running (or starts it)",
    )
    parser.add_argument("--server", help="the central API's address (overrides the settings)")
    parser.add_argument("--data-dir", help="keep the local store and demo data in this folder")
    parser.add_argument(
        "--caller",
        metavar="NUMBER",
        help="screen pop: show this caller (in the running console, or a new one)",
    )
    parser.add_argument(
        "url",
        nargs="?",
        help="screen pop by URL: advocate-console://call?number=+18005551234 (or tel:…)",
    )
    parser.add_argument(
        "--erase-local-data",
        action="store_true",
        help="erase this user's local store, drafts, card queue and saved sign-ins (as root:"
        " every user's local data), then exit",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    self_test.add_arguments(parser)
    check_settings.add_arguments(parser)
    return parser.parse_known_args(argv)[0]


def has_demo_server() -> bool:
    """True when this build carries the reference server (the [server] extra)."""
    try:
        return importlib.util.find_spec("fastapi") is not None
    except (ImportError, ValueError):  # left out of a frozen build, or blocked
        return False


def caller_to_pop(args: argparse.Namespace) -> tuple[str | None, str]:
    """The caller the command line asks to show, and why a URL could not be read."""
    from advocate_console.screen_pop import BadPopUrl, caller_from_url

    if args.caller:
        return args.caller.strip() or None, ""
    if not args.url:
        return None, ""
    try:
        return caller_from_url(args.url), ""
    except BadPopUrl as error:
        return None, str(error)


def answer_without_window(args: argparse.Namespace, argv: list[str]) -> int | None:
    """The exit code of a command that needs no window, or None to start the console."""
    if args.check_settings is not None:  # before Qt: IT runs it anywhere, at once
        return check_settings.run_check(args.check_settings)
    if args.preset_managed:  # the Debian package's postinst, with IT's debconf answers
        return check_settings.run_preset(args.preset_managed)
    if args.self_test:
        return self_test.run_self_test(argv, require_keyring=args.require_keyring)
    if args.erase_local_data:
        return erase_command(args)
    return None


def erase_command(args: argparse.Namespace) -> int:
    """``--erase-local-data``: this user's data folder (with their saved sign-ins), or,
    run as root, every user's data folder; prints what it did. Close the console first."""
    from advocate_console.auth import TokenVault
    from advocate_console.auth.erase import erase_local_data, every_users_data_folders
    from advocate_console.settings_layers import load_layers

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if hasattr(os, "geteuid") and os.geteuid() == 0 and not args.data_dir:
        try:
            folders, vault = every_users_data_folders(), None  # their keyrings are theirs
        except OSError as error:
            print(f"advocate-console: {error}", file=sys.stderr)
            return 1
    else:
        settings = load_layers().settings
        folders = [Path(args.data_dir) if args.data_dir else settings.data_dir]
        vault = TokenVault()
    problems = 0
    for folder in folders:
        erased = erase_local_data(folder, vault)
        files, entries = len(erased.files), erased.keyring_entries
        print(
            f"{folder}: {files} {'file' if files == 1 else 'files'} erased"
            + (
                f", {entries} keyring {'entry' if entries == 1 else 'entries'} removed"
                if vault
                else ""
            )
        )
        for problem in erased.problems:
            print(f"  could not erase {problem}", file=sys.stderr)
        problems += len(erased.problems)
    if not folders:
        print("No local data found.")
    return 1 if problems else 0
