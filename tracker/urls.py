"""Site URLs."""
from django.contrib import admin
from django.urls import include, path

from events import atom as event_feeds
from events.corrections_log import corrections_feed
from events import views as event_views
from tracker import views

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    # A chart's whole table (the dashboard shows its first rows), for the events list's filters.
    path("charts/timeline/", views.chart_table, {"name": "timeline"}, name="timeline_table"),
    path("charts/map/", views.chart_table, {"name": "map"}, name="map_table"),
    # Browsers and feed readers ask for /favicon.ico whatever the page says; the icon is an SVG.
    path("favicon.ico", views.favicon, name="favicon"),
    path("healthz/", views.health, name="health"),
    path("events/", include("events.urls")),
    path("corrections/", event_views.corrections_log, name="corrections"),
    path("corrections/feed/", corrections_feed, name="corrections_feed"),
    path("cases/", include("events.case_urls")),
    path("embed/", include("events.embed_urls")),
    path("jurisdictions/", include("jurisdictions.urls")),
    path("jurisdictions/<str:state>/<slug:slug>/feed/", event_feeds.jurisdiction_feed, name="jurisdiction_feed"),
    # The page shows the jurisdiction's events, so the events app renders it.
    path("jurisdictions/<str:state>/<slug:slug>/", event_views.jurisdiction_detail, name="jurisdiction"),
    path("jurisdictions/<str:state>/<slug:slug>/cases/", event_views.jurisdiction_cases, name="jurisdiction_cases"),
    path("staff/review/", include("feeds.review.urls")),
    path("api/", include("events.api.urls")),
    path("admin/", admin.site.urls),
]
