"""Shared cache candidates for the public page cache: file-based vs database cache (SQLite).

    .venv/bin/python bench/bench_cache_backends.py [--rounds 2000]

Both need no cache server and are shared by every worker process. Times ``get`` of the
publication generation (a short string, read on every cached request) and of a 40 KB page body,
and ``set`` of a body, in microseconds per call. Figures only, no assertions.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2000)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-cache-"))
    os.environ["SANXIANG_VAR_DIR"] = str(tmp)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanxiang.settings")
    import django
    from django.conf import settings

    django.setup()
    settings.CACHES["file"] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(tmp / "filecache"),
    }
    settings.CACHES["database"] = {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "bench_cache_table",
    }
    from django.core.cache import caches
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", "bench_cache_table", verbosity=0)
    body = ("<li>宝鸡市金台区某商贸有限公司行政处罚决定</li>" * 700).encode()
    print(
        f"{'backend':10} {'get generation':>15} {'get 40 KB page':>15} {'set 40 KB page':>15}  (µs per call)"
    )
    for alias in ("file", "database"):
        cache = caches[alias]
        cache.set("generation", "1765080000000000000-abcd1234", None)
        cache.set("page", body, 600)
        timings = []
        for call in (
            lambda c=cache: c.get("generation"),
            lambda c=cache: c.get("page"),
            lambda c=cache: c.set("page", body, 600),
        ):
            began = time.perf_counter()
            for _ in range(args.rounds):
                call()
            timings.append((time.perf_counter() - began) / args.rounds * 1e6)
        print(f"{alias:10} {timings[0]:15.0f} {timings[1]:15.0f} {timings[2]:15.0f}")


if __name__ == "__main__":
    main()
