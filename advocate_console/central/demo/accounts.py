"""Who works here: the demo's sign-in users and the advocates who own its cases."""

from __future__ import annotations

from .names import words

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo"
DEMO_DISPLAY_NAME = "Maya Castellanos"
LEAD_USERNAME = "lead"
LEAD_PASSWORD = "lead"
LEAD_DISPLAY_NAME = "Dennis Whitford"

# Advocates on the team, as they appear as case owners; the demo and lead users are added.
TEAM = words(
    "Renata Osei, Graham Whitlock, Soo-jin Park, Luis Arellano, Bethany Kruger,"
    "Tobias Lindqvist, Farah Siddiqui, Marcus Delacroix, Naledi Dube, Connor Byrne,"
    "Ivana Petrović, Hiroshi Tanabe"
)

# Case owners and the advocates on timelines are written as display names.
ADVOCATES: tuple[str, ...] = (DEMO_DISPLAY_NAME, LEAD_DISPLAY_NAME, *TEAM)
