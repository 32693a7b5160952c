"""Building the gazetteer's records from the three packages and the bundled county populations: pure
Python, no database.

The order of work matters and is fixed: state-level rows, then counties (consolidated ones merged with
their place), then places with their parent county, then the counties' points that need the places, then
aliases and slugs, which need to see every name in the state.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

from jurisdictions.choices import CoordinateSource, JurisdictionKind, PopulationSource
from jurisdictions.gazetteer import consolidated as curated
from jurisdictions.gazetteer.consolidated import Consolidation, GazetteerError
from jurisdictions.gazetteer.names import ascii_fold, base_slug, county_key, plausible_aliases
from jurisdictions.gazetteer.records import Gazetteer, GazetteerStats, JurisdictionRecord
from jurisdictions.gazetteer.sources import (
    CountyRow,
    PlaceRow,
    StateRow,
    read_counties,
    read_county_populations,
    read_places,
    read_states,
    read_zip_points,
)
from jurisdictions.gazetteer.zips import ZipIndex, mean_point, weighted_mean

STATE_LEVEL = (JurisdictionKind.STATE, JurisdictionKind.DISTRICT, JurisdictionKind.TERRITORY)


def fips_uid(fips: str) -> str:
    return f"fips:{fips}"


def geonames_uid(geonames_id: int) -> str:
    return f"geonames:{geonames_id}"


def build_gazetteer() -> Gazetteer:
    """Every state, county and place, with coordinates, parent, aliases and slug."""
    states = read_states()
    counties = read_counties()
    places, territory_places = read_places()
    zips = _zip_index()
    merges = curated.resolve_consolidations(counties, places)
    return _Builder(states, counties, places, territory_places, zips, merges, read_county_populations()).build()


@cache
def _zip_index() -> ZipIndex:
    """The index is read-only once built; building it takes a second."""
    return ZipIndex(read_zip_points())


class _Builder:
    """One build: holds the rows read and the records made so far, so each step can use the earlier ones."""

    def __init__(
        self,
        states: Sequence[StateRow],
        counties: Sequence[CountyRow],
        places: Sequence[PlaceRow],
        territory_places: Sequence[PlaceRow],
        zips: ZipIndex,
        merges: list[Consolidation],
        county_populations: Mapping[str, int],
    ) -> None:
        self.states = states
        self.counties = counties
        self.places = places
        self.place_by_id = {p.geonames_id: p for p in places}
        self.territory_places = territory_places
        self.zips = zips
        self.merge_by_fips = {m.county_fips: m for m in merges}
        self.county_populations = county_populations
        self.stats = GazetteerStats(consolidated=len(merges) + 1)  # + DC
        self.state_records: dict[str, JurisdictionRecord] = {}
        self.county_records: list[JurisdictionRecord] = []
        self.place_records: list[JurisdictionRecord] = []
        # (state, county key) -> uid of the row that stands for that county (a county or a merged place).
        self.county_uid_by_key: dict[tuple[str, str], str] = {}
        # uid -> aliases that come from the curated tables and are kept whatever else is called that.
        self.curated_aliases: dict[str, set[str]] = defaultdict(set)

    def build(self) -> Gazetteer:
        self._build_states()
        self._build_counties()
        self._build_places()
        self._place_remaining_counties()
        records = [*self.state_records.values(), *self.county_records, *self.place_records]
        _finish_aliases(records, self.curated_aliases)
        _assign_slugs(records)
        for record in records:
            if record.latitude is None or record.longitude is None:
                raise GazetteerError(f"{record.uid} ({record.name}) ended without coordinates")
            self.stats.coordinate_methods[str(record.coordinates_source)] += 1
            self.stats.population_sources[str(record.population_source) or "none"] += 1
        return Gazetteer(records, self.stats)

    # --- states, DC, territories ----------------------------------------------------------------------
    def _build_states(self) -> None:
        for state in self.states:
            if state.abbr == curated.DC_STATE:
                record = self._district(state)
            else:
                kind = JurisdictionKind.TERRITORY if state.is_territory else JurisdictionKind.STATE
                record = JurisdictionRecord(uid=fips_uid(state.fips), kind=kind, name=state.name, state=state.abbr,
                                            fips=state.fips)
                self._state_point(record)
            self.state_records[state.abbr] = record

    def _district(self, state: StateRow) -> JurisdictionRecord:
        """DC: the district, the county-equivalent 11001 and the city of Washington are one row."""
        return self._consolidated(
            self.place_by_id[curated.DC_GEONAMES_ID], fips=state.fips, kind=JurisdictionKind.DISTRICT,
            name=curated.DC_NAME, state=state.abbr, county_fips=curated.DC_COUNTY_FIPS, aliases=curated.DC_ALIASES,
        )

    def _consolidated(self, place: PlaceRow, *, fips: str, kind: str, name: str, state: str, county_fips: str,
                      aliases: Iterable[str]) -> JurisdictionRecord:
        """One row for a place and the county (or district) it is consolidated with: the FIPS code's uid,
        GeoNames' point, names and population, the Census Bureau's county population where it has one."""
        record = JurisdictionRecord(
            uid=fips_uid(fips),
            kind=kind,
            name=name,
            state=state,
            fips=fips,
            geonames_id=place.geonames_id,
            is_consolidated=True,
            latitude=place.latitude,
            longitude=place.longitude,
            coordinates_source=CoordinateSource.GEONAMES,
            aliases=plausible_aliases(place.name, place.alternatenames),
        )
        _geonames_population(record, place)
        self._census_population(record, county_fips)
        self.curated_aliases[record.uid].update(aliases)
        return record

    def _census_population(self, record: JurisdictionRecord, county_fips: str) -> None:
        """The Census Bureau's figure for the county FIPS, where the file has one; otherwise the record keeps
        what it had (GeoNames' figure for a consolidated place, nothing for a county): never estimated."""
        population = self.county_populations.get(county_fips)
        if population:
            record.population, record.population_source = population, PopulationSource.CENSUS_V2019

    def _state_point(self, record: JurisdictionRecord) -> None:
        points = self.zips.by_state.get(record.state)
        if points:
            _set_point(record, mean_point(points), CoordinateSource.ZIP_MEAN)
            return
        pool = self.territory_places if record.kind == JurisdictionKind.TERRITORY else self.places
        point = weighted_mean((p.latitude, p.longitude, p.population) for p in pool if p.state == record.state)
        if point is None:
            raise GazetteerError(f"{record.name} has neither ZIP codes nor places to put a point on")
        _set_point(record, point, CoordinateSource.PLACES_MEAN)

    # --- counties -------------------------------------------------------------------------------------
    def _build_counties(self) -> None:
        for county in self.counties:
            parent = self.state_records.get(county.state)
            if parent is None:
                # e.g. Midway Islands (74300, "UM"): not a state or territory the `us` package lists.
                self.stats.skipped.append(f"county {county.fips} {county.name}, {county.state}: no such state")
                continue
            if county.fips == curated.DC_COUNTY_FIPS:
                self.county_uid_by_key[(county.state, county_key(county.name))] = parent.uid
                continue
            merge = self.merge_by_fips.get(county.fips)
            record = self._merged(county, merge) if merge else self._county(county)
            record.parent_uid = parent.uid
            self.county_uid_by_key[(county.state, county_key(county.name))] = record.uid
            self.county_records.append(record)

    def _county(self, county: CountyRow) -> JurisdictionRecord:
        record = JurisdictionRecord(uid=fips_uid(county.fips), kind=JurisdictionKind.COUNTY, name=county.name,
                                    state=county.state, fips=county.fips)
        self._census_population(record, county.fips)
        points = self.zips.county_points(county.state, county.name) or self.zips.city_points_without_county(
            county.state, county.name
        )
        if points:
            _set_point(record, mean_point(points), CoordinateSource.ZIP_MEAN)
        else:
            # The territories' ZIPs name no county, but GeoNames files their places under the county
            # FIPS suffix (American Samoa "050" = Western District 60050); single-county Guam takes all.
            state_counties = sum(1 for c in self.counties if c.state == county.state)
            pool = [
                p for p in self.territory_places
                if p.state == county.state and (state_counties == 1 or p.district == county.fips[2:])
            ]
            point = weighted_mean((p.latitude, p.longitude, p.population) for p in pool)
            if point:
                _set_point(record, point, CoordinateSource.PLACES_MEAN)
        if county.name != ascii_fold(county.name):
            record.aliases = [ascii_fold(county.name)]
        return record

    def _merged(self, county: CountyRow, merge: Consolidation) -> JurisdictionRecord:
        place = self.place_by_id[merge.geonames_id]
        record = self._consolidated(
            place, fips=county.fips, kind=JurisdictionKind.PLACE, name=merge.name or place.name, state=county.state,
            county_fips=county.fips, aliases=merge.aliases,
        )
        if merge.name and merge.name != place.name:
            self.curated_aliases[record.uid].add(place.name)
        return record

    # --- places ---------------------------------------------------------------------------------------
    def _build_places(self) -> None:
        skip = {curated.DC_GEONAMES_ID, *(m.geonames_id for m in self.merge_by_fips.values()),
                *curated.DUPLICATE_PLACES}
        nyc_uid = geonames_uid(curated.NEW_YORK_CITY_ID)
        for place in self.places:
            if place.geonames_id in skip:
                continue
            state = self.state_records.get(place.state)
            if state is None:
                self.stats.skipped.append(f"place {place.geonames_id} {place.name}, {place.state}: no such state")
                continue
            record = JurisdictionRecord(
                uid=geonames_uid(place.geonames_id),
                kind=JurisdictionKind.PLACE,
                name=place.name,
                state=place.state,
                geonames_id=place.geonames_id,
                latitude=place.latitude,
                longitude=place.longitude,
                coordinates_source=CoordinateSource.GEONAMES,
                aliases=plausible_aliases(place.name, place.alternatenames),
            )
            _geonames_population(record, place)
            if place.geonames_id == curated.NEW_YORK_CITY_ID:
                record.name = curated.NEW_YORK_CITY_NAME
                self.curated_aliases[record.uid].update(curated.NEW_YORK_CITY_ALIASES)
                record.parent_uid, how = state.uid, "curated"
            elif place.geonames_id in curated.NYC_BOROUGH_PLACES:
                record.parent_uid, how = nyc_uid, "curated"
            elif place.state == curated.DC_STATE:
                record.parent_uid, how = state.uid, "district"
            else:
                record.parent_uid, how = self._parent_county(place, state)
            self.stats.parent_sources[how] += 1
            self.place_records.append(record)

    def _parent_county(self, place: PlaceRow, state: JurisdictionRecord) -> tuple[str, str]:
        """The county of the ZIP codes named after the place; else of the ZIP codes around it; else the state."""
        key = self.zips.county_for_place(place.state, place.name, place.latitude, place.longitude)
        if key and (uid := self.county_uid_by_key.get((place.state, key))):
            return uid, "zip_city"
        key = self.zips.county_near(place.state, place.latitude, place.longitude)
        if key and (uid := self.county_uid_by_key.get((place.state, key))):
            return uid, "zip_nearby"
        return state.uid, "state_fallback"

    # --- counties the ZIP table did not place ---------------------------------------------------------
    def _place_remaining_counties(self) -> None:
        """Counties still without a point: the weighted mean of their places, else the state's point."""
        children: dict[str, list[JurisdictionRecord]] = defaultdict(list)
        for record in self.place_records:
            children[record.parent_uid].append(record)
        for record in self.county_records:
            if record.latitude is not None:
                continue
            point = weighted_mean((c.latitude, c.longitude, c.population or 0) for c in children[record.uid])
            if point:
                _set_point(record, point, CoordinateSource.PLACES_MEAN)
                continue
            state = self.state_records[record.state]
            record.latitude, record.longitude = state.latitude, state.longitude
            # Say so: the marker stands for the whole state, not for the county.
            record.coordinates_source = CoordinateSource.STATE_POINT
            self.stats.state_point_fallbacks.append(f"{record.name}, {record.state} ({record.fips})")


def _geonames_population(record: JurisdictionRecord, place: PlaceRow) -> None:
    """GeoNames' population for the place; GeoNames writes 0 for "unknown", which stays unknown here."""
    if place.population:
        record.population, record.population_source = place.population, PopulationSource.GEONAMES


def _set_point(record: JurisdictionRecord, point, source: str) -> None:
    record.latitude, record.longitude, record.coordinates_source = point.latitude, point.longitude, source


def _finish_aliases(records: list[JurisdictionRecord], curated_aliases: dict[str, set[str]]) -> None:
    """Drop aliases that are another jurisdiction's name in the same state; add the curated ones.

    "Kings County" as an alias of Brooklyn would make the matcher choose between two rows for one phrase;
    the county row already answers to its name. Curated aliases were chosen knowingly and stay
    ("New York" for NYC, though New York is also the state).
    """
    names: dict[str, set[str]] = defaultdict(set)
    for record in records:
        names[record.state].add(record.name.casefold())
    for record in records:
        own = record.name.casefold()
        kept = {a for a in record.aliases if a.casefold() not in names[record.state]}
        kept |= curated_aliases.get(record.uid, set())
        by_fold = {}
        for alias in sorted(kept):
            if alias.casefold() != own:
                by_fold.setdefault(alias.casefold(), alias)
        record.aliases = sorted(by_fold.values())


def _slug_rank(record: JurisdictionRecord) -> tuple:
    """Who gets the plain slug when names collide: the bigger, more general jurisdiction."""
    if record.kind in STATE_LEVEL:
        level = 0
    elif record.is_consolidated:
        level = 1
    elif record.kind == JurisdictionKind.COUNTY:
        level = 2
    else:
        level = 3
    return (level, -(record.population or 0), record.uid)


def _assign_slugs(records: list[JurisdictionRecord]) -> None:
    """Slugs unique within each state: the name, then name + county, then name + GeoNames id or FIPS."""
    by_uid = {r.uid: r for r in records}
    by_state: dict[str, list[JurisdictionRecord]] = defaultdict(list)
    for record in records:
        by_state[record.state].append(record)
    for group in by_state.values():
        taken: set[str] = set()
        for record in sorted(group, key=_slug_rank):
            code = str(record.geonames_id or record.fips or record.uid.split(":")[-1])
            base = base_slug(record.name, fallback=f"{record.kind}-{code}")
            candidates = [base]
            parent = by_uid.get(record.parent_uid or "")
            if record.kind == JurisdictionKind.PLACE and parent and parent.kind not in STATE_LEVEL:
                candidates.append(f"{base}-{parent.slug}"[:140])
            candidates.append(f"{base}-{code}")
            slug = next((c for c in candidates if c not in taken), None)
            if slug is None:
                raise GazetteerError(f"no free slug for {record.uid} ({record.name}, {record.state})")
            taken.add(slug)
            record.slug = slug
