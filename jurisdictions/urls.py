from django.urls import path

from jurisdictions import views

app_name = "jurisdictions"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("suggest.json", views.suggest_json, name="suggest"),
    path("lists/<slug:slug>/", views.official_list_detail, name="list"),
]
