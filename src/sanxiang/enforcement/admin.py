from django.contrib import admin

from .models import Decision, EnforcementAct, Taxpayer


class _ReadOnly(admin.ModelAdmin):
    """Read-only: the services are the only writers (they validate, scope-check and audit)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Taxpayer)
class TaxpayerAdmin(_ReadOnly):
    list_display = ["name", "kind", "uscc", "authority"]
    search_fields = ["name", "uscc", "tin"]
    exclude = ["id_number"]


@admin.register(EnforcementAct)
class EnforcementActAdmin(_ReadOnly):
    list_display = ["matter", "kind", "taxpayer", "authority", "status", "source_system", "source_id"]
    list_filter = ["kind", "status"]


@admin.register(Decision)
class DecisionAdmin(_ReadOnly):
    list_display = ["document_number", "kind", "authority", "decided_on", "outcome"]
    list_filter = ["kind", "outcome"]
