"""Property-based run over the published schema: for generated requests to every operation, no 5xx,
and every answer is documented and matches its schema (status code, content type, body)."""
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def _keep_test_connection():
    """Requests through the raw WSGI handler would close the test's database connection (and its
    transaction) when they finish; Django's own test client prevents that the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES_PER_OPERATION = 20


def test_every_operation_conforms_to_the_schema(sample, settings, _keep_test_connection):
    # Generated requests come from one address, far faster than any real caller.
    settings.API_PUBLIC_RATE = "100000/min"
    # A WSGI handler built now, so its middleware reads the test's settings (plain HTTP, no redirect).
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 12  # five resources and the corrections log, each a list and a detail
    for operation in operations:

        @hypothesis_settings(
            max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None, derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def check(case):
            # The WSGI transport asks for gzip like a browser but never decodes it, as an HTTP client does.
            case.call_and_validate(headers={"Accept-Encoding": "identity"}, checks=CHECKS)

        check()
