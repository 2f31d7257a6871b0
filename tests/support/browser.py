"""Debian's chromium as the browser tests and bench/click_bench.py drive it, and how a visitor works the wizard in it.

Never `playwright install`: the browser is /usr/bin/chromium (`make test` installs it with apt-get).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
APP_READY = '[data-testid="stApp"][data-test-connection-state="CONNECTED"][data-test-script-state="notRunning"]'
"""The app is connected and no script run is in progress."""
TIMEOUT = 30_000
"""Milliseconds to wait for anything on a page."""


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def chromium_missing() -> str | None:
    """Why the browser can't run here, or None when it can."""
    if CHROMIUM.exists() and os.access(CHROMIUM, os.X_OK):
        return None
    return f"{CHROMIUM} is missing (make test installs Debian's chromium with apt-get)"


def require_chromium() -> None:
    """Skip the test without chromium; in CI a missing browser is a failure, not a skip."""
    import pytest

    missing = chromium_missing()
    if missing and in_ci():
        pytest.fail(missing)
    if missing:
        pytest.skip(missing)


def wait_for_app(page: Page, timeout: int = TIMEOUT) -> None:
    page.wait_for_selector(APP_READY, state="attached", timeout=timeout)


def heading(page: Page, text: str, timeout: int = TIMEOUT) -> None:
    page.get_by_role("heading", name=text).wait_for(state="visible", timeout=timeout)


def pick(page: Page, label: str) -> None:
    page.locator('[data-testid="stRadio"] label').filter(has_text=label).first.click()


def type_date(page: Page, day: dt.date) -> None:
    """Type into the date field's year, month and day segments, as a keyboard user would."""
    page.locator('[data-testid="stDateInput"] [role="spinbutton"][data-type="year"]').first.click()
    page.keyboard.type(f"{day.year:04d}{day.month:02d}{day.day:02d}")
    page.keyboard.press("Tab")


def click(page: Page, name: str) -> None:
    page.get_by_role("button", name=name).first.click()
