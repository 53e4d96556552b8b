"""Builders for test data; tests build what they need through these, not by hand."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from sanxiang.kernel.choices import AuthorityLevel
from sanxiang.org.models import Authority, Department, Role, User

_seq = itertools.count(1)
PASSWORD = "Sanxiang-2026"


@dataclass
class Org:
    province: Authority
    city: Authority
    district_a: Authority
    district_b: Authority
    city_office: Department
    city_legal: Department
    a_collection: Department
    a_legal: Department
    b_collection: Department
    b_legal: Department


def authority(name: str, level: str, parent: Authority | None = None, code: str | None = None) -> Authority:
    code = code or f"1{next(_seq):010d}"
    fields = {"name": name, "level": level, "code": code}
    if parent is None:
        return Authority.objects.add_root(create_kwargs=fields)
    return Authority.objects.add_child(parent, create_kwargs=fields)


def department(auth: Authority, name: str) -> Department:
    return Department.objects.create(authority=auth, name=name)


def build_org() -> Org:
    province = authority("国家税务总局陕西省税务局", AuthorityLevel.PROVINCIAL)
    city = authority("国家税务总局宝鸡市税务局", AuthorityLevel.MUNICIPAL, province)
    a = authority("国家税务总局宝鸡市金台区税务局", AuthorityLevel.COUNTY, city)
    b = authority("国家税务总局宝鸡市渭滨区税务局", AuthorityLevel.COUNTY, city)
    return Org(
        province=province,
        city=city,
        district_a=a,
        district_b=b,
        city_office=department(city, "办公室"),
        city_legal=department(city, "法制科"),
        a_collection=department(a, "征收管理科"),
        a_legal=department(a, "法制股"),
        b_collection=department(b, "征收管理科"),
        b_legal=department(b, "法制股"),
    )


def user(
    auth: Authority,
    dept: Department | None = None,
    *,
    roles: list[str] = (),
    scope: str = "department",
    username: str | None = None,
    full_name: str = "",
) -> User:
    u = User.objects.create_user(
        username=username or f"user{next(_seq)}",
        password=PASSWORD,
        authority=auth,
        department=dept,
        data_scope=scope,
        full_name=full_name or "测试人员",
    )
    u.roles.set(Role.for_codes(list(roles)))
    return u
