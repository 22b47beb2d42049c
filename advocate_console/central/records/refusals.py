"""A refusal whose answer carries a code and values beside its English detail, so a
console can say it in its advocate's language (API users read the detail as before)."""

from __future__ import annotations

from typing import Any

from advocate_console.api.schemas import ErrorBody
from advocate_console.central.core.errors import ApiError
from advocate_console.domain.reasons import Reason


class Refused(ApiError):
    """An :class:`ApiError` answered with ``reason``'s code and values too."""

    def __init__(self, status: int, reason: Reason, **options: Any) -> None:
        super().__init__(status, reason.text, **options)
        self.reason = reason

    def body(self) -> ErrorBody:
        """The ErrorBody, with the code and values."""
        coded = {"code": self.reason.code or None, "values": list(self.reason.values)}
        return super().body().model_copy(update=coded)
