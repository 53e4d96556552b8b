"""Workflow models are read-only in the admin: every change goes through the services."""

from __future__ import annotations

from django.contrib import admin

from sanxiang.kernel.admin import ReadOnlyAdmin

from . import models


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
