"""The role x endpoint matrix: every URL pattern x every demo login (see ``tests/matrix.py``)."""

from __future__ import annotations

import pytest

from tests.matrix import assert_cases, matrix_modules, org_demo, url_names

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("app", sorted(matrix_modules()))
def test_each_app_grants_exactly_its_table(app):
    assert_cases(matrix_modules()[app], org_demo())


def test_every_url_pattern_has_an_entry():
    demo = org_demo()
    covered = {name for cases in matrix_modules().values() for name, _kwargs, _expected in cases(demo)}
    missing = sorted(set(url_names()) - covered)
    assert not missing, (
        "URL patterns without an access-matrix entry (add them to tests/<app>/access_matrix.py):\n"
        + "\n".join(missing)
    )
    unknown = sorted(covered - set(url_names()))
    assert not unknown, f"access-matrix entries for unknown URL names: {unknown}"
