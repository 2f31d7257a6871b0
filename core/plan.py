"""Turn a rule's decision into the plan a buyer reads.

The rules (core.rules) decide; each rule's own words come from core.wording.table. This module
only puts the parts together, with the deadline that matters now.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from core.counting import counted
from core.facts import FACTS, Fact
from core.i18n import _
from core.models import Case, Deadline, FactNote, Plan, PlanDates
from core.rules import Decision, date_facts, own_deadline, protection_assumed
from core.wording.said import Said
from core.wording.table import DEADLINE_LABELS, LAST_DAYS, WORDS, money_words


def build_plan(case: Case, decision: Decision, dates: PlanDates, today: dt.date) -> Plan:
    """Word the decision for this case."""
    said = Said(case, decision, dates, today)
    words = WORDS[decision.rule]
    sums = counted(case, dates, today)
    headline, steps, evidence = words.headline(said), words.steps(said), words.evidence(said)
    warnings, messages = words.warnings(said), words.messages(said)
    return Plan(
        rule=decision.rule,
        today=today,
        action=decision.action,
        refund=decision.refund,
        refund_amount=decision.refund_amount,
        return_item=decision.return_item,
        currency=case.order.currency,
        money=money_words(said),
        next_deadline=next_deadline(decision, dates, today, sums),
        dates=dates,
        counted=sums,
        # Once receipt is confirmed, the last day counts from that, not from protection: nothing rests on it.
        protection_assumed=protection_assumed(case, dates) and case.order.receipt_confirmed_on is None,
        counted_from_order_day=case.order.shipping_day_unknown,
        headline=headline,
        steps=steps,
        evidence=evidence,
        warnings=warnings,
        messages=messages,
        sources=[_(title) for title in decision.sources],
        facts=fact_notes([*date_facts(case, dates), *said.used.values()]),
    )


def fact_notes(used: Iterable[Fact]) -> list[FactNote]:
    """Each fact once, in the facts table's order, as "Why this advice" lists it."""
    keys = {fact.key for fact in used}
    return [
        FactNote(
            key=fact.key,
            says=_(fact.means).format(n=fact.value, upto=fact.upto),
            source=_(fact.source),
            address=fact.address,
            found=fact.found,
            confidence=fact.confidence,
        )
        for fact in FACTS.values()
        if fact.key in keys
    ]


def next_deadline(decision: Decision, dates: PlanDates, today: dt.date, sums: dict[str, str]) -> Deadline | None:
    """The date the decision names as the one that matters now, with days left (negative when past)
    and how it was counted (`sums`, from core.counting)."""
    key = own_deadline(decision.rule, dates)
    if key is None:
        return None
    day = getattr(dates, key)
    if day is None:
        return None
    return Deadline(
        label=_(DEADLINE_LABELS[key]),
        date=day,
        days_left=(day - today).days,
        # A plan to wait has nothing to do by that day yet, so it is never shown as a last day.
        last_day=key in LAST_DAYS and decision.action != "wait",
        counted=sums.get(key),
    )
