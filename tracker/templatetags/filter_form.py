"""The events filter form, as the dashboard and the events list show it: {% event_filters filters %}.

Rendering it is a quarter of the dashboard's time (a dozen fields, each through Django's widget templates,
sixty-odd options). The blank form (no filter chosen: the dashboard, an unfiltered list) is the same for
every request a process serves, since its choices are constants of the code, so each process renders it
once and keeps it; any other form is rendered for its request. Kept in the process, not the shared cache,
so a deploy never serves the previous code's form; dropped when a test changes a setting.
"""
from __future__ import annotations

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

TEMPLATE = "partials/event_filters.html"
_blank: str | None = None


@register.simple_tag(takes_context=True)
def event_filters(context, filters) -> SafeString:
    global _blank
    blank = not filters.data
    if blank and _blank is not None:
        return mark_safe(_blank)  # rendered below, where every value was escaped
    html = render_to_string(TEMPLATE, {"filters": filters, "request": context.get("request")})
    if blank:
        _blank = html
    return mark_safe(html)


@receiver(setting_changed)
def _forget(**_kwargs) -> None:
    global _blank
    _blank = None
