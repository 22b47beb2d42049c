"""Wire shapes of the central API: create/patch bodies and the change feed."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from advocate_console.api.schemas import (
    CREATE_BODIES,
    FIXED_FIELDS,
    PATCH_BODIES,
    Change,
    ChangeOp,
    ChangePage,
    ErrorBody,
    Page,
)
from advocate_console.domain import RECORD_TYPES, Collection, Customer

COLLECTIONS = list(Collection)


def accepts_null(record_type: type[BaseModel], field: str) -> bool:
    """Whether the record's own field type lets a value be None."""
    annotation = record_type.model_fields[field].annotation
    try:
        TypeAdapter(annotation).validate_python(None)
    except ValidationError:
        return False
    return True


def rejects(body_type: type[BaseModel], body: dict[str, Any]) -> dict[str, str]:
    """Field → error type for a body that must not validate."""
    with pytest.raises(ValidationError) as raised:
        body_type.model_validate(body)
    return {".".join(map(str, error["loc"])): error["type"] for error in raised.value.errors()}


def test_every_collection_has_a_create_and_a_patch_body() -> None:
    assert set(CREATE_BODIES) == set(PATCH_BODIES) == set(RECORD_TYPES) == set(Collection)


# --- patch bodies ------------------------------------------------------------------------


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_an_empty_patch_changes_nothing(collection: Collection) -> None:
    patch = PATCH_BODIES[collection].model_validate({})

    assert patch.model_dump(exclude_unset=True) == {}


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_a_patch_has_the_records_changeable_fields(collection: Collection) -> None:
    record_fields = set(RECORD_TYPES[collection].model_fields)

    assert set(PATCH_BODIES[collection].model_fields) == record_fields - FIXED_FIELDS


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_a_patch_refuses_null_exactly_where_the_record_does(collection: Collection) -> None:
    record_type, patch_type = RECORD_TYPES[collection], PATCH_BODIES[collection]

    for field in patch_type.model_fields:
        if accepts_null(record_type, field):
            patch = patch_type.model_validate({field: None})
            assert patch.model_dump(exclude_unset=True) == {field: None}
        else:
            assert list(rejects(patch_type, {field: None})) == [field], field


@pytest.mark.parametrize("collection", COLLECTIONS)
@pytest.mark.parametrize("field", sorted(FIXED_FIELDS | {"favourite_colour"}))
def test_a_patch_refuses_fixed_and_unknown_fields(collection: Collection, field: str) -> None:
    assert rejects(PATCH_BODIES[collection], {field: "x"}) == {field: "extra_forbidden"}


def test_a_patch_keeps_only_what_was_sent() -> None:
    patch = PATCH_BODIES[Collection.CASES].model_validate({"status": "resolved", "owner": None})

    assert patch.model_dump(exclude_unset=True) == {"status": "resolved", "owner": None}


def test_a_patch_validates_like_the_record() -> None:
    customers, cases = PATCH_BODIES[Collection.CUSTOMERS], PATCH_BODIES[Collection.CASES]

    assert customers.model_validate(
        {"phones": ["1-800-GE-CARES"], "emails": [" Ann@Example.COM"], "display_name": " Ann "}
    ).model_dump(exclude_unset=True) == {
        "phones": ["+18004322737"],
        "emails": ["ann@example.com"],
        "display_name": "Ann",
    }
    naive = cases.model_validate({"opened_at": "2024-03-01T09:00:00"})
    assert naive.opened_at == datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
    assert naive.opened_at.tzinfo is not None


@pytest.mark.parametrize(
    ("collection", "body"),
    [
        (Collection.CUSTOMERS, {"display_name": ""}),
        (Collection.CUSTOMERS, {"display_name": "x" * 201}),
        (Collection.CUSTOMERS, {"lifetime_value_cents": -1}),
        (Collection.CUSTOMERS, {"phones": ["123"]}),
        (Collection.CUSTOMERS, {"emails": ["ann@"]}),
        (Collection.CASES, {"summary": "x" * 4001}),
        (Collection.CASES, {"status": "lost"}),
        (Collection.PRODUCTS, {"serial_number": "  "}),
        (Collection.RESOURCES, {"sip_uri": "desk@example.com"}),
        (Collection.CARDS, {"gift_value_cents": -100}),
    ],
)
def test_a_patch_refuses_what_the_record_refuses(
    collection: Collection, body: dict[str, Any]
) -> None:
    assert rejects(PATCH_BODIES[collection], body)


def test_a_patch_normalises_like_the_record() -> None:
    patch = PATCH_BODIES[Collection.PRODUCTS].model_validate({"serial_number": " sn-1x "})

    assert patch.model_dump(exclude_unset=True) == {"serial_number": "SN-1X"}


@pytest.mark.parametrize("bodies", [CREATE_BODIES, PATCH_BODIES], ids=["create", "patch"])
def test_every_body_publishes_a_json_schema(bodies: dict[Collection, type[BaseModel]]) -> None:
    for body_type in bodies.values():
        assert body_type.model_json_schema()["additionalProperties"] is False


# --- create bodies -----------------------------------------------------------------------


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_a_create_body_has_every_field_but_the_version(collection: Collection) -> None:
    record_fields = set(RECORD_TYPES[collection].model_fields)

    assert set(CREATE_BODIES[collection].model_fields) == record_fields - {"version"}


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_a_stored_record_less_its_version_is_a_valid_create_body(
    samples, collection: Collection
) -> None:
    record = samples.of(collection)
    body = record.model_dump(mode="json", exclude={"version"})

    created = CREATE_BODIES[collection].model_validate(body)

    assert RECORD_TYPES[collection].model_validate(created.model_dump()) == record


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_a_create_body_refuses_the_version(samples, collection: Collection) -> None:
    body = samples.of(collection).model_dump(mode="json")

    assert rejects(CREATE_BODIES[collection], body) == {"version": "extra_forbidden"}


def test_a_create_body_may_leave_the_id_and_case_number_to_the_server() -> None:
    body = {"customer_id": str(uuid4()), "category": "repair", "opened_at": "2024-03-01T09:00"}

    created = CREATE_BODIES[Collection.CASES].model_validate(body)

    assert created.model_dump(exclude_unset=True).keys() == body.keys()
    assert created.id is None
    assert created.number is None


def test_a_create_body_requires_what_the_record_requires() -> None:
    assert rejects(CREATE_BODIES[Collection.CUSTOMERS], {}) == {
        "display_name": "missing",
        "customer_since": "missing",
    }


def test_a_create_body_validates_like_the_record() -> None:
    created = CREATE_BODIES[Collection.CUSTOMERS].model_validate(
        {"display_name": "Ann", "customer_since": "2015-06-01", "phones": ["(800) 432-2737"]}
    )

    assert created.phones == ["+18004322737"]
    assert rejects(
        CREATE_BODIES[Collection.CUSTOMERS],
        {"display_name": "Ann", "customer_since": "2015-06-01", "emails": ["nope"]},
    ) == {"emails.0": "not_an_email"}


# --- change feed and pages ---------------------------------------------------------------


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_a_change_builds_its_collections_domain_type(samples, collection: Collection) -> None:
    record = samples.of(collection)
    change = Change(
        cursor=7,
        collection=collection,
        id=record.id,
        version=record.version,
        data=record.model_dump(mode="json"),
    )

    rebuilt = Change.model_validate_json(change.model_dump_json()).record()

    assert type(rebuilt) is RECORD_TYPES[collection]
    assert rebuilt == record


def test_a_change_record_is_validated(samples) -> None:
    data = samples.customer().model_dump(mode="json") | {"phones": ["1-800-GE-CARES"]}
    change = Change(cursor=1, collection="customers", id=data["id"], version=1, data=data)

    customer = change.record()

    assert isinstance(customer, Customer)
    assert customer.phones == ["+18004322737"]


def test_a_delete_carries_no_record() -> None:
    change = Change(cursor=3, collection="cases", op="delete", id=uuid4(), version=2)

    assert change.op is ChangeOp.DELETE
    with pytest.raises(ValueError, match="change 3 carries no record"):
        change.record()


@pytest.mark.parametrize(
    "fields", [{"cursor": 0}, {"version": 0}, {"collection": "secrets"}, {"op": "merge"}]
)
def test_a_change_refuses_impossible_values(fields: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        Change(**{"cursor": 1, "collection": "cases", "id": uuid4(), "version": 1, **fields})


def test_pages_carry_their_cursors() -> None:
    page = Page[int].model_validate({"items": [1, 2]})
    feed = ChangePage.model_validate({"items": [], "next_cursor": 0})

    assert (page.items, page.next_cursor) == ([1, 2], None)
    assert (feed.next_cursor, feed.has_more) == (0, False)
    with pytest.raises(ValidationError):
        ChangePage.model_validate({"items": [], "next_cursor": -1})


def test_an_error_body_lists_problems() -> None:
    body = ErrorBody.model_validate(
        {"detail": "Invalid customer", "problems": [{"field": "tier", "message": "must be"}]}
    )

    assert body.problems[0].field == "tier"
    assert body.current is None
