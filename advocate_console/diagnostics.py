"""Help ▸ Save diagnostics: one zip an advocate sends IT when something went wrong.

``advocate-console-diagnostics-<date>-<time>.zip`` in the advocate's Documents folder
holds ``summary.json`` (versions of the console, Python, Qt and the system; the
self-test's line and exit code; the settings in force, each with where it came from,
what is locked and every problem; the sync state, the outbox's counts, the change-feed
cursor and how many records the local store holds), ``settings/`` (IT's file and the
advocate's, as written, any line that looks like a secret taken out) and ``logs/`` (the
newest log files, up to :data:`LOG_BYTES`).

Nothing of a customer and no token: none is logged, the log is written redacted and is
redacted again here, and the summary holds counts, not records. Built on a worker
thread: it runs the self-test in a process of its own (a few seconds).
"""

from __future__ import annotations

import json
import os
import platform
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

import platformdirs

from advocate_console import __version__
from advocate_console.check_settings import diagnostic
from advocate_console.logs import log_files, redact
from advocate_console.settings import OPTIONS, looks_secret
from advocate_console.settings_layers import SettingsLayers

if TYPE_CHECKING:
    from advocate_console.store import Store
    from advocate_console.sync import SyncStatus

_ASSIGNMENT = re.compile(r"""^\s*["']?([\w.-]+)["']?\s*=""")
LOG_BYTES = 2_000_000  # the recent log: about the last two files
SELF_TEST_TIMEOUT_S = 180


@dataclass(frozen=True)
class DiagnosticsInput:
    """What the running console knows that goes into the zip."""

    layers: SettingsLayers
    store: Store | None = None
    sync_status: SyncStatus | None = None
    log_folder: Path | None = None  # default: where the log is being written


def default_folder() -> Path:
    """Where the zip goes: the advocate's Documents folder (their home without one)."""
    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()


def write_diagnostics(what: DiagnosticsInput, folder: Path | None = None) -> Path:
    """Write the zip into ``folder`` and return its path. On a worker thread."""
    folder = folder or default_folder()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = folder / f"advocate-console-diagnostics-{stamp}.zip"
    code, line = run_self_test()
    summary = {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "versions": versions(),
        "self_test": {"exit_code": code, "line": redact(line)},
        "settings": settings_summary(what.layers),
        "sync": sync_summary(what.store, what.sync_status),
    }
    partial = path.with_suffix(".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("summary.json", json.dumps(summary, indent=2, ensure_ascii=False))
        for name, file in (("managed", what.layers.managed_path), ("user", what.layers.user_path)):
            text = settings_text(file)
            if text is not None:
                archive.writestr(f"settings/{name}.toml", text)
        budget = LOG_BYTES
        for log in log_files(what.log_folder):
            if budget <= 0:
                break
            data = _tail(log, budget)
            budget -= len(data)
            archive.writestr(f"logs/{log.name}", redact(data.decode("utf-8", "replace")))
    partial.replace(path)  # never a half-written zip under the name the advocate is given
    return path


def run_self_test() -> tuple[int | None, str]:
    """``advocate-console --self-test`` in a process of its own, offscreen: its exit code
    (None when it could not run) and its line."""
    if getattr(sys, "frozen", False):
        command = [sys.executable, "--self-test"]
    else:
        command = [sys.executable, "-m", "advocate_console", "--self-test"]
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}  # no window on the advocate's screen
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=SELF_TEST_TIMEOUT_S, env=env
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return None, f"the self-test could not run: {error}"
    lines = done.stdout.strip().splitlines()
    return done.returncode, lines[-1] if lines else done.stderr.strip()[-2000:]


def versions() -> dict[str, Any]:
    """The console's, Python's, Qt's and the system's versions, and how it was built."""
    import PySide6
    from PySide6.QtCore import QLocale, qVersion

    from advocate_console.telephony import SIP_AVAILABLE

    return {
        "console": __version__,
        "frozen": bool(getattr(sys, "frozen", False)),
        "python": platform.python_version(),
        "qt": qVersion(),
        "pyside6": PySide6.__version__,
        "system": platform.platform(),
        "built_in_phone": SIP_AVAILABLE,
        "language": QLocale.system().name(),
    }


def settings_summary(layers: SettingsLayers) -> dict[str, Any]:
    """The settings in force, where each came from, what is locked and what is wrong."""
    return {
        "managed_file": str(layers.managed_path),
        "managed_file_exists": Path(layers.managed_path).is_file(),
        "user_file": str(layers.user_path),
        "fail_closed": layers.fail_closed,
        "locked": [key for key in OPTIONS if key in layers.locked],
        "problems": [redact(diagnostic(problem)) for problem in layers.problems],
        "values": {
            key: {"value": redact(layers.settings.text(key)), "from": layers.source(key)}
            for key in OPTIONS
        },
    }


def settings_text(path: PurePath) -> str | None:
    """A settings file as written, any line setting a secret-looking key taken out."""
    try:
        text = Path(path).read_bytes().decode("utf-8-sig", "replace")
    except OSError:
        return None
    kept = []
    for line in text.splitlines():
        found = _ASSIGNMENT.match(line)
        secret = found is not None and looks_secret(found[1])
        kept.append(f"# ({found[1]} taken out: it looks like a secret)" if secret else line)
    return redact("\n".join(kept) + "\n")


def sync_summary(store: Store | None, status: SyncStatus | None) -> dict[str, Any]:
    """Where sync stands: its state, the outbox's counts, the cursor, the local records."""
    summary: dict[str, Any] = {}
    if status is not None:
        summary |= {
            "state": str(status.state),
            "waiting": status.waiting,
            "conflicts": status.conflicts,
            "refused": status.refused,
            "last_sync": status.last_sync.isoformat() if status.last_sync else None,
            "last_error": redact(status.last_error) if status.last_error else None,
        }
    if store is None:
        return summary | {"local_store": "not open"}
    from advocate_console.domain import Collection
    from advocate_console.store import CallerDirectory, LocalChanges, Replica

    records = CallerDirectory(store)
    return summary | {
        "outbox": {str(state): count for state, count in LocalChanges(store).counts().items()},
        "cursor": Replica(store).cursor(),
        "local_records": {str(c): records.count(c) for c in Collection},
    }


def _tail(path: Path, limit: int) -> bytes:
    """The last ``limit`` bytes of ``path``, from the start of a line."""
    with path.open("rb") as file:
        size = file.seek(0, os.SEEK_END)
        file.seek(max(0, size - limit))
        data = file.read()
    if size > limit and b"\n" in data:
        data = data[data.index(b"\n") + 1 :]
    return data
