"""Parcels that are somewhere the buyer can't reach: waiting to be collected, held by customs for documents,
seized, or delivered to someone else."""

from __future__ import annotations

import pytest

from core import advise
from core.facts import RUNNING_OUT
from core.models import Rule
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
