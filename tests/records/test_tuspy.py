"""A tus upload interrupted and resumed by ``tuspy``, a tus client nobody here wrote, over real HTTP."""

from __future__ import annotations

import hashlib
import io

import pytest
import requests
from tusclient import client as tus_client

from sanxiang.records import uploads
from sanxiang.records.models import Record, Upload

pytestmark = pytest.mark.django_db(transaction=True)


class _Dropped(io.BytesIO):
    """A file whose reads fail after ``fail_after`` bytes: the network drops mid-upload."""

    def __init__(self, data: bytes, fail_after: int) -> None:
        super().__init__(data)
        self.fail_after = fail_after

    def read(self, size: int = -1) -> bytes:
        if self.tell() >= self.fail_after:
            raise ConnectionError("network dropped")
        return super().read(size)


@pytest.mark.parametrize("lose_hash_state", [False, True])
def test_tuspy_upload_interrupted_and_resumed(live_server, world, video_bytes, lose_hash_state):
    from sanxiang.api.services import source_token_create

    _token, key = source_token_create(actor=None, name="执法记录仪工作站", user=world.officer)
    data = video_bytes * 40  # several chunks; the type check reads only the head
    chunk = 16 * 1024
    endpoint = f"{live_server.url}/staff/records/tus/"
    metadata = {
        "act": str(world.act.pk),
        "kind": "body_camera",
        "stage": "investigation",
        "filename": "现场执法.mp4",
    }

    first = tus_client.TusClient(endpoint, headers={"Authorization": f"Token {key}"})
    uploader = first.uploader(
        file_stream=_Dropped(data, fail_after=5 * chunk),
        chunk_size=chunk,
        metadata=metadata,
        upload_checksum=True,
    )
    with pytest.raises(ConnectionError):
        uploader.upload()
    url = uploader.url
    assert Upload.objects.get().offset == 5 * chunk
    assert not Record.objects.exists()
    if lose_hash_state:
        uploads._HASH_STATES.clear()

    # A new client (as after a restart of the device's uploader) resumes at the server's offset.
    second = tus_client.TusClient(endpoint, headers={"Authorization": f"Token {key}"})
    resumed = second.uploader(file_stream=io.BytesIO(data), url=url, chunk_size=chunk, upload_checksum=True)
    assert resumed.offset == 5 * chunk
    resumed.upload()

    record = Record.objects.get()
    assert record.file.size == len(data)
    assert record.file.sha256 == hashlib.sha256(data).hexdigest()
    assert record.file.sm3 == hashlib.new("sm3", data).hexdigest()
    head = requests.head(url, headers={"Tus-Resumable": "1.0.0", "Authorization": f"Token {key}"}, timeout=10)
    assert head.headers["Upload-Offset"] == str(len(data))
