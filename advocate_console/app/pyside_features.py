"""PySide6 without its read of every module's source.

Once loaded, PySide6 replaces ``__import__``; for each module an import statement names
that it has not seen before, it reads the module's whole source (``inspect.getsource``)
to look for the word "PySide6". The answer is only the module's default for PySide6's
``from __feature__ import snake_case, true_property`` switches: a module using PySide6
switches to "no feature" when it touches a Qt class, any other module is ignored in the
switching. A restart imports some 180 modules (the window's, the keyring's) before its
first answer, and those reads cost ~15 ms of CPU, ahead of the caller on the line.

The console selects no ``__feature__`` anywhere (a test checks), so the switching never
changes anything here: its own modules count as PySide6's users without a read (which
is what a helper handed a widget should be), PySide6's own modules are read as before,
and any other module is taken as not using PySide6 (of the installed packages only
pytest-qt's does, in the tests).
"""

from __future__ import annotations

import sys
from types import ModuleType

_OWN = "advocate_console"
_QT = ("PySide6", "shiboken6", "shibokensupport", "__feature__")


def skip_source_reads() -> None:
    """Answer PySide6's question "does this module use PySide6?" by the module's name.

    Call it once PySide6 is imported; with a PySide6 whose internals differ it does
    nothing (the reads go on, the start is as slow as before, nothing else changes)."""
    feature = sys.modules.get("shibokensupport.feature")
    reads = getattr(feature, "_mod_uses_pyside", None)
    if reads is None or getattr(reads, "by_name", False):
        return

    def uses_pyside(module: ModuleType) -> bool:
        package = getattr(module, "__name__", "").partition(".")[0]
        if package == _OWN:
            return True
        return package in _QT and reads(module)

    uses_pyside.by_name = True  # type: ignore[attr-defined]  # (once is enough)
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
