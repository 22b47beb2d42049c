"""Validation errors as sentences: one problem per field, in words a person understands."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import uuid4

import pytest
from pydantic import ValidationError

from advocate_console.domain import Customer, Resolution, Resource
from advocate_console.domain.validation import Problem, explain


def problems_of(record_type: type, **fields: Any) -> dict[str, str]:
    """Field → message for what is wrong with ``fields`` as a ``record_type``."""
    with pytest.raises(ValidationError) as raised:
        record_type(**fields)
    problems = explain(raised.value)
    assert len({problem.field for problem in problems}) == len(problems), "one per field"
    return {problem.field: problem.message for problem in problems}


def customer_problems(**fields: Any) -> dict[str, str]:
    """What is wrong with a customer made of valid fields overridden by ``fields``."""
    valid = {"id": uuid4(), "display_name": "Ann Example", "customer_since": date(2015, 6, 1)}
    return problems_of(Customer, **{**valid, **fields})


def test_every_wrong_field_gets_its_own_readable_problem() -> None:
    problems = problems_of(
        Customer,
        id="not-a-uuid",
        display_name="",
        phones=["+18004322737", "123", "abc"],
        emails=["Bad"],
        tier="diamond",
        lifetime_value_cents=-1,
    )

    assert problems == {
        "id": "is not a valid id",
        "display_name": "cannot be empty",
        "phones.1": "“123” has the wrong number of digits for a phone number in region US.",
        "phones.2": "“abc” does not look like a phone number.",
        "emails.0": "“bad” is not an e-mail address",
        "tier": "must be one of 'standard', 'silver', 'gold' or 'platinum'",
        "customer_since": "is required",
        "lifetime_value_cents": "input should be greater than or equal to 0",
    }


@pytest.mark.parametrize("name", ["", "   "])
def test_a_blank_name_cannot_be_empty(name: str) -> None:
    assert customer_problems(display_name=name) == {"display_name": "cannot be empty"}


def test_an_empty_list_needs_an_entry() -> None:
    problems = customer_problems(address={"lines": [], "city": "Oxford"})

    assert problems == {"address.lines": "needs at least one entry"}


def test_too_long_says_the_limit() -> None:
    assert customer_problems(display_name="x" * 201) == {
        "display_name": "is too long (at most 200)"
    }
    assert customer_problems(phones=["+18004322737"] * 11) == {"phones": "is too long (at most 10)"}


def test_our_own_validators_speak_without_pydantic_prefixes() -> None:
    problems = customer_problems(phones=["1-800-GE"], emails=["ann@example"])

    for message in problems.values():
        assert not message.lower().startswith("value error")
    assert problems["emails.0"] == "“ann@example” is not an e-mail address"
    assert "phone number" in problems["phones.0"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2015-13-01", "is not a date (use YYYY-MM-DD)"),
        ("soon", "is not a date (use YYYY-MM-DD)"),
    ],
)
def test_a_bad_date_says_how_to_write_one(value: str, message: str) -> None:
    assert customer_problems(customer_since=value) == {"customer_since": message}


def test_a_bad_time_says_how_to_write_one() -> None:
    problems = problems_of(
        Resolution, id=uuid4(), case_id=uuid4(), delight="delighted", resolved_at="yesterday"
    )

    assert problems == {"resolved_at": "is not a date and time (use ISO 8601)"}


def test_a_time_past_what_can_be_stored_is_a_problem_not_a_crash() -> None:
    problems = problems_of(
        Resolution,
        id=uuid4(),
        case_id=uuid4(),
        delight="delighted",
        resolved_at="9999-12-31T23:00:00-05:00",
    )

    assert list(problems) == ["resolved_at"]
    assert "error" not in problems["resolved_at"].lower()


def test_a_bad_whole_number_says_so() -> None:
    assert customer_problems(lifetime_value_cents="lots") == {
        "lifetime_value_cents": "must be a whole number"
    }


def test_nested_fields_are_named_by_their_path() -> None:
    problems = problems_of(
        Resolution,
        id=uuid4(),
        case_id=uuid4(),
        delight="delighted",
        resolved_at="2024-03-01T10:00:00Z",
        remedies=[{"kind": "replacement"}, {"kind": "hug", "cost_cents": -5}],
    )

    assert set(problems) == {"remedies.1.kind", "remedies.1.cost_cents"}
    assert problems["remedies.1.kind"].startswith("must be one of 'repair_fee_waived'")


def test_a_resource_phone_problem_is_our_own_sentence() -> None:
    problems = problems_of(Resource, id=uuid4(), name="Desk", department="Service", phone="12")

    assert problems == {
        "phone": "“12” has the wrong number of digits for a phone number in region US."
    }


def test_a_pattern_mismatch_does_not_show_the_pattern() -> None:
    problems = problems_of(
        Resource, id=uuid4(), name="Desk", department="Service", sip_uri="desk@example.com"
    )

    assert problems == {"sip_uri": "is not in the expected form"}


def test_a_body_that_is_not_an_object_is_one_problem_without_a_field() -> None:
    with pytest.raises(ValidationError) as raised:
        Customer.model_validate(["not", "an", "object"])

    (problem,) = explain(raised.value)
    assert problem.field == ""
    assert str(problem) == problem.message


def test_messages_never_carry_links_or_internal_names() -> None:
    problems = customer_problems(
        id=None, display_name=None, phones="x", emails=[1], tier=None, customer_since=None
    )

    assert problems
    for message in problems.values():
        assert message
        assert "http" not in message
        assert "pydantic" not in message.lower()


def test_a_problem_reads_as_field_then_message() -> None:
    assert str(Problem("display_name", "cannot be empty")) == "display_name: cannot be empty"
    assert str(Problem("", "the body is not JSON")) == "the body is not JSON"
