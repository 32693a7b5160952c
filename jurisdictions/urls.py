from django.urls import path

from jurisdictions import views

app_name = "jurisdictions"
urlpatterns = [
    path("lists/<slug:slug>/", views.official_list_detail, name="list"),
]
