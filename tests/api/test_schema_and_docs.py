"""The OpenAPI schema is valid OpenAPI 3 and the docs page is served from this site alone."""
import re

import pytest
import yaml
from django.contrib.staticfiles import finders
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db


def test_schema_is_valid_openapi_3(api):
    response = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    validate_schema(schema)  # raises on a schema that breaks the OpenAPI 3 specification
    paths = set(schema["paths"])
    assert {"/api/v1/events/", "/api/v1/events/{id}/", "/api/v1/jurisdictions/", "/api/v1/jurisdictions/{uid}/",
            "/api/v1/cases/", "/api/v1/cases/{slug}/", "/api/v1/policies/", "/api/v1/policies/{id}/",
            "/api/v1/lists/", "/api/v1/lists/{slug}/", "/api/v1/corrections/", "/api/v1/corrections/{id}/"} <= paths
    event_params = {p["name"] for p in schema["paths"]["/api/v1/events/"]["get"]["parameters"]}
    assert {"q", "kind", "agency", "jurisdiction", "within", "state", "jurisdiction_kind", "date_from", "date_to",
            "outcome", "case", "sort", "cursor", "page_size"} <= event_params
    assert "TokenAuth" in str(schema["components"]["securitySchemes"]) or "tokenAuth" in schema["components"]["securitySchemes"]


def test_schema_yaml_by_default(api):
    response = api.get("/api/schema/")
    assert response.status_code == 200
    assert yaml.safe_load(response.content)["info"]["title"] == "Sanctuary Tracker API"


def test_docs_page_loads_everything_from_this_site(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="swagger-ui"' in html
    # No address on another host, no inline script, no inline style.
    assert not re.search(r"(https?:)?//(?!testserver)[\w.-]+\.[a-z]{2,}", html), html
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert "<style" not in html and "style=" not in html
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert sources and all(src.startswith("/") for src in sources), sources


def test_docs_assets_and_start_up_script_are_served(client):
    html = client.get("/api/docs/").content.decode()
    assets = re.findall(r'(?:src|href)="/static/([^"]+)"', html)
    assert len(assets) >= 3  # Swagger UI's bundle, preset and stylesheet (and the favicon)
    for asset in assets:
        # Shipped by drf-spectacular-sidecar and collected with the site's static files.
        assert finders.find(asset), asset
    script = client.get("/api/docs/?script=").content.decode()
    assert "/api/schema/" in script and "SwaggerUIBundle" in script


def test_docs_page_csp_needs_no_relaxation(client):
    policy = client.get("/api/docs/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
