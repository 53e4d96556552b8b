"""Writers of the legal review: cases, workflow steps, opinions, deliberations, catalogues.

Split by aggregate (like ``supervision/services/``): ``catalogue`` (catalogues, checklist),
``cases`` (detection, drafting, submission, assignment, opinions), ``deliberation``, ``decisions``
(the leader's decision, the 首违不罚 document), ``scans`` (应审未审), ``benchmarks``; ``base`` holds
the transition step and the stage clock they share.

Each workflow step is one service: it guards the current state through the pure table in
``rules.py``, checks the actor, writes a ``CaseTransition`` row and the audit entry, and keeps the
stage clock (``sanxiang.holidays`` deadlines, paused while the case is back for supplementary
investigation or referred upward — RULES.md 0.20). The leader's decision is refused HERE when the
review has not approved the case, so the UI, the API and jobs all obey.
"""

from .base import CASE_FIELDS, STAGE_ROLES, ReviewRequired, now_date, stage_limits
from .benchmarks import benchmark_import, benchmark_require_importer
from .cases import (
    ELIGIBILITY_MESSAGES,
    case_assign,
    case_create,
    case_extend,
    case_resume,
    case_submit,
    case_update,
    case_withdraw,
    review_confirm_changes,
    review_record_opinion,
)
from .catalogue import (
    catalogue_create,
    catalogue_for,
    catalogue_record_filing,
    checklist_item_create,
    checklist_item_update,
)
from .decisions import ExemptionNotApplicable, case_decide, case_record_decision, exemption_decision_document
from .deliberation import DELIBERATION_ACTIONS, NoQuorum, deliberation_record
from .scans import case_accept_issued, overdue_remind, unreviewed_scan

__all__ = [
    "ExemptionNotApplicable",
    "exemption_decision_document",
    "CASE_FIELDS",
    "DELIBERATION_ACTIONS",
    "ELIGIBILITY_MESSAGES",
    "NoQuorum",
    "ReviewRequired",
    "STAGE_ROLES",
    "benchmark_import",
    "benchmark_require_importer",
    "case_accept_issued",
    "case_assign",
    "case_create",
    "case_decide",
    "case_extend",
    "case_record_decision",
    "case_resume",
    "case_submit",
    "case_update",
    "case_withdraw",
    "catalogue_create",
    "catalogue_for",
    "catalogue_record_filing",
    "checklist_item_create",
    "checklist_item_update",
    "deliberation_record",
    "now_date",
    "overdue_remind",
    "review_confirm_changes",
    "review_record_opinion",
    "stage_limits",
    "unreviewed_scan",
]
