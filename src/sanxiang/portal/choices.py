"""Choices of the public portal."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class EntryStatus(models.TextChoices):
    LIVE = "live", _("公示中")
    CORRECTED = "corrected", _("已更正")
    WITHDRAWN = "withdrawn", _("已撤下")
    EXPIRED = "expired", _("公示期满")


class EntryEvent(models.TextChoices):
    """What a version row or a log leaf records."""

    PUBLISHED = "published", _("发布")
    CORRECTED = "corrected", _("更正")
    WITHDRAWN = "withdrawn", _("撤下")
    EXPIRED = "expired", _("期满下线")
    RECORD = "record", _("记录")  # a log leaf that is not a publicity entry (a draw's commitment …)


class Stage(models.TextChoices):
    BEFORE = "before", _("事前公开")
    DURING = "during", _("事中公示")
    AFTER = "after", _("事后公开")
