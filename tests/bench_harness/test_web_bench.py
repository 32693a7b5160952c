"""The web benchmark's own parts, on a small data set: what it picks and what it reports."""
from urllib.parse import parse_qsl

import pytest
from django.urls import Resolver404, resolve

from bench import web
from events.filters import filter_events

pytestmark = pytest.mark.django_db


def test_the_export_filter_selects_about_the_rows_asked_for(synthetic):
    query = web.csv_filter(100)
    rows = filter_events(dict(parse_qsl(query))).qs.count()
    assert 100 <= rows < 110  # events sharing the cut-off day add a few


def test_it_times_the_trivial_view_and_a_page_and_counts_their_queries(synthetic):
    with web.bench_settings():
        measured = web.measure_targets([web.Target("trivial view", "/bench/trivial/", requests=3),
                                        web.Target("/", "/", requests=3)])
    trivial, home = measured["trivial view"], measured["/"]
    assert trivial["status"] == 200 and trivial["queries"] == 0
    assert home["status"] == 200 and home["queries"] > 0
    assert home["p50_ratio"] == round(home["p50_ms"] / trivial["p50_ms"], 1)
    assert 0 < home["p50_ms"] <= home["p95_ms"]


def test_it_reads_a_streamed_export_to_the_end_and_counts_its_rows(synthetic):
    query = web.csv_filter(50)
    with web.bench_settings():
        measured = web.measure_targets([web.Target("csv", f"/events/export.csv?{query}", requests=1)])
    expected = filter_events(dict(parse_qsl(query))).qs.count()
    assert measured["csv"]["status"] == 200
    assert measured["csv"]["csv_rows"] == expected


def test_the_targets_include_the_busiest_place_and_skip_an_api_not_yet_built(synthetic):
    with web.bench_settings():
        targets = {t.name: t for t in web.choose_targets()}
        try:
            resolve(web.API_URL)
            api_built = True
        except Resolver404:
            api_built = False
    assert targets["busy jurisdiction page"].url.startswith("/jurisdictions/")
    assert targets["event page"].url.startswith("/events/")
    api = targets["/api/v1/events/ filtered"]
    assert (api.url != "") == api_built
    if not api_built:
        assert api.note == "API not built"
