"""What we sell: every model with its family, price and warranty, and how serials look.

Every brand here is invented.
"""

from __future__ import annotations

from typing import NamedTuple


class Model(NamedTuple):
    """One model we sell: what it is, the name on the box, model number, price, warranty."""

    weight: int
    family: str  # the engineering team that knows it (see CONTACTS)
    kind: str  # what the customer calls it: "microwave", "TV", "car"
    brand: str
    name: str
    model_number: str
    price_cents: tuple[int, int]
    warranty_years: tuple[int, int]


MICROWAVES, REFRIGERATION, LAUNDRY = "microwaves", "refrigeration", "laundry"
COOKING, DISHWASHERS, AUDIO_VIDEO, VEHICLES = "cooking", "dishwashers", "audio/video", "vehicles"


def _model(weight: int, family: str, kind: str, brand: str, name: str, number: str,
           dollars: tuple[int, int], years: tuple[int, int]) -> Model:  # fmt: skip
    # Shelf prices end in .99: $430 is written 430 and stored as 42999 cents.
    low, high = dollars
    return Model(weight, family, kind, brand, f"{brand} {name}", number,
                 (low * 100 - 1, high * 100 - 1), years)  # fmt: skip


MICROWAVE_OTR = _model(8, MICROWAVES, "microwave", "Halvorsen",
                       "1.6 cu ft over-the-range microwave", "HVM3160SF",
                       (430, 500), (1, 2))  # fmt: skip
SOUNDBAR = _model(5, AUDIO_VIDEO, "soundbar", "Brightwell", "Arc 5.1 soundbar", "BW-SB510",
                  (400, 450), (1, 1))  # fmt: skip
SUV = _model(3, VEHICLES, "car", "Kestrel", "Solace hybrid SUV", "SOLACE-HEV-AWD",
             (38_900, 46_500), (3, 5))  # fmt: skip

CATALOG: tuple[Model, ...] = (
    MICROWAVE_OTR,
    _model(6, MICROWAVES, "microwave", "Halvorsen", "2.0 cu ft over-the-range microwave",
           "HVM2070BB", (350, 430), (1, 2)),
    _model(6, MICROWAVES, "microwave", "Halvorsen", "1.1 cu ft countertop microwave",
           "HVC1150WW", (130, 170), (1, 1)),
    _model(8, REFRIGERATION, "refrigerator", "Corvale", "25 cu ft French-door refrigerator",
           "CFD25RS", (1900, 2500), (1, 3)),
    _model(5, REFRIGERATION, "refrigerator", "Corvale", "18 cu ft top-freezer refrigerator",
           "CTF18WW", (800, 1000), (1, 2)),
    _model(3, REFRIGERATION, "freezer", "Corvale", "7 cu ft chest freezer", "CCF07W",
           (250, 330), (1, 1)),
    _model(4, REFRIGERATION, "refrigerator", "Halvorsen", "counter-depth side-by-side "
           "refrigerator", "HSS22SS", (2200, 2700), (1, 3)),
    _model(8, LAUNDRY, "washer", "Northvane", "front-load washer", "NWF45HE", (900, 1200), (1, 3)),
    _model(7, LAUNDRY, "dryer", "Northvane", "electric dryer", "NDE74HE", (800, 1100), (1, 2)),
    _model(4, LAUNDRY, "washer", "Northvane", "top-load washer", "NWT50", (650, 800), (1, 2)),
    _model(2, LAUNDRY, "washer-dryer", "Northvane", "24-inch compact washer-dryer", "NCW24",
           (1400, 1600), (1, 2)),
    _model(6, COOKING, "range", "Halvorsen", "30-inch gas range", "HGR30SS", (1100, 1400), (1, 2)),
    _model(3, COOKING, "cooktop", "Halvorsen", "36-inch induction cooktop", "HIC36BK",
           (1500, 1900), (1, 2)),
    _model(7, DISHWASHERS, "dishwasher", "Halvorsen", "24-inch quiet dishwasher", "HDW24Q3",
           (650, 900), (1, 2)),
    SOUNDBAR,
    _model(6, AUDIO_VIDEO, "headphones", "Brightwell", "Quietude wireless headphones", "BW-H70",
           (250, 300), (1, 1)),
    _model(3, AUDIO_VIDEO, "receiver", "Brightwell", "9.2 AV receiver", "BW-AVR9", (700, 900),
           (2, 3)),
    _model(6, AUDIO_VIDEO, "TV", "Vistaro", "65-inch 4K QLED TV", "VX65Q9", (1200, 1600), (1, 2)),
    _model(6, AUDIO_VIDEO, "TV", "Vistaro", "55-inch 4K TV", "VX55U7", (700, 900), (1, 2)),
    _model(2, AUDIO_VIDEO, "projector", "Vistaro", "4K laser projector", "VLP4K20", (1500, 1900),
           (1, 2)),
    SUV,
    _model(2, VEHICLES, "car", "Kestrel", "Aria hybrid sedan", "ARIA-HEV-LTD", (31_900, 37_900),
           (3, 5)),
    _model(1, VEHICLES, "car", "Kestrel", "Vela EV", "VELA-EV-LR", (43_900, 51_900), (4, 8)),
    _model(1, VEHICLES, "truck", "Marrick", "Halden crew-cab pickup", "HALDEN-CC-4X4",
           (44_900, 57_900), (3, 5)),
    _model(1, VEHICLES, "car", "Marrick", "Tamsin compact hatchback", "TAMSIN-SE",
           (23_900, 27_900), (3, 3)),
)  # fmt: skip

# How each brand prints its serial numbers: d = eight unique digits, c = a check letter.
SERIAL_FORMATS: dict[str, str] = {
    "Halvorsen": "HV{d}{c}",
    "Corvale": "CV{c}{d1}-{d2}",
    "Northvane": "NV-{d}",
    "Brightwell": "BW{d1}{c}{d2}",
    "Vistaro": "VS{c}{d}",
}
# Vehicle brands carry a VIN instead: world manufacturer id and a body code per model.
VIN_MAKERS: dict[str, str] = {"Kestrel": "5KT", "Marrick": "3MR"}
VIN_BODIES: dict[str, str] = {
    "SOLACE-HEV-AWD": "SH4A2",
    "ARIA-HEV-LTD": "AH2L1",
    "VELA-EV-LR": "VE6R3",
    "HALDEN-CC-4X4": "HC8X4",
    "TAMSIN-SE": "TS1S0",
}

MODELS: dict[str, Model] = {model.model_number: model for model in CATALOG}
"""Every model of the catalogue by its model number."""
