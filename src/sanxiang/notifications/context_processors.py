"""The staff shell's messages: the unread badge of every staff page and the home page's latest."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from .selectors import inbox_list, unread_count

HOME_INBOX_SIZE = 8


def shell_inbox(request: HttpRequest) -> dict[str, Any]:
    """``shell_unread`` (the badge) and ``shell_inbox`` (the latest messages, read only by the page
    that shows them) on staff pages; nothing on the portal."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not request.path.startswith(reverse("core:home")):
        return {}
    return {
        "shell_unread": unread_count(user),
        "shell_inbox": SimpleLazyObject(lambda: list(inbox_list(user)[:HOME_INBOX_SIZE])),
    }
