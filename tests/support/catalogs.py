"""Stand-in catalogs made from locale/messages.pot, for tests and benchmarks while the real ones are written.

Each translation is the English text with a mark in front ("ES:" + msgid), placeholders kept, so a test
can tell a translated text from an English one left over, and a benchmark pays the same lookups a real
catalog costs. Never committed into locale/: they are written to a temporary folder that core.i18n is
pointed at.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

import core.i18n
from core.dates import _countries
from core.wizard import questions

REPO = Path(__file__).resolve().parents[2]
POT = REPO / "locale" / "messages.pot"


def marked(language: str, text: str) -> str:
    """The stand-in translation of a text: "ES:" + the text for "es", "PT_BR:" for pt_BR."""
    return language.upper() + ":" + text


def write_catalogs(folder: Path, languages: list[str], translate: Callable[[str, str], str] = marked) -> Path:
    """Compile a stand-in messages.mo per language into folder/<lang>/LC_MESSAGES/; returns `folder`."""
    for language in languages:

        def change(text: str, language: str = language) -> str:
            return translate(language, text)

        with POT.open("rb") as source:
            catalog = read_po(source, locale=language)
        for message in catalog:
            if not message.id:
                continue
            forms = (message.id,) if isinstance(message.id, str) else tuple(message.id)
            strings = tuple(change(forms[min(i, len(forms) - 1)]) for i in range(catalog.num_plurals))
            message.string = strings if len(forms) > 1 else strings[0]
        target = folder / language / "LC_MESSAGES"
        target.mkdir(parents=True, exist_ok=True)
        with (target / "messages.mo").open("wb") as out:
            write_mo(out, catalog)
    return folder


def forget_translations() -> None:
    """Drop every cache that holds texts made from a catalog, so the next texts come from the new one."""
    core.i18n.forget_catalogs()
    questions._worded.cache_clear()
    _countries.cache_clear()


@contextlib.contextmanager
def catalogs_in(folder: Path) -> Iterator[None]:
    """core.i18n reads its catalogs from `folder` inside the block."""
    before = core.i18n.LOCALE_DIR
    core.i18n.LOCALE_DIR = folder
    forget_translations()
    try:
        yield
    finally:
        core.i18n.LOCALE_DIR = before
        forget_translations()
