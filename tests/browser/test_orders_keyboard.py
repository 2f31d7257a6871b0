"""My orders with a keyboard only, in chromium: add an order and open its plan with Tab, Shift+Tab, typing and
Enter, never a click; every stop shows it is focused (the checks of tests/browser/test_keyboard.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.browser.test_keyboard import DESKTOP, PHONE, press, tab_to
from tests.support.browser import APP_READY, TIMEOUT

pytestmark = pytest.mark.browser

LABEL = "Keyboard lamp"


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_add_an_order_and_open_its_plan_by_keyboard(browser, streamlit_server, size):
    context = browser.new_context(base_url=streamlit_server, viewport=size)
    page = context.new_page()
    try:
        page.goto("/orders")
        page.get_by_text("No orders yet").first.wait_for(timeout=TIMEOUT)
        page.wait_for_selector(APP_READY, state="attached", timeout=TIMEOUT)

        name = tab_to(page, "What is it?")
        assert name["tag"] == "INPUT", name
        page.keyboard.type(LABEL)
        year = press(page, "Tab")  # the "Placed on" date: its first segment is the year
        assert year["tag"] != "BODY", year
        placed = dt.date.today() - dt.timedelta(days=10)
        page.keyboard.type(f"{placed.year:04d}{placed.month:02d}{placed.day:02d}")
        tab_to(page, "Add order")
        press(page, "Enter")
        page.get_by_text(f"Added “{LABEL}”").wait_for(timeout=TIMEOUT)
        page.wait_for_selector(APP_READY, state="attached", timeout=TIMEOUT)

        tab_to(page, "Open the plan")
        press(page, "Enter")
        page.get_by_role("button", name="Close the plan").first.wait_for(timeout=TIMEOUT)
        page.wait_for_selector(APP_READY, state="attached", timeout=TIMEOUT)
        page.get_by_text("Why this advice").first.wait_for(timeout=TIMEOUT)  # the plan is open in its card
        closing = tab_to(page, "Close the plan")
        assert closing["tag"] == "BUTTON", closing
    finally:
        context.close()
