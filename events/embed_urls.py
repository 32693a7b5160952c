"""Embeds: pages for iframes, their JSON for live updates, and the loader that sizes the iframes."""
from django.urls import path

from events import embeds

app_name = "embed"
urlpatterns = [
    path("embed.js", embeds.loader, name="loader"),
    path("timeline/", embeds.embed_page, {"name": "timeline"}, name="timeline"),
    path("map/", embeds.embed_page, {"name": "map"}, name="map"),
    path("timeline.json", embeds.embed_data, {"name": "timeline"}, name="timeline_data"),
    path("map.json", embeds.embed_data, {"name": "map"}, name="map_data"),
    path("jurisdictions/<str:state>/<slug:slug>/", embeds.jurisdiction_embed, name="jurisdiction"),
    path("cases/<slug:slug>/", embeds.case_embed, name="case"),
]
