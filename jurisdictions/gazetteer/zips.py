"""The ZIP table as a spatial index: points per county and per state, counties per city name.

Neither GeoNames' county table nor the ``us`` package carries coordinates or says which county a place is
in; the ZIP table has both a point and a county for each of ~42,000 ZIP codes, which is enough to put a
point on every county and a parent on most places.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from jurisdictions.gazetteer.names import county_key, place_key
from jurisdictions.gazetteer.sources import ZipPoint

# Decimal places kept on computed points (about a metre): enough for a map, and it keeps the loader's
# diff against the database free of floating-point noise.
COORDINATE_DIGITS = 5

# A place is only given the county of a same-named ZIP code if that ZIP's point is this close to the
# place's own point; further off, the name belongs to a different town (Franklin, Springfield…).
MAX_NAME_MATCH_KM = 40.0

# For a place no ZIP code is named after (neighbourhoods, unincorporated towns: Harlem, Paradise NV), the
# county is taken from its nearest ZIP points, but only when the NEAREST_ZIPS nearest within NEARBY_KM all
# lie in one county. Checked against the places the name match does place: the two agree for 99.6% of
# them; the disagreements are towns on a county line (Texarkana AR, North Mankato MN).
NEAREST_ZIPS = 3
NEARBY_KM = 10.0
_GRID_DEGREES = 0.2  # cell size of the neighbour search; 3 x 3 cells always cover NEARBY_KM


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float


def mean_point(points: Sequence[ZipPoint]) -> Point:
    """The mean of the ZIP points, preferring standard (street-delivery) ZIPs.

    PO box and single-organisation ZIPs sit at a post office or a company's head office, sometimes far
    from the county they are filed under (North Slope Borough's oil-company ZIPs are in Anchorage); they
    are only used where a county has no standard ZIP at all.
    """
    chosen = [p for p in points if p.is_standard] or list(points)
    lat = sum(p.latitude for p in chosen) / len(chosen)
    lon = sum(p.longitude for p in chosen) / len(chosen)
    return Point(round(lat, COORDINATE_DIGITS), round(lon, COORDINATE_DIGITS))


def weighted_mean(points: Iterable[tuple[float, float, int]]) -> Point | None:
    """Population-weighted mean of (latitude, longitude, population); every point weighs at least 1."""
    total = lat = lon = 0.0
    for latitude, longitude, population in points:
        weight = max(population, 1)
        total += weight
        lat += latitude * weight
        lon += longitude * weight
    if not total:
        return None
    return Point(round(lat / total, COORDINATE_DIGITS), round(lon / total, COORDINATE_DIGITS))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), good to well under a percent at these scales."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


class ZipIndex:
    """ZIP points grouped by state, by (state, county key) and by (state, city key)."""

    def __init__(self, points: Iterable[ZipPoint]) -> None:
        self.by_state: dict[str, list[ZipPoint]] = defaultdict(list)
        self.by_county: dict[tuple[str, str], list[ZipPoint]] = defaultdict(list)
        self.by_city: dict[tuple[str, str], list[ZipPoint]] = defaultdict(list)
        self.by_acceptable_city: dict[tuple[str, str], list[ZipPoint]] = defaultdict(list)
        self.grid: dict[tuple[int, int], list[ZipPoint]] = defaultdict(list)
        for point in points:
            self.by_state[point.state].append(point)
            if point.county:
                self.by_county[(point.state, county_key(point.county))].append(point)
                self.grid[_cell(point.latitude, point.longitude)].append(point)
            self.by_city[(point.state, place_key(point.city))].append(point)
            for city in point.acceptable_cities:
                self.by_acceptable_city[(point.state, place_key(city))].append(point)

    def county_points(self, state: str, name: str) -> list[ZipPoint]:
        return self.by_county.get((state, county_key(name)), [])

    def city_points_without_county(self, state: str, name: str) -> list[ZipPoint]:
        """ZIPs filed under a city of this name but under no county (the territories' ZIPs)."""
        return [p for p in self.by_city.get((state, county_key(name)), []) if not p.county]

    def county_for_place(self, state: str, name: str, latitude: float, longitude: float) -> str | None:
        """County key of the place: the county most ZIPs with this city name in this state are filed under.

        Only ZIPs within MAX_NAME_MATCH_KM of the place count, so a small town is not put in the county of
        a bigger namesake elsewhere in the state. Ties go to the county of the nearest such ZIP. ZIP
        "acceptable city" names are tried when no ZIP has the name as its main city.
        """
        key = place_key(name)
        for index in (self.by_city, self.by_acceptable_city):
            near = [
                (distance_km(latitude, longitude, p.latitude, p.longitude), county_key(p.county))
                for p in index.get((state, key), [])
                if p.county
            ]
            near = [(d, c) for d, c in near if d <= MAX_NAME_MATCH_KM]
            if not near:
                continue
            counts = Counter(c for _, c in near)
            nearest = {}
            for d, c in sorted(near):
                nearest.setdefault(c, d)
            return min(counts, key=lambda c: (-counts[c], nearest[c], c))
        return None

    def county_near(self, state: str, latitude: float, longitude: float) -> str | None:
        """County key shared by the NEAREST_ZIPS nearest ZIP points of this state, if within NEARBY_KM."""
        row, col = _cell(latitude, longitude)
        near = sorted(
            (distance_km(latitude, longitude, p.latitude, p.longitude), p.zip_code, county_key(p.county))
            for dr in (-1, 0, 1)
            for dc in (-1, 0, 1)
            for p in self.grid.get((row + dr, col + dc), ())
            if p.state == state
        )[:NEAREST_ZIPS]
        if len(near) < NEAREST_ZIPS or near[-1][0] > NEARBY_KM:
            return None
        counties = {county for _, _, county in near}
        return counties.pop() if len(counties) == 1 else None


def _cell(latitude: float, longitude: float) -> tuple[int, int]:
    return int(latitude // _GRID_DEGREES), int(longitude // _GRID_DEGREES)
