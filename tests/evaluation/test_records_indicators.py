"""JL-01/02/03 on hand-made records data (the records tests' world: an act on the matter list)."""

from __future__ import annotations

import datetime

import pytest

from sanxiang.enforcement.choices import ActKind
from sanxiang.evaluation import selectors
from sanxiang.kernel.measures import Period
from sanxiang.records.models import FixityCheck
from tests.enforcement import factories as ef
from tests.records.conftest import add_record, video_bytes, world  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db
MARCH = Period.month(2026, 3, as_of=datetime.date(2026, 3, 20))


def test_coverage_missing_recordings_and_fixity_failures(world, video_bytes, library):  # noqa: F811
    filmed = ef.act(
        world.taxpayer,
        department=world.org.a_collection,
        officers=[world.officer],
        kind=ActKind.LICENSING,
        matter="增值税专用发票最高开票限额审批",
        started_on=datetime.date(2026, 3, 3),
    )
    record = add_record(world, video_bytes, act=filmed)
    FixityCheck.objects.create(
        record=record,
        outcome="changed",
        detail="SM3 不一致",
        at=datetime.datetime(2026, 3, 10, 3, tzinfo=datetime.UTC),
    )
    unit = selectors.authority_results(library, MARCH)[world.org.district_a.pk]
    assert unit.cell("JL-01").pair == [1, 2]  # two acts on the list, one filmed
    assert unit.cell("JL-02").pair == [1, 1]  # world.act: past its grace period without a recording
    assert unit.cell("JL-03").pair == [1, 1]
    assert selectors.authority_results(library, MARCH)[world.org.district_b.pk].cell("JL-01").value is None


def test_missing_recording_is_a_loop_finding_with_its_owner(world, library):  # noqa: F811
    from django.utils import timezone

    from sanxiang.evaluation.models import LoopFinding
    from sanxiang.evaluation.services import loop_findings_refresh

    world.act.created_by = world.officer
    world.act.save()
    loop_findings_refresh(now=timezone.make_aware(datetime.datetime(2026, 3, 20, 9)))
    finding = LoopFinding.objects.get(check_code="records.missing_recording")
    assert finding.key == f"enforcement.act:{world.act.pk}"
    assert finding.department == world.org.a_collection and finding.officer == world.officer
    assert finding.due == datetime.date(2026, 3, 5)
