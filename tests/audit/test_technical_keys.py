"""Generated identifiers in snapshots are never taken for personal data."""

from sanxiang.audit.rules import mask_snapshot


def _pepper() -> bytes:
    return b"test-pepper"


def test_it_leaves_a_generated_source_key_alone_even_when_it_looks_like_a_phone():
    snapshot = {"source_key": "penalty_decision-a13912345678b0c1", "file_hash": "e13912345678aa"}
    assert mask_snapshot(snapshot, _pepper) == snapshot


def test_it_still_masks_a_phone_in_ordinary_text_beside_it():
    masked = mask_snapshot({"source_key": "k-1", "note": "联系电话13912345678"}, _pepper)
    assert masked["source_key"] == "k-1"
    assert "13912345678" not in str(masked["note"]["masked"])
