"""What the seller is pushing for (`Case.seller_asks`): the warning that says what never to do, and a reply.

The guide ("How to open a dispute", "How to accept the seller's or AliExpress' proposal", "Tricks to win
the dispute"): only a dispute gets a refund, so ignore offers to fix it outside one; never close a dispute
on a promise; accepting ends the dispute. And the buyers' mistakes the facts notes list: never confirm
receipt of what didn't come, never pay or be refunded outside AliExpress, never send a return that wasn't
agreed in the dispute with tracking.

The parts are joined into the words of each rule where a seller is involved (core.seller.SELLER_INVOLVED)
in core.wording.table, like every other part, rather than added to every plan by core.plan: each rule
keeps owning all its words, and a test checks that exactly those rules answer. Each part gives nothing
while the buyer hasn't said what the seller asks.

The reply states only what the buyer told us (the order's number or a placeholder, the item when named)
and dates the plan holds; it never says the buyer wrote to the seller before, nor that anything is late.
"""

from __future__ import annotations

from core.facts import AFTER_RECEIPT, ASK_EXTENSION, RETURN_POSTAGE, RETURN_SHIP_WITHIN
from core.i18n import _
from core.models import DisputeStatus, Message, Problem, SellerAsk
from core.rules import WAYS_OUT_RULES, own_deadline
from core.seller import NOT_SHIPPED
from core.wording.said import Said, message


def in_dispute(w: Said) -> bool:
    return w.dispute is not None and w.dispute.status is DisputeStatus.open


def dispute_day(w: Said) -> str | None:
    """The day this plan opens a dispute if it isn't sorted out, when it is still ahead and no dispute is open
    or being opened: the plan's own day (the seller's time to answer, or protection running low), else the
    last day of protection."""
    if in_dispute(w) or w.decision.action == "open_dispute":
        return None
    fields = ("seller_answer_due", "running_out_from", "dispute_deadline")
    ordered = sorted(fields, key=lambda field: field != own_deadline(w.decision.rule, w.dates))
    for field in ordered:
        day = getattr(w.dates, field)
        if day is not None and day >= w.today:
            return w.day(field)
    return None


def seller_ask_warning(w: Said) -> list[str]:
    """What never to do about what the seller asks, and why."""
    ask = w.case.seller_asks
    if ask is None:
        return []
    received = w.order.received
    # Not shipped is the plan's line, not a missing shipping date: an open dispute's route never asks that date.
    if w.decision.rule in NOT_SHIPPED and ask in (SellerAsk.wait_longer, SellerAsk.cancel_dispute):
        return [
            _(
                "The seller asks for more time: you may wait instead of cancelling, but a cancellation before it "
                "ships gets all your money back. If they miss the shipping deadline on the order page, AliExpress "
                "can close the order and refund you."
            )
        ]
    if ask is SellerAsk.wait_longer:
        if in_dispute(w):
            return [
                _(
                    "The seller asks you to wait: you can, but keep the dispute open meanwhile. Never cancel or "
                    "close it on a promise: a closed dispute can't be opened again."
                )
            ]
        if w.decision.action == "open_dispute":
            return [
                _(
                    "The seller asks you to wait: open the dispute anyway, as this plan says. A promise doesn't "
                    "extend your protection, and the seller can still sort it out in the dispute."
                )
            ]
        day = dispute_day(w)
        if day is not None:
            w.cites(ASK_EXTENSION)
            return [
                _(
                    "The seller asks you to wait: don't wait past {day} to open a dispute, unless the order page "
                    "shows protection extended. Only the seller can extend it."
                ).format(day=day)
            ]
        return [_("The seller asks you to wait: a promise doesn't stop the clock, so keep to this plan's dates.")]
    if ask is SellerAsk.cancel_dispute:
        if in_dispute(w):
            return [
                _(
                    "Don't cancel or close the dispute because the seller promises to send it again: a closed "
                    "dispute can't be opened again, and a cancelled one only while protection lasts."
                )
            ]
        if w.decision.action == "contact_support":
            return [
                _(
                    "A promise to send it again doesn't get your money back: keep to this plan and ask AliExpress "
                    "for the refund."
                )
            ]
        return [
            _(
                "A promise to send it again doesn't protect your money: only a dispute does. Don't let it stop you "
                "opening one in time."
            )
        ]
    if ask is SellerAsk.confirm_receipt:
        if not received:
            return [
                _(
                    "Never confirm receipt of a parcel you don't have: it tells AliExpress the order arrived, and "
                    "the seller gets paid."
                )
            ]
        if w.order.receipt_confirmed_on is not None:
            return [
                _(
                    "Receipt is already confirmed, so the seller is paid: don't wait on their promise of a refund. "
                    "Only a dispute can get it back."
                )
            ]
        return [
            _(
                "Don't confirm receipt because the seller promises a refund: it pays the seller, and leaves you "
                "only {n} days to open a dispute. Ask for the refund in a dispute instead."
            ).format(n=w.n(AFTER_RECEIPT))
        ]
    if ask is SellerAsk.return_first:
        if not received:
            return [_("There is nothing to send back for a parcel you don't have: don't pay for any return.")]
        w.cites(RETURN_SHIP_WITHIN)
        w.cites(RETURN_POSTAGE)
        who = (
            _("You pay the postage, as you changed your mind.")
            if w.case.problem is Problem.changed_mind
            else _("The seller pays the postage for a faulty, wrong or not-as-described item.")
        )
        if w.decision.rule in WAYS_OUT_RULES:
            return [
                _(
                    "No dispute can be opened now, so a return is up to the seller's warranty: send nothing until "
                    "they confirm in writing where to, who pays the postage, and what they'll do. Keep the tracking."
                )
            ]
        return [
            _(
                "Send nothing back until a return is agreed in a dispute: only a return agreed there, sent with "
                "tracking, counts for your refund, and accepting it ends the dispute."
            )
            + " "
            + who
        ]
    if ask is SellerAsk.pay_outside:
        return [
            _(
                "Never pay the seller or take a refund outside AliExpress (PayPal, a bank transfer, a payment "
                "link): AliExpress can't protect that money, and it isn't the refund this order is owed."
            )
        ]
    if ask is SellerAsk.change_reason:
        return [
            _(
                "Keep the reason that is true: a seller who asks you to change it (to “I don't want it any more”, "
                "say) wants you to pay the return postage, or to lose the case."
            )
        ]
    if ask is SellerAsk.small_dispute:
        return [
            _(
                "Never settle a dispute for less than you're owed on a promise to pay the rest some other way: once "
                "it's resolved, it can't be reopened, and the rest isn't covered."
            )
        ]
    if ask is SellerAsk.contact_outside:
        return [
            _(
                "A message about your order from outside AliExpress (WhatsApp, a text, an email) may not be from the "
                "seller at all: don't answer it, don't click its links, and never pay it or give it card or bank "
                "details. Talk to the seller only in the AliExpress chat, and report the message there. Already "
                "paid, or gave your card details? Call your bank today."
            )
        ]
    if ask is SellerAsk.coupon_instead:
        return [
            _(
                "Don't give up your refund for a coupon: it can only be spent in that store, it may expire, and it "
                "isn't covered by this order's protection. Ask for your money through AliExpress."
            )
        ]
    what = _("to get the missing part") if w.case.problem is Problem.incomplete else _("to sort this out")
    return [
        _(
            "Don't buy anything else {what}: a promise to add it to another order isn't covered by this "
            "order's protection. Claim what you're owed on this order."
        ).format(what=what)
    ]


def _answer(w: Said, ask: SellerAsk) -> str:
    """The buyer's answer to what the seller asks, in the buyer's voice."""
    received = w.order.received
    if ask is SellerAsk.wait_longer:
        if in_dispute(w):
            return _("I can wait, but I will keep the dispute open meanwhile.")
        if not received and w.dates.extension_until is not None and w.decision.action != "open_dispute":
            ask_by = w.dates.ask_extension_by
            if ask_by is not None and w.today < ask_by:
                # Protection is far from its end (an extension may already show on the order page): no need to ask.
                return _("I can wait a little longer.")
            return _("I can wait a little longer if you extend my buyer protection until {until}.").format(
                until=w.extension_until
            )
        return _("I can't wait any longer.")
    if ask is SellerAsk.cancel_dispute:
        again = _("a replacement") if received else _("the order again")
        if in_dispute(w):
            return _("I will keep the dispute open, but you are welcome to send {again} meanwhile.").format(again=again)
        return _("You are welcome to send {again}, but I will not give up my buyer protection for a promise.").format(
            again=again
        )
    if ask is SellerAsk.confirm_receipt:
        if not received:
            return _("I can't confirm receipt of a parcel I don't have.")
        if w.order.receipt_confirmed_on is not None:
            return _("Receipt is already confirmed: please make the refund you promised.")
        return _("I will confirm receipt once the problem is solved, not before.")
    if ask is SellerAsk.return_first:
        if not received:
            return _("I can't send back a parcel I don't have.")
        if w.decision.rule in WAYS_OUT_RULES:
            # No dispute can be opened any more: the return is the seller's warranty, agreed in writing.
            return _(
                "I can send it back under your warranty once you confirm in writing the return address, who pays "
                "the postage, and that you will repair, replace or refund it."
            )
        if in_dispute(w) or w.decision.action == "open_dispute":
            return _("I will send it back only once a return is agreed in the dispute, with a tracked service.")
        return _("I will send it back only once a return is agreed in a dispute, with a tracked service.")
    if ask is SellerAsk.pay_outside:
        return _("I will not pay or take a refund outside AliExpress.")
    if ask is SellerAsk.coupon_instead:
        return _("Thank you, but I would like my money back rather than a coupon.")
    if ask is SellerAsk.change_reason:
        return _("I will keep the reason as it is, because it is what happened.")
    if ask is SellerAsk.small_dispute:
        return _("I will ask for the full amount I am owed, through AliExpress.")
    return _("I will not place another order to get what is owed on this one.")


def _next(w: Said) -> str:
    """What the buyer does next, as the plan says it, for the seller to know."""
    if in_dispute(w):
        return _("Please make any offer in the dispute.")
    if w.decision.action == "open_dispute":
        return _("I am opening a dispute, so please make any offer there.")
    if w.decision.rule in WAYS_OUT_RULES:
        return _("I look forward to your answer.")
    earliest = w.dates.earliest_dispute
    if own_deadline(w.decision.rule, w.dates) == "earliest_dispute" and earliest is not None and earliest > w.today:
        return _("If it is not sorted out, I will open a dispute on {day}.").format(day=w.day("earliest_dispute"))
    day = dispute_day(w)
    if day is not None:
        return _("If it is not sorted out by {day}, I will open a dispute.").format(day=day)
    return _("Please sort it out through AliExpress.")


def seller_ask_reply(w: Said) -> list[Message]:
    """A reply to the seller that says no to what they ask, politely, and what happens next."""
    ask = w.case.seller_asks
    if ask is None or ask is SellerAsk.contact_outside or w.decision.rule in NOT_SHIPPED:
        # Before shipping, the plan's own message to the seller (the cancellation) is the answer; a message from
        # outside AliExpress gets no answer at all.
        return []
    body = _("Hello, I am writing about {order}. {answer} {next} Thank you.").format(
        order=w.order_ref, answer=_answer(w, ask), next=_next(w)
    )
    return [message("seller", _("To the seller: your answer to what they ask"), body)]
