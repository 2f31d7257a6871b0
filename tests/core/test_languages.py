"""core.i18n's languages: which one a browser gets, switching for a block, and what follows the reader's language
besides the catalog (dates, money, counts, country names, pydantic's complaints)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from core.dates import known_countries
from core.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    country_name,
    current_language,
    days_phrase,
    in_language,
    language_from_locale,
    set_language_source,
    show_date,
    show_money,
    use_language,
)
from core.reading import CaseError, read_case
from tests.support.catalogs import catalogs_in, write_catalogs


@pytest.fixture
def stand_ins(tmp_path: Path) -> Iterator[None]:
    """Stand-in catalogs ("ES:" + the English text) for every offered language."""
    with catalogs_in(write_catalogs(tmp_path, [code for code in LANGUAGES if code != DEFAULT_LANGUAGE])):
        yield


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        ("es-ES", "es"),
        ("es-MX", "es"),
        ("es", "es"),
        ("pt-BR", "pt_BR"),
        ("pt-PT", "pt_BR"),
        ("pt", "pt_BR"),
        ("fr-CA", "fr"),
        ("fr_FR", "fr"),
        ("en-GB", "en"),
        ("de-DE", "en"),
        ("", "en"),
        (None, "en"),
        ("x-klingon-nonsense-" * 50, "en"),
    ],
)
def test_a_browsers_locale_picks_the_closest_offered_language(tag: str | None, language: str) -> None:
    assert language_from_locale(tag) == language


def test_every_language_is_named_in_itself() -> None:
    assert LANGUAGES == {"en": "English", "es": "Español", "pt_BR": "Português (Brasil)", "fr": "Français"}


def test_a_block_in_another_language_gives_the_sessions_language_back() -> None:
    use_language("fr")
    try:
        with in_language("en"):
            assert current_language() == "en"
        assert current_language() == "fr"
    finally:
        use_language(DEFAULT_LANGUAGE)


def test_a_thread_that_never_chose_reads_the_language_source() -> None:
    import threading

    seen: list[str] = []
    before = set_language_source(lambda: "pt_BR")
    try:
        worker = threading.Thread(target=lambda: seen.append(current_language()))
        worker.start()
        worker.join()
    finally:
        set_language_source(before)
    assert seen == ["pt_BR"]


@pytest.mark.parametrize(
    ("language", "day", "money", "grouped"),
    [
        ("es", "lun 7 dic 2026", "12,50\xa0€", "1.234,50\xa0R$"),
        ("pt_BR", "seg. 7 dez. 2026", "€\xa012,50", "R$\xa01.234,50"),
        ("fr", "lun. 7 déc. 2026", "12,50\xa0€", "1\u202f234,50\xa0R$"),
        ("en", "Mon 7 Dec 2026", "€12.50", "R$1,234.50"),
    ],
)
def test_dates_and_money_in_the_readers_style(language: str, day: str, money: str, grouped: str) -> None:
    with in_language(language):
        assert show_date(dt.date(2026, 12, 7)) == day
        assert show_money(Decimal("12.5"), "EUR") == money
        if language != "es":  # babel's Spanish writes the code: "1.234,50 BRL"
            assert show_money(Decimal("1234.5"), "BRL") == grouped


@pytest.mark.usefixtures("stand_ins")
@pytest.mark.parametrize("language", ["es", "pt_BR", "fr"])
def test_counts_come_from_the_catalog_with_the_number_kept(language: str) -> None:
    with in_language(language):
        mark = language.upper() + ":"
        assert days_phrase(3) == mark + "3 days left"
        assert days_phrase(-1) == mark + "1 day ago"
        assert days_phrase(0) == mark + "today"


@pytest.mark.parametrize(("language", "spain", "brazil"), [("es", "España", "Brasil"), ("fr", "Espagne", "Brésil")])
def test_country_names_follow_the_reader(language: str, spain: str, brazil: str) -> None:
    with in_language(language):
        assert (country_name("ES"), country_name("BR")) == (spain, brazil)
        countries = known_countries()
        assert countries["ES"] == spain
        names = list(countries.values())
        assert names.index(brazil) < names.index(spain)  # alphabetical in the reader's language
    assert known_countries()["ES"] == "Spain"


@pytest.mark.usefixtures("stand_ins")
def test_pydantics_complaints_are_in_the_readers_words() -> None:
    bad = {
        "order": {"placed_on": "yesterday", "protection_days": 999, "total_paid": -1, "currency": "EURO"},
        "problem": "zzz",
    }
    with in_language("es"), pytest.raises(CaseError) as raised:
        read_case(bad)
    messages = [problem.message for problem in raised.value.problems]
    assert len(messages) == 5
    assert all(message.startswith("ES:") for message in messages), messages
    assert not any("Input should" in message or " or " in message for message in messages), messages
