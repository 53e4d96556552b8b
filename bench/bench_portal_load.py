"""Portal throughput under load: gunicorn (2 workers) on the benchmark database, driven by wrk.

    .venv/bin/python bench/bench_portal_load.py [--entries 1000000] [--duration 20] [--connections 20]
    .venv/bin/python bench/bench_portal_load.py --reuse /tmp/bench-portal-xxxx      # a loaded SQLite dir
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/bench_portal_load.py \
        --reuse 1 --pg-database bench_portal_search

The database is built by ``bench_portal_search.py --load-only`` (same entries, same query words)
unless ``--reuse`` names one. Each target is driven by ``wrk`` (Debian package ``wrk``) at
``--connections`` connections for ``--duration`` seconds after a warm-up: the home page, an entry
page, a common and a rare search, and ``/robots.txt`` — a trivial Django view on the same server,
the practical ceiling. The first request after the server starts is timed too (the statistics come
from the shared cache the periodic job fills, not from a count in the request). Prints req/s,
p50/p99 latency, errors and each page's share of the ceiling. Figures only, no assertions.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = Path(sys.executable).parent  # the venv running this script
SEARCH_BENCH = ROOT / "bench" / "bench_portal_search.py"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(var_dir: Path, database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env["SANXIANG_VAR_DIR"] = str(var_dir)
    env["DJANGO_SETTINGS_MODULE"] = "sanxiang.settings"
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def _django(env: dict[str, str], code: str) -> str:
    script = "import django; django.setup()\n" + code
    return subprocess.run(
        [str(VENV / "python"), "-c", script], env=env, check=True, capture_output=True, text=True
    ).stdout.strip()


# A session cookie makes the portal bypass its page cache: the "uncached" rows measure rendering.
UNCACHED = "Cookie: sessionid=bench-no-such-session"


def _wrk(url: str, connections: int, duration: float, header: str = "") -> dict[str, float]:
    extra = ["-H", header] if header else []
    out = subprocess.run(
        ["wrk", "-t", "2", "-c", str(connections), "-d", f"{duration:.0f}s", "--latency", *extra, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def ms(label: str) -> float:
        found = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not found:
            return float("nan")
        value, unit = float(found.group(1)), found.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50": ms("50%"),
        "p99": ms("99%"),
        "errors": (int(errors.group(1)) if errors else 0)
        + (sum(int(g) for g in socket_errors.groups()) if socket_errors else 0),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--duration", type=float, default=20.0)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument(
        "--reuse", default="", help="a loaded database (SQLite var dir, or any value with DATABASE_URL)"
    )
    parser.add_argument("--pg-database", default="bench_portal_search")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install wrk")

    server_url = os.environ.get("DATABASE_URL", "")
    if args.reuse:
        var_dir = (
            Path(args.reuse) if not server_url else Path(os.environ.get("SANXIANG_VAR_DIR", ROOT / "var"))
        )
    else:
        loaded = subprocess.run(
            [
                sys.executable,
                str(SEARCH_BENCH),
                "--entries",
                str(args.entries),
                "--load-only",
                "--pg-database",
                args.pg_database,
                "--keep",
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        print(loaded.strip(), flush=True)
        var_dir = Path(re.search(r"under (\S+)", loaded).group(1))
    database_url = (
        urllib.parse.urlparse(server_url)._replace(path=f"/{args.pg_database}").geturl() if server_url else ""
    )
    env = _env(var_dir, database_url)
    vendor = "PostgreSQL" if database_url else "SQLite"
    # No page from an earlier run (a new publication generation), then the periodic job's work:
    # statistics into the shared cache before the server starts.
    _django(env, "from sanxiang.portal.pagecache import publication_changed; publication_changed()")
    _django(env, "from sanxiang.portal.tasks import statistics_refresh_task; statistics_refresh_task.call()")
    key = _django(
        env,
        "from sanxiang.portal.models import PublicEntry; print(PublicEntry.objects.order_by('-id').values_list('source_key', flat=True).first())",
    )
    port = _free_port()
    server = subprocess.Popen(
        [
            str(VENV / "gunicorn"),
            "sanxiang.wsgi",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.2)
        # The first requests after the start, one per worker at once and then each kind of page,
        # none cached yet: nothing may take a second (imports, statistics, templates, the masker).
        common = "/search/?q=" + urllib.parse.quote("税务")
        rare = "/search/?q=" + urllib.parse.quote("麟游")
        for label, path in [
            ("home", "/"),
            ("search", common + "&first=1"),
            ("entry page", f"/entries/{key}/"),
            ("statistics", "/statistics/"),
        ]:
            began = time.perf_counter()
            urllib.request.urlopen(f"{base}{path}", timeout=120).read()
            first = (time.perf_counter() - began) * 1000
            print(f"{vendor}: first request of the {label} after the start: {first:,.0f} ms", flush=True)
        targets = {
            "ceiling (/robots.txt)": ("/robots.txt", ""),
            "home": ("/", ""),
            "entry page": (f"/entries/{key}/", ""),
            "search common (税务)": (common, ""),
            "search rare (麟游)": (rare, ""),
            "home, uncached": ("/", UNCACHED),
            "entry page, uncached": (f"/entries/{key}/", UNCACHED),
            "search common, uncached": (common, UNCACHED),
            "search rare, uncached": (rare, UNCACHED),
        }
        results = {}
        for label, (path, header) in targets.items():
            _wrk(base + path, 2, 2, header)  # warm-up
            results[label] = _wrk(base + path, args.connections, args.duration, header)
        ceiling = results["ceiling (/robots.txt)"]["rps"] or 1.0
        print(f"{vendor}, wrk {args.connections} connections × {args.duration:.0f} s, gunicorn 2 workers")
        print(f"{'target':26} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'of ceiling':>10}")
        for label, r in results.items():
            share = r["rps"] / ceiling * 100
            print(
                f"{label:26} {r['rps']:8.1f} {r['p50']:8.1f} {r['p99']:8.1f} {r['errors']:7d} {share:9.0f}%"
            )
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
