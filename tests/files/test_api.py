from __future__ import annotations

import hashlib

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from sanxiang.files.models import FileAccess, StoredFile
from tests.files.factories import stored_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def _upload_url(**params):
    from urllib.parse import urlencode

    return reverse("api:files:upload") + "?" + urlencode(params)


def test_it_streams_a_raw_put_into_the_store(api, officer, org):
    body = b"\x00\x01video" * 100_000
    api.force_authenticate(officer)
    response = api.put(
        _upload_url(name="录像.mp4", authority=org.district_a.code, purpose="media_record"),
        data=body,
        content_type="video/mp4",
    )
    assert response.status_code == 201, response.content
    stored = StoredFile.objects.get()
    assert response.json()["sha256"] == hashlib.sha256(body).hexdigest() == stored.sha256
    assert response.json()["download_url"] == reverse(
        "api:files:download", kwargs={"public_id": stored.public_id}
    )
    assert stored.content_type == "video/mp4"
    assert stored.purpose == "media_record"
    assert stored.size == len(body)


def test_it_rejects_a_put_without_a_body(api, officer, org):
    api.force_authenticate(officer)
    response = api.put(
        _upload_url(name="a", authority=org.district_a.code), data=b"", content_type="video/mp4"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"


def test_it_refuses_a_put_into_another_district(api, officer, org):
    api.force_authenticate(officer)
    response = api.put(
        _upload_url(name="a", authority=org.district_b.code), data=b"abc", content_type="text/plain"
    )
    assert response.status_code == 403
    assert StoredFile.objects.count() == 0


def test_it_refuses_anonymous_uploads(api, org):
    response = api.put(
        _upload_url(name="a", authority=org.district_a.code), data=b"abc", content_type="text/plain"
    )
    assert response.status_code in (401, 403)
    assert StoredFile.objects.count() == 0


def test_it_returns_metadata_and_streams_downloads(api, officer):
    stored = stored_file(officer, content=b"data")
    api.force_authenticate(officer)
    meta = api.get(reverse("api:files:detail", kwargs={"public_id": stored.public_id}))
    assert meta.status_code == 200
    assert meta.json()["sm3"] == stored.sm3
    download = api.get(reverse("api:files:download", kwargs={"public_id": stored.public_id}))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"data"
    assert FileAccess.objects.filter(user=officer, action="download").count() == 1


@pytest.mark.parametrize("name", ["api:files:detail", "api:files:download"])
def test_it_hides_another_districts_file_from_the_api(api, officer, sibling_bureau_officer, refusals, name):
    stored = stored_file(officer)
    api.force_authenticate(sibling_bureau_officer)
    response = api.get(reverse(name, kwargs={"public_id": stored.public_id}))
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert len(refusals) == 1
    assert FileAccess.objects.count() == 0


def test_it_documents_the_file_endpoints_in_the_schema(api, officer):
    api.force_authenticate(officer)
    response = api.get(reverse("api:schema"), HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/v1/files/upload/" in paths
    assert "application/octet-stream" in paths["/api/v1/files/upload/"]["put"]["requestBody"]["content"]
