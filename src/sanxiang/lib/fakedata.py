"""Realistic, reproducible fake data for the demo and benchmarks: names, ID numbers, codes.

Every ID number carries a valid GB 11643 checksum and a real region code, and every unified
social credit code a valid GB 32100 checksum, so that masking and validation are exercised as
on real data. Nothing here is a real person.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from stdnum.cn import ric, uscc

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢骆岳齐沿梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵"
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙")
GIVEN_CHARS = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建国红梅晨阳宇浩然欣怡子涵梓轩思雨"
    "俊杰文博嘉怡雅琪晓东海燕志强永刚春燕丹凤立新卫东少华振华德明国庆金凤淑珍秀英玉梅红霞建华"
)
# Region codes (Shaanxi 宝鸡 counties, Beijing districts) that python-stdnum recognises.
REGIONS = ("610322", "610323", "610324", "610326", "610327", "110101", "110105", "110108", "110102", "110106")
SHOP_KINDS = (
    "便利店",
    "商行",
    "经营部",
    "小吃店",
    "五金店",
    "汽修厂",
    "服装店",
    "建材店",
    "农家乐",
    "烟酒店",
)
COMPANY_WORDS = (
    "秦川",
    "渭河",
    "金台",
    "陈仓",
    "宝通",
    "华宇",
    "鼎盛",
    "恒泰",
    "联创",
    "嘉禾",
    "瑞丰",
    "西岐",
    "启明",
    "长青",
    "天成",
    "永兴",
    "合力",
    "新世纪",
    "星火",
    "凤鸣",
)
COMPANY_TRADES = (
    "商贸",
    "建筑工程",
    "机械制造",
    "科技",
    "餐饮管理",
    "物流",
    "房地产开发",
    "钛业",
    "农业开发",
    "文化传媒",
)
STREETS = (
    "中山东路",
    "经二路",
    "宝光路",
    "渭滨大道",
    "金台大道",
    "清姜路",
    "东风路",
    "公园路",
    "高新大道",
    "火炬路",
)


@dataclass(frozen=True)
class FakePerson:
    name: str
    id_number: str
    birth_date: datetime.date
    phone: str
    home_address: str


class Faker:
    """A seeded generator: the same seed gives the same demo on every machine."""

    def __init__(self, seed: int = 2026):
        self.random = random.Random(seed)

    def name(self) -> str:
        r = self.random
        surname = r.choice(COMPOUND_SURNAMES) if r.random() < 0.03 else r.choice(SURNAMES)
        given = "".join(r.choice(GIVEN_CHARS) for _ in range(r.choice((1, 2, 2))))
        return surname + given

    def birth_date(self, *, min_age: int = 20, max_age: int = 70, today: datetime.date) -> datetime.date:
        days = self.random.randint(min_age * 365, max_age * 365)
        return today - datetime.timedelta(days=days)

    def id_number(self, birth: datetime.date, region: str | None = None) -> str:
        body = f"{region or self.random.choice(REGIONS)}{birth:%Y%m%d}{self.random.randint(0, 999):03d}"
        # stdnum expects the number with a placeholder check digit.
        return body + ric.calc_check_digit(body + "0")

    def phone(self) -> str:
        return self.random.choice(("139", "138", "137", "186", "158", "151", "177", "199")) + "".join(
            str(self.random.randint(0, 9)) for _ in range(8)
        )

    def bank_card(self) -> str:
        digits = [int(c) for c in "621700" + "".join(str(self.random.randint(0, 9)) for _ in range(12))]
        # Luhn check digit.
        total = 0
        for i, d in enumerate(reversed(digits)):
            if i % 2 == 0:
                d *= 2
                d = d - 9 if d > 9 else d
            total += d
        return "".join(map(str, digits)) + str((10 - total % 10) % 10)

    def address(self) -> str:
        r = self.random
        return f"宝鸡市{r.choice(('金台区', '渭滨区', '陈仓区'))}{r.choice(STREETS)}{r.randint(1, 300)}号{r.randint(1, 30)}栋{r.randint(1, 6)}单元{r.randint(101, 2802)}室"

    def business_address(self) -> str:
        r = self.random
        return (
            f"陕西省宝鸡市{r.choice(('金台区', '渭滨区', '陈仓区'))}{r.choice(STREETS)}{r.randint(1, 500)}号"
        )

    def person(self, *, today: datetime.date, min_age: int = 20, max_age: int = 70) -> FakePerson:
        birth = self.birth_date(min_age=min_age, max_age=max_age, today=today)
        return FakePerson(
            name=self.name(),
            id_number=self.id_number(birth),
            birth_date=birth,
            phone=self.phone(),
            home_address=self.address(),
        )

    def uscc(self) -> str:
        r = self.random
        alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        body = "91" + r.choice(REGIONS) + "".join(r.choice(alphabet) for _ in range(9))
        return body + uscc.calc_check_digit(body)

    def company_name(self) -> str:
        r = self.random
        return f"宝鸡市{r.choice(COMPANY_WORDS)}{r.choice(COMPANY_TRADES)}有限公司"

    def shop_name(self, owner_name: str | None = None) -> str:
        r = self.random
        stem = owner_name or r.choice(COMPANY_WORDS)
        return f"金台区{stem}{r.choice(SHOP_KINDS)}"
