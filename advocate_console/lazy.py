"""Package attributes imported on first use, so that importing one module of a package does
not import all of it: a first sync's page-reading process needs the feed reader and the
store's row layout, not Qt, the HTTP client or the sync engine (about 1.6 s and 100 MB)."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any


def lazy_attributes(package: str, origins: dict[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: each name in ``origins`` is imported from
    its module (relative, like ``".client"``) the first time it is asked for."""

    def __getattr__(name: str) -> Any:
        origin = origins.get(name)
        if origin is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(origin, package), name)
        setattr(sys.modules[package], name, value)  # asked once, then a plain attribute
        return value

    return __getattr__
