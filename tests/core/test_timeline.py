"""core.timeline: the windows and events of an order, taken from the plan's own dates.

TODAY is Thursday 2026-11-26; every case is a plain dict as the wizard would send it
(the wizard asks when the order was paid only as an optional detail; tests that give the day are that or the orders page).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest

from core import advise, read_case
from core.i18n import show_date
from core.timeline import Event, Window, in_date_order, order_timeline, timeline_rows

TODAY = dt.date(2026, 11, 26)


def day(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def case_of(order: dict, **top) -> dict:
    """A case dict for TODAY; dates in `order` may be given as dates."""
    order = {key: str(value) if isinstance(value, dt.date) else value for key, value in order.items()}
    return {"today": TODAY.isoformat(), "order": order, **top}


def timeline_of(data: dict, **kw):
    case = read_case(data)
    plan = advise(case)
    return case, plan, order_timeline(case, plan, **kw)


def windows(timeline) -> dict[str, tuple[dt.date, dt.date]]:
    return {w.key: (w.start, w.end) for w in timeline.windows}


def events(timeline) -> dict[str, dt.date]:
    return {e.key: e.date for e in timeline.events}


def test_not_shipped_has_only_the_day_it_was_placed():
    _case, _plan, timeline = timeline_of(case_of({"placed_on": day(-2)}))
    assert timeline.windows == ()
    assert events(timeline) == {"placed": day(-2)}
    assert timeline.today == TODAY


def test_an_order_date_not_given_is_never_shown():
    _case, _plan, timeline = timeline_of(case_of({}))
    assert timeline.windows == () and timeline.events == ()
    data = case_of({"shipped_on": day(-38), "estimated_delivery": day(-5)}, problem="not_arrived")
    _case, _plan, timeline = timeline_of(data)
    assert "placed" not in events(timeline)
    assert events(timeline) == {"shipped": day(-38), "estimated_delivery": day(-5), "ask_extension_by": day(15)}
    assert all(row["What"] != "Placed" for row in timeline_rows(timeline))
    first = min([e.date for e in timeline.events] + [w.start for w in timeline.windows])
    assert first == day(-38)


def test_an_order_date_given_is_shown_even_on_the_day_it_shipped_or_today():
    for placed in (day(-38), TODAY):
        shipped = day(-38) if placed == day(-38) else None
        order = {"placed_on": placed, **({"shipped_on": shipped} if shipped else {})}
        _case, _plan, timeline = timeline_of(case_of(order, problem="not_arrived" if shipped else "none"))
        assert events(timeline)["placed"] == placed


def test_a_parcel_lost_after_protection_reads_as_one_span_to_the_refund_requests_end():
    data = case_of({"shipped_on": day(-65), "total_paid": "30"}, problem="not_arrived")
    _case, plan, timeline = timeline_of(data)
    assert plan.dates.protection_ends == day(-5) and plan.dates.late_claim_deadline == day(10)
    assert [w.key for w in timeline.windows] == ["too_early", "dispute"]
    [span] = [w for w in timeline.windows if w.key == "dispute"]
    assert (span.start, span.end) == (plan.dates.earliest_dispute, day(10))
    assert span.label == f"You can open a dispute until {show_date(day(10))}"
    assert span.reason == "Ends 15 days after protection ended"
    assert span.counted == (plan.counted["late_claim_deadline"],)
    assert events(timeline)["protection_ends"] == day(-5)
    assert next(e.label for e in timeline.events if e.key == "protection_ends") == "Protection ended"


def test_no_refund_request_window_for_a_received_order_or_a_dispute_in_progress():
    received = case_of({"shipped_on": day(-65), "received": True, "tracking": "delivered"}, problem="fake")
    assert windows(timeline_of(received)[2])["dispute"][1] == day(-5)
    in_progress = case_of(
        {"shipped_on": day(-20)},
        problem="not_arrived",
        dispute={"status": "open", "negotiation_ends_on": day(4).isoformat()},
    )
    _case, plan, timeline = timeline_of(in_progress)
    assert plan.dates.late_claim_deadline is not None
    assert windows(timeline)["dispute"][1] == plan.dates.protection_ends
    # Nor before protection has ended: the plan never counts on those 15 days in advance.
    cancel = case_of(
        {"shipped_on": day(-20), "tracking": "in_transit"},
        problem="not_arrived",
        dispute={"status": "open", "judgement": "invalid"},
    )
    _case, plan, timeline = timeline_of(cancel)
    assert plan.action == "cancel_dispute"
    assert windows(timeline)["dispute"][1] == plan.dates.protection_ends
    assert "protection_ends" not in events(timeline)


def test_shipped_not_received_windows_follow_the_plan_dates():
    data = case_of(
        {"placed_on": day(-40), "shipped_on": day(-38), "estimated_delivery": day(-5)}, problem="not_arrived"
    )
    _case, plan, timeline = timeline_of(data)
    assert windows(timeline) == {
        "too_early": (day(-38), plan.dates.earliest_dispute - dt.timedelta(days=1)),
        "dispute": (plan.dates.earliest_dispute, plan.dates.dispute_deadline),
    }
    assert plan.dates.earliest_dispute == day(-28) and plan.dates.dispute_deadline == day(22)
    assert plan.dates.late_claim_deadline == day(37)
    assert events(timeline) == {
        "placed": day(-40),
        "shipped": day(-38),
        "estimated_delivery": day(-5),
        "ask_extension_by": day(15),
    }
    assert [w.label for w in timeline.windows] == [
        "Too early to dispute",
        f"You can open a dispute until {show_date(day(22))}",
    ]
    assert timeline.windows[1].reason == "Ends with buyer protection"


def test_confirmed_receipt_continues_the_span_to_15_days_after_it():
    data = case_of(
        {
            "placed_on": day(-40),
            "shipped_on": day(-38),
            "received": True,
            "receipt_confirmed_on": day(-3),
            "tracking": "delivered",
        },
        problem="fake",
    )
    _case, plan, timeline = timeline_of(data)
    assert windows(timeline) == {"too_early": (day(-38), day(-29)), "dispute": (day(-28), day(12))}
    assert plan.dates.dispute_deadline == day(12)
    assert events(timeline)["receipt_confirmed"] == day(-3)
    [span] = [w for w in timeline.windows if w.key == "dispute"]
    assert span.label == f"You can open a dispute until {show_date(day(12))}"
    assert span.reason == "Ends 15 days after you confirmed receipt"
    assert span.counted == (plan.counted["dispute_deadline"],)
    assert "protection_ends" not in events(timeline)


def test_a_receipt_confirmed_after_protection_ended_leaves_a_gap_with_each_end_explained():
    data = case_of(
        {
            "placed_on": day(-40),
            "shipped_on": day(-38),
            "protection_days": 20,
            "received": True,
            "receipt_confirmed_on": day(-5),
            "tracking": "delivered",
        },
        problem="fake",
    )
    _case, plan, timeline = timeline_of(data)
    assert windows(timeline)["dispute"] == (day(-28), plan.dates.protection_ends)
    assert plan.dates.protection_ends == day(-18)
    assert windows(timeline)["after_receipt"] == (day(-5), day(10))
    first, second = (w for w in timeline.windows if w.key in ("dispute", "after_receipt"))
    assert first.label == f"You could open a dispute until {show_date(day(-18))}"
    assert first.reason == "Ends with buyer protection"
    assert second.label == f"You can open a dispute until {show_date(day(10))}"
    assert second.reason == "Ends 15 days after you confirmed receipt"


def test_receipt_before_disputes_open_gives_no_empty_window():
    data = case_of(
        {
            "placed_on": day(-9),
            "shipped_on": day(-8),
            "received": True,
            "receipt_confirmed_on": day(-1),
            "tracking": "delivered",
        },
        problem="none",
    )
    _case, _plan, timeline = timeline_of(data)
    assert windows(timeline) == {"too_early": (day(-8), day(-2)), "dispute": (day(-1), day(14))}
    for window in timeline.windows:
        assert window.start <= window.end


def test_protection_shorter_than_ten_days_has_no_dispute_window():
    data = case_of({"placed_on": day(-3), "shipped_on": day(-2), "protection_days": 5}, problem="not_arrived")
    _case, _plan, timeline = timeline_of(data)
    assert "dispute" not in windows(timeline)
    assert "too_early" in windows(timeline)


def test_open_dispute_negotiation_runs_from_opening():
    data = case_of(
        {"placed_on": day(-40), "shipped_on": day(-38)},
        problem="not_arrived",
        dispute={"status": "open", "opened_on": day(-3).isoformat(), "negotiation_ends_on": day(4).isoformat()},
    )
    _case, _plan, timeline = timeline_of(data)
    assert windows(timeline)["negotiation"] == (day(-3), day(4))
    assert events(timeline)["dispute_opened"] == day(-3)
    assert "appeal" not in windows(timeline) and "refund" not in windows(timeline)


def test_negotiation_without_an_opening_day_starts_today():
    data = case_of(
        {"placed_on": day(-40), "shipped_on": day(-38)},
        problem="not_arrived",
        dispute={"status": "open", "negotiation_ends_on": day(4).isoformat()},
    )
    _case, _plan, timeline = timeline_of(data)
    assert windows(timeline)["negotiation"] == (TODAY, day(4))
    assert "dispute_opened" not in events(timeline)


def test_closed_dispute_has_appeal_and_refund_windows_and_its_events():
    data = case_of(
        {"placed_on": day(-40), "shipped_on": day(-38), "total_paid": "30"},
        problem="not_arrived",
        dispute={
            "status": "closed",
            "opened_on": day(-10).isoformat(),
            "closed_on": day(-2).isoformat(),
            "refund_processed_on": day(-1).isoformat(),
        },
    )
    _case, plan, timeline = timeline_of(data)
    assert windows(timeline)["appeal"] == (day(-2), plan.dates.appeal_deadline) == (day(-2), day(5))
    assert windows(timeline)["refund"] == (plan.dates.refund_expected_from, plan.dates.refund_expected_by)
    assert events(timeline) == {
        "placed": day(-40),
        "shipped": day(-38),
        "dispute_opened": day(-10),
        "dispute_closed": day(-2),
        "refund_processed": day(-1),
    }


def test_events_are_in_date_order():
    data = case_of(
        {"placed_on": day(-40), "shipped_on": day(-38), "estimated_delivery": day(-39)}, problem="not_arrived"
    )
    _case, _plan, timeline = timeline_of(data)
    assert [e.key for e in timeline.events] == ["placed", "estimated_delivery", "shipped", "ask_extension_by"]


def test_today_comes_from_the_plan_when_the_case_has_none():
    data = {"order": {"placed_on": "2026-10-01", "shipped_on": "2026-10-03"}, "problem": "not_arrived"}
    case = read_case(data, day(0))
    plan = advise(case, day(0))
    assert order_timeline(case, plan).today == TODAY
    assert order_timeline(case, plan, today=day(3)).today == day(3)


def test_timeline_is_frozen():
    _case, _plan, timeline = timeline_of(case_of({"placed_on": day(-40), "shipped_on": day(-38)}))
    with pytest.raises(dataclasses.FrozenInstanceError):
        timeline.today = day(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        timeline.windows[0].end = day(1)
    hash(timeline)


HOW = "How it's counted"


def test_rows_read_in_date_order_with_dates_as_people_write_them():
    data = case_of(
        {"placed_on": day(-40), "shipped_on": day(-38), "estimated_delivery": day(-5)}, problem="not_arrived"
    )
    _case, _plan, timeline = timeline_of(data)
    rows = timeline_rows(timeline)
    assert rows == [
        {"What": "Placed", "From": show_date(day(-40)), "To": "", HOW: ""},
        {"What": "Shipped", "From": show_date(day(-38)), "To": "", HOW: ""},
        {"What": "Too early to dispute", "From": show_date(day(-38)), "To": show_date(day(-29)), HOW: ""},
        {
            "What": f"You can open a dispute until {show_date(day(22))}",
            "From": show_date(day(-28)),
            "To": show_date(day(22)),
            HOW: "Ends with buyer protection; "
            f"Shipped {show_date(day(-38))} + 60 days of buyer protection = {show_date(day(22))}",
        },
        {"What": "Estimated delivery", "From": show_date(day(-5)), "To": "", HOW: ""},
        {
            "What": "Ask the seller to extend protection by",
            "From": show_date(day(15)),
            "To": "",
            HOW: f"Shipped {show_date(day(-38))} + 60 days of buyer protection - 7 days = {show_date(day(15))}",
        },
    ]
    assert show_date(day(-40)) == "Sat 17 Oct 2026"


def test_in_date_order_puts_an_event_before_a_window_of_the_same_day():
    timeline_items = in_date_order(timeline_of(case_of({"placed_on": day(-40), "shipped_on": day(-38)}))[2])
    kinds = [(type(item).__name__, item.key) for item in timeline_items]
    assert kinds.index(("Event", "shipped")) < kinds.index(("Window", "too_early"))
    assert all(isinstance(item, (Window, Event)) for item in timeline_items)


# --- Spans to open a dispute ------------------------------------------------------------


def test_the_order_pages_protection_end_is_marked_as_such():
    data = case_of({"shipped_on": day(-38), "protection_ends_on": day(30)}, problem="not_arrived")
    _case, plan, timeline = timeline_of(data)
    [span] = [w for w in timeline.windows if w.key == "dispute"]
    assert span.end == plan.dates.protection_ends == day(30)
    assert span.label == f"You can open a dispute until {show_date(day(30))}"
    assert span.reason == "Ends with buyer protection (date from your order page)"
    [row] = [r for r in timeline_rows(timeline) if r["What"] == span.label]
    assert row[HOW] == f"{span.reason}; As your order page shows it = {show_date(day(30))}"
    # After protection, for a parcel never received: the day protection ended, from the order page.
    late = case_of({"shipped_on": day(-65), "protection_ends_on": day(-5)}, problem="not_arrived")
    _case, _plan, timeline = timeline_of(late)
    ended = next(e for e in timeline.events if e.key == "protection_ends")
    assert (ended.label, ended.date) == ("Protection ended (your order page)", day(-5))


def test_without_the_order_pages_date_the_reason_says_nothing_of_it():
    _case, _plan, timeline = timeline_of(case_of({"shipped_on": day(-38)}, problem="not_arrived"))
    assert "order page" not in " ".join(w.reason + w.label for w in timeline.windows)


SPAN_KEYS = ("dispute", "after_receipt")
SPAN_CASES = [
    case_of({"shipped_on": day(-38)}, problem="not_arrived"),
    case_of({"shipped_on": day(-65)}, problem="not_arrived"),
    case_of({"shipped_on": day(-90)}, problem="not_arrived"),
    case_of({"shipped_on": day(-38), "protection_ends_on": day(5)}, problem="not_arrived"),
    case_of({"shipped_on": day(-38), "received": True, "tracking": "delivered"}, problem="fake"),
    case_of({"shipped_on": day(-8), "received": True, "receipt_confirmed_on": day(-1), "tracking": "delivered"}),
    case_of(
        {"shipped_on": day(-38), "received": True, "receipt_confirmed_on": day(-3), "tracking": "delivered"},
        problem="fake",
    ),
    case_of(
        {"shipped_on": day(-38), "received": True, "receipt_confirmed_on": day(-20), "tracking": "delivered"},
        problem="fake",
    ),
    case_of(
        {
            "shipped_on": day(-38),
            "protection_days": 20,
            "received": True,
            "receipt_confirmed_on": day(-5),
            "tracking": "delivered",
        },
        problem="fake",
    ),
    case_of(
        {"shipped_on": day(-38), "protection_ends_on": day(-10), "received": True, "receipt_confirmed_on": day(-9)},
        problem="fake",
    ),
]


@pytest.mark.parametrize("data", SPAN_CASES)
def test_no_span_to_dispute_ends_before_the_next_begins_without_a_reason(data):
    _case, plan, timeline = timeline_of(data)
    spans = [w for w in timeline.windows if w.key in SPAN_KEYS]
    assert spans, "every one of these cases can be disputed at some point"
    for span in spans:
        assert span.reason and span.label.endswith(show_date(span.end))
        assert span.end in (plan.dates.dispute_deadline, plan.dates.protection_ends, plan.dates.late_claim_deadline)
    for before, after in itertools.pairwise(spans):
        # Windows that follow each other are one span: two spans only around days nothing can be done.
        assert after.start > before.end + dt.timedelta(days=1)
    too_early = [w for w in timeline.windows if w.key == "too_early"]
    for window in too_early:
        assert window.end < spans[0].start


def test_a_span_once_over_says_you_could():
    data = case_of({"shipped_on": day(-120)}, problem="not_arrived")
    _case, _plan, timeline = timeline_of(data)
    [span] = [w for w in timeline.windows if w.key == "dispute"]
    assert span.end < TODAY and span.label == f"You could open a dispute until {show_date(span.end)}"


# --- The plan's own days as events ---------------------------------------------------------


def test_an_open_dispute_shows_the_sellers_last_day_to_answer_and_when_aliexpress_steps_in():
    data = case_of(
        {"shipped_on": day(-30), "received": True, "tracking": "delivered"},
        problem="fake",
        dispute={"status": "open", "opened_on": str(day(-2))},
    )
    _case, plan, timeline = timeline_of(data)
    assert plan.dates.seller_must_answer_by == day(3) and plan.dates.aliexpress_steps_in_by == day(5)
    found = {e.key: e for e in timeline.events}
    assert found["seller_must_answer_by"].date == day(3)
    assert found["seller_must_answer_by"].label == "The seller's last day to answer the dispute"
    assert found["aliexpress_steps_in_by"].label == "AliExpress steps in by"
    assert found["seller_must_answer_by"].counted == (plan.counted["seller_must_answer_by"],)
    assert not any(e.outside for e in timeline.events)
    [row] = [r for r in timeline_rows(timeline) if r["What"] == "AliExpress steps in by"]
    assert row["From"] == show_date(day(5)) and row[HOW] == plan.counted["aliexpress_steps_in_by"]


def with_dates(data: dict, counted: dict[str, str] | None = None, **dates):
    """The case and its plan with some of the plan's dates set, as the rules set them where they apply."""
    case = read_case(data)
    plan = advise(case)
    plan = plan.model_copy(
        update={"dates": plan.dates.model_copy(update=dates), "counted": {**plan.counted, **(counted or {})}}
    )
    return case, plan, order_timeline(case, plan)


RECEIVED = case_of({"placed_on": day(-60), "shipped_on": day(-58), "received": True, "tracking": "delivered"})


def test_the_ways_out_are_labelled_as_outside_aliexpress():
    _case, _plan, timeline = with_dates(
        RECEIVED,
        {"paypal_dispute_by": "Paid ... + 180 days"},
        paypal_dispute_by=day(120),
        chargeback_by=day(60),
        eu_guarantee_until=day(700),
    )
    outside = {e.key: e for e in timeline.events if e.outside}
    assert set(outside) == {"paypal_dispute_by", "chargeback_by", "eu_guarantee_until"}
    assert outside["paypal_dispute_by"].label == "Outside AliExpress: Last day for a PayPal dispute"
    assert outside["chargeback_by"].label == "Outside AliExpress: Last day for a card chargeback"
    assert outside["eu_guarantee_until"].label == "Outside AliExpress: EU legal guarantee lasts until"
    assert outside["paypal_dispute_by"].counted == ("Paid ... + 180 days",)
    assert [e.date for e in timeline.events] == sorted(e.date for e in timeline.events)


def test_a_day_to_act_by_shows_only_while_it_is_ahead():
    _case, _plan, ahead = with_dates(RECEIVED, return_ship_by=day(10), ask_extension_by=day(0))
    assert {e.key: e.date for e in ahead.events if e.key in ("return_ship_by", "ask_extension_by")} == {
        "return_ship_by": day(10),
        "ask_extension_by": day(0),
    }
    assert next(e for e in ahead.events if e.key == "return_ship_by").label == "Last day to send the item back"
    _case, _plan, gone = with_dates(RECEIVED, return_ship_by=day(-1), ask_extension_by=day(-3))
    assert not {"return_ship_by", "ask_extension_by"} & {e.key for e in gone.events}


def test_the_plan_file_lists_the_new_days_with_how_they_were_counted():
    from core.report import key_dates

    case, plan, _timeline = with_dates(
        RECEIVED, {"chargeback_by": "Receipt ... + 120 days"}, chargeback_by=day(60), return_ship_by=day(10)
    )
    lines = key_dates(case, plan, TODAY)
    at = lines.index(f"Outside AliExpress: Last day for a card chargeback: {show_date(day(60))}")
    assert lines[at + 1] == "  Receipt ... + 120 days"
    assert f"Last day to send the item back: {show_date(day(10))}" in lines


def test_a_plan_that_opens_the_dispute_now_shows_no_day_to_ask_for_more_protection():
    """Protection ends in 20 days: a parcel moving is told when to ask for more; one with no tracking, whose
    seller had their days, opens the dispute now, and the day to ask would only distract."""
    order = {"shipped_on": day(-40), "protection_days": 60}
    _c, waiting, moving = timeline_of(case_of({**order, "tracking": "in_transit"}))
    _c, opening, silent = timeline_of(case_of({**order, "tracking": "none"}, seller_contacted_on=str(day(-5))))
    assert waiting.dates.ask_extension_by is not None and opening.dates.ask_extension_by is not None
    assert opening.action == "open_dispute" and waiting.action != "open_dispute"
    assert "ask_extension_by" in events(moving)
    assert "ask_extension_by" not in events(silent)
