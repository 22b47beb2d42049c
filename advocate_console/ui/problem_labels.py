"""What is wrong, in words: the core's validation problems, a phone number that cannot be
read and a server address that does not answer, each worded from its code and values
(the labels of the codes themselves are :mod:`.labels`)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from advocate_console.api.address import AddressProblem
from advocate_console.domain import CaseStatus, InvalidPhoneNumber
from advocate_console.domain.validation import Problem

from .labels import fill, label, territory


class ProblemLabels(QObject):
    """The words for problems; one instance, made on the UI thread (see :func:`problem_labels`)."""

    def problem(self, problem: Problem) -> str:
        """A validation problem of the core, worded from its code and values (its English
        message where the code has no wording here)."""
        if problem.code == "case_not_open":
            number, status = problem.values
            return fill(self.tr("Case %1 is already %2"), number, label(CaseStatus(status)).lower())
        fixed = {
            "no_remedy": self.tr(
                "Tick at least one remedy (“Information only” when nothing else was needed)"
            ),
            "no_delight": self.tr("Choose how the customer felt at the end"),
            "notes_too_long": self.tr("Notes are too long (at most %1 characters)"),
            "follow_up_past": self.tr("Choose a time in the future"),
            "no_follow_up_reason": self.tr("Say what the follow-up is for"),
            "follow_up_reason_too_long": self.tr("The reason is too long"),
            "no_gift_value": self.tr("Enter the gift certificate's value"),
            "no_cost": self.tr("Enter what it cost"),
            "no_months": self.tr("Enter by how many months"),
            "no_note": self.tr("Say what was done"),
            "no_phone_or_email": self.tr("Enter a phone number or an e-mail address"),
            "warranty_before_purchase": self.tr("The warranty cannot end before the purchase"),
            "no_state": self.tr("Enter the state (for the envelope)"),
            "not_a_state": self.tr(
                "“%1” is not a US state: type its two letters (OR) or its name (Oregon)"
            ),
            "no_zip": self.tr("Enter the ZIP code (for the envelope)"),
            "not_a_zip": self.tr("“%1” is not a ZIP code: it has 5 digits, as 97201 or 97201-1234"),
        }
        if problem.code in fixed:
            return fill(fixed[problem.code], *problem.values)
        of_field = {  # pydantic's codes: the field's name comes first in the values
            "missing": self.tr("%1 is required"),
            "string_too_short": self.tr("%1 cannot be empty"),
            "too_short": self.tr("%1 needs at least one entry"),
            "string_too_long": self.tr("%1 is too long (at most %2)"),
            "too_long": self.tr("%1 is too long (at most %2)"),
            "int_parsing": self.tr("%1 must be a whole number"),
            "int_type": self.tr("%1 must be a whole number"),
            "greater_than_equal": self.tr("%1 must be %2 or more"),
            "less_than_equal": self.tr("%1 must be %2 or less"),
            "not_an_email": self.tr("%1: “%2” is not an e-mail address"),
            "date_parsing": self.tr("%1 is not a date"),
            "date_from_datetime_parsing": self.tr("%1 is not a date"),
            "string_pattern_mismatch": self.tr("%1 is not in the expected form"),
        }
        # "emails.0" (the first e-mail) is worded as its field.
        field = problem.values[0].split(".")[0] if problem.values else ""
        name = self._field_names().get(field)
        if problem.code in of_field and name is not None:
            return fill(of_field[problem.code], name, *problem.values[1:])
        return problem.message

    def _field_names(self) -> dict[str, str]:
        return {
            "category": self.tr("Category"),
            "summary": self.tr("What went wrong"),
            "product_id": self.tr("Product"),
            "cost_cents": self.tr("Cost"),
            "months": self.tr("Months"),
            "value_cents": self.tr("Value"),
            "note": self.tr("Note"),
            # A new caller's contact, address and product (store/contacts.py).
            "display_name": self.tr("Name"),
            "phones": self.tr("Phone"),
            "emails": self.tr("E-mail"),
            "lines": self.tr("Street"),
            "city": self.tr("City"),
            "region": self.tr("State"),
            "postal_code": self.tr("ZIP code"),
            "brand": self.tr("Brand"),
            "name": self.tr("Product"),
            "model_number": self.tr("Model"),
            "serial_number": self.tr("Serial number"),
            "warranty_end": self.tr("Warranty end"),
        }

    def phone_problem(self, error: InvalidPhoneNumber) -> str:
        """Why a phone number cannot be read, in the advocate's words."""
        if error.reason == "wrong_length" and error.region in ("US", "CA") and error.digits:
            return self.tr(
                "That is not a full %s number: it needs %n digit(s).", "", error.digits
            ) % (error.region)
        if error.reason == "wrong_length" and error.digits:
            return self.tr(
                "That is not a full number for %s: numbers there have %n digit(s).",
                "",
                error.digits,
            ) % territory(error.region)
        return {
            "empty": self.tr("Enter a phone number."),
            "too_long": self.tr("That is too long to be a phone number."),
            "too_short": self.tr("That is too short to be a phone number."),
            "no_country": self.tr(
                "That country code is not one I know: start with + and the country's code."
            ),
            "wrong_length": self.tr("That number has the wrong number of digits."),
        }.get(error.reason, self.tr("That does not look like a phone number."))

    def address_problem(self, problem: AddressProblem, host: str) -> str:
        """What is wrong with a server address, and what to do (the sign-in dialog)."""
        not_ours = self.tr(
            "That address answers, but not as an Advocate Console server: check the address."
        )
        words = {
            AddressProblem.REFUSED: self.tr(
                "Nothing answers at %1: the computer is there, but no server listens on that"
                " port. Check the address and its port, or whether the server is running."
            ),
            AddressProblem.UNKNOWN_NAME: self.tr(
                "There is no computer called %1: check the address for a typo."
            ),
            AddressProblem.UNREACHABLE: self.tr(
                "%1 cannot be reached (no route to it, or no answer in time): check your"
                " network and the address."
            ),
            AddressProblem.TLS: self.tr(
                "The connection to %1 cannot be made secure: its certificate is not trusted,"
                " or it does not speak https there. Check the address; if it is right, ask"
                " IT for the company's certificate."
            ),
            AddressProblem.WEB_PAGE: self.tr(
                "That address answers with a web page, not as an Advocate Console server:"
                " check the address (a Wi-Fi sign-in page or a proxy may also be in the way)."
            ),
            AddressProblem.NOT_FOUND: not_ours,
            AddressProblem.WRONG_ANSWER: not_ours,
            AddressProblem.SERVER_ERROR: self.tr(
                "The server at %1 has a problem: try again in a few minutes, or tell IT."
            ),
        }
        return words[problem].replace("%1", host)


_problem_labels: ProblemLabels | None = None


def problem_labels() -> ProblemLabels:
    """The console's words for problems (made on first use, on the UI thread)."""
    global _problem_labels
    if _problem_labels is None:
        _problem_labels = ProblemLabels()
    return _problem_labels


def problem_text(problem: Problem) -> str:
    """A validation problem of the core in the advocate's words."""
    return problem_labels().problem(problem)
