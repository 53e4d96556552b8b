"""``insert_rows`` stores what ``bulk_create``/``save()`` store and ``update_rows`` what ``save(update_fields=…)``
stores, one statement per chunk (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.translation import gettext_lazy

from sanxiang.audit.models import AuditEvent
from sanxiang.holidays.choices import RuleUnit
from sanxiang.holidays.models import Deadline
from sanxiang.kernel.bulk import insert_rows, update_rows
from sanxiang.org.models import Authority
from sanxiang.portal.models import PublicEntry

STAMPS = ("id", "object_id", "created_at", "updated_at")


def _deadlines(type_id: int, first_id: int) -> list[Deadline]:
    closed = timezone.make_aware(datetime.datetime(2026, 3, 2, 9, 30))
    return [
        Deadline(
            content_type_id=type_id,
            object_id=first_id + n,
            purpose="bulk.test",
            # A lazy translation and a TextChoices member go through their field; plain values do not.
            label=gettext_lazy("工作日历") if n % 2 else f"时限{n}",
            start=datetime.date(2026, 1, 1) + datetime.timedelta(days=n),
            rule_unit=RuleUnit.WORKING_DAYS if n % 2 else RuleUnit.DAYS.value,
            rule_n=n,
            tax_extension=bool(n % 3),
            due=datetime.date(2026, 2, 1) + datetime.timedelta(days=n),
            provisional=n == 4,
            closed_at=closed if n % 2 else None,
        )
        for n in range(5)
    ]


def _stored(type_id: int, first_id: int) -> list[dict]:
    rows = Deadline.objects.filter(
        content_type_id=type_id, object_id__gte=first_id, object_id__lt=first_id + 5
    )
    return [
        {k: v for k, v in row.items() if k not in STAMPS} | {"offset": row["object_id"] - first_id}
        for row in rows.order_by("object_id").values()
    ]


def test_it_stores_the_rows_bulk_create_stores(db):
    type_id = ContentType.objects.get_for_model(Authority).pk
    before = timezone.now()
    inserted = _deadlines(type_id, 1000)
    insert_rows(Deadline, inserted, using=connection.alias)
    Deadline.objects.bulk_create(_deadlines(type_id, 2000))
    assert len(_stored(type_id, 1000)) == 5
    assert _stored(type_id, 1000) == _stored(type_id, 2000)
    # auto_now_add / auto_now went through pre_save: set on the objects and stored as set there.
    stored = Deadline.objects.filter(object_id__gte=1000, object_id__lt=1005).order_by("object_id")
    for obj, row in zip(inserted, stored, strict=True):
        assert obj.created_at >= before and obj.updated_at >= before
        assert (row.created_at, row.updated_at) == (obj.created_at, obj.updated_at)
        assert obj.pk is None  # ids are not read back


def _event(seq: int, **values) -> AuditEvent:
    return AuditEvent(
        seq=seq,
        occurred_at=timezone.make_aware(datetime.datetime(2026, 3, 2, 9, 30, 15, 123456)),
        action="bulk.test.inserted",
        prev_hash="0" * 64,
        hash=f"{seq:064x}",
        **values,
    )


def test_it_stores_json_values_and_sql_null_as_save_does(db, org):
    values = [
        {"before": None, "after": {"名称": "顺达", "items": [1, 2.5, None]}, "data": []},
        {"before": {"a": None}, "after": None, "data": None, "authority_id": org.city.pk},
        {"before": "text", "after": 0, "data": {"nested": {"x": True}}, "target_id": "12"},
    ]
    insert_rows(AuditEvent, [_event(9_000 + n, **v) for n, v in enumerate(values)])
    for n, v in enumerate(values):
        _event(9_100 + n, **v).save(force_insert=True)
    fields = ["occurred_at", "before", "after", "data", "authority_id", "target_id", "outcome"]
    inserted = list(AuditEvent.objects.filter(seq__range=(9_000, 9_002)).order_by("seq").values(*fields))
    saved = list(AuditEvent.objects.filter(seq__range=(9_100, 9_102)).order_by("seq").values(*fields))
    assert inserted == saved and len(inserted) == 3
    assert inserted[0]["after"] == values[0]["after"] and inserted[2]["outcome"] == "ok"  # the default
    # None is SQL NULL, not JSON null, on both paths.
    assert AuditEvent.objects.filter(seq__range=(9_000, 9_002), before__isnull=True).count() == 1
    assert AuditEvent.objects.filter(seq__range=(9_000, 9_002), data__isnull=True).count() == 1


def test_it_inserts_a_primary_key_the_database_does_not_generate(db):
    expires = timezone.now() + datetime.timedelta(days=1)
    insert_rows(
        Session,
        [Session(session_key=f"bulk-{n}", session_data="e30=", expire_date=expires) for n in range(3)],
    )
    assert sorted(Session.objects.filter(expire_date=expires).values_list("pk", flat=True)) == [
        "bulk-0",
        "bulk-1",
        "bulk-2",
    ]


def test_it_sends_one_statement_per_chunk(db):
    type_id = ContentType.objects.get_for_model(Authority).pk
    with CaptureQueriesContext(connection) as captured:
        insert_rows(Deadline, _deadlines(type_id, 3000), chunk=2)
    assert [q["sql"].split(" times: ")[0] for q in captured.captured_queries] == ["2", "2", "1"]
    statement = (
        'COPY "holidays_deadline"' if connection.vendor == "postgresql" else 'INSERT INTO "holidays_deadline"'
    )
    assert all(statement in q["sql"] for q in captured.captured_queries)
    assert Deadline.objects.filter(object_id__gte=3000, object_id__lt=3005).count() == 5


def test_it_does_nothing_for_no_rows_and_refuses_a_chunk_of_none(db):
    with CaptureQueriesContext(connection) as captured:
        insert_rows(Deadline, [])
    assert captured.captured_queries == []
    with pytest.raises(ValueError):
        insert_rows(Deadline, _deadlines(1, 0), chunk=0)


def test_it_refuses_an_expression_as_a_value(db):
    type_id = ContentType.objects.get_for_model(Authority).pk
    [deadline] = _deadlines(type_id, 4000)[:1]
    deadline.label = F("purpose")
    with pytest.raises(TypeError, match="plain values"):
        insert_rows(Deadline, [deadline])


def _changed(deadline: Deadline, n: int) -> None:
    deadline.label = gettext_lazy("工作日历") if n % 2 else f"改{n}"
    deadline.due = datetime.date(2026, 5, 1) + datetime.timedelta(days=n)
    deadline.closed_at = None if n % 2 else timezone.make_aware(datetime.datetime(2026, 4, 1, 8, n))
    deadline.rule_n = 100 + n  # not among the updated fields: stays as stored


def test_it_updates_the_columns_save_with_update_fields_updates(db):
    type_id = ContentType.objects.get_for_model(Authority).pk
    insert_rows(Deadline, _deadlines(type_id, 5000) + _deadlines(type_id, 6000))
    bulk = list(Deadline.objects.filter(object_id__range=(5000, 5004)).order_by("object_id"))
    one_by_one = list(Deadline.objects.filter(object_id__range=(6000, 6004)).order_by("object_id"))
    stamped = {d.pk: d.updated_at for d in bulk}
    fields = ["label", "due", "closed_at", "updated_at"]
    for n, (a, b) in enumerate(zip(bulk, one_by_one, strict=True)):
        _changed(a, n)
        _changed(b, n)
        b.save(update_fields=fields)
    with CaptureQueriesContext(connection) as captured:
        update_rows(Deadline, bulk, fields, chunk=3)
    assert len(captured.captured_queries) == 2 and "UPDATE" in captured.captured_queries[0]["sql"]
    assert _stored(type_id, 5000) == _stored(type_id, 6000)
    assert [row["rule_n"] for row in _stored(type_id, 5000)] == [0, 1, 2, 3, 4]
    for deadline in Deadline.objects.filter(object_id__range=(5000, 5004)):
        assert deadline.updated_at > stamped[deadline.pk]  # auto_now went through pre_save


def test_it_updates_json_values_as_save_does(db, org):
    def entry(key: str) -> PublicEntry:
        return PublicEntry.objects.create(
            source_key=key,
            version=1,
            category_code="penalty_decision",
            category_label="行政处罚决定",
            stage="after",
            authority=org.city,
            title="标题",
            published_at=timezone.now(),
        )

    bulk, saved = entry("bulk"), entry("saved")
    values = {"fields": [["名称", "顺达"], ["金额", "2.5"]], "decided_on": None, "text": ""}
    for obj in (bulk, saved):
        for name, value in values.items():
            setattr(obj, name, value)
    update_rows(PublicEntry, [bulk], list(values))
    saved.save(update_fields=list(values))
    rows = PublicEntry.objects.filter(source_key__in=("bulk", "saved")).order_by("source_key")
    assert list(rows.values(*values)) == [values, values]
    assert PublicEntry.objects.filter(source_key="bulk", decided_on__isnull=True).exists()


def test_it_refuses_to_update_a_primary_key_and_does_nothing_for_no_rows(db):
    with pytest.raises(ValueError):
        update_rows(Deadline, _deadlines(1, 0), ["id"])
    with CaptureQueriesContext(connection) as captured:
        update_rows(Deadline, [], ["label"])
    assert captured.captured_queries == []


def test_the_shortcuts_prepare_values_as_their_fields_do(db):
    """Each shortcut of ``_row_values`` gives what ``get_db_prep_save`` gives on this database,
    and values it does not cover (another zone, naive) still go through the field."""
    from zoneinfo import ZoneInfo

    from sanxiang.kernel.bulk import _shortcuts

    utc = datetime.datetime(2026, 3, 2, 9, 30, 15, 123456, tzinfo=datetime.UTC)
    samples = {
        AuditEvent._meta.get_field("occurred_at"): [utc, utc.astimezone(ZoneInfo("Asia/Shanghai"))],
        Deadline._meta.get_field("due"): [datetime.date(2026, 2, 28)],
        AuditEvent._meta.get_field("after"): [
            {"名称": "顺达", "n": [1, 2.5, None, True]},
            ["a", {"b": "c"}],
            "文本",
            7,
        ],
    }
    covered = 0
    for field, values in samples.items():
        shortcuts = _shortcuts(field, connection)
        for value in values:
            shortcut = shortcuts.get(type(value))
            if shortcut is not None:
                covered += 1
                assert shortcut(value) == field.get_db_prep_save(value, connection), (field, value)
    # The datetimes and the date on both databases; JSON data on SQLite (psycopg dumps it itself).
    assert covered == (7 if connection.vendor == "sqlite" else 3)
    naive = datetime.datetime(2026, 3, 2, 9, 30)
    shortcut = _shortcuts(AuditEvent._meta.get_field("occurred_at"), connection)[datetime.datetime]
    with pytest.warns(RuntimeWarning, match="naive datetime"):
        assert shortcut(naive) == AuditEvent._meta.get_field("occurred_at").get_db_prep_save(
            naive, connection
        )
