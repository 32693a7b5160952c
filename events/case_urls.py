from django.urls import path

from events import views

app_name = "cases"
urlpatterns = [
    path("<slug:slug>/", views.case_detail, name="detail"),
]
