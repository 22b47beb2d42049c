"""Who helped with a kind of problem before: call attempts counted per resource.

The console ranks from its own replica (attempts arrive with the change feed); this is
the same count on the server, for a new laptop before its first sync and for reports.
"""

from __future__ import annotations

from uuid import UUID

from pydantic import BaseModel
from sqlalchemy import and_, case, func, select

from advocate_console.central.core.database import Database

from .models import CallAttemptRow


class ResourceHelp(BaseModel):
    """One resource's past help on a category (and product model)."""

    resource_id: UUID
    helped_here: int  # helped on this category and this model (the whole team)
    helped_category: int  # helped on this category with another model
    tried_here: int  # every attempt on this category and model
    did_not_help_here: int
    helped_you: int  # helped the advocate asking, on this category


def help_counts(
    db: Database, category: str, product_model: str, advocate: str
) -> list[ResourceHelp]:
    """Every resource tried on ``category``, most help on ``product_model`` first."""
    row = CallAttemptRow
    same_model = row.product_model == product_model
    helped = row.helped.is_(True)

    def count(*conditions):
        return func.sum(case((and_(*conditions), 1), else_=0))

    query = (
        select(
            row.resource_id,
            count(same_model, helped).label("helped_here"),
            count(~same_model, helped).label("helped_category"),
            count(same_model).label("tried_here"),
            count(same_model, row.helped.is_(False)).label("did_not_help_here"),
            count(row.advocate == advocate, helped).label("helped_you"),
        )
        .where(row.category == category)
        .group_by(row.resource_id)
    )
    with db.read() as session:
        found = [
            ResourceHelp(
                resource_id=r[0],
                **{k: int(v or 0) for k, v in r._mapping.items() if k != "resource_id"},
            )
            for r in session.execute(query)
        ]
    return sorted(found, key=lambda h: (-h.helped_here, -h.helped_category, str(h.resource_id)))
