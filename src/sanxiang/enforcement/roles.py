"""Which roles read and write enforcement data; the checks themselves are ``sanxiang.kernel.access``."""

from __future__ import annotations

from sanxiang.kernel.choices import RoleCode

READ_ROLES: tuple[str, ...] = (
    RoleCode.ENFORCEMENT_OFFICER,
    RoleCode.LEGAL_REVIEWER,
    RoleCode.LEADER,
    RoleCode.ADMINISTRATOR,
)
WRITE_ROLES: tuple[str, ...] = (RoleCode.ENFORCEMENT_OFFICER, RoleCode.ADMINISTRATOR)
