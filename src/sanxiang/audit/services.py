"""Writers of the audit trail (issue 2 §5): the only code that appends events or checkpoints.

``audit_log`` joins the caller's transaction: a business write that rolls back takes its audit
event with it. Refusals (``audit_scope_refusal``, ``audit_refusal``) are the opposite: the refused
request usually rolls back, and the refusal must survive, so they are written in a transaction of
their own (see ``_record_independently``).

Appends are serialised so that concurrent writers cannot fork the chain:

- PostgreSQL: ``pg_advisory_xact_lock`` on a constant key, taken in the append's transaction
  before the last event is read, and held until that transaction ends. Under READ COMMITTED the
  following SELECT sees every event committed by the previous holder. The unique ``seq`` is a
  further guard: a fork would fail on insert rather than be stored.
- SQLite: the project opens transactions with ``BEGIN IMMEDIATE``, so the database write lock is
  held from the start of the transaction; two appenders cannot interleave.

The lock is held until the *caller's* transaction commits, so services should audit as their last
step. Each append reads only the newest event (an index lookup on ``seq``): O(1) per event.
"""

from __future__ import annotations

import contextvars
import datetime
import json
import re
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from django.db import OperationalError, connection, connections, models, transaction
from django.utils import timezone

from sanxiang.audit.keys import (
    audit_pepper,
    checkpoint_log_append,
    checkpoint_log_lines,
    public_key,
    signing_key,
)
from sanxiang.audit.models import AuditCheckpoint, AuditEvent, AuditOutcome, AuditVerification
from sanxiang.audit.rules import mask_snapshot, mask_text
from sanxiang.audit.verification import (
    HASHED_FIELDS,
    VerificationResult,
    checkpoint_of,
    problem_message,
    verify_chain,
)
from sanxiang.kernel.access import ScopeSpec
from sanxiang.kernel.auditing import audit_snapshot
from sanxiang.kernel.bulk import insert_rows
from sanxiang.kernel.middleware import current_request_context
from sanxiang.lib.hashchain import (
    GENESIS_HASH,
    Checkpoint,
    canonical_json,
    canonical_json_normalized,
    normalize,
    parse_checkpoint_line,
    sign_checkpoint,
    sm3_hex,
    utc_iso,
    verify_checkpoint,
)
from sanxiang.org.models import Authority

__all__ = [
    "audit_checkpoint_create",
    "audit_flush_pending",
    "audit_log",
    "audit_log_many",
    "audit_refusal",
    "audit_scope_refusal",
    "audit_snapshot",
    "audit_verify",
    "pending_refusals",
]

# Key of the PostgreSQL advisory lock that serialises appends (two int4 halves: "SX" "audit").
CHAIN_LOCK_KEY = (5358, 1)
# How long the separate connection of a refusal may wait for the chain lock before deferring.
REFUSAL_LOCK_TIMEOUT = "5s"
_ACTION = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
SYSTEM_ACTOR = "system"
ANONYMOUS_ACTOR = "anonymous"

_OUTCOMES = frozenset(AuditOutcome.values)  # the property builds a list on every read

_pending: contextvars.ContextVar[list[dict[str, Any]] | None] = contextvars.ContextVar(
    "sanxiang_audit_pending", default=None
)


# --- building an event -------------------------------------------------------------------------

if TYPE_CHECKING:
    from sanxiang.org.models import User


def _text(value: Any, limit: int) -> str:
    return str(value or "").replace("\x00", "")[:limit]


def _actor_fields(actor: User | str | None) -> tuple[int | None, str]:
    if actor is None:
        return None, SYSTEM_ACTOR
    if isinstance(actor, str):
        return None, _text(actor, 150) or SYSTEM_ACTOR
    if not getattr(actor, "is_authenticated", False) or actor.pk is None:
        return None, ANONYMOUS_ACTOR
    name = getattr(actor, "display_name", "") or actor.get_username()
    label = name if name == actor.get_username() else f"{name} ({actor.get_username()})"
    return actor.pk, _text(label, 150)


def _authority_id(target: Any, actor: User | str | None, authority: Any) -> int | None:
    """The unit the event belongs to: explicit, else the target's (via its ScopeSpec), else the actor's."""
    if authority is not None:
        return authority.pk if isinstance(authority, models.Model) else int(authority)
    if isinstance(target, Authority):
        return target.pk
    if target is not None:
        if getattr(target, "authority_id", None) is not None:
            return target.authority_id
        spec = getattr(type(target), "scope", None)
        if isinstance(spec, ScopeSpec) and spec.authority:
            obj = target
            *path, last = spec.authority.split("__")
            for part in path:
                obj = getattr(obj, part, None)
                if obj is None:
                    break
            else:
                found = getattr(obj, f"{last}_id", None)
                if found is not None:
                    return found
    return getattr(actor, "authority_id", None) if getattr(actor, "is_authenticated", False) else None


def _snapshot(value: dict | None) -> Any:
    if value is None:
        return None
    return mask_snapshot(normalize(value), audit_pepper)


def _draft(
    *,
    actor: User | str | None,
    action: str,
    target: Any,
    before: dict | None,
    after: dict | None,
    data: dict | None,
    outcome: str,
    target_label: str | None,
    authority: Any,
    target_type: str = "",
    target_id: str = "",
) -> dict[str, Any]:
    """Everything of an event except its chain position, computed in the caller's context."""
    if not _ACTION.match(action or "") or len(action) > 100:
        raise ValueError(f"audit action must be a dotted lower-case code, got {action!r}")
    if outcome not in _OUTCOMES:
        raise ValueError(f"unknown audit outcome {outcome!r}")
    actor_id, actor_label = _actor_fields(actor)
    if target is not None:
        target_type = target._meta.label_lower
        target_id = "" if target.pk is None else str(target.pk)
        if target_label is None:
            target_label = str(target)
    context = current_request_context()
    return {
        "actor_id": actor_id,
        "actor_label": actor_label,
        "action": action,
        "target_type": _text(target_type, 100),
        "target_id": _text(target_id, 64),
        "target_label": mask_text(_text(target_label, 200)),
        "authority_id": _authority_id(target, actor, authority),
        "before": _snapshot(before),
        "after": _snapshot(after),
        "data": _snapshot(data),
        "source_address": _text(context.source_address if context else "", 64),
        "user_agent": _text(context.user_agent if context else "", 200),
        "outcome": outcome,
    }


def _lock_chain() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", CHAIN_LOCK_KEY)


def _append(draft: dict[str, Any]) -> AuditEvent:
    """Chain ``draft`` onto the newest event. Must run inside a transaction.

    Two queries: the head (``_head``) and the INSERT, which reads the new id back itself."""
    _lock_chain()
    [event] = _chained([draft], _head())
    event.save(force_insert=True)
    return event


def _head() -> tuple[int, str] | None:
    """The newest event's ``(seq, hash)``: one indexed lookup, as raw SQL because every audited
    change asks for it and the ORM's query building cost more than the query."""
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT seq, hash FROM {table} ORDER BY seq DESC LIMIT 1")  # noqa: S608  # a quoted model name
        row = cursor.fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


# --- public writers ----------------------------------------------------------------------------


def audit_log(
    *,
    actor: User | str | None,
    action: str,
    target: Any = None,
    before: dict | None = None,
    after: dict | None = None,
    data: dict | None = None,
    outcome: str = AuditOutcome.OK,
    target_label: str | None = None,
    authority: Any = None,
) -> AuditEvent:
    """Append one event to the chain inside the caller's transaction (it rolls back with it).

    ``actor``: the acting user, None for the system, or a label string for a non-user actor
    (e.g. "source:jinsan"). ``action``: a dotted code such as "publicity.entry.published".
    ``before``/``after``: the changed fields (see ``audit_snapshot``); ``data``: anything else.
    Personal data in them is masked (``sanxiang.audit.rules``). ``authority`` overrides the unit
    derived from the target or actor.
    """
    draft = _draft(
        actor=actor,
        action=action,
        target=target,
        before=before,
        after=after,
        data=data,
        outcome=outcome,
        target_label=target_label,
        authority=authority,
    )
    with transaction.atomic(savepoint=False):
        return _append(draft)


# Keys an event of ``audit_log_many`` may carry: the keyword arguments of ``audit_log`` but actor.
_MANY_KEYS = frozenset(
    {"action", "target", "before", "after", "data", "outcome", "target_label", "authority"}
)
# Rows per ``executemany`` of ``audit_log_many``.
MANY_CHUNK_SIZE = 500


def audit_log_many(*, actor: User | str | None, events: Sequence[Mapping[str, Any]]) -> list[AuditEvent]:
    """Append several events in one go, inside the caller's transaction; the same chain as one by one.

    Each mapping holds the keyword arguments of ``audit_log`` except ``actor`` (``action`` is
    required). Every event is drafted exactly as ``audit_log`` drafts it (masking, authority), then
    the chain lock is taken once, the head read once, and the events chained in order in Python
    and inserted in chunks: ``verify_audit`` cannot tell the result from ``len(events)`` calls of
    ``audit_log``. The lock is held until the caller's transaction ends, as with ``audit_log``.
    """
    drafts = []
    for event in events:
        unknown = set(event) - _MANY_KEYS
        if unknown or "action" not in event:
            raise TypeError(
                f"audit event needs an action and takes only {sorted(_MANY_KEYS)}, got {sorted(event)}"
            )
        drafts.append(
            _draft(
                actor=actor,
                action=event["action"],
                target=event.get("target"),
                before=event.get("before"),
                after=event.get("after"),
                data=event.get("data"),
                outcome=event.get("outcome", AuditOutcome.OK),
                target_label=event.get("target_label"),
                authority=event.get("authority"),
            )
        )
    if not drafts:
        return []
    with transaction.atomic(savepoint=False):
        return _append_many(drafts)


def _append_many(drafts: Sequence[dict[str, Any]]) -> list[AuditEvent]:
    """Chain ``drafts`` in order onto the newest event with one lock and one read of the head.

    The hashed content is built from the drafts directly: their snapshots were normalised while
    drafting, so only the top-level values are normalised here (``_content_template``) and the
    hash equals ``chain_hash(prev_hash, event_content(event))``, which ``verify_audit`` checks.
    """
    _lock_chain()
    created = _chained(drafts, _head())
    _insert_many(created)
    return created


def _chained(drafts: Sequence[dict[str, Any]], last: tuple[int, str] | None) -> list[AuditEvent]:
    """New events from ``drafts``, numbered and hashed in order after ``last`` (the head)."""
    seq, prev_hash = last if last else (0, GENESIS_HASH)
    created: list[AuditEvent] = []
    templates: dict[tuple[Any, ...], str] = {}
    for draft in drafts:
        seq += 1
        occurred_at = timezone.now()
        shared = tuple(draft[name] for name in _SHARED_HASHED)
        template = templates.get(shared)
        if template is None:
            template = templates[shared] = _content_template(shared)
        digest = sm3_hex(
            prev_hash.encode("ascii")
            + (template % _event_values(draft, seq, _utc_text(occurred_at))).encode("utf-8")
        )
        # Positional arguments in field order: Model.__init__'s fast path (the kwargs path
        # costs more than the hashing). The values are the ones ``AuditEvent(**draft)`` sets.
        args: tuple[Any, ...] = (
            None,
            seq,
            occurred_at,
            *[draft[name] for name in _DRAFT_FIELDS],
            prev_hash,
            digest,
        )
        created.append(AuditEvent(*args))
        prev_hash = digest
    return created


# The canonical JSON of an event's hashed content (``hashchain.canonical_json``: keys sorted, no
# spaces) is built from a template per combination of the values events of a batch share (actor,
# action, target type, unit …), with a slot for each value of its own: the same text as encoding
# the whole content each time (``tests/audit/test_bulk_internals.py`` checks it), without
# normalising and encoding the shared values again for every event.
_SORTED_HASHED = tuple(sorted(HASHED_FIELDS))
_OWN_HASHED = ("after", "before", "data", "occurred_at", "seq", "target_id", "target_label")
_SHARED_HASHED = tuple(name for name in _SORTED_HASHED if name not in _OWN_HASHED)
_encode_text = json.encoder.encode_basestring  # what the canonical encoder writes for a str


def _content_template(shared: tuple[Any, ...]) -> str:
    """A %-format string: the canonical JSON of an event's content with ``shared`` (the values of
    ``_SHARED_HASHED``) written in and a ``%s`` for each of ``_OWN_HASHED``, in key order."""
    values = dict(zip(_SHARED_HASHED, shared, strict=True))
    parts = []
    for name in _SORTED_HASHED:
        key = _encode_text(name)
        if name in values:
            parts.append(f"{key}:{canonical_json(values[name])}".replace("%", "%%"))
        else:
            parts.append(f"{key}:%s")
    return "{" + ",".join(parts) + "}"


def _event_values(draft: dict[str, Any], seq: int, occurred_at: str) -> tuple[str, ...]:
    """The canonical JSON of each value of ``_OWN_HASHED`` of one event, in that order."""
    return (
        _snapshot_text(draft["after"]),
        _snapshot_text(draft["before"]),
        _snapshot_text(draft["data"]),
        _encode_text(occurred_at),
        str(int(seq)),
        _scalar_text(draft["target_id"]),
        _scalar_text(draft["target_label"]),
    )


def _snapshot_text(value: Any) -> str:
    # Snapshots were normalised while drafting (``_snapshot``), as ``chain_hash_normalized`` assumes.
    return "null" if value is None else canonical_json_normalized(value)


def _scalar_text(value: Any) -> str:
    return _encode_text(value) if type(value) is str and "\x00" not in value else canonical_json(value)


def _utc_text(moment: datetime.datetime) -> str:
    """``utc_iso(moment)``, at once for what ``timezone.now()`` gives (already in UTC)."""
    if moment.tzinfo is datetime.UTC:
        return moment.isoformat(timespec="microseconds")
    return utc_iso(moment)


# The draft's keys in the order of AuditEvent's fields between ``occurred_at`` and ``prev_hash``.
_DRAFT_FIELDS = (
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


def _insert_many(events: list[AuditEvent]) -> None:
    """INSERT ``events`` through ``insert_rows`` (one prepared statement per chunk), then read their ids.

    ``insert_rows`` stores what ``save()`` would, each value prepared by its field, so the hashes
    verify after reading back; ``bulk_create`` compiled SQL for every row, which for a batch of
    thousands of events was most of the cost.
    """
    insert_rows(AuditEvent, events, using=connection.alias, chunk=MANY_CHUNK_SIZE)
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT seq, id FROM {table} WHERE seq BETWEEN %s AND %s",  # noqa: S608  # a quoted model name
            [events[0].seq, events[-1].seq],
        )
        ids = dict(cursor.fetchall())
    for event in events:
        event.pk = ids[event.seq]
        event._state.adding = False
        event._state.db = connection.alias


def audit_refusal(
    *,
    actor: User | None,
    action: str,
    target: Any = None,
    data: dict | None = None,
    target_label: str | None = None,
) -> AuditEvent | None:
    """Record a refused attempt so that it survives the rollback of the refused operation.

    Returns the event, or None when it had to be deferred until the caller's transaction ends
    (see ``_record_independently``).
    """
    draft = _draft(
        actor=actor,
        action=action,
        target=target,
        before=None,
        after=None,
        data=data,
        outcome=AuditOutcome.REFUSED,
        target_label=target_label,
        authority=None,
    )
    return _record_independently(draft)


def audit_scope_refusal(*, actor: User | None, violation: Any) -> AuditEvent | None:
    """Record a request for an object outside the actor's data scope (answered with 404).

    Called by ``ScopeRefusalMiddleware`` and the API exception handler with the
    ``sanxiang.kernel.exceptions.ScopeViolation``; the event has action "scope.refused", outcome
    "refused" and data ``{model, object_ref, action}``.
    """
    model_label = str(getattr(violation, "model_label", ""))
    object_ref = str(getattr(violation, "object_ref", ""))
    match = re.fullmatch(r"(?:pk|id)=(.+)", object_ref)
    draft = _draft(
        actor=actor,
        action="scope.refused",
        target=None,
        before=None,
        after=None,
        data={
            "model": model_label,
            "object_ref": object_ref,
            "action": str(getattr(violation, "action", "")),
        },
        outcome=AuditOutcome.REFUSED,
        target_label=None,
        authority=None,
        target_type=model_label.lower(),
        target_id=match[1] if match else "",
    )
    return _record_independently(draft)


# --- refusals in their own transaction ---------------------------------------------------------


def _in_caller_transaction() -> bool:
    """True inside an atomic block of the application (a test case's wrapping block does not count).

    Django's own ``durable`` check treats the test case's block the same way: it stands for
    the autocommit a request would really run in.
    """
    return any(not getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def _holds_chain_lock() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"
            " AND classid = %s AND objid = %s AND objsubid = 2 AND granted)",
            CHAIN_LOCK_KEY,
        )
        return bool(cursor.fetchone()[0])


def _append_on_own_connection(draft: dict[str, Any]) -> AuditEvent | None:
    """Append in a separate PostgreSQL connection and transaction; None if the lock wait timed out.

    Django connections are per thread, so a short-lived thread gets a connection of its own
    through the ordinary ORM (no second DATABASES alias needed). The caller waits for it.
    """
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute(f"SET LOCAL lock_timeout = '{REFUSAL_LOCK_TIMEOUT}'")
                outcome["event"] = _append(draft)
        except OperationalError:
            outcome["event"] = None  # lock wait timed out: defer instead
        except BaseException as exc:  # re-raised in the caller's thread
            outcome["error"] = exc
        finally:
            connections.close_all()

    thread = threading.Thread(target=run, name="sanxiang-audit-refusal")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("event")


def _record_independently(draft: dict[str, Any]) -> AuditEvent | None:
    """Write a refusal so that it survives the caller's rollback.

    - Outside an application transaction: in a fresh transaction right away.
    - Inside one on PostgreSQL: through a second connection (``_append_on_own_connection``),
      unless this transaction already holds the chain lock (it audited something before being
      refused), where the second connection would wait for us forever.
    - Otherwise (SQLite allows one writer, and this transaction holds the write lock): kept in a
      per-request list and written when the transaction is over: on commit, and by
      ``ScopeRefusalMiddleware`` after the response, which covers the rolled-back case too. Code
      outside requests that records refusals inside a transaction calls ``audit_flush_pending()``.
    """
    if not _in_caller_transaction():
        with transaction.atomic():
            return _append(draft)
    if connection.vendor == "postgresql" and not _holds_chain_lock():
        event = _append_on_own_connection(draft)
        if event is not None:
            return event
    pending = _pending.get()
    if pending is None:
        pending = []
        _pending.set(pending)
    pending.append(draft)
    transaction.on_commit(audit_flush_pending)
    return None


def audit_flush_pending() -> int:
    """Write deferred refusals once no application transaction is open; returns how many."""
    pending = _pending.get()
    if not pending or _in_caller_transaction():
        return 0
    written = 0
    while pending:
        with transaction.atomic():
            _append(pending[0])
        pending.pop(0)
        written += 1
    return written


@contextmanager
def pending_refusals() -> Iterator[None]:
    """Collect deferred refusals of one request and flush them at its end (used by the middleware)."""
    token = _pending.set([])
    try:
        yield
    finally:
        try:
            audit_flush_pending()
        finally:
            _pending.reset(token)


# --- snapshots -----------------------------------------------------------------------------------


# --- checkpoints and verification --------------------------------------------------------------


@transaction.atomic
def audit_checkpoint_create(*, now: datetime.datetime | None = None) -> AuditCheckpoint | None:
    """Sign the current chain head (idempotent: returns the latest checkpoint if the head is unchanged).

    Runs under the chain lock so that the head cannot move while it is read. The line for the
    checkpoint log file is written after commit, so the log never names a checkpoint that was
    rolled back; rows whose line was lost to a crash are appended then too (their signature
    proves they are genuine).
    """
    _lock_chain()
    head = AuditEvent.objects.order_by("-seq").values_list("seq", "hash").first()
    if head is None:
        return None
    latest = AuditCheckpoint.objects.order_by("-seq").first()
    if latest is not None and latest.seq >= head[0]:
        return latest
    unlogged = _unlogged_checkpoints()
    private, _key_id = signing_key()
    created_at = utc_iso(now or timezone.now())
    signed = sign_checkpoint(private, head[0], head[1], created_at)
    checkpoint = AuditCheckpoint.objects.create(
        seq=signed.seq,
        head_hash=signed.head_hash,
        created_at=datetime.datetime.fromisoformat(created_at),
        key_id=signed.key_id,
        signature=signed.signature,
    )
    lines = [*unlogged, signed]
    transaction.on_commit(lambda: checkpoint_log_append(lines))
    return checkpoint


def _unlogged_checkpoints() -> list[Checkpoint]:
    logged = 0
    for line in checkpoint_log_lines():
        try:
            logged = max(logged, parse_checkpoint_line(line).seq)
        except ValueError:
            continue
    missing: list[Checkpoint] = []
    for row in AuditCheckpoint.objects.filter(seq__gt=logged).order_by("seq"):
        signed = checkpoint_of(row)
        key = public_key(signed.key_id)
        if key is not None and verify_checkpoint(key, signed):
            missing.append(signed)
    return missing


def audit_verify(*, record: bool = True, triggered_by: str = "command") -> VerificationResult:
    """Re-check the whole chain and every checkpoint; store the outcome unless ``record`` is False.

    Only reads the chain: it never creates checkpoints.
    """
    started_at = timezone.now()
    result = verify_chain()
    if record:
        first = result.first_problem
        AuditVerification.objects.create(
            started_at=started_at,
            finished_at=timezone.now(),
            ok=result.ok,
            event_count=result.event_count,
            checkpoint_count=result.checkpoint_count,
            first_broken_seq=first.seq if first else None,
            problem_code=first.code if first else "",
            message=result.summary(),
            problems=[{"code": p.code, "seq": p.seq, "message": problem_message(p)} for p in result.problems],
            triggered_by=triggered_by[:20],
        )
    return result
