"""Helpers for the advisor core tests: build cases from a few overrides.

Every case is a plain dict in the case JSON shape (as a buyer or the wizard would
send it).  The defaults describe one ordinary situation, so that a test only
names what matters to it:

    TODAY   = 2026-11-26 (a Thursday)
    order   = placed 40 days ago, shipped 38 days ago, 60 days of protection,
              not received, no tracking, total 50.00 USD of which 5.00 shipping
    problem = not_arrived, seller not contacted, no dispute

`make_case(order={...}, dispute={...}, **top)` merges `order` and `dispute` into
those defaults (a dispute starts as {"status": "open", "opened_on": day(-3)});
a value of DROP removes the key.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

TODAY = dt.date(2026, 11, 26)  # a Thursday
TOTAL = Decimal("50.00")
SHIPPING = Decimal("5.00")

DROP = object()
"""Override value that removes the key from the defaults."""


def day(n: int) -> str:
    """TODAY + n calendar days, as the ISO string a case carries."""
    return (TODAY + dt.timedelta(days=n)).isoformat()


def d(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def _merge(base: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in overrides.items():
        if value is DROP:
            out.pop(key, None)
        else:
            out[key] = value
    return out


DEFAULT_ORDER: dict[str, Any] = {
    "placed_on": day(-40),
    "payment_confirmed": True,
    "shipped_on": day(-38),
    "estimated_delivery": None,
    "protection_days": 60,
    "received": False,
    "receipt_confirmed_on": None,
    "tracking": "none",
    "total_paid": str(TOTAL),
    "shipping_paid": str(SHIPPING),
    "currency": "USD",
    "free_return": False,
}

DEFAULT_DISPUTE: dict[str, Any] = {
    "status": "open",
    "opened_on": day(-3),
}


def make_case(
    *,
    order: dict[str, Any] | None = None,
    dispute: dict[str, Any] | None = None,
    **top: Any,
) -> dict[str, Any]:
    """A valid case dict: the defaults above with these overrides merged in."""
    case: dict[str, Any] = {
        "today": TODAY.isoformat(),
        "order": _merge(DEFAULT_ORDER, order or {}),
        "problem": "not_arrived",
        "seller_contacted_on": None,
        "dispute": None,
    }
    if dispute is not None:
        case["dispute"] = _merge(DEFAULT_DISPUTE, dispute)
    return _merge(case, top)


def not_received(days_left: int, **order: Any) -> dict[str, Any]:
    """Order overrides for a parcel shipped 30 days ago whose protection (and so
    dispute_deadline) ends `days_left` days from TODAY."""
    return {"shipped_on": day(-30), "protection_days": 30 + days_left, **order}


def received(**order: Any) -> dict[str, Any]:
    """Order overrides for a parcel shipped 38 days ago and received, receipt not confirmed."""
    return {"received": True, "tracking": "delivered", **order}


# --- Looking for amounts and dates inside free text (messages, warnings) -----------

def mentions_amount(text: str, amount: Decimal | str) -> bool:
    """The amount written with two decimals, with a dot or a comma."""
    amount = Decimal(str(amount)).quantize(Decimal("0.01"))
    dotted = f"{amount:.2f}"
    return dotted in text or dotted.replace(".", ",") in text


def mentions_currency(text: str, currency: str) -> bool:
    symbols = {"USD": "$", "EUR": "\u20ac", "GBP": "\u00a3"}
    return currency in text or (currency in symbols and symbols[currency] in text)


def date_spellings(when: dt.date | str) -> set[str]:
    """The usual ways to write a date in a message."""
    if isinstance(when, str):
        when = d(when)
    month, mon = when.strftime("%B"), when.strftime("%b")
    return {
        when.isoformat(),
        f"{when.day} {month} {when.year}",
        f"{when.day:02d} {month} {when.year}",
        f"{month} {when.day}, {when.year}",
        f"{when.day} {mon} {when.year}",
        f"{mon} {when.day}, {when.year}",
        f"{when.day:02d}/{when.month:02d}/{when.year}",
        f"{when.day:02d}.{when.month:02d}.{when.year}",
        f"{when.month:02d}/{when.day:02d}/{when.year}",
    }


def mentions_date(text: str, when: dt.date | str | None) -> bool:
    if when is None:
        return False
    return any(s in text for s in date_spellings(when))


def mentions_any_date(text: str, dates: list[dt.date | str | None]) -> bool:
    return any(mentions_date(text, w) for w in dates)
