"""A parcel held at customs with a date to pay by on the customs notice: the rules at that date's boundaries.

TODAY is Thu 26 Nov 2026. The default order shipped 38 days ago with 60 days of protection, so
protection ends on day 22 and is "running out" from day 17: weeks away, so the rule is held_at_customs.
An unpaid parcel goes back to the seller after the notice's date, so that date is the plan's deadline.
"""

from __future__ import annotations

import datetime as dt

import pytest

from core import advise, read_case
from core.calendar import plan_reminders
from core.i18n import show_date
from core.models import Rule
from core.reading import CaseError
from core.timeline import order_timeline
from core.wizard.case import FIELD_TO_ANSWER, to_case
from core.wizard.route import route
from tests.support.cases import TODAY, day, make_case, not_received, text_of


def held(pay_by: str | None, **order):
    extra = {} if pay_by is None else {"customs_pay_by": pay_by}
    return make_case(order={"tracking": "held_at_customs", **extra, **order})


@pytest.mark.parametrize("days", [1, 0], ids=["tomorrow", "today"])
def test_a_pay_by_day_still_ahead_is_the_plans_deadline(days: int):
    case = held(day(days))
    plan = advise(case)
    pay_by = TODAY + dt.timedelta(days=days)
    assert plan.rule is Rule.held_at_customs
    assert plan.dates.customs_pay_by == pay_by
    deadline = plan.next_deadline
    assert deadline is not None
    assert (deadline.label, deadline.date, deadline.days_left) == ("Last day on the customs notice", pay_by, days)
    assert deadline.counted == f"On the customs notice = {show_date(pay_by)}"
    assert f"pay it there by {show_date(pay_by)}, or it goes back to the seller" in plan.headline
    assert "has passed" not in text_of(plan)
    running_out = show_date(plan.dates.running_out_from)
    assert f"Paid, and still held on {running_out}? Open a dispute that day" in plan.steps[-1]
    assert not any(step.startswith("Still held on") for step in plan.steps)
    reminders = {r.key: r for r in plan_reminders(read_case(case), plan, "o1")}
    assert reminders["customs_pay_by"].date == pay_by and reminders["customs_pay_by"].action == plan.headline
    events = {e.key: e for e in order_timeline(read_case(case), plan).events}
    assert events["customs_pay_by"].date == pay_by


def test_a_pay_by_day_that_passed_yesterday_says_to_ask_the_carrier_today():
    case = held(day(-1))
    plan = advise(case)
    yesterday = show_date(TODAY - dt.timedelta(days=1))
    assert plan.rule is Rule.held_at_customs
    assert plan.headline == (
        f"The day to pay customs ({yesterday}) has passed: ask the carrier today whether you can still pay. If not, "
        "the parcel goes back to the seller."
    )
    assert any(step.startswith(f"The day to pay ({yesterday}) has passed") for step in plan.steps)
    assert "pay it there by" not in text_of(plan)
    assert plan.next_deadline is not None and plan.next_deadline.days_left == -1
    # A day behind the buyer is no use as a reminder, nor as a day to act by on the timeline.
    assert "customs_pay_by" not in {r.key for r in plan_reminders(read_case(case), plan, "o1")}
    assert "customs_pay_by" not in {e.key for e in order_timeline(read_case(case), plan).events}


def test_with_no_pay_by_day_the_plan_says_to_pay_soon_and_counts_to_protection():
    plan = advise(held(None))
    running_out = show_date(plan.dates.running_out_from)
    assert plan.rule is Rule.held_at_customs and plan.dates.customs_pay_by is None
    assert plan.next_deadline is not None and plan.next_deadline.date == plan.dates.running_out_from
    assert f"If it's still held on {running_out}, open a dispute." in plan.headline
    assert (
        "Pay it soon: unpaid parcels go back to the seller after a set time, shown on the customs notice." in plan.steps
    )
    assert "customs_pay_by" not in plan.counted


def test_running_out_with_a_pay_by_day_names_it_in_the_steps():
    plan = advise(make_case(order=not_received(3, tracking="held_at_customs", customs_pay_by=day(2))))
    assert plan.rule is Rule.held_at_customs_running_out
    assert plan.next_deadline is not None and plan.next_deadline.date == plan.dates.dispute_deadline
    assert f"pay it there by {show_date(TODAY + dt.timedelta(days=2))}" in " ".join(plan.steps)
    assert not any(step.startswith("Paid, and still held") for step in plan.steps)


def test_only_a_parcel_held_at_customs_has_a_pay_by_day():
    plan = advise(make_case(order={"tracking": "in_transit", "customs_pay_by": day(3)}))
    assert plan.dates.customs_pay_by is None and "customs_pay_by" not in plan.counted


def test_a_pay_by_day_before_shipping_is_refused_on_that_field():
    with pytest.raises(CaseError) as error:
        read_case(held(day(-40)))
    assert "order.customs_pay_by" in str(error.value)
    assert FIELD_TO_ANSWER["order.customs_pay_by"] == "customs_pay_by"


def test_the_wizard_asks_for_the_pay_by_day_only_when_held_at_customs():
    answers = {"stage": "on_the_way", "shipped": "2026-10-15", "protection": "no", "tracking": "held_at_customs"}
    assert route(answers)[-1] == "customs_pay_by"
    assert "customs_pay_by" not in route({**answers, "tracking": "no_updates"})
    case = to_case({**answers, "customs_pay_by": "2026-12-05"}, TODAY)
    assert case.order.customs_pay_by == dt.date(2026, 12, 5)
    assert to_case({**answers, "customs_pay_by": "no"}, TODAY).order.customs_pay_by is None
