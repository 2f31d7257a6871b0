"""core.wizard.questions: the catalogue, worded once per language and shared read-only."""

from __future__ import annotations

import contextvars
from collections.abc import Mapping

import pytest

from core.i18n import use_language
from core.wizard.questions import CURRENCIES, DEFAULT_CURRENCY, NO_KINDS, YES_FIRST_KINDS, Question, questions


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
        assert bool(question.no_label) == (question.kind in NO_KINDS), question.key
        assert bool(question.choices) == (question.kind in ("choice", *YES_FIRST_KINDS)), question.key
        assert bool(question.date_label) == (question.kind in YES_FIRST_KINDS), question.key


def test_yes_first_questions_ask_yes_or_no_and_keep_no_for_their_no() -> None:
    for question in questions().values():
        if question.kind in YES_FIRST_KINDS:
            assert question.title.endswith("?") and "no" not in [c.value for c in question.choices], question.key
    assert [c.value for c in questions()["protection"].choices] == ["days", "date"]


def test_the_default_currency_is_one_offered() -> None:
    assert DEFAULT_CURRENCY in CURRENCIES and len(set(CURRENCIES)) == len(CURRENCIES)
