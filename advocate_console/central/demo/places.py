"""Where customers live: telephone areas with their towns, streets and e-mail providers."""

from __future__ import annotations

from typing import NamedTuple

from .names import words


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

STREET_NAMES = words(
    "Oak, Maple, Cedar, Elm, Pine, Lincoln, Park, Lake, Hill, Ridge, Sunset, Highland,"
    "Franklin, Madison, Church, Mill, River, Spring, Meadow, Willow, Chestnut, Walnut,"
    "Birch, Cherry, Magnolia, Dogwood, Juniper, Laurel, Prospect, Summit, Valley, Orchard,"
    "Forest, Harbor, Cypress, Aspen, Sycamore, Hawthorne, Linden, Poplar, Main, Second,"
    "Third, Fourth, Jackson, Monroe, Grant, Adams, Garfield, Cleveland, Woodland, Fairview,"
    "Greenwood, Lakeview, Riverside, Hillcrest, Brookside, Cottonwood, Mesa, Pinecrest"
)
US_STREET_SUFFIXES = words("St, Ave, Rd, Dr, Ln, Ct, Pl, Way, Blvd, Ter, Cir, Pkwy")
UK_STREET_NAMES = words(
    "Albert, Victoria, Church, Station, Mill, Park, Queen's, King's, Manor, Grange, Kingsley,"
    "Beech, Ash, Holly, Rowan, Cavendish, Salisbury, Windsor, Clarence, Stanley, Hawthorn"
)
UK_STREET_SUFFIXES = words("Road, Street, Lane, Close, Avenue, Gardens, Terrace, Crescent")
QUEBEC_STREETS = words(
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
