"""Build links that keep the current filters: pagination, sorting, exports and feeds share one query string."""
from django import template
from django.http import QueryDict

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (None removes one), '?'-prefixed."""
    params: QueryDict = context["request"].GET.copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value not in (None, ""):
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else ""


@register.simple_tag(takes_context=True)
def filters_query(context) -> str:
    """The current filters without the page number or sort order: what exports and feeds take."""
    params: QueryDict = context["request"].GET.copy()
    for key in ("page",):
        params.pop(key, None)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else ""


@register.filter
def lookup_label(form, name: str) -> str:
    """A form field's label by name (for error lists that name the field)."""
    field = form.fields.get(name)
    return str(field.label) if field else name
