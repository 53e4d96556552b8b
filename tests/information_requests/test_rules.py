"""The disclosure-request clock against hand-counted dates on the official calendars of 2025/2026."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from sanxiang.information_requests.rules import (
    Channel,
    ClockConfig,
    ClockError,
    ClockEvent,
    ClockEventKind,
    ClockStatus,
    FeeMethod,
    clock_state,
    processing_fee,
    received_date,
)
from sanxiang.lib.workdays import HolidayCalendar, YearArrangement

D = datetime.date
K = ClockEventKind


def _days(first: datetime.date, last: datetime.date) -> set[datetime.date]:
    return {first + datetime.timedelta(days=i) for i in range((last - first).days + 1)}


# Typed in from the State Council notices quoted in RULES.md §9.1 (not read from the package, so the
# test checks the clock and not the package).
CAL = HolidayCalendar(
    (
        YearArrangement(
            year=2025,
            holidays=frozenset(
                {D(2025, 1, 1)}
                | _days(D(2025, 1, 28), D(2025, 2, 4))
                | _days(D(2025, 4, 4), D(2025, 4, 6))
                | _days(D(2025, 5, 1), D(2025, 5, 5))
                | _days(D(2025, 5, 31), D(2025, 6, 2))
                | _days(D(2025, 10, 1), D(2025, 10, 8))
            ),
            adjusted_working_days=frozenset(
                {D(2025, 1, 26), D(2025, 2, 8), D(2025, 4, 27), D(2025, 9, 28), D(2025, 10, 11)}
            ),
        ),
        YearArrangement(
            year=2026,
            holidays=frozenset(
                _days(D(2026, 1, 1), D(2026, 1, 3))
                | _days(D(2026, 2, 15), D(2026, 2, 23))
                | _days(D(2026, 4, 4), D(2026, 4, 6))
                | _days(D(2026, 5, 1), D(2026, 5, 5))
                | _days(D(2026, 6, 19), D(2026, 6, 21))
                | _days(D(2026, 9, 25), D(2026, 9, 27))
                | _days(D(2026, 10, 1), D(2026, 10, 7))
            ),
            adjusted_working_days=frozenset(
                {
                    D(2026, 1, 4),
                    D(2026, 2, 14),
                    D(2026, 2, 28),
                    D(2026, 5, 9),
                    D(2026, 9, 20),
                    D(2026, 10, 10),
                }
            ),
        ),
    )
)


def state(*events: ClockEvent, today: datetime.date, config: ClockConfig | None = None):
    return clock_state(events, calendar=CAL, today=today, config=config)


def received(day: datetime.date) -> ClockEvent:
    return ClockEvent(K.RECEIVED, day)


# -- received date per channel ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("channel", "kwargs", "expected"),
    [
        (Channel.IN_PERSON, {"submitted_on": D(2025, 3, 3)}, D(2025, 3, 3)),
        (Channel.ORAL, {"submitted_on": D(2025, 3, 3)}, D(2025, 3, 3)),
        # Post: the day the organ signs for it, not the postmark.
        (Channel.POST_SIGNED, {"submitted_on": D(2025, 3, 1), "signed_for_on": D(2025, 3, 4)}, D(2025, 3, 4)),
        (Channel.POST_SIGNED, {"submitted_on": D(2025, 3, 1)}, None),
        # Ordinary mail: the confirmation with the applicant counts; unconfirmed is not received.
        (Channel.POST_ORDINARY, {"confirmed_on": D(2025, 3, 5)}, D(2025, 3, 5)),
        (Channel.POST_ORDINARY, {"submitted_on": D(2025, 3, 3)}, None),
        # Internet and fax: the day both sides confirm.
        (Channel.ONLINE, {"submitted_on": D(2025, 3, 1), "confirmed_on": D(2025, 3, 3)}, D(2025, 3, 3)),
        (Channel.ONLINE, {"submitted_on": D(2025, 3, 1)}, None),
        (Channel.FAX, {"confirmed_on": D(2025, 3, 4)}, D(2025, 3, 4)),
        # E-mail to the published mailbox: the day the mail system received it.
        (Channel.EMAIL, {"mail_received_on": D(2025, 3, 2), "confirmed_on": D(2025, 3, 4)}, D(2025, 3, 2)),
    ],
)
def test_received_date_follows_the_channel(channel, kwargs, expected):
    assert received_date(channel, **kwargs) == expected


def test_it_is_not_received_without_a_received_event():
    result = state(today=D(2025, 3, 3))
    assert result.status == ClockStatus.NOT_RECEIVED
    assert result.due is None


# -- plain counting -----------------------------------------------------------------------------


def test_twenty_working_days_start_the_day_after_receipt():
    # Mon 3 Mar 2025: Mar 4–7 (4), 10–14 (9), 17–21 (14), 24–28 (19), Mon 31 Mar (20).
    result = state(received(D(2025, 3, 3)), today=D(2025, 3, 3))
    assert result.status == ClockStatus.RUNNING
    assert result.due == D(2025, 3, 31)
    assert result.days_used == 0
    assert result.days_left == 20


def test_receipt_on_a_rest_day_counts_from_the_next_working_day():
    # Received online and confirmed on Sat 1 Mar 2025: day 1 is Mon 3 Mar, day 20 Fri 28 Mar.
    assert state(received(D(2025, 3, 1)), today=D(2025, 3, 1)).due == D(2025, 3, 28)


def test_counting_crosses_the_spring_festival_with_its_swapped_weekend_days():
    # Fri 24 Jan 2025: Sun 26 Jan (调休上班) 1, Mon 27 Jan 2, 28 Jan–4 Feb off, Feb 5–7 3–5,
    # Sat 8 Feb (调休上班) 6, Feb 10–14 7–11, 17–21 12–16, 24–27 17–20.
    assert state(received(D(2025, 1, 24)), today=D(2025, 1, 24)).due == D(2025, 2, 27)


def test_counting_crosses_national_day_2025():
    # Fri 26 Sep 2025: Sun 28 Sep (调休) 1, Sep 29–30 2–3, Oct 1–8 off, Oct 9–10 4–5,
    # Sat 11 Oct (调休) 6, Oct 13–17 7–11, 20–24 12–16, 27–30 17–20.
    assert state(received(D(2025, 9, 26)), today=D(2025, 9, 26)).due == D(2025, 10, 30)


def test_counting_crosses_mid_autumn_and_national_day_2026():
    # Fri 18 Sep 2026: Sun 20 Sep (调休) 1, Sep 21–24 2–5, Sep 25–27 off, Sep 28–30 6–8,
    # Oct 1–7 off, Oct 8–9 9–10, Sat 10 Oct (调休) 11, Oct 12–16 12–16, Oct 19–22 17–20.
    assert state(received(D(2026, 9, 18)), today=D(2026, 9, 18)).due == D(2026, 10, 22)


def test_days_used_and_overdue():
    events = (received(D(2025, 3, 3)),)
    assert state(*events, today=D(2025, 3, 10)).days_used == 5
    late = state(*events, today=D(2025, 4, 2))
    assert late.overdue
    assert late.days_left == -2
    assert not state(*events, today=D(2025, 3, 31)).overdue


def test_reply_stops_the_clock_and_says_whether_it_was_in_time():
    on_time = state(received(D(2025, 3, 3)), ClockEvent(K.REPLIED, D(2025, 3, 31)), today=D(2025, 5, 1))
    assert on_time.status == ClockStatus.REPLIED
    assert on_time.answered_in_time is True
    assert on_time.days_used == 20
    late = state(received(D(2025, 3, 3)), ClockEvent(K.REPLIED, D(2025, 4, 1)), today=D(2025, 5, 1))
    assert late.answered_in_time is False
    with pytest.raises(ClockError) as caught:
        state(
            received(D(2025, 3, 3)),
            ClockEvent(K.REPLIED, D(2025, 3, 20)),
            ClockEvent(K.EXTENSION, D(2025, 3, 21), days=5),
            today=D(2025, 5, 1),
        )
    assert caught.value.code == "event_after_reply"


# -- extension ----------------------------------------------------------------------------------


def test_one_extension_of_up_to_twenty_working_days():
    # Due 31 Mar 2025, +20: Apr 1–3 1–3, Apr 4–6 清明, Apr 7–11 4–8, 14–18 9–13, 21–25 14–18,
    # Sun 27 Apr (调休) 19, Mon 28 Apr 20.
    result = state(
        received(D(2025, 3, 3)), ClockEvent(K.EXTENSION, D(2025, 3, 25), days=20), today=D(2025, 3, 25)
    )
    assert result.due == D(2025, 4, 28)
    assert result.original_due == D(2025, 3, 31)
    assert result.limit_days == 40
    assert result.extension_days == 20


@pytest.mark.parametrize(
    ("events", "code"),
    [
        ((ClockEvent(K.EXTENSION, D(2025, 3, 25), days=21),), "extension_too_long"),
        ((ClockEvent(K.EXTENSION, D(2025, 3, 25), days=0),), "extension_too_long"),
        ((ClockEvent(K.EXTENSION, D(2025, 4, 1), days=10),), "extension_after_due"),
        (
            (
                ClockEvent(K.EXTENSION, D(2025, 3, 20), days=5),
                ClockEvent(K.EXTENSION, D(2025, 3, 25), days=5),
            ),
            "second_extension",
        ),
    ],
)
def test_extension_rules(events, code):
    with pytest.raises(ClockError) as caught:
        state(received(D(2025, 3, 3)), *events, today=D(2025, 4, 1))
    assert caught.value.code == code


def test_extension_limit_is_configurable():
    config = ClockConfig(extension_max_days=10)
    with pytest.raises(ClockError):
        state(
            received(D(2025, 3, 3)),
            ClockEvent(K.EXTENSION, D(2025, 3, 25), days=15),
            today=D(2025, 3, 25),
            config=config,
        )


# -- correction (补正) ---------------------------------------------------------------------------


def test_correction_restarts_the_clock_from_receipt_of_the_correction():
    events = (
        received(D(2025, 3, 3)),
        ClockEvent(K.CORRECTION_NOTICE, D(2025, 3, 5), until=D(2025, 3, 19)),
    )
    waiting = state(*events, today=D(2025, 3, 7))
    assert waiting.status == ClockStatus.AWAITING_CORRECTION
    assert waiting.due is None
    assert waiting.correction_deadline == D(2025, 3, 19)
    # Correction received Mon 10 Mar: Mar 11–14 1–4, 17–21 5–9, 24–28 10–14, Mar 31–Apr 3 15–18,
    # Apr 4–6 清明, Apr 7–8 19–20.
    restarted = state(*events, ClockEvent(K.CORRECTION_RECEIVED, D(2025, 3, 10)), today=D(2025, 3, 10))
    assert restarted.status == ClockStatus.RUNNING
    assert restarted.start == D(2025, 3, 10)
    assert restarted.due == D(2025, 4, 8)


def test_correction_notice_must_go_out_within_seven_working_days():
    # Received Mon 3 Mar: the 7th working day after is Wed 12 Mar.
    ok = state(received(D(2025, 3, 3)), ClockEvent(K.CORRECTION_NOTICE, D(2025, 3, 12)), today=D(2025, 3, 12))
    assert ok.status == ClockStatus.AWAITING_CORRECTION
    with pytest.raises(ClockError) as caught:
        state(received(D(2025, 3, 3)), ClockEvent(K.CORRECTION_NOTICE, D(2025, 3, 13)), today=D(2025, 3, 13))
    assert caught.value.code == "correction_notice_late"


def test_correction_is_one_time():
    with pytest.raises(ClockError) as caught:
        state(
            received(D(2025, 3, 3)),
            ClockEvent(K.CORRECTION_NOTICE, D(2025, 3, 4)),
            ClockEvent(K.CORRECTION_RECEIVED, D(2025, 3, 6)),
            ClockEvent(K.CORRECTION_NOTICE, D(2025, 3, 7)),
            today=D(2025, 3, 7),
        )
    assert caught.value.code == "second_correction"


def test_no_correction_by_the_deadline_is_deemed_abandoned():
    events = (
        received(D(2025, 3, 3)),
        ClockEvent(K.CORRECTION_NOTICE, D(2025, 3, 5), until=D(2025, 3, 19)),
    )
    assert state(*events, today=D(2025, 3, 19)).status == ClockStatus.AWAITING_CORRECTION
    gone = state(*events, today=D(2025, 3, 20))
    assert gone.status == ClockStatus.ABANDONED_NO_CORRECTION
    assert gone.abandoned_on == D(2025, 3, 20)
    with pytest.raises(ClockError) as caught:
        state(*events, ClockEvent(K.CORRECTION_RECEIVED, D(2025, 3, 20)), today=D(2025, 3, 20))
    assert caught.value.code == "correction_after_deadline"


def test_default_correction_deadline_is_configurable():
    # 15 working days after Wed 5 Mar 2025: Mar 6–7 1–2, 10–14 3–7, 17–21 8–12, 24–26 13–15.
    result = state(
        received(D(2025, 3, 3)), ClockEvent(K.CORRECTION_NOTICE, D(2025, 3, 5)), today=D(2025, 3, 5)
    )
    assert result.correction_deadline == D(2025, 3, 26)
    shorter = state(
        received(D(2025, 3, 3)),
        ClockEvent(K.CORRECTION_NOTICE, D(2025, 3, 5)),
        today=D(2025, 3, 5),
        config=ClockConfig(correction_period_days=5),
    )
    assert shorter.correction_deadline == D(2025, 3, 12)


def test_no_other_clock_event_while_waiting_for_the_correction():
    with pytest.raises(ClockError) as caught:
        state(
            received(D(2025, 3, 3)),
            ClockEvent(K.CORRECTION_NOTICE, D(2025, 3, 4)),
            ClockEvent(K.EXTENSION, D(2025, 3, 6), days=5),
            today=D(2025, 3, 6),
        )
    assert caught.value.code == "clock_stopped_for_correction"


# -- consultation -------------------------------------------------------------------------------


def test_consultation_time_is_not_counted():
    # Sent Wed 5 Mar, reply Wed 12 Mar: Mar 6, 7, 10, 11, 12 (5 working days) are excluded, so the
    # due date moves from 31 Mar by 5 working days: Apr 1–3, (清明), Apr 7–8.
    events = (
        received(D(2025, 3, 3)),
        ClockEvent(K.CONSULTATION_SENT, D(2025, 3, 5), ref="t1"),
        ClockEvent(K.CONSULTATION_REPLIED, D(2025, 3, 12), ref="t1"),
    )
    result = state(*events, today=D(2025, 3, 13))
    assert result.status == ClockStatus.RUNNING
    assert result.due == D(2025, 4, 8)
    assert result.days_used == 3  # Mar 4, 5 and 13


def test_open_consultation_pauses_and_assumes_its_full_fifteen_days():
    # 15 working days after 5 Mar 2025 is 26 Mar; the 15 excluded days move 31 Mar to 22 Apr
    # (Apr 1–3, 7–11, 14–18, 21–22).
    events = (received(D(2025, 3, 3)), ClockEvent(K.CONSULTATION_SENT, D(2025, 3, 5), ref="t1"))
    paused = state(*events, today=D(2025, 3, 10))
    assert paused.status == ClockStatus.PAUSED
    assert paused.due == D(2025, 4, 22)
    assert paused.pauses[0].end == D(2025, 3, 26)
    # Silence: after the 15 days the clock runs again on its own (条例第三十二条、第三十四条).
    silent = state(*events, today=D(2025, 3, 27))
    assert silent.status == ClockStatus.RUNNING
    assert silent.due == D(2025, 4, 22)


def test_a_late_consultation_reply_does_not_lengthen_the_pause():
    result = state(
        received(D(2025, 3, 3)),
        ClockEvent(K.CONSULTATION_SENT, D(2025, 3, 5), ref="t1"),
        ClockEvent(K.CONSULTATION_REPLIED, D(2025, 3, 28), ref="t1"),
        today=D(2025, 3, 28),
    )
    assert result.due == D(2025, 4, 22)


def test_overlapping_consultations_exclude_each_day_once():
    # Third party 5–12 Mar, other organ 10–14 Mar: excluded Mar 6, 7, 10–14 (7 days).
    # 31 Mar + 7: Apr 1–3, 7–10.
    result = state(
        received(D(2025, 3, 3)),
        ClockEvent(K.CONSULTATION_SENT, D(2025, 3, 5), ref="third"),
        ClockEvent(K.CONSULTATION_SENT, D(2025, 3, 7), ref="organ"),
        ClockEvent(K.CONSULTATION_REPLIED, D(2025, 3, 12), ref="third"),
        ClockEvent(K.CONSULTATION_REPLIED, D(2025, 3, 14), ref="organ"),
        today=D(2025, 3, 14),
    )
    assert result.due == D(2025, 4, 10)


# -- fees ---------------------------------------------------------------------------------------


def test_fee_notice_pauses_the_clock_until_payment():
    result = state(
        received(D(2025, 3, 3)),
        ClockEvent(K.FEE_NOTICE, D(2025, 3, 5)),
        ClockEvent(K.FEE_PAID, D(2025, 3, 12)),
        today=D(2025, 3, 12),
    )
    assert result.due == D(2025, 4, 8)
    assert result.fee_deadline == D(2025, 4, 2)


def test_unpaid_fee_after_twenty_working_days_is_deemed_abandoned():
    # 20 working days after Wed 5 Mar 2025: Mar 6–7, 10–14, 17–21, 24–28, Mar 31–Apr 2.
    events = (received(D(2025, 3, 3)), ClockEvent(K.FEE_NOTICE, D(2025, 3, 5)))
    waiting = state(*events, today=D(2025, 4, 2))
    assert waiting.status == ClockStatus.PAUSED
    assert waiting.fee_deadline == D(2025, 4, 2)
    gone = state(*events, today=D(2025, 4, 3))
    assert gone.status == ClockStatus.ABANDONED_FEE_UNPAID
    assert gone.abandoned_on == D(2025, 4, 3)
    with pytest.raises(ClockError) as caught:
        state(*events, ClockEvent(K.FEE_PAID, D(2025, 4, 3)), today=D(2025, 4, 3))
    assert caught.value.code == "payment_after_deadline"


def test_whether_the_fee_period_pauses_the_clock_is_configurable():
    config = ClockConfig(fee_pauses_clock=False)
    result = state(
        received(D(2025, 3, 3)),
        ClockEvent(K.FEE_NOTICE, D(2025, 3, 5)),
        ClockEvent(K.FEE_PAID, D(2025, 3, 12)),
        today=D(2025, 3, 12),
        config=config,
    )
    assert result.due == D(2025, 3, 31)


def test_one_fee_notice_per_request():
    with pytest.raises(ClockError) as caught:
        state(
            received(D(2025, 3, 3)),
            ClockEvent(K.FEE_NOTICE, D(2025, 3, 5)),
            ClockEvent(K.FEE_NOTICE, D(2025, 3, 6)),
            today=D(2025, 3, 6),
        )
    assert caught.value.code == "fee_twice"


@pytest.mark.parametrize(
    ("ordinal", "fee"),
    [(1, 0), (10, 0), (11, 100), (30, 100), (31, 200), (40, 200), (41, 300), (51, 400)],
)
def test_per_request_fee(ordinal, fee):
    assert processing_fee(FeeMethod.PER_REQUEST, ordinal_in_month=ordinal) == Decimal(fee)


@pytest.mark.parametrize(
    ("pages", "fee"),
    [(0, 0), (30, 0), (31, 10), (100, 700), (101, 720), (150, 1700), (200, 2700), (201, 2740), (250, 4700)],
)
def test_per_volume_fee_is_progressive(pages, fee):
    assert processing_fee(FeeMethod.PER_VOLUME, pages=pages) == Decimal(fee)


def test_never_both_fee_methods():
    with pytest.raises(ClockError) as caught:
        processing_fee(FeeMethod.PER_VOLUME, pages=50, ordinal_in_month=12)
    assert caught.value.code == "fee_both_methods"


# -- combined -----------------------------------------------------------------------------------


def test_correction_then_consultation_then_extension_across_national_day():
    # Received Mon 15 Sep 2025, notice Tue 16 Sep, correction Fri 19 Sep (restart).
    # From 19 Sep: Sep 22–26 1–5, Sun 28 Sep 6, Sep 29–30 7–8, Oct 1–8 off, Oct 9–10 9–10,
    # Sat 11 Oct 11, Oct 13–17 12–16, Oct 20–23 17–20: due 23 Oct.
    # Consultation Mon 22 Sep → reply Fri 26 Sep excludes Sep 23–26 (4): due 29 Oct.
    # Extension of 10 on 20 Oct: Oct 30–31 1–2, Nov 3–7 3–7, Nov 10–12 8–10: due 12 Nov.
    result = state(
        received(D(2025, 9, 15)),
        ClockEvent(K.CORRECTION_NOTICE, D(2025, 9, 16)),
        ClockEvent(K.CORRECTION_RECEIVED, D(2025, 9, 19)),
        ClockEvent(K.CONSULTATION_SENT, D(2025, 9, 22), ref="x"),
        ClockEvent(K.CONSULTATION_REPLIED, D(2025, 9, 26), ref="x"),
        ClockEvent(K.EXTENSION, D(2025, 10, 20), days=10),
        today=D(2025, 10, 20),
    )
    assert result.original_due == D(2025, 10, 29)
    assert result.due == D(2025, 11, 12)


def test_events_before_receipt_are_refused():
    with pytest.raises(ClockError) as caught:
        state(received(D(2025, 3, 3)), ClockEvent(K.FEE_NOTICE, D(2025, 3, 1)), today=D(2025, 3, 3))
    assert caught.value.code == "event_before_receipt"
