"""Workflow models are read-only in the admin: every change goes through the services."""

from __future__ import annotations

from django.contrib import admin

from . import models


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(models.ReviewCase)
class ReviewCaseAdmin(ReadOnlyAdmin):
    list_display = ("title", "authority", "status", "needs_review", "unreviewed", "round", "reviewer")
    list_filter = ("status", "needs_review", "unreviewed")
    search_fields = ("title",)


for model in (
    models.CaseTransition,
    models.ReviewOpinion,
    models.ChecklistFinding,
    models.Deliberation,
    models.CasePause,
    models.ReviewCatalogue,
    models.CatalogueRule,
    models.ChecklistItem,
    models.BenchmarkVersion,
    models.ExemptionBatch,
):
    admin.site.register(model, ReadOnlyAdmin)
