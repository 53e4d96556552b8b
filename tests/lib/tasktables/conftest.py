from pathlib import Path

import pytest

from tests.shared import SEEDS

# Departments of the test organisation; a name not here is unmatched (None).
DEPARTMENTS = [
    "办公室",
    "法制科",
    "征收管理科",
    "纳税服务科",
    "人事教育科",
    "政策法规处",
    "纳税服务处",
    "稽查局",
]


def matcher(name: str) -> int | None:
    return DEPARTMENTS.index(name) + 1 if name in DEPARTMENTS else None


def seed(prefix: str) -> Path:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.fail(f"seed {prefix} is missing from {SEEDS}")
    return found[0]
