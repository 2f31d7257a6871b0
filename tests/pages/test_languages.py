"""Picking and switching the language under AppTest, with stand-in catalogs ("ES:" + the English text).

The link's ?lang= wins over the browser's locale, an unknown one is ignored, a switch is one rerun that keeps
every answer, callbacks speak the session's language, no text made in the old language stays on screen, and
the messages to the seller and AliExpress come in English first.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from core.i18n import DEFAULT_LANGUAGE, LANGUAGES, use_language
from tests.support import orders as orders_page
from tests.support import wizard
from tests.support.catalogs import catalogs_in, write_catalogs

ROUTE = wizard.ROUTES["late, no updates, seller silent"][0]
BANK_ROUTE = wizard.ROUTES["dispute closed, refund overdue"][0]


@pytest.fixture(autouse=True)
def stand_ins(tmp_path: Path) -> Iterator[None]:
    with catalogs_in(write_catalogs(tmp_path, [code for code in LANGUAGES if code != DEFAULT_LANGUAGE])):
        try:
            yield
        finally:
            use_language(DEFAULT_LANGUAGE)


def follow(at: AppTest) -> AppTest:
    """AppTest formats a picker's value again on the test's own thread: that thread must speak the page's language."""
    use_language(at.session_state.get("language", DEFAULT_LANGUAGE))
    return at


def opened(params: dict[str, str] | None = None, locale: str | None = None) -> AppTest:
    at = AppTest.from_file(wizard.APP, default_timeout=30)
    at.session_state["today"] = wizard.TODAY
    if locale is not None:
        at.context["locale"] = locale
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def heading(at: AppTest) -> str:
    return str(at.markdown[0].value)


def switch(at: AppTest, language: str) -> AppTest:
    at.selectbox(key="language_picker").set_value(language).run()
    assert not at.exception, at.exception
    return follow(at)


def lang_param(at: AppTest) -> str | None:
    value = at.query_params.get("lang")
    return value[0] if isinstance(value, list) else value


@pytest.mark.parametrize(("locale", "language"), [("es-ES", "es"), ("pt-BR", "pt_BR"), ("fr-CA", "fr")])
def test_a_first_visit_speaks_the_browsers_language_and_keeps_it_in_the_link(locale: str, language: str) -> None:
    at = opened(locale=locale)
    assert heading(at).endswith(language.upper() + ":AliExpress Dispute Wizard")
    assert lang_param(at) == language
    assert at.selectbox(key="language_picker").value == language


def test_an_english_browser_gets_english_and_a_clean_link() -> None:
    at = opened(locale="en-US")
    assert heading(at).endswith(" AliExpress Dispute Wizard") and "EN:" not in heading(at)
    assert "lang" not in at.query_params


def test_the_links_language_wins_over_the_browsers() -> None:
    at = opened({"lang": "fr"}, locale="es-ES")
    assert "FR:AliExpress" in heading(at) and lang_param(at) == "fr"


@pytest.mark.parametrize("value", ["xx", "ES", "es-ES", "<script>", "e" * 5000, ""])
def test_an_unknown_language_in_the_link_is_ignored(value: str) -> None:
    at = opened({"lang": value}, locale="pt-BR")
    assert "PT_BR:AliExpress" in heading(at) and lang_param(at) == "pt_BR"


def test_a_switch_is_one_rerun_and_keeps_every_answer_and_typed_text() -> None:
    at = wizard.walk(ROUTE, opened(locale="es-ES"))
    at.text_input(key="detail_number").input("8123456789012345").run()
    answers = dict(at.session_state["answers"])
    switch(at, "fr")
    assert "FR:AliExpress" in heading(at)
    assert not [text for text in wizard.shown_text(at).splitlines() if "ES:" in text]
    assert at.session_state["answers"] == answers and at.session_state["step"] == "plan"
    assert at.text_input(key="detail_number").value == "8123456789012345"
    assert lang_param(at) == "fr" and all(at.query_params.get(key) for key, _value in ROUTE)
    switch(at, "en")
    assert lang_param(at) == "en", "English, once chosen, stays in the link"
    assert "FR:" not in wizard.shown_text(at)


def test_answering_keeps_the_language_in_the_link() -> None:
    at = opened(locale="es-ES")
    at = wizard.answer(at, "stage", "not_shipped")
    assert lang_param(at) == "es" and at.query_params.get("stage")


def test_the_share_link_opens_in_the_senders_language() -> None:
    at = wizard.walk(ROUTE, opened(locale="pt-BR"))
    shared = at.code[-1].value
    assert shared.endswith("lang=pt_BR") or "lang=pt_BR&" in shared


def test_a_callback_speaks_the_sessions_language_and_a_switch_leaves_no_old_error() -> None:
    at = opened({"lang": "es"})
    for key, value in wizard.ROUTES["received, slightly off"][0][:5]:
        at = wizard.answer(at, key, value)
    assert wizard.current_question(at) == "total"
    at.button(key="q_total_next").click().run()  # no amount: the callback leaves an error for the page
    assert [error.value for error in at.error] == ["ES:Please enter an amount (0 if it was free)."]
    switch(at, "fr")
    assert not at.error, "an error made in Spanish must not stay on a French page"


def test_the_links_notes_follow_a_switch() -> None:
    at = opened({"lang": "es", "days": "0"})
    assert [info.value for info in at.info] == ["ES:The link's protection days weren't usable, so we used 60."]
    switch(at, "fr")
    assert [info.value for info in at.info] == ["FR:The link's protection days weren't usable, so we used 60."]


def test_messages_to_the_seller_and_aliexpress_are_in_english_first() -> None:
    at = wizard.walk(ROUTE, opened(locale="es-ES"))
    toggles = [toggle for toggle in at.toggle if toggle.key.startswith("plan_message_")]
    assert len(toggles) == 2 and all(
        toggle.label == "ES:Show in {language}".format(language="Español") for toggle in toggles
    )
    messages = [code.value for code in at.code[:2]]
    assert all("ES:" not in body for body in messages) and all(body.startswith(("This", "Hello")) for body in messages)
    assert "ES:[order number]" not in wizard.shown_text(at)
    toggles[0].set_value(True).run()
    assert at.code[0].value.startswith("ES:") and "ES:" not in at.code[1].value
    assert any("ES:" in caption.value and "ES:Fill in before sending" in caption.value for caption in at.caption)


def test_a_message_to_the_bank_is_in_the_buyers_language() -> None:
    at = wizard.walk(BANK_ROUTE, opened(locale="fr-FR"))
    assert not [toggle for toggle in at.toggle if toggle.key.startswith("plan_message_")]
    assert at.code[0].value.startswith("FR:")


def test_in_english_nothing_changes_for_the_messages() -> None:
    at = wizard.walk(ROUTE, opened(locale="en-GB"))
    assert not [toggle for toggle in at.toggle if toggle.key.startswith("plan_message_")]
    assert not [caption for caption in at.caption if "read English" in caption.value]


def test_countries_are_named_in_the_readers_language() -> None:
    at = wizard.walk(ROUTE, opened(locale="es-ES"))
    options = at.selectbox(key="detail_country").options
    assert "España" in options and "Spain" not in options and "Alemania" in options


def test_the_orders_page_speaks_the_sessions_language_and_its_messages_start_in_english() -> None:
    row = orders_page.order("Lamp", 3)
    at = AppTest.from_file(orders_page.PAGE, default_timeout=60)
    at.session_state["today"] = orders_page.TODAY
    at.session_state["language"] = "es"
    at.session_state["orders"] = [row]
    follow(at.run())
    assert not at.exception, at.exception
    assert at.title[0].value == "ES:My orders"
    at.button(key=f"open_{row.id}").click().run()
    assert not at.exception, at.exception
    toggles = [toggle for toggle in at.toggle if "_message_" in toggle.key]
    assert toggles and all(toggle.label == "ES:Show in Español" for toggle in toggles)
    assert "ES:" not in at.code[0].value
    switch(at, "pt_BR")
    assert at.title[0].value == "PT_BR:My orders" and [r.id for r in at.session_state["orders"]] == [row.id]
