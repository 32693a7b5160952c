"""Fixtures for the analyser tests: the real gazetteer, and a helper that analyses a snippet."""
from __future__ import annotations

import datetime

import pytest

from feeds.analysis import Analysis, analyze, refresh_if_changed


@pytest.fixture
def analyse(gazetteer):
    """analyse(title, text="", published=None) -> Analysis, on the real gazetteer."""
    # The index caches database ids; rebuild it if another test reloaded the gazetteer.
    refresh_if_changed()

    def run(title: str, text: str = "", published: datetime.date | datetime.datetime | None = None) -> Analysis:
        return analyze(title, text, published)

    return run


def found(analysis: Analysis) -> dict[str, str]:
    """uid -> role."""
    return {j.uid: j.role for j in analysis.jurisdictions}


# uids used across the tests (stable public identifiers from the gazetteer)
NYC = "geonames:5128581"
NEW_YORK_STATE = "fips:36"
CHICAGO = "geonames:4887398"
ILLINOIS = "fips:17"
CALIFORNIA = "fips:06"
LOS_ANGELES = "geonames:5368361"
SAN_FRANCISCO = "fips:06075"
SANTA_CLARA_COUNTY = "fips:06085"
NEW_ORLEANS = "fips:22071"
DC = "fips:11"
WASHINGTON_STATE = "fips:53"
SEATTLE = "geonames:5809844"
DENVER = "fips:08031"
PORTLAND_OR = "geonames:5746545"
PORTLAND_ME = "geonames:4975802"
ROCHESTER_NY = "geonames:5134086"
ROCHESTER_MN = "geonames:5043473"
JACKSON_MS = "geonames:4431410"
MOBILE_AL = "geonames:4076598"
SPRINGFIELD_OH = "geonames:4525353"
BOSTON = "geonames:4930956"
