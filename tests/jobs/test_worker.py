import io

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from sanxiang.jobs.models import JobStatus
from sanxiang.jobs.services import job_create
from sanxiang.kernel.tasks import TaskResultStatus
from sanxiang.publicity.jobs import ENTRIES_IMPORT
from sanxiang.publicity.models import Entry

from . import helpers

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_database_worker_runs_jobs_and_their_progress_is_seen_by_other_connections(officer, org):
    helpers.register_probe()
    helpers.seen_from_outside.clear()
    probe = job_create(actor=officer, kind=helpers.PROBE, authority=org.district_a)
    upload = helpers.penalty_csv(6, prefix="W")
    imported = job_create(
        actor=officer,
        kind=ENTRIES_IMPORT,
        authority=org.district_a,
        params={"item": "penalty_decision", "file_name": upload.name},
        uploads=[upload],
    )
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 2  # enqueued on commit

    call_command("worker", "--once", "--no-schedule", stdout=io.StringIO())

    probe.refresh_from_db()
    imported.refresh_from_db()
    # The page's connection saw the progress while the job was still running.
    assert probe.status == JobStatus.DONE and probe.result["seen"] == [[3, 10, "探针阶段"]]
    assert imported.status == JobStatus.DONE and len(imported.result["created"]) == 6
    assert Entry.objects.count() == 6
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {TaskResultStatus.SUCCESSFUL}
