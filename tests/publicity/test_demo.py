"""``load_demo``: progress lines per step (Chinese, with times and counts), the publicity step's
batched publication (one signed checkpoint) and a verifiable audit chain and log afterwards."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command

from sanxiang.portal.models import LogCheckpoint, LogLeaf, PublicEntry
from sanxiang.publicity.models import Entry, Transition

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_output(django_capture_on_commit_callbacks, monkeypatch):
    from sanxiang.publicity import demo

    monkeypatch.setattr(demo, "PER_DISTRICT", 60)  # the same code path at a test's size
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", only=["publicity"], stdout=out)
    return out.getvalue()


def test_each_step_prints_its_start_and_its_time_and_the_long_ones_a_count(demo_output):
    lines = demo_output.splitlines()
    assert "[1/2] 组织机构与账号……" in lines
    assert "[2/2] 执法公示……" in lines
    done = [
        line for line in lines if re.fullmatch(r"\[\d/2\] .+ 完成，用时 \d+\.\d 秒（CPU \d+\.\d 秒）", line)
    ]
    assert [line.split()[1] for line in done] == ["组织机构与账号", "执法公示"]
    counts = [line for line in lines if re.fullmatch(r"    执法公示：已处理 \d+ / \d+ 条", line.rstrip())]
    assert counts, demo_output
    # The count grows and ends at the total.
    numbers = [tuple(map(int, re.findall(r"\d+", line))) for line in counts]
    assert [n[0] for n in numbers] == sorted(n[0] for n in numbers)
    assert numbers[-1][0] == Entry.objects.count()
    assert re.search(r"演示数据已就绪，共用时 \d+\.\d 秒", demo_output)


def test_the_publicity_step_signs_one_checkpoint_and_everything_verifies(demo_output):
    published = PublicEntry.objects.count()
    assert published > 50
    assert LogLeaf.objects.count() > published  # withdrawals are leaves too
    # One checkpoint for the whole step, covering every leaf.
    assert list(LogCheckpoint.objects.values_list("size", flat=True)) == [LogLeaf.objects.count()]
    submitted = Transition.objects.filter(action="submit").count()
    assert submitted == Entry.objects.exclude(status="draft").count()
    call_command("verify_publications", stdout=io.StringIO())
    call_command("verify_audit", stdout=io.StringIO())
