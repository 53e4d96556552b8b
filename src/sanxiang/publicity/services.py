"""Writers of enforcement publicity: one service per workflow transition, each audited.

Permission: drafting needs one of the item's ``draft_roles`` and a target authority inside the
actor's data scope; approving needs one of its ``approve_roles``, an entry the actor can see, and an
approver who is not the author of the version. Publication goes to the portal only through
``sanxiang.portal.services`` with already-masked content.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime
import json
import re
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.audit.services import audit_log, audit_log_many
from sanxiang.holidays.selectors import current_calendar
from sanxiang.holidays.services import deadline_close, deadline_set, deadline_state, deadlines_close_many
from sanxiang.kernel.access import authority_in_scope, has_role
from sanxiang.kernel.bulk import update_rows
from sanxiang.kernel.choices import RoleCode
from sanxiang.kernel.exceptions import (
    InvalidTransition,
    PermissionDeniedError,
    ScopeViolation,
    ValidationFailed,
)
from sanxiang.lib.masking import FieldType, is_minor, partial_text
from sanxiang.org.models import Authority, Department

from . import rules
from .masking import Masked, PolicyTable, field_masks_json, masked_content, spans_to_json
from .models import Entry, EntryStatus, EntryVersion, Item, ItemRule, MaskPolicy, SubjectType, Transition
from .schema import FieldError, clean_value, infer_subject_type

PUBLISH = "publicity.publish"
WITHDRAW = "publicity.withdraw"
CORE_KEYS = ("party_name", "document_number", "event_date", "credit_class")

if TYPE_CHECKING:
    from sanxiang.holidays.models import Deadline
    from sanxiang.org.models import User
    from sanxiang.portal.services import Publication


def _portal():
    """The portal's publication API (``public_entry_publish`` …); imported late on purpose: the
    portal app is optional for drafting, but nothing is ever published without it."""
    from sanxiang.portal import services as portal_services

    return portal_services


# --- checks ------------------------------------------------------------------------------------


def new_source_key(item_code: str) -> str:
    """A public key for a new entry: the item code and 16 random hex digits, never with a run of 12
    or more decimal digits, which a reader (or the portal's own personal-data check) could take for a
    bank card or ID number."""
    while True:
        token = uuid.uuid4().hex[:16]
        if not re.search(r"\d{12}", token):
            return f"{item_code}-{token}"


def can_draft(actor: User, item: Item) -> bool:
    return has_role(actor, *item.draft_roles)


def can_approve(actor: User, item: Item) -> bool:
    return has_role(actor, *item.approve_roles)


def _require_draft(actor: User, item: Item, authority: Authority) -> None:
    if not can_draft(actor, item):
        raise PermissionDeniedError(_("您没有起草该事项公示信息的权限。"))
    if not authority_in_scope(actor, authority):
        raise PermissionDeniedError(_("目标机关不在您的数据权限范围内。"))


def _require_visible(actor: User, entry: Entry, action: str = "change") -> None:
    if not Entry.objects.visible_to(actor).filter(pk=entry.pk).exists():
        raise ScopeViolation(model_label=Entry._meta.label, object_ref=f"pk={entry.pk}", action=action)


def _transition(entry: Entry, action: str) -> str:
    target = rules.next_status(entry.status, action)
    if target is None:
        raise InvalidTransition(
            _("当前状态下不能执行该操作。"), extra={"status": entry.status, "action": action}
        )
    return target


def _record(entry: Entry, *, action: str, to: str, actor: User | None, comment: str = "", at=None) -> None:
    _transition_row(entry, action=action, to=to, actor=actor, comment=comment, at=at).save()


def _transition_row(
    entry: Entry, *, action: str, to: str, actor: User | None, comment: str = "", at=None
) -> Transition:
    return Transition(
        entry=entry,
        action=action,
        from_status=entry.status,
        to_status=to,
        version=entry.current_version,
        actor=actor if getattr(actor, "pk", None) else None,
        comment=comment,
        at=at or timezone.now(),
    )


def _invalid(errors: Mapping[str, str]) -> ValidationFailed:
    first = next(iter(errors.values()))
    return ValidationFailed(first, extra={"fields": {k: [v] for k, v in errors.items()}})


# --- catalogue ---------------------------------------------------------------------------------


def rule_for(item: Item, on: datetime.date, rules_cache: list[ItemRule] | None = None) -> ItemRule | None:
    """The item's rule version in force on ``on`` (the event date)."""
    versions = rules_cache if rules_cache is not None else list(item.rules.all())
    return rules.pick_version([(r.effective_from, r) for r in versions], on)


def clean_data(
    item: Item, raw: Mapping[str, Any], *, today: datetime.date
) -> tuple[dict[str, Any], dict[str, str]]:
    """Validate raw values against the item's schema: (clean data, {key: message})."""
    data: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for spec in item.fields:
        key = spec["key"]
        if key == "authority":
            continue
        try:
            data[key] = clean_value(spec, raw.get(key), today=today)
        except FieldError as exc:
            errors[key] = str(exc)
    if not errors:
        data["subject_type"] = infer_subject_type(data)
    return data, errors


def entry_text(item: Item, data: Mapping[str, Any], text: str) -> str:
    """The body: the given text, else the item's free-text fields joined."""
    if text:
        return text
    parts = [
        f"{spec['label']}：{data[spec['key']]}"
        for spec in item.fields
        if spec.get("text") and data.get(spec["key"])
    ]
    return "\n".join(parts)


def is_minor_party(data: Mapping[str, Any], today: datetime.date) -> bool:
    number = data.get("id_number") or ""
    return bool(number and data.get("subject_type") != "organisation" and is_minor(number, today=today))


def mask_version(
    entry: Entry,
    version: EntryVersion,
    *,
    table: PolicyTable | None = None,
    authority: Authority | None = None,
) -> Masked:
    """Compute the public form of ``version`` under the policy table, its lifts and manual masks."""
    table = table or PolicyTable()
    authority = authority or entry.authority
    policy = table.row(
        entry.item.masking_category or entry.item.code,
        entry.subject_type,
        minor=entry.is_minor,
        lifted=version.lifted.keys(),
    )
    data = dict(version.data)
    data["legal_representative"] = version.legal_representative or data.get("legal_representative", "")
    data["id_number"] = version.id_number or data.get("id_number", "")
    inputs: dict[str, Any] = {
        "item_label": entry.item.label,
        "field_specs": entry.item.fields,
        "data": data,
        "text": version.text,
        "subject_type": entry.subject_type,
        "policy": policy,
        "manual": [(s["start"], s["end"]) for s in version.manual_spans if not s.get("field")],
        "manual_fields": _manual_by_field(version.manual_spans),
        "public_phones": [authority.public_phone] if authority.public_phone else [],
        "public_emails": [authority.public_email] if authority.public_email else [],
    }
    reused = _reused_masks.get()
    if reused is None:
        return masked_content(**inputs)
    key = _mask_key(inputs)
    found = reused.get(key)
    if found is None:
        found = reused[key] = masked_content(**inputs)
    return found


_reused_masks: contextvars.ContextVar[dict[str, Masked] | None] = contextvars.ContextVar(
    "publicity_reused_masks", default=None
)


@contextlib.contextmanager
def masks_reused() -> Iterator[None]:
    """Inside the block, ``mask_version`` over exactly the same inputs as an earlier call (the same
    values, body, manual masks, policy row and public contacts) returns that call's result instead
    of scanning the text again: a bulk job that drafts and then approves the same versions (the
    demo) masks each once. Only inside the block, so a policy or masker change between two
    requests is always seen; nested blocks share the outermost one's results."""
    if _reused_masks.get() is not None:
        yield
        return
    token = _reused_masks.set({})
    try:
        yield
    finally:
        _reused_masks.reset(token)


def _mask_key(inputs: Mapping[str, Any]) -> str:
    """Everything ``masked_content`` reads, as one string (the policy row by its modes, and the
    setting it reads)."""
    policy = inputs["policy"]
    modes = sorted((str(k), str(v)) for k, v in policy.modes.items())
    return json.dumps(
        {
            **inputs,
            "policy": [policy.category, policy.subject_type, modes, policy.published],
            "business_address": settings.SANXIANG_MASK_PUBLISH_INDIVIDUAL_BUSINESS_ADDRESS,
        },
        sort_keys=True,
        ensure_ascii=False,
        default=repr,
    )


def _manual_by_field(manual: Iterable[Mapping[str, Any]]) -> dict[str, list[tuple[int, int]]]:
    grouped: dict[str, list[tuple[int, int]]] = {}
    for span in manual:
        if span.get("field"):
            grouped.setdefault(span["field"], []).append((span["start"], span["end"]))
    return grouped


def masked_values(masked: Masked) -> dict[str, Any]:
    """The public form of a version as ``store_mask`` stores it: its field values by name."""
    return {
        "masked_title": masked.title[:300],
        "masked_fields": [list(pair) for pair in masked.fields],
        "masked_text": masked.text,
        "spans": spans_to_json(masked.spans),
        "field_masks": field_masks_json(masked),
    }


def store_mask(version: EntryVersion, masked: Masked | dict[str, Any]) -> None:
    """Set the public form of ``version``: a ``Masked`` or its ``masked_values``."""
    values = masked if isinstance(masked, dict) else masked_values(masked)
    for name, value in values.items():
        setattr(version, name, value)


def _set_deadline(
    entry: Entry, *, actor: User, cal=None, rules_cache=None, audit_creates: bool = True
) -> Deadline | None:
    """Store the publication time limit of ``entry`` as a Deadline (and ``due_on`` for lists).

    ``audit_creates=False``: a new Deadline is recorded in the entry's creation event by the
    caller (``deadline_state``), not in an event of its own. None when no time limit applies."""
    if entry.event_date is None:
        return None
    rule = rule_for(entry.item, entry.event_date, rules_cache)
    if rule is None:
        return None
    due = rules.publish_due(
        rule.kind,
        rule.params,
        event=entry.event_date,
        subject_type=entry.subject_type,
        cal=cal or current_calendar(),
    )
    kwargs: dict[str, Any] = {"working_days": due.n} if due.unit == "working_days" else {"days": due.n}
    deadline = deadline_set(
        owner=entry,
        purpose=PUBLISH,
        label=_("%(item)s公示时限") % {"item": entry.item.label},
        start=entry.event_date,
        actor=actor,
        audit_creates=audit_creates,
        **kwargs,
    )
    if entry.due_on != deadline.due:
        entry.due_on = deadline.due
        Entry.objects.filter(pk=entry.pk).update(due_on=deadline.due)
    return deadline


def created_event(item: Item, entry: Entry, deadline: Deadline | None) -> dict[str, Any]:
    """The ``publicity.entry.created`` event of a new draft (``audit_log`` keywords but the actor),
    its publication time limit included: the Deadline is created with the entry and recorded
    here rather than in a ``holidays.deadline.set`` event of its own."""
    after: dict[str, Any] = {
        "item": item.code,
        "document_number": entry.document_number,
        "source_key": entry.source_key,
    }
    if deadline is not None:
        after["deadline"] = deadline_state(deadline)
    return {"action": "publicity.entry.created", "target": entry, "after": after}


def _link_decision(entry: Entry) -> None:
    if entry.decision_id is None and entry.document_number:
        from sanxiang.enforcement.models import Decision

        entry.decision = Decision.objects.filter(
            authority=entry.authority, document_number=entry.document_number
        ).first()


# --- drafting ----------------------------------------------------------------------------------


def _build(
    *,
    actor: User,
    item: Item,
    authority: Authority,
    department: Department | None,
    data: Mapping[str, Any],
    text: str,
    source_system: str = "",
    source_id: str = "",
    today: datetime.date,
) -> tuple[Entry, EntryVersion]:
    if department is None:
        own = getattr(actor, "department", None)
        department = own if own is not None and own.authority_id == authority.pk else None
    entry = Entry(
        item=item,
        authority=authority,
        department=department,
        source_key=new_source_key(item.code),
        status=EntryStatus.DRAFT,
        subject_type=data["subject_type"],
        party_name=data.get("party_name", "")[:200],
        document_number=data.get("document_number", "")[:100],
        event_date=datetime.date.fromisoformat(data["event_date"]) if data.get("event_date") else None,
        credit_class=data.get("credit_class", "") or "",
        is_minor=is_minor_party(data, today),
        source_system=source_system,
        source_id=source_id,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    version = EntryVersion(
        number=1,
        data={k: v for k, v in data.items() if k not in ("legal_representative", "id_number")},
        text=entry_text(item, data, text),
        legal_representative=data.get("legal_representative", ""),
        id_number=data.get("id_number", ""),
        created_by=entry.created_by,
    )
    return entry, version


def _check_unique(entry: Entry) -> None:
    if entry.document_number:
        clash = Entry.objects.filter(authority=entry.authority, document_number=entry.document_number)
        if entry.pk:
            clash = clash.exclude(pk=entry.pk)
        if clash.exists():
            raise _invalid({"document_number": _("该机关已有相同文书号的公示信息。")})


@transaction.atomic
def entry_create(
    *,
    actor: User,
    item: Item,
    authority: Authority,
    data: Mapping[str, Any],
    text: str = "",
    department: Department | None = None,
    source_system: str = "",
    source_id: str = "",
    today: datetime.date | None = None,
) -> Entry:
    """Draft an entry from raw values (validated against the item's schema)."""
    _require_draft(actor, item, authority)
    today = today or timezone.localdate()
    clean, errors = clean_data(item, data, today=today)
    if errors:
        raise _invalid(errors)
    entry, version = _build(
        actor=actor,
        item=item,
        authority=authority,
        department=department,
        data=clean,
        text=text,
        source_system=source_system,
        source_id=source_id,
        today=today,
    )
    _check_unique(entry)
    _link_decision(entry)
    entry.save()
    version.entry = entry
    store_mask(version, mask_version(entry, version))
    version.save()
    deadline = _set_deadline(entry, actor=actor, audit_creates=False)
    audit_log(actor=actor, **created_event(item, entry, deadline))
    return entry


def current_version(entry: Entry) -> EntryVersion:
    return entry.versions.get(number=entry.current_version)


@transaction.atomic
def entry_update(
    *, actor: User, entry: Entry, data: Mapping[str, Any], text: str = "", today: datetime.date | None = None
) -> Entry:
    """Change the pending version of a draft (or of an open correction); approved versions never change."""
    _require_visible(actor, entry)
    _require_draft(actor, entry.item, entry.authority)
    if entry.status not in rules.EDITABLE:
        raise InvalidTransition(_("只有草稿或更正中的信息可以修改。"))
    today = today or timezone.localdate()
    clean, errors = clean_data(entry.item, data, today=today)
    if errors:
        raise _invalid(errors)
    version = current_version(entry)
    before = {"data": version.data, "document_number": entry.document_number}
    version.data = {k: v for k, v in clean.items() if k not in ("legal_representative", "id_number")}
    version.text = entry_text(entry.item, clean, text)
    version.legal_representative = clean.get("legal_representative", "")
    version.id_number = clean.get("id_number", "")
    version.manual_spans = []  # offsets of the old text mean nothing in the new one
    if entry.status == EntryStatus.DRAFT:
        entry.party_name = clean.get("party_name", "")[:200]
        entry.document_number = clean.get("document_number", "")[:100]
        entry.event_date = (
            datetime.date.fromisoformat(clean["event_date"]) if clean.get("event_date") else None
        )
        entry.subject_type = clean["subject_type"]
        entry.credit_class = clean.get("credit_class", "") or ""
    entry.is_minor = is_minor_party(clean, today)
    _check_unique(entry)
    entry.save()
    store_mask(version, mask_version(entry, version))
    version.save()
    if entry.status == EntryStatus.DRAFT:
        _set_deadline(entry, actor=actor)
    audit_log(
        actor=actor,
        action="publicity.entry.updated",
        target=entry,
        before=before,
        after={"data": version.data, "document_number": entry.document_number},
    )
    return entry


def _drafter_step(actor: User, entry: Entry, action: str, *, audit_action: str) -> Entry:
    """A drafter's own workflow step (submit, recall): scope and role checked, the entry locked,
    the transition recorded and audited."""
    _require_visible(actor, entry)
    _require_draft(actor, entry.item, entry.authority)
    # Lock the row and read its current status into the caller's instance (which callers reuse).
    entry.status = Entry.objects.select_for_update().values_list("status", flat=True).get(pk=entry.pk)
    target = _transition(entry, action)
    _record(entry, action=action, to=target, actor=actor)
    entry.status = target
    entry.save(update_fields=["status", "updated_at"])
    audit_log(actor=actor, action=audit_action, target=entry, after={"status": target})
    return entry


@transaction.atomic
def entry_submit(*, actor: User, entry: Entry) -> Entry:
    """Send a draft to confidentiality review and approval."""
    return _drafter_step(actor, entry, rules.Action.SUBMIT, audit_action="publicity.entry.submitted")


@transaction.atomic
def entry_recall(*, actor: User, entry: Entry) -> Entry:
    """Take a submitted entry back to draft before it is approved (to fix it, or not to publish)."""
    return _drafter_step(actor, entry, rules.Action.RECALL, audit_action="publicity.entry.recalled")


@transaction.atomic
def entries_submit_many(*, actor: User, entries: Sequence[Entry]) -> list[Entry]:
    """Submit several drafts at once (a bulk action, the demo): for each entry the checks,
    transition row and audit event of ``entry_submit``, with one visibility query, one check per
    item and unit, bulk writes and one audit batch. All or nothing."""
    if not entries:
        return []
    visible = set(
        Entry.objects.visible_to(actor).filter(pk__in=[e.pk for e in entries]).values_list("pk", flat=True)
    )
    checked: set[tuple[int, int]] = set()
    now = timezone.now()
    rows = []
    for entry in entries:
        if entry.pk not in visible:
            raise ScopeViolation(model_label=Entry._meta.label, object_ref=f"pk={entry.pk}", action="change")
        if (entry.item_id, entry.authority_id) not in checked:
            _require_draft(actor, entry.item, entry.authority)
            checked.add((entry.item_id, entry.authority_id))
        target = _transition(entry, rules.Action.SUBMIT)
        rows.append(_transition_row(entry, action=rules.Action.SUBMIT, to=target, actor=actor, at=now))
        entry.status = target
    Transition.objects.bulk_create(rows)
    update_rows(Entry, entries, ["status", "updated_at"])  # updated_at stamped as save() stamps it
    audit_log_many(
        actor=actor,
        events=[
            {"action": "publicity.entry.submitted", "target": e, "after": {"status": e.status}}
            for e in entries
        ],
    )
    return list(entries)


def _require_approver(actor: User, entry: Entry) -> None:
    _require_visible(actor, entry, action="approve")
    if not can_approve(actor, entry.item):
        raise PermissionDeniedError(_("您没有审批该事项公示信息的权限。"))


@transaction.atomic
def entry_return(*, actor: User, entry: Entry, comment: str) -> Entry:
    """Send a submitted entry (or a pending correction) back to its author with a comment."""
    _require_approver(actor, entry)
    if not (comment or "").strip():
        raise _invalid({"comment": _("请填写退回意见。")})
    if entry.status not in (EntryStatus.SUBMITTED, EntryStatus.CORRECTING):
        raise InvalidTransition(_("当前状态下不能退回。"))
    target = _transition(entry, rules.Action.RETURN)
    _record(entry, action=rules.Action.RETURN, to=target, actor=actor, comment=comment.strip())
    entry.status = target
    entry.save(update_fields=["status", "updated_at"])
    audit_log(actor=actor, action="publicity.entry.returned", target=entry, data={"comment": comment.strip()})
    return entry


def _maskable_texts(entry: Entry, version: EntryVersion) -> dict[str, str]:
    """What an approver may draw masks over: the body ("") and every field shown as written or
    scanned (a structured field such as an ID number is masked by its type as a whole)."""
    texts = {"": version.text}
    for key, stored in version.field_masks.items():
        if stored.get("manual"):
            texts[key] = str(version.data.get(key, ""))
    return texts


@transaction.atomic
def entry_add_mask(
    *,
    actor: User,
    entry: Entry,
    phrase: str = "",
    start: int | None = None,
    end: int | None = None,
    field: str = "",
) -> Entry:
    """The approver masks more of the pending version: a selected span of the body or of one field
    (``field`` is its key, "" the body), or every occurrence of a phrase in the body and the fields."""
    _require_approver(actor, entry)
    if entry.status not in (EntryStatus.SUBMITTED, EntryStatus.CORRECTING):
        raise InvalidTransition(_("只有待审核的信息可以添加遮盖。"))
    version = current_version(entry)
    texts = _maskable_texts(entry, version)
    found: list[dict[str, Any]] = []
    if phrase:
        for key, value in texts.items():
            position = value.find(phrase)
            while position >= 0:
                found.append({"start": position, "end": position + len(phrase)})
                if key:
                    found[-1]["field"] = key
                position = value.find(phrase, position + len(phrase))
    elif start is not None and end is not None:
        if field not in texts:
            raise _invalid({"phrase": _("该字段不能手工遮盖。")})
        if not 0 <= start < end <= len(texts[field]):
            raise _invalid({"phrase": _("所选文字超出了该字段的范围。")})
        found.append({"start": start, "end": end, **({"field": field} if field else {})})
    if not found:
        raise _invalid({"phrase": _("正文和字段中都没有找到要遮盖的内容。")})
    version.manual_spans = [*version.manual_spans, *found]
    store_mask(version, mask_version(entry, version))
    version.save()
    audit_log(actor=actor, action="publicity.entry.mask_added", target=entry, data={"spans": found})
    return entry


@transaction.atomic
def entry_lift_mask(*, actor: User, entry: Entry, field_type: str, reason: str) -> Entry:
    """Show one kind of datum in full for this entry, where the policy table allows it, with a reason."""
    _require_approver(actor, entry)
    if entry.status not in (EntryStatus.SUBMITTED, EntryStatus.CORRECTING):
        raise InvalidTransition(_("只有待审核的信息可以解除遮盖。"))
    if not (reason or "").strip():
        raise _invalid({"reason": _("请填写解除遮盖的理由。")})
    table = PolicyTable()
    if entry.is_minor or not table.may_lift(
        entry.item.masking_category or entry.item.code, entry.subject_type, field_type
    ):
        raise PermissionDeniedError(_("脱敏策略不允许解除该类信息的遮盖。"))
    version = current_version(entry)
    version.lifted = {**version.lifted, field_type: reason.strip()}
    store_mask(version, mask_version(entry, version, table=table))
    version.save()
    audit_log(
        actor=actor,
        action="publicity.entry.mask_lifted",
        target=entry,
        data={"field_type": field_type, "reason": reason.strip()},
    )
    return entry


@transaction.atomic
def entry_approve(
    *, actor: User, entry: Entry, comment: str = "", now: datetime.datetime | None = None
) -> Entry:
    """Confidentiality review and approval: publish the pending version (first publication or correction)."""
    _require_approver(actor, entry)
    now = now or timezone.now()
    version = current_version(entry)
    approval = _approve(actor, entry, version, comment, now)
    version.save()
    _portal().public_entries_publish_many(actor=actor, publications=[approval.publication])
    entry.save()
    approval.transition.save()
    deadline_close(owner=entry, purpose=PUBLISH, actor=actor, at=now)
    audit_log(actor=actor, **approval.event)
    return entry


@transaction.atomic
def entries_approve_many(
    *, actor: User, entries: Sequence[Entry], now: datetime.datetime | None = None
) -> list[Entry]:
    """Approve several entries at once (a bulk action, the demo): for each entry exactly what
    ``entry_approve`` does, with one visibility query, one role check per item, the versions and
    rules read once, the portal's publications made in one batch, and the versions, entries,
    transition rows and audit events written in batches. All or nothing; call it inside
    ``portal.publog.checkpoint_batch`` to sign one log checkpoint for all of them."""
    if not entries:
        return []
    now = now or timezone.now()
    visible = set(
        Entry.objects.visible_to(actor).filter(pk__in=[e.pk for e in entries]).values_list("pk", flat=True)
    )
    versions = {
        (v.entry_id, v.number): v for v in EntryVersion.objects.filter(entry__in=[e.pk for e in entries])
    }
    allowed: dict[int, bool] = {}
    rules_by_item: dict[int, list[ItemRule]] = {}
    table = PolicyTable()
    approvals = []
    for entry in entries:
        if entry.pk not in visible:
            raise ScopeViolation(model_label=Entry._meta.label, object_ref=f"pk={entry.pk}", action="approve")
        if entry.item_id not in allowed:
            allowed[entry.item_id] = can_approve(actor, entry.item)
            rules_by_item[entry.item_id] = list(entry.item.rules.all())
        if not allowed[entry.item_id]:
            raise PermissionDeniedError(_("您没有审批该事项公示信息的权限。"))
        version = versions[(entry.pk, entry.current_version)]
        version.entry = entry
        approvals.append(_approve(actor, entry, version, "", now, rules_by_item[entry.item_id], table))
    update_rows(EntryVersion, [a.version for a in approvals], _APPROVED_VERSION_FIELDS)
    _portal().public_entries_publish_many(actor=actor, publications=[a.publication for a in approvals])
    update_rows(Entry, entries, _APPROVED_ENTRY_FIELDS)
    Transition.objects.bulk_create([a.transition for a in approvals])
    deadlines_close_many(owners=entries, purpose=PUBLISH, actor=actor, at=now)
    audit_log_many(actor=actor, events=[a.event for a in approvals])
    return list(entries)


# What an approval changes: the columns ``entries_approve_many`` writes back in bulk.
_APPROVED_VERSION_FIELDS = [
    "masked_title",
    "masked_fields",
    "masked_text",
    "spans",
    "field_masks",
    "approved_by",
    "approved_at",
]
_APPROVED_ENTRY_FIELDS = ["status", "published_version", "published_at", "display_until", "updated_at"]


@dataclass(frozen=True)
class _Approval:
    """An approval worked out but not written: the version with its final masks, what the portal
    publishes, the transition row and the audit event (``audit_log`` keywords)."""

    version: EntryVersion
    publication: Publication
    transition: Transition
    event: dict[str, Any]


def _approve(
    actor: User,
    entry: Entry,
    version: EntryVersion,
    comment: str,
    now: datetime.datetime,
    rules_cache: list[ItemRule] | None = None,
    table: PolicyTable | None = None,
) -> _Approval:
    """Work out the approval of ``version`` of a visible entry the actor may approve: the masks, the
    publication, the entry's new state (set on ``entry``, unsaved), the transition row and the
    audit event. The caller saves the version, publishes, saves the entry and the transition, closes
    the publication deadline and audits, one by one or in bulk."""
    if not rules.approver_may_approve(author_id=version.created_by_id, approver_id=actor.pk):
        raise PermissionDeniedError(_("审批人不能审批自己起草的信息。"))
    target = _transition(entry, rules.Action.APPROVE)
    masked = mask_version(entry, version, table=table)
    if not masked.published:
        raise ValidationFailed(_("依脱敏策略该信息不予公开（如涉及未成年人）。"), code="not_publishable")
    store_mask(version, masked)
    version.approved_by = actor
    version.approved_at = now
    rule = rule_for(entry.item, entry.event_date or now.date(), rules_cache)
    start = entry.event_date or timezone.localdate(now)
    entry.display_until = (
        rules.display_until(rule.display, start=start, credit_class=entry.credit_class or None)
        if rule
        else None
    )
    publication = _portal().Publication(
        source_key=entry.source_key,
        version=version.number,
        category_code=entry.item.code,
        category_label=entry.item.label,
        stage=entry.item.category.stage,
        authority=entry.authority,
        title=masked.title,
        party_name=dict(masked.fields).get(_party_label(entry.item), ""),
        document_number=entry.document_number,
        decided_on=entry.event_date,
        published_at=now,
        display_until=entry.display_until,
        fields=masked.fields,
        text=masked.text,
    )
    transition = _transition_row(
        entry, action=rules.Action.APPROVE, to=target, actor=actor, comment=comment, at=now
    )
    first = entry.published_version is None
    entry.status = target
    entry.published_version = version.number
    entry.published_at = entry.published_at or now
    event = {
        "action": "publicity.entry.published" if first else "publicity.entry.corrected",
        "target": entry,
        "after": {
            "version": version.number,
            "title": masked.title,
            "display_until": str(entry.display_until or ""),
        },
    }
    return _Approval(version, publication, transition, event)


def _party_label(item: Item) -> str:
    return next((spec["label"] for spec in item.fields if spec["key"] == "party_name"), "")


@transaction.atomic
def entry_correct(
    *,
    actor: User,
    entry: Entry,
    data: Mapping[str, Any],
    text: str = "",
    reason: str,
    today: datetime.date | None = None,
) -> Entry:
    """Open a correction of a published entry: a new version that goes through masking and approval
    again; the published version stays on the portal until the correction is approved."""
    _require_visible(actor, entry)
    _require_draft(actor, entry.item, entry.authority)
    if not (reason or "").strip():
        raise _invalid({"reason": _("请填写更正原因。")})
    today = today or timezone.localdate()
    clean, errors = clean_data(entry.item, data, today=today)
    if errors:
        raise _invalid(errors)
    _refuse_blanking(entry, clean, text)
    target = _transition(entry, rules.Action.CORRECT)
    number = entry.current_version + 1
    _record(entry, action=rules.Action.CORRECT, to=target, actor=actor, comment=reason.strip())
    version = EntryVersion(
        entry=entry,
        number=number,
        data={k: v for k, v in clean.items() if k not in ("legal_representative", "id_number")},
        text=entry_text(entry.item, clean, text),
        legal_representative=clean.get("legal_representative", ""),
        id_number=clean.get("id_number", ""),
        reason=reason.strip(),
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    entry.current_version = number
    entry.status = target
    entry.is_minor = entry.is_minor or is_minor_party(clean, today)
    entry.save()
    store_mask(version, mask_version(entry, version))
    version.save()
    audit_log(
        actor=actor,
        action="publicity.entry.correction_opened",
        target=entry,
        data={"version": number, "reason": reason.strip()},
    )
    return entry


def _refuse_blanking(entry: Entry, clean: Mapping[str, Any], text: str) -> None:
    """A correction may change every field but not empty one the published version filled (the
    decision text included): that would take information off the portal without a withdrawal."""
    published = current_version(entry)
    before = {
        **published.data,
        "legal_representative": published.legal_representative,
        "id_number": published.id_number,
    }
    labels = {spec["key"]: spec["label"] for spec in entry.item.fields}
    errors = {
        key: _("更正不能清空已公示的“%(field)s”；如需删除该内容，请撤回后重新发布。")
        % {"field": labels.get(key, key)}
        for key in rules.blanked_fields(before, clean)
        if key in labels
    }
    generated = entry_text(entry.item, published.data, "")
    if not (text or "").strip() and published.text.strip() and published.text != generated:
        errors["text"] = _("更正不能清空已公示的正文；请在“正文”中保留或修改原文。")
    if errors:
        raise _invalid(errors)


@transaction.atomic
def entry_withdraw(*, actor: User, entry: Entry, reason: str, now: datetime.datetime | None = None) -> Entry:
    """Take a published entry off the portal with the reason published (行政处罚法第四十八条)."""
    _require_approver(actor, entry)
    if not (reason or "").strip():
        raise _invalid({"reason": _("请填写撤回原因。")})
    target = _transition(entry, rules.Action.WITHDRAW)
    now = now or timezone.now()
    _portal().public_entry_withdraw(
        actor=actor, source_key=entry.source_key, reason=reason.strip(), withdrawn_at=now
    )
    _record(entry, action=rules.Action.WITHDRAW, to=target, actor=actor, comment=reason.strip(), at=now)
    entry.status = target
    entry.ended_reason = reason.strip()
    entry.ended_at = now
    entry.save()
    deadline_close(owner=entry, purpose=WITHDRAW, actor=actor, at=now)
    audit_log(actor=actor, action="publicity.entry.withdrawn", target=entry, data={"reason": reason.strip()})
    return entry


@transaction.atomic
def entry_expire(*, entry: Entry, at: datetime.datetime, reason: str, actor: User | None = None) -> Entry:
    """End the display (period over, or an approved credit repair); the entry stays in the archive."""
    target = _transition(entry, rules.Action.EXPIRE)
    _portal().public_entry_expire(source_key=entry.source_key, at=at)
    _record(entry, action=rules.Action.EXPIRE, to=target, actor=actor, comment=reason, at=at)
    entry.status = target
    entry.ended_reason = reason
    entry.ended_at = at
    entry.save()
    audit_log(actor=actor, action="publicity.entry.expired", target=entry, data={"reason": reason})
    return entry


@transaction.atomic
def entry_credit_repair(
    *,
    actor: User,
    entry: Entry,
    reason: str,
    today: datetime.date | None = None,
    now: datetime.datetime | None = None,
) -> Entry:
    """An approved credit repair 信用修复 ends the display early, after the class's minimum period."""
    _require_approver(actor, entry)
    if not (reason or "").strip():
        raise _invalid({"reason": _("请填写信用修复依据。")})
    today = today or timezone.localdate()
    rule = rule_for(entry.item, entry.event_date or today)
    display = rule.display if rule else {}
    if not display.get("min_by_credit_class"):
        raise InvalidTransition(_("该事项不适用信用修复。"))
    if not rules.credit_repair_allowed(
        display, start=entry.event_date or today, credit_class=entry.credit_class or None, today=today
    ):
        raise InvalidTransition(_("尚未达到最短公示期限，不能申请信用修复。"))
    return entry_expire(
        entry=entry,
        at=now or timezone.now(),
        reason=_("信用修复：%(reason)s") % {"reason": reason.strip()},
        actor=actor,
    )


# --- source systems ----------------------------------------------------------------------------


@transaction.atomic
def entry_push(
    *,
    actor: User,
    token: Any,
    item: Item,
    source_system: str,
    source_id: str,
    data: Mapping[str, Any],
    text: str = "",
    authority: Authority | None = None,
    today: datetime.date | None = None,
) -> tuple[Entry, bool]:
    """A source system pushes an entry: (entry, created).

    The source's own id makes a repeated push update the draft instead of duplicating it; a push for
    an entry already public opens a correction (masking and approval again). The token's categories
    bound which items it may push; its user's scope bounds the authorities.
    """
    allowed = list(getattr(token, "categories", None) or [])
    if allowed and item.code not in allowed and item.category.code not in allowed:
        raise PermissionDeniedError(_("该令牌不能推送此类公示信息。"))
    authority = authority or actor.authority
    if authority is None:
        raise _invalid({"authority": _("请指定公示机关。")})
    existing = Entry.objects.filter(source_system=source_system, source_id=source_id).first()
    if existing is None:
        entry = entry_create(
            actor=actor,
            item=item,
            authority=authority,
            data=data,
            text=text,
            source_system=source_system,
            source_id=source_id,
            today=today,
        )
        return entry, True
    _require_visible(actor, existing)
    if existing.item_id != item.pk:
        raise _invalid({"item": _("同一来源编号已用于其他公示事项。")})
    if existing.status in rules.EDITABLE:
        return entry_update(actor=actor, entry=existing, data=data, text=text, today=today), False
    if existing.status == EntryStatus.SUBMITTED:
        raise InvalidTransition(_("该信息正在审核，请待审核结束后再推送。"))
    return (
        entry_correct(
            actor=actor, entry=existing, data=data, text=text, reason=_("源系统推送更正"), today=today
        ),
        False,
    )


# --- administration ----------------------------------------------------------------------------


@transaction.atomic
def mask_policy_set(*, actor: User, policy: MaskPolicy, mode: str, liftable: bool) -> MaskPolicy:
    """An administrator changes one cell of the masking policy table."""
    if not has_role(actor, RoleCode.ADMINISTRATOR):
        raise PermissionDeniedError(_("只有系统管理员可以修改脱敏策略。"))
    if mode not in dict(MaskPolicy._meta.get_field("mode").choices or ()):
        raise _invalid({"mode": _("显示方式无效。")})
    before = {"mode": policy.mode, "liftable": policy.liftable}
    policy.mode, policy.liftable = mode, liftable
    policy.save()
    audit_log(
        actor=actor,
        action="publicity.mask_policy.changed",
        target=policy,
        before=before,
        after={"mode": mode, "liftable": liftable},
    )
    return policy


# --- deadlines and jobs ------------------------------------------------------------------------


def withdrawal_deadlines_sync(*, today: datetime.date) -> int:
    """Give every public entry whose decision was changed, revoked, held unlawful or void its
    3-working-day withdrawal limit (行政处罚法第四十八条); returns how many limits were set."""
    cal = current_calendar()
    count = 0
    candidates = (
        Entry.objects.public()
        .filter(item__withdraw_on_outcome=True, decision__isnull=False, decision__outcome_on__isnull=False)
        .exclude(decision__outcome="in_force")
        .filter(withdraw_due_on__isnull=True)
        .select_related("decision", "item")
    )
    for entry in candidates:
        due = rules.withdrawal_due(entry.decision.outcome_on, cal)
        with transaction.atomic():
            deadline = deadline_set(
                owner=entry,
                purpose=WITHDRAW,
                label=_("决定变更后撤回公示"),
                start=entry.decision.outcome_on,
                working_days=due.n,
            )
            Entry.objects.filter(pk=entry.pk).update(withdraw_due_on=deadline.due)
        count += 1
    return count


def expire_due_entries(*, today: datetime.date, now: datetime.datetime | None = None) -> int:
    """End the display of every public entry whose display period ended before ``today``."""
    now = now or timezone.now()
    count = 0
    for pk in Entry.objects.public().filter(display_until__lt=today).values_list("pk", flat=True):
        with transaction.atomic():
            # Claim the entry: a concurrent run that got here first leaves nothing to expire.
            entry = Entry.objects.select_for_update().select_related("item").get(pk=pk)
            if entry.status not in rules.PUBLIC:
                continue
            entry_expire(entry=entry, at=now, reason=_("公示期满"))
            count += 1
    return count


def entry_notice_title(entry: Entry) -> str:
    """How an inbox or e-mail names an entry: its item and decision number, else its party.

    The public key (``source_key``) is an internal identifier a clerk cannot place; a natural person's
    name is shown partly (张*) because notifications may also go out by e-mail.
    """
    if entry.document_number:
        who = entry.document_number
    elif entry.subject_type == SubjectType.NATURAL_PERSON:
        who = partial_text(entry.party_name, FieldType.PERSON_NAME)
    else:
        who = entry.party_name
    when = f"（{entry.event_date:%Y-%m-%d}）" if entry.event_date and not entry.document_number else ""
    return f"{entry.item.label}·{who}{when}"


def send_reminders(*, today: datetime.date, soon_days: int = 2) -> int:
    """Remind drafters of entries past or near their publication limit, and approvers of entries past
    their withdrawal limit; dedupe keys make a second run the same day send nothing."""
    from sanxiang.notifications.services import notify, notify_users_with_role

    sent = 0
    soon = today + datetime.timedelta(days=soon_days)
    pending = (
        Entry.objects.filter(status__in=[EntryStatus.DRAFT, EntryStatus.SUBMITTED], due_on__lte=soon)
        .select_related("item", "authority", "created_by")
        .order_by("due_on")
    )
    for entry in pending:
        assert entry.due_on is not None  # filtered due_on__lte
        overdue = entry.due_on < today
        title = (_("公示已超期：%(title)s") if overdue else _("公示即将到期：%(title)s")) % {
            "title": entry_notice_title(entry)
        }
        url = reverse("publicity:entry_detail", args=[entry.pk])
        key = f"publicity.due:{entry.pk}:{'overdue' if overdue else 'soon'}"
        if entry.status == EntryStatus.DRAFT and entry.created_by:
            sent += len(
                notify(
                    recipients=[entry.created_by],
                    title=title,
                    url=url,
                    category="publicity.due",
                    dedupe_key=key,
                )
            )
        else:
            sent += len(
                notify_users_with_role(
                    authority=entry.authority,
                    roles=entry.item.approve_roles,
                    title=title,
                    url=url,
                    category="publicity.due",
                    dedupe_key=key,
                )
            )
    late = Entry.objects.public().filter(withdraw_due_on__lte=soon).select_related("item", "authority")
    for entry in late:
        title = _("决定已变更，须撤回公示：%(title)s") % {"title": entry_notice_title(entry)}
        sent += len(
            notify_users_with_role(
                authority=entry.authority,
                roles=entry.item.approve_roles,
                title=title,
                url=reverse("publicity:entry_detail", args=[entry.pk]),
                category="publicity.withdraw",
                dedupe_key=f"publicity.withdraw:{entry.pk}",
            )
        )
    return sent
