"""Who a regular customer is: name, e-mail, address, what they buy and spend, their tier."""

from __future__ import annotations

import random
import unicodedata
from datetime import date, timedelta

from advocate_console.domain import Address, Tier

from . import names, places
from .catalog import CATALOG, VEHICLES, Model
from .numbering import email_tag
from .odds import pick, weighted
from .places import Area


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.lower() if ch.isalpha())


_NAME_GROUPS = weighted([(group, group.weight) for group in names.NAME_GROUPS])
_ALL_LAST = [name for group in names.NAME_GROUPS for name in group.last]
_ASCII = {name: _ascii(name) for group in names.NAME_GROUPS for name in group.first + group.last}
# How much a customer buys from us: drives how many products they own and what else they
# spend; their tier then follows from what they spent (see tier_for_value).
SPENDERS = weighted([(0, 62), (1, 24), (2, 10), (3, 4)])
_PRODUCT_COUNTS = ((1, 1, 1, 2, 2, 3), (1, 2, 2, 3, 3), (2, 2, 3, 3, 4), (2, 3, 4, 4))
# Accessories, service plans and small purchases on top of the products we track.
EXTRAS_CENTS = ((0, 100_000), (100_000, 400_000), (300_000, 1_000_000), (800_000, 2_500_000))
_TIER_FLOORS = ((4_500_000, Tier.PLATINUM), (1_000_000, Tier.GOLD), (350_000, Tier.SILVER))
CATALOG_TABLE = weighted([(model, model.weight) for model in CATALOG])
HOME_CATALOG = weighted([(m, m.weight) for m in CATALOG if m.family != VEHICLES])


def person_name(rng: random.Random) -> tuple[str, str]:
    """A first and a last name that go together (and name nobody famous)."""
    while True:
        group = pick(rng, _NAME_GROUPS)
        first = rng.choice(group.first)
        # Families mix: about one in eight surnames comes from another tradition.
        last = rng.choice(_ALL_LAST) if rng.random() < 0.12 else rng.choice(group.last)
        if f"{first} {last}" not in names.BLOCKED_NAMES:
            return first, last


_BUYING_YEARS = 10
"""A customer's later purchases come within this many years of the first; those still to
come have not been made yet (so purchases do not crowd into the last months)."""


def purchase_dates(rng: random.Random, since: date, today: date, spender: int) -> list[date]:
    """When a customer who became one on ``since`` bought each product."""
    count = rng.choice(_PRODUCT_COUNTS[spender])
    later = [since + timedelta(days=rng.randrange(_BUYING_YEARS * 365)) for _ in range(count - 1)]
    # The first purchase is what made them a customer.
    dates = [since, *(day for day in later if day < today - timedelta(days=1))]
    if rng.random() < 0.015:  # a recent purchase, so that proactive calls are due now
        dates.append(max(since, today - timedelta(days=rng.randint(3, 45))))
    return dates


def price(rng: random.Random, model: Model) -> int:
    """What a unit of ``model`` sold for, in cents."""
    low, high = model.price_cents
    step = 10_000 if model.family == VEHICLES else 1000
    return low + rng.randrange((high - low) // step + 1) * step


def tier_for_value(value: int) -> Tier:
    """The tier a customer's lifetime value earns."""
    return next((tier for floor, tier in _TIER_FLOORS if value >= floor), Tier.STANDARD)


def emails(rng: random.Random, first: str, last: str, j: int, country: str) -> list[str]:
    """Regular customer *j*'s e-mail addresses: one, now and then a work one too."""
    given, family = _ASCII[first], _ASCII[last]
    # The tag is unique per customer and the letters before it hold no digits, so no
    # address can ever be another customer's.
    tag = email_tag(j)
    local = rng.choice(
        (
            f"{given}.{family}",
            f"{given}{family}",
            f"{given[0]}{family}",
            f"{given}_{family}",
            f"{family}.{given}",
        )
    )
    found = [f"{local}{tag}@{rng.choice(places.EMAIL_DOMAINS[country])}"]
    if rng.random() < 0.1:
        work = rng.choice(("work.example.com", "corp.example.org"))
        found.append(f"{given[0]}.{family}{tag}@{work}")
    return found


def address(rng: random.Random, area: Area) -> Address:
    """A postal address in one of ``area``'s towns."""
    town, postal_start = rng.choice(area.towns)
    number = rng.randint(1, 9899)
    if area.country == "GB":
        name, kind = rng.choice(places.UK_STREET_NAMES), rng.choice(places.UK_STREET_SUFFIXES)
        letters = "ABDEFGHJLNPQRSTUWXYZ"  # the letters UK inward codes use
        postcode = (
            f"{postal_start}{rng.randint(1, 20)} {rng.randint(1, 9)}"
            f"{rng.choice(letters)}{rng.choice(letters)}"
        )
        street = f"{number % 200 + 1} {name} {kind}"
        return Address(lines=[street], city=town, postal_code=postcode, country="GB")
    if town == "Montréal":
        street = f"{number}, {rng.choice(places.QUEBEC_STREETS)}"
    else:
        street = (
            f"{number} {rng.choice(places.STREET_NAMES)} {rng.choice(places.US_STREET_SUFFIXES)}"
        )
    lines = [street]
    if rng.random() < 0.2:
        lines.append(f"Apt {rng.randint(1, 30)}{rng.choice('ABCDEF')}")
    if area.country == "CA":
        letters = "ABCEGHJKLMNPRSTVWXYZ"  # the letters Canadian postal codes use
        postal = (
            f"{postal_start}{rng.randint(1, 9)}{rng.choice(letters)} "
            f"{rng.randint(1, 9)}{rng.choice(letters)}{rng.randint(0, 9)}"
        )
    else:
        postal = f"{postal_start}{rng.randrange(100):02d}"
    return Address(
        lines=lines, city=town, region=area.region, postal_code=postal, country=area.country
    )
