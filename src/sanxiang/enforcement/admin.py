from django.contrib import admin

from .models import Decision, EnforcementAct, MatterCatalogueItem, MatterTicket, Taxpayer


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


@admin.register(MatterCatalogueItem)
class MatterCatalogueItemAdmin(admin.ModelAdmin):
    """Reference data edited by the system administrator: which matters are 承诺件 and their time
    limits. A change applies to acts registered afterwards; issued tickets keep their due date."""

    list_display = ["name", "act_kind", "matter_keyword", "handling", "time_limit", "time_unit", "order"]
    list_filter = ["handling", "act_kind"]
    list_editable = ["order"]


@admin.register(MatterTicket)
class MatterTicketAdmin(_ReadOnly):
    list_display = ["matter_number", "matter_name", "stage", "received_on", "due_on"]
    list_filter = ["stage"]
    exclude = ["code_salt", "code_hash", "code_sealed"]
