"""Money with no order of its own: a double charge, a charge with no order, money paid outside AliExpress."""

from __future__ import annotations

import datetime as dt

import pytest

from core import advise, read_case
from core.dates import add_days, add_working_days
from core.facts import CHARGEBACK_NOT_RECEIVED, PAYPAL_DISPUTE, REFUND_OTHER, REFUND_TO_CARD
from core.i18n import show_date
from core.models import Rule
from core.reading import CaseError
from core.wizard.case import to_case
from core.wizard.route import route
from tests.support.cases import TODAY, d, day, make_case, message_of, text_of


def charged(problem: str, on: str, **top: object) -> dict:
    """A payment problem: no shipping date, and the amount taken as the order's total."""
    return make_case(order={"shipped_on": None, "total_paid": "42.50"}, payment_problem=problem, charged_on=on, **top)


def charged_so_refund_due(by: dt.date, working_days: int) -> str:
    """The charge day whose usual refund window ends on `by`."""
    on = by
    while add_working_days(on, working_days, None) > by:
        on = add_days(on, -1)
    assert add_working_days(on, working_days, None) == by
    return on.isoformat()


@pytest.mark.parametrize("problem", ["charged_twice", "no_order"])
def test_an_extra_charge_is_asked_back_until_the_refund_window_ends_then_the_bank(problem):
    last = REFUND_TO_CARD.upto or REFUND_TO_CARD.value
    on_time = advise(charged(problem, charged_so_refund_due(TODAY, last), paid_with="card"))
    assert on_time.rule is Rule.extra_charge
    assert on_time.action == "contact_support"
    assert on_time.next_deadline is not None and on_time.next_deadline.date == TODAY
    late = advise(charged(problem, charged_so_refund_due(d(day(-1)), last), paid_with="card"))
    assert late.rule is Rule.extra_charge_overdue
    assert late.action == "check_with_bank"
    assert message_of(late, "bank").body.startswith("Hello, AliExpress")


def test_paypal_counts_the_shorter_window():
    last = REFUND_OTHER.upto or REFUND_OTHER.value
    plan = advise(charged("no_order", charged_so_refund_due(d(day(-1)), last), paid_with="paypal"))
    assert plan.rule is Rule.extra_charge_overdue
    assert message_of(plan, "paypal")
    assert not [m for m in plan.messages if m.kind == "bank"]


def test_a_double_charge_never_says_to_cancel_the_order_and_names_it():
    plan = advise(
        make_case(
            order={"shipped_on": None, "total_paid": "42.50", "order_number": "8123456789012345"},
            payment_problem="charged_twice",
            charged_on=day(-2),
        )
    )
    text = text_of(plan)
    assert plan.headline.startswith("Don't cancel your order")
    assert "Cancel only that one, and keep the order you want" in text
    support = message_of(plan, "support").body
    assert "twice" in support and "$42.50" in support and show_date(d(day(-2))) in support


def test_a_charge_with_no_order_says_not_to_pay_again_and_names_no_order():
    plan = advise(charged("no_order", day(-2)))
    assert plan.headline.startswith("Don't pay again")
    assert "order number" not in message_of(plan, "support").body


@pytest.mark.parametrize(
    ("paid_with", "rule", "paypal_days", "card_days"),
    [
        ("paypal", Rule.paid_outside_paypal, PAYPAL_DISPUTE.value, None),
        ("card", Rule.paid_outside, None, CHARGEBACK_NOT_RECEIVED.value),
        (None, Rule.paid_outside, PAYPAL_DISPUTE.value, CHARGEBACK_NOT_RECEIVED.value),
        ("other", Rule.paid_outside, None, None),
    ],
)
def test_money_paid_outside_gets_paypals_and_the_cards_days_from_the_payment(paid_with, rule, paypal_days, card_days):
    paid_on = d(day(-10))
    plan = advise(charged("paid_outside", paid_on.isoformat(), **({"paid_with": paid_with} if paid_with else {})))
    assert plan.rule is rule
    assert plan.dates.paypal_dispute_by == (add_days(paid_on, paypal_days) if paypal_days else None)
    assert plan.dates.chargeback_by == (add_days(paid_on, card_days) if card_days else None)
    text = text_of(plan)
    assert "Report the seller to AliExpress" in text
    assert "Don't send the seller more money" in text
    if paid_with == "other":
        assert plan.headline.startswith("Call your bank today")


def test_a_paypal_window_already_over_is_said_and_offers_no_dispute_message():
    plan = advise(charged("paid_outside", day(-(PAYPAL_DISPUTE.value + 1)), paid_with="paypal"))
    assert "ended on" in plan.headline
    assert not [m for m in plan.messages if m.kind == "paypal"]


def test_a_payment_problem_with_a_dispute_is_refused_naming_the_field():
    with pytest.raises(CaseError) as error:
        read_case(charged("no_order", day(-2), dispute={"status": "open"}))
    assert "payment_problem" in [p.field for p in error.value.problems]


def test_the_wizard_asks_three_questions_and_builds_the_case():
    answers = {"stage": "payment_problem", "payment_issue": "charged_twice", "charged": "2026-11-20"}
    assert route(answers) == ["stage", "payment_issue", "charged", "charged_amount"]
    case = to_case({**answers, "charged_amount": "42.50 EUR"}, TODAY)
    assert case.payment_problem is not None and case.payment_problem.value == "charged_twice"
    assert case.charged_on == dt.date(2026, 11, 20)
    assert str(case.order.total_paid) == "42.50" and case.order.currency == "EUR"


def test_a_charge_after_today_is_refused_on_its_question():
    with pytest.raises(CaseError) as error:
        to_case({"stage": "payment_problem", "payment_issue": "no_order", "charged": "2026-12-20"}, TODAY)
    assert [p.field for p in error.value.problems] == ["charged_on"]


@pytest.mark.parametrize(
    "case",
    [
        make_case(order={"shipped_on": None}, cancelled_on=day(-5), refund_as_bonus=True, paid_with="card"),
        make_case(dispute={"status": "closed", "refund_received": True}, refund_as_bonus=True),
    ],
    ids=["cancelled", "dispute closed"],
)
def test_a_refund_that_came_back_as_bonus_goes_to_support_never_to_the_bank(case):
    plan = advise(case)
    assert plan.rule is Rule.refund_as_bonus and plan.action == "contact_support"
    assert plan.dates.refund_expected_by is None, "the refund already came: no day to wait for"
    assert any("Don't ask your bank for a chargeback" in w for w in plan.warnings)
    assert [m.kind for m in plan.messages] == ["support"]


def test_an_unhappy_closed_dispute_is_appealed_even_if_its_refund_came_as_bonus():
    closed = {"status": "closed", "satisfied": False, "closed_on": day(-2), "refund_received": True}
    assert advise(make_case(dispute=closed, refund_as_bonus=True)).rule is Rule.appeal


def test_the_wizard_asks_where_a_cancelled_orders_money_is():
    answers = {"stage": "cancelled", "cancelled": "2026-11-20"}
    assert route(answers) == ["stage", "cancelled", "cancelled_refund"]
    assert to_case({**answers, "cancelled_refund": "bonus"}, TODAY).refund_as_bonus
    assert not to_case({**answers, "cancelled_refund": "not_yet"}, TODAY).refund_as_bonus


def test_every_day_of_a_payment_problem_says_how_it_was_counted_from_the_charge():
    extra = advise(charged("charged_twice", day(-2), paid_with="card"))
    assert extra.counted["refund_expected_by"].startswith("Money taken " + show_date(d(day(-2))))
    outside = advise(charged("paid_outside", day(-10)))
    for key in ("paypal_dispute_by", "chargeback_by"):
        assert outside.counted[key].startswith("Paid " + show_date(d(day(-10)))), key
