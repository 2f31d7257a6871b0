"""The catalogs: the .pot holds today's texts, every language translates all of them, keeps each placeholder
and bold mark, has its own plural rule, and ships a compiled .mo that matches its .po.

The per-language tests fail while a catalog is missing: that is the point (a language offered in
core.i18n.LANGUAGES must be complete). The checkers themselves are tried on small made-up catalogs below.
"""

from __future__ import annotations

import gettext
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from core.i18n import DEFAULT_LANGUAGE, LANGUAGES

REPO = Path(__file__).resolve().parents[2]
LOCALE = REPO / "locale"
POT = LOCALE / "messages.pot"
KEYWORDS = ["-k", "_", "-k", "N_", "-k", "said", "-k", "ngettext:1,2"]
"""The same keywords as the Makefile's `messages` target (checked below)."""
TRANSLATED = [code for code in LANGUAGES if code != DEFAULT_LANGUAGE]
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as source:
        return read_po(source, locale=locale)


def ids(catalog: Catalog) -> set[str | tuple[str, ...]]:
    return {message.id for message in catalog if message.id}


def problems(catalog: Catalog, template: Catalog) -> list[str]:
    """Everything wrong with one language's catalog against the template, one line each."""
    found = [f"missing: {m!r}" for m in sorted(map(str, ids(template) - ids(catalog)))]
    for message in catalog:
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            found.append(f"fuzzy: {sources[0]!r}")
        if not all(strings):
            found.append(f"untranslated: {sources[0]!r}")
            continue
        wanted = [sorted(PLACEHOLDER.findall(text)) for text in sources]
        for text in strings:
            if sorted(PLACEHOLDER.findall(text)) not in wanted:
                found.append(f"placeholders changed: {sources[0]!r} -> {text!r}")
            if text.count("**") != sources[0].count("**"):
                found.append(f"bold marks changed: {sources[0]!r} -> {text!r}")
    return found


def plural_problem(catalog: Catalog, language: str) -> str | None:
    """The catalog's Plural-Forms against the language's own rule (babel's CLDR data)."""
    expected = str(get_plural(language))
    return None if catalog.plural_forms == expected else f"Plural-Forms {catalog.plural_forms!r}, not {expected!r}"


def compiled(catalog: Catalog) -> dict[object, str]:
    """What gettext reads from the catalog once compiled."""
    out = io.BytesIO()
    write_mo(out, catalog)
    out.seek(0)
    return dict(gettext.GNUTranslations(out)._catalog)  # type: ignore[attr-defined]


def test_the_makefile_extracts_with_the_same_keywords() -> None:
    assert " ".join(KEYWORDS) in (REPO / "Makefile").read_text()


def test_the_template_holds_todays_texts(tmp_path: Path) -> None:
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from babel.messages.frontend import main; main()",
            "-q",
            "extract",
            "-F",
            "babel.cfg",
            *KEYWORDS,
            "-o",
            str(fresh),
            ".",
        ],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    now, committed = ids(read(fresh)), ids(read(POT))
    assert now == committed, (
        "locale/messages.pot is stale: run `make messages`. "
        f"New: {sorted(map(str, now - committed))[:10]}; gone: {sorted(map(str, committed - now))[:10]}"
    )


@pytest.mark.parametrize("language", TRANSLATED)
def test_each_language_translates_every_text(language: str) -> None:
    po = LOCALE / language / "LC_MESSAGES" / "messages.po"
    assert po.exists(), f"{po.relative_to(REPO)} is missing"
    catalog = read(po, language)
    found = problems(catalog, read(POT))
    plural = plural_problem(catalog, language)
    found += [plural] if plural else []
    assert not found, f"{len(found)} problems in {language}:\n" + "\n".join(found[:40])


@pytest.mark.parametrize("language", TRANSLATED)
def test_each_compiled_catalog_matches_its_source(language: str) -> None:
    po = LOCALE / language / "LC_MESSAGES" / "messages.po"
    mo = po.with_suffix(".mo")
    assert po.exists() and mo.exists(), f"{language}: .po and .mo must both be committed (`make messages`)"
    with mo.open("rb") as shipped:
        assert dict(gettext.GNUTranslations(shipped)._catalog) == compiled(read(po, language))  # type: ignore[attr-defined]


def template_with(*messages: str | tuple[str, str]) -> Catalog:
    catalog = Catalog(locale="es")
    for message in messages:
        catalog.add(message)
    return catalog


def test_the_checker_finds_each_kind_of_problem() -> None:
    template = template_with("{n} days left", "**Money:** {amount}", "Done", "Gone", ("{n} day", "{n} days"))
    catalog = Catalog(locale="es")
    catalog.add("{n} days left", "quedan {días}")
    catalog.add("**Money:** {amount}", "Dinero: {amount}")
    catalog.add("Done", "Hecho", flags=["fuzzy"])
    catalog.add(("{n} day", "{n} days"), ("{n} día", ""))
    found = problems(catalog, template)
    assert [line.split(":")[0] for line in found] == [
        "missing",
        "placeholders changed",
        "bold marks changed",
        "fuzzy",
        "untranslated",
    ]


def test_the_checker_passes_a_good_catalog_and_plural_forms() -> None:
    template = template_with("{n} days left", ("{n} day", "{n} days"))
    catalog = Catalog(locale="fr")
    catalog.add("{n} days left", "encore {n} jours")
    catalog.add(("{n} day", "{n} days"), ("{n} jour", "{n} jours"))
    assert problems(catalog, template) == []
    assert plural_problem(catalog, "fr") is None
    assert plural_problem(catalog, "es") is not None


def test_a_compiled_catalog_differs_when_its_source_changed() -> None:
    before = Catalog(locale="es")
    before.add("Done", "Hecho")
    after = Catalog(locale="es")
    after.add("Done", "Listo")
    assert compiled(before) != compiled(after)
