"""The advisor: from a described problem order to a plan the buyer can act on today.

Pure Python (pydantic and babel only), so the command line, the pages and the tests
all share one set of rules.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from core.models import ACTIONS, Case, Deadline, Dispute, Message, Offer, Order, Plan, PlanDates
from core.plan import build_plan
from core.reading import CaseError, CaseProblem, read_case
from core.rules import decide


def advise(case: Case | Any, today: dt.date | None = None) -> Plan:
    """The plan for `case` on `today` (or the case's own today, or the real today).

    Every case goes through `read_case` first, so a contradiction raises CaseError
    instead of reaching the rules.
    """
    case = read_case(case, today)
    day = today or case.today or dt.date.today()
    decision, dates = decide(case, day)
    return build_plan(case, decision, dates, day)


def case_schema() -> dict:
    """The JSON Schema of a case, for people writing cases by hand or by program."""
    return Case.model_json_schema()


__all__ = [
    "ACTIONS",
    "Case",
    "CaseError",
    "CaseProblem",
    "Deadline",
    "Dispute",
    "Message",
    "Offer",
    "Order",
    "Plan",
    "PlanDates",
    "advise",
    "case_schema",
    "read_case",
]
