"""Admins list and revoke phone systems' integration keys."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Depends

from advocate_console.api.schemas import ErrorBody
from advocate_console.central.auth.dependencies import require_role
from advocate_console.central.core.deps import DatabaseDep
from advocate_console.central.core.errors import ApiError
from advocate_console.domain import Role

from .service import Integration, list_integrations, revoke_integration

router = APIRouter(tags=["integrations"])
_ADMIN = [Depends(require_role(Role.ADMIN))]
_ERRORS = {code: {"model": ErrorBody} for code in (401, 403)}


@router.get(
    "/integrations",
    name="list_integrations",
    response_model=list[Integration],
    responses=_ERRORS,
    dependencies=_ADMIN,
)
def integrations(db: DatabaseDep) -> list[Integration]:
    """Every phone system's integration (admins); keys are never shown again."""
    return list_integrations(db)


@router.delete(
    "/integrations/{integration_id}",
    name="revoke_integration",
    response_model=Integration,
    responses={**_ERRORS, 404: {"model": ErrorBody}},
    dependencies=_ADMIN,
)
def revoke(integration_id: UUID, db: DatabaseDep) -> Integration:
    """Revoke an integration's key at once (admins)."""
    try:
        return revoke_integration(db, str(integration_id))
    except ValueError:
        raise ApiError(404, f"There is no integration with id {integration_id}.") from None
