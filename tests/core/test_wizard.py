"""core.wizard: which questions a situation needs, and how answers become a case."""

from __future__ import annotations

import contextvars
import datetime as dt
from decimal import Decimal

import pytest
from babel.numbers import format_currency
from hypothesis import given
from hypothesis import strategies as st

from core import advise
from core.i18n import show_money, use_language
from core.reading import CaseError
from core.wizard import (
    CURRENCIES,
    FIELD_TO_ANSWER,
    Details,
    answer_problem,
    date_problem,
    first_guess,
    load_answers,
    next_question,
    parse_money,
    questions,
    read_order_number,
    route,
    summary,
    to_case,
)

TODAY = dt.date(2026, 11, 26)


def test_a_not_shipped_order_needs_two_answers():
    assert route({"stage": "not_shipped"}) == ["stage", "payment"]
    assert next_question({"stage": "not_shipped", "payment": "confirmed"}) is None


def test_the_route_grows_only_where_the_answer_matters():
    base = {"stage": "on_the_way", "shipped": "2026-10-01"}
    assert route({**base, "tracking": "returned_to_seller"}) == ["stage", "shipped", "tracking"]
    assert route({**base, "tracking": "in_transit"}) == ["stage", "shipped", "tracking", "eta"]
    assert route({**base, "tracking": "no_updates"})[-1] == "contacted"


def test_free_shipping_skips_the_late_question():
    answers = {"stage": "received", "problem": "wrong_shipping_method"}
    assert "late" not in route({**answers, "shipping": "0.00 USD"})
    assert route({**answers, "shipping": "4.00 USD"})[-1] == "late"


def test_an_aliexpress_offer_asks_for_the_negotiation_end():
    answers = {"stage": "dispute_open", "dispute_about": "fake", "total": "50.00 USD", "seller_offer": "no"}
    assert "negotiation" not in route({**answers, "aliexpress_offer": "no"})
    assert route({**answers, "aliexpress_offer": "50.00 USD"})[-1] == "negotiation"


def test_every_route_question_exists():
    catalog = questions()
    for stage in [c.value for c in catalog["stage"].choices]:
        assert set(route({"stage": stage})) <= set(catalog)


def test_questions_are_worded_once_per_language_and_cannot_be_changed():
    assert questions() is questions()
    with pytest.raises(TypeError):
        questions()["stage"] = questions()["payment"]
    context = contextvars.copy_context()
    other = context.run(lambda: (use_language("xx"), questions())[1])
    assert other is not questions()
    assert set(other) == set(questions())


@pytest.mark.parametrize("text, expected", [
    ("12.50 USD", (Decimal("12.50"), "USD")),
    ("0", (Decimal("0.00"), "")),
    ("-1 USD", (None, "")),
    ("1.005 USD", (None, "")),
    ("NaN USD", (None, "")),
    ("1e99 USD", (None, "")),
    ("lots", (None, "")),
])
def test_parse_money(text, expected):
    assert parse_money(text) == expected


@pytest.mark.parametrize("key, text, ok", [
    ("stage", "received", True),
    ("stage", "teleported", False),
    ("shipped", "2026-10-01", True),
    ("shipped", "yesterday", False),
    ("contacted", "no", True),
    ("shipped", "no", False),
    ("total", "12.00 XYZ", False),
    ("seller_offer", "12.00 USD return", True),
    ("total", "x" * 100, False),
    ("total", "0.00 USD", True),
    ("wanted", "0.00 USD", False),
    ("wanted", "5.00 USD", True),
])
def test_answer_problem(key, text, ok):
    assert (answer_problem(questions()[key], text) is None) is ok


def test_past_events_cannot_be_in_the_future_but_expected_dates_can():
    assert date_problem("shipped", "2026-11-27", TODAY) is not None
    assert date_problem("eta", "2026-12-27", TODAY) is None
    assert date_problem("eta", "2099-01-01", TODAY) is not None


def test_first_guesses_sit_inside_their_ranges():
    for key in ("shipped", "eta", "contacted", "receipt", "closed", "processed", "negotiation"):
        guess = first_guess(key, TODAY)
        assert date_problem(key, guess.isoformat(), TODAY) is None


def test_answers_become_the_case_the_rules_expect():
    answers = {"stage": "received", "problem": "incomplete", "shipped": "2026-11-01", "receipt": "no",
               "total": "40.00 EUR", "missing": "12.50 EUR"}
    case = to_case(answers, TODAY, Details(label="Lamp", protection_days=90, country="FR"))
    assert case.order.received and case.order.currency == "EUR" and case.order.protection_days == 90
    assert case.missing_items_value == Decimal("12.50") and case.country == "FR"
    plan = advise(case, today=TODAY)
    assert (plan.action, plan.refund, plan.refund_amount) == ("open_dispute", "partial", Decimal("12.50"))
    assert "Lamp" in plan.messages[0].body


ANSWER_SETS = {
    "not shipped": {"stage": "not_shipped", "payment": "confirmed"},
    "on the way": {"stage": "on_the_way", "shipped": "2026-10-01", "tracking": "no_updates", "eta": "2026-11-10",
                   "contacted": "2026-11-20"},
    "delivered, missing": {"stage": "delivered_missing", "shipped": "2026-11-01", "contacted": "no"},
    "received, fake": {"stage": "received", "problem": "fake", "shipped": "2026-11-01", "receipt": "no"},
    "received, a bit off": {"stage": "received", "problem": "slightly_imperfect", "shipped": "2026-11-01",
                            "receipt": "no", "total": "40.00 USD", "wanted": "10.00 USD"},
    "dispute open": {"stage": "dispute_open", "dispute_about": "fake", "total": "50.00 USD", "seller_offer": "no",
                     "aliexpress_offer": "no"},
    "dispute closed": {"stage": "dispute_closed", "satisfied": "no", "closed": "2026-11-24"},
}


@pytest.mark.parametrize("name", list(ANSWER_SETS))
def test_the_case_holds_no_order_date_and_no_amount_nobody_gave(name):
    """The wizard never asks when the order was placed, nor what it cost unless the route does."""
    answers = ANSWER_SETS[name]
    case = to_case(answers, TODAY)
    assert case.order.placed_on is None
    assert ("total_paid" in case.order.model_fields_set) == ("total" in answers)
    assert case.order.label is None and case.order.order_number is None


def test_a_slightly_imperfect_item_asks_how_much_back_after_the_total():
    answers = {"stage": "received", "problem": "slightly_imperfect", "shipped": "2026-11-01", "receipt": "no"}
    assert route(answers)[-2:] == ["total", "wanted"]
    question = questions()["wanted"]
    assert question.kind == "money" and "partial refund needs an amount" in question.help
    assert FIELD_TO_ANSWER["refund_wanted"] == "wanted"
    case = to_case(ANSWER_SETS["received, a bit off"], TODAY)
    assert case.refund_wanted == Decimal("10.00") and case.order.total_paid == Decimal("40.00")


def test_wanting_back_more_than_was_paid_is_refused_on_that_answer():
    with pytest.raises(CaseError) as error:
        to_case({**ANSWER_SETS["received, a bit off"], "wanted": "60.00 USD"}, TODAY)
    assert "refund_wanted" in [p.field for p in error.value.problems]


def test_a_blocked_dispute_is_asked_only_once_the_buyer_says_so():
    for name in ("on the way", "delivered, missing"):
        answers = ANSWER_SETS[name]
        assert "blocked" not in route(answers) and next_question(answers) is None
        blocked = {**answers, "blocked": "yes"}
        assert route(blocked)[-1] == "blocked" and next_question(blocked) is None
        assert to_case(blocked, TODAY).dispute_blocked and not to_case(answers, TODAY).dispute_blocked
        assert not to_case({**answers, "blocked": "no"}, TODAY).dispute_blocked
    assert "blocked" not in route({**ANSWER_SETS["received, fake"], "blocked": "yes"})
    assert ("blocked", "Can open a dispute", "No, AliExpress won't let me") in summary(
        {**ANSWER_SETS["on the way"], "blocked": "yes"})


def test_a_link_brings_back_a_blocked_dispute_only_where_it_applies():
    answers = {**ANSWER_SETS["on the way"], "blocked": "yes"}
    assert load_answers(answers, TODAY).answers == answers
    assert load_answers({**ANSWER_SETS["received, fake"], "blocked": "yes"}, TODAY).answers == ANSWER_SETS[
        "received, fake"]
    garbled = load_answers({**ANSWER_SETS["on the way"], "blocked": "<b>maybe</b>"}, TODAY)
    assert garbled.answers == ANSWER_SETS["on the way"] and len(garbled.notes) == 1


@pytest.mark.parametrize("text, expected", [
    ("8123456789012345", ("8123456789012345", None)),
    (" 8123-4567 8901-2345 ", ("8123456789012345", None)),
    ("", (None, None)),
    ("   ", (None, None)),
    ("1234567", (None, "bad")),
    ("123456789012345678901", (None, "bad")),
    ("8123456789O12345", (None, "bad")),
    ("<b>8123456789012345</b>", (None, "bad")),
])
def test_read_order_number(text, expected):
    number, problem = read_order_number(text)
    assert (number, "bad" if problem else None) == expected
    if problem:
        assert "8 to 20 digits" in problem


def test_the_item_name_and_order_number_go_into_the_order():
    case = to_case(ANSWER_SETS["received, fake"], TODAY, Details(label="Blue headphones",
                                                                  order_number="8123456789012345"))
    assert case.order.label == "Blue headphones" and case.order.order_number == "8123456789012345"


def test_an_offer_above_the_total_is_caught_as_a_typo():
    answers = {"stage": "dispute_open", "dispute_about": "fake", "total": "10.00 USD",
               "seller_offer": "50.00 USD"}
    with pytest.raises(CaseError) as error:
        to_case(answers, TODAY)
    assert [p.field for p in error.value.problems] == ["dispute.seller_offer.refund_amount"]


def test_a_link_keeps_the_trusted_answers_and_notes_the_rest():
    loaded = load_answers({"stage": "received", "problem": "fake", "shipped": "2026-11-01",
                           "receipt": "2026-10-01", "total": "5.00 USD"}, TODAY)
    assert loaded.answers == {"stage": "received", "problem": "fake", "shipped": "2026-11-01"}
    assert len(loaded.notes) == 1 and "confirmed receipt" in loaded.notes[0]


def test_answers_outside_the_route_are_ignored():
    loaded = load_answers({"stage": "not_shipped", "payment": "pending", "shipped": "2026-11-01"}, TODAY)
    assert loaded.answers == {"stage": "not_shipped", "payment": "pending"}
    assert loaded.notes == []


@given(amount=st.decimals(min_value=0, max_value=10_000_000, places=2, allow_nan=False),
       currency=st.sampled_from(CURRENCIES), language=st.sampled_from(["en", "de", "fr", "pt_BR", "ja"]))
def test_money_reads_as_babel_writes_it(amount, currency, language):
    use_language(language)
    try:
        assert show_money(amount, currency) == format_currency(amount, currency, locale=language)
    finally:
        use_language("en")
