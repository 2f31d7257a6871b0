"""Calendar and working-day arithmetic for the order's protection windows.

Deadlines are counted in calendar days and are inclusive: the deadline day itself
still counts. Refunds are counted in working days, which skip weekends and, when the
buyer names a country, that country's own weekend and public holidays, as the holidays
library knows them.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from core.i18n import country_name, current_language, in_language

if TYPE_CHECKING:
    import holidays


@lru_cache(maxsize=64)
def _working_calendar(country: str | None) -> holidays.HolidayBase:
    """The country's public holidays and its own weekend (Friday and Saturday in Israel, for one).

    Without a country, Saturday and Sunday are the weekend and no day is a holiday.
    The library is imported on first use: it takes about 0.1 s and most plans never count working days.
    """
    import holidays

    return holidays.HolidayBase() if country is None else holidays.country_holidays(country)


def known_countries() -> dict[str, str]:
    """Country codes the holiday calendar knows, with their names in the reader's language (babel's, not the
    holidays library's English ones), in that language's alphabetical order, for a picker."""
    return _countries(current_language())


@lru_cache(maxsize=16)
def _countries(language: str) -> dict[str, str]:
    import holidays

    with in_language(language):
        names = {code: country_name(code) for code in holidays.list_supported_countries() if len(code) == 2}
    return dict(sorted(names.items(), key=lambda item: _sort_key(item[1])))


def _sort_key(name: str) -> str:
    """ "Émirats" files under E, as a reader looks for it."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


def is_working_day(day: dt.date, country: str | None = None) -> bool:
    """Not a weekend day of `country` (Saturday and Sunday without one) and not one of its public holidays."""
    return _working_calendar(country).is_working_day(day)


@lru_cache(maxsize=4096)
def add_working_days(start: dt.date, count: int, country: str | None = None) -> dt.date:
    """The date `count` working days after `start` (start itself not counted), held at the calendar's end."""
    try:
        return _working_calendar(country).get_nth_working_day(start, count)
    except (OverflowError, ValueError):  # past 31 Dec 9999
        return dt.date.max


def add_days(start: dt.date, days: int) -> dt.date:
    """`start` plus calendar days, held at the calendar's last day instead of overflowing."""
    try:
        return start + dt.timedelta(days=days)
    except (OverflowError, ValueError):  # past 31 Dec 9999
        return dt.date.max if days > 0 else dt.date.min


def weekend_days(country: str | None = None) -> frozenset[int]:
    """The country's weekend as weekday numbers (Monday is 0): {5, 6} without a country, {4, 5} in Israel."""
    return frozenset(_working_calendar(country).weekend)


def add_years(start: dt.date, years: int) -> dt.date:
    """`start` plus whole years (29 February becomes the 28th), held at the calendar's last day."""
    year = start.year + years
    if year > dt.MAXYEAR:
        return dt.date.max
    if start.month == 2 and start.day == 29:
        return dt.date(year, 2, 28)
    return start.replace(year=year)
