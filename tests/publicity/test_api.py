"""The push API: token categories and subtree, idempotent pushes, corrections of public entries."""

import pytest
from rest_framework.test import APIClient

from sanxiang.api.models import SourceToken
from sanxiang.publicity import services
from sanxiang.publicity.models import Entry, EntryStatus

from .conftest import penalty_data

URL = "/api/v1/publicity/entries/by-source/jinsan/{}/"


def _token(user, categories=()):
    key, digest = SourceToken.new_key()
    SourceToken.objects.create(
        name="金税三期", user=user, key_digest=digest, prefix=key[:8], categories=list(categories)
    )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def _body(**overrides):
    data = penalty_data(**overrides)
    data["event_date"] = "2026-02-10"
    return {"item": "penalty_decision", "data": data, "text": "联系电话13812345678"}


def test_it_creates_then_updates_the_draft_on_a_repeated_push(officer, org):
    client = _token(officer, ["penalty_decision"])
    first = client.put(URL.format("A1"), _body(), format="json")
    assert first.status_code == 201, first.content
    second = client.put(URL.format("A1"), _body(result="罚款3000元"), format="json")
    assert second.status_code == 200
    assert Entry.objects.count() == 1
    entry = Entry.objects.get()
    assert entry.versions.get().data["result"] == "罚款3000元"
    assert "13812345678" not in second.json()["masked_title"] + entry.versions.get().masked_text


def test_it_opens_a_correction_when_the_entry_is_already_public(officer, approver, org):
    client = _token(officer, ["penalty"])
    client.put(URL.format("A2"), _body(), format="json")
    entry = Entry.objects.get()
    services.entry_submit(actor=officer, entry=entry)
    services.entry_approve(actor=approver, entry=entry)
    response = client.put(URL.format("A2"), _body(result="罚款1000元"), format="json")
    assert response.status_code == 200
    entry.refresh_from_db()
    assert (
        entry.status == EntryStatus.CORRECTING and entry.current_version == 2 and entry.published_version == 1
    )


def test_it_refuses_a_category_the_token_is_not_bound_to(officer):
    client = _token(officer, ["arrears_notice"])
    response = client.put(URL.format("A3"), _body(), format="json")
    assert response.status_code == 403
    assert Entry.objects.count() == 0


def test_it_refuses_an_authority_outside_the_token_users_subtree(officer, org):
    client = _token(officer, [])
    body = _body()
    body["authority_code"] = org.district_b.code
    response = client.put(URL.format("A4"), body, format="json")
    assert response.status_code == 403


def test_it_hides_entries_of_another_district_and_refuses_anonymous(officer, sibling_bureau_officer, org):
    client = _token(officer, [])
    created = client.put(URL.format("A5"), _body(), format="json").json()
    assert client.get(f"/api/v1/publicity/entries/{created['id']}/").status_code == 200
    assert (
        _token(sibling_bureau_officer).get(f"/api/v1/publicity/entries/{created['id']}/").status_code == 404
    )
    assert APIClient().put(URL.format("A6"), _body(), format="json").status_code in (401, 403)


@pytest.mark.parametrize("bad", [{"item": "no_such_item"}, {"data": "not a dict"}])
def test_it_refuses_bad_bodies(officer, bad):
    body = {**_body(), **bad}
    assert _token(officer).put(URL.format("A7"), body, format="json").status_code in (400, 403)
