"""Writes of task supervision: the only code that changes plans, tasks and their workflow.

Split by aggregate: ``plans`` (import, correction, confirmation), ``progress`` (reports, events,
extensions, close-out), ``reminders`` (reminders and escalation), ``meetings``.
"""

from .meetings import AgreedItem, meeting_record
from .plans import (
    ImportOutcome,
    ImportRefused,
    plan_confirm,
    plan_import,
    plan_preview,
    task_correct,
)
from .progress import (
    closeout_decide,
    closeout_request,
    extension_decide,
    extension_request,
    milestone_record_event,
    progress_report_create,
    progress_report_review,
    task_refresh,
)
from .recurrence import cycle_report_milestones, milestones_roll, recurring_due_to_roll
from .reminders import EscalationResult, escalation_run, reminders_send, supervision_daily

__all__ = [
    "AgreedItem",
    "EscalationResult",
    "ImportOutcome",
    "ImportRefused",
    "closeout_decide",
    "cycle_report_milestones",
    "milestones_roll",
    "recurring_due_to_roll",
    "closeout_request",
    "escalation_run",
    "extension_decide",
    "extension_request",
    "meeting_record",
    "milestone_record_event",
    "plan_confirm",
    "plan_import",
    "plan_preview",
    "progress_report_create",
    "progress_report_review",
    "reminders_send",
    "supervision_daily",
    "task_correct",
    "task_refresh",
]
