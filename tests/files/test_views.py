from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sanxiang.files.models import FileAccess, StoredFile
from tests.files.factories import stored_file

pytestmark = pytest.mark.django_db


def _login(client, user):
    client.force_login(user)
    return client


def test_it_uploads_through_the_staff_form(client, officer, audit_calls):
    _login(client, officer)
    upload = SimpleUploadedFile(
        "询问笔录.pdf", b"%PDF" + b"x" * 3 * 1024 * 1024, content_type="application/pdf"
    )
    response = client.post(reverse("files:upload"), {"file": upload, "authority": officer.authority_id})
    stored = StoredFile.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("files:detail", kwargs={"public_id": stored.public_id})
    assert stored.size == 4 + 3 * 1024 * 1024
    assert stored.original_name == "询问笔录.pdf"
    assert stored.authority == officer.authority


def test_it_offers_only_authorities_in_scope(client, officer, org):
    _login(client, officer)
    upload = SimpleUploadedFile("a.txt", b"a", content_type="text/plain")
    response = client.post(reverse("files:upload"), {"file": upload, "authority": org.district_b.pk})
    assert response.status_code == 200
    assert "authority" in response.context["form"].errors
    assert StoredFile.objects.count() == 0


def test_it_shows_the_detail_with_fingerprints(client, officer):
    stored = stored_file(officer)
    response = _login(client, officer).get(reverse("files:detail", kwargs={"public_id": stored.public_id}))
    assert response.status_code == 200
    assert stored.sm3 in response.content.decode()


def test_it_streams_a_download_and_logs_it(client, officer):
    stored = stored_file(officer, content=b"content")
    response = _login(client, officer).get(reverse("files:download", kwargs={"public_id": stored.public_id}))
    assert response.status_code == 200
    assert response.streaming
    assert b"".join(response.streaming_content) == b"content"
    assert response["X-Content-Type-Options"] == "nosniff"
    access = FileAccess.objects.get()
    assert access.user == officer
    assert access.source_address == "127.0.0.1"


@pytest.mark.parametrize("name", ["files:detail", "files:download"])
def test_it_hides_another_districts_file_and_audits_the_refusal(
    client, officer, sibling_bureau_officer, refusals, name
):
    stored = stored_file(officer)
    response = _login(client, sibling_bureau_officer).get(
        reverse(name, kwargs={"public_id": stored.public_id})
    )
    assert response.status_code == 404
    assert FileAccess.objects.count() == 0
    assert len(refusals) == 1
    assert refusals[0]["actor_id"] == sibling_bureau_officer.pk
    assert refusals[0]["data"]["model"] == "files.StoredFile"


def test_it_gives_the_same_404_for_an_unknown_id(client, sibling_bureau_officer, refusals):
    url = reverse("files:download", kwargs={"public_id": "00000000-0000-0000-0000-000000000000"})
    assert _login(client, sibling_bureau_officer).get(url).status_code == 404
    assert refusals == []


@pytest.mark.parametrize("name", ["files:detail", "files:download"])
def test_it_redirects_anonymous_visitors_to_login(client, officer, name):
    stored = stored_file(officer)
    response = client.get(reverse(name, kwargs={"public_id": stored.public_id}))
    assert response.status_code == 302
    assert reverse("core:login") in response["Location"]
    assert client.get(reverse("files:upload")).status_code == 302
