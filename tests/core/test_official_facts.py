"""Issue 12: the official facts beyond the guide, each where it matters, at its boundary dates, and the ways out.

TODAY is Thu 26 Nov 2026 (tests/support/cases.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from core import advise, guide, read_case
from core.facts import (
    ALIEXPRESS_STEPS_IN,
    CHARGEBACK_LONGEST,
    CHARGEBACK_NOT_AS_DESCRIBED,
    CHARGEBACK_NOT_RECEIVED,
    EU_GUARANTEE,
    EU_MEMBERS,
    FACTS,
    PAYPAL_DISPUTE,
    REFUND_OTHER,
    REFUND_TO_CARD,
    RETURN_SHIP_WITHIN,
    SELLER_DISPUTE_ANSWER,
)
from core.i18n import show_date
from core.models import Plan, Rule
from core.rules import WAYS_OUT_RULES
from tests.support.cases import SAMPLE_CASES, TODAY, day, make_case, not_received, received


def plan_for(**case) -> Plan:
    return advise(read_case(make_case(**case)))


def text_of(plan: Plan) -> str:
    return "\n".join([plan.headline, *plan.steps, *plan.warnings, *(m.body for m in plan.messages)])


def facts_of(plan: Plan) -> set[str]:
    return {note.key for note in plan.facts}


# =====================================================================================
# The table itself
# =====================================================================================


def test_every_fact_has_a_source_a_date_and_honest_confidence():
    for key, fact in FACTS.items():
        assert key == fact.key
        assert fact.means.count("{n}") >= 1, key
        assert ("{upto}" in fact.means) is (fact.upto is not None), key
        assert fact.found <= dt.date(2026, 11, 29), key
        assert fact.confidence in ("high", "medium", "low", "ours"), key
        if fact.address is not None:
            assert fact.address.startswith("https://"), key
        # The address is the source's own page: the guide is found by its section title, never by an address.
        guide_section = fact.source in {value for name, value in vars(guide).items() if name.isupper()}
        assert guide_section is (fact.address is None and fact.confidence != "ours"), key
        assert "europa.eu/consumers/odr" not in (fact.address or ""), "the EU's ODR platform closed in July 2025"


def test_the_eu_has_27_members():
    assert len(EU_MEMBERS) == 27 and {"ES", "FR", "PT", "DE", "PL"} <= EU_MEMBERS and "GB" not in EU_MEMBERS


# =====================================================================================
# Open disputes: the seller's 5 days, and AliExpress stepping in within 7
# =====================================================================================


@pytest.mark.parametrize(
    "opened_days_ago, rule", [(4, Rule.no_offer_yet), (5, Rule.no_offer_yet), (6, Rule.seller_did_not_answer)]
)
def test_the_sellers_five_days_end_on_the_fifth_day(opened_days_ago, rule):
    p = plan_for(order=received(), problem="fake", dispute={"opened_on": day(-opened_days_ago)})
    assert p.rule is rule
    opened = TODAY - dt.timedelta(days=opened_days_ago)
    assert p.dates.seller_must_answer_by == opened + dt.timedelta(days=SELLER_DISPUTE_ANSWER.value)
    assert p.dates.aliexpress_steps_in_by == opened + dt.timedelta(days=ALIEXPRESS_STEPS_IN.value)
    assert {"seller_dispute_answer", "aliexpress_steps_in"} <= facts_of(p)
    assert show_date(p.dates.seller_must_answer_by) in text_of(p)


def test_waiting_on_the_seller_says_a_changed_request_restarts_their_days():
    p = plan_for(order=received(), problem="fake", dispute={"opened_on": day(-2)})
    text = text_of(p)
    assert "Changing your request gives the seller 5 new days" in text
    assert f"AliExpress steps in by {show_date(p.dates.aliexpress_steps_in_by)}" in text


def test_a_seller_who_let_the_days_pass_means_checking_the_refund_and_then_support():
    p = plan_for(order=received(), problem="fake", dispute={"opened_on": day(-10)})
    assert (p.rule, p.action) == (Rule.seller_did_not_answer, "wait")
    assert "should have stepped in" in text_of(p)
    assert [m.kind for m in p.messages] == ["support"]


def test_opening_a_dispute_says_what_happens_next():
    p = advise(read_case(SAMPLE_CASES[Rule.fake]))
    assert any("The seller then has 5 days to answer" in step for step in p.steps)


# =====================================================================================
# Refunds by payment method
# =====================================================================================


@pytest.mark.parametrize(
    "paid_with, window",
    [
        (None, REFUND_TO_CARD),
        ("card", REFUND_TO_CARD),
        ("paypal", REFUND_OTHER),
        ("aliexpress", REFUND_OTHER),
        ("other", REFUND_OTHER),
    ],
)
def test_the_refund_window_follows_the_payment_method(paid_with, window):
    p = plan_for(
        dispute={"status": "closed", "closed_on": day(-3), "refund_processed_on": day(-2)}, paid_with=paid_with
    )
    assert p.rule is Rule.refund_on_its_way
    assert window.key in facts_of(p)
    assert f"{window.value} to {window.upto} working days" in text_of(p)


@pytest.mark.parametrize(
    "paid_with, rule",
    [
        ("card", Rule.refund_overdue),
        ("other", Rule.refund_overdue),
        ("paypal", Rule.refund_overdue_not_card),
        ("aliexpress", Rule.refund_overdue_not_card),
    ],
)
def test_a_late_refund_goes_to_the_bank_only_when_a_bank_holds_it(paid_with, rule):
    p = plan_for(
        dispute={"status": "closed", "opened_on": day(-36), "closed_on": day(-35), "refund_processed_on": day(-35)},
        paid_with=paid_with,
    )
    assert p.rule is rule
    kinds = [m.kind for m in p.messages]
    assert kinds == (["bank"] if rule is Rule.refund_overdue else ["support"])


def test_a_card_refund_names_the_day_to_ask_for_the_arn():
    p = plan_for(dispute={"status": "closed", "closed_on": day(-3), "refund_processed_on": day(-2)}, paid_with="card")
    assert f"Nothing by {show_date(p.dates.refund_expected_by)}? Copy the refund's ARN code" in text_of(p)


def test_bonus_refunds_say_where_they_can_be_spent():
    p = plan_for(
        dispute={"status": "closed", "closed_on": day(-3), "refund_processed_on": day(-2)}, paid_with="aliexpress"
    )
    assert "can only be spent on AliExpress" in text_of(p)


# =====================================================================================
# Returns, extensions, cancelling, appeals
# =====================================================================================


def test_accepting_a_return_today_gives_ten_days_to_ship_it_tracked():
    p = plan_for(
        order=received(total_paid="30.00"),
        problem="not_as_described",
        dispute={"aliexpress_offer": {"refund_amount": "30.00", "return_required": True}},
    )
    assert p.dates.return_ship_by == TODAY + dt.timedelta(days=RETURN_SHIP_WITHIN.value)
    text = text_of(p)
    assert f"send the item back by {show_date(p.dates.return_ship_by)}" in text and "with tracking" in text
    assert "The seller pays the postage" in text
    assert {"return_ship_within", "return_postage"} <= facts_of(p)


def test_no_return_no_ship_by_date():
    p = plan_for(order=received(), problem="fake", dispute={"aliexpress_offer": {"refund_amount": "50.00"}})
    assert p.dates.return_ship_by is None


def test_a_change_of_mind_is_paid_by_the_buyer_and_an_eu_buyer_can_withdraw():
    p = plan_for(order=received(), problem="changed_mind", country="FR")
    text = text_of(p)
    assert "You pay the postage" in text and "within 10 days, with tracking" in text
    assert "withdraw from the purchase for 14 days" in text
    outside = plan_for(order=received(), problem="changed_mind", country="US")
    assert "withdraw" not in text_of(outside)


@pytest.mark.parametrize("days_left, asks_today", [(12, False), (8, False), (7, True), (6, True)])
def test_a_moving_parcel_asks_for_an_extension_a_week_before_the_end(days_left, asks_today):
    p = plan_for(order=not_received(days_left, tracking="in_transit"))
    assert p.rule is Rule.in_transit
    assert p.dates.ask_extension_by == p.dates.dispute_deadline - dt.timedelta(days=7)
    assert [m.title for m in p.messages] == ["To the seller", "To the seller: extend protection"]
    text = text_of(p)
    assert ("second message below today" in text) is asks_today
    assert f"extend the protection until {show_date(p.dates.extension_until)}" in text


def test_no_extension_once_protection_is_over():
    p = plan_for(order=not_received(-1, tracking="in_transit"))
    assert p.dates.ask_extension_by is None and p.dates.extension_until is None


def test_a_cancellation_request_says_it_is_usually_approved_after_two_to_three_days():
    p = advise(read_case(SAMPLE_CASES[Rule.payment_confirmed]))
    assert any("approved by itself after 2 to 3 days" in step for step in p.steps)
    assert any("misses the shipping deadline" in step for step in p.steps)


def test_an_appeal_is_once_and_answered_in_about_ten_days():
    p = advise(read_case(SAMPLE_CASES[Rule.appeal]))
    text = text_of(p)
    assert "you can appeal only once" in text and "usually in about 10 days" in text
    assert "appeal_answer" in facts_of(p)


# =====================================================================================
# Ways out when AliExpress's routes are exhausted
# =====================================================================================


def exhausted(rule: Rule, **extra) -> Plan:
    data = SAMPLE_CASES[rule]
    case = {**data, **extra}
    if "order" in extra:
        case["order"] = {**data["order"], **extra["order"]}
    return advise(read_case(case))


@pytest.mark.parametrize("rule", sorted(WAYS_OUT_RULES, key=lambda r: r.value))
def test_every_exhausted_situation_ends_with_a_way_out_or_says_why_none_is_left(rule):
    for paid_with in (None, "card", "paypal", "aliexpress", "other"):
        p = exhausted(rule, paid_with=paid_with)
        outside = [step for step in p.steps if "Outside AliExpress" in step]
        assert outside, (rule, paid_with, p.steps)


def test_paypal_counts_180_days_from_the_payment_with_20_days_to_escalate():
    placed = day(-100)
    p = exhausted(Rule.not_received_too_late, paid_with="paypal", order={"placed_on": placed})
    assert p.dates.paypal_dispute_by == dt.date.fromisoformat(placed) + dt.timedelta(days=PAYPAL_DISPUTE.value)
    assert "within 20 days, or it closes for good" in text_of(p)
    assert [m.kind for m in p.messages] == ["support", "paypal"]
    assert p.dates.chargeback_by is None


@pytest.mark.parametrize("placed_days_ago, open_", [(179, True), (180, True), (181, False)])
def test_the_paypal_route_closes_after_its_last_day(placed_days_ago, open_):
    p = exhausted(Rule.not_received_too_late, paid_with="paypal", order={"placed_on": day(-placed_days_ago)})
    assert ("paypal" in [m.kind for m in p.messages]) is open_
    assert (p.dates.paypal_dispute_by >= TODAY) is open_


def test_a_card_chargeback_counts_from_the_last_expected_delivery():
    p = exhausted(Rule.not_received_too_late, paid_with="card", order={"estimated_delivery": day(-30)})
    assert p.dates.chargeback_by == TODAY + dt.timedelta(days=CHARGEBACK_NOT_RECEIVED.value - 30)
    assert "bank" in [m.kind for m in p.messages]


def test_a_card_chargeback_never_goes_past_540_days_from_the_payment():
    p = exhausted(
        Rule.not_received_too_late,
        paid_with="card",
        order={"placed_on": day(-500), "shipped_on": day(-498), "estimated_delivery": day(-30)},
    )
    assert p.dates.chargeback_by == dt.date.fromisoformat(day(-500)) + dt.timedelta(days=CHARGEBACK_LONGEST.value)
    assert "chargeback_longest" in facts_of(p)


def test_a_received_fault_counts_its_chargeback_and_eu_guarantee_from_receipt():
    receipt = day(-40)
    p = plan_for(
        order=received(placed_on=day(-75), shipped_on=day(-70), receipt_confirmed_on=receipt),
        problem="not_as_described",
        country="PT",
        paid_with="card",
    )
    assert p.rule is Rule.received_too_late
    received_on = dt.date.fromisoformat(receipt)
    assert p.dates.chargeback_by == received_on + dt.timedelta(days=CHARGEBACK_NOT_AS_DESCRIBED.value)
    assert p.dates.eu_guarantee_until == received_on.replace(year=received_on.year + EU_GUARANTEE.value)
    assert [m.title for m in p.messages][1:] == ["To your bank: chargeback", "To the seller: EU legal guarantee"]


def test_a_change_of_mind_has_no_chargeback_nor_guarantee():
    p = plan_for(
        order=received(placed_on=day(-75), shipped_on=day(-70), receipt_confirmed_on=day(-40)),
        problem="changed_mind",
        country="ES",
        paid_with="card",
    )
    assert p.rule is Rule.received_too_late
    assert p.dates.chargeback_by is None and p.dates.eu_guarantee_until is None
    assert any("no way out is left" in step for step in p.steps)


def test_a_closed_dispute_the_wizard_asked_nothing_about_claims_nothing_about_the_parcel():
    """The wizard's closed-dispute questions don't say what went wrong: no message may say it never came."""
    p = exhausted(Rule.too_late_to_appeal, problem="none", paid_with="card")
    [bank] = [m for m in p.messages if m.kind == "bank"]
    assert "[what went wrong, in one line]" in bank.body and "received" not in bank.body
    assert p.dates.chargeback_by is None
    assert any("or from the last expected delivery day if it never came" in step for step in p.steps)


def test_bonus_payments_say_plainly_that_no_bank_or_paypal_can_help():
    p = exhausted(Rule.not_received_too_late, paid_with="aliexpress")
    assert any("no bank or PayPal can help" in step for step in p.steps)
    assert [m.kind for m in p.messages] == ["support"]


def test_a_payment_method_not_given_offers_both_routes_each_with_an_if():
    p = exhausted(Rule.not_received_too_late, paid_with=None)
    assert any(step.startswith("Outside AliExpress, if you paid by card: ") for step in p.steps)
    assert any(step.startswith("Outside AliExpress, if you paid with PayPal: ") for step in p.steps)
    assert "To your bank, if you paid by card: chargeback" in [m.title for m in p.messages]
