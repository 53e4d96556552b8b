"""The verifiable publication log (issue 3 §7): storage, appends, checkpoints and proofs.

The tree math and the leaf formats are ``sanxiang.lib.merkle`` (RFC 9162) and the checkpoint
format ``sanxiang.lib.signednote`` (C2SP signed note, Ed25519); this module stores leaves
(``LogLeaf``), the complete subtrees an append finishes (``LogNode``, a cache) and the signed
checkpoints (``LogCheckpoint``), and serves proofs from them.

Appends are serialised like the audit chain: on PostgreSQL a transaction-scoped advisory lock on
a constant key is taken before the log size is read; on SQLite the project's ``BEGIN IMMEDIATE``
transactions already hold the database write lock. The primary key on the leaf index is the last
guard: a forked append fails on insert instead of being stored.

Inside ``checkpoint_batch()`` appends sign no checkpoint each: the block runs in one transaction
and signs one checkpoint of the head when it ends, so a bulk publication (the demo, an import)
pays one signature instead of one per leaf; the appends in the block also share the tree's right
edge in memory instead of reading it back each time, and both their leaf rows and the complete
subtrees they finish (the ``LogNode`` cache, derived from the leaves) are written in one bulk
INSERT each when the block ends instead of one per append, so an append inside a block sends
nothing to the database. Whatever reads leaf rows inside the block (a correction naming a leaf
appended earlier in it, ``log_size``, a proof) goes through ``leaf_at`` or ``log_flush``, which
write the buffered rows first. What is committed is the same as with one checkpoint per append
except for the intermediate checkpoints, which no proof needs: a block's leaves are covered by its
final checkpoint (and its line in the checkpoint file) when it commits.

Keys live in ``settings.SANXIANG_KEY_DIR``, never in the database: ``publication-log.key`` (the
Go-style signer key) and ``publication-checkpoints.log``, one ``size root`` line per checkpoint
appended after commit, so that deleting the newest leaves together with their checkpoint rows is
still detected.
"""

from __future__ import annotations

import base64
import contextlib
import contextvars
import datetime
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, models, transaction
from django.utils import timezone

from sanxiang.kernel.bulk import insert_rows
from sanxiang.lib import merkle, signednote

from . import pagecache
from .choices import EntryEvent
from .models import LogCheckpoint, LogLeaf, LogNode, PublicEntry

LOCK_KEY = (5358, 7)  # "SX", publication log
KEY_FILE = "publication-log.key"
CHECKPOINT_FILE = "publication-checkpoints.log"
DEFAULT_ORIGIN = "执法公示日志"


def utc_text(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).isoformat(timespec="microseconds")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# ------------------------------------------------------------------------------------------ keys


def key_dir() -> Path:
    path = Path(settings.SANXIANG_KEY_DIR)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def _origin() -> str:
    """The log's name (the first line of every checkpoint and the name of its key).

    ``SANXIANG_PUBLOG_ORIGIN`` when set; else the site's host from ``SANXIANG_BASE_URL``; else the
    top authority's name ("国家税务总局宝鸡市税务局执法公示日志"), so a reader knows whose log it is.
    """
    from sanxiang.org.models import Authority

    candidates = [settings.SANXIANG_PUBLOG_ORIGIN.strip()]
    host = (settings.SANXIANG_BASE_URL or "").split("://", 1)[-1].strip("/")
    candidates.append(f"{host}/publications" if host else "")
    root = Authority.objects.get_root_nodes().order_by("pk").first()
    candidates.append("".join(f"{root.name}{DEFAULT_ORIGIN}".split()) if root else "")
    return next((c for c in candidates if c and signednote.is_valid_key_name(c)), DEFAULT_ORIGIN)


def signer() -> signednote.Ed25519Signer:
    """The log's signing key, generated into the key directory on first use."""
    path = key_dir() / KEY_FILE
    if not path.exists():
        skey, _vkey = signednote.generate_signer_key(_origin())
        try:
            signednote.write_signer_key(path, skey)
        except FileExistsError:
            pass  # another process created it first; use theirs
    return signednote.read_signer_key(path)


def verifier_key() -> str:
    """The public verifier key string (``<name>+<id>+<key>``) that verifiers pin."""
    key = signer()
    return signednote.verifier_key_string(key.name, key.private_key.public_key())


# --------------------------------------------------------------------------------------- storage


class DatabaseTreeStore:
    """A ``merkle.TreeStore`` over ``LogLeaf`` / ``LogNode`` rows.

    ``prefetch`` loads every complete subtree a computation needs in one query, so a root or proof
    over a million leaves is two or three queries.
    """

    def __init__(self, size: int | None = None) -> None:
        self._size = log_size() if size is None else size
        self._nodes: dict[tuple[int, int], bytes] = {}
        batch = _batch.get()
        if batch is not None:  # subtrees the open batch has computed but not written yet
            self._nodes.update(batch.pending_nodes(self._size))

    def size(self) -> int:
        return self._size

    def prefetch(self, ranges: list[tuple[int, int]]) -> None:
        wanted: set[tuple[int, int]] = set()
        for lo, hi in ranges:
            for start, end in merkle.subtree_cover(lo, hi):
                level = (end - start).bit_length() - 1
                wanted.add((level, start >> level))
        wanted -= set(self._nodes)
        if not wanted:
            return
        query = models.Q()
        for level, index in wanted:
            query |= models.Q(level=level, index=index)
        for level, index, hashed in LogNode.objects.filter(query).values_list("level", "index", "node_hash"):
            self._nodes[(level, index)] = bytes.fromhex(hashed)

    def _node(self, level: int, index: int) -> bytes | None:
        found = self._nodes.get((level, index))
        if found is None:
            hashed = (
                LogNode.objects.filter(level=level, index=index).values_list("node_hash", flat=True).first()
            )
            if hashed is None:
                return None
            found = self._nodes[(level, index)] = bytes.fromhex(hashed)
        return found

    def leaf_hash(self, index: int) -> bytes:
        found = self._node(0, index)
        if found is None:
            leaf = leaf_at(index)
            if leaf is None:
                raise IndexError(f"leaf {index} is missing")
            found = bytes.fromhex(leaf.leaf_hash)
        return found

    def subtree_hash(self, start: int, end: int) -> bytes | None:
        level = (end - start).bit_length() - 1
        return self._node(level, start >> level)


def log_flush() -> None:
    """Inside ``checkpoint_batch``, INSERT the rows of the leaves the block has appended so far
    (nothing outside one). Whatever reads ``LogLeaf`` rows calls it first (``leaf_at`` does)."""
    batch = _batch.get()
    if batch is not None:
        batch.write_leaves()


def leaf_at(index: int | None) -> LogLeaf | None:
    """The leaf at ``index``, including one appended earlier in the open ``checkpoint_batch``
    (its rows are written first unless ``index`` lies before the block's first leaf)."""
    if index is None:
        return None
    batch = _batch.get()
    if batch is not None and batch.pending and index >= batch.pending[0].leaf.index:
        batch.write_leaves()
    return LogLeaf.objects.filter(index=index).first()


def log_size() -> int:
    """The number of leaves: one past the highest index (one indexed ``MAX``, read as raw SQL
    because an append asks for it every time and the ORM's aggregate costs more than the query).
    Inside ``checkpoint_batch`` the block's leaves are written first (``log_flush``)."""
    log_flush()
    table = connection.ops.quote_name(LogLeaf._meta.db_table)
    column = connection.ops.quote_name(str(LogLeaf._meta.pk.column))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX({column}) FROM {table}")  # noqa: S608  # quoted model names only
        last = cursor.fetchone()[0]
    return 0 if last is None else int(last) + 1


def _lock() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", LOCK_KEY)


# ---------------------------------------------------------------------------------------- append


def leaf_data_for_version(
    *, content: dict[str, Any], salt: str, target_index: int | None, target_hash: str | None
) -> bytes:
    """The leaf data of a publication (no target) or a correction (naming the leaf it replaces)."""
    raw_salt = merkle.decode_salt(salt)
    if target_index is None:
        return merkle.publication_leaf(content, raw_salt)
    return merkle.correction_leaf(
        content, raw_salt, corrects_index=target_index, corrects_leaf_hash=bytes.fromhex(target_hash or "")
    )


@dataclass
class _Pending:
    """A leaf appended inside the open ``checkpoint_batch``: its row, the on-commit callback its
    append registered and, once a flush inserted the row, the callback that flush registered (see
    ``_marker``: while a callback is registered, what was done after it is not rolled back)."""

    leaf: LogLeaf
    appended: Callable[[], None]
    written: Callable[[], None] | None = None


def _marker() -> Callable[[], None]:
    """Register a new no-op on-commit callback and return it. Django discards the callbacks
    registered inside a savepoint that is rolled back, so while this one is still registered
    nothing done since it was registered has been rolled back."""

    def done() -> None:
        pass

    transaction.on_commit(done)
    return done


def _registered() -> set[int]:
    """The ids of the on-commit callbacks registered in the current transaction."""
    return {id(func) for _sids, func, _robust in transaction.get_connection().run_on_commit}


@dataclass
class _Batch:
    """The open ``checkpoint_batch``: the tree store its appends share, how many there were, the
    leaves they appended (rows inserted when the block ends or a reader needs them) and the
    complete subtrees they finished that are not written yet (``(level, index)`` → hash)."""

    store: DatabaseTreeStore | None = None
    appended: int = 0
    nodes: dict[tuple[int, int], bytes] = field(default_factory=dict)
    pending: list[_Pending] = field(default_factory=list)
    marker: Callable[[], None] | None = None  # the on-commit callback of the newest append

    def store_is_current(self) -> bool:
        """Whether the newest append's callback is still registered (see ``_marker``): then no
        append of the block has been rolled back and ``store`` still describes the log (the block
        holds the log lock, so nobody else appends). Looked for from the newest registration
        back, where it nearly always is."""
        if self.store is None or self.marker is None:
            return False
        registered = transaction.get_connection().run_on_commit
        return any(func is self.marker for _sids, func, _robust in reversed(registered))

    def add(self, leaf: LogLeaf, subtrees: list[merkle.Subtree]) -> None:
        self.marker = _marker()
        self.pending.append(_Pending(leaf, self.marker))
        self.nodes.update(((s.level, s.index), s.hash) for s in subtrees)
        self.appended += 1

    def pending_nodes(self, size: int) -> dict[tuple[int, int], bytes]:
        """The unwritten subtrees that lie inside the first ``size`` leaves."""
        return {key: hashed for key, hashed in self.nodes.items() if (key[1] + 1) << key[0] <= size}

    def write_leaves(self) -> None:
        """INSERT, in one statement, the rows of the block's leaves whose append stands and whose
        row is not in the database: never written, or written by a flush since rolled back to a
        savepoint. Forget the leaves of appends rolled back to a savepoint (always the newest
        ones) and the unwritten subtrees over them."""
        if not self.pending:
            return
        registered = _registered()
        for position, pending in enumerate(self.pending):
            if id(pending.appended) not in registered:
                self.nodes = self.pending_nodes(pending.leaf.index)
                del self.pending[position:]
                break
        rows = [p for p in self.pending if p.written is None or id(p.written) not in registered]
        if not rows:
            return
        insert_rows(LogLeaf, [p.leaf for p in rows])
        written = _marker()
        for pending in rows:
            pending.written = written

    def write_nodes(self) -> None:
        """INSERT the pending subtrees in one statement (after ``write_leaves``, which drops those
        over a rolled-back append)."""
        insert_rows(
            LogNode,
            [
                LogNode(level=level, index=index, node_hash=hashed.hex())
                for (level, index), hashed in sorted(self.nodes.items())
            ],
        )
        self.nodes = {}


_batch: contextvars.ContextVar[_Batch | None] = contextvars.ContextVar("publog_batch", default=None)


@contextlib.contextmanager
def checkpoint_batch() -> Iterator[None]:
    """Run the block in one transaction and sign one checkpoint at its end for all its appends.

    Nested blocks join the outermost one. If the block raises, the transaction rolls back and
    nothing is signed. The log lock is taken when the block begins (outside any savepoint the
    block's own appends run in, so rolling one of them back does not release it) and held to the
    commit, so inside the block an append needs neither the lock nor the log size again.
    """
    if _batch.get() is not None:
        yield
        return
    state = _Batch()
    with transaction.atomic():
        _lock()
        token = _batch.set(state)
        try:
            yield
        finally:
            _batch.reset(token)
        if state.appended:
            current = state.store_is_current()
            state.write_leaves()
            state.write_nodes()
            size = log_size()
            _checkpoint(state.store if current and state.store is not None else DatabaseTreeStore(size))


def log_append(
    *,
    event: str,
    entry: PublicEntry | None,
    version: int,
    data: bytes,
    target_index: int | None = None,
    keep_document: bool = False,
    checkpoint: bool = True,
    record_kind: str = "",
) -> LogLeaf:
    """Append one leaf (``data`` in a ``merkle`` leaf format) and sign a checkpoint of the new head
    (inside ``checkpoint_batch`` the block's end signs it instead).

    Runs in the caller's transaction; the lock is held until it ends, so callers append last.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("log_append must run inside a transaction")
    hashed = merkle.leaf_hash(data)
    batch = _batch.get()
    if batch is not None and batch.store is not None and batch.store_is_current():
        store = batch.store  # the block holds the lock and no append of it was rolled back
        size = store.size()
    else:  # outside a block, its first append, or the first after one was rolled back
        _lock()
        size = log_size()  # inside a block: writes its leaves that stand, forgets the others
        store = DatabaseTreeStore(size)  # inside a block: with its unwritten subtrees
        if size:
            store.prefetch([(0, size)])
        if batch is not None:
            batch.store = store

    def lookup(level: int, index: int) -> bytes:
        found = store.subtree_hash(index << level, (index + 1) << level)
        if found is None:
            raise LookupError(f"subtree {level}/{index} missing from the log cache")
        return found

    subtrees = merkle.completed_subtrees(size, hashed, lookup)
    leaf = LogLeaf(
        index=size,
        leaf_hash=hashed.hex(),
        event=event,
        entry=entry,
        version=version,
        target_index=target_index,
        document=data.decode("utf-8") if keep_document else "",
        appended_at=timezone.now(),
        record_kind=record_kind,
    )
    if batch is None:
        insert_rows(LogLeaf, [leaf])
        insert_rows(
            LogNode, [LogNode(level=s.level, index=s.index, node_hash=s.hash.hex()) for s in subtrees]
        )
    leaf._state.adding = False
    leaf._state.db = connection.alias
    if batch is not None or checkpoint:
        for s in subtrees:
            store._nodes[(s.level, s.index)] = s.hash
        store._size = size + 1
    if batch is not None:
        batch.add(leaf, subtrees)  # its row is inserted by the block's end or the next reader
    elif checkpoint:
        _checkpoint(store)
    return leaf


def record_append(*, kind: str, body: dict[str, Any]) -> LogLeaf:
    """Append a public record that is not a publicity entry (``merkle.record_leaf``) and sign a
    checkpoint. The leaf data is kept whole, so anyone can download and re-hash it."""
    return log_append(
        event=EntryEvent.RECORD,
        entry=None,
        version=0,
        data=merkle.record_leaf(kind, body),
        keep_document=True,
        record_kind=kind,
    )


def _checkpoint(store: DatabaseTreeStore) -> LogCheckpoint:
    size = store.size()
    store.prefetch([(0, size)] if size else [])
    root = merkle.root_hash(store, size)
    key = signer()
    note = signednote.sign_note_with(signednote.checkpoint_body(key.name, size, root), [key])
    created = LogCheckpoint.objects.create(
        size=size, root_hash=root.hex(), note=note, created_at=timezone.now()
    )
    line = f"{size} {root.hex()}\n"
    transaction.on_commit(lambda: _append_checkpoint_line(line))
    pagecache.publication_changed()  # the log pages and proofs show the newest checkpoint
    return created


def _append_checkpoint_line(line: str) -> None:
    path = key_dir() / CHECKPOINT_FILE
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, line.encode("ascii"))
    finally:
        os.close(fd)


@transaction.atomic
def log_checkpoint_create() -> LogCheckpoint | None:
    """Sign the current head unless the newest checkpoint already covers it (after bulk loads)."""
    _lock()
    size = log_size()
    latest = LogCheckpoint.objects.order_by("-size").first()
    if latest is not None and latest.size == size:
        return latest
    return _checkpoint(DatabaseTreeStore(size))


# --------------------------------------------------------------------------------------- readers


def latest_checkpoint() -> LogCheckpoint | None:
    return LogCheckpoint.objects.order_by("-size").first()


def inclusion(index: int, size: int) -> dict[str, Any]:
    """The inclusion proof of leaf ``index`` in the tree of ``size`` leaves (ValueError if out of range)."""
    store = DatabaseTreeStore(log_size())
    if not 0 <= index < size <= store.size():
        raise ValueError("index or size out of range")
    ranges = merkle.inclusion_proof_ranges(index, size)
    store.prefetch([*ranges, (0, size), (index, index + 1)])
    return {
        "index": index,
        "size": size,
        "leaf_hash": b64(store.leaf_hash(index)),
        "proof": [b64(h) for h in merkle.inclusion_proof(store, index, size)],
        "root": b64(merkle.root_hash(store, size)),
    }


def consistency(first: int, second: int) -> dict[str, Any]:
    """The consistency proof between the trees of ``first`` and ``second`` leaves."""
    store = DatabaseTreeStore(log_size())
    if not 0 <= first <= second <= store.size():
        raise ValueError("sizes out of range")
    ranges = merkle.consistency_proof_ranges(first, second)
    store.prefetch([r for r in [*ranges, (0, first), (0, second)] if r[1] > r[0]])
    return {
        "first": first,
        "second": second,
        "first_root": b64(merkle.root_hash(store, first)),
        "second_root": b64(merkle.root_hash(store, second)),
        "proof": [b64(h) for h in merkle.consistency_proof(store, first, second)],
    }


def public_leaf_data(leaf: LogLeaf, entry: PublicEntry | None) -> bytes | None:
    """The leaf data the public may download: a withdrawal notice, or the current leaf of an entry
    that is visible (``entry``, from the visibility policy) with its published salt; else None."""
    if leaf.event in (EntryEvent.WITHDRAWN, EntryEvent.RECORD):
        return leaf.document.encode("utf-8")
    if entry is None or entry.leaf_index != leaf.index or not entry.salt:
        return None
    target = leaf_at(leaf.target_index)
    target_hash = target.leaf_hash if target is not None else None
    return leaf_data_for_version(
        content=entry.content(), salt=entry.salt, target_index=leaf.target_index, target_hash=target_hash
    )
