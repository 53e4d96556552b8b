"""The production profile's task workers: three worker processes on one queue run each of 1,000
jobs exactly once (PostgreSQL: django-tasks-db claims with SELECT … FOR UPDATE SKIP LOCKED)."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from django.conf import settings

from tests.reliability import server

JOBS = 1_000
WORKERS = 3
REPO = Path(__file__).resolve().parents[2]

ENQUEUE = """
from tests.reliability.jobs import record_job
for n in range({jobs}):
    record_job.enqueue(n, {path!r})
print("enqueued")
"""


@pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
    reason="the production profile's several workers run on PostgreSQL",
)
def test_three_workers_run_each_of_1000_jobs_exactly_once(tmp_path, django_db_blocker):
    with django_db_blocker.unblock():
        env = server.database_env(tmp_path / "var", "workers")
    (tmp_path / "var").mkdir(exist_ok=True)
    env["PYTHONPATH"] = str(REPO)
    server.manage(env, "migrate", "--noinput", "-v0")
    log = tmp_path / "done.log"
    assert server.django_eval(env, ENQUEUE.format(jobs=JOBS, path=str(log))).endswith("enqueued")
    workers = [
        subprocess.Popen(
            [str(server.BIN / "sanxiang"), "worker", "--no-schedule", "--interval", "0.2", "--skip-checks"],
            env=env,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(WORKERS)
    ]
    started = time.monotonic()
    try:
        while time.monotonic() - started < 600:
            lines = log.read_text().splitlines() if log.exists() else []
            if len(lines) >= JOBS:
                break
            time.sleep(0.5)
        time.sleep(2)  # a duplicate would show up now
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGTERM)
        for worker in workers:
            try:
                worker.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.kill(worker.pid, signal.SIGKILL)
    elapsed = time.monotonic() - started
    runs = [line.split() for line in log.read_text().splitlines()]
    done = sorted(int(n) for n, _pid in runs)
    pids = {pid for _n, pid in runs}
    states = server.django_eval(
        env,
        "from django_tasks_db.models import DBTaskResult\n"
        "from collections import Counter\n"
        "print(dict(Counter(DBTaskResult.objects.values_list('status', flat=True))))",
    )
    print(
        f"\n{JOBS} jobs, {WORKERS} workers: {len(runs)} runs in {elapsed:.1f} s by {len(pids)} processes; {states}"
    )
    assert done == list(range(JOBS)), "a job ran twice or never"
    assert len(pids) >= 2, "only one worker took jobs"
    assert states == f"{{'SUCCESSFUL': {JOBS}}}"
