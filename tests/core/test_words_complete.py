"""Every line of the rules table is complete: an action, its words, a label for its date, and a case.

A new `Rule` without a line in core.rules.LINES, without all five parts of its words in
core.wording.table.WORDS, without a label for the date it points to, or without a sample case
in `SAMPLE_CASES` (tests/support/cases.py: one hand-made case that reaches it), fails here. The
sample cases are also the fixed situations tests/core/test_plan_text.py checks the words of.

All cases use `make_case` (tests/support/cases.py): TODAY is Thursday 2026-11-26, the order shipped
on day(-38) with 60 days of protection (so it ends on day(22)), 50.00 USD paid.
"""

from __future__ import annotations

import dataclasses

import pytest

from core import advise
from core.models import Rule
from core.rules import LINES
from core.wording.table import DEADLINE_LABELS, WORDS
from tests.support.cases import SAMPLE_CASES

PARTS = ("headline", "steps", "evidence", "warnings", "messages")


@pytest.mark.parametrize("rule", list(Rule), ids=lambda r: r.value)
def test_every_rule_has_a_line(rule):
    assert rule in LINES, f"rule {rule.value!r} has no line in core.rules.LINES"


def test_lines_hold_only_rules():
    extra = set(LINES) - set(Rule)
    assert not extra, f"core.rules.LINES has lines for things that are not rules: {extra}"


@pytest.mark.parametrize("rule", list(Rule), ids=lambda r: r.value)
def test_every_rule_has_all_five_parts_of_its_words(rule):
    assert rule in WORDS, f"rule {rule.value!r} has no words in core.wording.table.WORDS"
    words = WORDS[rule]
    fields = {f.name for f in dataclasses.fields(words)}
    assert set(PARTS) <= fields, f"core.wording.table.Words lacks parts {set(PARTS) - fields}"
    for part in PARTS:
        assert callable(getattr(words, part, None)), f"rule {rule.value!r}: its {part} is not set (not callable)"


def test_words_hold_only_rules():
    extra = set(WORDS) - set(Rule)
    assert not extra, f"core.wording.table.WORDS has words for things that are not rules: {extra}"


@pytest.mark.parametrize("rule", list(Rule), ids=lambda r: r.value)
def test_every_deadline_has_a_label(rule):
    for key in (LINES[rule].deadline, LINES[rule].fallback):
        if key is None:
            continue
        assert key in DEADLINE_LABELS, f"rule {rule.value!r} points to {key!r}, which has no label in DEADLINE_LABELS"
        assert DEADLINE_LABELS[key].strip(), f"the label of {key!r} is empty"


@pytest.mark.parametrize("rule", list(Rule), ids=lambda r: r.value)
def test_every_rule_has_a_sample_case_that_reaches_it(rule):
    assert rule in SAMPLE_CASES, (
        f"rule {rule.value!r} has no sample case: add one to SAMPLE_CASES in tests/support/cases.py that reaches it"
    )
    plan = advise(SAMPLE_CASES[rule])
    assert plan.rule is rule, f"the sample case for {rule.value!r} reached {plan.rule.value!r} instead"
    assert plan.headline.strip(), f"rule {rule.value!r}: empty headline"
    assert plan.action == LINES[rule].action, f"rule {rule.value!r}: action {plan.action!r} is not its line's"
    for part in ("steps", "evidence", "warnings", "messages"):
        assert isinstance(getattr(plan, part), list), f"rule {rule.value!r}: {part} is not a list"


def test_sample_cases_hold_only_rules():
    extra = set(SAMPLE_CASES) - set(Rule)
    assert not extra, f"SAMPLE_CASES has cases for things that are not rules: {extra}"
