"""Jurisdictions that must appear once although the datasets list them twice.

A consolidated city-county is one government that is both a city and a county: GeoNames lists it as a
county (by FIPS) *and* as a place (by GeoNames id). Tagging an article "San Francisco" must not have to
choose between two rows, so each pair below becomes ONE row: kind place, ``is_consolidated``, carrying the
county FIPS and the place's GeoNames id. DC is the same, one level up. New York City is the reverse case:
one city over five counties that keep their own county governments (DAs, courts), so NYC is one place and
its boroughs' counties stay counties.

Every curated id and FIPS code is checked against the data; a missing or renamed entry stops the load
instead of quietly creating a duplicate.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from jurisdictions.gazetteer.sources import CountyRow, PlaceRow


class GazetteerError(Exception):
    """The datasets no longer agree with what the curated tables expect."""


@dataclass(frozen=True)
class Consolidation:
    """A county merged into the place that governs it."""

    county_fips: str
    geonames_id: int
    state: str
    # The county name as GeoNames spells it: checked, so a FIPS typo cannot merge the wrong county.
    county_name: str
    # Name override, where the place's GeoNames name is not what the government calls itself.
    name: str = ""
    # Extra names worth matching, typically the county's name ("Davidson County" -> Nashville).
    aliases: tuple[str, ...] = ()
    reason: str = ""


# fmt: off
CONSOLIDATIONS: tuple[Consolidation, ...] = (
    Consolidation("02020", 5879400, "AK", "Anchorage Municipality", aliases=("Municipality of Anchorage",),
                  reason="Unified home-rule municipality since 1975 (city and borough merged)."),
    Consolidation("02100", 5846901, "AK", "Haines Borough",
                  reason="The City of Haines dissolved into Haines Borough in 2002; one government."),
    Consolidation("02110", 5554072, "AK", "Juneau City and Borough", aliases=("City and Borough of Juneau",),
                  reason="City and Borough of Juneau, unified since 1970."),
    Consolidation("02195", 5556338, "AK", "Petersburg Borough",
                  reason="The City of Petersburg dissolved into Petersburg Borough in 2013; one government."),
    Consolidation("02220", 5557293, "AK", "Sitka City and Borough", aliases=("City and Borough of Sitka",),
                  reason="City and Borough of Sitka, unified since 1971."),
    Consolidation("02230", 5557317, "AK", "Skagway Municipality", aliases=("Municipality of Skagway",),
                  reason="Municipality of Skagway Borough: the city became a borough in 2007."),
    Consolidation("02275", 5558586, "AK", "Wrangell City and Borough", aliases=("City and Borough of Wrangell",),
                  reason="City and Borough of Wrangell, unified since 2008."),
    Consolidation("06075", 5391959, "CA", "San Francisco County",
                  aliases=("City and County of San Francisco", "San Francisco County"),
                  reason="City and County of San Francisco: one charter, one government, same boundary."),
    Consolidation("08014", 5415035, "CO", "Broomfield County", aliases=("City and County of Broomfield",),
                  reason="City and County of Broomfield since 2001."),
    Consolidation("08031", 5419384, "CO", "Denver County", aliases=("City and County of Denver", "Denver County"),
                  reason="City and County of Denver: same boundary, one government."),
    Consolidation("12031", 4160021, "FL", "Duval County", aliases=("Duval County",),
                  reason="City of Jacksonville consolidated with Duval County in 1968 (four small towns stay "
                         "separate and remain places inside it)."),
    Consolidation("13021", 4207400, "GA", "Bibb County", aliases=("Macon-Bibb County", "Bibb County"),
                  reason="Macon-Bibb County unified government since 2014."),
    Consolidation("13053", 4190434, "GA", "Chattahoochee County", aliases=("Cusseta-Chattahoochee County",),
                  reason="Cusseta-Chattahoochee County unified government since 2003."),
    Consolidation("13059", 4180386, "GA", "Clarke County", aliases=("Athens-Clarke County", "Clarke County"),
                  reason="Unified Government of Athens-Clarke County since 1991."),
    Consolidation("13215", 4188985, "GA", "Muscogee County", aliases=("Columbus-Muscogee County", "Muscogee County"),
                  reason="Columbus consolidated with Muscogee County in 1971; same boundary."),
    Consolidation("13245", 4180531, "GA", "Richmond County", aliases=("Augusta-Richmond County", "Richmond County"),
                  reason="Augusta-Richmond County consolidated government since 1996. GeoNames' population "
                         "(43,459) is the pre-consolidation city's, not the consolidated government's."),
    Consolidation("15003", 5856195, "HI", "Honolulu County", aliases=("City and County of Honolulu", "Honolulu County"),
                  reason="City and County of Honolulu governs all of Oahu; Hawaii has no incorporated cities. "
                         "GeoNames' point and population are urban Honolulu's."),
    Consolidation("18097", 4259418, "IN", "Marion County", aliases=("Marion County",),
                  reason="Unigov (1970): the consolidated City of Indianapolis is Marion County's government "
                         "(one mayor, one City-County Council). Beech Grove, Lawrence, Southport and Speedway "
                         "keep their own city governments and stay places inside it. GeoNames' population "
                         "(887,642) is the consolidated city's."),
    Consolidation("20209", 4273837, "KS", "Wyandotte County",
                  aliases=("Unified Government of Wyandotte County", "Wyandotte County"),
                  reason="Unified Government of Wyandotte County and Kansas City, Kansas, since 1997 "
                         "(Bonner Springs and Edwardsville stay separate)."),
    Consolidation("21067", 4297983, "KY", "Fayette County", aliases=("Lexington-Fayette", "Fayette County"),
                  reason="Lexington-Fayette Urban County Government since 1974; same boundary."),
    Consolidation("21111", 4299276, "KY", "Jefferson County", name="Louisville",
                  aliases=("Louisville Metro", "Louisville/Jefferson County", "Jefferson County"),
                  reason="Louisville/Jefferson County Metro Government since 2003 (about 80 small cities "
                         "inside it keep their own governments)."),
    Consolidation("22033", 4315588, "LA", "East Baton Rouge Parish", aliases=("East Baton Rouge Parish",),
                  reason="City of Baton Rouge and Parish of East Baton Rouge consolidated government since 1949 "
                         "(Baker, Central and Zachary stay separate)."),
    Consolidation("22071", 4335045, "LA", "Orleans Parish", aliases=("Orleans Parish",),
                  reason="The City of New Orleans and Orleans Parish are coterminous; one government since 1805."),
    Consolidation("24510", 4347778, "MD", "Baltimore city", aliases=("Baltimore City",),
                  reason="Independent city, outside any county (Baltimore County is a different jurisdiction)."),
    Consolidation("29510", 4407066, "MO", "St. Louis city", aliases=("City of St. Louis", "St. Louis City"),
                  reason="Independent city since 1876 (St. Louis County is a different jurisdiction)."),
    Consolidation("30023", 5637146, "MT", "Deer Lodge County", aliases=("Anaconda-Deer Lodge County",),
                  reason="Anaconda-Deer Lodge County consolidated government since 1977."),
    Consolidation("30093", 5642934, "MT", "Silver Bow County", aliases=("Butte-Silver Bow", "Silver Bow County"),
                  reason="Butte-Silver Bow consolidated government since 1977."),
    Consolidation("32510", 5501344, "NV", "Carson City", aliases=("Consolidated Municipality of Carson City",),
                  reason="Consolidated municipality since 1969; independent of any county."),
    Consolidation("42101", 4560349, "PA", "Philadelphia County", aliases=("Philadelphia County",),
                  reason="City and county coterminous and consolidated since 1854."),
    Consolidation("47037", 4644585, "TN", "Davidson County", name="Nashville",
                  aliases=("Nashville-Davidson", "Metro Nashville", "Davidson County"),
                  reason="Metropolitan Government of Nashville and Davidson County since 1963."),
    Consolidation("47127", 4638782, "TN", "Moore County", aliases=("Lynchburg-Moore County",),
                  reason="Metropolitan Lynchburg/Moore County government since 1988."),
    Consolidation("47169", 4628109, "TN", "Trousdale County", aliases=("Hartsville-Trousdale County",),
                  reason="Hartsville/Trousdale County metropolitan government since 2001. GeoNames' population "
                         "is the town's."),
)
# fmt: on

# Not merged, on purpose (recorded so nobody "fixes" them by accident):
# - Yakutat City and Borough (02282): unified, but GeoNames has no Yakutat place of 1,000+.
# - Georgetown-Quitman (13239), Statenville-Echols (13101), Webster County (13307) GA: unified governments
#   whose GeoNames places are the old towns (a few hundred people); left as counties, an editor can merge.
# - Houma/Terrebonne (22109) and Lafayette (22055) LA: the parish government is consolidated but the city
#   keeps a separate identity (Lafayette has split its council again since 2019).
# - Boroughs of New York City: see NEW_YORK_CITY below.

# --- DC: one row, the district itself ----------------------------------------------------------------
DC_STATE = "DC"
DC_COUNTY_FIPS = "11001"  # GeoNames' county-equivalent for DC; folded into the district row
DC_GEONAMES_ID = 4140963  # "Washington", the city the district is; folded into the district row
DC_NAME = "District of Columbia"
DC_ALIASES = ("D.C.", "Washington", "Washington DC", "Washington, D.C.")

# --- New York City: one place over five counties -------------------------------------------------------
NEW_YORK_CITY_ID = 5128581
NEW_YORK_CITY_NAME = "New York City"
NEW_YORK_CITY_ALIASES = ("New York", "NYC")
# The borough places GeoNames has (all five, checked): they lie in NYC rather than in one county's tree.
NYC_BOROUGH_PLACES = {
    5110302: "Brooklyn",
    5125771: "Manhattan",
    5133273: "Queens",
    5110266: "The Bronx",
    5139568: "Staten Island",
}
NYC_BOROUGH_COUNTIES = ("36005", "36047", "36061", "36081", "36085")  # Bronx, Kings, New York, Queens, Richmond

# GeoNames places that duplicate a consolidated row (a second entry for the same government); dropped.
DUPLICATE_PLACES = {
    4297999: ("21067", "Lexington-Fayette", "A second GeoNames entry for the Lexington-Fayette urban county."),
}

# Virginia's independent cities are county-equivalents in their own right (FIPS 51510-51840) and
# always consolidated; they are found by rule rather than listed, and every one must match a place.
VIRGINIA = "VA"
_VA_CITY_SUFFIX = " city"


def virginia_independent_cities(counties: Sequence[CountyRow], places: Sequence[PlaceRow]) -> list[Consolidation]:
    """One consolidation per Virginia independent city, matched to the same-named GeoNames place in VA."""
    by_name: dict[str, list[PlaceRow]] = defaultdict(list)
    for place in places:
        if place.state == VIRGINIA:
            by_name[place.name].append(place)
    found = []
    for county in counties:
        if county.state != VIRGINIA or not county.name.endswith(_VA_CITY_SUFFIX) or not "51500" < county.fips < "51900":
            continue
        city = county.name[: -len(_VA_CITY_SUFFIX)]
        matches = by_name.get(city, [])
        if len(matches) != 1:
            raise GazetteerError(
                f"Virginia independent city {county.name} ({county.fips}) matches {len(matches)} GeoNames "
                f"places named {city!r} in VA; expected exactly one. Add it to CONSOLIDATIONS by hand."
            )
        found.append(
            Consolidation(
                county.fips,
                matches[0].geonames_id,
                VIRGINIA,
                county.name,
                aliases=(f"City of {city}",),
                reason="Virginia independent city: a county-equivalent that is the city itself.",
            )
        )
    return found


def resolve_consolidations(counties: Sequence[CountyRow], places: Sequence[PlaceRow]) -> list[Consolidation]:
    """The curated table plus Virginia's cities, each checked against the data; raises on any mismatch."""
    county_by_fips = {c.fips: c for c in counties}
    place_by_id = {p.geonames_id: p for p in places}
    problems = []

    def check_place(geonames_id: int, state: str, what: str) -> None:
        place = place_by_id.get(geonames_id)
        if place is None:
            problems.append(f"{what}: GeoNames place {geonames_id} is not in the data")
        elif place.state != state:
            problems.append(f"{what}: GeoNames place {geonames_id} ({place.name}) is in {place.state}, not {state}")

    def check_county(fips: str, state: str, name: str, what: str) -> None:
        county = county_by_fips.get(fips)
        if county is None:
            problems.append(f"{what}: county FIPS {fips} is not in the data")
        elif (county.state, county.name) != (state, name):
            problems.append(f"{what}: county FIPS {fips} is {county.name}, {county.state}, not {name}, {state}")

    merged = [*CONSOLIDATIONS, *virginia_independent_cities(counties, places)]
    for entry in merged:
        what = f"consolidation {entry.county_fips} -> {entry.geonames_id}"
        check_county(entry.county_fips, entry.state, entry.county_name, what)
        check_place(entry.geonames_id, entry.state, what)
    for fips, count in _counts(e.county_fips for e in merged).items():
        if count > 1:
            problems.append(f"county FIPS {fips} is merged {count} times")
    for geonames_id, count in _counts(e.geonames_id for e in merged).items():
        if count > 1:
            problems.append(f"GeoNames place {geonames_id} is merged {count} times")

    check_county(DC_COUNTY_FIPS, DC_STATE, DC_NAME, "District of Columbia")
    check_place(DC_GEONAMES_ID, DC_STATE, "District of Columbia")
    check_place(NEW_YORK_CITY_ID, "NY", "New York City")
    for geonames_id, name in NYC_BOROUGH_PLACES.items():
        check_place(geonames_id, "NY", f"NYC borough {name}")
        if geonames_id in place_by_id and place_by_id[geonames_id].name != name:
            problems.append(f"NYC borough {geonames_id} is now called {place_by_id[geonames_id].name!r}")
    for fips in NYC_BOROUGH_COUNTIES:
        if fips not in county_by_fips:
            problems.append(f"NYC borough county {fips} is not in the data")
    for geonames_id, (fips, name, _) in DUPLICATE_PLACES.items():
        place = place_by_id.get(geonames_id)
        if place is None or place.name != name:
            problems.append(f"duplicate place {geonames_id} ({name}) is not in the data as expected")
    if problems:
        raise GazetteerError("Curated gazetteer tables disagree with the data:\n  " + "\n  ".join(problems))
    return sorted(merged, key=lambda e: e.county_fips)


def _counts(values) -> dict:
    counts: dict = defaultdict(int)
    for value in values:
        counts[value] += 1
    return counts
