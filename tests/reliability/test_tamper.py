"""The tamper suite: every attack on the audit trail and the file store is detected.

Each case applies one attack to a fresh chain (events signed by a checkpoint taken the way the
schedule takes it, plus stored files) and asks the tools an auditor runs: ``verify_audit`` and
``verify_files`` must exit non-zero, and a changed file must not be served. The detected/tried
count is printed (``-s``) and written to test-artifacts/tamper.json.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.urls import reverse

from sanxiang.audit import keys
from sanxiang.audit.models import AuditCheckpoint, AuditEvent
from sanxiang.audit.services import audit_log
from sanxiang.audit.tasks import audit_checkpoint_task
from sanxiang.audit.triggers import drop_append_only_triggers
from sanxiang.audit.verification import event_content
from sanxiang.files.models import StoredFile
from sanxiang.files.services import file_root
from sanxiang.lib.hashchain import GENESIS_HASH, chain_hash, format_checkpoint_line, sign_checkpoint
from sanxiang.notifications.models import Notification
from tests import factories
from tests.files.factories import stored_file

ARTIFACT = Path(__file__).resolve().parents[2] / "test-artifacts" / "tamper.json"
_tally: dict[str, bool] = {}


@pytest.fixture
def world(org, django_capture_on_commit_callbacks):
    officer = factories.user(org.district_a, org.a_collection, roles=["enforcement_officer"], scope="unit")
    admin = factories.user(org.district_a, org.a_collection, roles=["administrator"], scope="unit_and_below")
    files = [
        stored_file(officer, content=f"第 {n} 份文书".encode() * 50, name=f"文书{n}.txt") for n in range(3)
    ]
    for n in range(10):
        audit_log(actor=None, action="case.file.created", data={"n": n})
    with django_capture_on_commit_callbacks(execute=True):
        audit_checkpoint_task.call()  # the scheduled job
    drop_append_only_triggers(connection)
    return {"officer": officer, "admin": admin, "files": files}


def sql(statement: str, params: list | tuple = ()) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def audit_detects() -> bool:
    try:
        call_command("verify_audit", "--no-record", stdout=io.StringIO(), stderr=io.StringIO())
    except CommandError as exc:
        return exc.returncode == 1
    return False


def files_detect() -> bool:
    try:
        call_command("verify_files", stdout=io.StringIO(), stderr=io.StringIO())
    except CommandError as exc:
        return exc.returncode == 1
    return False


def _head_seq() -> int:
    return AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first()


# --- the attacks ------------------------------------------------------------------------------


def edit_action(world):
    sql("UPDATE audit_auditevent SET action = 'case.file.deleted' WHERE seq = 4")


def edit_snapshot(world):
    sql("UPDATE audit_auditevent SET data = %s WHERE seq = 7", ['{"n": 70}'])


def edit_actor_label(world):
    sql("UPDATE audit_auditevent SET actor_label = %s WHERE seq = 2", ["某人"])


def delete_middle(world):
    sql("DELETE FROM audit_auditevent WHERE seq = 5")


def reorder(world):
    sql("UPDATE audit_auditevent SET seq = 1000 WHERE seq = 5")
    sql("UPDATE audit_auditevent SET seq = 5 WHERE seq = 6")
    sql("UPDATE audit_auditevent SET seq = 6 WHERE seq = 1000")


def truncate_tail(world):
    head = _head_seq()
    sql("DELETE FROM audit_auditevent WHERE seq > %s", [head - 3])


def truncate_tail_and_checkpoints(world):
    head = _head_seq()
    sql("DELETE FROM audit_auditevent WHERE seq > %s", [head - 3])
    sql("DELETE FROM audit_auditcheckpoint")


def recompute_chain(world):
    prev = GENESIS_HASH
    for event in AuditEvent.objects.order_by("seq"):
        content = event_content(event)
        if event.seq == 3:
            content["data"] = {"n": 300}
            sql("UPDATE audit_auditevent SET data = %s WHERE seq = 3", ['{"n": 300}'])
        digest = chain_hash(prev, content)
        sql("UPDATE audit_auditevent SET prev_hash = %s, hash = %s WHERE seq = %s", [prev, digest, event.seq])
        prev = digest


def swap_key_and_resign(world, settings):
    """Edit an event, recompute the chain, swap a new key into the key directory and re-sign every
    checkpoint row and the log with it. Only the pinned key ids (SANXIANG_AUDIT_TRUSTED_KEYS)
    can tell."""
    _private, original_id = keys.signing_key()
    settings.SANXIANG_AUDIT_TRUSTED_KEYS = [original_id]
    recompute_chain(world)
    forged = Ed25519PrivateKey.generate()
    directory = keys.key_dir()
    for path in directory.glob("audit-signing*"):
        path.unlink()
    keys._signing_cache.clear()
    pem = forged.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    (directory / keys.SIGNING_KEY_FILE).write_bytes(pem)
    _new, new_id = keys.signing_key()  # writes the forged public key beside it
    lines = []
    for row in AuditCheckpoint.objects.order_by("seq"):
        head = AuditEvent.objects.get(seq=row.seq).hash
        created = row.created_at.astimezone(__import__("datetime").UTC).isoformat().replace("+00:00", "Z")
        signed = sign_checkpoint(forged, row.seq, head, created)
        sql(
            "UPDATE audit_auditcheckpoint SET head_hash = %s, key_id = %s, signature = %s WHERE seq = %s",
            [signed.head_hash, new_id, signed.signature, row.seq],
        )
        lines.append(format_checkpoint_line(signed))
    keys.checkpoint_log_path().write_text("".join(lines))


def swap_key_only(world, settings):
    """The signing key replaced (old public key removed) without touching any event."""
    directory = keys.key_dir()
    for path in directory.glob("audit-signing*"):
        path.unlink()
    keys._signing_cache.clear()
    keys.signing_key()


def replace_stored_file(world, settings):
    target = world["files"][1]
    path = file_root() / target.storage_path
    os.chmod(path, 0o600)
    path.write_bytes(b"forged content of the same length".ljust(target.size, b" "))


def delete_stored_file(world, settings):
    target = world["files"][2]
    (file_root() / target.storage_path).unlink()


AUDIT_ATTACKS = {
    "edit: action of an event": edit_action,
    "edit: snapshot of an event": edit_snapshot,
    "edit: actor label": edit_actor_label,
    "delete: a middle event": delete_middle,
    "reorder: two events": reorder,
    "truncate: the tail (checkpoint kept)": truncate_tail,
    "truncate: the tail and every checkpoint row": truncate_tail_and_checkpoints,
    "edit + recompute the whole chain without the key": recompute_chain,
}


@pytest.mark.parametrize("name", list(AUDIT_ATTACKS))
def test_audit_attack_is_detected(world, name):
    assert not audit_detects(), "the untouched chain must verify"
    AUDIT_ATTACKS[name](world)
    _record(name, audit_detects())
    assert _tally[name]


def test_truncation_after_a_scheduled_checkpoint_is_detected(world, django_capture_on_commit_callbacks):
    for n in range(3):
        audit_log(actor=None, action="case.file.created", data={"late": n})
    with django_capture_on_commit_callbacks(execute=True):
        audit_checkpoint_task.call()
    sql("DELETE FROM audit_auditevent WHERE seq > %s", [_head_seq() - 2])
    _record("truncate: events covered by the latest scheduled checkpoint", audit_detects())
    assert _tally["truncate: events covered by the latest scheduled checkpoint"]


@pytest.mark.parametrize("attack", [swap_key_and_resign, swap_key_only], ids=["resign", "swap_only"])
def test_a_swapped_signing_key_is_detected(world, settings, attack):
    attack(world, settings)
    name = f"key: {attack.__doc__.strip().splitlines()[0]}"
    _record(name, audit_detects())
    assert _tally[name]


@pytest.mark.parametrize("attack", [replace_stored_file, delete_stored_file], ids=["replace", "delete"])
def test_a_changed_stored_file_is_detected_refused_and_alerted(world, settings, attack):
    assert not files_detect(), "the untouched store must verify"
    attack(world, settings)
    detected = files_detect()
    target = world["files"][1 if attack is replace_stored_file else 2]
    client = Client()
    client.force_login(world["officer"])
    response = client.get(reverse("files:download", kwargs={"public_id": target.public_id}))
    refused = response.status_code in (409, 410) and "文件" in response.content.decode()
    alerted = Notification.objects.filter(recipient=world["admin"], category="files.fixity_failed").exists()
    name = f"file: {attack.__name__.replace('_', ' ')}"
    _record(name, detected and refused and alerted)
    assert detected and refused and alerted, (detected, refused, alerted, response.status_code)
    # The intact files are still served.
    intact = world["files"][0]
    assert client.get(reverse("files:download", kwargs={"public_id": intact.public_id})).status_code == 200


def _record(name: str, detected: bool) -> None:
    _tally[name] = detected
    ARTIFACT.parent.mkdir(exist_ok=True)
    summary = {"detected": sum(_tally.values()), "tried": len(_tally), "cases": _tally}
    ARTIFACT.write_text(json.dumps(summary, ensure_ascii=False, indent=1))
    print(f"\ntamper: {summary['detected']}/{summary['tried']} detected")


def test_the_untouched_world_passes_both_checks(world):
    assert not audit_detects() and not files_detect()
    assert StoredFile.objects.count() == 3
