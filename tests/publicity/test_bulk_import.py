"""The bulk import path gives the rows, deadlines and audit events of ``entry_create`` per row."""

from __future__ import annotations

import io
import json

import pytest
from django.db import transaction
from openpyxl import Workbook

from sanxiang.audit.models import AuditEvent
from sanxiang.audit.services import audit_verify
from sanxiang.enforcement.models import Decision, EnforcementAct, Taxpayer
from sanxiang.holidays.models import Deadline
from sanxiang.publicity import imports, services
from sanxiang.publicity.models import Entry, EntryVersion

from .conftest import TODAY

HEADERS = ["当事人名称", "统一社会信用代码", "法定代表人", "决定书文号", "决定日期", "违法事实", "罚款金额"]
ROWS = [
    [
        "顺达商贸有限公司",
        "91610303MA6X0A0A0G",
        "王小明",
        "宝金税稽罚〔2026〕1号",
        "2026-02-10",
        "电话13812345678",
        "5000",
    ],
    ["张伟便利店", "", "张伟", "宝金税稽罚〔2026〕2号", "2026-01-20", "身份证号110101199003071233", "1000"],
    ["李四", "", "", "宝金税稽罚〔2026〕3号", "2026-02-27", "", "200"],
]


class Rollback(Exception):
    pass


def _book(rows) -> io.BytesIO:
    wb = Workbook()
    ws = wb.active
    ws.append(HEADERS)
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    return buffer


def _decision(org, number: str) -> Decision:
    taxpayer = Taxpayer.objects.create(kind="organisation", name="顺达", authority=org.district_a)
    act = EnforcementAct.objects.create(
        kind="penalty", matter="检查", taxpayer=taxpayer, authority=org.district_a
    )
    return Decision.objects.create(
        act=act, authority=org.district_a, kind="penalty", document_number=number, decided_on=TODAY
    )


def _canonical(value) -> str:
    """Dicts compared whatever their key order (the row path cleans the data again)."""
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


def _outcome() -> dict:
    """Entries, versions, deadlines and audit events, keyed by document number instead of ids."""
    number_of = {e.pk: e.document_number for e in Entry.objects.all()}
    key_of = {e.source_key: e.document_number for e in Entry.objects.all()}
    entry_of_deadline = {
        str(pk): number_of[object_id] for pk, object_id in Deadline.objects.values_list("pk", "object_id")
    }
    entries = sorted(
        Entry.objects.values(
            "document_number",
            "party_name",
            "status",
            "subject_type",
            "event_date",
            "due_on",
            "is_minor",
            "credit_class",
            "department_id",
            "decision_id",
            "created_by_id",
            "authority_id",
            "item_id",
            "current_version",
        ),
        key=lambda row: row["document_number"],
    )
    versions = sorted(
        (
            number_of[v["entry_id"]],
            _canonical({k: val for k, val in v.items() if k not in ("id", "entry_id", "created_at")}),
        )
        for v in EntryVersion.objects.values()
    )
    deadlines = sorted(
        (number_of[d.pop("object_id")], _canonical(d))
        for d in Deadline.objects.values(
            "object_id",
            "purpose",
            "label",
            "start",
            "rule_unit",
            "rule_n",
            "tax_extension",
            "due",
            "provisional",
        )
    )
    events = []
    for e in AuditEvent.objects.exclude(action="publicity.entry.imported"):
        if e.target_type == "holidays.deadline":
            owner = entry_of_deadline[e.target_id]
        else:
            owner = number_of[int(e.target_id)]
        after = dict(e.after)
        if "source_key" in after:
            after["source_key"] = key_of[after["source_key"]]
        events.append(
            (
                owner,
                e.action,
                e.actor_id,
                e.target_type,
                e.authority_id,
                _canonical(e.before),
                _canonical(after),
            )
        )
    return {"entries": entries, "versions": versions, "deadlines": deadlines, "events": sorted(events)}


def test_it_gives_the_rows_deadlines_and_events_of_entry_create(officer, org, penalty_item):
    _decision(org, "宝金税稽罚〔2026〕2号")
    report, rows = imports.check_workbook(
        actor=officer,
        item=penalty_item,
        authority=org.district_a,
        stream=_book(ROWS),
        file_name="a.xlsx",
        today=TODAY,
    )
    assert report.ok and len(rows) == 3
    with pytest.raises(Rollback), transaction.atomic():
        for target, data in rows:
            services.entry_create(actor=officer, item=penalty_item, authority=target, data=data, today=TODAY)
        one_by_one = _outcome()
        raise Rollback
    assert Entry.objects.count() == 0 and AuditEvent.objects.count() == 0

    with transaction.atomic():
        entries = imports.entries_bulk_create(actor=officer, item=penalty_item, rows=rows, today=TODAY)
    bulk = _outcome()
    assert bulk == one_by_one
    # One event per row: the entry's creation, its Deadline recorded in it (none of its own).
    assert len(bulk["events"]) == 3
    assert {e[1] for e in bulk["events"]} == {"publicity.entry.created"}
    assert all(json.loads(e[6])["deadline"]["purpose"] == "publicity.publish" for e in bulk["events"])
    assert Entry.objects.get(pk=entries[1].pk).decision.document_number == "宝金税稽罚〔2026〕2号"
    masked = {v.entry.document_number: v.masked_text for v in EntryVersion.objects.select_related("entry")}
    assert "13812345678" not in masked["宝金税稽罚〔2026〕1号"]
    assert "110101199003071233" not in masked["宝金税稽罚〔2026〕2号"]
    assert audit_verify(record=False).ok


def test_it_imports_a_file_with_every_create_audited_and_the_chain_intact(officer, org, penalty_item):
    report = imports.entries_import(
        actor=officer,
        item=penalty_item,
        authority=org.district_a,
        stream=_book(ROWS),
        file_name="a.xlsx",
        today=TODAY,
    )
    assert report.ok and len(report.created) == 3
    created = AuditEvent.objects.filter(action="publicity.entry.created")
    assert sorted(int(e.target_id) for e in created) == sorted(report.created)
    assert Deadline.objects.filter(object_id__in=report.created, purpose=services.PUBLISH).count() == 3
    [imported] = AuditEvent.objects.filter(action="publicity.entry.imported")
    assert imported.data["count"] == 3 and imported.seq == AuditEvent.objects.count()
    assert audit_verify(record=False).ok


def test_it_queries_per_chunk_not_per_row(
    officer, org, penalty_item, django_assert_max_num_queries, monkeypatch
):
    many = [[f"商户{n}", "", "", f"宝金税稽罚〔2026〕{n}号", "2026-02-10", "", "100"] for n in range(1, 41)]
    report, rows = imports.check_workbook(
        actor=officer,
        item=penalty_item,
        authority=org.district_a,
        stream=_book(many),
        file_name="a.xlsx",
        today=TODAY,
    )
    monkeypatch.setattr(imports, "CHUNK_SIZE", 20)
    # Policy table, calendar and rules reads, then per chunk of 20: decisions, entries, versions;
    # deadlines: one locking read and one insert; audit: lock, head, inserts (SQLite: 999 parameters).
    with django_assert_max_num_queries(30):
        entries = imports.entries_bulk_create(actor=officer, item=penalty_item, rows=rows, today=TODAY)
    assert len(entries) == 40 and AuditEvent.objects.count() == 40  # one per entry, its deadline in it


def test_it_imports_nothing_when_one_row_is_faulty(officer, org, penalty_item):
    bad = [*ROWS, ["王五", "91610303MA6X0A0A0A", "", "宝金税稽罚〔2026〕9号", "2026-02-10", "", "1"]]
    report = imports.entries_import(
        actor=officer,
        item=penalty_item,
        authority=org.district_a,
        stream=_book(bad),
        file_name="a.xlsx",
        today=TODAY,
    )
    assert not report.ok and report.errors[0].row == 5
    assert Entry.objects.count() == 0 and Deadline.objects.count() == 0 and AuditEvent.objects.count() == 0


def test_it_rolls_back_everything_when_the_insert_fails(officer, org, penalty_item, monkeypatch):
    def fail(**kwargs):
        raise RuntimeError("audit down")

    monkeypatch.setattr(imports, "audit_log_many", fail)
    with pytest.raises(RuntimeError):
        imports.entries_import(
            actor=officer,
            item=penalty_item,
            authority=org.district_a,
            stream=_book(ROWS),
            file_name="a.xlsx",
            today=TODAY,
        )
    assert Entry.objects.count() == 0 and Deadline.objects.count() == 0 and AuditEvent.objects.count() == 0


def _forked_masking(monkeypatch) -> list:
    """From here on every import masks in a forked helper, one row per share; the shares are listed."""
    monkeypatch.setattr(imports, "PARALLEL_MASK_ROWS", 2)
    monkeypatch.setattr(imports, "MASK_SHARE_ROWS", 1)
    started: list = []
    shared_work = imports.SharedWork

    def forked(count, work):
        started.append(shared := shared_work(count, work, fork=True))
        return shared

    monkeypatch.setattr(imports, "SharedWork", forked)
    return started


def test_masked_by_a_forked_helper_an_import_stores_exactly_what_it_stores_in_process(
    officer, org, penalty_item, monkeypatch
):
    def run() -> dict:
        report = imports.entries_import(
            actor=officer,
            item=penalty_item,
            authority=org.district_a,
            stream=_book(ROWS),
            file_name="a.xlsx",
            today=TODAY,
        )
        assert report.ok and len(report.created) == 3
        return _outcome()

    with pytest.raises(Rollback), transaction.atomic():
        in_process = run()
        raise Rollback
    started = _forked_masking(monkeypatch)
    assert run() == in_process
    assert [s.count for s in started] == [3]
    masked = {v.entry.document_number: v.masked_text for v in EntryVersion.objects.select_related("entry")}
    assert "13812345678" not in masked["宝金税稽罚〔2026〕1号"]
    assert audit_verify(record=False).ok


def test_a_failing_write_ends_the_masking_helper_and_writes_nothing(officer, org, penalty_item, monkeypatch):
    started = _forked_masking(monkeypatch)

    def fail(**kwargs):
        raise RuntimeError("audit down")

    monkeypatch.setattr(imports, "audit_log_many", fail)
    with pytest.raises(RuntimeError):
        imports.entries_import(
            actor=officer,
            item=penalty_item,
            authority=org.district_a,
            stream=_book(ROWS),
            file_name="a.xlsx",
            today=TODAY,
        )
    assert [s._process for s in started] == [None]  # ended and reaped
    assert (
        Entry.objects.count() == 0 and EntryVersion.objects.count() == 0 and AuditEvent.objects.count() == 0
    )
