"""A scorecard's figures from the sums counted in SQL, and the team median of each."""

from __future__ import annotations

from statistics import median

from advocate_console.api.reports import FIGURES, Figure, WeekFigures
from advocate_console.domain import Delight, RecoveryStep, RemedyKind

from .period import Period
from .tallies import Sums, empty

SHARE_PLACES = 4


def share(part: int, whole: int) -> float | None:
    """``part`` of ``whole`` between 0 and 1 (None when there is no whole)."""
    return round(part / whole, SHARE_PLACES) if whole else None


def figures_of(sums: Sums) -> dict[str, Figure]:
    """Every figure of ``FIGURES`` from one advocate's sums."""
    count = sums["resolutions"]
    cost = sums["remedy_cost_cents"]
    found: dict[str, Figure] = {"resolutions": count}
    for delight in Delight:
        found[delight.value] = sums[delight.value]
    found["delighted_share"] = share(sums[Delight.DELIGHTED.value], count)
    found["all_five_steps_share"] = share(sums["all_five_steps"], count)
    for step in RecoveryStep:
        found[f"step_{step.value}_share"] = share(sums[f"step_{step.value}"], count)
    found["remedy_cost_cents"] = cost
    found["remedy_cost_per_case_cents"] = round(cost / count) if count else None
    found["remedy_cost_lifetime_value_share"] = share(cost, sums["lifetime_value_cents"])
    for kind in RemedyKind:
        found[f"remedy_cost_cents_{kind.value}"] = sums[f"remedy_cost_cents_{kind.value}"]
    found["repeat_contacts"] = sums["came_back"]
    found["repeat_contact_share"] = share(sums["came_back"], count)
    for name in (
        "follow_ups_on_time",
        "follow_ups_late",
        "follow_ups_missed",
        "cards_sent",
        "gift_value_cents",
        "conferences_held",
        "people_brought_in",
    ):
        found[name] = sums[name]
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


def week_figures(period: Period, weeks: dict[int, Sums]) -> list[WeekFigures]:
    """One entry per week the period touches, empty weeks included."""
    found = []
    for number, start in enumerate(period.weeks()):
        sums = weeks.get(number) or empty()
        count = sums["resolutions"]
        found.append(
            WeekFigures(
                week_start=start,
                resolutions=count,
                delighted_share=share(sums[Delight.DELIGHTED.value], count),
                all_five_steps_share=share(sums["all_five_steps"], count),
                remedy_cost_cents=sums["remedy_cost_cents"],
                repeat_contact_share=share(sums["came_back"], count),
            )
        )
    return found
