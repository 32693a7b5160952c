"""How lists write kinds and names, and the gazetteer spellings to look up for them.

Lists print names the way governments style themselves ("City of Chicago", "Cook County", "State of
Illinois", "City and County of San Francisco"); the styling words are understood and also tell the kind
when the kind column is blank.
"""
from __future__ import annotations

from dataclasses import dataclass

from jurisdictions.choices import STATE_LEVEL_KINDS, JurisdictionKind
from jurisdictions.gazetteer.names import county_key
from jurisdictions.models import Jurisdiction

# What a list may write in the kind column, mapped to the group of gazetteer rows it can mean.
STATE, COUNTY, PLACE, CONSOLIDATED, COUNTY_OR_PLACE = "state", "county", "place", "consolidated", "county_or_place"
KIND_WORDS = {
    "state": STATE,
    "commonwealth": STATE,
    "district": STATE,
    "federal district": STATE,
    "territory": STATE,
    "county": COUNTY,
    "parish": COUNTY,
    "county-equivalent": COUNTY,
    "city": PLACE,
    "town": PLACE,
    "township": PLACE,
    "village": PLACE,
    "place": PLACE,
    "municipality": PLACE,
    "city-county": CONSOLIDATED,
    "city and county": CONSOLIDATED,
    "consolidated": CONSOLIDATED,
    "consolidated city-county": CONSOLIDATED,
    # An Alaska borough is a county-equivalent; a Pennsylvania or New Jersey borough is a town.
    "borough": COUNTY_OR_PLACE,
}


def kind_allows(group: str, j: Jurisdiction) -> bool:
    """Whether a jurisdiction can be what the list calls a `group`. A consolidated city-county (and DC)
    is both a city and a county, so either word finds it."""
    if group == STATE:
        return j.kind in STATE_LEVEL_KINDS
    if group == COUNTY:
        return j.kind == JurisdictionKind.COUNTY or (j.is_consolidated and bool(j.fips))
    if group == PLACE:
        return j.kind == JurisdictionKind.PLACE or j.is_consolidated
    if group == CONSOLIDATED:
        return j.is_consolidated
    return j.kind in (JurisdictionKind.COUNTY, JurisdictionKind.PLACE)


# Styling words in front of a name, longest first, with the kind they imply.
_STYLE_PREFIXES = (
    ("city and county of ", CONSOLIDATED),
    ("city and borough of ", CONSOLIDATED),
    ("consolidated city of ", CONSOLIDATED),
    ("unified government of ", CONSOLIDATED),
    ("metropolitan government of ", CONSOLIDATED),
    ("commonwealth of ", STATE),
    ("state of ", STATE),
    ("county of ", COUNTY),
    ("parish of ", COUNTY),
    ("city of ", PLACE),
    ("town of ", PLACE),
    ("township of ", PLACE),
    ("village of ", PLACE),
    ("municipality of ", PLACE),
    ("borough of ", COUNTY_OR_PLACE),
)
_COUNTY_WORDS = ("county", "parish", "borough")


@dataclass(frozen=True)
class NameForms:
    """The ways a listed name may be spelled in the gazetteer, tried in order: the name as printed first,
    then without its styling. ``implied_kind`` is what the styling says ("State of …" -> state)."""

    exact: tuple[str, ...]
    restyled: tuple[str, ...]
    implied_kind: str = ""


def name_forms(name: str, kind: str = "") -> NameForms:
    """Spellings to look up for a listed name. `kind` is the kind group from the kind column, if any."""
    name = " ".join(name.split())
    stem, implied = name, ""
    lowered = name.lower()
    for prefix, prefix_kind in _STYLE_PREFIXES:
        if lowered.startswith(prefix) and len(name) > len(prefix):
            stem, implied = name[len(prefix) :].strip(), prefix_kind
            break
    if stem.lower().startswith("the "):
        stem = stem[4:]
    group = kind or implied
    forms = [stem]
    words = stem.split()
    if group in (COUNTY, COUNTY_OR_PLACE, CONSOLIDATED) and words and words[-1].lower() not in _COUNTY_WORDS:
        forms += [f"{stem} County", f"{stem} Parish", f"{stem} Borough"]
    if group in (PLACE, "") and len(words) > 1 and words[-1].lower() == "city":
        forms.append(" ".join(words[:-1]))  # "Baltimore City"
    if words and words[0].lower() in ("st.", "st"):
        forms.append(" ".join(["Saint", *words[1:]]))
    elif words and words[0].lower() == "saint":
        forms.append(" ".join(["St.", *words[1:]]))
    restyled = tuple(dict.fromkeys(f for f in forms if f.lower() != name.lower()))
    return NameForms(exact=(name,), restyled=restyled, implied_kind=implied)


def agrees_with(name: str, j: Jurisdiction) -> bool:
    """Whether a listed name is plausibly this jurisdiction's (for checking an id against its row)."""
    forms = name_forms(name)
    wanted = {county_key(form) for form in (*forms.exact, *forms.restyled)}
    known = {county_key(n) for n in (j.name, *j.aliases)}
    return bool(wanted & known)
