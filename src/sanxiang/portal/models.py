"""Models of the public portal: published entries, their search index, the progress tickets and the
verifiable publication log.

``PublicEntry`` is the only data the public side reads: content that the publicity back office has
already masked and approved. What the public may see of it is decided in one place,
``PublicEntryQuerySet.visible`` (see ``sanxiang.portal.visibility``).
"""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import EntryEvent, EntryStatus, Stage


class PublicEntryQuerySet(models.QuerySet):
    def visible(self, now: datetime.datetime) -> PublicEntryQuerySet:
        """The one visibility policy: live (or corrected), already published, still in its display
        period. Every public output path reads entries through this filter."""
        today = timezone.localdate(now)
        return self.filter(
            status__in=(EntryStatus.LIVE, EntryStatus.CORRECTED),
            published_at__lte=now,
        ).filter(models.Q(display_until__isnull=True) | models.Q(display_until__gte=today))


class PublicEntry(models.Model):
    """One published entry 公示信息 as the public sees it: masked content, category, stage, authority.

    ``source_key`` identifies the entry in the publicity back office; a correction is a new
    ``version`` of the same key. ``salt`` is the per-entry salt of its log leaves: published while
    the entry is live, deleted (set to "") when it is withdrawn. ``leaf_index`` is the position of
    the entry's latest leaf in the publication log.
    """

    source_key = models.CharField(_("来源编号"), max_length=100, unique=True)
    version = models.PositiveIntegerField(_("版本"))
    category_code = models.CharField(_("类别代码"), max_length=60, db_index=True)
    category_label = models.CharField(_("类别"), max_length=100)
    stage = models.CharField(_("阶段"), max_length=10, choices=Stage.choices)
    authority = models.ForeignKey(
        "core.Authority", on_delete=models.PROTECT, related_name="public_entries", verbose_name=_("公示机关")
    )
    title = models.CharField(_("标题"), max_length=300)
    party_name = models.CharField(_("当事人"), max_length=200, blank=True)
    document_number = models.CharField(_("文书号"), max_length=100, blank=True)
    decided_on = models.DateField(_("决定日期"), null=True, blank=True)
    published_at = models.DateTimeField(_("公示时间"))
    display_until = models.DateField(_("公示截止日期"), null=True, blank=True)
    fields = models.JSONField(_("公示内容"), default=list)
    text = models.TextField(_("正文"), blank=True)
    status = models.CharField(_("状态"), max_length=12, choices=EntryStatus.choices, default=EntryStatus.LIVE)
    withdrawal_reason = models.TextField(_("撤下理由"), blank=True)
    withdrawn_at = models.DateTimeField(_("撤下时间"), null=True, blank=True)
    expired_at = models.DateTimeField(_("下线时间"), null=True, blank=True)
    salt = models.CharField(_("盐值"), max_length=64, blank=True)
    leaf_index = models.BigIntegerField(_("日志序号"), null=True, blank=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    objects = PublicEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("公示信息")
        verbose_name_plural = _("公示信息")
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["status", "display_until"], name="portal_entry_visible_idx"),
            models.Index(fields=["category_code", "-id"], name="portal_entry_cat_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def content(self) -> dict:
        """The published, masked entry as plain JSON data: what the leaf hashes and the API shows."""
        return {
            "category": {"code": self.category_code, "label": self.category_label},
            "stage": self.stage,
            "authority": {"code": self.authority.code, "name": self.authority.name},
            "title": self.title,
            "party_name": self.party_name,
            "document_number": self.document_number,
            "decided_on": self.decided_on.isoformat() if self.decided_on else None,
            "published_at": _utc(self.published_at),
            "display_until": self.display_until.isoformat() if self.display_until else None,
            "fields": [[str(label), str(value)] for label, value in self.fields],
            "text": self.text,
        }


def _utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).isoformat(timespec="microseconds")


class PublicEntryVersion(models.Model):
    """One step in an entry's history (published, corrected, withdrawn, expired); never deleted.

    ``content`` is the entry as it was published at that step (empty for withdrawal and expiry) and
    ``salt`` the salt of its log leaf, deleted with every other salt of the entry on withdrawal.
    This archive is not public.
    """

    entry = models.ForeignKey(PublicEntry, on_delete=models.PROTECT, related_name="versions")
    version = models.PositiveIntegerField(_("版本"))
    event = models.CharField(_("事件"), max_length=12, choices=EntryEvent.choices)
    content = models.JSONField(_("内容"), default=dict)
    reason = models.TextField(_("理由"), blank=True)
    recorded_at = models.DateTimeField(_("时间"))
    leaf_index = models.BigIntegerField(_("日志序号"), null=True, blank=True)
    salt = models.CharField(_("盐值"), max_length=64, blank=True)
    actor_label = models.CharField(_("操作人"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("公示信息版本")
        verbose_name_plural = _("公示信息版本")
        ordering = ["entry", "id"]

    def __str__(self) -> str:
        return f"{self.entry_id} v{self.version} {self.event}"


class SearchDocument(models.Model):
    """The search index row of a visible entry: bigram text built from its masked content only.

    A row exists only while the entry is visible, so the index itself never holds a withdrawn or
    expired entry. On SQLite an FTS5 table (``portal_search_fts``, external content, kept in sync by
    triggers) indexes ``tokens``; on PostgreSQL a stored ``tsvector`` column with a GIN index does.
    """

    entry = models.OneToOneField(PublicEntry, on_delete=models.CASCADE, primary_key=True, related_name="+")
    tokens = models.TextField()

    class Meta:
        verbose_name = _("检索索引")
        verbose_name_plural = _("检索索引")

    def __str__(self) -> str:
        return str(self.entry_id)


class ThrottleCounter(models.Model):
    """Requests per client and window, shared by every server process (lookup and exports)."""

    key = models.CharField(max_length=100)
    window = models.BigIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "window"], name="portal_throttle_unique")]

    def __str__(self) -> str:
        return f"{self.key}@{self.window}"


class LogLeaf(models.Model):
    """One leaf of the append-only publication log (RFC 9162): a publication, correction or withdrawal.

    ``leaf_hash`` is SHA-256(0x00 ‖ leaf data), the leaf data being RFC 8785 JSON in the formats of
    ``sanxiang.lib.merkle``. ``target_index`` is the leaf a correction or withdrawal refers to. A
    withdrawal's leaf data is kept in ``document`` (it holds only the reference, the reason and the
    time); a publication's is rebuilt from the entry's version and salt. A ``record`` leaf (another
    module's public record, e.g. a draw commitment) has no entry and keeps its whole leaf data in
    ``document``; ``record_kind`` names its type.
    """

    index = models.BigIntegerField(primary_key=True)
    leaf_hash = models.CharField(max_length=64)
    event = models.CharField(max_length=12, choices=EntryEvent.choices)
    entry = models.ForeignKey(PublicEntry, on_delete=models.PROTECT, related_name="+", null=True, blank=True)
    record_kind = models.CharField(max_length=60, blank=True, db_index=True)
    version = models.PositiveIntegerField()
    target_index = models.BigIntegerField(null=True, blank=True)
    document = models.TextField(blank=True)
    appended_at = models.DateTimeField()

    class Meta:
        verbose_name = _("公示日志记录")
        verbose_name_plural = _("公示日志记录")
        ordering = ["index"]

    def __str__(self) -> str:
        return f"#{self.index} {self.event}"


class LogNode(models.Model):
    """A cached hash of a complete subtree: ``level`` 0 are leaves' hashes, level k covers 2**k leaves
    starting at ``index`` × 2**k. Only a cache: ``verify_publications`` recomputes it."""

    level = models.PositiveSmallIntegerField()
    index = models.BigIntegerField()
    node_hash = models.CharField(max_length=64)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["level", "index"], name="portal_lognode_unique")]

    def __str__(self) -> str:
        return f"{self.level}/{self.index}"


class LogCheckpoint(models.Model):
    """A signed checkpoint (C2SP signed note) of the log at ``size``."""

    size = models.BigIntegerField(unique=True)
    root_hash = models.CharField(max_length=64)
    note = models.TextField()
    created_at = models.DateTimeField()

    class Meta:
        verbose_name = _("公示日志检查点")
        verbose_name_plural = _("公示日志检查点")
        ordering = ["size"]

    def __str__(self) -> str:
        return f"{self.size}"
