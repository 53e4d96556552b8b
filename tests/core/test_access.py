"""The access module's view guards: the class-based mixin and the DRF permission."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory
from django.views import View
from rest_framework.test import APIRequestFactory

from sanxiang.kernel.access import HasRole, RoleRequiredMixin, has_role, holds_role
from tests import factories


class _Page(RoleRequiredMixin, View):
    required_roles = ("legal_reviewer",)

    def get(self, request):
        return HttpResponse("ok")


def test_the_mixin_redirects_anonymous_visitors_to_the_login_page():
    request = RequestFactory().get("/staff/review/x/?page=2")
    request.user = AnonymousUser()
    response = _Page.as_view()(request)
    assert response.status_code == 302
    assert response["Location"].endswith("?next=/staff/review/x/%3Fpage%3D2")


def test_the_mixin_refuses_staff_without_the_role_and_admits_holders(officer, parent_bureau_officer):
    request = RequestFactory().get("/staff/review/x/")
    request.user = officer
    with pytest.raises(PermissionDenied):
        _Page.as_view()(request)
    request.user = parent_bureau_officer
    assert _Page.as_view()(request).status_code == 200


class _Api:
    required_roles = ("legal_reviewer", "enforcement_officer")
    write_roles = ("legal_reviewer",)


def test_has_role_reads_with_required_roles_and_writes_with_write_roles(officer, parent_bureau_officer):
    factory = APIRequestFactory()
    for method, user, allowed in [
        ("get", officer, True),
        ("post", officer, False),
        ("post", parent_bureau_officer, True),
        ("get", AnonymousUser(), False),
    ]:
        request = getattr(factory, method)("/api/v1/x/")
        request.user = user
        assert HasRole().has_permission(request, _Api()) is allowed, (method, user)


def test_a_superuser_has_every_role_but_holds_only_their_own(org):
    root = factories.user(org.city, org.city_office, roles=["administrator"], scope="all")
    root.is_superuser = True
    assert has_role(root, "legal_reviewer")
    assert not holds_role(root, "legal_reviewer")
    root.is_active = False
    assert not has_role(root, "legal_reviewer")
