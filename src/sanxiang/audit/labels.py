"""Readable Chinese labels for dotted audit action codes ("enforcement.decision.created" → "新增执法决定").

The code stays the stable identifier and is never shown to users; the label is derived from the
code itself: the verb (last part) from ``VERBS`` and the noun (the part before it) from the model of
that name in the module's app, else from ``NOUNS``, else from the event's target model. A module may
still register a label for a code whose generic reading is poor. ``tests/audit/test_labels.py``
checks that every code the source writes reads as Chinese.
"""

from __future__ import annotations

from collections.abc import Iterable
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
    "added": _("新增"),
    "advanced": _("推进"),
    "answered": _("答复"),
    "assign_refused": _("拒绝分派"),
    "attribute_set": _("设定公开属性"),
    "committed": _("提交"),
    "confirmed": _("确认"),
    "correction_opened": _("发起更正"),
    "decide_refused": _("拒绝决定"),
    "decision_recorded": _("登记决定"),
    "delivered": _("送达"),
    "destroyed": _("销毁"),
    "disposed": _("销毁"),
    "document_imported": _("导入文书"),
    "download_refused": _("拒绝下载"),
    "drawn": _("抽取"),
    "event_recorded": _("登记事件"),
    "executed": _("执行"),
    "exported": _("导出"),
    "extended": _("延期"),
    "file_attached": _("附加文件"),
    "filed": _("备案"),
    "frozen": _("冻结"),
    "hold_placed": _("保全冻结"),
    "hold_released": _("解除保全冻结"),
    "info_released": _("公开信息"),
    "issued": _("签发"),
    "issued_accepted": _("确认签发"),
    "linked": _("关联"),
    "mask_added": _("增加遮盖"),
    "mask_lifted": _("取消遮盖"),
    "no_quorum": _("未达法定人数"),
    "opened": _("打开"),
    "password_set": _("设置密码"),
    "press_held": _("举行发布会"),
    "recorded": _("登记"),
    "recused": _("回避"),
    "registered": _("登记"),
    "rejected": _("驳回"),
    "recalled": _("撤回提交"),
    "requested": _("提交"),
    "result_recorded": _("登记结果"),
    "reviewed": _("审核"),
    "roles_set": _("设定角色"),
    "rolled": _("顺延"),
    "stored": _("存储"),
    "summary_published": _("发布摘要"),
    "terminated": _("终止"),
    "validity_changed": _("变更时效"),
}

# Verbs that already name what was done to the thing: they read after the noun ("工作人员设置密码").
NOUN_FIRST = frozenset(
    {
        "password_set", "roles_set", "file_attached", "fixity_failed", "download_refused", "id_revealed",
        "expired", "no_quorum", "outcome_recorded", "decision_recorded", "event_recorded",
        "assign_refused", "decide_refused", "document_imported", "mask_added", "mask_lifted",
        "correction_opened",
    }
)  # fmt: skip

# Nouns of codes whose middle part is not a model of the module's app ("evaluation.loops.…").
NOUNS = {
    "api.source_token": _("数据源令牌"),
    "core.access_grant": _("授权"),
    "core.org_chart": _("组织机构图"),
    "evaluation.library": _("指标库"),
    "evaluation.loops": _("整改闭环"),
    "holidays.year": _("年度节假日安排"),
    "information_requests.clock": _("答复期限"),
    "inspections.beacon": _("随机数信标"),
    "inspections.conflict": _("回避关系"),
    "inspections.directory": _("名录库"),
    "portal.matter_ticket": _("事项查询码"),
    "records.matter_list": _("音像记录事项清单"),
    "records.upload": _("上传"),
}

# Modules whose first code part is not an app label.
MODULES = {"scope": _("访问控制")}

# Lazy labels: translated when read (``action_label``), in the language of that moment.
_registered: dict[str, StrOrPromise] = {"scope.refused": _("越权访问被拒绝")}


def register_action_label(code: str, label: StrOrPromise) -> None:
    _registered[code] = label


def _model_noun(app_label: str, name: str) -> str:
    """The verbose name of the app's model called ``name``, or of the one model whose name ends or
    begins with it ("review.case" → ReviewCase, "review.benchmark" → BenchmarkVersion)."""
    try:
        models = list(apps.get_app_config(app_label).get_models())
    except LookupError:
        return ""
    key = name.replace("_", "")
    for match in (
        lambda m: m == key,
        lambda m: m.endswith(key),
        lambda m: m.startswith(key),
    ):
        found = [model for model in models if match(model._meta.model_name)]
        if len(found) == 1:
            return str(found[0]._meta.verbose_name)
    return ""


def action_noun(action: str) -> str:
    """The thing an action code acts on, in words ("" when the code names none)."""
    parts = action.split(".")
    if len(parts) < 3:
        return ""
    module, name = parts[0], parts[-2]
    return _model_noun(module, name) or str(NOUNS.get(f"{module}.{name}", ""))


def action_label(action: str, target_type: str = "") -> str:
    if action in _registered:
        return str(_registered[action])
    verb = action.rsplit(".", 1)[-1]
    noun = action_noun(action)
    if not noun and target_type and "." in target_type:
        try:
            noun = str(apps.get_model(target_type)._meta.verbose_name)
        except (LookupError, ValueError):
            noun = ""
    verb_label = str(VERBS.get(verb, _("操作")))
    if not noun:
        return verb_label
    return f"{noun}{verb_label}" if verb in NOUN_FIRST else f"{verb_label}{noun}"


def target_type_label(target_type: str) -> str:
    """A target type ("core.department") in words: the model's name, with its module if ambiguous."""
    try:
        model = apps.get_model(target_type)
    except (LookupError, ValueError):
        return target_type
    return f"{model._meta.verbose_name}（{module_label(model._meta.app_label)}）"


def module_label(module: str) -> str:
    """The module (first part of a code) in words: the app's name."""
    if module in MODULES:
        return str(MODULES[module])
    try:
        return str(apps.get_app_config(module).verbose_name)
    except LookupError:
        return module


def action_choices(codes: Iterable[str]) -> list[tuple[str, list[tuple[str, str]]]]:
    """``codes`` as select options grouped by module, every option in words."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for code in sorted(set(codes)):
        groups.setdefault(code.split(".", 1)[0], []).append((code, action_label(code)))
    return sorted(
        ((module_label(module), sorted(options, key=lambda o: o[1])) for module, options in groups.items()),
        key=lambda group: group[0],
    )
