"""The API keeps its contract: bad filters are a 400 in the error shape, never ignored and never a
500; JSON 404s everywhere under /api/; OPTIONS works on the push endpoints; the schema documents
errors, nullable fields and JSON-only bodies. Then Schemathesis against a live server."""

from __future__ import annotations

import re
import subprocess

import pytest
from rest_framework.test import APIClient

from tests import factories
from tests.reliability import server


@pytest.fixture
def api(org):
    user = factories.user(org.district_a, org.a_collection, roles=["enforcement_officer"], scope="unit")
    client = APIClient()
    client.force_authenticate(user)
    return client


BAD_FILTERS = [
    ("/api/v1/enforcement/acts/", "taxpayer", "99999999999999999999"),
    ("/api/v1/enforcement/acts/", "taxpayer", "²"),
    ("/api/v1/enforcement/acts/", "taxpayer", "false"),
    ("/api/v1/enforcement/acts/", "taxpayer", "-3"),
    ("/api/v1/enforcement/acts/", "kind", "no-such-kind"),
    ("/api/v1/enforcement/acts/", "q", "a\x00b"),
    ("/api/v1/enforcement/decisions/", "act", "99999999999999999999"),
    ("/api/v1/enforcement/decisions/", "act", "١٢"),
    ("/api/v1/enforcement/taxpayers/", "kind", "alien"),
    ("/api/v1/supervision/tasks/", "plan", "99999999999999999999"),
    ("/api/v1/supervision/tasks/", "plan", "false"),
    ("/api/v1/review/cases/", "unreviewed", "maybe"),
]


@pytest.mark.parametrize(("path", "name", "value"), BAD_FILTERS)
def test_a_bad_filter_is_a_400_in_the_error_shape(api, path, name, value):
    response = api.get(path, {name: value})
    assert response.status_code in (400, 403), response.status_code  # 403: the role may not list there
    body = response.json()
    assert set(body) == {"code", "message", "extra"}
    if response.status_code == 400:
        assert body["code"] == "invalid" and name in body["extra"]["fields"]


def test_a_good_filter_still_filters(api):
    assert api.get("/api/v1/enforcement/acts/", {"taxpayer": "12"}).status_code == 200
    assert api.get("/api/v1/enforcement/acts/", {"taxpayer": "", "kind": ""}).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/enforcement/acts/abc/",
        "/api/v1/enforcement/taxpayers/1.5/",
        "/api/v1/review/cases/x/submit/",
        "/api/v1/no-such-thing/",
        "/api/whatever",
    ],
)
def test_every_unknown_api_path_is_a_json_404(api, path):
    response = api.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"] == "not_found"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/enforcement/acts/by-source/jinsan/A-1/",
        "/api/v1/publicity/entries/by-source/jinsan/A-1/",
        "/api/v1/enforcement/acts/",
    ],
)
def test_options_never_fails(api, path):
    assert api.options(path).status_code in (200, 403)


def test_the_schema_documents_errors_nullable_fields_and_json_bodies(api, settings):
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    components = schema["components"]["schemas"]
    assert components["MilestoneOutput"]["properties"]["due"].get("nullable") is True
    assert components["CaseOutput"]["properties"]["reviewer"].get("nullable") is True
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert {"400", "401", "403", "404"} <= set(operation["responses"]), (method, path)
            body = operation.get("requestBody", {}).get("content", {})
            forms = {"application/x-www-form-urlencoded", "multipart/form-data"} & set(body)
            if forms:
                # Only the endpoints that take files accept forms, and their bodies are flat.
                file_endpoints = ("progress-reports", "/deliver/", "/publicity/documents/")
                assert any(part in path for part in file_endpoints), (method, path, sorted(body))


@pytest.fixture(scope="module")
def live(tmp_path_factory, django_db_blocker):
    with django_db_blocker.unblock():
        env = server.prepare(tmp_path_factory.mktemp("schemathesis"), "st")
    token = server.manage(env, "create_source_token", "--name", "金税三期", "--user", "jt_officer").stdout
    return env, token.strip().splitlines()[-1]


def test_schemathesis_finds_no_server_error_and_no_contract_violation(live):
    env, token = live
    with server.gunicorn(env, workers=2, threads=2) as srv:
        done = subprocess.run(
            [
                str(server.BIN / "schemathesis"),
                "run",
                f"{srv.url}/api/schema/",
                "-H",
                f"Authorization: Token {token}",
                "--max-examples",
                "8",
                "--checks",
                "not_a_server_error,response_schema_conformance,status_code_conformance",
                "--request-timeout",
                "30",
                "--no-color",
                "--seed",
                "20261206",
            ],
            capture_output=True,
            text=True,
            timeout=1200,
            env=env,
            cwd=env["SANXIANG_VAR_DIR"],  # its cache directory stays out of the repository
        )
    output = done.stdout + done.stderr
    summary = re.search(r"(\d+) generated, (\d+) passed", output)
    print("\n" + (summary.group(0) if summary else output[-2000:]))
    assert done.returncode == 0, output[-4000:]
    assert summary and summary.group(1) == summary.group(2)
