"""Travel documents and numbers as OCR and PDF extraction leave them: a permit's number mixing capitals
and digits, a label or a number cut by a line break, and a full stop read as the letter o."""

from __future__ import annotations

import pytest

from sanxiang.lib.masking import mask_text


@pytest.mark.parametrize("number", ["CAK3D9P2Q", "CB7X2M4N8"])
def test_a_mixed_permit_number_after_its_label_is_hidden(number):
    text = f"当事人：许文，往来港澳通行证号码：{number}\n联系方式：—\n"
    assert number not in mask_text(text).text


def test_a_permit_number_cut_by_a_line_break_is_hidden():
    text = "当事人：许文，性别：女，往来港澳通行证号码：CA8K2D\nQ71\n住址：—\n"
    masked = mask_text(text).text
    assert "CA8K2D" not in masked and "Q71" not in masked


def test_a_permit_label_cut_by_a_line_break_still_labels_its_number():
    text = "当事人：许文，性别：女，台湾居民来往大陆通\n行证号码：81234567\n住址：—\n"
    assert "81234567" not in mask_text(text).text


def test_a_code_without_enough_digits_after_a_permit_label_stays():
    text = "请携带往来港澳通行证原件ABCDEFG1到本局办理。\n"
    assert "ABCDEFG1" in mask_text(text).text


def test_a_card_number_ended_by_an_ocr_full_stop_is_hidden():
    text = "你将价款转入其名下账户6222021234567890128o\n    对你处以罚款。\n"
    assert "6222021234567890128" not in mask_text(text).text
