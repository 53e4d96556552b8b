"""Readable Chinese labels for dotted audit action codes ("enforcement.decision.created" → "新增执法决定").

The code stays the stable identifier; the label is derived from the target model's verbose name
and the verb, so a new module's events read well without registering anything. A module may
still register a label for a code whose generic reading is poor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import apps
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

VERBS = {
    "created": _("新增"),
    "updated": _("修改"),
    "changed": _("修改"),
    "deleted": _("删除"),
    "deactivated": _("停用"),
    "revoked": _("撤销"),
    "submitted": _("提交"),
    "approved": _("批准"),
    "returned": _("退回"),
    "published": _("发布"),
    "corrected": _("更正"),
    "withdrawn": _("撤回"),
    "expired": _("到期下线"),
    "imported": _("导入"),
    "downloaded": _("下载"),
    "viewed": _("查看"),
    "read": _("已读"),
    "all_read": _("全部已读"),
    "saved": _("保存"),
    "set": _("设定"),
    "closed": _("关闭"),
    "recomputed": _("重新计算"),
    "bootstrapped": _("初始化"),
    "id_revealed": _("查看完整证件号码"),
    "refused": _("拒绝访问"),
    "fixity_failed": _("完整性校验失败"),
    "outcome_recorded": _("登记结果"),
}

# Lazy labels: translated when read (``action_label``), in the language of that moment.
_registered: dict[str, StrOrPromise] = {"scope.refused": _("越权访问被拒绝")}


def register_action_label(code: str, label: StrOrPromise) -> None:
    _registered[code] = label


def action_label(action: str, target_type: str = "") -> str:
    if action in _registered:
        return str(_registered[action])
    verb = action.rsplit(".", 1)[-1]
    noun = ""
    if target_type:
        try:
            noun = str(apps.get_model(target_type)._meta.verbose_name)
        except (LookupError, ValueError):
            noun = ""
    verb_label = str(VERBS.get(verb, verb))
    return f"{verb_label}{noun}" if noun else verb_label
