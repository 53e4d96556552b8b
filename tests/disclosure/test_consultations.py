"""Consultations: period rule, per-paragraph comments, moderation, answers and the summary."""

from __future__ import annotations

import datetime

import pytest

from sanxiang.disclosure import selectors, services
from sanxiang.kernel.exceptions import InvalidTransition, PermissionDeniedError, ValidationFailed

pytestmark = pytest.mark.django_db

DRAFT = "第一条 为规范纳税信用修复，制定本办法。\n第二条 纳税人可以申请信用修复。\n第三条 本办法自发布之日起施行。"
OPENS, CLOSES = datetime.date(2025, 3, 1), datetime.date(2025, 3, 31)


@pytest.fixture
def consultation(people):
    c = services.consultation_create(
        actor=people.drafter,
        authority=people.org.city,
        title="纳税信用修复办法（征求意见稿）",
        explanation="为落实优化营商环境要求，起草了本办法。",
        draft_text=DRAFT,
    )
    return services.consultation_open(actor=people.officer, consultation=c, opens_on=OPENS, closes_on=CLOSES)


def test_the_draft_is_split_into_paragraphs(consultation):
    assert [p.label for p in consultation.paragraphs.all()] == ["第一条", "第二条", "第三条"]


def test_a_period_under_thirty_days_needs_a_reason(people):
    c = services.consultation_create(
        actor=people.drafter, authority=people.org.city, title="T", explanation="E", draft_text="第一条 甲。"
    )
    with pytest.raises(ValidationFailed) as info:
        services.consultation_open(
            actor=people.officer, consultation=c, opens_on=OPENS, closes_on=datetime.date(2025, 3, 15)
        )
    assert "14日" in str(info.value.message)
    c = services.consultation_open(
        actor=people.officer,
        consultation=c,
        opens_on=OPENS,
        closes_on=datetime.date(2025, 3, 15),
        short_period_reason="落实紧急减税政策，需尽快出台。",
    )
    page = selectors.consultation_public_get(pk=c.pk, today=OPENS)
    assert page.period.short and page.period.days == 14
    assert page.consultation.short_period_reason == "落实紧急减税政策，需尽快出台。"


def test_the_drafter_cannot_open_a_consultation(people):
    c = services.consultation_create(
        actor=people.drafter, authority=people.org.city, title="T", explanation="E", draft_text="第一条 甲。"
    )
    with pytest.raises(PermissionDeniedError):
        services.consultation_open(actor=people.drafter, consultation=c, opens_on=OPENS, closes_on=CLOSES)


def test_comments_are_accepted_only_during_the_period(consultation):
    with pytest.raises(InvalidTransition):
        services.comment_submit(consultation=consultation, body="意见", today=datetime.date(2025, 2, 28))
    with pytest.raises(InvalidTransition):
        services.comment_submit(consultation=consultation, body="意见", today=datetime.date(2025, 4, 1))
    assert services.comment_submit(consultation=consultation, body="意见", today=CLOSES).status == "pending"


def test_a_paragraph_comment_is_premoderated_and_flagged(people, consultation):
    paragraph = consultation.paragraphs.get(number=2)
    comment = services.comment_submit(
        consultation=consultation,
        paragraph=paragraph,
        body="建议明确修复的条件，另外可以代开发票吗",
        commenter_name="张三",
        contact="13912345678",
        client="10.0.0.1",
        today=OPENS,
    )
    assert comment.flagged_words == ["代开发票"]
    page = selectors.consultation_public_get(pk=consultation.pk, today=OPENS)
    assert all(not comments for _p, comments in page.paragraphs)
    assert page.counts.received == 1 and page.counts.published == 0

    with pytest.raises(ValidationFailed):
        services.comment_moderate(actor=people.officer, comment=comment, approve=False)
    services.comment_moderate(actor=people.officer, comment=comment, approve=False, reason="含广告内容")
    comment.refresh_from_db()
    assert (comment.status, comment.rejection_reason) == ("rejected", "含广告内容")


def test_comments_on_another_drafts_paragraph_are_refused(people, consultation):
    other = services.consultation_create(
        actor=people.drafter, authority=people.org.city, title="T", explanation="E", draft_text="第一条 甲。"
    )
    with pytest.raises(ValidationFailed):
        services.comment_submit(
            consultation=consultation, paragraph=other.paragraphs.first(), body="意见", today=OPENS
        )


def test_comments_are_rate_limited_per_client(consultation, settings):
    settings.SANXIANG_DISCLOSURE_COMMENT_RATE_LIMIT = 2
    for _ in range(2):
        services.comment_submit(consultation=consultation, body="意见", client="10.0.0.9", today=OPENS)
    with pytest.raises(services.CommentRateLimited):
        services.comment_submit(consultation=consultation, body="意见", client="10.0.0.9", today=OPENS)
    services.comment_submit(consultation=consultation, body="意见", client="10.0.0.10", today=OPENS)


def test_answers_then_summary_after_the_period(people, consultation):
    p2 = consultation.paragraphs.get(number=2)
    a = services.comment_submit(
        consultation=consultation, paragraph=p2, body="建议增加线上申请。", today=OPENS
    )
    b = services.comment_submit(consultation=consultation, body="建议延长过渡期。", today=OPENS)
    for comment in (a, b):
        services.comment_moderate(actor=people.officer, comment=comment, approve=True)
    page = selectors.consultation_public_get(pk=consultation.pk, today=OPENS)
    assert [len(comments) for _p, comments in page.paragraphs] == [0, 1, 0]
    assert [c.body for c in page.general_comments] == ["建议延长过渡期。"]

    services.comment_answer(actor=people.drafter, comment=a, answer="adopted")
    with pytest.raises(ValidationFailed):
        services.comment_answer(actor=people.drafter, comment=b, answer="not_adopted")
    with pytest.raises(InvalidTransition):
        services.consultation_publish_summary(
            actor=people.officer, consultation=consultation, summary="S", today=CLOSES
        )
    with pytest.raises(InvalidTransition):
        services.consultation_publish_summary(
            actor=people.officer, consultation=consultation, summary="S", today=datetime.date(2025, 4, 1)
        )
    services.comment_answer(
        actor=people.drafter, comment=b, answer="not_adopted", reason="过渡期已在第三条规定。"
    )
    services.consultation_publish_summary(
        actor=people.officer,
        consultation=consultation,
        summary="共收到意见2条。",
        today=datetime.date(2025, 4, 1),
    )
    page = selectors.consultation_public_get(pk=consultation.pk, today=datetime.date(2025, 4, 1))
    assert page.summary_published
    assert page.counts == selectors.rules.AdoptionCounts(2, 2, 2, 1, 0, 1)
    with pytest.raises(InvalidTransition):
        services.comment_answer(actor=people.drafter, comment=a, answer="partly", reason="x")
