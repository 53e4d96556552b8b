from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from sanxiang.enforcement.choices import ActKind
from sanxiang.kernel.exceptions import PermissionDeniedError, ScopeViolation, ValidationFailed
from sanxiang.review import rules, selectors, services
from sanxiang.review.models import ChecklistItem, ReviewCatalogue
from tests import factories as org_factories
from tests.review.conftest import TODAY, make_case


def _row(**kwargs):
    row = {
        "code": "penalty_amount",
        "label": "较大数额罚款",
        "act_kinds": ["penalty"],
        "amount_field": "penalty_amount",
        "threshold_organisation": "50000",
        "threshold_individual": "5000",
        "quorum": "2/3",
    }
    row.update(kwargs)
    return row


# --- pure rules ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changed", "filed", "today", "status"),
    [
        (datetime.date(2026, 1, 31), datetime.date(2026, 2, 28), TODAY, "on_time"),
        (datetime.date(2026, 1, 31), datetime.date(2026, 3, 1), TODAY, "late"),
        (datetime.date(2026, 1, 10), None, datetime.date(2026, 2, 10), "pending"),
        (datetime.date(2026, 1, 10), None, datetime.date(2026, 2, 11), "missing"),
        (datetime.date(2025, 12, 15), datetime.date(2026, 1, 15), TODAY, "on_time"),
    ],
)
def test_it_says_whether_a_version_was_filed_within_a_month(changed, filed, today, status):
    assert rules.filing_status(changed_on=changed, filed_on=filed, today=today) == status


def test_it_clamps_the_filing_due_date_to_the_end_of_a_short_month():
    assert rules.filing_due(datetime.date(2024, 1, 31)) == datetime.date(2024, 2, 29)
    assert rules.filing_due(datetime.date(2025, 12, 31)) == datetime.date(2026, 1, 31)


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (_row(code=""), "代码"),
        (_row(code="金额"), "代码"),
        (_row(label=" "), "事项名称"),
        (
            _row(condition="bogus", amount_field="", threshold_organisation=None, threshold_individual=None),
            "其他条件",
        ),
        (_row(act_kinds=["fine"]), "执法类别无效"),
        (_row(threshold_organisation="-1"), "负数"),
        (_row(threshold_organisation="abc"), "数字"),
        (_row(threshold_organisation=None, threshold_individual=None), "至少填写一个金额门槛"),
        (_row(amount_field=""), "金额口径"),
        (_row(quorum="3/2"), "法定人数"),
        (_row(quorum="two thirds"), "法定人数"),
        ({"code": "nothing", "label": "无条件"}, "须设定"),
    ],
)
def test_it_finds_the_problem_in_a_catalogue_row(row, problem):
    problems = rules.catalogue_problems([row], ActKind.values)
    assert len(problems) == 1 and problem in problems[0]


def test_it_accepts_the_default_catalogue_and_refuses_duplicate_codes():
    assert rules.catalogue_problems(rules.DEFAULT_CATALOGUE, ActKind.values) == []
    assert "重复" in rules.catalogue_problems([_row(), _row()], ActKind.values)[0]
    assert rules.catalogue_problems([], ActKind.values) == ["清单至少须有一个事项。"]


# --- services --------------------------------------------------------------------------------------


@pytest.fixture
def district_admin(org):
    return org_factories.user(org.district_a, org.a_legal, roles=["administrator"], scope="unit")


def _version(actor, authority, **kwargs):
    data = {
        "name": "金台区重大执法决定法制审核事项清单",
        "version": "2026-1",
        "effective_from": datetime.date(2026, 1, 1),
        "rows": [_row()],
        "today": TODAY,
    }
    data.update(kwargs)
    return services.catalogue_create(actor=actor, authority=authority, **data)


@pytest.mark.django_db
def test_it_creates_a_version_whose_thresholds_decide_detection(district_admin, org, officer, act):
    from sanxiang.audit.models import AuditEvent

    catalogue = _version(district_admin, org.district_a)
    assert [r.code for r in catalogue.rules.all()] == ["penalty_amount"]
    assert catalogue.rules.get().threshold_organisation == Decimal("50000")
    case = make_case(officer, act, penalty_amount=Decimal("20000"))
    assert case.catalogue == catalogue
    assert case.needs_review is False  # the default threshold of 10,000 no longer applies
    assert make_case(officer, act, penalty_amount=Decimal("50000")).needs_review is True
    event = AuditEvent.objects.get(action="review.catalogue.created")
    assert event.after["rules"][0]["threshold_organisation"] == "50000"


@pytest.mark.django_db
def test_it_refuses_catalogue_changes_outside_the_administrators_scope(district_admin, org, reviewer):
    with pytest.raises(ScopeViolation):
        _version(district_admin, org.district_b)
    with pytest.raises(PermissionDeniedError):
        _version(district_admin, None)
    with pytest.raises(PermissionDeniedError):
        _version(reviewer, org.district_a)
    assert not ReviewCatalogue.objects.exclude(authority__isnull=True).exists()


@pytest.mark.django_db
def test_it_refuses_bad_rows_a_duplicate_version_and_a_future_filing(district_admin, org):
    with pytest.raises(ValidationFailed) as refused:
        _version(district_admin, org.district_a, rows=[_row(quorum="5/3")])
    assert "法定人数" in refused.value.extra["errors"][0]
    _version(district_admin, org.district_a)
    with pytest.raises(ValidationFailed):
        _version(district_admin, org.district_a)
    with pytest.raises(ValidationFailed):
        _version(
            district_admin, org.district_a, version="2026-2", filed_on=TODAY + datetime.timedelta(days=1)
        )


@pytest.mark.django_db
def test_it_records_the_filing_date_and_lists_late_or_missing_filings(district_admin, org, admin_user):
    on_time = _version(district_admin, org.district_a, filed_on=datetime.date(2026, 1, 20))
    missing = _version(
        district_admin, org.district_a, version="2026-2", effective_from=datetime.date(2026, 1, 5)
    )
    pending = _version(district_admin, org.district_a, version="2026-3", effective_from=TODAY)
    problems = selectors.catalogue_filing_problems(actor=district_admin, today=TODAY)
    assert [(r.catalogue, r.filing) for r in problems] == [(missing, "missing")]
    services.catalogue_record_filing(
        actor=district_admin, catalogue=missing, filed_on=datetime.date(2026, 3, 1), today=TODAY
    )
    problems = selectors.catalogue_filing_problems(actor=district_admin, today=TODAY)
    assert [(r.catalogue, r.filing) for r in problems] == [(missing, "late")]
    statuses = {r.catalogue: r.filing for r in selectors.catalogue_list(actor=admin_user, today=TODAY)}
    assert statuses[on_time] == "on_time" and statuses[pending] == "pending"
    with pytest.raises(ValidationFailed):
        services.catalogue_record_filing(
            actor=district_admin, catalogue=pending, filed_on=TODAY + datetime.timedelta(days=1), today=TODAY
        )


@pytest.mark.django_db
def test_it_hides_another_districts_filing_problems(district_admin, org, sibling_bureau_officer):
    _version(district_admin, org.district_a)
    assert selectors.catalogue_filing_problems(actor=sibling_bureau_officer, today=TODAY) == []
    other = org_factories.user(org.district_b, org.b_collection, roles=["administrator"], scope="unit")
    missing = ReviewCatalogue.objects.get(authority=org.district_a)
    with pytest.raises(ScopeViolation):
        services.catalogue_record_filing(actor=other, catalogue=missing, filed_on=TODAY, today=TODAY)


@pytest.mark.django_db
def test_it_starts_an_authoritys_checklist_from_the_default_and_edits_it(district_admin, org):
    default_count = ChecklistItem.objects.filter(authority__isnull=True).count()
    item = services.checklist_item_create(
        actor=district_admin, authority=org.district_a, point="discretion", text="是否比对类似案件的处罚"
    )
    own = selectors.checklist_items(org.district_a)
    assert len(own) == default_count + 1 and own[-1] == item
    first = own[0]
    services.checklist_item_update(
        actor=district_admin,
        item=first,
        point=first.point,
        text=first.text,
        order=first.order,
        is_active=False,
    )
    assert first not in selectors.checklist_items(org.district_a)
    assert ChecklistItem.objects.filter(authority__isnull=True, is_active=True).count() == default_count
    with pytest.raises(ValidationFailed):
        services.checklist_item_create(
            actor=district_admin, authority=org.district_a, point="bogus", text="x"
        )


@pytest.mark.django_db
def test_it_refuses_checklist_changes_to_non_administrators_and_other_districts(
    district_admin, org, reviewer
):
    with pytest.raises(PermissionDeniedError):
        services.checklist_item_create(actor=reviewer, authority=org.district_a, point="facts", text="x")
    with pytest.raises(ScopeViolation):
        services.checklist_item_create(
            actor=district_admin, authority=org.district_b, point="facts", text="x"
        )
    default = ChecklistItem.objects.filter(authority__isnull=True).first()
    with pytest.raises(PermissionDeniedError):
        services.checklist_item_update(
            actor=district_admin, item=default, point="facts", text="改", order=1, is_active=True
        )
    assert not ChecklistItem.objects.filter(authority__isnull=False).exists()


# --- views --------------------------------------------------------------------------------------------


def _formset(rows):
    data = {"rules-TOTAL_FORMS": str(len(rows)), "rules-INITIAL_FORMS": "0"}
    for index, row in enumerate(rows):
        for key, value in row.items():
            if isinstance(value, list):
                data[f"rules-{index}-{key}"] = value
            elif value is not None:
                data[f"rules-{index}-{key}"] = value
        data.setdefault(f"rules-{index}-certainty", "unconfirmed")
    return data


@pytest.mark.django_db
def test_it_creates_a_version_through_the_page_prefilled_from_the_version_in_force(
    client, district_admin, org
):
    client.force_login(district_admin)
    page = client.get(reverse("review:catalogue_create")).content.decode()
    assert "较大数额罚款（达到听证标准）" in page and 'value="10000.00"' in page
    data = {
        "authority": org.district_a.pk,
        "name": "金台区清单",
        "version": "2026-1",
        "effective_from": "2026-01-01",
        "filed_on": "",
        **_formset([_row(), {"code": "", "label": "", "quorum": "2/3"}]),
    }
    response = client.post(reverse("review:catalogue_create"), data)
    assert response.status_code == 302, response.content.decode()
    catalogue = ReviewCatalogue.objects.get(authority=org.district_a)
    assert [r.code for r in catalogue.rules.all()] == ["penalty_amount"]
    detail = client.get(reverse("review:catalogue_detail", args=[catalogue.pk])).content.decode()
    assert "行政处罚" in detail and "拟罚款" in detail and "50000.00" in detail
    response = client.post(reverse("review:catalogue_file", args=[catalogue.pk]), {"filed_on": "2026-01-20"})
    assert response.status_code == 302
    catalogue.refresh_from_db()
    assert catalogue.filed_on == datetime.date(2026, 1, 20)


@pytest.mark.django_db
def test_it_shows_the_row_problems_on_the_page(client, district_admin, org):
    client.force_login(district_admin)
    data = {
        "authority": org.district_a.pk,
        "name": "金台区清单",
        "version": "2026-1",
        "effective_from": "2026-01-01",
        **_formset([_row(quorum="5/3")]),
    }
    page = client.post(reverse("review:catalogue_create"), data).content.decode()
    assert "法定人数须在 0 与 1 之间" in page
    assert not ReviewCatalogue.objects.filter(authority=org.district_a).exists()


@pytest.mark.django_db
def test_it_lists_filing_problems_on_the_catalogue_page(client, district_admin, org, reviewer):
    _version(district_admin, org.district_a, effective_from=datetime.date(2025, 6, 1))
    client.force_login(reviewer)
    page = client.get(reverse("review:catalogue_list")).content.decode()
    assert "未备案（已逾期）" in page and "默认（全系统）" in page
    assert "新建清单版本" not in page  # a reviewer reads, an administrator edits


@pytest.mark.django_db
def test_it_refuses_the_catalogue_pages_to_others(
    client, district_admin, org, reviewer, sibling_bureau_officer
):
    catalogue = _version(district_admin, org.district_a)
    assert client.get(reverse("review:catalogue_list")).status_code == 302
    assert client.get(reverse("review:catalogue_create")).status_code == 302
    client.force_login(reviewer)
    assert client.get(reverse("review:catalogue_create")).status_code == 403
    assert (
        client.post(
            reverse("review:catalogue_file", args=[catalogue.pk]), {"filed_on": "2026-01-02"}
        ).status_code
        == 403
    )
    assert (
        client.post(reverse("review:checklist"), {"new-point": "facts", "new-text": "x"}).status_code == 403
    )
    client.force_login(sibling_bureau_officer)
    assert client.get(reverse("review:catalogue_detail", args=[catalogue.pk])).status_code == 404
    other_admin = org_factories.user(org.district_b, org.b_collection, roles=["administrator"], scope="unit")
    client.force_login(other_admin)
    assert (
        client.post(
            reverse("review:catalogue_file", args=[catalogue.pk]), {"filed_on": "2026-01-02"}
        ).status_code
        == 404
    )
    catalogue.refresh_from_db()
    assert catalogue.filed_on is None


@pytest.mark.django_db
def test_it_edits_the_checklist_through_the_page(client, district_admin, org, sibling_bureau_officer):
    client.force_login(district_admin)
    page = client.get(reverse("review:checklist")).content.decode()
    assert "目前适用默认清单" in page
    response = client.post(
        reverse("review:checklist") + f"?authority={org.district_a.pk}",
        {"new-point": "discretion", "new-text": "是否比对类似案件", "new-is_active": "on"},
    )
    assert response.status_code == 302
    item = ChecklistItem.objects.get(authority=org.district_a, text="是否比对类似案件")
    response = client.post(
        reverse("review:checklist_item", args=[item.pk]),
        {
            f"i{item.pk}-point": "discretion",
            f"i{item.pk}-text": "是否比对类似案件的处罚",
            f"i{item.pk}-order": "20",
        },
    )
    item.refresh_from_db()
    assert item.text == "是否比对类似案件的处罚" and item.is_active is False
    page = client.get(reverse("review:checklist")).content.decode()
    assert "已停用" in page
    other_admin = org_factories.user(org.district_b, org.b_collection, roles=["administrator"], scope="unit")
    client.force_login(other_admin)
    response = client.post(
        reverse("review:checklist_item", args=[item.pk]),
        {f"i{item.pk}-point": "facts", f"i{item.pk}-text": "改", f"i{item.pk}-is_active": "on"},
    )
    assert response.status_code == 404
    item.refresh_from_db()
    assert item.point == "discretion"
