"""Staff pages of the calendar: who may read, who may enter a year, the calculator."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from sanxiang.holidays.models import CalendarYear, Deadline
from sanxiang.holidays.services import deadline_set

D = datetime.date

LINES_2027 = "\n".join(
    [
        "2027-01-01~2027-01-03 元旦",
        "2027-02-05..2027-02-11 春节",
        "2027-02-14 调休上班",
        "# 国庆",
        "",
        "2027-10-01 至 2027-10-07 国庆节",
        "2027-10-09 调休上班 国庆节",
    ]
)


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


PAGES = [
    ("get", "holidays:index", ()),
    ("get", "holidays:year", (2027,)),
    ("get", "holidays:year_edit", (2027,)),
    ("post", "holidays:year_delete", (2027,)),
    ("post", "holidays:calculate", ()),
]


@pytest.mark.parametrize(("method", "name", "args"), PAGES)
def test_it_redirects_anonymous_visitors_to_login(client, db, method, name, args):
    response = getattr(client, method)(reverse(name, args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("core:login"))


def test_it_lists_years_with_official_administrator_and_provisional_marks(officer_client, admin_user):
    from sanxiang.holidays.services import calendar_year_save

    calendar_year_save(
        actor=admin_user,
        year=2028,
        source="国办发明电〔2027〕9号",
        holidays=[(D(2028, 1, 1), "元旦")],
        adjusted_working_days=[],
    )
    response = officer_client.get(reverse("holidays:index"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("官方数据") >= 8  # 2019 … 2026
    assert "管理员录入" in html
    assert "国办发明电〔2027〕9号" in html
    assert 'class="badge provisional"' in html  # 2027
    assert "暂定（以国务院办公厅通知为准）" in html and " provisional<" not in html
    assert reverse("holidays:year", args=[2027]) in html
    assert reverse("holidays:year_edit", args=[2027]) not in html  # officers read only
    assert 'hx-post="' + reverse("holidays:calculate") + '"' in html


def test_it_shows_an_administrator_the_entry_links(admin_client):
    html = admin_client.get(reverse("holidays:index")).content.decode()
    assert reverse("holidays:year_edit", args=[2027]) in html


def test_it_shows_a_years_month_grid(officer_client):
    response = officer_client.get(reverse("holidays:year", args=[2026]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "国务院办公厅关于2026年部分节假日安排的通知（内置日历数据）" in html
    assert "chinese-calendar" not in html
    assert html.count('class="data month"') == 12
    assert 'class="day adjusted"' in html  # 2026-02-14
    assert html.count('<td class="day holiday"') == 33
    assert "2026-02-17" in html and "春节" in html
    assert "provisional" not in html.split("<main", 1)[1]


def test_it_marks_a_year_without_an_arrangement_provisional(officer_client):
    html = officer_client.get(reverse("holidays:year", args=[2027])).content.decode()
    assert 'class="badge provisional"' in html
    assert "暂按周末推算" in html
    assert "day weekend provisional" in html
    assert reverse("holidays:year_edit", args=[2027]) not in html


@pytest.mark.parametrize("year", [1999, 2101])
def test_it_has_no_page_for_years_out_of_range(officer_client, year):
    assert officer_client.get(reverse("holidays:year", args=[year])).status_code == 404


def test_it_forbids_a_non_administrator_to_enter_a_year(officer_client):
    assert officer_client.get(reverse("holidays:year_edit", args=[2027])).status_code == 403
    response = officer_client.post(
        reverse("holidays:year_edit", args=[2027]), {"source": "x", "lines": LINES_2027, "notes": ""}
    )
    assert response.status_code == 403
    assert officer_client.post(reverse("holidays:year_delete", args=[2027])).status_code == 403
    assert not CalendarYear.objects.exists()


def test_it_prefills_the_form_with_the_years_current_data(admin_client):
    response = admin_client.get(reverse("holidays:year_edit", args=[2026]))
    assert response.status_code == 200
    assert "2026-02-14 调休上班 春节" in response.content.decode()


def test_it_lets_an_administrator_enter_a_year_and_shows_what_moved(admin_client, admin_user, org):
    deadline = deadline_set(
        owner=org.city,
        purpose="publicity.publish",
        label="处罚决定公示",
        start=D(2026, 12, 28),
        working_days=7,
    )
    assert deadline.provisional

    response = admin_client.post(
        reverse("holidays:year_edit", args=[2027]),
        {"source": "国办发明电〔2026〕8号", "lines": LINES_2027, "notes": "据通知录入"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "处罚决定公示" in html
    assert "2027-01-06" in html and "2027-01-07" in html
    assert "publicity.publish" in html
    record = CalendarYear.objects.get(year=2027)
    assert (record.source, record.entered_by, record.notes) == (
        "国办发明电〔2026〕8号",
        admin_user,
        "据通知录入",
    )
    assert record.days.filter(kind="public_holiday").count() == 17
    assert sorted(record.days.filter(kind="adjusted_working_day").values_list("date", flat=True)) == [
        D(2027, 2, 14),
        D(2027, 10, 9),
    ]
    assert record.days.get(date=D(2027, 10, 9)).name == ""
    assert record.days.get(date=D(2027, 2, 5)).name == "春节"
    deadline.refresh_from_db()
    assert (deadline.due, deadline.provisional) == (D(2027, 1, 7), False)

    page = admin_client.get(reverse("holidays:year", args=[2027])).content.decode()
    assert "管理员录入" in page
    assert 'class="badge provisional"' not in page


def test_it_shows_line_errors_and_service_errors_on_the_form(admin_client):
    url = reverse("holidays:year_edit", args=[2027])
    response = admin_client.post(url, {"source": "x", "lines": "2027-02-30 春节\nhello", "notes": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert "第 1 行无法识别" in html
    assert "第 2 行无法识别" in html
    response = admin_client.post(
        url, {"source": "x", "lines": "2027-02-05 春节\n2027-02-08 调休上班", "notes": ""}
    )
    assert "不是周末" in response.content.decode()
    response = admin_client.post(url, {"source": "x", "lines": "2027-02-14 调休上班", "notes": ""})
    assert "至少填写一个放假日" in response.content.decode()
    assert not CalendarYear.objects.exists()


def test_it_lets_an_administrator_delete_an_entry(admin_client, admin_user):
    from sanxiang.holidays.services import calendar_year_save

    calendar_year_save(
        actor=admin_user, year=2027, source="x", holidays=[(D(2027, 1, 1), "元旦")], adjusted_working_days=[]
    )
    response = admin_client.post(reverse("holidays:year_delete", args=[2027]))
    assert response.status_code == 200
    assert not CalendarYear.objects.exists()
    assert admin_client.post(reverse("holidays:year_delete", args=[2027])).status_code == 404


def test_it_calculates_a_deadline_for_any_staff_member_as_an_htmx_fragment(officer_client):
    response = officer_client.post(
        reverse("holidays:calculate"),
        {"start": "2024-09-27", "n": "7", "unit": "working_days"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert "2024-10-12" in html
    assert "调休上班" in html
    assert "provisional" not in html
    assert Deadline.objects.count() == 0


def test_it_marks_a_provisional_calculation(officer_client):
    response = officer_client.post(
        reverse("holidays:calculate"),
        {"start": "2026-12-28", "n": "7", "unit": "working_days"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert "2027-01-06" in html
    assert 'class="badge provisional"' in html
    assert "2027 年放假安排尚未录入" in html


def test_it_applies_the_tax_extension_in_the_calculator(officer_client):
    response = officer_client.post(
        reverse("holidays:calculate"),
        {"start": "2024-09-15", "n": "30", "unit": "days", "tax_extension": "on"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert "2024-10-22" in html
    assert "顺延 7 日" in html


def test_it_shows_calculator_errors(officer_client):
    response = officer_client.post(
        reverse("holidays:calculate"),
        {"start": "2024-02-30", "n": "-1", "unit": "days"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "起算日" in html and "期限天数" in html


def test_it_renders_the_whole_page_without_htmx(officer_client):
    response = officer_client.post(
        reverse("holidays:calculate"), {"start": "2024-09-20", "n": "11", "unit": "days"}
    )
    html = response.content.decode()
    assert "<html" in html
    assert "2024-10-08" in html
    assert "年度放假安排" in html


def test_it_appears_among_every_staff_members_modules(officer):
    from sanxiang.kernel.modules import modules_for

    assert "calendar" in [m.code for m in modules_for(officer)]
