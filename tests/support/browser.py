"""Debian's chromium as the browser tests and bench/click_bench.py drive it, and how a visitor works the wizard in it.

Never `playwright install`: the browser is /usr/bin/chromium (`make test` installs it with apt-get).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import FloatRect, Locator, Page

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
    """Type into the date field's year, month and day segments, then leave the field, as a person would.

    The field hands the date to the app when it loses focus; until then Next stays disabled.
    """
    page.locator('[data-testid="stDateInput"] [role="spinbutton"][data-type="year"]').first.click()
    page.keyboard.type(f"{day.year:04d}{day.month:02d}{day.day:02d}")
    main = page.locator('[data-testid="stMain"]').bounding_box()
    assert main is not None
    page.mouse.click(main["x"] + 4, main["y"] + 4)  # a tap on the page's empty margin, outside the field


def click(page: Page, name: str) -> None:
    page.get_by_role("button", name=name).first.click()


TAP_TARGETS = {
    "radio option": '[data-testid="stRadio"] [role="radiogroup"] label',
    "checkbox": '[data-testid="stCheckbox"] label',
    "button": ", ".join(
        f'[data-testid="{box}"] {tag}'
        for box, tag in (
            ("stButton", "button"),
            ("stFormSubmitButton", "button"),
            ("stPopover", "button"),
            ("stDownloadButton", "button"),
            ("stLinkButton", "a"),
        )
    ),
}
"""What a visitor taps, by Streamlit's data-testid: ui/phone.py gives each at least 44 px of height."""


def tap_target_heights(page: Page) -> dict[str, list[float]]:
    """Height in px of every visible radio option, checkbox row and button on the page, by kind.

    Measured once the page's stylesheet (ui/phone.py) is in the document: on a cold server the
    first widgets can paint a moment before it.
    """
    page.wait_for_function(
        "Array.from(document.querySelectorAll('style')).some(s => s.textContent.includes('stDateInputCalendar'))"
    )
    page.wait_for_timeout(200)  # one frame for the browser to apply it
    heights: dict[str, list[float]] = {}
    for kind, selector in TAP_TARGETS.items():
        heights[kind] = []
        for element in page.locator(selector).all():
            box = element.bounding_box() if element.is_visible() else None
            if box is not None:
                heights[kind].append(round(box["height"], 1))
    return heights


def tall_enough(heights: dict[str, list[float]], least: float) -> list[tuple[str, float]]:
    """(kind, height) of every target shorter than `least` px: empty when all can be tapped."""
    return [(kind, height) for kind, found in heights.items() for height in found if height < least]


def open_calendar(page: Page) -> None:
    """Open the first date field's calendar with its calendar button, as a tap would."""
    page.locator('[data-testid="stDateInput"] [data-testid="stDateInputCalendarButton"]').first.click()
    page.locator('[data-testid="stDateInputCalendar"]').first.wait_for(state="visible", timeout=TIMEOUT)
    page.wait_for_timeout(300)  # floating-ui settles its position after the first frame


def calendar_card(page: Page) -> Locator:
    """The open calendar's visible card (its month grid and header), without ui/phone.py's see-through band."""
    return page.locator('[data-testid="stDateInputCalendar"] [role="application"]').first


def covers(a: FloatRect, b: FloatRect) -> bool:
    """Whether two boxes overlap (touching edges do not count)."""
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def top_element_is(page: Page, box: FloatRect, button_name: str) -> bool:
    """Whether a tap at the box's centre lands on the button with this label (nothing drawn over it)."""
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    label = page.evaluate(
        "([x, y]) => { const hit = document.elementFromPoint(x, y); const b = hit && hit.closest('button');"
        " return b ? b.innerText.trim() : null; }",
        [x, y],
    )
    return bool(label == button_name)
