"""Reading the change feed's pages: every shape ChangePage forbids is a clear error."""

from __future__ import annotations

import json
import uuid

import pytest

from advocate_console.api.feed import UnreadablePage, read_feed_page
from advocate_console.api.schemas import ChangeOp
from advocate_console.domain import Collection, Customer

CUSTOMER = {
    "id": str(uuid.uuid4()),
    "version": 2,
    "display_name": "  Ada Byron ",
    "tier": "gold",
    "customer_since": "2019-04-01",
}


def _change(cursor: int = 1, **overrides) -> dict:
    change = {
        "cursor": cursor,
        "collection": "customers",
        "op": "upsert",
        "id": CUSTOMER["id"],
        "version": 2,
        "data": CUSTOMER,
    }
    return change | overrides


def _page(*items, **overrides) -> bytes:
    return json.dumps(
        {"items": list(items), "next_cursor": 7, "has_more": True} | overrides
    ).encode()


def test_a_page_reads_into_records_of_their_collections_type():
    deleted = _change(2, op="delete", data=None)
    page = read_feed_page(_page(_change(), deleted))

    upsert, delete = page.items
    assert (page.next_cursor, page.has_more) == (7, True)
    assert isinstance(upsert.record(), Customer)
    assert (upsert.collection, upsert.version, upsert.record().display_name) == (
        Collection.CUSTOMERS,
        2,
        "Ada Byron",
    )
    assert (delete.op, delete.data) == (ChangeOp.DELETE, None)
    with pytest.raises(ValueError, match="change 2 carries no record"):
        delete.record()


def test_untrusted_pages_have_their_phone_numbers_checked_against_the_plan():
    record = CUSTOMER | {"phones": ["+999123456"]}  # E.164's shape, but no such country
    assert read_feed_page(_page(_change(data=record))).items[0].record().phones == ["+999123456"]
    with pytest.raises(UnreadablePage) as raised:
        read_feed_page(_page(_change(data=record)), trusted=False)
    assert (raised.value.collection, raised.value.where) == (Collection.CUSTOMERS, "phones.0")


@pytest.mark.parametrize(
    ("content", "where", "words", "collection"),
    [
        (b'{"items": [', "the answer", "Invalid JSON", None),
        (b"<html>Sign in to the Wi-Fi</html>", "the answer", "Invalid JSON", None),
        (b"[1, 2]", "the answer", "should be an object", None),
        (_page(next_cursor=-1), "next_cursor", "greater than or equal to 0", None),
        (_page("a change"), "items.0", "should be an object", None),
        (_page(_change(collection="spaceships")), "items.0", "'spaceships' found using", None),
        (_page(_change(cursor=0)), "items.0.cursor", "greater than or equal to 1", None),
        (_page(_change(op="merge")), "items.0.op", "Input should be", None),
        (_page(_change(data=None)), "items.0", "must carry its record", None),
        (_page(_change(data=[])), "the record", "should be an object", Collection.CUSTOMERS),
        (_page(_change(data=CUSTOMER | {"tier": "vip"})), "tier", "Input should be", "customers"),
    ],
)
def test_what_is_wrong_with_a_page_is_said_with_where(content, where, words, collection):
    with pytest.raises(UnreadablePage) as raised:
        read_feed_page(content)

    assert raised.value.where == where
    assert words in raised.value.message
    assert raised.value.collection == collection
