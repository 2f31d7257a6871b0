"""A shipping day the buyer can't find: counted from the order day, never stated as a shipping day."""

from __future__ import annotations

import pytest

from core import advise, read_case
from core.dates import add_days
from core.i18n import show_date
from core.models import PROTECTION_DAYS_USUAL
from core.reading import CaseError
from core.report import plan_text
from core.timeline import order_timeline
from core.wizard.case import to_case
from core.wizard.route import route
from tests.support.cases import TODAY, d, mentions_date

ORDERED = "2026-10-05"
ON_THE_WAY = {"stage": "on_the_way", "shipped": "no", "ordered": ORDERED, "protection": "no"}
NO_NEWS = {**ON_THE_WAY, "tracking": "no_updates", "eta": "2026-11-20", "contacted": "no"}


@pytest.mark.parametrize(
    "answers",
    [
        {"stage": "on_the_way", "shipped": "no"},
        {"stage": "delivered_missing", "shipped": "no"},
        {"stage": "received", "problem": "fake", "shipped": "no"},
        {"stage": "dispute_open", "dispute_about": "none", "shipped": "no"},
    ],
)
def test_a_shipping_day_nobody_can_find_asks_the_order_day_next(answers):
    asked = route(answers)
    assert asked[asked.index("shipped") + 1] == "ordered"
    assert "ordered" not in route({**answers, "shipped": "2026-10-07"})


def test_the_dates_count_from_the_order_day_and_say_so():
    case = to_case(NO_NEWS, TODAY)
    assert case.order.shipping_day_unknown and case.order.shipped_on == case.order.placed_on == d(ORDERED)
    plan = advise(case, today=TODAY)
    ends = add_days(d(ORDERED), PROTECTION_DAYS_USUAL)
    assert plan.dates.protection_ends == ends
    assert plan.counted_from_order_day
    assert plan.counted["protection_ends"].startswith(f"Ordered {show_date(d(ORDERED))} + 60 days")
    text = plan_text(case, plan, today=TODAY)
    assert "from the day you ordered, as the shipping day isn't known" in text
    assert "Shipped" not in text


def test_no_message_states_the_order_day_as_a_shipping_day():
    plan = advise(to_case(NO_NEWS, TODAY), today=TODAY)
    assert plan.messages
    for message in plan.messages:
        assert "shipped on" not in message.body.lower()
        assert not mentions_date(message.body, ORDERED)


def test_a_known_shipping_day_is_still_stated():
    known = {key: value for key, value in NO_NEWS.items() if key != "ordered"}
    plan = advise(to_case({**known, "shipped": "2026-10-07"}, TODAY), today=TODAY)
    assert not plan.counted_from_order_day
    assert any("shipped on" in m.body for m in plan.messages)


def test_the_order_pages_countdown_still_wins_over_the_order_day():
    ends = "2026-12-20"
    plan = advise(to_case({**NO_NEWS, "protection": ends}, TODAY), today=TODAY)
    assert plan.dates.protection_ends == d(ends)
    assert not plan.protection_assumed


def test_the_timeline_marks_the_order_day_not_a_shipping_day():
    case = to_case(NO_NEWS, TODAY)
    timeline = order_timeline(case, advise(case, today=TODAY), today=TODAY)
    keys = {event.key for event in timeline.events}
    assert "placed" in keys and "shipped" not in keys


def test_an_unknown_shipping_day_needs_the_order_day():
    with pytest.raises(CaseError) as caught:
        read_case({"order": {"shipping_day_unknown": True}, "problem": "not_arrived"})
    assert "order.placed_on" in str(caught.value)
