"""How a follow-up call went, and what that means for the follow-up."""

from __future__ import annotations

import enum
from datetime import datetime, time, timedelta


class CallResult(enum.StrEnum):
    """What happened when the advocate called the customer back."""

    REACHED = "reached"
    LEFT_MESSAGE = "left_message"
    NO_ANSWER = "no_answer"

    @property
    def closes_follow_up(self) -> bool:
        """Reaching the customer, or leaving them a message, settles the follow-up; no
        answer keeps it open for another try."""
        return self is not CallResult.NO_ANSWER

    @property
    def log_text(self) -> str:
        """How the logged call says it went on the timeline (stored data: not translated)."""
        return {
            CallResult.REACHED: "reached",
            CallResult.LEFT_MESSAGE: "left a message",
            CallResult.NO_ANSWER: "no answer",
        }[self]


class RescheduleProblem(ValueError):
    """The time to call again cannot be used; ``code`` says why (the UI words it)."""

    MISSING = "missing"
    PAST = "past"

    def __init__(self, code: str) -> None:
        super().__init__(
            "no time to call again" if code == self.MISSING else "the time to call again has passed"
        )
        self.code = code


def check_call_again(result: CallResult, call_again_at: datetime | None, now: datetime) -> None:
    """Raise :class:`RescheduleProblem` unless a call that found nobody has a time in the
    future to try again."""
    if result is not CallResult.NO_ANSWER:
        return
    if call_again_at is None:
        raise RescheduleProblem(RescheduleProblem.MISSING)
    if call_again_at <= now:
        raise RescheduleProblem(RescheduleProblem.PAST)


CALL_BACK_HOUR = 10
"""A call back is offered for 10:00: people are up, and most are not yet out."""


def next_working_morning(now: datetime) -> datetime:
    """10:00 on the next weekday after ``now``'s day, on the computer's clock (an aware
    time): a call back offered for "tomorrow at this hour" was 23:00 when resolved at
    night, and a Sunday when resolved on a Friday."""
    day = now.astimezone().date() + timedelta(days=1)
    while day.weekday() >= 5:  # Saturday, Sunday
        day += timedelta(days=1)
    return datetime.combine(day, time(CALL_BACK_HOUR)).astimezone()  # (the local offset then)
