"""Cursor pagination: opaque ``cursor`` links that stay correct while events are being published.

DRF's cursor pagination trusts the position it decodes from the cursor; a forged cursor whose
position is not a valid value of the ordering field would reach the database and fail with a 500.
``ValidatedCursorPagination`` checks the position against the model field first and answers 404
("Invalid cursor"), as DRF does for a cursor it cannot decode.
"""
from __future__ import annotations

from django.core.exceptions import ValidationError
from rest_framework.exceptions import NotFound
from rest_framework.pagination import CursorPagination

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


class ValidatedCursorPagination(CursorPagination):
    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def paginate_queryset(self, queryset, request, view=None):
        self._model = queryset.model
        return super().paginate_queryset(queryset, request, view)

    def decode_cursor(self, request):
        cursor = super().decode_cursor(request)
        if cursor is not None and cursor.position is not None:
            field = self._model._meta.get_field(self.ordering[0].lstrip("-"))
            try:
                if "\x00" in cursor.position:
                    raise ValidationError("NUL in cursor")
                field.to_python(cursor.position)
            except (ValidationError, ValueError, TypeError):
                raise NotFound(self.invalid_cursor_message) from None
        return cursor


def cursor_pagination(*ordering: str) -> type[ValidatedCursorPagination]:
    """A pagination class ordered by ``ordering``. The first field is the cursor's position and must
    be non-null and (nearly) unique; the last must be unique, so that ties break the same way on
    every page."""
    return type("CursorPagination", (ValidatedCursorPagination,), {"ordering": ordering})
