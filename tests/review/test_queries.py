"""Query-count guards: lists and dashboards cost a fixed number of queries however many cases."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from sanxiang.review import services
from sanxiang.review.todos import review_todos
from tests.enforcement import factories
from tests.review.conftest import ALL_OK, TODAY, make_case

pytestmark = pytest.mark.django_db


def _cases(n, officer, reviewer, org):
    """``n`` cases in several states: approved, in review, submitted, with opinions and officers."""
    for index in range(n):
        taxpayer = factories.taxpayer(org.district_a)
        act = factories.act(taxpayer, department=org.a_collection, officers=[officer])
        case = make_case(officer, act, penalty_amount=Decimal(20000 + index))
        services.case_submit(actor=officer, case=case, today=TODAY)
        if index % 3 == 0:
            continue
        services.case_assign(actor=reviewer, case=case, reviewer=reviewer, today=TODAY)
        if index % 3 == 1:
            services.review_record_opinion(
                actor=reviewer, case=case, opinion="approve", reasons="同意", findings=ALL_OK, today=TODAY
            )


def _count(django_assert_max_num_queries, limit, call):
    with django_assert_max_num_queries(limit) as captured:
        call()
    return len(captured.captured_queries)


@pytest.fixture
def few(officer, reviewer, org):
    _cases(3, officer, reviewer, org)


def _grow(officer, reviewer, org):
    _cases(9, officer, reviewer, org)


def test_it_lists_cases_with_a_fixed_number_of_queries(
    client, officer, reviewer, org, few, django_assert_max_num_queries
):
    client.force_login(reviewer)
    url = reverse("review:case_list")
    client.get(url)  # warm the per-process caches (content types, roles)
    small = _count(django_assert_max_num_queries, 10, lambda: client.get(url))
    _grow(officer, reviewer, org)
    large = _count(django_assert_max_num_queries, 10, lambda: client.get(url))
    assert large == small


def test_it_builds_the_reviewers_todos_with_a_fixed_number_of_queries(
    officer, reviewer, org, few, django_assert_max_num_queries
):
    review_todos(reviewer, TODAY)
    small = _count(django_assert_max_num_queries, 5, lambda: list(review_todos(reviewer, TODAY)))
    _grow(officer, reviewer, org)
    todos = []
    large = _count(django_assert_max_num_queries, 5, lambda: todos.extend(review_todos(reviewer, TODAY)))
    assert large == small
    assert len(todos) == 12 - 4  # everything but the approved cases waits for the reviewer
    assert sum(t.due is not None for t in todos) >= 4  # the clock runs on the cases in review


def test_it_shows_statistics_with_a_fixed_number_of_queries(
    client, officer, reviewer, org, few, parent_bureau_officer, django_assert_max_num_queries
):
    client.force_login(parent_bureau_officer)
    url = reverse("review:statistics") + "?year=2026"
    client.get(url)
    small = _count(django_assert_max_num_queries, 11, lambda: client.get(url))
    _grow(officer, reviewer, org)
    large = _count(django_assert_max_num_queries, 11, lambda: client.get(url))
    assert large == small


def test_it_lists_cases_in_the_api_with_a_fixed_number_of_queries(
    officer, reviewer, org, few, django_assert_max_num_queries
):
    api = APIClient()
    api.force_authenticate(reviewer)
    url = reverse("api:review:case-list")
    api.get(url)
    small = _count(django_assert_max_num_queries, 4, lambda: api.get(url))
    _grow(officer, reviewer, org)
    response = []
    large = _count(django_assert_max_num_queries, 4, lambda: response.append(api.get(url)))
    assert large == small
    assert response[0].json()["count"] == 12
