from django.urls import path

from events import atom, exports, views

app_name = "events"
urlpatterns = [
    path("", views.event_index, name="list"),
    path("export.csv", exports.export_csv, name="export_csv"),
    path("export.json", exports.export_json, name="export_json"),
    path("timelinejs.json", exports.timelinejs, name="timelinejs"),
    path("feed/", atom.events_feed, name="feed"),
    path("<int:pk>-<slug:slug>/", views.event_detail, name="detail"),
    path("<int:pk>/", views.event_detail, name="detail_short"),
]
