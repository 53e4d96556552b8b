"""C2SP signed notes and checkpoints, against the vectors of Go's golang.org/x/mod/sumdb/note.

The PeterNeumann/EnochRoot keys, text and signature lines are copied from
github.com/golang/mod, sumdb/note/note_test.go (TestNewVerifier, TestSign, TestOpen). Ed25519
is deterministic (RFC 8032), so signing the same text with the same key must reproduce Go's
note byte for byte.
"""

from __future__ import annotations

import base64
import os
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sanxiang.lib.merkle import InMemoryTreeStore, root_hash
from sanxiang.lib.signednote import (
    Checkpoint,
    Ed25519Signer,
    InvalidSignatureError,
    KeyFileError,
    MalformedNoteError,
    NoteError,
    UnverifiedNoteError,
    checkpoint_body,
    generate_signer_key,
    key_id,
    open_note,
    parse_checkpoint,
    parse_signer_key,
    parse_verifier_key,
    read_signer_key,
    sign_note,
    sign_note_with,
    signer_key_string,
    verifier_key_string,
    verify_note,
    write_signer_key,
)

PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"
TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
PETER_SIG = "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
ENOCH_SIG = "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n"


# --- the Go reference vectors ----------------------------------------------------------------


def test_it_signs_exactly_like_go_sumdb_note() -> None:
    signer = parse_signer_key(PETER_SKEY)
    assert sign_note_with(TEXT, [signer]) == TEXT + "\n" + PETER_SIG
    assert sign_note(TEXT, "PeterNeumann", signer.private_key) == TEXT + "\n" + PETER_SIG


def test_it_derives_go_key_strings_and_key_ids() -> None:
    signer = parse_signer_key(PETER_SKEY)
    assert signer.key_id == 0xC74F20A3
    assert signer_key_string("PeterNeumann", signer.private_key) == PETER_SKEY
    assert verifier_key_string("PeterNeumann", signer.private_key.public_key()) == PETER_VKEY
    # The key ID is SHA-256(name || "\n" || 0x01 || public key)[:4].
    encoded = base64.b64decode(PETER_VKEY.split("+", 2)[2])
    assert encoded[0] == 0x01 and len(encoded) == 33
    assert key_id("PeterNeumann", encoded) == 0xC74F20A3
    assert parse_verifier_key(ENOCH_VKEY).key_id == 0xAF0CFE78


def test_it_opens_go_notes_with_one_known_and_one_unknown_key() -> None:
    note = TEXT + "\n" + PETER_SIG + ENOCH_SIG
    opened = open_note(note, [PETER_VKEY])
    assert opened.text == TEXT
    assert [s.name for s in opened.verified] == ["PeterNeumann"]
    assert [s.name for s in opened.unverified] == ["EnochRoot"]
    both = open_note(note, [PETER_VKEY, ENOCH_VKEY])
    assert [s.name for s in both.verified] == ["PeterNeumann", "EnochRoot"]
    assert both.unverified == ()
    assert verify_note(note.encode("utf-8"), [parse_verifier_key(ENOCH_VKEY)]) == TEXT


def test_it_rejects_a_note_without_a_known_signature() -> None:
    with pytest.raises(UnverifiedNoteError):
        verify_note(TEXT + "\n" + PETER_SIG + ENOCH_SIG, [])
    _, other = generate_signer_key("PeterNeumann")  # same name, different key and key ID
    with pytest.raises(UnverifiedNoteError):
        verify_note(TEXT + "\n" + PETER_SIG, [other])


def test_it_rejects_an_invalid_signature_from_a_known_key() -> None:
    corrupted = PETER_SIG[:60] + "ABCD" + PETER_SIG[60:]
    with pytest.raises(InvalidSignatureError):
        verify_note(TEXT + "\n" + corrupted, [PETER_VKEY])
    with pytest.raises(InvalidSignatureError):
        verify_note(TEXT.replace("cryptography", "cryptographY") + "\n" + PETER_SIG, [PETER_VKEY])
    # Even when another known key's signature is fine.
    with pytest.raises(InvalidSignatureError):
        verify_note(
            TEXT + "\n" + PETER_SIG + ENOCH_SIG[:60] + "ABCD" + ENOCH_SIG[60:], [PETER_VKEY, ENOCH_VKEY]
        )


def test_it_ignores_repeated_signatures_but_not_ambiguous_keys() -> None:
    opened = open_note(TEXT + "\n" + PETER_SIG + PETER_SIG + ENOCH_SIG + ENOCH_SIG, [PETER_VKEY])
    assert len(opened.verified) == 1 and len(opened.unverified) == 1
    with pytest.raises(NoteError, match="ambiguous key EnochRoot\\+af0cfe78"):
        verify_note(TEXT + "\n" + ENOCH_SIG, [ENOCH_VKEY, PETER_VKEY, ENOCH_VKEY])
    assert verify_note(TEXT + "\n" + PETER_SIG, [ENOCH_VKEY, PETER_VKEY, ENOCH_VKEY]) == TEXT


@pytest.mark.parametrize(
    "note",
    [
        TEXT,
        TEXT + "\n",
        TEXT + "\n" + PETER_SIG[:-1],
        "\x01" + TEXT + "\n" + PETER_SIG,
        TEXT
        + "\n"
        + "— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
        TEXT + "\n" + PETER_SIG + "Unexpected line.\n",
        TEXT + "\n" + PETER_SIG * 101,
        TEXT + "\n" + "- PeterNeumann " + PETER_SIG.split(" ")[2],
        TEXT + "\n" + "— PeterNeumann AAAA\n",
    ],
)
def test_it_rejects_malformed_notes(note: str) -> None:
    with pytest.raises(MalformedNoteError):
        verify_note(note, [PETER_VKEY])


def test_it_rejects_invalid_utf8_bytes() -> None:
    with pytest.raises(MalformedNoteError):
        verify_note(b"\xff" + (TEXT + "\n" + PETER_SIG).encode(), [PETER_VKEY])


def test_every_mangling_of_the_go_verifier_key_is_rejected() -> None:
    assert parse_verifier_key(PETER_VKEY).name == "PeterNeumann"
    accepted = []
    for i in range(len(PETER_VKEY) + 1):
        for j in range(i + 1, len(PETER_VKEY) + 1):
            if (i, j) != (0, len(PETER_VKEY)):
                try:
                    parse_verifier_key(PETER_VKEY[i:j])
                    accepted.append(PETER_VKEY[i:j])
                except (NoteError, ValueError):
                    pass
    for i in range(len(PETER_VKEY)):
        mangled = PETER_VKEY[:i] + chr(ord(PETER_VKEY[i]) + 1) + PETER_VKEY[i + 1 :]
        try:
            parse_verifier_key(mangled)
            accepted.append(mangled)
        except (NoteError, ValueError):
            pass
    assert accepted == []
    for bad in (
        "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==",  # wrong length
        "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  # unknown algorithm
    ):
        with pytest.raises(NoteError):
            parse_verifier_key(bad)


def test_every_mangling_of_the_go_signer_key_is_rejected() -> None:
    accepted = []
    for i in range(len(PETER_SKEY)):
        mangled = PETER_SKEY[:i] + chr(ord(PETER_SKEY[i]) + 1) + PETER_SKEY[i + 1 :]
        try:
            parse_signer_key(mangled)
            accepted.append(mangled)
        except (NoteError, ValueError):
            pass
    for end in range(len(PETER_SKEY)):
        try:
            parse_signer_key(PETER_SKEY[:end])
            accepted.append(PETER_SKEY[:end])
        except (NoteError, ValueError):
            pass
    assert accepted == []


# --- our own keys ----------------------------------------------------------------------------


def test_generated_keys_round_trip_and_sign_notes() -> None:
    skey, vkey = generate_signer_key("sanxiang.example.gov.cn/publicity")
    signer = parse_signer_key(skey)
    verifier = parse_verifier_key(vkey)
    assert (signer.name, signer.key_id) == (verifier.name, verifier.key_id)
    assert verifier.verify(b"message", signer.sign(b"message"))
    assert not verifier.verify(b"other message", signer.sign(b"message"))
    note = sign_note_with("hello\n", [signer])
    assert verify_note(note, [vkey]) == "hello\n"
    assert vkey.startswith("sanxiang.example.gov.cn/publicity+") and "PRIVATE" not in vkey


def test_key_names_follow_the_spec() -> None:
    private_key = Ed25519PrivateKey.generate()
    for bad in ("", "a b", "a+b", "a\u3000b", "a\nb"):
        with pytest.raises(NoteError):
            Ed25519Signer(bad, private_key)
        with pytest.raises(NoteError):
            verifier_key_string(bad, private_key.public_key())
    assert verifier_key_string("税务局/公示", private_key.public_key()).startswith("税务局/公示+")


def test_a_note_may_carry_a_second_signature_line_from_another_signer() -> None:
    log_key = Ed25519Signer("log.example", Ed25519PrivateKey.generate())
    witness = Ed25519Signer("witness.example", Ed25519PrivateKey.generate())
    note = sign_note_with("body\n", [log_key, witness])
    assert note.count("\n— ") == 2
    assert verify_note(note, [witness.verifier()]) == "body\n"
    opened = open_note(note, [log_key.verifier(), witness.verifier()])
    assert [s.name for s in opened.verified] == ["log.example", "witness.example"]


def test_it_refuses_to_sign_text_without_final_newline_or_with_controls() -> None:
    private_key = Ed25519PrivateKey.generate()
    for bad in ("abc", "a\tb\n", "a\x00\n"):
        with pytest.raises(MalformedNoteError):
            sign_note(bad, "k", private_key)


# --- key files -------------------------------------------------------------------------------


def test_it_writes_the_key_file_atomically_with_mode_0600(tmp_path: Path) -> None:
    path = tmp_path / "publicity.key"
    write_signer_key(path, PETER_SKEY)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text() == PETER_SKEY + "\n"
    assert read_signer_key(path).key_id == 0xC74F20A3
    assert [p.name for p in tmp_path.iterdir()] == ["publicity.key"]  # no temporary left behind


def test_it_keeps_an_existing_key_unless_told_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "publicity.key"
    write_signer_key(path, PETER_SKEY)
    skey, _ = generate_signer_key("other")
    with pytest.raises(FileExistsError):
        write_signer_key(path, skey)
    assert read_signer_key(path).name == "PeterNeumann"
    write_signer_key(path, skey, overwrite=True)
    assert read_signer_key(path).name == "other"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["publicity.key"]


def test_it_refuses_to_write_garbage_as_a_key(tmp_path: Path) -> None:
    with pytest.raises(NoteError):
        write_signer_key(tmp_path / "k", PETER_VKEY)
    assert not (tmp_path / "k").exists()


def test_it_refuses_key_files_readable_by_others_or_malformed(tmp_path: Path) -> None:
    path = tmp_path / "publicity.key"
    write_signer_key(path, PETER_SKEY)
    os.chmod(path, 0o644)
    with pytest.raises(KeyFileError, match="chmod 600"):
        read_signer_key(path)
    os.chmod(path, 0o600)
    path.write_text("not a key\n")
    with pytest.raises(KeyFileError):
        read_signer_key(path)
    with pytest.raises(KeyFileError):
        read_signer_key(tmp_path / "missing.key")


# --- checkpoints -----------------------------------------------------------------------------


def test_a_checkpoint_body_has_origin_size_and_base64_root() -> None:
    root = bytes.fromhex("0ac5186a91863e8e1d90c808014aa89bf5da8e3ee1d9f07630f0378f68f1ab62")
    body = checkpoint_body("example.com/behind-the-sofa", 20852163, root)
    # The body of the example in c2sp.org/tlog-checkpoint.
    assert body == "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
    assert parse_checkpoint(body) == Checkpoint("example.com/behind-the-sofa", 20852163, root)
    extended = checkpoint_body("o", 0, root, ["ext one", "ext two"])
    assert parse_checkpoint(extended).extensions == ("ext one", "ext two")


def test_a_signed_checkpoint_of_the_log_round_trips() -> None:
    store = InMemoryTreeStore()
    for i in range(1042):
        store.append(f"publication {i}".encode())
    signer = Ed25519Signer("sanxiang.example.gov.cn/publicity", Ed25519PrivateKey.generate())
    note = sign_note(checkpoint_body(signer.name, 1042, root_hash(store)), signer.name, signer.private_key)
    checkpoint = parse_checkpoint(verify_note(note, [signer.verifier()]))
    assert (checkpoint.origin, checkpoint.size, checkpoint.root_hash) == (signer.name, 1042, root_hash(store))
    forged = note.replace("\n1042\n", "\n1041\n")
    with pytest.raises(InvalidSignatureError):
        verify_note(forged, [signer.verifier()])


@pytest.mark.parametrize(
    "body",
    [
        "origin\n5\n",
        "origin\n05\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n",
        "origin\n-5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n",
        "origin\n５\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n",
        "origin\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n",
        "origin\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jx\n",
        "origin\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n",
        "origin\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=",
        "\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n",
    ],
)
def test_it_rejects_malformed_checkpoints(body: str) -> None:
    with pytest.raises(MalformedNoteError):
        parse_checkpoint(body)


def test_it_refuses_to_build_malformed_checkpoints() -> None:
    root = bytes(32)
    for origin, size, digest, extensions in (
        ("", 1, root, ()),
        ("a\nb", 1, root, ()),
        ("o", -1, root, ()),
        ("o", 1, root[:31], ()),
        ("o", 1, root, ("",)),
    ):
        with pytest.raises(MalformedNoteError):
            checkpoint_body(origin, size, digest, extensions)
