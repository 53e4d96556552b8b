"""Read-only admin views of the audit trail: nobody may add, change or delete through the admin."""

from __future__ import annotations

from django.contrib import admin

from sanxiang.audit.models import AuditCheckpoint, AuditEvent, AuditVerification
from sanxiang.kernel.admin import ReadOnlyAdmin


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["seq", "occurred_at", "actor_label", "action", "target_type", "target_id", "outcome"]
    list_filter = ["outcome"]
    search_fields = ["action", "actor_label", "target_id"]
    list_select_related = ["actor", "authority"]
    show_full_result_count = False


@admin.register(AuditCheckpoint)
class AuditCheckpointAdmin(ReadOnlyAdmin):
    list_display = ["seq", "created_at", "head_hash", "key_id"]


@admin.register(AuditVerification)
class AuditVerificationAdmin(ReadOnlyAdmin):
    list_display = ["started_at", "ok", "event_count", "checkpoint_count", "first_broken_seq", "problem_code"]
