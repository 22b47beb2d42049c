"""IT's settings files from the command line, without starting the GUI.

``advocate-console --check-settings [FILE]``: is a settings file good, before IT rolls it
out? It is read exactly as the console reads it, without starting the GUI (nothing of Qt
is imported), and each problem is printed as ``FILE:LINE:COL: message``, then what the
file would lock and to which value. Exit code 0 when good, 1 otherwise.

``FILE`` is read as IT's managed file, unless it is the user's own ``settings.toml``.
Without ``FILE``: this computer's managed file and the current user's, as the console
would merge them.

``advocate-console --preset-managed FILE KEY=VALUE...``: set values (and ``locked=a,b``)
in IT's file, keeping its other lines; nothing is written when a value is wrong. The
Debian package runs it with the answers IT preseeded in debconf.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from advocate_console.settings import OPTIONS, default_config_file, default_text
from advocate_console.settings_file import preset_managed, toml_value
from advocate_console.settings_layers import (
    SettingsProblem,
    load_layers,
    read_managed,
    read_user,
)

EXIT_GOOD = 0
EXIT_PROBLEMS = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The option on the app's command line."""
    parser.add_argument(
        "--check-settings",
        nargs="?",
        const="",
        metavar="FILE",
        help="check a settings file (default: this computer's managed file and yours) "
        "without starting the console: each problem as FILE:LINE:COL: message, then what "
        "it locks; exit 0 good, 1 problems",
    )
    parser.add_argument(
        "--preset-managed",
        nargs="+",
        metavar="FILE KEY=VALUE",
        help="set values (locked=a,b for the locks) in IT's settings FILE, keeping its other "
        "lines; nothing is written if a value is wrong: exit 0 done, 1 problems",
    )


def run_check(file: str = "", out: TextIO | None = None) -> int:
    """Check ``file`` ("" for this computer's files), print the findings, return the exit code."""
    out = out or sys.stdout
    if not file:
        layers = load_layers()
        problems = list(layers.problems)
        values = {key: layers.settings.text(key) for key in layers.locked}
        subject = "this computer's settings"
        for path, what in (
            (layers.managed_path, "managed settings file"),
            (layers.user_path, "settings file of yours"),
        ):
            if not Path(path).exists():
                print(f"{path}: no {what} here", file=out)
    else:
        subject = file
        if not Path(file).exists():
            print(f"{subject}:1:1: there is no such file", file=out)
            return EXIT_PROBLEMS
        if _same_file(Path(file), default_config_file()):
            problems, values = list(read_user(Path(file)).problems), {}
        else:
            managed = read_managed(Path(file))
            problems = list(managed.problems)
            values = {key: managed.values.get(key, default_text(key)) for key in managed.locked}
    for problem in problems:
        print(diagnostic(problem), file=out)
    count = len(problems)
    verdict = f"{count} problem{'s' * (count != 1)}" if problems else "good"
    if values:
        print(f"{subject}: {verdict}; locked:", file=out)
        for key in (key for key in OPTIONS if key in values):
            print(f"  {key} = {toml_value(key, values[key])}", file=out)
    else:
        print(f"{subject}: {verdict}; nothing locked", file=out)
    return EXIT_PROBLEMS if problems else EXIT_GOOD


def run_preset(arguments: list[str], out: TextIO | None = None) -> int:
    """``FILE KEY=VALUE...``: preset IT's file, print what was done or each problem."""
    out = out or sys.stdout
    file, *pairs = arguments
    if not pairs or any("=" not in pair for pair in pairs):
        print("--preset-managed needs FILE and then KEY=VALUE pairs", file=out)
        return 2
    values = dict(pair.split("=", 1) for pair in pairs)
    written, problems = preset_managed(Path(file), values)
    for problem in problems:
        print(diagnostic(problem), file=out)
    if not problems:
        print(f"{file}: {'written' if written else 'already so'}", file=out)
    return EXIT_PROBLEMS if problems else EXIT_GOOD


def diagnostic(problem: SettingsProblem) -> str:
    """``FILE:LINE:COL: message``, as compilers say it (line and column 1 for the whole file)."""
    return f"{problem.path}:{problem.line or 1}:{problem.column or 1}: {problem.message}"


def _same_file(one: Path, other: Path) -> bool:
    try:
        return other.exists() and one.samefile(other)
    except OSError:
        return False
