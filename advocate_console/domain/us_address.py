"""A US postal address as the Postal Service reads it: a state's two-letter code, a ZIP
code of five digits (or ZIP+4). A card's envelope with "Oregon 9721" on it comes back."""

from __future__ import annotations

import re

ZIP_CODE = re.compile(r"^\d{5}(-\d{4})?$")

STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas",
    "CA": "California", "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware",
    "DC": "District of Columbia", "FL": "Florida", "GA": "Georgia", "HI": "Hawaii",
    "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
    "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina",
    "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah",
    "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia",
    "WI": "Wisconsin", "WY": "Wyoming",
    # Territories, and the military's "states" (Armed Forces Americas, Europe, Pacific).
    "AS": "American Samoa", "GU": "Guam", "MP": "Northern Mariana Islands",
    "PR": "Puerto Rico", "VI": "U.S. Virgin Islands", "AA": "Armed Forces Americas",
    "AE": "Armed Forces Europe", "AP": "Armed Forces Pacific",
}  # fmt: skip
_BY_NAME = {
    " ".join(name.casefold().replace(".", "").split()): code for code, name in STATES.items()
}
_BY_NAME |= {"virgin islands": "VI", "us virgin islands": "VI", "washington dc": "DC"}


def state_code(text: str) -> str | None:
    """The two-letter code of the state ``text`` names ("or", "Oregon", "OR"); None
    when it names none."""
    typed = " ".join(text.replace(".", "").replace(",", " ").split())
    if typed.upper() in STATES:
        return typed.upper()
    return _BY_NAME.get(typed.casefold())


def is_zip_code(text: str) -> bool:
    """Five digits, or ZIP+4 ("97201-1234")."""
    return ZIP_CODE.match(text.strip()) is not None
