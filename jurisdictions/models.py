"""Who: states, counties and places, the policies they keep, and the official lists that name them.

This app knows neither ``events`` nor ``feeds``: they point at it, never the other way round.
"""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from jurisdictions.choices import (
    STATE_LEVEL_KINDS,
    CoordinateSource,
    JurisdictionKind,
    ListScope,
    PolicyCategory,
    PolicyStance,
    PopulationSource,
)


class JurisdictionQuerySet(models.QuerySet):
    def states(self) -> JurisdictionQuerySet:
        """States, DC and territories: the top of the hierarchy."""
        return self.filter(kind__in=STATE_LEVEL_KINDS)

    def counties(self) -> JurisdictionQuerySet:
        """Counties and county-equivalents, including consolidated city-counties."""
        return self.filter(
            Q(kind=JurisdictionKind.COUNTY) | Q(kind=JurisdictionKind.PLACE, is_consolidated=True, fips__isnull=False)
        )

    def places(self) -> JurisdictionQuerySet:
        """Cities, towns and other places, including consolidated city-counties."""
        return self.filter(kind=JurisdictionKind.PLACE)

    def in_state(self, code: str) -> JurisdictionQuerySet:
        return self.filter(state=code.upper())

    def within(self, ancestor: Jurisdiction) -> JurisdictionQuerySet:
        """The jurisdiction itself and everything inside it (a state's counties and places,
        a county's places), resolved in one query from the stored hierarchy."""
        if ancestor.kind in STATE_LEVEL_KINDS:
            return self.filter(state=ancestor.state)
        return self.filter(Q(pk=ancestor.pk) | Q(parent=ancestor) | Q(parent__parent=ancestor))


class Jurisdiction(models.Model):
    """A state, county or place, as the public gazetteer knows it.

    DC and consolidated city-counties (San Francisco, Denver, Philadelphia…) are one row each,
    carrying both their county FIPS code and their GeoNames id.
    """

    kind = models.CharField(max_length=12, choices=JurisdictionKind.choices, help_text="Level of government.")
    name = models.CharField(max_length=120, help_text="Name as the jurisdiction calls itself, e.g. 'Cook County'.")
    state = models.CharField(max_length=2, help_text="USPS code of the state, district or territory, e.g. 'IL'.")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="The state for a county; the county (or city) a place lies in, where known.",
    )
    uid = models.CharField(
        max_length=32,
        unique=True,
        help_text="Stable public identifier: 'fips:17031' for states and counties, 'geonames:4887398' for places.",
    )
    fips = models.CharField(
        max_length=5,
        null=True,
        blank=True,
        unique=True,
        help_text="FIPS code: 2 digits for a state, 5 for a county (also set on consolidated city-counties).",
    )
    geonames_id = models.PositiveBigIntegerField(
        null=True, blank=True, unique=True, help_text="GeoNames id of the place, where it has one."
    )
    census_geoid = models.CharField(max_length=12, blank=True, help_text="Census place GEOID, where known.")
    is_consolidated = models.BooleanField(
        default=False, help_text="A consolidated city-county or DC: one government that is both city and county."
    )
    population = models.PositiveIntegerField(null=True, blank=True, help_text="Population, where the source gives it.")
    population_source = models.CharField(
        max_length=16,
        choices=PopulationSource.choices,
        blank=True,
        help_text="Where the population comes from; blank when there is no population.",
    )
    latitude = models.FloatField(help_text="Latitude in decimal degrees (WGS84).")
    longitude = models.FloatField(help_text="Longitude in decimal degrees (WGS84).")
    coordinates_source = models.CharField(
        max_length=12, choices=CoordinateSource.choices, help_text="Where the point comes from."
    )
    aliases = models.JSONField(
        default=list, blank=True, help_text="Other names the jurisdiction is known by (list of strings)."
    )
    slug = models.SlugField(max_length=140, help_text="URL name, unique within the state.")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = JurisdictionQuerySet.as_manager()

    class Meta:
        ordering = ["state", "kind", "name"]
        constraints = [
            # The public URL is /jurisdictions/<state>/<slug>/.
            models.UniqueConstraint(fields=["state", "slug"], name="jurisdiction_unique_slug_per_state"),
            models.CheckConstraint(
                condition=Q(kind__in=JurisdictionKind.values), name="jurisdiction_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(latitude__gte=-90, latitude__lte=90, longitude__gte=-180, longitude__lte=180),
                name="jurisdiction_coordinates_in_range",
            ),
            # States and counties are identified by FIPS; a place by GeoNames id or GEOID.
            models.CheckConstraint(
                condition=~Q(kind__in=[*STATE_LEVEL_KINDS, JurisdictionKind.COUNTY]) | Q(fips__isnull=False),
                name="jurisdiction_state_or_county_has_fips",
            ),
        ]
        indexes = [
            # Directory filtered by state and kind; gazetteer look-ups by name within a state.
            models.Index(fields=["kind", "state"], name="jurisdiction_kind_state_idx"),
            models.Index(fields=["state", "name"], name="jurisdiction_state_name_idx"),
            # Map sizes places by population.
            models.Index(fields=["-population"], name="jurisdiction_population_idx"),
            # The analyser's index is checked against the table before every fetch (its newest change, its
            # count): read from this index, not from every row (feeds/analysis/gazetteer_index.py).
            models.Index(fields=["updated"], name="jurisdiction_updated_idx"),
        ]

    def __str__(self) -> str:
        if self.kind in STATE_LEVEL_KINDS:
            return self.name
        return f"{self.name}, {self.state}"

    def get_absolute_url(self) -> str:
        return reverse("jurisdiction", kwargs={"state": self.state.lower(), "slug": self.slug})

    @property
    def census_county_fips(self) -> str:
        """The county FIPS a Census county figure is for: the row's own, or DC's county-equivalent 11001."""
        if self.kind == JurisdictionKind.DISTRICT and self.fips:
            return f"{self.fips}001"
        return self.fips or ""

    def clean(self) -> None:
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": "A jurisdiction cannot be its own parent."})
        if self.parent and self.parent.state != self.state:
            raise ValidationError({"parent": "The parent must be in the same state."})


class Policy(models.Model):
    """A jurisdiction's rule on cooperation with federal immigration authorities, over the period it was in force."""

    jurisdiction = models.ForeignKey(
        Jurisdiction, on_delete=models.PROTECT, related_name="policies", help_text="Whose rule this is."
    )
    title = models.CharField(max_length=200, help_text="Short name, e.g. 'Detainer ordinance'.")
    category = models.CharField(max_length=32, choices=PolicyCategory.choices, help_text="What the rule is about.")
    stance = models.CharField(
        max_length=10, choices=PolicyStance.choices, help_text="Whether it limits or requires cooperation."
    )
    summary = models.TextField(blank=True, help_text="What the rule does, in plain words.")
    adopted = models.DateField(null=True, blank=True, help_text="Date adopted, if the sources give it.")
    effective = models.DateField(null=True, blank=True, help_text="Date in force, if the sources give it.")
    ended = models.DateField(null=True, blank=True, help_text="Date repealed, struck down or expired.")
    citation = models.CharField(max_length=200, blank=True, help_text="Legal citation, e.g. 'Cal. Gov. Code § 7284'.")
    source_url = models.URLField(max_length=1000, blank=True, help_text="Link to the rule or a report of it, where online.")
    source_title = models.CharField(max_length=300, blank=True, help_text="Title of the source.")
    source_publisher = models.CharField(max_length=200, blank=True, help_text="Who published the source.")
    source_published = models.DateField(null=True, blank=True, help_text="Publication date of the source.")
    is_public = models.BooleanField(
        default=True,
        help_text="Shown on public pages. A policy an editor adds starts unpublished; one that only unpublished "
        "events record changes to stays hidden.",
    )
    is_synthetic = models.BooleanField(default=False, help_text="Generated for benchmarks; never real data.")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    # Every change is kept: who, when, what (django-simple-history).
    history = HistoricalRecords()

    class Meta:
        ordering = ["jurisdiction", "adopted", "title"]
        verbose_name_plural = "policies"
        constraints = [
            models.CheckConstraint(
                condition=Q(ended__isnull=True) | Q(adopted__isnull=True) | Q(ended__gte=models.F("adopted")),
                name="policy_ends_after_adoption",
            ),
            models.CheckConstraint(condition=Q(category__in=PolicyCategory.values), name="policy_category_valid"),
            models.CheckConstraint(condition=Q(stance__in=PolicyStance.values), name="policy_stance_valid"),
        ]
        indexes = [
            # A jurisdiction page lists its policies in time order.
            models.Index(fields=["jurisdiction", "adopted"], name="policy_jurisdiction_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.jurisdiction}: {self.title}"

    def get_absolute_url(self) -> str:
        return f"{self.jurisdiction.get_absolute_url()}#policy-{self.pk}"

    def in_force_on(self, day) -> bool:
        start = self.effective or self.adopted
        return (start is None or start <= day) and (self.ended is None or day < self.ended)


class OfficialList(models.Model):
    """A named list of jurisdictions published by a government, e.g. the DOJ's list under EO 14287."""

    name = models.CharField(max_length=200, unique=True, help_text="Name of the list.")
    slug = models.SlugField(max_length=200, unique=True, help_text="URL name.")
    publisher = models.CharField(max_length=200, help_text="Who publishes it, e.g. 'U.S. Department of Justice'.")
    authority = models.CharField(max_length=200, blank=True, help_text="What requires it, e.g. 'Executive Order 14287'.")
    scope = models.CharField(max_length=10, choices=ListScope.choices, default=ListScope.FEDERAL, help_text="Who issues it.")
    description = models.TextField(blank=True, help_text="What being on the list means.")
    url = models.URLField(max_length=1000, blank=True, help_text="Where the list is published.")
    withdrawn = models.DateField(null=True, blank=True, help_text="Date the publisher withdrew the list, if it did.")
    withdrawn_source_url = models.URLField(
        max_length=1000, blank=True, help_text="A page reporting the withdrawal, where it was withdrawn."
    )
    withdrawn_source_title = models.CharField(max_length=300, blank=True, help_text="Title of that page.")
    # Every change is kept: who, when, what (django-simple-history).
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("jurisdictions:list", kwargs={"slug": self.slug})


class ListSnapshotQuerySet(models.QuerySet):
    def public(self) -> ListSnapshotQuerySet:
        """Versions an editor has published (no event refers to a version, so the flag alone decides)."""
        return self.filter(is_public=True)


class ListSnapshot(models.Model):
    """One published version of an official list."""

    official_list = models.ForeignKey(
        OfficialList, on_delete=models.PROTECT, related_name="snapshots", help_text="The list this is a version of."
    )
    published = models.DateField(help_text="Date this version was published.")
    source_url = models.URLField(max_length=1000, help_text="Where this version was published or archived.")
    source_title = models.CharField(max_length=300, blank=True, help_text="Title of the source document.")
    source_publisher = models.CharField(max_length=200, blank=True, help_text="Who published the source.")
    source_published = models.DateField(null=True, blank=True, help_text="Publication date of the source.")
    notes = models.TextField(blank=True, help_text="Anything an editor should know about this version.")
    is_public = models.BooleanField(
        default=True, help_text="Shown on public pages. A version an editor adds starts unpublished."
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = ListSnapshotQuerySet.as_manager()
    # Every change is kept: who, when, what (django-simple-history).
    history = HistoricalRecords()

    class Meta:
        ordering = ["official_list", "-published"]
        get_latest_by = "published"
        constraints = [
            models.UniqueConstraint(fields=["official_list", "published"], name="snapshot_unique_per_list_and_date"),
        ]

    def __str__(self) -> str:
        return f"{self.official_list} ({self.published:%Y-%m-%d})"

    def get_absolute_url(self) -> str:
        return f"{self.official_list.get_absolute_url()}#snapshot-{self.pk}"

    def previous(self) -> ListSnapshot | None:
        return (
            ListSnapshot.objects.filter(official_list_id=self.official_list_id, published__lt=self.published)
            # A public version is compared with the public version before it.
            .filter(**({"is_public": True} if self.is_public else {}))
            .order_by("-published")
            .first()
        )

    def diff(self) -> dict[str, list[Jurisdiction]]:
        """Jurisdictions added and removed since the previous snapshot of the same list."""
        current = set(self.listings.values_list("jurisdiction_id", flat=True))
        before = self.previous()
        earlier = set(before.listings.values_list("jurisdiction_id", flat=True)) if before else set()
        by_id = Jurisdiction.objects.in_bulk(current ^ earlier)
        order = lambda ids: sorted((by_id[i] for i in ids), key=lambda j: (j.state, j.name))  # noqa: E731
        return {"added": order(current - earlier), "removed": order(earlier - current)}


class Listing(models.Model):
    """That a snapshot of a list names a jurisdiction."""

    snapshot = models.ForeignKey(
        ListSnapshot, on_delete=models.CASCADE, related_name="listings", help_text="The version of the list."
    )
    jurisdiction = models.ForeignKey(
        Jurisdiction, on_delete=models.PROTECT, related_name="listings", help_text="The jurisdiction named."
    )
    name_as_listed = models.CharField(max_length=200, blank=True, help_text="The name exactly as the list printed it.")
    # Every change is kept: who, when, what (django-simple-history).
    history = HistoricalRecords()

    class Meta:
        ordering = ["snapshot", "jurisdiction__state", "jurisdiction__name"]
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "jurisdiction"], name="listing_unique_per_snapshot"),
        ]
        indexes = [
            # A jurisdiction page shows its memberships over time.
            models.Index(fields=["jurisdiction", "snapshot"], name="listing_jurisdiction_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.jurisdiction} on {self.snapshot}"
