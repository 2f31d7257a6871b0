"""The end of buyer protection as the order page's countdown shows it (issue 11).

When the buyer gives it (`order.protection_ends_on`, a seller's extension included), every
deadline counts from it, and "how counted" says where it came from; without it the usual 60
days from shipping stay, and the plan says so (`protection_assumed`).
"""

from __future__ import annotations

import datetime as dt

import pytest

from core import advise
from core.facts import LATE_CLAIM, RUNNING_OUT
from core.reading import CaseError, read_case
from tests.support.cases import TODAY, day

LATE_CLAIM_DAYS, RUNNING_OUT_DAYS = LATE_CLAIM.value, RUNNING_OUT.value

SHIPPED = day(-40)


def parcel(**order: object) -> dict:
    return {"today": TODAY.isoformat(), "problem": "not_arrived", "order": {"shipped_on": SHIPPED, **order}}


@pytest.mark.parametrize(
    ("ends", "why"),
    [(23, "23 days left on the countdown"), (45, "the seller extended it"), (0, "the countdown shows 0 days")],
)
def test_every_deadline_counts_from_the_order_pages_end(ends: int, why: str) -> None:
    end = TODAY + dt.timedelta(days=ends)
    plan = advise(parcel(protection_ends_on=end.isoformat(), tracking="in_transit"))
    assert plan.dates.protection_ends == end, why
    assert plan.dates.dispute_deadline == end
    assert plan.dates.running_out_from == end - dt.timedelta(days=RUNNING_OUT_DAYS)
    assert plan.dates.late_claim_deadline == end + dt.timedelta(days=LATE_CLAIM_DAYS)
    assert not plan.protection_assumed
    assert plan.counted["protection_ends"].startswith("As your order page shows it = ")


def test_zero_days_left_is_the_last_day_to_open_a_dispute() -> None:
    plan = advise(parcel(protection_ends_on=TODAY.isoformat(), tracking="in_transit"))
    assert plan.action == "open_dispute"
    assert plan.next_deadline is not None
    assert plan.next_deadline.date == TODAY and plan.next_deadline.last_day


def test_without_it_the_usual_days_stay_and_the_plan_says_so() -> None:
    plan = advise(parcel(tracking="in_transit"))
    assert plan.dates.protection_ends == dt.date.fromisoformat(SHIPPED) + dt.timedelta(days=60)
    assert plan.protection_assumed
    given_days = advise(parcel(tracking="in_transit", protection_days=75))
    assert not given_days.protection_assumed


@pytest.mark.parametrize(
    "order", [{"protection_ends_on": day(-41)}, {"shipped_on": None, "protection_ends_on": day(5)}]
)
def test_a_protection_end_before_shipping_or_without_it_is_refused(order: dict) -> None:
    case = parcel(**order)
    with pytest.raises(CaseError) as error:
        read_case(case)
    assert [problem.field for problem in error.value.problems] == ["order.protection_ends_on"]
