"""Read-only admin views: notifications and job runs are written by services and the worker only."""

from __future__ import annotations

from django.contrib import admin

from sanxiang.kernel.admin import ReadOnlyAdmin
from sanxiang.kernel.models import PeriodicRun

from .models import Notification


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["title", "recipient", "category", "created_at", "read_at", "emailed_at"]
    list_filter = ["category"]
    search_fields = ["title", "recipient__username", "recipient__full_name"]
    list_select_related = ["recipient"]


@admin.register(PeriodicRun)
class PeriodicRunAdmin(ReadOnlyAdmin):
    list_display = ["name", "scheduled_for", "claimed_at", "task_result_id"]
    list_filter = ["name"]
