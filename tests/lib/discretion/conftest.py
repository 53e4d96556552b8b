"""A small two-version benchmark lineage whose numbers the engine tests can reason about."""

import datetime

import pytest

from sanxiang.lib.discretion import Benchmark, BenchmarkSet, exemption_items


def rule(code, subject, circumstance, label, penalty, certainty="unconfirmed"):
    return {
        "violation": code,
        "title": code,
        "subject": subject,
        "circumstance": circumstance,
        "label": label,
        "penalty": penalty,
        "certainty": certainty,
    }


def fixed(low, high):
    return {"kind": "fixed", "min": low, "max": high}


def multiple(low, high, base="unpaid_tax", **extra):
    return {"kind": "multiple", "min": low, "max": high, "base": base, **extra}


OLD = {
    "name": "旧基准",
    "region": "测试省",
    "version": "2021版",
    "effective_from": "2021-01-01",
    "effective_until": "2023-11-30",
    "source": "测试",
    "certainty": "unconfirmed",
    "rules": [
        rule(
            "征管法§62",
            "any",
            {"any": [{"serious": True}, {"days_late": {"gt": 90}}]},
            "严重",
            fixed(2000, 10000),
            "confirmed",
        ),
        rule("征管法§62", "individual", {"days_late": {"lte": 15}}, "逾期15日以内", fixed(0, 100)),
        rule("征管法§62", "organisation", {"days_late": {"lte": 15}}, "逾期15日以内", fixed(0, 500)),
        rule("征管法§62", "any", {"days_late": {"gt": 15}}, "逾期16日至90日", fixed(100, 2000)),
        rule("征管法§63", "any", {"tax_paid": True}, "已补缴", multiple(0.5, 1)),
        rule("征管法§63", "any", {"tax_paid": False}, "未补缴", multiple(1, 2)),
        rule(
            "征管法§60(1)", "organisation", {}, "按日", multiple(20, 20, "days_late", floor=100, ceiling=2000)
        ),
        rule("征管法§60(4)", "any", {}, "一般", fixed(0, 2000)),
        rule("征管法§64¶1", "any", {}, "一般", fixed(0, 10000)),
        rule("发票管理办法§33(2)", "any", {}, "一般", fixed(0, 5000)),
        rule("发票管理办法§33(1)", "any", {}, "一般", fixed(0, 5000)),
    ],
}

NEW = {
    **OLD,
    "name": "新基准",
    "version": "2023版",
    "effective_from": "2023-12-01",
    "effective_until": None,
    "rules": [
        rule(
            "征管法§62",
            "any",
            {"any": [{"serious": True}, {"days_late": {"gt": 90}}]},
            "严重",
            fixed(2000, 10000),
        ),
        rule("征管法§62", "individual", {"days_late": {"lte": 15}}, "逾期15日以内", fixed(0, 100)),
        rule("征管法§62", "organisation", {"days_late": {"lte": 15}}, "逾期15日以内", fixed(0, 200)),
        rule("征管法§62", "any", {"days_late": {"gt": 15}}, "逾期16日至90日", fixed(50, 2000)),
        rule("征管法§63", "any", {"tax_paid": True}, "已补缴", multiple(0.5, 1)),
        rule("征管法§63", "any", {"tax_paid": False}, "未补缴", multiple(1, 3)),
        rule("征管法§60(1)", "organisation", {}, "按日", multiple(10, 10, "days_late", ceiling=2000)),
        rule("征管法§60(4)", "any", {}, "一般", fixed(0, 2000)),
    ],
}


@pytest.fixture
def benchmarks():
    return BenchmarkSet.of([Benchmark.from_json(NEW), Benchmark.from_json(OLD)], exemption_items())


@pytest.fixture
def today():
    return datetime.date(2025, 6, 30)
