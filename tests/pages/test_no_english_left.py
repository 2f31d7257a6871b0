"""Every wizard route and the orders page, in each language, show no English sentence the catalog translates.

A text on screen fails when it holds an English text of the .pot (a stretch of 3 words or more between its
placeholders) that the language's catalog translates into something else: a text left untranslated, or built
outside `_()`. Proper names and texts whose translation is the same are allowed, and the ready-to-send messages
(st.code) are left out: they are in English on purpose. The per-language walks run as soon as
locale/<lang>/LC_MESSAGES/messages.mo exists; the checker itself is tried now on stand-in catalogs.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from streamlit.testing.v1 import AppTest

from core.i18n import DEFAULT_LANGUAGE, LANGUAGES, use_language
from tests.support import orders as orders_page
from tests.support import wizard
from tests.support.catalogs import POT, REPO, catalogs_in, write_catalogs

TRANSLATED = [code for code in LANGUAGES if code != DEFAULT_LANGUAGE]
PLACEHOLDER = re.compile(r"\{[^{}]*\}|\*\*")
WORDS = 3


def needles(translations: gettext.NullTranslations) -> list[str]:
    """The English stretches to look for: 3+ words of a text the catalog translates differently."""
    with POT.open("rb") as source:
        template = read_po(source)
    found = set()
    for message in template:
        if not message.id:
            continue
        forms = message.id if isinstance(message.id, tuple) else (message.id,)
        if isinstance(message.id, tuple):
            translated = [translations.ngettext(forms[0], forms[1], n) for n in (1, 2)]
        else:
            translated = [translations.gettext(forms[0])]
        for form in forms:
            for part in PLACEHOLDER.split(form):
                part = part.strip(" :.,;()\n")
                if len(part.split()) >= WORDS and not any(part in text for text in translated):
                    found.add(part)
    return sorted(found, key=len, reverse=True)


def screen_texts(at: AppTest) -> Iterator[str]:
    """Every text the page shows a person, messages to send (st.code) apart."""
    for kind in ("markdown", "caption", "info", "warning", "error", "success", "subheader", "title", "header"):
        for element in getattr(at, kind):
            yield str(element.value)
    for kind in (
        "button",
        "radio",
        "selectbox",
        "checkbox",
        "toggle",
        "text_input",
        "number_input",
        "date_input",
        "expander",
        "metric",
        "download_button",
        "form_submit_button",
        "multiselect",
    ):
        for element in getattr(at, kind):
            for name in ("label", "help", "placeholder"):
                yield str(getattr(element, name, None) or "")
            yield from (str(option) for option in getattr(element, "options", None) or [])
    for frame in at.dataframe:
        yield from (str(column) for column in frame.value.columns)
    for table in at.table:
        yield from (str(column) for column in table.value.columns)


def english_left(at: AppTest, look_for: list[str]) -> list[str]:
    shown = [re.sub(r"\\(.)", r"\1", text) for text in screen_texts(at)]
    return sorted({needle for needle in look_for for text in shown if needle in text})


def catalog_of(folder: Path, language: str) -> gettext.NullTranslations:
    return gettext.translation("messages", folder, languages=[language])


@lru_cache(maxsize=8)
def real_needles(language: str) -> tuple[str, ...]:
    return tuple(needles(catalog_of(REPO / "locale", language)))


def with_real_catalog(language: str) -> None:
    if not (REPO / "locale" / language / "LC_MESSAGES" / "messages.mo").exists():
        pytest.skip(f"no compiled catalog for {language} yet (locale/{language}/LC_MESSAGES/messages.mo)")


def walked(language: str, steps: list[tuple[str, str]]) -> AppTest:
    use_language(language)  # AppTest formats pickers again on this thread
    return wizard.walk(steps, wizard.start({"lang": language}))


def orders_screens(language: str) -> Iterator[AppTest]:
    """The orders page empty, then with an order and its plan open."""
    use_language(language)
    for rows in ([], [orders_page.order("Lamp", 3)]):
        at = AppTest.from_file(orders_page.PAGE, default_timeout=60)
        at.session_state["today"] = orders_page.TODAY
        at.session_state["language"] = language
        at.session_state["orders"] = rows
        at.run()
        if rows:
            at.button(key=f"open_{rows[0].id}").click().run()
        assert not at.exception, at.exception
        yield at


@pytest.fixture(autouse=True)
def back_to_english() -> Iterator[None]:
    yield
    use_language(DEFAULT_LANGUAGE)


@pytest.mark.parametrize("route", list(wizard.ROUTES))
@pytest.mark.parametrize("language", TRANSLATED)
def test_no_english_left_on_a_wizard_route(language: str, route: str) -> None:
    with_real_catalog(language)
    at = walked(language, wizard.ROUTES[route][0])
    assert english_left(at, list(real_needles(language))) == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_english_left_on_the_orders_page(language: str) -> None:
    with_real_catalog(language)
    for at in orders_screens(language):
        assert english_left(at, list(real_needles(language))) == []


def shouted(language: str, text: str) -> str:
    """A stand-in translation that holds none of the English: its words in capitals, placeholders kept."""
    kept = PLACEHOLDER.findall(text)
    parts = [part.upper() for part in PLACEHOLDER.split(text)]
    return language.upper() + ":" + "".join(part + (kept[i] if i < len(kept) else "") for i, part in enumerate(parts))


def stand_in_needles(tmp_path: Path) -> list[str]:
    """What the checker looks for with a complete stand-in Spanish catalog."""
    return needles(catalog_of(write_catalogs(tmp_path / "complete", ["es"], shouted), "es"))


def test_the_checker_passes_a_fully_translated_route_and_the_orders_page(tmp_path: Path) -> None:
    look_for = stand_in_needles(tmp_path)
    with catalogs_in(tmp_path / "complete"):
        assert english_left(walked("es", wizard.ROUTES["late, no updates, seller silent"][0]), look_for) == []
        assert [english_left(at, look_for) for at in orders_screens("es")] == [[], []]


def test_the_checker_finds_a_text_shown_in_english_that_the_catalog_translates(tmp_path: Path) -> None:
    left = "Why this advice"
    look_for = stand_in_needles(tmp_path)
    shown = write_catalogs(tmp_path / "shown", ["es"], lambda lang, text: text if text == left else shouted(lang, text))
    with catalogs_in(shown):
        at = walked("es", wizard.ROUTES["late, no updates, seller silent"][0])
    assert english_left(at, look_for) == [left]
