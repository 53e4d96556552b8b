"""Internals of ``audit_log_many`` that its speed relies on (no DB)."""

from __future__ import annotations

from sanxiang.audit import services
from sanxiang.audit.models import AuditEvent
from sanxiang.audit.rules import mask_snapshot, mask_text, personal_key


def test_it_builds_events_from_drafts_in_the_models_field_order():
    names = [f.attname for f in AuditEvent._meta.concrete_fields]
    assert names == ["id", "seq", "occurred_at", *services._DRAFT_FIELDS, "prev_hash", "hash"]


def test_it_names_a_key_by_its_longest_personal_suffix_every_time():
    assert personal_key("owner_id_card_number") == "id_card_number"
    assert personal_key("contact_home_address") == "home_address"
    assert personal_key("Owner_ID_Card_Number") == "id_card_number"
    assert personal_key("office_address") is None and personal_key("title") is None
    masked = mask_snapshot({"owner_id_card_number": "11010519491231002X"}, lambda: b"p" * 32)
    assert masked["owner_id_card_number"]["masked"] == "110105********002X"


def test_it_returns_text_without_a_long_digit_run_unchanged():
    text = "宝金税稽罚〔2025〕1号 1234567890"
    assert mask_text(text) is text
    assert mask_text("电话13812345678") == "电话138****5678"


def test_it_writes_the_canonical_json_of_each_events_content_from_its_template():
    import datetime

    from sanxiang.lib.hashchain import canonical_json, utc_iso

    now = datetime.datetime(2026, 3, 2, 1, 2, 3, 4567, tzinfo=datetime.UTC)
    drafts = [
        {
            "actor_id": actor_id,
            "actor_label": '王 100% "审核"',
            "action": "case.file.created",
            "target_type": "case.file",
            "target_id": target_id,
            "target_label": label,
            "authority_id": authority_id,
            "before": before,
            "after": {"note": "联系电话 %s \\ \n", "amount": "1.5", "list": [1, None, True]},
            "data": None,
            "source_address": "10.0.0.1",
            "user_agent": "",
            "outcome": "ok",
        }
        for actor_id, target_id, label, authority_id, before in (
            (7, "12", "宝金税稽罚〔2026〕1号", 3, None),
            (None, "", "a\x00b", None, {"z": 1, "a": {"masked": "1**", "hmac": "ff"}}),
        )
    ]
    for seq, draft in enumerate(drafts, start=41):
        shared = tuple(draft[name] for name in services._SHARED_HASHED)
        text = services._content_template(shared) % services._event_values(
            draft, seq, services._utc_text(now)
        )
        assert text == canonical_json({**draft, "seq": seq, "occurred_at": utc_iso(now)})
    later = datetime.datetime(2026, 3, 2, 9, 2, 3, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
    assert services._utc_text(later) == utc_iso(later) == "2026-03-02T01:02:03.000000+00:00"
