"""Schema hints for FilterSets the API shares with the pages.

``events.filters.JurisdictionFilter`` is a custom filter (a uid or "Name, ST", cleaned to a
Jurisdiction) that drf-spectacular cannot type by itself; it is a string on the wire. The hint is
metadata only and changes nothing in how the filter behaves. (It could equally sit on the class in
events/filters.py.)
"""
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from events.filters import JurisdictionFilter

extend_schema_field(OpenApiTypes.STR)(JurisdictionFilter)
