"""Each pair of the peer benchmark asks the site and Datasette (over the SQLite copy) for the same rows:
the same filtered events, in the same order up to ties in the sort key, the same page size, and the
same CSV rows. Datasette runs in-process here (its own ASGI client), the site through Django's Client."""
import asyncio
import csv
import io
import json

import pytest
from datasette.app import Datasette

from bench import peer
from events.filters import filter_events

pytestmark = pytest.mark.django_db


def datasette_get(path, urls):
    async def go():
        ds = Datasette([str(path)], immutables=[], settings=peer.DATASETTE_SETTINGS)
        await ds.invoke_startup()
        return [await ds.client.get(url) for url in urls]

    return asyncio.run(go())


def same_up_to_ties(ours, theirs, key):
    """The same rows in the same order of ``key`` descending; rows tied with the last row's key may
    differ (the two break ties differently), the rest must be the same set."""
    assert len(ours) == len(theirs)
    if not ours:
        return
    last = min(key(row) for row in ours)
    assert min(key(row) for row in theirs) == last
    assert {r["id"] for r in ours if key(r) > last} == {r["id"] for r in theirs if key(r) > last}


@pytest.fixture
def copy(synthetic, tmp_path):
    path = tmp_path / f"{peer.DATABASE}.db"
    peer.copy_published(path)
    return path


def test_the_list_pair_filters_the_same_events(copy, client):
    pair = peer.pairs(peer.csv_date_from(100))[0]
    assert client.get(pair.ours).status_code == 200
    (page, as_json) = datasette_get(copy, [pair.peer, pair.peer.replace("/events?", "/events.json?", 1)])
    assert page.status_code == 200 and "facet-results" in page.text
    answer = as_json.json()
    ours = filter_events(peer.list_params()).qs
    assert answer["filtered_table_rows_count"] == ours.count() > 0
    assert set(answer["facet_results"]) == {"kind", "states"}  # none dropped for running long
    rows = [{"id": e.pk, "date": e.date.isoformat()} for e in ours[: peer.PAGE_SIZE]]
    theirs = [dict(zip(answer["columns"], row)) for row in answer["rows"]]
    same_up_to_ties(rows, theirs, key=lambda row: row["date"])


def test_the_json_pair_returns_the_same_first_page(copy, client):
    pair = peer.pairs(peer.csv_date_from(100))[1]
    ours = client.get(pair.ours).json()["results"]
    (theirs,) = datasette_get(copy, [pair.peer])
    rows = theirs.json()["rows"]
    assert len(ours) == len(rows) == peer.PAGE_SIZE
    published = dict(filter_events({}).qs.values_list("id", "published_at"))
    ours_rows = [{"id": e["id"], "at": published[e["id"]].isoformat()} for e in ours]
    theirs_rows = [{"id": r["id"], "at": published[r["id"]].isoformat()} for r in rows]
    same_up_to_ties(ours_rows, theirs_rows, key=lambda row: row["at"])
    assert all(peer.JSON_STATE in json.loads(r["states"]) for r in rows)


def test_the_csv_pair_exports_the_same_rows(copy, client):
    date_from = peer.csv_date_from(100)
    pair = peer.pairs(date_from)[2]
    response = client.get(pair.ours)
    ours = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    (theirs,) = datasette_get(copy, [pair.peer])
    rows = list(csv.DictReader(io.StringIO(theirs.text)))
    assert {r["id"] for r in ours} == {r["id"] for r in rows}
    assert len(rows) == peer.expected_rows(date_from) == peer.csv_row_count(theirs.content) >= 100
