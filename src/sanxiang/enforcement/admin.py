from django.contrib import admin

from sanxiang.kernel.admin import AuditedAdmin, ReadOnlyAdmin

from .models import Decision, EnforcementAct, MatterCatalogueItem, MatterTicket, Taxpayer


@admin.register(Taxpayer)
class TaxpayerAdmin(ReadOnlyAdmin):
    list_display = ["name", "kind", "uscc", "authority"]
    search_fields = ["name", "uscc", "tin"]
    exclude = ["id_number"]


@admin.register(EnforcementAct)
class EnforcementActAdmin(ReadOnlyAdmin):
    list_display = ["matter", "kind", "taxpayer", "authority", "status", "source_system", "source_id"]
    list_filter = ["kind", "status"]


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ["document_number", "kind", "authority", "decided_on", "outcome"]
    list_filter = ["kind", "outcome"]


@admin.register(MatterCatalogueItem)
class MatterCatalogueItemAdmin(AuditedAdmin):
    """Reference data edited by the system administrator: which matters are 承诺件 and their time
    limits. A change applies to acts registered afterwards; issued tickets keep their due date."""

    list_display = ["name", "act_kind", "matter_keyword", "handling", "time_limit", "time_unit", "order"]
    list_filter = ["handling", "act_kind"]
    list_editable = ["order"]


@admin.register(MatterTicket)
class MatterTicketAdmin(ReadOnlyAdmin):
    list_display = ["matter_number", "matter_name", "stage", "received_on", "due_on"]
    list_filter = ["stage"]
    exclude = ["code_salt", "code_hash", "code_sealed"]
