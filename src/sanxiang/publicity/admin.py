"""Administrators edit the catalogue, rule versions and the masking policy table here."""

from django.contrib import admin

from .models import Category, Item, ItemRule, MaskPolicy


class ItemRuleInline(admin.TabularInline):
    model = ItemRule
    extra = 0


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["label", "code", "stage", "order"]


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    list_display = ["label", "code", "category", "masking_category", "is_active"]
    list_filter = ["category__stage", "is_active"]
    inlines = [ItemRuleInline]


@admin.register(MaskPolicy)
class MaskPolicyAdmin(admin.ModelAdmin):
    list_display = ["category", "subject_type", "field_type", "mode", "liftable"]
    list_filter = ["category", "subject_type", "mode"]
    list_editable = ["mode", "liftable"]
