"""The catalogue, rule versions and the masking policy table in the Django admin: read-only.

Every change goes through the audited services (the staff pages under /staff/publicity/catalogue/),
so the admin offers no add, change or delete that would bypass the audit trail.
"""

from django.contrib import admin

from sanxiang.kernel.admin import ReadOnlyAdmin

from .models import Category, Item, ItemRule, MaskPolicy


class ItemRuleInline(admin.TabularInline):
    model = ItemRule
    extra = 0

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Category)
class CategoryAdmin(ReadOnlyAdmin):
    list_display = ["label", "code", "stage", "order"]


@admin.register(Item)
class ItemAdmin(ReadOnlyAdmin):
    list_display = ["label", "code", "category", "masking_category", "is_active"]
    list_filter = ["category__stage", "is_active"]
    inlines = [ItemRuleInline]


@admin.register(MaskPolicy)
class MaskPolicyAdmin(ReadOnlyAdmin):
    list_display = ["category", "subject_type", "field_type", "mode", "liftable"]
    list_filter = ["category", "subject_type", "mode"]
