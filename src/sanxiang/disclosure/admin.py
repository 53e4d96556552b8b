"""Reference data administrators edit: tax types, validity labels (RULES.md §7 ❓), sensitive words."""

from django.contrib import admin

from sanxiang.kernel.admin import AuditedAdmin

from .models import SensitiveWord, TaxType, ValidityLabel


@admin.register(TaxType)
class TaxTypeAdmin(AuditedAdmin):
    list_display = ["code", "name", "order"]


@admin.register(ValidityLabel)
class ValidityLabelAdmin(AuditedAdmin):
    list_display = ["code", "label", "validity", "needs_articles", "order", "is_active"]


@admin.register(SensitiveWord)
class SensitiveWordAdmin(AuditedAdmin):
    list_display = ["word", "is_active"]
