"""The wizard with a keyboard only, in chromium: Tab, Shift+Tab, Space, Enter and arrow keys, never a click.

One full route ("not shipped, payment confirmed, not asked to cancel yet") to its plan, then the plan's copy button. At every key
press the focused element must show it is focused (an outline or a box-shadow on it, or on the option row
or the field box it belongs to, via getComputedStyle) and, where the walk aims, land where expected.
(The orders page is being rewritten for phones: its keyboard walk comes with that rewrite.)
"""

from __future__ import annotations

import re

import pytest

from tests.support.browser import TIMEOUT, heading, wait_for_app

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
MOST_TABS = 40

FOCUS = """() => {
  let element = document.activeElement;
  while (element && element.shadowRoot && element.shadowRoot.activeElement) {
    element = element.shadowRoot.activeElement;  // the copy button lives in its component's shadow root
  }
  if (!element || element === document.body) return {shown: false, name: "", tag: "BODY"};
  const drawn = node => {
    if (!node) return false;
    const style = getComputedStyle(node);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== "none" && !/^rgba\\(\\d+, \\d+, \\d+, 0\\)/.test(style.boxShadow);
    const box = node.getBoundingClientRect();
    return (outline || shadow) && box.width > 2 && box.height > 2;
  };
  const row = element.closest("label");
  const box = element.closest('[data-testid="stDateInputField"], [data-testid="stTextInputRootElement"],'
    + ' [data-testid="stNumberInputContainer"]') || (element.tagName === "INPUT" ? element.parentElement : null);
  const name = (element.getAttribute("aria-label") || (row ? row.innerText : "") || element.innerText || "").trim();
  return {shown: drawn(element) || drawn(row) || drawn(box), name: name, tag: element.tagName, type: element.type || "",
    testid: element.getAttribute("data-testid") || ""};
}"""


def focused(page) -> dict:
    return page.evaluate(FOCUS)


def press(page, key: str) -> dict:
    """Press a key and check the focus it leaves is visible (the page itself, between two runs, holds none)."""
    page.keyboard.press(key)
    page.wait_for_timeout(100)
    now = focused(page)
    assert now["tag"] == "BODY" or now["shown"], f"{key} left focus invisible on {now}"
    return now


def tab_to(page, name: str, back: bool = False) -> dict:
    """Tab (or Shift+Tab) until the focused element's name starts with `name`, every stop visibly focused."""
    for _step in range(MOST_TABS):
        now = press(page, "Shift+Tab" if back else "Tab")
        if re.sub(r"^[a-z_]+\n+", "", now["name"]).startswith(name):  # a button's icon name comes first
            return now
    raise AssertionError(f"{name!r} not reached with {MOST_TABS} tabs")


def answered(page, title: str) -> None:
    heading(page, title)
    wait_for_app(page)


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_route_to_its_plan_by_keyboard(browser, streamlit_server, size):
    context = browser.new_context(base_url=streamlit_server, viewport=size)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto("/")
        wait_for_app(page)
        heading(page, "Where is your order at?")

        first = tab_to(page, "Not shipped yet")
        assert first["type"] == "radio", first
        press(page, "Space")  # picks it, and a pick answers at once
        answered(page, "Has AliExpress confirmed your payment?")

        tab_to(page, "Not yet")
        after = press(page, "ArrowDown")  # moves to the next option and picks it: "confirmed"
        assert after["tag"] == "BODY" or after["name"].startswith("Yes, the payment is confirmed"), after
        answered(page, "Have you asked to cancel it?")

        tab_to(page, "Not yet")
        press(page, "Space")
        page.get_by_role("heading", name="Ask to cancel the order").first.wait_for(timeout=TIMEOUT)
        wait_for_app(page)

        step = tab_to(page, "Go to My Orders")
        assert step["type"] == "checkbox", step
        press(page, "Space")
        assert page.get_by_role("checkbox", name="Go to My Orders").first.is_checked()

        copy = tab_to(page, "Copy message")
        back = press(page, "Shift+Tab")
        assert not back["name"].startswith("Copy message"), back
        assert tab_to(page, "Copy message") == copy
        press(page, "Enter")
        page.locator(".st-key-message_0").get_by_role("status").filter(has_text="Copied").wait_for(timeout=TIMEOUT)
        body = page.locator(".st-key-message_0").get_by_test_id("stCode").locator("code").inner_text()
        assert page.evaluate("navigator.clipboard.readText()") == body

        tab_to(page, "Back")
        press(page, "Enter")
        answered(page, "Have you asked to cancel it?")
    finally:
        context.close()
