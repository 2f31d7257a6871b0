"""Calendar and working-day arithmetic for the order's protection windows.

Deadlines are counted in calendar days and are inclusive: the deadline day itself
still counts. Refunds are counted in working days, which skip weekends and, when the
buyer names a country, that country's public holidays.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

WEEKEND = (5, 6)


@lru_cache(maxsize=64)
def _public_holidays(country: str, year: int) -> frozenset[dt.date]:
    import holidays  # imported on first use: most cases never name a country

    return frozenset(holidays.country_holidays(country, years=year))


@lru_cache(maxsize=1)
def known_countries() -> dict[str, str]:
    """Country codes the holiday calendar knows, with their English names, for a picker."""
    import holidays
    from babel import Locale

    names = Locale("en").territories
    return {
        code: names.get(code, code)
        for code in sorted(holidays.list_supported_countries())
        if len(code) == 2
    }


def is_working_day(day: dt.date, country: str | None = None) -> bool:
    """Monday to Friday, and not a public holiday in `country` when one is given."""
    if day.weekday() in WEEKEND:
        return False
    return country is None or day not in _public_holidays(country, day.year)


def add_working_days(start: dt.date, count: int, country: str | None = None) -> dt.date:
    """The date `count` working days after `start` (start itself not counted)."""
    day = start
    left = count
    while left > 0:
        if day == dt.date.max:
            return day
        day += dt.timedelta(days=1)
        if is_working_day(day, country):
            left -= 1
    return day


def add_days(start: dt.date, days: int) -> dt.date:
    """`start` plus calendar days, held at the calendar's last day instead of overflowing."""
    try:
        return start + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min
