"""The words for a receipt confirmed on a parcel the buyer never got (by mistake, or because the seller asked).

Confirming pays the seller and leaves 15 days to open a dispute (the guide's "Opening dispute after 15 days");
the claim is still a parcel not received. A message states the day of the confirmation, which the buyer gave,
and never why they confirmed it, which they didn't.
"""

from __future__ import annotations

from core.facts import AFTER_RECEIPT
from core.i18n import _, show_date
from core.models import Message, Rule
from core.wording.said import Said, message


def confirmed_missing_headline(w: Said) -> str:
    if w.decision.rule is Rule.confirmed_not_received_too_late:
        return _(
            "The {n} days after you confirmed receipt ended on {day}: ask AliExpress's help chat for your money today."
        ).format(n=w.n(AFTER_RECEIPT), day=w.day("dispute_deadline"))
    return _(
        "You confirmed receipt, but it never came: open a dispute by {day}, the last of the {n} days after confirming."
    ).format(day=w.day("dispute_deadline"), n=w.n(AFTER_RECEIPT))


def confirmed_missing_first(w: Said) -> list[str]:
    """Before the usual steps: nothing is gained by waiting, as the seller has been paid."""
    return [_("Open the dispute today: confirming receipt has already paid the seller, so waiting gains nothing.")]


def confirmed_missing_proof(w: Said) -> list[str]:
    return [
        _("A screenshot of the tracking page with its latest update."),
        _("A screenshot of the order page showing the day receipt was confirmed."),
        _("Screenshots of the seller's messages, if they asked you to confirm."),
    ]


def confirmed_missing_warnings(w: Said) -> list[str]:
    return [
        _(
            "Don't confirm receipt of anything again before it is in your hands, whatever the seller promises: "
            "it pays them and starts the last {n} days."
        ).format(n=w.n(AFTER_RECEIPT))
    ]


def confirmed_missing_messages(w: Said) -> list[Message]:
    confirmed = w.order.receipt_confirmed_on
    assert confirmed is not None, "these rules are for a confirmed receipt"
    day = show_date(confirmed)
    if w.decision.rule is Rule.confirmed_not_received_too_late:
        body = _(
            "Hello, I need help with {order}. Receipt was confirmed on {day}, but I have never received the parcel, "
            "and the days to open a dispute have passed. Could you please refund me? The tracking page is "
            "attached. Thank you."
        ).format(order=w.order_ref, day=day)
        return [message("support", _("To AliExpress customer support"), body)]
    body = _(
        "This dispute is about {order}. Receipt was confirmed on {day}, but I have not received the parcel. "
        "I request {asked}."
    ).format(order=w.order_ref, day=day, asked=w.asked)
    return [message("dispute", _("Dispute description"), body)]
