"""Stream a generated file through ``file_store`` and print throughput and peak memory.

Usage: ``.venv/bin/python bench/bench_filestore.py [size_in_MiB]`` (default 1024 = 1 GiB).
Runs against a throw-away SQLite database and file store in a temporary directory.
"""

from __future__ import annotations

import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path


class GeneratedStream:
    """``size`` bytes produced on demand, a different pattern per read; never all in memory."""

    def __init__(self, size: int):
        self.remaining = size
        self.counter = 0

    def read(self, n: int = -1) -> bytes:
        n = min(self.remaining, 1024 * 1024 if n < 0 else n)
        if n <= 0:
            return b""
        self.counter += 1
        pattern = self.counter.to_bytes(8, "big") * 8
        self.remaining -= n
        return (pattern * (n // len(pattern) + 1))[:n]


def main() -> None:
    size = int(sys.argv[1] if len(sys.argv) > 1 else 1024) * 1024 * 1024
    workdir = Path(tempfile.mkdtemp(prefix="sanxiang-bench-"))
    os.environ["SANXIANG_VAR_DIR"] = str(workdir)
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanxiang.settings")

    import django

    django.setup()
    from django.core.management import call_command

    from sanxiang.files.services import file_store
    from sanxiang.kernel.choices import AuthorityLevel
    from sanxiang.org.models import Authority, User

    call_command("migrate", verbosity=0)
    authority = Authority.objects.add_root(
        create_kwargs={"name": "基准测试税务局", "level": AuthorityLevel.MUNICIPAL, "code": "bench"}
    )
    actor = User.objects.create_user(username="bench", authority=authority, data_scope="unit")

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    stored = file_store(
        actor=actor,
        stream=GeneratedStream(size),
        name="bench.bin",
        content_type="application/octet-stream",
        authority=authority,
        expected_size=size,
    )
    elapsed = time.perf_counter() - started
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux

    print(f"size          {size / 2**20:.0f} MiB")
    print(f"elapsed       {elapsed:.2f} s")
    print(f"throughput    {size / 2**20 / elapsed:.1f} MB/s (SHA-256 + SM3 + write + fsync)")
    print(f"peak RSS      {rss_after / 1024:.1f} MiB (before the upload: {rss_before / 1024:.1f} MiB)")
    print(f"sha256        {stored.sha256}")
    print(f"sm3           {stored.sm3}")
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
