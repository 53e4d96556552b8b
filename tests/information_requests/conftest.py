"""Personas of the disclosure-request module on the shared organisation fixture."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest

from sanxiang.information_requests import services
from sanxiang.information_requests.models import InformationRequest
from sanxiang.org.models import Department, User
from tests import factories

TODAY = datetime.date(2025, 3, 3)  # a Monday


@dataclass
class Office:
    org: object
    officer: User  # 政务公开专员 of the city bureau
    head: User  # 政务公开办公室负责人
    legal: User
    holder_dept: Department  # the department holding the information
    holder: User  # a member of it
    outsider: User  # 政务公开专员 of a sibling district


@pytest.fixture
def office(org) -> Office:
    holder_dept = Department.objects.create(authority=org.city, name="纳税服务处")
    return Office(
        org=org,
        officer=factories.user(org.city, org.city_office, roles=["open_government_officer"], scope="unit"),
        head=factories.user(
            org.city, org.city_office, roles=["open_government_head", "open_government_officer"], scope="unit"
        ),
        legal=factories.user(org.city, org.city_legal, roles=["legal_reviewer"], scope="unit"),
        holder_dept=holder_dept,
        holder=factories.user(org.city, holder_dept, roles=[], scope="department"),
        outsider=factories.user(org.district_b, org.b_legal, roles=["open_government_officer"], scope="unit"),
    )


APPLICANT = {
    "applicant_type": "natural_person",
    "applicant_name": "王小明",
    "id_type": "resident_id",
    "id_number": "11010519491231002X",
    "phone": "13912345678",
    "email": "wangxm@example.com",
    "address": "陕西省宝鸡市金台区东风路1号",
    "description": "2024年度本局行政处罚案件数量统计",
    "information_form": "electronic",
    "delivery_method": "online",
}


def counter_request(office: Office, *, on: datetime.date = TODAY, **overrides) -> InformationRequest:
    request, _token = services.request_create_by_staff(
        actor=office.officer,
        authority=office.org.city,
        channel="in_person",
        data={**APPLICANT, **overrides},
        submitted_on=on,
        today=on,
    )
    return request


def approved_request(
    office: Office, *, reply_type: str = "disclosed", on: datetime.date = TODAY, **reply
) -> InformationRequest:
    request = counter_request(office, on=on)
    services.request_register(actor=office.officer, request=request, today=on)
    services.request_assign(actor=office.officer, request=request, department=office.holder_dept)
    services.reply_draft(actor=office.officer, request=request, reply_type=reply_type, **reply)
    services.reply_approve(actor=office.head, request=request)
    return request
