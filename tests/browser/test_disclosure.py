"""Browser: a citizen comments on a paragraph of an open draft, staff moderate and answer it, the
adoption summary is published after the period; the catalogue, library and document pages."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from captcha.models import CaptchaStore
from django.conf import settings
from django.test import Client
from django.utils import timezone

from sanxiang.disclosure import services
from sanxiang.disclosure.models import ConsultationComment
from tests import factories
from tests.disclosure.conftest import People, publish_policy

DRAFT = (
    "第一条 为规范本市税务系统首违不罚事项的适用，制定本办法。\n"
    "第二条 当事人首次违反税收征收管理规定且危害后果轻微，在税务机关发现前主动改正的，不予行政处罚。\n"
    "第三条 本办法自发布之日起30日后施行。"
)


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


def solve_captcha(form):
    """Answer the arithmetic challenge as a reader of the image would (its answer is in the store)."""
    key = form.locator("input[name=captcha_0]").input_value()
    form.locator("input[name=captcha_1]").fill(CaptchaStore.objects.get(hashkey=key).response)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_paragraph_comment_is_moderated_answered_and_summarised(page, screenshot, live_server):
    org = factories.build_org()
    policy = factories.department(org.city, "政策法规处")
    people = People(
        org=org,
        policy_dept=policy,
        officer=factories.user(
            org.city,
            org.city_office,
            roles=["open_government_officer"],
            scope="unit_and_below",
            full_name="陈政文",
        ),
        head=factories.user(
            org.city,
            org.city_office,
            roles=["open_government_head"],
            scope="unit_and_below",
            full_name="冯公开",
        ),
        drafter=factories.user(org.city, policy, roles=["liaison"], scope="unit", full_name="李法明"),
        district_officer=factories.user(
            org.district_a, None, roles=["open_government_officer"], scope="unit"
        ),
    )
    today = timezone.localdate()
    consultation = services.consultation_create(
        actor=people.drafter,
        authority=org.city,
        title="宝鸡市税务系统首违不罚适用办法（征求意见稿）",
        explanation="为统一全市首违不罚的适用标准，起草了本办法。",
        draft_text=DRAFT,
    )
    consultation = services.consultation_open(
        actor=people.officer,
        consultation=consultation,
        opens_on=today - datetime.timedelta(days=1),
        closes_on=today + datetime.timedelta(days=29),
    )
    publish_policy(people)

    # The citizen comments on 第二条.
    page.goto(f"{live_server.url}/open/consultations/{consultation.pk}/")
    screenshot("disclosure_consultation_open")
    paragraph = page.locator("#p-2")
    paragraph.locator("summary").click()
    form = paragraph.locator("form")
    form.locator("textarea[name=body]").fill("建议明确“危害后果轻微”的判断标准。")
    form.locator("input[name=commenter_name]").fill("王小明")
    form.locator("input[name=contact]").fill("13912345678")
    solve_captcha(form)
    screenshot("disclosure_comment_form")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "意见已提交" in page.content()
    comment = ConsultationComment.objects.get()
    assert comment.paragraph.number == 2 and comment.status == "pending"

    # Staff moderate and answer it.
    log_in(page, live_server, people.officer)
    page.goto(f"{live_server.url}/staff/disclosure/consultations/{consultation.pk}/")
    screenshot("disclosure_staff_moderation")
    page.locator(f"#comment-{comment.pk} button[value=approve]").click()
    page.wait_for_load_state()
    row = page.locator(f"#comment-{comment.pk}")
    row.locator("select[name=answer]").select_option("partly")
    row.locator("input[name=reason]").fill("判断标准将在解读中列举，正文保留原则性表述。")
    row.locator("button[type=submit]").click()
    page.wait_for_load_state()
    screenshot("disclosure_staff_answered")
    comment.refresh_from_db()
    assert (comment.status, comment.answer) == ("published", "partly")

    # The public sees the published comment on its paragraph, without name or contact.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/open/consultations/{consultation.pk}/")
    text = page.locator("#p-2").inner_text()
    assert "危害后果轻微" in text and "王小明" not in page.content() and "13912345678" not in page.content()

    # After the period the office publishes the adoption summary.
    after = timezone.now() + datetime.timedelta(days=31)
    with time_machine.travel(after, tick=True):
        log_in(page, live_server, people.officer)
        page.goto(f"{live_server.url}/staff/disclosure/consultations/{consultation.pk}/")
        page.locator("textarea[name=summary]").fill("征求意见期间共收到意见1条，部分采纳1条。")
        page.get_by_role("button", name="公布", exact=True).click()
        page.wait_for_load_state()
        assert "意见采纳情况已公布" in page.content()
        page.context.clear_cookies()
        page.goto(f"{live_server.url}/open/consultations/{consultation.pk}/adoption/")
        screenshot("disclosure_adoption_summary")
        table = page.locator("table.adoption").inner_text()
        assert "第二条" in table and "部分采纳" in table and "判断标准将在解读中列举" in table
        assert "13912345678" not in page.content()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_public_and_staff_pages_render(page, screenshot, live_server):
    org = factories.build_org()
    policy = factories.department(org.city, "政策法规处")
    officer = factories.user(
        org.city,
        org.city_office,
        roles=["open_government_officer"],
        scope="unit_and_below",
        full_name="陈政文",
    )
    people = People(
        org=org,
        policy_dept=policy,
        officer=officer,
        head=factories.user(
            org.city, org.city_office, roles=["open_government_head"], scope="unit_and_below"
        ),
        drafter=factories.user(org.city, policy, roles=["liaison"], scope="unit", full_name="李法明"),
        district_officer=officer,
    )
    document = publish_policy(people)
    services.incident_record(
        actor=officer,
        authority=org.city,
        title="网传汇算清缴截止日提前",
        severity="major",
        discovered_at=timezone.now() - datetime.timedelta(hours=4, minutes=30),
    )
    page.goto(f"{live_server.url}/open/")
    screenshot("disclosure_catalogue")
    assert document.index_number in page.content()
    page.goto(f"{live_server.url}/open/library/?q=留抵")
    screenshot("disclosure_library_search")
    assert "关于深化增值税改革有关事项的公告" in page.content()
    page.goto(f"{live_server.url}/open/documents/{document.pk}/")
    screenshot("disclosure_document_page")
    assert "效力变更历史" in page.content()
    log_in(page, live_server, officer)
    page.goto(f"{live_server.url}/staff/disclosure/")
    screenshot("disclosure_staff_home")
    page.goto(f"{live_server.url}/staff/disclosure/documents/{document.pk}/")
    screenshot("disclosure_staff_document")
    page.goto(f"{live_server.url}/staff/disclosure/incidents/")
    screenshot("disclosure_incidents")
    assert "即将到时" in page.content()
