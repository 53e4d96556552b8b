"""Key material of the audit trail, kept in ``settings.SANXIANG_KEY_DIR``, outside the database.

- ``audit-pepper.key``: the salt of the HMACs that replace personal data in snapshots;
- ``audit-signing.key``: the Ed25519 private key that signs checkpoints, and
  ``audit-signing-<key_id>.pub`` beside it (old public keys stay, so rotated keys still verify);
- ``audit-checkpoints.log``: every checkpoint, one line each, appended and fsynced, so deleting
  checkpoint rows in the database is detected.

Files are created on first use with mode 0600 through a no-clobber link, so two processes that
start together agree on one key. The directory should be backed up separately from the database
and be unwritable for the database's administrators: whoever can write here can re-sign a forged
chain.
"""

from __future__ import annotations

import fcntl
import os
import secrets
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings

from sanxiang.lib.hashchain import Checkpoint, format_checkpoint_line, key_id_of

PEPPER_FILE = "audit-pepper.key"
SIGNING_KEY_FILE = "audit-signing.key"
CHECKPOINT_LOG_FILE = "audit-checkpoints.log"

_pepper_cache: dict[str, bytes] = {}
_signing_cache: dict[str, tuple[Ed25519PrivateKey, str]] = {}


def key_dir() -> Path:
    path = Path(settings.SANXIANG_KEY_DIR)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def create_once(path: Path, data: bytes) -> bool:
    """Write ``path`` atomically with mode 0600 unless it exists; True if this call created it.

    The content goes to a private temporary file first, which is then hard-linked into place:
    ``link`` fails if the name exists, so a concurrent creator never overwrites a key in use.
    """
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        _fsync_dir(path.parent)
        return True
    finally:
        tmp.unlink(missing_ok=True)


def audit_pepper() -> bytes:
    """The HMAC salt for personal data in snapshots (32 random bytes)."""
    path = key_dir() / PEPPER_FILE
    cached = _pepper_cache.get(str(path))
    if cached is not None:
        return cached
    if not path.exists():
        create_once(path, secrets.token_hex(32).encode("ascii"))
    pepper = bytes.fromhex(path.read_text(encoding="ascii").strip())
    _pepper_cache[str(path)] = pepper
    return pepper


def _public_path(directory: Path, key_id: str) -> Path:
    return directory / f"audit-signing-{key_id}.pub"


def signing_key() -> tuple[Ed25519PrivateKey, str]:
    """The checkpoint signing key and its id, generated on first use."""
    directory = key_dir()
    path = directory / SIGNING_KEY_FILE
    cached = _signing_cache.get(str(path))
    if cached is not None:
        return cached
    if not path.exists():
        fresh = Ed25519PrivateKey.generate()
        pem = fresh.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        create_once(path, pem)
    private = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(private, Ed25519PrivateKey):
        raise TypeError(f"{path} does not hold an Ed25519 key")
    key_id = key_id_of(private.public_key())
    public_path = _public_path(directory, key_id)
    if not public_path.exists():
        create_once(
            public_path,
            private.public_key().public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            ),
        )
    _signing_cache[str(path)] = (private, key_id)
    return private, key_id


def public_key(key_id: str) -> Ed25519PublicKey | None:
    """The public key with ``key_id`` from the key directory, or None if it is not there."""
    if not key_id.isalnum():
        return None
    path = _public_path(key_dir(), key_id)
    if not path.exists():
        return None
    key = serialization.load_pem_public_key(path.read_bytes())
    if not isinstance(key, Ed25519PublicKey) or key_id_of(key) != key_id:
        return None
    return key


def checkpoint_log_path() -> Path:
    return key_dir() / CHECKPOINT_LOG_FILE


def checkpoint_log_append(checkpoints: list[Checkpoint]) -> None:
    """Append checkpoint lines under an exclusive lock and fsync them before returning."""
    if not checkpoints:
        return
    data = "".join(format_checkpoint_line(c) for c in checkpoints).encode("ascii")
    fd = os.open(checkpoint_log_path(), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def checkpoint_log_lines() -> list[str]:
    path = checkpoint_log_path()
    if not path.exists():
        return []
    return path.read_text(encoding="ascii", errors="replace").splitlines()
