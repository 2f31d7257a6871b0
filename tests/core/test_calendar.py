"""core.calendar: deadlines and the days the advice changes as .ics reminders, parsed back with icalendar.

TODAY is Thursday 2026-11-26; every case is a plain dict as the wizard would send it
(no order date unless a test gives one).
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from core import advise, read_case
from core.calendar import (
    REMINDER_NOTES,
    Reminder,
    deadline_calendar,
    own_order_id,
    plan_calendar,
    plan_reminders,
    reminder_uid,
)
from core.i18n import show_date
from core.wording.table import DEADLINE_LABELS

TODAY = dt.date(2026, 11, 26)
NOW = dt.datetime(2026, 11, 26, 9, 30, tzinfo=dt.UTC)
NUMBER = "8012345678901234"


def day(n: int) -> str:
    return (TODAY + dt.timedelta(days=n)).isoformat()


def on(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def planned(data: dict):
    case = read_case(data)
    return case, advise(case)


def parse(ics: bytes) -> tuple[Calendar, list]:
    calendar = Calendar.from_ical(ics)
    return calendar, list(calendar.walk("VEVENT"))


def uids(data: dict, order_id: str | None = None) -> list[str]:
    case, plan = planned(data)
    return [str(event["UID"]) for event in parse(plan_calendar(case, plan, order_id, now=NOW))[1]]


def keys(data: dict) -> list[str]:
    case, plan = planned(data)
    return [reminder.key for reminder in plan_reminders(case, plan)]


def not_arrived(**order) -> dict:
    return {"today": TODAY.isoformat(), "problem": "not_arrived", "order": {"shipped_on": day(-20), **order}}


OPEN_DISPUTE = {
    "today": TODAY.isoformat(),
    "order": {"label": "Blue phone case", "shipped_on": day(-38), "total_paid": "20"},
    "problem": "not_arrived",
    "dispute": {
        "status": "open",
        "opened_on": day(-8),
        "aliexpress_offer": {"refund_amount": "20"},
        "negotiation_ends_on": day(4),
    },
}
"""Opened 8 days ago and AliExpress has proposed: the seller's 5 days and AliExpress's 7 have passed, so only the
end of negotiation is ahead."""


def test_an_open_dispute_is_reminded_of_its_own_deadline_with_the_plan_headline():
    case, plan = planned(OPEN_DISPUTE)
    calendar, events = parse(plan_calendar(case, plan, now=NOW))
    assert str(calendar["VERSION"]) == "2.0"
    assert "AliExpress Dispute Wizard" in str(calendar["PRODID"])
    assert [event.decoded("DTSTART") for event in events] == [on(4)] == [plan.dates.negotiation_ends]
    negotiation = events[0]
    assert str(negotiation["SUMMARY"]) == "Blue phone case: Last day to choose in the dispute"
    assert str(negotiation["DESCRIPTION"]) == plan.headline
    assert negotiation.decoded("DTEND") == on(5)
    assert negotiation.decoded("DTSTAMP") == NOW
    assert str(negotiation["TRANSP"]) == "TRANSPARENT"


def test_every_event_has_a_display_alarm_a_day_before():
    case, plan = planned(not_arrived(estimated_delivery=day(7), tracking="in_transit"))
    ics = plan_calendar(case, plan, now=NOW)
    _calendar, events = parse(ics)
    assert len(events) > 1
    for event in events:
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == 1
        assert str(alarms[0]["ACTION"]) == "DISPLAY"
        assert alarms[0].decoded("TRIGGER") == -dt.timedelta(days=1)
        assert str(alarms[0]["DESCRIPTION"]) == str(event["SUMMARY"])
    assert b"TRIGGER:-P1D" in ics


def test_the_same_wizard_order_gets_the_same_uids_on_every_reload():
    first = uids(OPEN_DISPUTE)
    again = uids({**OPEN_DISPUTE, "today": day(1)})  # the page reloaded, a day later
    assert first == again and len(first) == 1
    case, _plan = planned(OPEN_DISPUTE)
    assert first == [reminder_uid(own_order_id(case.order), "negotiation_ends")]
    later = [str(e["UID"]) for e in parse(plan_calendar(*planned(OPEN_DISPUTE), now=NOW + dt.timedelta(days=2)))[1]]
    assert later == first


def test_two_different_wizard_orders_get_different_uids():
    socks, lamp = not_arrived(label="Socks"), not_arrived(label="Lamp")
    assert set(keys(socks)) == set(keys(lamp))
    assert not set(uids(socks)) & set(uids(lamp))
    # Nothing named: orders told apart by their facts.
    plain = [
        not_arrived(),
        not_arrived(shipped_on=day(-21)),
        not_arrived(total_paid="9"),
        not_arrived(total_paid="9", currency="EUR"),
        not_arrived(estimated_delivery=day(-1)),
        not_arrived(placed_on=day(-22)),
    ]
    ids = [own_order_id(read_case(data).order) for data in plain]
    assert len(set(ids)) == len(ids)
    every = [uid for data in plain for uid in uids(data)]
    assert len(set(every)) == len(every)


def test_the_wizards_order_id_is_the_order_number_or_a_fixed_hash_of_its_facts():
    numbered = read_case(not_arrived(order_number=NUMBER, label="Socks")).order
    assert own_order_id(numbered) == "number-" + NUMBER
    relabelled = read_case(not_arrived(order_number=NUMBER, label="Wool socks")).order
    assert own_order_id(relabelled) == own_order_id(numbered)
    # Pinned: a change to the scheme would give every reminder already imported a duplicate.
    order = read_case(
        {
            "today": TODAY.isoformat(),
            "order": {"shipped_on": "2026-11-06", "total_paid": "20", "currency": "EUR", "label": "Socks"},
        }
    ).order
    assert own_order_id(order) == "facts-515af34a1c8a6a7e2e8871855a9718f4"
    same = read_case(
        {
            "today": day(30),
            "order": {
                "shipped_on": "2026-11-06",
                "total_paid": "20.00",
                "currency": "eur",
                "label": "  Socks ",
                "tracking": "in_transit",
            },
        }
    )
    assert own_order_id(same.order) == own_order_id(order)


def test_a_row_id_given_by_the_orders_page_names_the_order():
    case, plan = planned(OPEN_DISPUTE)
    assert uids(OPEN_DISPUTE, "row-7") == [reminder_uid("row-7", "negotiation_ends")]
    assert not set(uids(OPEN_DISPUTE, "row-7")) & set(uids(OPEN_DISPUTE))
    assert {r.order_id for r in plan_reminders(case, plan, "row-7", today=TODAY)} == {"row-7"}


def test_a_changed_date_keeps_the_uid_so_the_reminder_is_updated():
    moved = {**OPEN_DISPUTE, "dispute": {**OPEN_DISPUTE["dispute"], "negotiation_ends_on": day(6)}}
    before = {str(e["UID"]): e.decoded("DTSTART") for e in parse(plan_calendar(*planned(OPEN_DISPUTE), now=NOW))[1]}
    after = {str(e["UID"]): e.decoded("DTSTART") for e in parse(plan_calendar(*planned(moved), now=NOW))[1]}
    assert list(before) == list(after)
    uid = next(iter(before))
    assert before[uid] == on(4) and after[uid] == on(6)


def test_the_days_the_advice_changes_are_reminded_with_what_to_do_then():
    data = not_arrived(estimated_delivery=day(7), tracking="in_transit", label="Lamp")
    case, plan = planned(data)
    reminders = plan_reminders(case, plan)
    assert [(r.key, r.date) for r in reminders] == [
        ("estimated_delivery", on(7)),
        ("ask_extension_by", plan.dates.ask_extension_by),
        ("running_out_from", plan.dates.running_out_from),
        ("dispute_deadline", plan.dates.dispute_deadline),
        ("late_claim_deadline", plan.dates.late_claim_deadline),
    ]
    for reminder in reminders:
        assert reminder.label == DEADLINE_LABELS[reminder.key]
        assert reminder.order_label == "Lamp"
    # Each says what to do on its day; today's headline ("give it time") would be stale by then.
    assert plan.next_deadline.date == on(7) and not plan.next_deadline.last_day
    assert [r.action for r in reminders] == [REMINDER_NOTES[r.key] for r in reminders]
    assert "come back" in reminders[0].action
    # The seller's two days, counted from today by the rules, would contradict "wait": not reminded.
    assert plan.dates.seller_answer_due is not None
    summaries = [str(e["SUMMARY"]) for e in parse(plan_calendar(case, plan, now=NOW))[1]]
    assert summaries[0] == "Lamp: Estimated delivery"
    assert summaries[1] == "Lamp: Ask the seller to extend protection by"
    assert summaries[2] == "Lamp: Open a dispute if the parcel hasn't come"


def test_the_sellers_two_days_are_reminded_when_the_plan_waits_for_the_answer():
    for contacted, due in ((None, on(2)), (day(-1), on(1))):
        case, plan = planned({**not_arrived(), "seller_contacted_on": contacted})
        reminders = plan_reminders(case, plan)
        assert plan.action == "contact_seller"
        first = reminders[0]
        assert (first.key, first.date, first.action) == ("seller_answer_due", due, plan.headline)
        assert first.label == "Open a dispute if the seller hasn't sorted it out"
        assert [r.key for r in reminders] == [
            "seller_answer_due",
            "ask_extension_by",
            "running_out_from",
            "dispute_deadline",
            "late_claim_deadline",
        ]


def test_a_parcel_lost_after_protection_is_reminded_of_the_last_day_to_ask_for_a_refund():
    case, plan = planned(
        {"today": TODAY.isoformat(), "problem": "not_arrived", "order": {"shipped_on": day(-65), "total_paid": "30"}}
    )
    assert plan.dates.dispute_deadline < TODAY <= plan.dates.late_claim_deadline
    reminders = plan_reminders(case, plan)
    assert [(r.key, r.date) for r in reminders] == [("late_claim_deadline", on(10))]
    assert reminders[0].label == "Last day to ask for a refund after protection"
    assert reminders[0].action == plan.headline
    _calendar, events = parse(plan_calendar(case, plan, now=NOW))
    assert str(events[0]["SUMMARY"]) == "AliExpress order: Last day to ask for a refund after protection"


def test_a_confirm_receipt_plan_is_reminded_of_the_deadline_confirming_sets():
    received = {
        "today": TODAY.isoformat(),
        "order": {"shipped_on": day(-20), "received": True, "tracking": "delivered"},
    }
    case, plan = planned({**received, "problem": "none"})
    assert plan.action == "confirm_receipt"
    assert [(r.key, r.date) for r in plan_reminders(case, plan)] == [("deadline_after_confirming", on(15))]
    # A received order with a problem is not told to confirm: no such reminder.
    case, plan = planned({**received, "problem": "fake"})
    assert plan.dates.deadline_after_confirming is not None
    assert [r.key for r in plan_reminders(case, plan)] == ["dispute_deadline"]


def test_a_dispute_in_progress_drops_the_days_for_opening_one_unless_the_plan_cancels_it():
    assert keys(OPEN_DISPUTE) == ["negotiation_ends"]
    cancel = {**not_arrived(tracking="in_transit"), "dispute": {"status": "open", "judgement": "invalid"}}
    _case, plan = planned(cancel)
    assert plan.action == "cancel_dispute"
    assert keys(cancel) == ["ask_extension_by", "running_out_from", "dispute_deadline", "late_claim_deadline"]
    cancelled = {**not_arrived(), "dispute": {"status": "cancelled"}}
    assert "late_claim_deadline" in keys(cancelled)


def test_past_dates_are_left_out_and_today_is_kept():
    data = not_arrived(shipped_on=day(-10))
    case, plan = planned(data)
    assert plan.dates.earliest_dispute == TODAY
    assert keys(data)[0] == "earliest_dispute"
    assert plan_reminders(case, plan)[0].action == REMINDER_NOTES["earliest_dispute"]
    later = plan_reminders(case, plan, today=on(1))
    assert "earliest_dispute" not in [r.key for r in later]
    assert all(r.date >= on(1) for r in later)


def test_a_closed_dispute_is_reminded_of_its_appeal_and_refund_only():
    data = {
        "today": TODAY.isoformat(),
        "order": {"shipped_on": day(-38), "total_paid": "20"},
        "problem": "not_arrived",
        "dispute": {
            "status": "closed",
            "opened_on": day(-20),
            "closed_on": day(-3),
            "satisfied": False,
            "refund_processed_on": day(-2),
        },
    }
    case, plan = planned(data)
    assert plan.dates.dispute_deadline > TODAY
    _calendar, events = parse(plan_calendar(case, plan, now=NOW))
    assert [e.decoded("DTSTART") for e in events] == [plan.dates.appeal_deadline, plan.dates.refund_expected_by]
    assert plan.rule.name == "appeal"
    assert [str(e["DESCRIPTION"]) for e in events] == [plan.headline, REMINDER_NOTES["refund_expected_by"]]


def test_reminders_name_the_order_by_item_and_number_never_by_a_date_not_given():
    def label(**order) -> str:
        case, plan = planned(not_arrived(**order))
        return plan_reminders(case, plan)[0].order_label

    assert label(label="Lamp") == "Lamp"
    assert label(order_number=NUMBER) == f"order {NUMBER}"
    assert label(label="Lamp", order_number=NUMBER) == f"Lamp (order {NUMBER})"
    assert label() == "AliExpress order"
    assert label(placed_on=day(-22)) == "AliExpress order placed on " + show_date(on(-22))


def test_without_an_order_date_the_calendar_shows_no_placed_date():
    case, plan = planned(not_arrived(estimated_delivery=day(7), tracking="in_transit"))
    ics = plan_calendar(case, plan, now=NOW)
    assert b"placed" not in ics.lower()
    written = " ".join(str(e["SUMMARY"]) + " " + str(e["DESCRIPTION"]) for e in parse(ics)[1])
    assert "placed" not in written.lower()


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
    case, plan = planned({"today": TODAY.isoformat(), "order": {"payment_confirmed": False}})
    calendar, events = parse(plan_calendar(case, plan, now=NOW))
    assert events == [] and str(calendar["VERSION"]) == "2.0"


def test_the_calendars_last_day_is_still_a_reminder():
    reminder = Reminder("x", "Far away", "dispute_deadline", "Last day to open a dispute", dt.date.max, "Wait.")
    _calendar, events = parse(deadline_calendar([reminder], now=NOW))
    assert events[0].decoded("DTSTART") == dt.date.max


# --- The plan's newer days ------------------------------------------------------------------


def with_dates(data: dict, **dates):
    """The case and its plan with some of the plan's dates set, as the rules set them where they apply."""
    case, plan = planned(data)
    return case, plan.model_copy(update={"dates": plan.dates.model_copy(update=dates)})


def test_an_open_dispute_is_reminded_of_the_sellers_last_day_to_answer():
    data = {**OPEN_DISPUTE, "dispute": {**OPEN_DISPUTE["dispute"], "opened_on": day(-3)}}
    case, plan = planned(data)
    assert plan.dates.seller_must_answer_by == on(2)
    reminders = {r.key: r for r in plan_reminders(case, plan)}
    assert list(reminders) == ["seller_must_answer_by", "negotiation_ends"]
    answer = reminders["seller_must_answer_by"]
    assert answer.label == DEADLINE_LABELS["seller_must_answer_by"] and answer.date == on(2)
    assert answer.action == REMINDER_NOTES["seller_must_answer_by"]
    assert "aliexpress_steps_in_by" not in reminders, "a day AliExpress acts on needs nothing from the buyer"


def test_a_return_and_the_ways_out_are_reminded_and_the_eu_guarantee_is_not():
    received = {
        "today": TODAY.isoformat(),
        "order": {"placed_on": day(-90), "shipped_on": day(-88), "received": True, "tracking": "delivered"},
        "problem": "fake",
    }
    case, plan = with_dates(
        received, return_ship_by=on(10), paypal_dispute_by=on(90), chargeback_by=on(30), eu_guarantee_until=on(700)
    )
    reminders = {r.key: r for r in plan_reminders(case, plan)}
    assert {"return_ship_by", "paypal_dispute_by", "chargeback_by"} <= set(reminders)
    assert "eu_guarantee_until" not in reminders
    for key in ("return_ship_by", "paypal_dispute_by", "chargeback_by"):
        assert reminders[key].label == DEADLINE_LABELS[key] and reminders[key].action == REMINDER_NOTES[key]
    assert "Outside AliExpress" in reminders["chargeback_by"].action
    summaries = [str(e["SUMMARY"]) for e in parse(plan_calendar(case, plan, now=NOW))[1]]
    assert "AliExpress order placed on " + show_date(on(-90)) + ": Last day for a PayPal dispute" in summaries


def test_after_a_closed_dispute_the_ways_out_are_still_reminded():
    closed = {
        "today": TODAY.isoformat(),
        "order": {"placed_on": day(-90), "shipped_on": day(-88), "received": True, "tracking": "delivered"},
        "problem": "fake",
        "dispute": {"status": "closed", "opened_on": day(-40), "closed_on": day(-20), "satisfied": False},
    }
    case, plan = with_dates(closed, paypal_dispute_by=on(90), chargeback_by=on(30), return_ship_by=None)
    assert [r.key for r in plan_reminders(case, plan)] == ["chargeback_by", "paypal_dispute_by"]


def test_the_day_to_ask_for_an_extension_is_not_reminded_once_a_dispute_runs():
    case, plan = with_dates(OPEN_DISPUTE, ask_extension_by=on(3))
    assert "ask_extension_by" not in [r.key for r in plan_reminders(case, plan)]
