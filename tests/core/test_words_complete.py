"""Every line of the rules table is complete: an action, its words, a label for its date, and a case.

A new `Rule` without a line in core.rules.LINES, without all five parts of its words in
core.wording.WORDS, without a label for the date it points to, or without a sample case
in `SAMPLE_CASES` below (one hand-made case that reaches it), fails here. The sample cases
are also the fixed situations tests/core/test_plan_text.py checks the words of.

All cases use `make_case` (conftest.py): TODAY is Thursday 2026-11-26, the order shipped
on day(-38) with 60 days of protection (so it ends on day(22)), 50.00 USD paid.
"""

from __future__ import annotations

import dataclasses

import pytest

from core import advise
from core.models import Rule
from core.rules import LINES
from core.wording import DEADLINE_LABELS, WORDS

from .conftest import DROP, day, make_case, not_received, received

PARTS = ("headline", "steps", "evidence", "warnings", "messages")

_closed = {"status": "closed", "opened_on": day(-20), "closed_on": day(-10)}

SAMPLE_CASES: dict[Rule, dict] = {
    # Not shipped
    Rule.payment_pending: make_case(order={"shipped_on": DROP, "payment_confirmed": False}),
    Rule.payment_confirmed: make_case(order={"shipped_on": DROP}),
    # Dispute closed
    Rule.appeal: make_case(dispute={**_closed, "closed_on": day(-2), "satisfied": False}),
    Rule.too_late_to_appeal: make_case(dispute={**_closed, "satisfied": False}),
    Rule.refund_overdue: make_case(dispute={**_closed, "opened_on": day(-36), "closed_on": day(-35),
                                            "refund_processed_on": day(-35)}),
    Rule.refund_on_its_way: make_case(dispute={**_closed, "refund_processed_on": day(-2)}),
    Rule.refund_not_processed: make_case(dispute=_closed),
    Rule.settled: make_case(dispute={**_closed, "refund_received": True}),
    # Dispute open
    Rule.item_fine_cancel_dispute: make_case(order=received(), problem="none", dispute={}),
    Rule.invalid_in_transit: make_case(order={"tracking": "in_transit"}, dispute={"judgement": "invalid"}),
    Rule.invalid_in_transit_keep_open: make_case(order=not_received(3, tracking="in_transit"),
                                                 dispute={"judgement": "invalid"}),
    Rule.seller_beats_aliexpress: make_case(dispute={
        "seller_offer": {"refund_amount": "40.00"}, "aliexpress_offer": {"refund_amount": "30.00"}}),
    Rule.aliexpress_offer: make_case(dispute={"aliexpress_offer": {"refund_amount": "30.00"},
                                              "negotiation_ends_on": day(4)}),
    Rule.seller_gives_what_was_asked: make_case(dispute={"seller_offer": {"refund_amount": "50.00"}}),
    Rule.seller_offer_too_low: make_case(dispute={"seller_offer": {"refund_amount": "10.00"}}),
    Rule.no_offer_yet: make_case(dispute={}),
    # Shipped, not received
    Rule.before_estimated_delivery: make_case(order={"tracking": "in_transit", "estimated_delivery": day(5)}),
    Rule.due_after_protection: make_case(order={"tracking": "in_transit", "estimated_delivery": day(20)}),
    Rule.early_but_running_out: make_case(order=not_received(3, tracking="in_transit",
                                                             estimated_delivery=day(10))),
    Rule.too_early_not_received: make_case(order={"shipped_on": day(-5)}),
    Rule.dispute_blocked: make_case(order={"tracking": "no_updates"}, dispute_blocked=True),
    Rule.late_claim: make_case(order=not_received(-5)),
    Rule.not_received_too_late: make_case(order=not_received(-20)),
    Rule.delivered_running_out: make_case(order=not_received(2, tracking="delivered"),
                                          problem="delivered_not_received"),
    Rule.delivered_seller_silent: make_case(order={"tracking": "delivered"}, problem="delivered_not_received",
                                            seller_contacted_on=day(-3)),
    Rule.delivered_ask_seller: make_case(order={"tracking": "delivered"}, problem="delivered_not_received"),
    Rule.returned_to_seller: make_case(order={"tracking": "returned_to_seller"}),
    Rule.returned_running_out: make_case(order=not_received(2, tracking="returned_to_seller")),
    Rule.in_transit_running_out: make_case(order=not_received(4, tracking="in_transit")),
    Rule.in_transit: make_case(order={"tracking": "in_transit"}),
    Rule.no_news_running_out: make_case(order=not_received(1, tracking="no_updates")),
    Rule.seller_silent: make_case(order={"tracking": "no_updates"}, seller_contacted_on=day(-5)),
    Rule.ask_seller: make_case(order={"tracking": "no_updates"}),
    # Received
    Rule.all_fine_confirm: make_case(order=received(), problem="none"),
    Rule.all_fine_confirmed: make_case(order=received(receipt_confirmed_on=day(-2)), problem="none"),
    Rule.too_early_received: make_case(order=received(shipped_on=day(-5)), problem="fake"),
    Rule.received_too_late: make_case(order=received(receipt_confirmed_on=day(-30)), problem="fake"),
    Rule.not_as_described: make_case(order=received(), problem="not_as_described"),
    Rule.fake: make_case(order=received(), problem="fake"),
    Rule.wrong_item: make_case(order=received(), problem="wrong_item"),
    Rule.slightly_imperfect: make_case(order=received(), problem="slightly_imperfect", refund_wanted="12.00"),
    Rule.incomplete: make_case(order=received(), problem="incomplete", missing_items_value="15.00"),
    Rule.wrong_shipping_paid_and_late: make_case(order=received(), problem="wrong_shipping_method",
                                                 arrived_late=True),
    Rule.wrong_shipping_confirm: make_case(order=received(shipping_paid="0.00"), problem="wrong_shipping_method"),
    Rule.wrong_shipping_confirmed: make_case(order=received(receipt_confirmed_on=day(-2), shipping_paid="0.00"),
                                             problem="wrong_shipping_method"),
    Rule.changed_mind: make_case(order=received(), problem="changed_mind"),
}
"""One hand-made case per rule, reaching that rule (a new rule needs a line here)."""


@pytest.mark.parametrize("rule", list(Rule), ids=lambda r: r.value)
def test_every_rule_has_a_line(rule):
    assert rule in LINES, f"rule {rule.value!r} has no line in core.rules.LINES"


def test_lines_hold_only_rules():
    extra = set(LINES) - set(Rule)
    assert not extra, f"core.rules.LINES has lines for things that are not rules: {extra}"


@pytest.mark.parametrize("rule", list(Rule), ids=lambda r: r.value)
def test_every_rule_has_all_five_parts_of_its_words(rule):
    assert rule in WORDS, f"rule {rule.value!r} has no words in core.wording.WORDS"
    words = WORDS[rule]
    fields = {f.name for f in dataclasses.fields(words)}
    assert set(PARTS) <= fields, f"core.wording.Words lacks parts {set(PARTS) - fields}"
    for part in PARTS:
        assert callable(getattr(words, part, None)), f"rule {rule.value!r}: its {part} is not set (not callable)"


def test_words_hold_only_rules():
    extra = set(WORDS) - set(Rule)
    assert not extra, f"core.wording.WORDS has words for things that are not rules: {extra}"


@pytest.mark.parametrize("rule", list(Rule), ids=lambda r: r.value)
def test_every_deadline_has_a_label(rule):
    key = LINES[rule].deadline
    if key is None:
        return
    assert key in DEADLINE_LABELS, f"rule {rule.value!r} points to {key!r}, which has no label in DEADLINE_LABELS"
    assert DEADLINE_LABELS[key].strip(), f"the label of {key!r} is empty"


@pytest.mark.parametrize("rule", list(Rule), ids=lambda r: r.value)
def test_every_rule_has_a_sample_case_that_reaches_it(rule):
    assert rule in SAMPLE_CASES, (
        f"rule {rule.value!r} has no sample case: add one to SAMPLE_CASES in {__name__} that reaches it")
    plan = advise(SAMPLE_CASES[rule])
    assert plan.rule is rule, f"the sample case for {rule.value!r} reached {plan.rule.value!r} instead"
    assert plan.headline.strip(), f"rule {rule.value!r}: empty headline"
    assert plan.action == LINES[rule].action, f"rule {rule.value!r}: action {plan.action!r} is not its line's"
    for part in ("steps", "evidence", "warnings", "messages"):
        assert isinstance(getattr(plan, part), list), f"rule {rule.value!r}: {part} is not a list"


def test_sample_cases_hold_only_rules():
    extra = set(SAMPLE_CASES) - set(Rule)
    assert not extra, f"SAMPLE_CASES has cases for things that are not rules: {extra}"
