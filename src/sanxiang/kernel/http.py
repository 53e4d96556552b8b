"""Request types for annotating views behind ``role_required`` / ``HasRole``.

To django-stubs ``request.user`` is ``User | AnonymousUser``; behind those checks it is always a
signed-in staff ``User``. Annotate such a view's ``request`` with these types so that it passes
``request.user`` to services taking a ``User``. At run time they are Django's and DRF's own request
classes (usable in type aliases); only the type checker sees the narrower ``user``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest
from rest_framework.request import Request

if TYPE_CHECKING:
    from sanxiang.org.models import User

    class StaffHttpRequest(HttpRequest):
        """A Django request of a view behind ``role_required`` (or ``login_required``)."""

        user: User

    class StaffRequest(Request):
        """A DRF request of a view behind ``HasRole``."""

        @property
        def user(self) -> User: ...

        @user.setter
        def user(self, value: User) -> None: ...

else:
    StaffHttpRequest = HttpRequest
    StaffRequest = Request

__all__ = ["StaffHttpRequest", "StaffRequest"]
