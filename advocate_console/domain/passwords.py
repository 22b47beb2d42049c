"""What makes a password acceptable for an account: long enough and not a common one.

The server refuses others with the reason; the console checks the same rules before it
sends a new password, and words the codes itself.
"""

from __future__ import annotations

import enum

from .common_passwords import COMMON_PASSWORDS

MIN_LENGTH = 12
# A passphrase may be long; a megabyte of "password" is only a way to keep the hasher busy.
MAX_LENGTH = 256


class PasswordProblem(enum.StrEnum):
    """Why a password cannot be used."""

    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    TOO_COMMON = "too_common"
    SAME_AS_USER_NAME = "same_as_user_name"


def password_problem(password: str, username: str = "") -> PasswordProblem | None:
    """Why ``password`` cannot be the password of ``username``; None when it can."""
    if len(password) < MIN_LENGTH:
        return PasswordProblem.TOO_SHORT
    if len(password) > MAX_LENGTH:
        return PasswordProblem.TOO_LONG
    folded = password.strip().casefold()
    if folded in COMMON_PASSWORDS:
        return PasswordProblem.TOO_COMMON
    if username and folded == username.strip().casefold():
        return PasswordProblem.SAME_AS_USER_NAME
    return None


def explain_password_problem(problem: PasswordProblem) -> str:
    """The problem in plain English, for the server's answers and the command line."""
    return {
        PasswordProblem.TOO_SHORT: f"must have at least {MIN_LENGTH} characters"
        " (a few words make a good one)",
        PasswordProblem.TOO_LONG: f"must have at most {MAX_LENGTH} characters",
        PasswordProblem.TOO_COMMON: "is one of the most common passwords; choose another",
        PasswordProblem.SAME_AS_USER_NAME: "must not be the user name",
    }[problem]
