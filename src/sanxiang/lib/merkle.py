"""The append-only Merkle log of publications: RFC 9162 §2.1 tree hashing and proofs (pure).

Every publication, correction and withdrawal becomes one leaf. The tree is the one of
Certificate Transparency (RFC 6962, restated in RFC 9162 §2.1), so any CT or C2SP
tlog-checkpoint tool can check the portal's checkpoints and proofs:

* ``leaf_hash(d) = SHA-256(0x00 || d)``, ``node_hash(l, r) = SHA-256(0x01 || l || r)``;
* the hash of the empty tree is ``SHA-256("")``;
* a tree of n > 1 leaves splits at the largest power of two k < n: ``MTH(D[n]) =
  node_hash(MTH(D[0:k]), MTH(D[k:n]))``.

Storage. The tree math never needs the leaves in memory. It reads them through a
:class:`TreeStore`: ``size()``, ``leaf_hash(i)`` and, optionally, ``subtree_hash(start, end)``
for *complete* subtrees (``end - start`` a power of two, ``start`` a multiple of it). Such a
subtree never changes once its last leaf is appended, so it can be stored once and for all.
Every left child in an RFC 9162 tree is such a subtree, which is why a root or a proof over
1,000,000 leaves costs O(log n) lookups when they are cached. :func:`completed_subtrees` says
which ones an append completes (at most log2 n, amortised one per leaf);
:class:`InMemoryTreeStore` keeps them in memory and a database store keeps them as rows
``(level, index, hash)`` with ``start = index << level`` and ``end = start + (1 << level)``.

Leaf formats (what gets hashed, documented byte for byte in :func:`publication_leaf`,
:func:`correction_leaf` and :func:`withdrawal_leaf`) are RFC 8785 canonical JSON, so a
verifier in any language can rebuild them.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sanxiang.lib.canonicaljson import canonicalize, loads_strict

__all__ = [
    "EMPTY_ROOT",
    "HASH_SIZE",
    "SALT_SIZE",
    "CompactRange",
    "InMemoryTreeStore",
    "LeafRecord",
    "ProofError",
    "Subtree",
    "TreeStore",
    "completed_subtrees",
    "consistency_proof",
    "consistency_proof_ranges",
    "correction_leaf",
    "decode_salt",
    "encode_salt",
    "inclusion_proof",
    "inclusion_proof_ranges",
    "is_complete_subtree",
    "leaf_hash",
    "node_hash",
    "parse_leaf",
    "publication_leaf",
    "record_leaf",
    "range_hash",
    "root_from_inclusion_proof",
    "root_hash",
    "root_of",
    "split_point",
    "subtree_cover",
    "verify_consistency",
    "verify_inclusion",
    "verify_publication_leaf",
    "withdrawal_leaf",
]

HASH_SIZE = 32
EMPTY_ROOT = hashlib.sha256(b"").digest()
# Per-entry salt length. 32 random bytes make guessing a withdrawn entry's contents from its
# leaf hash (e.g. by trying every taxpayer name) infeasible.
SALT_SIZE = 32


class ProofError(ValueError):
    """A proof or its parameters are malformed or do not match (the proof does not verify)."""


# --- hashing ---------------------------------------------------------------------------------


def leaf_hash(data: bytes) -> bytes:
    """RFC 9162 §2.1.1: ``SHA-256(0x00 || data)``; the prefix keeps leaves and nodes apart."""
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """RFC 9162 §2.1.1: ``SHA-256(0x01 || left || right)``."""
    return hashlib.sha256(b"\x01" + left + right).digest()


def split_point(n: int) -> int:
    """The largest power of two strictly smaller than ``n`` (n >= 2), where MTH splits."""
    if n < 2:
        raise ValueError("only a tree of two or more leaves is split")
    return 1 << ((n - 1).bit_length() - 1)


def is_complete_subtree(start: int, end: int) -> bool:
    """Whether ``[start, end)`` is a complete subtree: a power-of-two size at an aligned start."""
    size = end - start
    return size > 0 and size & (size - 1) == 0 and start % size == 0


def root_of(leaf_hashes: Sequence[bytes]) -> bytes:
    """MTH over a list of leaf hashes, straight from the definition (reference and tests)."""
    n = len(leaf_hashes)
    if n == 0:
        return EMPTY_ROOT
    if n == 1:
        return leaf_hashes[0]
    k = split_point(n)
    return node_hash(root_of(leaf_hashes[:k]), root_of(leaf_hashes[k:]))


# --- storage ---------------------------------------------------------------------------------


class TreeStore(Protocol):
    """Read access to a log's leaf hashes and its cache of complete subtrees.

    ``subtree_hash`` is only ever asked about complete subtrees (see
    :func:`is_complete_subtree`) and returns ``None`` when the hash is not cached; the caller
    then computes it from the two halves. A store without a cache always returns ``None`` and
    is correct, only slower (O(n) for a root).
    """

    def size(self) -> int: ...

    def leaf_hash(self, index: int) -> bytes: ...

    def subtree_hash(self, start: int, end: int) -> bytes | None: ...


@dataclass(frozen=True)
class Subtree:
    """One complete subtree: leaves ``[index << level, (index + 1) << level)``."""

    level: int
    index: int
    hash: bytes

    @property
    def start(self) -> int:
        return self.index << self.level

    @property
    def end(self) -> int:
        return (self.index + 1) << self.level


def completed_subtrees(
    size_before: int, new_leaf_hash: bytes, lookup: Callable[[int, int], bytes]
) -> list[Subtree]:
    """The complete subtrees, level 0 (the leaf itself) upward, that appending one leaf completes.

    Appending leaf number ``size_before`` completes one subtree per trailing one-bit of
    ``size_before``, so at most log2(n) and one on average. Each new subtree's left half
    is an older complete subtree, which ``lookup(level, index)`` must return; those halves
    are exactly the stored right edge of the tree (its "frontier").
    """
    result = [Subtree(0, size_before, new_leaf_hash)]
    current = new_leaf_hash
    index = size_before
    level = 0
    while index & 1:
        current = node_hash(lookup(level, index - 1), current)
        index >>= 1
        level += 1
        result.append(Subtree(level, index, current))
    return result


class InMemoryTreeStore:
    """A :class:`TreeStore` that keeps every complete subtree, packed 32 bytes per hash.

    Level ``h`` is a ``bytearray`` of the complete subtrees of ``2**h`` leaves, so a log of
    a million leaves takes about 64 MB (two million hashes) and any root or proof is
    O(log n) lookups. It is the reference for database-backed stores and the test double.
    """

    def __init__(self, leaf_hashes: Iterable[bytes] = ()) -> None:
        self._levels: list[bytearray] = [bytearray()]
        self._size = 0
        for item in leaf_hashes:
            self.append_leaf_hash(item)

    def size(self) -> int:
        return self._size

    def append(self, data: bytes) -> int:
        """Append a leaf by its data; returns its index."""
        return self.append_leaf_hash(leaf_hash(data))

    def append_leaf_hash(self, hashed: bytes) -> int:
        """Append a leaf by its RFC 9162 leaf hash; returns its index."""
        if len(hashed) != HASH_SIZE:
            raise ValueError("a leaf hash is 32 bytes")
        index = self._size
        for subtree in completed_subtrees(index, hashed, self._node):
            if subtree.level == len(self._levels):
                self._levels.append(bytearray())
            self._levels[subtree.level] += subtree.hash
        self._size += 1
        return index

    def _node(self, level: int, index: int) -> bytes:
        offset = index * HASH_SIZE
        return bytes(self._levels[level][offset : offset + HASH_SIZE])

    def leaf_hash(self, index: int) -> bytes:
        if not 0 <= index < self._size:
            raise IndexError(f"leaf {index} is not in a log of {self._size}")
        return self._node(0, index)

    def subtree_hash(self, start: int, end: int) -> bytes | None:
        level = (end - start).bit_length() - 1
        index = start >> level
        if level < len(self._levels) and (index + 1) * HASH_SIZE <= len(self._levels[level]):
            return self._node(level, index)
        return None


def subtree_cover(start: int, end: int) -> list[tuple[int, int]]:
    """The complete subtrees, left to right, whose hashes :func:`range_hash` combines for ``[start, end)``.

    A database store can fetch these in one query before computing a root or a proof.
    """
    if end - start < 1:
        raise ValueError("empty range")
    if is_complete_subtree(start, end):
        return [(start, end)]
    k = split_point(end - start)
    return subtree_cover(start, start + k) + subtree_cover(start + k, end)


def range_hash(store: TreeStore, start: int, end: int) -> bytes:
    """MTH of the leaves ``[start, end)`` (a node of the tree when ``start`` is aligned)."""
    size = end - start
    if size < 1:
        raise ValueError("empty range")
    if size == 1:
        return store.leaf_hash(start)
    if is_complete_subtree(start, end):
        cached = store.subtree_hash(start, end)
        if cached is not None:
            return cached
    k = split_point(size)
    return node_hash(range_hash(store, start, start + k), range_hash(store, start + k, end))


def _checked_size(store: TreeStore, size: int | None) -> int:
    available = store.size()
    if size is None:
        return available
    if not 0 <= size <= available:
        raise ValueError(f"tree size {size} is not between 0 and the log size {available}")
    return size


def root_hash(store: TreeStore, size: int | None = None) -> bytes:
    """The tree head of the first ``size`` leaves (default: all); earlier heads stay computable."""
    size = _checked_size(store, size)
    return EMPTY_ROOT if size == 0 else range_hash(store, 0, size)


# --- inclusion proofs (RFC 9162 §2.1.3) ------------------------------------------------------


def inclusion_proof_ranges(index: int, size: int) -> list[tuple[int, int]]:
    """The leaf ranges whose MTHs form PATH(index, D[size]), in proof order (leaf upward).

    RFC 9162 §2.1.3.1: PATH(m, D[n]) is empty for n = 1; otherwise with k the split point,
    PATH(m, D[0:k]) : MTH(D[k:n]) when m < k and PATH(m - k, D[k:n]) : MTH(D[0:k]) when m >= k.
    """
    if not 0 <= index < size:
        raise ValueError(f"leaf {index} is not in a tree of size {size}")
    ranges: list[tuple[int, int]] = []
    lo, hi = 0, size
    while hi - lo > 1:
        k = split_point(hi - lo)
        if index < lo + k:
            ranges.append((lo + k, hi))
            hi = lo + k
        else:
            ranges.append((lo, lo + k))
            lo += k
    ranges.reverse()
    return ranges


def inclusion_proof(store: TreeStore, index: int, size: int | None = None) -> list[bytes]:
    """The audit path proving leaf ``index`` is in the tree of ``size`` leaves."""
    size = _checked_size(store, size)
    return [range_hash(store, lo, hi) for lo, hi in inclusion_proof_ranges(index, size)]


def _check_hash(value: bytes, what: str) -> None:
    if not isinstance(value, bytes) or len(value) != HASH_SIZE:
        raise ProofError(f"{what} is not a 32-byte hash")


def root_from_inclusion_proof(leaf: bytes, index: int, size: int, proof: Sequence[bytes]) -> bytes:
    """The root that ``proof`` leads to from ``leaf`` (a leaf *hash*), per RFC 9162 §2.1.3.2.

    Raises :class:`ProofError` when the proof cannot be valid for any root: the index is out of
    range, an element is not a hash, or the proof has the wrong length for ``(index, size)``.
    """
    _check_hash(leaf, "the leaf hash")
    for position, element in enumerate(proof):
        _check_hash(element, f"proof element {position}")
    # 1. leaf_index >= tree_size fails.
    if not 0 <= index < size:
        raise ProofError(f"leaf {index} is not in a tree of size {size}")
    # 2.-3. fn = leaf_index, sn = tree_size - 1, r = hash.
    fn, sn, r = index, size - 1, leaf
    # 4. For each p in the inclusion path:
    for p in proof:
        # a. sn == 0 means the path is longer than the tree is high.
        if sn == 0:
            raise ProofError("the inclusion proof is too long")
        # b. A right child, or the last node of its level (promoted without a sibling).
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        # c.
        fn >>= 1
        sn >>= 1
    # 5. The path must have reached the top.
    if sn != 0:
        raise ProofError("the inclusion proof is too short")
    return r


def verify_inclusion(leaf: bytes, index: int, size: int, proof: Sequence[bytes], root: bytes) -> bool:
    """Whether ``proof`` shows the leaf hash ``leaf`` at ``index`` in the tree ``(size, root)``."""
    try:
        return root_from_inclusion_proof(leaf, index, size, proof) == root
    except ProofError:
        return False


# --- consistency proofs (RFC 9162 §2.1.4) ----------------------------------------------------


def consistency_proof_ranges(old_size: int, new_size: int) -> list[tuple[int, int]]:
    """The leaf ranges whose MTHs form PROOF(old_size, D[new_size]), in proof order.

    RFC 9162 §2.1.4.1: PROOF(m, D[n]) = SUBPROOF(m, D[n], true); SUBPROOF(m, D[m], true) is
    empty and SUBPROOF(m, D[m], false) = {MTH(D[m])}; for m < n with split point k,
    SUBPROOF(m, D[0:k], b) : MTH(D[k:n]) when m <= k and SUBPROOF(m - k, D[k:n], false) :
    MTH(D[0:k]) when m > k. The proof is empty when ``old_size`` is 0 or equals ``new_size``.
    """
    if not 0 <= old_size <= new_size:
        raise ValueError(f"no consistency proof from size {old_size} to size {new_size}")
    if old_size in (0, new_size):
        return []
    ranges: list[tuple[int, int]] = []
    m, lo, hi, whole = old_size, 0, new_size, True
    while m != hi - lo:
        k = split_point(hi - lo)
        if m <= k:
            ranges.append((lo + k, hi))
            hi = lo + k
        else:
            ranges.append((lo, lo + k))
            m -= k
            lo += k
            whole = False
    if not whole:
        ranges.append((lo, hi))
    ranges.reverse()
    return ranges


def consistency_proof(store: TreeStore, old_size: int, new_size: int | None = None) -> list[bytes]:
    """The proof that the tree of ``new_size`` leaves extends the tree of ``old_size`` leaves."""
    new_size = _checked_size(store, new_size)
    return [range_hash(store, lo, hi) for lo, hi in consistency_proof_ranges(old_size, new_size)]


def verify_consistency(
    old_size: int, new_size: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]
) -> bool:
    """Whether ``proof`` shows tree ``(new_size, new_root)`` is an append-only extension of
    ``(old_size, old_root)``; RFC 9162 §2.1.4.2 for 0 < old_size < new_size.

    Equal sizes need equal roots and an empty proof. From the empty tree every tree is an
    extension, but ``old_root`` must then be the empty-tree hash and the proof empty.
    """
    try:
        _check_hash(old_root, "the old root")
        _check_hash(new_root, "the new root")
        for position, element in enumerate(proof):
            _check_hash(element, f"proof element {position}")
    except ProofError:
        return False
    if not 0 <= old_size <= new_size:
        return False
    if old_size == new_size:
        return not proof and old_root == new_root
    if old_size == 0:
        return not proof and old_root == EMPTY_ROOT
    # 1. An empty path fails.
    if not proof:
        return False
    path = list(proof)
    # 2. A power-of-two old tree is itself a node of the new one; its root starts the path.
    if old_size & (old_size - 1) == 0:
        path.insert(0, old_root)
    # 3.
    fn, sn = old_size - 1, new_size - 1
    # 4.
    while fn & 1:
        fn >>= 1
        sn >>= 1
    # 5.
    fr = sr = path[0]
    # 6.
    for c in path[1:]:
        # a.
        if sn == 0:
            return False
        # b.
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        # c.
        fn >>= 1
        sn >>= 1
    # 7.
    return fr == old_root and sr == new_root and sn == 0


# --- streaming -------------------------------------------------------------------------------


class CompactRange:
    """The roots of a log's complete left subtrees, enough to append and to compute the head.

    ``verify_publications`` rebuilds the whole log from scratch by streaming leaf hashes
    through this in O(log n) memory, and compares :meth:`root` with every signed checkpoint
    when :attr:`size` reaches the checkpoint's tree size.
    """

    def __init__(self) -> None:
        self.size = 0
        # (level, hash) pairs, highest level first: the binary decomposition of ``size``.
        self._peaks: list[tuple[int, bytes]] = []

    def append(self, hashed: bytes) -> None:
        if len(hashed) != HASH_SIZE:
            raise ValueError("a leaf hash is 32 bytes")
        level, current = 0, hashed
        while self._peaks and self._peaks[-1][0] == level:
            _, left = self._peaks.pop()
            current = node_hash(left, current)
            level += 1
        self._peaks.append((level, current))
        self.size += 1

    def root(self) -> bytes:
        if not self._peaks:
            return EMPTY_ROOT
        # The rightmost, smallest peak is the deepest right child; fold leftward.
        current = self._peaks[-1][1]
        for _, left in reversed(self._peaks[:-1]):
            current = node_hash(left, current)
        return current


# --- leaf formats ----------------------------------------------------------------------------


def encode_salt(salt: bytes) -> str:
    """Base64url (RFC 4648 §5) without ``=`` padding, the form the salt takes inside a leaf."""
    return base64.urlsafe_b64encode(salt).rstrip(b"=").decode("ascii")


def decode_salt(text: str) -> bytes:
    """Inverse of :func:`encode_salt`; rejects padding and non-canonical spellings."""
    try:
        salt = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise ValueError("salt is not base64url") from exc
    if encode_salt(salt) != text:
        raise ValueError("salt is not in canonical unpadded base64url")
    return salt


def _check_salt(salt: bytes) -> None:
    if len(salt) < 16:
        raise ValueError("a salt must be at least 16 random bytes (SALT_SIZE = 32 recommended)")


def publication_leaf(entry: Mapping[str, Any], salt: bytes) -> bytes:
    """The leaf data of a publication: the canonical JSON of the published, masked entry and its salt.

    Exactly ``canonicalize({"entry": entry, "salt": encode_salt(salt)})``: RFC 8785 JSON, UTF-8,
    an object with the two members ``"entry"`` (the entry as published on the portal) and
    ``"salt"`` (the per-entry random salt in unpadded base64url). For example, with the
    16-byte salt 00 01 .. 0f::

        {"entry":{"id":"2025-001","name":"某某公司"},"salt":"AAECAwQFBgcICQoLDA0ODw"}

    The log stores ``leaf_hash(publication_leaf(...))``. While the entry is live the portal
    publishes the entry and the salt, so anyone can rebuild this leaf and check its inclusion.
    After a withdrawal the salt is no longer published: the leaf hash stays in the log, but
    the random salt makes it impossible to confirm a guess of the withdrawn data.
    """
    _check_salt(salt)
    return canonicalize({"entry": dict(entry), "salt": encode_salt(salt)})


def correction_leaf(
    entry: Mapping[str, Any], salt: bytes, *, corrects_index: int, corrects_leaf_hash: bytes
) -> bytes:
    """The leaf data of a correction: a new publication that names the leaf it replaces.

    ``canonicalize({"corrects": {"index": i, "leaf_hash": "<64 hex>"}, "entry": entry,
    "salt": encode_salt(salt)})``. The corrected entry gets a fresh salt; the earlier leaf is
    left in place (the log is append-only) and is now marked as corrected by this one.
    """
    _check_salt(salt)
    _check_leaf_reference(corrects_index, corrects_leaf_hash)
    return canonicalize(
        {
            "corrects": {"index": corrects_index, "leaf_hash": corrects_leaf_hash.hex()},
            "entry": dict(entry),
            "salt": encode_salt(salt),
        }
    )


def withdrawal_leaf(
    *, withdrawn_index: int, withdrawn_leaf_hash: bytes, reason: str, withdrawn_at: str
) -> bytes:
    """The leaf data of a withdrawal: which leaf is withdrawn, why and when, but not its data.

    ``canonicalize({"withdrawal": {"index": i, "leaf_hash": "<64 hex>", "reason": reason,
    "withdrawn_at": withdrawn_at}})``. ``withdrawn_at`` is the caller's ISO 8601 timestamp and
    ``reason`` must itself be publishable (already masked). It has no ``"entry"`` or
    ``"salt"`` member, so it can never be mistaken for a publication.
    """
    _check_leaf_reference(withdrawn_index, withdrawn_leaf_hash)
    if not reason:
        raise ValueError("a withdrawal needs a reason")
    return canonicalize(
        {
            "withdrawal": {
                "index": withdrawn_index,
                "leaf_hash": withdrawn_leaf_hash.hex(),
                "reason": reason,
                "withdrawn_at": withdrawn_at,
            }
        }
    )


def record_leaf(kind: str, body: Mapping[str, Any]) -> bytes:
    """The leaf data of a record that is not a publicity entry (e.g. a draw's commitment or result).

    ``canonicalize({"record": {"body": body, "kind": kind}})``: ``kind`` names the record type
    (``"inspections.draw_commitment"``), ``body`` is its public JSON content, kept in full so that
    anyone can rebuild the leaf. It has no ``"entry"``, ``"salt"`` or ``"withdrawal"`` member, so
    it can never be mistaken for a publication or a withdrawal.
    """
    if not kind or not isinstance(kind, str):
        raise ValueError("a record needs a kind")
    return canonicalize({"record": {"body": dict(body), "kind": kind}})


def _check_leaf_reference(index: int, hashed: bytes) -> None:
    if index < 0:
        raise ValueError("a leaf index is not negative")
    if len(hashed) != HASH_SIZE:
        raise ValueError("a leaf hash is 32 bytes")


@dataclass(frozen=True)
class LeafRecord:
    """A parsed leaf: ``kind`` is ``publication``, ``correction``, ``withdrawal`` or ``record``.

    ``target_index``/``target_leaf_hash`` name the corrected or withdrawn leaf; a record has its
    ``record_kind`` and ``body``.
    """

    kind: str
    entry: dict[str, Any] | None = None
    salt: bytes | None = None
    target_index: int | None = None
    target_leaf_hash: bytes | None = None
    reason: str | None = None
    withdrawn_at: str | None = None
    record_kind: str | None = None
    body: dict[str, Any] | None = None


def _reference(value: Any, extra_keys: frozenset[str] = frozenset()) -> tuple[int, bytes]:
    if not isinstance(value, dict) or set(value) != {"index", "leaf_hash"} | extra_keys:
        raise ValueError("malformed leaf reference")
    index, hex_hash = value["index"], value["leaf_hash"]
    if not isinstance(index, int) or isinstance(index, bool) or index < 0 or not isinstance(hex_hash, str):
        raise ValueError("malformed leaf reference")
    hashed = bytes.fromhex(hex_hash)
    if len(hashed) != HASH_SIZE or hashed.hex() != hex_hash:
        raise ValueError("malformed leaf hash")
    return index, hashed


def parse_leaf(data: bytes) -> LeafRecord:
    """Read leaf data back, insisting it is in canonical form (re-encoding gives the same bytes)."""
    value = loads_strict(data)
    if not isinstance(value, dict) or canonicalize(value) != data:
        raise ValueError("leaf data is not canonical JSON of an object")
    keys = set(value)
    if keys == {"entry", "salt"} or keys == {"corrects", "entry", "salt"}:
        if not isinstance(value["entry"], dict) or not isinstance(value["salt"], str):
            raise ValueError("malformed publication leaf")
        salt = decode_salt(value["salt"])
        if "corrects" not in value:
            return LeafRecord(kind="publication", entry=value["entry"], salt=salt)
        index, hashed = _reference(value["corrects"])
        return LeafRecord(
            kind="correction",
            entry=value["entry"],
            salt=salt,
            target_index=index,
            target_leaf_hash=hashed,
        )
    if keys == {"withdrawal"}:
        body = value["withdrawal"]
        index, hashed = _reference(body, frozenset({"reason", "withdrawn_at"}))
        if not isinstance(body["reason"], str) or not isinstance(body["withdrawn_at"], str):
            raise ValueError("malformed withdrawal leaf")
        return LeafRecord(
            kind="withdrawal",
            target_index=index,
            target_leaf_hash=hashed,
            reason=body["reason"],
            withdrawn_at=body["withdrawn_at"],
        )
    if keys == {"record"}:
        record = value["record"]
        if (
            not isinstance(record, dict)
            or set(record) != {"body", "kind"}
            or not isinstance(record["kind"], str)
            or not record["kind"]
            or not isinstance(record["body"], dict)
        ):
            raise ValueError("malformed record leaf")
        return LeafRecord(kind="record", record_kind=record["kind"], body=record["body"])
    raise ValueError("unknown leaf format")


def verify_publication_leaf(entry: Mapping[str, Any], salt: bytes, expected_leaf_hash: bytes) -> bool:
    """Whether a published entry and its salt hash to the leaf recorded in the log."""
    return leaf_hash(publication_leaf(entry, salt)) == expected_leaf_hash
