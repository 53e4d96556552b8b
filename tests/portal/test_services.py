"""Services: publish, correct, withdraw, expire, refusal of unmasked content, progress tickets."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from stdnum.cn import ric

from sanxiang.audit.models import AuditEvent
from sanxiang.kernel.exceptions import (
    InvalidTransition,
    ValidationFailed,
)
from sanxiang.portal import services
from sanxiang.portal.models import LogCheckpoint, LogLeaf, PublicEntry, PublicEntryVersion, SearchDocument

from .conftest import publish

pytestmark = pytest.mark.django_db


def test_it_publishes_an_entry_with_a_salt_an_index_row_and_a_log_leaf(org, officer):
    entry = publish(org.district_a, actor=officer)
    assert entry.status == "live"
    assert len(entry.salt) == 43  # 32 bytes, unpadded base64url
    assert SearchDocument.objects.filter(entry=entry).exists()
    leaf = LogLeaf.objects.get(index=entry.leaf_index)
    assert (leaf.event, leaf.entry_id, leaf.version) == ("published", entry.pk, 1)
    assert LogCheckpoint.objects.get(size=1).root_hash == leaf.leaf_hash
    version = PublicEntryVersion.objects.get(entry=entry)
    assert version.content["title"] == entry.title and version.salt == entry.salt
    assert AuditEvent.objects.filter(action="portal.entry.published", target_id=str(entry.pk)).exists()


def test_it_corrects_with_a_higher_version_and_keeps_the_old_one(org):
    entry = publish(org.district_a, source_key="k-1", title="原标题")
    old_salt, old_leaf = entry.salt, entry.leaf_index
    corrected = publish(org.district_a, source_key="k-1", version=2, title="更正后的标题")
    assert corrected.pk == entry.pk
    assert (corrected.status, corrected.version, corrected.title) == ("corrected", 2, "更正后的标题")
    assert corrected.salt != old_salt
    leaf = LogLeaf.objects.get(index=corrected.leaf_index)
    assert (leaf.event, leaf.target_index) == ("corrected", old_leaf)
    titles = list(PublicEntryVersion.objects.filter(entry=entry).values_list("content__title", flat=True))
    assert titles == ["原标题", "更正后的标题"]
    assert SearchDocument.objects.get(entry=entry).tokens.startswith("更正")
    assert AuditEvent.objects.filter(action="portal.entry.corrected").count() == 1


def test_it_refuses_a_version_that_is_not_higher(org):
    publish(org.district_a, source_key="k-2", version=3)
    with pytest.raises(InvalidTransition):
        publish(org.district_a, source_key="k-2", version=3)
    assert PublicEntry.objects.get(source_key="k-2").version == 3


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("text", "当事人身份证号码{id}，处以罚款。"),
        ("party_name", "张三丰（{id}）"),
        ("title", "联系电话13812345678的处罚决定"),
        ("fields", [("开户账号", "6222020200112233447")]),
    ],
)
def test_it_refuses_content_with_personal_data_in_clear(org, field, value):
    body = "61030219900307123"
    id_number = body + ric.calc_check_digit(body)
    if isinstance(value, str):
        value = value.replace("{id}", id_number)
    with pytest.raises(ValidationFailed) as refused:
        publish(org.district_a, **{field: value})
    assert refused.value.code == "personal_data_in_clear"
    assert not PublicEntry.objects.exists() and not LogLeaf.objects.exists()


def test_it_publishes_masked_numbers(org):
    entry = publish(org.district_a, text="当事人张*，身份证号码610302********1230，联系电话138****5678。")
    assert entry.status == "live"


def test_it_withdraws_deletes_every_salt_unindexes_and_logs_the_reason(org, officer):
    entry = publish(org.district_a, source_key="k-3")
    publish(org.district_a, source_key="k-3", version=2)
    withdrawn = services.public_entry_withdraw(
        actor=officer, source_key="k-3", reason="处罚决定已被依法撤销", withdrawn_at=timezone.now()
    )
    assert (withdrawn.status, withdrawn.salt, withdrawn.withdrawal_reason) == (
        "withdrawn",
        "",
        "处罚决定已被依法撤销",
    )
    assert set(PublicEntryVersion.objects.filter(entry=entry).values_list("salt", flat=True)) == {""}
    assert not SearchDocument.objects.filter(entry=entry).exists()
    leaf = LogLeaf.objects.get(index=withdrawn.leaf_index)
    assert leaf.event == "withdrawn" and "处罚决定已被依法撤销" in leaf.document
    assert withdrawn.title not in leaf.document
    assert AuditEvent.objects.filter(action="portal.entry.withdrawn").exists()
    with pytest.raises(InvalidTransition):
        services.public_entry_withdraw(
            actor=officer, source_key="k-3", reason="再次", withdrawn_at=timezone.now()
        )
    with pytest.raises(InvalidTransition):
        publish(org.district_a, source_key="k-3", version=3)


def test_it_requires_a_reason_to_withdraw(org):
    publish(org.district_a, source_key="k-4")
    with pytest.raises(ValidationFailed):
        services.public_entry_withdraw(actor=None, source_key="k-4", reason=" ", withdrawn_at=timezone.now())


def test_it_expires_once_and_keeps_the_archive(org):
    entry = publish(org.district_a, source_key="k-5")
    expired = services.public_entry_expire(source_key="k-5", at=timezone.now())
    assert expired is not None and expired.status == "expired"
    assert not SearchDocument.objects.filter(entry=entry).exists()
    assert services.public_entry_expire(source_key="k-5", at=timezone.now()) is None
    assert services.public_entry_expire(source_key="missing", at=timezone.now()) is None
    assert PublicEntryVersion.objects.filter(entry=entry, event="expired").count() == 1
    assert AuditEvent.objects.filter(action="portal.entry.expired").count() == 1


def test_it_expires_entries_past_their_display_period(org):
    publish(org.district_a, source_key="old", display_until=timezone.localdate() - datetime.timedelta(days=1))
    publish(org.district_a, source_key="current")
    assert services.public_entries_expire_due(now=timezone.now()) == 1
    assert PublicEntry.objects.get(source_key="old").status == "expired"
    assert PublicEntry.objects.get(source_key="current").status == "live"


def test_it_throttles_per_key_and_window(db):
    now = timezone.now()
    results = [services.throttle_hit(key="k", limit=2, window_seconds=60, now=now) for _ in range(3)]
    assert results == [True, True, False]
    assert services.throttle_hit(key="other", limit=2, window_seconds=60, now=now)
