"""One test per line of the rules table, plus the boundaries between lines.

The groups follow the table: dates, not shipped, dispute closed, dispute open,
cancelled dispute, shipped not received, received.  Within a group the first
matching line wins, so some tests check that an earlier line beats a later one.
Each plan's `rule` is the `Rule` line that decided it; its value is the line's id
("received.fake").

All cases are built by `make_case` (see tests/support/cases.py): TODAY is Thursday
2026-11-26, the order was shipped on day(-38) with 60 days of protection
(so protection ends on day(22)), total 50.00 USD of which 5.00 shipping.
The words change often, so tests check the facts in them (dates, amounts, the
order's number, placeholders), not whole phrases. Issue 16's boundaries around the
end of protection are in test_protection_end.py.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from core import ACTIONS, advise, read_case
from core.i18n import show_date, show_money
from core.models import Rule
from tests.support.cases import (
    DROP,
    LAST_DAY_FIELDS,
    SHIPPING,
    TODAY,
    TOTAL,
    d,
    dates_in,
    day,
    make_case,
    mentions_amount,
    mentions_currency,
    mentions_date,
    message_of,
    not_received,
    plan_for,
    received,
    text_of,
    texts_of,
)

"""The plan dates that are the last day to act; every other date is a day to wait for."""


def assert_advice(plan, action, refund="none", amount=None, return_item=False, rule=None):
    """The action and the money it asks for or accepts (and the line that decided, when given)."""
    got = (plan.action, plan.refund, plan.refund_amount, plan.return_item)
    want = (action, refund, None if amount is None else Decimal(str(amount)), return_item)
    assert got == want, f"rule {plan.rule!r}: got {got}, want {want}"
    if rule is not None:
        assert plan.rule is rule, (plan.rule, rule)


def assert_deadline(plan, iso, field=None):
    """next_deadline is this date (None for no deadline), with days_left from TODAY.

    With `field`, the date is that `PlanDates` field, and last_day says whether it is a last day.
    """
    if iso is None:
        assert plan.next_deadline is None, plan.next_deadline
        return
    assert plan.next_deadline is not None, f"rule {plan.rule!r}: no next_deadline"
    assert plan.next_deadline.date == d(iso)
    assert plan.next_deadline.days_left == (d(iso) - TODAY).days
    assert plan.next_deadline.label.strip()
    if field is not None:
        assert getattr(plan.dates, field) == d(iso), (field, plan.dates)
        assert plan.next_deadline.last_day is (field in LAST_DAY_FIELDS), (field, plan.next_deadline)


message = message_of


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
            order=received(),
            problem="fake",
            dispute={"status": "closed", "closed_on": day(-2), "satisfied": False},
        )
        assert p.dates.appeal_deadline == d(day(5))

    def test_negotiation_ends_comes_from_the_dispute(self):
        p = plan_for(
            order=received(),
            problem="fake",
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
            order=received(),
            problem="fake",
            dispute={
                "status": "closed",
                "opened_on": processed,
                "closed_on": processed,
                "satisfied": True,
                "refund_processed_on": processed,
                "refund_received": False,
            },
        )
        assert p.dates.refund_expected_from == d(expected_from)
        assert p.dates.refund_expected_by == d(expected_by)

    # --- the days the advice changes on (issues 9 and 16) ------------------------------

    def test_seller_answer_due_is_two_days_after_contact(self):
        p = plan_for(order={"tracking": "no_updates"}, seller_contacted_on=day(-1))
        assert p.dates.seller_answer_due == d(day(1))

    def test_seller_answer_due_counts_from_today_when_not_contacted(self):
        # The plan says to write today, so the seller's two days start today.
        p = plan_for(order={"tracking": "no_updates"})
        assert p.dates.seller_answer_due == d(day(2))

    def test_running_out_from_is_five_days_before_the_dispute_deadline(self):
        p = plan_for(order={"tracking": "in_transit"})
        assert p.dates.dispute_deadline == d(day(22))
        assert p.dates.running_out_from == d(day(17))

    def test_late_claim_deadline_is_fifteen_days_after_protection_ends(self):
        p = plan_for(order={"tracking": "none"})
        assert p.dates.protection_ends == d(day(22))
        assert p.dates.late_claim_deadline == d(day(37))

    def test_estimated_delivery_is_a_plan_date_while_waiting_for_the_parcel(self):
        p = plan_for(order={"tracking": "in_transit", "estimated_delivery": day(3)})
        assert p.dates.estimated_delivery == d(day(3))

    def test_parcel_dates_do_not_apply_to_a_received_order(self):
        p = plan_for(order=received(estimated_delivery=day(-5)), problem="fake")
        assert p.dates.estimated_delivery is None
        assert p.dates.seller_answer_due is None
        assert p.dates.running_out_from is None
        assert p.dates.late_claim_deadline is None

    def test_parcel_dates_do_not_apply_once_a_dispute_closed(self):
        p = plan_for(
            order={"tracking": "no_updates", "estimated_delivery": day(-5)},
            dispute=closed(satisfied=False, closed_on=day(-2)),
        )
        assert p.dates.estimated_delivery is None
        assert p.dates.seller_answer_due is None
        assert p.dates.running_out_from is None
        assert p.dates.late_claim_deadline is None

    def test_deadline_after_confirming_is_today_plus_15(self):
        p = plan_for(order=received(), problem="none")
        assert p.dates.deadline_after_confirming == d(day(15))

    def test_no_deadline_after_confirming_once_confirmed(self):
        p = plan_for(order=received(receipt_confirmed_on=day(-3)), problem="none")
        assert p.dates.deadline_after_confirming is None

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

    def test_placed_on_is_optional_and_changes_no_date(self):
        with_it = plan_for(order={"tracking": "no_updates"}, seller_contacted_on=day(-2))
        without = plan_for(order={"tracking": "no_updates", "placed_on": DROP}, seller_contacted_on=day(-2))
        assert without.dates == with_it.dates
        assert (without.rule, without.action, without.next_deadline) == (
            with_it.rule,
            with_it.action,
            with_it.next_deadline,
        )


# =====================================================================================
# The rule that decided
# =====================================================================================


class TestRuleId:
    def test_rule_is_the_rule_enum_with_the_line_id_as_value(self):
        p = plan_for(order=received(), problem="fake")
        assert p.rule is Rule.fake
        assert p.rule.value == "received.fake"
        assert p.model_dump(mode="json")["rule"] == "received.fake"

    def test_rule_is_read_back_from_json_as_the_enum(self):
        from core import Plan

        p = plan_for(order={"tracking": "in_transit"}, dispute={"judgement": "invalid"})
        again = Plan.model_validate_json(p.model_dump_json())
        assert again.rule is Rule.invalid_in_transit
        assert again == p

    def test_rule_ids_are_unique_and_grouped(self):
        values = [rule.value for rule in Rule]
        assert len(values) == len(set(values))
        groups = {value.split(".")[0] for value in values}
        assert groups == {
            "not_shipped",
            "dispute_closed",
            "dispute_open",
            "not_received",
            "received",
            "returning",
            "cancelled",
            "payment_problem",
        }


# =====================================================================================
# Money: a full refund names an amount only when the buyer said what they paid
# =====================================================================================


class TestUnknownTotal:
    """total_paid 0 means the wizard didn't ask: a full refund then has no amount."""

    @pytest.mark.parametrize(
        "kw",
        [
            dict(order={"shipped_on": None, "payment_confirmed": False}),
            dict(order={"shipped_on": None}),
            dict(order={"tracking": "no_updates"}, seller_contacted_on=day(-2)),
            dict(order=not_received(-3)),
            dict(order=received(), problem="fake"),
            dict(order=received(free_return=True), problem="changed_mind"),
        ],
        ids=["cancel-order", "request-cancellation", "seller-silent", "after-protection", "fake", "changed-mind"],
    )
    def test_full_refund_without_amount_when_nothing_paid_is_known(self, kw):
        order = {**kw.pop("order"), "total_paid": "0", "shipping_paid": "0"}
        p = plan_for(order=order, **kw)
        assert p.refund == "full"
        assert p.refund_amount is None
        zero = show_money(Decimal(0), "USD")
        for text in texts_of(p):
            assert zero not in text, text

    def test_full_refund_names_the_amount_when_paid_is_known(self):
        p = plan_for(order=received(total_paid="43.50", shipping_paid="0", currency="EUR"), problem="fake")
        assert (p.refund, p.refund_amount) == ("full", Decimal("43.50"))
        assert mentions_amount(p.money, "43.50")

    def test_offer_is_not_capped_when_paid_is_unknown(self):
        p = plan_for(
            order=received(total_paid="0", shipping_paid="0"),
            problem="not_as_described",
            dispute={"aliexpress_offer": {"refund_amount": "30.00", "return_required": False}},
        )
        assert_advice(p, "accept_aliexpress_offer", "partial", "30.00")

    def test_offer_is_capped_at_what_was_paid(self):
        p = plan_for(
            order=received(),
            problem="not_as_described",
            dispute={"aliexpress_offer": {"refund_amount": "80.00", "return_required": False}},
        )
        assert_advice(p, "accept_aliexpress_offer", "full", TOTAL)


# =====================================================================================
# Not shipped
# =====================================================================================


class TestNotShipped:
    @pytest.mark.parametrize("problem", ["changed_mind", "not_arrived"])
    def test_payment_not_confirmed_cancel_order(self, problem):
        p = plan_for(order={"shipped_on": None, "payment_confirmed": False}, problem=problem)
        assert_advice(p, "cancel_order", "full", TOTAL, rule=Rule.payment_pending)
        assert_deadline(p, None)

    @pytest.mark.parametrize("problem", ["changed_mind", "not_arrived"])
    def test_payment_confirmed_request_cancellation(self, problem):
        p = plan_for(order={"shipped_on": None, "payment_confirmed": True}, problem=problem)
        assert_advice(p, "request_cancellation", "full", TOTAL, rule=Rule.payment_confirmed)
        assert_deadline(p, None)

    def test_the_seller_asking_to_cancel_means_cancel_now_with_the_sellers_reason(self):
        p = plan_for(order={"shipped_on": None}, seller_asked_to_cancel=True, paid_with="card")
        assert_advice(p, "cancel_order", "full", TOTAL, rule=Rule.seller_asked_to_cancel)
        assert_deadline(p, None)
        steps = " ".join(p.steps)
        assert "puts it on the seller" in steps and "Other reasons" in steps
        assert "3 to 20 working days" in steps, "the refund's days for a card"
        assert "as you asked" in message_of(p, "seller").body

    def test_a_buyer_who_would_rather_wait_is_told_nothing_is_lost_by_waiting(self):
        p = plan_for(order={"shipped_on": None}, keeps_waiting=True)
        assert_advice(p, "wait", rule=Rule.waiting_to_ship)
        assert_deadline(p, None)
        assert "shipping deadline on the order page" in p.headline
        assert not p.messages, "nothing to send: the seller needs no answer"

    def test_a_pending_payment_is_cancelled_whoever_asked(self):
        p = plan_for(order={"shipped_on": None, "payment_confirmed": False}, seller_asked_to_cancel=True)
        assert p.rule is Rule.payment_pending

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
        p = plan_for(order=received(), problem="fake", dispute=closed(satisfied=False, closed_on=day(-3)))
        assert_advice(p, "appeal")
        assert_deadline(p, day(4))
        message(p, "appeal")

    def test_appeal_deadline_is_inclusive(self):
        p = plan_for(order=received(), problem="fake", dispute=closed(satisfied=False, closed_on=day(-7)))
        assert_advice(p, "appeal")
        assert_deadline(p, day(0))
        assert p.next_deadline.days_left == 0

    def test_unhappy_after_appeal_deadline_contact_support(self):
        p = plan_for(order=received(), problem="fake", dispute=closed(satisfied=False, closed_on=day(-8)))
        assert_advice(p, "contact_support")
        assert_deadline(p, None)

    def test_unhappy_wins_over_refund_lines(self):
        p = plan_for(
            order=received(),
            problem="fake",
            dispute=closed(satisfied=False, closed_on=day(-2), refund_processed_on=day(-2), refund_received=True),
        )
        assert_advice(p, "appeal")

    def test_closed_dispute_is_never_reopened(self):
        # Protection still runs and the seller was contacted long ago, but a
        # resolved dispute cannot be opened again: support, not a new dispute.
        p = plan_for(
            order={"tracking": "no_updates"},
            seller_contacted_on=day(-20),
            dispute=closed(satisfied=False, closed_on=day(-10)),
        )
        assert p.dates.dispute_deadline == d(day(22))
        assert_advice(p, "contact_support")

    def test_refund_processed_not_received_past_expected_by_check_with_bank(self):
        # Processed Thursday 2026-10-01: +20 working days is Thursday 2026-10-29 = day(-28).
        p = plan_for(
            order=shipped_long_ago(),
            problem="fake",
            dispute=closed(closed_on=day(-57), refund_processed_on=day(-56), refund_received=False),
        )
        assert p.dates.refund_expected_by == d(day(-28))
        assert_advice(p, "check_with_bank")
        assert_deadline(p, day(-28))
        assert p.next_deadline.days_left == -28
        message(p, "bank")

    def test_refund_expected_by_is_inclusive(self):
        # Processed Thursday 2026-10-29: expected by Thursday 2026-11-26 = today.
        p = plan_for(order=received(), problem="fake", dispute=closed(closed_on=day(-28), refund_processed_on=day(-28)))
        assert p.dates.refund_expected_by == TODAY
        assert_advice(p, "wait")
        assert_deadline(p, day(0))

    def test_one_day_past_refund_expected_by_check_with_bank(self):
        # Processed Wednesday 2026-10-28: expected by Wednesday 2026-11-25.
        p = plan_for(order=received(), problem="fake", dispute=closed(closed_on=day(-29), refund_processed_on=day(-29)))
        assert p.dates.refund_expected_by == d(day(-1))
        assert_advice(p, "check_with_bank")
        assert_deadline(p, day(-1))

    def test_refund_on_its_way_wait(self):
        # Processed Friday 2026-11-20: expected by Friday 2026-12-18 = day(22).
        p = plan_for(order=received(), problem="fake", dispute=closed(closed_on=day(-6), refund_processed_on=day(-6)))
        assert_advice(p, "wait")
        assert_deadline(p, day(22))

    def test_refund_not_processed_yet_wait(self):
        p = plan_for(order=received(), problem="fake", dispute=closed(closed_on=day(-1), refund_processed_on=None))
        assert_advice(p, "wait")
        assert_deadline(p, None)
        assert p.dates.refund_expected_from is None
        assert p.dates.refund_expected_by is None

    def test_a_parcel_that_came_after_the_refund_is_settled_through_aliexpress_only(self):
        refunded = closed(closed_on=day(-40), refund_processed_on=day(-39), refund_received=True)
        came_late = received(shipped_on=day(-90), placed_on=day(-95))
        p = plan_for(order=came_late, problem="none", dispute=refunded, arrived_after_refund=True)
        assert_advice(p, "contact_support", rule=Rule.arrived_after_refund)
        assert_deadline(p, None)
        assert any("Pay nothing outside AliExpress" in w for w in p.warnings)
        assert "I will not pay outside AliExpress" in message_of(p, "seller").body
        assert "pay for the item or send it back" in message_of(p, "support").body
        waiting = closed(closed_on=day(-3))
        p = plan_for(order=came_late, problem="none", dispute=waiting, arrived_after_refund=True)
        assert p.rule is Rule.refund_not_processed, "a refund not in yet comes first"

    def test_all_settled_nothing_to_do(self):
        p = plan_for(
            order=shipped_long_ago(),
            problem="fake",
            dispute=closed(closed_on=day(-40), refund_processed_on=day(-39), refund_received=True),
        )
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
        # 22 days of protection left: a new dispute can be opened later if the parcel doesn't come.
        p = plan_for(order={"tracking": "in_transit"}, problem="not_arrived", dispute={"judgement": "invalid"})
        assert_advice(p, "cancel_dispute", rule=Rule.invalid_in_transit)
        assert_deadline(p, day(22), "dispute_deadline")

    @pytest.mark.parametrize(
        "days_left, rule, action",
        [
            (6, Rule.invalid_in_transit, "cancel_dispute"),
            (5, Rule.invalid_in_transit_keep_open, "contact_support"),
            (0, Rule.invalid_in_transit_keep_open, "contact_support"),
            (-1, Rule.invalid_in_transit_keep_open, "contact_support"),
        ],
    )
    def test_judgement_invalid_while_in_transit_cancel_only_with_time_to_reopen(self, days_left, rule, action):
        p = plan_for(order=not_received(days_left, tracking="in_transit"), dispute={"judgement": "invalid"})
        assert_advice(p, action, rule=rule)
        assert_deadline(p, day(days_left), "dispute_deadline")

    def test_item_fine_cancel_dispute_even_after_protection(self):
        # Nothing is wrong with the item: cancelling loses nothing, however late.
        p = plan_for(
            order=received(shipped_on=day(-70), placed_on=day(-72)), problem="none", dispute={"status": "open"}
        )
        assert_advice(p, "cancel_dispute", rule=Rule.item_fine_cancel_dispute)

    def test_judgement_invalid_without_transit_is_not_cancel(self):
        p = plan_for(
            order={"tracking": "no_updates"},
            problem="not_arrived",
            dispute={"judgement": "invalid", "negotiation_ends_on": day(3)},
        )
        assert_advice(p, "wait")
        # Opened 3 days ago: the seller's 5 days to answer end first.
        assert_deadline(p, day(2), "seller_must_answer_by")

    @pytest.mark.parametrize(
        "ae, refund, amount, ret",
        [
            (offer("50.00"), "full", "50.00", False),
            (offer("30.00", True), "partial", "30.00", True),
        ],
        ids=["full-no-return", "partial-with-return"],
    )
    def test_aliexpress_offer_accept_it(self, ae, refund, amount, ret):
        p = plan_for(
            order=received(),
            problem="not_as_described",
            dispute={"requested_refund": amount, "aliexpress_offer": ae, "negotiation_ends_on": day(4)},
        )
        assert_advice(p, "accept_aliexpress_offer", refund, amount, ret)
        assert_deadline(p, day(4))

    @pytest.mark.parametrize("requested", [None, "40.00"], ids=["total-asked", "amount-asked"])
    def test_aliexpress_offer_below_what_was_asked_add_proof_and_let_it_apply(self, requested):
        p = plan_for(
            order=received(),
            problem="not_as_described",
            paid_with="paypal",
            dispute={"requested_refund": requested, "aliexpress_offer": offer("30.00"), "negotiation_ends_on": day(4)},
        )
        assert p.rule is Rule.aliexpress_offer_low
        assert_advice(p, "wait")
        assert "$30.00" in p.headline
        assert_deadline(p, day(4))
        assert "less than you asked" in p.headline
        assert any("You don't need to tap “Accept”" in step for step in p.steps)
        assert any("appeal" in step for step in p.steps)
        assert p.dates.paypal_dispute_by is not None
        assert [m.kind for m in p.messages][:1] == ["dispute"]

    def test_aliexpress_offer_of_at_least_the_total_is_accepted_whatever_was_asked(self):
        p = plan_for(
            order=received(),
            problem="not_as_described",
            dispute={"requested_refund": "80.00", "aliexpress_offer": offer("50.00"), "negotiation_ends_on": day(4)},
        )
        assert p.rule is Rule.aliexpress_offer

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
        ids=[
            "seller-more",
            "seller-more-with-return",
            "seller-same-no-return",
            "equal",
            "seller-same-with-return",
            "equal-both-return",
            "seller-less",
            "seller-less-no-return",
        ],
    )
    def test_seller_offer_wins_only_when_strictly_better(self, ae, seller, action, amount, ret):
        p = plan_for(
            order=received(),
            problem="not_as_described",
            dispute={
                "requested_refund": "30.00",
                "aliexpress_offer": ae,
                "seller_offer": seller,
                "negotiation_ends_on": day(4),
            },
        )
        assert_advice(p, action, "partial", amount, ret)
        assert_deadline(p, day(4))

    @pytest.mark.parametrize(
        "requested, seller, refund",
        [
            ("40.00", offer("40.00"), "partial"),  # exactly what was asked
            ("40.00", offer("45.00"), "partial"),  # more than asked
            (None, offer("50.00"), "full"),  # nothing asked: total_paid
        ],
        ids=["as-asked", "more-than-asked", "total-when-not-asked"],
    )
    def test_seller_offer_alone_giving_what_was_asked_accept_it(self, requested, seller, refund):
        p = plan_for(
            order=received(),
            problem="not_as_described",
            dispute={"requested_refund": requested, "seller_offer": seller, "negotiation_ends_on": day(4)},
        )
        assert_advice(p, "accept_seller_offer", refund, seller["refund_amount"], False)
        assert_deadline(p, day(4))

    @pytest.mark.parametrize(
        "requested, seller",
        [
            ("45.00", offer("40.00")),  # less than asked
            (None, offer("49.99")),  # less than total_paid
            ("40.00", offer("40.00", True)),  # what was asked, but with a return
            (None, offer("50.00", True)),  # everything, but with a return
        ],
        ids=["less-than-asked", "less-than-total", "asked-with-return", "total-with-return"],
    )
    def test_seller_offer_alone_otherwise_wait_for_aliexpress(self, requested, seller):
        p = plan_for(
            order=received(),
            problem="not_as_described",
            dispute={"requested_refund": requested, "seller_offer": seller, "negotiation_ends_on": day(4)},
        )
        assert_advice(p, "wait")
        assert_deadline(p, day(4))

    def test_no_offer_yet_waits_for_the_sellers_five_days(self):
        p = plan_for(order=received(), problem="not_as_described", dispute={"negotiation_ends_on": day(5)})
        assert_advice(p, "wait")
        assert_deadline(p, day(2), "seller_must_answer_by")

    def test_no_offer_yet_without_an_opening_date_has_no_deadline(self):
        p = plan_for(order=received(), problem="not_as_described", dispute={"opened_on": None})
        assert_advice(p, "wait")
        assert_deadline(p, None)

    def test_open_dispute_is_not_advised_again(self):
        # Seller silent for weeks, no tracking: without the dispute this is open_dispute.
        p = plan_for(order={"tracking": "no_updates"}, seller_contacted_on=day(-20), problem="not_arrived", dispute={})
        assert_advice(p, "wait")


# =====================================================================================
# Cancelled dispute: counts as none
# =====================================================================================


class TestCancelledDispute:
    def test_cancelled_dispute_a_new_one_may_be_opened(self):
        p = plan_for(
            order={"tracking": "no_updates"},
            seller_contacted_on=day(-3),
            problem="not_arrived",
            dispute={"status": "cancelled"},
        )
        assert_advice(p, "open_dispute", "full", TOTAL)
        assert_deadline(p, day(22))

    def test_cancelled_dispute_on_received_item_same_as_none(self):
        case = make_case(order=received(), problem="not_as_described")
        with_cancelled = dict(case, dispute={"status": "cancelled", "opened_on": day(-5), "judgement": "invalid"})
        p, q = advise(case), advise(with_cancelled)
        assert_advice(q, "open_dispute", "full", TOTAL)
        assert (q.action, q.refund, q.refund_amount, q.next_deadline) == (
            p.action,
            p.refund,
            p.refund_amount,
            p.next_deadline,
        )

    def test_cancelled_dispute_after_protection_uses_the_15_day_window(self):
        p = plan_for(
            order=not_received(-1, tracking="no_updates"), seller_contacted_on=day(-10), dispute={"status": "cancelled"}
        )
        assert_advice(p, "open_dispute", "full", TOTAL, rule=Rule.late_claim)
        assert_deadline(p, day(14), "late_claim_deadline")

    def test_cancelled_dispute_after_the_15_day_window_contact_support(self):
        p = plan_for(
            order=not_received(-16, tracking="no_updates"),
            seller_contacted_on=day(-20),
            dispute={"status": "cancelled", "opened_on": day(-25)},
        )
        assert_advice(p, "contact_support", rule=Rule.not_received_too_late)
        assert_deadline(p, None)


# =====================================================================================
# Shipped, not received
# =====================================================================================


class TestShippedNotReceived:
    def test_before_earliest_dispute_wait(self):
        p = plan_for(order={"shipped_on": day(-5)})
        assert_advice(p, "wait", rule=Rule.too_early_not_received)
        assert p.dates.earliest_dispute == d(day(5))
        assert_deadline(p, day(5), "earliest_dispute")

    def test_before_earliest_dispute_wait_even_when_returned_to_seller(self):
        p = plan_for(order={"shipped_on": day(-5), "tracking": "returned_to_seller"})
        assert_advice(p, "wait", rule=Rule.too_early_not_received)
        assert_deadline(p, day(5))

    def test_one_day_before_earliest_dispute_still_wait(self):
        p = plan_for(order={"shipped_on": day(-9)}, seller_contacted_on=day(-5))
        assert_advice(p, "wait")
        assert_deadline(p, day(1))

    def test_dispute_allowed_exactly_at_shipped_plus_10(self):
        p = plan_for(order={"shipped_on": day(-10)}, seller_contacted_on=day(-5))
        assert p.dates.earliest_dispute == TODAY
        assert_advice(p, "open_dispute", "full", TOTAL, rule=Rule.seller_silent)

    # --- protection over: the 15 days after, then support --------------------------------

    def test_day_after_protection_open_dispute_in_the_late_claim_window(self):
        p = plan_for(order=not_received(-1, tracking="no_updates"), seller_contacted_on=day(-10))
        assert p.dates.dispute_deadline == d(day(-1))
        assert_advice(p, "open_dispute", "full", TOTAL, rule=Rule.late_claim)
        assert_deadline(p, day(14), "late_claim_deadline")

    def test_past_the_late_claim_window_contact_support(self):
        p = plan_for(order=not_received(-16, tracking="no_updates"), seller_contacted_on=day(-20))
        assert p.dates.dispute_deadline == d(day(-16))
        assert p.dates.late_claim_deadline == d(day(-1))
        assert_advice(p, "contact_support", rule=Rule.not_received_too_late)
        assert_deadline(p, None)

    @pytest.mark.parametrize("days_after, rule", [(1, Rule.late_claim), (16, Rule.not_received_too_late)])
    def test_protection_over_wins_over_returned_to_seller(self, days_after, rule):
        p = plan_for(order=not_received(-days_after, tracking="returned_to_seller"))
        assert p.rule is rule

    def test_protection_over_wins_over_an_estimated_delivery_still_ahead(self):
        p = plan_for(order=not_received(-1, tracking="in_transit", estimated_delivery=day(10)))
        assert_advice(p, "open_dispute", "full", TOTAL, rule=Rule.late_claim)

    def test_protection_over_wins_over_dispute_blocked(self):
        p = plan_for(order=not_received(-1, tracking="no_updates"), dispute_blocked=True)
        assert p.rule is Rule.late_claim
        # What to do if the button is still not there: support, the same day.
        message(p, "support")

    def test_dispute_deadline_is_inclusive(self):
        p = plan_for(order=not_received(0, tracking="no_updates"), seller_contacted_on=day(-10))
        assert p.dates.dispute_deadline == TODAY
        assert_advice(p, "open_dispute", "full", TOTAL, rule=Rule.no_news_running_out)
        assert_deadline(p, day(0), "dispute_deadline")

    # --- tracking delivered ---------------------------------------------------------

    def test_delivered_seller_not_contacted_contact_seller(self):
        p = plan_for(order={"tracking": "delivered"}, problem="delivered_not_received")
        assert_advice(p, "contact_seller", rule=Rule.delivered_ask_seller)
        # Written to today, the seller has until the day after tomorrow.
        assert_deadline(p, day(2), "seller_answer_due")
        message(p, "seller")

    def test_delivered_seller_had_1_day_contact_seller(self):
        p = plan_for(order={"tracking": "delivered"}, problem="delivered_not_received", seller_contacted_on=day(-1))
        assert_advice(p, "contact_seller", rule=Rule.delivered_ask_seller)
        assert_deadline(p, day(1), "seller_answer_due")

    def test_delivered_seller_had_2_days_open_dispute(self):
        p = plan_for(order={"tracking": "delivered"}, problem="delivered_not_received", seller_contacted_on=day(-2))
        assert_advice(p, "open_dispute", "full", TOTAL, rule=Rule.delivered_seller_silent)
        assert_deadline(p, day(22), "dispute_deadline")
        message(p, "dispute")

    @pytest.mark.parametrize("contacted", [None, day(-1), day(-10)])
    def test_delivered_protection_running_out_open_dispute(self, contacted):
        p = plan_for(
            order=not_received(4, tracking="delivered"), problem="delivered_not_received", seller_contacted_on=contacted
        )
        assert_advice(p, "open_dispute", "full", TOTAL, rule=Rule.delivered_running_out)
        assert_deadline(p, day(4), "dispute_deadline")

    def test_delivered_wins_over_estimated_delivery(self):
        p = plan_for(order={"tracking": "delivered", "estimated_delivery": day(10)}, problem="delivered_not_received")
        assert_advice(p, "contact_seller", rule=Rule.delivered_ask_seller)

    # --- returned to seller ---------------------------------------------------------

    def test_returned_to_seller_open_dispute(self):
        # Even with the estimated delivery ahead and the seller never contacted.
        p = plan_for(order={"tracking": "returned_to_seller", "estimated_delivery": day(10)})
        assert_advice(p, "open_dispute", "full", TOTAL, rule=Rule.returned_to_seller)
        assert_deadline(p, day(22), "dispute_deadline")

    # --- estimated delivery still ahead (tracking none, no updates or in transit) --------

    @pytest.mark.parametrize("tracking", ["none", "no_updates", "in_transit"])
    def test_before_estimated_delivery_wait_until_it(self, tracking):
        p = plan_for(order=not_received(20, estimated_delivery=day(3), tracking=tracking), seller_contacted_on=day(-10))
        assert_advice(p, "wait", rule=Rule.before_estimated_delivery)
        # The day to come back is the estimated delivery: a day to wait for, not a last day.
        assert_deadline(p, day(3), "estimated_delivery")
        assert p.next_deadline.last_day is False

    def test_before_estimated_delivery_wins_over_too_early(self):
        # Shipped 5 days ago, due in 10: the plan says when it is due, not when a dispute opens.
        p = plan_for(order={"shipped_on": day(-5), "estimated_delivery": day(10), "tracking": "in_transit"})
        assert_advice(p, "wait", rule=Rule.before_estimated_delivery)
        assert_deadline(p, day(10), "estimated_delivery")

    def test_before_estimated_delivery_wins_over_dispute_blocked(self):
        # "The parcel will arrive soon" while it is on time: wait for the estimated delivery.
        p = plan_for(order={"tracking": "in_transit", "estimated_delivery": day(3)}, dispute_blocked=True)
        assert_advice(p, "wait", rule=Rule.before_estimated_delivery)

    @pytest.mark.parametrize("days_left", [5, 0])
    def test_before_estimated_delivery_running_out_open_dispute(self, days_left):
        p = plan_for(order=not_received(days_left, estimated_delivery=day(30), tracking="in_transit"))
        assert_advice(p, "open_dispute", "full", TOTAL, rule=Rule.early_but_running_out)
        assert_deadline(p, day(days_left), "dispute_deadline")

    def test_due_after_protection_runs_low_wait_until_running_out(self):
        # 6 days left, due in 30: wait, but only until protection starts running out (tomorrow).
        p = plan_for(order=not_received(6, estimated_delivery=day(30), tracking="in_transit"))
        assert_advice(p, "wait", rule=Rule.due_after_protection)
        assert_deadline(p, day(1), "running_out_from")
        assert p.next_deadline.last_day is False
        assert "extend" in message(p, "seller").title.lower() + message(p, "seller").body.lower()

    def test_due_on_the_day_protection_runs_low_is_due_after_protection(self):
        # running_out_from is day(17): due that day is already too late to wait for.
        p = plan_for(order={"tracking": "in_transit", "estimated_delivery": day(17)})
        assert_advice(p, "wait", rule=Rule.due_after_protection)
        assert_deadline(p, day(17), "running_out_from")

    def test_due_the_day_before_protection_runs_low_is_before_estimated_delivery(self):
        p = plan_for(order={"tracking": "in_transit", "estimated_delivery": day(16)})
        assert_advice(p, "wait", rule=Rule.before_estimated_delivery)
        assert_deadline(p, day(16), "estimated_delivery")

    def test_on_estimated_delivery_day_no_longer_wait(self):
        p = plan_for(order=not_received(20, estimated_delivery=day(0), tracking="no_updates"))
        assert_advice(p, "contact_seller", rule=Rule.ask_seller)

    # --- dispute blocked ---------------------------------------------------------------

    @pytest.mark.parametrize("tracking", ["none", "no_updates", "in_transit", "delivered", "returned_to_seller"])
    def test_dispute_blocked_contact_support(self, tracking):
        p = plan_for(order={"tracking": tracking}, dispute_blocked=True)
        assert_advice(p, "contact_support", rule=Rule.dispute_blocked)
        assert_deadline(p, day(22), "dispute_deadline")

    def test_too_early_wins_over_dispute_blocked(self):
        # AliExpress refuses any dispute in the first 10 days: that is the reason, not a block.
        p = plan_for(order={"shipped_on": day(-5)}, dispute_blocked=True)
        assert_advice(p, "wait", rule=Rule.too_early_not_received)

    # --- in transit -----------------------------------------------------------------

    def test_in_transit_contact_seller_however_long_silent(self):
        p = plan_for(order=not_received(20, tracking="in_transit"), seller_contacted_on=day(-25))
        assert_advice(p, "contact_seller", rule=Rule.in_transit)
        # Wait while it moves, until protection starts running out.
        assert_deadline(p, day(15), "running_out_from")
        assert p.next_deadline.last_day is False

    @pytest.mark.parametrize("days_left", [5, 0])
    def test_in_transit_running_out_open_dispute(self, days_left):
        p = plan_for(order=not_received(days_left, tracking="in_transit"))
        assert_advice(p, "open_dispute", "full", TOTAL, rule=Rule.in_transit_running_out)
        assert_deadline(p, day(days_left), "dispute_deadline")

    def test_in_transit_6_days_left_is_not_running_out(self):
        p = plan_for(order=not_received(6, tracking="in_transit"), seller_contacted_on=day(-25))
        assert_advice(p, "contact_seller", rule=Rule.in_transit)
        assert_deadline(p, day(1), "running_out_from")

    # --- no tracking or no updates ----------------------------------------------------

    @pytest.mark.parametrize("tracking", ["none", "no_updates"])
    def test_no_tracking_contact_seller(self, tracking):
        p = plan_for(order={"tracking": tracking})
        assert_advice(p, "contact_seller", rule=Rule.ask_seller)
        assert_deadline(p, day(2), "seller_answer_due")
        message(p, "seller")

    @pytest.mark.parametrize("tracking", ["none", "no_updates"])
    def test_no_tracking_seller_had_1_day_contact_seller(self, tracking):
        p = plan_for(order={"tracking": tracking}, seller_contacted_on=day(-1))
        assert_advice(p, "contact_seller", rule=Rule.ask_seller)
        assert_deadline(p, day(1), "seller_answer_due")

    @pytest.mark.parametrize("tracking", ["none", "no_updates"])
    def test_no_tracking_seller_had_2_days_open_dispute(self, tracking):
        p = plan_for(order={"tracking": tracking}, seller_contacted_on=day(-2))
        assert_advice(p, "open_dispute", "full", TOTAL, rule=Rule.seller_silent)
        assert_deadline(p, day(22), "dispute_deadline")
        message(p, "dispute")

    def test_no_tracking_contacted_today_contact_seller(self):
        p = plan_for(order={"tracking": "none"}, seller_contacted_on=day(0))
        assert_advice(p, "contact_seller", rule=Rule.ask_seller)
        assert_deadline(p, day(2), "seller_answer_due")

    @pytest.mark.parametrize("tracking", ["none", "no_updates"])
    @pytest.mark.parametrize("contacted", [None, day(-1)])
    def test_no_tracking_protection_running_out_open_dispute(self, tracking, contacted):
        p = plan_for(order=not_received(2, tracking=tracking), seller_contacted_on=contacted)
        assert_advice(p, "open_dispute", "full", TOTAL, rule=Rule.no_news_running_out)
        assert_deadline(p, day(2), "dispute_deadline")

    @pytest.mark.parametrize("tracking", ["none", "no_updates"])
    def test_no_tracking_6_days_left_ask_the_seller_first(self, tracking):
        # The seller's two days end on day(2), well before the last day, day(6).
        p = plan_for(order=not_received(6, tracking=tracking))
        assert_advice(p, "contact_seller", rule=Rule.ask_seller)
        assert_deadline(p, day(2), "seller_answer_due")


# =====================================================================================
# Received
# =====================================================================================


class TestReceived:
    def test_nothing_wrong_confirm_receipt(self):
        # Confirming sets the deadline: 15 days from confirming today, not the protection end.
        p = plan_for(order=received(), problem="none")
        assert_advice(p, "confirm_receipt", rule=Rule.all_fine_confirm)
        assert_deadline(p, day(15), "deadline_after_confirming")
        assert p.next_deadline.last_day is True
        assert mentions_date(p.headline + "\n" + "\n".join(p.steps), day(15))

    def test_confirm_receipt_after_a_cancelled_dispute_names_the_deadline_confirming_sets(self):
        # A cancelled dispute counts as none everywhere else in the rules.
        p = plan_for(order=received(), problem="none", dispute={"status": "cancelled"})
        assert_advice(p, "confirm_receipt", rule=Rule.all_fine_confirm)
        assert_deadline(p, day(15), "deadline_after_confirming")
        assert set(dates_in(text_of(p))) <= {d(day(15))}

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
        assert_advice(p, "open_dispute", "partial", None, rule=Rule.slightly_imperfect)
        assert_deadline(p, day(22), "dispute_deadline")
        # No amount to state: the messages leave it to the buyer and say so.
        assert "amount" in message(p, "dispute").fill_in

    def test_slightly_imperfect_open_dispute_partial_of_the_refund_wanted(self):
        p = plan_for(order=received(), problem="slightly_imperfect", refund_wanted="15.00")
        assert_advice(p, "open_dispute", "partial", "15.00", rule=Rule.slightly_imperfect)
        assert mentions_amount(message(p, "dispute").body, "15.00")
        assert "amount" not in message(p, "dispute").fill_in

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
        assert_advice(p, "confirm_receipt", rule=Rule.wrong_shipping_confirm)
        assert_deadline(p, day(15), "deadline_after_confirming")

    def test_wrong_shipping_method_free_shipping_confirm_receipt(self):
        p = plan_for(order=received(shipping_paid="0"), problem="wrong_shipping_method", arrived_late=True)
        assert_advice(p, "confirm_receipt")

    def test_wrong_shipping_method_no_dispute_already_confirmed_nothing_to_do(self):
        p = plan_for(order=received(receipt_confirmed_on=day(-2)), problem="wrong_shipping_method", arrived_late=False)
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


NUMBER = "8123456789012345"

PLACEHOLDER = re.compile(r"\[([^\[\]]+)\]")
CONTACT_CLAIM = re.compile(
    r"\b(wrote|written|contacted|asked|messaged)\b[^.]*\bseller\b|messages with the seller", re.IGNORECASE
)
"""A sentence that says the buyer was already in touch with the seller."""

SAMPLES = {
    "ask-seller": dict(order={"tracking": "no_updates"}),
    "seller-silent": dict(order={"tracking": "none", "estimated_delivery": day(-6)}, seller_contacted_on=day(-3)),
    "in-transit": dict(order={"tracking": "in_transit", "estimated_delivery": day(-2)}),
    "before-eta": dict(order={"tracking": "in_transit", "estimated_delivery": day(4)}),
    "due-after-protection": dict(order={"tracking": "in_transit", "estimated_delivery": day(30)}),
    "running-out": dict(order=not_received(3, tracking="no_updates")),
    "delivered": dict(order={"tracking": "delivered"}, problem="delivered_not_received"),
    "returned": dict(order={"tracking": "returned_to_seller"}),
    "blocked": dict(order={"tracking": "no_updates", "estimated_delivery": day(-1)}, dispute_blocked=True),
    "late-claim": dict(order=not_received(-4, tracking="in_transit")),
    "too-late": dict(order=not_received(-20)),
    "keep-open": dict(order=not_received(2, tracking="in_transit"), dispute={"judgement": "invalid"}),
    "fake": dict(order=received(), problem="fake"),
    "incomplete": dict(order=received(), problem="incomplete", missing_items_value="12.34"),
    "imperfect": dict(order=received(), problem="slightly_imperfect"),
    "changed-mind": dict(order=received(), problem="changed_mind"),
    "wrong-shipping": dict(order=received(), problem="wrong_shipping_method", arrived_late=True),
    "too-early-received": dict(order=received(shipped_on=day(-4)), problem="wrong_item"),
    "received-too-late": dict(order=received(receipt_confirmed_on=day(-20)), problem="not_as_described"),
    "cancel": dict(order={"shipped_on": None}),
    "appeal": dict(
        order=received(),
        problem="fake",
        dispute={"status": "closed", "opened_on": day(-20), "closed_on": day(-3), "satisfied": False},
    ),
    "too-late-to-appeal": dict(
        order=received(),
        problem="fake",
        dispute={"status": "closed", "opened_on": day(-20), "closed_on": day(-12), "satisfied": False},
    ),
    "bank": dict(
        order=received(shipped_on=day(-90), placed_on=day(-95)),
        problem="fake",
        dispute={"status": "closed", "opened_on": day(-60), "closed_on": day(-57), "refund_processed_on": day(-56)},
    ),
}
"""A situation for most lines of the table that has messages, as the wizard builds them."""


def sample(name, **extra_order):
    kw = SAMPLES[name]
    order = {**kw.get("order", {}), "placed_on": DROP, **extra_order}
    return plan_for(**{**kw, "order": order})


def case_dates(case: dict) -> set[dt.date]:
    """Every date a case holds, except when the order was placed."""
    order, dispute = case["order"], case.get("dispute") or {}
    found = [order.get(k) for k in ("shipped_on", "estimated_delivery", "receipt_confirmed_on")]
    found += [case.get("seller_contacted_on")]
    found += [dispute.get(k) for k in ("opened_on", "closed_on", "refund_processed_on", "negotiation_ends_on")]
    return {d(x) for x in found if x}


class TestMessages:
    """Messages say only what the buyer told us, and list every [placeholder] to fill in."""

    def test_seller_message_names_the_order_and_the_day_to_answer_by(self):
        p = plan_for(
            order={
                "label": "Blue desk lamp",
                "order_number": NUMBER,
                "placed_on": DROP,
                "total_paid": "43.50",
                "shipping_paid": "0",
                "currency": "EUR",
                "tracking": "no_updates",
            }
        )
        assert p.action == "contact_seller"
        assert p.currency == "EUR"
        body = message(p, "seller").body
        assert "Blue desk lamp" in body
        assert NUMBER in body
        assert message(p, "seller").fill_in == []
        assert mentions_date(body, day(-38))  # shipped
        assert mentions_date(body, day(2))  # the seller's two days are up
        assert not CONTACT_CLAIM.search(body)

    def test_order_number_given_is_written_in_every_message(self):
        for name in SAMPLES:
            p = sample(name, order_number=NUMBER)
            for m in p.messages:
                assert NUMBER in m.body, (name, m.kind, m.body)
                assert "order number" not in m.fill_in, (name, m.kind)

    def test_order_number_formats_people_copy_are_read_as_digits(self):
        p = plan_for(order={"order_number": "8123 4567-8901 2345", "tracking": "no_updates"})
        assert NUMBER in message(p, "seller").body

    def test_without_an_order_number_each_message_has_a_listed_placeholder(self):
        for name in SAMPLES:
            p = sample(name)
            for m in p.messages:
                assert "[order number]" in m.body, (name, m.kind, m.body)
                assert "order number" in m.fill_in, (name, m.kind)

    def test_fill_in_lists_exactly_the_placeholders_of_each_message(self):
        for name in SAMPLES:
            for number in (None, NUMBER):
                p = sample(name, order_number=number)
                for m in p.messages:
                    assert m.fill_in == list(dict.fromkeys(PLACEHOLDER.findall(m.body))), (name, m.kind, m.body)
                    assert "{" not in m.body and "}" not in m.body, (name, m.body)

    def test_every_sample_but_an_on_time_parcel_has_messages(self):
        # So the message checks above run over something; a parcel on time needs no message yet.
        for name in SAMPLES:
            assert bool(sample(name).messages) is (name != "before-eta"), name

    def test_messages_state_only_dates_the_case_or_the_plan_holds(self):
        # No order date (the wizard doesn't ask for it), no date made up.
        for name in SAMPLES:
            kw = SAMPLES[name]
            case = make_case(**{**kw, "order": {**kw.get("order", {}), "placed_on": DROP}})
            p = advise(case)
            known = case_dates(case) | {v for v in p.dates.model_dump().values() if v}
            for m in p.messages:
                for when in dates_in(m.body):
                    assert when in known, (name, m.kind, when, m.body)

    def test_messages_claim_no_seller_contact_when_there_was_none(self):
        for name in SAMPLES:
            kw = SAMPLES[name]
            if "seller_contacted_on" in kw:
                continue
            p = sample(name)
            for m in p.messages:
                if m.kind != "seller":
                    assert not CONTACT_CLAIM.search(m.body), (name, m.kind, m.body)
            for proof in p.evidence:
                assert not CONTACT_CLAIM.search(proof), (name, proof)

    def test_dispute_message_says_when_the_seller_was_contacted(self):
        p = plan_for(order={"tracking": "no_updates", "placed_on": DROP}, seller_contacted_on=day(-3))
        assert p.action == "open_dispute"
        body = message(p, "dispute").body
        assert mentions_date(body, day(-3))
        assert CONTACT_CLAIM.search(body)
        assert any(CONTACT_CLAIM.search(proof) for proof in p.evidence)

    def test_dispute_message_has_the_amount_asked(self):
        p = plan_for(
            order=received(total_paid="43.50", shipping_paid="0", currency="EUR", placed_on=DROP, label="Red dress"),
            problem="wrong_item",
        )
        body = message(p, "dispute").body
        assert mentions_amount(body, "43.50") and mentions_currency(body, "EUR")
        assert "Red dress" in body

    def test_dispute_message_of_a_parcel_past_its_estimated_delivery_says_when_it_was_due(self):
        p = sample("seller-silent")
        body = message(p, "dispute").body
        assert mentions_date(body, day(-6))
        assert mentions_date(body, day(-38))

    def test_messages_of_a_parcel_on_time_say_nothing_is_late(self):
        # Due in 4 days: no message or step may call it late or overdue.
        p = sample("before-eta")
        assert p.action == "wait"
        for text in texts_of(p):
            assert not re.search(r"\b(late|overdue)\b", text, re.IGNORECASE), text

    def test_appeal_message_has_the_closing_date_and_placeholders_to_fill(self):
        p = sample("appeal")
        m = message(p, "appeal")
        assert mentions_date(m.body, day(-3))
        assert len(m.fill_in) >= 2  # what was decided, and why it is wrong, at least
        assert "order number" in m.fill_in

    def test_bank_message_has_the_processing_date(self):
        p = sample("bank")
        assert p.action == "check_with_bank"
        m = message(p, "bank")
        assert mentions_date(m.body, day(-56))
        assert "order number" in m.fill_in and len(m.fill_in) >= 2  # and the refund's code

    def test_deadlines_are_worded_by_the_day_never_before_it(self):
        for name in SAMPLES:
            p = sample(name)
            for text in texts_of(p):
                for when in dates_in(text):
                    assert not re.search(r"\bbefore\s+" + re.escape(show_date(when)), text), (name, text)

    @pytest.mark.parametrize("name", ["seller-silent", "running-out", "returned", "fake", "incomplete", "changed-mind"])
    def test_an_open_dispute_plan_says_by_which_day(self, name):
        p = sample(name)
        assert p.action == "open_dispute"
        deadline = show_date(p.dates.dispute_deadline)
        assert any(re.search(r"\bby\s+" + re.escape(deadline), text) for text in texts_of(p)), name


def test_all_actions_listed():
    assert set(ACTIONS) == {
        "cancel_order",
        "request_cancellation",
        "wait",
        "contact_seller",
        "open_dispute",
        "cancel_dispute",
        "accept_seller_offer",
        "accept_aliexpress_offer",
        "appeal",
        "contact_support",
        "check_with_bank",
        "open_paypal_dispute",
        "collect_parcel",
        "add_proof",
        "confirm_receipt",
        "nothing_to_do",
    }
    assert len(ACTIONS) == 16
