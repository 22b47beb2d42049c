"""How each advocate works: the habits that show on their scorecard.

Most of the team follow the five steps often and delight about four customers in ten.
Maya Castellanos (the demo advocate) takes all five nearly every time, ends more calls
with a card and a small gift, and so spends a little more per case and delights far
more; that is the story a lead should find on the team page.
"""

from __future__ import annotations

from typing import NamedTuple

from .accounts import ADVOCATES, DEMO_DISPLAY_NAME


class Style(NamedTuple):
    """An advocate's habits, as chances between 0 and 1."""

    all_five: float  # takes all five steps
    lift: float  # turns a customer who would not have been delighted into a delighted one
    card: float  # sends a thank-you card when the steps and the customer allow
    gift: float  # puts a gift certificate in that card


# The team, in the order of ADVOCATES after the demo and lead users: close to one another.
_TEAM = (
    Style(0.62, 0.03, 0.34, 0.28),  # Dennis Whitford, the lead
    Style(0.58, 0.00, 0.30, 0.25),
    Style(0.66, 0.05, 0.36, 0.30),
    Style(0.55, 0.02, 0.32, 0.30),
    Style(0.60, 0.04, 0.35, 0.26),
    Style(0.64, 0.00, 0.33, 0.32),
    Style(0.57, 0.03, 0.38, 0.27),
    Style(0.61, 0.01, 0.31, 0.29),
    Style(0.59, 0.06, 0.34, 0.31),
    Style(0.63, 0.02, 0.36, 0.24),
    Style(0.56, 0.04, 0.33, 0.28),
    Style(0.60, 0.00, 0.35, 0.30),
    Style(0.65, 0.03, 0.30, 0.27),
)
STANDOUT = Style(0.93, 0.40, 0.70, 0.45)
"""Maya's habits."""

STYLES: dict[str, Style] = {
    DEMO_DISPLAY_NAME: STANDOUT,
    **dict(zip(ADVOCATES[1:], _TEAM, strict=True)),
}
"""Each advocate's habits, by display name."""
