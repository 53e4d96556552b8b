"""Source-system tokens: issued once, stored hashed, bound to the service user's scope; the schema documents them."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from sanxiang.api.models import SourceToken
from sanxiang.api.services import source_token_revoke
from tests import factories
from tests.enforcement import factories as ef

pytestmark = pytest.mark.django_db


@pytest.fixture
def service_user(org):
    return factories.user(
        org.district_a,
        org.a_collection,
        roles=["enforcement_officer"],
        scope="unit",
        username="jinsan-jintai",
    )


def issue(service_user) -> str:
    out = io.StringIO()
    call_command(
        "create_source_token", name="金税三期", user=service_user.username, stdout=out, stderr=io.StringIO()
    )
    return out.getvalue().strip()


def test_it_stores_only_a_digest_of_the_key(service_user):
    key = issue(service_user)
    token = SourceToken.objects.get()
    assert key not in (token.key_digest, token.prefix) and token.prefix == key[:8]
    assert len(token.key_digest) == 64


def test_it_authenticates_with_the_token_inside_the_service_users_scope(client, org, service_user):
    key = issue(service_user)
    own = ef.act(ef.taxpayer(org.district_a, department=org.a_collection), department=org.a_collection)
    other = ef.act(ef.taxpayer(org.district_b, department=org.b_collection), department=org.b_collection)
    auth = {"HTTP_AUTHORIZATION": f"Token {key}"}
    assert client.get(reverse("api:enforcement:act-detail", args=[own.pk]), **auth).status_code == 200
    response = client.get(reverse("api:enforcement:act-detail", args=[other.pk]), **auth)
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_it_refuses_wrong_expired_and_revoked_tokens(client, service_user):
    url = reverse("api:enforcement:act-list")
    assert client.get(url, HTTP_AUTHORIZATION="Token not-a-real-key").status_code == 401
    key = issue(service_user)
    token = SourceToken.objects.get()
    token.expires_at = timezone.now() - timezone.timedelta(minutes=1)
    token.save()
    assert client.get(url, HTTP_AUTHORIZATION=f"Token {key}").status_code == 401
    token.expires_at = None
    token.save()
    assert client.get(url, HTTP_AUTHORIZATION=f"Token {key}").status_code == 200
    source_token_revoke(actor=None, token=token)
    assert client.get(url, HTTP_AUTHORIZATION=f"Token {key}").status_code == 401


def test_it_rejects_anonymous_api_calls(client):
    response = client.get(reverse("api:enforcement:act-list"))
    assert response.status_code in (401, 403)
    assert set(response.json()) == {"code", "message", "extra"}


def test_it_documents_the_token_scheme_in_the_openapi_schema(client):
    response = client.get(reverse("api:schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    schema = response.json()
    assert schema["components"]["securitySchemes"]["sourceToken"]["name"] == "Authorization"
    assert any(path.startswith("/api/v1/enforcement/") for path in schema["paths"])


def test_it_serves_the_api_docs_without_a_cdn(client):
    body = client.get(reverse("api:docs")).content.decode()
    assert "cdn" not in body.lower()
    assert "/static/drf_spectacular_sidecar/" in body
