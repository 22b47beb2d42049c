"""Numbering one-to-one from a customer's index, so no batch needs to see another.

Customer *i* numbers its products and cases ``i * SLOTS + k``. Phones, e-mail tags,
serials, VINs and case numbers are permutations of those numbers, never checked against
a set of those already given.
"""

from __future__ import annotations

import random
from uuid import UUID

from . import catalog, places
from .catalog import Model
from .places import Area

STORY_COUNT = 3
"""How many story customers open the first batch (the regular ones follow them)."""

# Room for 16 products and 16 cases per customer, where a regular customer has at most
# 8 products (with replacements) and 6 cases.
SLOTS = 16


def new_uuid(rng: random.Random) -> UUID:
    """A random (version 4) id from ``rng``."""
    return UUID(int=rng.getrandbits(128), version=4)


def case_id(rng: random.Random, token: int) -> UUID:
    """A case id whose case number (the first 40 bits) is a permutation of ``token``."""
    # An odd multiplier permutes the 40 bits, so distinct tokens can never share a number
    # (random ids would collide at ~1M cases).
    high = (token * 0x9E3779B97F + 0x5DEECE66D) % (1 << 40)
    return UUID(int=(high << 88) | rng.getrandbits(88), version=4)


CHECK_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"
_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ1234567"  # plant codes: no I, O or Q in a VIN
_VIN_YEARS = "ABCDEFGHJKLMNPRSTVWXY123456789"  # model-year codes, 1980 = A, every 30 years
_VIN_VALUES = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", map(int, "12345678123457923456789"), strict=True))
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def serial(brand: str, token: int) -> str:
    """A serial in the brand's format; the eight digits are a permutation of ``token``."""
    digits = f"{(token * 73_939_133 + 4_111_111) % 10**8:08d}"
    check = CHECK_LETTERS[sum(int(d) * (i + 3) for i, d in enumerate(digits)) % 23]
    return catalog.SERIAL_FORMATS[brand].format(d=digits, d1=digits[:4], d2=digits[4:], c=check)


def vin(model: Model, token: int, model_year: int) -> str:
    """A 17-character VIN with a correct check digit; plant + serial permute ``token``."""
    number = (token * 19_260_817 + 7_654_321) % (30 * 10**6)
    body = (
        catalog.VIN_MAKERS[model.brand]
        + catalog.VIN_BODIES[model.model_number]
        + "0"
        + _VIN_YEARS[(model_year - 1980) % 30]
        + _VIN_CHARS[number // 10**6]
        + f"{number % 10**6:06d}"
    )
    total = sum(
        (int(ch) if ch.isdigit() else _VIN_VALUES[ch]) * weight
        for ch, weight in zip(body, _VIN_WEIGHTS, strict=True)
    )
    check = "X" if total % 11 == 10 else str(total % 11)
    return body[:8] + check + body[9:]


def email_tag(j: int) -> str:
    """The digits that make regular customer *j*'s e-mail addresses theirs alone."""
    # 10..99 for the first 90 customers, then 100..999, and so on, shuffled within each
    # length by a multiplier coprime to the class size: unique, and short while it can be.
    low, size = 10, 90
    while j >= size:
        j -= size
        low, size = low * 10, size * 10
    return str(low + (j * 7919) % size)


class Directory:
    """Which area regular customer *j* lives in and their phone numbers, one-to-one."""

    def __init__(self, seed: int) -> None:
        rng = random.Random(f"advocate-demo-directory:{seed}")
        self.areas = list(places.AREAS)
        rng.shuffle(self.areas)
        # Lines 0100-0199 are the ones set aside for fiction: customers get them first.
        # 0100-0119 stay free for the company's own direct lines (demo_resources).
        fictional = [f"{n:04d}" for n in range(120, 200)]
        rest = [f"{n:04d}" for n in range(10_000) if not 100 <= n < 200 and n != 1212]
        rng.shuffle(fictional)
        rng.shuffle(rest)
        self.lines = fictional + rest
        self.half = len(self.lines) // 2  # first half for main numbers, second for others

    def place(self, j: int) -> tuple[Area, str, str]:
        """The area of customer *j*, their main phone and a second one."""
        rounds, slot = divmod(j, len(self.areas))
        area = self.areas[slot]
        tier, rank = divmod(rounds, self.half)
        if area.country == "GB":
            exchanges = (
                places.LONDON_EXCHANGES if area.area_code == "20" else places.EXCHANGES["GB"]
            )
            prefix = "+44" + area.area_code + exchanges[tier]
        else:
            prefix = "+1" + area.area_code + places.EXCHANGES[area.country][tier]
        return area, prefix + self.lines[rank], prefix + self.lines[self.half + rank]
