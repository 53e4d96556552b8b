"""Official documents: attributes and 退文, confidentiality review, the catalogue, index numbers,
validity history, 三同步 and the annual-report counts."""

from __future__ import annotations

import datetime

import pytest

from sanxiang.disclosure import selectors, services
from sanxiang.disclosure.models import ValidityLabel
from sanxiang.holidays.models import Deadline
from sanxiang.kernel.exceptions import InvalidTransition, PermissionDeniedError, ValidationFailed
from sanxiang.notifications.models import Notification
from sanxiang.portal.models import PublicEntry

from .conftest import publish_policy

pytestmark = pytest.mark.django_db


def _draft(p, **kwargs):
    defaults = {"title": "2025年政务公开工作要点", "heading": "plans", "text": "一、总体要求\n二、重点任务"}
    return services.document_create(actor=p.drafter, authority=p.org.city, **{**defaults, **kwargs})


def test_it_returns_a_document_without_an_attribute_to_its_drafter(people):
    document = _draft(people)
    services.document_submit(actor=people.drafter, document=document)
    document = services.document_register(actor=people.officer, document=document)
    assert document.status == "returned"
    assert "未明确公开属性" in document.return_reason
    transition = document.transitions.last()
    assert (transition.from_status, transition.to_status, transition.actor) == (
        "submitted",
        "returned",
        people.officer,
    )
    notice = Notification.objects.get(recipient=people.drafter)
    assert "被退回" in notice.title


def test_it_returns_a_withheld_document_without_a_reason(people):
    document = _draft(people, attribute="withheld")
    services.document_submit(actor=people.drafter, document=document)
    assert services.document_register(actor=people.officer, document=document).status == "returned"
    services.document_set_attribute(
        actor=people.drafter, document=document, attribute="withheld", withheld_reason="internal_affairs"
    )
    services.document_submit(actor=people.drafter, document=document)
    document = services.document_register(actor=people.officer, document=document)
    assert document.status == "registered"
    with pytest.raises(InvalidTransition):
        services.document_review(actor=people.head, document=document)


def test_only_the_office_head_reviews_confidentiality(people):
    document = _draft(people, attribute="proactive")
    services.document_submit(actor=people.drafter, document=document)
    services.document_register(actor=people.officer, document=document)
    with pytest.raises(PermissionDeniedError):
        services.document_review(actor=people.officer, document=document)
    with pytest.raises(InvalidTransition):
        services.document_publish(actor=people.officer, document=document)
    services.document_review(actor=people.head, document=document)
    document = services.document_publish(
        actor=people.officer, document=document, today=datetime.date(2025, 2, 10)
    )
    assert document.status == "published"


def test_a_district_officer_cannot_register_a_city_document(people):
    document = _draft(people, attribute="proactive")
    services.document_submit(actor=people.drafter, document=document)
    with pytest.raises(PermissionDeniedError):
        services.document_register(actor=people.district_officer, document=document)


def test_publication_puts_the_document_in_the_catalogue_with_an_index_number(people):
    first = publish_policy(people, published_on=datetime.date(2025, 3, 1))
    second = publish_policy(
        people,
        title="第二份公告",
        number="国家税务总局公告2025年第2号",
        published_on=datetime.date(2025, 4, 1),
    )
    code = people.org.city.code
    assert first.index_number == f"{code}05/2025-00001"
    assert second.index_number == f"{code}05/2025-00002"
    entry = PublicEntry.objects.get(source_key=first.public_key)
    assert entry.category_code == "disclosure.tax_policy"
    labels = dict(entry.fields)
    assert labels["索引号"] == first.index_number
    assert labels["主题词"] == "增值税 留抵退税"
    assert labels["效力状态"] == "全文有效"
    assert list(selectors.catalogue(heading="tax_policy")) == [second, first]
    assert list(selectors.catalogue(heading="plans")) == []


def test_articles_are_split_from_the_full_text(people):
    document = publish_policy(people)
    assert [a.label for a in document.articles.all()] == ["", "第一条", "第二条", "第三条"]


def test_interpretations_are_published_with_the_document(people):
    document = publish_policy(people, interpretation=True)
    assert [i.status for i in document.interpretations.all()] == ["published"]
    assert not Deadline.objects.filter(object_id=document.pk, purpose="disclosure.interpretation").exists()


def test_a_document_without_interpretation_is_flagged_after_the_grace_period(people, settings):
    settings.SANXIANG_DISCLOSURE_INTERPRETATION_GRACE_DAYS = 5
    document = publish_policy(people, interpretation=False, published_on=datetime.date(2025, 3, 3))  # Monday
    deadline = Deadline.objects.get(object_id=document.pk, purpose="disclosure.interpretation")
    assert deadline.due == datetime.date(2025, 3, 10)  # five working days later
    assert selectors.interpretation_overdue(actor=people.officer, today=datetime.date(2025, 3, 10)) == []
    flagged = selectors.interpretation_overdue(actor=people.officer, today=datetime.date(2025, 3, 11))
    assert [d for d, _ in flagged] == [document]
    todos = selectors.todos_for(people.drafter, datetime.date(2025, 3, 11))
    assert any("三同步" in t.label and t.overdue for t in todos)

    interpretation = services.interpretation_create(
        actor=people.drafter, document=document, title="解读", body="背景、要点和举例。"
    )
    services.interpretation_publish(actor=people.officer, interpretation=interpretation)
    assert selectors.interpretation_overdue(actor=people.officer, today=datetime.date(2025, 3, 11)) == []
    entry = PublicEntry.objects.get(source_key=document.public_key)
    assert entry.version == 2 and "背景、要点和举例" in entry.text


def test_validity_changes_are_versioned_with_articles_and_amending_document(people):
    old = publish_policy(people, published_on=datetime.date(2019, 3, 21))
    new = publish_policy(
        people,
        title="关于进一步加大增值税期末留抵退税政策实施力度的公告",
        number="财政部 税务总局公告2022年第14号",
        published_on=datetime.date(2022, 3, 21),
    )
    partly = ValidityLabel.objects.get(code="partly_void")
    with pytest.raises(ValidationFailed):
        services.document_validity_change(
            actor=people.officer,
            document=old,
            label=partly,
            effective_on=datetime.date(2022, 4, 1),
            by_document=new,
        )
    services.document_validity_change(
        actor=people.officer,
        document=old,
        label=partly,
        articles="第一条",
        effective_on=datetime.date(2022, 4, 1),
        by_document=new,
    )
    repealed = ValidityLabel.objects.get(code="full_repealed")
    services.document_validity_change(
        actor=people.officer,
        document=old,
        label=repealed,
        effective_on=datetime.date(2024, 1, 1),
        by_document_text="国家税务总局公告2023年第99号",
    )
    page = selectors.document_public_get(pk=old.pk)
    assert [(c.version, c.label.label, c.articles) for c in page.history] == [
        (1, "全文有效", ""),
        (2, "部分条款失效", "第一条"),
        (3, "全文废止", ""),
    ]
    assert page.history[1].by_document == new
    assert [c.document for c in selectors.document_public_get(pk=new.pk).amends] == [old]
    old.refresh_from_db()
    assert old.validity_label == repealed
    assert PublicEntry.objects.get(source_key=old.public_key).version == 3


def test_regulatory_document_counts_feed_the_annual_report(people):
    a = publish_policy(people, published_on=datetime.date(2023, 5, 1))
    publish_policy(people, title="B", published_on=datetime.date(2024, 2, 1))
    publish_policy(people, title="C", kind="rule", published_on=datetime.date(2024, 6, 1))
    publish_policy(people, title="D", kind="other", published_on=datetime.date(2024, 6, 1))
    publish_policy(people, title="E", published_on=datetime.date(2024, 7, 1))
    repealed = ValidityLabel.objects.get(code="full_repealed")
    services.document_validity_change(
        actor=people.officer,
        document=a,
        label=repealed,
        effective_on=datetime.date(2024, 9, 1),
        by_document_text="X",
    )
    counts = selectors.regulatory_document_counts(authority=people.org.city, year=2024)
    assert counts == {
        "rule": {"issued": 1, "repealed": 0, "in_force": 1},
        "normative": {"issued": 2, "repealed": 1, "in_force": 2},
    }
    assert selectors.regulatory_document_counts(authority=people.org.city, year=2023) == {
        "rule": {"issued": 0, "repealed": 0, "in_force": 0},
        "normative": {"issued": 1, "repealed": 0, "in_force": 1},
    }
    assert (
        selectors.regulatory_document_counts(authority=people.org.district_a, year=2024)["normative"][
            "issued"
        ]
        == 0
    )


def test_a_proactive_document_must_be_published_within_twenty_working_days(people):
    document = _draft(people, attribute="proactive", signed_on=datetime.date(2025, 3, 3))
    services.document_submit(actor=people.drafter, document=document)
    services.document_register(actor=people.officer, document=document)
    deadline = Deadline.objects.get(object_id=document.pk, purpose="disclosure.publish")
    assert deadline.due == datetime.date(2025, 3, 31)  # 20 working days after Monday 3 March
    todos = selectors.todos_for(people.officer, datetime.date(2025, 4, 1))
    assert any(t.overdue and "保密审查" in t.label for t in todos)
    services.document_review(actor=people.head, document=document)
    services.document_publish(actor=people.officer, document=document, today=datetime.date(2025, 4, 1))
    deadline.refresh_from_db()
    assert deadline.closed_at is not None


def test_department_scoped_drafters_see_their_departments_flag(people):
    from tests import factories

    colleague = factories.user(people.org.city, people.policy_dept, roles=[], scope="department")
    outsider = factories.user(people.org.city, people.org.city_legal, roles=[], scope="department")
    document = publish_policy(people, interpretation=False, published_on=datetime.date(2025, 3, 3))
    today = datetime.date(2025, 3, 20)
    assert [d for d, _ in selectors.interpretation_overdue(actor=colleague, today=today)] == [document]
    assert any("三同步" in t.label for t in selectors.todos_for(colleague, today))
    assert selectors.interpretation_overdue(actor=outsider, today=today) == []
