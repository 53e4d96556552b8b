"""A taxpayer's archive (一户式) as a BagIt package: SHA-256 and SHA-512 manifests, SM3 tag manifest.

Layout: ``data/<act id>-<matter>/<record id>-<file name>`` plus ``data/records.json`` (each
record's kind, stage, recording time and its SHA-256/SM3 fingerprints from the file store). The
bag is built in a temporary directory (copied from storage in 1 MiB chunks), validated by
``bagit`` itself and zipped; every record exported gets a custody event with the reason.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import bagit
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sanxiang.audit.services import audit_log
from sanxiang.files import storage
from sanxiang.files.services import clean_file_name
from sanxiang.kernel.exceptions import ValidationFailed

from .choices import CustodyAction
from .selectors import record_list

if TYPE_CHECKING:
    from sanxiang.enforcement.models import Taxpayer
    from sanxiang.org.models import User

CHUNK = 1024 * 1024
# ``progress(done, total, stage)``: see sanxiang.jobs.registry. None: nobody is watching.
Progress = Callable[..., Any] | None


def _quiet(done: int, total: int, stage: Any = "") -> None:
    """The progress callback when nobody watches."""


_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)


def _safe(name: str) -> str:
    return _UNSAFE.sub("_", name)[:80] or "file"


def write_sm3_tagmanifest(bag_dir: Path) -> Path:
    """``tagmanifest-sm3.txt`` over every tag file (bagit.txt, bag-info.txt, the manifests)."""
    lines = []
    for entry in sorted(
        p for p in bag_dir.iterdir() if p.is_file() and not p.name.startswith("tagmanifest-")
    ):
        digest = hashlib.new("sm3")
        with open(entry, "rb") as handle:
            for block in iter(functools.partial(handle.read, CHUNK), b""):
                digest.update(block)
        lines.append(f"{digest.hexdigest()} {entry.name}\n")
    target = bag_dir / "tagmanifest-sm3.txt"
    target.write_text("".join(lines), encoding="utf-8")
    return target


def build_bag(*, actor: User, taxpayer: Taxpayer, directory: Path, progress: Progress = None) -> list:
    """Write the bag for ``taxpayer`` into ``directory``; returns the records included.

    Reads only (no transaction): ``progress`` is told after each record copied, in KiB (a job's
    counters are 32-bit: a multi-GB archive counted in bytes would overflow them)."""
    progress = progress or _quiet
    records = list(
        record_list(actor=actor, taxpayer=taxpayer).filter(disposed_at__isnull=True).order_by("act_id", "pk")
    )
    if not records:
        raise ValidationFailed(_("该纳税人没有可导出的执法记录。"), code="empty_export")
    payload = directory / "payload"
    payload.mkdir(parents=True)
    index = []
    total = max(1, -(-sum(record.file.size for record in records) // 1024))
    copied = 0
    stage = gettext("复制执法记录文件（%(count)d 个）") % {"count": len(records)}
    progress(0, total, stage)
    for record in records:
        folder = payload / _safe(f"{record.act_id}-{record.act.matter}")
        folder.mkdir(exist_ok=True)
        name = _safe(f"{record.public_id.hex[:12]}-{clean_file_name(record.file.original_name)}")
        with storage.backend().open(record.file.storage_path) as source, open(folder / name, "wb") as out:
            shutil.copyfileobj(source, out, CHUNK)
        index.append(
            {
                "record": str(record.public_id),
                "path": f"data/{folder.name}/{name}",
                "kind": record.get_kind_display(),
                "stage": record.get_stage_display(),
                "act": str(record.act),
                "recorded_start": record.recorded_start.isoformat() if record.recorded_start else None,
                "size": record.file.size,
                "sha256": record.file.sha256,
                "sm3": record.file.sm3,
            }
        )
        copied += record.file.size
        progress(min(total, -(-copied // 1024)), total, stage)
    (payload / "records.json").write_text(json.dumps(index, ensure_ascii=False, indent=2), encoding="utf-8")
    bag = bagit.make_bag(
        str(payload),
        {
            "Source-Organization": str(taxpayer.authority.name),
            "External-Identifier": taxpayer.uscc or taxpayer.tin or f"taxpayer-{taxpayer.pk}",
            "External-Description": "执法全过程记录一户式档案",
            "Bagging-Date": timezone.localdate().isoformat(),
        },
        checksums=["sha256", "sha512"],
    )
    write_sm3_tagmanifest(Path(bag.path))
    progress(total, total, gettext("校验档案包"))
    bag = bagit.Bag(bag.path)
    bag.validate()  # the store's bytes and the manifests agree before anything leaves
    return records


def taxpayer_bag_export_check(*, actor: User, reason: str) -> None:
    """Who may export a bag, and with what: a download role and a reason (checked again at the export)."""
    from sanxiang.kernel.access import require_role

    from .permissions import DOWNLOAD_ROLES

    require_role(actor, *DOWNLOAD_ROLES)
    if not reason.strip():
        raise ValidationFailed(_("导出档案须填写事由。"), code="reason_required")


@dataclass(frozen=True)
class ExportedBag:
    path: Path  # the zip, in the temporary directory: the caller moves or deletes it
    records: int


def taxpayer_bag_export(
    *, actor: User, taxpayer: Taxpayer, reason: str, progress: Progress = None
) -> ExportedBag:
    """Build, validate and zip the bag; log an export custody event per record.

    ``progress`` follows the copy (KiB), then the zip (files); the custody events are written
    in one transaction at the end."""
    from .services import _custody

    taxpayer_bag_export_check(actor=actor, reason=reason)
    progress = progress or _quiet
    work = Path(tempfile.mkdtemp(prefix="bag-"))
    try:
        records = build_bag(actor=actor, taxpayer=taxpayer, directory=work, progress=progress)
        archive = Path(tempfile.mkstemp(prefix=f"taxpayer-{taxpayer.pk}-", suffix=".zip")[1])
        files = sorted(path for path in (work / "payload").rglob("*") if path.is_file())
        stage = gettext("打包档案")
        with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as zf:
            for done, path in enumerate(files, start=1):
                zf.write(path, arcname=f"bag/{path.relative_to(work / 'payload')}")
                progress(done, len(files), stage)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    with transaction.atomic():
        for record in records:
            event = audit_log(
                actor=actor,
                action="records.record.exported",
                target=record,
                data={"reason": reason, "taxpayer": taxpayer.pk, "sha256": record.file.sha256},
            )
            _custody(
                record=record, actor=actor, action=CustodyAction.EXPORTED, reason=reason, audit_id=event.pk
            )
    return ExportedBag(path=archive, records=len(records))
