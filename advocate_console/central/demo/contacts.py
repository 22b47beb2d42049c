"""The internal people and desks advocates dial into calls, with their lines and hours."""

from __future__ import annotations

from typing import NamedTuple


class Contact(NamedTuple):
    """One internal person or desk advocates dial into calls."""

    name: str
    department: str
    role: str
    skills: tuple[str, ...]
    products: tuple[str, ...]
    phone: str | None  # E.164, ";ext=" for an extension on the main line
    sip_user: str | None  # sip:<user>@pbx.example.com
    timezone: str
    hours: tuple[int, int, int]  # start hour, end hour, last weekday (4 = Fri, 6 = Sun)
    notes: str


MAIN_LINE = "+13035550100"  # the company switchboard; extensions hang off it
PBX_DOMAIN = "pbx.example.com"

_EAST, _CENTRAL, _MOUNTAIN = "America/New_York", "America/Chicago", "America/Denver"
_ARIZONA, _PACIFIC = "America/Phoenix", "America/Los_Angeles"
_FAILURE = ("product failure", "repair", "warranty", "parts")

# Direct lines use 555-0100..0119, a block no customer number is ever given.
CONTACTS: tuple[Contact, ...] = (
    Contact("Warranty Desk", "Warranty desk", "Shared line, all warranty agents",
            ("warranty", "product failure", "repair"), ("all appliances", "all electronics"),
            MAIN_LINE + ";ext=2100", "warranty-desk", _EAST, (8, 20, 5),
            "Ask for the warranty desk; say the case number first and they pull it up."),
    Contact("Dana Whitlock", "Warranty desk", "Senior warranty specialist",
            ("warranty", "product failure", "complaint"), ("Halvorsen", "Corvale", "Northvane"),
            "+15025550101", "dana.whitlock", _EAST, (8, 17, 4),
            "Can approve goodwill repairs up to 90 days past warranty."),
    Contact("Rafael Okonjo", "Warranty desk", "Warranty specialist",
            ("warranty", "repair"), ("Brightwell", "Vistaro"), MAIN_LINE + ";ext=2114",
            "rafael.okonjo", _EAST, (10, 19, 4), "Electronics warranties and registrations."),
    Contact("Hye-won Cha", "Warranty desk", "Extended-warranty claims",
            ("warranty", "billing"), ("service plans",), MAIN_LINE + ";ext=2131", None,
            _CENTRAL, (9, 18, 4), "Service-plan claims; has the plan contract terms."),
    Contact("Service Dispatch", "Service dispatch", "Dispatch line, 7 days",
            ("repair", "product failure", "installation"), ("all appliances",),
            MAIN_LINE + ";ext=3100", "dispatch", _CENTRAL, (7, 21, 6),
            "Books technician visits; can get a same-week slot for priority customers."),
    Contact("Curtis Bramwell", "Service dispatch", "Field service coordinator, West",
            ("repair", "installation"), ("Halvorsen", "Northvane"), "+12065550102",
            "curtis.bramwell", _PACIFIC, (7, 16, 4),
            "Knows every authorised servicer west of the Rockies."),
    Contact("Yolanda Ferreira", "Service dispatch", "Field service coordinator, South",
            ("repair", "installation"), ("Corvale", "Halvorsen"), "+17135550103", None,
            _CENTRAL, (8, 17, 4), "Ask her about escalating a technician no-show."),
    Contact("Piotr Zielinski", "Service dispatch", "Field service coordinator, Northeast",
            ("repair", "product failure"), ("Northvane", "Halvorsen"), MAIN_LINE + ";ext=3122",
            "piotr.zielinski", _EAST, (8, 17, 4), "Weekend emergency list for no-cooling calls."),
    Contact("Parts Line", "Parts", "Parts ordering", ("parts",), ("all appliances",),
            MAIN_LINE + ";ext=4100", "parts", _CENTRAL, (8, 18, 5),
            "Give the model number; they ship free for customers with an open case."),
    Contact("Mireille Aucoin", "Parts", "Parts specialist, appliances", ("parts", "repair"),
            ("Halvorsen", "Corvale", "Northvane"), "+13145550104", "mireille.aucoin", _CENTRAL,
            (9, 17, 4), "Finds discontinued parts; knows the substitution list."),
    Contact("Trevor Nakashima", "Parts", "Parts specialist, electronics and accessories",
            ("parts",), ("Brightwell", "Vistaro", "remotes", "wall mounts"), None,
            "trevor.nakashima", _PACIFIC, (8, 16, 4), "Remotes, mounts, cables, headphone pads."),
    Contact("Billing Support", "Billing", "Billing line", ("billing",), (),
            MAIN_LINE + ";ext=5100", "billing", _CENTRAL, (8, 18, 4),
            "Refunds, double charges, finance promotions."),
    Contact("Gloria Achterberg", "Billing", "Billing disputes lead", ("billing", "complaint"),
            ("service plans",), "+16125550105", "gloria.achterberg", _CENTRAL, (8, 16, 4),
            "Can reverse a non-return charge the same day."),
    Contact("Samuel Oyelaran", "Billing", "Rebates and promotions", ("billing",),
            ("rebates",), MAIN_LINE + ";ext=5127", None, _EAST, (9, 17, 4),
            "Has the rebate processor's portal; ask for the claim number."),
    Contact("Returns & Logistics", "Returns & logistics", "Returns line",
            ("wrong item returned", "delivery"), ("all products",), MAIN_LINE + ";ext=6100",
            "returns", _CENTRAL, (7, 19, 5),
            "Tracks return labels and what arrived at the warehouse."),
    Contact("Beatriz Salcedo", "Returns & logistics", "Returns investigator",
            ("wrong item returned", "delivery"), ("Brightwell", "Vistaro", "Halvorsen"),
            "+16025550106", "beatriz.salcedo", _ARIZONA, (7, 16, 4),
            "Checks serials of returned units against the order; fixes mix-ups."),
    Contact("Owen Fairclough", "Returns & logistics", "Freight and delivery escalations",
            ("delivery", "installation"), ("large appliances",), MAIN_LINE + ";ext=6133",
            "owen.fairclough", _EAST, (8, 17, 4), "Missed delivery windows, damaged freight."),
    Contact("Lena Marchetti", "Returns & logistics", "Warehouse liaison",
            ("wrong item returned", "parts"), ("all products",), None, "lena.marchetti",
            _CENTRAL, (6, 15, 4), "On the warehouse floor; can pull a returned unit off the line."),
    Contact("Dr. Anil Varghese", "Product engineering", "Engineer, microwaves",
            _FAILURE, ("Halvorsen microwaves", "HVM3160SF", "HVM2070BB", "HVC1150WW"),
            "+15025550107", "anil.varghese", _EAST, (9, 17, 4),
            "Wants to hear about every repeat microwave failure; logs it against the model."),
    Contact("Kirsten Halloran", "Product engineering", "Engineer, microwaves and cooking",
            _FAILURE, ("Halvorsen microwaves", "Halvorsen ranges", "HGR30SS", "HIC36BK"),
            None, "kirsten.halloran", _EAST, (8, 16, 4), "Magnetron and control-board faults."),
    Contact("Bogdan Marchenko", "Product engineering", "Engineer, refrigeration", _FAILURE,
            ("Corvale refrigerators", "CFD25RS", "CTF18WW", "HSS22SS"), "+14145550108",
            "bogdan.marchenko", _CENTRAL, (8, 17, 4), "Sealed-system and defrost problems."),
    Contact("Alicia Fenwick", "Product engineering", "Engineer, refrigeration", _FAILURE,
            ("Corvale freezers", "CCF07W", "ice makers"), MAIN_LINE + ";ext=7142", None,
            _CENTRAL, (9, 17, 4), "Ice makers and water systems."),
    Contact("Desmond Achebe", "Product engineering", "Engineer, laundry", _FAILURE,
            ("Northvane washers", "Northvane dryers", "NWF45HE", "NDE74HE", "NWT50", "NCW24"),
            "+13175550109", "desmond.achebe", _EAST, (8, 17, 4),
            "Ask about bearing failures by lot."),
    Contact("Ingrid Solberg", "Product engineering", "Engineer, dishwashers", _FAILURE,
            ("Halvorsen dishwashers", "HDW24Q3"), None, "ingrid.solberg", _CENTRAL,
            (9, 17, 4), "Drain pumps and error codes."),
    Contact("Jae-min Yoon", "Product engineering", "Engineer, audio/video", _FAILURE,
            ("Brightwell soundbars", "BW-SB510", "BW-AVR9", "BW-H70"), "+14085550110",
            "jaemin.yoon", _PACIFIC, (9, 18, 4), "HDMI ARC and firmware; can push a beta fix."),
    Contact("Priscilla Moreau", "Product engineering", "Engineer, TVs and projectors",
            _FAILURE, ("Vistaro TVs", "VX65Q9", "VX55U7", "VLP4K20"), MAIN_LINE + ";ext=7188",
            "priscilla.moreau", _PACIFIC, (8, 17, 4), "Panel and backlight failures."),
    Contact("Walt Kiplagat", "Product engineering", "Engineer, vehicles",
            (*_FAILURE, "product question"), ("Kestrel Solace", "Kestrel Aria", "Kestrel Vela"),
            "+13135550111", "walt.kiplagat", _EAST, (8, 17, 4),
            "Reads the car's fault codes remotely if the customer agrees."),
    Contact("Sunita Raghavan", "Product engineering", "Engineer, EV and hybrid systems",
            (*_FAILURE, "product question"), ("Kestrel Vela EV", "hybrid batteries"), None,
            "sunita.raghavan", _PACIFIC, (9, 17, 4),
            "Charging and high-voltage battery questions."),
    Contact("Dealer Relations", "Dealer relations", "Dealer support line",
            ("new purchase", "repair", "complaint"), ("Kestrel", "Marrick"),
            MAIN_LINE + ";ext=8100", "dealer-relations", _CENTRAL, (8, 19, 5),
            "Ask for the dealer relations desk; they phone the service manager for you."),
    Contact("Holly Brennan", "Dealer relations", "Regional dealer manager, West",
            ("new purchase", "repair"), ("Kestrel", "Marrick"), "+17025550112",
            "holly.brennan", _PACIFIC, (8, 17, 4), "Can get a loaner car approved."),
    Contact("Reggie Thibodeaux", "Dealer relations", "Regional dealer manager, South",
            ("new purchase", "complaint"), ("Kestrel", "Marrick"), "+15045550113", None,
            _CENTRAL, (8, 17, 4), "Knows every Gulf Coast dealer principal by name."),
    Contact("Executive Customer Relations", "Executive customer relations",
            "Escalations desk", ("complaint", "warranty", "billing"), ("all products",),
            MAIN_LINE + ";ext=9100", "executive-relations", _EAST, (8, 18, 4),
            "For letters to the CEO and anything the advocate can't approve alone."),
    Contact("Margo Ellingsen", "Executive customer relations", "Director",
            ("complaint", "warranty"), ("all products",), "+12125550114", "margo.ellingsen",
            _EAST, (9, 17, 4), "Approves replacements outside policy for long-time customers."),
    Contact("Consumer Affairs", "Legal & consumer affairs", "Consumer affairs line",
            ("complaint", "warranty"), (), MAIN_LINE + ";ext=9400", None, _EAST, (9, 17, 4),
            "Attorney-general and BBB complaints; say if the customer mentioned a lawyer."),
    Contact("Nathaniel Oduya", "Legal & consumer affairs", "Counsel, product safety",
            ("product failure", "complaint"), ("all products",), "+12025550115",
            "nathaniel.oduya", _EAST, (9, 17, 4),
            "Call at once for smoke, fire, sparks or injury."),
    Contact("Delivery & Installation", "Delivery & installation", "Installers' line",
            ("installation", "delivery"), ("large appliances",), MAIN_LINE + ";ext=6200",
            "installation", _MOUNTAIN, (7, 19, 5), "Reschedules installs; knows the install kits."),
    Contact("Tomasz Wrobel", "Delivery & installation", "Installation lead",
            ("installation",), ("Halvorsen", "Corvale", "Northvane"), "+18015550116",
            "tomasz.wrobel", _MOUNTAIN, (7, 16, 4), "Gas, water and vent hook-ups."),
    Contact("Advocate Team Lead", "Customer advocacy", "Lead on duty",
            ("complaint", "product failure", "billing"), ("all products",),
            MAIN_LINE + ";ext=1100", "advocate-lead", _MOUNTAIN, (7, 21, 6),
            "Second opinion, approvals above your limit, or a warm hand-over."),
    Contact("Kalani Akana", "Customer advocacy", "Advocate, Hawaii and Alaska",
            ("product question", "new purchase"), ("all products",), "+18085550117",
            "kalani.akana", "Pacific/Honolulu", (8, 17, 4),
            "Covers late calls from the West Coast in her morning."),
)  # fmt: skip
