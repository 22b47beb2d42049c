"""Shapes on the wire of the central API, shared by the client and the reference server.

Records travel as the domain values themselves (``advocate_console.domain.records``);
this module adds what only the wire needs: pages, the change feed, tokens, errors, and
the create/patch bodies derived from each record type. (The console reads the change
feed's pages with ``feed.read_feed_page``, for speed; the shape is ChangePage's.)
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, create_model

from advocate_console.domain import RECORD_TYPES, Collection, History, Record
from advocate_console.domain.fields import TRUSTED, Value
from advocate_console.domain.records import Advocate

T = TypeVar("T")

API_PREFIX = "/api/v1"
MAX_PAGE = 1000
# The change feed's pages may be bigger: a first sync reads a thousand of them, and each
# request has its cost on both sides (a first sync's server CPU fell by a quarter at 5,000).
MAX_CHANGES_PAGE = 5000

# Fields the server owns: never sent in a create body, never changed by a patch.
SERVER_FIELDS = frozenset({"version"})
FIXED_FIELDS = frozenset({"id", "version", "customer_id", "case_id", "number"})


class Page(BaseModel, Generic[T]):
    """One page of a list; pass ``next_cursor`` back to get the next, None at the end."""

    items: list[T]
    next_cursor: str | None = None


class ChangeOp(enum.StrEnum):
    """What happened to a record."""

    UPSERT = "upsert"
    DELETE = "delete"


class Change(BaseModel):
    """One committed change of one record, in commit order."""

    cursor: int = Field(ge=1)
    collection: Collection
    op: ChangeOp = ChangeOp.UPSERT
    id: UUID
    version: int = Field(ge=1)
    data: dict[str, Any] | None = None

    def record(self) -> Record:
        """The record as its domain type (for upserts)."""
        if self.data is None:
            raise ValueError(f"change {self.cursor} carries no record")
        # Our server validated it; its shape is still checked here, not its phone plan.
        return RECORD_TYPES[self.collection].model_validate(self.data, context={TRUSTED: True})


class ChangePage(BaseModel):
    """A page of the change feed. ``next_cursor`` is where the next read starts."""

    items: list[Change]
    next_cursor: int = Field(ge=0)
    has_more: bool = False


class Token(BaseModel):
    """A bearer token and who it belongs to."""

    access_token: str
    token_type: str = "bearer"
    expires_at: datetime
    expires_in: int
    advocate: Advocate
    # An admin set this password: the token serves only to choose a new one (/me/password).
    password_change_required: bool = False


class Health(BaseModel):
    """Answer of ``GET /health``."""

    status: str = "ok"
    version: str


class Release(BaseModel):
    """Answer of ``GET /releases/{channel}``: the current release on a channel."""

    channel: str
    version: str
    notes_url: str
    published_at: datetime


class ProblemOut(BaseModel):
    """One field's problem in an error answer; some carry more that a console may read
    (``code``, and e.g. ``limit``, ``amount`` and ``kind`` of an ``over_authority``)."""

    model_config = ConfigDict(extra="allow")

    field: str
    message: str


class ErrorBody(BaseModel):
    """Every error answer: a reason for people, and per-field problems where there are any."""

    detail: str
    problems: list[ProblemOut] = Field(default_factory=list)
    # The server's record: on 412 the current version; on 409 for a second resolution of a
    # case, the resolution that stands.
    current: dict[str, Any] | None = None
    # On 401: the account was disabled or signed out everywhere with the wipe order, and
    # the console erases what it keeps of it.
    wipe: bool = False
    # What ``detail`` says, as a code and its values (names, numbers, dates as shown) for a
    # console to word in its advocate's language; None where the answer has no code yet.
    code: str | None = None
    values: list[str] = Field(default_factory=list)


class AuditVersion(BaseModel):
    """One version of a record as the change feed holds it: who made it, and when."""

    cursor: int
    version: int
    changed_at: datetime
    changed_by_id: UUID | None = None  # None: written without a signed-in user (the seed)
    changed_by_name: str | None = None
    changed_fields: list[str] = Field(default_factory=list)  # against the version before
    record: dict[str, Any]


class RecordAudit(BaseModel):
    """Answer of ``GET /{collection}/{id}/audit``: every version of one record, oldest first."""

    collection: Collection
    id: UUID
    versions: list[AuditVersion]


class CaseReopen(BaseModel):
    """Body of ``POST /cases/{id}/reopen``: why the resolved case is opened again."""

    model_config = ConfigDict(extra="forbid")

    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]


class ImportResult(BaseModel):
    """Answer of a bulk import."""

    created: int
    ids: list[UUID]


def _derived(record_type: type[Record], suffix: str, *, patch: bool) -> type[BaseModel]:
    fields: dict[str, Any] = {}
    for name, info in record_type.model_fields.items():
        if name in SERVER_FIELDS or (patch and name in FIXED_FIELDS):
            continue
        if name == "id" or patch or name == "number":
            # Absent means "not given"; an explicit null still meets the field's own type,
            # constraints and validators (kept in ``info.metadata``) included.
            fields[name] = (_with_metadata(info), Field(None, **_constraints(info)))
        else:
            fields[name] = (info.annotation, info)
    return create_model(
        record_type.__name__ + suffix,
        __config__=ConfigDict(extra="forbid", str_max_length=20000),
        **fields,
    )


def _with_metadata(info: Any) -> Any:
    return Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation


def _constraints(info: Any) -> dict[str, Any]:
    return {"description": info.description} if info.description else {}


CREATE_BODIES: dict[Collection, type[BaseModel]] = {
    collection: _derived(record_type, "Create", patch=False)
    for collection, record_type in RECORD_TYPES.items()
}
PATCH_BODIES: dict[Collection, type[BaseModel]] = {
    collection: _derived(record_type, "Patch", patch=True)
    for collection, record_type in RECORD_TYPES.items()
}

__all__ = [
    "API_PREFIX",
    "CREATE_BODIES",
    "MAX_CHANGES_PAGE",
    "MAX_PAGE",
    "PATCH_BODIES",
    "AuditVersion",
    "CaseReopen",
    "Change",
    "ChangeOp",
    "ChangePage",
    "ErrorBody",
    "Health",
    "History",
    "ImportResult",
    "Page",
    "ProblemOut",
    "RecordAudit",
    "Release",
    "Token",
    "Value",
]
