"""Administrators edit the catalogue, rule versions and the masking policy table through audited
services; nobody else can, and the Django admin cannot change them at all."""

import datetime

import pytest
from django.test import Client

from sanxiang.audit.models import AuditEvent
from sanxiang.kernel.exceptions import PermissionDeniedError, ValidationFailed
from sanxiang.publicity import catalogue_services, services
from sanxiang.publicity.models import Category, Item, ItemRule, MaskPolicy


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _rule_values(**overrides):
    values = {
        "effective_from": datetime.date(2026, 7, 1),
        "kind": "calendar_days",
        "params": {"n": 5},
        "display": {},
        "source": "国家税务总局公告（核实后）",
        "certainty": "confirmed",
        "note": "",
    }
    values.update(overrides)
    return values


def test_it_adds_a_rule_version_that_counts_from_its_effective_date(admin_user, officer, org):
    item = Item.objects.get(code="hearing_notice")
    rule = catalogue_services.item_rule_save(actor=admin_user, item=item, values=_rule_values())
    assert rule.pk and item.rules.count() == 2
    assert services.rule_for(item, datetime.date(2026, 7, 2)) == rule
    assert services.rule_for(item, datetime.date(2026, 6, 30)).certainty == "unconfirmed"
    event = AuditEvent.objects.get(action="publicity.rule.created")
    assert event.after["params"] == {"n": 5} and event.after["item"] == "hearing_notice"


def test_it_changes_an_unconfirmed_placeholder_with_before_and_after(admin_user):
    rule = ItemRule.objects.get(item__code="credit_a_list")
    catalogue_services.item_rule_save(
        actor=admin_user,
        item=rule.item,
        rule=rule,
        values=_rule_values(
            effective_from=rule.effective_from, kind="yearly_date", params={"month": 4, "day": 15}
        ),
    )
    rule.refresh_from_db()
    assert rule.params == {"month": 4, "day": 15} and rule.certainty == "confirmed"
    event = AuditEvent.objects.get(action="publicity.rule.changed")
    assert event.before["params"] == {"month": 4, "day": 30} and event.before["certainty"] == "unconfirmed"
    assert event.after["certainty"] == "confirmed"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"params": {"n": -1}}, "params"),
        ({"params": {}}, "params"),
        ({"kind": "fortnightly"}, "kind"),
        ({"display": {"months": "long"}}, "display"),
        ({"certainty": "sure"}, "certainty"),
        ({"source": " "}, "source"),
        ({"effective_from": datetime.date(2021, 7, 15)}, "effective_from"),
    ],
)
def test_it_refuses_rule_versions_it_cannot_count_with(admin_user, overrides, field):
    item = Item.objects.get(code="hearing_notice")
    with pytest.raises(ValidationFailed) as caught:
        catalogue_services.item_rule_save(actor=admin_user, item=item, values=_rule_values(**overrides))
    assert field in caught.value.extra["fields"]
    assert item.rules.count() == 1


def test_it_refuses_catalogue_changes_by_anyone_but_an_administrator(officer, parent_bureau_officer):
    item = Item.objects.get(code="hearing_notice")
    for actor in (officer, parent_bureau_officer):
        with pytest.raises(PermissionDeniedError):
            catalogue_services.item_rule_save(actor=actor, item=item, values=_rule_values())
        with pytest.raises(PermissionDeniedError):
            catalogue_services.category_save(actor=actor, code="x", label="X", stage="after")
        with pytest.raises(PermissionDeniedError):
            services.mask_policy_set(
                actor=actor, policy=MaskPolicy.objects.first(), mode="shown", liftable=True
            )
    assert item.rules.count() == 1 and not Category.objects.filter(code="x").exists()


def test_it_saves_categories_and_items_audited(admin_user):
    category = catalogue_services.category_save(
        actor=admin_user, code="local", label="地方事项", stage="after", order=5
    )
    source = Item.objects.get(code="hearing_notice")
    values = {name: getattr(source, name) for name in catalogue_services.ITEM_FIELDS}
    item = catalogue_services.item_save(
        actor=admin_user,
        values={**values, "code": "local_item", "label": "地方公示事项", "category": category},
    )
    assert item.category == category and item.fields == source.fields
    catalogue_services.item_save(
        actor=admin_user, item=item, values={**values, "code": "renamed", "label": "改名"}
    )
    item.refresh_from_db()
    assert item.code == "local_item" and item.label == "改名"
    actions = list(
        AuditEvent.objects.filter(action__startswith="publicity.")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["publicity.category.created", "publicity.item.created", "publicity.item.changed"]


@pytest.mark.parametrize(
    "fields",
    [
        [],
        [{"key": "party_name"}],
        [{"key": "party_name", "label": "当事人", "type": "blob"}],
        [{"key": "party_name", "label": "A"}, {"key": "party_name", "label": "B"}],
        [{"key": "other", "label": "其他"}],
    ],
)
def test_it_refuses_a_broken_field_schema(admin_user, fields):
    item = Item.objects.get(code="hearing_notice")
    values = {name: getattr(item, name) for name in catalogue_services.ITEM_FIELDS}
    with pytest.raises(ValidationFailed):
        catalogue_services.item_save(actor=admin_user, item=item, values={**values, "fields": fields})
    item.refresh_from_db()
    assert item.fields and item.fields[0]["key"] == "authority"


def test_it_edits_a_rule_through_the_staff_page(admin_user, officer):
    rule = ItemRule.objects.get(item__code="hearing_notice")
    url = f"/staff/publicity/catalogue/items/hearing_notice/rules/{rule.pk}/"
    assert _client(admin_user).get(url).status_code == 200
    data = {
        "effective_from": "2021-07-15",
        "kind": "calendar_days",
        "params": '{"n": 2}',
        "display": '{"months": 1}',
        "source": "税务行政处罚听证程序实施办法",
        "certainty": "partly",
        "note": "已核实省局规定",
    }
    assert _client(officer).post(url, data).status_code == 403
    assert Client().post(url, data).status_code == 302
    rule.refresh_from_db()
    assert rule.params == {"n": 3}
    response = _client(admin_user).post(url, data)
    assert response.status_code == 302
    rule.refresh_from_db()
    assert rule.params == {"n": 2} and rule.display == {"months": 1} and rule.certainty == "partly"
    response = _client(admin_user).post(url, {**data, "params": '{"n": "x"}'})
    assert response.status_code == 200 and "时限参数无效" in response.content.decode()


def test_it_edits_items_and_categories_through_the_staff_pages(admin_user, officer):
    category = Category.objects.get(code="hearings")
    url = f"/staff/publicity/catalogue/categories/{category.pk}/"
    data = {"code": "ignored", "label": "听证", "stage": "during", "order": 3}
    assert _client(officer).post(url, data).status_code == 403
    assert _client(admin_user).post(url, data).status_code == 302
    category.refresh_from_db()
    assert category.label == "听证" and category.code == "hearings"
    item = Item.objects.get(code="hearing_notice")
    response = _client(admin_user).get("/staff/publicity/catalogue/items/hearing_notice/")
    assert response.status_code == 200 and "party_name" in response.content.decode()
    assert _client(officer).get("/staff/publicity/catalogue/items/hearing_notice/").status_code == 403
    assert item.label == "听证公告"


def test_it_shows_unconfirmed_rules_prominently_with_edit_links_for_administrators(admin_user, officer):
    html = _client(officer).get("/staff/publicity/catalogue/").content.decode()
    notice = html[
        html.index('id="unconfirmed-notice"') : html.index("</div>", html.index('id="unconfirmed-notice"'))
    ]
    assert "听证公告" in notice and "纳税信用A级纳税人名单" in notice
    assert "听证通知日期起3日内" in notice and "次年4月30日前" in notice
    assert "/rules/" not in html and "/catalogue/items/" not in html
    admin_html = _client(admin_user).get("/staff/publicity/catalogue/").content.decode()
    rule = ItemRule.objects.get(item__code="hearing_notice")
    assert f"/staff/publicity/catalogue/items/hearing_notice/rules/{rule.pk}/" in admin_html
    assert Client().get("/staff/publicity/catalogue/").status_code == 302


def test_it_edits_the_masking_policy_table_through_the_staff_page(admin_user, officer, org, penalty_item):
    policy = MaskPolicy.objects.filter(mode="hidden").first()
    url = f"/staff/publicity/catalogue/policies/{policy.pk}/"
    assert _client(officer).post(url, {"mode": "shown"}).status_code == 403
    assert _client(officer).get("/staff/publicity/catalogue/policies/").status_code == 200
    response = _client(admin_user).post(url, {"mode": "partial", "liftable": "on"})
    assert response.status_code == 302
    policy.refresh_from_db()
    assert policy.mode == "partial" and policy.liftable is True
    event = AuditEvent.objects.get(action="publicity.mask_policy.changed")
    assert event.before["mode"] == "hidden" and event.after == {"mode": "partial", "liftable": True}
    _client(admin_user).post(url, {"mode": "everything"})
    policy.refresh_from_db()
    assert policy.mode == "partial"


def test_it_keeps_the_django_admin_read_only(admin_user, org):
    admin_user.is_staff = admin_user.is_superuser = True
    admin_user.save()
    client = _client(admin_user)
    rule = ItemRule.objects.first()
    assert client.get("/admin/publicity/item/").status_code == 200
    assert client.get("/admin/publicity/maskpolicy/add/").status_code == 403
    assert client.get("/admin/publicity/category/add/").status_code == 403
    policy = MaskPolicy.objects.exclude(mode="shown").first()
    response = client.post(f"/admin/publicity/maskpolicy/{policy.pk}/change/", {"mode": "shown"})
    assert response.status_code == 403
    assert client.post(f"/admin/publicity/item/{rule.item_id}/delete/", {"post": "yes"}).status_code == 403
    assert ItemRule.objects.filter(pk=rule.pk).exists()
    policy.refresh_from_db()
    assert policy.mode != "shown"
