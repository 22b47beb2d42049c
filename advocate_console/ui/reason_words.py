"""Why the server refused a change, or why it waits, in the advocate's words: each
:class:`~advocate_console.domain.reasons.Reason` (the server's code and values, or the
push's own) worded here; a code this console does not know (a newer server's) reads as
the server's English detail."""

from __future__ import annotations

from datetime import datetime

from pydantic import ValidationError
from PySide6.QtCore import QObject

from advocate_console.api.errors import ApiError
from advocate_console.domain import Collection, Role
from advocate_console.domain.authority import Overage
from advocate_console.domain.reasons import Reason
from advocate_console.store.database import StoreError

from .approvals.words import words as approval_words
from .formatting import moment
from .labels import fill, labels
from .refusal_words import RefusalWords


class ReasonWords(QObject):
    """The words for reasons (made where shown, on the UI thread)."""

    def reason(self, reason: Reason) -> str:
        """``reason`` in the advocate's language; its English text for an unknown code."""
        try:
            worded = self._worded(reason)
        except (
            ValueError,
            IndexError,
            KeyError,
            ValidationError,
        ):  # values not as this console knows
            worded = None
        return reason.text if worded is None else worded

    def _worded(self, reason: Reason) -> str | None:
        code, values = reason.code, reason.values
        if code == "beyond_authority":
            return self._beyond_authority(values)
        if code in ("no_such_record", "another_customers", "already_exists"):
            what = labels().collection(Collection(values[0])).lower()
            text = {
                "no_such_record": self.tr("There is no such record on the server (%1 %2)."),
                "another_customers": self.tr("That record (%1 %2) belongs to another customer."),
                "already_exists": self.tr(
                    "The server already has a record with this id (%1 %2): it was not replaced."
                ),
            }[code]
            return fill(text, what, values[1])
        if code in ("leads_only_add", "leads_only_change", "authors_only"):
            what = labels().collection(Collection(values[0])).lower()
            texts = {
                "leads_only_add": self.tr("Only a lead or admin may add this (%1); %2."),
                "leads_only_change": self.tr("Only a lead or admin may change this (%1); %2."),
                "authors_only": self.tr(
                    "You may change only what you wrote; this (%1) was written by %2."
                    " Ask them or a lead."
                ),
            }
            second = values[1] or self.tr("someone else")
            if code != "authors_only":
                second = self._role(values[1])
            return fill(texts[code], what, second)
        if code in ("not_your_case", "not_your_case_reopen"):
            text = (
                self.tr("You may change only your own cases and unassigned ones; %1 is %2's.")
                if code == "not_your_case"
                else self.tr("You may reopen only your own cases and unassigned ones; %1 is %2's.")
            )
            owner = values[1] or self.tr("someone else")
            return fill(text + " " + self.tr("Ask them or a lead."), values[0], owner)
        if code == "follow_up_not_yours":
            text = self.tr(
                "Anyone may mark a follow-up done; only the advocate who wrote it (%1) or a"
                " lead may change its %2."
            )
            return fill(text, values[0] or self.tr("someone else"), self._fields(values[1]))
        if code == "leads_only_fields":
            text = self.tr("Only a lead or admin may set %1; %2.")
            return fill(text, self._fields(values[0]), self._role(values[1]))
        return self._about_a_resolution(code, values)

    def _about_a_resolution(self, code: str, values: tuple[str, ...]) -> str | None:
        if code == "already_resolved":
            text = self.tr(
                "Case %1 is already resolved: %2 saved its resolution (%3). Reopen the case"
                " first to replace it."
            )
            by = values[1] or self.tr("someone else")
            return fill(text, values[0], by, moment(datetime.fromisoformat(values[2])))
        if code == "resolved_first":
            text = self.tr(
                "Not sent: %1 resolved this case first; your resolution waits beside theirs."
            )
            return fill(text, values[0] or self.tr("someone else"))
        if code == "changed_meanwhile":
            fields = self._fields(", ".join(values)) if values else self.tr("the record")
            return fill(self.tr("Changed by someone else meanwhile: %1"), fields)
        return self._about_the_connection(code, values)

    def _about_the_connection(self, code: str, values: tuple[str, ...]) -> str | None:
        if code == "unreachable":
            why = {
                "timeout": self.tr("it did not answer in time"),
                "no_connection": self.tr("no connection"),
                "dropped": self.tr("the connection dropped mid-answer"),
            }[values[1]]
            text = self.tr("Cannot reach the central server at %1 (%2). Working offline.")
            return fill(text, values[0], why)
        texts = {
            "untrusted_certificate": self.tr(
                "The certificate of the central server at %1 is not trusted: check the"
                " address, or ask IT for the company's certificate."
            ),
            "signed_out": self.tr("You are signed out. Sign in to continue."),
            "signed_out_figures": self.tr("You are signed out. Sign in to see newer figures."),
            "session_ended": self.tr("Your session has ended. Sign in again."),
            "sync_failed": self.tr("Sync failed: %1"),
            "web_page": self.tr(
                "The server answered with a web page instead of data: a Wi-Fi sign-in page"
                " or a proxy may be in the way."
            ),
            "unexpected_answer": self.tr("The server's answer was not what was expected (%1)."),
            "unreadable_record": self.tr(
                "The server sent a record this console cannot read (%2). Sync stops here"
                " until that is fixed; nothing is lost."
            ),
        }
        if code in texts:
            return fill(texts[code], *values)
        return RefusalWords().refusal(code, values)

    def _beyond_authority(self, values: tuple[str, ...]) -> str:
        found = []
        trouble = ""
        for value in values:
            if " " not in value:
                trouble = value
                continue
            kind, limit, amount = value.split(" ")
            found.append(Overage(code=kind, limit=int(limit), amount=int(amount)))
        troubles = {
            "approval_unknown": self.tr("The approval it names is not on the server."),
            "approval_other_case": self.tr("Its approval is for another case."),
            "approval_pending": self.tr("Its approval still waits for a lead's answer."),
            "approval_denied": self.tr("A lead denied its approval."),
            "approval_not_covering": self.tr(
                "Its approval does not cover these remedies; ask a lead to approve them."
            ),
        }
        then = troubles.get(trouble, self.tr("Ask a lead to approve it."))
        return approval_words().overages(found) + " " + then

    def store_problem(self, error: StoreError) -> str:
        """Why the local store cannot be used; its English message for an unknown code."""
        texts = {
            "store_closed": self.tr("The local copy was closed to be erased."),
            "store_folder": self.tr("The folder for the local copy (%1) cannot be made: %2"),
            "wrong_store_key": self.tr(
                "The local copy (%1) cannot be read with the key in the keyring."
            ),
        }
        return fill(texts[error.code], *error.values) if error.code in texts else str(error)

    def _role(self, role: str) -> str:
        words = {
            Role.ADVOCATE.value: self.tr("you are signed in as an advocate"),
            Role.LEAD.value: self.tr("you are signed in as a lead"),
            Role.ADMIN.value: self.tr("you are signed in as an admin"),
        }
        return words.get(role, role)

    def _fields(self, names: str) -> str:
        """``summary, status`` as the form labels them: ``summary, status`` in words."""
        return ", ".join(labels().field(name.strip()).lower() for name in names.split(","))


def reason_text(reason: Reason | None) -> str:
    """Why a change was refused or waits, in the advocate's words ("" for none)."""
    return ReasonWords().reason(reason) if reason is not None else ""


def error_text(error: BaseException) -> str:
    """What went wrong, in the advocate's words: a call to the server's failure or the
    local store's worded from its code, anything else as its own message."""
    if isinstance(error, ApiError):
        return reason_text(error.reason())
    if isinstance(error, StoreError):
        return ReasonWords().store_problem(error)
    return str(error)
