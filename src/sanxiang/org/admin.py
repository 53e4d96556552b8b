"""Django admin for the organisation: a superuser's tool beside the /staff/org/ pages.

The staff pages go through the services (scope checks, audit); the admin is for superusers fixing
data by hand, so the access-grant log stays read-only here.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from treebeard.admin import TreeAdmin
from treebeard.forms import movenodeform_factory

from sanxiang.kernel.admin import AuditedAdmin, ReadOnlyAdmin
from sanxiang.org.models import (
    AccessGrant,
    Authority,
    Department,
    EnforcementCertificate,
    ExternalUnit,
    Post,
    Qualification,
    Role,
    User,
)


@admin.register(Authority)
class AuthorityAdmin(AuditedAdmin, TreeAdmin):
    form = movenodeform_factory(Authority)
    list_display = ["name", "code", "level", "is_active"]
    list_filter = ["level", "is_active"]
    search_fields = ["name", "short_name", "code"]


@admin.register(Department)
class DepartmentAdmin(AuditedAdmin):
    list_display = ["name", "authority", "code", "is_active"]
    list_filter = ["is_active", "authority__level"]
    search_fields = ["name", "code", "authority__name"]
    autocomplete_fields = ["authority"]


@admin.register(ExternalUnit)
class ExternalUnitAdmin(AuditedAdmin):
    list_display = ["name", "authority", "lead_department"]
    search_fields = ["name"]
    autocomplete_fields = ["authority", "lead_department"]


@admin.register(Post)
class PostAdmin(AuditedAdmin):
    list_display = ["name", "department"]
    search_fields = ["name", "department__name"]
    autocomplete_fields = ["department"]


@admin.register(Role)
class RoleAdmin(AuditedAdmin):
    list_display = ["code", "__str__"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # The role set is fixed (RoleCode).

    def has_delete_permission(self, request: HttpRequest, obj: Role | None = None) -> bool:
        return False


class CertificateInline(admin.TabularInline):
    model = EnforcementCertificate
    extra = 0


class QualificationInline(admin.TabularInline):
    model = Qualification
    extra = 0


@admin.register(User)
class UserAdmin(AuditedAdmin, BaseUserAdmin):
    list_display = ["username", "full_name", "authority", "department", "data_scope", "is_active"]
    list_filter = ["roles", "data_scope", "is_active", "is_superuser"]
    search_fields = ["username", "full_name", "email"]
    filter_horizontal = ["roles", "posts", "groups", "user_permissions"]
    autocomplete_fields = ["authority", "department"]
    inlines = [CertificateInline, QualificationInline]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("个人信息"), {"fields": ["full_name", "email", "phone"]}),
        (_("组织与权限"), {"fields": ["authority", "department", "posts", "roles", "data_scope"]}),
        (_("系统权限"), {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        (_("重要日期"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["username", "password1", "password2"]}),
        (_("组织与权限"), {"fields": ["full_name", "authority", "department", "roles", "data_scope"]}),
    ]


@admin.register(EnforcementCertificate)
class EnforcementCertificateAdmin(AuditedAdmin):
    list_display = ["number", "holder", "issued_by", "valid_from", "valid_until"]
    search_fields = ["number", "holder__username", "holder__full_name"]
    autocomplete_fields = ["holder"]


@admin.register(Qualification)
class QualificationAdmin(AuditedAdmin):
    list_display = ["number", "kind", "holder", "obtained_on"]
    list_filter = ["kind"]
    search_fields = ["number", "holder__username", "holder__full_name"]
    autocomplete_fields = ["holder"]


@admin.register(AccessGrant)
class AccessGrantAdmin(ReadOnlyAdmin):
    """Read-only: grants are created and revoked only through the audited services."""

    list_display = [
        "__str__",
        "user",
        "department",
        "reason",
        "granted_by",
        "granted_at",
        "expires_at",
        "revoked_at",
    ]
    list_filter = ["content_type"]
    search_fields = ["reason", "user__username", "department__name"]
