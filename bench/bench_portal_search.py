"""Portal search latency over N published entries (default 1,000,000), on SQLite and PostgreSQL.

    .venv/bin/python bench/bench_portal_search.py [--entries 1000000] [--duration 60]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/bench_portal_search.py \
        [--pg-database bench_portal_search] [--keep]
    .venv/bin/python bench/bench_portal_search.py --load-only          # prints the SQLite var dir
    .venv/bin/python bench/bench_portal_search.py --reuse /tmp/bench-portal-xxxx
    DATABASE_URL=... .venv/bin/python bench/bench_portal_search.py --reuse 1 --pg-database NAME

Loads entries with bulk_create into a temporary database (SQLite under a temp dir; on PostgreSQL a
database ``--pg-database`` created on the given server and dropped afterwards unless ``--keep``),
starts gunicorn with 2 sync workers (``--preload``) on 127.0.0.1, and measures the HTML search
page: one client back to back, then 20 clients each with 1 s think time, for a bounded duration
each. ``--reuse`` skips the load (migrations still run) so a loaded database can be measured again.
Prints p50/p95/p99 in milliseconds. Figures only, no assertions.

Query mix (``QUERIES`` × ``_paths``): ten common two-character words (in 1/3 to all entries), four
rarer two-character place and trade names (about 1/12 each), and five phrases of three to nine
characters (增值税, 个人所得税, 虚开增值税普通发票 …); 20 % of requests add a category filter, 15 % an
authority (with its subordinates), 10 % ask for page 2 to 10.
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = Path(sys.executable).parent  # the venv running this script

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
)
PLACES = ["金台", "渭滨", "陈仓", "凤翔", "岐山", "扶风", "眉县", "陇县", "千阳", "麟游", "凤县", "太白"]
TRADES = ["商贸", "建材", "餐饮", "物流", "科技", "农业", "汽修", "服装", "医药", "印刷", "五金", "文化传媒"]
CATEGORIES = [
    ("penalty_decision", "行政处罚决定", "after"),
    ("licensing_decision", "行政许可决定", "after"),
    ("abnormal_household", "非正常户认定", "after"),
    ("arrears_notice", "欠税公告", "after"),
    ("credit_a_list", "纳税信用A级名单", "after"),
    ("major_violation", "重大税收违法失信主体", "after"),
    ("hearing_notice", "听证公告", "during"),
    ("fixed_quota", "定期定额核定", "during"),
    ("inspection_list", "随机抽查事项清单", "before"),
]
FACTS = [
    "未按照规定期限办理纳税申报和报送纳税资料",
    "未按照规定开具发票，虚开增值税普通发票",
    "丢失增值税专用发票未按规定报告",
    "扣缴义务人应扣未扣个人所得税",
    "未按照规定设置、保管账簿或者保管记账凭证",
    "逃避缴纳税款，少缴增值税及附加税费",
    "取得不符合规定的发票入账",
    "未按规定办理税务登记变更",
]
QUERIES = [
    "罚款",
    "发票",
    "申报",
    "金台",
    "商贸",
    "餐饮",
    "许可",
    "欠税",
    "扣缴",
    "登记",  # two characters, common
    "印刷",
    "太白",
    "医药",
    "麟游",  # two characters, rarer
    "增值税",
    "个人所得税",
    "虚开增值税普通发票",
    "未按照规定",
    "逃避缴纳税款",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _env(var_dir: Path, database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env["SANXIANG_VAR_DIR"] = str(var_dir)
    env["DJANGO_SETTINGS_MODULE"] = "sanxiang.settings"
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


# Entries generated in Python; beyond that PostgreSQL copies them in SQL with new ids and serials.
DISTINCT = int(os.environ.get("BENCH_PORTAL_DISTINCT", "1000000"))


_DIGITS = re.compile(r"([0-9]+)")


def _index_text(parts: list[str], index_text, memo: dict[str, str]) -> str:
    """``rules.index_text(parts)`` from memoised pieces: runs never span a digit boundary (CJK and
    ASCII alphanumeric runs are separate, and no letter touches a digit here), so each part is
    tokenised as its digit and non-digit segments, and those repeat across entries."""
    out = []
    for part in parts:
        for segment in _DIGITS.split(part):
            if not segment:
                continue
            if segment.isdigit():
                out.append(segment)
                continue
            tokens = memo.get(segment)
            if tokens is None:
                tokens = memo[segment] = index_text([segment])
            if tokens:
                out.append(tokens)
    return " ".join(out)


def _rows(entries: int, count: int, seed: int, units: list[int]):
    """The first ``count`` of ``entries`` bench entries as (entry columns, index tokens) tuples."""
    from django.utils import timezone

    from sanxiang.portal import rules

    rng = random.Random(seed)
    start = timezone.now() - datetime.timedelta(days=3 * 365)
    step = datetime.timedelta(days=3 * 365) / entries
    today = timezone.localdate()
    segment_tokens: dict[str, str] = {}
    for n in range(count):
        code, label, stage = CATEGORIES[n % len(CATEGORIES)]
        unit = units[rng.randrange(len(units))]
        place, trade = PLACES[rng.randrange(12)], TRADES[rng.randrange(12)]
        party = f"宝鸡市{place}区{SURNAMES[rng.randrange(len(SURNAMES))]}*{trade}有限公司"
        fact = FACTS[rng.randrange(len(FACTS))]
        title = f"{party}{label}"
        number = f"宝{place}税罚〔{2023 + n % 3}〕{n}号"
        text = (
            f"当事人{party}于{2023 + n % 3}年{1 + n % 12}月{fact}。根据《中华人民共和国税收征收管理法》"
            f"第{60 + n % 10}条，处罚款{100 * (1 + n % 50)}元。联系电话：0917-12366。"
        )
        fields = [["处罚内容", f"罚款{100 * (1 + n % 50)}元"], ["违法事实", fact]]
        parts = [title, party, number, *(v for _k, v in fields), text]
        tokens = _index_text(parts, rules.index_text, segment_tokens)
        if n < 1000:  # the memoised tokens are exactly the index's own
            assert tokens == rules.index_text(parts), parts
        yield (
            (
                n + 1,
                f"bench-{n}",
                code,
                label,
                stage,
                unit,
                title,
                party,
                number,
                today,
                start + step * n,
                today + datetime.timedelta(days=365 + n % 700),
                fields,
                text,
            ),
            tokens,
        )


def load(entries: int, seed: int) -> None:
    """Runs in a child process whose environment points at the bench database."""
    import django

    django.setup()
    from django.db import connection, transaction
    from django.utils import timezone

    from sanxiang.org.models import Authority

    province = Authority.objects.add_root(
        create_kwargs={"name": "国家税务总局陕西省税务局", "code": "B0", "level": "provincial"}
    )
    city = Authority.objects.add_child(
        province, create_kwargs={"name": "国家税务总局宝鸡市税务局", "code": "B01", "level": "municipal"}
    )
    districts = [
        Authority.objects.add_child(
            city,
            create_kwargs={
                "name": f"国家税务总局宝鸡市{place}区税务局",
                "code": f"B01{i:02d}",
                "level": "county",
            },
        )
        for i, place in enumerate(PLACES)
    ]
    units = [unit.pk for unit in (city, *districts)]
    began = time.perf_counter()
    if connection.vendor == "postgresql":
        _load_postgresql(entries, seed, units, began)
        return
    import json

    from sanxiang.portal import search

    # Plain executemany without the FTS triggers; the FTS index is rebuilt once at the end.
    ops = connection.ops
    now = ops.adapt_datetimefield_value(timezone.now())
    entry_sql = (
        f"INSERT INTO portal_publicentry ({ENTRY_COLUMNS}) "
        f"VALUES ({', '.join(['%s'] * len(ENTRY_COLUMNS.split(',')))})"
    )
    with connection.cursor() as cursor:
        for statement in search.SQLITE_TEARDOWN[:3]:  # the triggers, not the table
            cursor.execute(statement)
    batch = 20_000
    rows_iter = _rows(entries, entries, seed, units)
    for offset in range(0, entries, batch):
        rows, docs = [], []
        for (
            pk,
            key,
            code,
            label,
            stage,
            unit,
            title,
            party,
            number,
            decided,
            published,
            until,
            fields,
            text,
        ), (tokens) in (next(rows_iter) for _ in range(min(batch, entries - offset))):
            rows.append(
                (
                    pk,
                    key,
                    1,
                    code,
                    label,
                    stage,
                    unit,
                    title,
                    party,
                    number,
                    ops.adapt_datefield_value(decided),
                    ops.adapt_datetimefield_value(published),
                    ops.adapt_datefield_value(until),
                    json.dumps(fields, ensure_ascii=False),
                    text,
                    "live",
                    "",
                    "",
                    now,
                )
            )
            docs.append((pk, tokens))
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(entry_sql, rows)
            cursor.executemany("INSERT INTO portal_searchdocument (entry_id, tokens) VALUES (%s, %s)", docs)
        done = offset + len(rows)
        if done % 100_000 == 0 or done == entries:
            rate = done / (time.perf_counter() - began)
            print(f"  loaded {done:,} entries ({rate:,.0f}/s)", flush=True)
    with connection.cursor() as cursor:
        for statement in search.SQLITE_SETUP:
            cursor.execute(statement)
        cursor.execute("INSERT INTO portal_search_fts(portal_search_fts) VALUES ('rebuild')")
        cursor.execute("INSERT INTO portal_search_fts(portal_search_fts) VALUES ('optimize')")
        cursor.execute("ANALYZE")
    print(f"  index ready after {time.perf_counter() - began:,.0f} s", flush=True)


ENTRY_COLUMNS = (
    "id, source_key, version, category_code, category_label, stage, authority_id, title, party_name, "
    "document_number, decided_on, published_at, display_until, fields, text, status, withdrawal_reason, "
    "salt, updated_at"
)


def _load_postgresql(entries: int, seed: int, units: list[int], began: float) -> None:
    """COPY the first ``DISTINCT`` entries (generated here), then copy them in SQL with new ids,
    keys, serial numbers and publication times up to ``entries``: no Python per row beyond the
    first million. The GIN index is built once at the end."""
    import json

    from django.db import connection, transaction
    from django.utils import timezone

    distinct = min(entries, DISTINCT)
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit = off")
        cursor.execute("SET maintenance_work_mem = '1GB'")
        raw = cursor.cursor
        batch = 100_000
        rows_iter = _rows(entries, distinct, seed, units)
        for offset in range(0, distinct, batch):
            chunk = [next(rows_iter) for _ in range(min(batch, distinct - offset))]
            with transaction.atomic():
                with raw.copy(f"COPY portal_publicentry ({ENTRY_COLUMNS}) FROM STDIN") as copy:
                    for (
                        pk,
                        key,
                        code,
                        label,
                        stage,
                        unit,
                        title,
                        party,
                        number,
                        decided,
                        published,
                        until,
                        fields,
                        text,
                    ), _tokens in chunk:
                        copy.write_row(
                            (
                                pk,
                                key,
                                1,
                                code,
                                label,
                                stage,
                                unit,
                                title,
                                party,
                                number,
                                decided,
                                published,
                                until,
                                json.dumps(fields, ensure_ascii=False),
                                text,
                                "live",
                                "",
                                "",
                                now,
                            )
                        )
                with raw.copy("COPY portal_searchdocument (entry_id, tokens) FROM STDIN") as copy:
                    for row, tokens in chunk:
                        copy.write_row((row[0], tokens))
            done = offset + len(chunk)
            rate = done / (time.perf_counter() - began)
            print(f"  copied {done:,} entries ({rate:,.0f}/s)", flush=True)
    _grow_postgresql(entries, began)


def grow(entries: int) -> None:
    """Child process: copy the entries of a database made from a loaded one (``--grow-from``) in
    SQL up to ``entries``, then rebuild the GIN index."""
    import django

    django.setup()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS portal_search_vector_gin")
    _grow_postgresql(entries, time.perf_counter())


def _grow_postgresql(entries: int, began: float) -> None:
    from django.db import connection, transaction
    from django.utils import timezone

    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit = off")
        cursor.execute("SET maintenance_work_mem = '1GB'")
        cursor.execute("SELECT coalesce(max(id), 0) FROM portal_publicentry")
        (distinct,) = cursor.fetchone()
        start = timezone.now() - datetime.timedelta(days=3 * 365)
        step = datetime.timedelta(days=3 * 365) / entries
        for base in range(distinct, entries, max(1, distinct)):
            size = min(distinct, entries - base)
            with transaction.atomic():
                cursor.execute(
                    f"""INSERT INTO portal_publicentry ({ENTRY_COLUMNS})
                    SELECT id + %(base)s, 'bench-' || (id - 1 + %(base)s), version, category_code,
                        category_label, stage, authority_id, title, party_name,
                        regexp_replace(document_number, '〕[0-9]+号$', '〕' || (id - 1 + %(base)s) || '号'),
                        decided_on, %(start)s::timestamptz + (id - 1 + %(base)s) * %(step)s::interval,
                        display_until, fields, text, status, withdrawal_reason, salt, updated_at
                    FROM portal_publicentry WHERE id <= %(size)s""",
                    {"base": base, "size": size, "start": start, "step": step},
                )
                cursor.execute(
                    r"""INSERT INTO portal_searchdocument (entry_id, tokens)
                    SELECT entry_id + %(base)s,
                        regexp_replace(tokens, ' 罚 ([0-9]+) [0-9]+ 号', ' 罚 \1 ' || (entry_id - 1 + %(base)s) || ' 号')
                    FROM portal_searchdocument WHERE entry_id <= %(size)s""",
                    {"base": base, "size": size},
                )
            done = base + size
            rate = done / (time.perf_counter() - began)
            print(f"  copied {done:,} entries in SQL ({rate:,.0f}/s)", flush=True)
        cursor.execute("SELECT setval(pg_get_serial_sequence('portal_publicentry', 'id'), %s)", [entries])
        print(f"  building the GIN index after {time.perf_counter() - began:,.0f} s", flush=True)
        cursor.execute(
            "CREATE INDEX IF NOT EXISTS portal_search_vector_gin ON portal_searchdocument USING gin (vector)"
        )
        cursor.execute("VACUUM ANALYZE")
    print(f"  index ready after {time.perf_counter() - began:,.0f} s", flush=True)


def _drop_gin(env: dict[str, str]) -> None:
    code = (
        "import django; django.setup()\n"
        "from django.db import connection\n"
        "if connection.vendor == 'postgresql':\n"
        "    connection.cursor().execute('DROP INDEX IF EXISTS portal_search_vector_gin')\n"
    )
    subprocess.run([str(VENV / "python"), "-c", code], env=env, check=True)


class Client:
    def __init__(self, port: int) -> None:
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def get(self, path: str) -> float:
        began = time.perf_counter()
        try:
            # A session cookie bypasses the portal's page cache: this measures the search itself.
            self.connection.request("GET", path, headers={"Cookie": "sessionid=bench-no-such-session"})
            response = self.connection.getresponse()
            response.read()
        except (http.client.HTTPException, OSError):
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            raise
        if response.status != 200:
            raise RuntimeError(f"{path}: HTTP {response.status}")
        return (time.perf_counter() - began) * 1000


def _paths(rng: random.Random, authority_ids: list[int]) -> str:
    params: dict[str, str] = {"q": rng.choice(QUERIES)}
    roll = rng.random()
    if roll < 0.2:
        params["category"] = rng.choice(CATEGORIES)[0]
    elif roll < 0.35:
        params["authority"] = str(rng.choice(authority_ids))
    elif roll < 0.45:
        params["page"] = str(rng.randint(2, 10))
    return "/search/?" + urllib.parse.urlencode(params)


def _report(label: str, samples: list[float], seconds: float) -> None:
    samples = sorted(samples)
    if not samples:
        print(f"{label}: no samples")
        return
    q = statistics.quantiles(samples, n=100)
    print(
        f"{label}: {len(samples)} requests in {seconds:.0f} s ({len(samples) / seconds:.1f}/s) "
        f"p50 {q[49]:.1f} ms, p95 {q[94]:.1f} ms, p99 {q[98]:.1f} ms, max {samples[-1]:.1f} ms"
    )


def measure(port: int, duration: float, authority_ids: list[int]) -> None:
    rng = random.Random(7)
    warm = Client(port)
    for query in QUERIES:
        warm.get("/search/?" + urllib.parse.urlencode({"q": query}))
    # One client, back to back.
    client = Client(port)
    samples: list[float] = []
    began = time.perf_counter()
    while time.perf_counter() - began < duration:
        samples.append(client.get(_paths(rng, authority_ids)))
    _report("1 client, back to back", samples, time.perf_counter() - began)
    # 20 clients, 1 s think time each.
    results: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.perf_counter() + duration

    def user(seed: int) -> None:
        local = random.Random(seed)
        me = Client(port)
        time.sleep(local.random())
        while time.perf_counter() < stop:
            try:
                elapsed = me.get(_paths(local, authority_ids))
            except Exception as exc:  # noqa: BLE001 - reported, not raised, in a load generator
                with lock:
                    errors.append(str(exc))
                continue
            with lock:
                results.append(elapsed)
            time.sleep(1.0)

    threads = [threading.Thread(target=user, args=(n,)) for n in range(20)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    _report("20 clients, 1 s think time", results, time.perf_counter() - began)
    if errors:
        print(f"  {len(errors)} errors, first: {errors[0]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL bench database")
    parser.add_argument("--load-only", action="store_true")
    parser.add_argument(
        "--pg-database", default="bench_portal_search", help="name of the PostgreSQL bench database"
    )
    parser.add_argument(
        "--reuse",
        default="",
        help="reuse a loaded database (SQLite: its var dir; PostgreSQL: --pg-database) instead of loading",
    )
    parser.add_argument(
        "--grow-from",
        default="",
        help="PostgreSQL: make --pg-database a copy of this loaded bench database and grow it in SQL to --entries",
    )
    parser.add_argument("--_child-load", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--_child-grow", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._child_load:
        load(args._child_load, seed=1)
        return
    if args._child_grow:
        grow(args._child_grow)
        return

    server_url = os.environ.get("DATABASE_URL", "")
    tmp = (
        Path(args.reuse) if args.reuse and not server_url else Path(tempfile.mkdtemp(prefix="bench-portal-"))
    )
    database_url = ""
    name = args.pg_database
    if server_url:
        parsed = urllib.parse.urlparse(server_url)
        database_url = parsed._replace(path=f"/{name}").geturl()
    if server_url and not args.reuse:
        admin = _env(tmp, server_url)
        code = (
            "import django; django.setup()\n"
            "from django.db import connection\n"
            "connection.ensure_connection(); connection.connection.autocommit = True\n"
            "c = connection.connection.cursor()\n"
            f"c.execute('DROP DATABASE IF EXISTS {name}')\n"
            f"c.execute('CREATE DATABASE {name}{' TEMPLATE ' + args.grow_from if args.grow_from else ''}')\n"
        )
        subprocess.run([str(VENV / "python"), "-c", code], env=admin, check=True)
    env = _env(tmp, database_url)
    vendor = "PostgreSQL" if database_url else "SQLite"
    print(f"{vendor}: migrating a fresh database under {tmp}", flush=True)
    subprocess.run(
        [str(VENV / "sanxiang"), "migrate", "-v", "0"], env=env, check=True, stderr=subprocess.DEVNULL
    )
    if args.grow_from and not args.reuse:
        print(f"{vendor}: growing a copy of {args.grow_from} to {args.entries:,} entries", flush=True)
        began = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--_child-grow", str(args.entries)], env=env, check=True)
        print(f"{vendor}: growth took {time.perf_counter() - began:,.0f} s", flush=True)
    elif not args.reuse:
        _drop_gin(env)
        print(f"{vendor}: loading {args.entries:,} published entries", flush=True)
        began = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--_child-load", str(args.entries)], env=env, check=True)
        print(f"{vendor}: load took {time.perf_counter() - began:,.0f} s", flush=True)
    if args.load_only:
        return
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
            "--preload",
        ],
        env=env,
    )
    try:
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.2)
        code = "import django; django.setup()\nfrom sanxiang.org.models import Authority\nprint(' '.join(str(p) for p in Authority.objects.values_list('pk', flat=True)))"
        ids = subprocess.run(
            [str(VENV / "python"), "-c", code], env=env, check=True, capture_output=True, text=True
        )
        authority_ids = [int(x) for x in ids.stdout.split()]
        print(f"{vendor}: search page over {args.entries:,} entries, gunicorn 2 workers on 127.0.0.1:{port}")
        measure(port, args.duration, authority_ids)
    finally:
        server.terminate()
        server.wait(timeout=30)
        if database_url and not args.keep and not args.reuse:
            code = (
                "import django; django.setup()\n"
                "from django.db import connection\n"
                "connection.ensure_connection(); connection.connection.autocommit = True\n"
                f"connection.connection.cursor().execute('DROP DATABASE IF EXISTS {name}')\n"
            )
            subprocess.run([str(VENV / "python"), "-c", code], env=_env(tmp, server_url), check=False)


if __name__ == "__main__":
    main()
