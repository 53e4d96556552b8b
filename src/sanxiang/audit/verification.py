"""Verification of the audit chain against its checkpoints and the checkpoint log (read only).

Memory stays constant in the number of events: they are streamed in ``seq`` order as plain
tuples (``values_list(...).iterator(chunk_size=...)``) into ``lib.hashchain.ChainVerifier``.
Nothing here relies on the database triggers: they can be dropped by anyone with database access.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from sanxiang.audit.keys import checkpoint_log_lines, public_key
from sanxiang.audit.models import AuditCheckpoint, AuditEvent
from sanxiang.lib.hashchain import (
    ChainVerifier,
    Checkpoint,
    Problem,
    parse_checkpoint_line,
    sort_problems,
    utc_iso,
    verify_checkpoint,
)

# The fields covered by an event's hash (``prev_hash`` is chained in front of them).
HASHED_FIELDS = (
    "seq",
    "occurred_at",
    "actor_id",
    "actor_label",
    "action",
    "target_type",
    "target_id",
    "target_label",
    "authority_id",
    "before",
    "after",
    "data",
    "source_address",
    "user_agent",
    "outcome",
)
CHUNK_SIZE = 2000


def event_content(event: AuditEvent) -> dict[str, Any]:
    """The hashed content of an event instance."""
    content = {name: getattr(event, name) for name in HASHED_FIELDS}
    content["occurred_at"] = utc_iso(event.occurred_at)
    return content


def checkpoint_of(row: AuditCheckpoint) -> Checkpoint:
    return Checkpoint(
        seq=row.seq,
        head_hash=row.head_hash,
        created_at=utc_iso(row.created_at),
        key_id=row.key_id,
        signature=row.signature,
    )


@dataclass(frozen=True)
class VerificationResult:
    event_count: int
    checkpoint_count: int
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_problem(self) -> Problem | None:
        return self.problems[0] if self.problems else None

    def summary(self) -> str:
        if self.ok:
            return _("审计链完整：%(events)d 条事件，%(checkpoints)d 个检查点") % {
                "events": self.event_count,
                "checkpoints": self.checkpoint_count,
            }
        return _("审计链已损坏：%(message)s [%(code)s]") % {
            "message": problem_message(self.problems[0]),
            "code": self.problems[0].code,
        }


def problem_message(problem: Problem) -> str:
    """The Chinese explanation of one problem (the code word stays beside it in reports)."""
    p = dict(problem.params)
    seq = problem.seq
    code = problem.code
    if code == "removed":
        if p.get("last", seq) == seq:
            return _("第 %(seq)d 条事件缺失（已被删除）") % {"seq": seq}
        return _("第 %(first)d–%(last)d 条事件缺失（已被删除）") % {"first": p["first"], "last": p["last"]}
    if code == "altered":
        if "link_of" in p:
            return _("第 %(seq)d 条事件被改动（其哈希与第 %(next)d 条事件记录的前序哈希不符）") % {
                "seq": seq,
                "next": p["link_of"],
            }
        return _("第 %(seq)d 条事件的内容或哈希被改动") % {"seq": seq}
    if code == "reordered":
        if p.get("original"):
            return _("第 %(seq)d 条事件的位置被调换（它原是第 %(original)d 条）") % {
                "seq": seq,
                "original": p["original"],
            }
        return _("第 %(seq)d 条事件的顺序被打乱") % {"seq": seq}
    if code == "truncated":
        return _("第 %(seq)d 条及以后的事件被截断（已签名检查点记录到第 %(checkpoint)d 条）") % {
            "seq": seq,
            "checkpoint": p["checkpoint"],
        }
    if code == "checkpoint_mismatch":
        return _(
            "第 %(seq)d 条事件的哈希与已签名检查点不符：第 %(since)d–%(seq)d 条事件被改动，或整条链被重新计算"
        ) % {"seq": seq, "since": p["since"]}
    if code == "bad_signature":
        return _("第 %(seq)d 条处的检查点签名无效或签名密钥缺失") % {"seq": seq}
    if code == "checkpoint_removed":
        return _("第 %(seq)d 条处的检查点记录已从数据库删除（检查点日志文件中仍有）") % {"seq": seq}
    if code == "checkpoint_altered":
        return _("第 %(seq)d 条处的检查点记录与检查点日志文件不符") % {"seq": seq}
    if code == "checkpoint_log_corrupt":
        return _("检查点日志文件第 %(line)d 行无法解析") % {"line": p["line"]}
    return code


def _signed(checkpoint: Checkpoint) -> bool:
    """Signed by a kept key, and by a pinned one where ``SANXIANG_AUDIT_TRUSTED_KEYS`` lists them
    (so a chain re-signed with a key swapped into the key directory is not trusted)."""
    trusted = getattr(settings, "SANXIANG_AUDIT_TRUSTED_KEYS", None)
    if trusted and checkpoint.key_id not in trusted:
        return False
    key = public_key(checkpoint.key_id)
    return key is not None and verify_checkpoint(key, checkpoint)


def unprotected_tail() -> tuple[int, datetime.datetime | None]:
    """Events after the last signed checkpoint (not yet covered by a signature) and the oldest one's time."""
    last = AuditCheckpoint.objects.order_by("-seq").values_list("seq", flat=True).first() or 0
    tail = AuditEvent.objects.filter(seq__gt=last)
    oldest = tail.order_by("seq").values_list("occurred_at", flat=True).first()
    return tail.count(), oldest


def _checkpoints() -> tuple[dict[int, str], int, list[Problem]]:
    """Trusted head hashes by seq, the number of checkpoints, and problems with checkpoints.

    The log file is read before the table: a checkpoint's line is written after its row is
    committed, so every logged checkpoint must be in the table; a newer row may not be logged
    yet, which is harmless because its signature is checked all the same.
    """
    problems: list[Problem] = []
    logged: dict[int, Checkpoint] = {}
    for number, line in enumerate(checkpoint_log_lines(), start=1):
        if not line.strip():
            continue
        try:
            checkpoint = parse_checkpoint_line(line)
        except ValueError:
            problems.append(Problem("checkpoint_log_corrupt", None, {"line": number}))
            continue
        if not _signed(checkpoint):
            problems.append(Problem("bad_signature", checkpoint.seq, {"source": "log"}))
            continue
        logged[checkpoint.seq] = checkpoint
    rows = {row.seq: checkpoint_of(row) for row in AuditCheckpoint.objects.all()}
    trusted = {seq: c.head_hash for seq, c in logged.items()}
    for seq, checkpoint in logged.items():
        row = rows.get(seq)
        if row is None:
            problems.append(Problem("checkpoint_removed", seq))
        elif row != checkpoint:
            problems.append(Problem("checkpoint_altered", seq))
    for seq, row in rows.items():
        if seq in logged and logged[seq] == row:
            continue
        if not _signed(row):
            problems.append(Problem("bad_signature", seq, {"source": "table"}))
        elif seq not in trusted:
            trusted[seq] = row.head_hash
    return trusted, len(set(rows) | set(logged)), problems


def verify_chain(*, chunk_size: int = CHUNK_SIZE) -> VerificationResult:
    """Verify every event and checkpoint; problems come ordered by position, first broken first."""
    trusted, checkpoint_count, problems = _checkpoints()
    verifier = ChainVerifier(trusted)
    rows = AuditEvent.objects.order_by("seq").values_list("prev_hash", "hash", *HASHED_FIELDS)
    for prev_hash, stored_hash, *values in rows.iterator(chunk_size=chunk_size):
        content = dict(zip(HASHED_FIELDS, values, strict=True))
        content["occurred_at"] = utc_iso(content["occurred_at"])
        verifier.feed(content["seq"], prev_hash, stored_hash, content)
        if verifier.full:
            break
    problems.extend(verifier.finish())
    return VerificationResult(
        event_count=verifier.count, checkpoint_count=checkpoint_count, problems=sort_problems(problems)
    )
