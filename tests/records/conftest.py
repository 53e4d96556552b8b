"""Records fixtures: an act on the matter list, personas per role, small generated videos."""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass
from typing import Any

import pytest

from sanxiang.enforcement.choices import ActKind
from sanxiang.records import services
from sanxiang.records.generate import make_video
from tests import factories
from tests.enforcement import factories as ef

START = datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC)


@dataclass
class World:
    org: Any
    officer: Any
    archivist: Any
    legal: Any
    leader: Any
    other_officer: Any
    taxpayer: Any
    act: Any


@pytest.fixture(scope="session")
def video_bytes() -> bytes:
    return make_video(seconds=1, serial="BWC-TEST-001", recorded_start=START)


@pytest.fixture
def world(org) -> World:
    officer = factories.user(
        org.district_a, org.a_collection, roles=["enforcement_officer"], scope="unit", full_name="张征管"
    )
    archivist = factories.user(
        org.city, org.city_office, roles=["archivist"], scope="unit_and_below", full_name="钱档案"
    )
    legal = factories.user(
        org.city, org.city_legal, roles=["legal_reviewer"], scope="unit_and_below", full_name="李法明"
    )
    leader = factories.user(
        org.city, org.city_office, roles=["leader"], scope="unit_and_below", full_name="王建国"
    )
    other = factories.user(org.district_b, org.b_collection, roles=["enforcement_officer"], scope="unit")
    payer = ef.taxpayer(org.district_a)
    act = ef.act(
        payer,
        department=org.a_collection,
        officers=[officer],
        kind=ActKind.LICENSING,
        matter="增值税专用发票最高开票限额审批",
        started_on=datetime.date(2026, 3, 2),
    )
    return World(org, officer, archivist, legal, leader, other, payer, act)


def add_record(
    world: World, data: bytes, *, kind: str = "body_camera", act: Any = None, actor: Any = None, **meta: str
):
    metadata = {
        "act": str((act or world.act).pk),
        "kind": kind,
        "stage": "investigation",
        "filename": "clip.mp4",
        **meta,
    }
    return services.record_create(actor=actor or world.officer, metadata=metadata, stream=io.BytesIO(data))


@pytest.fixture(scope="session")
def seaweedfs():
    from . import seaweed

    server = seaweed.start()
    yield server
    server.stop()


@pytest.fixture
def s3_storage(seaweedfs, settings):
    """The file store on SeaweedFS's S3 gateway, in a fresh bucket per test."""
    import uuid

    from sanxiang.files import storage

    bucket = f"sanxiang-{uuid.uuid4().hex[:12]}"
    seaweedfs.client().create_bucket(Bucket=bucket)
    settings.SANXIANG_FILE_STORAGE = "s3"
    settings.SANXIANG_S3_BUCKET = bucket
    settings.SANXIANG_S3_ENDPOINT_URL = seaweedfs.endpoint
    settings.SANXIANG_S3_ACCESS_KEY = seaweed_access()[0]
    settings.SANXIANG_S3_SECRET_KEY = seaweed_access()[1]
    settings.SANXIANG_S3_PART_BYTES = 5 * 1024 * 1024
    yield storage.backend()


def seaweed_access() -> tuple[str, str]:
    from .seaweed import ACCESS_KEY, SECRET_KEY

    return ACCESS_KEY, SECRET_KEY
