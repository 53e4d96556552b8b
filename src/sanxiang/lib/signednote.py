"""C2SP signed notes and tlog checkpoints with Ed25519 signatures (pure, no Django).

The portal publishes the publication log's tree head as a checkpoint
(https://c2sp.org/tlog-checkpoint; this is the spec's own example)::

    example.com/behind-the-sofa
    20852163
    CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=

    — example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=

and signs it as a signed note (https://c2sp.org/signed-note): the text, a blank line and one
line per signature, ``"— " + key name + " " + base64(key ID (4 bytes, big-endian) ||
signature)``. The key ID of an Ed25519 key is ``SHA-256(name || "\\n" || 0x01 || public
key)[:4]``. Keys are written the way Go's ``golang.org/x/mod/sumdb/note`` writes them, so Go
tools (and witnesses) can use them unchanged:

* verifier key: ``<name>+<key ID as 8 hex digits>+<base64(0x01 || 32-byte public key)>``;
* signer key: ``PRIVATE+KEY+<name>+<key ID>+<base64(0x01 || 32-byte Ed25519 seed)>``.

The private key lives in a file outside the database (:func:`write_signer_key`,
:func:`read_signer_key`); its path comes from the caller. A further signature line (an SM2
signature under algorithm byte 0xff, for example) is added by passing another object that
implements :class:`NoteSigner` to :func:`sign_note_with`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

__all__ = [
    "ALG_ED25519",
    "MAX_SIGNATURES",
    "Checkpoint",
    "Ed25519Signer",
    "Ed25519Verifier",
    "InvalidSignatureError",
    "KeyFileError",
    "MalformedNoteError",
    "NoteError",
    "NoteSignature",
    "NoteSigner",
    "OpenedNote",
    "UnverifiedNoteError",
    "checkpoint_body",
    "generate_signer_key",
    "is_valid_key_name",
    "key_id",
    "open_note",
    "parse_checkpoint",
    "parse_signer_key",
    "parse_verifier_key",
    "read_signer_key",
    "sign_note",
    "sign_note_with",
    "signer_key_string",
    "verifier_key_string",
    "verify_note",
    "write_signer_key",
]

ALG_ED25519 = 0x01
# Go's note.Open refuses more than 100 signature lines; the spec asks for at least 16.
MAX_SIGNATURES = 100
_DASH = "\N{EM DASH} "


class NoteError(ValueError):
    """A note, key or checkpoint that cannot be accepted."""


class MalformedNoteError(NoteError):
    """The text does not follow the signed-note or checkpoint syntax."""


class UnverifiedNoteError(NoteError):
    """No signature from a known key: the note must be ignored (signed-note §Signatures)."""


class InvalidSignatureError(NoteError):
    """A known key's signature does not verify: the whole note is rejected."""


class KeyFileError(NoteError):
    """A private key file is missing, malformed or readable by others."""


def _b64encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _b64decode(text: str) -> bytes:
    """Strict standard base64 (RFC 4648 §4): only canonical spellings are accepted."""
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise NoteError("invalid base64") from exc
    if _b64encode(data) != text:
        raise NoteError("non-canonical base64")
    return data


def is_valid_key_name(name: str) -> bool:
    """Key names are non-empty, with no Unicode space and no ``+`` (signed-note §Format)."""
    return bool(name) and "+" not in name and not any(ch.isspace() for ch in name) and _no_controls(name)


def _no_controls(text: str) -> bool:
    return not any(ord(ch) < 0x20 and ch != "\n" for ch in text) and not any(
        0xD800 <= ord(ch) <= 0xDFFF for ch in text
    )


def key_id(name: str, encoded_public_key: bytes) -> int:
    """``SHA-256(name || 0x0A || type byte || public key)[:4]`` as a big-endian uint32.

    ``encoded_public_key`` already starts with the signature type byte (0x01 for Ed25519).
    """
    digest = hashlib.sha256(name.encode("utf-8") + b"\n" + encoded_public_key).digest()
    return int.from_bytes(digest[:4], "big")


def _raw_public(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _raw_seed(private_key: Ed25519PrivateKey) -> bytes:
    return private_key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


# --- signers and verifiers -------------------------------------------------------------------


class NoteSigner(Protocol):
    """Anything that can add a signature line: a name, a key ID and a signing function."""

    @property
    def name(self) -> str: ...

    @property
    def key_id(self) -> int: ...

    def sign(self, message: bytes) -> bytes: ...


@dataclass(frozen=True)
class Ed25519Signer:
    name: str
    private_key: Ed25519PrivateKey = field(repr=False)

    def __post_init__(self) -> None:
        if not is_valid_key_name(self.name):
            raise NoteError(f"invalid key name {self.name!r}")

    @property
    def key_id(self) -> int:
        return key_id(self.name, bytes([ALG_ED25519]) + _raw_public(self.private_key.public_key()))

    def sign(self, message: bytes) -> bytes:
        return self.private_key.sign(message)

    def verifier(self) -> Ed25519Verifier:
        return Ed25519Verifier(self.name, self.key_id, self.private_key.public_key())


@dataclass(frozen=True)
class Ed25519Verifier:
    name: str
    key_id: int
    public_key: Ed25519PublicKey = field(repr=False)

    def verify(self, message: bytes, signature: bytes) -> bool:
        try:
            self.public_key.verify(signature, message)
        except InvalidSignature:
            return False
        return True


def verifier_key_string(name: str, public_key: Ed25519PublicKey) -> str:
    """``<name>+<key ID hex>+<base64(0x01 || public key)>``, the form given to verifiers."""
    if not is_valid_key_name(name):
        raise NoteError(f"invalid key name {name!r}")
    encoded = bytes([ALG_ED25519]) + _raw_public(public_key)
    return f"{name}+{key_id(name, encoded):08x}+{_b64encode(encoded)}"


def signer_key_string(name: str, private_key: Ed25519PrivateKey) -> str:
    """``PRIVATE+KEY+<name>+<key ID hex>+<base64(0x01 || seed)>``, Go's note signer key."""
    signer = Ed25519Signer(name, private_key)
    return (
        f"PRIVATE+KEY+{name}+{signer.key_id:08x}+{_b64encode(bytes([ALG_ED25519]) + _raw_seed(private_key))}"
    )


def _split_key(text: str, parts: int) -> list[str]:
    # The base64 part may itself contain "+", so only the first parts - 1 pluses separate.
    fields = text.split("+", parts - 1)
    if len(fields) != parts:
        raise NoteError("malformed key")
    return fields


def _parse_hex_id(text: str) -> int:
    if len(text) != 8 or any(ch not in "0123456789abcdefABCDEF" for ch in text):
        raise NoteError("malformed key ID")
    return int(text, 16)


def parse_verifier_key(vkey: str) -> Ed25519Verifier:
    """Read a verifier key string; the key ID must match the name and key it claims."""
    name, hex_id, encoded64 = _split_key(vkey, 3)
    if not is_valid_key_name(name):
        raise NoteError("malformed key name")
    claimed = _parse_hex_id(hex_id)
    encoded = _b64decode(encoded64)
    if not encoded:
        raise NoteError("empty key")
    if key_id(name, encoded) != claimed:
        raise NoteError("key ID does not match the key")
    if encoded[0] != ALG_ED25519:
        raise NoteError("unknown signature algorithm")
    if len(encoded) != 33:
        raise NoteError("an Ed25519 public key is 32 bytes")
    return Ed25519Verifier(name, claimed, Ed25519PublicKey.from_public_bytes(encoded[1:]))


def parse_signer_key(skey: str) -> Ed25519Signer:
    """Read a signer key string; the key ID must match the public key derived from the seed."""
    private, key, name, hex_id, encoded64 = _split_key(skey, 5)
    if private != "PRIVATE" or key != "KEY" or not is_valid_key_name(name):
        raise NoteError("malformed signer key")
    claimed = _parse_hex_id(hex_id)
    encoded = _b64decode(encoded64)
    if not encoded or encoded[0] != ALG_ED25519:
        raise NoteError("unknown signature algorithm")
    if len(encoded) != 33:
        raise NoteError("an Ed25519 seed is 32 bytes")
    signer = Ed25519Signer(name, Ed25519PrivateKey.from_private_bytes(encoded[1:]))
    if signer.key_id != claimed:
        raise NoteError("key ID does not match the key")
    return signer


def generate_signer_key(name: str) -> tuple[str, str]:
    """A fresh Ed25519 key for ``name``: ``(signer key string, verifier key string)``."""
    private_key = Ed25519PrivateKey.generate()
    return signer_key_string(name, private_key), verifier_key_string(name, private_key.public_key())


# --- key files -------------------------------------------------------------------------------


def write_signer_key(path: Path, skey: str, *, overwrite: bool = False) -> None:
    """Write a signer key string to ``path`` atomically, readable by the owner only (0600).

    The key is written to a temporary file in the same directory, flushed to disk and renamed
    into place, so a crash never leaves a half-written key. An existing key is kept unless
    ``overwrite`` is set: replacing a log key silently would orphan every signed checkpoint.
    """
    parse_signer_key(skey)  # refuse to store something that cannot be used
    path = Path(path)
    if path.exists() and not overwrite:
        raise FileExistsError(f"{path} already exists")
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(descriptor, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(skey + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(temporary, path)
        else:
            # link() fails if the name appeared meanwhile; rename() would clobber it.
            os.link(temporary, path)
            os.unlink(temporary)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def read_signer_key(path: Path) -> Ed25519Signer:
    """Load the signer key written by :func:`write_signer_key`.

    Refuses a file that its group or others may read or write, as ssh does: a log key that
    has leaked lets anyone sign a forged tree head.
    """
    path = Path(path)
    try:
        mode = path.stat().st_mode
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise KeyFileError(f"{path} does not exist") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise KeyFileError(f"{path} cannot be read: {exc}") from exc
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise KeyFileError(
            f"{path} is accessible by group or others (mode {stat.S_IMODE(mode):o}); chmod 600"
        )
    try:
        return parse_signer_key(text.strip())
    except NoteError as exc:
        raise KeyFileError(f"{path} does not hold a signer key: {exc}") from exc


# --- notes -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class NoteSignature:
    name: str
    key_id: int
    signature: bytes  # without the 4-byte key ID

    def line(self) -> str:
        return f"{_DASH}{self.name} {_b64encode(self.key_id.to_bytes(4, 'big') + self.signature)}\n"


@dataclass(frozen=True)
class OpenedNote:
    """A note whose text was verified by at least one known key."""

    text: str
    verified: tuple[NoteSignature, ...]
    unverified: tuple[NoteSignature, ...]


def _check_text(text: str) -> None:
    if not text.endswith("\n"):
        raise MalformedNoteError("note text must end with a newline")
    if not _no_controls(text):
        raise MalformedNoteError("note text contains control characters")


def sign_note_with(text: str, signers: Sequence[NoteSigner]) -> str:
    """``text`` followed by a blank line and one signature line per signer, in order."""
    _check_text(text)
    if not signers:
        raise NoteError("a note needs at least one signature")
    message = text.encode("utf-8")
    lines = []
    for signer in signers:
        if not is_valid_key_name(signer.name):
            raise NoteError(f"invalid key name {signer.name!r}")
        lines.append(NoteSignature(signer.name, signer.key_id, signer.sign(message)).line())
    return text + "\n" + "".join(lines)


def sign_note(text: str, name: str, private_key: Ed25519PrivateKey) -> str:
    """Sign ``text`` (e.g. a :func:`checkpoint_body`) with one Ed25519 key named ``name``."""
    return sign_note_with(text, [Ed25519Signer(name, private_key)])


def _parse_signature_line(line: str) -> NoteSignature:
    if not line.startswith(_DASH):
        raise MalformedNoteError("signature lines start with an em dash and a space")
    name, space, encoded = line[len(_DASH) :].partition(" ")
    if not space or not is_valid_key_name(name) or not encoded:
        raise MalformedNoteError("malformed signature line")
    try:
        raw = _b64decode(encoded)
    except NoteError as exc:
        raise MalformedNoteError("malformed signature line") from exc
    if len(raw) < 5:
        raise MalformedNoteError("signature too short")
    return NoteSignature(name, int.from_bytes(raw[:4], "big"), raw[4:])


def _verifier_map(verifiers: Iterable[str | Ed25519Verifier]) -> dict[tuple[str, int], list[Ed25519Verifier]]:
    known: dict[tuple[str, int], list[Ed25519Verifier]] = {}
    for item in verifiers:
        verifier = parse_verifier_key(item) if isinstance(item, str) else item
        known.setdefault((verifier.name, verifier.key_id), []).append(verifier)
    return known


def open_note(note: str | bytes, verifiers: Iterable[str | Ed25519Verifier]) -> OpenedNote:
    """Parse ``note`` and check its signatures against the known ``verifiers``.

    Follows the signed-note rules: signatures from unknown keys are ignored (listed as
    unverified), a failing signature from a known key rejects the whole note
    (:class:`InvalidSignatureError`), and a note without a verified known signature is
    rejected (:class:`UnverifiedNoteError`). Two known keys sharing a name and key ID are
    ambiguous and rejected too. ``note`` may be the bytes as served; they must be UTF-8.
    """
    if isinstance(note, bytes):
        try:
            note = note.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise MalformedNoteError("a note is UTF-8") from exc
    if not _no_controls(note):
        raise MalformedNoteError("note contains control characters")
    split = note.rfind("\n\n")
    if split < 0:
        raise MalformedNoteError("no blank line before the signatures")
    text, block = note[: split + 1], note[split + 2 :]
    if not block or not block.endswith("\n"):
        raise MalformedNoteError("the signature block must end with a newline")
    lines = block[:-1].split("\n")
    if len(lines) > MAX_SIGNATURES:
        raise MalformedNoteError("too many signatures")
    known = _verifier_map(verifiers)
    message = text.encode("utf-8")
    verified: list[NoteSignature] = []
    unverified: list[NoteSignature] = []
    seen: set[tuple[str, int]] = set()
    for line in lines:
        signature = _parse_signature_line(line)
        identity = (signature.name, signature.key_id)
        candidates = known.get(identity)
        if candidates is None:
            if signature not in unverified:
                unverified.append(signature)
            continue
        if len(candidates) > 1:
            raise NoteError(f"ambiguous key {signature.name}+{signature.key_id:08x}")
        if identity in seen:
            continue
        seen.add(identity)
        if not candidates[0].verify(message, signature.signature):
            raise InvalidSignatureError(f"invalid signature for key {signature.name}+{signature.key_id:08x}")
        verified.append(signature)
    if not verified:
        raise UnverifiedNoteError("note has no verifiable signatures")
    return OpenedNote(text, tuple(verified), tuple(unverified))


def verify_note(note: str | bytes, verifier_keys: Iterable[str | Ed25519Verifier]) -> str:
    """The note's text once a known key's signature verifies; raises :class:`NoteError` otherwise."""
    return open_note(note, verifier_keys).text


# --- checkpoints -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Checkpoint:
    """A tree head: the log's ``origin``, its ``size`` and ``root_hash``, and extension lines."""

    origin: str
    size: int
    root_hash: bytes
    extensions: tuple[str, ...] = ()


def checkpoint_body(origin: str, size: int, root: bytes, extensions: Sequence[str] = ()) -> str:
    """The note text of a checkpoint: origin, decimal size, base64 root, extension lines.

    Extension lines are allowed but not recommended by the spec (monitors cannot audit them).
    """
    if not origin or "\n" in origin:
        raise MalformedNoteError("the origin is one non-empty line")
    if size < 0:
        raise MalformedNoteError("the tree size is not negative")
    if len(root) != 32:
        raise MalformedNoteError("the root hash is 32 bytes")
    for line in extensions:
        if not line or "\n" in line:
            raise MalformedNoteError("extension lines are single non-empty lines")
    body = "".join(f"{line}\n" for line in (origin, str(size), _b64encode(root), *extensions))
    _check_text(body)
    return body


def parse_checkpoint(body: str) -> Checkpoint:
    """Read checkpoint text (what :func:`verify_note` returns), checking every line's syntax."""
    _check_text(body)
    lines = body[:-1].split("\n")
    if len(lines) < 3 or any(not line for line in lines):
        raise MalformedNoteError("a checkpoint has at least three non-empty lines")
    origin, size_text, root_text, *extensions = lines
    if not size_text.isascii() or not size_text.isdigit() or (size_text != "0" and size_text.startswith("0")):
        raise MalformedNoteError("the tree size is a decimal number without leading zeros")
    try:
        root = _b64decode(root_text)
    except NoteError as exc:
        raise MalformedNoteError("the root hash is not base64") from exc
    if len(root) != 32:
        raise MalformedNoteError("the root hash is not 32 bytes")
    return Checkpoint(origin, int(size_text), root, tuple(extensions))
