"""Start-up of the desktop app: the command line (:mod:`.command_line`), the
QApplication and the window (:mod:`.run`), the console loaded behind it
(:mod:`.start`), or the demo's (:mod:`.demo_start`)."""

from __future__ import annotations

from .command_line import parse_args
from .demo_start import start_demo
from .run import main
from .start import settle_start_up_objects, start_console

__all__ = ["main", "parse_args", "settle_start_up_objects", "start_console", "start_demo"]
