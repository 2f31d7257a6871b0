"""Reading a case from outside: pydantic's checks plus the contradictions between fields.

Every problem is reported with the field it is about ("order.shipped_on: ..."), all
at once, so a person can fix everything in one go.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from core.i18n import _
from core.models import Case, DisputeStatus, Problem, Tracking


@dataclass(frozen=True)
class CaseProblem:
    """One thing wrong with a case: the dotted field it is about, and what is wrong."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class CaseError(ValueError):
    """A case that cannot be advised on, with every problem found in it."""

    def __init__(self, problems: list[CaseProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def read_case(data: Any, today: dt.date | None = None) -> Case:
    """Check `data` (a dict, or JSON text) and return the case, or raise CaseError naming each field."""
    if isinstance(data, Case):
        case = data
    else:
        if isinstance(data, (bytes, bytearray)):
            try:
                data = data.decode("utf-8")
            except UnicodeDecodeError:
                raise CaseError([CaseProblem("", _("The file is not UTF-8 text."))]) from None
        try:
            case = Case.model_validate_json(data) if isinstance(data, str) else Case.model_validate(data)
        except ValidationError as error:
            raise CaseError([from_pydantic(e) for e in error.errors(include_url=False)]) from None
    problems = contradictions(case, today or case.today or dt.date.today())
    if problems:
        raise CaseError(problems)
    return case


def from_pydantic(error: ErrorDetails) -> CaseProblem:
    field = ".".join(str(part) for part in error["loc"])
    if error["type"] == "json_invalid":
        return CaseProblem("", _("This is not valid JSON ({detail}).").format(detail=error["ctx"]["error"]))
    if error["type"] == "extra_forbidden":
        return CaseProblem(field, _("Unknown field: remove it or check its spelling."))
    return CaseProblem(field, pydantic_words(error))


def pydantic_words(error: ErrorDetails) -> str:
    """Pydantic's complaint in our words and the reader's language: its own messages are English only."""
    kind, ctx = error["type"], error.get("ctx") or {}
    limit = next((ctx[name] for name in ("ge", "gt", "le", "lt") if name in ctx), None)
    if kind == "missing":
        return _("Missing: this is needed.")
    if kind.startswith(("date_", "datetime_")):
        return _("Not a date: write it as YYYY-MM-DD, e.g. 2026-11-26.")
    if kind in ("greater_than_equal", "greater_than"):
        return _("Too small: the least is {low}.").format(low=limit)
    if kind in ("less_than_equal", "less_than"):
        return _("Too big: the most is {high}.").format(high=limit)
    if kind.startswith(("int_", "float_", "decimal_")):
        return _("Not a number.")
    if kind.startswith("bool_"):
        return _("Write true or false.")
    if kind == "string_too_long":
        return _("Too long: at most {n} characters.").format(n=ctx.get("max_length"))
    if kind in ("literal_error", "enum"):
        # pydantic joins the last two with an English "or": a plain list reads the same in every language.
        return _("Must be one of: {choices}.").format(choices=str(ctx.get("expected", "")).replace("' or '", "', '"))
    if kind == "value_error" and error["loc"] and error["loc"][-1] == "order_number":
        return _("An order number is 8 to 20 digits, as shown on the order page.")
    return _("This value can't be read.")


def contradictions(case: Case, today: dt.date) -> list[CaseProblem]:
    """Answers that cannot all be true at once."""
    return [
        *_days_out_of_order(case, today),
        *_receipt(case),
        *_amounts(case),
        *_other(case),
        *_dispute_days(case),
        *_return_and_cancel(case),
    ]


def _days_out_of_order(case: Case, today: dt.date) -> Iterator[CaseProblem]:
    """Events after today, or shipping before the order was placed."""
    order, dispute = case.order, case.dispute
    placed = order.placed_on
    if placed is not None and today < placed:
        yield CaseProblem(
            "today",
            _("Today ({today}) is before the order was placed ({placed}).").format(today=today, placed=order.placed_on),
        )
    past_events = {
        "order.shipped_on": order.shipped_on,
        "order.receipt_confirmed_on": order.receipt_confirmed_on,
        "seller_contacted_on": case.seller_contacted_on,
        "cancelled_on": case.cancelled_on,
        "charged_on": case.charged_on,
        "order.delivered_on": case.order.delivered_on,
    }
    if case.item_return is not None:
        past_events |= {
            "item_return.agreed_on": case.item_return.agreed_on,
            "item_return.sent_on": case.item_return.sent_on,
            "item_return.delivered_on": case.item_return.delivered_on,
        }
    if dispute is not None:
        past_events |= {
            "dispute.opened_on": dispute.opened_on,
            "dispute.closed_on": dispute.closed_on,
            "dispute.refund_processed_on": dispute.refund_processed_on,
        }
    for field, day in past_events.items():
        if day is not None and (placed is None or placed <= today) and today < day:
            yield CaseProblem(
                field, _("This has already happened, so it can't be after today ({today}).").format(today=today)
            )
    ends = order.protection_ends_on
    if ends is not None and (order.shipped_on is None or ends < order.shipped_on):
        yield CaseProblem(
            "order.protection_ends_on",
            _("Buyer protection ends after the order ships: give a shipping date on or before it."),
        )
    if order.shipping_day_unknown and order.shipped_on is None:
        yield CaseProblem(
            "order.placed_on", _("With the shipping day unknown, give the day you ordered: the dates count from it.")
        )
    if order.shipped_on is not None and placed is not None and order.shipped_on < placed:
        yield CaseProblem(
            "order.shipped_on",
            _("The order can't ship before it was placed ({placed}).").format(placed=order.placed_on),
        )
    pay_by = order.customs_pay_by
    if pay_by is not None and order.shipped_on is not None and pay_by < order.shipped_on:
        yield CaseProblem(
            "order.customs_pay_by",
            _("The customs notice's last day can't be before the order shipped ({shipped}).").format(
                shipped=order.shipped_on
            ),
        )


def _receipt(case: Case) -> Iterator[CaseProblem]:
    """A received order needs a shipping date; a receipt can't be confirmed before shipping."""
    order = case.order
    known = not order.shipping_day_unknown  # else the order's day is asked for instead, above
    if order.received and order.shipped_on is None and known and case.dispute is None and case.item_return is None:
        yield CaseProblem("order.shipped_on", _("A received order must have a shipping date."))
    # Receipt confirmed for a parcel not received is a real mistake buyers make: core.rules has its line.
    confirmed = order.receipt_confirmed_on
    if confirmed is not None and order.shipped_on is not None and confirmed < order.shipped_on:
        yield CaseProblem(
            "order.receipt_confirmed_on",
            _("Receipt can't be confirmed before shipping ({shipped}).").format(shipped=order.shipped_on),
        )


def _amounts(case: Case) -> Iterator[CaseProblem]:
    """No part of the order, and no refund wanted, can be worth more than the order."""
    order = case.order
    if order.shipping_paid > order.total_paid:
        yield CaseProblem(
            "order.shipping_paid",
            _("Shipping ({shipping}) can't be more than the total paid ({total}).").format(
                shipping=order.shipping_paid, total=order.total_paid
            ),
        )
    if case.missing_items_value is not None and case.missing_items_value > order.total_paid:
        yield CaseProblem(
            "missing_items_value",
            _("The missing items ({value}) can't be worth more than the order ({total}).").format(
                value=case.missing_items_value, total=order.total_paid
            ),
        )
    if case.refund_wanted is not None and order.total_paid > 0 and case.refund_wanted > order.total_paid:
        yield CaseProblem(
            "refund_wanted",
            _("The refund you want ({value}) can't be more than the order cost ({total}).").format(
                value=case.refund_wanted, total=order.total_paid
            ),
        )


def _dispute_days(case: Case) -> Iterator[CaseProblem]:
    """A dispute opens after shipping, closes after opening, and has a closing date only once closed."""
    dispute, shipped = case.dispute, case.order.shipped_on
    if dispute is None:
        return
    due = dispute.proof_due_on
    if due is not None and dispute.opened_on is not None and due < dispute.opened_on:
        yield CaseProblem(
            "dispute.proof_due_on",
            _("AliExpress can't ask for proof before the dispute opened ({opened}).").format(opened=dispute.opened_on),
        )
    if dispute.closed_on is not None and dispute.opened_on is not None and dispute.closed_on < dispute.opened_on:
        yield CaseProblem(
            "dispute.closed_on",
            _("The dispute can't close before it opened ({opened}).").format(opened=dispute.opened_on),
        )
    if dispute.opened_on is not None and shipped is not None and dispute.opened_on < shipped:
        yield CaseProblem(
            "dispute.opened_on",
            _("The dispute can't open before the order shipped ({shipped}).").format(shipped=shipped),
        )
    if dispute.status is not DisputeStatus.closed and dispute.closed_on is not None:
        yield CaseProblem("dispute.closed_on", _("Only a closed dispute has a closing date."))


def _return_and_cancel(case: Case) -> Iterator[CaseProblem]:
    """A return is sent after it was agreed; an order cancelled before shipping has no shipping date."""
    item_return = case.item_return
    agreed = item_return.agreed_on if item_return is not None else None
    sent = item_return.sent_on if item_return is not None else None
    ship_by = item_return.ship_by if item_return is not None else None
    if agreed is not None and sent is not None and sent < agreed:
        yield CaseProblem(
            "item_return.sent_on",
            _("The item can't be sent back before the return was agreed ({agreed}).").format(agreed=agreed),
        )
    delivered = item_return.delivered_on if item_return is not None else None
    if sent is not None and delivered is not None and delivered < sent:
        yield CaseProblem(
            "item_return.delivered_on",
            _("The seller can't get it before it was sent back ({sent}).").format(sent=sent),
        )
    if agreed is not None and ship_by is not None and ship_by < agreed:
        yield CaseProblem(
            "item_return.ship_by",
            _("The day to send it back can't be before the return was agreed ({agreed}).").format(agreed=agreed),
        )
    if case.cancelled_on is not None and case.order.shipped_on is not None:
        yield CaseProblem("cancelled_on", _("An order cancelled before shipping has no shipping date."))
    arrived, order = case.order.delivered_on, case.order
    if arrived is not None and not order.received:
        yield CaseProblem("order.delivered_on", _("Only an item that arrived has a day it arrived."))
    if arrived is not None and order.shipped_on is not None and arrived < order.shipped_on:
        yield CaseProblem(
            "order.delivered_on", _("It can't arrive before it shipped ({shipped}).").format(shipped=order.shipped_on)
        )
    if arrived is not None and order.receipt_confirmed_on is not None and order.receipt_confirmed_on < arrived:
        yield CaseProblem(
            "order.delivered_on",
            _("It can't arrive after receipt was confirmed ({day}).").format(day=order.receipt_confirmed_on),
        )
    if case.delivered_elsewhere and case.order.tracking is not Tracking.delivered:
        yield CaseProblem(
            "delivered_elsewhere", _("“Somewhere else” only fits a parcel the tracking says was delivered.")
        )
    if case.payment_problem is not None and (case.dispute is not None or case.item_return is not None):
        yield CaseProblem(
            "payment_problem",
            _("A payment problem is about the money, not an order's dispute or return: describe one or the other."),
        )


def _other(case: Case) -> Iterator[CaseProblem]:
    """A parcel "not arrived" that was received, a free return both open and used, and an unknown country."""
    dispute = case.dispute
    if dispute is not None and dispute.seller_rejected and dispute.seller_offer is not None:
        yield CaseProblem(
            "dispute.seller_rejected",
            _("The seller can't both reject the dispute and make an offer: say which one happened."),
        )
    if case.order.free_return and case.order.free_return_used:
        yield CaseProblem(
            "order.free_return_used",
            _("The free return can't be both still open and already used: say which one is true."),
        )
    if case.order.received and case.problem in (Problem.not_arrived, Problem.delivered_not_received):
        yield CaseProblem(
            "problem", _("“{problem}” does not fit an order marked as received.").format(problem=case.problem.value)
        )
    if case.country is not None:
        from core.dates import known_countries

        if case.country not in known_countries():
            yield CaseProblem("country", _("Unknown country code {code}.").format(code=case.country))
