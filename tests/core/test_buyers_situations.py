"""Issue 17: situations real buyers face: several items under one order, free return for a faulty item,
a fault found after protection. TODAY is Thu 26 Nov 2026 (tests/support/cases.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core import advise, read_case
from core.models import Plan, Rule
from tests.support.cases import day, make_case, received


def plan_for(**case) -> Plan:
    return advise(read_case(make_case(**case)))


def text_of(plan: Plan) -> str:
    return "\n".join([plan.headline, plan.money, *plan.steps, *plan.warnings, *(m.body for m in plan.messages)])


@pytest.mark.parametrize("problem", ["not_as_described", "fake", "wrong_item"])
def test_one_bad_item_of_several_is_never_a_full_refund_of_the_order(problem):
    p = plan_for(order=received(total_paid="60.00"), problem=problem, affected_value="15.00")
    assert (p.refund, p.refund_amount) == ("partial", Decimal("15.00"))
    text = text_of(p)
    assert "refund of $15.00 for the" in p.headline
    assert "full refund" not in text.lower()
    [dispute] = [m for m in p.messages if m.kind == "dispute"]
    assert "Only some items of the order are affected: [which items], worth $15.00." in dispute.body
    assert "which items" in dispute.fill_in


@pytest.mark.parametrize("affected", ["60.00", "80.00"])
def test_all_items_affected_is_a_full_refund(affected):
    p = plan_for(order=received(total_paid="60.00"), problem="fake", affected_value=affected)
    assert (p.refund, p.refund_amount) == ("full", Decimal("60.00"))


def test_affected_items_without_a_known_total_ask_for_what_they_cost():
    p = plan_for(order=received(total_paid="0", shipping_paid="0"), problem="wrong_item", affected_value="9.99")
    assert (p.refund, p.refund_amount) == ("partial", Decimal("9.99"))


@pytest.mark.parametrize("problem", ["not_as_described", "wrong_item", "fake"])
def test_free_return_is_offered_as_the_other_option(problem):
    p = plan_for(order=received(free_return=True), problem=problem)
    assert any(step.startswith("Another option: this listing has free return") for step in p.steps)
    assert not p.return_item, "the plan still keeps the item: a refund beats a return (the guide)"
    unknown = plan_for(order=received(free_return=False), problem=problem)
    assert any(step.startswith("Another option: if the listing says “free return”") for step in unknown.steps)


def test_no_free_return_option_for_a_partial_claim():
    p = plan_for(order=received(free_return=True, total_paid="60.00"), problem="fake", affected_value="15.00")
    assert not any("Another option" in step for step in p.steps)


def test_a_fault_after_protection_asks_the_sellers_warranty_outside_the_eu():
    order = received(placed_on=day(-80), shipped_on=day(-70), receipt_confirmed_on=day(-40))
    p = plan_for(order=order, problem="not_as_described", country="US", paid_with="card")
    assert p.rule is Rule.received_too_late
    titles = [m.title for m in p.messages]
    assert "To the seller: warranty" in titles and "To the seller: EU legal guarantee" not in titles
    eu = plan_for(order=order, problem="not_as_described", country="ES", paid_with="card")
    titles = [m.title for m in eu.messages]
    assert "To the seller: EU legal guarantee" in titles and "To the seller: warranty" not in titles


def test_no_warranty_message_for_a_change_of_mind():
    order = received(placed_on=day(-80), shipped_on=day(-70), receipt_confirmed_on=day(-40))
    p = plan_for(order=order, problem="changed_mind", country="US")
    assert "To the seller: warranty" not in [m.title for m in p.messages]


@pytest.mark.parametrize("days_left", [30, 3])
def test_a_parcel_sent_back_warns_about_refused_customs_charges(days_left):
    from tests.support.cases import not_received

    p = plan_for(order=not_received(days_left, tracking="returned_to_seller"))
    assert p.rule in (Rule.returned_to_seller, Rule.returned_running_out)
    assert any("refused or didn't pay the customs charges" in warning for warning in p.warnings)
    moving = plan_for(order=not_received(30, tracking="in_transit"))
    assert not any("customs charges" in warning for warning in moving.warnings)
