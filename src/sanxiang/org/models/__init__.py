"""Core models: the organisation tree, staff, roles and access grants."""

from .base import SourcedRecord
from .org import Authority, Department, ExternalUnit, Post
from .staff import AccessGrant, EnforcementCertificate, Qualification, Role, User

__all__ = [
    "AccessGrant",
    "Authority",
    "Department",
    "EnforcementCertificate",
    "ExternalUnit",
    "Post",
    "Qualification",
    "Role",
    "SourcedRecord",
    "User",
]
