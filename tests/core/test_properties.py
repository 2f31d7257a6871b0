"""Property-based tests: thousands of random valid cases, and the invariants every
plan must keep whatever the situation.

Run longer with HYPOTHESIS_PROFILE=long (many more examples).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import ACTIONS, Case, Plan, advise, read_case

LONG = os.environ.get("HYPOTHESIS_PROFILE") == "long"

# The long run takes minutes per test: lift pytest-timeout's per-test limit for it.
pytestmark = pytest.mark.timeout(0 if LONG else 300)

settings.register_profile(
    "core-default",
    settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]),
)
settings.register_profile(
    "long",
    settings(max_examples=30_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]),
)
settings.load_profile("long" if LONG else "core-default")

# Actions that ask for no money (issue 2, "Output").
NO_MONEY = {"wait", "contact_seller", "cancel_dispute", "appeal", "contact_support",
            "check_with_bank", "confirm_receipt", "nothing_to_do"}
# Actions that come with a ready-to-send draft of this kind.
MESSAGE_FOR = {"contact_seller": "seller", "open_dispute": "dispute",
               "appeal": "appeal", "check_with_bank": "bank"}

# The section titles of the buyer's guide (both articles), as written there.
GUIDE_SECTIONS = [
    "How to open and win a dispute on AliExpress (the DEFINITIVE guide)",
    "When can you open a dispute on AliExpress",
    "Faulty product or item not as described",
    "Slightly imperfect product",
    "Incomplete order",
    "The order didn't arrive",
    "The product is fake",
    "You get something you didn't order",
    "Order delivered but not received",
    "The shipping method is not correct",
    "How to open a dispute",
    "Phases of the dispute",
    "AliExpress judgement",
    "Tricks to win the dispute",
    "How to accept the seller's or AliExpress' proposal",
    "When and how will I receive my refund money?",
    "The dispute finished but I didn't receive a refund",
    "Why won't AliExpress let me open a dispute",
    "Opening dispute after 15 days",
    "How to cancel a dispute",
    "Editing an ongoing dispute",
    "Reopening a closed dispute",
    "Appealing a dispute",
    "What is AliExpress' contact phone number?",
    "How to contact AliExpress customer support",
    "Warranties and buyer protection periods",
    "How returns work",
    "How to report a seller",
    "Refund on AliExpress: how to get it and what to do if not received",
    "How to request a refund on AliExpress",
    "When the order has not been shipped yet",
    "When payment of the order has been confirmed",
    "When the order has been shipped",
    "When you have not received the order",
    "When the order does not match the description",
    "\u201cRefund processing\u201d: how long does it take?",
    "How to know if your money has been refunded",
    "AliExpress is not refunding me",
    "I received an incomplete refund",
    "Where will I receive the money if I paid with credit card, PayPal\u2026?",
]


def _norm(title: str) -> str:
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u2026", "...")):
        title = title.replace(a, b)
    return " ".join(title.split()).casefold()


KNOWN_SECTIONS = {_norm(t) for t in GUIDE_SECTIONS}

PROBLEMS = ["none", "not_arrived", "not_as_described", "slightly_imperfect", "incomplete",
            "fake", "wrong_item", "delivered_not_received", "wrong_shipping_method",
            "changed_mind"]
NOT_RECEIVED_ONLY = {"not_arrived", "delivered_not_received"}
TRACKING = ["none", "in_transit", "no_updates", "delivered", "returned_to_seller"]


# =====================================================================================
# A strategy for valid cases
# =====================================================================================


def money(max_cents: int) -> st.SearchStrategy[str]:
    """An amount from 0.00 to max_cents/100, two decimals, as a JSON string."""
    return st.integers(0, max_cents).map(lambda c: str(Decimal(c).scaleb(-2)))


def cents(amount: str) -> int:
    return int(Decimal(amount) * 100)


def between(draw, lo: dt.date, hi: dt.date) -> dt.date:
    """A date in [lo, hi], with the ends (where boundaries live) drawn more often."""
    span = (hi - lo).days
    offset = draw(st.one_of(st.sampled_from([0, span, max(span - 1, 0), min(1, span)]),
                            st.integers(0, span)))
    return lo + dt.timedelta(days=offset)


def maybe(draw, value):
    return draw(st.sampled_from([None, value]))


@st.composite
def valid_cases(draw) -> dict:
    today = draw(st.dates(dt.date(2023, 1, 1), dt.date(2028, 12, 31)))
    # Mostly orders within their protection window, some long past it.
    placed = today - dt.timedelta(days=draw(st.one_of(st.integers(0, 90), st.integers(0, 400))))

    # Mostly shipped orders: that is where the rules are.
    is_shipped = draw(st.sampled_from([True, True, True, True, False]))
    shipped = (between(draw, placed, min(today, placed + dt.timedelta(days=40)))
               if is_shipped else None)
    is_received = shipped is not None and draw(st.booleans())
    receipt = maybe(draw, between(draw, shipped, today)) if is_received else None
    estimated = maybe(draw, (shipped or placed) + dt.timedelta(days=draw(st.integers(0, 90))))

    total = draw(st.one_of(money(100_000_00), st.sampled_from(["0.00", "0.01", "50.00"])))
    shipping = draw(money(cents(total)))

    order = {
        "label": draw(st.one_of(st.none(), st.text(max_size=40))),
        "placed_on": placed.isoformat(),
        "payment_confirmed": draw(st.booleans()),
        "shipped_on": shipped and shipped.isoformat(),
        "estimated_delivery": estimated and estimated.isoformat(),
        "protection_days": draw(st.one_of(st.sampled_from([60, 75, 90]), st.integers(1, 180))),
        "received": is_received,
        "receipt_confirmed_on": receipt and receipt.isoformat(),
        "tracking": draw(st.sampled_from(TRACKING)),
        "total_paid": total,
        "shipping_paid": shipping,
        "currency": draw(st.sampled_from(["USD", "EUR", "GBP", "PLN", "eur"])),
        "free_return": draw(st.booleans()),
    }

    problems = [p for p in PROBLEMS if not (is_received and p in NOT_RECEIVED_ONLY)]
    problem = draw(st.sampled_from(problems))
    contacted = maybe(draw, between(draw, placed, today))

    case = {
        "today": today.isoformat(),
        "order": order,
        "problem": problem,
        "missing_items_value": (maybe(draw, draw(money(cents(total))))
                                if problem == "incomplete" else None),
        "arrived_late": draw(st.booleans()),
        "seller_contacted_on": contacted and contacted.isoformat(),
        "dispute": None,
        "country": draw(st.sampled_from([None, None, "US", "DE", "ES", "PL"])),
    }

    if shipped is not None and draw(st.booleans()):
        status = draw(st.sampled_from(["open", "cancelled", "closed"]))
        opened = between(draw, shipped, today)

        def offer():
            return maybe(draw, {"refund_amount": draw(money(cents(total))),
                                "return_required": draw(st.booleans())})

        dispute = {
            "status": status,
            "opened_on": opened.isoformat(),
            "requested_refund": maybe(draw, draw(money(cents(total)))),
            "judgement": draw(st.sampled_from([None, "valid", "invalid"])),
            "seller_offer": offer(),
            "aliexpress_offer": offer(),
            "negotiation_ends_on": maybe(draw, (opened + dt.timedelta(
                days=draw(st.integers(0, 30)))).isoformat()),
            "satisfied": draw(st.booleans()),
        }
        if status == "closed":
            closed = maybe(draw, between(draw, opened, today))
            processed = maybe(draw, between(draw, closed or opened, today))
            dispute["closed_on"] = closed and closed.isoformat()
            dispute["refund_processed_on"] = processed and processed.isoformat()
            dispute["refund_received"] = processed is not None and draw(st.booleans())
        case["dispute"] = dispute

    return case


# =====================================================================================
# Invariants
# =====================================================================================


def add_working_days(start: dt.date, n: int) -> dt.date:
    day = start
    while n:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def check_plan(case: dict, plan: Plan, today: dt.date) -> None:
    order = case["order"]
    total = Decimal(order["total_paid"])

    assert plan.action in ACTIONS
    assert plan.refund in ("full", "partial", "none")

    # Money: never more than paid, kind and amount agree.
    if plan.refund_amount is not None:
        assert Decimal(0) <= plan.refund_amount <= total
    if plan.refund == "none":
        assert plan.refund_amount is None
    if plan.refund == "full":
        assert plan.refund_amount == total
    if plan.action in NO_MONEY:
        assert plan.refund == "none", plan.action
        assert plan.return_item is False, plan.action
    if plan.action in ("cancel_order", "request_cancellation"):
        assert plan.refund == "full"
    assert plan.currency == order["currency"].upper()

    # Dates follow the table.
    dates = plan.dates
    if order["shipped_on"]:
        shipped = dt.date.fromisoformat(order["shipped_on"])
        protection_ends = shipped + dt.timedelta(days=order["protection_days"])
        assert dates.earliest_dispute == shipped + dt.timedelta(days=10)
        assert dates.protection_ends == protection_ends
        if order["receipt_confirmed_on"]:
            receipt = dt.date.fromisoformat(order["receipt_confirmed_on"])
            assert dates.dispute_deadline == receipt + dt.timedelta(days=15)
        else:
            assert dates.dispute_deadline == protection_ends
    else:
        assert dates.earliest_dispute is None
        assert dates.protection_ends is None
        assert dates.dispute_deadline is None
    dispute = case["dispute"] or {}
    if dates.appeal_deadline is not None:
        closed = dt.date.fromisoformat(dispute["closed_on"])
        assert dates.appeal_deadline == closed + dt.timedelta(days=7)
    if dates.negotiation_ends is not None:
        assert dates.negotiation_ends.isoformat() == dispute["negotiation_ends_on"]
    if dates.refund_expected_by is not None:
        processed = dt.date.fromisoformat(dispute["refund_processed_on"])
        weekdays_only_from = add_working_days(processed, 3)
        weekdays_only_by = add_working_days(processed, 20)
        if case["country"] is None:
            assert dates.refund_expected_from == weekdays_only_from
            assert dates.refund_expected_by == weekdays_only_by
        else:  # public holidays can only push the dates later
            assert dates.refund_expected_from >= weekdays_only_from
            assert dates.refund_expected_by >= weekdays_only_by

    # The next deadline is one of the plan's dates, counted from today.
    if plan.next_deadline is not None:
        assert plan.next_deadline.date in set(dates.model_dump().values()) - {None}
        assert plan.next_deadline.days_left == (plan.next_deadline.date - today).days
        assert plan.next_deadline.label.strip()
    if plan.action == "check_with_bank":
        assert plan.next_deadline is not None and plan.next_deadline.days_left < 0
    if plan.action in ("cancel_order", "request_cancellation", "contact_support", "nothing_to_do"):
        assert plan.next_deadline is None

    # Words: a headline, drafts where they apply, sources from the guide.
    assert plan.headline.strip()
    kinds = {m.kind for m in plan.messages}
    if plan.action in MESSAGE_FOR:
        assert MESSAGE_FOR[plan.action] in kinds, (plan.action, kinds)
    for m in plan.messages:
        assert m.body.strip()
    assert plan.sources, "the advice must rest on a section of the guide"
    for source in plan.sources:
        assert _norm(source) in KNOWN_SECTIONS, source


@given(valid_cases())
def test_every_valid_case_gets_a_sound_plan(case):
    plan = advise(case)
    check_plan(case, plan, dt.date.fromisoformat(case["today"]))


@given(valid_cases(), st.integers(0, 400))
def test_today_override_keeps_the_invariants(case, later):
    today = dt.date.fromisoformat(case["today"]) + dt.timedelta(days=later)
    plan = advise(case, today=today)
    check_plan(case, plan, today)


@given(valid_cases())
def test_json_round_trips(case):
    parsed = read_case(case)
    assert read_case(json.dumps(case)) == parsed
    assert read_case(json.dumps(case).encode()) == parsed
    assert Case.model_validate_json(parsed.model_dump_json()) == parsed

    plan = advise(parsed)
    assert Plan.model_validate_json(plan.model_dump_json()) == plan
    assert advise(json.loads(parsed.model_dump_json())) == plan
