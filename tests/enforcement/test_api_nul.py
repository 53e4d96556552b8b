"""A NUL character in a looked-up code is a 400: PostgreSQL refuses NUL in any text literal, so the
lookup must never reach the database (Schemathesis found the 500 on PostgreSQL only)."""

import pytest
from rest_framework.test import APIClient

from tests import factories

pytestmark = pytest.mark.django_db


def test_a_nul_character_in_the_authority_code_is_a_400(org):
    user = factories.user(org.district_a, org.a_collection, roles=["enforcement_officer"], scope="unit")
    client = APIClient()
    client.force_authenticate(user)
    response = client.post(
        "/api/v1/enforcement/taxpayers/",
        {"kind": "organisation", "name": "宝鸡测试有限公司", "authority": "161\x0003"},
        format="json",
    )
    assert response.status_code == 400
    assert "authority" in response.json()["extra"]["fields"]
