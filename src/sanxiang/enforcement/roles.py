"""Which roles read and write enforcement data; the checks themselves are ``sanxiang.core.access``."""

from __future__ import annotations

from sanxiang.core.choices import RoleCode

READ_ROLES: tuple[str, ...] = (
    RoleCode.ENFORCEMENT_OFFICER,
    RoleCode.LEGAL_REVIEWER,
    RoleCode.LEADER,
    RoleCode.ADMINISTRATOR,
)
WRITE_ROLES: tuple[str, ...] = (RoleCode.ENFORCEMENT_OFFICER, RoleCode.ADMINISTRATOR)
