"""Reading a page of the change feed into domain records, fast enough for a first sync.

The page is ChangePage's JSON, read in one pass by pydantic-core: each change's ``data``
straight into its collection's record type (a union on ``collection``). A first sync
reads a million records this way; reading the JSON first and then each record by
itself cost half as much again. Every field is checked; what is wrong is said with
where, and a record this console cannot read is named with its collection.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, Field, ValidationError, create_model

from advocate_console.domain import RECORD_TYPES, Collection, Record
from advocate_console.domain.records import TRUSTED

from .schemas import Change, ChangeOp

TRUSTED_CONTEXT = {TRUSTED: True}  # our server validated every record; shapes are checked


class FeedChange(Change):
    """One change of the feed, with its record read as its collection's type."""

    data: Record | None = None  # (Change's is a dict)

    def record(self) -> Record:
        """The record (for upserts)."""
        if self.data is None:
            raise ValueError(f"change {self.cursor} carries no record")
        return self.data


def _change_of(collection: Collection, record_type: type[Record]) -> type[FeedChange]:
    return create_model(
        f"{record_type.__name__}Change",
        __base__=FeedChange,
        collection=(Literal[collection], ...),
        data=(record_type | None, None),
    )


AnyFeedChange = Annotated[
    Union[tuple(_change_of(c, t) for c, t in RECORD_TYPES.items())],  # noqa: UP007 (made at run time)
    Field(discriminator="collection"),
]


class FeedPage(BaseModel):
    """A page of the change feed. ``next_cursor`` is where the next read starts."""

    items: list[AnyFeedChange]
    next_cursor: int = Field(ge=0)
    has_more: bool = False


class UnreadablePage(ValueError):
    """A page that is not what ChangePage says: where, what is wrong, and in which record."""

    def __init__(self, where: str, message: str, collection: Collection | None = None) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message
        self.collection = collection  # set when a record of this collection is the problem


def read_feed_page(content: bytes, *, trusted: bool = True) -> FeedPage:
    """The page in ``content`` (ChangePage's JSON), or :class:`UnreadablePage`.

    ``trusted``: the records come from our own server, which checked them (phone
    numbers are then held to their E.164 shape, not looked up in the numbering plan).
    """
    try:
        page = FeedPage.model_validate_json(content, context=TRUSTED_CONTEXT if trusted else None)
    except ValidationError as error:
        raise _unreadable(error) from None
    for number, change in enumerate(page.items):  # (a loop costs less than a validator)
        if change.data is None and change.op is ChangeOp.UPSERT:
            raise UnreadablePage(f"items.{number}", "an upsert must carry its record in data")
    return page


def _unreadable(error: ValidationError) -> UnreadablePage:
    first = error.errors(include_url=False)[0]
    where, message = first["loc"], first["msg"]
    # ("items", 12, "customers", "data", "phones", 0): one record this console cannot read.
    if len(where) > 3 and where[0] == "items" and where[3] == "data":
        field = ".".join(str(part) for part in where[4:]) or "the record"
        return UnreadablePage(field, message, Collection(where[2]))
    if len(where) > 2 and where[0] == "items" and where[2] in RECORD_TYPES:
        where = where[:2] + where[3:]  # the collection's tag says nothing to a person
    return UnreadablePage(".".join(str(part) for part in where) or "the answer", message)
