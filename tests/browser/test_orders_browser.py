"""The orders page in a real browser: orders outlive a reload, a new tab and a browser restart,
without the server keeping them, and "forget everything" really forgets; on a 390 px phone a buyer adds,
opens, edits and deletes orders with taps, never scrolling sideways and never deleting by mistake."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.support.browser import APP_READY, CHROMIUM, CHROMIUM_ARGS, TIMEOUT, type_date
from ui.browser_storage import STORAGE_KEY

pytestmark = pytest.mark.browser

ORDERS_PATH = "/orders"
FIRST, SECOND = "Zebra lamp", "Yak wool socks 🧦"
PHONE = {"width": 390, "height": 844}
CARDS = '[class*="st-key-order_card_"]'
"""Each order's card in the list (its container's key is order_card_<id>)."""


def wait_for_orders(page) -> None:
    """The page is up and has heard back from the browser's storage."""
    page.wait_for_selector(APP_READY, state="attached", timeout=TIMEOUT)
    loaded = page.locator(CARDS).or_(page.get_by_text("No orders yet"))
    loaded.first.wait_for(timeout=TIMEOUT)
    page.wait_for_selector(APP_READY, state="attached", timeout=TIMEOUT)


def open_orders(page) -> None:
    page.goto(ORDERS_PATH)
    wait_for_orders(page)


def add_order(page, label: str) -> None:
    form = page.get_by_test_id("stForm")
    if not form.is_visible():
        page.get_by_text("Add an order").click()
    page.get_by_label("What is it?").fill(label)
    type_date(page, dt.date.today() - dt.timedelta(days=10))
    page.get_by_role("button", name="Add order").click()
    page.get_by_text(f"Added “{label}”").wait_for(timeout=TIMEOUT)
    page.wait_for_selector(APP_READY, state="attached", timeout=TIMEOUT)


def saved_text(page) -> str:
    return page.evaluate("key => window.localStorage.getItem(key) || ''", STORAGE_KEY)


def wait_until_saved(page, *labels: str) -> None:
    page.wait_for_function(
        "([key, labels]) => labels.every(l => (window.localStorage.getItem(key) || '').includes(l))",
        arg=[STORAGE_KEY, list(labels)],
        timeout=TIMEOUT,
    )


def shown_orders(page) -> list[str]:
    """The names on the list's cards: each card's first line is "<status> · <name>"."""
    page.wait_for_selector(APP_READY, state="attached", timeout=TIMEOUT)
    firsts = page.locator(f'{CARDS} [data-testid="stMarkdownContainer"]:first-of-type p').all_inner_texts()
    return [text.split(" · ", 1)[1].strip() for text in firsts if " · " in text]


def expect_orders(page, *labels: str) -> None:
    """Wait (the list redraws after each run) until the list shows exactly these orders."""
    wanted = sorted(labels)
    for _attempt in range(60):
        shown = sorted(shown_orders(page))
        if shown == wanted:
            return
        page.wait_for_timeout(250)
    assert shown == wanted


def test_orders_survive_reload_and_a_new_page_and_forget_everything_clears_them(page):
    open_orders(page)
    expect_orders(page)
    add_order(page, FIRST)
    add_order(page, SECOND)
    wait_until_saved(page, FIRST, SECOND.split()[0])
    expect_orders(page, FIRST, SECOND)

    page.reload()
    wait_for_orders(page)
    expect_orders(page, FIRST, SECOND)

    context = page.context
    page.close()
    again = context.new_page()
    open_orders(again)
    expect_orders(again, FIRST, SECOND)

    again.get_by_text("Settings and privacy").click()
    confirm = again.get_by_role("button", name="Yes, forget all my orders")
    for _attempt in range(3):
        # A tap that lands while the page is still redrawing can be lost: tap again until the question shows.
        again.wait_for_selector(APP_READY, state="attached", timeout=TIMEOUT)
        again.get_by_role("button", name="Forget everything").click()
        try:
            confirm.wait_for(timeout=TIMEOUT // 3)
            break
        except PlaywrightTimeoutError:
            continue
    confirm.click()
    again.get_by_text("no orders are kept in this browser").wait_for(timeout=TIMEOUT)
    again.wait_for_function("key => window.localStorage.getItem(key) === null", arg=STORAGE_KEY, timeout=TIMEOUT)
    again.reload()
    wait_for_orders(again)
    expect_orders(again)
    assert saved_text(again) == ""
    assert again.locator('[data-testid="stException"]').count() == 0


def test_two_open_tabs_never_lose_each_others_orders(page):
    """Each tab saves its own table; an order added in one shows up in the other instead of being overwritten."""
    open_orders(page)
    other = page.context.new_page()
    open_orders(other)
    add_order(page, FIRST)
    expect_orders(other, FIRST)
    add_order(other, SECOND)
    expect_orders(page, FIRST, SECOND)
    wait_until_saved(page, FIRST, SECOND.split()[0])
    page.reload()
    wait_for_orders(page)
    expect_orders(page, FIRST, SECOND)


def test_orders_survive_a_browser_restart(browser, streamlit_server, tmp_path):
    """A persistent profile, closed and opened again: what a person does when they quit the browser."""

    def launch():
        return browser.browser_type.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            base_url=streamlit_server,
        )

    first = launch()
    try:
        page = first.new_page()
        open_orders(page)
        add_order(page, FIRST)
        wait_until_saved(page, FIRST)
    finally:
        first.close()
    second = launch()
    try:
        page = second.new_page()
        open_orders(page)
        expect_orders(page, FIRST)
    finally:
        second.close()


def test_nothing_typed_reaches_the_page_source(page):
    """An order's name travels as data, never as markup: a name that looks like HTML stays text."""
    open_orders(page)
    label = "<img src=x onerror=window.__owned=1>"
    add_order(page, label)
    wait_until_saved(page, "onerror")
    page.reload()
    wait_for_orders(page)
    expect_orders(page, label)
    assert page.evaluate("() => window.__owned === undefined")


def card(page, label: str):
    return page.locator(CARDS).filter(has_text=label).first


def no_sideways_scrolling(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_on_a_phone_orders_open_with_one_tap_a_date_changes_and_only_a_confirmed_delete_deletes(page):
    page.set_viewport_size(PHONE)
    open_orders(page)
    add_order(page, FIRST)
    add_order(page, SECOND)
    expect_orders(page, FIRST, SECOND)
    assert no_sideways_scrolling(page)

    for label in (FIRST, SECOND):
        card(page, label).get_by_role("button", name="Open the plan").click()  # one tap
        card(page, label).get_by_role("button", name="Close the plan").wait_for(timeout=TIMEOUT)
        card(page, label).get_by_text("Change this order's details", exact=True).wait_for(timeout=TIMEOUT)
        page.wait_for_selector(APP_READY, state="attached", timeout=TIMEOUT)
        assert no_sideways_scrolling(page), f"the plan of {label} fits the phone"
    opened = card(page, SECOND)
    assert "Wait for it to ship" in opened.inner_text()

    opened.get_by_text("Change this order's details", exact=True).click()
    shipped = opened.get_by_test_id("stDateInput").filter(has_text="Shipped").first
    shipped.locator('[role="spinbutton"][data-type="year"]').click()
    day = dt.date.today() - dt.timedelta(days=8)
    page.keyboard.type(f"{day.year:04d}{day.month:02d}{day.day:02d}")
    page.mouse.click(2, 200)  # a tap on the page's margin, outside the field: the field hands the date over
    wait_until_saved(page, day.isoformat())
    page.wait_for_selector(APP_READY, state="attached", timeout=TIMEOUT)
    page.wait_for_function(
        "([sel, label]) => Array.from(document.querySelectorAll(sel)).some("
        "c => c.innerText.includes(label) && !c.innerText.includes('Wait for it to ship'))",
        arg=[CARDS, SECOND],
        timeout=TIMEOUT,
    )
    assert no_sideways_scrolling(page)

    # Tapping a closed card's text or status never deletes; nor does a mistaken tap on Delete, which only
    # opens the question: a tap elsewhere closes it, and nothing is gone.
    card(page, FIRST).locator('[data-testid="stMarkdownContainer"]').first.click()
    page.wait_for_selector(APP_READY, state="attached", timeout=TIMEOUT)
    expect_orders(page, FIRST, SECOND)
    assert card(page, FIRST).get_by_role("button", name="Delete").count() == 0, "no delete on a closed card"
    card(page, FIRST).get_by_role("button", name="Open the plan").click()
    card(page, FIRST).get_by_role("button", name="Delete").click()
    question = page.get_by_role("button", name="Yes, delete it")
    question.wait_for(timeout=TIMEOUT)
    page.mouse.click(5, 300)
    question.wait_for(state="hidden", timeout=TIMEOUT)
    expect_orders(page, FIRST, SECOND)

    card(page, FIRST).get_by_role("button", name="Delete").click()
    page.get_by_role("button", name="Yes, delete it").click()
    page.get_by_text(f"Deleted “{FIRST}”").wait_for(timeout=TIMEOUT)
    expect_orders(page, SECOND)
    assert no_sideways_scrolling(page)
    assert page.locator('[data-testid="stException"]').count() == 0
