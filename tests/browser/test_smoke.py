"""Smoke test: the app starts under `streamlit run` and renders in a real browser."""

import pytest

pytestmark = pytest.mark.browser


def test_app_loads_and_shows_a_heading(open_app):
    page = open_app("/")
    assert page.title().strip() != ""
    heading = page.get_by_role("heading", name="AliExpress Dispute Wizard").first
    heading.wait_for(state="visible", timeout=30_000)
    assert heading.inner_text().strip() != ""
    assert page.locator('[data-testid="stException"]').count() == 0
