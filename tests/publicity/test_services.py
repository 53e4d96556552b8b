"""Workflow services: each transition, its refusals, versions, withdrawal and display expiry."""

import datetime

import pytest
from django.utils import timezone

from sanxiang.audit.models import AuditEvent
from sanxiang.enforcement.models import Decision, EnforcementAct, Taxpayer
from sanxiang.holidays.models import Deadline
from sanxiang.kernel.exceptions import (
    InvalidTransition,
    PermissionDeniedError,
    ScopeViolation,
    ValidationFailed,
)
from sanxiang.portal.models import PublicEntry
from sanxiang.publicity import selectors, services
from sanxiang.publicity.models import Entry, EntryStatus, MaskPolicy

from .conftest import BODY, TODAY, penalty_data


def _create(officer, org, item, **overrides):
    return services.entry_create(
        actor=officer,
        item=item,
        authority=org.district_a,
        data=penalty_data(**overrides),
        text=BODY,
        today=TODAY,
    )


def _publish(officer, approver, org, item, **overrides):
    entry = _create(officer, org, item, **overrides)
    services.entry_submit(actor=officer, entry=entry)
    return services.entry_approve(actor=approver, entry=entry)


def test_it_drafts_with_a_masked_preview_and_a_deadline(officer, org, penalty_item):
    entry = _create(officer, org, penalty_item)
    version = services.current_version(entry)
    assert entry.status == EntryStatus.DRAFT
    assert "110101********1233" in version.masked_text or "110101199003071233" not in version.masked_text
    assert "13812345678" not in version.masked_text
    assert "12366" in version.masked_text
    assert {s["kind"] for s in version.spans} >= {"id_number", "phone"}
    deadline = Deadline.objects.for_owner(entry).get(purpose=services.PUBLISH)
    assert (
        deadline.due == entry.due_on == datetime.date(2026, 2, 26)
    )  # 7 working days, Spring Festival skipped
    assert AuditEvent.objects.filter(action="publicity.entry.created").count() == 1


def test_it_refuses_invalid_values_and_duplicate_document_numbers(officer, org, penalty_item):
    with pytest.raises(ValidationFailed) as exc:
        _create(officer, org, penalty_item, uscc="91610303MA6X0A0A0A", event_date="")
    assert set(exc.value.extra["fields"]) == {"uscc", "event_date"}
    _create(officer, org, penalty_item)
    with pytest.raises(ValidationFailed):
        _create(officer, org, penalty_item)


def test_it_refuses_drafting_without_the_role_or_outside_the_scope(officer, approver, org, penalty_item):
    with pytest.raises(PermissionDeniedError):
        _create(approver, org, penalty_item)
    with pytest.raises(PermissionDeniedError):
        services.entry_create(
            actor=officer, item=penalty_item, authority=org.district_b, data=penalty_data(), today=TODAY
        )


def test_it_publishes_through_the_portal_after_approval(officer, approver, org, penalty_item):
    entry = _publish(officer, approver, org, penalty_item)
    assert entry.status == EntryStatus.PUBLISHED and entry.published_version == 1
    public = PublicEntry.objects.get(source_key=entry.source_key)
    assert "110101199003071233" not in public.text and "13812345678" not in public.text
    assert public.title.startswith("宝鸡市金台区顺达商贸有限公司")
    assert Deadline.objects.for_owner(entry).get(purpose=services.PUBLISH).closed_at is not None
    assert entry.display_until == datetime.date(2029, 2, 9)  # decided before 2026-04-01: the 36-month version
    assert list(entry.transitions.values_list("action", flat=True)) == ["submit", "approve"]


def test_it_never_lets_the_author_approve_their_own_version(officer_approver, org, penalty_item):
    entry = _create(officer_approver, org, penalty_item)
    services.entry_submit(actor=officer_approver, entry=entry)
    with pytest.raises(PermissionDeniedError):
        services.entry_approve(actor=officer_approver, entry=entry)


def test_it_refuses_approval_without_the_role_and_from_another_district(
    officer, sibling_approver, org, penalty_item
):
    entry = _create(officer, org, penalty_item)
    services.entry_submit(actor=officer, entry=entry)
    with pytest.raises(PermissionDeniedError):
        services.entry_approve(actor=officer, entry=entry)
    with pytest.raises(ScopeViolation):
        services.entry_approve(actor=sibling_approver, entry=entry)


def test_it_refuses_transitions_out_of_order(officer, approver, org, penalty_item):
    entry = _create(officer, org, penalty_item)
    with pytest.raises(InvalidTransition):
        services.entry_approve(actor=approver, entry=entry)
    services.entry_submit(actor=officer, entry=entry)
    with pytest.raises(InvalidTransition):
        services.entry_submit(actor=officer, entry=entry)
    with pytest.raises(ValidationFailed):
        services.entry_return(actor=approver, entry=entry, comment=" ")
    services.entry_return(actor=approver, entry=entry, comment="补充违法事实")
    entry.refresh_from_db()
    assert entry.status == EntryStatus.DRAFT


def test_it_never_publishes_a_minor(officer, approver, org, penalty_item):
    entry = services.entry_create(
        actor=officer,
        item=penalty_item,
        authority=org.district_a,
        data=penalty_data(
            party_name="李小龙",
            uscc="",
            legal_representative="",
            subject_type="natural_person",
            id_number="11010120150307123X",
        ),
        today=TODAY,
    )
    assert entry.is_minor
    services.entry_submit(actor=officer, entry=entry)
    with pytest.raises(ValidationFailed):
        services.entry_approve(actor=approver, entry=entry)
    assert not PublicEntry.objects.filter(source_key=entry.source_key).exists()


def test_it_masks_a_natural_persons_name_under_the_default_policy(officer, approver, org, penalty_item):
    entry = services.entry_create(
        actor=officer,
        item=penalty_item,
        authority=org.district_a,
        data=penalty_data(
            party_name="张三丰",
            uscc="",
            legal_representative="",
            subject_type="natural_person",
            id_number="110101199003071233",
        ),
        text="张三丰未按期申报，财务负责人李四娘代为说明。",
        today=TODAY,
    )
    version = services.current_version(entry)
    assert dict(version.masked_fields)["身份证件号码"] == "110101********1233"
    assert "张三丰" in version.masked_title  # the party's name is shown (RULES.md §1.5)
    assert "李四娘" not in version.masked_text  # third parties are hidden


def test_it_adds_manual_masks_and_lifts_only_where_the_table_allows(officer, approver, org, penalty_item):
    entry = _create(officer, org, penalty_item)
    services.entry_submit(actor=officer, entry=entry)
    services.entry_add_mask(actor=approver, entry=entry, phrase="少缴增值税")
    version = services.current_version(entry)
    assert "少缴增值税" not in version.masked_text and any(s["kind"] == "manual" for s in version.spans)
    with pytest.raises(ValidationFailed):
        services.entry_add_mask(actor=approver, entry=entry, phrase="不存在的文字")
    with pytest.raises(PermissionDeniedError):
        services.entry_lift_mask(actor=approver, entry=entry, field_type="phone", reason="公开")
    MaskPolicy.objects.filter(
        category="penalty_decision", subject_type="organisation", field_type="representative_name"
    ).update(mode="hidden")
    services.entry_lift_mask(
        actor=approver, entry=entry, field_type="representative_name", reason="法定代表人依法公开"
    )
    version = services.current_version(entry)
    assert version.lifted == {"representative_name": "法定代表人依法公开"}
    assert "王小明" in version.masked_text
    assert AuditEvent.objects.filter(action="publicity.entry.mask_lifted").exists()


def test_it_corrects_with_a_new_version_that_goes_through_approval(officer, approver, org, penalty_item):
    entry = _publish(officer, approver, org, penalty_item)
    with pytest.raises(ValidationFailed):
        services.entry_correct(actor=officer, entry=entry, data=penalty_data(), reason="")
    services.entry_correct(
        actor=officer,
        entry=entry,
        data=penalty_data(result="罚款3000元"),
        text=BODY,
        reason="罚款金额有误",
        today=TODAY,
    )
    entry.refresh_from_db()
    assert (
        entry.status == EntryStatus.CORRECTING and entry.current_version == 2 and entry.published_version == 1
    )
    services.entry_approve(actor=approver, entry=entry)
    entry.refresh_from_db()
    assert entry.published_version == 2
    assert entry.versions.count() == 2
    public = PublicEntry.objects.get(source_key=entry.source_key)
    # The corrected field is published, and the body text of version 1 is kept (issue 9, point 1).
    assert "3000" in str(public.fields) and "少缴增值税" in public.text
    assert AuditEvent.objects.filter(action="publicity.entry.corrected").exists()


def test_it_withdraws_with_the_reason_and_keeps_every_version(officer, approver, org, penalty_item):
    entry = _publish(officer, approver, org, penalty_item)
    with pytest.raises(PermissionDeniedError):
        services.entry_withdraw(actor=officer, entry=entry, reason="撤销")
    services.entry_withdraw(actor=approver, entry=entry, reason="复议机关撤销原处罚决定")
    entry.refresh_from_db()
    assert entry.status == EntryStatus.WITHDRAWN and entry.ended_reason == "复议机关撤销原处罚决定"
    assert entry.versions.count() == 1
    with pytest.raises(InvalidTransition):
        services.entry_withdraw(actor=approver, entry=entry, reason="again")


def _decision(officer, org, number="宝金税稽罚〔2026〕1号"):
    taxpayer = Taxpayer.objects.create(kind="organisation", name="顺达", authority=org.district_a)
    act = EnforcementAct.objects.create(
        kind="penalty", matter="检查", taxpayer=taxpayer, authority=org.district_a
    )
    return Decision.objects.create(
        act=act,
        authority=org.district_a,
        kind="penalty",
        document_number=number,
        decided_on=datetime.date(2026, 2, 10),
    )


def test_it_lists_entries_not_withdrawn_within_three_working_days(officer, approver, org, penalty_item):
    decision = _decision(officer, org)
    entry = _publish(officer, approver, org, penalty_item)
    assert entry.decision_id == decision.pk
    Decision.objects.filter(pk=decision.pk).update(
        outcome="revoked", outcome_on=datetime.date(2026, 3, 2), outcome_reason="复议撤销"
    )
    assert services.withdrawal_deadlines_sync(today=datetime.date(2026, 3, 2)) == 1
    entry.refresh_from_db()
    assert entry.withdraw_due_on == datetime.date(2026, 3, 5)
    assert list(selectors.withdrawal_overdue_list(actor=approver, today=datetime.date(2026, 3, 5))) == []
    assert list(selectors.withdrawal_overdue_list(actor=approver, today=datetime.date(2026, 3, 6))) == [entry]
    services.entry_withdraw(actor=approver, entry=entry, reason="复议撤销")
    assert list(selectors.withdrawal_overdue_list(actor=approver, today=datetime.date(2026, 3, 6))) == []


def _publish_on(officer, approver, org, item, **overrides):
    entry = services.entry_create(
        actor=officer,
        item=item,
        authority=org.district_a,
        data=penalty_data(event_date="2026-04-15", **overrides),
        today=datetime.date(2026, 5, 1),
    )
    services.entry_submit(actor=officer, entry=entry)
    return services.entry_approve(actor=approver, entry=entry)


def test_it_ends_the_display_when_the_period_is_over_and_on_credit_repair(
    officer, approver, org, penalty_item
):
    old = _publish_on(officer, approver, org, penalty_item)
    other = _publish_on(
        officer, approver, org, penalty_item, document_number="宝金税稽罚〔2026〕2号", credit_class="serious"
    )
    assert old.display_until == datetime.date(2027, 4, 14)  # 一般: at most 12 months (信用修复管理办法 2026)
    assert other.display_until == datetime.date(2029, 4, 14)
    assert services.expire_due_entries(today=datetime.date(2027, 4, 14)) == 0
    assert services.expire_due_entries(today=datetime.date(2027, 4, 15)) == 1
    assert PublicEntry.objects.get(source_key=old.source_key).source_key == old.source_key
    old.refresh_from_db()
    assert old.status == EntryStatus.EXPIRED
    with pytest.raises(InvalidTransition):
        services.entry_credit_repair(
            actor=approver, entry=other, reason="已履行", today=datetime.date(2027, 4, 14)
        )
    services.entry_credit_repair(
        actor=approver, entry=other, reason="已履行并作出信用承诺", today=datetime.date(2027, 4, 15)
    )
    other.refresh_from_db()
    assert other.status == EntryStatus.EXPIRED and "信用修复" in other.ended_reason


def test_it_lists_decisions_not_published_in_time(officer, approver, org, penalty_item):
    decision = _decision(officer, org, number="宝金税稽罚〔2026〕9号")
    late = selectors.unpublished_decisions(actor=approver, today=datetime.date(2026, 3, 10))
    assert [u.decision for u in late] == [decision]
    assert selectors.unpublished_decisions(actor=approver, today=datetime.date(2026, 2, 20)) == []


def test_it_reminds_once_per_day_and_kind(officer, org, penalty_item):
    from sanxiang.notifications.models import Notification

    _create(officer, org, penalty_item)
    assert services.send_reminders(today=datetime.date(2026, 3, 3)) == 1
    assert services.send_reminders(today=datetime.date(2026, 3, 3)) == 0
    assert Notification.objects.get(recipient=officer).title.startswith("公示已超期")


def test_it_shows_overdue_entries_as_home_todos(officer, org, penalty_item):
    _create(officer, org, penalty_item)
    todos = selectors.publicity_todos(officer, datetime.date(2026, 3, 3))
    assert len(todos) == 1 and todos[0].overdue


def test_it_audits_every_policy_change_and_refuses_non_administrators(officer, admin_user):
    policy = MaskPolicy.objects.get(
        category="penalty_decision", subject_type="natural_person", field_type="phone"
    )
    with pytest.raises(PermissionDeniedError):
        services.mask_policy_set(actor=officer, policy=policy, mode="shown", liftable=False)
    services.mask_policy_set(actor=admin_user, policy=policy, mode="partial", liftable=False)
    assert AuditEvent.objects.filter(action="publicity.mask_policy.changed").exists()
    assert timezone.now()


def test_submitting_and_approving_many_does_what_one_by_one_does(officer, approver, org, penalty_item):
    """entries_submit_many / entries_approve_many: the same states, transitions, portal entries,
    closed deadlines and audit actions as the one-entry services, in one log checkpoint batch."""
    from sanxiang.portal import publog
    from sanxiang.portal.models import LogCheckpoint

    one = _publish(officer, approver, org, penalty_item, document_number="宝金税稽罚〔2026〕1号")
    many = [
        _create(officer, org, penalty_item, document_number=f"宝金税稽罚〔2026〕{n}号") for n in (2, 3, 4)
    ]
    services.entries_submit_many(actor=officer, entries=many)
    with publog.checkpoint_batch():
        services.entries_approve_many(actor=approver, entries=many)
    for entry in [one, *many]:
        entry.refresh_from_db()
        assert entry.status == EntryStatus.PUBLISHED and entry.published_version == 1
        assert entry.display_until == one.display_until
        assert list(entry.transitions.values_list("action", flat=True)) == ["submit", "approve"]
        assert Deadline.objects.for_owner(entry).get(purpose=services.PUBLISH).closed_at is not None
        assert PublicEntry.objects.filter(source_key=entry.source_key).exists()
        actions = sorted(
            AuditEvent.objects.filter(target_id=str(entry.pk), target_type="publicity.entry").values_list(
                "action", flat=True
            )
        )
        assert actions == [
            "publicity.entry.created",
            "publicity.entry.published",
            "publicity.entry.submitted",
        ]
    assert list(LogCheckpoint.objects.order_by("size").values_list("size", flat=True)) == [1, 4]


def test_approving_many_refuses_all_when_one_is_out_of_scope_or_the_authors_own(
    officer, officer_approver, sibling_approver, org, penalty_item
):
    entries = [
        _create(officer, org, penalty_item, document_number=f"宝金税稽罚〔2026〕{n}号") for n in (5, 6)
    ]
    services.entries_submit_many(actor=officer, entries=entries)
    with pytest.raises(ScopeViolation):
        services.entries_approve_many(actor=sibling_approver, entries=entries)
    own = _create(officer_approver, org, penalty_item, document_number="宝金税稽罚〔2026〕7号")
    services.entry_submit(actor=officer_approver, entry=own)
    with pytest.raises(PermissionDeniedError):
        services.entries_approve_many(actor=officer_approver, entries=[own])
    with pytest.raises(PermissionDeniedError):
        services.entries_approve_many(actor=officer, entries=entries)  # no approver role
    assert not PublicEntry.objects.exists()
    assert set(Entry.objects.filter(pk__in=[e.pk for e in entries]).values_list("status", flat=True)) == {
        EntryStatus.SUBMITTED
    }


def test_it_names_an_entry_in_reminders_by_its_item_and_number_never_by_its_key(officer, org, penalty_item):
    from sanxiang.notifications.models import Notification

    entry = _create(officer, org, penalty_item)
    services.send_reminders(today=datetime.date(2026, 3, 3))
    title = Notification.objects.get(recipient=officer).title
    assert entry.source_key not in title
    assert title == f"公示已超期：{penalty_item.label}·宝金税稽罚〔2026〕1号"


def test_it_shows_a_natural_persons_name_partly_in_a_notice_title(penalty_item):
    entry = Entry(
        item=penalty_item,
        source_key="officer_list-224cebebd42d4e27",
        subject_type="natural_person",
        party_name="张三丰",
        event_date=datetime.date(2026, 2, 10),
    )
    assert services.entry_notice_title(entry) == f"{penalty_item.label}·张**（2026-02-10）"


def test_it_masks_the_same_inputs_once_inside_masks_reused_and_always_outside(
    officer, org, penalty_item, monkeypatch
):
    entry = _create(officer, org, penalty_item)
    version = services.current_version(entry)
    expected = services.mask_version(entry, version)
    calls = []
    real = services.masked_content
    monkeypatch.setattr(services, "masked_content", lambda **kw: calls.append(1) or real(**kw))
    with services.masks_reused():
        first = services.mask_version(entry, version)
        assert services.mask_version(entry, version) is first and first == expected
        assert len(calls) == 1
        # Any input that changes (here a manual mask over the body) is masked again.
        version.manual_spans = [{"start": 0, "end": 2}]
        assert services.mask_version(entry, version).text != first.text
        assert len(calls) == 2
    services.mask_version(entry, version)
    assert len(calls) == 3
