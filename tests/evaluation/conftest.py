from __future__ import annotations

import datetime

import pytest

from sanxiang.evaluation.services import library_install_default
from tests import factories


@pytest.fixture
def library(db):
    """Version 1 of the indicator library (the migration's rows are gone after a flush)."""
    return library_install_default()


@pytest.fixture
def legal(org):
    return factories.user(
        org.city, org.city_legal, roles=["legal_reviewer"], scope="unit_and_below", username="eval_legal"
    )


@pytest.fixture
def leader(org):
    return factories.user(
        org.city, org.city_office, roles=["leader"], scope="unit_and_below", username="eval_leader"
    )


NOVEMBER = datetime.date(2026, 11, 1)
