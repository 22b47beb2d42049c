"""The console's log: the terminal, and a rotating file in the platform's log folder.

The file is ``advocate-console.log`` in ``platformdirs.user_log_dir("advocate-console")``:
``~/.local/state/advocate-console/log`` on Linux, ``%LOCALAPPDATA%\\advocate-console\\Logs``
on Windows, ``~/Library/Logs/advocate-console`` on macOS. It is kept to
:data:`MAX_BYTES`, with :data:`BACKUPS` older files beside it (``.1`` the newest), so a
month of use leaves a few megabytes at most.

**Never a token, a password or a customer's personal data.** The console logs ids,
counts and reasons, not records; the SQL logger (whose lines carry the data) is kept
quiet even with ``--verbose``; and every line, tracebacks included, goes through
:func:`redact` before it is written, which takes out bearer tokens, ``password=``-like
values, URL queries, e-mail addresses, phone numbers and the values pydantic quotes in
its errors, should any slip through.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

import platformdirs

from advocate_console.settings import APP_NAME

FILE_NAME = "advocate-console.log"
MAX_BYTES = 1_000_000
BACKUPS = 4
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_HANDLER_NAME = "advocate-console"  # ours, to replace or remove them again

_REDACTIONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?i)\b(bearer)\s+[A-Za-z0-9._~+/=-]+"), r"\1 [redacted]"),
    (
        re.compile(
            r"(?i)\b([\w-]*(?:token|password|passwd|secret|api[_-]?key|authorization)[\w-]*)"
            r"(['\"]?\s*[:=]\s*)(['\"]?)[^\s'\"&,;)}\]]+"
        ),
        r"\1\2\3[redacted]",
    ),
    (re.compile(r"input_value=.*?(?=, input_type=|\]$|$)", re.MULTILINE), "input_value=[redacted]"),
    (re.compile(r"(/[^\s?'\"<>]*)\?[^\s'\"<>]+"), r"\1?[query]"),
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[e-mail]"),
    (re.compile(r"(?<![\w+])\+\d{7,15}\b"), "[phone]"),
    (re.compile(r"(?<![\w-])\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b"), "[phone]"),
    (re.compile(r"\b1-8\d\d-[A-Z0-9-]{7,}\b"), "[phone]"),
]


def redact(text: str) -> str:
    """``text`` without tokens, passwords, URL queries, e-mail addresses, phone numbers."""
    for pattern, replacement in _REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFormatter(logging.Formatter):
    """The usual line, tracebacks included, through :func:`redact`."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as one redacted line (and its traceback)."""
        return redact(super().format(record))


def log_folder() -> Path:
    """The platform's log folder for the console (made when logging starts)."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def start_logging(*, verbose: bool = False, folder: Path | None = None) -> Path | None:
    """Log to the terminal and to the rotating file; returns the file, or None when the
    folder cannot be made (then the terminal only, which says why). Safe to call again."""
    stop_logging()
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    # SQL lines carry the data they read and write; migrations are noise at each start.
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.INFO if verbose else logging.WARNING)
    formatter = RedactingFormatter(FORMAT)
    terminal = logging.StreamHandler()
    handlers: list[logging.Handler] = [terminal]
    path: Path | None = (folder or log_folder()) / FILE_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handlers.append(
            logging.handlers.RotatingFileHandler(
                path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
            )
        )
    except OSError as error:
        problem, path = error, None
    else:
        problem = None
    for handler in handlers:
        handler.set_name(_HANDLER_NAME)
        handler.setFormatter(formatter)
        root.addHandler(handler)
    if problem is not None:
        logging.getLogger(__name__).warning("No log file: %s", problem)
    return path


def stop_logging() -> None:
    """Take the console's handlers off again (and close the file)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if h.get_name() == _HANDLER_NAME]:
        root.removeHandler(handler)
        handler.close()


def current_folder() -> Path:
    """Where the log is being written now (the platform's log folder when it is not)."""
    for handler in logging.getLogger().handlers:
        if handler.get_name() == _HANDLER_NAME and isinstance(handler, logging.FileHandler):
            return Path(handler.baseFilename).parent
    return log_folder()


def log_files(folder: Path | None = None) -> list[Path]:
    """The log file and its older copies that exist, newest first (default: the log
    being written now)."""
    base = (folder or current_folder()) / FILE_NAME
    candidates = [base, *(base.with_name(f"{FILE_NAME}.{n}") for n in range(1, BACKUPS + 1))]
    return [path for path in candidates if path.is_file()]
