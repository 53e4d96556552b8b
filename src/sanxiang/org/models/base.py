"""Abstract bases shared by the business models of several apps."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SourcedRecord(models.Model):
    """A record that may come from a source system (``source_system`` + ``source_id``, blank
    when entered by hand), with who registered it and when it was registered and last changed.

    Abstract: each model keeps its own columns (no table of its own, no migration).
    """

    source_system = models.CharField(_("来源系统"), max_length=40, blank=True)
    source_id = models.CharField(_("来源系统编号"), max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("登记人"),
    )
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        abstract = True
