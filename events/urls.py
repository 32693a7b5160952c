from django.urls import path

from events import views

app_name = "events"
urlpatterns = [
    path("", views.event_index, name="list"),
    path("<int:pk>-<slug:slug>/", views.event_detail, name="detail"),
    path("<int:pk>/", views.event_detail, name="detail_short"),
]
