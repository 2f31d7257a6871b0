"""How each plan date was counted (core.counting): one sum a field, ending on the plan's own date."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings

from core import advise, read_case
from core.counting import working_week
from core.i18n import show_date
from core.models import Case, Plan
from tests.core.test_properties import valid_cases
from tests.support.cases import TODAY, d, day, make_case, not_received, received


def plan_of(data: dict) -> tuple[Case, Plan]:
    case = read_case(data)
    return case, advise(case)


def test_earliest_dispute_and_protection_from_shipping():
    _case, plan = plan_of(make_case(order={"shipped_on": "2026-11-01", "protection_days": 60}))
    assert plan.counted["earliest_dispute"] == "Shipped Sun 1 Nov 2026 + 10 days = Wed 11 Nov 2026"
    sixty = "Shipped Sun 1 Nov 2026 + 60 days of buyer protection = Thu 31 Dec 2026"
    assert plan.counted["protection_ends"] == sixty
    assert plan.counted["dispute_deadline"] == sixty


def test_one_day_of_protection_is_singular():
    _case, plan = plan_of(make_case(order={"shipped_on": "2026-11-25", "protection_days": 1}))
    assert plan.counted["protection_ends"] == "Shipped Wed 25 Nov 2026 + 1 day of buyer protection = Thu 26 Nov 2026"


def test_receipt_confirmed_counts_15_days_from_receipt():
    _case, plan = plan_of(
        make_case(
            today="2026-11-30",
            order=received(shipped_on="2026-11-01", receipt_confirmed_on="2026-11-27"),
            problem="fake",
        )
    )
    assert plan.counted["dispute_deadline"] == "Receipt confirmed Fri 27 Nov 2026 + 15 days = Sat 12 Dec 2026"
    assert plan.next_deadline is not None and plan.next_deadline.counted == plan.counted["dispute_deadline"]


def test_seller_contacted_counts_from_the_contact():
    _case, plan = plan_of(make_case(order={"tracking": "no_updates"}, seller_contacted_on=day(-1)))
    assert plan.counted["seller_answer_due"] == "Seller contacted Wed 25 Nov 2026 + 2 days to answer = Fri 27 Nov 2026"


def test_seller_not_contacted_counts_from_today():
    _case, plan = plan_of(make_case(order={"tracking": "no_updates"}))
    text = plan.counted["seller_answer_due"]
    assert text == "Today Thu 26 Nov 2026 + 2 days for the seller to answer = Sat 28 Nov 2026"
    assert "contacted" not in text


def test_running_out_and_the_late_claim_count_from_the_deadline():
    _case, plan = plan_of(make_case(order={"shipped_on": "2026-11-01", "tracking": "in_transit"}))
    start = "Shipped Sun 1 Nov 2026 + 60 days of buyer protection"
    assert plan.counted["running_out_from"] == start + " - 5 days = Sat 26 Dec 2026"
    assert plan.counted["late_claim_deadline"] == start + " + 15 days = Fri 15 Jan 2027"


def test_deadline_after_confirming_counts_from_today():
    _case, plan = plan_of(make_case(order=received(), problem="none"))
    assert plan.counted["deadline_after_confirming"] == (
        "Confirming receipt today Thu 26 Nov 2026 + 15 days = Fri 11 Dec 2026"
    )


def test_appeal_counts_from_the_close():
    _case, plan = plan_of(make_case(dispute={"status": "closed", "closed_on": day(-2), "satisfied": False}))
    assert plan.counted["appeal_deadline"] == "Dispute closed Tue 24 Nov 2026 + 7 days = Tue 1 Dec 2026"


def test_entered_dates_are_said_to_be_entered():
    _case, plan = plan_of(make_case(order={"tracking": "in_transit", "estimated_delivery": day(5)}))
    assert plan.counted["estimated_delivery"] == "Estimated delivery as you entered it = Tue 1 Dec 2026"
    _case, plan = plan_of(make_case(dispute={"negotiation_ends_on": day(3)}))
    assert plan.counted["negotiation_ends"] == "End of negotiation as you entered it = Sun 29 Nov 2026"


def refund(country: str | None, processed: str) -> Plan:
    data = make_case(
        today="2026-12-20",
        dispute={
            "status": "closed",
            "opened_on": "2026-11-20",
            "closed_on": processed,
            "refund_processed_on": processed,
        },
        country=country,
    )
    return plan_of(data)[1]


def test_refund_without_a_country_is_monday_to_friday():
    plan = refund(None, "2026-12-04")
    assert plan.counted["refund_expected_from"] == (
        "Refund processed Fri 4 Dec 2026 + 3 working days (Monday to Friday) = Wed 9 Dec 2026"
    )


def test_refund_skips_a_spanish_holiday():
    plan = refund("ES", "2026-12-04")  # Tue 8 Dec is a public holiday in Spain
    assert plan.dates.refund_expected_from == dt.date(2026, 12, 10)
    assert plan.counted["refund_expected_from"] == (
        "Refund processed Fri 4 Dec 2026 + 3 working days "
        "(Monday to Friday, except public holidays in Spain) = Thu 10 Dec 2026"
    )
    assert plan.counted["refund_expected_by"].startswith("Refund processed Fri 4 Dec 2026 + 20 working days (")


def test_refund_in_israel_works_sunday_to_thursday():
    plan = refund("IL", "2026-12-04")  # a Friday: Israel's weekend is Friday and Saturday
    assert plan.dates.refund_expected_from == dt.date(2026, 12, 8)
    assert plan.counted["refund_expected_from"] == (
        "Refund processed Fri 4 Dec 2026 + 3 working days "
        "(Sunday to Thursday, except public holidays in Israel) = Tue 8 Dec 2026"
    )
    assert working_week("IL") == "Sunday to Thursday"
    assert working_week(None) == "Monday to Friday"


def test_only_dates_that_are_set_are_explained():
    _case, plan = plan_of(make_case(order={"shipped_on": None}, problem="none"))
    assert set(plan.counted) == {name for name, value in plan.dates.model_dump().items() if value is not None}


START = {
    "earliest_dispute": lambda case, today: case.order.shipped_on,
    "protection_ends": lambda case, today: case.order.shipped_on,
    "dispute_deadline": lambda case, today: case.order.receipt_confirmed_on or case.order.shipped_on,
    "running_out_from": lambda case, today: case.order.receipt_confirmed_on or case.order.shipped_on,
    "late_claim_deadline": lambda case, today: case.order.receipt_confirmed_on or case.order.shipped_on,
    "seller_answer_due": lambda case, today: case.seller_contacted_on or today,
    "deadline_after_confirming": lambda case, today: today,
    "appeal_deadline": lambda case, today: case.dispute.closed_on,
    "refund_expected_from": lambda case, today: case.dispute.refund_processed_on,
    "refund_expected_by": lambda case, today: case.dispute.refund_processed_on,
    "estimated_delivery": lambda case, today: case.order.estimated_delivery,
    "negotiation_ends": lambda case, today: case.dispute.negotiation_ends_on,
    "seller_must_answer_by": lambda case, today: case.dispute.opened_on,
    "aliexpress_steps_in_by": lambda case, today: case.dispute.opened_on,
    "ask_extension_by": lambda case, today: case.order.receipt_confirmed_on or case.order.shipped_on,
    "return_ship_by": lambda case, today: today,
    "customs_pay_by": lambda case, today: case.order.customs_pay_by,
    "extension_until": lambda case, today: extension_start(case),
    "paypal_dispute_by": lambda case, today: case.order.placed_on,
    "chargeback_by": lambda case, today: chargeback_start(case),
    "eu_guarantee_until": lambda case, today: case.order.receipt_confirmed_on,
}
"""Each date's start: the case's own date it is counted from (an entered date starts from itself)."""


def extension_start(case):
    """A week past an estimated delivery at or after protection's end, else 15 days past that end."""
    order = case.order
    ends = order.protection_ends_on or order.shipped_on + dt.timedelta(days=order.protection_days)
    eta = order.estimated_delivery
    return eta if eta is not None and eta >= ends else ends


def chargeback_start(case):
    """The card rules count from receipt, else the last expected delivery, else the payment; the payment
    too when the longest limit cuts the count short."""
    order = case.order
    start = order.receipt_confirmed_on if order.received else order.estimated_delivery or order.placed_on
    if order.placed_on is not None and (start - order.placed_on).days + 120 > 540:
        return order.placed_on
    return start


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_cases())
def test_every_sum_starts_on_the_case_and_ends_on_the_plan(data):
    case, plan = plan_of(data)
    today = plan.today
    for name, value in plan.dates.model_dump().items():
        if value is None:
            assert name not in plan.counted
            continue
        text = plan.counted[name]
        assert text.endswith("= " + show_date(value)), (name, text)
        assert show_date(START[name](case, today)) in text, (name, text)
        assert text[0].isupper() and "{" not in text, (name, text)


def test_dates_past_the_calendar_still_end_on_the_plan_date():
    _case, plan = plan_of(make_case(today="9999-12-01", order=not_received(3, shipped_on="9999-11-30")))
    assert plan.counted["late_claim_deadline"].endswith("= " + show_date(d("9999-12-31")))
    assert TODAY.year == 2026
