"""core.wizard.case: how answers become a case, and a link's answers are read back."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from core import advise
from core.reading import CaseError
from core.wizard.case import FIELD_TO_ANSWER, Details, load_answers, summary, to_case
from core.wizard.questions import questions
from core.wizard.route import next_question, route

TODAY = dt.date(2026, 11, 26)


def test_answers_become_the_case_the_rules_expect() -> None:
    answers = {
        "stage": "received",
        "problem": "incomplete",
        "shipped": "2026-11-01",
        "receipt": "no",
        "total": "40.00 EUR",
        "missing": "12.50 EUR",
    }
    case = to_case(answers, TODAY, Details(label="Lamp", protection_days=90, country="FR"))
    assert case.order.received and case.order.currency == "EUR" and case.order.protection_days == 90
    assert case.missing_items_value == Decimal("12.50") and case.country == "FR"
    plan = advise(case, today=TODAY)
    assert (plan.action, plan.refund, plan.refund_amount) == ("open_dispute", "partial", Decimal("12.50"))
    assert "Lamp" in plan.messages[0].body


ANSWER_SETS = {
    "not shipped": {"stage": "not_shipped", "payment": "confirmed"},
    "on the way": {
        "stage": "on_the_way",
        "shipped": "2026-10-01",
        "tracking": "no_updates",
        "eta": "2026-11-10",
        "contacted": "2026-11-20",
    },
    "delivered, missing": {"stage": "delivered_missing", "shipped": "2026-11-01", "contacted": "no"},
    "received, fake": {"stage": "received", "problem": "fake", "shipped": "2026-11-01", "receipt": "no"},
    "received, a bit off": {
        "stage": "received",
        "problem": "slightly_imperfect",
        "shipped": "2026-11-01",
        "receipt": "no",
        "total": "40.00 USD",
        "wanted": "10.00 USD",
    },
    "dispute open": {
        "stage": "dispute_open",
        "dispute_about": "fake",
        "total": "50.00 USD",
        "seller_offer": "no",
        "aliexpress_offer": "no",
    },
    "dispute closed": {"stage": "dispute_closed", "satisfied": "no", "closed": "2026-11-24"},
}


@pytest.mark.parametrize("name", list(ANSWER_SETS))
def test_the_case_holds_no_order_date_and_no_amount_nobody_gave(name: str) -> None:
    """The wizard never asks when the order was placed, nor what it cost unless the route does."""
    answers = ANSWER_SETS[name]
    case = to_case(answers, TODAY)
    assert case.order.placed_on is None
    assert ("total_paid" in case.order.model_fields_set) == ("total" in answers)
    assert case.order.label is None and case.order.order_number is None


def test_an_offer_with_a_return_becomes_the_disputes_offer() -> None:
    answers = {
        **ANSWER_SETS["dispute open"],
        "seller_offer": "20.00 USD return",
        "aliexpress_offer": "50.00 USD",
        "negotiation": "2026-11-29",
    }
    dispute = to_case(answers, TODAY).dispute
    assert dispute is not None and dispute.seller_offer is not None and dispute.aliexpress_offer is not None
    assert (dispute.seller_offer.refund_amount, dispute.seller_offer.return_required) == (Decimal("20.00"), True)
    assert not dispute.aliexpress_offer.return_required and dispute.negotiation_ends_on == dt.date(2026, 11, 29)
    assert ("seller_offer", "Seller's offer", "$20.00 (with a return)") in summary(answers)


def test_a_slightly_imperfect_item_asks_how_much_back_after_the_total() -> None:
    answers = {"stage": "received", "problem": "slightly_imperfect", "shipped": "2026-11-01", "receipt": "no"}
    assert route(answers)[-2:] == ["total", "wanted"]
    question = questions()["wanted"]
    assert question.kind == "money" and "partial refund needs an amount" in question.help
    assert FIELD_TO_ANSWER["refund_wanted"] == "wanted"
    case = to_case(ANSWER_SETS["received, a bit off"], TODAY)
    assert case.refund_wanted == Decimal("10.00") and case.order.total_paid == Decimal("40.00")


def test_wanting_back_more_than_was_paid_is_refused_on_that_answer() -> None:
    with pytest.raises(CaseError) as error:
        to_case({**ANSWER_SETS["received, a bit off"], "wanted": "60.00 USD"}, TODAY)
    assert "refund_wanted" in [p.field for p in error.value.problems]


def test_a_blocked_dispute_is_asked_only_once_the_buyer_says_so() -> None:
    for name in ("on the way", "delivered, missing"):
        answers = ANSWER_SETS[name]
        assert "blocked" not in route(answers) and next_question(answers) is None
        blocked = {**answers, "blocked": "yes"}
        assert route(blocked)[-1] == "blocked" and next_question(blocked) is None
        assert to_case(blocked, TODAY).dispute_blocked and not to_case(answers, TODAY).dispute_blocked
        assert not to_case({**answers, "blocked": "no"}, TODAY).dispute_blocked
    assert "blocked" not in route({**ANSWER_SETS["received, fake"], "blocked": "yes"})
    assert ("blocked", "Can open a dispute", "No, AliExpress won't let me") in summary(
        {**ANSWER_SETS["on the way"], "blocked": "yes"}
    )


def test_a_link_brings_back_a_blocked_dispute_only_where_it_applies() -> None:
    answers = {**ANSWER_SETS["on the way"], "blocked": "yes"}
    assert load_answers(answers, TODAY).answers == answers
    assert (
        load_answers({**ANSWER_SETS["received, fake"], "blocked": "yes"}, TODAY).answers
        == ANSWER_SETS["received, fake"]
    )
    garbled = load_answers({**ANSWER_SETS["on the way"], "blocked": "<b>maybe</b>"}, TODAY)
    assert garbled.answers == ANSWER_SETS["on the way"] and len(garbled.notes) == 1


def test_the_item_name_and_order_number_go_into_the_order() -> None:
    case = to_case(
        ANSWER_SETS["received, fake"], TODAY, Details(label="Blue headphones", order_number="8123456789012345")
    )
    assert case.order.label == "Blue headphones" and case.order.order_number == "8123456789012345"


def test_an_offer_above_the_total_is_caught_as_a_typo() -> None:
    answers = {"stage": "dispute_open", "dispute_about": "fake", "total": "10.00 USD", "seller_offer": "50.00 USD"}
    with pytest.raises(CaseError) as error:
        to_case(answers, TODAY)
    assert [p.field for p in error.value.problems] == ["dispute.seller_offer.refund_amount"]


def test_a_link_keeps_the_trusted_answers_and_notes_the_rest() -> None:
    loaded = load_answers(
        {"stage": "received", "problem": "fake", "shipped": "2026-11-01", "receipt": "2026-10-01", "total": "5.00 USD"},
        TODAY,
    )
    assert loaded.answers == {"stage": "received", "problem": "fake", "shipped": "2026-11-01"}
    assert len(loaded.notes) == 1 and "confirmed receipt" in loaded.notes[0]


def test_a_link_answer_in_the_future_is_dropped_with_a_note() -> None:
    loaded = load_answers({"stage": "received", "problem": "fake", "shipped": "2026-12-01"}, TODAY)
    assert loaded.answers == {"stage": "received", "problem": "fake"}
    assert len(loaded.notes) == 1 and "couldn't use" in loaded.notes[0]


def test_answers_outside_the_route_are_ignored() -> None:
    loaded = load_answers({"stage": "not_shipped", "payment": "pending", "shipped": "2026-11-01"}, TODAY)
    assert loaded.answers == {"stage": "not_shipped", "payment": "pending"}
    assert loaded.notes == []
