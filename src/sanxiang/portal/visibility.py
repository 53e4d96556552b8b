"""The one visibility policy of the public side.

Every public output path (pages, search and its index, exports, feeds, the JSON API, the log's leaf
data, attachments and file names) obtains entries through ``visible_entries`` or
``visible_entry``; nothing on the public side reads ``PublicEntry`` otherwise. The rule itself is
``PublicEntryQuerySet.visible``: live or corrected, published, and within its display period.
"""

from __future__ import annotations

import datetime

from django.http import Http404

from .models import PublicEntry, PublicEntryQuerySet


def visible_entries(now: datetime.datetime) -> PublicEntryQuerySet:
    """Entries the public may see at ``now``, with their authority."""
    return PublicEntry.objects.visible(now).select_related("authority")


def visible_entry(key: str, now: datetime.datetime) -> PublicEntry:
    """One visible entry by its key; 404 for a missing, withdrawn, expired or unpublished one."""
    entry = visible_entries(now).filter(source_key=key).first()
    if entry is None:
        raise Http404
    return entry


def is_visible(entry: PublicEntry, now: datetime.datetime) -> bool:
    return visible_entries(now).filter(pk=entry.pk).exists()
