"""Issue 16: never let protection lapse, and use the 15 days AliExpress still gives after it ends.

Each change is a rule, tested at its boundaries: the last day of protection (0 days left), the
day after (1 day past), the 15th day after and the 16th.

- Running out (5 days or fewer left), for every not-received tracking state: open the dispute
  now, and tell the seller at the same time; never ask the seller and wait.
- An "invalid" judgement while the parcel moves: cancel and reopen only while more than 5 days
  are left; otherwise keep the dispute open and say why cancelling would lose the money.
- AliExpress won't let the buyer open a dispute: screenshot, ask the seller to extend
  protection, ask support, and the last day named.
- After protection ends, a parcel never received: 15 more days to open a dispute (full refund),
  then support and the ways out beyond AliExpress (bank chargeback, PayPal).

Fixed dates (tests/support/cases.py): TODAY is Thursday 2026-11-26; `not_received(n)` is a parcel shipped
30 days ago whose protection ends n days from TODAY; `days_after_protection(n)` is one whose
protection ended n days before TODAY. Words change often, so the tests check facts: the rule,
the action, the dates named, the messages there.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from core.models import Rule
from tests.support.cases import (
    TODAY,
    TOTAL,
    d,
    dates_in,
    day,
    days_after_protection,
    mentions_date,
    message_of,
    messages_of,
    not_received,
    plan_for,
    received,
    text_of,
)

TRACKINGS = ["none", "no_updates", "in_transit", "delivered", "returned_to_seller"]
STILL_COMING = ["none", "no_updates", "in_transit"]

RUNNING_OUT_RULE = {
    "none": Rule.no_news_running_out,
    "no_updates": Rule.no_news_running_out,
    "in_transit": Rule.in_transit_running_out,
    "delivered": Rule.delivered_running_out,
    "returned_to_seller": Rule.returned_running_out,
}
"""The line each tracking state falls on when protection is running out (no estimated delivery ahead)."""

SELLER_TOLD = {"none", "no_updates", "in_transit", "delivered", "returned_to_seller"}
"""Running out, every plan has a message telling the seller of the dispute opened today."""

CONTACTED = {"not contacted": None, "contacted yesterday": day(-1)}


def parcel(tracking: str, **order):
    """Order overrides and the problem that goes with a tracking state."""
    problem = "delivered_not_received" if tracking == "delivered" else "not_arrived"
    return {"tracking": tracking, **order}, problem


def plan_at(days_left: int, tracking: str = "none", seller_contacted_on=None, **kw):
    order, problem = parcel(tracking, **kw.pop("order", {}))
    return plan_for(
        order=not_received(days_left, **order), problem=problem, seller_contacted_on=seller_contacted_on, **kw
    )


def steps_and_headline(plan) -> str:
    return "\n".join([plan.headline, *plan.steps])


def assert_last_day(plan, when: str, field: str = "dispute_deadline"):
    """The plan counts down to `when`, a last day, and says which day it is."""
    assert plan.next_deadline is not None, plan.rule
    assert plan.next_deadline.date == d(when), (plan.rule, plan.next_deadline)
    assert getattr(plan.dates, field) == d(when)
    assert plan.next_deadline.days_left == (d(when) - TODAY).days
    assert plan.next_deadline.last_day is True
    assert mentions_date(steps_and_headline(plan), when), (plan.rule, plan.headline, plan.steps)


# =====================================================================================
# Running out: open the dispute now, whatever tracking says
# =====================================================================================


class TestRunningOut:
    @pytest.mark.parametrize("contacted", list(CONTACTED.values()), ids=list(CONTACTED))
    @pytest.mark.parametrize("days_left", [5, 2, 1, 0])
    @pytest.mark.parametrize("tracking", TRACKINGS)
    def test_open_a_dispute_now(self, tracking, days_left, contacted):
        p = plan_at(days_left, tracking, contacted)
        assert p.rule is RUNNING_OUT_RULE[tracking]
        assert p.action == "open_dispute"
        assert (p.refund, p.refund_amount) == ("full", TOTAL)
        assert_last_day(p, day(days_left))
        message_of(p, "dispute")
        if tracking in SELLER_TOLD:
            seller = message_of(p, "seller")
            assert mentions_date(seller.body, day(days_left)), seller.body

    @pytest.mark.parametrize("contacted", list(CONTACTED.values()), ids=list(CONTACTED))
    @pytest.mark.parametrize("days_left", [5, 2, 1, 0])
    @pytest.mark.parametrize("tracking", TRACKINGS)
    def test_no_day_named_after_the_last_day(self, tracking, days_left, contacted):
        # "Ask the seller and open a dispute in 2 days" would name a day past the last one.
        p = plan_at(days_left, tracking, contacted)
        assert all(when <= d(day(days_left)) for when in dates_in(text_of(p))), text_of(p)

    @pytest.mark.parametrize("days_left", [5, 2, 1, 0])
    @pytest.mark.parametrize("tracking", TRACKINGS)
    def test_the_seller_contact_is_named_when_given(self, tracking, days_left):
        p = plan_at(days_left, tracking, day(-1))
        assert mentions_date(text_of(p), day(-1))
        # And the dispute says it: the seller was written to and it isn't sorted out.
        assert mentions_date(message_of(p, "dispute").body, day(-1))

    @pytest.mark.parametrize("days_left", [5, 2, 1, 0])
    @pytest.mark.parametrize("tracking", STILL_COMING)
    def test_open_a_dispute_now_even_before_the_estimated_delivery(self, tracking, days_left):
        p = plan_at(days_left, tracking, order={"estimated_delivery": day(30)})
        assert p.rule is Rule.early_but_running_out
        assert p.action == "open_dispute"
        assert (p.refund, p.refund_amount) == ("full", TOTAL)
        assert_last_day(p, day(days_left))
        message_of(p, "dispute")
        message_of(p, "seller")

    @pytest.mark.parametrize("days_left", [5, 2, 1, 0])
    @pytest.mark.parametrize("tracking", STILL_COMING)
    def test_open_a_dispute_now_after_the_estimated_delivery_passed(self, tracking, days_left):
        p = plan_at(days_left, tracking, order={"estimated_delivery": day(-3)})
        assert p.rule is RUNNING_OUT_RULE[tracking]
        assert p.action == "open_dispute"
        # The dispute says when it was due.
        assert mentions_date(message_of(p, "dispute").body, day(-3))

    @pytest.mark.parametrize(
        "tracking, rule, action, when",
        [
            ("none", Rule.ask_seller, "contact_seller", day(2)),
            ("no_updates", Rule.ask_seller, "contact_seller", day(2)),
            ("in_transit", Rule.in_transit, "contact_seller", day(1)),
            ("delivered", Rule.delivered_ask_seller, "contact_seller", day(2)),
            ("returned_to_seller", Rule.returned_to_seller, "open_dispute", day(6)),
        ],
    )
    def test_six_days_left_is_not_running_out_yet(self, tracking, rule, action, when):
        # One day before the threshold: the seller still gets their chance, and the day to come
        # back is before the last day, day(6).
        p = plan_at(6, tracking)
        assert (p.rule, p.action) == (rule, action)
        assert p.next_deadline.date == d(when)
        assert d(when) <= d(day(6))

    def test_six_days_left_due_after_protection_waits_only_until_it_runs_out(self):
        p = plan_at(6, "in_transit", order={"estimated_delivery": day(30)})
        assert (p.rule, p.action) == (Rule.due_after_protection, "wait")
        assert p.next_deadline.date == d(day(1)) == p.dates.running_out_from
        assert p.next_deadline.last_day is False
        # Ask the seller to extend protection meanwhile.
        seller = message_of(p, "seller")
        assert "extend" in (seller.title + seller.body).lower()

    @pytest.mark.parametrize("days_left", [5, 2, 1, 0])
    def test_the_amount_is_left_out_when_nothing_paid_is_known(self, days_left):
        p = plan_at(days_left, "no_updates", order={"total_paid": "0", "shipping_paid": "0"})
        assert p.action == "open_dispute"
        assert (p.refund, p.refund_amount) == ("full", None)


# =====================================================================================
# An invalid judgement while the parcel moves: never cancel what can't be reopened
# =====================================================================================


def invalid_while_moving(days_left: int):
    return plan_at(days_left, "in_transit", dispute={"judgement": "invalid", "opened_on": day(-5)})


def assert_keeps_the_dispute_open(p):
    assert p.rule is Rule.invalid_in_transit_keep_open
    assert p.action == "contact_support"
    assert p.refund == "none"
    # Why: cancelling would lose the money.
    assert any(re.search(r"cancel", w, re.I) and re.search(r"money", w, re.I) for w in p.warnings), p.warnings
    # Cancelling is never a step to do: every step that speaks of it says not to.
    assert not any("Cancel dispute" in step for step in p.steps), p.steps
    for step in p.steps:
        if re.search(r"cancel", step, re.I):
            assert re.search(r"\b(don't|do not|never)\b", step, re.I), step
    message_of(p, "support")


class TestInvalidJudgementWhileMoving:
    @pytest.mark.parametrize("days_left", [22, 6])
    def test_cancel_and_reopen_while_more_than_5_days_are_left(self, days_left):
        p = invalid_while_moving(days_left)
        assert p.rule is Rule.invalid_in_transit
        assert p.action == "cancel_dispute"
        assert_last_day(p, day(days_left))
        # The steps name the day to open a new dispute by, a day still inside protection.
        named = [when for step in p.steps for when in dates_in(step)]
        assert any(TODAY <= when <= d(day(days_left)) for when in named), p.steps
        assert p.dates.running_out_from in named

    @pytest.mark.parametrize("days_left", [5, 0, -1])
    def test_keep_the_dispute_open_with_5_days_or_fewer_left(self, days_left):
        p = invalid_while_moving(days_left)
        assert_keeps_the_dispute_open(p)
        assert p.next_deadline.date == d(day(days_left))
        assert p.next_deadline.last_day is True
        assert mentions_date(steps_and_headline(p), day(days_left))

    @pytest.mark.parametrize("days_after", [15, 16])
    def test_keep_the_dispute_open_long_after_protection(self, days_after):
        # The 15-day window is for opening a dispute; this one is open and must stay so.
        p = invalid_while_moving(-days_after)
        assert_keeps_the_dispute_open(p)

    @pytest.mark.parametrize("days_left", [5, 0])
    def test_while_protection_lasts_ask_the_seller_to_extend_it(self, days_left):
        p = invalid_while_moving(days_left)
        seller = message_of(p, "seller")
        assert "extend" in (seller.title + seller.body).lower()
        assert mentions_date(seller.body, day(days_left))

    def test_after_protection_no_message_asks_to_extend_it(self):
        p = invalid_while_moving(-1)
        assert not messages_of(p, "seller")


# =====================================================================================
# AliExpress won't let the buyer open a dispute
# =====================================================================================


class TestDisputeBlocked:
    @pytest.mark.parametrize("days_left", [22, 5, 2, 1, 0])
    @pytest.mark.parametrize("tracking", TRACKINGS)
    def test_a_plan_with_support_and_the_seller_and_the_last_day(self, tracking, days_left):
        p = plan_at(days_left, tracking, dispute_blocked=True)
        assert p.rule is Rule.dispute_blocked
        assert p.action == "contact_support"
        assert_last_day(p, day(days_left))
        support = message_of(p, "support")
        assert mentions_date(support.body, day(days_left))
        seller = message_of(p, "seller")
        assert "extend" in (seller.title + seller.body).lower()
        assert mentions_date(seller.body, day(days_left))
        # The screenshot that shows the missing button is the first proof.
        assert any("screenshot" in proof.lower() for proof in p.evidence)

    def test_too_early_is_not_a_block(self):
        p = plan_for(order={"shipped_on": day(-5)}, dispute_blocked=True)
        assert (p.rule, p.action) == (Rule.too_early_not_received, "wait")

    @pytest.mark.parametrize("days_after", [1, 15])
    def test_the_day_after_protection_the_late_claim_with_support_if_the_button_is_missing(self, days_after):
        p = plan_for(order=days_after_protection(days_after, tracking="no_updates"), dispute_blocked=True)
        assert (p.rule, p.action) == (Rule.late_claim, "open_dispute")
        message_of(p, "support")

    def test_sixteen_days_after_support_and_the_ways_out(self):
        p = plan_for(order=days_after_protection(16, tracking="no_updates"), dispute_blocked=True)
        assert (p.rule, p.action) == (Rule.not_received_too_late, "contact_support")


# =====================================================================================
# After protection: 15 more days for a parcel never received, then the ways out
# =====================================================================================


def after(days_after: int, tracking: str = "none", **kw):
    order, problem = parcel(tracking, **kw.pop("order", {}))
    return plan_for(order=days_after_protection(days_after, **order), problem=problem, **kw)


def assert_ways_out(p):
    """Support first, then the bank (a chargeback) and PayPal."""
    text = steps_and_headline(p)
    assert re.search(r"chargeback", text, re.I), p.steps
    assert re.search(r"\bbank\b", text, re.I), p.steps
    assert re.search(r"PayPal", text), p.steps
    message_of(p, "support")


class TestAfterProtection:
    @pytest.mark.parametrize("tracking", TRACKINGS)
    def test_last_day_of_protection_is_still_a_dispute(self, tracking):
        p = plan_at(0, tracking)
        assert p.rule is RUNNING_OUT_RULE[tracking]
        assert p.action == "open_dispute"
        assert_last_day(p, day(0))

    @pytest.mark.parametrize("days_after", [1, 2, 14, 15])
    @pytest.mark.parametrize("tracking", TRACKINGS)
    def test_inside_the_15_days_open_a_dispute_for_a_full_refund(self, tracking, days_after):
        p = after(days_after, tracking)
        assert p.rule is Rule.late_claim
        assert p.action == "open_dispute"
        assert (p.refund, p.refund_amount) == ("full", TOTAL)
        window_ends = day(15 - days_after)
        assert_last_day(p, window_ends, "late_claim_deadline")
        # The dispute deadline stays the protection end the order page shows.
        assert p.dates.dispute_deadline == p.dates.protection_ends == d(day(-days_after))
        assert mentions_date(text_of(p), day(-days_after))
        message_of(p, "dispute")
        # If the button is not there: support, with the window's last day.
        support = message_of(p, "support")
        assert mentions_date(support.body, window_ends)

    @pytest.mark.parametrize("tracking", TRACKINGS)
    def test_the_15th_day_after_is_the_last_day_of_the_window(self, tracking):
        p = after(15, tracking)
        assert p.rule is Rule.late_claim
        assert p.next_deadline.date == TODAY
        assert p.next_deadline.days_left == 0

    @pytest.mark.parametrize("days_after", [16, 17, 60])
    @pytest.mark.parametrize("tracking", TRACKINGS)
    def test_after_the_15_days_support_then_the_ways_out(self, tracking, days_after):
        p = after(days_after, tracking)
        assert p.rule is Rule.not_received_too_late
        assert p.action == "contact_support"
        assert p.refund == "none"
        assert p.next_deadline is None
        assert_ways_out(p)
        assert mentions_date(message_of(p, "support").body, day(-days_after))

    @pytest.mark.parametrize("tracking", STILL_COMING)
    def test_the_window_holds_even_with_the_estimated_delivery_still_ahead(self, tracking):
        p = after(1, tracking, order={"estimated_delivery": day(10)})
        assert (p.rule, p.action) == (Rule.late_claim, "open_dispute")

    @pytest.mark.parametrize(
        "days_after, rule", [(1, Rule.late_claim), (15, Rule.late_claim), (16, Rule.not_received_too_late)]
    )
    def test_the_window_holds_after_a_cancelled_dispute(self, days_after, rule):
        p = after(days_after, "no_updates", dispute={"status": "cancelled", "opened_on": day(-25)})
        assert p.rule is rule

    def test_the_window_is_for_a_parcel_never_received_only(self):
        # A received item's claim ends with protection: support, no 15 more days.
        p = plan_for(order=received(shipped_on=day(-61), placed_on=day(-65)), problem="fake")
        assert p.dates.dispute_deadline == d(day(-1))
        assert (p.rule, p.action) == (Rule.received_too_late, "contact_support")
        assert p.dates.late_claim_deadline is None

    def test_the_window_asks_for_no_amount_when_nothing_paid_is_known(self):
        p = after(3, order={"total_paid": "0", "shipping_paid": "0"})
        assert (p.rule, p.refund, p.refund_amount) == (Rule.late_claim, "full", None)

    def test_the_window_names_what_was_paid(self):
        p = after(3, order={"total_paid": "43.50", "shipping_paid": "0"})
        assert p.refund_amount == Decimal("43.50")
