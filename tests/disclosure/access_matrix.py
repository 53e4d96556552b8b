"""Access matrix of proactive disclosure: staff pages (/staff/disclosure/), public pages (/open/)
and the captcha endpoints the public forms use."""

from __future__ import annotations

import datetime

from django.utils import timezone

from sanxiang.disclosure import services
from sanxiang.disclosure.models import TaxType

ANY_STAFF = {"default": 200, "anonymous": 302}
POST_ONLY = {"default": 405}
PUBLIC = {"default": 200}
API_STAFF = {"default": 200, "anonymous": 401}
# The validity action: GET is not allowed for open-government staff, refused before that for others.
API_POST_ONLY = {
    "default": 403,
    "anonymous": 401,
    "city_opengov": 405,
    "city_opengov_head": 405,
    "jt_opengov": 405,
}
# Public-opinion incidents: open-government staff only (the system administrator holds no such role).
OPEN_GOV = {
    "default": 403,
    "anonymous": 302,
    "city_opengov": 200,
    "city_opengov_head": 200,
    "jt_opengov": 200,
}
# A city-bureau object: seen by the city's staff with a unit-and-below or wider scope; 404 for the
# district bureaus' staff and for department-scoped staff (no department on these objects).
CITY_OBJECT = {
    "default": 404,
    "anonymous": 302,
    "sysadmin": 200,
    "city_leader": 200,
    "city_legal": 200,
    "city_approver": 200,
    "city_opengov": 200,
    "city_opengov_head": 200,
    "city_supervisor": 200,
    "city_archivist": 200,
    "city_inspection": 200,
}
CITY_INCIDENT = {
    "default": 403,
    "anonymous": 302,
    "city_opengov": 200,
    "city_opengov_head": 200,
    "jt_opengov": 404,
}


def cases(demo):
    city = demo.authorities["city"]
    drafter, officer, head = (
        demo.users["city_legal"],
        demo.users["city_opengov"],
        demo.users["city_opengov_head"],
    )
    today = timezone.localdate()
    document = services.document_create(
        actor=drafter,
        authority=city,
        title="关于纳税信用修复的公告",
        kind="normative",
        heading="tax_policy",
        attribute="proactive",
        in_policy_library=True,
        tax_types=list(TaxType.objects.filter(code="administration")),
        text="第一条 甲。\n第二条 乙。",
    )
    interpretation = services.interpretation_create(
        actor=drafter, document=document, title="解读", body="要点"
    )
    services.document_submit(actor=drafter, document=document)
    services.document_register(actor=officer, document=document)
    services.document_review(actor=head, document=document)
    document = services.document_publish(actor=officer, document=document, today=today)
    consultation = services.consultation_create(
        actor=drafter,
        authority=city,
        title="办法（征求意见稿）",
        explanation="说明",
        draft_text="第一条 甲。",
    )
    consultation = services.consultation_open(
        actor=officer,
        consultation=consultation,
        opens_on=today - datetime.timedelta(days=40),
        closes_on=today - datetime.timedelta(days=5),
    )
    comment = services.comment_submit(
        consultation=consultation, body="意见", today=today - datetime.timedelta(days=10)
    )
    services.comment_moderate(actor=officer, comment=comment, approve=True)
    services.comment_answer(actor=drafter, comment=comment, answer="adopted")
    services.consultation_publish_summary(
        actor=officer, consultation=consultation, summary="采纳1条", today=today
    )
    rating = services.rating_submit(target=document, score=1, reason="看不懂")
    rectification = services.rectification_assign(actor=officer, rating=rating, department=officer.department)
    incident = services.incident_record(
        actor=officer,
        authority=city,
        title="舆情",
        discovered_at=timezone.now() - datetime.timedelta(hours=1),
    )
    ruling = services.ruling_register(
        actor=drafter,
        authority=city,
        document_number="宝税函〔2025〕1号",
        title="批复",
        text="内容",
        decided_on=today,
    )
    from captcha.models import CaptchaStore

    key = CaptchaStore.generate_key()
    return [
        ("disclosure:home", {}, ANY_STAFF),
        ("disclosure:document_create", {}, ANY_STAFF),
        ("disclosure:document_detail", {"pk": document.pk}, CITY_OBJECT),
        ("disclosure:document_submit", {"pk": document.pk}, POST_ONLY),
        ("disclosure:document_attribute", {"pk": document.pk}, POST_ONLY),
        ("disclosure:document_register", {"pk": document.pk}, POST_ONLY),
        ("disclosure:document_return", {"pk": document.pk}, POST_ONLY),
        ("disclosure:document_review", {"pk": document.pk}, POST_ONLY),
        ("disclosure:document_publish", {"pk": document.pk}, POST_ONLY),
        ("disclosure:document_validity", {"pk": document.pk}, POST_ONLY),
        ("disclosure:interpretation_add", {"pk": document.pk}, POST_ONLY),
        ("disclosure:attachment_add", {"pk": document.pk}, POST_ONLY),
        ("disclosure:interpretation_publish", {"pk": interpretation.pk}, POST_ONLY),
        ("disclosure:interpretation_overdue", {}, ANY_STAFF),
        ("disclosure:consultation_list", {}, ANY_STAFF),
        ("disclosure:consultation_create", {}, ANY_STAFF),
        ("disclosure:consultation_detail", {"pk": consultation.pk}, CITY_OBJECT),
        ("disclosure:consultation_open", {"pk": consultation.pk}, POST_ONLY),
        ("disclosure:consultation_summary", {"pk": consultation.pk}, POST_ONLY),
        ("disclosure:consultation_link", {"pk": consultation.pk}, POST_ONLY),
        ("disclosure:comment_moderate", {"pk": comment.pk}, POST_ONLY),
        ("disclosure:comment_answer", {"pk": comment.pk}, POST_ONLY),
        ("disclosure:rating_list", {}, ANY_STAFF),
        ("disclosure:rectification_assign", {"pk": rating.pk}, POST_ONLY),
        ("disclosure:rectification_answer", {"pk": rectification.pk}, POST_ONLY),
        ("disclosure:incident_list", {}, OPEN_GOV),
        ("disclosure:incident_detail", {"pk": incident.pk}, CITY_INCIDENT),
        ("disclosure:incident_info", {"pk": incident.pk}, POST_ONLY),
        ("disclosure:incident_press", {"pk": incident.pk}, POST_ONLY),
        ("disclosure:ruling_list", {}, ANY_STAFF),
        ("disclosure:ruling_publish", {"pk": ruling.pk}, POST_ONLY),
        ("api:disclosure:document-list", {}, API_STAFF),
        ("api:disclosure:document-detail", {"pk": document.pk}, {**CITY_OBJECT, "anonymous": 401}),
        ("api:disclosure:document-validity", {"pk": document.pk}, API_POST_ONLY),
        ("api:disclosure:incident-list", {}, {**OPEN_GOV, "anonymous": 401}),
        (
            "api:disclosure:regulatory-counts",
            {},
            {**OPEN_GOV, "anonymous": 401, "city_opengov": 400, "city_opengov_head": 400, "jt_opengov": 400},
        ),
        ("open:catalogue", {}, PUBLIC),
        ("open:document", {"pk": document.pk}, PUBLIC),
        ("open:document_rate", {"pk": document.pk}, POST_ONLY),
        ("open:library", {}, PUBLIC),
        ("open:library_export_csv", {}, PUBLIC),
        ("open:library_export_xlsx", {}, PUBLIC),
        ("open:consultations", {}, PUBLIC),
        ("open:consultation", {"pk": consultation.pk}, PUBLIC),
        ("open:consultation_comment", {"pk": consultation.pk}, POST_ONLY),
        ("open:adoption", {"pk": consultation.pk}, PUBLIC),
        ("captcha-image", {"key": key}, PUBLIC),
        ("captcha-image-2x", {"key": key}, PUBLIC),
        # Audio needs the flite program, which is not installed: the view answers 404.
        ("captcha-audio", {"key": key}, {"default": 404}),
        # Refresh answers only XMLHttpRequest (the matrix GETs without that header).
        ("captcha-refresh", {}, {"default": 404}),
    ]
