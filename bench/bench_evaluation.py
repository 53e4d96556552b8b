"""Evaluation speed at province scale: every indicator for every unit, and one unit's page.

    .venv/bin/python bench/bench_evaluation.py [--records 1000000] [--keep]
    .venv/bin/python bench/bench_evaluation.py --reuse /tmp/bench-evaluation-xxxx   # a kept SQLite dir
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/bench_evaluation.py

Builds, in a temporary database, one provincial bureau with 15 municipal and 150 district bureaus
(three departments each, one officer per district) and ``--records`` rows split between
publicity entries (half) and enforcement acts (half; a fifth of the acts with a review case, a
tenth with a decision), plus supervision milestones, spread over the last twelve months. Then it
times (1) computing all indicators of the default library for every unit (rolled up the tree)
and for every department, for the current month and for the whole year, and (2) the 一局式 page
of a municipal bureau through Django's test client, cold and warm, and its two exports (Excel,
Word). Figures only, no assertions.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--keep", action="store_true", help="keep the temporary SQLite directory")
    parser.add_argument("--reuse", help="a SQLite directory kept by --keep: measure without loading")
    args = parser.parse_args()
    var = args.reuse or tempfile.mkdtemp(prefix="bench-evaluation-")
    if args.reuse:
        args.keep = True
    os.environ.setdefault("SANXIANG_VAR_DIR", var)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanxiang.settings")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    pg = os.environ.get("DATABASE_URL", "").startswith("postgres")
    if pg:
        import psycopg

        url = os.environ["DATABASE_URL"]
        base = url.rsplit("/", 1)[0]
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS bench_evaluation")
            conn.execute("CREATE DATABASE bench_evaluation")
        os.environ["DATABASE_URL"] = f"{base}/bench_evaluation"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    if args.reuse:
        root, leader = _reused()
    else:
        root, leader = _load(args.records)
        print(
            f"records: {args.records:,} loaded in {time.perf_counter() - started:.1f} s "
            f"({'PostgreSQL' if pg else 'SQLite'})"
        )
    _measure(root, leader)
    if not args.keep and not pg:
        import shutil

        shutil.rmtree(var, ignore_errors=True)
    elif args.keep:
        print(f"kept: {var}")


def _load(records: int):
    from django.utils import timezone

    from sanxiang.enforcement.models import Decision, EnforcementAct, Taxpayer
    from sanxiang.evaluation.services import library_install_default
    from sanxiang.org.models import Authority, Department, Role, User
    from sanxiang.publicity.models import Entry, Item
    from sanxiang.review.models import ReviewCase
    from sanxiang.supervision.models import Milestone, Task, TaskPlan

    library_install_default()
    rng = random.Random(2026)
    province = Authority.objects.add_root(
        create_kwargs={"code": "16100000000", "name": "国家税务总局某省税务局", "level": "provincial"}
    )
    cities, districts = [], []
    for c in range(15):
        city = Authority.objects.add_child(
            province,
            create_kwargs={
                "code": f"161{c + 1:02d}000000",
                "name": f"第{c + 1}市税务局",
                "level": "municipal",
            },
        )
        cities.append(city)
        for d in range(10):
            districts.append(
                Authority.objects.add_child(
                    city,
                    create_kwargs={
                        "code": f"161{c + 1:02d}{d + 1:02d}0000",
                        "name": f"第{c + 1}市第{d + 1}区税务局",
                        "level": "county",
                    },
                )
            )
    Department.objects.bulk_create(
        Department(authority=a, name=name)
        for a in [province, *cities, *districts]
        for name in ("征收管理科", "法制科", "稽查局")
    )
    departments: dict[int, list[int]] = {}
    for pk, authority_id in Department.objects.values_list("pk", "authority_id"):
        departments.setdefault(authority_id, []).append(pk)
    officer_role = Role.for_codes(["enforcement_officer"])[0]
    officers = []
    for i, district in enumerate(districts):
        user = User.objects.create(
            username=f"officer{i}", authority=district, department_id=departments[district.pk][0]
        )
        user.roles.add(officer_role)
        officers.append(user)
    leader = User.objects.create(
        username="leader", authority=cities[0], data_scope="unit_and_below", is_superuser=False
    )
    leader.roles.set(Role.for_codes(["leader"]))
    today = timezone.localdate()
    start = today - datetime.timedelta(days=365)
    item = Item.objects.get(code="penalty_decision")
    tz = timezone.get_current_timezone()

    def day() -> datetime.date:
        return start + datetime.timedelta(days=rng.randrange(365))

    batch = 20_000
    entries = records // 2
    for first in range(0, entries, batch):
        rows = []
        for n in range(first, min(entries, first + batch)):
            i = rng.randrange(len(districts))
            due = day()
            late = rng.random() < 0.04
            published = due + datetime.timedelta(days=rng.randrange(1, 5) if late else -rng.randrange(0, 5))
            rows.append(
                Entry(
                    item=item,
                    authority_id=districts[i].pk,
                    department_id=departments[districts[i].pk][0],
                    source_key=f"B{n}",
                    status="published",
                    subject_type="organisation",
                    party_name="某某有限公司",
                    due_on=due,
                    published_at=datetime.datetime.combine(published, datetime.time(10), tz),
                    created_by_id=officers[i].pk,
                )
            )
        Entry.objects.bulk_create(rows)
    taxpayers = Taxpayer.objects.bulk_create(
        Taxpayer(kind="organisation", name=f"纳税人{n}", authority_id=districts[n % len(districts)].pk)
        for n in range(len(districts) * 20)
    )
    acts = records - entries
    officer_of = {o.authority_id: o.pk for o in officers}
    for first in range(0, acts, batch):
        rows = []
        for _n in range(first, min(acts, first + batch)):
            t = taxpayers[rng.randrange(len(taxpayers))]
            rows.append(
                EnforcementAct(
                    kind="penalty",
                    matter="未按期申报",
                    taxpayer_id=t.pk,
                    authority_id=t.authority_id,
                    department_id=departments[t.authority_id][0],
                    started_on=day(),
                    created_by_id=officer_of[t.authority_id],
                )
            )
        made = EnforcementAct.objects.bulk_create(rows)
        cases, decisions = [], []
        for act in made:
            roll = rng.random()
            if roll < 0.2:
                submitted = act.started_on + datetime.timedelta(days=10)
                cases.append(
                    ReviewCase(
                        act_id=act.pk,
                        authority_id=act.authority_id,
                        department_id=act.department_id,
                        title="案件",
                        subject="organisation",
                        decision_kind="penalty",
                        needs_review=rng.random() < 0.5,
                        unreviewed=rng.random() < 0.01,
                        was_returned=rng.random() < 0.05,
                        submitted_on=submitted,
                        approved_on=submitted + datetime.timedelta(days=rng.randrange(3, 20)),
                        decided_on=submitted + datetime.timedelta(days=25),
                        status="decided",
                    )
                )
            if roll < 0.1:
                decisions.append(
                    Decision(
                        act_id=act.pk,
                        authority_id=act.authority_id,
                        kind="penalty",
                        document_number=f"罚{act.pk}",
                        decided_on=act.started_on + datetime.timedelta(days=30),
                    )
                )
        ReviewCase.objects.bulk_create(cases)
        Decision.objects.bulk_create(decisions)
    for district in districts:
        plan = TaskPlan.objects.create(authority=district, title="任务分解表")
        tasks = Task.objects.bulk_create(
            Task(
                plan=plan,
                authority=district,
                position=p,
                text="任务",
                owner_department_id=departments[district.pk][0],
            )
            for p in range(20)
        )
        Milestone.objects.bulk_create(
            Milestone(
                task=t,
                label="完成",
                planned_date=(d := day()),
                done_at=datetime.datetime.combine(d, datetime.time(9), tz) if rng.random() < 0.9 else None,
            )
            for t in tasks
        )
    return cities[0], leader


def _reused():
    from sanxiang.enforcement.models import EnforcementAct
    from sanxiang.org.models import Authority, User
    from sanxiang.publicity.models import Entry

    print(f"reused: {Entry.objects.count():,} entries, {EnforcementAct.objects.count():,} acts")
    return Authority.objects.get(code="16101000000"), User.objects.get(username="leader")


def _measure(city, leader) -> None:
    from django.test import Client
    from django.utils import timezone

    from sanxiang.evaluation import selectors
    from sanxiang.kernel.measures import Level, Period, measures

    today = timezone.localdate()
    library = selectors.library_for(today)
    for label, period in (
        ("current month", Period.month(today.year, today.month, as_of=today)),
        ("last 12 months", Period(today - datetime.timedelta(days=365), today, today)),
    ):
        t0 = time.perf_counter()
        computed = selectors.computed_pairs(library, period, now=timezone.now())
        t1 = time.perf_counter()
        units = computed[Level.AUTHORITY].pairs
        departments = computed[Level.DEPARTMENT].pairs
        print(
            f"all indicators, {label}: every unit ({sum(len(v) for v in units.values())} figures) "
            f"and every department ({sum(len(v) for v in departments.values())} figures) "
            f"in {t1 - t0:.2f} s (one batch)"
        )
    period = Period(today - datetime.timedelta(days=365), today, today)
    slowest = []
    for measure in measures():
        t0 = time.perf_counter()
        measure.compute(period, Level.AUTHORITY)
        slowest.append((time.perf_counter() - t0, measure.code))
    print(
        "per measure, last 12 months, unit level: "
        + ", ".join(f"{c} {t:.2f} s" for t, c in sorted(slowest, reverse=True))
    )
    from sanxiang.evaluation.services import period_close
    from sanxiang.org.models import Authority

    province = Authority.objects.get(depth=1)
    month = Period.month(today.year, today.month)
    from sanxiang.evaluation.models import Snapshot

    closing = [month.shifted(months=-back) for back in range(12, 0, -1)]
    closing = [m for m in closing if not Snapshot.objects.filter(period_start=m.start, kind="month").exists()]
    t0 = time.perf_counter()
    for m in closing:
        period_close(
            actor=None, authority=province, year=m.start.year, month=m.start.month, now=timezone.now()
        )
    if closing:
        print(
            f"month close (the monthly job, whole province): "
            f"{(time.perf_counter() - t0) / len(closing):.2f} s per month ({len(closing)} closed)"
        )
    else:
        print("month close: every month was closed by an earlier run on this database (--reuse)")
    from sanxiang.evaluation.services import results_refresh

    t0 = time.perf_counter()
    done = results_refresh(now=timezone.now())
    print(
        f"background refresh (what pages read; {done['computed']} period(s) computed): "
        f"{time.perf_counter() - t0:.2f} s"
    )
    import sanxiang.wsgi  # noqa: F401 - warms up what the server loads before its first request

    client = Client()
    client.force_login(leader)
    url = f"/staff/evaluation/units/{city.pk}/"
    timings = []
    for _ in range(6):
        t0 = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - t0) * 1000)
        assert response.status_code == 200, response.status_code
    print(
        f"unit page ({url}), figures from the refresh, server warmed up as wsgi.py does: "
        f"first {timings[0]:.0f} ms, "
        f"then median {statistics.median(timings[1:]):.0f} ms"
    )
    # The unit's exports read the same figures as its page: are they long enough for a background job?
    for name in ("export.xlsx", "report.docx"):
        timings = []
        for _ in range(4):
            t0 = time.perf_counter()
            response = client.get(url + name)
            timings.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200, response.status_code
        print(
            f"unit export {name} ({len(response.content):,} bytes): first {timings[0]:.0f} ms, "
            f"then median {statistics.median(timings[1:]):.0f} ms"
        )


if __name__ == "__main__":
    main()
