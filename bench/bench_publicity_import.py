"""Excel import throughput including masking: a generated 10,000-row workbook of penalty decisions.

Standalone: ``.venv/bin/python bench/bench_publicity_import.py [rows]``. Uses a throwaway SQLite
database in a temporary SANXIANG_VAR_DIR (set before Django starts), or the PostgreSQL database
``DATABASE_URL`` names (an empty one: drop and create it before each run, the audit trail refuses
deletes), migrates first, then times ``entries_import`` (safe reader's checks, calamine's parse,
check every cell, mask, insert, one Deadline per entry, every create audited) and prints entries
per second, wall and CPU time (this process's and that of the masking helper it forks from
``imports.PARALLEL_MASK_ROWS`` rows, apart: on a machine with a core free for each, the wall time
is about the larger) and the load average around the run (wall time on a shared machine says
little alone), split by phase (read + check, prepare: building the drafts, name model: loading
the masker's model before the fork, mask: this process's share of the masking and its reading of
the helper's results, insert, deadlines, audit, commit, other: each phase's own time, without the
phases it calls), then checks that the audit chain still verifies. Prints figures; asserts
nothing about time.

Measured on the 2-core development machine shared with other sessions (load 2-3.3, never idle),
10,000 rows, back to back against the code before this round: SQLite 6.21-6.30 s of CPU
(3.82-3.85 s here, 2.38-2.48 s in the helper: about 2,600 entries/s with a core free for each;
1,530-1,836 entries/s of wall time at load 2-2.5) where it took 6.80-7.17 s (4.30-4.52 s here:
about 2,210-2,330 entries/s; 955-1,509 of wall time); PostgreSQL (its server on the same two
cores, its CPU not counted) 5.96-6.07 s (3.42-3.54 s here: about 2,830-2,920 entries/s;
1,070-1,579 of wall time at load 3.2) where it took 6.35-6.78 s (4.01-4.19 s here: about
2,390-2,490 entries/s; 915-1,370). An import now logs one audit event per entry (its Deadline
recorded in it), 10,001 for 10,000 rows where it logged 20,001. The round before: SQLite
988-1,498 entries/s at load 2.4-2.8, 2,040 in a quieter moment; PostgreSQL 1,405-1,952 at load
2.1-2.3.
"""

from __future__ import annotations

import datetime
import io
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


def _workbook(rows: int, today: datetime.date) -> bytes:
    from openpyxl import Workbook

    from sanxiang.lib.fakedata import Faker

    faker = Faker(seed=7)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(
        [
            "当事人名称",
            "统一社会信用代码",
            "法定代表人",
            "决定书文号",
            "决定日期",
            "违法事实",
            "处罚结果",
            "罚款金额",
        ]
    )
    for n in range(rows):
        person = faker.person(today=today)
        ws.append(
            [
                faker.company_name(),
                faker.uscc(),
                person.name,
                f"宝金税稽罚〔2025〕{n + 1}号",
                (today - datetime.timedelta(days=1 + n % 300)).isoformat(),
                f"法定代表人{person.name}（身份证号{person.id_number}，电话{faker.phone()}）通过账户{faker.bank_card()}"
                f"收取货款未申报，少缴增值税{n % 97 * 100}元。住所{faker.address()}。",
                f"罚款{n % 50 * 100}元",
                str(n % 50 * 100),
            ]
        )
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process, and of its ended children (the import's masking helper)."""
    times = os.times()
    return times.user + times.system, times.children_user + times.children_system


def _load(averages: tuple[float, float, float]) -> str:
    return " ".join(f"{value:.2f}" for value in averages)


class PhaseTimer:
    """Exclusive wall time per phase: time spent in a phase called inside another counts once."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = {}
        self._stack: list[list[Any]] = []  # [name, running since]

    def _charge(self, now: float) -> None:
        name, since = self._stack[-1]
        self.totals[name] = self.totals.get(name, 0.0) + now - since
        self._stack[-1][1] = now

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        if self._stack:
            self._charge(time.perf_counter())
        self._stack.append([name, time.perf_counter()])
        try:
            yield
        finally:
            now = time.perf_counter()
            self._charge(now)
            self._stack.pop()
            if self._stack:
                self._stack[-1][1] = now

    def wrap(self, module: Any, attribute: str, name: str) -> None:
        """Time every call of ``module.attribute`` (as looked up at call time) as ``name``."""
        original: Callable[..., Any] = getattr(module, attribute)

        def timed(*args: Any, **kwargs: Any) -> Any:
            with self.phase(name):
                return original(*args, **kwargs)

        setattr(module, attribute, timed)


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory(prefix="sanxiang-bench-") as var_dir:
        os.environ["SANXIANG_VAR_DIR"] = var_dir
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanxiang.settings")
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connections

        from sanxiang.audit.models import AuditEvent
        from sanxiang.audit.services import audit_verify
        from sanxiang.holidays import services as holidays_services
        from sanxiang.holidays.models import Deadline
        from sanxiang.org.models import Authority, Role, User
        from sanxiang.publicity import imports
        from sanxiang.publicity.imports import check_workbook, entries_import
        from sanxiang.publicity.models import Entry, Item

        call_command("migrate", verbosity=0)
        authority = Authority.objects.add_root(
            create_kwargs={"name": "国家税务总局宝鸡市金台区税务局", "code": "16103020000", "level": "county"}
        )
        user = User.objects.create_user(
            username="bench", password="x", authority=authority, data_scope="unit"
        )
        user.roles.set(Role.objects.filter(code="enforcement_officer"))
        item = Item.objects.get(code="penalty_decision")
        today = datetime.date(2026, 3, 2)
        data = _workbook(rows, today)
        print(f"workbook: {rows} rows, {len(data) / 1e6:.1f} MB")

        started = time.perf_counter()
        report, clean = check_workbook(
            actor=user,
            item=item,
            authority=authority,
            stream=io.BytesIO(data),
            file_name="bench.xlsx",
            today=today,
        )
        checked = time.perf_counter() - started
        assert report.ok, report.errors[:3]
        print(f"read + check only: {rows / checked:,.0f} rows/s ({checked:.2f} s)")

        load_before = os.getloadavg()
        timer = PhaseTimer()
        timer.wrap(imports, "check_workbook", "read + check")
        timer.wrap(imports, "mask_version", "mask")
        # From PARALLEL_MASK_ROWS rows a forked helper masks while this process writes: "mask" is
        # then this process's share of the masking and its wait for (and reading of) the
        # helper's results, which it takes in order while inserting the versions.
        timer.wrap(imports.SharedWork, "results", "mask")
        timer.wrap(imports.SharedWork, "_receive", "mask")
        timer.wrap(imports, "_insert_chunk", "insert")
        timer.wrap(imports, "insert_rows", "insert")
        timer.wrap(imports, "deadline_set_many", "deadlines")
        timer.wrap(imports, "_prepare", "prepare")
        timer.wrap(imports.ner, "load", "name model")
        timer.wrap(type(connections["default"]), "_commit", "commit")
        timer.wrap(imports, "audit_log_many", "audit")
        timer.wrap(imports, "audit_log", "audit")
        timer.wrap(holidays_services, "audit_log_many", "audit")
        started, cpu_started = time.perf_counter(), _cpu()
        with timer.phase("other"):
            report = entries_import(
                actor=user,
                item=item,
                authority=authority,
                stream=io.BytesIO(data),
                file_name="bench.xlsx",
                today=today,
            )
        elapsed = time.perf_counter() - started
        own, helper = (end - begin for end, begin in zip(_cpu(), cpu_started, strict=True))
        cpu = own + helper
        load_after = os.getloadavg()
        assert report.ok and len(report.created) == rows == Entry.objects.count()
        print(
            f"full import (check, mask, insert, deadlines, audit): {rows / elapsed:,.0f} entries/s"
            f" ({elapsed:.2f} s; {cpu:.2f} s of CPU: on a busy machine, {rows / cpu:,.0f} entries per CPU second)"
        )
        print(
            f"  CPU: {own:.2f} s this process, {helper:.2f} s the masking helper; with a core free for"
            f" each, the wall time would be about the larger: {rows / max(own, helper):,.0f} entries/s"
        )
        print(
            "  load average (1, 5, 15 min) before and after, on this machine's"
            f" {os.cpu_count()} cores: {_load(load_before)} / {_load(load_after)}"
        )
        for name in (
            "read + check",
            "prepare",
            "name model",
            "mask",
            "insert",
            "deadlines",
            "audit",
            "commit",
            "other",
        ):
            spent = timer.totals.get(name, 0.0)
            print(f"  {name:<13} {spent:6.2f} s  {spent / elapsed:4.0%}")
        print(f"  rows: {Deadline.objects.count():,} deadlines, {AuditEvent.objects.count():,} audit events")
        started = time.perf_counter()
        result = audit_verify(record=False)
        print(
            f"audit chain: {'verifies' if result.ok else 'BROKEN'} ({result.event_count:,} events,"
            f" {time.perf_counter() - started:.2f} s)"
        )


if __name__ == "__main__":
    main()
