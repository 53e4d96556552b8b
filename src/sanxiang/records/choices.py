"""Choices of the whole-process records (names from GLOSSARY.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RecordKind(models.TextChoices):
    # 文字记录 text_record
    DOCUMENT = "document", _("文书")
    TRANSCRIPT = "transcript", _("笔录")
    APPROVAL_FORM = "approval_form", _("审批表")
    REPORT = "report", _("报告")
    # 音像记录 media_record
    BODY_CAMERA = "body_camera", _("执法记录仪")
    INTERVIEW_ROOM = "interview_room", _("约谈（询问）室")
    SITE_PHOTO = "site_photo", _("现场照片")
    AUDIO = "audio", _("录音")


TEXT_KINDS = frozenset(
    {RecordKind.DOCUMENT, RecordKind.TRANSCRIPT, RecordKind.APPROVAL_FORM, RecordKind.REPORT}
)
MEDIA_KINDS = frozenset(
    {RecordKind.BODY_CAMERA, RecordKind.INTERVIEW_ROOM, RecordKind.SITE_PHOTO, RecordKind.AUDIO}
)


class Stage(models.TextChoices):
    FILING = "filing", _("立案")
    INVESTIGATION = "investigation", _("调查取证")
    REVIEW_DECISION = "review_decision", _("审核决定")
    SERVICE_EXECUTION = "service_execution", _("送达执行")
    ARCHIVING = "archiving", _("归档")


class RecordMethod(models.TextChoices):
    PHOTO = "photo", _("拍照")
    AUDIO = "audio", _("录音")
    VIDEO = "video", _("录像")


class Obligation(models.TextChoices):
    MUST = "must", _("应当")
    MAY = "may", _("可以")


class DeviceKind(models.TextChoices):
    BODY_CAMERA = "body_camera", _("执法记录仪")
    CAMERA = "camera", _("照相机")
    RECORDER = "recorder", _("录音笔")
    OTHER = "other", _("其他")


class DeviceStatus(models.TextChoices):
    IN_USE = "in_use", _("在用")
    SPARE = "spare", _("备用")
    REPAIR = "repair", _("维修")
    RETIRED = "retired", _("报废")


class UploadStatus(models.TextChoices):
    RECEIVING = "receiving", _("接收中")
    COMPLETED = "completed", _("已完成")
    TERMINATED = "terminated", _("已取消")
    EXPIRED = "expired", _("已过期")
    FAILED = "failed", _("失败")


class CustodyAction(models.TextChoices):
    INGESTED = "ingested", _("入库")
    VIEWED = "viewed", _("查看/播放")
    DOWNLOADED = "downloaded", _("下载")
    EXPORTED = "exported", _("导出")
    HOLD_PLACED = "hold_placed", _("保全冻结")
    HOLD_RELEASED = "hold_released", _("解除保全")
    DISPOSED = "disposed", _("销毁")


class FixityOutcome(models.TextChoices):
    PASSED = "passed", _("通过")
    CHANGED = "changed", _("内容已改变")
    MISSING = "missing", _("文件缺失")
    ERROR = "error", _("校验出错")


class DisposalStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    SUBMITTED = "submitted", _("待审批")
    APPROVED = "approved", _("已批准")
    REJECTED = "rejected", _("已驳回")
    EXECUTED = "executed", _("已销毁")
