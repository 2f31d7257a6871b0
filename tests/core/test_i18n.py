"""Dates, money and counts read the way babel writes them in the reader's language."""

import datetime as dt
from decimal import Decimal

from babel.numbers import format_currency
from hypothesis import given
from hypothesis import strategies as st

from core.i18n import days_phrase, show_date, show_money, use_language
from core.models import AMOUNT_MAX
from core.wizard.questions import CURRENCIES

LANGUAGES = ["en", "es", "fr", "pt_BR", "de", "pl", "hi_IN", "ja", "de_CH"]


@given(
    amount=st.decimals(min_value=0, max_value=AMOUNT_MAX, places=2, allow_nan=False),
    currency=st.sampled_from(CURRENCIES),
    language=st.sampled_from(LANGUAGES),
)
def test_money_reads_as_babel_writes_it(amount: Decimal, currency: str, language: str) -> None:
    use_language(language)
    try:
        assert show_money(amount, currency) == format_currency(amount, currency, locale=language)
    finally:
        use_language("en")


def test_money_keeps_each_languages_digit_grouping() -> None:
    expected = {"en": "€1,234,567.50", "es": "1.234.567,50\xa0€", "hi_IN": "€12,34,567.50"}
    for language, text in expected.items():
        use_language(language)
        try:
            assert show_money(Decimal("1234567.5"), "EUR") == text
        finally:
            use_language("en")
    assert show_money(12.5, "USD") == "$12.50"
    assert show_money(Decimal(5), "JPY") == "¥5"


def test_dates_and_counts_in_words() -> None:
    assert show_date(dt.date(2026, 12, 8)) == "Tue 8 Dec 2026"
    assert [days_phrase(n) for n in (0, 1, 3, -1, -2)] == [
        "today",
        "tomorrow",
        "3 days left",
        "1 day ago",
        "2 days ago",
    ]
