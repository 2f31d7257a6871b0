"""core.wizard.route: which questions a situation needs, in which order."""

from __future__ import annotations

from core.wizard.questions import questions
from core.wizard.route import next_question, route


def test_a_not_shipped_order_needs_two_answers() -> None:
    assert route({"stage": "not_shipped"}) == ["stage", "payment"]
    assert next_question({"stage": "not_shipped", "payment": "confirmed"}) is None


def test_the_route_grows_only_where_the_answer_matters() -> None:
    base = {"stage": "on_the_way", "shipped": "2026-10-01"}
    assert route({**base, "tracking": "returned_to_seller"}) == ["stage", "shipped", "tracking"]
    assert route({**base, "tracking": "in_transit"}) == ["stage", "shipped", "tracking", "eta"]
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
    assert route(answers) == ["stage", "dispute_about", "judgement", "moving", "shipped"]
    assert route({**answers, "dispute_about": "incomplete"})[-3:] == ["asked", "seller_offer", "aliexpress_offer"]


def test_every_route_question_exists() -> None:
    catalog = questions()
    for stage in [c.value for c in catalog["stage"].choices]:
        assert set(route({"stage": stage})) <= set(catalog)
