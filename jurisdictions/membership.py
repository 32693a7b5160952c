"""Whether a jurisdiction was on each official list, version by version: for its public page.

Two queries whatever the number of lists, versions or listings: every snapshot (with its list), then the
listings that name this jurisdiction.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from jurisdictions.models import Jurisdiction, Listing, ListSnapshot, OfficialList


@dataclass(frozen=True)
class SnapshotMembership:
    """One version of a list, and whether it named the jurisdiction (with the name it printed)."""

    snapshot: ListSnapshot
    listed: bool
    name_as_listed: str = ""

    @property
    def published(self) -> datetime.date:
        return self.snapshot.published


@dataclass
class ListMembership:
    """A list's versions, oldest first, each saying whether it named the jurisdiction."""

    official_list: OfficialList
    versions: list[SnapshotMembership] = field(default_factory=list)

    @property
    def ever_listed(self) -> bool:
        return any(v.listed for v in self.versions)

    @property
    def latest(self) -> SnapshotMembership | None:
        return self.versions[-1] if self.versions else None

    @property
    def on_latest_version(self) -> bool:
        """On the newest recorded version. (The list itself may since have been withdrawn:
        see ``official_list.withdrawn``.)"""
        return bool(self.latest and self.latest.listed)


def memberships_over_time(jurisdiction: Jurisdiction, *, only_listed: bool = True) -> list[ListMembership]:
    """For each official list, its versions in date order and whether each named `jurisdiction`.

    By default only lists that named the jurisdiction at least once are returned: "not on the DOJ list"
    is true of 20,000 towns and says nothing on their pages. Pass ``only_listed=False`` to get every list
    that has a recorded version (e.g. to show that a city was dropped from, or never on, a list).
    Lists are ordered by name. Two queries.
    """
    snapshots = ListSnapshot.objects.select_related("official_list").order_by("official_list__name", "official_list_id", "published")
    names = dict(Listing.objects.filter(jurisdiction=jurisdiction).values_list("snapshot_id", "name_as_listed"))
    by_list: dict[int, ListMembership] = {}
    for snapshot in snapshots:
        membership = by_list.setdefault(snapshot.official_list_id, ListMembership(snapshot.official_list))
        listed = snapshot.pk in names
        membership.versions.append(SnapshotMembership(snapshot, listed, names.get(snapshot.pk, "")))
    return [m for m in by_list.values() if m.ever_listed or not only_listed]
