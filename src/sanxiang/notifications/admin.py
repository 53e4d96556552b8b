"""Read-only admin views: notifications and job runs are written by services and the worker only."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from sanxiang.kernel.models import PeriodicRun

from .models import Notification


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


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
