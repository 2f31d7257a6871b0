"""The words for a parcel that turns up after a dispute refunded it, often with a seller asking to be paid.

The guide stops at the refund. What buyers then hit is a seller asking for the money by PayPal, a bank transfer
or a link: the facts notes list paying outside AliExpress among the worst mistakes. Settling fairly (paying for
the item, or sending it back) is the buyer's choice, and is done through AliExpress only.
"""

from __future__ import annotations

from core.i18n import _
from core.models import Message
from core.wording.said import Said, message


def after_refund_steps(w: Said) -> list[str]:
    return [
        _("Your refund stands. Decide what's fair to you: keep the item and pay for it, or send it back."),
        _(
            "Either way, ask AliExpress how: open its help chat, ask for an agent, and paste the message below. "
            "There is no phone number: numbers found online are fakes."
        ),
        _("If the seller writes to you, answer only in the AliExpress chat, with the message below."),
        _("If the seller threatens you, or asks for money outside AliExpress, report them from the chat."),
    ]


def after_refund_proof(w: Said) -> list[str]:
    return [
        _("A screenshot of the closed dispute and of the refund."),
        _("A photo of the parcel's label, and the day it came."),
        _("Screenshots of what the seller asks you for."),
    ]


def after_refund_warnings(w: Said) -> list[str]:
    return [
        _(
            "Pay nothing outside AliExpress: not by PayPal, a bank transfer, a payment link or a card number sent in "
            "a chat. AliExpress can't protect that money, and the message may not even be from the seller."
        )
    ]


def after_refund_messages(w: Said) -> list[Message]:
    support = _(
        "Hello, I need help with {order}. My dispute was closed and I was refunded, but the parcel has arrived "
        "since. I would like to settle this fairly through AliExpress: please tell me how to pay for the item or "
        "send it back. Thank you."
    ).format(order=w.order_ref)
    seller = _(
        "Hello, the parcel for {order} arrived after my refund. I am happy to settle it, but only through "
        "AliExpress: I am asking AliExpress support how. I will not pay outside AliExpress. Thank you."
    ).format(order=w.order_ref)
    return [
        message("support", _("To AliExpress customer support"), support),
        message("seller", _("To the seller"), seller),
    ]
