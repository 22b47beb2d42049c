"""Weighted tables the demo draws from: built once, drawn from by bisection."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Sequence
from itertools import accumulate
from typing import TypeVar

T = TypeVar("T")

Weighted = tuple[list[T], list[float]]


def weighted(pairs: Sequence[tuple[T, float]]) -> tuple[list[T], list[float]]:
    """A table of (item, weight) pairs, ready for :func:`pick`."""
    return [item for item, _ in pairs], list(accumulate(weight for _, weight in pairs))


def pick(rng: random.Random, table: tuple[list[T], list[float]]) -> T:
    """One item of ``table``, as likely as its weight."""
    # bisect over precomputed sums: rng.choices would re-add the weights on every call.
    items, cumulative = table
    return items[bisect(cumulative, rng.random() * cumulative[-1])]
