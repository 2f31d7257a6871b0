"""The wizard in real chromium: three routes clicked through to their plans, a reload mid-way, screenshots."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.browser.wizard_clicks import TIMEOUT, click, heading, pick, type_date

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
    heading(page, "When did the seller ship it?")

    page.reload()
    heading(page, "When did the seller ship it?")
    page.get_by_text("Your answers (2)").click()
    page.get_by_text("It's a fake").first.wait_for(timeout=TIMEOUT)

    shipped = dt.date.today() - dt.timedelta(days=20)
    type_date(page, shipped)
    click(page, "Next")
    heading(page, "Have you confirmed receipt on AliExpress?")
    click(page, "Not yet")
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
