"""``POST /telephony/events``: the phone system says a call rings, is answered, ends."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from advocate_console.api.schemas import ErrorBody
from advocate_console.central.auth.dependencies import BearerToken
from advocate_console.central.core.deps import DatabaseDep
from advocate_console.central.integrations.service import Integration, integration_for_key

from .schemas import CallEventIn, CallOut
from .service import record_call_event

router = APIRouter(tags=["telephony"])


def current_integration(db: DatabaseDep, key: BearerToken) -> Integration:
    """The phone system presenting its integration key (a user's token gets 403)."""
    return integration_for_key(db, key)


@router.post(
    "/telephony/events",
    name="post_call_event",
    response_model=CallOut,
    responses={code: {"model": ErrorBody} for code in (401, 403, 404, 422)},
)
def call_event(
    body: CallEventIn,
    db: DatabaseDep,
    integration: Annotated[Integration, Depends(current_integration)],
) -> CallOut:
    """A call event (``newCall``, ``answer``, ``hangup``) for an advocate, by user name or
    extension; their console pops the caller at once (integration keys only)."""
    return record_call_event(db, integration, body)
