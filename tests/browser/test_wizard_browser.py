"""The wizard in real chromium: routes clicked through to their plans, a reload mid-way, the order number and
"AliExpress won't let me" on the plan, screenshots."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.support.browser import TIMEOUT, click, heading, pick, type_date

pytestmark = pytest.mark.browser


def plan_text(page) -> str:
    page.locator('[data-testid="stPlotlyChart"]').first.wait_for(state="visible", timeout=TIMEOUT)
    return page.locator('[data-testid="stMain"]').inner_text()


def test_not_shipped_route_in_two_taps(open_app):
    page = open_app("/")
    heading(page, "Where is your order at?")
    pick(page, "Not shipped yet")
    heading(page, "Has AliExpress confirmed your payment?")
    pick(page, "Not yet")
    page.get_by_text("Cancel the order now").wait_for(timeout=TIMEOUT)
    text = page.locator('[data-testid="stMain"]').inner_text()
    assert "Full refund" in text
    assert "stage=not_shipped" in page.url and "payment=pending" in page.url
    assert page.locator('[data-testid="stException"]').count() == 0


def test_fake_item_route_survives_a_reload_and_draws_the_timeline(open_app, artifacts_dir):
    page = open_app("/")
    heading(page, "Where is your order at?")
    pick(page, "It arrived")
    heading(page, "What's wrong with it?")
    pick(page, "It's a fake")
    heading(page, "Do you know when the seller shipped it?")

    page.reload()
    heading(page, "Do you know when the seller shipped it?")
    page.get_by_text("Your answers (2)").click()
    page.get_by_text("It's a fake").first.wait_for(timeout=TIMEOUT)

    shipped = dt.date.today() - dt.timedelta(days=20)
    pick(page, "Yes")
    type_date(page, shipped)
    click(page, "Next")
    heading(page, "Have you confirmed receipt on AliExpress?")
    pick(page, "Not yet")
    heading(page, "Does the order page show a “Buyer protection” countdown?")
    pick(page, "I can't see it")
    heading(page, "Is the whole order affected?")
    pick(page, "Yes: it's one item, or all of them")
    page.get_by_text("Open a dispute for a full refund").wait_for(timeout=TIMEOUT)
    text = plan_text(page)
    deadline = shipped + dt.timedelta(days=60)
    assert "days left" in text
    assert deadline.strftime("%-d %b %Y") in text
    assert page.locator('[data-testid="stPlotlyChart"] .main-svg').count() > 0
    assert page.locator('[data-testid="stCode"]').count() >= 2, "seller message and dispute description"

    for name, size in {"phone": (390, 844), "desktop": (1280, 900)}.items():
        page.set_viewport_size({"width": size[0], "height": size[1]})
        page.wait_for_timeout(500)
        page.screenshot(path=str(artifacts_dir / f"plan-{name}.png"), full_page=True)
        chart = page.locator('[data-testid="stPlotlyChart"]').first
        chart.scroll_into_view_if_needed()
        chart.screenshot(path=str(artifacts_dir / f"timeline-{name}.png"))
        assert (artifacts_dir / f"plan-{name}.png").stat().st_size > 10_000
        assert chart.bounding_box()["width"] <= size[0]


def test_unfair_dispute_route_to_an_appeal(open_app):
    page = open_app("/")
    heading(page, "Where is your order at?")
    pick(page, "My dispute is closed")
    heading(page, "Are you happy with how it ended?")
    pick(page, "No, it was unfair")
    heading(page, "When did the dispute close?")
    closed = dt.date.today() - dt.timedelta(days=2)
    type_date(page, closed)
    click(page, "Next")
    page.get_by_text("Appeal the outcome by").wait_for(timeout=TIMEOUT)
    text = plan_text(page)
    assert "5 days left" in text
    assert "Appeal to AliExpress" in text


def test_a_garbled_link_shows_a_note_not_an_error(open_app):
    page = open_app("/?stage=received&problem=%3Cscript%3Ealert(1)%3C/script%3E")
    heading(page, "What's wrong with it?")
    assert page.get_by_text("couldn't use the link's answer").count() == 1
    assert page.locator('[data-testid="stException"]').count() == 0


def messages_shown(page) -> list[str]:
    """The ready-to-send messages on the plan (the share link is the st.code in a closed expander, or starts with http)."""
    codes = [code.strip() for code in page.locator('[data-testid="stCode"]').all_inner_texts()]
    return [code for code in codes if code and not code.startswith("http")]


def test_order_number_typed_above_the_messages_fills_them(open_app):
    shipped = dt.date.today() - dt.timedelta(days=20)
    page = open_app(f"/?stage=received&problem=fake&shipped={shipped.isoformat()}&receipt=no&protection=no&items=all")
    page.get_by_text("Ready-to-send messages").wait_for(timeout=TIMEOUT)
    box = page.get_by_role("textbox", name="Order number (optional)")
    box.fill("8123 4567 8901 2345")
    box.press("Enter")
    page.wait_for_url("**number=8123456789012345**", timeout=TIMEOUT)
    page.locator('[data-testid="stCode"]').filter(has_text="8123456789012345").first.wait_for(timeout=TIMEOUT)
    shown = messages_shown(page)
    assert shown and all("8123456789012345" in message for message in shown)

    box.fill("8123-oops")
    box.press("Enter")
    page.get_by_text("An order number is 8 to 20 digits").wait_for(timeout=TIMEOUT)
    assert box.input_value() == "8123-oops"
    assert page.locator('[data-testid="stException"]').count() == 0


def test_wont_let_me_open_a_dispute_changes_the_plan(open_app):
    today = dt.date.today()
    shipped, eta, contacted = (today - dt.timedelta(days=n) for n in (56, 16, 6))
    page = open_app(
        f"/?stage=on_the_way&shipped={shipped.isoformat()}&protection=no&tracking=no_updates&eta={eta.isoformat()}"
        f"&contacted={contacted.isoformat()}"
    )
    button = page.get_by_role("button", name="AliExpress won't let me open a dispute")
    button.wait_for(timeout=TIMEOUT)
    button.click()
    page.wait_for_url("**blocked=yes**", timeout=TIMEOUT)
    button.wait_for(state="detached", timeout=TIMEOUT)
    page.get_by_text("Your answers (7)").click()
    page.get_by_text("No, AliExpress won't let me").first.wait_for(timeout=TIMEOUT)
    assert page.locator('[data-testid="stException"]').count() == 0
