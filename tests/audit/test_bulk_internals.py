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
