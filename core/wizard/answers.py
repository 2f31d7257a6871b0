"""The wizard's answer formats: how each kind of answer is written, read and checked.

Answers are plain strings, so a whole situation fits in a URL; every answer is checked
here, so a garbled link is caught before the rules ever see it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from core.dates import add_days
from core.i18n import _, show_date, show_money
from core.models import AMOUNT_MAX, order_number_digits
from core.wizard.questions import CURRENCIES, DATE_KINDS, DEFAULT_CURRENCY, NO_KINDS, Question

NOT_YET = "no"
"""The answer to a "date_or_no", "protection" or "offer" question without a date or an offer (yet)."""
REJECTED = "rejected"
"""The answer to the seller's "offer" question when they rejected the dispute with no offer."""
ANSWER_CHARS_MAX = 64
"""No answer is longer; a longer one in a link is garbage, refused before it is parsed."""
CENT = Decimal("0.01")
RETURN = " return"
"""Ends an offer answer whose offer wants the item sent back."""


@dataclass(frozen=True)
class MoneyAnswer:
    """An amount answer as the URL keeps it: "12.50 USD", and for an offer "12.50 USD return".

    The one place that reads and writes the format, so every reader agrees on it.
    The currency is "" when the answer gave none.
    """

    amount: Decimal
    currency: str = ""
    with_return: bool = False

    @classmethod
    def parse(cls, text: str, offer: bool = False) -> MoneyAnswer | None:
        """The answer `text` holds, or None if it isn't one; only an offer may end in " return"."""
        body = text.removesuffix(RETURN) if offer else text
        amount_text, _sep, currency = body.strip().partition(" ")
        try:
            amount = Decimal(amount_text)
        except InvalidOperation:
            return None
        if not amount.is_finite() or amount < 0 or amount > AMOUNT_MAX or amount != amount.quantize(CENT):
            return None
        return cls(amount.quantize(CENT), currency.strip().upper(), body != text)

    @classmethod
    def of(cls, amount: Decimal | float, currency: str, with_return: bool = False) -> MoneyAnswer:
        """The answer for an amount as a number box gives it, rounded to cents."""
        return cls(round(Decimal(str(amount)), 2), currency, with_return)

    def __str__(self) -> str:
        return f"{self.amount.quantize(CENT)} {self.currency}" + (RETURN if self.with_return else "")


def known(answers: Mapping[str, str], key: str) -> str | None:
    """The answer to `key`, or None when it isn't given or is NOT_YET."""
    value = answers.get(key)
    return None if value == NOT_YET else value


def parse_day(text: str) -> dt.date | None:
    """The day a date answer ("2026-11-26") holds, or None if it isn't one."""
    try:
        return dt.date.fromisoformat(text)
    except (ValueError, TypeError):
        return None


def answer_problem(question: Question, text: str, today: dt.date) -> str | None:
    """Why an answer can't be used for this question, or None when it is fine."""
    if not isinstance(text, str) or len(text) > ANSWER_CHARS_MAX:
        return _("That answer isn't one we can read.")
    if question.kind == "choice":
        return None if text in {c.value for c in question.choices} else _("Please pick one of the options.")
    if question.kind in NO_KINDS and text == NOT_YET:
        return None
    if question.kind == "offer" and text == REJECTED and question.rejected_label:
        return None
    if question.kind in DATE_KINDS:
        day = parse_day(text)
        return _("That isn't a date we can read.") if day is None else date_problem(question.key, day, today)
    if question.kind in ("money", "offer"):
        return money_problem(question, text)
    return _("That answer isn't one we can read.")


def money_problem(question: Question, text: str) -> str | None:
    """Why an amount answer can't be used: unreadable, an unknown currency, or no amount where one is needed."""
    money = MoneyAnswer.parse(text, offer=question.kind == "offer")
    if money is None:
        return _("Please enter an amount of 0 or more, with at most two decimals.")
    if question.key == "wanted" and money.amount == 0:
        return _("Please enter the amount you would like back: a partial refund needs one.")
    if money.currency and money.currency not in CURRENCIES:
        return _("That currency isn't one we know.")
    return None


def read_order_number(text: str) -> tuple[str | None, str | None]:
    """(the number as digits, None), or (None, why it can't be one); a blank box is no number and no problem."""
    if not text.strip():
        return None, None
    try:
        return order_number_digits(text), None
    except ValueError:
        return None, _("An order number is 8 to 20 digits, as shown on the order page.")


CURRENCY_FROM = ("total", "affected", "charged_amount")
"""The money answers that carry the order's currency (the buyer picks it there), first given first."""


def order_currency(answers: dict[str, str]) -> str | None:
    """The currency the buyer picked with the first money answer that carries one, if any."""
    for key in CURRENCY_FROM:
        money = MoneyAnswer.parse(answers.get(key, ""))
        if money is not None and money.currency:
            return money.currency
    return None


PAST_EVENTS = (
    "shipped",
    "confirmed",
    "ordered",
    "contacted",
    "receipt",
    "opened",
    "closed",
    "processed",
    "return_agreed",
    "return_sent",
    "return_delivered",
    "cancelled",
    "charged",
    "arrived",
)
"""The date questions about something that already happened: their answer can't be after today."""
EARLIEST_DAY = dt.date(2000, 1, 1)
YEARS_AHEAD = 5


def date_range(key: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The dates a question can take: past events up to today, expected dates up to five years ahead."""
    if key in PAST_EVENTS:
        return EARLIEST_DAY, today
    return EARLIEST_DAY, add_days(today, YEARS_AHEAD * 365)


DAYS_LEFT_MAX = 365
"""The most days a protection countdown can show; more is a typo."""


def protection_end(days_left: int, today: dt.date) -> str:
    """The answer for a countdown showing `days_left` days (0: it ends today): its end date, so a link keeps it."""
    return add_days(today, days_left).isoformat()


def date_problem(key: str, day: dt.date, today: dt.date) -> str | None:
    """Dates that can't be true for their question: past events in the future, or far from today."""
    low, high = date_range(key, today)
    if key in PAST_EVENTS and day > today:
        return _("That date is in the future.")
    if not low <= day <= high:
        return _("That date is too far from today.")
    return None


def answer_in_words(question: Question, value: str) -> str:
    """An answer as the buyer reads it back: the choice's words, the day or the amount in their style."""
    if question.kind == "choice":
        return next((c.label for c in question.choices if c.value == value), value)
    if value == NOT_YET:
        return question.no_label
    if value == REJECTED and question.rejected_label:
        return question.rejected_label
    if question.kind in DATE_KINDS:
        day = parse_day(value)
        return value if day is None else show_date(day)
    money = MoneyAnswer.parse(value, offer=question.kind == "offer")
    if money is None:
        return value
    shown = show_money(money.amount, money.currency or DEFAULT_CURRENCY)
    return shown + " " + _("(with a return)") if money.with_return else shown
