from __future__ import annotations

import pytest

from sanxiang.enforcement import selectors
from sanxiang.enforcement.choices import TaxpayerKind
from tests import factories as org_factories
from tests.enforcement import factories
from tests.files.factories import stored_file

pytestmark = pytest.mark.django_db


def test_it_lists_only_taxpayers_in_scope(officer, parent_bureau_officer, company_a, company_b):
    assert list(selectors.taxpayer_list(actor=officer)) == [company_a]
    assert set(selectors.taxpayer_list(actor=parent_bureau_officer)) == {company_a, company_b}


def test_it_shows_a_department_scoped_officer_only_their_departments_acts(org, company_a):
    own = factories.act(company_a, department=org.a_collection)
    factories.act(company_a, department=org.a_legal)
    clerk = org_factories.user(
        org.district_a, org.a_collection, roles=["enforcement_officer"], scope="department"
    )
    assert list(selectors.act_list(actor=clerk)) == [own]


def test_it_searches_id_numbers_only_in_full(officer, org):
    person = factories.taxpayer(org.district_a, kind=TaxpayerKind.NATURAL_PERSON)
    assert list(selectors.taxpayer_list(actor=officer, q=person.id_number)) == [person]
    assert list(selectors.taxpayer_list(actor=officer, q=person.id_number[:10])) == []
    assert list(selectors.taxpayer_list(actor=officer, q="张三")) == [person]


def test_it_builds_the_per_taxpayer_archive_within_scope(officer, parent_bureau_officer, org, company_a):
    act_a = factories.act(company_a, department=org.a_collection)
    decision = factories.decision(act_a)
    file_on_act = stored_file(officer, owner=act_a)
    file_on_decision = stored_file(officer, owner=decision)
    stored_file(officer)  # unattached: not part of the archive

    archive = selectors.taxpayer_archive(actor=officer, taxpayer=company_a)
    assert archive.acts == [act_a]
    assert archive.decisions == [decision]
    assert {f.pk for f in archive.files} == {file_on_act.pk, file_on_decision.pk}

    city = selectors.taxpayer_archive(actor=parent_bureau_officer, taxpayer=company_a)
    assert city.acts == [act_a]


def test_it_builds_the_per_person_archive(officer, org):
    person = factories.taxpayer(org.district_a, kind=TaxpayerKind.NATURAL_PERSON)
    company = factories.taxpayer(org.district_a, legal_representative_person=person)
    archive = selectors.taxpayer_archive(actor=officer, taxpayer=person)
    assert archive.represented == [company]


def test_it_lists_acts_in_a_bounded_number_of_queries(officer, org, company_a, django_assert_max_num_queries):
    for _ in range(5):
        factories.act(company_a, department=org.a_collection)
    officer.role_codes()
    with django_assert_max_num_queries(2):
        rows = [
            (a.taxpayer.name, a.authority.name, a.department.name) for a in selectors.act_list(actor=officer)
        ]
    assert len(rows) == 5
