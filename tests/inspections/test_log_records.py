"""The publication log's generalisation: a non-entry record is appended, served and verified."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sanxiang.lib import merkle
from sanxiang.portal import publog
from sanxiang.portal.models import LogLeaf
from sanxiang.portal.verification import verify_publications
from tests.portal.conftest import publish

pytestmark = pytest.mark.django_db


def test_a_record_is_appended_signed_served_and_verified(org, client, django_capture_on_commit_callbacks):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True):
        publish(org.district_a, source_key="e1")
        with transaction.atomic():
            leaf = publog.record_append(
                kind="inspections.test", body={"snapshot_hash": "ab" * 32, "名称": "抽查"}
            )
        publish(org.district_a, source_key="e2")
    assert leaf.index == 1 and leaf.entry_id is None and leaf.record_kind == "inspections.test"
    assert publog.latest_checkpoint().size == 3
    served = client.get(reverse("portal:log_entry", args=[1]))
    assert served.status_code == 200
    assert merkle.leaf_hash(served.content).hex() == leaf.leaf_hash
    assert merkle.parse_leaf(served.content).body["名称"] == "抽查"
    report = verify_publications()
    assert report.ok, report.problems
    assert report.records == 1 and report.entries_checked == 2


def test_a_changed_record_is_reported(org, django_capture_on_commit_callbacks):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        publog.record_append(kind="inspections.test", body={"count": 3})
    LogLeaf.objects.filter(index=0).update(
        document='{"record":{"body":{"count":4},"kind":"inspections.test"}}'
    )
    report = verify_publications()
    assert any("(record) does not match" in p for p in report.problems)
