"""The CSV export is written straight from one SQL query, yet byte for byte what it was when every row was
built from model instances (``event_record`` flattened by ``csv_row``, the JSON export's record): same
columns, order, list order inside cells, escaping and formula guard, for a fixture with every awkward case."""
import datetime

import pytest
from django.test import RequestFactory

from events import exports
from events.filters import filter_events
from events.models import (
    Case,
    CourtRuling,
    EnforcementOperation,
    EventJurisdiction,
    FederalAction,
    Source,
)
from tests.factories import make_event, make_jurisdiction

pytestmark = pytest.mark.django_db

QUERIES = [
    "",
    "?kind=federal_action",
    "?state=WY",
    "?date_from=2018-01-01",
    "?sort=date",
    "?q=grants",
    "?kind=court_ruling&outcome=mixed",
]


def instance_built_csv(query: str) -> bytes:
    """Today's output, as the export wrote it from model instances before it read plain values."""
    request = RequestFactory().get("/events/export.csv" + query)
    filterset = filter_events(request.GET)
    assert filterset.is_valid()
    events = exports.export_queryset(filterset).iterator(chunk_size=3)
    base = request.build_absolute_uri("/").rstrip("/")
    rows = (exports.csv_row(exports.event_record(event, base)) for event in events)
    return "".join(exports.csv_lines(exports.CSV_HEADER, rows)).encode()


@pytest.fixture
def rich_record():
    state = make_jurisdiction(kind="state", name="Zedland", state="ZZ", slug="zedland", fips="98")
    county = make_jurisdiction(kind="county", name="Quote \"County\", ZZ", state="ZZ", fips="98001")
    places = [make_jurisdiction(name=name, state="ZZ") for name in ("Alpha; Beta", "alpha", "Zulu", "=Formula City")]
    other = make_jurisdiction(name="Elsewhere", state="WY")
    public_case = Case.objects.create(caption="A v. B", slug="a-v-b", court="D. Zed", is_public=True)
    hidden_case = Case.objects.create(caption="C v. D", slug="c-v-d", court="D. Zed", is_public=False)

    grants = make_event(status="published", title='=HYPERLINK("http://evil.example","click")',
                        summary='Grants, "conditions"\nand a second line;\r\nand CRLF', case=public_case,
                        date=datetime.date(2017, 8, 1), date_precision="month")
    FederalAction.objects.create(event=grants, agency="DOJ", action_type="grant_condition", amount_at_stake=3200000)
    for place, role in ((places[2], "mentioned"), (county, "subject"), (places[0], "subject"), (state, "mentioned"),
                        (places[1], "subject"), (other, "mentioned")):
        EventJurisdiction.objects.create(event=grants, jurisdiction=place, role=role)
    Source.objects.create(event=grants, publisher="", author="A. Writer", title="Undated; with \"quotes\"",
                          url="https://example.org/a?x=1,2")
    Source.objects.create(event=grants, publisher="+Tribune", title="-1 dollars", url="https://example.org/b",
                          published=datetime.date(2017, 8, 7))
    Source.objects.create(event=grants, publisher="WBEZ", title="@mention\tgrants", url="",
                          published=datetime.date(2017, 8, 2))

    ruling = make_event(status="published", kind="court_ruling", title="Court rules, mixed",
                        summary="\tTabbed summary", case=hidden_case, date=datetime.date(2018, 1, 1),
                        date_precision="year", sources=2, jurisdictions=[places[3]])
    CourtRuling.objects.create(event=ruling, court="U.S. District Court, D. Zed", ruling_type="tro", outcome="mixed")

    raid = make_event(status="published", kind="enforcement_operation", title="Operation «Ünïcode» 🚨",
                      date=datetime.date(2025, 6, 9), sources=1, jurisdictions=[places[1], county])
    EnforcementOperation.objects.create(event=raid, agency="ICE", operation_name="Op", reported_arrests=0)
    raid2 = make_event(status="published", kind="enforcement_operation", title="Second raid, no count",
                       date=datetime.date(2025, 6, 9), sources=1)
    EnforcementOperation.objects.create(event=raid2, agency="ICE", operation_name="Op 2", reported_arrests=None)

    no_amount = make_event(status="published", title="Memo about grants", date=datetime.date(2025, 1, 22), sources=1)
    FederalAction.objects.create(event=no_amount, agency="DHS", action_type="memo", amount_at_stake=None)
    make_event(status="published", title="Undated, no places", date=None, date_precision="unknown", sources=1)
    make_event(status="published", kind="policy_change", title="Undated policy", date=None,
               date_precision="unknown", sources=1, jurisdictions=[state])
    make_event(status="draft", title="Draft is never exported", sources=1, jurisdictions=[state])
    make_event(status="retracted", title="Retracted is never exported", sources=1)


@pytest.mark.parametrize("query", QUERIES)
def test_the_export_is_byte_identical_to_the_instance_built_one(client, rich_record, query):
    expected = instance_built_csv(query)
    response = client.get("/events/export.csv" + query)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == expected


def test_the_fixture_exercises_what_it_claims(client, rich_record):
    text = instance_built_csv("").decode()
    assert "'=HYPERLINK" in text and "'\tTabbed" in text and "'=Formula City" in text
    assert "-1 dollars" in text and "+Tribune" in text and "Alpha; Beta, ZZ" in text
    assert '"Grants, ""conditions""\nand a second line;\r\nand CRLF"' in text
    assert "A. Writer" in text and "Date not stated in sources" in text and "c-v-d" not in text
    assert "Draft" not in text and "Retracted" not in text
    assert text.count("\r\n") > 8
