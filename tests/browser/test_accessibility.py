"""axe-core on every screen, in chromium: each question kind, the plan of each action, the orders page
empty and with orders, each in the light and the dark theme at phone (390x844) and desktop (1280x900) size.

Zero serious or critical violations, apart from the ones Streamlit itself puts on the page and the app
cannot fix: those are allowed by rule id in STREAMLIT_OWN, each with its upstream issue, and a rule that
is not listed fails. axe comes from the axe-playwright-python package (its bundled axe.min.js, nothing
fetched). Each screen is loaded once; the four looks are the same page resized and re-emulated.

Also here, on the same pages: the document's language, the timeline chart's accessible name and list
twin, the copy button (it puts the exact message in the clipboard and says so), and tap sizes.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

import pytest

from core.wizard.questions import questions
from core.wizard.route import ON_REQUEST
from tests.browser.test_orders_browser import CARDS, add_order
from tests.support.browser import APP_READY, TIMEOUT, tall_enough, tap_target_heights, wait_for_app
from tests.support.wizard import ROUTES, on_day

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
LOOKS = [(size, scheme) for size in (PHONE, DESKTOP) for scheme in ("light", "dark")]
BAD = ("serious", "critical")
TAP_PX = 44

STREAMLIT_OWN: dict[str, str] = {}
"""axe rule id -> the upstream Streamlit issue, for serious or critical violations in Streamlit's own markup that
the app cannot fix. Empty with Streamlit 1.67 on these screens: the two found (captions' grey, white on the dark
theme's red) were fixed in ui/phone.py and .streamlit/config.toml. A new one fails the test until it is fixed or
listed here with its issue."""


def route_steps(name: str) -> list[tuple[str, str]]:
    """A route's answers moved to the server's today, so the plan is the one the route describes."""
    return on_day(ROUTES[name][0], dt.date.today())


def first_route_asking(kind: str) -> tuple[str, str]:
    """(question key, URL) of the first question of this kind on any route: the answers before it in the URL."""
    for name in ROUTES:
        steps = route_steps(name)
        for number, (key, _value) in enumerate(steps):
            if key not in ON_REQUEST and questions()[key].kind == kind:
                return key, "/?" + urlencode(steps[:number])
    raise AssertionError(f"no route asks a {kind} question")


def question_screens() -> dict[str, tuple[str, str]]:
    kinds = sorted({question.kind for question in questions().values()})
    return {kind: first_route_asking(kind) for kind in kinds}


def plan_screens() -> dict[str, str]:
    """The URL of one plan per action (routes that need a tap on the plan are left out)."""
    found: dict[str, str] = {}
    for name, (steps, action, *_rest) in ROUTES.items():
        if action not in found and not any(key in ON_REQUEST for key, _value in steps):
            found[action] = "/?" + urlencode(route_steps(name))
    return found


QUESTIONS = question_screens()
PLANS = plan_screens()


def look(page, size: dict[str, int], scheme: str) -> None:
    """Resize and switch the theme (Streamlit follows the browser's colour scheme), then let it repaint."""
    page.set_viewport_size(size)
    page.emulate_media(color_scheme=scheme)
    page.wait_for_function(
        "dark => { const bg = getComputedStyle(document.querySelector('[data-testid=\"stApp\"]')).backgroundColor;"
        " const [r, g, b] = bg.match(/\\d+/g).map(Number); return (r + g + b < 200) === dark; }",
        arg=scheme == "dark",
        timeout=TIMEOUT,
    )
    page.wait_for_timeout(300)


def violations(page) -> list[str]:
    """Serious and critical violations axe finds on the page, one line each, Streamlit's known ones left out.

    axe.min.js (from axe-playwright-python) goes into the page once; each look only runs it again.
    """
    from axe_playwright_python.sync_playwright import Axe

    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(Axe().axe_script)
    result = page.evaluate("options => axe.run(document, options)", {"resultTypes": ["violations"]})
    return [
        f"{rule['id']} ({rule['impact']}): {[node['target'] for node in rule['nodes']][:3]} "
        + rule["nodes"][0]["failureSummary"][:300]
        for rule in result["violations"]
        if rule["impact"] in BAD and rule["id"] not in STREAMLIT_OWN
    ]


def every_look(page) -> dict[str, list[str]]:
    found = {}
    for size, scheme in LOOKS:
        look(page, size, scheme)
        found[f"{size['width']}px {scheme}"] = violations(page)
    return {name: lines for name, lines in found.items() if lines}


def open_screen(page, url: str) -> None:
    """Open a screen at phone size, and wait for the app's stylesheet (ui/phone.py): it can follow the content."""
    page.set_viewport_size(PHONE)
    page.goto(url)
    wait_for_app(page)
    page.wait_for_function(
        "Array.from(document.querySelectorAll('style')).some(s => s.textContent.includes('stCaptionContainer'))",
        timeout=TIMEOUT,
    )


@pytest.mark.parametrize("kind", sorted(QUESTIONS))
def test_every_question_kind_passes_axe(page, kind):
    key, url = QUESTIONS[kind]
    open_screen(page, url)
    page.get_by_role("heading", name=questions()[key].title).wait_for(timeout=TIMEOUT)
    assert every_look(page) == {}


@pytest.mark.parametrize("action", sorted(PLANS))
def test_every_plan_passes_axe(page, action):
    open_screen(page, PLANS[action])
    page.get_by_text("Your plan").first.wait_for(timeout=TIMEOUT)
    page.get_by_role("heading", name="Take it with you").wait_for(timeout=TIMEOUT)
    assert every_look(page) == {}


def test_empty_orders_page_passes_axe(page):
    open_screen(page, "/orders")
    page.get_by_text("No orders yet").first.wait_for(timeout=TIMEOUT)
    assert every_look(page) == {}


def test_orders_page_with_orders_passes_axe(page):
    """The orders page with two orders added through its form, one of them opened on its card."""
    open_screen(page, "/orders")
    page.get_by_text("No orders yet").first.wait_for(timeout=TIMEOUT)
    for label in ("Blue lamp", "Wool socks"):
        wait_for_app(page)
        add_order(page, label)
    page.locator(CARDS).nth(1).wait_for(timeout=TIMEOUT)
    page.get_by_role("button", name="Open the plan").first.click()
    page.get_by_role("button", name="Close the plan").first.wait_for(timeout=TIMEOUT)
    page.wait_for_selector(APP_READY, state="attached", timeout=TIMEOUT)
    assert every_look(page) == {}


def test_page_language_is_set_to_the_language_shown(page):
    """The page is made to say lang="xx" once it has loaded, so only the app's own script can make it "en"."""
    page.add_init_script(
        "document.addEventListener('DOMContentLoaded', () => {"
        " document.documentElement.lang = 'xx'; window.langWasReset = true; });"
    )
    open_screen(page, "/")
    page.wait_for_function("window.langWasReset && document.documentElement.lang === 'en'", timeout=TIMEOUT)


def test_timeline_chart_has_a_name_and_a_list_twin(page):
    open_screen(page, PLANS["open_dispute"])
    chart = page.locator('.st-key-plan_chart_named [data-testid="stPlotlyChart"][role="figure"]')
    chart.wait_for(timeout=TIMEOUT)
    assert (chart.get_attribute("aria-label") or "").startswith("Timeline chart of your order: ")
    page.get_by_text("The timeline as a list").click()
    listed = page.get_by_test_id("stExpander").filter(has_text="The timeline as a list").inner_text()
    assert "Shipped: " in listed and "You can open a dispute until" in listed, listed
    assert chart.get_attribute("aria-label") == "Timeline chart of your order: 2 periods and 2 dates. " + (
        "The same is in the list below it."
    )


def test_copy_button_copies_the_exact_message_and_says_so(browser, streamlit_server):
    """A plan with a message at phone size: the button is labelled, 44 px tall, clear of the text, and works."""
    context = browser.new_context(base_url=streamlit_server, viewport=PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        open_screen(page, PLANS["request_cancellation"])
        message = page.locator(".st-key-message_0")
        button = message.get_by_role("button", name="Copy message")
        button.wait_for(timeout=TIMEOUT)
        code = message.get_by_test_id("stCode")
        body = code.locator("code").inner_text()
        box, text_box = button.bounding_box(), code.bounding_box()
        assert box is not None and text_box is not None
        assert box["height"] >= TAP_PX, box
        assert box["y"] >= text_box["y"] + text_box["height"], "the button sits under the message, not on it"
        assert not code.get_by_role("button").is_visible(), "st.code's own hover icon is hidden"
        page.evaluate("navigator.clipboard.writeText('nothing yet')")
        button.click()
        message.get_by_role("status").filter(has_text="Copied").wait_for(timeout=TIMEOUT)
        assert page.evaluate("navigator.clipboard.readText()") == body
        assert "Hello" in body
        message.scroll_into_view_if_needed()
        page.screenshot(path="/tmp/copy-phone.png")
    finally:
        context.close()


def test_choices_and_buttons_are_tall_enough_on_a_phone(page):
    """Measured on a choice question and on a plan: every option and button at least 44 px at 390 px."""
    for url in (QUESTIONS["choice"][1], PLANS["open_dispute"]):
        open_screen(page, url)
        page.get_by_role("button", name="Start over").wait_for(timeout=TIMEOUT)
        heights = tap_target_heights(page)
        assert heights["button"], heights
        assert tall_enough(heights, TAP_PX) == [], (url, heights)
