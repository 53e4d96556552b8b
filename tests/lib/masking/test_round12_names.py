"""Round 12: names that still leaked — the members of a list of people joined by 、 when one member is masked
by hand or found as a name (the others of a name's shape are names too, even when they are also words)."""

from __future__ import annotations

import pytest

from sanxiang.lib.masking import STRICTEST, mask_text


def _masked(text: str) -> str:
    return mask_text(text, policy=STRICTEST, model="off").text


def test_list_of_payees_with_a_hand_masked_member() -> None:
    out = _masked("资金随后经由钟立、XXX、次仁旺堆等个人账户转出。")
    assert "钟立" not in out
    assert "次仁旺堆" not in out
    assert "XXX" in out  # the bureau's own mask stays as written


def test_first_member_after_the_verb_that_opens_the_list() -> None:
    out = _masked("该企业借用何方、王某某等人的银行账户收取货款。")
    assert "何方" not in out
    assert "王某某" in out
    assert "借用" in out and "银行账户收取货款" in out


def test_last_member_before_its_tail_is_a_name_even_when_a_word() -> None:
    out = _masked("货款分别转入赵**、黄金等个人账户。")
    assert "黄金" not in out
    assert "转入" in out


def test_spaced_member_of_a_list() -> None:
    out = _masked("其后通过钱  波、龙某等人的银行卡收款。")
    assert "波" not in out.split("、")[0]
    assert "龙某" in out


def test_transliterated_member_without_surname() -> None:
    out = _masked("款项转给了其其格、孙*等人。")
    assert "其其格" not in out


def test_list_without_a_person_is_left_alone() -> None:
    text = "该公司主营黄金、白银、石油等产品，墙上有文明、和谐等宣传标语。"
    assert _masked(text) == text


def test_masked_list_is_stable_when_masked_again() -> None:
    text = (
        "委托代理人为刘洋(\n身份证件号码430102199001011234、家庭\n住址：长沙市芙蓉区五一大道88号)\n"
        "该公司再通过梁东、XXX、扎西多吉等个人账户打款给闫*勇。\n"
        "以上事实有检查人员询问笔录、财务账簿等证据证明。"
    )
    once = _masked(text)
    assert _masked(once) == once
    assert "财务账簿" in once


# (text, what must be hidden, what must stay): a word-like or surname-less name after a role or kin word,
# told by what follows it — his own account, his mobile, his statement, a refusal, what is in his name
_OWNED_AFTER = [
    ("经核实，该款项转入其丈夫方向私人账户后提现。", ["方向"], "私人账户后提现"),
    ("该店由业主之女黄金（手机13905170231）代收租金。", ["黄金"], "代收租金"),
    ("有出纳向前个人签字的收据及原负责人文明的调查笔录为证。", ["向前", "文明"], "个人签字的收据"),
    ("稽查人员多次联系，其夫严和平拒绝配合。", ["严和平"], "拒绝配合"),
    ("房款汇入其父扎西顿珠名下的银行卡。", ["扎西顿珠"], "名下的银行卡"),
    ("价款已转入你姐姐孔  丽名下账户。", ["丽"], "名下账户"),
    ("其夫常红旗拒不到场，由其女代为签收。", ["常红旗"], "拒不到场"),
    ("有原股东乌兰巴的调查笔录在卷。", ["乌兰巴"], "的调查笔录在卷"),
    ("该车辆由竞买人格桑姆（身份证号码110101199003077777）拍得。", ["格桑姆"], "拍得"),
]


@pytest.mark.parametrize(("text", "hidden", "kept"), _OWNED_AFTER)
def test_name_told_by_what_follows_a_role_word(text: str, hidden: list[str], kept: str) -> None:
    out = _masked(text)
    assert all(name not in out for name in hidden)
    assert kept in out


def test_plain_word_after_a_role_word_stays() -> None:
    text = "纳税人文明诚信经营，会计核算健全，法定代表人应当在规定期限内申报。"
    assert _masked(text) == text


def test_name_found_by_the_model_inside_a_list_item_is_extended_to_the_item() -> None:
    out = mask_text("资金经由买买提艾力、孙丽、王某等人转出。", policy=STRICTEST, model="gated").text
    assert "买买提" not in out and "艾力" not in out


def test_banner_place_stays_a_place() -> None:
    text = "经营地点：内蒙古锡林郭勒盟正蓝旗上都镇，经营者为***。"
    assert _masked(text).startswith("经营地点：内蒙古锡林郭勒盟正蓝旗上都镇")


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        # a Korean's name in Chinese after his romanised one
        ("股东：CHOI Min-jun（朴敏俊），护照号码M87654321。", ["朴敏俊", "CHOI"], "股东："),
        # a Mongolian name of five characters with no surname as a label's whole value
        ("联系人：乌云巴雅尔\n联系电话：13904711234", ["乌云巴雅尔"], "联系人："),
        # a name with no surname closing a bracket that holds its label
        ("针对你公司（负责人：其木格）的申请，", ["其木格"], "）的申请"),
        # a person named by the travel document he holds
        ("另据出入境记录，孟春生持往来港澳通行证（号码C12345678）于三月出境。", ["孟春生"], "出入境记录"),
        # a spaced name before the phone number the bureau could not reach
        ("财务负责人***、办税人员贺  娟电话均无法联系。", ["贺", "娟"], "电话均无法联系"),
    ],
)
def test_names_of_other_shapes(text: str, hidden: list[str], kept: str) -> None:
    out = _masked(text)
    assert all(name not in out for name in hidden), out
    assert kept in out
