"""Masking of personal data in Chinese text (pure Python, no Django).

``mask_text`` scans free text; ``mask_field`` masks a structured field by its type; ``apply_masks``
applies spans, including an approver's extra ``manual_span``; the policy table (category × subject type →
display mode per field type) is evaluated by ``display_mode``/``default_policy``.
"""

from .detect import Finding, find_personal_data
from .masker import mask_text
from .policy import (
    DEFAULT_POLICIES,
    NOT_PUBLISHED,
    STRICTEST,
    Category,
    DisplayMode,
    FieldType,
    PolicyRow,
    SubjectType,
    default_policy,
    display_mode,
    format_value,
    hidden_text,
    is_minor,
    mask_field,
    partial_text,
    policy_row,
)
from .spans import MANUAL, MaskResult, Span, apply_masks, manual_span, merge_spans

__all__ = [
    "DEFAULT_POLICIES",
    "MANUAL",
    "NOT_PUBLISHED",
    "STRICTEST",
    "Category",
    "DisplayMode",
    "FieldType",
    "Finding",
    "MaskResult",
    "PolicyRow",
    "Span",
    "SubjectType",
    "apply_masks",
    "default_policy",
    "display_mode",
    "find_personal_data",
    "format_value",
    "hidden_text",
    "is_minor",
    "manual_span",
    "mask_field",
    "mask_text",
    "merge_spans",
    "partial_text",
    "policy_row",
]
