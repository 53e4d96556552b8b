"""Crash safety: a 10,000-row import and a large upload killed with SIGKILL leave everything or
nothing, and the next start leaves no stray file."""

from __future__ import annotations

import datetime
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from django.urls import reverse

from tests.reliability import server

ROWS = 10_000


def _csv(rows: int) -> bytes:
    day = (datetime.date.today() - datetime.timedelta(days=20)).isoformat()
    lines = ["当事人名称,统一社会信用代码,法定代表人,决定书文号,决定日期,违法事实,罚款金额"]
    lines += [
        f"断电测试商贸{i}号店,,,宝金税稽罚〔2026〕K{i}号,{day},未按期申报,{100 + i % 900}"
        for i in range(rows)
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


IMPORT = """
import io, sys
from sanxiang.org.models import User
from sanxiang.publicity.imports import entries_import
from sanxiang.publicity.models import Item
officer = User.objects.get(username="jt_officer")
data = open(sys.argv[1], "rb").read()
print("started", flush=True)
report = entries_import(actor=officer, item=Item.objects.get(code="penalty_decision"),
                        authority=officer.authority, stream=io.BytesIO(data), file_name="kill.csv")
print("done", len(report.created), report.errors[:1], flush=True)
"""

STATE = """
import json
from pathlib import Path
from django.conf import settings
from sanxiang.publicity.models import Entry
from sanxiang.files.models import StoredFile
from sanxiang.audit.verification import verify_chain
from sanxiang.files.selectors import file_orphan_list
spool = Path(settings.SANXIANG_SPOOL_DIR)
root = Path(settings.SANXIANG_FILE_ROOT)
print(json.dumps({
    "entries": Entry.objects.filter(document_number__contains="K").count(),
    "stored": StoredFile.objects.count(),
    "audit_ok": verify_chain().ok,
    "spool_files": sorted(str(p) for p in spool.rglob("*") if p.is_file()),
    "store_tmp": sorted(str(p) for p in (root / "tmp").glob("*")) if (root / "tmp").exists() else [],
    "orphans": list(file_orphan_list()),
}))
"""


@pytest.fixture(scope="module")
def demo_env(tmp_path_factory, django_db_blocker):
    with django_db_blocker.unblock():
        return server.prepare(tmp_path_factory.mktemp("kill"), "kill")


def _state(env) -> dict:
    import json

    return json.loads(server.django_eval(env, STATE).splitlines()[-1])


def test_a_killed_import_leaves_everything_or_nothing(demo_env, tmp_path):
    source = tmp_path / "kill.csv"
    source.write_bytes(_csv(ROWS))
    script = "import django; django.setup()\n" + IMPORT
    process = subprocess.Popen(
        [sys.executable, "-c", script, str(source)],
        env={**demo_env, "DJANGO_SETTINGS_MODULE": "sanxiang.settings"},
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline().strip() == "started"
    time.sleep(2.0)  # well inside the import of 10,000 rows
    finished_first = process.poll() is not None
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    state = _state(demo_env)
    print(f"\nkilled import: finished before the kill: {finished_first}; state: {state}")
    assert state["entries"] in (0, ROWS)
    assert state["audit_ok"]
    assert not finished_first, "the import finished before the kill: the test proved nothing"
    assert state["entries"] == 0
    # nor a process: the import's forked masking helper dies with it (it used to wait for ever)
    deadline = time.monotonic() + 10
    while (left := _processes_with(str(source))) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert left == []


def _processes_with(marker: str) -> list[int]:
    """The live processes (not zombies) whose command line holds ``marker``."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().decode(errors="replace")
            state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue  # it ended meanwhile
        if marker in cmdline and state != "Z":
            found.append(int(proc.name))
    return found


def _multipart(boundary: str, fields: dict[str, str], name: str, size: int, sent: list[int]):
    for key, value in fields.items():
        yield (f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n').encode()
    yield (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    chunk = b"\0" * (1024 * 1024)
    for _ in range(size // len(chunk)):
        sent[0] += len(chunk)
        yield chunk
        time.sleep(0.01)
    yield f"\r\n--{boundary}--\r\n".encode()


def test_a_killed_upload_leaves_nothing_after_the_next_start(demo_env):
    login_path = reverse("core:login")
    spool = Path(demo_env["SANXIANG_VAR_DIR"]) / "spool"
    # A 400 MB attachment is allowed here, so the body is read (and spooled) until the kill; under
    # the default 100 MB limit it would be refused from its Content-Length without being read.
    env = {**demo_env, "SANXIANG_ATTACHMENT_MAX_MB": "1024", "SANXIANG_UPLOAD_MAX_MB": "1024"}
    with server.gunicorn(env, workers=1, threads=2) as srv:
        session = server.login(srv.url, "jt_officer", login_path)
        page = session.get(f"{srv.url}{reverse('files:upload')}", timeout=60).text
        import re

        authority = re.search(r'<option value="(\d+)"[^>]*selected', page).group(1)
        boundary = uuid.uuid4().hex
        sent = [0]
        size = 400 * 1024 * 1024
        fields = {"csrfmiddlewaretoken": session.cookies.get("csrftoken", ""), "authority": authority}
        head = b"".join(list(_multipart(boundary, fields, "大文件.bin", 0, [0]))[:-1])
        tail = f"\r\n--{boundary}--\r\n".encode()
        total = len(head) + size + len(tail)

        def send() -> None:
            import http.client
            from urllib.parse import urlsplit

            parts = urlsplit(srv.url)
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=300)
            try:
                conn.putrequest("POST", reverse("files:upload"))
                conn.putheader("Content-Type", f"multipart/form-data; boundary={boundary}")
                conn.putheader("Content-Length", str(total))
                conn.putheader("Referer", f"{srv.url}{reverse('files:upload')}")
                conn.putheader("Cookie", "; ".join(f"{k}={v}" for k, v in session.cookies.items()))
                conn.endheaders()
                conn.send(head)
                chunk = b"\0" * (1024 * 1024)
                for _ in range(size // len(chunk)):
                    conn.send(chunk)
                    sent[0] += len(chunk)
                    time.sleep(0.01)
                conn.send(tail)
                conn.getresponse()
            except Exception:  # the server is killed under it
                pass
            finally:
                conn.close()

        thread = threading.Thread(target=send, daemon=True)
        thread.start()
        deadline = time.monotonic() + 120
        while sent[0] < 60 * 1024 * 1024 and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1.0)
        spooled = [p for p in spool.rglob("*") if p.is_file()]
        server.kill_group(srv.process)
        thread.join(timeout=30)
    assert spooled, "the upload was not being spooled under the data directory when killed"
    assert all(str(p).startswith(str(spool)) for p in spooled)
    before_restart = _state(demo_env)  # this process's start cleans the spool
    with server.gunicorn(demo_env, workers=1, threads=2):
        after = _state(demo_env)
    print(
        f"\nkilled upload: spooled {len(spooled)} file(s), {sent[0] // 1048576} MB sent; after restart: {after}"
    )
    assert before_restart["spool_files"] == [] and after["spool_files"] == []
    assert after["stored"] == 0 and after["orphans"] == [] and after["store_tmp"] == []
    assert not any(Path(p).exists() for p in map(str, spooled))
    assert os.environ.get("SANXIANG_VAR_DIR") != demo_env["SANXIANG_VAR_DIR"]
