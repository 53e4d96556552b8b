"""Browser: a citizen files a request on the portal, staff answer it with a partial disclosure, the
citizen follows it with the request code and token and sees the reply and no one else's data."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.test import Client

from sanxiang.information_requests import services
from sanxiang.information_requests.models import InformationRequest
from sanxiang.org.models import Department
from tests import factories

SECRET = "甲类商品进项1,203万元"
SOURCE = f"2025年本局共办结行政处罚案件126件。涉及第三方商业秘密的明细：{SECRET}。其余内容可以公开。"


def log_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_citizen_files_staff_partially_disclose_citizen_follows(page, screenshot, live_server):
    from captcha.models import CaptchaStore

    org = factories.build_org()
    Department.objects.create(authority=org.city, name="财务管理处")
    head = factories.user(
        org.city,
        org.city_office,
        roles=["open_government_head", "open_government_officer"],
        scope="unit",
        full_name="冯公开",
    )
    # Someone else's request at the same office: none of it may show on the citizen's page.
    other, _token = services.request_create_by_staff(
        actor=head,
        authority=org.city,
        channel="in_person",
        data={
            "applicant_type": "natural_person",
            "applicant_name": "赵另一",
            "phone": "13600001111",
            "description": "另一份申请的内容：公务用车清单",
        },
        today=datetime.date.today(),
    )

    # 1. The citizen files on the portal.
    page.goto(f"{live_server.url}/information-requests/")
    screenshot("inforeq-1-portal-index")
    page.get_by_role("link", name="在线提出申请").click()
    page.select_option("#id_authority", str(org.city.pk))
    page.select_option("#id_applicant_type", "natural_person")
    page.fill("#id_applicant_name", "王小明")
    page.select_option("#id_id_type", "resident_id")
    page.fill("#id_id_number", "11010519491231002X")
    page.fill("#id_phone", "13912345678")
    page.fill("#id_email", "wangxm@example.com")
    page.fill("#id_description", "2025年本局行政处罚案件数量及明细")
    page.select_option("#id_delivery_method", "online")
    key = page.locator("input[name=captcha_0]").input_value()
    page.fill("input[name=captcha_1]", CaptchaStore.objects.get(hashkey=key).response)
    screenshot("inforeq-2-portal-apply")
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_selector("#request-code")
    screenshot("inforeq-3-portal-filed")
    code = page.locator("#request-code").inner_text()
    token = page.locator("#request-token").inner_text()
    request = InformationRequest.objects.get(code=code)

    # 2. Staff register, assign, draft a partial disclosure selecting the withheld text, approve, issue.
    log_in(page, live_server, head)
    page.goto(f"{live_server.url}/staff/information-requests/")
    screenshot("inforeq-4-staff-list")
    page.goto(f"{live_server.url}/staff/information-requests/{request.pk}/")
    page.click("#do-register")
    page.wait_for_selector("text=已登记政府信息公开申请，答复期限开始计算。")
    page.select_option("#id_department", label="国家税务总局宝鸡市税务局·财务管理处")
    page.click("#do-assign")
    page.wait_for_selector("text=已交办承办部门。")
    page.select_option("#id_reply_type", "partial")
    page.fill("#id_reasons", "涉及第三方商业秘密，依据条例第十五条不予公开该部分。")
    page.fill("#id_source_text", SOURCE)
    start = SOURCE.index(SECRET)
    page.eval_on_selector(
        "#id_source_text", f"el => {{ el.focus(); el.setSelectionRange({start}, {start + len(SECRET)}); }}"
    )
    page.click("#mark-selection")
    assert f'"start":{start}' in page.locator("#id_redactions").input_value()
    screenshot("inforeq-5-staff-draft")
    page.click("#do-draft")
    page.wait_for_selector("text=答复已拟稿。")
    page.click("#approve")
    page.wait_for_selector("text=答复已批准。")
    page.click("#do-issue")
    page.wait_for_selector("text=答复已发出。", timeout=60000)
    released = page.locator("#released-text").inner_text()
    assert SECRET not in released and "126件" in released
    screenshot("inforeq-6-staff-replied")
    page.goto(f"{live_server.url}/staff/information-requests/statistics/")
    page.wait_for_selector("text=按申请方式")
    screenshot("inforeq-8-staff-statistics")
    year = datetime.date.today().year
    page.goto(f"{live_server.url}/staff/information-requests/reports/{org.city.pk}/{year}/")
    page.wait_for_selector("#table-3")
    assert "勾稽关系校验通过" in page.content()
    screenshot("inforeq-9-staff-annual-report")

    # 3. The citizen follows with the request code and token.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/information-requests/follow/")
    page.fill("#id_code", code)
    page.fill("#id_token", token)
    page.get_by_role("button", name="查询").click()
    page.wait_for_selector("#reply")
    body = page.content()
    assert "部分公开" in body and "126件" in body
    assert SECRET not in body
    for private in (
        "王小明",
        "13912345678",
        "wangxm@example.com",
        "11010519491231002X",
        "赵另一",
        "13600001111",
        other.code,
        "公务用车",
    ):
        assert private not in body, private
    screenshot("inforeq-7-portal-follow")
