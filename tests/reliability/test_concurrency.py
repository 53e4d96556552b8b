"""A long import while 20 clients log in and write: no request fails (SQLite in WAL mode with a
busy timeout and IMMEDIATE transactions; PostgreSQL when the tests run on it).

The import is a background job run by ``sanxiang worker``: the importer submits it and polls its
page until it ends. The test prints what each poll showed and how long it took; it asserts no
figure of it, as a poll waits behind the clients' logins (tests/browser/test_jobs.py asserts the
bar part-way)."""

from __future__ import annotations

import datetime
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.urls import reverse

from sanxiang.org.demo import DEMO_USERS
from tests.reliability import server

ROWS = 5_000
CLIENTS = 20


def _csv(rows: int) -> bytes:
    day = (datetime.date.today() - datetime.timedelta(days=20)).isoformat()
    lines = ["当事人名称,统一社会信用代码,法定代表人,决定书文号,决定日期,违法事实,罚款金额"]
    lines += [
        f"并发测试商贸{i}号店,,,宝金税稽罚〔2026〕C{i}号,{day},未按期申报,{100 + i % 900}"
        for i in range(rows)
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


@pytest.fixture(scope="module")
def demo_env(tmp_path_factory, django_db_blocker):
    with django_db_blocker.unblock():
        return server.prepare(tmp_path_factory.mktemp("concurrency"), "conc")


def test_a_long_import_and_20_clients_logging_in_and_writing_see_no_error(demo_env):
    login_path = reverse("core:login")
    users = [u[0] for u in DEMO_USERS][:CLIENTS]
    errors: list[str] = []
    done = threading.Event()
    counts = {"logins": 0, "writes": 0}
    lock = threading.Lock()

    with server.gunicorn(demo_env, workers=3, threads=4) as srv, server.worker(demo_env):
        importer = server.login(srv.url, "jt_officer", login_path)
        page = importer.get(f"{srv.url}{reverse('publicity:entry_import')}", timeout=60).text
        authority = re.search(r'name="authority"[^>]*>.*?<option value="(\d+)" selected', page, re.S)
        assert authority, "no default authority on the import page"

        seen: list[tuple[float, int | None]] = []  # (seconds the poll took, percent shown)

        def run_import() -> str:
            try:
                response = server.post(
                    importer,
                    srv.url,
                    reverse("publicity:entry_import"),
                    data={"item": "penalty_decision", "authority": authority.group(1)},
                    files={"file": ("concurrency.csv", _csv(ROWS), "text/csv")},
                    timeout=600,
                    allow_redirects=False,
                )
                if response.status_code != 302:
                    return f"{response.status_code} no job"
                job_url = f"{srv.url}{response.headers['Location']}"
                deadline = time.monotonic() + 600
                while time.monotonic() < deadline:
                    started = time.monotonic()
                    page = importer.get(job_url, headers={"HX-Request": "true"}, timeout=120)
                    if page.status_code != 200:
                        return f"{page.status_code} polling"
                    percent = re.search(r'<progress max="100" value="(\d+)"', page.text)
                    seen.append(
                        (round(time.monotonic() - started, 1), int(percent.group(1)) if percent else None)
                    )
                    if "hx-trigger" not in page.text:  # finished: the page stops polling
                        return f"{page.status_code} {f'导入 {ROWS} 条' in page.text}"
                    time.sleep(0.5)
                return "timeout"
            finally:
                done.set()

        def client(username: str) -> None:
            rounds = 0
            while not done.is_set() or rounds == 0:
                rounds += 1
                try:
                    session = server.login(srv.url, username, login_path)
                    with lock:
                        counts["logins"] += 1
                    upload = session.get(f"{srv.url}{reverse('files:upload')}", timeout=120).text
                    option = re.search(r'<option value="(\d+)"[^>]*selected', upload)
                    if option is None:
                        errors.append(f"{username}: no authority option")
                        return
                    response = server.post(
                        session,
                        srv.url,
                        reverse("files:upload"),
                        data={"authority": option.group(1)},
                        files={
                            "file": (
                                f"{username}-{rounds}.txt",
                                f"{username} {rounds}".encode(),
                                "text/plain",
                            )
                        },
                        timeout=120,
                        allow_redirects=False,
                    )
                    if response.status_code != 302:
                        errors.append(f"{username} write: {response.status_code}")
                    else:
                        with lock:
                            counts["writes"] += 1
                except Exception as exc:  # a dropped connection or a login refused is an error too
                    errors.append(f"{username}: {exc}")
                time.sleep(0.05)

        with ThreadPoolExecutor(max_workers=CLIENTS + 1) as pool:
            result = pool.submit(run_import)
            time.sleep(0.5)  # the import is under way
            futures = [pool.submit(client, name) for name in users]
            outcome = result.result()
            for future in futures:
                future.result()
        stderr_tail = ""
    print(
        f"\nimport {ROWS} rows: {outcome}; {CLIENTS} clients: {counts}; errors: {len(errors)};"
        f" polls (seconds, percent): {seen}"
    )
    assert errors == [], errors[:5]
    assert outcome == "200 True", (outcome, stderr_tail)
    assert counts["logins"] >= CLIENTS and counts["writes"] >= CLIENTS
