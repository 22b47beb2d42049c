"""A restart's first answer reads the store's JSON without pydantic: the early records
must hold exactly what the records read from the same JSON hold, so the screen shows
the same thing either way."""

from __future__ import annotations

import enum
import json
import uuid
from datetime import timedelta

import pytest
from pydantic import BaseModel

from advocate_console.domain import (
    RECORD_TYPES,
    Address,
    CardState,
    Collection,
    History,
    NoteCard,
    Remedy,
)
from advocate_console.domain.records import SuggestionOutcome
from advocate_console.store.early_records import (
    EARLY_TYPES,
    EarlyAddress,
    EarlyHistory,
    EarlyRemedy,
    EarlySuggestionOutcome,
    EarlyValue,
)
from tests import factories as make

PROPERTIES = {
    Collection.CUSTOMERS: ["first_name", "written_by", "edited_by_someone_else"],
    Collection.PRODUCTS: ["display_name", "written_by"],
    Collection.CASES: ["written_by", "edited_by_someone_else"],
    Collection.INTERACTIONS: ["written_by"],
    Collection.RESOLUTIONS: ["stands", "total_cost_cents", "written_by"],
    Collection.FOLLOW_UPS: ["written_by"],
    Collection.CARDS: ["written_by"],
}


def values_of(thing):
    """What a record (early or not) holds, field by field, with each value's type: two
    readings of one record give the same."""
    if isinstance(thing, BaseModel):
        return {name: values_of(getattr(thing, name)) for name in type(thing).model_fields}
    if isinstance(thing, EarlyValue):
        return {name: values_of(getattr(thing, name)) for name in thing.FIELDS}
    if isinstance(thing, History | EarlyHistory):
        return {name: values_of(getattr(thing, name)) for name in History.model_fields}
    if isinstance(thing, list):
        return [values_of(item) for item in thing]
    kind = type(thing)
    return (kind.__name__ if isinstance(thing, enum.Enum) else kind, thing, str(thing))


def every_field_set():
    """One record of each collection with every optional field filled in."""
    someone, other = uuid.uuid4(), uuid.uuid4()
    stamps = dict(
        author_id=someone,
        author_name="Maya Castellanos",
        updated_by_id=other,
        updated_by_name="Sam Lead",
        updated_at=make.NOW,
        version=3,
    )
    customer = make.customer(
        tier="gold",
        address=Address(
            lines=["12 Elm Street", "Apt 4"],
            city="Toronto",
            region="ON",
            postal_code="M5V 2T6",
            country="CA",
        ),
        phones=["+18004322737", "+14155550100;ext=12"],
        **stamps,
    )
    product = make.product(customer, replaced_by_id=uuid.uuid4(), **stamps)
    case = make.case(
        customer,
        product_id=product.id,
        channel="email",
        status="closed",
        closed_at=make.NOW,
        owner_id=someone,
        reopened_at=make.NOW - timedelta(hours=2),
        reopened_by_id=other,
        reopened_by_name="Sam Lead",
        reopen_reason="It broke again.",
        **stamps,
    ).model_copy(update={"owner": "Maya Castellanos"})  # (the factory's owner is the customer)
    remedies = [
        Remedy(kind="warranty_extended", months=12, value_cents=9_900, note="a year more"),
        Remedy(kind="replacement", cost_cents=12_000),
    ]
    return {
        Collection.CUSTOMERS: customer,
        Collection.PRODUCTS: product,
        Collection.CASES: case,
        Collection.INTERACTIONS: make.interaction(
            customer,
            case_id=case.id,
            kind="callback",
            direction="outbound",
            body="Notes of the call.",
            advocate="Maya Castellanos",
            **stamps,
        ),
        Collection.RESOLUTIONS: make.resolution(
            case,
            remedies=remedies,
            suggestions=[SuggestionOutcome(rule="rule:7", remedies=remedies, outcome="accepted")],
            notes="Delighted.",
            approval_id=uuid.uuid4(),
            superseded_at=make.NOW,
            superseded_by_id=other,
            superseded_by_name="Sam Lead",
            **stamps,
        ),
        Collection.FOLLOW_UPS: make.follow_up(
            customer,
            case_id=case.id,
            kind="proactive",
            status="done",
            completed_at=make.NOW,
            advocate="Maya Castellanos",
            completed_by_id=someone,
            completed_by_name="Maya Castellanos",
            **stamps,
        ),
        Collection.CARDS: NoteCard(
            id=uuid.uuid4(),
            customer_id=customer.id,
            case_id=case.id,
            template="a6-fold",
            message="Dear Maria, thank you.",
            gift_value_cents=2_500,
            gift_code="GIFT-1234",
            state=CardState.FAILED,
            failure_reason="No printer.",
            created_at=make.NOW,
            printed_at=make.NOW,
            mailed_at=make.NOW,
            advocate="Maya Castellanos",
            **stamps,
        ),
    }


def test_every_field_of_a_record_is_read_early():
    # A field added to a record must be added to its early reading too.
    for collection, early_type in EARLY_TYPES.items():
        assert set(early_type.FIELDS) == set(RECORD_TYPES[collection].model_fields), collection
    for early_type, record_type in (
        (EarlyAddress, Address),
        (EarlyRemedy, Remedy),
        (EarlySuggestionOutcome, SuggestionOutcome),
    ):
        assert set(early_type.FIELDS) == set(record_type.model_fields)


@pytest.mark.parametrize("filled", [True, False], ids=["every field", "defaults left out"])
def test_an_early_record_holds_what_the_record_holds(filled):
    customer = make.customer()
    records = (
        every_field_set()
        if filled
        else {
            Collection.CUSTOMERS: make.customer(address=None, phones=[], emails=[]),
            Collection.PRODUCTS: make.product(customer, purchase_date=None, warranty_end=None),
            Collection.CASES: make.case(customer),
            Collection.INTERACTIONS: make.interaction(customer),
            Collection.RESOLUTIONS: make.resolution(make.case(customer), advocate=None),
            Collection.FOLLOW_UPS: make.follow_up(customer),
            Collection.CARDS: NoteCard(
                id=uuid.uuid4(),
                customer_id=customer.id,
                message="Thank you.",
                created_at=make.NOW,
            ),
        }
    )
    for collection, record in records.items():
        # As the store holds it, and as a record written by an older version would be
        # (its defaults left out, the case's number among them).
        stored = record.model_dump_json()
        if not filled:
            stored = json.dumps(record.model_dump(mode="json", exclude_defaults=True))
        checked = type(record).model_validate_json(stored, context={"trusted": True})
        early = EARLY_TYPES[collection](json.loads(stored))
        assert values_of(early) == values_of(checked), collection
        for name in PROPERTIES[collection]:
            assert getattr(early, name) == getattr(checked, name), (collection, name)
    address = records[Collection.CUSTOMERS].address
    if address is not None:
        early_address = EarlyAddress(json.loads(address.model_dump_json()))
        assert early_address.envelope_lines("Maria") == address.envelope_lines("Maria")


def test_a_naive_or_offset_time_is_read_as_utc_as_the_records_do():
    customer = make.customer()
    for stored_time in ("2026-11-23T10:00:00", "2026-11-23T10:00:00.5-05:00"):
        data = json.loads(make.interaction(customer).model_dump_json())
        data["occurred_at"] = stored_time
        stored = json.dumps(data)
        checked = RECORD_TYPES[Collection.INTERACTIONS].model_validate_json(stored)
        early = EARLY_TYPES[Collection.INTERACTIONS](json.loads(stored))
        assert values_of(early) == values_of(checked)
