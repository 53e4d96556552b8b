import pytest

from sanxiang.lib.masking import MANUAL, Span, apply_masks, manual_span, mask_text, merge_spans


def test_it_applies_spans_in_original_coordinates():
    text = "当事人张三，电话13812345678。"
    spans = [Span(8, 19, "phone", 11, "138****5678"), Span(3, 5, "person_name", 2, "张*")]
    assert apply_masks(text, spans) == "当事人张*，电话138****5678。"


def test_it_adds_an_approvers_manual_mask_to_the_detected_ones():
    text = "当事人张三在长沙某小区经营，电话13812345678。"
    result = mask_text(text)
    start = text.index("长沙某小区")
    extra = manual_span(text, start, start + 5)
    assert extra.kind == MANUAL and extra.replacement == "*****"
    masked = apply_masks(text, [*result.spans, extra])
    assert "长沙某小区" not in masked and "张三" not in masked and "13812345678" not in masked
    assert masked.startswith("当事人**在*****经营")


def test_it_merges_overlapping_spans_into_one_mask():
    nested = merge_spans([Span(0, 10, "id_number", 10, "X" * 10), Span(2, 4, "phone", 2, "YY")])
    assert nested == [Span(0, 10, "id_number", 10, "X" * 10)]
    crossing = merge_spans([Span(5, 9, "manual", 4, "****"), Span(0, 6, "email", 6, "e*****")])
    assert crossing == [Span(0, 9, "email", 9, "*" * 9)]


def test_it_rejects_a_manual_mask_outside_the_text():
    with pytest.raises(ValueError):
        manual_span("abc", 2, 5)
