"""Helpers for the advisor core tests: build cases from a few overrides.

Every case is a plain dict in the case JSON shape (as a buyer or the wizard would
send it).  The defaults describe one ordinary situation, so that a test only
names what matters to it:

    TODAY   = 2026-11-26 (a Thursday)
    order   = placed 40 days ago, shipped 38 days ago, 60 days of protection,
              not received, no tracking, total 50.00 USD of which 5.00 shipping
    problem = not_arrived, seller not contacted, no dispute

`make_case(order={...}, dispute={...}, **top)` merges `order` and `dispute` into
those defaults (a dispute starts as {"status": "open", "opened_on": day(-3)});
a value of DROP removes the key (placed_on is optional: the wizard never asks for it).

`not_received(n)` / `days_after_protection(n)` place the end of protection n days after /
before TODAY. `plan_for(**kw)` advises on `make_case(**kw)`; `text_of`, `texts_of`,
`message_of` and `dates_in` read a plan's words for the facts in them (dates are written
"Thu 26 Nov 2026"). `SAMPLE_CASES` holds one hand-made case per rule.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from core.models import Message, Plan, Rule

TODAY = dt.date(2026, 11, 26)  # a Thursday
TOTAL = Decimal("50.00")
SHIPPING = Decimal("5.00")

RECEIVED_PROBLEMS = (
    "none",
    "not_as_described",
    "slightly_imperfect",
    "incomplete",
    "fake",
    "wrong_item",
    "wrong_shipping_method",
    "changed_mind",
)
"""The answers to "what is wrong with it?" for an item in hand, written out for tests to check against."""

LAST_DAY_FIELDS = frozenset(
    {
        "protection_ends",
        "dispute_deadline",
        "deadline_after_confirming",
        "late_claim_deadline",
        "appeal_deadline",
        "negotiation_ends",
    }
)
"""The plan dates that are a last day to act (the others are days to wait for), written out for tests."""

DROP = object()
"""Override value that removes the key from the defaults."""


def day(n: int) -> str:
    """TODAY + n calendar days, as the ISO string a case carries."""
    return (TODAY + dt.timedelta(days=n)).isoformat()


def d(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def _merge(base: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in overrides.items():
        if value is DROP:
            out.pop(key, None)
        else:
            out[key] = value
    return out


DEFAULT_ORDER: dict[str, Any] = {
    "placed_on": day(-40),
    "payment_confirmed": True,
    "shipped_on": day(-38),
    "estimated_delivery": None,
    "protection_days": 60,
    "received": False,
    "receipt_confirmed_on": None,
    "tracking": "none",
    "total_paid": str(TOTAL),
    "shipping_paid": str(SHIPPING),
    "currency": "USD",
    "free_return": False,
}

DEFAULT_DISPUTE: dict[str, Any] = {
    "status": "open",
    "opened_on": day(-3),
}


def make_case(
    *,
    order: dict[str, Any] | None = None,
    dispute: dict[str, Any] | None = None,
    **top: Any,
) -> dict[str, Any]:
    """A valid case dict: the defaults above with these overrides merged in."""
    case: dict[str, Any] = {
        "today": TODAY.isoformat(),
        "order": _merge(DEFAULT_ORDER, order or {}),
        "problem": "not_arrived",
        "seller_contacted_on": None,
        "dispute": None,
    }
    if dispute is not None:
        case["dispute"] = _merge(DEFAULT_DISPUTE, dispute)
    return _merge(case, top)


def not_received(days_left: int, **order: Any) -> dict[str, Any]:
    """Order overrides for a parcel shipped 30 days ago whose protection (and so
    dispute_deadline) ends `days_left` days from TODAY."""
    return {"shipped_on": day(-30), "protection_days": 30 + days_left, **order}


def received(**order: Any) -> dict[str, Any]:
    """Order overrides for a parcel shipped 38 days ago and received, receipt not confirmed."""
    return {"received": True, "tracking": "delivered", **order}


# --- Looking for amounts and dates inside free text (messages, warnings) -----------


def mentions_amount(text: str, amount: Decimal | str) -> bool:
    """The amount written with two decimals, with a dot or a comma."""
    amount = Decimal(str(amount)).quantize(Decimal("0.01"))
    dotted = f"{amount:.2f}"
    return dotted in text or dotted.replace(".", ",") in text


def mentions_currency(text: str, currency: str) -> bool:
    symbols = {"USD": "$", "EUR": "\u20ac", "GBP": "\u00a3"}
    return currency in text or (currency in symbols and symbols[currency] in text)


def date_spellings(when: dt.date | str) -> set[str]:
    """The usual ways to write a date in a message."""
    if isinstance(when, str):
        when = d(when)
    month, mon = when.strftime("%B"), when.strftime("%b")
    return {
        when.isoformat(),
        f"{when.day} {month} {when.year}",
        f"{when.day:02d} {month} {when.year}",
        f"{month} {when.day}, {when.year}",
        f"{when.day} {mon} {when.year}",
        f"{mon} {when.day}, {when.year}",
        f"{when.day:02d}/{when.month:02d}/{when.year}",
        f"{when.day:02d}.{when.month:02d}.{when.year}",
        f"{when.month:02d}/{when.day:02d}/{when.year}",
    }


def mentions_date(text: str, when: dt.date | str | None) -> bool:
    if when is None:
        return False
    return any(s in text for s in date_spellings(when))


def mentions_any_date(text: str, dates: list[dt.date | str | None]) -> bool:
    return any(mentions_date(text, w) for w in dates)


# --- Plans: building them and reading their words ------------------------------------

WEEKDAY_DATE = re.compile(
    r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4})\b"
)
"""A date as the plans write it in English ("Thu 26 Nov 2026")."""
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def dates_in(text: str) -> list[dt.date]:
    """Every date written in the plans' style in `text`; a wrong weekday is an error, not a miss."""
    found = []
    for weekday, number, month, year in WEEKDAY_DATE.findall(text):
        when = dt.date(int(year), _MONTHS.index(month) + 1, int(number))
        assert _WEEKDAYS[when.weekday()] == weekday, f"{weekday} {number} {month} {year} is a {when:%a}"
        found.append(when)
    return found


def plan_for(**kw: Any) -> Plan:
    """The plan for `make_case(**kw)`."""
    from core import advise

    return advise(make_case(**kw))


def texts_of(plan: Plan) -> list[str]:
    """Every piece of words in a plan: headline, steps, evidence, warnings, money, messages."""
    parts = [plan.headline, plan.money, *plan.steps, *plan.evidence, *plan.warnings]
    for m in plan.messages:
        parts += [m.title, m.body]
    return parts


def text_of(plan: Plan) -> str:
    return "\n".join(texts_of(plan))


def messages_of(plan: Plan, kind: str) -> list[Message]:
    """The plan's messages of one kind ("seller", "dispute", "appeal", "support", "bank")."""
    return [m for m in plan.messages if m.kind == kind]


def message_of(plan: Plan, kind: str) -> Message:
    """The plan's one message of this kind (it must have one)."""
    found = messages_of(plan, kind)
    assert found, f"rule {plan.rule!r}: no {kind!r} message in {[m.kind for m in plan.messages]}"
    return found[0]


def days_after_protection(n: int, **order: Any) -> dict[str, Any]:
    """Order overrides for a parcel with 60 days of protection that ended `n` days before TODAY
    (n=1: yesterday), placed two days before it shipped."""
    return {"placed_on": day(-62 - n), "shipped_on": day(-60 - n), "protection_days": 60, **order}


# --- One sample case per rule (the words tests check every one) ---------------------------

_closed = {"status": "closed", "opened_on": day(-20), "closed_on": day(-10)}

SAMPLE_CASES: dict[Rule, dict] = {
    # Not shipped
    Rule.payment_pending: make_case(order={"shipped_on": DROP, "payment_confirmed": False}),
    Rule.payment_confirmed: make_case(order={"shipped_on": DROP}),
    Rule.cancellation_refused: make_case(order={"shipped_on": DROP}, cancellation_refused=True, country="FR"),
    Rule.waiting_to_ship: make_case(order={"shipped_on": DROP}, keeps_waiting=True),
    Rule.seller_asked_to_cancel: make_case(order={"shipped_on": DROP}, seller_asked_to_cancel=True, paid_with="card"),
    # Dispute closed
    Rule.appeal: make_case(dispute={**_closed, "closed_on": day(-2), "satisfied": False}),
    Rule.appeal_accepted: make_case(dispute={**_closed, "closed_on": day(-2), "accepted_offer": True}),
    Rule.too_late_to_appeal: make_case(dispute={**_closed, "satisfied": False}),
    Rule.refund_overdue: make_case(
        dispute={**_closed, "opened_on": day(-36), "closed_on": day(-35), "refund_processed_on": day(-35)}
    ),
    Rule.refund_overdue_not_card: make_case(
        dispute={**_closed, "refund_processed_on": day(-20)},
        paid_with="paypal",
    ),
    Rule.refund_on_its_way: make_case(dispute={**_closed, "refund_processed_on": day(-2)}),
    Rule.refund_not_processed: make_case(dispute=_closed),
    Rule.settled: make_case(dispute={**_closed, "refund_received": True}),
    Rule.arrived_after_refund: make_case(
        order=received(), problem="none", dispute={**_closed, "refund_received": True}, arrived_after_refund=True
    ),
    # Dispute open
    Rule.item_fine_cancel_dispute: make_case(order=received(), problem="none", dispute={}),
    Rule.invalid_in_transit: make_case(order={"tracking": "in_transit"}, dispute={"judgement": "invalid"}),
    Rule.invalid_in_transit_keep_open: make_case(
        order=not_received(3, tracking="in_transit"), dispute={"judgement": "invalid"}
    ),
    Rule.seller_beats_aliexpress: make_case(
        dispute={"seller_offer": {"refund_amount": "40.00"}, "aliexpress_offer": {"refund_amount": "30.00"}}
    ),
    Rule.aliexpress_offer: make_case(
        dispute={"aliexpress_offer": {"refund_amount": "50.00"}, "negotiation_ends_on": day(4)}
    ),
    Rule.aliexpress_offer_low: make_case(
        order=received(),
        problem="not_as_described",
        dispute={"aliexpress_offer": {"refund_amount": "30.00"}, "negotiation_ends_on": day(4)},
    ),
    Rule.seller_gives_what_was_asked: make_case(dispute={"seller_offer": {"refund_amount": "50.00"}}),
    Rule.seller_offer_too_low: make_case(dispute={"seller_offer": {"refund_amount": "10.00"}}),
    Rule.seller_offer_free_return: make_case(
        order=received(free_return=True),
        problem="not_as_described",
        dispute={"seller_offer": {"refund_amount": "50.00", "return_required": True}},
    ),
    Rule.no_offer_yet: make_case(dispute={}),
    Rule.seller_did_not_answer: make_case(dispute={"opened_on": day(-6)}),
    Rule.seller_rejected: make_case(dispute={"opened_on": day(-4), "seller_rejected": True}),
    Rule.proof_requested: make_case(dispute={"opened_on": day(-8), "seller_rejected": True, "proof_due_on": day(3)}),
    # Shipped, not received
    Rule.before_estimated_delivery: make_case(order={"tracking": "in_transit", "estimated_delivery": day(5)}),
    Rule.due_after_protection: make_case(order={"tracking": "in_transit", "estimated_delivery": day(20)}),
    Rule.early_but_running_out: make_case(order=not_received(3, tracking="in_transit", estimated_delivery=day(10))),
    Rule.too_early_not_received: make_case(order={"shipped_on": day(-5)}),
    Rule.dispute_blocked: make_case(order={"tracking": "no_updates"}, dispute_blocked=True),
    Rule.late_claim: make_case(order=not_received(-5)),
    Rule.not_received_too_late: make_case(order=not_received(-20)),
    Rule.delivered_running_out: make_case(
        order=not_received(2, tracking="delivered"), problem="delivered_not_received"
    ),
    Rule.delivered_seller_silent: make_case(
        order={"tracking": "delivered"}, problem="delivered_not_received", seller_contacted_on=day(-3)
    ),
    Rule.delivered_ask_seller: make_case(order={"tracking": "delivered"}, problem="delivered_not_received"),
    Rule.confirmed_not_received: make_case(order={"receipt_confirmed_on": day(-5)}, paid_with="card"),
    Rule.confirmed_not_received_too_late: make_case(order={"receipt_confirmed_on": day(-20)}, paid_with="card"),
    Rule.delivered_elsewhere: make_case(
        order={"tracking": "delivered"}, problem="delivered_not_received", delivered_elsewhere=True
    ),
    Rule.returned_to_seller: make_case(order={"tracking": "returned_to_seller"}),
    Rule.returned_running_out: make_case(order=not_received(2, tracking="returned_to_seller")),
    Rule.returned_customs_refused: make_case(order={"tracking": "returned_to_seller"}, customs_refused=True),
    Rule.returned_not_collected: make_case(
        order={"tracking": "returned_to_seller"}, customs_refused=False, missed_pickup=True
    ),
    Rule.held_at_customs: make_case(order={"tracking": "held_at_customs"}),
    Rule.seized_by_customs: make_case(order={"tracking": "seized_by_customs"}),
    Rule.held_at_customs_running_out: make_case(order=not_received(3, tracking="held_at_customs")),
    Rule.waiting_for_pickup: make_case(order={"tracking": "awaiting_pickup"}),
    Rule.waiting_for_pickup_running_out: make_case(order=not_received(3, tracking="awaiting_pickup")),
    Rule.customs_documents: make_case(order={"tracking": "customs_documents"}),
    Rule.after_cancelled_dispute: make_case(order={"tracking": "no_updates"}, dispute={"status": "cancelled"}),
    Rule.in_transit_running_out: make_case(order=not_received(4, tracking="in_transit")),
    Rule.in_transit: make_case(order={"tracking": "in_transit"}),
    Rule.no_news_running_out: make_case(order=not_received(1, tracking="no_updates")),
    Rule.seller_silent: make_case(order={"tracking": "no_updates"}, seller_contacted_on=day(-5)),
    Rule.ask_seller: make_case(order={"tracking": "no_updates"}),
    # Received
    Rule.all_fine_confirm: make_case(order=received(), problem="none"),
    Rule.all_fine_confirmed: make_case(order=received(receipt_confirmed_on=day(-2)), problem="none"),
    Rule.all_fine_completed: make_case(order=received(placed_on=day(-405), shipped_on=day(-400)), problem="none"),
    Rule.too_early_received: make_case(order=received(shipped_on=day(-5)), problem="fake"),
    Rule.received_too_late: make_case(order=received(receipt_confirmed_on=day(-30)), problem="fake"),
    Rule.not_as_described: make_case(order=received(), problem="not_as_described"),
    Rule.fake: make_case(order=received(), problem="fake"),
    Rule.wrong_item: make_case(order=received(), problem="wrong_item"),
    Rule.slightly_imperfect: make_case(order=received(), problem="slightly_imperfect", refund_wanted="12.00"),
    Rule.incomplete: make_case(order=received(), problem="incomplete", missing_items_value="15.00"),
    Rule.wrong_shipping_paid_and_late: make_case(order=received(), problem="wrong_shipping_method", arrived_late=True),
    Rule.wrong_shipping_confirm: make_case(order=received(shipping_paid="0.00"), problem="wrong_shipping_method"),
    Rule.wrong_shipping_confirmed: make_case(
        order=received(receipt_confirmed_on=day(-2), shipping_paid="0.00"), problem="wrong_shipping_method"
    ),
    Rule.changed_mind: make_case(order=received(), problem="changed_mind"),
    # A return in progress
    Rule.return_not_sent: make_case(
        order=received(), problem="not_as_described", item_return={"agreed_on": day(-3), "status": "not_sent"}
    ),
    Rule.return_ship_by_passed: make_case(
        order=received(), problem="changed_mind", item_return={"agreed_on": day(-11), "status": "not_sent"}
    ),
    Rule.return_no_label: make_case(
        order=received(),
        problem="not_as_described",
        item_return={"agreed_on": day(-3), "status": "no_label"},
    ),
    Rule.return_label_refused: make_case(
        order=received(),
        problem="not_as_described",
        item_return={"agreed_on": day(-3), "ship_by": day(4), "status": "label_refused"},
    ),
    Rule.return_delivered: make_case(
        order=received(),
        problem="not_as_described",
        item_return={"agreed_on": day(-12), "sent_on": day(-9), "delivered_on": day(-3), "status": "delivered"},
    ),
    Rule.return_sent: make_case(
        order=received(),
        problem="changed_mind",
        item_return={"agreed_on": day(-8), "sent_on": day(-5), "status": "sent"},
    ),
    Rule.return_lost: make_case(
        order=received(),
        problem="not_as_described",
        item_return={"agreed_on": day(-20), "sent_on": day(-15), "status": "lost"},
    ),
    # Cancelled before shipping, money not back
    Rule.cancelled_refund_on_its_way: make_case(order={"shipped_on": DROP}, cancelled_on=day(-3)),
    Rule.cancelled_refund_overdue: make_case(order={"shipped_on": DROP}, cancelled_on=day(-35), paid_with="card"),
    Rule.cancelled_refund_overdue_not_card: make_case(
        order={"shipped_on": DROP}, cancelled_on=day(-20), paid_with="aliexpress"
    ),
    Rule.arrived_since: make_case(order=received(), problem="not_as_described", dispute={"arrived_since": True}),
    Rule.refund_as_bonus: make_case(order={"shipped_on": DROP}, cancelled_on=day(-5), refund_as_bonus=True),
    Rule.extra_charge: make_case(
        order={"shipped_on": DROP, "total_paid": "42.50"}, payment_problem="charged_twice", charged_on=day(-3)
    ),
    Rule.extra_charge_overdue: make_case(
        order={"shipped_on": DROP}, payment_problem="no_order", charged_on=day(-40), paid_with="card"
    ),
    Rule.paid_outside: make_case(
        order={"shipped_on": DROP}, payment_problem="paid_outside", charged_on=day(-10), paid_with="card"
    ),
    Rule.paid_outside_paypal: make_case(
        order={"shipped_on": DROP, "total_paid": "120"},
        payment_problem="paid_outside",
        charged_on=day(-10),
        paid_with="paypal",
    ),
}
"""One hand-made case per rule, reaching that rule (a new rule needs a line here)."""
