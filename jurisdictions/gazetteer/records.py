"""What the gazetteer produces: one plain record per jurisdiction, and what was counted on the way."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

# The fields the loader writes; ``parent`` is resolved from ``parent_uid`` in a second pass.
DATA_FIELDS = (
    "kind",
    "name",
    "state",
    "fips",
    "geonames_id",
    "census_geoid",
    "is_consolidated",
    "population",
    "population_source",
    "latitude",
    "longitude",
    "coordinates_source",
    "aliases",
    "slug",
)


@dataclass
class JurisdictionRecord:
    """A jurisdiction as the datasets describe it, ready to be written (``uid`` is the key)."""

    uid: str
    kind: str
    name: str
    state: str
    latitude: float | None = None
    longitude: float | None = None
    coordinates_source: str = ""
    fips: str | None = None
    geonames_id: int | None = None
    census_geoid: str = ""
    is_consolidated: bool = False
    population: int | None = None
    population_source: str = ""
    aliases: list[str] = field(default_factory=list)
    slug: str = ""
    parent_uid: str | None = None

    def values(self) -> dict:
        """The model field values, keyed like the model's fields."""
        return {name: getattr(self, name) for name in DATA_FIELDS}


@dataclass
class GazetteerStats:
    """Counts a person running the import wants to see: how each point and parent was found."""

    # How each point was found: geonames, zip_mean, places_mean, or state_point (a county with neither ZIP
    # codes nor places inside, given its state's point and, in the database, that point's source).
    coordinate_methods: Counter = field(default_factory=Counter)
    state_point_fallbacks: list[str] = field(default_factory=list)
    parent_sources: Counter = field(default_factory=Counter)
    skipped: list[str] = field(default_factory=list)
    consolidated: int = 0
    # Where each population came from (geonames, census_v2019), and "none" for rows left without one.
    population_sources: Counter = field(default_factory=Counter)


@dataclass
class Gazetteer:
    """All records, in a stable order (state level, then counties, then places), and the stats."""

    records: list[JurisdictionRecord]
    stats: GazetteerStats

    def kinds(self) -> Counter:
        return Counter(r.kind for r in self.records)
