"""A hash chain over audit events and the signed checkpoints of its head (pure, no Django).

Each event's hash is ``SM3(prev_hash || canonical_json(content))`` (GB/T 32905-2016, China's
national hash standard), where ``content`` includes the event's position ``seq``. Changing,
removing or moving one event therefore breaks either its own hash or the link of its successor.
An attacker who rewrites events *and recomputes every hash* is caught by checkpoints: the head
hash at some ``seq``, signed with Ed25519 by a key that never enters the database.

Everything here is deterministic and takes its inputs as plain values; the Django side streams
rows into :class:`ChainVerifier` and maps the :class:`Problem` codes to messages.
"""

from __future__ import annotations

import base64
import datetime
import decimal
import enum
import json
import math
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, hmac, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

__all__ = [
    "GENESIS_HASH",
    "ChainVerifier",
    "Checkpoint",
    "Problem",
    "canonical_json",
    "canonical_json_normalized",
    "chain_hash",
    "chain_hash_normalized",
    "checkpoint_message",
    "format_checkpoint_line",
    "hmac_sm3_hex",
    "key_id_of",
    "normalize",
    "parse_checkpoint_line",
    "sign_checkpoint",
    "sm3_hex",
    "sort_problems",
    "utc_iso",
    "verify_checkpoint",
]

GENESIS_HASH = "0" * 64
CHECKPOINT_DOMAIN = "sanxiang-audit"
# How far from its stored position a moved event is searched for when its hash breaks; only
# broken events pay for it, so a wide window is cheap.
REORDER_WINDOW = 256


def utc_iso(moment: datetime.datetime) -> str:
    """An aware datetime as ISO 8601 in UTC with microseconds, the one form that gets hashed.

    Both SQLite and PostgreSQL keep microseconds, so a value read back hashes the same.
    """
    if moment.tzinfo is None:
        raise ValueError("naive datetime in audit content")
    return moment.astimezone(datetime.UTC).isoformat(timespec="microseconds")


def normalize(value: Any) -> Any:
    """Turn ``value`` into plain JSON data that survives a database round trip unchanged.

    Dates, times, decimals and UUIDs become strings. Floats become their ``repr`` string too:
    PostgreSQL's jsonb rewrites ``1e20`` as an integer, which would change the hash. NUL
    characters are dropped because jsonb refuses them. Mapping keys become strings.
    """
    kind = type(value)  # exact types first: plain JSON data skips the chain of isinstance checks
    if kind is str:
        return value.replace("\x00", "") if "\x00" in value else value
    if kind is dict:
        return {normalize_key(k): normalize(v) for k, v in value.items()}
    if kind is int:
        return value
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return str(value).replace("\x00", "")
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else str(value)
    if isinstance(value, datetime.datetime):
        return utc_iso(value) if value.tzinfo is not None else value.isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, enum.Enum):
        return normalize(value.value)
    if isinstance(value, Mapping):
        return {normalize_key(k): normalize(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [normalize(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted((normalize(v) for v in value), key=canonical_json)
    if isinstance(value, bytes):
        return value.hex()
    return str(value).replace("\x00", "")


def normalize_key(key: Any) -> str:
    if type(key) is str:
        return key.replace("\x00", "") if "\x00" in key else key
    key = normalize(key)
    return key if isinstance(key, str) else json.dumps(key)


def canonical_json(value: Any) -> str:
    """Sorted keys, no whitespace, UTF-8 characters kept: the text that gets hashed."""
    return _dumps(normalize(value))


def canonical_json_normalized(value: Any) -> str:
    """``canonical_json`` of a value already in normal form (``normalize(value) == value``)."""
    return _dumps(value)


_dumps = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode


def sm3_hex(data: bytes) -> str:
    digest = hashes.Hash(hashes.SM3())
    digest.update(data)
    return digest.finalize().hex()


def hmac_sm3_hex(key: bytes, data: bytes) -> str:
    mac = hmac.HMAC(key, hashes.SM3())
    mac.update(data)
    return mac.finalize().hex()


def chain_hash(prev_hash: str, content: Mapping[str, Any]) -> str:
    """The hash of one event: SM3 over the previous hash followed by the canonical content."""
    return sm3_hex(prev_hash.encode("ascii") + canonical_json(content).encode("utf-8"))


def chain_hash_normalized(prev_hash: str, content: Mapping[str, Any]) -> str:
    """``chain_hash`` of content already in normal form (``normalize(content) == content``).

    For writers that normalised the content while building it (the audit trail normalises every
    snapshot before masking it): the same hash without walking the content a second time.
    """
    return sm3_hex(prev_hash.encode("ascii") + _dumps(content).encode("utf-8"))


# --- checkpoints -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Checkpoint:
    """A signed statement "the chain had ``head_hash`` at ``seq``"."""

    seq: int
    head_hash: str
    created_at: str  # utc_iso() text, signed as is
    key_id: str
    signature: str  # base64


def checkpoint_message(seq: int, head_hash: str, created_at: str) -> bytes:
    return f"{CHECKPOINT_DOMAIN}\n{seq}\n{head_hash}\n{created_at}".encode("ascii")


def key_id_of(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return sm3_hex(raw)[:16]


def sign_checkpoint(private_key: Ed25519PrivateKey, seq: int, head_hash: str, created_at: str) -> Checkpoint:
    signature = private_key.sign(checkpoint_message(seq, head_hash, created_at))
    return Checkpoint(
        seq=seq,
        head_hash=head_hash,
        created_at=created_at,
        key_id=key_id_of(private_key.public_key()),
        signature=base64.b64encode(signature).decode("ascii"),
    )


def verify_checkpoint(public_key: Ed25519PublicKey, checkpoint: Checkpoint) -> bool:
    try:
        signature = base64.b64decode(checkpoint.signature, validate=True)
        public_key.verify(
            signature, checkpoint_message(checkpoint.seq, checkpoint.head_hash, checkpoint.created_at)
        )
    except (InvalidSignature, ValueError):
        return False
    return True


def format_checkpoint_line(checkpoint: Checkpoint) -> str:
    """One line of the append-only checkpoint log kept beside the signing key."""
    c = checkpoint
    return f"v1 {c.seq} {c.head_hash} {c.created_at} {c.key_id} {c.signature}\n"


def parse_checkpoint_line(line: str) -> Checkpoint:
    parts = line.split()
    if len(parts) != 6 or parts[0] != "v1" or not parts[1].isdigit():
        raise ValueError("malformed checkpoint line")
    return Checkpoint(
        seq=int(parts[1]), head_hash=parts[2], created_at=parts[3], key_id=parts[4], signature=parts[5]
    )


# --- verification ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One defect found in the chain. ``seq`` is the first event concerned (None: not an event).

    Codes: ``removed`` (events missing from the sequence), ``altered`` (content or hash changed),
    ``reordered`` (an event sits at a position it was not written at), ``truncated`` (events
    after the newest checkpoint's position are gone), ``checkpoint_mismatch`` (a signed head hash
    differs: events up to it were rewritten, possibly with every hash recomputed),
    ``bad_signature``, ``checkpoint_removed``, ``checkpoint_altered``, ``checkpoint_log_corrupt``.
    """

    code: str
    seq: int | None
    params: Mapping[str, Any] = field(default_factory=dict)


class ChainVerifier:
    """Streaming verifier: feed events in ``seq`` order, then call :meth:`finish`.

    Memory stays constant in the number of events (checkpoints are few and kept in a dict).
    ``checkpoints`` must hold only head hashes whose signature was already verified.
    """

    def __init__(self, checkpoints: Mapping[int, str] | None = None, *, max_problems: int = 100):
        self.checkpoints = dict(checkpoints or {})
        self.max_problems = max_problems
        self.problems: list[Problem] = []
        self.count = 0
        self.last_seq = 0
        self._expected = 1
        self._last_hash = GENESIS_HASH
        self._last_checkpoint_seq = 0
        self._flagged: set[int] = set()

    @property
    def full(self) -> bool:
        return len(self.problems) >= self.max_problems

    def _add(self, problem: Problem) -> None:
        if problem.seq is not None and problem.code != "checkpoint_mismatch":
            if problem.seq in self._flagged:
                return
            self._flagged.add(problem.seq)
        if not self.full:
            self.problems.append(problem)

    def feed(self, seq: int, prev_hash: str, stored_hash: str, content: Mapping[str, Any]) -> None:
        self.count += 1
        gap = seq != self._expected
        if seq > self._expected:
            self._add(Problem("removed", self._expected, {"first": self._expected, "last": seq - 1}))
        elif seq < self._expected:  # only possible without the unique constraint on seq
            self._add(Problem("reordered", seq, {"original": None}))
        if chain_hash(prev_hash, content) != stored_hash:
            original = self._original_seq(seq, prev_hash, stored_hash, content)
            if original is None:
                self._add(Problem("altered", seq, {}))
            else:
                self._add(Problem("reordered", seq, {"original": original}))
        elif not gap and prev_hash != self._last_hash:
            # This event is consistent in itself but does not link to its predecessor: the
            # predecessor was changed and given a fresh hash (or this link was rewritten).
            self._add(Problem("altered", max(seq - 1, 1), {"link_of": seq}))
        expected_head = self.checkpoints.get(seq)
        if expected_head is not None and expected_head != stored_hash:
            self._add(Problem("checkpoint_mismatch", seq, {"since": self._last_checkpoint_seq + 1}))
        if expected_head is not None:
            self._last_checkpoint_seq = seq
        self._last_hash = stored_hash
        self.last_seq = max(self.last_seq, seq)
        self._expected = max(self._expected, seq + 1)

    def _original_seq(
        self, seq: int, prev_hash: str, stored_hash: str, content: Mapping[str, Any]
    ) -> int | None:
        if self.full:
            return None
        moved = dict(content)
        for delta in range(1, REORDER_WINDOW + 1):
            for candidate in (seq + delta, seq - delta):
                if candidate < 1:
                    continue
                moved["seq"] = candidate
                if chain_hash(prev_hash, moved) == stored_hash:
                    return candidate
        return None

    def finish(self) -> list[Problem]:
        """Check the tail against the newest checkpoint; return problems ordered by position."""
        newest = max(self.checkpoints, default=0)
        if newest > self.last_seq:
            self._add(Problem("truncated", self.last_seq + 1, {"checkpoint": newest}))
        return sort_problems(self.problems)


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.seq is None, p.seq or 0))
