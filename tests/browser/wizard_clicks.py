"""How a visitor works the wizard in chromium: read a question, tap a choice, type a date."""

from __future__ import annotations

import datetime as dt

TIMEOUT = 30_000


def heading(page, text: str, timeout: int = TIMEOUT) -> None:
    page.get_by_role("heading", name=text).wait_for(state="visible", timeout=timeout)


def pick(page, label: str) -> None:
    page.locator('[data-testid="stRadio"] label').filter(has_text=label).first.click()


def type_date(page, day: dt.date) -> None:
    """Type into the date field's year, month and day segments, as a keyboard user would."""
    page.locator('[data-testid="stDateInput"] [role="spinbutton"][data-type="year"]').first.click()
    page.keyboard.type(f"{day.year:04d}{day.month:02d}{day.day:02d}")
    page.keyboard.press("Tab")


def click(page, name: str) -> None:
    page.get_by_role("button", name=name).first.click()
