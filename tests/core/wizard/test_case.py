"""core.wizard.case: how answers become a case, and a link's answers are read back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hst
from pydantic import BaseModel

from core import advise
from core.i18n import show_date
from core.models import Payment
from core.reading import CaseError
from core.wizard.answers import DAYS_LEFT_MAX, NOT_YET, answer_problem, parse_day, protection_end
from core.wizard.case import (
    FIELD_TO_ANSWER,
    PAYMENTS,
    Details,
    load_answers,
    paid_on_problem,
    payment_words,
    summary,
    to_case,
)
from core.wizard.questions import Question, questions
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
        "protection": "no",
        "tracking": "no_updates",
        "eta": "2026-11-10",
        "contacted": "2026-11-20",
    },
    "delivered, missing": {
        "stage": "delivered_missing",
        "shipped": "2026-11-01",
        "protection": "no",
        "delivered_where": "mine",
        "contacted": "no",
    },
    "received, fake": {
        "stage": "received",
        "problem": "fake",
        "shipped": "2026-11-01",
        "receipt": "no",
        "protection": "no",
    },
    "received, a bit off": {
        "stage": "received",
        "problem": "slightly_imperfect",
        "shipped": "2026-11-01",
        "receipt": "no",
        "protection": "no",
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
    """The order date only comes from the plan page's "When did you pay?", nor what it cost unless the route does."""
    answers = ANSWER_SETS[name]
    case = to_case(answers, TODAY)
    assert case.order.placed_on is None and case.paid_with is None
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
    assert route(answers)[-3:] == ["protection", "total", "wanted"]
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


def test_how_and_when_it_was_paid_go_into_the_case() -> None:
    details = Details(paid_with="paypal", paid_on=dt.date(2026, 10, 20))
    case = to_case(ANSWER_SETS["received, fake"], TODAY, details)
    assert case.paid_with is Payment.paypal and case.order.placed_on == dt.date(2026, 10, 20)


def test_every_way_of_paying_has_words() -> None:
    assert set(PAYMENTS) == {payment.value for payment in Payment}
    assert all(payment_words(value) != value for value in PAYMENTS)
    assert payment_words("aliexpress") == "AliExpress Bonus or balance"


@pytest.mark.parametrize(
    ("day", "problem"),
    [
        (dt.date(2026, 10, 31), None),
        (dt.date(2026, 11, 1), None),
        (dt.date(2026, 11, 2), "after it shipped"),
        (TODAY + dt.timedelta(days=1), "in the future"),
        (dt.date(1999, 12, 31), "too far"),
    ],
)
def test_a_payment_comes_before_shipping_and_today(day: dt.date, problem: str | None) -> None:
    found = paid_on_problem(ANSWER_SETS["received, fake"], day, TODAY)
    assert found is None if problem is None else problem in (found or "")


def test_a_payment_date_fits_any_day_before_an_order_that_has_not_shipped() -> None:
    assert paid_on_problem({"stage": "not_shipped"}, dt.date(2026, 11, 25), TODAY) is None


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


@pytest.mark.parametrize(
    "name, ends",
    [
        ("23 days left", protection_end(23, TODAY)),
        ("an end date after the seller's extension", "2027-01-20"),
        ("0 days left: it ends today", protection_end(0, TODAY)),
    ],
)
def test_the_protection_end_from_the_order_page_sets_the_deadline(name: str, ends: str) -> None:
    answers = {**ANSWER_SETS["received, fake"], "protection": ends}
    case = to_case(answers, TODAY)
    assert case.order.protection_ends_on == dt.date.fromisoformat(ends)
    plan = advise(case, today=TODAY)
    assert not plan.protection_assumed
    assert plan.dates.protection_ends == dt.date.fromisoformat(ends)
    assert plan.next_deadline is not None and plan.next_deadline.date == dt.date.fromisoformat(ends)
    assert plan.next_deadline.days_left == (dt.date.fromisoformat(ends) - TODAY).days
    assert ("protection", "Protection ends", show_date(dt.date.fromisoformat(ends))) in summary(answers)


def test_cant_see_the_countdown_keeps_the_usual_days_and_says_so() -> None:
    answers = ANSWER_SETS["received, fake"]
    case = to_case(answers, TODAY)
    assert case.order.protection_ends_on is None
    plan = advise(case, today=TODAY)
    assert plan.protection_assumed and plan.dates.protection_ends == dt.date(2026, 12, 31)
    assert ("protection", "Protection ends", "I can't see it") in summary(answers)


def test_a_protection_end_before_shipping_is_refused_on_that_answer() -> None:
    loaded = load_answers({**ANSWER_SETS["received, fake"], "protection": "2026-10-01"}, TODAY)
    assert "protection" not in loaded.answers and "didn't fit" in loaded.notes[0]


def _dates_in(value: object) -> Iterator[dt.date]:
    """Every date a case holds, however deep."""
    if isinstance(value, dt.date):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _dates_in(getattr(value, name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _dates_in(item)


def _answer_for(question: Question) -> hst.SearchStrategy[str]:
    days = hst.integers(-400, 400).map(lambda n: (TODAY + dt.timedelta(days=n)).isoformat())
    money = hst.decimals(min_value=0, max_value=200, places=2).map(lambda d: f"{d} USD")
    if question.kind == "choice":
        return hst.sampled_from([c.value for c in question.choices])
    if question.kind == "date":
        return days
    if question.kind == "protection":
        left = hst.integers(0, DAYS_LEFT_MAX).map(lambda n: protection_end(n, TODAY))
        return hst.one_of(hst.just(NOT_YET), days, left)
    if question.kind == "date_or_no":
        return hst.one_of(hst.just(NOT_YET), days)
    if question.kind == "offer":
        return hst.one_of(hst.just(NOT_YET), money, money.map(lambda m: m + " return"))
    return money


@hst.composite
def _walked_answers(draw: hst.DrawFn) -> dict[str, str]:
    """Answers along the route, each one the page could accept on its own."""
    answers: dict[str, str] = {}
    while (key := next_question(answers)) is not None:
        value = draw(_answer_for(questions()[key]))
        if answer_problem(questions()[key], value, TODAY) is not None:
            break
        answers[key] = value
    if draw(hst.booleans()) and "blocked" in route({**answers, "blocked": "yes"}):
        answers["blocked"] = "yes"
    return answers


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=_walked_answers())
def test_a_case_holds_no_date_the_answers_do_not_give(answers: dict[str, str]) -> None:
    """Nothing is assumed: every date in the case is today or one of the answers (days left are kept as the end)."""
    try:
        case = to_case(answers, TODAY)
    except CaseError:
        return
    given_days = {TODAY} | {day for value in answers.values() if (day := parse_day(value)) is not None}
    assert set(_dates_in(case)) <= given_days
