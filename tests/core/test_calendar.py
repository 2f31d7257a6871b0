"""core.calendar: deadlines as .ics reminders, parsed back with icalendar.

TODAY is Thursday 2026-11-26; every case is a plain dict as the wizard would send it.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from core import advise, read_case
from core.calendar import Reminder, deadline_calendar, plan_calendar, plan_reminders, reminder_uid
from core.i18n import show_date

TODAY = dt.date(2026, 11, 26)
NOW = dt.datetime(2026, 11, 26, 9, 30, tzinfo=dt.timezone.utc)


def day(n: int) -> str:
    return (TODAY + dt.timedelta(days=n)).isoformat()


def planned(data: dict):
    case = read_case(data)
    return case, advise(case)


def parse(ics: bytes) -> tuple[Calendar, list]:
    calendar = Calendar.from_ical(ics)
    return calendar, list(calendar.walk("VEVENT"))


OPEN_DISPUTE = {
    "today": TODAY.isoformat(),
    "order": {"label": "Blue phone case", "placed_on": day(-40), "shipped_on": day(-38), "total_paid": "20"},
    "problem": "not_arrived",
    "dispute": {"status": "open", "opened_on": day(-3), "negotiation_ends_on": day(4)},
}


def test_one_event_per_future_deadline_with_its_label_and_the_plan_headline():
    case, plan = planned(OPEN_DISPUTE)
    calendar, events = parse(plan_calendar(case, plan, now=NOW))
    assert str(calendar["VERSION"]) == "2.0"
    assert "AliExpress Dispute Wizard" in str(calendar["PRODID"])
    by_day = {event.decoded("DTSTART"): event for event in events}
    assert set(by_day) == {plan.dates.dispute_deadline, plan.dates.negotiation_ends}
    negotiation = by_day[dt.date.fromisoformat(day(4))]
    assert str(negotiation["SUMMARY"]) == "Blue phone case: Negotiation ends"
    assert str(negotiation["DESCRIPTION"]) == plan.headline
    assert negotiation.decoded("DTEND") == dt.date.fromisoformat(day(5))
    assert str(by_day[plan.dates.dispute_deadline]["SUMMARY"]) == "Blue phone case: Last day to open a dispute"
    for event in events:
        assert event.decoded("DTSTAMP") == NOW
        assert str(event["TRANSP"]) == "TRANSPARENT"


def test_every_event_has_a_display_alarm_a_day_before():
    case, plan = planned(OPEN_DISPUTE)
    _calendar, events = parse(plan_calendar(case, plan, now=NOW))
    assert events
    for event in events:
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == 1
        assert str(alarms[0]["ACTION"]) == "DISPLAY"
        assert alarms[0].decoded("TRIGGER") == -dt.timedelta(days=1)
        assert str(alarms[0]["DESCRIPTION"]) == str(event["SUMMARY"])
    assert b"TRIGGER:-P1D" in plan_calendar(case, plan, now=NOW)


def test_uids_are_stable_across_exports_and_differ_per_order_and_deadline():
    case, plan = planned(OPEN_DISPUTE)
    first = [str(e["UID"]) for e in parse(plan_calendar(case, plan, now=NOW))[1]]
    later = [str(e["UID"]) for e in parse(plan_calendar(case, plan, now=NOW + dt.timedelta(days=2)))[1]]
    assert first == later
    assert len(set(first)) == len(first) == 2
    other = [str(e["UID"]) for e in parse(plan_calendar(case, plan, order_id="another", now=NOW))[1]]
    assert not set(first) & set(other)
    assert reminder_uid("wizard", "negotiation_ends") in first


def test_a_changed_date_keeps_the_uid_so_the_reminder_is_updated():
    case, plan = planned(OPEN_DISPUTE)
    moved = {**OPEN_DISPUTE, "dispute": {**OPEN_DISPUTE["dispute"], "negotiation_ends_on": day(6)}}
    case2, plan2 = planned(moved)
    before = {str(e["UID"]): e.decoded("DTSTART") for e in parse(plan_calendar(case, plan, now=NOW))[1]}
    after = {str(e["UID"]): e.decoded("DTSTART") for e in parse(plan_calendar(case2, plan2, now=NOW))[1]}
    uid = reminder_uid("wizard", "negotiation_ends")
    assert before[uid] == dt.date.fromisoformat(day(4)) and after[uid] == dt.date.fromisoformat(day(6))


def test_past_deadlines_are_left_out():
    data = {
        "today": TODAY.isoformat(),
        "order": {"placed_on": day(-40), "shipped_on": day(-38), "total_paid": "20"},
        "problem": "not_arrived",
    }
    case, plan = planned(data)
    assert plan.dates.earliest_dispute < TODAY <= plan.dates.dispute_deadline
    _calendar, events = parse(plan_calendar(case, plan, now=NOW))
    assert [e.decoded("DTSTART") for e in events] == [plan.dates.dispute_deadline]


def test_a_closed_dispute_is_reminded_of_its_appeal_and_refund_only():
    data = {
        "today": TODAY.isoformat(),
        "order": {"placed_on": day(-40), "shipped_on": day(-38), "total_paid": "20"},
        "problem": "not_arrived",
        "dispute": {"status": "closed", "opened_on": day(-20), "closed_on": day(-3), "satisfied": False,
                    "refund_processed_on": day(-2)},
    }
    case, plan = planned(data)
    assert plan.dates.dispute_deadline > TODAY
    _calendar, events = parse(plan_calendar(case, plan, now=NOW))
    assert [e.decoded("DTSTART") for e in events] == [plan.dates.appeal_deadline, plan.dates.refund_expected_by]


def test_a_deadline_today_is_kept():
    data = {
        "today": TODAY.isoformat(),
        "order": {"placed_on": day(-12), "shipped_on": day(-10)},
        "problem": "not_arrived",
    }
    case, plan = planned(data)
    assert plan.dates.earliest_dispute == TODAY
    keys = [reminder.key for reminder in plan_reminders(case, plan, "o1")]
    assert keys == ["earliest_dispute", "dispute_deadline"]


def test_upcoming_earliest_dispute_and_refund_dates_are_reminded():
    data = {
        "today": TODAY.isoformat(),
        "order": {"placed_on": day(-5), "shipped_on": day(-4)},
        "problem": "not_arrived",
    }
    case, plan = planned(data)
    reminders = plan_reminders(case, plan, "o1")
    assert [(r.key, r.date) for r in reminders] == [
        ("earliest_dispute", plan.dates.earliest_dispute), ("dispute_deadline", plan.dates.dispute_deadline),
    ]
    assert reminders[0].label == "You can open a dispute from"
    assert reminders[0].order_label == "Order placed on " + show_date(dt.date.fromisoformat(day(-5)))
    refund = {
        **data,
        "order": {**data["order"], "shipped_on": day(-38), "placed_on": day(-40)},
        "dispute": {"status": "closed", "opened_on": day(-6), "closed_on": day(-2), "refund_processed_on": day(-1)},
    }
    case, plan = planned(refund)
    keys = [r.key for r in plan_reminders(case, plan, "o1")]
    assert "refund_expected_by" in keys and "appeal_deadline" in keys


def test_many_orders_in_one_calendar_and_no_duplicate_ids():
    reminders = [
        Reminder("a1", "Socks", "dispute_deadline", "Last day to open a dispute", TODAY, "Open a dispute."),
        Reminder("b2", "Lamp", "dispute_deadline", "Last day to open a dispute", TODAY, "Ask the seller."),
        Reminder("b2", "Lamp", "dispute_deadline", "Last day to open a dispute", TODAY, "Ask the seller."),
    ]
    _calendar, events = parse(deadline_calendar(reminders, now=NOW))
    summaries = [str(e["SUMMARY"]) for e in events]
    assert summaries == ["Socks: Last day to open a dispute", "Lamp: Last day to open a dispute"]
    assert len({str(e["UID"]) for e in events}) == 2


def test_awkward_labels_survive_the_round_trip():
    label = "Case; blue, 2 pcs\nnew line: ünïcödé 📦"
    reminder = Reminder("x", label, "appeal_deadline", "Last day to appeal", TODAY, "Appeal: now, please; thanks")
    _calendar, events = parse(deadline_calendar([reminder], now=NOW))
    assert str(events[0]["SUMMARY"]) == label + ": Last day to appeal"
    assert str(events[0]["DESCRIPTION"]) == "Appeal: now, please; thanks"


def test_nothing_upcoming_is_still_a_valid_calendar():
    data = {"today": TODAY.isoformat(), "order": {"placed_on": day(-2)}}
    case, plan = planned(data)
    calendar, events = parse(plan_calendar(case, plan, now=NOW))
    assert events == [] and str(calendar["VERSION"]) == "2.0"


def test_the_calendars_last_day_is_still_a_reminder():
    reminder = Reminder("x", "Far away", "dispute_deadline", "Last day to open a dispute", dt.date.max, "Wait.")
    _calendar, events = parse(deadline_calendar([reminder], now=NOW))
    assert events[0].decoded("DTSTART") == dt.date.max
