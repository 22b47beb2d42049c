"""Words the demo data is made of: names, places, brands, products and what advocates write.

Plain tables only; ``demo_data`` decides how they combine. Every brand here is invented,
and the name lists are drawn so no pairing names a famous person (see ``BLOCKED_NAMES``).
"""

from __future__ import annotations

from typing import NamedTuple


def _words(text: str) -> tuple[str, ...]:
    # Comma-separated so multi-word surnames ("De la Cruz") stay whole.
    return tuple(word.strip() for word in text.split(",") if word.strip())


class NameGroup(NamedTuple):
    """First and last names common together in one culture, and how often we meet it."""

    weight: int
    first: tuple[str, ...]
    last: tuple[str, ...]


NAME_GROUPS: tuple[NameGroup, ...] = (
    NameGroup(
        20,
        _words(
            "James, Emily, Michael, Sarah, David, Jessica, Robert, Ashley, Matthew, Megan,"
            "Andrew, Lauren, Brian, Rachel, Kevin, Heather, Jason, Amanda, Eric, Nicole,"
            "Timothy, Katherine, Gregory, Melissa, Scott, Rebecca, Dorothy, Harold, Carol, Wayne"
        ),
        _words(
            "Miller, Thompson, Anderson, Harris, Clark, Lewis, Walker, Hall, Allen, Young,"
            "Wright, Hill, Baker, Carter, Mitchell, Roberts, Turner, Phillips, Parker, Evans,"
            "Collins, Stewart, Morris, Rogers, Reed, Cook, Bailey, Cooper, Howard, Ward"
        ),
    ),
    NameGroup(
        6,
        _words(
            "Malik, Imani, Darnell, Aaliyah, Terrence, Keisha, Jamal, Tasha, Andre, Monique,"
            "Marcus, Jasmine, Devon, Ebony, Reginald, Latoya, Cedric, Tamara, Khalil, Nia"
        ),
        _words(
            "Jefferson, Banks, Freeman, Mosley, Gaines, Whitaker, Booker, Dorsey, Merriweather,"
            "Tillman, Battle, Ware, Pettaway, Hairston, Rucker, Staton, Gadsden, Fields"
        ),
    ),
    NameGroup(
        16,
        _words(
            "José, María, Luis, Carmen, Javier, Ana, Miguel, Sofía, Alejandro, Lucía, Carlos,"
            "Gabriela, Diego, Valentina, Ricardo, Isabel, Fernando, Adriana, Raúl, Beatriz,"
            "Eduardo, Marisol, Tomás, Guadalupe, Andrés, Paola, Héctor, Yesenia"
        ),
        _words(
            "García, Rodríguez, Martínez, Hernández, López, González, Pérez, Sánchez, Ramírez,"
            "Torres, Flores, Rivera, Gómez, Díaz, Morales, Ortiz, Castillo, Vargas, Romero,"
            "Mendoza, Guzmán, Salazar, Herrera, Medina, Aguilar, Delgado, De la Cruz, Villanueva"
        ),
    ),
    NameGroup(
        6,
        _words(
            "Siobhan, Declan, Aoife, Ciarán, Niamh, Eamon, Fiona, Padraig, Maeve, Callum,"
            "Ailsa, Fergus, Sinéad, Rory, Moira, Brendan, Orla, Cormac, Iona, Lachlan"
        ),
        _words(
            "O'Brien, Murphy, Kelly, O'Sullivan, Walsh, McCarthy, Byrne, Ryan, O'Connor,"
            "Doyle, MacLeod, Campbell, Fraser, McKenzie, Gallagher, Kavanagh, Donnelly, Quinn"
        ),
    ),
    NameGroup(
        5,
        _words(
            "Giulia, Marco, Francesca, Luca, Chiara, Matteo, Alessandra, Giovanni, Elena,"
            "Stefano, Paola, Vincenzo, Teresa, Salvatore, Rosa, Antonio"
        ),
        _words(
            "Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco,"
            "Bruno, Gallo, Conti, De Luca, Mancini, Costa, Giordano, Lombardi"
        ),
    ),
    NameGroup(
        6,
        _words(
            "Anna, Lukas, Greta, Henrik, Ingrid, Jonas, Astrid, Erik, Frieda, Nils, Karin,"
            "Dieter, Solveig, Anders, Liesel, Torsten, Sigrid, Magnus"
        ),
        _words(
            "Schneider, Fischer, Weber, Becker, Hoffmann, Schulz, Koch, Lindqvist, Johansson,"
            "Halvorsrud, Nygaard, Bergström, Eriksen, Vogel, Krause, Lindgren, Dahl, Engel"
        ),
    ),
    NameGroup(
        4,
        _words(
            "Katarzyna, Tomasz, Agnieszka, Piotr, Magdalena, Krzysztof, Olena, Dmitri, Irina,"
            "Pavel, Milena, Bogdan, Zofia, Marek, Natalia, Oksana"
        ),
        _words(
            "Kowalski, Nowak, Wiśniewski, Wójcik, Kamiński, Lewandowski, Zieliński, Novak,"
            "Shevchenko, Petrenko, Horvat, Kovačević, Dvořák, Popescu, Ivanova, Sokolov"
        ),
    ),
    NameGroup(
        5,
        _words(
            "Wei, Mei, Jun, Xiaoling, Hao, Yan, Lei, Ying, Jian, Lan, Chen, Hui, Zhiwei, Qing,"
            "Bo, Lili"
        ),
        _words(
            "Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu, Hu,"
            "Guo, Lin, Tan"
        ),
    ),
    NameGroup(
        5,
        _words(
            "Priya, Arjun, Ananya, Rahul, Deepa, Vikram, Kavya, Sanjay, Lakshmi, Rohan, Meera,"
            "Aditya, Nisha, Karthik, Shreya, Harpreet, Gurpreet, Anil"
        ),
        _words(
            "Patel, Sharma, Iyer, Reddy, Nair, Gupta, Desai, Menon, Rao, Krishnan, Joshi,"
            "Singh, Natarajan, Kulkarni, Chatterjee, Bhatt, Pillai, Sandhu"
        ),
    ),
    NameGroup(
        3,
        _words("Min-jun, Ji-woo, Seo-yeon, Hyun-woo, Eun-ji, Jae-hyun, Soo-ah, Dong-hyun, Ha-eun"),
        _words("Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim, Han, Shin"),
    ),
    NameGroup(
        3,
        _words("Linh, Minh, Thao, Duc, Huong, Quang, Mai, Tuan, Lan Anh, Bao, Trang, Khoa"),
        _words("Nguyen, Tran, Le, Pham, Hoang, Phan, Vu, Vo, Dang, Bui, Do, Ngo"),
    ),
    NameGroup(
        3,
        _words("Maricel, Jomar, Rowena, Arnel, Lorna, Rodel, Cristina, Jericho, Analyn, Ramil"),
        _words(
            "Santos, Reyes, Cruz, Bautista, Villanueva, Mendoza, Aquino, Ramos, Dela Rosa,"
            "Manalo, Pascual, Tolentino"
        ),
    ),
    NameGroup(
        2,
        _words("Haruka, Kenji, Yuki, Takeshi, Aiko, Hiroshi, Emi, Daisuke, Naomi, Sora"),
        _words(
            "Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito, Yamamoto, Nakamura, Kobayashi,"
            "Kato, Yoshida, Matsumoto"
        ),
    ),
    NameGroup(
        4,
        _words(
            "Chinedu, Ngozi, Oluwaseun, Adaeze, Kwame, Ama, Kofi, Abena, Emeka, Folasade,"
            "Tunde, Yetunde, Selam, Dawit, Hiwot, Tesfaye, Amara, Chiamaka"
        ),
        _words(
            "Okafor, Adeyemi, Okonkwo, Balogun, Mensah, Asante, Boateng, Owusu, Eze, Nwosu,"
            "Adebayo, Tadesse, Haile, Bekele, Abebe, Osei"
        ),
    ),
    NameGroup(
        3,
        _words(
            "Omar, Layla, Yusuf, Fatima, Karim, Noor, Hassan, Mariam, Tariq, Rania, Samir,"
            "Leila, Darius, Shirin, Reza, Yasmin"
        ),
        _words(
            "Haddad, Khoury, Nasser, Saleh, Mansour, Aziz, Hamdan, Farah, Rahimi, Tehrani,"
            "Karimi, Ahmadi, Suleiman, Barakat"
        ),
    ),
    NameGroup(
        2,
        _words("Miriam, Avi, Shira, Eli, Rivka, Noam, Tova, Ari, Hannah, Yosef"),
        _words("Cohen, Levy, Katz, Friedman, Goldberg, Rosen, Weiss, Abramowitz, Shapiro"),
    ),
    NameGroup(
        2,
        _words("Eleni, Nikos, Sofia, Giorgos, Katerina, Dimitri, Despina, Yannis"),
        _words("Papadopoulos, Georgiou, Pappas, Nikolaidis, Christodoulou, Vlachos"),
    ),
    NameGroup(
        3,
        _words(
            "Amélie, Étienne, Geneviève, Mathieu, Chloé, Benoît, Sylvie, Olivier, Josée,"
            "Rémi, Élodie, Sébastien"
        ),
        _words(
            "Tremblay, Gagnon, Roy, Côté, Bouchard, Gauthier, Morin, Lavoie, Fortin,"
            "Bélanger, Pelletier, Lefebvre"
        ),
    ),
)

# Pairings our lists could produce that name someone famous; they are drawn again.
BLOCKED_NAMES = frozenset(
    {
        "James Cook",
        "David Cook",
        "Jason Collins",
        "Naomi Watanabe",
        "Marco Rossi",
        "Sanjay Gupta",
        "Rahul Sharma",
        "Anders Dahl",
    }
)


class Area(NamedTuple):
    """One telephone area, with the towns customers live in there."""

    country: str
    region: str
    area_code: str
    # (town, the start of its postal codes: a ZIP3, a Canadian FSA letter, a UK area)
    towns: tuple[tuple[str, str], ...]


def _us(area_code: str, state: str, *towns: tuple[str, str]) -> Area:
    return Area("US", state, area_code, towns)


# Every area a regular customer can live in. Area codes the stories use (303, 720, 503)
# are left out on purpose, so no regular customer can share a story customer's number.
AREAS: tuple[Area, ...] = (
    _us("201", "NJ", ("Jersey City", "073"), ("Hackensack", "076")),
    _us("973", "NJ", ("Newark", "071"), ("Montclair", "070")),
    _us("215", "PA", ("Philadelphia", "191")),
    _us("412", "PA", ("Pittsburgh", "152")),
    _us("617", "MA", ("Boston", "021"), ("Cambridge", "021")),
    _us("508", "MA", ("Worcester", "016"), ("Framingham", "017")),
    _us("203", "CT", ("New Haven", "065"), ("Stamford", "069")),
    _us("401", "RI", ("Providence", "029"), ("Warwick", "028")),
    _us("207", "ME", ("Portland", "041"), ("Bangor", "044")),
    _us("802", "VT", ("Burlington", "054")),
    _us("603", "NH", ("Manchester", "031"), ("Nashua", "030")),
    _us("212", "NY", ("New York", "100")),
    _us("718", "NY", ("Brooklyn", "112"), ("Flushing", "113")),
    _us("716", "NY", ("Buffalo", "142")),
    _us("518", "NY", ("Albany", "122"), ("Schenectady", "123")),
    _us("410", "MD", ("Baltimore", "212"), ("Annapolis", "214")),
    _us("202", "DC", ("Washington", "200")),
    _us("703", "VA", ("Arlington", "222"), ("Alexandria", "223")),
    _us("804", "VA", ("Richmond", "232")),
    _us("919", "NC", ("Raleigh", "276"), ("Durham", "277")),
    _us("704", "NC", ("Charlotte", "282")),
    _us("843", "SC", ("Charleston", "294")),
    _us("404", "GA", ("Atlanta", "303"), ("Decatur", "300")),
    _us("912", "GA", ("Savannah", "314")),
    _us("305", "FL", ("Miami", "331"), ("Hialeah", "330")),
    _us("407", "FL", ("Orlando", "328")),
    _us("813", "FL", ("Tampa", "336")),
    _us("904", "FL", ("Jacksonville", "322")),
    _us("205", "AL", ("Birmingham", "352")),
    _us("615", "TN", ("Nashville", "372"), ("Franklin", "370")),
    _us("901", "TN", ("Memphis", "381")),
    _us("502", "KY", ("Louisville", "402")),
    _us("504", "LA", ("New Orleans", "701"), ("Metairie", "700")),
    _us("601", "MS", ("Jackson", "392")),
    _us("501", "AR", ("Little Rock", "722")),
    _us("614", "OH", ("Columbus", "432")),
    _us("216", "OH", ("Cleveland", "441"), ("Lakewood", "441")),
    _us("513", "OH", ("Cincinnati", "452")),
    _us("313", "MI", ("Detroit", "482"), ("Dearborn", "481")),
    _us("616", "MI", ("Grand Rapids", "495")),
    _us("317", "IN", ("Indianapolis", "462"), ("Carmel", "460")),
    _us("312", "IL", ("Chicago", "606")),
    _us("847", "IL", ("Evanston", "602"), ("Schaumburg", "601")),
    _us("414", "WI", ("Milwaukee", "532")),
    _us("608", "WI", ("Madison", "537")),
    _us("612", "MN", ("Minneapolis", "554")),
    _us("651", "MN", ("Saint Paul", "551")),
    _us("515", "IA", ("Des Moines", "503")),
    _us("314", "MO", ("St. Louis", "631")),
    _us("816", "MO", ("Kansas City", "641")),
    _us("402", "NE", ("Omaha", "681")),
    _us("316", "KS", ("Wichita", "672")),
    _us("405", "OK", ("Oklahoma City", "731"), ("Norman", "730")),
    _us("214", "TX", ("Dallas", "752")),
    _us("713", "TX", ("Houston", "770")),
    _us("512", "TX", ("Austin", "787"), ("Round Rock", "786")),
    _us("210", "TX", ("San Antonio", "782")),
    _us("915", "TX", ("El Paso", "799")),
    _us("505", "NM", ("Albuquerque", "871"), ("Santa Fe", "875")),
    _us("602", "AZ", ("Phoenix", "850"), ("Tempe", "852")),
    _us("520", "AZ", ("Tucson", "857")),
    _us("702", "NV", ("Las Vegas", "891"), ("Henderson", "890")),
    _us("801", "UT", ("Salt Lake City", "841"), ("Provo", "846")),
    _us("208", "ID", ("Boise", "837")),
    _us("406", "MT", ("Billings", "591"), ("Missoula", "598")),
    _us("307", "WY", ("Cheyenne", "820")),
    _us("701", "ND", ("Fargo", "581")),
    _us("605", "SD", ("Sioux Falls", "571")),
    _us("206", "WA", ("Seattle", "981")),
    _us("509", "WA", ("Spokane", "992")),
    _us("415", "CA", ("San Francisco", "941")),
    _us("510", "CA", ("Oakland", "946"), ("Berkeley", "947")),
    _us("408", "CA", ("San Jose", "951")),
    _us("213", "CA", ("Los Angeles", "900")),
    _us("619", "CA", ("San Diego", "921")),
    _us("916", "CA", ("Sacramento", "958")),
    _us("559", "CA", ("Fresno", "937")),
    _us("907", "AK", ("Anchorage", "995")),
    _us("808", "HI", ("Honolulu", "968")),
    _us("302", "DE", ("Wilmington", "198")),
    _us("304", "WV", ("Charleston", "253")),
    Area("CA", "ON", "416", (("Toronto", "M"),)),
    Area("CA", "BC", "604", (("Vancouver", "V"), ("Burnaby", "V"))),
    Area("CA", "QC", "514", (("Montréal", "H"),)),
    Area("CA", "AB", "403", (("Calgary", "T"),)),
    Area("CA", "ON", "613", (("Ottawa", "K"),)),
    Area("CA", "NS", "902", (("Halifax", "B"),)),
    Area("GB", "", "161", (("Manchester", "M"), ("Salford", "M"))),
    Area("GB", "", "121", (("Birmingham", "B"),)),
    Area("GB", "", "113", (("Leeds", "LS"),)),
    Area("GB", "", "20", (("London", "SW"), ("London", "N"), ("London", "SE"))),
    Area("GB", "", "131", (("Edinburgh", "EH"),)),
)

# The part of a number before the four-digit line, by country, in the order they are used:
# 555 first because it is the exchange set aside for fiction in North America, and
# "496"/"7946" are Ofcom's ranges for drama. Later ones exist only for very large demos.
EXCHANGES: dict[str, tuple[str, ...]] = {
    "US": ("555", "382", "467", "729", "846", "938"),
    "CA": ("555", "382", "467", "729", "846", "938"),
    "GB": ("496", "497", "498", "499", "491", "492"),
}
LONDON_EXCHANGES = ("7946", "7947", "7948", "7949", "7941", "7942")

STREET_NAMES = _words(
    "Oak, Maple, Cedar, Elm, Pine, Lincoln, Park, Lake, Hill, Ridge, Sunset, Highland,"
    "Franklin, Madison, Church, Mill, River, Spring, Meadow, Willow, Chestnut, Walnut,"
    "Birch, Cherry, Magnolia, Dogwood, Juniper, Laurel, Prospect, Summit, Valley, Orchard,"
    "Forest, Harbor, Cypress, Aspen, Sycamore, Hawthorne, Linden, Poplar, Main, Second,"
    "Third, Fourth, Jackson, Monroe, Grant, Adams, Garfield, Cleveland, Woodland, Fairview,"
    "Greenwood, Lakeview, Riverside, Hillcrest, Brookside, Cottonwood, Mesa, Pinecrest"
)
US_STREET_SUFFIXES = _words("St, Ave, Rd, Dr, Ln, Ct, Pl, Way, Blvd, Ter, Cir, Pkwy")
UK_STREET_NAMES = _words(
    "Albert, Victoria, Church, Station, Mill, Park, Queen's, King's, Manor, Grange, Kingsley,"
    "Beech, Ash, Holly, Rowan, Cavendish, Salisbury, Windsor, Clarence, Stanley, Hawthorn"
)
UK_STREET_SUFFIXES = _words("Road, Street, Lane, Close, Avenue, Gardens, Terrace, Crescent")
QUEBEC_STREETS = _words(
    "rue Saint-Denis, rue Sherbrooke Est, boulevard Saint-Laurent, rue Beaubien,"
    "avenue du Parc, rue Fleury Ouest, rue Ontario Est, boulevard Rosemont"
)

EMAIL_DOMAINS: dict[str, tuple[str, ...]] = {
    "US": (
        "gmail.com",
        "gmail.com",
        "gmail.com",
        "yahoo.com",
        "outlook.com",
        "icloud.com",
        "hotmail.com",
        "aol.com",
        "comcast.net",
    ),
    "CA": ("gmail.com", "gmail.com", "outlook.com", "yahoo.ca", "shaw.ca", "rogers.com"),
    "GB": ("gmail.com", "gmail.com", "btinternet.com", "outlook.com", "yahoo.co.uk", "sky.com"),
}


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

# Advocates on the team, as they appear as case owners; the demo and lead users are added.
TEAM = _words(
    "Renata Osei, Graham Whitlock, Soo-jin Park, Luis Arellano, Bethany Kruger,"
    "Tobias Lindqvist, Farah Siddiqui, Marcus Delacroix, Naledi Dube, Connor Byrne,"
    "Ivana Petrović, Hiroshi Tanabe"
)


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

STORY_REPEAT_FAILURE_CARD = (
    "Dear Margaret,\n\nThank you for bearing with us while your microwave was replaced. "
    "Fourteen years with us means a great deal, and I hope the new one sees many quiet "
    "dinners.\n\nWarm regards,\nMaya"
)
STORY_NEW_CAR_CARD = (
    "Dear Grace,\n\nCongratulations on your new Solace! Thank you for choosing us again; "
    "I hope it takes your family on many good trips.\n\nWarmly,\nMaya"
)
