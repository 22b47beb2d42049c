"""Reading a page of the change feed into domain records, fast enough for a first sync.

The page is ChangePage's JSON, read in one pass by pydantic-core: each change's ``data``
straight into its collection's record type (a union on ``collection``), the changes
themselves as typed dicts. A first sync reads a million records this way (in worker
processes, see ``sync/pages.py``). What is wrong is said with where, and a record this
console cannot read is named with its collection.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal, NotRequired, Union
from uuid import UUID

from pydantic import Field, TypeAdapter, ValidationError
from typing_extensions import TypedDict  # (pydantic's choice before Python 3.12)

from advocate_console.domain import RECORD_TYPES, Collection, Record
from advocate_console.domain.fields import TRUSTED

from .schemas import ChangeOp

TRUSTED_CONTEXT = {TRUSTED: True}  # our server validated every record; shapes are checked


@dataclass(frozen=True, slots=True)
class FeedChange:
    """One change of the feed, with its record read as its collection's type."""

    cursor: int
    collection: Collection
    op: ChangeOp
    data: Record | None

    @property
    def id(self) -> UUID | None:
        """The record's id (None for a change without its record)."""
        return None if self.data is None else self.data.id

    @property
    def version(self) -> int | None:
        """The record's version (None for a change without its record)."""
        return None if self.data is None else self.data.version

    def record(self) -> Record:
        """The record (for upserts)."""
        if self.data is None:
            raise ValueError(f"change {self.cursor} carries no record")
        return self.data


@dataclass(frozen=True, slots=True)
class FeedPage:
    """A page of the change feed. ``next_cursor`` is where the next read starts."""

    items: list[FeedChange]
    next_cursor: int
    has_more: bool = False


# The page's shape for pydantic-core, as typed dicts rather than models: a model around
# each record doubled what reading a page cost. A change's own id and version repeat its
# record's, which are the ones read (and checked).
def _change_shape(collection: Collection, record_type: type[Record]) -> type:
    return TypedDict(  # type: ignore[operator]
        f"{record_type.__name__}Change",
        {
            "cursor": Annotated[int, Field(ge=1)],
            "collection": Literal[collection],
            "op": NotRequired[ChangeOp],
            "data": NotRequired[record_type | None],
        },
    )


_AnyChange = Annotated[
    Union[tuple(_change_shape(c, t) for c, t in RECORD_TYPES.items())],  # noqa: UP007 (made at run time)
    Field(discriminator="collection"),
]


class _Page(TypedDict):
    items: list[_AnyChange]
    next_cursor: Annotated[int, Field(ge=0)]
    has_more: NotRequired[bool]


_PAGE = TypeAdapter(_Page)


class UnreadablePage(ValueError):
    """A page that is not what ChangePage says: where, what is wrong, and in which record."""

    def __init__(self, where: str, message: str, collection: Collection | None = None) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message
        self.collection = collection  # set when a record of this collection is the problem

    def __reduce__(self):  # (from a worker process, whole)
        return type(self), (self.where, self.message, self.collection)


def read_feed_page(content: bytes, *, trusted: bool = True) -> FeedPage:
    """The page in ``content`` (ChangePage's JSON), or :class:`UnreadablePage`.

    ``trusted``: the records come from our own server, which checked them (phone
    numbers are then held to their E.164 shape, not looked up in the numbering plan).
    """
    try:
        page = _PAGE.validate_json(content, context=TRUSTED_CONTEXT if trusted else None)
    except ValidationError as error:
        raise _unreadable(error) from None
    items = []
    for number, change in enumerate(page["items"]):
        op, data = change.get("op", ChangeOp.UPSERT), change.get("data")
        if data is None and op is ChangeOp.UPSERT:  # (a loop costs less than a validator)
            raise UnreadablePage(f"items.{number}", "an upsert must carry its record in data")
        items.append(FeedChange(change["cursor"], Collection(change["collection"]), op, data))
    return FeedPage(items, page["next_cursor"], page.get("has_more", False))


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
