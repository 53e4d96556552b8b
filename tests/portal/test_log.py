"""The publication log: checkpoints, proofs checked with lib.merkle, leaf data and tamper detection."""

from __future__ import annotations

import base64
import hashlib

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from sanxiang.lib import merkle, signednote
from sanxiang.portal import publog, services
from sanxiang.portal.models import LogCheckpoint, LogLeaf, LogNode, PublicEntry, PublicEntryVersion
from sanxiang.portal.verification import verify_publications

from .conftest import publish

pytestmark = pytest.mark.django_db


def _d(text: str) -> bytes:
    return base64.b64decode(text)


@pytest.fixture
def log(org, django_capture_on_commit_callbacks):
    """Seven leaves: five publications, a correction and a withdrawal (checkpoint lines written on commit)."""
    with django_capture_on_commit_callbacks(execute=True):
        entries = [publish(org.district_a, source_key=f"e{n}") for n in range(5)]
        publish(org.district_a, source_key="e1", version=2, title="更正后的处罚决定书")
        services.public_entry_withdraw(
            actor=None, source_key="e2", reason="处罚决定已撤销", withdrawn_at=timezone.now()
        )
    return entries


def _checkpoint(client) -> signednote.Checkpoint:
    key = client.get(reverse("portal:log_key")).content.decode().strip()
    note = client.get(reverse("portal:log_checkpoint")).content
    return signednote.parse_checkpoint(signednote.verify_note(note, [key]))


def test_the_checkpoint_is_a_signed_note_verified_by_the_published_key(log, client, settings):
    checkpoint = _checkpoint(client)
    assert checkpoint.size == 7
    assert checkpoint.origin == publog.signer().name
    assert (settings.SANXIANG_KEY_DIR / publog.KEY_FILE).exists()
    assert not LogCheckpoint.objects.filter(note__contains="PRIVATE").exists()
    other_key = signednote.generate_signer_key(checkpoint.origin)[1]
    with pytest.raises(signednote.NoteError):
        signednote.verify_note(client.get(reverse("portal:log_checkpoint")).content, [other_key])


def test_every_inclusion_proof_verifies_against_the_checkpoint(log, client):
    checkpoint = _checkpoint(client)
    for index in range(checkpoint.size):
        body = client.get(reverse("portal:log_inclusion"), {"index": index, "size": checkpoint.size}).json()
        proof = [_d(p) for p in body["proof"]]
        assert merkle.verify_inclusion(
            _d(body["leaf_hash"]), index, checkpoint.size, proof, checkpoint.root_hash
        )
        assert _d(body["root"]) == checkpoint.root_hash
    bad = client.get(reverse("portal:log_inclusion"), {"index": 7, "size": 7})
    assert bad.status_code == 400
    assert client.get(reverse("portal:log_inclusion"), {"index": "x", "size": 7}).status_code == 404


def test_every_consistency_proof_verifies(log, client):
    size = _checkpoint(client).size
    roots = {c.size: bytes.fromhex(c.root_hash) for c in LogCheckpoint.objects.all()}
    for first in range(1, size + 1):
        body = client.get(reverse("portal:log_consistency"), {"first": first, "second": size}).json()
        proof = [_d(p) for p in body["proof"]]
        assert merkle.verify_consistency(first, size, roots[first], roots[size], proof)
    assert client.get(reverse("portal:log_consistency"), {"first": 3, "second": 2}).status_code == 400


def test_leaf_data_of_a_live_entry_hashes_to_its_leaf_and_carries_the_salt(log, client):
    entry = PublicEntry.objects.get(source_key="e0")
    response = client.get(reverse("portal:log_entry", kwargs={"index": entry.leaf_index}))
    assert response.status_code == 200
    leaf = LogLeaf.objects.get(index=entry.leaf_index)
    assert hashlib.sha256(b"\x00" + response.content).hexdigest() == leaf.leaf_hash
    record = merkle.parse_leaf(response.content)
    assert record.kind == "publication" and record.entry == entry.content()
    assert merkle.encode_salt(record.salt) == entry.salt


def test_a_correction_leaf_names_the_leaf_it_replaces(log, client):
    entry = PublicEntry.objects.get(source_key="e1")
    record = merkle.parse_leaf(
        client.get(reverse("portal:log_entry", kwargs={"index": entry.leaf_index})).content
    )
    first = PublicEntryVersion.objects.get(entry=entry, version=1)
    assert record.kind == "correction" and record.target_index == first.leaf_index
    assert client.get(reverse("portal:log_entry", kwargs={"index": first.leaf_index})).status_code == 404


def test_a_withdrawn_entry_has_no_salt_and_only_its_withdrawal_notice_is_served(log, client):
    entry = PublicEntry.objects.get(source_key="e2")
    publication = PublicEntryVersion.objects.get(entry=entry, event="published")
    assert entry.salt == "" and publication.salt == ""
    assert (
        client.get(reverse("portal:log_entry", kwargs={"index": publication.leaf_index})).status_code == 404
    )
    notice = client.get(reverse("portal:log_entry", kwargs={"index": entry.leaf_index}))
    record = merkle.parse_leaf(notice.content)
    assert record.kind == "withdrawal" and record.reason == "处罚决定已撤销"
    assert record.target_index == publication.leaf_index
    assert entry.title.encode() not in notice.content


def test_the_entry_proof_bundle_verifies_offline(log, client):
    entry = PublicEntry.objects.get(source_key="e3")
    bundle = client.get(reverse("portal:entry_proof", kwargs={"key": "e3"})).json()
    checkpoint = signednote.parse_checkpoint(
        signednote.verify_note(bundle["checkpoint"], [bundle["verifier_key"]])
    )
    leaf = merkle.leaf_hash(bundle["leaf_data"].encode())
    proof = [_d(p) for p in bundle["inclusion"]["proof"]]
    assert merkle.verify_inclusion(leaf, entry.leaf_index, checkpoint.size, proof, checkpoint.root_hash)
    assert client.get(reverse("portal:entry_proof", kwargs={"key": "e2"})).status_code == 404


def test_the_verification_page_explains_the_method(log, client):
    body = client.get(reverse("portal:log_about")).content.decode()
    assert "如何验证" in body and "/log/checkpoint" in body and publog.verifier_key() in body


def test_verify_publications_passes_on_an_intact_log(log, settings):
    lines = (settings.SANXIANG_KEY_DIR / publog.CHECKPOINT_FILE).read_text().splitlines()
    assert [int(line.split()[0]) for line in lines] == list(range(1, 8))
    report = verify_publications()
    assert report.ok, report.problems
    assert (report.size, report.checkpoints, report.entries_checked) == (7, 7, 4)
    call_command("verify_publications")


def _fails_with(fragment: str) -> None:
    with pytest.raises(CommandError) as failure:
        call_command("verify_publications")
    assert fragment in str(failure.value)


def test_it_fails_when_a_published_entry_is_altered(log):
    PublicEntry.objects.filter(source_key="e0").update(title="篡改后的标题")
    _fails_with("published entry e0")


def test_it_fails_when_an_archived_version_is_altered(log):
    version = PublicEntryVersion.objects.get(entry__source_key="e1", version=1)
    version.content = {**version.content, "text": "篡改"}
    version.save()
    _fails_with(f"record #{version.leaf_index}")


def test_it_fails_when_a_log_record_is_altered(log):
    LogLeaf.objects.filter(index=3).update(leaf_hash="ab" * 32)
    _fails_with("does not match its signed checkpoint")


def test_it_fails_when_a_log_record_is_removed(log):
    LogLeaf.objects.filter(index=2).delete()
    _fails_with("log record #2 is missing")


def test_it_fails_when_the_newest_records_and_their_checkpoints_are_removed(log):
    LogLeaf.objects.filter(index__gte=5).delete()
    LogCheckpoint.objects.filter(size__gte=6).delete()
    LogNode.objects.filter(index__gte=2, level__gte=1).delete()
    LogNode.objects.filter(index__gte=5, level=0).delete()
    PublicEntryVersion.objects.filter(leaf_index__gte=5).update(leaf_index=None)
    _fails_with("checkpoint file")


def test_it_fails_when_a_cached_subtree_or_a_checkpoint_is_altered(log):
    LogNode.objects.filter(level=1, index=0).update(node_hash="cd" * 32)
    _fails_with("cached subtree 1/0")


def test_it_fails_when_a_withdrawal_notice_is_altered(log):
    LogLeaf.objects.filter(event="withdrawn").update(document='{"withdrawal":{}}')
    _fails_with("(withdrawal) does not match")


def test_a_checkpoint_batch_signs_one_checkpoint_that_verifies(
    org, django_capture_on_commit_callbacks, settings
):
    """Appends inside ``checkpoint_batch`` sign one checkpoint at its end; the log verifies as with
    one checkpoint per append, and the checkpoint file gets the batch's line."""
    publish(org.district_a, source_key="before")
    assert LogCheckpoint.objects.count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        with publog.checkpoint_batch():
            for n in range(9):
                publish(org.district_a, source_key=f"batch{n}")
            assert LogCheckpoint.objects.count() == 1  # nothing signed inside the block
    assert list(LogCheckpoint.objects.order_by("size").values_list("size", flat=True)) == [1, 10]
    lines = (settings.SANXIANG_KEY_DIR / publog.CHECKPOINT_FILE).read_text().split()
    assert lines[-2] == "10"
    report = verify_publications()
    assert report.ok, report.problems
    # The batch's checkpoint signs the same root a tree rebuilt from the leaves has.
    store = merkle.InMemoryTreeStore()
    for leaf in LogLeaf.objects.order_by("index"):
        store.append_leaf_hash(bytes.fromhex(leaf.leaf_hash))
    assert merkle.root_hash(store, 10).hex() == LogCheckpoint.objects.get(size=10).root_hash


def test_a_rolled_back_append_inside_a_batch_leaves_no_gap(org):
    """An append rolled back to a savepoint inside the block does not poison the shared tree store."""
    from django.db import transaction

    with publog.checkpoint_batch():
        publish(org.district_a, source_key="a")
        with pytest.raises(RuntimeError), transaction.atomic():
            publish(org.district_a, source_key="b")
            raise RuntimeError("undo b")
        publish(org.district_a, source_key="c")
    assert list(LogLeaf.objects.order_by("index").values_list("index", flat=True)) == [0, 1]
    assert LogCheckpoint.objects.get().size == 2
    assert verify_publications().ok


def test_a_failing_batch_signs_nothing(org):
    with pytest.raises(RuntimeError), publog.checkpoint_batch():
        publish(org.district_a, source_key="a")
        raise RuntimeError("abort")
    assert not LogLeaf.objects.exists()
    assert not LogCheckpoint.objects.exists()


def test_the_log_is_named_by_the_setting_else_the_top_authority_never_localhost(db, org, settings):
    settings.SANXIANG_BASE_URL = ""
    settings.SANXIANG_PUBLOG_ORIGIN = ""
    top = "".join(type(org.province).objects.get_root_nodes().first().name.split())
    assert publog._origin() == f"{top}执法公示日志"
    settings.SANXIANG_PUBLOG_ORIGIN = "宝鸡市税务局公示日志"
    assert publog._origin() == "宝鸡市税务局公示日志"
    settings.SANXIANG_PUBLOG_ORIGIN = "has space"
    settings.SANXIANG_BASE_URL = "https://gs.example.gov.cn/"
    assert publog._origin() == "gs.example.gov.cn/publications"
    assert signednote.generate_signer_key(f"{top}执法公示日志")[1].startswith(f"{top}执法公示日志+")


def test_a_checkpoint_batch_writes_its_cached_subtrees_once_at_its_end(org):
    """The subtrees a batch completes are written when it ends, exactly those a tree rebuilt from
    the leaves has, and a store opened inside the block already sees them."""
    publish(org.district_a, source_key="before")
    before = LogNode.objects.count()
    with publog.checkpoint_batch():
        for n in range(6):
            publish(org.district_a, source_key=f"batch{n}")
        assert LogNode.objects.count() == before
        inside = publog.DatabaseTreeStore()
        assert inside.subtree_hash(0, 4) is not None
        assert publog.inclusion(5, 7)["root"] == publog.inclusion(0, 7)["root"]
    store = merkle.InMemoryTreeStore()
    for leaf in LogLeaf.objects.order_by("index"):
        store.append_leaf_hash(bytes.fromhex(leaf.leaf_hash))
    expected = {
        (s.level, s.index, s.hash.hex())
        for i in range(7)
        for s in merkle.completed_subtrees(i, store.leaf_hash(i), lambda lv, ix: store._node(lv, ix))
    }
    assert set(LogNode.objects.values_list("level", "index", "node_hash")) == expected
    assert verify_publications().ok


def test_inside_a_batch_an_append_sends_no_query_until_one_is_rolled_back(org):
    """The block holds the log lock and buffers its leaf rows, so an append after the first sends
    nothing to the database; after an append was rolled back to a savepoint the next one writes
    the leaves that stand and reads the log again, and the rolled-back ones are never written."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    entry = publish(org.district_a, source_key="holder")
    appended: dict[int, str] = {}

    def append(n: int) -> None:
        data = merkle.publication_leaf({"n": n}, bytes(range(32)))
        appended[n] = publog.log_append(event="published", entry=entry, version=1, data=data).leaf_hash

    with publog.checkpoint_batch():
        append(1)
        with CaptureQueriesContext(connection) as captured:
            append(2)
        assert captured.captured_queries == []
        with pytest.raises(RuntimeError), transaction.atomic():
            append(3)
            append(4)
            raise RuntimeError("undo 3 and 4")
        assert LogLeaf.objects.count() == 1  # 1 and 2 are still buffered
        with CaptureQueriesContext(connection) as captured:
            append(5)
        sql = [q["sql"] for q in captured.captured_queries]
        insert = "COPY" if connection.vendor == "postgresql" else "INSERT INTO"  # kernel.bulk.insert_rows
        assert any(f'{insert} "portal_logleaf"' in q for q in sql)
        assert any("MAX" in q for q in sql)
        assert LogLeaf.objects.count() == 3  # holder, 1, 2: 5 is buffered again
    assert publog.log_size() == 4
    stored = list(LogLeaf.objects.order_by("index").values_list("leaf_hash", flat=True))
    assert stored[1:] == [appended[1], appended[2], appended[5]]
    report = verify_publications()
    assert not [p for p in report.problems if "checkpoint" in p or "subtree" in p or "missing" in p]


def test_a_read_inside_a_batch_sees_the_leaves_appended_earlier_in_it(org):
    """Leaf rows are buffered inside the block, but whatever reads a leaf gets it: ``leaf_at``,
    the log size, a proof, and a correction of an entry published earlier in the same block,
    whose leaf names the hash of the leaf it corrects."""
    with publog.checkpoint_batch():
        first = publish(org.district_a, source_key="a")
        assert not LogLeaf.objects.exists()  # buffered
        leaf = publog.leaf_at(first.leaf_index)
        assert leaf is not None and leaf.entry_id == first.pk
        assert publog.log_size() == 1
        corrected = publish(org.district_a, source_key="a", version=2, title="更正后的处罚决定书")
        publish(org.district_a, source_key="b")
        assert publog.inclusion(1, 3)["root"] == publog.inclusion(2, 3)["root"]
    correction = LogLeaf.objects.get(index=corrected.leaf_index)
    assert correction.target_index == first.leaf_index
    assert list(LogLeaf.objects.order_by("index").values_list("index", flat=True)) == [0, 1, 2]
    assert LogCheckpoint.objects.get().size == 3
    report = verify_publications()
    assert report.ok, report.problems


def test_a_flush_rolled_back_to_a_savepoint_is_written_again(org):
    """A reader inside a savepoint wrote the buffered rows, then the savepoint was rolled back:
    the rows of the appends made before it are written again when the block ends, those of the
    appends inside it never."""
    from django.db import transaction

    with publog.checkpoint_batch():
        publish(org.district_a, source_key="a")
        with pytest.raises(RuntimeError), transaction.atomic():
            publish(org.district_a, source_key="b")
            assert publog.log_size() == 2  # writes a and b
            raise RuntimeError("undo b")
        assert not LogLeaf.objects.exists()
        c = publish(org.district_a, source_key="c")
        assert c.leaf_index == 1
    assert list(LogLeaf.objects.order_by("index").values_list("entry__source_key", flat=True)) == ["a", "c"]
    assert LogCheckpoint.objects.get().size == 2
    report = verify_publications()
    assert report.ok, report.problems


def test_a_failing_batch_leaves_nothing_even_after_a_read_wrote_its_leaves(org):
    with pytest.raises(RuntimeError), publog.checkpoint_batch():
        publish(org.district_a, source_key="a")
        assert publog.leaf_at(0) is not None  # written inside the block's transaction
        publish(org.district_a, source_key="b")
        raise RuntimeError("abort")
    assert not LogLeaf.objects.exists()
    assert not LogNode.objects.exists()
    assert not LogCheckpoint.objects.exists()
    assert not PublicEntry.objects.exists()
