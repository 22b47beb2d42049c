"""What advocates write: symptoms and fixes, questions, parts, everyday troubles, cards."""

from __future__ import annotations

_CAR_TROUBLE = (
    ("check-engine light at low mileage", "replaced a faulty oxygen sensor"),
    ("infotainment screen reboots while driving", "updated the infotainment software"),
    ("12-volt battery drains overnight", "replaced the telematics module"),
    ("rattle from the dashboard over bumps", "re-secured a loose duct clip"),
)

# (what the customer reports, what fixed it) for each kind of product.
SYMPTOMS: dict[str, tuple[tuple[str, str], ...]] = {
    "microwave": (
        ("stopped heating; light, fan and turntable still work", "replaced the magnetron"),
        ("won't start, door switch clicks", "replaced the door interlock switch"),
        ("sparking near the waveguide cover", "replaced the waveguide cover"),
        ("display dead after a power cut", "replaced the control board"),
        ("exhaust fan runs all the time", "replaced the thermal cut-out"),
    ),
    "refrigerator": (
        ("fresh-food side warm, freezer fine", "cleared a frozen defrost drain"),
        ("ice maker leaking onto the floor", "replaced the ice-maker fill valve"),
        ("compressor clicks on and off every minute", "replaced the start relay"),
        ("water dispenser stopped working", "replaced the dispenser valve"),
        ("loud buzzing from the back", "replaced the condenser fan motor"),
    ),
    "freezer": (
        ("not holding temperature, food thawing", "replaced the thermostat"),
        ("frost building up around the lid", "replaced the lid gasket"),
        ("compressor won't start", "replaced the start relay"),
    ),
    "washer": (
        ("won't drain, error E21", "cleared the drain pump and replaced the filter"),
        ("drum bearing roars on spin", "replaced the drum bearings and seal"),
        ("door lock fault, won't start a cycle", "replaced the door lock assembly"),
        ("leaks from the front during the wash", "replaced the door boot seal"),
        ("leaves clothes soaking wet", "replaced the pressure switch"),
    ),
    "dryer": (
        ("runs but no heat", "replaced the heating element"),
        ("drum won't turn, motor hums", "replaced the drive belt and idler pulley"),
        ("squeals loudly while tumbling", "replaced the drum rollers"),
        ("shuts off after a few minutes", "replaced the thermal fuse and cleared the vent"),
    ),
    "washer-dryer": (
        ("won't drain, error E21", "replaced the drain pump"),
        ("no heat in the dry cycle", "replaced the condenser heater"),
    ),
    "range": (
        ("oven won't reach temperature", "replaced the oven igniter"),
        ("front burner won't light", "replaced the spark module"),
        ("clock and controls dead", "replaced the control board"),
    ),
    "cooktop": (
        ("a cooking zone shows error U1", "replaced the power board"),
        ("a zone won't detect pans", "replaced the coil sensor"),
        ("cooling fan runs all the time", "replaced the cooling fan"),
    ),
    "dishwasher": (
        ("water left in the tub after every cycle", "replaced the drain pump"),
        ("dishes not drying", "replaced the heating element"),
        ("error E24, won't start", "cleared the filter and reseated the pump hose"),
    ),
    "soundbar": (
        ("no sound over HDMI ARC", "replaced the HDMI board"),
        ("won't pair with the customer's phone", "reset pairing and updated the firmware"),
        ("subwoofer drops out every few minutes", "replaced the wireless module"),
        ("turns itself off after ten minutes", "replaced the power supply board"),
    ),
    "headphones": (
        ("left ear cup cuts out", "replaced the left driver"),
        ("won't charge", "replaced the battery and charging port"),
        ("noise cancelling hisses", "updated the firmware and replaced the microphones"),
    ),
    "receiver": (
        ("no sound from the centre channel", "replaced the amplifier board"),
        ("shuts down into protect mode", "replaced the power supply"),
        ("one HDMI input shows no picture", "replaced the HDMI board"),
    ),
    "TV": (
        ("vertical lines across the picture", "replaced the panel"),
        ("no picture, sound works", "replaced the backlight strips"),
        ("turns itself off after ten minutes", "replaced the power supply board"),
        ("Wi-Fi keeps dropping", "replaced the Wi-Fi module"),
    ),
    "projector": (
        ("picture dim and yellow", "replaced the laser light engine"),
        ("fan very loud", "replaced the cooling fan"),
        ("won't power on", "replaced the power supply board"),
    ),
    "car": _CAR_TROUBLE,
    "truck": _CAR_TROUBLE,
}

# Questions customers ask about each kind of product.
QUESTIONS: dict[str, tuple[str, ...]] = {
    "microwave": (
        "asked whether the microwave can go above a gas range",
        "wanted the recirculating filter's part number",
    ),
    "refrigerator": (
        "asked how to reset the water-filter light",
        "asked how long to wait after install before loading food",
    ),
    "freezer": ("asked whether it can stand in an unheated garage",),
    "washer": ("asked which cycle is safe for a down comforter", "asked how to run tub-clean"),
    "dryer": ("asked about stacking it on the washer", "asked about venting it to the side"),
    "washer-dryer": ("asked why the dry cycle takes so long",),
    "range": ("asked whether the range converts to propane", "asked how to run self-clean"),
    "cooktop": ("asked which pans work on induction",),
    "dishwasher": ("asked which rinse-aid setting suits hard water",),
    "soundbar": ("asked how to turn on night mode", "asked about wall-mounting it"),
    "headphones": ("asked how to pair a second phone", "asked how to turn off voice prompts"),
    "receiver": ("asked how to run the room calibration",),
    "TV": ("asked how to turn off motion smoothing", "asked about wall-mounting it"),
    "projector": ("asked about ceiling mounting and throw distance",),
    "car": ("asked how to pair two phones", "asked when the first free service is due"),
    "truck": ("asked about the towing package", "asked when the first free service is due"),
}

# Parts that broke, for each kind of product. (Routine orders such as filters are left
# out: the domain counts every "parts" case as a failure toward a repeat-failure flag.)
PARTS: dict[str, tuple[str, ...]] = {
    "microwave": ("glass turntable plate broke", "door handle cracked"),
    "refrigerator": ("crisper drawer cracked", "door shelf bin broke"),
    "freezer": ("storage basket handle snapped",),
    "washer": ("detergent drawer cracked", "door gasket torn"),
    "dryer": ("lint screen torn",),
    "washer-dryer": ("detergent drawer cracked",),
    "range": ("oven rack warped", "burner grate cracked"),
    "cooktop": ("control knob cracked",),
    "dishwasher": ("upper rack wheel broke", "silverware basket handle snapped"),
    "soundbar": ("remote control stopped working", "wall-mount bracket bent"),
    "headphones": ("ear cushion split", "headband hinge cracked"),
    "receiver": ("remote control stopped working", "volume knob came off"),
    "TV": ("remote control stopped working", "stand foot cracked"),
    "projector": ("remote control stopped working", "lens cover hinge broke"),
    "car": ("cargo cover clip broke", "key fob stopped working"),
    "truck": ("tailgate handle cracked", "key fob stopped working"),
}

DELIVERY_ISSUES = (
    "delivery window missed; customer had taken the day off",
    "delivered with a dented side panel",
    "delivery crew could not fit it through the door and left",
    "haul-away of the old unit was booked but not done",
)
INSTALL_ISSUES = (
    "installer could not connect the water line; needs a longer supply hose",
    "installer left the unit not level; door swings shut",
    "vent kit missing from the box, install postponed",
)
RETURN_MIX_UPS = (
    "sent back the working unit instead of the faulty one",
    "returned the box with the accessories but not the unit",
    "shipped back a unit from a different order",
    "returned the old unit meant for haul-away instead of the new one",
)
BILLING_ISSUES = (
    "charged twice for the extended service plan",
    "mail-in rebate of $100 not received after twelve weeks",
    "finance promotion not applied to the statement",
    "refund for a cancelled order still not on the card",
)
COMPLAINTS = (
    "unhappy that the technician was rescheduled three times",
    "store pickup desk kept the customer waiting an hour",
    "frustrated at being transferred four times before reaching us",
    "told two different things by two agents about coverage",
)
PURCHASE_QUESTIONS = (
    "help choosing between two models; wants the quietest",
    "asked about delivery and haul-away for a new purchase",
    "asked whether the loyalty discount applies to floor models",
)
CARD_FAILURES = (
    "Printer jammed on the card stock; needs a reprint.",
    "Address came back undeliverable from the post office.",
    "Ink ran out part-way through the batch.",
)

CARD_MESSAGES = (
    "Dear {first},\n\nThank you for your patience while we put your {thing} right. "
    "It was a pleasure talking with you, and I hope it serves you well for years.\n\n"
    "Warm regards,\n{advocate}",
    "Dear {first},\n\nI'm so sorry your {thing} let you down, and grateful you gave us the "
    "chance to fix it. Please call me directly if anything else comes up.\n\n"
    "All the best,\n{advocate}",
    "Hi {first},\n\nThanks for sticking with us on the {thing}. Customers like you are why "
    "we do this job.\n\nSincerely,\n{advocate}",
)
