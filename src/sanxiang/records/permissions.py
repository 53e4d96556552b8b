"""Who may do what with records (roles); data scope is applied by ``visible_to``."""

from __future__ import annotations

from sanxiang.kernel.choices import RoleCode

# Record (upload) audio/video and text records of acts.
RECORD_ROLES: tuple[str, ...] = (RoleCode.ENFORCEMENT_OFFICER, RoleCode.ARCHIVIST, RoleCode.ADMINISTRATOR)
# See records, play them in the browser, see the taxpayer's archive.
READ_ROLES: tuple[str, ...] = (
    RoleCode.ENFORCEMENT_OFFICER,
    RoleCode.LEGAL_REVIEWER,
    RoleCode.LEADER,
    RoleCode.ARCHIVIST,
    RoleCode.ADMINISTRATOR,
)
# Download originals and export packages (no private copies by officers: RULES.md §3.3).
DOWNLOAD_ROLES: tuple[str, ...] = (RoleCode.ARCHIVIST, RoleCode.LEGAL_REVIEWER, RoleCode.ADMINISTRATOR)
# Edit the audio/video matter list (the legal department).
MATTER_LIST_ROLES: tuple[str, ...] = (RoleCode.LEGAL_REVIEWER, RoleCode.ADMINISTRATOR)
# Administer the archive: devices and rooms, legal holds, disposal orders, fixity.
ARCHIVE_ROLES: tuple[str, ...] = (RoleCode.ARCHIVIST, RoleCode.ADMINISTRATOR)
# Approve a disposal order.
DISPOSAL_APPROVER_ROLES: tuple[str, ...] = (RoleCode.LEADER,)
# See the coverage report (应录未录) and statistics.
REPORT_ROLES: tuple[str, ...] = (
    RoleCode.LEADER,
    RoleCode.LEGAL_REVIEWER,
    RoleCode.ARCHIVIST,
    RoleCode.ADMINISTRATOR,
)
