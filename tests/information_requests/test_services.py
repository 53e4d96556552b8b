"""Intake, clock events, workflow and replies through the services."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sanxiang.holidays.models import Deadline
from sanxiang.holidays.selectors import deadline_get
from sanxiang.information_requests import selectors, services
from sanxiang.information_requests.choices import ReplyType, RequestStatus
from sanxiang.information_requests.models import InformationRequest
from sanxiang.kernel.exceptions import InvalidTransition, PermissionDeniedError, ValidationFailed

from .conftest import APPLICANT, TODAY, approved_request, counter_request

D = datetime.date
pytestmark = pytest.mark.django_db


def test_counter_request_starts_the_clock_on_the_day_it_is_handed_in(office):
    request = counter_request(office)
    assert request.received_on == TODAY
    assert request.clock_state == "running"
    assert request.due_on == D(2025, 3, 31)
    deadline = deadline_get(owner=request, purpose="information_requests.reply")
    assert deadline is not None and deadline.due == D(2025, 3, 31)


def test_post_is_received_when_signed_for(office):
    request, _token = services.request_create_by_staff(
        actor=office.officer,
        authority=office.org.city,
        channel="post_signed",
        data=APPLICANT,
        submitted_on=D(2025, 2, 27),
        today=TODAY,
    )
    assert request.received_on is None
    assert request.clock_state == "not_received"
    services.request_confirm_receipt(actor=office.officer, request=request, on=TODAY, today=TODAY)
    request.refresh_from_db()
    assert request.received_on == TODAY
    assert request.due_on == D(2025, 3, 31)


def test_oral_request_must_be_written_down(office):
    with pytest.raises(ValidationFailed):
        services.request_create_by_staff(
            actor=office.officer, authority=office.org.city, channel="oral", data=APPLICANT, today=TODAY
        )


def test_intake_requires_the_fields_of_article_29(office):
    with pytest.raises(ValidationFailed) as caught:
        services.request_create_by_staff(
            actor=office.officer,
            authority=office.org.city,
            channel="in_person",
            data={**APPLICANT, "description": "", "phone": "", "email": "", "address": ""},
            today=TODAY,
        )
    assert set(caught.value.extra["fields"]) == {"description", "phone"}


def test_invalid_id_number_is_refused(office):
    with pytest.raises(ValidationFailed):
        counter_request(office, id_number="110105194912310021")


def test_online_request_gets_code_and_token_and_waits_for_confirmation(office):
    proof = SimpleUploadedFile("id.png", b"\x89PNG fake", content_type="image/png")
    request, token = services.request_submit_online(
        authority=office.org.city, data=APPLICANT, identity_proof=proof, today=TODAY
    )
    assert request.code.startswith("YSQ20250303")
    assert request.identity_proof is not None
    assert request.received_on is None
    assert selectors.request_find_by_token(code=request.code, token=token) == request
    assert selectors.request_find_by_token(code=request.code, token=token + "x") is None
    services.request_register(actor=office.officer, request=request, today=D(2025, 3, 4))
    request.refresh_from_db()
    assert request.received_on == D(2025, 3, 4)
    assert request.status == RequestStatus.REGISTERED


def test_only_open_government_staff_register(office):
    with pytest.raises(PermissionDeniedError):
        services.request_create_by_staff(
            actor=office.legal, authority=office.org.city, channel="in_person", data=APPLICANT, today=TODAY
        )


def test_other_bureau_cannot_touch_the_request(office):
    request = counter_request(office)
    from django.http import Http404

    with pytest.raises(Http404):
        services.request_register(actor=office.outsider, request=request, today=TODAY)


def test_assignment_grants_the_holding_department_this_request(office):
    request = counter_request(office)
    other = counter_request(office)
    assert not InformationRequest.objects.visible_to(office.holder).filter(pk=request.pk).exists()
    services.request_register(actor=office.officer, request=request, today=TODAY)
    assignment = services.request_assign(actor=office.officer, request=request, department=office.holder_dept)
    visible = set(InformationRequest.objects.visible_to(office.holder).values_list("pk", flat=True))
    assert request.pk in visible and other.pk not in visible
    services.assignment_answer(actor=office.holder, assignment=assignment, search_result="已检索，信息存在。")
    assignment.refresh_from_db()
    assert assignment.answered_by == office.holder


def test_correction_restarts_and_abandonment_closes(office):
    request = counter_request(office)
    services.request_correction_notice(
        actor=office.officer,
        request=request,
        on=D(2025, 3, 5),
        today=D(2025, 3, 5),
        items="请写明所需信息的文号。",
        until=D(2025, 3, 19),
    )
    request.refresh_from_db()
    assert request.clock_state == "awaiting_correction"
    assert request.due_on is None
    assert Deadline.objects.for_owner(request).get(purpose="information_requests.reply").closed_at is not None
    services.request_correction_received(
        actor=office.officer, request=request, on=D(2025, 3, 10), today=D(2025, 3, 10)
    )
    request.refresh_from_db()
    assert request.due_on == D(2025, 4, 8)
    assert deadline_get(owner=request, purpose="information_requests.reply").closed_at is None

    gone = counter_request(office)
    services.request_register(actor=office.officer, request=gone, today=TODAY)
    services.request_correction_notice(
        actor=office.officer,
        request=gone,
        on=D(2025, 3, 5),
        today=D(2025, 3, 5),
        items="文号",
        until=D(2025, 3, 19),
    )
    assert services.refresh_open_clocks(today=D(2025, 3, 20)) >= 1
    gone.refresh_from_db()
    assert gone.status == RequestStatus.REPLIED
    assert gone.reply.reply_type == ReplyType.ABANDONED
    assert gone.closed_on == D(2025, 3, 20)


def test_correction_notice_after_seven_working_days_is_refused(office):
    request = counter_request(office)
    with pytest.raises(ValidationFailed) as caught:
        services.request_correction_notice(
            actor=office.officer, request=request, on=D(2025, 3, 13), today=D(2025, 3, 13), items="文号"
        )
    assert "7个工作日" in str(caught.value.message)


def test_extension_needs_the_office_head(office):
    request = counter_request(office)
    with pytest.raises(PermissionDeniedError):
        services.request_extend(
            actor=office.officer,
            request=request,
            on=D(2025, 3, 25),
            today=D(2025, 3, 25),
            days=20,
            reason="需调取档案",
        )
    services.request_extend(
        actor=office.head,
        request=request,
        on=D(2025, 3, 25),
        today=D(2025, 3, 25),
        days=20,
        reason="需调取档案",
    )
    request.refresh_from_db()
    assert request.due_on == D(2025, 4, 28)
    assert deadline_get(owner=request, purpose="information_requests.reply").due == D(2025, 4, 28)
    with pytest.raises(ValidationFailed):
        services.request_extend(
            actor=office.head, request=request, on=D(2025, 3, 26), today=D(2025, 3, 26), days=5, reason="再延"
        )


def test_consultation_pauses_and_deadline_row_matches(office):
    request = counter_request(office)
    consultation = services.consultation_send(
        actor=office.officer,
        request=request,
        kind="third_party",
        party="某商贸有限公司",
        on=D(2025, 3, 5),
        today=D(2025, 3, 5),
    )
    assert consultation.due_on == D(2025, 3, 26)
    request.refresh_from_db()
    assert request.clock_state == "paused"
    services.consultation_reply(
        actor=office.officer,
        consultation=consultation,
        on=D(2025, 3, 12),
        opinion="object",
        today=D(2025, 3, 12),
    )
    request.refresh_from_db()
    assert request.due_on == D(2025, 4, 8)
    assert request.clock_state == "running"
    assert deadline_get(owner=request, purpose="information_requests.reply").due == D(2025, 4, 8)


def test_fee_notice_and_payment(office):
    request = counter_request(office)
    with pytest.raises(ValidationFailed):
        services.fee_notice_send(
            actor=office.officer,
            request=request,
            on=D(2025, 3, 5),
            today=D(2025, 3, 5),
            method="per_volume",
            pages=20,
        )
    amount = services.fee_notice_send(
        actor=office.officer,
        request=request,
        on=D(2025, 3, 5),
        today=D(2025, 3, 5),
        method="per_volume",
        pages=150,
    )
    assert amount == 1700
    services.fee_paid(actor=office.officer, request=request, on=D(2025, 3, 12), today=D(2025, 3, 12))
    request.refresh_from_db()
    assert request.due_on == D(2025, 4, 8)


def test_full_workflow_with_partial_disclosure(office):
    request = counter_request(office)
    services.request_register(actor=office.officer, request=request, today=TODAY)
    services.request_assign(actor=office.officer, request=request, department=office.holder_dept)
    source = "2024年本局作出行政处罚决定120件，其中涉及某商贸有限公司商业秘密的罚款明细为：甲类45万元。联系人李四，电话13800138000。"
    start = source.index("甲类45万元")
    reply = services.reply_draft(
        actor=office.officer,
        request=request,
        reply_type="partial",
        reasons="涉及第三方商业秘密，依据条例第十五条不予公开。",
        source_text=source,
        redactions=[{"start": start, "end": start + 6, "reason": "商业秘密"}],
        needs_legal_review=True,
    )
    request.refresh_from_db()
    assert request.status == RequestStatus.IN_REVIEW
    assert "甲类45万元" not in reply.released_text
    assert "13800138000" not in reply.released_text
    assert "120件" in reply.released_text
    assert "第三十七条" in reply.body
    assert "六十日内" in reply.body and "六个月内" in reply.body
    with pytest.raises(InvalidTransition):
        services.reply_approve(actor=office.head, request=request)
    services.reply_review(actor=office.legal, request=request, opinion="同意区分处理。", passed=True)
    services.reply_approve(actor=office.head, request=request)
    reply = services.reply_issue(
        actor=office.officer, request=request, on=D(2025, 3, 20), today=D(2025, 3, 20)
    )
    request.refresh_from_db()
    assert request.status == RequestStatus.REPLIED
    assert request.clock_state == "replied"
    assert reply.document_docx is not None
    assert deadline_get(owner=request, purpose="information_requests.reply").closed_at is not None
    with pytest.raises(ValidationFailed):
        services.reply_deliver(actor=office.officer, request=request, on=D(2025, 3, 20), method="post")
    services.reply_deliver(
        actor=office.officer,
        request=request,
        on=D(2025, 3, 21),
        method="post",
        note="EMS 1234567890",
        proof=SimpleUploadedFile("receipt.pdf", b"%PDF-1.4", content_type="application/pdf"),
    )
    services.request_archive(actor=office.officer, request=request)
    request.refresh_from_db()
    assert request.status == RequestStatus.ARCHIVED
    steps = list(request.transitions.values_list("action", flat=True))
    assert steps == [
        "register",
        "assign",
        "draft",
        "send_to_review",
        "submit_for_approval",
        "approve",
        "issue",
        "archive",
    ]


def test_only_the_head_approves(office):
    request = counter_request(office)
    services.request_register(actor=office.officer, request=request, today=TODAY)
    services.reply_draft(actor=office.officer, request=request, reply_type="disclosed", obtain_how="见附件。")
    with pytest.raises(PermissionDeniedError):
        services.reply_approve(actor=office.officer, request=request)


@pytest.mark.parametrize("reply_type", [t for t in ReplyType.values if t not in ("abandoned", "fee_unpaid")])
def test_every_reply_type_has_a_document(office, reply_type):
    extra = {}
    if reply_type == "withheld":
        extra = {"withheld_reason": "enforcement_file", "reasons": "属于行政执法案卷信息（条例第十六条）。"}
    if reply_type == "partial":
        extra = {
            "reasons": "部分涉及个人隐私。",
            "source_text": "甲乙丙丁",
            "redactions": [{"start": 1, "end": 2}],
        }
    if reply_type == "not_this_organ":
        extra = {"responsible_organ": "宝鸡市市场监督管理局，0917-1234567"}
    request = approved_request(office, reply_type=reply_type, **extra)
    reply = services.reply_issue(actor=office.officer, request=request, on=TODAY, today=TODAY)
    from docx import Document

    text = "\n".join(p.text for p in Document(io.BytesIO(open_stored(reply.document_docx))).paragraphs)
    assert office.org.city.name in text  # letterhead
    assert "条例" in text  # legal basis
    assert "行政复议" in text and "行政诉讼" in text
    assert reply.document_pdf is not None
    assert open_stored(reply.document_pdf).startswith(b"%PDF")


def open_stored(stored) -> bytes:
    from sanxiang.files.services import file_root

    return (file_root() / stored.storage_path).read_bytes()


def test_petition_is_routed_away_naming_the_channel(office):
    request = counter_request(office)
    with pytest.raises(ValidationFailed):
        services.request_route_away(actor=office.officer, request=request, channel_text="", today=TODAY)
    reply = services.request_route_away(
        actor=office.officer,
        request=request,
        channel_text="请通过 12366 纳税服务热线或税收违法行为检举渠道提出。",
        today=TODAY,
    )
    request.refresh_from_db()
    assert request.status == RequestStatus.ROUTED_AWAY
    assert "12366" in reply.body
    assert "第三十九条" in reply.body


def test_remedies_are_recorded_against_the_request(office):
    request = approved_request(office)
    services.reply_issue(actor=office.officer, request=request, on=TODAY, today=TODAY)
    remedy = services.remedy_record(
        actor=office.officer,
        request=request,
        kind="reconsideration",
        filed_on=D(2025, 4, 1),
        body="国家税务总局陕西省税务局",
    )
    services.remedy_decide(actor=office.officer, remedy=remedy, outcome="upheld", decided_on=D(2025, 5, 20))
    remedy.refresh_from_db()
    assert remedy.outcome == "upheld"


def test_office_edits_the_template(office):
    services.template_save(
        actor=office.officer,
        authority=office.org.city,
        reply_type="disclosed",
        title="答复书（予以公开）",
        body="您的申请（{code}）予以公开，见附件。",
        legal_basis="条例第三十六条第（二）项",
    )
    request = approved_request(office)
    assert request.reply.body.startswith(f"您的申请（{request.code}）予以公开")


def test_reminders_and_overdue_list(office):
    from sanxiang.information_requests import selectors

    due_soon = counter_request(office, on=D(2025, 3, 3))  # due 31 Mar
    late = counter_request(office, on=D(2025, 2, 10))  # due 10 Mar
    todos = selectors.todos_for(office.officer, D(2025, 3, 26))
    labels = {t.label: t for t in todos}
    assert any(due_soon.code in label for label in labels)
    assert any(late.code in label and t.overdue for label, t in labels.items())
    groups = selectors.overdue_by_unit(actor=office.officer, today=D(2025, 3, 26))
    assert [r.code for g in groups for r in g["requests"]] == [late.code]
    assert selectors.overdue_by_unit(actor=office.outsider, today=D(2025, 3, 26)) == []
    # Far from the due date: no deadline reminder yet (only the "to register" to-do).
    early = [t.label for t in selectors.todos_for(office.officer, D(2025, 3, 4)) if due_soon.code in t.label]
    assert early and all("待登记" in label for label in early)
