"""PySide6 loads without reading the source of every module imported after it: the
console selects none of its ``__feature__`` switches, which that read is for."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import advocate_console

IMPORTS_AFTER_QT = """
import inspect, sys
import PySide6.QtCore
from advocate_console.app.pyside_features import skip_source_reads

skip_source_reads()
read = []
real_getsource = inspect.getsource
inspect.getsource = lambda module: read.append(module.__name__) or real_getsource(module)
import colorsys  # (standard library modules nobody imported yet)
import wave
from advocate_console.ui import formatting
table = sys.modules["shibokensupport.feature"].pyside_feature_dict
print([name for name in read if not name.startswith("PySide6")])  # (its own: as before)
print(table["colorsys"], table["wave"], table["advocate_console.ui"])
"""


def test_modules_imported_after_pyside6_are_not_read():
    # Each read cost ~80 µs of CPU; a restart imports ~180 modules before its first
    # answer. The console's own modules count as PySide6's users, the others not.
    done = subprocess.run(
        [sys.executable, "-c", IMPORTS_AFTER_QT], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["[]", "-1 -1 0"]


def test_the_console_selects_no_pyside6_feature():
    # What makes answering by name safe: no module switches snake_case or true_property.
    package = Path(advocate_console.__file__).parent
    selecting = [
        path.relative_to(package).as_posix()
        for path in package.rglob("*.py")
        if re.search(r"^\s*(from __feature__ |import __feature__)", path.read_text(), re.M)
    ]
    assert selecting == []
