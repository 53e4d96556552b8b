"""Writers of proactive disclosure, split by aggregate and re-exported here."""

from .consultations import (
    CommentRateLimited,
    client_key,
    comment_answer,
    comment_moderate,
    comment_submit,
    consultation_create,
    consultation_link_final,
    consultation_open,
    consultation_publish_summary,
)
from .documents import (
    attachment_add,
    document_create,
    document_publish,
    document_register,
    document_return,
    document_review,
    document_set_attribute,
    document_submit,
    document_validity_change,
    interpretation_create,
    interpretation_publish,
)
from .opinions import incident_hold_press, incident_record, incident_release_info, incidents_alert
from .ratings import rating_submit, rectification_answer, rectification_assign
from .rulings import ruling_publish, ruling_register

__all__ = [
    "CommentRateLimited",
    "attachment_add",
    "client_key",
    "comment_answer",
    "comment_moderate",
    "comment_submit",
    "consultation_create",
    "consultation_link_final",
    "consultation_open",
    "consultation_publish_summary",
    "document_create",
    "document_publish",
    "document_register",
    "document_return",
    "document_review",
    "document_set_attribute",
    "document_submit",
    "document_validity_change",
    "incident_hold_press",
    "incident_record",
    "incident_release_info",
    "incidents_alert",
    "interpretation_create",
    "interpretation_publish",
    "rating_submit",
    "rectification_answer",
    "rectification_assign",
    "ruling_publish",
    "ruling_register",
]
