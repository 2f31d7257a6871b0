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
    Details,
    answer_problem,
    date_problem,
    first_guess,
    load_answers,
    next_question,
    parse_money,
    questions,
    route,
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
