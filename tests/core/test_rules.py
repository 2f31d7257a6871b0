"""One test per line of issue 2's rules table, plus the boundaries.

The groups follow the table: dates, not shipped, dispute closed, dispute open,
cancelled dispute, shipped not received, received.  Within a group the first
matching line wins, so some tests check that an earlier line beats a later one.

All cases are built by `make_case` (see conftest.py): TODAY is Thursday
2026-11-26, the order was shipped on day(-38) with 60 days of protection
(so protection ends on day(22)), total 50.00 USD of which 5.00 shipping.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from core import ACTIONS, advise, read_case

from .conftest import (
    SHIPPING,
    TODAY,
    TOTAL,
    d,
    day,
    make_case,
    mentions_amount,
    mentions_any_date,
    mentions_currency,
    mentions_date,
    not_received,
    received,
)


def plan_for(**kw):
    return advise(make_case(**kw))


def assert_advice(plan, action, refund="none", amount=None, return_item=False):
    """The action and the money it asks for or accepts."""
    got = (plan.action, plan.refund, plan.refund_amount, plan.return_item)
    want = (action, refund, None if amount is None else Decimal(str(amount)), return_item)
    assert got == want, f"rule {plan.rule!r}: got {got}, want {want}"


def assert_deadline(plan, iso):
    """next_deadline is this date (None for no deadline), with days_left from TODAY."""
    if iso is None:
        assert plan.next_deadline is None, plan.next_deadline
        return
    assert plan.next_deadline is not None, f"rule {plan.rule!r}: no next_deadline"
    assert plan.next_deadline.date == d(iso)
    assert plan.next_deadline.days_left == (d(iso) - TODAY).days
    assert plan.next_deadline.label.strip()


def message(plan, kind):
    found = [m for m in plan.messages if m.kind == kind]
    assert found, f"no {kind!r} message in {[m.kind for m in plan.messages]}"
    return found[0]


def text_of(plan) -> str:
    parts = [plan.headline, *plan.steps, *plan.warnings, *plan.evidence]
    parts += [m.title + "\n" + m.body for m in plan.messages]
    return "\n".join(parts)


# =====================================================================================
# Dates
# =====================================================================================


class TestDates:
    def test_earliest_dispute_is_shipped_on_plus_10(self):
        p = plan_for(order={"shipped_on": day(-38)})
        assert p.dates.earliest_dispute == d(day(-28))

    def test_protection_ends_is_shipped_on_plus_protection_days(self):
        p = plan_for(order={"shipped_on": day(-38), "protection_days": 90})
        assert p.dates.protection_ends == d(day(52))

    def test_protection_days_default_to_60(self):
        case = make_case()
        del case["order"]["protection_days"]
        p = advise(case)
        assert p.dates.protection_ends == d(day(22))

    def test_dispute_deadline_is_protection_ends_without_receipt_confirmation(self):
        p = plan_for(order=received(), problem="fake")
        assert p.dates.protection_ends == d(day(22))
        assert p.dates.dispute_deadline == d(day(22))

    def test_dispute_deadline_is_receipt_plus_15_when_confirmed(self):
        p = plan_for(order=received(receipt_confirmed_on=day(-5)), problem="fake")
        assert p.dates.protection_ends == d(day(22))
        assert p.dates.dispute_deadline == d(day(10))

    def test_receipt_confirmed_late_makes_dispute_deadline_later_than_protection_ends(self):
        # Protection ended 5 days ago, but receipt was confirmed 6 days ago:
        # the 15 days after confirming still run, so a dispute is still possible.
        p = plan_for(
            order=received(shipped_on=day(-65), placed_on=day(-70), receipt_confirmed_on=day(-6)),
            problem="fake",
        )
        assert p.dates.protection_ends == d(day(-5))
        assert p.dates.dispute_deadline == d(day(9))
        assert_advice(p, "open_dispute", "full", TOTAL)
        assert_deadline(p, day(9))

    def test_appeal_deadline_is_closed_on_plus_7(self):
        p = plan_for(
            order=received(), problem="fake",
            dispute={"status": "closed", "closed_on": day(-2), "satisfied": False},
        )
        assert p.dates.appeal_deadline == d(day(5))

    def test_negotiation_ends_comes_from_the_dispute(self):
        p = plan_for(
            order=received(), problem="fake",
            dispute={"negotiation_ends_on": day(4)},
        )
        assert p.dates.negotiation_ends == d(day(4))

    @pytest.mark.parametrize(
        "processed, expected_from, expected_by",
        [
            # Friday 2026-11-20: +3 working days is Wed 11-25, +20 is Fri 12-18
            # (calendar days would give 11-23 and 12-10).
            ("2026-11-20", "2026-11-25", "2026-12-18"),
            # Wednesday 2026-11-18: +3 crosses a weekend to Mon 11-23, +20 is Wed 12-16.
            ("2026-11-18", "2026-11-23", "2026-12-16"),
            # Saturday 2026-11-21: counting starts on Monday.
            ("2026-11-21", "2026-11-25", "2026-12-18"),
        ],
        ids=["friday", "wednesday", "saturday"],
    )
    def test_refund_window_counts_working_days(self, processed, expected_from, expected_by):
        p = plan_for(
            order=received(), problem="fake",
            dispute={"status": "closed", "opened_on": processed, "closed_on": processed,
                     "satisfied": True, "refund_processed_on": processed,
                     "refund_received": False},
        )
        assert p.dates.refund_expected_from == d(expected_from)
        assert p.dates.refund_expected_by == d(expected_by)

    def test_no_shipping_no_protection_dates(self):
        p = plan_for(order={"shipped_on": None}, problem="changed_mind")
        assert p.dates.earliest_dispute is None
        assert p.dates.protection_ends is None
        assert p.dates.dispute_deadline is None

    def test_today_param_overrides_case_today(self):
        case = make_case(order={"shipped_on": day(-5)})  # earliest_dispute = day(5)
        p = advise(case, today=TODAY + dt.timedelta(days=2))
        assert p.action == "wait"
        assert p.next_deadline.date == d(day(5))
        assert p.next_deadline.days_left == 3

    def test_today_defaults_to_the_real_today(self):
        real_today = dt.date.today()
        shipped = real_today - dt.timedelta(days=3)
        case = make_case(order={"placed_on": shipped.isoformat(), "shipped_on": shipped.isoformat()})
        del case["today"]
        p = advise(case)
        assert p.action == "wait"
        assert p.next_deadline.date == shipped + dt.timedelta(days=10)
        assert p.next_deadline.days_left == 7

    def test_advise_takes_a_case_or_a_dict(self):
        case = make_case(order=received(), problem="incomplete", missing_items_value="12.34")
        assert advise(read_case(case)) == advise(case)


# =====================================================================================
# Not shipped
# =====================================================================================


class TestNotShipped:
    @pytest.mark.parametrize("problem", ["changed_mind", "not_arrived"])
    def test_payment_not_confirmed_cancel_order(self, problem):
        p = plan_for(order={"shipped_on": None, "payment_confirmed": False}, problem=problem)
        assert_advice(p, "cancel_order", "full", TOTAL)
        assert_deadline(p, None)

    @pytest.mark.parametrize("problem", ["changed_mind", "not_arrived"])
    def test_payment_confirmed_request_cancellation(self, problem):
        p = plan_for(order={"shipped_on": None, "payment_confirmed": True}, problem=problem)
        assert_advice(p, "request_cancellation", "full", TOTAL)
        assert_deadline(p, None)

    def test_request_cancellation_says_the_seller_may_refuse(self):
        p = plan_for(order={"shipped_on": None}, problem="changed_mind")
        assert "refuse" in text_of(p).lower() or "accept" in text_of(p).lower()


# =====================================================================================
# Dispute closed
# =====================================================================================


def closed(**dispute):
    """A closed dispute, opened on day(-20) or on its closing day when that is earlier."""
    out = {"status": "closed", "closed_on": day(-3), **dispute}
    out.setdefault("opened_on", min(out["closed_on"], day(-20)))
    return out


def shipped_long_ago(**order):
    """A received order shipped 90 days ago, for disputes closed long ago."""
    return received(shipped_on=day(-90), placed_on=day(-95), **order)


class TestDisputeClosed:
    def test_unhappy_within_appeal_deadline_appeal(self):
        p = plan_for(order=received(), problem="fake",
                     dispute=closed(satisfied=False, closed_on=day(-3)))
        assert_advice(p, "appeal")
        assert_deadline(p, day(4))
        message(p, "appeal")

    def test_appeal_deadline_is_inclusive(self):
        p = plan_for(order=received(), problem="fake",
                     dispute=closed(satisfied=False, closed_on=day(-7)))
        assert_advice(p, "appeal")
        assert_deadline(p, day(0))
        assert p.next_deadline.days_left == 0

    def test_unhappy_after_appeal_deadline_contact_support(self):
        p = plan_for(order=received(), problem="fake",
                     dispute=closed(satisfied=False, closed_on=day(-8)))
        assert_advice(p, "contact_support")
        assert_deadline(p, None)

    def test_unhappy_wins_over_refund_lines(self):
        p = plan_for(order=received(), problem="fake",
                     dispute=closed(satisfied=False, closed_on=day(-2),
                                    refund_processed_on=day(-2), refund_received=True))
        assert_advice(p, "appeal")

    def test_closed_dispute_is_never_reopened(self):
        # Protection still runs and the seller was contacted long ago, but a
        # resolved dispute cannot be opened again: support, not a new dispute.
        p = plan_for(order={"tracking": "no_updates"}, seller_contacted_on=day(-20),
                     dispute=closed(satisfied=False, closed_on=day(-10)))
        assert p.dates.dispute_deadline == d(day(22))
        assert_advice(p, "contact_support")

    def test_refund_processed_not_received_past_expected_by_check_with_bank(self):
        # Processed Thursday 2026-10-01: +20 working days is Thursday 2026-10-29 = day(-28).
        p = plan_for(order=shipped_long_ago(), problem="fake",
                     dispute=closed(closed_on=day(-57), refund_processed_on=day(-56),
                                    refund_received=False))
        assert p.dates.refund_expected_by == d(day(-28))
        assert_advice(p, "check_with_bank")
        assert_deadline(p, day(-28))
        assert p.next_deadline.days_left == -28
        message(p, "bank")

    def test_refund_expected_by_is_inclusive(self):
        # Processed Thursday 2026-10-29: expected by Thursday 2026-11-26 = today.
        p = plan_for(order=received(), problem="fake",
                     dispute=closed(closed_on=day(-28), refund_processed_on=day(-28)))
        assert p.dates.refund_expected_by == TODAY
        assert_advice(p, "wait")
        assert_deadline(p, day(0))

    def test_one_day_past_refund_expected_by_check_with_bank(self):
        # Processed Wednesday 2026-10-28: expected by Wednesday 2026-11-25.
        p = plan_for(order=received(), problem="fake",
                     dispute=closed(closed_on=day(-29), refund_processed_on=day(-29)))
        assert p.dates.refund_expected_by == d(day(-1))
        assert_advice(p, "check_with_bank")
        assert_deadline(p, day(-1))

    def test_refund_on_its_way_wait(self):
        # Processed Friday 2026-11-20: expected by Friday 2026-12-18 = day(22).
        p = plan_for(order=received(), problem="fake",
                     dispute=closed(closed_on=day(-6), refund_processed_on=day(-6)))
        assert_advice(p, "wait")
        assert_deadline(p, day(22))

    def test_refund_not_processed_yet_wait(self):
        p = plan_for(order=received(), problem="fake",
                     dispute=closed(closed_on=day(-1), refund_processed_on=None))
        assert_advice(p, "wait")
        assert_deadline(p, None)
        assert p.dates.refund_expected_from is None
        assert p.dates.refund_expected_by is None

    def test_all_settled_nothing_to_do(self):
        p = plan_for(order=shipped_long_ago(), problem="fake",
                     dispute=closed(closed_on=day(-40), refund_processed_on=day(-39),
                                    refund_received=True))
        assert_advice(p, "nothing_to_do")
        assert_deadline(p, None)


# =====================================================================================
# Dispute open
# =====================================================================================


def offer(amount, return_required=False):
    return {"refund_amount": str(amount), "return_required": return_required}


class TestDisputeOpen:
    def test_item_received_and_fine_cancel_dispute(self):
        p = plan_for(order=received(), problem="none", dispute={"status": "open"})
        assert_advice(p, "cancel_dispute")
        assert_deadline(p, day(22))
        assert "cancel" in text_of(p).lower()

    def test_judgement_invalid_while_in_transit_cancel_dispute(self):
        p = plan_for(order={"tracking": "in_transit"}, problem="not_arrived",
                     dispute={"judgement": "invalid"})
        assert_advice(p, "cancel_dispute")
        assert_deadline(p, day(22))

    def test_judgement_invalid_without_transit_is_not_cancel(self):
        p = plan_for(order={"tracking": "no_updates"}, problem="not_arrived",
                     dispute={"judgement": "invalid", "negotiation_ends_on": day(3)})
        assert_advice(p, "wait")
        assert_deadline(p, day(3))

    @pytest.mark.parametrize(
        "ae, refund, amount, ret",
        [
            (offer("50.00"), "full", "50.00", False),
            (offer("30.00", True), "partial", "30.00", True),
        ],
        ids=["full-no-return", "partial-with-return"],
    )
    def test_aliexpress_offer_accept_it(self, ae, refund, amount, ret):
        p = plan_for(order=received(), problem="not_as_described",
                     dispute={"aliexpress_offer": ae, "negotiation_ends_on": day(4)})
        assert_advice(p, "accept_aliexpress_offer", refund, amount, ret)
        assert_deadline(p, day(4))

    @pytest.mark.parametrize(
        "ae, seller, action, amount, ret",
        [
            # more money: the seller's offer wins, even with a return
            (offer("30.00"), offer("40.00"), "accept_seller_offer", "40.00", False),
            (offer("30.00"), offer("40.00", True), "accept_seller_offer", "40.00", True),
            # same money without a return
            (offer("30.00", True), offer("30.00"), "accept_seller_offer", "30.00", False),
            # not strictly better: AliExpress' offer counts
            (offer("30.00"), offer("30.00"), "accept_aliexpress_offer", "30.00", False),
            (offer("30.00"), offer("30.00", True), "accept_aliexpress_offer", "30.00", False),
            (offer("30.00", True), offer("30.00", True), "accept_aliexpress_offer", "30.00", True),
            (offer("40.00"), offer("30.00"), "accept_aliexpress_offer", "40.00", False),
            (offer("40.00", True), offer("39.99"), "accept_aliexpress_offer", "40.00", True),
        ],
        ids=["seller-more", "seller-more-with-return", "seller-same-no-return",
             "equal", "seller-same-with-return", "equal-both-return", "seller-less",
             "seller-less-no-return"],
    )
    def test_seller_offer_wins_only_when_strictly_better(self, ae, seller, action, amount, ret):
        p = plan_for(order=received(), problem="not_as_described",
                     dispute={"aliexpress_offer": ae, "seller_offer": seller,
                              "negotiation_ends_on": day(4)})
        assert_advice(p, action, "partial", amount, ret)
        assert_deadline(p, day(4))

    @pytest.mark.parametrize(
        "requested, seller, refund",
        [
            ("40.00", offer("40.00"), "partial"),   # exactly what was asked
            ("40.00", offer("45.00"), "partial"),   # more than asked
            (None, offer("50.00"), "full"),          # nothing asked: total_paid
        ],
        ids=["as-asked", "more-than-asked", "total-when-not-asked"],
    )
    def test_seller_offer_alone_giving_what_was_asked_accept_it(self, requested, seller, refund):
        p = plan_for(order=received(), problem="not_as_described",
                     dispute={"requested_refund": requested, "seller_offer": seller,
                              "negotiation_ends_on": day(4)})
        assert_advice(p, "accept_seller_offer", refund, seller["refund_amount"], False)
        assert_deadline(p, day(4))

    @pytest.mark.parametrize(
        "requested, seller",
        [
            ("45.00", offer("40.00")),            # less than asked
            (None, offer("49.99")),               # less than total_paid
            ("40.00", offer("40.00", True)),      # what was asked, but with a return
            (None, offer("50.00", True)),         # everything, but with a return
        ],
        ids=["less-than-asked", "less-than-total", "asked-with-return", "total-with-return"],
    )
    def test_seller_offer_alone_otherwise_wait_for_aliexpress(self, requested, seller):
        p = plan_for(order=received(), problem="not_as_described",
                     dispute={"requested_refund": requested, "seller_offer": seller,
                              "negotiation_ends_on": day(4)})
        assert_advice(p, "wait")
        assert_deadline(p, day(4))

    def test_no_offer_yet_wait_until_negotiation_ends(self):
        p = plan_for(order=received(), problem="not_as_described",
                     dispute={"negotiation_ends_on": day(5)})
        assert_advice(p, "wait")
        assert_deadline(p, day(5))

    def test_no_offer_yet_without_negotiation_date_no_deadline(self):
        p = plan_for(order=received(), problem="not_as_described", dispute={})
        assert_advice(p, "wait")
        assert_deadline(p, None)

    def test_open_dispute_is_not_advised_again(self):
        # Seller silent for weeks, no tracking: without the dispute this is open_dispute.
        p = plan_for(order={"tracking": "no_updates"}, seller_contacted_on=day(-20),
                     problem="not_arrived", dispute={})
        assert_advice(p, "wait")


# =====================================================================================
# Cancelled dispute: counts as none
# =====================================================================================


class TestCancelledDispute:
    def test_cancelled_dispute_a_new_one_may_be_opened(self):
        p = plan_for(order={"tracking": "no_updates"}, seller_contacted_on=day(-3),
                     problem="not_arrived", dispute={"status": "cancelled"})
        assert_advice(p, "open_dispute", "full", TOTAL)
        assert_deadline(p, day(22))

    def test_cancelled_dispute_on_received_item_same_as_none(self):
        case = make_case(order=received(), problem="not_as_described")
        with_cancelled = dict(case, dispute={"status": "cancelled", "opened_on": day(-5),
                                             "judgement": "invalid"})
        p, q = advise(case), advise(with_cancelled)
        assert_advice(q, "open_dispute", "full", TOTAL)
        assert (q.action, q.refund, q.refund_amount, q.next_deadline) == (
            p.action, p.refund, p.refund_amount, p.next_deadline)

    def test_cancelled_dispute_after_protection_contact_support(self):
        p = plan_for(order=not_received(-1, tracking="no_updates"), seller_contacted_on=day(-10),
                     dispute={"status": "cancelled"})
        assert_advice(p, "contact_support")


# =====================================================================================
# Shipped, not received
# =====================================================================================


class TestShippedNotReceived:
    def test_before_earliest_dispute_wait(self):
        p = plan_for(order={"shipped_on": day(-5)})
        assert_advice(p, "wait")
        assert p.dates.earliest_dispute == d(day(5))
        assert_deadline(p, day(5))

    def test_before_earliest_dispute_wait_even_when_returned_to_seller(self):
        p = plan_for(order={"shipped_on": day(-5), "tracking": "returned_to_seller"})
        assert_advice(p, "wait")
        assert_deadline(p, day(5))

    def test_one_day_before_earliest_dispute_still_wait(self):
        p = plan_for(order={"shipped_on": day(-9)}, seller_contacted_on=day(-5))
        assert_advice(p, "wait")
        assert_deadline(p, day(1))

    def test_dispute_allowed_exactly_at_shipped_plus_10(self):
        p = plan_for(order={"shipped_on": day(-10)}, seller_contacted_on=day(-5))
        assert p.dates.earliest_dispute == TODAY
        assert_advice(p, "open_dispute", "full", TOTAL)

    def test_past_dispute_deadline_contact_support(self):
        p = plan_for(order=not_received(-1, tracking="no_updates"), seller_contacted_on=day(-10))
        assert p.dates.dispute_deadline == d(day(-1))
        assert_advice(p, "contact_support")
        assert_deadline(p, None)

    def test_past_dispute_deadline_wins_over_returned_to_seller(self):
        p = plan_for(order=not_received(-1, tracking="returned_to_seller"))
        assert_advice(p, "contact_support")

    def test_dispute_deadline_is_inclusive(self):
        p = plan_for(order=not_received(0, tracking="no_updates"), seller_contacted_on=day(-10))
        assert p.dates.dispute_deadline == TODAY
        assert_advice(p, "open_dispute", "full", TOTAL)
        assert_deadline(p, day(0))

    # --- tracking delivered ---------------------------------------------------------

    def test_delivered_seller_not_contacted_contact_seller(self):
        p = plan_for(order={"tracking": "delivered"}, problem="delivered_not_received")
        assert_advice(p, "contact_seller")
        assert_deadline(p, day(22))
        message(p, "seller")

    def test_delivered_seller_had_1_day_contact_seller(self):
        p = plan_for(order={"tracking": "delivered"}, problem="delivered_not_received",
                     seller_contacted_on=day(-1))
        assert_advice(p, "contact_seller")

    def test_delivered_seller_had_2_days_open_dispute(self):
        p = plan_for(order={"tracking": "delivered"}, problem="delivered_not_received",
                     seller_contacted_on=day(-2))
        assert_advice(p, "open_dispute", "full", TOTAL)
        assert_deadline(p, day(22))
        message(p, "dispute")

    def test_delivered_wins_over_estimated_delivery(self):
        p = plan_for(order={"tracking": "delivered", "estimated_delivery": day(10)},
                     problem="delivered_not_received")
        assert_advice(p, "contact_seller")

    # --- returned to seller ---------------------------------------------------------

    def test_returned_to_seller_open_dispute(self):
        # Even with the estimated delivery ahead and the seller never contacted.
        p = plan_for(order={"tracking": "returned_to_seller", "estimated_delivery": day(10)})
        assert_advice(p, "open_dispute", "full", TOTAL)
        assert_deadline(p, day(22))

    # --- before estimated delivery ----------------------------------------------------

    def test_before_estimated_delivery_wait(self):
        p = plan_for(order=not_received(20, estimated_delivery=day(3), tracking="none"),
                     seller_contacted_on=day(-10))
        assert_advice(p, "wait")
        assert_deadline(p, day(20))

    @pytest.mark.parametrize("days_left", [5, 0])
    def test_before_estimated_delivery_running_out_open_dispute(self, days_left):
        p = plan_for(order=not_received(days_left, estimated_delivery=day(30), tracking="in_transit"))
        assert_advice(p, "open_dispute", "full", TOTAL)
        assert_deadline(p, day(days_left))

    def test_before_estimated_delivery_6_days_left_is_not_running_out(self):
        p = plan_for(order=not_received(6, estimated_delivery=day(30), tracking="in_transit"))
        assert_advice(p, "wait")
        assert_deadline(p, day(6))

    def test_on_estimated_delivery_day_no_longer_wait(self):
        p = plan_for(order=not_received(20, estimated_delivery=day(0), tracking="no_updates"))
        assert_advice(p, "contact_seller")

    # --- in transit -----------------------------------------------------------------

    def test_in_transit_contact_seller_however_long_silent(self):
        p = plan_for(order=not_received(20, tracking="in_transit"), seller_contacted_on=day(-25))
        assert_advice(p, "contact_seller")
        assert_deadline(p, day(20))

    @pytest.mark.parametrize("days_left", [5, 0])
    def test_in_transit_running_out_open_dispute(self, days_left):
        p = plan_for(order=not_received(days_left, tracking="in_transit"))
        assert_advice(p, "open_dispute", "full", TOTAL)
        assert_deadline(p, day(days_left))

    def test_in_transit_6_days_left_is_not_running_out(self):
        p = plan_for(order=not_received(6, tracking="in_transit"), seller_contacted_on=day(-25))
        assert_advice(p, "contact_seller")

    # --- no tracking or no updates ----------------------------------------------------

    @pytest.mark.parametrize("tracking", ["none", "no_updates"])
    def test_no_tracking_contact_seller(self, tracking):
        p = plan_for(order={"tracking": tracking})
        assert_advice(p, "contact_seller")
        assert_deadline(p, day(22))
        message(p, "seller")

    @pytest.mark.parametrize("tracking", ["none", "no_updates"])
    def test_no_tracking_seller_had_1_day_contact_seller(self, tracking):
        p = plan_for(order={"tracking": tracking}, seller_contacted_on=day(-1))
        assert_advice(p, "contact_seller")

    @pytest.mark.parametrize("tracking", ["none", "no_updates"])
    def test_no_tracking_seller_had_2_days_open_dispute(self, tracking):
        p = plan_for(order={"tracking": tracking}, seller_contacted_on=day(-2))
        assert_advice(p, "open_dispute", "full", TOTAL)
        assert_deadline(p, day(22))
        message(p, "dispute")

    def test_no_tracking_contacted_today_contact_seller(self):
        p = plan_for(order={"tracking": "none"}, seller_contacted_on=day(0))
        assert_advice(p, "contact_seller")


# =====================================================================================
# Received
# =====================================================================================


class TestReceived:
    def test_nothing_wrong_confirm_receipt(self):
        p = plan_for(order=received(), problem="none")
        assert_advice(p, "confirm_receipt")
        assert_deadline(p, day(22))

    def test_nothing_wrong_already_confirmed_nothing_to_do(self):
        p = plan_for(order=received(receipt_confirmed_on=day(-3)), problem="none")
        assert_advice(p, "nothing_to_do")
        assert_deadline(p, None)

    def test_nothing_wrong_wins_over_before_earliest_dispute(self):
        p = plan_for(order=received(shipped_on=day(-5)), problem="none")
        assert_advice(p, "confirm_receipt")

    def test_before_earliest_dispute_wait(self):
        p = plan_for(order=received(shipped_on=day(-5)), problem="fake")
        assert_advice(p, "wait")
        assert_deadline(p, day(5))

    def test_past_dispute_deadline_contact_support(self):
        # Receipt confirmed 16 days ago: the 15 days ran out yesterday.
        p = plan_for(order=received(receipt_confirmed_on=day(-16)), problem="not_as_described")
        assert p.dates.dispute_deadline == d(day(-1))
        assert_advice(p, "contact_support")
        assert_deadline(p, None)

    def test_past_protection_without_confirmation_contact_support(self):
        p = plan_for(order=received(shipped_on=day(-61), placed_on=day(-65)), problem="fake")
        assert p.dates.dispute_deadline == d(day(-1))
        assert_advice(p, "contact_support")

    def test_dispute_deadline_day_itself_still_open_dispute(self):
        p = plan_for(order=received(receipt_confirmed_on=day(-15)), problem="not_as_described")
        assert p.dates.dispute_deadline == TODAY
        assert_advice(p, "open_dispute", "full", TOTAL)
        assert_deadline(p, day(0))

    @pytest.mark.parametrize("problem", ["not_as_described", "fake", "wrong_item"])
    def test_serious_problem_open_dispute_full_keep_item(self, problem):
        p = plan_for(order=received(), problem=problem)
        assert_advice(p, "open_dispute", "full", TOTAL, return_item=False)
        assert_deadline(p, day(22))
        assert p.evidence, "a dispute needs an evidence checklist"
        message(p, "dispute")

    def test_slightly_imperfect_open_dispute_partial_amount_left_to_buyer(self):
        p = plan_for(order=received(), problem="slightly_imperfect")
        assert_advice(p, "open_dispute", "partial", None)
        assert_deadline(p, day(22))

    def test_incomplete_open_dispute_partial_of_missing_items(self):
        p = plan_for(order=received(), problem="incomplete", missing_items_value="12.34")
        assert_advice(p, "open_dispute", "partial", "12.34")
        assert_deadline(p, day(22))
        assert mentions_amount(message(p, "dispute").body, "12.34")

    def test_wrong_shipping_method_paid_and_late_partial_of_shipping(self):
        p = plan_for(order=received(), problem="wrong_shipping_method", arrived_late=True)
        assert_advice(p, "open_dispute", "partial", SHIPPING)
        assert_deadline(p, day(22))

    def test_wrong_shipping_method_on_time_confirm_receipt(self):
        p = plan_for(order=received(), problem="wrong_shipping_method", arrived_late=False)
        assert_advice(p, "confirm_receipt")

    def test_wrong_shipping_method_free_shipping_confirm_receipt(self):
        p = plan_for(order=received(shipping_paid="0"), problem="wrong_shipping_method",
                     arrived_late=True)
        assert_advice(p, "confirm_receipt")

    def test_wrong_shipping_method_no_dispute_already_confirmed_nothing_to_do(self):
        p = plan_for(order=received(receipt_confirmed_on=day(-2)),
                     problem="wrong_shipping_method", arrived_late=False)
        assert_advice(p, "nothing_to_do")

    def test_changed_mind_open_dispute_full_with_return(self):
        p = plan_for(order=received(free_return=True), problem="changed_mind")
        assert_advice(p, "open_dispute", "full", TOTAL, return_item=True)
        assert_deadline(p, day(22))

    def test_changed_mind_without_free_return_says_buyer_pays_the_return(self):
        free = plan_for(order=received(free_return=True), problem="changed_mind")
        paid = plan_for(order=received(free_return=False), problem="changed_mind")
        assert_advice(paid, "open_dispute", "full", TOTAL, return_item=True)
        paid_text = "\n".join([paid.headline, *paid.steps, *paid.warnings]).lower()
        free_text = "\n".join([free.headline, *free.steps, *free.warnings]).lower()
        assert paid_text != free_text
        assert "cost" in paid_text or "pay" in paid_text


# =====================================================================================
# Messages: drafts filled with the case's amounts and dates
# =====================================================================================


class TestMessages:
    def test_seller_message_names_the_order_its_total_and_a_date(self):
        p = plan_for(order={"label": "Blue desk lamp", "total_paid": "43.50",
                            "shipping_paid": "0", "currency": "EUR", "tracking": "no_updates"})
        assert p.action == "contact_seller"
        assert p.currency == "EUR"
        body = message(p, "seller").body
        assert "Blue desk lamp" in body
        assert mentions_amount(body, "43.50") and mentions_currency(body, "EUR")
        assert mentions_any_date(body, [day(-40), day(-38), p.dates.dispute_deadline])

    def test_dispute_message_has_total_and_a_date(self):
        p = plan_for(order=received(total_paid="43.50", shipping_paid="0", currency="EUR"),
                     problem="wrong_item")
        body = message(p, "dispute").body
        assert mentions_amount(body, "43.50") and mentions_currency(body, "EUR")
        assert mentions_any_date(body, [day(-40), day(-38)])

    def test_appeal_message_has_total_and_closing_date(self):
        p = plan_for(order=received(total_paid="43.50", shipping_paid="0", currency="EUR"),
                     problem="fake", dispute=closed(satisfied=False, closed_on=day(-3)))
        body = message(p, "appeal").body
        assert mentions_amount(body, "43.50") and mentions_currency(body, "EUR")
        assert mentions_any_date(body, [day(-3), day(-20), day(-40), day(-38)])

    def test_bank_message_has_total_and_processing_date(self):
        p = plan_for(order=shipped_long_ago(total_paid="43.50", shipping_paid="0", currency="EUR"),
                     problem="fake",
                     dispute=closed(closed_on=day(-57), refund_processed_on=day(-56)))
        assert p.action == "check_with_bank"
        body = message(p, "bank").body
        assert mentions_amount(body, "43.50") and mentions_currency(body, "EUR")
        assert mentions_date(body, day(-56)) or mentions_any_date(body, [day(-57), day(-28)])


def test_all_actions_listed():
    assert set(ACTIONS) == {
        "cancel_order", "request_cancellation", "wait", "contact_seller", "open_dispute",
        "cancel_dispute", "accept_seller_offer", "accept_aliexpress_offer", "appeal",
        "contact_support", "check_with_bank", "confirm_receipt", "nothing_to_do",
    }
    assert len(ACTIONS) == 13
