"""Saving a resolved preview: the snapshot and all its listings, in one transaction, or nothing."""
from __future__ import annotations

import datetime

from django.db import transaction

from jurisdictions.listimport.resolve import MAX_NAME_LENGTH, ImportPreview
from jurisdictions.models import Jurisdiction, Listing, ListSnapshot, OfficialList


class ImportNotReady(Exception):
    """The preview still has problems; nothing was saved."""


def save_snapshot(
    official_list: OfficialList,
    preview: ImportPreview,
    *,
    published: datetime.date,
    source_url: str,
    source_title: str = "",
    notes: str = "",
    user=None,
) -> ListSnapshot:
    """Create the snapshot and one listing per jurisdiction, all or nothing."""
    if not preview.ready:
        raise ImportNotReady("Every row must name exactly one jurisdiction before the list is saved.")
    named = [(r.jurisdiction, r.row.name) for r in preview.resolved]
    return create_snapshot(
        official_list, named, published=published, source_url=source_url, source_title=source_title,
        notes=notes, user=user,
    )


def create_snapshot(
    official_list: OfficialList,
    named: list[tuple[Jurisdiction, str]],
    *,
    published: datetime.date,
    source_url: str,
    source_title: str = "",
    notes: str = "",
    user=None,
) -> ListSnapshot:
    """Write a snapshot and its listings in one transaction: if any listing fails (say, the same
    jurisdiction twice), the snapshot is not kept either. Names are stored exactly as printed —
    exports neutralise formula-like text (tracker.csvsafe), storage does not alter it."""
    with transaction.atomic():
        snapshot = ListSnapshot.objects.create(
            official_list=official_list, published=published, source_url=source_url,
            source_title=source_title, notes=notes,
        )
        listings = [
            Listing(snapshot=snapshot, jurisdiction=j, name_as_listed=name[:MAX_NAME_LENGTH]) for j, name in named
        ]
        _bulk_create(listings, user)
    return snapshot


def _bulk_create(listings: list[Listing], user) -> None:
    # bulk_create skips model signals, so where listings keep a history (django-simple-history)
    # its helper writes the history rows too, with the importing editor as their author.
    if hasattr(Listing, "history"):
        from simple_history.utils import bulk_create_with_history

        bulk_create_with_history(listings, Listing, default_user=user)
    else:
        Listing.objects.bulk_create(listings)
