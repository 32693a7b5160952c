"""Site URLs."""
from django.contrib import admin
from django.urls import include, path

from events import views as event_views
from tracker import views

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("healthz/", views.health, name="health"),
    path("events/", include("events.urls")),
    path("cases/", include("events.case_urls")),
    path("jurisdictions/", include("jurisdictions.urls")),
    # The page shows the jurisdiction's events, so the events app renders it.
    path("jurisdictions/<str:state>/<slug:slug>/", event_views.jurisdiction_detail, name="jurisdiction"),
    path("admin/", admin.site.urls),
]
