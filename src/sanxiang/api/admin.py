from django.contrib import admin

from sanxiang.api.models import SourceToken
from sanxiang.kernel.admin import AuditedAdmin


@admin.register(SourceToken)
class SourceTokenAdmin(AuditedAdmin):
    """Read-only: tokens are issued with `sanxiang create_source_token`, so the key is shown only once."""

    list_display = ["name", "prefix", "user", "created_at", "expires_at", "revoked_at"]
    readonly_fields = ["name", "prefix", "user", "categories", "created_at", "expires_at", "revoked_at"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
