"""core.timeline: the windows and events of an order, taken from the plan's own dates.

TODAY is Thursday 2026-11-26; every case is a plain dict as the wizard would send it
(the wizard never asks when the order was placed; tests that give the day are the orders page).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

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
    assert events(timeline) == {"shipped": day(-38), "estimated_delivery": day(-5)}
    assert all(row["What"] != "Placed" for row in timeline_rows(timeline))
    first = min([e.date for e in timeline.events] + [w.start for w in timeline.windows])
    assert first == day(-38)


def test_an_order_date_given_is_shown_even_on_the_day_it_shipped_or_today():
    for placed in (day(-38), TODAY):
        shipped = day(-38) if placed == day(-38) else None
        order = {"placed_on": placed, **({"shipped_on": shipped} if shipped else {})}
        _case, _plan, timeline = timeline_of(case_of(order, problem="not_arrived" if shipped else "none"))
        assert events(timeline)["placed"] == placed


def test_a_parcel_lost_after_protection_has_the_refund_request_window():
    data = case_of({"shipped_on": day(-65), "total_paid": "30"}, problem="not_arrived")
    _case, plan, timeline = timeline_of(data)
    assert plan.dates.protection_ends == day(-5) and plan.dates.late_claim_deadline == day(10)
    assert windows(timeline)["late_claim"] == (day(-4), day(10))
    window = next(w for w in timeline.windows if w.key == "late_claim")
    assert window.label == "Refund request after protection"
    assert [w.key for w in timeline.windows] == ["too_early", "dispute", "late_claim"]


def test_no_refund_request_window_for_a_received_order_or_a_dispute_in_progress():
    received = case_of({"shipped_on": day(-65), "received": True, "tracking": "delivered"}, problem="fake")
    assert "late_claim" not in windows(timeline_of(received)[2])
    in_progress = case_of(
        {"shipped_on": day(-20)},
        problem="not_arrived",
        dispute={"status": "open", "negotiation_ends_on": day(4).isoformat()},
    )
    _case, plan, timeline = timeline_of(in_progress)
    assert plan.dates.late_claim_deadline is not None
    assert "late_claim" not in windows(timeline)
    # Nor before protection has ended: the plan never counts on those 15 days in advance.
    cancel = case_of(
        {"shipped_on": day(-20), "tracking": "in_transit"},
        problem="not_arrived",
        dispute={"status": "open", "judgement": "invalid"},
    )
    _case, plan, timeline = timeline_of(cancel)
    assert plan.action == "cancel_dispute"
    assert "late_claim" not in windows(timeline)


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
    assert events(timeline) == {"placed": day(-40), "shipped": day(-38), "estimated_delivery": day(-5)}
    assert [w.label for w in timeline.windows] == ["Too early to dispute", "Dispute window"]


def test_confirmed_receipt_splits_the_dispute_window():
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
    assert windows(timeline)["dispute"] == (day(-28), day(-4))
    assert windows(timeline)["after_receipt"] == (day(-3), plan.dates.dispute_deadline)
    assert plan.dates.dispute_deadline == day(12)
    assert events(timeline)["receipt_confirmed"] == day(-3)
    assert next(w.label for w in timeline.windows if w.key == "after_receipt") == "15 days after receipt"


def test_window_before_receipt_stops_when_protection_ends():
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
    assert "dispute" not in windows(timeline)
    assert windows(timeline)["after_receipt"] == (day(-1), day(14))
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
    assert [e.key for e in timeline.events] == ["placed", "estimated_delivery", "shipped"]


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
            "What": "Dispute window",
            "From": show_date(day(-28)),
            "To": show_date(day(22)),
            HOW: f"Shipped {show_date(day(-38))} + 60 days of buyer protection = {show_date(day(22))}",
        },
        {"What": "Estimated delivery", "From": show_date(day(-5)), "To": "", HOW: ""},
    ]
    assert show_date(day(-40)) == "Sat 17 Oct 2026"


def test_in_date_order_puts_an_event_before_a_window_of_the_same_day():
    timeline_items = in_date_order(timeline_of(case_of({"placed_on": day(-40), "shipped_on": day(-38)}))[2])
    kinds = [(type(item).__name__, item.key) for item in timeline_items]
    assert kinds.index(("Event", "shipped")) < kinds.index(("Window", "too_early"))
    assert all(isinstance(item, (Window, Event)) for item in timeline_items)
