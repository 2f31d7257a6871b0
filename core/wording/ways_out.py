"""The ways out that still exist outside AliExpress once its own routes are exhausted.

A PayPal dispute (only for a PayPal payment), a card chargeback with the bank (for a card, or
when the buyer hasn't said how they paid), and in the EU the seller's legal guarantee. Each step
says it is outside AliExpress, gives its own last day from the case (core.rules.ways_out_dates),
and says plainly when a route has closed or none is left.
"""

from __future__ import annotations

import datetime as dt

from core.facts import (
    CHARGEBACK_NOT_AS_DESCRIBED,
    CHARGEBACK_NOT_RECEIVED,
    EU_GUARANTEE,
    PAYPAL_DISPUTE,
    PAYPAL_ESCALATE,
)
from core.i18n import _, ngettext, show_date
from core.models import Message, Payment, Problem, Rule
from core.rules import FAULTS, card_route, guarantee_route, problem_unknown
from core.wording.messages import PROBLEM_SENTENCE, not_arrived_sentence, problem_sentence
from core.wording.said import Said, message

Route = tuple[str, bool]
"""A route's step, and whether it is still open today."""


def ways_out_steps(w: Said) -> list[str]:
    """One step per route outside AliExpress: its last day, or the day it closed; and why none is left."""
    routes = [*_paypal(w), *_chargeback(w), *_guarantee(w)]
    listed = [text for text, _open in routes]
    if any(still_open for _text, still_open in routes):
        return listed
    if w.case.paid_with is Payment.aliexpress:
        why = _("Outside AliExpress, no bank or PayPal can help: the order was paid with AliExpress Bonus or balance.")
    else:
        why = _(
            "Outside AliExpress, no way out is left that we know of: ask your bank or payment provider whether it "
            "can still help."
        )
    return [*listed, why]


def backup_steps(w: Said) -> list[str]:
    """An appeal's answer takes days: the routes outside AliExpress still open, so none closes unseen."""
    routes = [text for text, still_open in (*_paypal(w), *_chargeback(w)) if still_open]
    if not routes:
        return []
    if w.decision.rule is Rule.appeal:
        lead = ngettext(
            "If the appeal fails, you can still try outside AliExpress: don't let the last day below pass while you "
            "wait for the answer.",
            "If the appeal fails, you can still try outside AliExpress: don't let the last days below pass while you "
            "wait for the answer.",
            len(routes),
        )
    elif w.decision.rule is Rule.confirmed_not_received_too_late:
        lead = ngettext(
            "If AliExpress doesn't refund you, you can still try outside AliExpress: don't let the last day below "
            "pass.",
            "If AliExpress doesn't refund you, you can still try outside AliExpress: don't let the last days below "
            "pass.",
            len(routes),
        )
    elif w.decision.rule is Rule.late_claim:
        lead = ngettext(
            "If AliExpress turns this late request down, you can still try outside AliExpress: don't let the last "
            "day below pass.",
            "If AliExpress turns this late request down, you can still try outside AliExpress: don't let the last "
            "days below pass.",
            len(routes),
        )
    elif w.decision.rule is Rule.return_delivered:
        lead = ngettext(
            "If support doesn't release it, you can still try outside AliExpress: don't let the time limit below "
            "run out while you wait.",
            "If support doesn't release it, you can still try outside AliExpress: don't let the time limits below "
            "run out while you wait.",
            len(routes),
        )
    else:
        lead = ngettext(
            "If the outcome stays unfair, you can still try outside AliExpress: don't let the time limit below run "
            "out while you wait.",
            "If the outcome stays unfair, you can still try outside AliExpress: don't let the time limits below run "
            "out while you wait.",
            len(routes),
        )
    return [lead, *routes]


def _outside(w: Said, method: Payment) -> str:
    """How a route's step starts: "Outside AliExpress", with an "if" when the buyer hasn't said how they paid."""
    if w.case.paid_with is not None:
        return _("Outside AliExpress")
    if method is Payment.paypal:
        return _("Outside AliExpress, if you paid with PayPal")
    return _("Outside AliExpress, if you paid by card")


def _paypal(w: Said) -> list[Route]:
    if w.case.paid_with not in (None, Payment.paypal):
        return []
    outside, days = _outside(w, Payment.paypal), w.n(PAYPAL_DISPUTE)
    escalate = _("Turn it into a claim within {n} days, or it closes for good.").format(n=w.n(PAYPAL_ESCALATE))
    by = w.dates.paypal_dispute_by
    if by is None:
        text = _(
            "{outside}: open a PayPal dispute within {n} days of the day you paid (the order page shows the date). "
            "{escalate}"
        ).format(outside=outside, n=days, escalate=escalate)
        return [(text, True)]
    if by < w.today:
        text = _("{outside}: the {n} days for a PayPal dispute ended on {day}.")
        return [(text.format(outside=outside, n=days, day=show_date(by)), False)]
    text = _("{outside}: open a PayPal dispute by {day}, {n} days after you paid. {escalate}").format(
        outside=outside, day=show_date(by), n=days, escalate=escalate
    )
    return [(text, True)]


def _chargeback(w: Said) -> list[Route]:
    if not card_route(w.case):
        return []
    outside = _outside(w, Payment.card)
    days = w.n(CHARGEBACK_NOT_AS_DESCRIBED if w.order.received else CHARGEBACK_NOT_RECEIVED)
    if problem_unknown(w.case):
        start = _("from receiving the item, or from the last expected delivery day if it never came")
    elif w.order.received:
        start = _("from receiving the item")
    else:
        start = _("from the last expected delivery day on the order page")
    by = w.dates.chargeback_by
    if by is not None and by < w.today:
        text = _("{outside}: the {n} days the card rules give your bank for a chargeback ended on {day}.")
        return [(text.format(outside=outside, n=days, day=show_date(by)), False)]
    if by is not None:
        text = _(
            "{outside}: ask your bank for a chargeback by {day}. Card rules allow {n} days {start}, and your bank "
            "may allow less, so don't wait."
        ).format(outside=outside, day=show_date(by), n=days, start=start)
    else:
        text = _(
            "{outside}: ask your bank for a chargeback. Card rules allow {n} days {start}, and your bank may allow "
            "less, so don't wait."
        ).format(outside=outside, n=days, start=start)
    return [(text, True)]


def _guarantee(w: Said) -> list[Route]:
    if not guarantee_route(w.case):
        return []
    outside, until = _("Outside AliExpress"), w.dates.eu_guarantee_until
    if until is not None and until < w.today:
        return [
            (
                _("{outside}: the EU's legal guarantee ended on {day}.").format(outside=outside, day=show_date(until)),
                False,
            )
        ]
    years = w.n(EU_GUARANTEE)
    if until is not None:
        text = _(
            "{outside}: in the EU the seller owes a legal guarantee of {n} years, until {day}. Send the seller the "
            "message below, asking for a repair, a replacement or your money back."
        ).format(outside=outside, n=years, day=show_date(until))
    else:
        text = _(
            "{outside}: in the EU the seller owes a legal guarantee of {n} years from delivery. Send the seller the "
            "message below, asking for a repair, a replacement or your money back."
        ).format(outside=outside, n=years)
    return [(text, True)]


def warranty_steps(w: Said) -> list[str]:
    """A fault found after protection: many stores give their own warranty, worth asking for first."""
    if not _warranty_applies(w):
        return []
    return [_("Send the seller the warranty message below: many stores repair, replace or refund after protection.")]


def seller_warranty(w: Said) -> list[Message]:
    """Outside the EU, where no legal guarantee message is sent: the seller's own warranty."""
    if not _warranty_applies(w):
        return []
    body = _(
        "Hello, I am writing about {order}. {problem} Could you please repair or replace it under your warranty, "
        "or refund me? Photos of the problem are attached. Thank you."
    ).format(order=w.order_ref, problem=_what_happened(w))
    return [message("seller", _("To the seller: warranty"), body)]


def _warranty_applies(w: Said) -> bool:
    return w.order.received and w.case.problem in FAULTS and not guarantee_route(w.case)


def ways_out_messages(w: Said) -> list[Message]:
    """A message for each route still open: to PayPal, to the bank, to the seller under the EU guarantee."""
    found: list[Message] = []
    if w.case.paid_with is Payment.paypal and not _closed(w.dates.paypal_dispute_by, w):
        found += _paypal_message(w)
    if card_route(w.case) and not _closed(w.dates.chargeback_by, w):
        found += _bank_message(w)
    if guarantee_route(w.case) and not _closed(w.dates.eu_guarantee_until, w):
        found += _guarantee_message(w)
    return found


def _closed(day: dt.date | None, w: Said) -> bool:
    return day is not None and day < w.today


def _what_happened(w: Said) -> str:
    """What went wrong, in the buyer's words: the parcel, or the problem with the item; a placeholder when the
    buyer didn't say (a closed dispute)."""
    if problem_unknown(w.case):
        return _("[what went wrong, in one line].")
    if not w.order.received:
        return not_arrived_sentence(w)
    if w.case.problem in PROBLEM_SENTENCE or w.case.problem is Problem.wrong_shipping_method:
        return problem_sentence(w)
    return _("[what went wrong, in one line].")


def _paid(w: Said) -> str:
    placed = w.order.placed_on
    return " " + _("I paid on {day}.").format(day=show_date(placed)) if placed is not None else ""


def _paid_on(w: Said) -> str:
    placed = w.order.placed_on
    return " " + _("on {day}").format(day=show_date(placed)) if placed is not None else ""


def _amount(w: Said) -> str:
    paid = w.order.total_paid
    return w.money(paid) if paid > 0 else "[" + _("amount") + "]"


def _bank_message(w: Said) -> list[Message]:
    body = _(
        "Hello, please help me dispute a card payment of {amount} to AliExpress for {order}.{paid} {what} "
        "AliExpress has not refunded me, and its own ways to claim are closed. Could you please open a chargeback? "
        "I can send screenshots of the order page. Thank you."
    ).format(amount=_amount(w), order=w.order_ref, paid=_paid(w), what=_what_happened(w))
    title = _("To your bank: chargeback") if w.case.paid_with else _("To your bank, if you paid by card: chargeback")
    return [message("bank", title, body)]


def _paypal_message(w: Said) -> list[Message]:
    body = _(
        "I paid AliExpress for {order}{paid}. {what} AliExpress has not refunded me, and its own ways to claim are "
        "closed. I ask for a refund of {amount}. I can send screenshots of the order page."
    ).format(order=w.order_ref, paid=_paid_on(w), what=_what_happened(w), amount=_amount(w))
    return [message("paypal", _("PayPal dispute description"), body)]


def _guarantee_message(w: Said) -> list[Message]:
    body = _(
        "Hello, I am writing about {order}. {problem} Under the EU's legal guarantee, I ask you to repair or "
        "replace it, or to refund me. Photos of the problem are attached. Thank you."
    ).format(order=w.order_ref, problem=_what_happened(w))
    return [message("seller", _("To the seller: EU legal guarantee"), body)]
