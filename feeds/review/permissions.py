"""Who may use the review pages: staff, with the model permissions each page or action needs."""
from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

VIEW = ("feeds.view_article",)
REVIEW = VIEW + ("feeds.change_article",)
CREATE_EVENT = VIEW + ("events.add_event", "events.add_source")
ATTACH = VIEW + ("events.add_source",)


def staff_with(*perms: str):
    """Anonymous visitors go to the login page; signed-in users who are not active staff with every one
    of ``perms`` get 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not (user.is_active and user.is_staff and user.has_perms(perms)):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def may(user, perms: tuple[str, ...]) -> bool:
    return user.is_active and user.is_staff and user.has_perms(perms)
