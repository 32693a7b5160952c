"""Staff review pages, under /staff/review/."""
from django.urls import path

from feeds.review import views

app_name = "review"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("actions/", views.bulk_action, name="bulk_action"),
    path("events/new/", views.create_event, name="create_event"),
    path("events/attach/", views.attach, name="attach"),
]
