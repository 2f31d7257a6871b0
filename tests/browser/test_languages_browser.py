"""The language as a new visitor meets it in a real browser: the browser's own language on the first visit,
<html lang> set to match, a switch from the picker kept in the address, a shared link opening in the sender's
language, and the orders page remembering the choice in this browser.

The expected words are read from the compiled catalogs at test time (never written out here), so the test
skips until locale/es and locale/fr hold their .mo files.
"""

from __future__ import annotations

import gettext
import re
from typing import Any

import pytest

from tests.support.browser import APP_READY, TIMEOUT
from tests.support.server import REPO

pytestmark = pytest.mark.browser

LOCALE = REPO / "locale"


def translated(language: str, text: str) -> str:
    if not (LOCALE / language / "LC_MESSAGES" / "messages.mo").exists():
        pytest.skip(f"no compiled catalog for {language} yet")
    return gettext.translation("messages", LOCALE, languages=[language]).gettext(text)


def opened(context: Any, path: str) -> Any:
    page = context.new_page()
    page.goto(path)
    page.wait_for_selector(APP_READY, state="attached", timeout=TIMEOUT)
    return page


def in_language(page: Any, lang: str, heading: str) -> None:
    """The page's language attribute and a heading both say `lang` (the attribute is set by a component)."""
    page.wait_for_function("lang => document.documentElement.lang === lang", arg=lang, timeout=TIMEOUT)
    page.get_by_role("heading", name=heading).first.wait_for(state="visible", timeout=TIMEOUT)


def picker(page: Any, language: str) -> Any:
    """The language picker, found by the name a screen reader reads out, in the page's language."""
    return page.get_by_role("combobox", name=translated(language, "Language"), exact=True)


def test_a_spanish_browser_gets_spanish_switches_to_french_and_shares_it(browser: Any, streamlit_server: str) -> None:
    title = "AliExpress Dispute Wizard"
    spanish, french = translated("es", title), translated("fr", title)
    context = browser.new_context(base_url=streamlit_server, locale="es-ES")
    try:
        page = opened(context, "/")
        in_language(page, "es", spanish)
        assert picker(page, "es").input_value() == "Español"
        picker(page, "es").click()
        page.get_by_role("option", name="Français").click()
        page.wait_for_url(re.compile(r"[?&]lang=fr(&|$)"), timeout=TIMEOUT)
        in_language(page, "fr", french)
        shared = opened(context, page.url)
        in_language(shared, "fr", french)
        assert picker(shared, "fr").input_value() == "Français"
        assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        context.close()


def test_the_orders_page_remembers_the_choice_in_this_browser(browser: Any, streamlit_server: str) -> None:
    mine = translated("fr", "My orders")
    context = browser.new_context(base_url=streamlit_server, locale="es-ES")
    try:
        chosen = opened(context, "/orders?lang=fr")
        in_language(chosen, "fr", mine)
        chosen.wait_for_function(
            "() => localStorage.getItem('aliexpress-dispute-wizard/language/v1') === 'fr'", timeout=TIMEOUT
        )
        later = opened(context, "/orders")  # a bookmark: no ?lang=, and a Spanish browser
        in_language(later, "fr", mine)
        later.wait_for_url(re.compile(r"[?&]lang=fr(&|$)"), timeout=TIMEOUT)
    finally:
        context.close()
