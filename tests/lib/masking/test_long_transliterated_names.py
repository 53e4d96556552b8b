"""Names transliterated from Uyghur, Kazakh or Yi with no dot between the given name and the father's
may run to nine characters, and use syllables (库尔班, 托合提, 热孜万古丽, 曲比阿呷) beyond the Tibetan and
Mongolian ones."""

from __future__ import annotations

import pytest

from sanxiang.lib.masking import STRICTEST, mask_text


@pytest.mark.parametrize(
    "text",
    [
        "经询问你单位财务负责人艾买提热依拉叶尔兰，其承认上述事实。",
        "你单位向个人托合提热依拉（身份证号：650104197908259951）支付款项。",
        "同住成年家属代收，姓名：库尔班阿不都拉（与受送达人关系：子女）。",
        "据你单位办税人员叶尔兰阿不都热合曼，联系方式0891-61219744-457。",
    ],
)
def test_a_long_transliterated_name_is_hidden_whole(text: str) -> None:
    masked = mask_text(text, policy=STRICTEST, model="gated").text
    for name in ("艾买提热依拉叶尔兰", "托合提热依拉", "库尔班阿不都拉", "叶尔兰阿不都热合曼"):
        if name in text:
            assert masked[text.index(name) : text.index(name) + len(name)] == "*" * len(name)
