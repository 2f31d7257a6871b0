"""core.wizard.questions: the catalogue, worded once per language and shared read-only."""

from __future__ import annotations

import contextvars
from collections.abc import Mapping

import pytest

from core.i18n import use_language
from core.wizard.questions import CURRENCIES, DEFAULT_CURRENCY, Question, questions


def worded_in_another_language() -> Mapping[str, Question]:
    use_language("xx")
    return questions()


def test_questions_are_worded_once_per_language_and_cannot_be_changed() -> None:
    assert questions() is questions()
    with pytest.raises(TypeError):
        questions()["stage"] = questions()["payment"]  # type: ignore[index]
    context = contextvars.copy_context()
    other = context.run(worded_in_another_language)
    assert other is not questions()
    assert set(other) == set(questions())


def test_every_question_that_offers_no_answer_names_it() -> None:
    for question in questions().values():
        assert bool(question.no_label) == (question.kind in ("date_or_no", "offer")), question.key
        assert bool(question.choices) == (question.kind == "choice"), question.key


def test_the_default_currency_is_one_offered() -> None:
    assert DEFAULT_CURRENCY in CURRENCIES and len(set(CURRENCIES)) == len(CURRENCIES)
