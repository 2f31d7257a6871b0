"""Controls a thumb can hit (ui/phone.py), measured in chromium at phone size, and still whole on a desktop.

- every radio option, checkbox row and button is at least 44 px tall at 390x844;
- the date question's calendar, once open, covers neither the Next button nor its field:
  a tap at Next's centre lands on Next;
- at 1280 px wide the same controls are there and visible;
- the orders list and an opened order (its form and plan) are never wider than a phone.
"""

from __future__ import annotations

import datetime as dt

import pytest

from core.order_files import export_json
from core.orders import OrderRow
from tests.support.browser import (
    TIMEOUT,
    calendar_card,
    covers,
    heading,
    open_calendar,
    tall_enough,
    tap_target_heights,
    top_element_is,
)
from ui.browser_storage import STORAGE_KEY

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
TAP_PX = 44
FIRST_DATE = "/?stage=on_the_way&shipped=no"
"""The first plain date question on the "shipped, not arrived" route: the order's day, when the shipping day is
unknown."""


def first_question(page) -> None:
    heading(page, "Where is your order at?")
    page.locator('[data-testid="stRadio"] [role="radiogroup"] label').first.wait_for(timeout=TIMEOUT)


def date_question(page) -> None:
    page.locator('[data-testid="stDateInput"]').first.wait_for(timeout=TIMEOUT)
    page.get_by_role("button", name="Next").first.wait_for(timeout=TIMEOUT)


def test_first_question_is_tappable_on_a_phone(page, open_app):
    page.set_viewport_size(PHONE)
    open_app("/")
    first_question(page)
    heights = tap_target_heights(page)
    assert len(heights["radio option"]) >= 4, heights
    assert heights["button"], heights
    assert tall_enough(heights, TAP_PX) == [], heights


def test_date_question_buttons_are_tappable_on_a_phone(page, open_app):
    page.set_viewport_size(PHONE)
    open_app(FIRST_DATE)
    date_question(page)
    heights = tap_target_heights(page)
    assert len(heights["button"]) >= 2, heights
    assert tall_enough(heights, TAP_PX) == [], heights


def test_plan_checkboxes_are_tappable_on_a_phone(page, open_app):
    page.set_viewport_size(PHONE)
    open_app("/?stage=not_shipped&payment=pending")
    page.get_by_text("Cancel the order now").first.wait_for(timeout=TIMEOUT)
    page.locator('[data-testid="stCheckbox"] label').first.wait_for(timeout=TIMEOUT)
    heights = tap_target_heights(page)
    assert heights["checkbox"], heights
    assert tall_enough(heights, TAP_PX) == [], heights


def test_orders_page_buttons_are_tappable_on_a_phone(page, open_app):
    page.set_viewport_size(PHONE)
    open_app("/orders")
    page.locator('[data-testid="stFormSubmitButton"] button, [data-testid="stButton"] button').first.wait_for(
        timeout=TIMEOUT
    )
    heights = tap_target_heights(page)
    assert heights["button"], heights
    assert tall_enough(heights, TAP_PX) == [], heights


def test_orders_list_and_an_opened_order_fit_a_phone(page, open_app):
    """The cards, an opened order's form (opened, with its dates and choices) and its plan: nothing wider than
    390 px, and each card's one button is there to tap."""
    page.set_viewport_size(PHONE)
    open_app("/orders")
    page.get_by_text("No orders yet").wait_for(timeout=TIMEOUT)
    today = dt.date.today()
    rows = [
        OrderRow(
            id="a",
            label="Blue headphones",
            placed_on=today - dt.timedelta(days=40),
            shipped_on=today - dt.timedelta(days=38),
            problem="not_arrived",
        ),
        OrderRow(id="b", label="Desk lamp with a rather long name, longer than a phone's line", placed_on=today),
    ]
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [STORAGE_KEY, export_json(rows)])
    page.reload()
    cards = page.locator('[class*="st-key-order_card_"]')
    cards.get_by_role("button", name="Open the plan").nth(1).wait_for(timeout=TIMEOUT)
    assert cards.get_by_role("button", name="Open the plan").count() == 2, "one button a card"
    cards.filter(has_text="Blue headphones").get_by_role("button", name="Open the plan").click()
    page.get_by_role("button", name="Close the plan").wait_for(timeout=TIMEOUT)
    page.get_by_text("Change this order's details", exact=True).click()
    page.get_by_text("Delivery", exact=True).wait_for(timeout=TIMEOUT)
    page.get_by_role("heading", name="Steps").wait_for(timeout=TIMEOUT)
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], "nothing sticks out sideways"
    assert page.locator('[data-testid="stException"]').count() == 0


@pytest.mark.parametrize("size", [PHONE, {"width": 390, "height": 600}, DESKTOP], ids=["phone", "short", "desktop"])
def test_calendar_never_covers_next(page, open_app, size):
    """Below the field (room enough) or above it (a short screen: floating-ui flips it), never over Next."""
    page.set_viewport_size(size)
    open_app(FIRST_DATE)
    date_question(page)
    field = page.locator('[data-testid="stDateInput"]').first
    next_button = page.get_by_role("button", name="Next").first
    open_calendar(page)
    card = calendar_card(page)
    card_box, next_box, field_box = card.bounding_box(), next_button.bounding_box(), field.bounding_box()
    assert card_box and next_box and field_box
    assert card_box["height"] > 150, card_box  # a whole month is shown
    assert not covers(card_box, next_box), (card_box, next_box)
    assert not covers(card_box, field_box), (card_box, field_box)
    assert top_element_is(page, next_box, "Next"), "a tap at Next's centre must reach Next"
    assert card_box["y"] >= 0 and card_box["y"] + card_box["height"] <= size["height"], (card_box, size)
    # still usable: pick a day from the grid; the calendar closes and the field has a date
    card.locator('[role="gridcell"]:not([aria-disabled="true"]) [role="button"]').first.click()
    page.locator('[data-testid="stDateInputCalendar"]').wait_for(state="detached", timeout=TIMEOUT)
    assert page.locator('[data-testid="stException"]').count() == 0


def test_desktop_shows_the_same_controls(page, open_app):
    phone, desktop = {}, {}
    for size, found in ((PHONE, phone), (DESKTOP, desktop)):
        page.set_viewport_size(size)
        open_app("/")
        first_question(page)
        found["first"] = tap_target_heights(page)
        open_app(FIRST_DATE)
        date_question(page)
        found["date"] = tap_target_heights(page)
    for step in ("first", "date"):
        for kind, heights in phone[step].items():
            assert len(desktop[step][kind]) == len(heights), (step, kind, phone, desktop)
        assert tall_enough(desktop[step], TAP_PX) == [], desktop
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], "nothing sticks out sideways"
    assert page.locator('[data-testid="stException"]').count() == 0
