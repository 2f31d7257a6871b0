"""The words for money with no order of its own behind it: a double charge, a charge with no order, and money
paid to a seller outside AliExpress.

A message states only what the buyer told us: the day the money was taken and how much, when given; an order
number or the last digits of a card stay [placeholders].
"""

from __future__ import annotations

import datetime as dt

from core.facts import CHARGEBACK_NOT_RECEIVED, PAYPAL_DISPUTE, PAYPAL_ESCALATE, REFUND_OTHER
from core.i18n import _, show_date
from core.models import Message, Payment, PaymentProblem
from core.wording.said import Said, message


def _twice(w: Said) -> bool:
    return w.case.payment_problem is PaymentProblem.charged_twice


def _taken(w: Said) -> str:
    """The amount taken, or a placeholder (a zero says nothing)."""
    paid = w.order.total_paid
    return w.money(paid) if paid > 0 else "[" + _("amount") + "]"


def _taken_on(w: Said) -> str:
    charged = w.case.charged_on
    return show_date(charged) if charged is not None else "[" + _("date") + "]"


# Headlines


def extra_charge_headline(w: Said) -> str:
    if w.dates.refund_expected_by is None:
        if _twice(w):
            return _("Don't cancel your order: ask AliExpress in the help chat to refund the second charge.")
        return _("Don't pay again: ask AliExpress in the help chat about the money taken with no order.")
    if _twice(w):
        return _(
            "Don't cancel your order: ask AliExpress in the help chat to refund the second charge. It's usually back "
            "by {day}."
        ).format(day=w.day("refund_expected_by"))
    return _(
        "Don't pay again: ask AliExpress in the help chat about the money taken with no order. It's usually back "
        "by {day}."
    ).format(day=w.day("refund_expected_by"))


def extra_charge_late_headline(w: Said) -> str:
    if w.case.paid_with is Payment.paypal:
        return _("The money still isn't back: open a PayPal dispute for it, and tell AliExpress in the help chat.")
    if w.case.paid_with is Payment.aliexpress:
        return _("The money still isn't back in your AliExpress balance: send support the message below.")
    return _("The money still isn't back: ask your bank to dispute the charge, and tell AliExpress in the help chat.")


def paid_outside_headline(w: Said) -> str:
    why = _("AliExpress can't protect money paid outside it.")
    if w.case.paid_with is Payment.paypal:
        by = w.dates.paypal_dispute_by
        if by is not None and by < w.today:
            return _("PayPal's {n} days ended on {day}: ask PayPal and your bank anyway.").format(
                n=w.n(PAYPAL_DISPUTE), day=show_date(by)
            )
        if by is not None:
            return _("Open a PayPal dispute by {day}.").format(day=show_date(by)) + " " + why
        return _("Open a PayPal dispute today.") + " " + why
    if w.case.paid_with is Payment.card:
        by = w.dates.chargeback_by
        if by is not None and by < w.today:
            return _("The card rules' {n} days ended on {day}: ask your bank anyway.").format(
                n=w.n(CHARGEBACK_NOT_RECEIVED), day=show_date(by)
            )
        if by is not None:
            return _("Ask your bank for a chargeback by {day}.").format(day=show_date(by)) + " " + why
        return _("Ask your bank for a chargeback today.") + " " + why
    if w.case.paid_with is None:
        return _("Ask PayPal or your bank today to get the money back.") + " " + why
    return _("Call your bank today to try to recall the payment.") + " " + why


# Steps


def extra_charge_steps(w: Said) -> list[str]:
    if _twice(w):
        listed = [
            _(
                "Open “My orders” and look through every tab, “Awaiting payment” and “Cancelled” too: see whether "
                "a second order was made."
            ),
            _("Found a second order you didn't mean to place? Cancel only that one, and keep the order you want."),
        ]
    else:
        listed = [
            _(
                "Open “My orders” and look through every tab, “Awaiting payment” and “Cancelled” too: the order may "
                "be there after all."
            ),
            _("Don't buy it again until you know where this money went."),
        ]
    if w.case.paid_with in (None, Payment.card):
        listed.append(_("On a card, a charge may only be a hold: a pending charge that drops off by itself."))
    listed.append(_("Send AliExpress the message below in the help chat, with a screenshot of your statement."))
    if w.dates.refund_expected_by is not None:
        listed.append(
            _("Not back by {day}? Come back to this plan: it will tell you who to ask.").format(
                day=w.day("refund_expected_by")
            )
        )
    return listed


def extra_charge_late_steps(w: Said) -> list[str]:
    listed = [_("Check your statement from the day you were charged: a refund can show up under that date.")]
    if w.case.paid_with is Payment.paypal:
        listed.append(_("Open a PayPal dispute for the payment, with the description below."))
    elif w.case.paid_with is not Payment.aliexpress:
        listed.append(_("Send your bank the message below: a charge taken twice, or for nothing, can be disputed."))
    listed.append(_("Tell AliExpress in the help chat too, with a screenshot of your statement."))
    return listed


def paid_outside_steps(w: Said) -> list[str]:
    listed: list[str] = []
    paid_with = w.case.paid_with
    if paid_with in (None, Payment.paypal):
        listed.append(_paypal_step(w))
    if paid_with in (None, Payment.card):
        listed.append(_chargeback_step(w))
    if paid_with in (None, Payment.other, Payment.aliexpress):
        listed.append(
            _("Paid by bank transfer? Call your bank today and ask them to recall it: the sooner, the better.")
            if paid_with is None
            else _("Call your bank today and ask them to recall the payment: the sooner, the better.")
        )
    listed += [
        _("Report the seller to AliExpress in the help chat, with your screenshots."),
        _(
            "Was the money for an AliExpress order? That order is still covered: if it doesn't come or isn't right, "
            "open a dispute on it as usual."
        ),
    ]
    return listed


def _paypal_step(w: Said) -> str:
    lead = _("Paid with PayPal?") + " " if w.case.paid_with is None else ""
    escalate = _("Turn it into a claim within {n} days, or it closes for good.").format(n=w.n(PAYPAL_ESCALATE))
    by = w.dates.paypal_dispute_by
    if by is not None and by < w.today:
        return lead + _("PayPal's {n} days for a dispute ended on {day}: ask PayPal anyway.").format(
            n=w.n(PAYPAL_DISPUTE), day=show_date(by)
        )
    if by is None:
        return lead + _(
            "Open a PayPal dispute within {n} days of paying, with the description below. {escalate}"
        ).format(n=w.n(PAYPAL_DISPUTE), escalate=escalate)
    return lead + _("Open a PayPal dispute by {day}, with the description below. {escalate}").format(
        day=show_date(by), escalate=escalate
    )


def _chargeback_step(w: Said) -> str:
    lead = _("Paid by card?") + " " if w.case.paid_with is None else ""
    by = w.dates.chargeback_by
    if by is not None and by < w.today:
        return lead + _("The card rules' {n} days ended on {day}: ask your bank anyway.").format(
            n=w.n(CHARGEBACK_NOT_RECEIVED), day=show_date(by)
        )
    if by is None:
        return lead + _(
            "Ask your bank for a chargeback: card rules allow {n} days from the payment, and your bank may allow less."
        ).format(n=w.n(CHARGEBACK_NOT_RECEIVED))
    return lead + _(
        "Ask your bank for a chargeback by {day}: card rules allow {n} days from the payment, and your bank may allow "
        "less."
    ).format(day=show_date(by), n=w.n(CHARGEBACK_NOT_RECEIVED))


# Proof


def extra_charge_proof(w: Said) -> list[str]:
    statement = (
        _("A screenshot of your statement showing both charges.")
        if _twice(w)
        else _("A screenshot of your statement showing the charge.")
    )
    return [statement, _("A screenshot of “My orders”, with every tab you checked.")]


def paid_outside_proof(w: Said) -> list[str]:
    return [
        _("The payment's receipt, from PayPal or your bank."),
        _("Screenshots of anything the seller sent you: the chat, a payment link, their account details."),
        _("A screenshot of the store or listing."),
    ]


# Warnings


def paid_outside_warnings(w: Said) -> list[str]:
    listed = [
        _(
            "Don't send the seller more money, whatever they promise: a fee to release a refund or a parcel is part "
            "of the scam."
        )
    ]
    if w.case.paid_with in (None, Payment.paypal):
        listed.append(_("Sent it to “Friends and family” on PayPal? PayPal's protection may not cover it: ask anyway."))
    listed.append(_("Next time, pay only through AliExpress: its protection covers nothing paid outside it."))
    return listed


# Messages


def support_extra_charge(w: Said) -> list[Message]:
    if _twice(w):
        body = _(
            "Hello, on {day} I was charged twice for {order}: {amount} was taken a second time. I ordered it only "
            "once. Could you please refund the second charge, and tell me when it will be back? A screenshot of "
            "my statement is attached. Thank you."
        ).format(day=_taken_on(w), order=w.order_ref, amount=_taken(w))
    else:
        body = _(
            "Hello, on {day} {amount} was taken for a payment on AliExpress, but no order shows for it in my "
            "account. Could you please refund it, or tell me which order it belongs to? A screenshot of my statement "
            "is attached. Thank you."
        ).format(day=_taken_on(w), amount=_taken(w))
    return [message("support", _("To AliExpress customer support"), body)]


def extra_charge_late_messages(w: Said) -> list[Message]:
    what = (
        _("AliExpress charged me twice for {order}: {amount} was taken a second time on {day}.")
        if _twice(w)
        else _("AliExpress took {amount} on {day}, but no order shows for it in my account.")
    ).format(order=w.order_ref, amount=_taken(w), day=_taken_on(w))
    found = []
    if w.case.paid_with is Payment.paypal:
        body = _("{what} It has not been refunded. I ask for a refund of {amount}. I can send screenshots.").format(
            what=what, amount=_taken(w)
        )
        found.append(message("paypal", _("PayPal dispute description"), body))
    elif w.case.paid_with is not Payment.aliexpress:
        body = _(
            "Hello, {what} It has not been refunded. Could you please dispute this charge on my card ending in "
            "[last 4 digits]? I can send screenshots. Thank you."
        ).format(what=what)
        found.append(message("bank", _("To your bank"), body))
    body = _(
        "Hello, {what} It should have been back by {by}, but it is not. Could you please refund it? A screenshot of "
        "my statement is attached. Thank you."
    ).format(what=what, by=w.day("refund_expected_by"))
    found.append(message("support", _("To AliExpress customer support"), body))
    return found


def paid_outside_messages(w: Said) -> list[Message]:
    what = _("On {day} I paid {amount} to a seller I found on AliExpress, outside AliExpress.").format(
        day=_taken_on(w), amount=_taken(w)
    )
    what += " " + _("[What you paid for, and what went wrong, in one line.]")
    found = []
    if w.case.paid_with in (None, Payment.paypal) and not _closed(w, w.dates.paypal_dispute_by):
        body = _("{what} I ask for a refund of {amount}. I can send screenshots.").format(what=what, amount=_taken(w))
        title = (
            _("PayPal dispute description")
            if w.case.paid_with
            else _("PayPal dispute description, if you paid with PayPal")
        )
        found.append(message("paypal", title, body))
    if w.case.paid_with is not Payment.paypal:
        ask = (
            _("Could you please open a chargeback on my card ending in [last 4 digits]?")
            if w.case.paid_with is Payment.card
            else _("Could you please recall the payment, or open a chargeback if I paid by card?")
            if w.case.paid_with is None
            else _("Could you please try to recall the payment?")
        )
        body = _("Hello, I need help getting a payment back. {what} {ask} I can send screenshots. Thank you.").format(
            what=what, ask=ask
        )
        found.append(message("bank", _("To your bank"), body))
    return found


def _closed(w: Said, day: dt.date | None) -> bool:
    return day is not None and day < w.today


# A refund that came back as AliExpress Bonus


def bonus_steps(w: Said) -> list[str]:
    w.cites(REFUND_OTHER)  # Bonus can only be spent on AliExpress
    return [
        _("Open your AliExpress wallet and take a screenshot of the Bonus, with its expiry date if it shows one."),
        _(
            "In the help chat, ask to speak to a person, and send the message below: only AliExpress can send it back "
            "the way you paid."
        ),
        _("If they can't, spend the Bonus on AliExpress before it runs out: it can't be paid out as money."),
        _("Next time, pick the refund to your card or PayPal: it takes longer, but it's money."),
    ]


def bonus_proof(w: Said) -> list[str]:
    return [
        _("A screenshot of your AliExpress wallet showing the Bonus."),
        _("A screenshot of the order page showing the refund."),
    ]


def bonus_warnings(w: Said) -> list[str]:
    return [
        _(
            "Don't ask your bank for a chargeback: AliExpress did refund you, as Bonus, so the bank will likely "
            "refuse it."
        )
    ]


def support_bonus(w: Said) -> list[Message]:
    body = _(
        "Hello, the refund for {order} came back to me as AliExpress Bonus, not the way I paid. I would like it "
        "refunded to my original payment method instead. Could you please change it? A screenshot of my wallet is "
        "attached. Thank you."
    ).format(order=w.order_ref)
    return [message("support", _("To AliExpress customer support"), body)]
