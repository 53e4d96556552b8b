"""Which roles use legal review; the checks themselves are ``sanxiang.kernel.access``."""

from __future__ import annotations

from sanxiang.kernel.choices import RoleCode

REVIEW_ROLES: tuple[str, ...] = (
    RoleCode.ENFORCEMENT_OFFICER,
    RoleCode.LEGAL_REVIEWER,
    RoleCode.REVIEW_COMMITTEE_MEMBER,
    RoleCode.LEADER,
    RoleCode.ADMINISTRATOR,
)
