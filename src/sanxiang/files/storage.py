"""Where the file store keeps its bytes: local disk (default) or S3-compatible object storage.

``SANXIANG_FILE_STORAGE`` chooses the backend: ``local`` (``SANXIANG_FILE_ROOT``) or ``s3``
(django-storages' ``S3Storage`` with boto3, configured by ``SANXIANG_S3_*``). Both are
write-once and never show a half file:

- local: the spooled file is made read-only and hard-linked to its final name (``os.link`` fails
  if the name exists), then the directory is fsynced;
- S3: the spooled file is sent as a multipart upload in constant memory (parts of
  ``SANXIANG_S3_PART_BYTES``); the object appears only when the upload completes, with
  ``If-None-Match: *`` so an existing key is never replaced.

Reads are seekable streams, so HTTP range requests read only what they send.
"""

from __future__ import annotations

import io
import os
from functools import cache
from pathlib import Path
from typing import IO, Any

from django.conf import settings

DEFAULT_PART_BYTES = 16 * 1024 * 1024


class StorageBackend:
    is_local = True

    def place(self, tmp: Path, relative: str) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def open(self, relative: str) -> IO[bytes]:  # pragma: no cover - interface
        """A seekable binary stream; ``FileNotFoundError`` when the object is gone."""
        raise NotImplementedError

    def delete(self, relative: str) -> None:  # pragma: no cover - interface
        raise NotImplementedError


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class LocalBackend(StorageBackend):
    def __init__(self, root: Path | None = None) -> None:
        self._root = root

    @property
    def root(self) -> Path:
        return Path(self._root or settings.SANXIANG_FILE_ROOT)

    def path(self, relative: str) -> Path:
        return self.root / relative

    def place(self, tmp: Path, relative: str) -> None:
        final = self.path(relative)
        final.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(tmp, 0o440)
        os.link(tmp, final)  # FileExistsError if the name is taken: the old file stays untouched.
        _fsync_dir(final.parent)

    def open(self, relative: str) -> IO[bytes]:
        return open(self.path(relative), "rb")  # noqa: SIM115 - the caller closes it

    def delete(self, relative: str) -> None:
        try:
            self.path(relative).unlink()
        except FileNotFoundError:
            pass


class S3RangeReader(io.RawIOBase):
    """A seekable read-only stream over one S3 object; each ``read`` is one ranged GET."""

    def __init__(self, client: Any, bucket: str, key: str) -> None:
        super().__init__()
        self._client, self._bucket, self._key = client, bucket, key
        try:
            head = client.head_object(Bucket=bucket, Key=key)
        except client.exceptions.ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                raise FileNotFoundError(key) from exc
            raise
        self.size = int(head["ContentLength"])
        self._pos = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self.size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def read(self, size: int = -1) -> bytes:
        if self._pos >= self.size:
            return b""
        end = self.size if size is None or size < 0 else min(self.size, self._pos + size)
        body = self._client.get_object(
            Bucket=self._bucket, Key=self._key, Range=f"bytes={self._pos}-{end - 1}"
        )["Body"]
        try:
            data = body.read()
        finally:
            body.close()
        self._pos += len(data)
        return data

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class S3Backend(StorageBackend):
    is_local = False

    def __init__(self) -> None:
        from storages.backends.s3 import S3Storage

        self.storage = S3Storage(
            bucket_name=settings.SANXIANG_S3_BUCKET,
            endpoint_url=settings.SANXIANG_S3_ENDPOINT_URL or None,
            access_key=settings.SANXIANG_S3_ACCESS_KEY or None,
            secret_key=settings.SANXIANG_S3_SECRET_KEY or None,
            region_name=settings.SANXIANG_S3_REGION or None,
            addressing_style="path",
            file_overwrite=False,
        )
        self.bucket = settings.SANXIANG_S3_BUCKET
        self.part_bytes = int(getattr(settings, "SANXIANG_S3_PART_BYTES", DEFAULT_PART_BYTES))

    @property
    def client(self) -> Any:
        return self.storage.connection.meta.client

    def place(self, tmp: Path, relative: str) -> None:
        """Multipart upload reading one part at a time from the spooled file (constant memory)."""
        client = self.client
        upload_id = client.create_multipart_upload(Bucket=self.bucket, Key=relative)["UploadId"]
        try:
            parts = []
            with open(tmp, "rb") as handle:
                number = 1
                while True:
                    data = handle.read(self.part_bytes)
                    if not data and number > 1:
                        break
                    etag = client.upload_part(
                        Bucket=self.bucket, Key=relative, UploadId=upload_id, PartNumber=number, Body=data
                    )["ETag"]
                    parts.append({"ETag": etag, "PartNumber": number})
                    del data
                    number += 1
                    if handle.tell() >= os.fstat(handle.fileno()).st_size:
                        break
            client.complete_multipart_upload(
                Bucket=self.bucket,
                Key=relative,
                UploadId=upload_id,
                MultipartUpload={"Parts": parts},
                IfNoneMatch="*",
            )
        except BaseException:
            try:
                client.abort_multipart_upload(Bucket=self.bucket, Key=relative, UploadId=upload_id)
            except Exception:  # noqa: BLE001 - the original error matters more
                pass
            raise

    def open(self, relative: str) -> IO[bytes]:
        return io.BufferedReader(S3RangeReader(self.client, self.bucket, relative), buffer_size=1024 * 1024)

    def delete(self, relative: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=relative)


@cache
def _s3_backend(key: tuple) -> S3Backend:
    return S3Backend()


def backend() -> StorageBackend:
    """The configured backend, read at call time so tests and deployments can switch it."""
    if getattr(settings, "SANXIANG_FILE_STORAGE", "local") == "s3":
        return _s3_backend(
            (
                settings.SANXIANG_S3_BUCKET,
                settings.SANXIANG_S3_ENDPOINT_URL,
                settings.SANXIANG_S3_ACCESS_KEY,
                getattr(settings, "SANXIANG_S3_PART_BYTES", DEFAULT_PART_BYTES),
            )
        )
    return LocalBackend()
