"""Choices of the disclosure-request module; labels are the terms of 条例 and 国办公开办函〔2021〕30号."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .rules import Channel as RuleChannel
from .rules import ClockEventKind, ClockStatus


class Channel(models.TextChoices):
    IN_PERSON = RuleChannel.IN_PERSON.value, _("当面提交")
    ORAL = RuleChannel.ORAL.value, _("口头提出（代为填写）")
    POST_SIGNED = RuleChannel.POST_SIGNED.value, _("邮寄（签收）")
    POST_ORDINARY = RuleChannel.POST_ORDINARY.value, _("平常信函")
    ONLINE = RuleChannel.ONLINE.value, _("网上申请")
    FAX = RuleChannel.FAX.value, _("传真")
    EMAIL = RuleChannel.EMAIL.value, _("电子邮件")


# Channels staff type in; the portal files ONLINE requests itself.
STAFF_CHANNELS = [c for c in Channel if c != Channel.ONLINE]


class ApplicantType(models.TextChoices):
    """The columns of table 三 of the annual report."""

    NATURAL_PERSON = "natural_person", _("自然人")
    BUSINESS = "business", _("商业企业")
    RESEARCH = "research", _("科研机构")
    PUBLIC_INTEREST = "public_interest", _("社会公益组织")
    LEGAL_SERVICE = "legal_service", _("法律服务机构")
    OTHER = "other", _("其他")


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", _("居民身份证")
    PASSPORT = "passport", _("护照")
    OTHER = "other", _("其他有效证件")
    USCC = "uscc", _("统一社会信用代码")


class InformationForm(models.TextChoices):
    PAPER = "paper", _("纸质")
    ELECTRONIC = "electronic", _("电子数据")


class DeliveryMethod(models.TextChoices):
    POST = "post", _("邮寄")
    EMAIL = "email", _("电子邮件")
    PICKUP = "pickup", _("当面领取")
    ONLINE = "online", _("网上查看（凭查询凭证）")
    FAX = "fax", _("传真")


class RequestStatus(models.TextChoices):
    """The handling workflow (条例第四十五条: 登记、审核、办理、答复、归档)."""

    SUBMITTED = "submitted", _("待登记")
    REGISTERED = "registered", _("已登记")
    ASSIGNED = "assigned", _("承办部门办理中")
    DRAFTED = "drafted", _("答复已拟稿")
    IN_REVIEW = "in_review", _("法制/保密审查中")
    AWAITING_APPROVAL = "awaiting_approval", _("待负责人审批")
    APPROVED = "approved", _("已审批待答复")
    REPLIED = "replied", _("已答复")
    ARCHIVED = "archived", _("已归档")
    ROUTED_AWAY = "routed_away", _("已转其他渠道")
    WITHDRAWN = "withdrawn", _("申请人撤回")


OPEN_STATUSES = (
    RequestStatus.SUBMITTED,
    RequestStatus.REGISTERED,
    RequestStatus.ASSIGNED,
    RequestStatus.DRAFTED,
    RequestStatus.IN_REVIEW,
    RequestStatus.AWAITING_APPROVAL,
    RequestStatus.APPROVED,
)


class ClockKind(models.TextChoices):
    RECEIVED = ClockEventKind.RECEIVED.value, _("收到申请")
    CORRECTION_NOTICE = ClockEventKind.CORRECTION_NOTICE.value, _("发出补正告知")
    CORRECTION_RECEIVED = ClockEventKind.CORRECTION_RECEIVED.value, _("收到补正")
    EXTENSION = ClockEventKind.EXTENSION.value, _("延期答复")
    CONSULTATION_SENT = ClockEventKind.CONSULTATION_SENT.value, _("发出征求意见")
    CONSULTATION_REPLIED = ClockEventKind.CONSULTATION_REPLIED.value, _("收到征求意见答复")
    FEE_NOTICE = ClockEventKind.FEE_NOTICE.value, _("发出收费通知")
    FEE_PAID = ClockEventKind.FEE_PAID.value, _("申请人缴费")
    REPLIED = ClockEventKind.REPLIED.value, _("作出答复")


class ClockState(models.TextChoices):
    NOT_RECEIVED = ClockStatus.NOT_RECEIVED.value, _("尚未确认收到")
    RUNNING = ClockStatus.RUNNING.value, _("计时中")
    PAUSED = ClockStatus.PAUSED.value, _("暂停计时")
    AWAITING_CORRECTION = ClockStatus.AWAITING_CORRECTION.value, _("等待补正")
    ABANDONED_NO_CORRECTION = ClockStatus.ABANDONED_NO_CORRECTION.value, _("逾期未补正，视为放弃")
    ABANDONED_FEE_UNPAID = ClockStatus.ABANDONED_FEE_UNPAID.value, _("逾期未缴费，视为放弃")
    REPLIED = ClockStatus.REPLIED.value, _("已答复")


class ConsultationKind(models.TextChoices):
    THIRD_PARTY = "third_party", _("征求第三方意见（条例第三十二条）")
    OTHER_ORGAN = "other_organ", _("征求其他机关意见（条例第三十四条）")


class ConsultationOpinion(models.TextChoices):
    PENDING = "pending", _("等待答复")
    CONSENT = "consent", _("同意公开")
    OBJECT = "object", _("不同意公开")
    SILENT = "silent", _("逾期未答复")


class ReplyType(models.TextChoices):
    """The reply types of 条例第三十六条至第三十九条 (RULES.md §6.4); each has a 告知书 template."""

    ALREADY_PUBLIC = "already_public", _("已主动公开")
    DISCLOSED = "disclosed", _("予以公开")
    PARTIAL = "partial", _("部分公开")
    WITHHELD = "withheld", _("不予公开")
    NOT_EXIST = "not_exist", _("信息不存在")
    NOT_THIS_ORGAN = "not_this_organ", _("非本机关负责公开")
    REPEATED = "repeated", _("重复申请")
    SPECIAL_LAW = "special_law", _("按有关法律法规办理")
    PETITION = "petition", _("信访、投诉、举报")
    PUBLICATION = "publication", _("公开出版物")
    UNREASONABLE = "unreasonable", _("不予处理（大量反复申请）")
    ABANDONED = "abandoned", _("视为放弃申请")
    CONFIRM_EXISTING = "confirm_existing", _("要求确认或重新出具已获取信息")
    NEEDS_CREATION = "needs_creation", _("需另行制作或加工分析")
    STILL_UNCLEAR = "still_unclear", _("补正后仍不明确")
    FEE_UNPAID = "fee_unpaid", _("逾期未缴费")
    OTHER = "other", _("其他处理")


class WithheldReason(models.TextChoices):
    """Sub-rows of 三（三）不予公开."""

    STATE_SECRET = "state_secret", _("属于国家秘密")
    PROHIBITED_BY_LAW = "prohibited_by_law", _("其他法律行政法规禁止公开")
    SECURITY_STABILITY = "security_stability", _("危及“三安全一稳定”")
    THIRD_PARTY = "third_party", _("保护第三方合法权益")
    INTERNAL_AFFAIRS = "internal_affairs", _("属于三类内部事务信息")
    PROCESS_INFO = "process_info", _("属于四类过程性信息")
    ENFORCEMENT_FILE = "enforcement_file", _("属于行政执法案卷")
    ADMINISTRATIVE_QUERY = "administrative_query", _("属于行政查询事项")


class RemedyKind(models.TextChoices):
    RECONSIDERATION = "reconsideration", _("行政复议")
    DIRECT_SUIT = "direct_suit", _("行政诉讼（未经复议直接起诉）")
    SUIT_AFTER_RECONSIDERATION = "suit_after_reconsideration", _("行政诉讼（复议后起诉）")


class RemedyOutcome(models.TextChoices):
    PENDING = "pending", _("尚未审结")
    UPHELD = "upheld", _("结果维持")
    CORRECTED = "corrected", _("结果纠正")
    OTHER = "other", _("其他结果")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("编制中")
    PUBLISHED = "published", _("已发布")
