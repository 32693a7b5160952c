"""URLs for the web benchmark only: the site's own URLs plus a trivial view.

The trivial view goes through the same middleware, URL resolver and response handling as every
page, but touches no database and renders no template: it is the fixed cost of a Django request,
and each page is reported as a ratio to it, measured in the same run.
"""
from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def trivial(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("bench/trivial/", trivial, name="bench_trivial"),
    path("", include("tracker.urls")),
]
