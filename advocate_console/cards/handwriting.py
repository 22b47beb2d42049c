"""Writing text as a person would: glyph by glyph, never twice the same.

A :class:`Pen` lays text out in a box, in points, with small changes to every letter —
baseline, angle, size, spacing and ink — drawn from a random stream seeded by the card,
so the same card always comes out the same (a reprint matches the first print) while no
two letters on it are identical. The result is a list of :class:`Glyph` values; painting
them is :mod:`advocate_console.cards.paint`'s job, the same way on every device.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from .fonts import Hand
from .templates import Box, SizeRange

BLUE_BLACK = ((20, 30, 78), (52, 74, 150))
"""A ballpoint's ink: (where it is pressed hard, where it runs light)."""
INK_SHADES = 12  # ink is quantised so painters can reuse a handful of pens


class Align(StrEnum):
    """Where a written line sits across its box."""

    LEFT = "left"
    CENTRE = "centre"
    RIGHT = "right"


@dataclass(frozen=True, slots=True)
class Glyph:
    """One letter as written: where its baseline starts, at what size, tilt and ink."""

    char: str
    family: str
    x: float
    y: float
    size: float
    angle: float
    ink: int  # 0xRRGGBB


@dataclass(frozen=True, slots=True)
class Writing:
    """Text laid out in a box: its glyphs, and whether it fitted."""

    glyphs: list[Glyph]
    size: float
    lines: int
    fits: bool
    overflow: float = 0.0  # how many lines' worth of height did not fit
    bottom: float = 0.0  # where the last line's letters end, in points


@dataclass(frozen=True, slots=True)
class _Letter:
    char: str
    hand: Hand
    size: float
    rise: float
    angle: float
    advance: float
    ink: int


@dataclass(slots=True)
class _Word:
    letters: list[_Letter] = field(default_factory=list)
    width: float = 0.0


class Pen:
    """Writes text in one hand (optionally mixing in others) with natural variation.

    ``wobble`` scales every variation: 1 is a relaxed hand, 0.3 careful block letters
    (for a gift code that must be read exactly), 0 is typeset.
    """

    def __init__(
        self,
        seed: str,
        hand: Hand,
        mix: Sequence[Hand] = (),
        mix_share: float = 0.0,
        wobble: float = 1.0,
        ink: tuple[tuple[int, int, int], tuple[int, int, int]] = BLUE_BLACK,
    ) -> None:
        self.seed = seed
        self.hand = hand
        self.mix = list(mix)
        self.mix_share = mix_share if self.mix else 0.0
        self.wobble = wobble
        self.ink = ink
        # Fonts differ in how big their letters look at one size; match the main hand's
        # x-height so a mixed-in letter does not jump out.
        self._scale = {h.family: hand.x_height / h.x_height for h in [hand, *self.mix]}

    def fit(
        self,
        text: str,
        box: Box,
        sizes: SizeRange,
        line_spacing: float,
        *,
        align: Align = Align.LEFT,
        wrap: bool = True,
    ) -> Writing:
        """``text`` at the largest size in ``sizes`` that fits ``box`` (0.5 pt steps).

        When even the smallest size does not fit, the result has ``fits=False``; callers
        turn that into an error before anything is printed.
        """
        size = sizes.largest
        while True:
            writing = self.write(text, box, size, line_spacing, align=align, wrap=wrap)
            if writing.fits or size <= sizes.smallest:
                return writing
            size = max(sizes.smallest, size - 0.5)

    def write(
        self,
        text: str,
        box: Box,
        size: float,
        line_spacing: float,
        *,
        align: Align = Align.LEFT,
        wrap: bool = True,
    ) -> Writing:
        """``text`` written at ``size`` points from the top of ``box``, wrapped to its width."""
        # One stream per size tried, so the glyphs at a given size never depend on the
        # sizes tried before it.
        rng = random.Random(f"{self.seed}:{size:.2f}")
        line_height = size * line_spacing
        lines: list[tuple[float, list[_Word]]] = []  # (indent, words)
        height = 0.0
        fits = True
        for paragraph in text.split("\n"):
            words = [self._word(rng, w, size) for w in paragraph.split()]
            if not words:
                lines.append((0.0, []))
                height += line_height * 0.55  # a blank line between paragraphs is short
                continue
            current: list[_Word] = []
            width = 0.0
            indent = abs(rng.gauss(0, 0.006)) * box.width * self.wobble
            space = self.hand.advance(" ") * size
            for word in words:
                pieces = [word]
                if word.width > box.width - indent:
                    if not wrap:
                        fits = False
                    pieces = _split(word, box.width - indent)
                for piece in pieces:
                    gap = space * rng.uniform(0.85, 1.2) if current else 0.0
                    if current and width + gap + piece.width > box.width - indent:
                        if not wrap:
                            fits = False
                        lines.append((indent, current))
                        height += line_height
                        current, width, gap = [], 0.0, 0.0
                        indent = abs(rng.gauss(0, 0.006)) * box.width * self.wobble
                    if current:
                        current.append(_Word([], gap))  # a space is a word with no letters
                    current.append(piece)
                    width += gap + piece.width
            lines.append((indent, current))
            height += line_height
        # The last line needs only its letters' height, not a full line's leading.
        used = height - line_height + size * 1.05 if lines else 0.0
        overflow = max(0.0, used - box.height) / line_height
        glyphs = self._place(rng, lines, box, size, line_height, align)
        return Writing(glyphs, size, len(lines), fits and overflow == 0.0, overflow, box.y + used)

    # -- one word, then lines of words --------------------------------------------------

    def _word(self, rng: random.Random, text: str, size: float) -> _Word:
        wob = self.wobble
        word = _Word()
        scale = 1 + rng.uniform(-0.03, 0.03) * wob  # some words come out bigger
        slant = rng.gauss(0, 1.2) * wob
        pressure = rng.uniform(-1, 1)  # ink runs darker or lighter word by word
        for char in text:
            chosen = self.hand
            if self.mix_share and char.isalpha() and rng.random() < self.mix_share:
                chosen = rng.choice(self.mix)
            letter_size = size * scale * (1 + rng.uniform(-0.035, 0.035) * wob)
            letter_size *= self._scale[chosen.family]
            advance = chosen.advance(char) * letter_size
            advance += size * rng.uniform(-0.008, 0.012) * wob
            shade = min(1.0, max(0.0, 0.45 + 0.25 * pressure + rng.gauss(0, 0.12)))
            word.letters.append(
                _Letter(
                    char=char,
                    hand=chosen,
                    size=letter_size,
                    rise=rng.gauss(0, 0.022) * size * wob,
                    angle=max(-5.0, min(5.0, slant + rng.gauss(0, 1.6) * wob)),
                    advance=advance,
                    ink=self._ink(shade),
                )
            )
            word.width += advance
        return word

    def _ink(self, shade: float) -> int:
        (r0, g0, b0), (r1, g1, b1) = self.ink
        t = round(shade * (INK_SHADES - 1)) / (INK_SHADES - 1)
        r, g, b = (round(a + (b_ - a) * t) for a, b_ in ((r0, r1), (g0, g1), (b0, b1)))
        return (r << 16) | (g << 8) | b

    def _place(
        self,
        rng: random.Random,
        lines: list[tuple[float, list[_Word]]],
        box: Box,
        size: float,
        line_height: float,
        align: Align,
    ) -> list[Glyph]:
        glyphs: list[Glyph] = []
        baseline = box.y + size * 0.9
        for indent, words in lines:
            if not words:
                baseline += line_height * 0.55
                continue
            width = sum(w.width for w in words)
            x = box.x + indent
            if align is Align.RIGHT:
                x = box.x + box.width - width - indent
            elif align is Align.CENTRE:
                x = box.x + (box.width - width) / 2
            start = x
            # A hand drifts: each line tilts a little and its baseline waves gently.
            slope = math.tan(math.radians(max(-0.7, min(0.7, rng.gauss(0, 0.3) * self.wobble))))
            period = rng.uniform(140, 320)
            phase = rng.uniform(0, math.tau)
            amplitude = size * 0.035 * self.wobble
            for word in words:
                for letter in word.letters:
                    run = x - start
                    y = baseline + run * slope + amplitude * math.sin(phase + run / period * 6.28)
                    if not letter.char.isspace():
                        glyphs.append(
                            Glyph(
                                letter.char,
                                letter.hand.family,
                                round(x, 3),
                                round(y + letter.rise, 3),
                                round(letter.size, 2),
                                round(letter.angle, 2),
                                letter.ink,
                            )
                        )
                    x += letter.advance
                x += word.width if not word.letters else 0.0
            baseline += line_height
        return glyphs


def _split(word: _Word, width: float) -> list[_Word]:
    """A word too long for a line, cut into pieces that fit (a URL, a long code)."""
    pieces = [_Word()]
    for letter in word.letters:
        if pieces[-1].letters and pieces[-1].width + letter.advance > width:
            pieces.append(_Word())
        pieces[-1].letters.append(letter)
        pieces[-1].width += letter.advance
    return pieces
