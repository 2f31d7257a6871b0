"""Parcels that are somewhere the buyer can't reach: waiting to be collected, held by customs for documents,
seized, or delivered to someone else."""

from __future__ import annotations

import pytest

from core import advise, read_case
from core.facts import RUNNING_OUT
from core.i18n import show_date
from core.models import Rule
from core.reading import CaseError
from core.wizard.case import to_case
from core.wizard.route import route
from tests.support.cases import TODAY, d, day, make_case, message_of, not_received, text_of


@pytest.mark.parametrize(
    ("days_left", "rule", "action"),
    [
        (RUNNING_OUT.value + 1, Rule.waiting_for_pickup, "collect_parcel"),
        (RUNNING_OUT.value, Rule.waiting_for_pickup_running_out, "open_dispute"),
        (0, Rule.waiting_for_pickup_running_out, "open_dispute"),
    ],
)
def test_a_parcel_waiting_to_be_collected_is_collected_until_protection_runs_out(days_left, rule, action):
    plan = advise(make_case(order=not_received(days_left, tracking="awaiting_pickup")))
    assert plan.rule is rule and plan.action == action
    assert "Collect it with your ID" in text_of(plan)
    if rule is Rule.waiting_for_pickup_running_out:
        assert "can't get it: [why, in one line]" in message_of(plan, "dispute").body


def test_a_parcel_waiting_to_be_collected_with_the_dispute_blocked_goes_to_support():
    plan = advise(make_case(order=not_received(2, tracking="awaiting_pickup"), dispute_blocked=True))
    assert plan.rule is Rule.dispute_blocked


def test_customs_asking_for_documents_asks_the_seller_for_the_invoice_by_the_notices_day():
    plan = advise(make_case(order={"tracking": "customs_documents", "customs_pay_by": day(5)}))
    assert plan.rule is Rule.customs_documents and plan.action == "contact_seller"
    assert plan.next_deadline is not None and plan.next_deadline.date == d(day(5))
    assert "[what customs asks for]" in message_of(plan, "seller").body
    passed = advise(make_case(order={"tracking": "customs_documents", "customs_pay_by": day(-1)}))
    assert "has passed" in passed.headline


def test_customs_asking_for_documents_without_a_day_falls_back_to_the_dispute_day():
    plan = advise(make_case(order={"tracking": "customs_documents"}))
    assert plan.next_deadline is not None and plan.next_deadline.date == plan.dates.running_out_from


def test_customs_documents_with_protection_running_out_is_a_dispute_now():
    plan = advise(make_case(order=not_received(2, tracking="customs_documents")))
    assert plan.action == "open_dispute"
    assert "customs is holding it until it gets the documents" in message_of(plan, "dispute").body


def test_a_seizure_warns_of_the_customs_letter_and_banned_items():
    plan = advise(make_case(order={"tracking": "seized_by_customs"}))
    assert any("customs letter" in w and "not allowed in your country" in w for w in plan.warnings)
    other = advise(make_case(order={"tracking": "in_transit"}))
    assert not any("not allowed in your country" in w for w in other.warnings)


def test_delivered_somewhere_else_is_a_dispute_now_without_waiting_for_the_seller():
    delivered = {"tracking": "delivered"}
    plan = advise(make_case(order=delivered, problem="delivered_not_received", delivered_elsewhere=True))
    assert plan.rule is Rule.delivered_elsewhere and plan.action == "open_dispute"
    assert "[the place or name it shows]" in message_of(plan, "dispute").body
    home = advise(make_case(order=delivered, problem="delivered_not_received"))
    assert home.rule is Rule.delivered_ask_seller
    for p in (plan, home):
        assert any("Don't tap “Confirm receipt”" in w for w in p.warnings)


def test_the_wizard_skips_the_seller_question_for_a_parcel_delivered_elsewhere():
    answers = {"stage": "delivered_missing", "shipped": day(-20), "protection": "no", "delivered_where": "elsewhere"}
    assert route(answers)[-1] == "delivered_where"
    assert to_case(answers, TODAY).delivered_elsewhere
    assert route({**answers, "delivered_where": "mine"})[-1] == "contacted"


def test_an_open_dispute_with_a_seller_offer_asks_when_the_negotiation_ends():
    answers = {
        "stage": "dispute_open",
        "dispute_about": "not_as_described",
        "total": "80",
        "seller_offer": "10",
        "aliexpress_offer": "no",
    }
    assert route(answers)[-1] == "negotiation"
    plan = advise(to_case({**answers, "negotiation": day(4)}, TODAY))
    assert plan.rule is Rule.seller_offer_too_low
    assert plan.next_deadline is not None and plan.next_deadline.date == d(day(4))
    assert any("when the negotiation ends, AliExpress steps in" in s for s in plan.steps)


def changed_mind(country: str, arrived: str | None) -> dict:
    order = {**{"received": True, "shipped_on": day(-20)}, **({"delivered_on": arrived} if arrived else {})}
    return make_case(order=order, problem="changed_mind", country=country)


def test_in_the_eu_a_change_of_mind_is_due_by_the_14th_day_after_it_arrived():
    plan = advise(changed_mind("ES", day(-14)))
    assert plan.dates.withdrawal_by == TODAY
    assert plan.next_deadline is not None and plan.next_deadline.date == TODAY
    assert any(f"until {show_date(TODAY)}" in w for w in plan.warnings)
    assert f"Do it by {show_date(TODAY)}." in plan.steps, "the steps give the same last day as the plan"
    over = advise(changed_mind("ES", day(-15)))
    assert over.dates.withdrawal_by is None
    assert over.next_deadline is not None and over.next_deadline.date == over.dates.dispute_deadline
    assert any("days to withdraw from the purchase ended on" in w for w in over.warnings)
    assert f"Do it by {show_date(over.dates.dispute_deadline)}." in over.steps


def test_outside_the_eu_the_day_it_arrived_sets_no_withdrawal():
    plan = advise(changed_mind("US", day(-3)))
    assert plan.dates.withdrawal_by is None
    assert not any("withdraw" in w for w in plan.warnings)


def test_the_day_it_arrived_cant_come_before_shipping_or_after_receipt_was_confirmed():
    with pytest.raises(CaseError) as error:
        read_case(make_case(order={"received": True, "shipped_on": day(-5), "delivered_on": day(-6)}, problem="fake"))
    assert [p.field for p in error.value.problems] == ["order.delivered_on"]
    with pytest.raises(CaseError):
        read_case(
            make_case(
                order={
                    "received": True,
                    "shipped_on": day(-9),
                    "delivered_on": day(-2),
                    "receipt_confirmed_on": day(-3),
                }
            )
        )


def test_a_parcel_that_came_during_a_not_received_dispute_turns_the_dispute_to_its_problem():
    answers = {"stage": "dispute_open", "dispute_about": "arrived_faulty"}
    assert route(answers) == ["stage", "dispute_about", "total"]
    plan = advise(to_case({**answers, "total": "35"}, TODAY))
    assert plan.rule is Rule.arrived_since and plan.action == "add_proof"
    note = message_of(plan, "dispute").body
    assert "has arrived since I opened this dispute" in note and "[what is wrong, in one line]" in note
    assert "never received" not in text_of(plan).lower()
    assert any("Cancelling a dispute after protection ends" in w for w in plan.warnings)
