"""Choices shared across Sanxiang's organisation model."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuthorityLevel(models.TextChoices):
    NATIONAL = "national", _("国家税务总局")
    PROVINCIAL = "provincial", _("省级")
    MUNICIPAL = "municipal", _("市级")
    COUNTY = "county", _("区县级")
    BRANCH = "branch", _("分局/税务所")


class DataScope(models.TextChoices):
    """What a staff member may see (RuoYi-style 数据权限)."""

    ALL = "all", _("全部数据")
    UNIT_AND_BELOW = "unit_and_below", _("本单位及下级")
    UNIT = "unit", _("本单位")
    DEPARTMENT = "department", _("本部门")
    SELF = "self", _("仅本人")


class RoleCode(models.TextChoices):
    ENFORCEMENT_OFFICER = "enforcement_officer", _("执法人员")
    LEGAL_REVIEWER = "legal_reviewer", _("法制审核人员")
    REVIEW_COMMITTEE_MEMBER = "review_committee_member", _("审理委员会成员")
    PUBLICITY_APPROVER = "publicity_approver", _("公示审批人")
    OPEN_GOVERNMENT_OFFICER = "open_government_officer", _("政务公开专员")
    SUPERVISOR = "supervisor", _("督办员")
    LIAISON = "liaison", _("联络员")
    LEADER = "leader", _("局领导")
    ADMINISTRATOR = "administrator", _("系统管理员")
    # Second wave
    ARCHIVIST = "archivist", _("档案管理员")
    OPEN_GOVERNMENT_HEAD = "open_government_head", _("政务公开办公室负责人")
    INSPECTION_ORGANISER = "inspection_organiser", _("双随机抽查组织人员")


class QualificationKind(models.TextChoices):
    LEGAL_PROFESSION = "legal_profession", _("法律职业资格")
    ADMINISTRATIVE_RECONSIDERATION = "administrative_reconsideration", _("行政复议资格")
    PUBLIC_LAWYER = "public_lawyer", _("公职律师")
