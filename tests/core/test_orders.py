"""The orders table in core: rows and their cases, urgency ordering, summaries and merging.

TODAY is Thursday 2026-11-26 (see tests/support/cases.py). `row(...)` builds an order shipped
38 days ago with 60 days of protection, so its dispute deadline is 22 days away.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from core.models import Payment, Problem, ReturnStatus, Rule, SellerAsk, Tracking
from core.orders import MAX_ORDERS, OrderRow, Urgency, assess, merge, read_row, row_to_case, summary
from tests.support.cases import TODAY


def day(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def row(label: str = "Headphones", **fields) -> OrderRow:
    base = {"label": label, "placed_on": day(-40), "shipped_on": day(-38), "total_paid": Decimal("20.00")}
    return OrderRow(**{**base, **fields})


def deadline_in(days: int, label: str, **fields) -> OrderRow:
    """Not received, no tracking, the seller asked 10 days ago: open a dispute, with protection ending in `days`."""
    return row(label, shipped_on=day(-30), protection_days=30 + days, seller_contacted_on=day(-10), **fields)


# --- Rows to cases ------------------------------------------------------------------


def test_a_new_row_needs_only_a_placing_date_and_has_plain_defaults():
    order = OrderRow(placed_on=TODAY)
    assert order.label == "" and order.protection_days == 60 and order.currency == "USD"
    assert order.problem is Problem.none and order.dispute_status == "none" and order.satisfied
    assert order.id and OrderRow(placed_on=TODAY).id != order.id


def test_row_to_case_carries_every_column():
    order = row(
        received=True,
        receipt_confirmed_on=day(-5),
        tracking="delivered",
        shipping_paid="2.50",
        currency="eur",
        free_return=True,
        problem="incomplete",
        missing_items_value="5",
        seller_contacted_on=day(-4),
        dispute_status="closed",
        dispute_opened_on=day(-20),
        negotiation_ends_on=day(-10),
        dispute_closed_on=day(-3),
        refund_processed_on=day(-2),
        refund_received=False,
        satisfied=False,
        paid_with="card",
    )
    case = row_to_case(order, TODAY, "DE")
    assert case.today == TODAY and case.country == "DE"
    assert case.paid_with is Payment.card and case.order.placed_on == day(-40)
    assert case.order.label == "Headphones" and case.order.currency == "EUR" and case.order.free_return
    assert case.order.receipt_confirmed_on == day(-5) and case.order.tracking is Tracking.delivered
    assert case.problem is Problem.incomplete and case.missing_items_value == Decimal("5")
    assert case.seller_contacted_on == day(-4)
    dispute = case.dispute
    assert dispute.status.value == "closed" and dispute.opened_on == day(-20)
    assert dispute.negotiation_ends_on == day(-10) and dispute.closed_on == day(-3)
    assert dispute.refund_processed_on == day(-2) and not dispute.refund_received and not dispute.satisfied


def test_no_dispute_and_no_label_read_as_none():
    case = row_to_case(row(""), TODAY)
    assert case.dispute is None and case.order.label is None and case.order.order_number is None
    assert case.paid_with is None, "a way of paying nobody gave stays unknown"


def test_the_order_number_is_kept_as_digits_and_reaches_the_case():
    order = row(order_number="8123 4567-8901 2345")
    assert order.order_number == "8123456789012345"
    assert row_to_case(order, TODAY).order.order_number == "8123456789012345"


def test_the_order_pages_protection_end_reaches_the_case_and_the_deadline():
    order = row(protection_ends_on=day(30))
    assert row_to_case(order, TODAY).order.protection_ends_on == day(30)
    assert row(protection_ends_on=None).protection_ends_on is None
    item = assess([row(problem="not_arrived", seller_contacted_on=day(-10), protection_ends_on=day(30))], TODAY)[0]
    assert item.plan is not None and item.plan.dates.protection_ends == day(30)
    assert not item.plan.protection_assumed


def test_a_protection_end_before_shipping_is_reported_on_its_column():
    item = assess([row(protection_ends_on=day(-39))], TODAY)[0]
    assert item.plan is None and item.urgency is Urgency.to_fix
    assert [p.field for p in item.problems] == ["protection_ends_on"]


def test_tabs_and_returns_inside_a_label_become_spaces():
    assert row("\t=SUM(A1)\r\nsecond line").label == "=SUM(A1) second line"
    assert row("a\u202eevil").label == "aevil"


# --- Urgency ------------------------------------------------------------------------


def test_assess_sorts_overdue_then_due_soon_then_the_rest():
    rows = [
        row("settled", received=True, receipt_confirmed_on=day(-10)),
        row("waiting", shipped_on=day(-3)),
        deadline_in(20, "later"),
        deadline_in(7, "this week"),
        row("to fix", shipped_on=day(-41)),
        deadline_in(3, "due soon"),
        deadline_in(-2, "protection over"),
        row(
            "refund late",
            dispute_status="closed",
            dispute_opened_on=day(-37),
            dispute_closed_on=day(-35),
            refund_processed_on=day(-34),
        ),
    ]
    assessed = assess(rows, TODAY)
    assert [a.row.label for a in assessed] == [
        "refund late",
        "protection over",
        "due soon",
        "to fix",
        "this week",
        "later",
        "waiting",
        "settled",
    ]
    assert [a.urgency for a in assessed] == [
        Urgency.overdue,
        Urgency.overdue,
        Urgency.due_soon,
        Urgency.to_fix,
        Urgency.this_week,
        Urgency.later,
        Urgency.waiting,
        Urgency.settled,
    ]


def test_within_a_bucket_the_nearest_deadline_comes_first():
    assessed = assess([deadline_in(5, "five"), deadline_in(0, "today"), deadline_in(2, "two")], TODAY)
    assert [a.row.label for a in assessed] == ["today", "two", "five"]
    assert [a.days_left for a in assessed] == [0, 2, 5]
    assert all(a.urgency is Urgency.due_soon for a in assessed)


def test_the_five_and_seven_day_edges():
    buckets = {a.days_left: a.urgency for a in assess([deadline_in(n, str(n)) for n in (5, 6, 7, 8)], TODAY)}
    assert buckets == {5: Urgency.due_soon, 6: Urgency.this_week, 7: Urgency.this_week, 8: Urgency.later}


def test_a_past_date_while_waiting_is_overdue():
    late = row(
        "negotiation over",
        dispute_status="open",
        dispute_opened_on=day(-20),
        negotiation_ends_on=day(-1),
        problem="not_arrived",
    )
    [item] = assess([late], TODAY)
    # The seller let their 5 days pass, and AliExpress should have stepped in 7 days after the opening.
    assert item.plan.action == "wait" and item.days_left == -13 and item.urgency is Urgency.overdue


def test_an_order_not_shipped_yet_with_nothing_wrong_is_waiting():
    fresh, unwanted = assess(
        [row("fresh", shipped_on=None), row("unwanted", shipped_on=None, problem="changed_mind")], TODAY
    )[::-1]
    assert fresh.row.label == "fresh" and fresh.urgency is Urgency.waiting
    assert unwanted.plan.action == "request_cancellation" and unwanted.urgency is Urgency.due_soon


def test_a_contradictory_row_gets_its_problems_by_column():
    [item] = assess([row("broken", shipped_on=day(-41), dispute_status="open", dispute_closed_on=day(-1))], TODAY)
    assert item.plan is None and item.urgency is Urgency.to_fix
    assert {p.field for p in item.problems} == {"shipped_on", "dispute_closed_on"}


def test_a_future_placing_date_is_reported_on_placed_on():
    [item] = assess([row("future", placed_on=day(3), shipped_on=None)], TODAY)
    assert [p.field for p in item.problems] == ["placed_on"]


def test_country_holidays_move_the_refund_window():
    # Refund processed on Monday 2026-12-21: 20 working days, with and without German holidays.
    refund = row(
        "refund",
        dispute_status="closed",
        dispute_opened_on=day(-20),
        dispute_closed_on=day(24),
        refund_processed_on=dt.date(2026, 12, 21),
    )
    plain = assess([refund], dt.date(2026, 12, 22))[0].plan.dates.refund_expected_by
    german = assess([refund], dt.date(2026, 12, 22), "DE")[0].plan.dates.refund_expected_by
    assert german > plain


# --- Summary ------------------------------------------------------------------------


def test_summary_counts_each_bucket_and_money_at_stake_per_currency():
    rows = [
        deadline_in(-2, "over", problem="not_arrived", total_paid="10.00"),
        deadline_in(3, "soon", problem="not_arrived", total_paid="15.50", currency="EUR"),
        deadline_in(7, "week", total_paid="99.00"),
        deadline_in(20, "later", problem="not_arrived", total_paid="4.50", currency="EUR"),
        row("waiting", shipped_on=day(-3), total_paid="7.00"),
        row("settled", received=True, receipt_confirmed_on=day(-10), problem="none"),
        row(
            "resolved",
            received=True,
            problem="fake",
            dispute_status="closed",
            dispute_opened_on=day(-20),
            dispute_closed_on=day(-10),
            refund_processed_on=day(-9),
            refund_received=True,
            total_paid="50",
        ),
        row("fix me", shipped_on=day(-41), problem="fake", received=True, total_paid="1000"),
        row("open dispute", dispute_status="open", dispute_opened_on=day(-3), total_paid="3.00"),
    ]
    s = summary(assess(rows, TODAY))
    assert (s.act_now, s.this_week, s.later, s.waiting, s.settled, s.to_fix) == (2, 1, 1, 2, 2, 1)
    assert s.at_stake == {"USD": Decimal("1013.00"), "EUR": Decimal("20.00")}


def test_summary_of_nothing():
    s = summary([])
    assert (s.act_now, s.this_week, s.later, s.waiting, s.settled, s.to_fix) == (0, 0, 0, 0, 0, 0)
    assert s.at_stake == {}


# --- Merging ------------------------------------------------------------------------


def test_merge_adds_only_what_the_table_lacks_and_never_drops_a_row():
    mine = [row("a"), row("b", total_paid="5")]
    changed_elsewhere = mine[0].model_copy(update={"label": "a, renamed"})
    same_details_new_id = mine[1].model_copy(update={"id": "other-id"})
    new = row("c", total_paid="7")
    merged = merge(mine, [changed_elsewhere, same_details_new_id, new, new])
    assert merged.rows == [*mine, new]
    assert (merged.added, merged.already_there, merged.kept_yours, merged.over_limit) == (1, 2, 1, 0)


def test_merge_stops_at_the_table_limit():
    full = [row(str(n), id=f"r{n}") for n in range(MAX_ORDERS)]
    merged = merge(full, [row("one more", id="extra")])
    assert merged.rows == full and merged.over_limit == 1


# --- The issue-17 columns: a return, a cancellation, the seller's asks, Choice orders ----------


def test_a_return_in_progress_reaches_the_case_and_its_plan():
    order = row(problem="not_as_described", received=True, return_status="not_sent", return_agreed_on=day(-3))
    case = row_to_case(order, TODAY)
    assert case.item_return is not None and case.item_return.status is ReturnStatus.not_sent
    assert case.item_return.agreed_on == day(-3) and case.item_return.ship_by is None
    [item] = assess([order], TODAY)
    assert item.plan is not None and item.plan.dates.return_ship_by == day(7)


def test_a_return_date_without_its_status_counts_as_not_sent_and_no_return_is_none():
    assert row_to_case(row(return_ship_by=day(5)), TODAY).item_return.status is ReturnStatus.not_sent
    assert row_to_case(row(), TODAY).item_return is None


def test_a_sent_date_before_the_agreement_is_reported_on_its_column():
    [item] = assess([row(received=True, return_status="sent", return_agreed_on=day(-3), return_sent_on=day(-5))], TODAY)
    assert item.plan is None and "return_sent_on" in [p.field for p in item.problems]


def test_cancelled_seller_asks_and_choice_reach_the_case():
    case = row_to_case(row(shipped_on=None, cancelled_on=day(-2), seller_asks="wait_longer", choice_order=True), TODAY)
    assert case.cancelled_on == day(-2) and case.seller_asks is SellerAsk.wait_longer and case.choice_order is True
    assert row_to_case(row(), TODAY).choice_order is None, "nobody said whether it is a Choice order"


def test_a_cancelled_order_that_shipped_is_reported_on_the_cancelled_column():
    [item] = assess([row(cancelled_on=day(-2))], TODAY)
    assert item.plan is None and [p.field for p in item.problems] == ["cancelled_on"]


def test_bad_values_in_the_new_columns_are_refused_in_words():
    _row, found = read_row({"placed_on": "2026-10-01", "return_status": "posted", "seller_asks": "x"})
    assert {p.field for p in found} == {"return_status", "seller_asks"}
    assert all("Must be one of" in p.message for p in found)


def test_the_later_story_columns_reach_the_case_and_change_the_plan():
    rejected = row(problem="not_as_described", received=True, dispute_status="open", dispute_opened_on=day(-3))
    [item] = assess([rejected.model_copy(update={"seller_rejected": True})], TODAY)
    assert item.plan is not None and item.plan.rule is Rule.seller_rejected
    customs = row(tracking="returned_to_seller", customs_refused=True)
    [item] = assess([customs], TODAY)
    assert item.plan is not None and item.plan.rule is Rule.returned_customs_refused
    late = row_to_case(row(received=True, arrived_late=True, free_return_used=True), TODAY)
    assert late.arrived_late and late.order.free_return_used and late.customs_refused is None
    plain = row_to_case(row(), TODAY)
    assert not plain.arrived_late and not plain.order.free_return_used, "empty means no"


def test_a_shipping_day_nobody_can_find_counts_from_the_order_day():
    unknown = row(shipped_on=None, shipping_day_unknown=True)
    case = row_to_case(unknown, TODAY)
    assert case.order.shipping_day_unknown and case.order.shipped_on == day(-40)
    [item] = assess([unknown], TODAY)
    assert item.plan is not None and item.plan.counted_from_order_day
    assert item.plan.dates.protection_ends == day(20), "60 days from the order's day, not the shipping day"
    assert not row_to_case(row(shipping_day_unknown=True), TODAY).order.shipping_day_unknown, "a day given wins"


def test_the_not_shipped_answers_and_a_parcel_after_the_refund_reach_their_plans():
    not_shipped = row(shipped_on=None)
    plans = {
        Rule.seller_asked_to_cancel: not_shipped.model_copy(update={"seller_asked_to_cancel": True}),
        Rule.waiting_to_ship: not_shipped.model_copy(update={"keeps_waiting": True}),
        Rule.arrived_after_refund: row(
            dispute_status="closed",
            dispute_opened_on=day(-20),
            dispute_closed_on=day(-10),
            refund_received=True,
            arrived_after_refund=True,
        ),
    }
    for rule, order in plans.items():
        [item] = assess([order], TODAY)
        assert item.plan is not None and item.plan.rule is rule, (rule, item.problems)
    assert not row_to_case(row(keeps_waiting=True), TODAY).keeps_waiting, "only before shipping"
