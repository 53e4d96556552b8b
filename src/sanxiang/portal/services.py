"""Writers of the public portal: the only code that publishes, corrects, withdraws or expires a
public entry, and counts throttled requests
(the progress lookup among others).

The publicity back office calls ``public_entry_publish`` / ``public_entry_withdraw`` /
``public_entry_expire`` with content it has already masked and approved; the portal checks it once
more for ID numbers, phones and bank cards in clear, keeps every version, maintains the search
index and appends each publication, correction and withdrawal to the publication log, all in the
caller's transaction.
"""

from __future__ import annotations

import datetime
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.audit.services import audit_log, audit_log_many
from sanxiang.kernel.bulk import insert_rows, update_rows
from sanxiang.kernel.exceptions import DomainError, InvalidTransition, ValidationFailed
from sanxiang.lib import merkle
from sanxiang.org.models import Authority

from . import pagecache, publog, rules, search
from .choices import EntryEvent, EntryStatus, Stage
from .models import PublicEntry, PublicEntryVersion, ThrottleCounter

__all__ = [
    "Publication",
    "public_entries_expire_due",
    "public_entries_publish_many",
    "public_entry_expire",
    "public_entry_publish",
    "public_entry_withdraw",
    "throttle_hit",
]

LIVE_STATUSES = (EntryStatus.LIVE, EntryStatus.CORRECTED)

if TYPE_CHECKING:
    from sanxiang.org.models import User


class PersonalDataInClear(ValidationFailed):
    code = "personal_data_in_clear"
    default_message = _("公示内容中仍含有未脱敏的身份证号、手机号或银行卡号，拒绝发布。")


def _actor_label(actor: User) -> str:
    if actor is None:
        return "system"
    if isinstance(actor, str):
        return actor[:150]
    return str(getattr(actor, "username", "") or actor)[:150]


def _refuse_personal_data(texts: list[str], authority: Authority) -> None:
    phones = [authority.public_phone] if authority.public_phone else []
    kinds = rules.personal_data_in_clear(texts, public_phones=phones)
    if kinds:
        raise PersonalDataInClear(extra={"kinds": kinds})


@dataclass(frozen=True)
class Publication:
    """One publication or correction for ``public_entries_publish_many``: the keyword arguments of
    ``public_entry_publish`` but the actor."""

    source_key: str
    version: int
    category_code: str
    category_label: str
    stage: str
    authority: Authority
    title: str
    party_name: str
    document_number: str
    decided_on: datetime.date | None
    published_at: datetime.datetime
    display_until: datetime.date | None
    fields: list[tuple[str, str]]
    text: str


@transaction.atomic
def public_entry_publish(
    *,
    actor: User,
    source_key: str,
    version: int,
    category_code: str,
    category_label: str,
    stage: str,
    authority: Authority,
    title: str,
    party_name: str,
    document_number: str,
    decided_on: datetime.date | None,
    published_at: datetime.datetime,
    display_until: datetime.date | None,
    fields: list[tuple[str, str]],
    text: str,
) -> PublicEntry:
    """Publish already-masked content, or correct it: a call with a higher ``version`` for a
    ``source_key`` already published replaces the public content (the old version stays in the
    archive and in the log). Refuses content with an ID number, mobile phone or bank card in clear,
    a version not above the published one, and a correction of a withdrawn or expired entry."""
    publication = Publication(
        source_key=source_key,
        version=version,
        category_code=category_code,
        category_label=category_label,
        stage=stage,
        authority=authority,
        title=title,
        party_name=party_name,
        document_number=document_number,
        decided_on=decided_on,
        published_at=published_at,
        display_until=display_until,
        fields=fields,
        text=text,
    )
    return public_entries_publish_many(actor=actor, publications=[publication])[0]


# Source keys per ``IN`` list when the entries of a batch are read (far below SQLite's limit).
KEYS_PER_QUERY = 500


@transaction.atomic
def public_entries_publish_many(*, actor: User, publications: Sequence[Publication]) -> list[PublicEntry]:
    """Publish or correct several entries at once (the publicity app's bulk approval, the demo):
    for each one exactly what ``public_entry_publish`` checks and writes (a fresh salt, the search
    index, a log leaf, an archived version, an audit event), with the existing entries read in a
    few queries, the new ones, their index rows and archived versions inserted in bulk and the
    audit events chained in one batch. All or nothing; each source key at most once. Inside
    ``publog.checkpoint_batch`` one checkpoint is signed for all of them."""
    keys = [p.source_key for p in publications]
    if len(set(keys)) != len(keys):
        raise ValueError("a source key appears twice in one batch of publications")
    for publication in publications:
        _check_publication(publication)
    existing: dict[str, PublicEntry] = {}
    for first in range(0, len(keys), KEYS_PER_QUERY):
        chunk = keys[first : first + KEYS_PER_QUERY]
        existing.update(
            (e.source_key, e) for e in PublicEntry.objects.select_for_update().filter(source_key__in=chunk)
        )
    entries: list[PublicEntry] = []
    logged: list[tuple[EntryEvent, int | None]] = []  # (event, corrected leaf) per entry
    for publication in publications:
        entry = existing.get(publication.source_key)
        target_index: int | None = None
        if entry is None:
            event = EntryEvent.PUBLISHED
            entry = PublicEntry(source_key=publication.source_key, status=EntryStatus.LIVE)
        else:
            if entry.status not in LIVE_STATUSES:
                raise InvalidTransition(_("该公示信息已撤下或已期满，不能更正。"))
            if publication.version <= entry.version:
                raise InvalidTransition(
                    _("更正的版本号必须大于已发布的版本号。"), extra={"published_version": entry.version}
                )
            event = EntryEvent.CORRECTED
            entry.status = EntryStatus.CORRECTED
            target_index = entry.leaf_index
        _fill(entry, publication)
        entries.append(entry)
        logged.append((event, target_index))
    corrected = [e for e in entries if e.pk is not None]
    for entry in corrected:  # rare next to first publications: saved one by one
        entry.save()
    PublicEntry.objects.bulk_create([e for e in entries if e.pk is None])
    search.index_entries(entries)

    versions: list[PublicEntryVersion] = []
    audits: list[dict] = []
    label = _actor_label(actor)
    for entry, (logged_event, target_index) in zip(entries, logged, strict=True):
        content = entry.content()
        data = publog.leaf_data_for_version(
            content=content,
            salt=entry.salt,
            target_index=target_index,
            target_hash=_leaf_hash_at(target_index),
        )
        leaf = publog.log_append(
            event=logged_event, entry=entry, version=entry.version, data=data, target_index=target_index
        )
        entry.leaf_index = leaf.index
        versions.append(
            PublicEntryVersion(
                entry=entry,
                version=entry.version,
                event=logged_event,
                content=content,
                salt=entry.salt,
                recorded_at=timezone.now(),
                leaf_index=leaf.index,
                actor_label=label,
            )
        )
        audits.append(
            {
                "action": f"portal.entry.{logged_event}",
                "target": entry,
                "authority": entry.authority,
                "data": {
                    "key": entry.source_key,
                    "version": entry.version,
                    "leaf_index": leaf.index,
                    "category": entry.category_code,
                },
            }
        )
    update_rows(PublicEntry, entries, ["leaf_index", "updated_at"])
    insert_rows(PublicEntryVersion, versions)
    audit_log_many(actor=actor, events=audits)
    pagecache.publication_changed()  # a publication or correction: cached public pages are stale
    return entries


def _check_publication(publication: Publication) -> None:
    if not publication.source_key or publication.version < 1:
        raise ValidationFailed(_("来源编号和版本号必须填写。"))
    if publication.stage not in Stage.values:
        raise ValidationFailed(_("未知的公示阶段。"), extra={"stage": publication.stage})
    if timezone.is_naive(publication.published_at):
        raise ValidationFailed(_("公示时间必须带时区。"))
    # A field is checked with its label in front, which gives the detectors their context (账号：…).
    texts = [
        publication.title,
        publication.party_name,
        publication.document_number,
        publication.text,
        *(f"{label}：{value}" for label, value in publication.fields),
    ]
    _refuse_personal_data(texts, publication.authority)


def _fill(entry: PublicEntry, publication: Publication) -> None:
    """Set the public content of ``entry`` from ``publication``, with a fresh salt: every version
    gets its own (lib.merkle.correction_leaf), published while it is current."""
    entry.salt = merkle.encode_salt(secrets.token_bytes(merkle.SALT_SIZE))
    entry.version = publication.version
    entry.category_code = publication.category_code
    entry.category_label = publication.category_label
    entry.stage = publication.stage
    entry.authority = publication.authority
    entry.title = publication.title
    entry.party_name = publication.party_name
    entry.document_number = publication.document_number
    entry.decided_on = publication.decided_on
    entry.published_at = publication.published_at
    entry.display_until = publication.display_until
    entry.fields = [[str(label), str(value)] for label, value in publication.fields]
    entry.text = publication.text


def _leaf_hash_at(index: int | None) -> str | None:
    leaf = publog.leaf_at(index)  # also a leaf appended earlier in the open checkpoint batch
    return leaf.leaf_hash if leaf is not None else None


def _entry_for_update(source_key: str) -> PublicEntry:
    entry = PublicEntry.objects.select_for_update().filter(source_key=source_key).first()
    if entry is None:
        raise DomainError(_("未找到该公示信息。"), code="not_found", extra={"key": source_key})
    return entry


@transaction.atomic
def public_entry_withdraw(
    *, actor: User, source_key: str, reason: str, withdrawn_at: datetime.datetime
) -> PublicEntry:
    """Take an entry off the portal with a published reason (行政处罚法第四十八条). Its salt is
    deleted, so its content can no longer be confirmed against the log; the withdrawal itself is
    logged with the key and the reason."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed(_("撤下必须说明理由。"))
    entry = _entry_for_update(source_key)
    if entry.status == EntryStatus.WITHDRAWN:
        raise InvalidTransition(_("该公示信息已撤下。"))
    _refuse_personal_data([reason], entry.authority)
    withdrawn_index = entry.leaf_index
    assert withdrawn_index is not None  # every live entry was logged when published
    entry.status = EntryStatus.WITHDRAWN
    entry.withdrawal_reason = reason
    entry.withdrawn_at = withdrawn_at
    entry.salt = ""
    entry.save()
    PublicEntryVersion.objects.filter(entry=entry).update(salt="")
    search.unindex_entry(entry)
    data = merkle.withdrawal_leaf(
        withdrawn_index=withdrawn_index,
        withdrawn_leaf_hash=bytes.fromhex(_leaf_hash_at(withdrawn_index) or ""),
        reason=reason,
        withdrawn_at=publog.utc_text(withdrawn_at),
    )
    leaf = publog.log_append(
        event=EntryEvent.WITHDRAWN,
        entry=entry,
        version=entry.version,
        data=data,
        target_index=withdrawn_index,
        keep_document=True,
    )
    entry.leaf_index = leaf.index
    entry.save(update_fields=["leaf_index", "updated_at"])
    PublicEntryVersion.objects.create(
        entry=entry,
        version=entry.version,
        event=EntryEvent.WITHDRAWN,
        reason=reason,
        recorded_at=withdrawn_at,
        leaf_index=leaf.index,
        actor_label=_actor_label(actor),
    )
    audit_log(
        actor=actor,
        action="portal.entry.withdrawn",
        target=entry,
        data={"key": source_key, "version": entry.version, "leaf_index": leaf.index, "reason": reason},
    )
    pagecache.publication_changed()  # a withdrawal: cached public pages are stale
    return entry


@transaction.atomic
def public_entry_expire(*, source_key: str, at: datetime.datetime) -> PublicEntry | None:
    """Take an entry off the portal because its display period ended or its credit was repaired
    (信用修复). It stays in the archive; None when there was nothing live to expire."""
    entry = PublicEntry.objects.select_for_update().filter(source_key=source_key).first()
    if entry is None or entry.status not in LIVE_STATUSES:
        return None
    entry.status = EntryStatus.EXPIRED
    entry.expired_at = at
    entry.save()
    search.unindex_entry(entry)
    PublicEntryVersion.objects.create(
        entry=entry, version=entry.version, event=EntryEvent.EXPIRED, recorded_at=at, actor_label="system"
    )
    audit_log(
        actor=None,
        action="portal.entry.expired",
        target=entry,
        data={"key": source_key, "version": entry.version},
    )
    pagecache.publication_changed()  # off the portal: cached public pages are stale
    return entry


def public_entries_expire_due(*, now: datetime.datetime) -> int:
    """Expire every live entry whose display period ended before today; returns how many."""
    today = timezone.localdate(now)
    keys = list(
        PublicEntry.objects.filter(status__in=LIVE_STATUSES, display_until__lt=today).values_list(
            "source_key", flat=True
        )
    )
    return sum(1 for key in keys if public_entry_expire(source_key=key, at=now) is not None)


# ------------------------------------------------------------------------------------ throttling


@transaction.atomic
def throttle_hit(*, key: str, limit: int, window_seconds: int, now: datetime.datetime) -> bool:
    """Count one request of ``key`` in the current window; False when the limit is exceeded.

    A database counter rather than the per-process cache, so that every server worker shares it.
    """
    window = int(now.timestamp()) // window_seconds
    try:
        with transaction.atomic():
            ThrottleCounter.objects.get_or_create(key=key, window=window)
    except IntegrityError:
        pass
    ThrottleCounter.objects.filter(key=key, window=window).update(count=models.F("count") + 1)
    count = ThrottleCounter.objects.filter(key=key, window=window).values_list("count", flat=True).first()
    if window % 97 == 0:
        ThrottleCounter.objects.filter(window__lt=window - 1).delete()
    return (count or 0) <= limit
