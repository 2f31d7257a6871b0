"""Working days follow each country's own weekend and holidays (from the holidays library)."""

import datetime as dt

import pytest

from core.dates import add_days, add_working_days, is_working_day

THU = dt.date(2026, 11, 26)
FRI = dt.date(2026, 11, 27)


@pytest.mark.parametrize(
    ("start", "count", "country", "expected"),
    [
        (THU, 1, None, FRI),
        (FRI, 1, None, dt.date(2026, 11, 30)),  # Saturday and Sunday skipped
        (FRI, 1, "ES", dt.date(2026, 11, 30)),
        (THU, 1, "IL", dt.date(2026, 11, 29)),  # Friday and Saturday are Israel's weekend: Sunday counts
        (THU, 1, "SA", dt.date(2026, 11, 29)),
        (dt.date(2026, 12, 23), 3, "ES", dt.date(2026, 12, 29)),  # Christmas Day skipped
        (dt.date(2026, 12, 23), 3, None, dt.date(2026, 12, 28)),
        (FRI, 0, None, FRI),
    ],
)
def test_add_working_days(start: dt.date, count: int, country: str | None, expected: dt.date) -> None:
    assert add_working_days(start, count, country) == expected


def test_friday_is_a_working_day_only_where_the_weekend_is_saturday_and_sunday() -> None:
    assert is_working_day(FRI)
    assert is_working_day(FRI, "DE")
    assert not is_working_day(FRI, "IL")
    assert is_working_day(dt.date(2026, 11, 29), "IL")  # a Sunday
    assert not is_working_day(dt.date(2026, 11, 29))


def test_the_calendar_end_holds_instead_of_overflowing() -> None:
    assert add_working_days(dt.date(9999, 12, 29), 5) == dt.date.max
    assert add_days(dt.date(9999, 12, 29), 5) == dt.date.max
    assert add_days(dt.date.min, -1) == dt.date.min
