"""Pages about official lists. (A jurisdiction's own page shows its events, so it lives in ``events``.)"""
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from jurisdictions.models import Listing, ListSnapshot, OfficialList


def official_list_detail(request: HttpRequest, slug: str) -> HttpResponse:
    official_list = get_object_or_404(
        OfficialList.objects.prefetch_related(
            Prefetch(
                "snapshots",
                queryset=ListSnapshot.objects.order_by("-published").prefetch_related(
                    Prefetch("listings", queryset=Listing.objects.select_related("jurisdiction"))
                ),
            )
        ),
        slug=slug,
    )
    return render(request, "jurisdictions/official_list_detail.html", {"official_list": official_list})
