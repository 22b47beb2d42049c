"""``advocate-central``: serve the central API, run a conference bridge, seed demo data,
manage users, publish releases, manage phone systems' integration keys."""

from __future__ import annotations

import argparse
import atexit
import logging
import logging.config
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from .core.database import DatabaseUnavailable, prepare_database
from .core.settings import ENV_DATABASE, default_database_url
from .integrations.commands import (
    INTEGRATION_COMMANDS,
    add_integration_commands,
    run_integration_command,
)
from .seed import AlreadySeeded
from .users.commands import add_commands as add_account_commands

AccountCommand = Callable[[str, argparse.Namespace], int]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_DATABASE = 2


def _parser() -> tuple[argparse.ArgumentParser, dict[str, AccountCommand]]:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database",
        metavar="URL",
        default=None,
        help="SQLAlchemy URL, e.g. postgresql+psycopg://user@host/db (default:"
        " $ADVOCATE_CENTRAL_DATABASE, else a SQLite file in the user data dir)",
    )
    parser = argparse.ArgumentParser(
        prog="advocate-central", description="The Advocate Console reference central API server."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_serve(commands, common)
    commands.add_parser(
        "migrate",
        parents=[common],
        help="bring the database's schema up to this version (serve also does, at start)",
    )
    _add_seed(commands, common)
    _add_bridge(commands, common)
    _add_publish_release(commands, common)
    add_integration_commands(commands, common)
    return parser, add_account_commands(commands, common)


def _add_serve(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    serve = commands.add_parser("serve", parents=[common], help="serve the API over HTTP")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8765, help="port to listen on")
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="worker processes (uvicorn's), sharing the port; use PostgreSQL with more than 1",
    )
    serve.add_argument(
        "--pool-size",
        type=int,
        default=10,
        metavar="N",
        help="database connections per worker, as many again in bursts (default 10)",
    )
    serve.add_argument(
        "--keep-alive",
        type=int,
        default=75,
        metavar="SECONDS",
        help="how long an idle client connection stays open (default 75: a console that acts"
        " every few seconds reuses its connection instead of opening one each time)",
    )
    serve.add_argument(
        "--retention-days",
        type=float,
        default=7,
        metavar="DAYS",
        help="prune idempotency keys and spent tokens older than this (default 7)",
    )
    serve.add_argument(
        "--log-format", choices=["text", "json"], default="text", help="json: one object a line"
    )
    serve.add_argument(
        "--metrics-dir",
        metavar="DIR",
        default=None,
        help="where workers keep their metrics for /metrics (default: a fresh temporary folder)",
    )


def _add_seed(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    seed = commands.add_parser(
        "seed", parents=[common], help="fill an empty database with demo data"
    )
    seed.add_argument("--customers", type=int, required=True, metavar="N")
    seed.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    seed.add_argument(
        "--demo-users",
        action="store_true",
        help="also create the demo logins demo/demo and lead/lead (refused when the database"
        " has other users: never in a real deployment)",
    )


def _add_bridge(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    bridge = commands.add_parser(
        "bridge",
        parents=[common],
        help="run a conference bridge (several may run, on one database with the API)",
    )
    bridge.add_argument(
        "--listen",
        default="127.0.0.1:5080",
        metavar="ADDRESS:PORT",
        help="where its SIP listens (port 0: any free port)",
    )
    bridge.add_argument(
        "--registrar",
        default="",
        metavar="SIP_URI",
        help="the company's SIP server, e.g. sip:pbx.example.com",
    )
    bridge.add_argument(
        "--sip-domain",
        default="",
        metavar="DOMAIN",
        help="numbers are dialled through it (default: the registrar's host)",
    )
    bridge.add_argument("--name", default="", help="how the API names this bridge")
    bridge.add_argument(
        "--ring-timeout",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="a leg that rings this long counts as not answered",
    )
    bridge.add_argument(
        "--max-calls",
        type=int,
        default=4,
        metavar="N",
        help="calls at once over all its conferences: 4 with PyPI's pjsua2 (its build's"
        " PJSUA_MAX_CALLS); more only with a PJSIP built for more. A leg beyond waits"
        " for a free line",
    )
    bridge.add_argument(
        "--codec",
        action="append",
        default=[],
        metavar="ID",
        help="only these codecs, in order, e.g. PCMU/8000/1 (repeat)",
    )
    bridge.add_argument(
        "--dial-plan",
        default="",
        metavar="FILE",
        help="a JSON object of addresses and where to really dial them",
    )


def _add_publish_release(
    commands: argparse._SubParsersAction, common: argparse.ArgumentParser
) -> None:
    release = commands.add_parser(
        "publish-release",
        parents=[common],
        help="announce a release on a channel: consoles there show an update notice",
    )
    release.add_argument("--channel", required=True, help="e.g. stable or beta")
    release.add_argument("--version", required=True, help="e.g. 1.4.2")
    release.add_argument("--notes-url", required=True, help="the release notes, https://…")


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the exit status is 0 on success."""
    parser, accounts = _parser()
    args = parser.parse_args(argv)
    url = args.database or os.environ.get(ENV_DATABASE) or default_database_url()
    try:
        if args.command == "serve":
            return _serve(url, args)
        if args.command == "seed":
            return _seed(url, args.customers, args.seed, demo_users=args.demo_users)
        if args.command == "migrate":
            prepare_database(url)
            print(f"{_safe(url)} is up to date.", file=sys.stderr)
            return EXIT_OK
        if args.command in INTEGRATION_COMMANDS:
            return run_integration_command(url, args)
        if args.command == "bridge":
            return _bridge(url, args)
        if args.command == "publish-release":
            return _publish_release(url, args.channel, args.version, args.notes_url)
        return accounts[args.command](url, args)
    except DatabaseUnavailable as error:
        print(f"advocate-central: {error}", file=sys.stderr)
        return EXIT_DATABASE
    except (AlreadySeeded, ValueError) as error:
        print(f"advocate-central: {error}", file=sys.stderr)
        return EXIT_FAILED


def _serve(url: str, args: argparse.Namespace) -> int:
    """Migrate once, then run the workers (uvicorn's own: see README, Running the server)."""
    import uvicorn

    from .core.database import is_sqlite
    from .core.logs import log_config
    from .core.settings import ENV_POOL_SIZE, ENV_RETENTION_DAYS, settings_from_environment

    if min(args.workers, args.pool_size, args.keep_alive) < 1 or args.retention_days <= 0:
        raise ValueError(
            "--workers, --pool-size and --keep-alive must be at least 1, --retention-days above 0."
        )
    if args.workers > 1 and is_sqlite(url):
        raise ValueError("Several workers need PostgreSQL: SQLite has one writer at a time.")
    settings_from_environment()  # a setting that is wrong stops here, not in each worker
    prepare_database(url)  # once, before any worker starts
    os.environ[ENV_DATABASE] = url
    os.environ[ENV_POOL_SIZE] = str(args.pool_size)
    os.environ[ENV_RETENTION_DAYS] = str(args.retention_days)
    _prepare_metrics_dir(args.metrics_dir)
    logging.config.dictConfig(log_config(args.log_format))
    logging.getLogger(__name__).info(
        "serving %s on http://%s:%d, worker processes: %d",
        _safe(url),
        args.host,
        args.port,
        args.workers,
    )
    uvicorn.run(
        "advocate_console.central.app:app_from_environment",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_config=log_config(args.log_format),
        access_log=False,
        proxy_headers=True,  # behind the TLS proxy: the client's address, and https
        timeout_graceful_shutdown=10,
        # uvicorn's 5 s closed the connection of every console pausing longer between two
        # requests: each next one connected again (bench_load, 1,000 advocates acting every
        # 10 s: search p50 9 → 3 ms and p95 49 → 25 ms with 75 s as the client timed it).
        timeout_keep_alive=args.keep_alive,
        timeout_worker_healthcheck=30,  # a worker starting on a busy machine is not dead
    )
    return EXIT_OK


def _prepare_metrics_dir(chosen: str | None) -> None:
    # prometheus-client's multiprocess mode: every worker writes its figures here, and
    # the folder must start empty (old workers' files would be summed in).
    import shutil
    import tempfile

    folder = Path(chosen) if chosen else Path(tempfile.mkdtemp(prefix="advocate-metrics-"))
    if folder.exists():
        for stale in folder.glob("*.db"):
            stale.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(folder)
    if not chosen:
        atexit.register(shutil.rmtree, folder, True)


def _bridge(url: str, args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from .bridge.mixer import BridgeSettings
    from .bridge.runner import run_bridge

    host, _, port = args.listen.rpartition(":")
    if not host or not port.isdigit():
        print("advocate-central: --listen must be ADDRESS:PORT, e.g. 0.0.0.0:5080", file=sys.stderr)
        return EXIT_FAILED
    dial_plan = {}
    if args.dial_plan:
        try:
            dial_plan = json.loads(Path(args.dial_plan).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            print(f"advocate-central: --dial-plan: {error}", file=sys.stderr)
            return EXIT_FAILED
    prepare_database(url)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    settings = BridgeSettings(
        bind_address=host,
        port=int(port),
        registrar=args.registrar,
        sip_domain=args.sip_domain,
        ring_timeout_s=args.ring_timeout,
        max_calls=max(1, args.max_calls),
        codecs=tuple(args.codec),
        dial_plan=dial_plan,
    )
    return run_bridge(url, settings, args.name)


def _seed(url: str, customers: int, seed: int, *, demo_users: bool) -> int:
    from .seed import seed_database

    started = time.monotonic()

    def progress(done: int, total: int) -> None:
        print(f"\r{done:,} of {total:,} customers", end="", file=sys.stderr, flush=True)

    seed_database(url, customers, seed=seed, progress=progress, demo_users=demo_users)
    print(
        f"\nSeeded {customers:,} customers into {_safe(url)}"
        f" in {time.monotonic() - started:.1f} s.",
        file=sys.stderr,
    )
    return EXIT_OK


def _publish_release(url: str, channel: str, version: str, notes_url: str) -> int:
    from pydantic import ValidationError

    from .core.database import Database
    from .releases.schemas import PublishRelease
    from .releases.service import publish_release

    try:
        release = PublishRelease(channel=channel, version=version, notes_url=notes_url)
    except ValidationError as error:
        for problem in error.errors(include_url=False):
            where = ".".join(str(part) for part in problem["loc"]).replace("_", "-")
            print(f"advocate-central: --{where}: {problem['msg']}", file=sys.stderr)
        return EXIT_FAILED
    prepare_database(url)
    db = Database(url)
    try:
        published = publish_release(db, release)
    finally:
        db.dispose()
    print(
        f"Published {published.version} on “{published.channel}” ({published.notes_url}).",
        file=sys.stderr,
    )
    return EXIT_OK


def _safe(url: str) -> str:
    # Never print a password that came in the URL.
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "the database"


if __name__ == "__main__":
    sys.exit(main())
