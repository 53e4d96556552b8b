"""Chinese error pages with a way back (issue 9, point 3): unknown addresses on the portal and in the
staff console, refusals, a server error, a CSRF failure, and a withdrawn entry's public page."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import path
from django.utils import timezone

from sanxiang import urls as project_urls
from sanxiang.portal import services as portal_services
from tests import factories

pytestmark = pytest.mark.django_db


def _boom(request):
    raise RuntimeError("secret stack detail")


urlpatterns = [*project_urls.urlpatterns, path("staff/boom/", _boom), path("boom/", _boom)]
# The project's handlers (Django's defaults where a project defines none).
handler400 = getattr(project_urls, "handler400", "django.views.defaults.bad_request")
handler403 = getattr(project_urls, "handler403", "django.views.defaults.permission_denied")
handler404 = getattr(project_urls, "handler404", "django.views.defaults.page_not_found")
handler500 = getattr(project_urls, "handler500", "django.views.defaults.server_error")


def _page(response) -> str:
    return response.content.decode()


def test_an_unknown_public_address_is_a_chinese_404_back_to_the_portal(client):
    response = client.get("/no-such-page/")
    body = _page(response)
    assert response.status_code == 404
    assert "页面不存在" in body and "返回首页" in body and "返回工作台" not in body
    assert "Not Found" not in body


def test_an_unknown_staff_address_leads_back_to_the_console(org):
    client = Client()
    client.force_login(factories.user(org.district_a, org.a_collection, roles=["enforcement_officer"]))
    response = client.get("/staff/publicity/entries/999999/")
    body = _page(response)
    assert response.status_code == 404
    assert "页面不存在" in body and "返回工作台" in body


def test_a_refusal_is_a_chinese_403_naming_the_way_back(org):
    client = Client()
    client.force_login(factories.user(org.district_a, org.a_collection, roles=["liaison"]))
    response = client.get("/staff/publicity/")
    body = _page(response)
    assert response.status_code == 403
    assert "没有访问权限" in body and "返回工作台" in body and "Forbidden" not in body


@pytest.mark.urls("tests.test_error_pages")
def test_a_server_error_is_a_chinese_500_without_the_trace(org):
    client = Client(raise_request_exception=False)
    for url, back in (("/staff/boom/", "返回工作台"), ("/boom/", "返回首页")):
        response = client.get(url)
        body = _page(response)
        assert response.status_code == 500
        assert "系统暂时出错" in body and back in body
        assert "secret stack detail" not in body and "Traceback" not in body


def test_a_csrf_failure_says_to_reload_in_chinese(org):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/staff/login/", {"username": "x", "password": "y"})
    body = _page(response)
    assert response.status_code == 403
    assert "页面已过期，请重新提交" in body and "CSRF verification failed" not in body


def test_the_api_keeps_its_error_shape_for_an_unknown_address(client):
    response = client.get("/api/v1/no-such-endpoint/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_a_withdrawn_entry_says_when_and_why_with_410(org, client):
    now = timezone.now()
    portal_services.public_entry_publish(
        actor=None,
        source_key="gone-1",
        version=1,
        category_code="penalty_decision",
        category_label="行政处罚决定",
        stage="after",
        authority=org.district_a,
        title="某商贸有限公司行政处罚决定书",
        party_name="某商贸有限公司",
        document_number="宝税罚〔2026〕9号",
        decided_on=datetime.date(2026, 3, 2),
        published_at=now - datetime.timedelta(days=3),
        display_until=timezone.localdate() + datetime.timedelta(days=365),
        fields=[("处罚内容", "罚款500元")],
        text="当事人未按期申报，处以罚款。",
    )
    withdrawn_at = timezone.make_aware(datetime.datetime(2026, 3, 9, 10, 0))
    portal_services.public_entry_withdraw(
        actor=None, source_key="gone-1", reason="原处罚决定已被依法撤销", withdrawn_at=withdrawn_at
    )
    response = client.get("/entries/gone-1/")
    body = _page(response)
    assert response.status_code == 410
    assert "本信息已于2026年3月9日撤回" in body and "原处罚决定已被依法撤销" in body
    assert "某商贸有限公司" not in body and "罚款500元" not in body
    assert "返回首页" in body
