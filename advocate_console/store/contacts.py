"""A caller who is not in the store yet, noted as a new customer while they are on the line."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from pydantic import ValidationError

from advocate_console.domain import Collection, Customer, InvalidPhoneNumber, normalize_phone
from advocate_console.domain.phone import DEFAULT_REGION
from advocate_console.domain.validation import Problem, explain

from .database import Store
from .outbox import LocalChanges

NAMES = {"display_name": "Name", "phones": "Phone", "emails": "E-mail"}


@dataclass(frozen=True, slots=True)
class NewContact:
    """What the advocate typed about a new caller."""

    name: str
    phone: str = ""
    email: str = ""


class ContactRefused(ValueError):
    """The contact cannot be saved; ``problems`` says why, field by field."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems


def looks_like_a_phone(text: str, region: str = DEFAULT_REGION) -> bool:
    """True when ``text`` reads as a phone number (a new contact starts with it)."""
    try:
        normalize_phone(text, region)
    except InvalidPhoneNumber:
        return False
    return True


class ContactBook:
    """Notes new callers as customers, offline, each with its outbox entry."""

    def __init__(
        self,
        store: Store,
        default_region: str = DEFAULT_REGION,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._changes = LocalChanges(store)
        self.default_region = default_region
        self._clock = clock or (lambda: datetime.now(UTC))

    def customer_for(self, contact: NewContact) -> Customer:
        """The customer record ``contact`` makes; raises :class:`ContactRefused`."""
        problems: list[Problem] = []
        phones: list[str] = []
        if contact.phone.strip():
            try:
                phones.append(normalize_phone(contact.phone, self.default_region).e164)
            except InvalidPhoneNumber as error:
                problems.append(Problem("phones", str(error)))
        emails = [contact.email.strip()] if contact.email.strip() else []
        if not phones and not emails and not problems:
            problems.append(Problem("phones", "Enter a phone number or an e-mail address"))
        try:
            customer = Customer(
                id=uuid.uuid4(),
                display_name=contact.name,
                phones=phones,
                emails=emails,
                customer_since=self._clock().astimezone().date(),
            )
        except ValidationError as error:
            problems += [_named(p) for p in explain(error) if p.field.split(".")[0] in NAMES]
            raise ContactRefused(problems) from None
        if problems:
            raise ContactRefused(problems)
        return customer

    def add(self, contact: NewContact) -> Customer:
        """Save the new caller locally and queue them for the server."""
        customer = self.customer_for(contact)
        self._changes.create(Collection.CUSTOMERS, customer)
        return customer


def _named(problem: Problem) -> Problem:
    field = problem.field.split(".")[0]
    return Problem(field, f"{NAMES.get(field, field)} {problem.message}")
