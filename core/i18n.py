"""The one translation function every user-facing text goes through, plus dates and money.

English is the source language: its texts are the message ids, so English needs no
catalog. Another language is a compiled gettext catalog in locale/<lang>/LC_MESSAGES/
messages.mo, picked per session with `use_language`, never a change to the code. The
languages offered are LANGUAGES, in one place.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import gettext
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.numbers import NumberPattern

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DEFAULT_LANGUAGE = "en"
LANGUAGES = {"en": "English", "es": "Español", "pt_BR": "Português (Brasil)", "fr": "Français"}
"""The languages offered, each named in itself: adding one is a line here and its catalog."""

_language: contextvars.ContextVar[str] = contextvars.ContextVar("language")
_source: Callable[[], str] = lambda: DEFAULT_LANGUAGE  # noqa: E731


@lru_cache(maxsize=16)
def _catalog(language: str) -> gettext.NullTranslations:
    return gettext.translation("messages", LOCALE_DIR, languages=[language], fallback=True)


def forget_catalogs() -> None:
    """Read the catalogs again (after `make messages`, or a test's own LOCALE_DIR)."""
    _catalog.cache_clear()


def use_language(language: str) -> None:
    """Switch the texts of the current session (thread or task) to `language`."""
    _language.set(language)


@contextmanager
def in_language(language: str) -> Iterator[None]:
    """Texts made inside the block are in `language`; the session's own language comes back after."""
    token = _language.set(language)
    try:
        yield
    finally:
        _language.reset(token)


def set_language_source(source: Callable[[], str]) -> Callable[[], str]:
    """Where a thread that has not called `use_language` finds its language; returns the one it replaces.

    The app's callbacks run on a fresh thread before the page's first line: the UI points this at the
    session's choice, so a message made in a callback is in the visitor's language too.
    """
    global _source
    before, _source = _source, source
    return before


def current_language() -> str:
    language = _language.get(None)
    return language if language is not None else _source()


def language_from_locale(tag: str | None) -> str:
    """The offered language closest to a browser's locale ("es-MX" is es, "pt-PT" pt_BR), else English."""
    if not tag:
        return DEFAULT_LANGUAGE
    parts = tag.replace("_", "-").split("-")
    base = parts[0].lower()
    exact = base + ("_" + parts[1].upper() if len(parts) > 1 else "")
    if exact in LANGUAGES:
        return exact
    return next((code for code in LANGUAGES if code.split("_")[0] == base), DEFAULT_LANGUAGE)


def country_name(code: str) -> str:
    """A country's name in the reader's language, as babel knows it ("ES" is "España" in Spanish)."""
    return _territories(current_language()).get(code, code)


@lru_cache(maxsize=16)
def _territories(language: str) -> dict[str, str]:
    return dict(Locale.parse(language).territories)


def _(message: str) -> str:
    """Translate `message` into the current session's language."""
    return _catalog(current_language()).gettext(message)


def N_(message: str) -> str:
    """Mark a text for translation where it is defined; `_` translates it where it is shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a text that changes with a count ("1 day" / "3 days")."""
    return _catalog(current_language()).ngettext(singular, plural, n)


@lru_cache(maxsize=4096)
def _day(day: dt.date, language: str) -> str:
    return format_date(day, "EEE d MMM y", locale=language)


def show_date(day: dt.date) -> str:
    """A date as a reader says it: "Tue 8 Dec 2026"."""
    return _day(day, current_language())


@lru_cache(maxsize=64)
def _currency_format(language: str) -> tuple[Locale, NumberPattern]:
    """Babel's locale and currency pattern for `language`, looked up once.

    The lookups are most of `format_currency`'s cost; applying the pattern is what remains,
    and 10,000 plans stay well under a second.
    """
    locale = Locale.parse(language)
    return locale, locale.currency_formats["standard"]


def show_money(amount: Decimal | float, currency: str) -> str:
    """An amount with its currency as babel writes it for the reader: "$12.50", "1.234,50 €"."""
    return _money(Decimal(str(amount)), currency, current_language())


@lru_cache(maxsize=8192)
def _money(amount: Decimal, currency: str, language: str) -> str:
    """A plan shows the same few amounts on every rerun: each is formatted once (about 20 µs with babel)."""
    locale, pattern = _currency_format(language)
    return pattern.apply(amount, locale, currency=currency)


def days_phrase(days_left: int) -> str:
    """How far a date is from today, in words: "today", "in 3 days", "2 days ago"."""
    if days_left == 0:
        return _("today")
    if days_left == 1:
        return _("tomorrow")
    if days_left > 0:
        return ngettext("{n} day left", "{n} days left", days_left).format(n=days_left)
    return ngettext("{n} day ago", "{n} days ago", -days_left).format(n=-days_left)
