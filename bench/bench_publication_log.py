"""Publication log: append rate and proof latency at N leaves (default 1,000,000).

    .venv/bin/python bench/bench_publication_log.py [--leaves 1000000] [--appends 2000] [--proofs 2000] [--batch 100]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/bench_publication_log.py

Builds the first N leaves in a temporary database with bulk_create (leaf rows and cached subtrees
computed by ``lib.merkle.InMemoryTreeStore``), then measures appends through
``publog.log_append`` (a tenth of them each with its signed checkpoint, one transaction each; all
of them in ``publog.checkpoint_batch`` blocks of ``--batch``, one signed checkpoint each), inclusion and
consistency proofs through the public endpoints' functions, and a full ``verify_publications``
tree rebuild. Figures only, no assertions.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv" / "bin"


def _quantiles(label: str, samples: list[float]) -> None:
    q = statistics.quantiles(sorted(samples), n=100)
    print(f"{label}: p50 {q[49]:.2f} ms, p95 {q[94]:.2f} ms, p99 {q[98]:.2f} ms ({len(samples)} samples)")


def run(leaves: int, appends: int, proofs: int, batch: int) -> None:
    import django

    django.setup()
    from django.db import connection, transaction
    from django.utils import timezone

    from sanxiang.lib import merkle
    from sanxiang.org.models import Authority
    from sanxiang.portal import publog
    from sanxiang.portal.models import LogLeaf, LogNode, PublicEntry

    authority = Authority.objects.add_root(
        create_kwargs={"name": "国家税务总局宝鸡市税务局", "code": "L0", "level": "municipal"}
    )
    now = timezone.now()
    entry = PublicEntry.objects.create(
        source_key="bench",
        version=1,
        category_code="penalty_decision",
        category_label="行政处罚决定",
        stage="after",
        authority=authority,
        title="基准",
        published_at=now,
        salt="",
    )
    print(f"{connection.vendor}: building {leaves:,} leaves", flush=True)
    began = time.perf_counter()
    store = merkle.InMemoryTreeStore()
    chunk = 50_000
    for offset in range(0, leaves, chunk):
        rows, nodes = [], []
        for index in range(offset, min(leaves, offset + chunk)):
            hashed = merkle.leaf_hash(f'{{"entry":{{"n":{index}}},"salt":"x"}}'.encode())
            subtrees = merkle.completed_subtrees(index, hashed, lambda lv, ix: store._node(lv, ix))
            store.append_leaf_hash(hashed)
            rows.append(
                LogLeaf(
                    index=index,
                    leaf_hash=hashed.hex(),
                    event="published",
                    entry=entry,
                    version=1,
                    appended_at=now,
                )
            )
            nodes += [LogNode(level=s.level, index=s.index, node_hash=s.hash.hex()) for s in subtrees]
        with transaction.atomic():
            LogLeaf.objects.bulk_create(rows, batch_size=5000)
            LogNode.objects.bulk_create(nodes, batch_size=5000)
    publog.log_checkpoint_create()
    print(
        f"  built in {time.perf_counter() - began:,.0f} s ({leaves / (time.perf_counter() - began):,.0f} leaves/s)"
    )

    samples = []
    single = max(1, appends // 10)
    began = time.perf_counter()
    for n in range(single):
        data = merkle.publication_leaf({"n": leaves + n}, os.urandom(32))
        t = time.perf_counter()
        with transaction.atomic():
            publog.log_append(event="published", entry=entry, version=1, data=data)
        samples.append((time.perf_counter() - t) * 1000)
    elapsed = time.perf_counter() - began
    print(f"append (leaf + subtrees + signed checkpoint, one transaction each): {single / elapsed:,.0f}/s")
    _quantiles("  append latency", samples)

    began, began_cpu = time.perf_counter(), time.process_time()
    done = 0
    while done < appends:
        with publog.checkpoint_batch():
            for _ in range(min(batch, appends - done)):
                data = merkle.publication_leaf({"n": leaves + single + done}, os.urandom(32))
                publog.log_append(event="published", entry=entry, version=1, data=data)
                done += 1
    elapsed, cpu = time.perf_counter() - began, time.process_time() - began_cpu
    print(
        f"append in checkpoint_batch of {batch} (one transaction and one signed checkpoint per batch): "
        f"{appends / elapsed:,.0f}/s ({appends / cpu:,.0f} per CPU second; load average {os.getloadavg()[0]:.1f})"
    )

    size = publog.log_size()
    rng = random.Random(3)
    inclusion, consistency = [], []
    for _ in range(proofs):
        index = rng.randrange(size)
        t = time.perf_counter()
        body = publog.inclusion(index, size)
        inclusion.append((time.perf_counter() - t) * 1000)
        first = rng.randrange(1, size)
        t = time.perf_counter()
        publog.consistency(first, size)
        consistency.append((time.perf_counter() - t) * 1000)
    import base64

    assert merkle.verify_inclusion(
        base64.b64decode(body["leaf_hash"]),
        index,
        size,
        [base64.b64decode(p) for p in body["proof"]],
        base64.b64decode(body["root"]),
    )
    _quantiles(f"inclusion proof at {size:,} leaves", inclusion)
    _quantiles(f"consistency proof at {size:,} leaves", consistency)

    from sanxiang.portal.verification import verify_publications

    t = time.perf_counter()
    report = verify_publications()
    # The synthetic leaves have no entry versions behind them, so only problems with the tree itself
    # (rebuilt root against the signed checkpoints, cached subtrees) are meaningful here.
    tree_problems = [p for p in report.problems if "checkpoint" in p or "subtree" in p or "missing" in p]
    print(
        f"verify_publications over {report.size:,} records: {time.perf_counter() - t:,.1f} s "
        f"(tree and checkpoints: {'intact' if not tree_problems else tree_problems[0]})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leaves", type=int, default=1_000_000)
    parser.add_argument("--appends", type=int, default=2000)
    parser.add_argument("--proofs", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=100, help="appends per checkpoint_batch")
    parser.add_argument("--_child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._child:
        run(args.leaves, args.appends, args.proofs, args.batch)
        return
    tmp = Path(tempfile.mkdtemp(prefix="bench-publog-"))
    env = dict(os.environ, SANXIANG_VAR_DIR=str(tmp), DJANGO_SETTINGS_MODULE="sanxiang.settings")
    server_url = env.pop("DATABASE_URL", "")
    admin = None
    bench_db = ""
    if server_url:
        # A scratch database named after the given one, so runs against different databases of one
        # server (helpers sharing it) do not drop each other's.
        given = urllib.parse.urlparse(server_url).path.strip("/")
        bench_db = (
            f"{given}_bench_publication_log" if given and given != "postgres" else "bench_publication_log"
        )
        env["DATABASE_URL"] = urllib.parse.urlparse(server_url)._replace(path=f"/{bench_db}").geturl()
        admin = dict(env, DATABASE_URL=server_url)
        _database(admin, f"DROP DATABASE IF EXISTS {bench_db}", f"CREATE DATABASE {bench_db}")
    try:
        subprocess.run(
            [str(VENV / "sanxiang"), "migrate", "-v", "0"], env=env, check=True, stderr=subprocess.DEVNULL
        )
        command = [
            sys.executable,
            __file__,
            "--_child",
            "--leaves",
            str(args.leaves),
            "--appends",
            str(args.appends),
            "--proofs",
            str(args.proofs),
            "--batch",
            str(args.batch),
        ]
        subprocess.run(command, env=env, check=True)
    finally:
        if admin is not None:
            _database(admin, f"DROP DATABASE IF EXISTS {bench_db}")


def _database(env: dict[str, str], *statements: str) -> None:
    code = (
        "import sys, django; django.setup()\n"
        "from django.db import connection\n"
        "connection.ensure_connection(); connection.connection.autocommit = True\n"
        "c = connection.connection.cursor()\n"
        "for s in sys.argv[1:]: c.execute(s)\n"
    )
    subprocess.run([str(VENV / "python"), "-c", code, *statements], env=env, check=True)


if __name__ == "__main__":
    main()
