"""Embeddable charts: pages for iframes and their JSON for live updates."""
from django.urls import path

from events import embeds

app_name = "embed"
urlpatterns = [
    path("timeline/", embeds.embed_page, {"name": "timeline"}, name="timeline"),
    path("map/", embeds.embed_page, {"name": "map"}, name="map"),
    path("timeline.json", embeds.embed_data, {"name": "timeline"}, name="timeline_data"),
    path("map.json", embeds.embed_data, {"name": "map"}, name="map_data"),
]
