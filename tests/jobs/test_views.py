import pytest
from django.test import Client
from django.urls import reverse

from sanxiang.audit.models import AuditEvent
from sanxiang.files.models import StoredFile
from sanxiang.jobs.models import Job, JobStatus
from sanxiang.publicity.models import Entry
from tests import factories

from .helpers import penalty_csv

IMPORT = "/staff/publicity/import/"


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _submit(client, org, upload):
    return client.post(IMPORT, {"item": "penalty_decision", "authority": org.district_a.pk, "file": upload})


def test_submit_redirects_to_the_job_whose_poll_shows_progress_then_the_report(officer, org, run_jobs):
    client = _client(officer)
    response = _submit(client, org, penalty_csv(12))
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("jobs:detail", args=[job.pk])

    page = client.get(response["Location"]).content.decode()
    assert "排队中" in page and "排队等待后台处理" in page and 'hx-trigger="every 1s"' in page
    assert '<noscript><meta http-equiv="refresh"' in page  # without JavaScript the page reloads itself
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, done=24, total=72, stage="脱敏并生成草稿")
    poll = client.get(response["Location"], headers={"HX-Request": "true"}).content.decode()
    assert poll.startswith('<section class="card job-status"') and "<html" not in poll
    assert 'value="33"' in poll and "33%" in poll and "脱敏并生成草稿" in poll and "hx-trigger" in poll

    Job.objects.filter(pk=job.pk).update(status=JobStatus.QUEUED)
    from sanxiang.jobs.services import job_run

    job_run(job_id=job.pk)
    poll = client.get(response["Location"], headers={"HX-Request": "true"}).content.decode()
    assert "hx-trigger" not in poll  # finished: polling stops
    assert 'value="100"' in poll and "完成" in poll
    assert "共 12 行，导入 12 条，错误 0 处。" in poll and 'id="import-drafts"' in poll
    assert Entry.objects.count() == 12
    listing = client.get(reverse("jobs:list")).content.decode()
    assert "导入公示信息（Excel/CSV）" in listing and "任务测试.csv" in listing and "已完成" in listing


def test_a_faulty_file_shows_its_errors_on_the_job_page(officer, org, run_jobs):
    client = _client(officer)
    with run_jobs():
        response = _submit(client, org, penalty_csv(3, bad_row=2))
    page = client.get(response["Location"]).content.decode()
    assert "文件有错误，未导入任何数据" in page and "任务测试.csv" in page and "决定日期" in page
    assert not Entry.objects.exists()


def test_form_errors_show_on_the_form_at_once_and_create_no_job(officer, org):
    client = _client(officer)
    response = client.post(IMPORT, {"item": "penalty_decision", "authority": org.district_a.pk})
    assert response.status_code == 200 and "该字段是必填项" in response.content.decode()
    response = client.post(
        IMPORT, {"item": "no_such_item", "authority": org.district_a.pk, "file": penalty_csv(1)}
    )
    assert response.status_code == 200 and 'class="errorlist' in response.content.decode()
    assert not Job.objects.exists()


def test_only_the_owner_and_an_administrator_in_scope_see_a_job(
    officer, org, sibling_bureau_officer, admin_user, run_jobs
):
    client = _client(officer)
    with run_jobs():
        response = _submit(client, org, penalty_csv(2))
    url = response["Location"]
    colleague = factories.user(org.district_a, org.a_collection, roles=["enforcement_officer"], scope="unit")

    for other in (sibling_bureau_officer, colleague):
        assert _client(other).get(url).status_code == 404
        assert _client(other).get(url + "download/").status_code == 404
        assert "任务测试.csv" not in _client(other).get(reverse("jobs:list")).content.decode()
    assert AuditEvent.objects.filter(action="scope.refused", actor=colleague).exists()
    # Nor through the generic file pages, where the unit's file scope would have let the colleague in.
    (upload,) = StoredFile.objects.filter(purpose="jobs.input")
    for path in (f"/staff/files/{upload.public_id}/", f"/staff/files/{upload.public_id}/download/"):
        assert _client(colleague).get(path).status_code == 404
        assert _client(officer).get(path).status_code == 404  # the owner opens it through the job
    assert _client(admin_user).get(url).status_code == 200
    assert Client().get(url).status_code == 302  # anonymous: to the login page


@pytest.mark.parametrize("name", ["jobs:list"])
def test_my_jobs_is_empty_for_a_newcomer(officer, name):
    page = _client(officer).get(reverse(name)).content.decode()
    assert "还没有后台任务" in page
