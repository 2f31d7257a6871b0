"""A return in progress and a cancelled order whose money isn't back: each rule at its boundary days.

TODAY is Thu 26 Nov 2026. A return agreed n days ago must be sent by the agreement + 10 days
(RETURN_SHIP_WITHIN), or by the date the request shows; a cancelled order's refund is expected
within the payment method's working days (card 3 to 20, others 1 to 10) from the cancellation.
"""

from __future__ import annotations

import datetime as dt

import pytest

from core import advise, read_case
from core.dates import add_working_days
from core.facts import REFUND_OTHER, REFUND_TO_CARD, RETURN_SHIP_WITHIN
from core.i18n import show_date
from core.models import Rule
from core.reading import CaseError
from tests.support.cases import DROP, TODAY, day, make_case, message_of, received, text_of


def returning(status: str = "not_sent", problem: str = "not_as_described", **item_return):
    return make_case(order=received(), problem=problem, item_return={"status": status, **item_return})


def cancelled(on: dt.date, paid_with: str | None = None, **top):
    extra = {"paid_with": paid_with} if paid_with else {}
    return make_case(order={"shipped_on": DROP}, cancelled_on=on.isoformat(), **extra, **top)


# --- A return in progress ------------------------------------------------------------


def test_not_sent_on_the_ship_by_day_itself_is_still_in_time():
    agreed = TODAY - dt.timedelta(days=RETURN_SHIP_WITHIN.value)
    plan = advise(returning(agreed_on=agreed.isoformat()))
    assert plan.rule is Rule.return_not_sent
    assert plan.dates.return_ship_by == TODAY
    assert plan.next_deadline is not None and plan.next_deadline.last_day and plan.next_deadline.days_left == 0
    assert f"by {show_date(TODAY)}" in plan.headline
    assert plan.counted["return_ship_by"].startswith(f"Return agreed {show_date(agreed)} + 10 days")


def test_not_sent_the_day_after_the_ship_by_day_goes_to_support():
    agreed = TODAY - dt.timedelta(days=RETURN_SHIP_WITHIN.value + 1)
    plan = advise(returning(agreed_on=agreed.isoformat()))
    assert plan.rule is Rule.return_ship_by_passed
    assert plan.action == "contact_support"
    assert message_of(plan, "support").body.count(show_date(plan.dates.return_ship_by)) == 1


def test_the_date_on_the_request_wins_over_the_count():
    plan = advise(returning(agreed_on=day(-20), ship_by=day(0)))
    assert plan.rule is Rule.return_not_sent and plan.dates.return_ship_by == TODAY
    assert plan.counted["return_ship_by"].startswith("The date on your return request")
    assert "return_ship_within" not in {f.key for f in plan.facts}
    late = advise(returning(agreed_on=day(-5), ship_by=day(-1)))
    assert late.rule is Rule.return_ship_by_passed


def test_who_pays_the_postage_follows_why_it_goes_back():
    mind = text_of(advise(returning(problem="changed_mind", agreed_on=day(-2))))
    fault = text_of(advise(returning(problem="not_as_described", agreed_on=day(-2))))
    assert "You pay the return postage" in mind
    assert "The seller pays the postage" in fault


def test_label_refused_asks_support_and_keeps_the_day():
    plan = advise(returning("label_refused", agreed_on=day(-3), ship_by=day(2)))
    assert plan.rule is Rule.return_label_refused and plan.action == "contact_support"
    assert plan.next_deadline is not None and plan.next_deadline.date == TODAY + dt.timedelta(days=2)
    assert "new label" in message_of(plan, "support").body
    assert f"by {show_date(TODAY + dt.timedelta(days=2))}" in plan.headline
    # The buyer pays the postage on a change of mind: no postage back to ask for.
    mind = advise(returning("label_refused", problem="changed_mind", agreed_on=day(-3)))
    assert "refund the postage" not in message_of(mind, "support").body
    # Past the day, no "by <day>" that has gone.
    past = advise(returning("label_refused", agreed_on=day(-12)))
    assert show_date(past.dates.return_ship_by) not in past.headline


def test_sent_waits_with_no_last_day_and_cites_the_refund_window():
    plan = advise(returning("sent", agreed_on=day(-8), sent_on=day(-5)))
    assert plan.rule is Rule.return_sent and plan.action == "wait"
    assert plan.next_deadline is None and plan.dates.return_ship_by is None
    assert "delivered to the seller" in text_of(plan)
    assert "refund_to_card" in {f.key for f in plan.facts}


def test_seller_says_it_never_arrived_gets_proof_and_two_messages():
    plan = advise(returning("lost", agreed_on=day(-20), sent_on=day(-15)))
    assert plan.rule is Rule.return_lost and plan.action == "contact_support"
    assert {m.kind for m in plan.messages} == {"seller", "support"}
    assert "postage receipt" in " ".join(plan.evidence).lower()
    assert show_date(TODAY - dt.timedelta(days=15)) in message_of(plan, "support").body


def test_a_return_sent_before_it_was_agreed_is_refused():
    with pytest.raises(CaseError) as error:
        read_case(returning("sent", agreed_on=day(-2), sent_on=day(-5)))
    assert "item_return.sent_on" in str(error.value)


def test_a_return_asks_no_receipt_to_confirm():
    plan = advise(returning(agreed_on=day(-1)))
    assert plan.dates.deadline_after_confirming is None


# --- Cancelled before shipping, money not back ------------------------------------------


@pytest.mark.parametrize(
    ("paid_with", "window", "late_rule"),
    [
        ("card", REFUND_TO_CARD, Rule.cancelled_refund_overdue),
        (None, REFUND_TO_CARD, Rule.cancelled_refund_overdue),
        ("other", REFUND_OTHER, Rule.cancelled_refund_overdue),
        ("paypal", REFUND_OTHER, Rule.cancelled_refund_overdue_not_card),
        ("aliexpress", REFUND_OTHER, Rule.cancelled_refund_overdue_not_card),
    ],
)
def test_cancelled_refund_last_day_waits_and_the_day_after_acts(paid_with, window, late_rule):
    on = dt.date(2026, 10, 20)
    last = add_working_days(on, window.upto, None)
    on_time = advise(cancelled(on, paid_with), today=last)
    assert on_time.rule is Rule.cancelled_refund_on_its_way and on_time.action == "wait"
    assert on_time.dates.refund_expected_by == last
    assert on_time.next_deadline is not None and not on_time.next_deadline.last_day
    assert f"by {show_date(last)}" in on_time.headline
    late = advise(cancelled(on, paid_with), today=last + dt.timedelta(days=1))
    assert late.rule is late_rule
    kind = "support" if late_rule is Rule.cancelled_refund_overdue_not_card else "bank"
    assert show_date(on) in message_of(late, kind).body


def test_cancelled_counts_working_days_in_the_buyers_country():
    on = dt.date(2026, 12, 21)
    plan = advise(cancelled(on, "paypal", country="DE"), today=on)
    assert plan.dates.refund_expected_by == add_working_days(on, REFUND_OTHER.upto, "DE")
    assert plan.counted["refund_expected_by"].startswith(f"Cancelled {show_date(on)} + 10 working days")


def test_cancelled_without_a_method_names_the_other_methods_days():
    plan = advise(cancelled(TODAY - dt.timedelta(days=2)))
    text = text_of(plan)
    assert "Those are a card's days" in text and "refund_other" in {f.key for f in plan.facts}


def test_cancelled_full_refund_names_the_amount_paid():
    plan = advise(cancelled(TODAY - dt.timedelta(days=40), "card"))
    assert plan.refund == "full" and plan.money.startswith("Full refund: $50.00")


def test_a_cancelled_order_with_a_shipping_date_is_refused():
    with pytest.raises(CaseError) as error:
        read_case(make_case(cancelled_on=day(-2)))
    assert "cancelled_on" in str(error.value)
