"""Why a change was refused or waits, as the core says it: English words for API users and
logs, and a code with its values for the console to say in the advocate's language.

The server sends the code and values beside its ``detail`` (``ErrorBody``); a change the
outbox keeps stores its reason as :meth:`Reason.stored` text (a JSON object), and a reason
stored before codes were kept reads back as English only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Reason:
    """``text`` in English; ``code`` ("" when none is known) and ``values`` (text: names,
    numbers, dates as they are to be shown) for ``ui/`` to word."""

    text: str
    code: str = ""
    values: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.text

    def stored(self) -> str:
        """The reason as the outbox keeps it (one text column)."""
        if not self.code:
            return self.text
        return json.dumps(
            {"code": self.code, "values": list(self.values), "text": self.text},
            ensure_ascii=False,
        )

    @classmethod
    def read(cls, stored: str | None) -> Reason:
        """A reason as :meth:`stored` wrote it; other text (an older copy's) as English."""
        if not stored or not stored.startswith("{"):
            return cls(stored or "")
        try:
            found = json.loads(stored)
            values = tuple(str(value) for value in found.get("values", ()))
            return cls(str(found["text"]), str(found.get("code", "")), values)
        except (ValueError, KeyError, TypeError, AttributeError):
            return cls(stored)
