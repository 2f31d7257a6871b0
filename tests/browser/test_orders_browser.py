"""The orders page in a real browser: orders outlive a reload, a new tab and a browser restart,
without the server keeping them, and "forget everything" really forgets."""

from __future__ import annotations

import pytest

from tests.support.browser import APP_READY, CHROMIUM, CHROMIUM_ARGS, TIMEOUT
from ui.browser_storage import STORAGE_KEY

pytestmark = pytest.mark.browser

ORDERS_PATH = "/orders"
FIRST, SECOND = "Zebra lamp", "Yak wool socks 🧦"


def wait_for_orders(page) -> None:
    """The page is up and has heard back from the browser's storage."""
    page.wait_for_selector(APP_READY, state="attached", timeout=TIMEOUT)
    loaded = page.get_by_test_id("stDataFrame").or_(page.get_by_text("No orders yet"))
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
    """The names in the table's "Order" column, read from the grid's accessible cells."""
    table = page.get_by_test_id("stDataFrame")
    if table.count() == 0:
        return []
    cells = table.get_by_role("gridcell", include_hidden=True)
    cells.first.wait_for(state="attached", timeout=TIMEOUT)
    headers = table.get_by_role("columnheader", include_hidden=True).all_inner_texts()
    if "Order" not in headers:
        return []  # the grid is between two draws: expect_orders looks again
    column = headers.index("Order")
    names = []
    for row in table.get_by_role("row", include_hidden=True).all()[1:]:
        cells = row.get_by_role("gridcell", include_hidden=True).all_inner_texts()
        if len(cells) > column and cells[column].strip():
            names.append(cells[column].strip())
    return names


def expect_orders(page, *labels: str) -> None:
    """Wait (the grid redraws after each run) until the table shows exactly these orders."""
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
    again.get_by_role("button", name="Forget everything").click()
    again.get_by_role("button", name="Yes, forget all my orders").click()
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
