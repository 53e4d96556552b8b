"""RFC 9162 Merkle tree: the Certificate Transparency reference vectors, exhaustive proofs, leaves.

The 8-leaf vectors (leaf data, roots for sizes 0..8, inclusion and consistency proofs) are the
ones every RFC 6962 implementation tests against; they are copied from
github.com/transparency-dev/merkle, proof/verify_test.go (formerly google/trillian
merkle/log_verifier_test.go). The corruption probes below follow the same file.
"""

from __future__ import annotations

import hashlib
import itertools

import pytest

from sanxiang.lib.merkle import (
    EMPTY_ROOT,
    SALT_SIZE,
    CompactRange,
    InMemoryTreeStore,
    ProofError,
    completed_subtrees,
    consistency_proof,
    consistency_proof_ranges,
    correction_leaf,
    decode_salt,
    encode_salt,
    inclusion_proof,
    inclusion_proof_ranges,
    is_complete_subtree,
    leaf_hash,
    node_hash,
    parse_leaf,
    publication_leaf,
    range_hash,
    root_from_inclusion_proof,
    root_hash,
    root_of,
    subtree_cover,
    verify_consistency,
    verify_inclusion,
    verify_publication_leaf,
    withdrawal_leaf,
)


def h(hex_text: str) -> bytes:
    return bytes.fromhex(hex_text)


LEAVES = [
    b"",
    b"\x00",
    b"\x10",
    b"\x20\x21",
    b"\x30\x31",
    b"\x40\x41\x42\x43",
    b"\x50\x51\x52\x53\x54\x55\x56\x57",
    b"\x60\x61\x62\x63\x64\x65\x66\x67\x68\x69\x6a\x6b\x6c\x6d\x6e\x6f",
]
# ROOTS[n] is the tree head of the first n leaves.
ROOTS = [
    h("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
    h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
    h("aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77"),
    h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
    h("4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4"),
    h("76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef"),
    h("ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c"),
    h("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"),
]
# (0-based leaf index, tree size, audit path). The Go file numbers leaves from 1.
INCLUSION_VECTORS = [
    (0, 1, []),
    (
        0,
        8,
        [
            h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
            h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
            h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
        ],
    ),
    (
        5,
        8,
        [
            h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
            h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
            h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
        ],
    ),
    (2, 3, [h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")]),
    (
        1,
        5,
        [
            h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
            h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
            h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
        ],
    ),
]
CONSISTENCY_VECTORS = [
    (1, 1, []),
    (
        1,
        8,
        [
            h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
            h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
            h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
        ],
    ),
    (
        6,
        8,
        [
            h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
            h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
            h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
        ],
    ),
    (
        2,
        5,
        [
            h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
            h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
        ],
    ),
    (
        6,
        7,
        [
            h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
            h("b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f"),
            h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
        ],
    ),
]
SOME_HASH = h("abacaba000000000000000000000000000000000000000000060061e00123456")


@pytest.fixture(scope="module")
def reference_store() -> InMemoryTreeStore:
    store = InMemoryTreeStore()
    for data in LEAVES:
        store.append(data)
    return store


class UncachedStore:
    """A store without a subtree cache, counting lookups: the slow path must give the same hashes."""

    def __init__(self, inner: InMemoryTreeStore, *, cache: bool = False) -> None:
        self.inner = inner
        self.cache = cache
        self.lookups = 0

    def size(self) -> int:
        return self.inner.size()

    def leaf_hash(self, index: int) -> bytes:
        self.lookups += 1
        return self.inner.leaf_hash(index)

    def subtree_hash(self, start: int, end: int) -> bytes | None:
        assert is_complete_subtree(start, end)
        if not self.cache:
            return None
        self.lookups += 1
        return self.inner.subtree_hash(start, end)


def numbered_store(n: int) -> InMemoryTreeStore:
    return InMemoryTreeStore(leaf_hash(f"entry-{i}".encode()) for i in range(n))


# --- hashing and roots -----------------------------------------------------------------------


def test_it_hashes_leaves_and_nodes_with_domain_prefixes() -> None:
    assert leaf_hash(b"") == hashlib.sha256(b"\x00").digest() == ROOTS[1]
    assert node_hash(b"L" * 32, b"R" * 32) == hashlib.sha256(b"\x01" + b"L" * 32 + b"R" * 32).digest()
    assert EMPTY_ROOT == hashlib.sha256(b"").digest() == ROOTS[0]


def test_it_matches_the_reference_roots_for_every_size(reference_store: InMemoryTreeStore) -> None:
    for size in range(len(LEAVES) + 1):
        assert root_hash(reference_store, size) == ROOTS[size]
        assert root_of([leaf_hash(d) for d in LEAVES[:size]]) == ROOTS[size]
        assert root_hash(UncachedStore(reference_store), size) == ROOTS[size]


def test_it_computes_the_root_incrementally_while_appending() -> None:
    store = InMemoryTreeStore()
    compact = CompactRange()
    assert root_hash(store) == compact.root() == ROOTS[0]
    for size, data in enumerate(LEAVES, start=1):
        assert store.append(data) == size - 1
        compact.append(leaf_hash(data))
        assert root_hash(store) == compact.root() == ROOTS[size]
        assert compact.size == size


def test_it_keeps_old_tree_heads_after_later_appends() -> None:
    store = numbered_store(37)
    heads = [root_hash(store, size) for size in range(38)]
    for i in range(37, 100):
        store.append(f"later-{i}".encode())
    assert [root_hash(store, size) for size in range(38)] == heads


def test_it_refuses_sizes_beyond_the_log(reference_store: InMemoryTreeStore) -> None:
    with pytest.raises(ValueError):
        root_hash(reference_store, 9)
    with pytest.raises(ValueError):
        inclusion_proof(reference_store, 8, 8)
    with pytest.raises(ValueError):
        consistency_proof(reference_store, 5, 4)


# --- reference proofs ------------------------------------------------------------------------


@pytest.mark.parametrize(("index", "size", "path"), INCLUSION_VECTORS)
def test_it_generates_the_reference_inclusion_proofs(
    reference_store: InMemoryTreeStore, index: int, size: int, path: list[bytes]
) -> None:
    assert inclusion_proof(reference_store, index, size) == path
    assert verify_inclusion(leaf_hash(LEAVES[index]), index, size, path, ROOTS[size])
    assert root_from_inclusion_proof(leaf_hash(LEAVES[index]), index, size, path) == ROOTS[size]


@pytest.mark.parametrize(("old", "new", "path"), CONSISTENCY_VECTORS)
def test_it_generates_the_reference_consistency_proofs(
    reference_store: InMemoryTreeStore, old: int, new: int, path: list[bytes]
) -> None:
    assert consistency_proof(reference_store, old, new) == path
    assert verify_consistency(old, new, ROOTS[old], ROOTS[new], path)


def inclusion_probes(index: int, size: int, leaf: bytes, path: list[bytes], root: bytes):
    yield "index - 1", (leaf, index - 1, size, path, root)
    yield "index + 1", (leaf, index + 1, size, path, root)
    yield "index ^ 2", (leaf, index ^ 2, size, path, root)
    yield "size * 2", (leaf, index, size * 2, path, root)
    yield "size // 2", (leaf, index, size // 2, path, root)
    yield "wrong leaf", (leaf_hash(b"WrongLeaf"), index, size, path, root)
    yield "empty root", (leaf, index, size, path, EMPTY_ROOT)
    yield "random root", (leaf, index, size, path, SOME_HASH)
    yield "trailing garbage", (leaf, index, size, [*path, b""], root)
    yield "trailing root", (leaf, index, size, [*path, root], root)
    yield "preceding garbage", (leaf, index, size, [b"", *path], root)
    yield "preceding root", (leaf, index, size, [root, *path], root)
    for position in range(len(path)):
        flipped = list(path)
        flipped[position] = bytes([flipped[position][0] ^ 8]) + flipped[position][1:]
        yield f"flipped bit in path[{position}]", (leaf, index, size, flipped, root)
    if path:
        yield "removed element", (leaf, index, size, path[:-1], root)
    if len(path) > 1:
        yield "inserted element", (leaf, index, size, [path[0], SOME_HASH, *path[1:]], root)


@pytest.mark.parametrize(("index", "size", "path"), INCLUSION_VECTORS[1:])
def test_it_rejects_every_corruption_of_a_reference_inclusion_proof(
    index: int, size: int, path: list[bytes]
) -> None:
    wrongly_accepted = [
        name
        for name, args in inclusion_probes(index, size, leaf_hash(LEAVES[index]), path, ROOTS[size])
        if verify_inclusion(*args)
    ]
    assert wrongly_accepted == []


def consistency_probes(old: int, new: int, old_root: bytes, new_root: bytes, path: list[bytes]):
    yield "old - 1", (old - 1, new, old_root, new_root, path)
    yield "old + 1", (old + 1, new, old_root, new_root, path)
    yield "old ^ 2", (old ^ 2, new, old_root, new_root, path)
    yield "new * 2", (old, new * 2, old_root, new_root, path)
    yield "new // 2", (old, new // 2, old_root, new_root, path)
    yield "wrong old root", (old, new, SOME_HASH, new_root, path)
    yield "wrong new root", (old, new, old_root, SOME_HASH, path)
    yield "swapped roots", (old, new, new_root, old_root, path)
    yield "empty proof", (old, new, old_root, new_root, [])
    yield "trailing garbage", (old, new, old_root, new_root, [*path, b""])
    yield "trailing old root", (old, new, old_root, new_root, [*path, old_root])
    yield "trailing new root", (old, new, old_root, new_root, [*path, new_root])
    yield "preceding garbage", (old, new, old_root, new_root, [b"", *path])
    yield "preceding old root", (old, new, old_root, new_root, [old_root, *path])
    yield "preceding new root", (old, new, old_root, new_root, [new_root, *path])
    yield "preceding path[0]", (old, new, old_root, new_root, [path[0], *path])
    yield "truncated", (old, new, old_root, new_root, path[:-1])
    for position in range(len(path)):
        flipped = list(path)
        flipped[position] = bytes([flipped[position][0] ^ 16]) + flipped[position][1:]
        yield f"flipped bit in path[{position}]", (old, new, old_root, new_root, flipped)


@pytest.mark.parametrize(("old", "new", "path"), CONSISTENCY_VECTORS[1:])
def test_it_rejects_every_corruption_of_a_reference_consistency_proof(
    old: int, new: int, path: list[bytes]
) -> None:
    wrongly_accepted = [
        name
        for name, args in consistency_probes(old, new, ROOTS[old], ROOTS[new], path)
        if verify_consistency(*args)
    ]
    assert wrongly_accepted == []


def test_it_handles_the_trivial_consistency_cases() -> None:
    assert verify_consistency(0, 0, EMPTY_ROOT, EMPTY_ROOT, [])
    assert verify_consistency(0, 5, EMPTY_ROOT, ROOTS[5], [])
    assert verify_consistency(3, 3, ROOTS[3], ROOTS[3], [])
    assert not verify_consistency(3, 3, ROOTS[3], ROOTS[4], [])
    assert not verify_consistency(3, 3, ROOTS[3], ROOTS[3], [EMPTY_ROOT])
    assert not verify_consistency(0, 5, SOME_HASH, ROOTS[5], [])
    assert not verify_consistency(0, 1, EMPTY_ROOT, ROOTS[1], [EMPTY_ROOT])
    assert not verify_consistency(2, 1, ROOTS[2], ROOTS[1], [])
    assert not verify_consistency(1, 2, ROOTS[1], ROOTS[2], [])
    assert consistency_proof_ranges(0, 9) == consistency_proof_ranges(9, 9) == []


def test_it_refuses_malformed_inclusion_parameters() -> None:
    for index, size in ((0, 0), (1, 0), (2, 1), (-1, 4)):
        assert not verify_inclusion(SOME_HASH, index, size, [], EMPTY_ROOT)
        with pytest.raises(ProofError):
            root_from_inclusion_proof(SOME_HASH, index, size, [])
    single = leaf_hash(b"data")
    assert verify_inclusion(single, 0, 1, [], single)
    assert not verify_inclusion(b"", 0, 1, [], single)
    assert not verify_inclusion(single, 0, 1, [], b"")


# --- exhaustive properties -------------------------------------------------------------------

MAX_N = 70


@pytest.fixture(scope="module")
def store70() -> InMemoryTreeStore:
    return numbered_store(MAX_N)


def test_every_inclusion_proof_verifies_up_to_70_leaves(store70: InMemoryTreeStore) -> None:
    hashes = [store70.leaf_hash(i) for i in range(MAX_N)]
    for size in range(1, MAX_N + 1):
        root = root_of(hashes[:size])  # the definition, independent of the store
        assert root_hash(store70, size) == root
        for index in range(size):
            path = inclusion_proof(store70, index, size)
            assert len(path) == len(inclusion_proof_ranges(index, size))
            assert verify_inclusion(hashes[index], index, size, path, root), (index, size)
            # A different leaf, position or size never verifies with the same path.
            assert not verify_inclusion(hashes[index - 1] if size > 1 else SOME_HASH, index, size, path, root)
            if size > 1:
                assert not verify_inclusion(hashes[index], (index + 1) % size, size, path, root)
            if path:
                tampered = [*path[:-1], bytes([path[-1][0] ^ 1]) + path[-1][1:]]
                assert not verify_inclusion(hashes[index], index, size, tampered, root)
                assert not verify_inclusion(hashes[index], index, size, path[:-1], root)
            assert not verify_inclusion(hashes[index], index, size, [*path, SOME_HASH], root)


def test_every_consistency_proof_verifies_up_to_70_leaves(store70: InMemoryTreeStore) -> None:
    roots = [root_hash(store70, size) for size in range(MAX_N + 1)]
    for old, new in itertools.combinations_with_replacement(range(MAX_N + 1), 2):
        path = consistency_proof(store70, old, new)
        assert verify_consistency(old, new, roots[old], roots[new], path), (old, new)
        if 0 < old < new:
            assert path
            for position in range(len(path)):
                tampered = list(path)
                tampered[position] = bytes([tampered[position][0] ^ 1]) + tampered[position][1:]
                assert not verify_consistency(old, new, roots[old], roots[new], tampered)
            assert not verify_consistency(old, new, roots[old], roots[new], path[:-1])
            assert not verify_consistency(old, new, roots[old], roots[new], [*path, SOME_HASH])
            # The same proof does not vouch for a different old head or a different new head.
            assert not verify_consistency(old, new, roots[old - 1], roots[new], path)
            assert not verify_consistency(old, new, roots[old], roots[new - 1], path)


def test_a_changed_leaf_breaks_the_root_and_every_proof_that_covers_it() -> None:
    original = numbered_store(21)
    root = root_hash(original)
    forged_hashes = [original.leaf_hash(i) for i in range(21)]
    forged_hashes[13] = leaf_hash(b"entry-13 (altered)")
    forged = InMemoryTreeStore(forged_hashes)
    assert root_hash(forged) != root
    assert not verify_inclusion(forged_hashes[13], 13, 21, inclusion_proof(original, 13), root)
    assert not verify_inclusion(forged_hashes[13], 13, 21, inclusion_proof(forged, 13), root)
    for old in range(1, 21):
        proof = consistency_proof(forged, old)
        # A signed head of 14 or more leaves covers leaf 13, so the rewrite cannot be proven
        # consistent with it; heads of 13 leaves or fewer never contained it.
        assert verify_consistency(old, 21, root_hash(original, old), root_hash(forged), proof) is (old <= 13)


def test_the_compact_range_matches_the_definition_for_every_size() -> None:
    compact = CompactRange()
    hashes: list[bytes] = []
    for i in range(MAX_N):
        assert compact.root() == root_of(hashes)
        hashes.append(leaf_hash(i.to_bytes(2, "big")))
        compact.append(hashes[-1])
    assert compact.root() == root_of(hashes)


def test_an_append_completes_one_subtree_per_trailing_one_bit() -> None:
    store = numbered_store(11)  # 11 = 0b1011: the twelfth leaf completes [11, 12), [10, 12) and [8, 12)
    new = leaf_hash(b"twelfth")
    subtrees = completed_subtrees(
        11, new, lambda level, index: store.subtree_hash(index << level, (index + 1) << level)
    )
    assert [(s.level, s.start, s.end) for s in subtrees] == [(0, 11, 12), (1, 10, 12), (2, 8, 12)]
    assert subtrees[-1].hash == root_of([store.leaf_hash(i) for i in range(8, 11)] + [new])

    def no_lookup(level: int, index: int) -> bytes:
        raise AssertionError("an append after an even size needs no older subtree")

    assert [(s.level, s.index) for s in completed_subtrees(12, new, no_lookup)] == [(0, 12)]


def test_uncached_and_cached_stores_agree(store70: InMemoryTreeStore) -> None:
    slow = UncachedStore(store70)
    for size in (1, 2, 3, 33, 64, 70):
        assert root_hash(slow, size) == root_hash(store70, size)
        assert inclusion_proof(slow, size // 2, size) == inclusion_proof(store70, size // 2, size)
        assert consistency_proof(slow, size // 3, size) == consistency_proof(store70, size // 3, size)


def test_a_root_and_proofs_need_only_logarithmically_many_lookups() -> None:
    n = 100_003
    counted = UncachedStore(numbered_store(n), cache=True)
    limit = 2 * n.bit_length()
    root_hash(counted)
    assert counted.lookups <= n.bit_length()
    for index in (0, 1, n // 2, n - 2, n - 1):
        counted.lookups = 0
        inclusion_proof(counted, index)
        assert counted.lookups <= limit
    for old in (1, 777, 65_536, n - 1):
        counted.lookups = 0
        consistency_proof(counted, old)
        assert counted.lookups <= limit


def test_the_subtree_cover_is_what_range_hash_reads(store70: InMemoryTreeStore) -> None:
    for lo, hi in [*inclusion_proof_ranges(9, 70), *consistency_proof_ranges(23, 70), (0, 70)]:
        cover = subtree_cover(lo, hi)
        assert all(is_complete_subtree(a, b) for a, b in cover)
        assert cover[0][0] == lo and cover[-1][1] == hi
        assert all(a[1] == b[0] for a, b in itertools.pairwise(cover))
        assert range_hash(store70, lo, hi) == root_of([store70.leaf_hash(i) for i in range(lo, hi)])


# --- leaf formats ----------------------------------------------------------------------------

SALT = bytes(range(16))


def test_a_publication_leaf_is_the_canonical_json_of_entry_and_salt() -> None:
    entry = {"name": "某某公司", "id": "2025-001"}
    data = publication_leaf(entry, SALT)
    assert data == '{"entry":{"id":"2025-001","name":"某某公司"},"salt":"AAECAwQFBgcICQoLDA0ODw"}'.encode()
    assert verify_publication_leaf(entry, SALT, leaf_hash(data))
    assert not verify_publication_leaf({**entry, "name": "某某有限公司"}, SALT, leaf_hash(data))
    assert not verify_publication_leaf(entry, bytes(16), leaf_hash(data))
    record = parse_leaf(data)
    assert (record.kind, record.entry, record.salt) == ("publication", entry, SALT)


def test_salts_use_unpadded_base64url_and_must_be_long_enough() -> None:
    # Standard base64 of fb ff bf is "+/+/" and of fb ff "+/8="; base64url swaps "+/" for "-_".
    assert encode_salt(b"\xfb\xff\xbf") == "-_-_"
    assert encode_salt(b"\xfb\xff") == "-_8"
    salt = bytes([0xFB, 0xFF]) * SALT_SIZE
    assert decode_salt(encode_salt(salt)) == salt
    for bad in ("AAECAwQFBgcICQoLDA0ODw==", "AAECAwQFBgcICQoLDA0ODx", "a+b/"):
        with pytest.raises(ValueError):
            decode_salt(bad)
    with pytest.raises(ValueError):
        publication_leaf({"id": 1}, bytes(15))


def test_a_correction_leaf_names_the_leaf_it_replaces() -> None:
    old = leaf_hash(publication_leaf({"id": "1", "amount": "5000"}, SALT))
    data = correction_leaf(
        {"id": "1", "amount": "500"}, bytes(range(16, 32)), corrects_index=4, corrects_leaf_hash=old
    )
    record = parse_leaf(data)
    assert record.kind == "correction"
    assert (record.target_index, record.target_leaf_hash) == (4, old)
    assert record.entry == {"id": "1", "amount": "500"}
    assert data.startswith(b'{"corrects":{"index":4,"leaf_hash":"' + old.hex().encode() + b'"},"entry":')


def test_a_withdrawal_leaf_carries_the_leaf_hash_and_reason_but_not_the_data() -> None:
    entry = {"name": "张三", "decision": "罚款2000元"}
    withdrawn = leaf_hash(publication_leaf(entry, SALT))
    data = withdrawal_leaf(
        withdrawn_index=7,
        withdrawn_leaf_hash=withdrawn,
        reason="行政复议撤销",
        withdrawn_at="2025-03-01T08:00:00+08:00",
    )
    assert (
        data
        == (
            '{"withdrawal":{"index":7,"leaf_hash":"'
            + withdrawn.hex()
            + '","reason":"行政复议撤销","withdrawn_at":"2025-03-01T08:00:00+08:00"}}'
        ).encode()
    )
    assert "张三".encode() not in data and encode_salt(SALT).encode() not in data
    record = parse_leaf(data)
    assert (record.kind, record.target_index, record.target_leaf_hash) == ("withdrawal", 7, withdrawn)
    assert (record.entry, record.salt, record.reason) == (None, None, "行政复议撤销")
    with pytest.raises(ValueError):
        withdrawal_leaf(
            withdrawn_index=7, withdrawn_leaf_hash=withdrawn, reason="", withdrawn_at="2025-03-01"
        )


def test_parse_leaf_rejects_non_canonical_and_unknown_leaves() -> None:
    canonical = publication_leaf({"a": 1}, SALT)
    for bad in (
        canonical.replace(b":", b": "),  # whitespace
        b'{"salt":"AAECAwQFBgcICQoLDA0ODw","entry":{"a":1}}',  # member order
        b'{"entry":{"a":1},"salt":"AAECAwQFBgcICQoLDA0ODw","x":1}',
        b'{"withdrawal":{"index":-1,"leaf_hash":"' + b"00" * 32 + b'","reason":"r","withdrawn_at":"t"}}',
        b'{"withdrawal":{"index":1,"leaf_hash":"' + b"00" * 31 + b'","reason":"r","withdrawn_at":"t"}}',
        b'{"withdrawal":{"index":1,"leaf_hash":"' + b"AA" * 32 + b'","reason":"r","withdrawn_at":"t"}}',
        b"[]",
    ):
        with pytest.raises(ValueError):
            parse_leaf(bad)
