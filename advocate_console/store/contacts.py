"""A caller who is not in the store yet, noted as a new customer while they are on the line:
their contact, their postal address (for cards) and, when they say it, the product they
own (so the warranty badge and the repeat-failure check work from the first call)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from pydantic import ValidationError

from advocate_console.domain import (
    Address,
    Collection,
    Customer,
    InvalidPhoneNumber,
    Product,
    normalize_phone,
)
from advocate_console.domain.phone import DEFAULT_REGION
from advocate_console.domain.us_address import is_zip_code, state_code
from advocate_console.domain.validation import Problem, explain

from .database import Store
from .outbox import LocalChanges

NAMES = {"display_name": "Name", "phones": "Phone", "emails": "E-mail"}
ADDRESS_NAMES = {"lines": "Street", "city": "City", "region": "State", "postal_code": "ZIP"}
PRODUCT_NAMES = {
    "brand": "Brand",
    "name": "Product",
    "model_number": "Model",
    "serial_number": "Serial",
    "warranty_end": "Warranty end",
}


@dataclass(frozen=True, slots=True)
class NewAddress:
    """A postal address as typed (street, a second line, city, state, ZIP)."""

    street: str = ""
    line2: str = ""
    city: str = ""
    region: str = ""
    postal_code: str = ""

    def is_empty(self) -> bool:
        """Nothing typed at all (an address is optional)."""
        typed = (self.street, self.line2, self.city, self.region, self.postal_code)
        return not any(v.strip() for v in typed)


@dataclass(frozen=True, slots=True)
class NewProduct:
    """A product the caller owns, as typed."""

    brand: str = ""
    name: str = ""
    model_number: str = ""
    serial_number: str = ""
    purchase_date: date | None = None
    warranty_end: date | None = None


@dataclass(frozen=True, slots=True)
class NewContact:
    """What the advocate typed about a new caller."""

    name: str
    phone: str = ""
    email: str = ""
    address: NewAddress | None = None
    product: NewProduct | None = None


class ContactRefused(ValueError):
    """The contact cannot be saved; ``problems`` says why, field by field (``address``
    and ``product`` for all of theirs). ``phone_error`` keeps the phone's own reason, for
    the screen to say in the advocate's words."""

    def __init__(
        self, problems: list[Problem], phone_error: InvalidPhoneNumber | None = None
    ) -> None:
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems
        self.phone_error = phone_error


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
        return self.records_for(contact)[0]

    def records_for(self, contact: NewContact) -> tuple[Customer, Product | None]:
        """The customer (and product) ``contact`` makes; raises :class:`ContactRefused`
        with every problem at once."""
        problems: list[Problem] = []
        phone_error = None
        try:
            customer = self._customer(contact, problems)
        except ContactRefused as refused:
            problems, phone_error, customer = refused.problems, refused.phone_error, None
        address = _address(contact.address, problems)
        product = None
        if contact.product is not None:
            owner = customer.id if customer is not None else uuid.uuid4()
            product = _product(contact.product, owner, problems)
        if problems or customer is None:
            raise ContactRefused(problems, phone_error)
        if address is not None:
            customer = customer.model_copy(update={"address": address})
        return customer, product

    def _customer(self, contact: NewContact, problems: list[Problem]) -> Customer:
        phones: list[str] = []
        phone_error = None
        if contact.phone.strip():
            try:
                phones.append(normalize_phone(contact.phone, self.default_region).e164)
            except InvalidPhoneNumber as error:
                phone_error = error
                problems.append(Problem("phones", str(error)))
        emails = [contact.email.strip()] if contact.email.strip() else []
        if not phones and not emails and not problems:
            problems.append(
                Problem("phones", "Enter a phone number or an e-mail address", "no_phone_or_email")
            )
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
            raise ContactRefused(problems, phone_error) from None
        if phone_error is not None:
            raise ContactRefused(problems, phone_error)
        return customer

    def add(self, contact: NewContact) -> Customer:
        """Save the new caller (and their product) locally in one transaction and queue
        them for the server."""
        customer, product = self.records_for(contact)
        creates: list = [(Collection.CUSTOMERS, customer)]
        if product is not None:
            creates.append((Collection.PRODUCTS, product))
        self._changes.save_all(creates=creates)
        return customer


def _named(problem: Problem, names: dict[str, str] = NAMES, under: str = "") -> Problem:
    # The English message names the field; the code and values (the field first) are
    # what ui/ words in the advocate's language.
    field = problem.field.split(".")[0]
    message = f"{names.get(field, field)} {problem.message}"
    return Problem(under or field, message, problem.code, problem.values)


def _address(typed: NewAddress | None, problems: list[Problem]) -> Address | None:
    if typed is None or typed.is_empty():
        return None
    lines = [line.strip() for line in (typed.street, typed.line2) if line.strip()]
    state, postal_code = _us_state_and_zip(typed, problems)
    try:
        address = Address(
            lines=lines, city=typed.city.strip(), region=state or "", postal_code=postal_code or ""
        )
    except ValidationError as error:
        problems += [_named(p, ADDRESS_NAMES, "address") for p in explain(error)]
        return None
    return None if state is None or postal_code is None else address


def _us_state_and_zip(typed: NewAddress, problems: list[Problem]) -> tuple[str | None, str | None]:
    """The state as its two-letter code ("Oregon" is "OR") and the ZIP code, as an
    envelope needs them; None (with the problem noted) for what cannot be mailed to."""
    region, postal_code = typed.region.strip(), typed.postal_code.strip()
    state = state_code(region)
    if not region:
        problems.append(Problem("address", "Enter the state", "no_state"))
    elif state is None:
        problems.append(
            Problem("address", f"“{region}” is not a US state", "not_a_state", (region,))
        )
    if not postal_code:
        problems.append(Problem("address", "Enter the ZIP code", "no_zip"))
    elif not is_zip_code(postal_code):
        problems.append(
            Problem("address", f"“{postal_code}” is not a ZIP code", "not_a_zip", (postal_code,))
        )
        postal_code = None
    return state, postal_code or None


def _product(typed: NewProduct, customer_id: uuid.UUID, problems: list[Problem]) -> Product | None:
    found = []
    if typed.warranty_end and typed.purchase_date and typed.warranty_end < typed.purchase_date:
        found.append(
            Problem(
                "product", "The warranty cannot end before the purchase", "warranty_before_purchase"
            )
        )
    try:
        product = Product(
            id=uuid.uuid4(),
            customer_id=customer_id,
            brand=typed.brand,
            name=typed.name,
            model_number=typed.model_number,
            serial_number=typed.serial_number,
            purchase_date=typed.purchase_date,
            warranty_end=typed.warranty_end,
        )
    except ValidationError as error:
        problems += [_named(p, PRODUCT_NAMES, "product") for p in explain(error)] + found
        return None
    problems += found
    return None if found else product
