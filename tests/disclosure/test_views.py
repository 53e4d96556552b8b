"""Pages: the staff workflow through the forms, public comments with captcha, no contact data on
public pages, the library export."""

from __future__ import annotations

import datetime
import io

import pytest
from captcha.models import CaptchaStore
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from sanxiang.disclosure import services
from sanxiang.disclosure.models import ConsultationComment, OfficialDocument, ServiceRating

from .conftest import publish_policy

pytestmark = pytest.mark.django_db


def solved() -> dict[str, str]:
    """A real captcha challenge and its answer, as a person reading the image would type it."""
    key = CaptchaStore.generate_key()
    return {"captcha_0": key, "captcha_1": CaptchaStore.objects.get(hashkey=key).response}


@pytest.fixture
def open_consultation(people):
    today = timezone.localdate()
    c = services.consultation_create(
        actor=people.drafter,
        authority=people.org.city,
        title="纳税信用修复办法（征求意见稿）",
        explanation="起草说明",
        draft_text="第一条 甲。\n第二条 乙。",
    )
    return services.consultation_open(
        actor=people.officer,
        consultation=c,
        opens_on=today - datetime.timedelta(days=1),
        closes_on=today + datetime.timedelta(days=29),
    )


def test_staff_register_a_document_and_the_office_returns_it(client, people):
    client.force_login(people.drafter)
    response = client.post(
        reverse("disclosure:document_create"),
        {
            "title": "关于开展税收宣传月的通知",
            "kind": "other",
            "heading": "other",
            "attribute": "",
            "withheld_reason": "",
        },
    )
    document = OfficialDocument.objects.get(title="关于开展税收宣传月的通知")
    assert response.status_code == 302
    client.post(reverse("disclosure:document_submit", args=[document.pk]))
    client.force_login(people.officer)
    client.post(reverse("disclosure:document_register", args=[document.pk]))
    document.refresh_from_db()
    assert document.status == "returned"
    page = client.get(reverse("disclosure:document_detail", args=[document.pk])).content.decode()
    assert "未明确公开属性" in page


def test_a_citizen_comments_on_a_paragraph_and_contact_stays_private(client, people, open_consultation):
    paragraph = open_consultation.paragraphs.get(number=2)
    url = reverse("open:consultation_comment", args=[open_consultation.pk])
    response = client.post(
        url,
        {
            "paragraph": paragraph.pk,
            "body": "建议明确办理时限。",
            "commenter_name": "王小明",
            "contact": "13912345678",
            **solved(),
        },
    )
    assert response.status_code == 302
    comment = ConsultationComment.objects.get()
    assert comment.paragraph == paragraph and comment.contact == "13912345678"
    services.comment_moderate(actor=people.officer, comment=comment, approve=True)
    page = client.get(reverse("open:consultation", args=[open_consultation.pk])).content.decode()
    assert "建议明确办理时限。" in page
    assert "13912345678" not in page and "王小明" not in page


def test_a_wrong_captcha_refuses_the_comment(client, open_consultation):
    response = client.post(
        reverse("open:consultation_comment", args=[open_consultation.pk]),
        {"body": "意见", "captcha_0": solved()["captcha_0"], "captcha_1": "WRONG"},
    )
    assert response.status_code == 400
    assert not ConsultationComment.objects.exists()


def test_a_rating_from_the_document_page(client, people):
    document = publish_policy(people)
    url = reverse("open:document_rate", args=[document.pk])
    client.post(url, {"score": 1, "reason": "", **solved()})
    assert not ServiceRating.objects.exists()
    client.post(url, {"score": 1, "reason": "太难懂", **solved()})
    assert ServiceRating.objects.get().is_low


def test_library_page_and_exports(client, people):
    publish_policy(people)
    page = client.get(reverse("open:library"), {"q": "留抵"}).content.decode()
    assert "关于深化增值税改革有关事项的公告" in page
    csv_text = client.get(reverse("open:library_export_csv"), {"q": "留抵"}).content.decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("标题,文号") and "国家税务总局公告2019年第14号" in csv_text
    workbook = load_workbook(io.BytesIO(client.get(reverse("open:library_export_xlsx")).content))
    rows = list(workbook.active.values)
    assert rows[0][0] == "标题" and rows[1][1] == "国家税务总局公告2019年第14号"


def test_document_page_shows_history_and_interpretation(client, people):
    document = publish_policy(people)
    page = client.get(reverse("open:document", args=[document.pk])).content.decode()
    assert document.index_number in page and "全文有效" in page and "哪些纳税人可以申请" in page


def test_an_unpublished_document_is_not_public(client, people):
    document = services.document_create(
        actor=people.drafter, authority=people.org.city, title="内部", attribute="proactive"
    )
    assert client.get(reverse("open:document", args=[document.pk])).status_code == 404


def test_an_attachment_goes_to_the_one_file_store(client, people):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from sanxiang.files.models import StoredFile

    document = services.document_create(actor=people.drafter, authority=people.org.city, title="附件测试")
    client.force_login(people.drafter)
    client.post(
        reverse("disclosure:attachment_add", args=[document.pk]),
        {
            "title": "附件1 申请表",
            "file": SimpleUploadedFile("申请表.pdf", b"%PDF-1.4 test", "application/pdf"),
        },
    )
    attachment = document.attachments.get()
    assert attachment.title == "附件1 申请表"
    assert StoredFile.objects.get(pk=attachment.file_id).original_name == "申请表.pdf"
    page = client.get(reverse("disclosure:document_detail", args=[document.pk])).content.decode()
    assert reverse("files:download", args=[attachment.file.public_id]) in page


def test_published_rulings_are_listed_in_the_catalogue(client, people):
    ruling = services.ruling_register(
        actor=people.drafter,
        authority=people.org.city,
        document_number="宝税函〔2025〕3号",
        title="关于某公司资产划转问题的批复",
        text="经研究，批复如下。",
        decided_on=timezone.localdate(),
    )
    assert "资产划转" not in client.get(reverse("open:catalogue"), {"heading": "rulings"}).content.decode()
    ruling = services.ruling_publish(actor=people.officer, ruling=ruling)
    page = client.get(reverse("open:catalogue"), {"heading": "rulings"}).content.decode()
    assert "关于某公司资产划转问题的批复" in page
    assert client.get(reverse("portal:entry_detail", kwargs={"key": ruling.public_key})).status_code == 200
