"""Rewrite a branch written against ``sanxiang.core`` to the kernel/org split (from the repo root).

    python scripts/remap_core_split.py src tests bench

``sanxiang.core.{access,tasks,schedule,bulk,modules,exceptions,middleware,checks,choices}`` become
``sanxiang.kernel.*``; ``sanxiang.core.demo`` splits (framework names to ``sanxiang.kernel.demo``,
the organisation's demo data to ``sanxiang.org.demo``); everything else of ``sanxiang.core`` becomes
``sanxiang.org``; ``PeriodicRun`` moves from ``sanxiang.notifications.models`` to
``sanxiang.kernel.models``. The Django app label stays ``core`` (migrations need no change).
"""

from __future__ import annotations

import pathlib
import re
import sys

KERNEL = {"access", "tasks", "schedule", "bulk", "modules", "exceptions", "middleware", "checks", "choices"}
DEMO_KERNEL = {"DEMO_PASSWORD", "DemoContext", "DemoStep", "register_demo_step", "demo_steps"}
SUFFIXES = (".py", ".toml", ".md", ".cfg", ".ini", ".txt", ".html")


def _split(indent: str, names: str, tail: str, kernel_names: set[str], kernel: str, org: str) -> str:
    items = [n.strip() for n in names.strip("()").replace("\n", " ").split(",") if n.strip()]
    lines = []
    to_kernel = [n for n in items if n.split(" as ")[0] in kernel_names]
    to_org = [n for n in items if n.split(" as ")[0] not in kernel_names]
    if to_kernel:
        lines.append(f"{indent}from {kernel} import {', '.join(to_kernel)}{tail}")
    if to_org:
        lines.append(f"{indent}from {org} import {', '.join(to_org)}{tail}")
    return "\n".join(lines)


def remap(text: str) -> str:
    def imports_of(module: str) -> re.Pattern[str]:
        return re.compile(
            rf"^([ \t]*)from {re.escape(module)} import (\([^)]*\)|[^\n]*?)([ \t]*#[^\n]*)?$", re.M
        )

    text = imports_of("sanxiang.core").sub(
        lambda m: _split(m[1], m[2], m[3] or "", KERNEL, "sanxiang.kernel", "sanxiang.org"), text
    )
    text = imports_of("sanxiang.core.demo").sub(
        lambda m: _split(m[1], m[2], m[3] or "", DEMO_KERNEL, "sanxiang.kernel.demo", "sanxiang.org.demo"),
        text,
    )
    text = imports_of("sanxiang.notifications.models").sub(
        lambda m: _split(
            m[1], m[2], m[3] or "", {"PeriodicRun"}, "sanxiang.kernel.models", "sanxiang.notifications.models"
        ),
        text,
    )
    text = re.sub(r"sanxiang\.core\.(" + "|".join(sorted(KERNEL)) + r")\b", r"sanxiang.kernel.\1", text)
    text = re.sub(r"sanxiang\.core\b", "sanxiang.org", text)
    return re.sub(r"sanxiang/core/", "sanxiang/org/", text)


if __name__ == "__main__":
    for root in sys.argv[1:]:
        for path in pathlib.Path(root).rglob("*"):
            if path.is_file() and path.suffix in SUFFIXES:
                old = path.read_text(encoding="utf-8")
                new = remap(old)
                if new != old:
                    path.write_text(new, encoding="utf-8")
                    print(path)
