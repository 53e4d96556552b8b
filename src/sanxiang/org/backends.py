"""Django admin permissions from the access module, not from per-model permission rows.

Staff never get Django's ``user_permissions``; whether a user may work in the admin site is one rule,
``sanxiang.kernel.access.may_use_admin_site`` (系统管理员 with all-data scope). This backend answers
the admin site's permission questions with it, so a district administrator (scoped to the district)
is given nothing there even if ``is_staff`` were set by hand.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import BaseBackend

from sanxiang.kernel import access


class AdminSiteBackend(BaseBackend):
    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        return access.may_use_admin_site(user_obj)

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        return access.may_use_admin_site(user_obj)
