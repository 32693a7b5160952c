"""API addresses: /api/v1/… (the data), /api/schema/ (OpenAPI 3), /api/docs/ (Swagger UI)."""
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from events.api import views

app_name = "api"

router = SimpleRouter()
router.register("events", views.EventViewSet, basename="event")
router.register("jurisdictions", views.JurisdictionViewSet, basename="jurisdiction")
router.register("cases", views.CaseViewSet, basename="case")
router.register("policies", views.PolicyViewSet, basename="policy")
router.register("lists", views.OfficialListViewSet, basename="list")
router.register("corrections", views.CorrectionViewSet, basename="correction")

urlpatterns = [
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up code as a separate script (/api/docs/?script=), so the
    # page runs under the site's CSP (script-src 'self') without inline script; its assets come from
    # drf-spectacular-sidecar's static files, never a CDN.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="api/docs.html"), name="docs"),
]
