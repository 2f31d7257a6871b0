"""core.wizard.route: which questions a situation needs, in which order."""

from __future__ import annotations

from core.wizard.questions import questions
from core.wizard.route import MAX_ANSWERS, next_question, route


def test_a_not_shipped_order_needs_two_answers_or_three_once_paid() -> None:
    assert route({"stage": "not_shipped"}) == ["stage", "payment"]
    assert next_question({"stage": "not_shipped", "payment": "pending"}) is None
    assert next_question({"stage": "not_shipped", "payment": "confirmed"}) == "cancel_asked", (
        "only then can it be refused"
    )
    assert next_question({"stage": "not_shipped", "payment": "confirmed", "cancel_asked": "refused"}) is None


def test_the_route_grows_only_where_the_answer_matters() -> None:
    base = {"stage": "on_the_way", "shipped": "2026-10-01"}
    back = ["stage", "shipped", "protection", "tracking", "why_back"]
    assert route({**base, "tracking": "returned_to_seller"}) == back, "why it went back, instead of a delivery date"
    assert route({**base, "tracking": "in_transit"}) == ["stage", "shipped", "protection", "tracking", "eta"]
    assert route({**base, "tracking": "no_updates"})[-1] == "contacted"


def test_free_shipping_skips_the_late_question() -> None:
    answers = {"stage": "received", "problem": "wrong_shipping_method"}
    assert "late" not in route({**answers, "shipping": "0.00 USD"})
    assert route({**answers, "shipping": "4.00 USD"})[-1] == "late"


def test_an_aliexpress_offer_asks_for_the_negotiation_end() -> None:
    answers = {"stage": "dispute_open", "dispute_about": "fake", "total": "50.00 USD", "seller_offer": "no"}
    assert "negotiation" not in route({**answers, "aliexpress_offer": "no"})
    assert route({**answers, "aliexpress_offer": "50.00 USD"})[-1] == "negotiation"


def test_an_open_dispute_over_a_parcel_still_moving_asks_only_when_it_shipped() -> None:
    answers = {"stage": "dispute_open", "dispute_about": "not_arrived", "judgement": "invalid", "moving": "yes"}
    assert route(answers) == ["stage", "dispute_about", "judgement", "moving", "shipped", "protection"]
    assert route({**answers, "dispute_about": "incomplete"})[-3:] == ["asked", "seller_offer", "aliexpress_offer"]


def test_every_route_question_exists() -> None:
    catalog = questions()
    for stage in [c.value for c in catalog["stage"].choices]:
        assert set(route({"stage": stage})) <= set(catalog)


def test_protection_is_asked_where_it_sets_the_deadline() -> None:
    assert "protection" in route({"stage": "delivered_missing"})
    received = {"stage": "received", "problem": "fake", "shipped": "2026-11-01"}
    assert route({**received, "receipt": "no"})[4] == "protection", "asked right after receipt"
    assert "protection" not in route({**received, "receipt": "2026-11-20"}), "confirmed: 15 days from receipt"
    assert "protection" not in route({**received, "problem": "none", "receipt": "no"})
    assert "protection" not in route({"stage": "dispute_closed"}) + route({"stage": "not_shipped"})


def test_no_route_is_longer_than_the_most_answers() -> None:
    longest = {
        "stage": "received",
        "problem": "not_as_described",
        "shipped": "no",
        "ordered": "2026-09-28",
        "receipt": "no",
        "protection": "no",
        "items": "some",
        "affected": "15 USD",
    }
    assert len(route(longest)) == MAX_ANSWERS


def test_several_items_are_asked_for_the_problems_a_bundle_can_have() -> None:
    base = {"stage": "received", "shipped": "2026-11-01", "receipt": "2026-11-20"}
    assert route({**base, "problem": "fake"})[4:] == ["items"]
    assert route({**base, "problem": "fake", "items": "some"})[4:] == ["items", "affected"]
    assert route({**base, "problem": "wrong_item", "items": "all"})[4:] == ["items"]
    assert route({**base, "problem": "not_as_described", "items": "some"})[4:] == ["items", "affected"]
    assert "items" not in route({**base, "problem": "slightly_imperfect"})


def test_a_full_offer_with_a_return_asks_free_return_then_when_the_negotiation_ends():
    answers = {
        "stage": "dispute_open",
        "dispute_about": "not_as_described",
        "total": "50 USD",
        "seller_offer": "50 return",
        "aliexpress_offer": "no",
    }
    assert route(answers)[-2:] == ["free_return", "negotiation"]


def _every_route(answers: dict[str, str], kinds: dict[str, list[str]]) -> list[dict[str, str]]:
    """Every full set of answers the wizard can end on, one sample answer per kind of answer."""
    key = next_question(answers)
    if key is None:
        return [answers]
    question = questions()[key]
    values = [c.value for c in question.choices] if question.kind == "choice" else kinds[question.kind]
    if question.kind == "offer" and question.rejected_label:
        values = [*values, "rejected"]
    return [done for value in values for done in _every_route({**answers, key: value}, kinds)]


def test_every_route_of_the_whole_tree_stays_within_the_most_answers() -> None:
    """Each question answered each way (a date, "no", an amount, an offer with a return), plus the question
    asked from the plan page: no route asks more than MAX_ANSWERS."""
    kinds = {
        "date": ["2026-11-20"],
        "date_or_no": ["no", "2026-11-20"],
        "protection": ["no", "2026-12-20"],
        "money": ["50 USD"],
        "offer": ["no", "50 USD return", "20 USD"],
    }
    routes = _every_route({}, kinds)
    assert len(routes) > 500
    assert max(len(route({**answers, "blocked": "yes"})) for answers in routes) <= MAX_ANSWERS
