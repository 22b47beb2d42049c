"""A scorecard's figures from the sums counted in SQL, and the team median of each."""

from __future__ import annotations

from statistics import median

from advocate_console.api.reports import FIGURES, Figure, WeekFigures
from advocate_console.domain import Delight, RecoveryStep, RemedyKind

from .period import Period
from .tallies import AuthorSums, ResolutionSums

SHARE_PLACES = 4


def share(part: int, whole: int) -> float | None:
    """``part`` of ``whole`` between 0 and 1 (None when there is no whole)."""
    return round(part / whole, SHARE_PLACES) if whole else None


def figures_of(sums: AuthorSums) -> dict[str, Figure]:
    """Every figure of ``FIGURES`` for one advocate."""
    resolved = sums.resolved
    count = resolved.resolutions
    cost = resolved.remedy_cost_cents
    found: dict[str, Figure] = {"resolutions": count}
    for delight in Delight:
        found[delight.value] = resolved.delight.get(delight.value, 0)
    found["delighted_share"] = share(resolved.delight.get(Delight.DELIGHTED.value, 0), count)
    found["all_five_steps_share"] = share(resolved.all_five_steps, count)
    for step in RecoveryStep:
        found[f"step_{step.value}_share"] = share(resolved.steps.get(step.value, 0), count)
    found["remedy_cost_cents"] = cost
    found["remedy_cost_per_case_cents"] = round(cost / count) if count else None
    found["remedy_cost_lifetime_value_share"] = share(cost, sums.lifetime_value_cents)
    for kind in RemedyKind:
        found[f"remedy_cost_cents_{kind.value}"] = sums.remedy_cost_by_kind.get(kind.value, 0)
    found["repeat_contacts"] = resolved.repeat_contacts
    found["repeat_contact_share"] = share(resolved.repeat_contacts, count)
    for kept in ("on_time", "late", "missed"):
        found[f"follow_ups_{kept}"] = sums.follow_ups.get(kept, 0)
    found["cards_sent"] = sums.cards_sent
    found["gift_value_cents"] = sums.gift_value_cents
    found["conferences_held"] = sums.conferences_held
    found["people_brought_in"] = sums.people_brought_in
    return found


def medians(rows: list[dict[str, Figure]]) -> dict[str, Figure]:
    """The median of each figure over ``rows`` (figures that are None are left out)."""
    found: dict[str, Figure] = {}
    for name in FIGURES:
        values = [row[name] for row in rows if row[name] is not None]
        if not values:
            found[name] = None
            continue
        middle = median(values)
        # A median of counts or cents stays whole unless it falls halfway between two.
        whole = all(isinstance(value, int) for value in values) and float(middle).is_integer()
        found[name] = int(middle) if whole else round(float(middle), SHARE_PLACES)
    return found


def week_figures(period: Period, weeks: dict[int, ResolutionSums]) -> list[WeekFigures]:
    """One entry per week the period touches, empty weeks included."""
    found = []
    for number, start in enumerate(period.weeks()):
        sums = weeks.get(number) or ResolutionSums()
        count = sums.resolutions
        found.append(
            WeekFigures(
                week_start=start,
                resolutions=count,
                delighted_share=share(sums.delight.get(Delight.DELIGHTED.value, 0), count),
                all_five_steps_share=share(sums.all_five_steps, count),
                remedy_cost_cents=sums.remedy_cost_cents,
                repeat_contact_share=share(sums.repeat_contacts, count),
            )
        )
    return found
