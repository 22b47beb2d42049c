"""How a scoreboard figure reads: "62%", "$48.20", "14", or "—" where nothing was counted."""

from __future__ import annotations

from ..formatting import money

NOTHING = "—"


def is_share(name: str) -> bool:
    """Whether the figure is a share between 0 and 1."""
    return name.endswith("_share")


def is_money(name: str) -> bool:
    """Whether the figure is in cents."""
    return "_cents" in name


def figure_text(name: str, value: float | None) -> str:
    """The figure ``name`` with ``value`` as people read it."""
    if value is None:
        return NOTHING
    if is_share(name):
        return f"{value * 100:.0f}%"
    if is_money(name):
        return money(round(value))
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.1f}"
    return f"{int(value):,}"


def percent(value: float | None) -> str:
    """A share as a percentage."""
    return figure_text("x_share", value)
