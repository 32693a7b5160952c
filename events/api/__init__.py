"""The public, read-only JSON API (Django REST framework) at /api/v1/, its OpenAPI schema and docs page.

Events go through ``events.filters.EventFilter``, the same FilterSet as the pages, exports and feeds,
so the API returns exactly the published events the pages count.
"""
