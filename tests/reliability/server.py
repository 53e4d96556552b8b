"""A real server for the reliability tests: a fresh database (a SQLite file, or a PostgreSQL
database of its own next to the test run's), migrated and loaded with the demo organisation, served
by gunicorn in a subprocess; and a browser-like client (session cookie, CSRF)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests
from django.conf import settings

BIN = Path(sys.executable).parent
PASSWORD = "Sanxiang-2026"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_env(var_dir: Path, suffix: str) -> dict[str, str]:
    """Environment for a subprocess: its own var dir and database (PostgreSQL when the tests run on it)."""
    env = {**os.environ, "SANXIANG_VAR_DIR": str(var_dir), "LOG_LEVEL": "ERROR"}
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("postgresql"):
        import psycopg

        base = os.environ.get("DATABASE_URL", "")
        name = f"{db['NAME']}_{suffix}".replace("test_", "")[:60]
        admin = re.sub(r"/[^/]*$", "/postgres", base)
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        env["DATABASE_URL"] = re.sub(r"/[^/]*$", f"/{name}", base)
    else:
        env.pop("DATABASE_URL", None)
    return env


def django_eval(env: dict[str, str], code: str) -> str:
    """Run ``code`` in a fresh process set up with ``env``; its stdout."""
    script = "import django; django.setup()\n" + code
    done = subprocess.run(
        [sys.executable, "-c", script],
        env={**env, "DJANGO_SETTINGS_MODULE": "sanxiang.settings"},
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    return done.stdout.strip()


def manage(env: dict[str, str], *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "sanxiang"), *args], env=env, capture_output=True, text=True, timeout=timeout, check=True
    )


def prepare(var_dir: Path, suffix: str, *, demo: str = "org") -> dict[str, str]:
    var_dir.mkdir(parents=True, exist_ok=True)
    env = database_env(var_dir, suffix)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo", "--only", demo)
    return env


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    env: dict[str, str]


@contextmanager
def gunicorn(
    env: dict[str, str], *, workers: int = 2, threads: int = 4, timeout: int = 120
) -> Iterator[Server]:
    port = _free_port()
    process = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "sanxiang.wsgi",
            f"--workers={workers}",
            f"--threads={threads}",
            f"--bind=127.0.0.1:{port}",
            f"--timeout={timeout}",
            "--log-level=warning",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, so a test can SIGKILL master and workers
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if requests.get(f"{url}/staff/login/", timeout=30).status_code < 500:
                    break
            except (requests.ConnectionError, requests.Timeout):
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    f"gunicorn did not start: {process.stderr.read() if process.stderr else ''}"
                )
            time.sleep(0.3)
        yield Server(url, process, env)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                kill_group(process)


@contextmanager
def worker(env: dict[str, str]) -> Iterator[subprocess.Popen]:
    """``sanxiang worker`` (tasks only, polling every 0.2 s) beside the server: it runs the jobs."""
    process = subprocess.Popen(
        [str(BIN / "sanxiang"), "worker", "--no-schedule", "--interval", "0.2", "--skip-checks"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)  # it finishes the task in hand, then exits
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                kill_group(process)


def kill_group(process: subprocess.Popen) -> None:
    """SIGKILL the process and everything in its group (gunicorn's master and workers)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait(timeout=30)


def login(url: str, username: str, login_path: str) -> requests.Session:
    session = requests.Session()
    session.get(f"{url}{login_path}", timeout=60)
    token = session.cookies.get("csrftoken", "")
    response = session.post(
        f"{url}{login_path}",
        data={"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
        headers={"Referer": f"{url}{login_path}"},
        timeout=60,
        allow_redirects=False,
    )
    if response.status_code != 302:
        raise AssertionError(f"login of {username}: {response.status_code}")
    return session


def post(session: requests.Session, url: str, path: str, **kwargs) -> requests.Response:
    token = session.cookies.get("csrftoken", "")
    data = {"csrfmiddlewaretoken": token, **kwargs.pop("data", {})}
    return session.post(f"{url}{path}", data=data, headers={"Referer": f"{url}{path}"}, **kwargs)
