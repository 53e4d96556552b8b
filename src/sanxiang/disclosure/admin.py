"""Reference data administrators edit: tax types, validity labels (RULES.md §7 ❓), sensitive words."""

from django.contrib import admin

from .models import SensitiveWord, TaxType, ValidityLabel


@admin.register(TaxType)
class TaxTypeAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "order"]


@admin.register(ValidityLabel)
class ValidityLabelAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "validity", "needs_articles", "order", "is_active"]


@admin.register(SensitiveWord)
class SensitiveWordAdmin(admin.ModelAdmin):
    list_display = ["word", "is_active"]
