"""The frozen app against the interpreter: bundle size, and start-up to a passed self-test.

    .venv/bin/python bench/bench_frozen.py [--frozen dist/advocate-console] [--runs 11]

Build the frozen app first (``.venv/bin/pyinstaller --noconfirm packaging/advocate-console.spec``).
Each run is ``advocate-console --self-test``, offscreen: every import, the main window
shown, a temporary store opened and migrated on the app's own start-up path, the fonts
loaded and a card written to PDF, then a clean exit — start-up to an interactive window
and a little more. Frozen and interpreter runs alternate, so a busy machine slows both
alike; one warm-up run of each is not counted (the figures are warm-cache starts).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL_RATIO = 1.2
GOAL_SIZE_MB = 150


def folder_size(folder: Path) -> tuple[int, int]:
    """Bytes and file count of everything under ``folder`` (links not followed)."""
    total = files = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            files += 1
    return total, files


def timed(command: list[str], env: dict[str, str]) -> float:
    """Seconds from start to exit of one self-test; fails loudly if it does not pass."""
    start = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{command[0]} --self-test failed:\n{result.stdout}{result.stderr}")
    return elapsed


def main() -> int:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frozen", type=Path, default=ROOT / "dist" / "advocate-console")
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    executable = args.frozen / "advocate-console"
    if not executable.exists():
        raise SystemExit(f"No frozen app at {args.frozen}: build it first (see the docstring)")

    env = os.environ | {
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",  # no D-Bus wait
    }
    commands = {
        "frozen": [str(executable), "--self-test"],
        "python -m advocate_console": [sys.executable, "-m", "advocate_console", "--self-test"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for run in range(args.runs + 1):
        for name, command in commands.items():
            elapsed = timed(command, env)
            if run:  # the first of each warms the page cache
                times[name].append(elapsed)

    size, files = folder_size(args.frozen)
    print(f"bundle {args.frozen}: {size / 1e6:.0f} MB in {files} files (goal < {GOAL_SIZE_MB} MB)")
    medians = {}
    for name, values in times.items():
        medians[name] = statistics.median(values)
        print(
            f"{name:>28}: median {medians[name]:.2f} s, min {min(values):.2f} s, "
            f"max {max(values):.2f} s ({len(values)} runs of --self-test)"
        )
    ratio = medians["frozen"] / medians["python -m advocate_console"]
    print(f"frozen / python: {ratio:.2f} (goal <= {GOAL_RATIO})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
