"""``deadline_set_many``: the deadlines and audit events of ``deadline_set`` per owner, in bulk."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from sanxiang.audit.models import AuditEvent
from sanxiang.audit.services import audit_verify
from sanxiang.holidays import services
from sanxiang.holidays.models import Deadline
from sanxiang.holidays.services import deadline_close, deadline_set, deadline_set_many
from sanxiang.kernel.exceptions import ValidationFailed

D = datetime.date
PURPOSE = "publicity.publish"
LABEL = "处罚决定公示"


class Rollback(Exception):
    pass


def _owners(org):
    return [org.district_a, org.district_b, org.city, org.province]


ROWS = [
    (D(2024, 9, 27), 7, None),  # across 国庆: 2024-10-12
    (D(2024, 9, 20), None, 11),
    (D(2025, 1, 24), 3, None),  # across 春节
    (D(2024, 9, 15), None, 30),
]


def _outcome(owners) -> tuple[list, list]:
    """The deadlines of ``owners`` and the audit events about them, free of ids and times."""
    deadlines = [
        Deadline.objects.for_owner(owner)
        .filter(purpose=PURPOSE)
        .values("label", "start", "rule_unit", "rule_n", "tax_extension", "due", "provisional", "closed_at")
        .get()
        for owner in owners
    ]
    owner_of = {str(pk): object_id for pk, object_id in Deadline.objects.values_list("pk", "object_id")}
    events = sorted(
        (
            owner_of[e.target_id],
            e.action,
            e.actor_id,
            e.target_type,
            e.target_label,
            e.authority_id,
            repr(e.before),
            repr(e.after),
        )
        for e in AuditEvent.objects.filter(target_type="holidays.deadline")
    )
    return deadlines, events


def test_it_gives_the_deadlines_and_events_of_one_deadline_set_per_owner(org, officer):
    owners = _owners(org)
    with pytest.raises(Rollback), transaction.atomic():
        for owner, (start, working_days, days) in zip(owners, ROWS, strict=True):
            deadline_set(
                owner=owner,
                purpose=PURPOSE,
                label=LABEL,
                start=start,
                working_days=working_days,
                days=days,
                actor=officer,
            )
        one_by_one = _outcome(owners)
        raise Rollback
    assert Deadline.objects.count() == 0 and AuditEvent.objects.count() == 0

    made = deadline_set_many(owners=owners, purpose=PURPOSE, label=LABEL, rows=ROWS, actor=officer)
    assert [d.owner for d in made] == owners and all(d.pk for d in made)
    assert _outcome(owners) == one_by_one
    assert made[0].due == D(2024, 10, 12)
    assert AuditEvent.objects.count() == len(owners)
    assert audit_verify(record=False).ok


def test_it_is_idempotent_and_logs_only_changes(org, officer):
    owners = _owners(org)
    first = deadline_set_many(owners=owners, purpose=PURPOSE, label=LABEL, rows=ROWS, actor=officer)
    again = deadline_set_many(owners=owners, purpose=PURPOSE, label=LABEL, rows=ROWS, actor=officer)
    assert [d.pk for d in again] == [d.pk for d in first]
    assert Deadline.objects.count() == 4 and AuditEvent.objects.count() == 4

    deadline_close(owner=owners[1], purpose=PURPOSE, actor=officer)
    changed = [ROWS[0], ROWS[1], (D(2025, 1, 24), 5, None), ROWS[3]]
    after = deadline_set_many(owners=owners, purpose=PURPOSE, label=LABEL, rows=changed, actor=officer)
    assert after[1].closed_at is None  # setting a closed deadline reopens it, as deadline_set does
    assert after[2].rule_n == 5 and Deadline.objects.get(pk=after[2].pk).due == after[2].due
    updates = list(AuditEvent.objects.filter(action="holidays.deadline.set").order_by("seq"))[4:]
    assert [e.target_id for e in updates] == [str(after[1].pk), str(after[2].pk)]
    assert updates[0].before["closed_at"] is not None and updates[0].after["closed_at"] is None
    assert (updates[1].before["rule_n"], updates[1].after["rule_n"]) == (3, 5)
    assert audit_verify(record=False).ok


def test_it_queries_per_chunk_not_per_owner(org, officer, monkeypatch):
    monkeypatch.setattr(services, "MANY_CHUNK_SIZE", 2)
    departments = [
        org.city_office,
        org.city_legal,
        org.a_collection,
        org.a_legal,
        org.b_collection,
        org.b_legal,
    ]
    row = (D(2024, 9, 27), 7, None)

    def queries(purpose: str, owners: list) -> int:
        with CaptureQueriesContext(connection) as context:
            deadline_set_many(
                owners=owners, purpose=purpose, label=LABEL, rows=[row] * len(owners), actor=officer
            )
        return len(context)

    queries("warm.up", departments[:1])
    one_chunk, three_chunks = queries("one", departments[:2]), queries("three", departments)
    assert three_chunks - one_chunk == 2 * 2  # a locking read and an insert per extra chunk
    assert Deadline.objects.filter(purpose="three").count() == 6 and AuditEvent.objects.count() == 9


@pytest.mark.parametrize(
    ("rows", "error"),
    [
        ([(D(2024, 1, 1), 1, 1)], ValidationFailed),
        ([(D(2024, 1, 1), None, None)], ValidationFailed),
        ([(D(2024, 1, 1), -1, None)], ValidationFailed),
        ([], ValueError),
    ],
)
def test_it_refuses_bad_rows_and_writes_nothing(org, rows, error):
    with pytest.raises(error):
        deadline_set_many(owners=[org.district_a], purpose=PURPOSE, label=LABEL, rows=rows)
    assert Deadline.objects.count() == 0 and AuditEvent.objects.count() == 0


def test_it_refuses_an_owner_twice_an_unsaved_owner_and_an_empty_label(org):
    row = (D(2024, 1, 2), 1, None)
    with pytest.raises(ValueError, match="twice"):
        deadline_set_many(owners=[org.city, org.city], purpose=PURPOSE, label=LABEL, rows=[row, row])
    with pytest.raises(ValidationFailed):
        deadline_set_many(owners=[type(org.city)(name="未保存")], purpose=PURPOSE, label=LABEL, rows=[row])
    with pytest.raises(ValidationFailed):
        deadline_set_many(owners=[org.city], purpose=PURPOSE, label="", rows=[row])
    assert Deadline.objects.count() == 0 and AuditEvent.objects.count() == 0


def test_it_does_nothing_for_no_owners(db):
    assert deadline_set_many(owners=[], purpose=PURPOSE, label=LABEL, rows=[]) == []
    assert AuditEvent.objects.count() == 0
