"""The steps each rule tells the buyer to take, in order."""

from __future__ import annotations

from core.facts import AFTER_RECEIPT, APPEAL_WINDOW, DISPUTE_OPENS
from core.i18n import _, days_phrase
from core.models import Rule, Tracking
from core.rules import refund_window
from core.wording.said import Said


def cancel_order_steps(w: Said) -> list[str]:
    return [
        _("Go to My Orders and find the order."),
        _("Tap “Cancel order”. Before shipping, the seller can't refuse."),
        _("The money comes back a few days after AliExpress processes the payment."),
    ]


def request_cancellation_steps(w: Said) -> list[str]:
    return [
        _("Go to My Orders, find the order and tap “Cancel order”."),
        _("Pick “Other reasons” as the reason."),
        _("Send the seller the message below, asking them to accept."),
        _("If the seller refuses and ships, come back here: you stay protected once it ships."),
    ]


def refund_progress_steps(w: Said) -> list[str]:
    return [
        _("Open the order, then its “Payment” (or “Finance”) tab, to see the refund's progress."),
        _("The {first} to {last} working days start when all three refund stages are complete.").format(
            first=w.n(refund_window(w.case.paid_with)), last=w.upto(refund_window(w.case.paid_with))
        ),
        _("Check your card statement from the day you paid: a refund can show up under that date."),
        _("Sales and Christmas can slow refunds down a little."),
    ]


def bank_steps(w: Said) -> list[str]:
    return [
        _("Open the order's “Payment” tab and copy the refund's ARN code."),
        _("Check your card statement from the day you paid: a refund can show up under that date."),
        _("Send your bank the message below and ask them to trace the refund."),
        _("If the bank finds nothing, write to AliExpress in the help chat."),
    ]


def appeal_steps(w: Said) -> list[str]:
    by = (
        _("Do it by {day}: after that, no appeal is possible.").format(day=w.day("appeal_deadline"))
        if w.dates.appeal_deadline
        else _("Do it within {n} days of the dispute closing: after that, no appeal is possible.").format(
            n=w.n(APPEAL_WINDOW)
        )
    )
    return [
        _("Gather your proof: the dispute's messages, photos, videos and tracking."),
        _("Open the dispute and tap “Appeal”, or ask for an appeal in AliExpress's help chat."),
        _("Paste the message below, fill in the brackets, and attach your proof."),
        by,
    ]


def support_steps(w: Said) -> list[str]:
    return [
        _("Open AliExpress's help chat or contact form. There is no phone number: numbers found online are fakes."),
        _("A robot answers first; ask for an agent if it doesn't help."),
        _("Paste the message below and attach your proof."),
    ]


def ways_out_steps(w: Said) -> list[str]:
    return [
        _(
            "If support can't help and you paid by card, ask your bank about a chargeback for goods not received: "
            "card schemes allow it for about 120 days after the expected delivery, and banks may set less."
        ),
        _("If you paid with PayPal, open a PayPal dispute: it allows 180 days from the payment."),
    ]


def cancel_dispute_steps(w: Said) -> list[str]:
    first = (
        _("Check the item carefully first: once cancelled, this dispute is gone.")
        if w.order.received
        else _("Keep an eye on tracking: the parcel is still on its way.")
    )
    listed = [
        first,
        _("Open the dispute and tap “Cancel dispute”. Don't “close” it: a closed dispute can't be reopened."),
    ]
    if not w.order.received:
        listed.append(
            _("If it hasn't arrived by {day}, open a new dispute that day; protection ends on {end}.").format(
                day=w.day("running_out_from"), end=w.day("dispute_deadline")
            )
            if w.dates.running_out_from
            else _("If it still hasn't arrived, open a new dispute while protection lasts.")
        )
    return listed


def keep_open_steps(w: Said) -> list[str]:
    return [
        _("Don't cancel the dispute: {protection}, and after that no new dispute can be opened.").format(
            protection=w.protection_end
        ),
        _("Add the latest tracking page to the dispute as proof."),
        _("Send AliExpress's support the message below, asking them to keep the case open until the parcel arrives."),
    ] + (
        [_("Send the seller the message below, asking them to extend your buyer protection.")]
        if w.still_protected
        else []
    )


def accept_steps(w: Said) -> list[str]:
    if w.decision.refund == "none":
        # A proposal of nothing: nothing to gain by accepting it early; proof may still change it.
        by = _("Add every photo, video and screenshot you have to the dispute now.")
        if w.dates.negotiation_ends:
            by = _("Add every photo, video and screenshot you have to the dispute by {day}.").format(
                day=w.day("negotiation_ends")
            )
        return [
            by,
            _("If the proposal stands, the dispute closes with no refund: then you have {n} days to appeal.").format(
                n=w.n(APPEAL_WINDOW)
            ),
        ]
    whose = _("the seller's offer") if w.decision.action == "accept_seller_offer" else _("AliExpress's proposal")
    listed = [
        _("Make sure everything else about the order is fine: once you accept, the dispute closes for good."),
        _("Open the dispute and tap “Accept” on {whose} ({offer}).").format(whose=whose, offer=w.offer),
    ]
    if w.decision.return_item:
        listed.append(
            _("Send the item back with a tracked service within the time the dispute gives, and keep the receipt.")
        )
    if w.dates.negotiation_ends:
        listed.append(
            _("Decide by {day}: if you choose nothing, AliExpress's proposal is applied.").format(
                day=w.day("negotiation_ends")
            )
        )
    return listed


def dispute_wait_steps(w: Said) -> list[str]:
    listed = [
        _("Add more proof to the dispute while you wait: it helps the AliExpress agent decide."),
        _("If you and the seller don't agree within a few days, AliExpress steps in by itself."),
        _("When AliExpress proposes, compare it with the seller's offer before accepting either."),
    ]
    if w.dates.negotiation_ends:
        listed.append(_("Decide by {day}, when the negotiation ends.").format(day=w.day("negotiation_ends")))
    return listed


def tracking_steps(w: Said) -> list[str]:
    if w.order.tracking is Tracking.delivered:
        return [
            _("Ask your neighbours, your building's reception and the local post office."),
            _("Look the tracking code up on a tracking site to see which city it was delivered in."),
        ]
    if w.order.tracking in (Tracking.in_transit, Tracking.no_updates, Tracking.returned_to_seller):
        return [_("Check the tracking code on a tracking website for the latest update.")]
    return []


def wait_for_parcel_steps(w: Said) -> list[str]:
    listed = [_("Keep an eye on the tracking page.")] if w.order.tracking is not Tracking.none else []
    if w.decision.rule is Rule.before_estimated_delivery:
        listed.append(
            _("If it hasn't come by {day}, check this plan again the next day: the advice will change.").format(
                day=w.day("estimated_delivery")
            )
        )
    if w.decision.rule is Rule.due_after_protection:
        listed.append(_("Send the seller the message below today, asking them to extend your buyer protection."))
        listed.append(
            _("If it hasn't come by {day}, open a dispute that day, even if it is still moving.").format(
                day=w.day("running_out_from")
            )
        )
    if w.decision.rule is Rule.too_early_not_received:
        listed.append(dispute_from(w))
    listed.append(
        _("Last day to open a dispute: {day}. Don't leave it to that day.").format(day=w.day("dispute_deadline"))
    )
    return listed


def dispute_from(w: Said) -> str:
    return _("You can open a dispute from {day}, {n} days after shipping.").format(
        day=w.day("earliest_dispute"), n=w.n(DISPUTE_OPENS)
    )


def contact_seller_steps(w: Said) -> list[str]:
    listed = [*tracking_steps(w), _("Send the seller the message below today.")]
    if w.decision.rule is Rule.in_transit:
        listed.append(_("AliExpress refuses a dispute while tracking shows the parcel moving, so wait for it."))
        listed.append(
            _("If it hasn't come by {day}, open a dispute that day, even if it is still moving.").format(
                day=w.day("running_out_from")
            )
        )
    else:
        listed.append(
            _("No answer or no fix by {day}? Open a dispute for a full refund that day.").format(
                day=w.day("seller_answer_due")
            )
        )
    return listed


def blocked_steps(w: Said) -> list[str]:
    return [
        _("Take a screenshot of the order page showing that you can't open a dispute."),
        _("Send the seller the message below, asking them to extend your buyer protection."),
        _("Send AliExpress's support the message below today, with the screenshot."),
        _("Try “Open dispute” again every day or two: the last day is {day}.").format(day=w.day("dispute_deadline")),
    ]


_DISPUTE_NOW_RULES = (
    Rule.early_but_running_out,
    Rule.in_transit_running_out,
    Rule.no_news_running_out,
    Rule.delivered_running_out,
    Rule.returned_running_out,
)
"""Not-received lines that open a dispute today, before the seller answers: the seller gets a message too."""


def open_dispute_steps(w: Said) -> list[str]:
    d = w.decision
    listed: list[str] = []
    if w.order.received:
        listed.append(_("Send the seller the message below: tell them the problem and that you are opening a dispute."))
    elif d.rule in _DISPUTE_NOW_RULES:
        listed.append(_("Open the dispute today: waiting for the seller would let protection run out."))
        if w.case.seller_contacted_on is not None:
            listed.append(
                _("You wrote to the seller on {day} ({ago}): don't wait any longer for their answer.").format(
                    day=w.contacted, ago=days_phrase((w.case.seller_contacted_on - w.today).days)
                )
            )
    listed += [
        _("Go to My Orders, find the order and tap “Open dispute”."),
        _("Choose “Refund and return”: you send the item back.")
        if d.return_item
        else _("Choose “Refund only”: you keep the item.")
        if w.order.received
        else _("Choose “Refund only”."),
        _("Pick the reason closest to your problem and add your proof."),
        w.asked_step,
        _("Paste the dispute description below, after filling in the brackets."),
    ]
    if d.rule is Rule.late_claim:
        listed.append(
            _(
                "Do it by {day}. If there is no “Open dispute” button, write to support in the help chat "
                "that same day, with a screenshot of the order page."
            ).format(day=w.day("late_claim_deadline"))
        )
    else:
        listed.append(_("Do it by {day}.").format(day=w.day("dispute_deadline")))
    if d.rule in _DISPUTE_NOW_RULES:
        listed.append(_("Send the seller the message below too, so they know."))
    return listed


def confirm_steps(w: Said) -> list[str]:
    return [
        _("Check that everything in the parcel works and matches the listing."),
        _("Tap “Confirm receipt” on the order. It doesn't put your money at risk."),
        _("If you confirm today, you can still open a dispute by {day}, {n} days later.").format(
            day=w.day("deadline_after_confirming"), n=w.n(AFTER_RECEIPT)
        )
        if w.dates.deadline_after_confirming
        else _("After you confirm, you can still open a dispute for {n} days.").format(n=w.n(AFTER_RECEIPT)),
    ]


def keep_records_steps(w: Said) -> list[str]:
    return [_("Keep your photos and messages for a while, just in case.")]
