"""The records themselves: what validation keeps, normalises and refuses."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from uuid import UUID, uuid4

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from advocate_console.domain import (
    Address,
    Advocate,
    Case,
    CaseStatus,
    Customer,
    FollowUp,
    History,
    Role,
    Tier,
    case_number_for,
)

PROPERTY = settings(max_examples=50, deadline=None)


def error_types(raised: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    """Field path → pydantic error type, for each error."""
    return {
        ".".join(str(part) for part in error["loc"]): error["type"]
        for error in raised.value.errors()
    }


# --- customers: phones and e-mails -------------------------------------------------------


def test_customer_phones_are_stored_as_e164(samples) -> None:
    customer = samples.customer(phones=["1-800-GE-CARES", "(800) 432-2737 x5", "+442079460958"])

    assert customer.phones == ["+18004322737", "+18004322737;ext=5", "+442079460958"]


def test_a_stored_customer_validates_again_unchanged(samples) -> None:
    customer = samples.customer(phones=["800-432-2737 x123"], emails=["Ann@Example.com"])

    assert Customer.model_validate(customer.model_dump()) == customer
    assert Customer.model_validate_json(customer.model_dump_json()) == customer


@pytest.mark.parametrize("phone", ["abc", "123", "", "+999 1234567", "+999123456", "+1234567"])
def test_a_customer_phone_that_is_no_number_is_refused(samples, phone: str) -> None:
    with pytest.raises(ValidationError) as raised:
        samples.customer(phones=["+18004322737", phone])

    assert error_types(raised) == {"phones.1": "value_error"}


def test_customer_emails_are_trimmed_and_lower_cased(samples) -> None:
    customer = samples.customer(emails=["  Ann.Example@Mail.COM ", "ann+tag@sub.example.org"])

    assert customer.emails == ["ann.example@mail.com", "ann+tag@sub.example.org"]


@pytest.mark.parametrize(
    "email",
    [
        "ann",
        "ann@",
        "@example.com",
        "ann@example",
        "ann@@example.com",
        "ann example@example.com",
        "ann@example..com",
        "ann@.example.com",
        "a" * 65 + "@example.com",
        "ann@" + "e" * 250 + ".com",
    ],
)
def test_a_malformed_email_is_refused(samples, email: str) -> None:
    with pytest.raises(ValidationError) as raised:
        samples.customer(emails=[email])

    assert error_types(raised) == {"emails.0": "not_an_email"}  # a code the console words
    assert "is not an e-mail address" in str(raised.value)


def test_a_customer_has_at_most_ten_phones(samples) -> None:
    with pytest.raises(ValidationError) as raised:
        samples.customer(phones=["+18004322737"] * 11)

    assert error_types(raised) == {"phones": "too_long"}


# --- names and text ----------------------------------------------------------------------


def test_names_are_trimmed(samples) -> None:
    customer = samples.customer(display_name="  Ann   Example ")

    assert customer.display_name == "Ann   Example"
    assert customer.first_name == "Ann"


@pytest.mark.parametrize("name", ["", "   "])
def test_a_blank_name_is_refused(samples, name: str) -> None:
    with pytest.raises(ValidationError) as raised:
        samples.customer(display_name=name)

    assert list(error_types(raised)) == ["display_name"]


@pytest.mark.parametrize(
    ("build", "field", "limit"),
    [
        ("customer", "display_name", 200),
        ("case", "summary", 4000),
        ("case", "category", 200),
        ("interaction", "summary", 4000),
        ("interaction", "body", 20000),
        ("card", "message", 4000),
        ("resource", "notes", 4000),
    ],
)
def test_text_is_limited(samples, build: str, field: str, limit: int) -> None:
    make = getattr(samples, build)

    assert len(getattr(make(**{field: "x" * limit}), field)) == limit
    with pytest.raises(ValidationError) as raised:
        make(**{field: "x" * (limit + 1)})
    assert list(error_types(raised)) == [field]


def test_unknown_fields_are_ignored(samples) -> None:
    customer = samples.customer(favourite_colour="teal")

    assert not hasattr(customer, "favourite_colour")


def test_records_are_immutable(samples) -> None:
    customer = samples.customer()

    with pytest.raises(ValidationError):
        customer.display_name = "Someone Else"


def test_a_version_starts_at_one_and_never_below(samples) -> None:
    assert samples.customer().version == 1
    with pytest.raises(ValidationError) as raised:
        samples.customer(version=0)
    assert error_types(raised) == {"version": "greater_than_equal"}


def test_money_is_whole_non_negative_cents(samples) -> None:
    assert samples.customer(lifetime_value_cents=123_456).lifetime_value_cents == 123_456
    with pytest.raises(ValidationError) as raised:
        samples.customer(lifetime_value_cents=-1)
    assert error_types(raised) == {"lifetime_value_cents": "greater_than_equal"}


def test_a_tier_is_one_of_the_tiers(samples) -> None:
    assert samples.customer(tier="platinum").tier is Tier.PLATINUM
    with pytest.raises(ValidationError) as raised:
        samples.customer(tier="diamond")
    assert error_types(raised) == {"tier": "enum"}


# --- times -------------------------------------------------------------------------------


def test_a_time_without_a_zone_is_taken_as_utc(samples) -> None:
    case = samples.case(opened_at=datetime(2024, 3, 1, 9, 0))

    assert case.opened_at == datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
    assert case.opened_at.tzinfo is UTC


def test_a_time_in_another_zone_is_converted_to_utc(samples) -> None:
    chicago_winter = timezone(timedelta(hours=-6))
    case = samples.case(opened_at=datetime(2024, 3, 1, 9, 0, tzinfo=chicago_winter))

    assert case.opened_at == datetime(2024, 3, 1, 15, 0, tzinfo=UTC)
    assert case.opened_at.utcoffset() == timedelta(0)


def test_iso_text_times_are_read_and_made_utc(samples) -> None:
    case = samples.case(opened_at="2024-03-01T09:00:00+02:00", closed_at="2024-03-02T10:00:00")

    assert case.opened_at == datetime(2024, 3, 1, 7, 0, tzinfo=UTC)
    assert case.closed_at == datetime(2024, 3, 2, 10, 0, tzinfo=UTC)


@PROPERTY
@given(
    st.datetimes(
        min_value=datetime(1990, 1, 1),
        max_value=datetime(2100, 1, 1),
        timezones=st.one_of(st.none(), st.timezones()),
    )
)
def test_every_record_time_is_utc_and_the_same_instant(moment: datetime) -> None:
    follow_up = FollowUp(
        id=uuid4(), customer_id=uuid4(), due_at=moment, completed_at=moment, reason="Call back"
    )
    for value in (follow_up.due_at, follow_up.completed_at):
        assert value.utcoffset() == timedelta(0)
        if moment.tzinfo is None:
            assert value.replace(tzinfo=None) == moment
        else:
            # Timestamps, because == across zones is never true inside a DST gap (PEP 495).
            assert value.timestamp() == moment.timestamp()


# --- cases -------------------------------------------------------------------------------


def test_a_case_number_is_derived_from_the_id_when_not_given(samples) -> None:
    case_id = UUID("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0")
    case = samples.case(id=case_id)

    assert case.number == case_number_for(case_id)
    assert case.number == samples.case(id=case_id, number="").number


def test_a_given_case_number_is_kept_in_upper_case(samples) -> None:
    assert samples.case(number=" c-7k2m9q4x ").number == "C-7K2M9Q4X"


def test_a_derived_case_number_survives_the_wire(samples) -> None:
    case = samples.case()

    again = Case.model_validate_json(case.model_dump_json())

    assert again.number == case.number
    assert again == case


def test_a_case_opens_on_the_phone(samples) -> None:
    case = samples.case()

    assert case.status is CaseStatus.OPEN
    assert case.status.is_open
    assert not CaseStatus.RESOLVED.is_open


def test_a_case_needs_an_opening_time_and_a_category(samples) -> None:
    with pytest.raises(ValidationError) as raised:
        Case(id=uuid4(), customer_id=uuid4())

    assert error_types(raised) == {"category": "missing", "opened_at": "missing"}


# --- products, resources, resolutions ----------------------------------------------------


def test_a_serial_number_is_trimmed_and_upper_cased(samples) -> None:
    assert samples.product(serial_number=" sn-4411x9 ").serial_number == "SN-4411X9"


def test_a_blank_serial_number_is_refused(samples) -> None:
    with pytest.raises(ValidationError) as raised:
        samples.product(serial_number="   ")

    assert list(error_types(raised)) == ["serial_number"]


def test_a_resource_phone_is_normalised_and_optional(samples) -> None:
    assert samples.resource(phone="1-800-GE-CARES x44").phone == "+18004322737;ext=44"
    assert samples.resource(phone=None).phone is None


@pytest.mark.parametrize("uri", ["sip:desk@example.com", "sips:desk@example.com:5061"])
def test_a_resource_may_have_a_sip_uri(samples, uri: str) -> None:
    assert samples.resource(sip_uri=uri).sip_uri == uri


@pytest.mark.parametrize("uri", ["desk@example.com", "sip:", "sip:desk @example.com", "tel:+1800"])
def test_a_sip_uri_must_be_one(samples, uri: str) -> None:
    with pytest.raises(ValidationError) as raised:
        samples.resource(sip_uri=uri)

    assert list(error_types(raised)) == ["sip_uri"]


def test_working_hours_default_to_office_hours_on_weekdays(samples) -> None:
    hours = samples.resource(working_hours={"timezone": "America/Chicago"}).working_hours

    assert hours.days == [0, 1, 2, 3, 4]
    assert (hours.start.hour, hours.end.hour) == (9, 17)
    with pytest.raises(ValidationError):
        samples.resource(working_hours={"days": [7]})


def test_a_resolution_adds_up_what_its_remedies_cost(samples) -> None:
    resolution = samples.resolution(
        remedies=[
            {"kind": "repair_fee_waived", "cost_cents": 12_900},
            {"kind": "gift_certificate", "cost_cents": 5_000, "value_cents": 5_000},
            {"kind": "information_only"},
        ]
    )

    assert resolution.total_cost_cents == 17_900


def test_a_resolution_has_at_most_the_five_steps(samples) -> None:
    steps = ["empathized", "took_ownership", "lessened_inconvenience"]
    steps += ["managed_memory", "extended_experience"]

    assert len(samples.resolution(steps=steps).steps) == 5
    with pytest.raises(ValidationError):
        samples.resolution(steps=[*steps, "empathized"])
    with pytest.raises(ValidationError):
        samples.resolution(steps=["apologised"])


# --- addresses, advocates, history -------------------------------------------------------


def test_an_address_prints_as_an_envelope() -> None:
    address = Address(
        lines=["12 Elm Street", "Apt 4"], city="Springfield", region="IL", postal_code="62701"
    )

    assert address.envelope_lines("Ann Example") == [
        "Ann Example",
        "12 Elm Street",
        "Apt 4",
        "Springfield, IL 62701",
    ]


def test_a_foreign_address_ends_with_its_country() -> None:
    address = Address(lines=["1 High Street"], city="Oxford", country="GB")

    assert address.envelope_lines("Ann") == ["Ann", "1 High Street", "Oxford", "GB"]


def test_an_address_needs_one_to_four_lines() -> None:
    with pytest.raises(ValidationError):
        Address(lines=[], city="Oxford")
    with pytest.raises(ValidationError):
        Address(lines=["a", "b", "c", "d", "e"], city="Oxford")


def test_an_advocates_first_name_falls_back_to_the_username() -> None:
    def advocate(display_name: str) -> Advocate:
        return Advocate(id=uuid4(), username="ann.e", display_name=display_name)

    assert advocate("Ann Example").first_name == "Ann"
    assert advocate("").first_name == "ann.e"
    assert advocate("   ").first_name == "ann.e"
    assert advocate("Ann").role is Role.ADVOCATE


def test_a_history_holds_one_customers_records(samples) -> None:
    customer = samples.customer()
    product = samples.product(customer.id)
    case = samples.case(product)

    history = History(customer=customer, products=[product], cases=[case])

    assert History.model_validate_json(history.model_dump_json()) == history
    assert history.interactions == []
    assert history.customer.customer_since == date(2015, 6, 1)


@PROPERTY
@given(st.lists(st.emails(), max_size=3))
def test_every_real_email_is_kept_in_lower_case(emails: list[str]) -> None:
    customer = Customer(
        id=uuid4(), display_name="Ann", customer_since=date(2015, 6, 1), emails=emails
    )

    assert customer.emails == [email.lower() for email in emails]
