"""The warnings each rule gives: the traps and limits the buyer should know before acting."""

from __future__ import annotations

from core.dates import add_days
from core.facts import APPEAL_WINDOW, EU_WITHDRAWAL, LATE_CLAIM, RETURN_POSTAGE, RETURN_SHIP_WITHIN, RUNNING_OUT
from core.i18n import _, show_date
from core.models import DisputeStatus, Payment, ReturnStatus, SellerAsk, Tracking
from core.wording.said import Said


def outside_offers(w: Said) -> list[str]:
    return [
        _(
            "Ignore offers to sort it out outside AliExpress (“I'll resend it”, “I'll pay you by PayPal”): "
            "only a dispute protects your money."
        )
    ]


def open_dispute_warnings(w: Said) -> list[str]:
    listed = [
        _("Never close a dispute because the seller promises something: you couldn't open another one."),
        _("Don't accept an offer that is worse than AliExpress's proposal: AliExpress's is the one that counts."),
    ]
    if w.dispute is not None and w.dispute.aliexpress_offer is not None and w.dates.negotiation_ends is None:
        listed.append(_("If you choose nothing by the end of the negotiation, AliExpress's proposal is applied."))
    return listed


def late_claim_note(w: Said) -> list[str]:
    return [
        _(
            "Buyer protection ended on {ended}, but AliExpress usually still takes a refund request for a parcel "
            "that never came for {n} more days."
        ).format(ended=w.day("protection_ends"), n=w.n(LATE_CLAIM))
    ]


def accept_warning(w: Said) -> list[str]:
    return [_("Accepting ends the dispute: you can't open another one for this order.")]


def running_out(w: Said) -> list[str]:
    deadline = w.dates.dispute_deadline
    if deadline is None or not 0 <= (deadline - w.today).days <= RUNNING_OUT.value:
        return []
    w.cites(RUNNING_OUT)
    if w.dates.late_claim_deadline is not None:
        # A parcel never received: AliExpress still takes a refund request for a while after protection ends,
        # said as a number of days, so no day past the last one is named.
        w.cites(LATE_CLAIM)
        return [
            _(
                "Protection is running out: it ends on {day}. After that, AliExpress only takes a refund request for "
                "{n} more days, so don't count on it."
            ).format(day=show_date(deadline), n=w.n(LATE_CLAIM))
        ]
    return [_("Protection is running out: after {day} no dispute can be opened.").format(day=show_date(deadline))]


def earlier_dispute_cancelled(w: Said) -> list[str]:
    if w.dispute is not None and w.dispute.status is DisputeStatus.cancelled:
        return [_("Your earlier dispute was cancelled, so you can open a new one while protection lasts.")]
    return []


def return_cost(w: Said) -> list[str]:
    w.cites(RETURN_POSTAGE)
    ship = _("Once agreed, send it within {n} days, with tracking, or the money goes to the seller.").format(
        n=w.n(RETURN_SHIP_WITHIN)
    )
    if w.order.free_return:
        return [_("This listing has free return: you'll get a return code, so the postage is free.") + " " + ship]
    if w.order.free_return_used:
        return [
            _(
                "This order's one free return is already used, so you pay the postage this time: it can cost more than the item."
            )
            + " "
            + ship
        ]
    return [
        _("You pay the postage to send it back, unless the listing says “free return”; it can cost more than the item.")
        + " "
        + ship
    ]


def eu_withdrawal(w: Said) -> list[str]:
    """In the EU a change of mind is a right for a while after receipt, whatever the listing says."""
    if not w.in_eu:
        return []
    arrived = w.order.delivered_on
    if w.dates.withdrawal_by is not None:
        return [
            _(
                "In the EU you can also withdraw from the purchase until {day}, {n} days after it arrived, whatever "
                "the listing says; you pay the return postage. Tell the seller in writing by then."
            ).format(day=w.day("withdrawal_by"), n=w.n(EU_WITHDRAWAL))
        ]
    if arrived is not None:
        return [
            _("The EU's {n} days to withdraw from the purchase ended on {day}.").format(
                n=w.n(EU_WITHDRAWAL), day=show_date(add_days(arrived, EU_WITHDRAWAL.value))
            )
        ]
    return [
        _(
            "In the EU you can also withdraw from the purchase for {n} days after it arrived, whatever the listing "
            "says, and you pay the return postage. Count them from the day it came: they may end before the dates "
            "above. Tell the seller in writing by then."
        ).format(n=w.n(EU_WITHDRAWAL))
    ]


def one_claim(w: Said) -> list[str]:
    return [_("You can claim only once per order: make sure nothing else is wrong before you open it.")]


def seized_letter(w: Said) -> list[str]:
    """A seizure can come with a fine, and an item banned where the buyer lives may not be refunded at all."""
    if w.order.tracking is not Tracking.seized_by_customs:
        return []
    return [
        _(
            "If the customs letter asks you to pay a fine or to reply, do it by the day it gives: that is between you "
            "and customs. An item not allowed in your country may not be refunded by AliExpress or your bank."
        )
    ]


def dont_confirm_missing(w: Said) -> list[str]:
    """Confirming receipt tells AliExpress the parcel came: never for one the buyer doesn't have. A seller asking
    for it gets its own, stronger answer (core.wording.seller_asks)."""
    if w.case.seller_asks is SellerAsk.confirm_receipt:
        return []
    return [
        _(
            "Don't tap “Confirm receipt” for a parcel you don't have, whatever the tracking or the seller says: it "
            "tells AliExpress it arrived."
        )
    ]


def fees(w: Said) -> list[str]:
    return [_("Bank and currency-exchange fees aren't refunded, so a little less than you paid may come back.")]


def cancel_trap(w: Said) -> list[str]:
    return [
        _(
            "Cancelling a dispute after protection ends releases the money to the seller, and no new dispute "
            "can be opened: a trap some sellers set."
        )
    ]


def blocked_warning(w: Said) -> list[str]:
    if w.dates.late_claim_deadline is not None:
        w.cites(LATE_CLAIM)
        return [
            _(
                "Don't wait for the parcel past {day}, when protection ends. After that, AliExpress only takes a "
                "refund request for {n} more days."
            ).format(day=w.day("dispute_deadline"), n=w.n(LATE_CLAIM))
        ]
    return [
        _("Don't wait for the parcel past {day}: after that day, no dispute can be opened.").format(
            day=w.day("dispute_deadline")
        )
    ]


def return_in_time(w: Said) -> list[str]:
    return [_("A return sent late or without tracking loses you the refund: the money goes to the seller.")]


def return_late(w: Said) -> list[str]:
    return [_("Past the day to send it, AliExpress can give the money to the seller: write to support today.")]


def keep_dispute_during_return(w: Said) -> list[str]:
    item_return = w.case.item_return
    if item_return is not None and item_return.status is ReturnStatus.delivered:
        return [
            _(
                "Don't cancel the return or the dispute, or accept another offer, until the refund is processed: "
                "the seller has the item."
            )
        ]
    return [
        _(
            "Don't cancel the return or the dispute, or accept another offer, while the item is on its way back: the "
            "refund depends on it."
        )
    ]


def customs_bill(w: Said) -> list[str]:
    """A customs bill: once refunded, refusing the parcel is fine; while a dispute for it is open, it is not
    (the parcel goes back, and the dispute can be lost: the facts notes' list of buyers' mistakes)."""
    dispute = w.dispute
    if dispute is None or w.order.received:
        return []
    if dispute.status is DisputeStatus.open:
        return [
            _(
                "A customs bill for this parcel while the dispute is open? Don't refuse it without asking "
                "AliExpress's help chat first: the parcel goes back, and the dispute can be lost."
            )
        ]
    if dispute.refund_received:
        return [
            _(
                "A customs bill for a parcel you've been refunded for? Don't pay it before asking AliExpress's help "
                "chat: once refunded, you can refuse the parcel."
            )
        ]
    if dispute.refund_processed_on is not None:
        return [
            _(
                "A customs bill for a parcel you are being refunded for? Don't pay it before asking AliExpress's "
                "help chat; refuse the parcel only once the refund has reached you."
            )
        ]
    return []


def redelivery_fee_scam(w: Said) -> list[str]:
    """Texts and emails claiming a parcel is held until a fee is paid are a common scam; a parcel really held at
    customs has a real charge, which the scam warning must not talk the buyer out of paying."""
    if w.order.tracking in (Tracking.held_at_customs, Tracking.customs_documents):
        return [
            _(
                "A real customs charge is paid on the carrier's own site. A text or email with a link asking for a "
                "“redelivery” or “address” fee is a scam: don't click it or pay."
            )
        ]
    return [
        _(
            "A text or email saying your parcel is held until you pay a redelivery or address fee is a scam: "
            "AliExpress doesn't ask for that. Don't click its link or pay."
        )
    ]


def refused_at_customs(w: Said) -> list[str]:
    """A parcel sent back is the seller's problem, unless it went back because the buyer refused the customs
    charges: then a dispute can be lost (the facts notes' list of buyers' common mistakes). Said only when the
    buyer hasn't told us why it went back."""
    if w.case.customs_refused is not None:
        return []
    return [
        _(
            "If it went back because you refused or didn't pay the customs charges, say so honestly in the "
            "dispute: refusing them can lose you the dispute, so ask AliExpress's help chat first."
        )
    ]


def customs_refused_risk(w: Said) -> list[str]:
    """The buyer's own refusal sent it back: say plainly that the money may not come back."""
    return [
        _(
            "A parcel sent back because its customs charges weren't paid can lose you the dispute: the seller did "
            "send it. Be honest, and keep the customs notice."
        )
    ]


def accepted_for_good(w: Said) -> list[str]:
    """An accepted offer closes the dispute: no new one can be opened, and only an appeal can change it (the guide's
    "Reopening a closed dispute"); once its days pass, the agreed refund is all that is left."""
    if w.dispute is None or not w.dispute.accepted_offer:
        return []
    deadline = w.dates.appeal_deadline
    if deadline is None:
        return [
            _(
                "You accepted the offer, so no new dispute can be opened. If it was unfair, only an appeal can change "
                "it, within {n} days of the dispute closing."
            ).format(n=w.n(APPEAL_WINDOW))
        ]
    if w.today <= deadline:
        return [_("You accepted the offer, so no new dispute can be opened. Only an appeal can change it now.")]
    if w.dispute.refund_received:
        return [
            _("You accepted the offer, and the {n} days to appeal have passed, so the outcome stands.").format(
                n=w.n(APPEAL_WINDOW)
            )
        ]
    return [
        _(
            "You accepted the offer, and the {n} days to appeal have passed, so the outcome stands. What's left is "
            "making sure the agreed refund arrives."
        ).format(n=w.n(APPEAL_WINDOW))
    ]


def customs_charge_refused(w: Said) -> list[str]:
    """A parcel held for its import charge: refusing the charge sends it back, and the dispute can be lost (the
    facts notes' list of buyers' common mistakes)."""
    return [
        _(
            "Don't refuse a real customs charge to get out of paying it: the parcel goes back to the seller, and a "
            "dispute for it can be lost."
        )
    ]


def not_collected_risk(w: Said) -> list[str]:
    """The buyer's own missed pickup sent it back: the seller did deliver, so the money may not all come back."""
    return [
        _(
            "The seller did send it, so a dispute can be lost or the postage kept back. Be honest about the missed "
            "notice: it's the way to the best outcome."
        )
    ]


def keep_new_dispute_open(w: Said) -> list[str]:
    """After a dispute cancelled on a promise: the new one stays open until the money or the parcel is in hand."""
    return [_("This time, keep the dispute open until the parcel or the money is really in your hands.")]


def refund_scam(w: Said) -> list[str]:
    """Buyers waiting for a refund are targeted by fake "refund" emails and calls that ask for card details.

    A refund to a bank account (a boleto or a transfer, say) may really ask for the buyer's bank details: the
    warning then says to check, not to ignore."""
    if w.case.paid_with is Payment.other:
        return [
            _(
                "A refund never needs your card details, a code, or a payment from you: a message that asks for "
                "them is a scam. One that asks for your bank account? Check in AliExpress's help chat that it's "
                "genuine before you answer. If you already gave your details, call your bank now."
            )
        ]
    return [
        _(
            "A refund never needs your card details, a code or a link to click: an email, text or call that asks "
            "for them is a scam. If you already gave them, call your bank now."
        )
    ]


def refused_parcel_risk(w: Said) -> list[str]:
    """Refusing the parcel at the door isn't a cancellation: the seller did send it."""
    return [
        _(
            "Don't refuse the parcel when it comes: the seller did send it, so a dispute for it can be lost and the "
            "postage kept back."
        )
    ]
