"""An advocate's authority: their own (``/me/authority``), and any user's for leads."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from advocate_console.api.schemas import ErrorBody
from advocate_console.central.auth.dependencies import CurrentAdvocate, LeadOrAdmin
from advocate_console.central.core.deps import DatabaseDep
from advocate_console.central.core.errors import ApiError
from advocate_console.domain import Role
from advocate_console.domain.authority import Authority, AuthorityLimits

from . import service

router = APIRouter(tags=["authority"])


def _errors(*codes: int) -> dict[int | str, dict]:
    return {code: {"model": ErrorBody} for code in (401, *codes)}


@router.get("/me/authority", name="get_my_authority", response_model=Authority, responses=_errors())
def my_authority(db: DatabaseDep, who: CurrentAdvocate) -> Authority:
    """The signed-in user's limits and what they gave this calendar month (UTC)."""
    with db.read() as session:
        return service.authority_of(session, who.id)


def _known(session, user_id: UUID) -> None:
    if not service.user_exists(session, user_id):
        raise ApiError(404, f"There is no user with id {user_id}.")


@router.get(
    "/users/{user_id}/authority",
    name="get_user_authority",
    response_model=Authority,
    responses=_errors(403, 404, 422),
)
def user_authority(user_id: UUID, db: DatabaseDep, _who: LeadOrAdmin) -> Authority:
    """A user's limits and what they gave this month (leads and admins)."""
    with db.read() as session:
        _known(session, user_id)
        return service.authority_of(session, user_id)


@router.put(
    "/users/{user_id}/authority",
    name="set_user_authority",
    response_model=Authority,
    responses=_errors(403, 404, 422),
)
def set_user_authority(
    user_id: UUID, body: AuthorityLimits, db: DatabaseDep, who: LeadOrAdmin
) -> Authority:
    """Set every limit of a user (leads and admins; a lead's own, admins only). They
    apply to the user's next save."""
    missing = [name for name in AuthorityLimits.model_fields if name not in body.model_fields_set]
    if missing:
        raise ApiError(
            422,
            f"Send every limit; missing: {', '.join(missing)}.",
            problems=[(name, "is required") for name in missing],
        )
    if user_id == who.id and who.role is not Role.ADMIN:
        raise ApiError(403, "A lead cannot change their own limits; ask an admin.")
    with db.write() as session:
        _known(session, user_id)
        service.set_limits(session, user_id, body, who)
    with db.read() as session:
        return service.authority_of(session, user_id)
