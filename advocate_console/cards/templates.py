"""Card and envelope templates, read from ``resources/cards/*.toml`` and checked on load.

Templates are data so a company can add its own card stock without a new release. Every
length is kept in points (1/72 in), the unit the renderer lays text out in.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale

from advocate_console.domain import Address
from advocate_console.paths import resource_dir

POINTS_PER_MM = 72 / 25.4
POINTS_PER_INCH = 72.0
_LENGTH = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(mm|in|pt)\s*$")


class TemplateError(ValueError):
    """A template file is wrong; the message names the file, the template and the field
    (English: a template file is IT's to fix). ``unknown`` names a card template asked
    for that is not in the book (a card another console wrote), for the advocate."""

    def __init__(self, message: str, unknown: str = "") -> None:
        super().__init__(message)
        self.unknown = unknown


class Fold(StrEnum):
    """How a card is folded: not at all, down the middle (side) or across (top)."""

    NONE = "none"
    SIDE = "side"
    TOP = "top"


@dataclass(frozen=True, slots=True)
class Region:
    """A box as fractions of an area: ``x``, ``y``, ``width``, ``height`` in 0…1."""

    x: float
    y: float
    width: float
    height: float

    def within(self, left: float, top: float, width: float, height: float) -> Box:
        """This region placed in an area, in points."""
        return Box(
            left + self.x * width,
            top + self.y * height,
            self.width * width,
            self.height * height,
        )


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle in points."""

    x: float
    y: float
    width: float
    height: float

    @property
    def bottom(self) -> float:
        """The bottom edge."""
        return self.y + self.height


@dataclass(frozen=True, slots=True)
class SizeRange:
    """The smallest and largest font size text may be written at, in points."""

    smallest: float
    largest: float


@dataclass(frozen=True, slots=True)
class CardTemplate:
    """One kind of card: its size, fold, where things go and the default message."""

    id: str
    name: str
    width: float
    height: float
    fold: Fold
    envelope: str
    margins: tuple[float, float, float, float]  # top, right, bottom, left
    hand: str
    signature_hand: str
    mix: tuple[str, ...]
    mix_share: float
    font_size: SizeRange
    line_spacing: float
    message: Region
    signature: Region
    gift: Region
    signature_text: str
    cover_text: str
    default_message: str
    # The cover and default message in other languages ({"es": {"cover_text": …}}): a
    # card is written in the customer's language, else the console's.
    wordings: dict[str, dict[str, str]] = field(default_factory=dict)

    def cover_in(self, language: str) -> str:
        """The cover greeting in ``language`` (the template's own where it has none)."""
        return self.wordings.get(language, {}).get("cover_text", self.cover_text)

    def message_in(self, language: str) -> str:
        """The default message in ``language`` (the template's own where it has none)."""
        return self.wordings.get(language, {}).get("default_message", self.default_message)

    @property
    def sheet_size(self) -> tuple[float, float]:
        """The paper it prints on, in points: the card, or twice it for a folded card."""
        if self.fold is Fold.SIDE:
            return self.width * 2, self.height
        if self.fold is Fold.TOP:
            return self.width, self.height * 2
        return self.width, self.height

    @property
    def pages(self) -> int:
        """Sides printed per card: a folded card has an outside (cover) and an inside."""
        return 1 if self.fold is Fold.NONE else 2

    def writing_area(self) -> Box:
        """The panel the message goes on, inside the margins, in sheet coordinates."""
        top, right, bottom, left = self.margins
        # Folded: the message is written inside, on the panel facing the reader once the
        # card is opened — the right half (side fold) or the bottom half (top fold).
        x0 = self.width if self.fold is Fold.SIDE else 0.0
        y0 = self.height if self.fold is Fold.TOP else 0.0
        return Box(x0 + left, y0 + top, self.width - left - right, self.height - top - bottom)

    def cover_area(self) -> Box:
        """Where the cover greeting of a folded card goes (its front, outside)."""
        top, right, bottom, left = self.margins
        x0 = self.width if self.fold is Fold.SIDE else 0.0
        y0 = self.height if self.fold is Fold.TOP else 0.0
        return Box(x0 + left, y0 + top, self.width - left - right, self.height - top - bottom)


@dataclass(frozen=True, slots=True)
class EnvelopeTemplate:
    """An envelope size and where the two addresses go."""

    id: str
    name: str
    width: float
    height: float
    margins: tuple[float, float, float, float]
    return_address: Region
    recipient: Region
    font_size: SizeRange
    return_font_size: SizeRange
    line_spacing: float

    def area(self) -> Box:
        """The printable area inside the margins."""
        top, right, bottom, left = self.margins
        return Box(left, top, self.width - left - right, self.height - top - bottom)


@dataclass(frozen=True, slots=True)
class ReturnAddress:
    """Who the envelope comes from: a name and a postal address."""

    name: str
    address: Address

    def lines(self) -> list[str]:
        """The lines printed in the corner of the envelope."""
        return self.address.envelope_lines(self.name)


@dataclass(frozen=True)
class TemplateBook:
    """Every card and envelope template, and the default return address."""

    cards: dict[str, CardTemplate]
    envelopes: dict[str, EnvelopeTemplate]
    return_address: ReturnAddress
    folder: Path = field(default_factory=Path)

    def card(self, template_id: str) -> CardTemplate:
        """The card template called ``template_id``."""
        try:
            return self.cards[template_id]
        except KeyError:
            raise TemplateError(
                f"There is no card template “{template_id}” (known: {', '.join(self.cards)})",
                template_id,
            ) from None

    def envelope_for(self, card: CardTemplate) -> EnvelopeTemplate:
        """The envelope a card of this template goes in."""
        return self.envelopes[card.envelope]


def writing_language(customer_language: str = "") -> str:
    """The language a card is written in: the customer's when their record says it, else
    the console's (the locale ``ui.i18n`` sets with the translations)."""
    return customer_language or QLocale().name().split("_")[0]


def length(text: Any, where: str) -> float:
    """``"148mm"``, ``"4.25in"`` or ``"12pt"`` in points."""
    match = _LENGTH.match(str(text))
    if not match:
        raise TemplateError(f"{where}: “{text}” is not a length like 148mm or 4.25in")
    number, unit = float(match[1]), match[2]
    return number * {"mm": POINTS_PER_MM, "in": POINTS_PER_INCH, "pt": 1.0}[unit]


@cache
def default_book() -> TemplateBook:
    """The templates shipped in ``resources/cards`` (read once)."""
    return load_book(resource_dir() / "cards")


def load_book(folder: Path) -> TemplateBook:
    """Read and check ``cards.toml``, ``envelopes.toml`` and ``return-address.toml``."""
    cards_data = _read(folder / "cards.toml")
    envelopes_data = _read(folder / "envelopes.toml")
    envelopes = _items(envelopes_data, "envelope", _envelope, folder / "envelopes.toml")
    cards = _items(cards_data, "card", _card, folder / "cards.toml")
    for card in cards.values():
        if card.envelope not in envelopes:
            raise TemplateError(
                f"cards.toml, card “{card.id}”: envelope “{card.envelope}” is not in envelopes.toml"
            )
    return TemplateBook(cards, envelopes, _return_address(folder / "return-address.toml"), folder)


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TemplateError(f"The template file {path} is missing") from None
    except tomllib.TOMLDecodeError as error:
        raise TemplateError(f"{path.name}: {error}") from None


def _items(data: dict, key: str, build, path: Path) -> dict:
    defaults = data.get("defaults", {})
    items = {}
    for number, entry in enumerate(data.get(key, []), 1):
        values = defaults | entry
        where = f"{path.name}, {key} {values.get('id', f'#{number}')}"
        try:
            item = build(values, where)
        except (KeyError, TypeError, ValueError) as error:
            if isinstance(error, TemplateError):
                raise
            raise TemplateError(f"{where}: missing or wrong value ({error})") from None
        if item.id in items:
            raise TemplateError(f"{where}: the id is used twice")
        items[item.id] = item
    if not items:
        raise TemplateError(f"{path.name} defines no {key}")
    return items


def _margins(value: Any, where: str) -> tuple[float, float, float, float]:
    if isinstance(value, list):
        if len(value) != 4:
            raise TemplateError(f"{where}: margins are one length or four (top right bottom left)")
        top, right, bottom, left = (length(v, where) for v in value)
        return top, right, bottom, left
    side = length(value, where)
    return side, side, side, side


def _region(value: dict, where: str) -> Region:
    region = Region(
        float(value["x"]), float(value["y"]), float(value["width"]), float(value["height"])
    )
    if not (
        0 <= region.x < 1
        and 0 <= region.y < 1
        and 0 < region.width <= 1 - region.x + 1e-9
        and 0 < region.height <= 1 - region.y + 1e-9
    ):
        raise TemplateError(f"{where}: the region {value} does not lie inside 0…1")
    return region


def _sizes(value: Any, where: str) -> SizeRange:
    smallest, largest = (float(v) for v in value)
    if not 4 <= smallest <= largest <= 72:
        raise TemplateError(f"{where}: font_size must be [smallest, largest] between 4 and 72 pt")
    return SizeRange(smallest, largest)


def _card(values: dict, where: str) -> CardTemplate:
    mix_share = float(values.get("mix_share", 0.0))
    if not 0 <= mix_share <= 0.5:
        raise TemplateError(f"{where}: mix_share must be between 0 and 0.5")
    template = CardTemplate(
        id=str(values["id"]),
        name=str(values["name"]),
        width=length(values["width"], where),
        height=length(values["height"], where),
        fold=Fold(values.get("fold", "none")),
        envelope=str(values["envelope"]),
        margins=_margins(values["margins"], where),
        hand=str(values["hand"]),
        signature_hand=str(values.get("signature_hand", values["hand"])),
        mix=tuple(values.get("mix", ())),
        mix_share=mix_share,
        font_size=_sizes(values["font_size"], where),
        line_spacing=float(values.get("line_spacing", 1.2)),
        message=_region(values["message"], where + ", message"),
        signature=_region(values["signature"], where + ", signature"),
        gift=_region(values["gift"], where + ", gift"),
        signature_text=str(values.get("signature_text", "")),
        cover_text=str(values.get("cover_text", "")),
        default_message=str(values["default_message"]),
        wordings=_wordings(values.get("languages", {}), where),
    )
    area = template.writing_area()
    if area.width < 36 or area.height < 36:
        raise TemplateError(f"{where}: the margins leave less than half an inch to write on")
    return template


def _wordings(value: Any, where: str) -> dict[str, dict[str, str]]:
    wanted = {"cover_text", "default_message"}
    if not isinstance(value, dict) or not all(
        isinstance(texts, dict) and set(texts) <= wanted for texts in value.values()
    ):
        raise TemplateError(
            f"{where}: languages are tables like [defaults.languages.es] holding "
            "cover_text and default_message"
        )
    return {language: {k: str(v) for k, v in texts.items()} for language, texts in value.items()}


def _envelope(values: dict, where: str) -> EnvelopeTemplate:
    return EnvelopeTemplate(
        id=str(values["id"]),
        name=str(values["name"]),
        width=length(values["width"], where),
        height=length(values["height"], where),
        margins=_margins(values["margins"], where),
        return_address=_region(values["return_address"], where + ", return_address"),
        recipient=_region(values["recipient"], where + ", recipient"),
        font_size=_sizes(values["font_size"], where),
        return_font_size=_sizes(values["return_font_size"], where),
        line_spacing=float(values.get("line_spacing", 1.15)),
    )


def _return_address(path: Path) -> ReturnAddress:
    data = _read(path)
    try:
        address = Address(
            lines=data["lines"],
            city=data["city"],
            region=data.get("region", ""),
            postal_code=data.get("postal_code", ""),
            country=data.get("country", "US"),
        )
        return ReturnAddress(str(data["name"]), address)
    except (KeyError, ValueError) as error:
        raise TemplateError(f"{path.name}: {error}") from None
