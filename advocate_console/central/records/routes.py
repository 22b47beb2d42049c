"""Get, create and patch for every collection, made by one small router factory."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Header, Query, Response

from advocate_console.api.schemas import CREATE_BODIES, MAX_PAGE, PATCH_BODIES, ErrorBody, Page
from advocate_console.central.auth.dependencies import (
    CurrentAdvocate,
    current_advocate,
    require_role,
)
from advocate_console.central.core.deps import DatabaseDep
from advocate_console.central.core.errors import ApiError
from advocate_console.central.core.http import check_idempotency_key, etag, parse_if_match
from advocate_console.central.idempotency.service import answer_once, fingerprint
from advocate_console.domain import RECORD_TYPES, Collection, Resource, Role
from advocate_console.domain.records import Advocate

from . import service
from .ranking import ResourceHelp, help_counts
from .service import NOUNS, PATHS

IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        description="Any unique string (a UUID); a retry with the same key replays the answer.",
    ),
]
IfMatch = Annotated[
    str | None, Header(alias="If-Match", description='The version you last read, like "3".')
]


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: {"model": ErrorBody} for code in (401, *codes)}


ADVOCATE_CUSTOMER_FIELDS = frozenset(
    {"id", "display_name", "phones", "emails", "address", "customer_since"}
)
"""What an advocate may set on a customer: a new caller's contact, or corrected contact
details. Tier and lifetime value are the business's figures, set by leads and imports."""
ADVOCATE_PRODUCT_FIELDS = frozenset(
    {"id", "customer_id", "brand", "name", "model_number", "serial_number"}
    | {"purchase_date", "warranty_end"}
)
"""What an advocate may set on a product: the one a new caller owns, as they read it out.
Which unit replaced which is the business's record, set by leads."""


def _check_advocate_fields(
    who: Advocate, body: Any, allowed: frozenset[str], *, creating: bool
) -> None:
    if who.role in (Role.LEAD, Role.ADMIN):
        return
    fields = type(body).model_fields
    refused = sorted(
        name
        for name in set(body.model_fields_set) - allowed
        # A new record may spell out the defaults (a standard tier, no value yet).
        if not creating
        or getattr(body, name) != fields[name].get_default(call_default_factory=True)
    )
    if refused:
        raise ApiError(
            403,
            f"Only a lead or admin may set {', '.join(refused)}; you are signed in as {who.role}.",
        )


def record_router(
    collection: Collection, *, lead_writes: bool, advocate_fields: frozenset[str] | None = None
) -> APIRouter:
    """Routes for one collection: GET by id, POST to create, PATCH with If-Match.

    ``lead_writes``: only leads and admins write; with ``advocate_fields`` advocates may
    write too, but only those fields."""
    router = APIRouter(tags=[PATHS[collection]])
    path = f"/{PATHS[collection]}"
    noun = NOUNS[collection].replace("-", "_").replace(" ", "_")
    record_type = RECORD_TYPES[collection]
    leads_only = lead_writes and advocate_fields is None
    writer = Annotated[
        Advocate,
        Depends(require_role(Role.LEAD, Role.ADMIN) if leads_only else current_advocate),
    ]
    forbidden = (403,) if lead_writes else ()

    def get_one(record_id: UUID, db: DatabaseDep, _who: CurrentAdvocate, response: Response):
        record = service.get_record(db, collection, record_id)
        response.headers["ETag"] = etag(record.version)
        return record

    def create_one(body, db: DatabaseDep, who, idempotency_key: IdempotencyKey = None):
        if advocate_fields is not None:
            _check_advocate_fields(who, body, advocate_fields, creating=True)
        key = check_idempotency_key(idempotency_key)
        request = fingerprint("POST", path, body.model_dump_json(exclude_unset=True))
        answer = answer_once(
            db, who.id, key, request, lambda session: service.create(session, collection, body, who)
        )
        return answer.response()

    def patch_one(
        record_id: UUID,
        body,
        db: DatabaseDep,
        who,
        if_match: IfMatch = None,
        idempotency_key: IdempotencyKey = None,
    ):
        if advocate_fields is not None:
            _check_advocate_fields(who, body, advocate_fields - {"id"}, creating=False)
        key = check_idempotency_key(idempotency_key)
        expected = parse_if_match(if_match)
        request = fingerprint(
            "PATCH", f"{path}/{record_id}", body.model_dump_json(exclude_unset=True), expected
        )
        answer = answer_once(
            db,
            who.id,
            key,
            request,
            lambda session: service.patch(session, collection, record_id, body, expected, who),
        )
        return answer.response()

    # The body types are made at run time, so their annotations are set here.
    create_one.__annotations__.update(body=CREATE_BODIES[collection], who=writer)
    patch_one.__annotations__.update(body=PATCH_BODIES[collection], who=writer)
    get_one.__doc__ = f"One {NOUNS[collection]} by id, with its version as ETag."
    create_one.__doc__ = f"Create a {NOUNS[collection]}; the body may carry the id to use."
    patch_one.__doc__ = f"Change some fields of a {NOUNS[collection]} (If-Match: its version)."

    router.add_api_route(
        f"{path}/{{record_id}}",
        get_one,
        methods=["GET"],
        name=f"get_{noun}",
        response_model=record_type,
        responses=_errors(404, 422),
    )
    router.add_api_route(
        path,
        create_one,
        methods=["POST"],
        name=f"create_{noun}",
        status_code=201,
        response_model=record_type,
        responses=_errors(*forbidden, 400, 409, 413, 422),
    )
    router.add_api_route(
        f"{path}/{{record_id}}",
        patch_one,
        methods=["PATCH"],
        name=f"update_{noun}",
        response_model=record_type,
        responses=_errors(*forbidden, 400, 404, 409, 412, 413, 422, 428),
    )
    return router


resources_router = APIRouter(tags=["resources"])


@resources_router.get(
    "/resources", name="list_resources", response_model=Page[Resource], responses=_errors(400, 422)
)
def list_resources(
    db: DatabaseDep,
    _who: CurrentAdvocate,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> Page[Resource]:
    """The internal people and desks an advocate can dial in, a page at a time."""
    return service.list_records(db, Collection.RESOURCES, limit, cursor)


@resources_router.get(
    "/resources/ranking",
    name="rank_resources",
    response_model=list[ResourceHelp],
    responses=_errors(422),
)
def rank_resources(
    db: DatabaseDep,
    who: CurrentAdvocate,
    category: Annotated[str, Query(min_length=1, max_length=200)],
    product_model: Annotated[str, Query(max_length=200)] = "",
) -> list[ResourceHelp]:
    """How often each resource helped on this category and product model before."""
    return help_counts(db, category, product_model, who.display_name)


ADVOCATE_FIELDS = {
    Collection.CUSTOMERS: ADVOCATE_CUSTOMER_FIELDS,
    Collection.PRODUCTS: ADVOCATE_PRODUCT_FIELDS,
}


def all_record_routers() -> list[APIRouter]:
    """The routers of every collection, customers' lookups and resources' list included."""
    lead_only = {Collection.CUSTOMERS, Collection.PRODUCTS, Collection.RESOURCES}
    routers = [resources_router]
    routers += [
        record_router(
            c,
            lead_writes=c in lead_only,
            advocate_fields=ADVOCATE_FIELDS.get(c),
        )
        for c in Collection
    ]
    return routers
