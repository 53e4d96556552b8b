"""Words the masker must not take for names or parts of names: a clause opened by a preposition and a
bureau's verb (经调取银行流水), a table's column heading (姓名	单位), the words that follow a dotted name in
a sentence (…·吐尔逊销售车位), a particle the model reads into a name (卢超的询问笔录), and the 方 of a
party's role (受让方薛婷). Each name beside them is still hidden."""

from __future__ import annotations

import pytest

from sanxiang.lib.masking import STRICTEST, mask_text


def _masked(text: str) -> str:
    return mask_text(text, policy=STRICTEST, model="gated").text


@pytest.mark.parametrize(
    ("text", "kept", "hidden"),
    [
        ("经调取银行流水，你于2024年3月取得劳务报酬。", "经调取银行流水", ""),
        ("经核实，该笔款项系股东借款。", "经核实", ""),
        ("姓名\t单位\t职务\t执法证号\n程丽\t云黔省税务局\t科员\t52010023001", "姓名\t单位\t职务", ""),
        ("姓名：单立新，性别：男", "姓名：", "单立新"),
        ("你公司向购房人邹天福、热合曼·吐尔逊销售车位取得收入。", "销售车位取得收入", "吐尔逊"),
        ("你公司实际由古丽娜尔·阿不都控制经营，其配偶帕提古丽·艾买提负责资金收付。", "控制经营", "阿不都"),
        ("其配偶帕提古丽·艾买提负责资金收付。", "负责资金收付", "艾买提"),
        ("报酬由该公司出纳古丽娜尔·阿不都转入你本人账户。", "转入你本人账户", "古丽娜尔"),
        ("上述款项由你的配偶帕提古丽·肉孜名下银行卡收取。", "名下银行卡收取", "肉孜"),
        ("你单位向个人麦合木提·依明支付款项。", "你单位向个人", "麦合木提"),
        ("将房产出租给帕提古丽·艾买提使用。", "将房产出租给", "帕提古丽"),
        ("上述事实有你本人及卢超的询问笔录、银行交易明细等证据证明。", "的询问笔录", "卢超"),
        ("你与受让方薛婷（身份证号码：110101199001011234）签订协议。", "你与受让方", "薛婷"),
        ("出租方方敏（电话13812345678）", "出租方", "方敏"),
    ],
)
def test_words_beside_names_stay(text: str, kept: str, hidden: str) -> None:
    masked = _masked(text)
    assert kept in masked
    if hidden:
        assert hidden not in masked
    assert _masked(masked) == masked


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("当日即由你公司出纳张强通过网银转入陈福浩个人银行卡（卡号6217005615613996512）。", "陈福浩"),
        ("经查，你公司实际由苏天国控制经营。", "苏天国"),
        ("上述事实有你本人及Sarah O'Brien的询问笔录等证据证明。", "O'Brien"),
        ("将部分商铺出租给John Smith（承租人，电话13963977362）使用。", "Smith"),
        (
            "受送达人确认：本人已知悉上述送达地址的法律后果。\n确认人（签名）：金子少  2026年12月20日",
            "金子少",
        ),
        ("你公司向购房人段远浩、刘强少销售车位取得收入。", "刘强少"),
        ("你与受让方TANAKA Hiroshi（身份证号码：320582197609257155）签订协议。", "TANAKA"),
    ],
)
def test_names_a_person_only_has_around_them(text: str, hidden: str) -> None:
    masked = _masked(text)
    assert hidden not in masked
    assert _masked(masked) == masked


def test_role_words_of_a_transfer_are_no_names_alone() -> None:
    for text in (
        "受让方通过其本人中国农业银行账户分三次向你支付转让款。",
        "转让人应当在协议生效后办理变更登记。",
    ):
        assert _masked(text) == text


@pytest.mark.parametrize(
    ("text", "kept", "hidden"),
    [
        ("部分工资经由员工夏天（身份证件号码：520115198302182494）的个人银行卡发放。", "经由员工", "夏天"),
        ("你委托的律师廖萍（执业证号15201202210123456）说明情况。", "你委托的律师", "廖萍"),
        ("你委托的律师阿不都·热合曼（执业证号15201202210123456）说明情况。", "你委托的律师", "热合曼"),
        ("被检举人亲属宋鹏（港澳居民来往内地通行证H12345678）", "被检举人亲属", "宋鹏"),
        ("你的母亲古丽娜尔·吐尔逊于2026年11月2日签收。", "于2026年", "吐尔逊"),
        ("及其实际控制人曾鹏偷逃税款一事，我局已立案检查。", "偷逃税款", "曾鹏"),
        ("你的同住人扎西·多吉亦无法联系。", "你的同住人", "多吉"),
        ("你可委托古丽娜尔·吐尔逊（电话13812345678）代为办理。", "你可委托", "古丽娜尔"),
        ("其住所湖南省长沙市岳麓区新世界24栋1单元2703室均无法联系，现依照", "均无法联系", "2703室"),
    ],
)
def test_role_words_and_predicates_beside_a_name_stay(text: str, kept: str, hidden: str) -> None:
    masked = _masked(text)
    assert kept in masked
    assert hidden not in masked
    assert _masked(masked) == masked


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("及其实际控制人文明偷逃税款一事，我局已立案检查。", "文明"),
        ("你的同住人文明亦无法联系。", "文明"),
        ("配偶金晓东代收。你的母亲谭中华于2026年7月5日来电。", "谭中华"),
        ("你委托的律师任重（执业证号1520102227258513）说明情况。", "任重"),
        ("被检举人亲属黄金（港澳居民来往内地通行证H12345678）名下账户", "黄金"),
        ("检举人钟上海：\n    你于2026年2月6日通过电话检举", "钟上海"),
        ("你公司通过对公账户向员工向前私人账户转账。", "向前"),
    ],
)
def test_a_word_is_a_name_after_a_role_word_when_a_person_is_spoken_of(text: str, name: str) -> None:
    masked = _masked(text)
    assert name not in masked
    assert _masked(masked) == masked


def test_the_same_words_in_ordinary_text_stay() -> None:
    text = "经营场所位于上海市文明路1号，主营黄金饰品。"
    assert _masked(text) == text
