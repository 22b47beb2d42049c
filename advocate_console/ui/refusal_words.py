"""The server's refusals outside the records' write path (approvals, conferences, who is
looking at a case, signing in and passwords, roles) in the advocate's words, from the
``code`` and ``values`` the server sends beside its English ``detail``."""

from __future__ import annotations

from PySide6.QtCore import QObject

from advocate_console.domain import Role
from advocate_console.domain.passwords import MAX_LENGTH, MIN_LENGTH, PasswordProblem
from advocate_console.domain.validation import Problem

from .labels import fill
from .problem_labels import problem_text


class RefusalWords(QObject):
    """The words for these refusals (made where shown, on the UI thread)."""

    def refusal(self, code: str, values: tuple[str, ...]) -> str | None:
        """The refusal ``code`` worded with its ``values``; None for a code not known here."""
        if code == "already_decided":
            by = values[0] or self.tr("Another lead")
            text = (
                self.tr("%1 already approved this request.")
                if values[1] == "approved"
                else self.tr("%1 already denied this request.")
            )
            return fill(text, by)
        if code == "role_only":
            roles = [self._role(role) for role in values[0].split(",")]
            allowed = fill(self.tr("%1 or %2"), *roles) if len(roles) == 2 else roles[0]
            return fill(self.tr("Only %1 may do this; %2."), allowed, self._signed_in_as(values[1]))
        if code == "not_valid":
            return self._not_valid(values)
        if code == "weak_password":
            return self._weak_password(PasswordProblem(values[0]))
        texts = self._texts()
        return fill(texts[code], *values) if code in texts else None

    def _texts(self) -> dict[str, str]:
        return {
            "no_case": self.tr("There is no case with id %1 on the server."),
            "no_case_yet": self.tr(
                "There is no case with id %1 on the server (yet): sync, then try again."
            ),
            "approval_exists": self.tr("An approval with id %1 exists already; use a new id."),
            "no_approval": self.tr("There is no approval with id %1."),
            "own_requests_only": self.tr("An advocate sees only their own requests for approval."),
            "own_request": self.tr("You cannot decide your own request; another lead must."),
            "approval_changed": self.tr(
                "This request changed since you read it: look at it again, then decide."
            ),
            "no_conference": self.tr("That conference is not on the server."),
            "not_your_conference": self.tr("This is %1's conference, not yours."),
            "conference_ended": self.tr("This conference has ended."),
            "bridge_stopped": self.tr("The bridge holding this conference has stopped."),
            "no_bridge": self.tr("No conference bridge is running; ask IT to start one."),
            "no_leg": self.tr("That party is no longer in this conference."),
            "leg_ended": self.tr(
                "This party's line has ended: it can no longer be held, muted or joined."
            ),
            "no_resource": self.tr("There is no one to add with id %1."),
            "resource_without_address": self.tr("%1 has no phone number or SIP address."),
            "change_password_first": self.tr(
                "Your administrator set your password: choose a new one first"
                " (Console ▸ Change password…)."
            ),
            "current_password_wrong": self.tr("The current password is not right."),
            "same_password": self.tr("The new password must differ from the current one."),
            "wrong_password": self.tr("That user name and password do not match. Try again."),
            "account_disabled": self.tr("This account has been disabled; ask your administrator."),
            "wipe_ordered": self.tr(
                "An administrator signed this account out everywhere and ordered this"
                " computer's copy erased."
            ),
            "token_signed_out": self.tr("You were signed out. Sign in again."),
            "token_expired": self.tr("Your sign-in has expired. Sign in again."),
        }

    def _not_valid(self, values: tuple[str, ...]) -> str | None:
        """The server's first validation problem worded from pydantic's code; None (the
        server's English detail) where this console has no words for it."""
        more, field, message, kind, *rest = values
        worded = problem_text(Problem(field, message, kind, tuple(rest)))
        if worded == message:
            return None
        if int(more) == 0:
            return fill(self.tr("The server did not accept this: %1."), worded)
        text = self.tr(
            "The server did not accept this: %1 (and %n more problem(s)).", "", int(more)
        )
        return fill(text, worded)

    def _weak_password(self, problem: PasswordProblem) -> str:
        if problem is PasswordProblem.TOO_SHORT:
            return self.tr("The password must have at least %n character(s).", "", MIN_LENGTH)
        if problem is PasswordProblem.TOO_LONG:
            return self.tr("The password must have at most %n character(s).", "", MAX_LENGTH)
        if problem is PasswordProblem.TOO_COMMON:
            return self.tr("That password is one of the most common ones; choose another.")
        return self.tr("The password must not be the user name.")

    def _signed_in_as(self, role: str) -> str:
        words = {
            Role.ADVOCATE.value: self.tr("you are signed in as an advocate"),
            Role.LEAD.value: self.tr("you are signed in as a lead"),
            Role.ADMIN.value: self.tr("you are signed in as an admin"),
        }
        return words.get(role, role)

    def _role(self, role: str) -> str:
        words = {
            Role.ADVOCATE.value: self.tr("an advocate"),
            Role.LEAD.value: self.tr("a lead"),
            Role.ADMIN.value: self.tr("an admin"),
        }
        return words.get(role, role)
