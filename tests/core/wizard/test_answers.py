"""core.wizard.answers: each kind of answer written, read back and checked."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.models import AMOUNT_MAX
from core.wizard.answers import (
    MoneyAnswer,
    answer_problem,
    date_problem,
    known,
    protection_end,
    read_order_number,
)
from core.wizard.questions import CURRENCIES, questions

TODAY = dt.date(2026, 11, 26)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("12.50 USD", MoneyAnswer(Decimal("12.50"), "USD")),
        ("0", MoneyAnswer(Decimal("0.00"), "")),
        (" 3 eur ", MoneyAnswer(Decimal("3.00"), "EUR")),
        ("-1 USD", None),
        ("1.005 USD", None),
        ("NaN USD", None),
        ("1e99 USD", None),
        ("lots", None),
    ],
)
def test_money_parse(text: str, expected: MoneyAnswer | None) -> None:
    assert MoneyAnswer.parse(text) == expected


def test_only_an_offer_may_want_the_item_back() -> None:
    assert MoneyAnswer.parse("12.50 USD return", offer=True) == MoneyAnswer(Decimal("12.50"), "USD", True)
    assert MoneyAnswer.parse("5 return", offer=True) == MoneyAnswer(Decimal("5.00"), "", True)
    assert MoneyAnswer.parse("12.50 USD", offer=True) == MoneyAnswer(Decimal("12.50"), "USD", False)
    assert MoneyAnswer.parse("12.50 USD return") == MoneyAnswer(Decimal("12.50"), "USD RETURN")


def test_money_is_written_as_it_is_read() -> None:
    assert str(MoneyAnswer.of(12.5, "USD")) == "12.50 USD" == str(MoneyAnswer.of(Decimal("12.5"), "USD"))
    assert str(MoneyAnswer.of(12.345, "EUR", with_return=True)) == "12.34 EUR return"


@given(
    amount=st.decimals(min_value=0, max_value=AMOUNT_MAX, places=2, allow_nan=False),
    currency=st.sampled_from(CURRENCIES),
    with_return=st.booleans(),
)
def test_money_survives_the_round_trip(amount: Decimal, currency: str, with_return: bool) -> None:
    money = MoneyAnswer(amount, currency, with_return)
    assert MoneyAnswer.parse(str(money), offer=True) == money


def test_not_yet_is_no_answer() -> None:
    answers = {"eta": "no", "contacted": "2026-11-20"}
    assert known(answers, "eta") is None and known(answers, "receipt") is None
    assert known(answers, "contacted") == "2026-11-20"


@pytest.mark.parametrize(
    "key, text, ok",
    [
        ("stage", "received", True),
        ("stage", "teleported", False),
        ("shipped", "2026-10-01", True),
        ("shipped", "yesterday", False),
        ("shipped", "2026-11-27", False),
        ("contacted", "no", True),
        ("protection", "no", True),
        ("protection", "2026-12-19", True),
        ("protection", "23", False),
        ("protection", "yes", False),
        ("eta", "yes", False),
        ("shipped", "no", True),
        ("ordered", "no", False),
        ("ordered", "2026-11-27", False),
        ("total", "12.00 XYZ", False),
        ("total", "12.00 USD return", False),
        ("seller_offer", "12.00 USD return", True),
        ("total", "x" * 100, False),
        ("total", "0.00 USD", True),
        ("wanted", "0.00 USD", False),
        ("wanted", "5.00 USD", True),
    ],
)
def test_answer_problem(key: str, text: str, ok: bool) -> None:
    assert (answer_problem(questions()[key], text, TODAY) is None) is ok


def test_past_events_cannot_be_in_the_future_but_expected_dates_can() -> None:
    assert date_problem("shipped", dt.date(2026, 11, 27), TODAY) is not None
    assert date_problem("eta", dt.date(2026, 12, 27), TODAY) is None
    assert date_problem("eta", dt.date(2099, 1, 1), TODAY) is not None


def test_days_left_are_kept_as_the_end_date_so_a_link_keeps_the_same_end() -> None:
    assert protection_end(23, TODAY) == "2026-12-19"
    assert protection_end(0, TODAY) == "2026-11-26", "0 days left: it ends today"
    assert answer_problem(questions()["protection"], protection_end(23, TODAY), TODAY) is None


def test_no_date_is_guessed_for_the_buyer() -> None:
    import core.wizard.answers as answers

    assert not hasattr(answers, "first_guess") and not hasattr(answers, "FIRST_GUESS_DAYS")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("8123456789012345", ("8123456789012345", None)),
        (" 8123-4567 8901-2345 ", ("8123456789012345", None)),
        ("", (None, None)),
        ("   ", (None, None)),
        ("1234567", (None, "bad")),
        ("123456789012345678901", (None, "bad")),
        ("8123456789O12345", (None, "bad")),
        ("<b>8123456789012345</b>", (None, "bad")),
    ],
)
def test_read_order_number(text: str, expected: tuple[str | None, str | None]) -> None:
    number, problem = read_order_number(text)
    assert (number, "bad" if problem else None) == expected
    if problem:
        assert "8 to 20 digits" in problem
