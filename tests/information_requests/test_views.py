"""Staff and portal pages, and the API, through the test client."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from sanxiang.information_requests import services
from sanxiang.information_requests.models import InformationRequest

from .conftest import APPLICANT, approved_request

pytestmark = pytest.mark.django_db


def _portal_post(client, office, **overrides):
    data = {
        **APPLICANT,
        "authority": office.org.city.pk,
        "captcha_0": "x",
        "captcha_1": "PASSED",
        **overrides,
    }
    return client.post(reverse("information_requests_portal:apply"), data)


def test_portal_filing_gives_code_and_token_and_hides_identity(client, office, settings, monkeypatch):
    monkeypatch.setattr("captcha.conf.settings.CAPTCHA_TEST_MODE", True)
    response = _portal_post(client, office)
    assert response.status_code == 200
    request = InformationRequest.objects.get()
    body = response.content.decode()
    assert request.code in body
    assert APPLICANT["phone"] not in body and APPLICANT["id_number"] not in body
    assert response["Cache-Control"] == "no-store"


def test_portal_filing_needs_the_captcha(client, office, settings, monkeypatch):
    monkeypatch.setattr("captcha.conf.settings.CAPTCHA_TEST_MODE", True)
    response = _portal_post(client, office, captcha_1="WRONG")
    assert response.status_code == 400
    assert not InformationRequest.objects.exists()


def test_portal_filing_is_rate_limited(client, office, settings, monkeypatch):
    monkeypatch.setattr("captcha.conf.settings.CAPTCHA_TEST_MODE", True)
    settings.SANXIANG_INFOREQ_SUBMIT_LIMIT = 2
    assert _portal_post(client, office).status_code == 200
    assert _portal_post(client, office).status_code == 200
    assert _portal_post(client, office).status_code == 429
    assert InformationRequest.objects.count() == 2


def test_follow_shows_the_reply_but_no_identity(client, office):
    request = approved_request(office, reply_type="disclosed", obtain_how="请见附件。")
    services.reply_issue(
        actor=office.officer, request=request, on=request.received_on, today=request.received_on
    )
    other, other_token = services.request_create_by_staff(
        actor=office.officer,
        authority=office.org.city,
        channel="in_person",
        data={**APPLICANT, "applicant_name": "赵另一", "phone": "13600000000"},
        today=datetime.date(2025, 3, 3),
    )
    _, token = services.request_create_by_staff(
        actor=office.officer,
        authority=office.org.city,
        channel="in_person",
        data=APPLICANT,
        today=datetime.date(2025, 3, 3),
    )
    # The request's own token was shown once at creation; make a fresh one for the test.
    from sanxiang.information_requests.services.intake import token_digest

    InformationRequest.objects.filter(pk=request.pk).update(token_hash=token_digest("secret-token"))
    response = client.get(
        reverse("information_requests_portal:follow_link", args=[request.code, "secret-token"])
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "予以公开" in body and "请见附件" in body
    for private in (
        APPLICANT["applicant_name"],
        APPLICANT["phone"],
        APPLICANT["email"],
        APPLICANT["id_number"],
        "赵另一",
        other.code,
    ):
        assert private not in body
    assert (
        client.get(
            reverse("information_requests_portal:follow_link", args=[request.code, "nope"])
        ).status_code
        == 404
    )


def test_failed_lookups_are_throttled_and_then_even_right_tokens_wait(client, office, settings):
    settings.SANXIANG_PORTAL_LOOKUP_LIMIT = 3
    request = approved_request(office)
    from sanxiang.information_requests.services.intake import token_digest

    InformationRequest.objects.filter(pk=request.pk).update(token_hash=token_digest("good"))
    url = reverse("information_requests_portal:follow")
    for _ in range(3):
        assert client.post(url, {"code": request.code, "token": "bad"}).status_code == 404
    assert client.post(url, {"code": request.code, "token": "good"}).status_code == 429


def test_staff_detail_and_action(client, office):
    request = approved_request(office)
    client.force_login(office.officer)
    response = client.get(reverse("information_requests:request_detail", args=[request.pk]))
    assert response.status_code == 200
    assert "王小明" in response.content.decode()
    response = client.post(
        reverse("information_requests:request_action", args=[request.pk, "issue"]),
        {"on": request.received_on.isoformat()},
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == "replied"
    assert (
        client.get(reverse("information_requests:reply_document", args=[request.pk, "docx"])).status_code
        == 200
    )


def test_staff_pages_render(client, office):
    approved_request(office)
    client.force_login(office.head)
    for name, kwargs in [
        ("information_requests:request_list", {}),
        ("information_requests:request_create", {}),
        ("information_requests:overdue", {}),
        ("information_requests:statistics", {}),
        ("information_requests:report_list", {}),
        ("information_requests:report_edit", {"authority_id": office.org.city.pk, "year": 2025}),
        ("information_requests:template_list", {}),
        ("information_requests:template_edit", {"reply_type": "partial"}),
    ]:
        assert client.get(reverse(name, kwargs=kwargs)).status_code == 200, name


def test_staff_entry_form(client, office):
    client.force_login(office.officer)
    response = client.post(
        reverse("information_requests:request_create"),
        {**APPLICANT, "channel": "email", "mail_received_on": "2025-03-02"},
    )
    assert response.status_code == 200
    request = InformationRequest.objects.get()
    assert request.received_on == datetime.date(2025, 3, 2)


def test_api_create_and_actions(client, office):
    client.force_login(office.officer)
    created = client.post(
        "/api/v1/information-requests/requests/",
        {**APPLICANT, "channel": "in_person", "submitted_on": "2025-03-03"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert (
        client.post(
            f"/api/v1/information-requests/requests/{pk}/register/", {}, content_type="application/json"
        ).status_code
        == 200
    )
    drafted = client.post(
        f"/api/v1/information-requests/requests/{pk}/draft/",
        {
            "reply_type": "partial",
            "reasons": "商业秘密",
            "source_text": "甲乙丙丁",
            "redactions": [{"start": 1, "end": 3}],
        },
        content_type="application/json",
    )
    assert drafted.status_code == 200, drafted.content
    assert drafted.json()["status"] == "awaiting_approval"
    assert drafted.json()["reply"]["released_text"] == "甲██丁"
    refused = client.post(
        f"/api/v1/information-requests/requests/{pk}/approve/", {}, content_type="application/json"
    )
    assert refused.status_code == 403
    client.force_login(office.head)
    assert (
        client.post(
            f"/api/v1/information-requests/requests/{pk}/approve/", {}, content_type="application/json"
        ).status_code
        == 200
    )
    client.force_login(office.outsider)
    assert client.get(f"/api/v1/information-requests/requests/{pk}/").status_code == 404
