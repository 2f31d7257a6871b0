"""The words for an order the seller asks the buyer to cancel before it ships (out of stock, say).

The guide's way to cancel a paid order picks "Other reasons" and asks the seller to accept. Here the seller
wants it, so nobody has to agree: the reason should say it was the seller's, and cancelling is only quicker
than waiting for the shipping deadline, when AliExpress can close the order and refund it anyway.
"""

from __future__ import annotations

from core.i18n import _
from core.models import Message
from core.wording.said import Said, message
from core.wording.steps import cancellation_approved_step, refund_arrives_step


def seller_cancels_steps(w: Said) -> list[str]:
    return [
        _("Go to My Orders, find the order and tap “Cancel order”."),
        _(
            "For the reason, pick one that puts it on the seller (out of stock, say), if the list has one. If not, "
            "pick “Other reasons” and write that the seller asked you to cancel."
        ),
        _("Send the seller the message below, so they accept it quickly."),
        cancellation_approved_step(w),
        refund_arrives_step(w),
        _(
            "You don't have to cancel: if the seller doesn't ship by the deadline on the order page, AliExpress can "
            "close the order and refund you. Cancelling gets your money back sooner."
        ),
    ]


def seller_cancels_proof(w: Said) -> list[str]:
    return [_("A screenshot of the seller's message asking you to cancel.")]


def seller_cancels_warnings(w: Said) -> list[str]:
    return [
        _(
            "Take the refund only through the order page: never a refund by PayPal or bank transfer, and never pay "
            "for a new order through a link the seller sends."
        )
    ]


def seller_cancels_message(w: Said) -> list[Message]:
    body = _(
        "Hello, as you asked, I have asked to cancel {order}. Please accept the cancellation, so that my refund "
        "can go through. Thank you."
    ).format(order=w.order_ref)
    return [message("seller", _("To the seller"), body)]
