"""Where a name with a middle dot ends and begins: the role word before it is no part of it, also where
one of its characters cuts a clause (the 系 of 联系人); a sentence running on after it (…可到…领取) is cut
where the same name stands whole elsewhere; 等 before a count closes a list, it ends no name. A mask that
eats a label's character or the words after a name changes what a second pass reads, so each case is
also masked twice."""

from __future__ import annotations

from sanxiang.lib.masking import STRICTEST, mask_text


def _masked(text: str) -> str:
    return mask_text(text, policy=STRICTEST, model="gated").text


def test_contact_label_before_a_dotted_name_stays() -> None:
    text = "承办人 阿依努尔·买买提，联系电话：0991-58213344\n税务机关地址：乌鲁木齐市新华北路9号"
    masked = _masked(text)
    assert "承办人 " in masked
    assert "阿依努尔" not in masked and "买买提" not in masked
    assert _masked(masked) == masked


def test_contact_person_label_keeps_its_last_character() -> None:
    masked = _masked("联系人 扎西·次仁，联系电话：0891-6328451")
    assert masked.startswith("联系人 ")
    assert "次仁" not in masked


def test_name_whole_elsewhere_bounds_the_same_name_before_a_verb() -> None:
    text = (
        "送达公告\n古丽米拉·热合曼、阿力木·吐尔逊：\n"
        "现公告如下：古丽米拉·热合曼，喀税稽罚〔2025〕12号。\n"
        "古丽米拉·热合曼可到喀什市人民东路88号领取文书正本。"
    )
    masked = _masked(text)
    assert "古丽米拉" not in masked and "热合曼" not in masked
    assert "可到喀什市人民东路88号领取文书正本" in masked
    assert _masked(masked) == masked


def test_list_word_after_a_dotted_name_is_no_part_of_it() -> None:
    masked = _masked("买买提·艾力、其木格·巴特尔等2名纳税人：")
    assert "等2名纳税人：" in masked
    assert "艾力" not in masked and "巴特尔" not in masked
