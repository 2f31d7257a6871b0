"""The steps each rule tells the buyer to take, in order."""

from __future__ import annotations

from core.facts import (
    AFTER_RECEIPT,
    ALIEXPRESS_STEPS_IN,
    APPEAL_ANSWER,
    APPEAL_WINDOW,
    ASK_EXTENSION,
    CANCELLATION_APPROVED,
    DISPUTE_OPENS,
    EU_WITHDRAWAL,
    LATE_COUPON,
    REFUND_OTHER,
    RETURN_POSTAGE,
    RETURN_SHIP_WITHIN,
    SELLER_DISPUTE_ANSWER,
    SELLER_REPLY,
    USUAL_PROTECTION,
)
from core.i18n import _, days_phrase
from core.models import Payment, Problem, Rule, Tracking
from core.rules import refund_window
from core.wording.said import Said


def refund_arrives_step(w: Said) -> str:
    """How long a cancelled order's refund takes, by how it was paid."""
    window = refund_window(w.case.paid_with)
    return _("The refund usually arrives {first} to {last} working days after AliExpress processes it.").format(
        first=w.n(window), last=w.upto(window)
    )


def cancellation_approved_step(w: Said) -> str:
    """A cancellation the seller ignores goes through by itself after a few days."""
    return _(
        "If the seller doesn't answer, the cancellation is usually approved by itself after {first} to {last} "
        "days: check the order page."
    ).format(first=w.n(CANCELLATION_APPROVED), last=w.upto(CANCELLATION_APPROVED))


def missed_shipping_deadline_step() -> str:
    """Before shipping, the order page's countdown is the seller's deadline: missing it can close the order."""
    return _(
        "If the seller misses the shipping deadline on the order page, AliExpress can close the order and refund you."
    )


def cancel_order_steps(w: Said) -> list[str]:
    return [
        _("Go to My Orders and find the order."),
        _("Tap “Cancel order”. Before shipping, the seller can't refuse."),
        refund_arrives_step(w),
    ]


def waiting_to_ship_steps(w: Said) -> list[str]:
    """Waiting costs nothing before shipping: the order page's countdown is the seller's deadline, not the buyer's."""
    return [
        _("Check the order page for the days the seller has left to ship it."),
        _("Once it ships, you get a tracking number, and buyer protection starts: usually {n} days from then.").format(
            n=w.n(USUAL_PROTECTION)
        ),
        missed_shipping_deadline_step(),
        _("Changed your mind? Until it ships, you can still ask to cancel: come back here."),
        _("Talk to the seller only in the AliExpress chat."),
    ]


def request_cancellation_steps(w: Said) -> list[str]:
    return [
        _("Go to My Orders, find the order and tap “Cancel order”."),
        _("Pick “Other reasons” as the reason."),
        _("Send the seller the message below, asking them to accept."),
        cancellation_approved_step(w),
        missed_shipping_deadline_step(),
        _("If the seller refuses and ships, come back here: you stay protected once it ships."),
    ]


def refund_progress_steps(w: Said) -> list[str]:
    return [
        _("Open the order, then its “Payment” (or “Finance”) tab, to see the refund's progress."),
        _("The {first} to {last} working days start when all three refund stages are complete.").format(
            first=w.n(refund_window(w.case.paid_with)), last=w.upto(refund_window(w.case.paid_with))
        ),
        _("Check your statement from the day you paid: a refund can show up under that date."),
        _("Sales and Christmas can slow refunds down a little."),
        *refund_method_steps(w),
    ]


def refund_method_steps(w: Said) -> list[str]:
    """What the payment method changes while waiting: Bonus stays on AliExpress; a card has an ARN code."""
    if w.case.paid_with is Payment.aliexpress:
        return [_("A refund to AliExpress Bonus can only be spent on AliExpress.")]
    if w.case.paid_with in (None, Payment.card) and w.dates.refund_expected_by is not None:
        return [
            _(
                "Nothing by {day}? Copy the refund's ARN code from the order's “Payment” tab and ask your bank to "
                "trace it."
            ).format(day=w.day("refund_expected_by"))
        ]
    return []


def refund_missing_steps(w: Said) -> list[str]:
    """A late refund paid back to PayPal or to AliExpress Bonus or balance: no bank holds it."""
    where = (
        _("Look in your PayPal account's activity from the day you paid.")
        if w.case.paid_with is Payment.paypal
        else _("Look in your AliExpress wallet (Bonus and balance): refunds there can only be spent on AliExpress.")
    )
    return [
        _("Open the order's “Payment” tab and check that all three refund stages are complete."),
        where,
        _("Still nothing? Send AliExpress's support the message below, with a screenshot of the refund status."),
    ]


def bank_steps(w: Said) -> list[str]:
    if w.case.paid_with is Payment.other:
        # Not a card: no ARN, and a refund to a bank account may wait on the buyer's bank details.
        return [
            _("Open the order's “Payment” tab and note the refund's date and any reference it shows."),
            _("Check your account statement from the day you paid: a refund can show up under that date."),
            _(
                "Did an email ask for your bank details to send the refund? Check in AliExpress's help chat that "
                "it's genuine, then answer it: the refund may be waiting for them."
            ),
            _("Send your bank the message below and ask them to trace the refund."),
            _("If the bank finds nothing, write to AliExpress in the help chat."),
        ]
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
        _("Paste the message below, fill in the brackets, and attach all your proof: you can appeal only once."),
        by,
        _("AliExpress answers by email, usually in about {n} days.").format(n=w.n(APPEAL_ANSWER)),
    ]


def appeal_after_accepting_steps(w: Said) -> list[str]:
    """Appealing what the buyer agreed to needs a reason AliExpress didn't see: say it first."""
    return [
        _("Write down why the offer you accepted was unfair: new proof, or what you were told to make you accept."),
        *appeal_steps(w),
    ]


def try_dispute_first(w: Said) -> list[str]:
    """A window counted from the usual days, not read off the order, may still be open: the button settles it."""
    if not w.protection_assumed or w.order.receipt_confirmed_on is not None:
        return []
    return [
        _(
            "First look for “Open dispute” on the order: we counted the usual days, and your order may allow more. "
            "If the button is there, open a dispute today instead."
        )
    ]


def support_steps(w: Said) -> list[str]:
    return [
        _("Open AliExpress's help chat or contact form. There is no phone number: numbers found online are fakes."),
        _("A robot answers first; ask for an agent if it doesn't help."),
        _("Paste the message below and attach your proof."),
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
        listed += return_steps(w)
    if w.dates.negotiation_ends:
        listed.append(
            _("Decide by {day}: if you choose nothing, AliExpress's proposal is applied.").format(
                day=w.day("negotiation_ends")
            )
        )
    return listed


def return_steps(w: Said) -> list[str]:
    """Sending the item back after accepting today: by when, with tracking, who pays, when the money comes."""
    return [
        _(
            "If you accept today, send the item back by {day}, {n} days later (or by the date the dispute gives), "
            "with tracking. A late or untracked return loses you the refund."
        ).format(day=w.day("return_ship_by"), n=w.n(RETURN_SHIP_WITHIN)),
        who_pays_return(w),
        _("Keep the postage receipt: the refund comes once the seller receives the item."),
    ]


def free_return_option(w: Said) -> list[str]:
    """Free return for an item that isn't right: the other choice, with what it costs in time. The wizard doesn't
    ask about free return for this, so without it the option is said with an "if"."""
    if w.decision.return_item or w.decision.refund != "full" or w.nothing_came:
        return []
    w.cites(RETURN_POSTAGE)
    if w.order.free_return:
        start = _("Another option: this listing has free return, so you could choose “Refund and return” instead.")
    else:
        start = _("Another option: if the listing says “free return”, you could choose “Refund and return” instead.")
    return [
        start
        + " "
        + _(
            "The postage is free, but you must send it within {n} days with tracking, and the money only comes once "
            "the seller receives it."
        ).format(n=w.n(RETURN_SHIP_WITHIN))
    ]


def seller_pays_return(w: Said) -> bool:
    """The postage is free for the buyer: a free-return listing, or an item that is not what was sold."""
    return w.order.free_return or w.case.problem is not Problem.changed_mind


def who_pays_return(w: Said) -> str:
    """Who pays the return postage, as AliExpress's return policy sets it."""
    w.cites(RETURN_POSTAGE)
    if w.order.free_return:
        return _("This listing has free return: use the return code, so the postage is free (once per order).")
    if w.case.problem is Problem.changed_mind and w.order.free_return_used:
        return _("You pay the return postage: this order's one free return is already used.")
    if w.case.problem is Problem.changed_mind:
        return _("You pay the return postage, as you changed your mind: it can cost more than the item.")
    return _(
        "The seller pays the postage for a faulty, wrong or not-as-described item: use the dispute's return label, "
        "or ask there for the postage back."
    )


def dispute_wait_steps(w: Said) -> list[str]:
    listed = [
        _("Add more proof to the dispute while you wait: it helps the AliExpress agent decide."),
        *seller_answer_steps(w),
        _("When AliExpress proposes, compare it with the seller's offer before accepting either."),
    ]
    if w.dates.negotiation_ends and w.dispute is not None and w.dispute.aliexpress_offer is not None:
        listed.append(_("Decide by {day}, when the negotiation ends.").format(day=w.day("negotiation_ends")))
    return listed


def seller_answer_steps(w: Said) -> list[str]:
    """The seller's days to answer an open dispute, what changing the request does, and when AliExpress steps in."""
    days, steps_in = w.n(SELLER_DISPUTE_ANSWER), w.n(ALIEXPRESS_STEPS_IN)
    dispute = w.dispute
    if dispute is not None and (dispute.seller_offer is not None or dispute.seller_rejected):
        # The seller has answered: nothing goes through by default any more.
        if w.dates.aliexpress_steps_in_by:
            return [_("If you don't agree, AliExpress steps in by {day}.").format(day=w.day("aliexpress_steps_in_by"))]
        if w.dates.negotiation_ends and (dispute.aliexpress_offer is None):
            return [
                _("If you don't agree by {day}, when the negotiation ends, AliExpress steps in.").format(
                    day=w.day("negotiation_ends")
                )
            ]
        return [_("If you don't agree, AliExpress steps in within {n} days of the opening.").format(n=steps_in)]
    if w.dates.seller_must_answer_by and w.dates.aliexpress_steps_in_by:
        return [
            _("The seller has until {day} to answer. If they don't, the refund goes through as you asked it.").format(
                day=w.day("seller_must_answer_by")
            ),
            _("Changing your request gives the seller {n} new days, so only change it if you must.").format(n=days),
            _("If you don't agree, AliExpress steps in by {day}.").format(day=w.day("aliexpress_steps_in_by")),
        ]
    return [
        _(
            "The seller has {n} days from the opening to answer. If they don't, the refund goes through as you asked it."
        ).format(n=days),
        _("Changing your request gives the seller {n} new days, so only change it if you must.").format(n=days),
        _("If you don't agree, AliExpress steps in within {n} days of the opening.").format(n=steps_in),
    ]


def seller_silent_steps(w: Said) -> list[str]:
    """The seller let their days to answer pass: the refund should follow as asked; support if it doesn't."""
    steps_in_by = w.dates.aliexpress_steps_in_by
    if steps_in_by is None:
        steps_in = _("If nothing has changed in a day or two, send AliExpress's support the message below.")
    elif steps_in_by < w.today:
        steps_in = _(
            "AliExpress should have stepped in by {day}: if the dispute is still open, send support the message "
            "below today."
        ).format(day=w.day("aliexpress_steps_in_by"))
    else:
        steps_in = _(
            "If the dispute is still open on {day}, when AliExpress should step in, send support the message below."
        ).format(day=w.day("aliexpress_steps_in_by"))
    return [
        _("Open the dispute: the seller's {n} days to answer ended on {day}.").format(
            n=w.n(SELLER_DISPUTE_ANSWER), day=w.day("seller_must_answer_by")
        ),
        _("Look for the refund in the order's “Payment” tab: it should be on its way, at the amount you asked."),
        _("Don't change your request now: it would give the seller new days to answer."),
        steps_in,
    ]


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
        listed.append(extension_step(w))
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


def extension_step(w: Said) -> str:
    """When to ask the seller to extend protection: only the seller can, best a week before it ends."""
    w.cites(ASK_EXTENSION)
    ask = w.dates.ask_extension_by
    if ask is not None and ask > w.today:
        return _(
            "If it still hasn't come by {day}, a week before protection ends, send the seller the second message "
            "below: only the seller can extend protection."
        ).format(day=w.day("ask_extension_by"))
    return _("Send the seller the second message below today too: only the seller can extend protection.")


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
        if w.order.received and not w.nothing_came
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
    elif d.rule is Rule.changed_mind and w.dates.withdrawal_by is not None and w.dates.withdrawal_by >= w.today:
        # In the EU the 14 days to withdraw are the plan's deadline while they last: the step says the same day.
        listed.append(_("Do it by {day}.").format(day=w.day("withdrawal_by")))
    else:
        listed.append(_("Do it by {day}.").format(day=w.day("dispute_deadline")))
    listed.append(
        _(
            "The seller then has {n} days to answer; with no answer, the refund goes through. Without an agreement, "
            "AliExpress steps in within {m} days."
        ).format(n=w.n(SELLER_DISPUTE_ANSWER), m=w.n(ALIEXPRESS_STEPS_IN))
    )
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


def return_day_step(w: Said) -> str:
    """Where the day to send the item back comes from: the request's own date, or the agreement + 10 days."""
    item_return = w.case.item_return
    if item_return is not None and item_return.ship_by is None and item_return.agreed_on is not None:
        return _(
            "That is {n} days after the return was agreed. If the return request shows another date, that date counts."
        ).format(n=w.n(RETURN_SHIP_WITHIN))
    return _("That is the date on your return request.")


def return_send_steps(w: Said) -> list[str]:
    """A return agreed and not sent yet: send it by the day, tracked, and tell the seller the tracking number."""
    return [
        _("Pack the item with everything it came with, and post it by {day}.").format(day=w.day("return_ship_by")),
        return_day_step(w),
        _("Use a tracked service and keep the postage receipt: it proves you sent it."),
        who_pays_return(w),
        _("Once it's sent, add the tracking number to the return request, and send the seller the message below."),
        _("The refund comes once the seller receives the item."),
    ]


def return_late_steps(w: Said) -> list[str]:
    """The day to send the item back has passed: support today, and send it at once if they agree."""
    return [
        *support_steps(w)[:2],
        _("Paste the message below today, asking them to let you still send it."),
        _("If they agree, post it straight away with a tracked service, and keep the postage receipt."),
        who_pays_return(w),
    ]


def return_label_steps(w: Said) -> list[str]:
    """The post office refuses the return label: a new label or the postage back, and send it in time anyway."""
    ship_by = w.dates.return_ship_by
    if ship_by is not None and ship_by >= w.today:
        send = _("If you can, post it anyway by {day} with a tracked service, and keep the receipt.").format(
            day=w.day("return_ship_by")
        )
    else:
        send = _("If you can, post it anyway today with a tracked service, and keep the receipt.")
    ask = (
        _(
            "Send AliExpress's support the message below today: ask for a new label, or for the postage back if you pay it."
        )
        if seller_pays_return(w)
        else _("Send AliExpress's support the message below today: ask for a new label or another way to send it.")
    )
    return [
        _("Take a photo of the label, and note the post office and the day it was refused."),
        ask,
        send,
        who_pays_return(w),
        _("Add the tracking number to the return request once it's sent."),
    ]


def return_sent_steps(w: Said) -> list[str]:
    """The item is on its way back: watch the tracking; the refund follows the seller's receipt."""
    window = refund_window(w.case.paid_with)
    return [
        _("Make sure the tracking number is in the return request."),
        _(
            "Does the return request still show it not sent a few working days after you posted it? Send AliExpress "
            "the drop-off receipt in the help chat."
        ),
        _("Keep an eye on the tracking: the refund comes once it shows the parcel delivered to the seller."),
        _("Once the seller confirms, the refund usually takes {first} to {last} working days to arrive.").format(
            first=w.n(window), last=w.upto(window)
        ),
        _(
            "If tracking shows it delivered but the seller doesn't confirm and no refund shows up, send AliExpress's "
            "support the message below, with the tracking."
        ),
        _("Keep the postage receipt until the refund arrives."),
    ]


def return_lost_steps(w: Said) -> list[str]:
    """The seller says the return never came: the proof of posting and the tracking answer them."""
    return [
        _("Look the tracking number up and take a screenshot showing the parcel delivered to the seller."),
        _("Send the seller the message below in the dispute, with the postage receipt and the screenshot."),
        _("Send AliExpress's support the message below too, with the same proof."),
        _("If tracking doesn't show it delivered, ask the post office to trace the parcel."),
    ]


def cancelled_window_steps(w: Said) -> list[str]:
    """The refund's days after a cancellation: by the payment method, and the other methods' days when not given."""
    window = refund_window(w.case.paid_with)
    listed = [
        _("A cancelled order's refund usually arrives {first} to {last} working days after the cancellation.").format(
            first=w.n(window), last=w.upto(window)
        )
    ]
    if w.case.paid_with is None:
        listed.append(
            _(
                "Those are a card's days. PayPal and AliExpress Bonus or balance usually take {first} to {last}, and "
                "the money goes back there."
            ).format(first=w.n(REFUND_OTHER), last=w.upto(REFUND_OTHER))
        )
    return listed


def cancelled_wait_steps(w: Said) -> list[str]:
    listed = [
        _("Open the order's “Payment” tab to see the refund's progress."),
        *cancelled_window_steps(w),
        _("Check your statement from the day you paid: a refund can show up under that date."),
    ]
    if w.case.paid_with in (None, Payment.card):
        listed.append(_("On a debit card, the payment may only be on hold: a pending charge that drops off by itself."))
        listed.append(
            _(
                "Once the “Payment” tab shows the refund done, copy its ARN code: if the money still isn't on your "
                "statement, your bank can trace it with that code."
            )
        )
    if w.case.paid_with is Payment.aliexpress:
        listed.append(_("A refund to AliExpress Bonus can only be spent on AliExpress."))
    listed.append(
        _("Nothing by {day}? Come back to this plan: it will tell you who to ask.").format(
            day=w.day("refund_expected_by")
        )
    )
    return listed


def cancelled_bank_steps(w: Said) -> list[str]:
    listed = [
        _("Check your statement from the day you paid: a refund can show up under that date."),
        *(
            []
            if w.case.paid_with is Payment.other
            else [
                _("On a debit card, the payment may still show as a pending charge: the bank can release it."),
                _("Open the order's “Payment” tab: if it shows an ARN code, copy it for the bank."),
            ]
        ),
        _("Send your bank the message below."),
        _("If the bank finds nothing, write to AliExpress in the help chat."),
    ]
    if w.case.paid_with is None:
        listed.insert(
            0,
            _(
                "Paid by PayPal or AliExpress Bonus or balance? Look there first: those refunds don't go through a bank."
            ),
        )
    return listed


def cancelled_missing_steps(w: Said) -> list[str]:
    where = (
        _("Look in your PayPal account's activity from the day you paid.")
        if w.case.paid_with is Payment.paypal
        else _("Look in your AliExpress wallet (Bonus and balance): refunds there can only be spent on AliExpress.")
    )
    return [
        _("Open the order's “Payment” tab to see the refund's status."),
        where,
        _("Still nothing? Send AliExpress's support the message below, with a screenshot of the order page."),
    ]


def choice_steps(w: Said) -> list[str]:
    """A Choice order: AliExpress usually answers for it itself, and its first tracking number is its own.

    Choice orders ship through AliExpress's own logistics (Cainiao); a tracking number starting with "LP" is
    Cainiao's reference for the first leg, replaced or joined by the carrier's once the parcel leaves the
    warehouse (parceldetect.com's guide to AliExpress tracking numbers, low confidence: said as "usually").
    """
    if not w.case.choice_order:
        return []
    listed = [
        _(
            "It's a Choice order: AliExpress usually answers for these itself, so where this plan says to write "
            "to the seller, you can write in AliExpress's help chat rather than to the store."
        )
    ]
    if w.order.received and w.case.problem is Problem.incomplete:
        listed.append(
            _(
                "A Choice parcel can bring items from several orders: open the dispute on the order the missing item "
                "belongs to."
            )
        )
    if not w.order.received and w.order.tracking not in (Tracking.delivered, Tracking.returned_to_seller):
        listed.append(
            _(
                "A tracking number starting with “LP” is usually AliExpress's own provisional number: it can show "
                "nothing for a few days, until the carrier takes the parcel."
            )
        )
    return listed


def return_address_steps(w: Said) -> list[str]:
    """No return address or label: ask in the dispute, then support; the buyer's proof is that they asked in time."""
    return [
        _(
            "Write to the seller in the dispute's chat with the first message below: ask for the return address or label."
        ),
        _("Take a screenshot once it's sent: it shows you asked in time, so a late return isn't your fault."),
        _("No answer within {n} days, or the day to send it is near? Send support the second message below.").format(
            n=w.n(SELLER_REPLY)
        ),
        _("Only post the item to the address the dispute or support gives you, with a tracked service."),
        who_pays_return(w),
    ]


def customs_refused_steps(w: Said) -> list[str]:
    """A parcel sent back because the customs charges weren't paid: AliExpress decides whether a refund is owed, so
    ask before opening a dispute, honestly, and don't let protection run out while waiting."""
    return [
        *support_steps(w)[:2],
        _("Paste the message below: say honestly that you didn't pay the customs charges, and why."),
        _("If they tell you to open a dispute, choose “Refund only” and the reason closest to “Parcel returned”."),
        _("Don't let {day} pass while you wait for an answer: open the dispute by then at the latest.").format(
            day=w.day("dispute_deadline")
        ),
    ]


def late_guarantee_steps(w: Said) -> list[str]:
    """A fine order that came after its guaranteed date: only an "On-Time Guarantee" order earns anything, a coupon."""
    if not w.case.arrived_late:
        return []
    return [
        _(
            "AliExpress has promised a coupon worth {n} US dollar for “On-Time Guarantee” orders that come late. If your order "
            "page shows that label, the coupon usually comes by itself; if not, ask for it with the message below."
        ).format(n=w.n(LATE_COUPON)),
        _("Without that label, a late order that arrived fine earns nothing: there is no dispute to open."),
    ]


def seller_rejected_steps(w: Said) -> list[str]:
    """A seller who rejects leaves the decision to AliExpress, which decides on the proof in the dispute."""
    steps_in_by = w.dates.aliexpress_steps_in_by
    if steps_in_by is not None and steps_in_by < w.today:
        support = _(
            "AliExpress should have stepped in by {day}: if nothing has happened, send support the second "
            "message below today."
        ).format(day=w.day("aliexpress_steps_in_by"))
    elif steps_in_by is not None:
        support = _("Nothing from AliExpress by {day}? Send support the second message below.").format(
            day=w.day("aliexpress_steps_in_by")
        )
    else:
        support = _(
            "Nothing from AliExpress within {n} days of the opening? Send support the second message below."
        ).format(n=w.n(ALIEXPRESS_STEPS_IN))
    return [
        _("Open the dispute and answer the rejection with the first message below."),
        _("Upload every photo, video and screenshot you have: AliExpress decides on the proof in the dispute."),
        _("Keep the dispute open, and don't change your request: it would give the seller new days to answer."),
        support,
        _("When AliExpress proposes a solution, come back here to check it before accepting."),
    ]


def held_at_customs_steps(w: Said) -> list[str]:
    """Held at customs with a charge: check it is real where it can't be faked, pay it, and keep protection in view."""
    pay_by = w.dates.customs_pay_by
    listed = [
        _("Check the charge on the carrier's own website or app: type its address yourself, never a link from a text.")
    ]
    if pay_by is None:
        listed.append(_("If it's a real import charge, pay it there: the parcel comes once it's paid."))
        listed.append(
            _("Pay it soon: unpaid parcels go back to the seller after a set time, shown on the customs notice.")
        )
    elif pay_by < w.today:
        listed.append(
            _(
                "The day to pay ({day}) has passed: ask the carrier today whether you can still pay. If it has gone "
                "back to the seller, come back here: the plan changes."
            ).format(day=w.day("customs_pay_by"))
        )
    else:
        listed.append(
            _("If it's a real import charge, pay it there by {day}: the parcel comes once it's paid.").format(
                day=w.day("customs_pay_by")
            )
        )
    listed.append(
        _("If the order page says tax was already paid at checkout, ask AliExpress's help chat before you pay.")
    )
    if w.decision.rule is Rule.held_at_customs:
        listed.append(
            _("Paid, and still held on {day}? Open a dispute that day, so protection doesn't run out.").format(
                day=w.day("running_out_from")
            )
        )
    return listed


def not_collected_steps(w: Said) -> list[str]:
    """Sent back because it wasn't collected: the post may still hold it, else the seller decides; a dispute by the day."""
    return [
        _("Ask your post office or the carrier today whether they still have it: if they do, collect it."),
        _("If it's gone back, send the seller the message below: ask them to send it again or refund you."),
        _("They may ask you to pay the postage again, as the parcel did reach you."),
        _(
            "No agreement by {day}? Open a dispute that day, choose “Refund only” and say honestly what happened."
        ).format(day=w.day("running_out_from")),
    ]


def completed_steps(w: Said) -> list[str]:
    """Protection ended long ago: the order is done; what is left is the seller's and the law's warranty."""
    return [
        _("There's no need to confirm receipt: AliExpress closed the order when protection ended."),
        _("Keep the order page and your photos: if it breaks later, the seller's warranty may still help."),
    ]


def return_delivered_steps(w: Said) -> list[str]:
    """The return is with the seller and no refund came: support releases it, with the tracking as proof."""
    window = refund_window(w.case.paid_with)
    return [
        _("Check the dispute and the order's “Payment” tab: a processed refund shows there."),
        _("Nothing there? Send AliExpress's support the message below, with a screenshot of the tracking."),
        _("Once the refund is processed, it usually takes {first} to {last} working days to arrive.").format(
            first=w.n(window), last=w.upto(window)
        ),
        _("Keep the postage receipt until the money is back."),
    ]


def proposal(w: Said) -> str:
    """AliExpress's proposal as the dispute shows it: its amount, and the return when it asks for one."""
    offer = w.dispute.aliexpress_offer if w.dispute is not None else None
    assert offer is not None, "only a rule with AliExpress's proposal words it"
    return w.offer_of(offer.refund_amount, offer.return_required)


def proposal_low_steps(w: Said) -> list[str]:
    """AliExpress proposes less than was asked: it is applied anyway at the end, so the days left are for proof."""
    by = (
        _("Add every photo, video and screenshot that shows the problem to the dispute by {day}.").format(
            day=w.day("negotiation_ends")
        )
        if w.dates.negotiation_ends
        else _("Add every photo, video and screenshot that shows the problem to the dispute now.")
    )
    return [
        by,
        _("Say in the dispute why {offer} isn't enough, with the message below.").format(offer=proposal(w)),
        _("You don't need to tap “Accept”: if you pick nothing, the proposal is applied when the negotiation ends."),
        _("If it's applied and still unfair, you have {n} days to appeal.").format(n=w.n(APPEAL_WINDOW)),
    ]


def seized_steps(w: Said) -> list[str]:
    """Seized by customs: it will never come, so the dispute is for the whole order, with the customs letter."""
    return [
        _("Find the customs letter or the tracking page that says it was seized: it is your main proof."),
        *open_dispute_steps(w),
    ]


def return_at_buyers_cost(w: Said) -> list[str]:
    """A seller's offer that needs a return of a faulty item: the postage is the seller's, never the buyer's."""
    offer = w.dispute.seller_offer if w.dispute is not None else None
    if offer is None or not offer.return_required or w.case.problem is Problem.changed_mind or w.order.free_return:
        return []
    w.cites(RETURN_POSTAGE)
    return [
        _(
            "For a faulty, wrong or not-as-described item the seller pays the return postage. If the offer means "
            "posting it back at your cost, say no, and ask for a refund without return."
        )
    ]


def proof_requested_steps(w: Said) -> list[str]:
    """AliExpress decides on the proof it asked for: what to get for this problem, and to add it before its day."""
    listed = [_("Open the dispute and read exactly what AliExpress asks for.")]
    if w.order.received:
        listed.append(_("Add clear photos and a short video of the problem, and screenshots of the listing."))
    else:
        listed.append(
            _(
                "Ask your post office or the carrier for a written statement that they have no record of the "
                "parcel, or that it wasn't delivered to you, and add it."
            )
        )
    due = w.dates.proof_due
    if due is not None and due < w.today:
        listed.append(_("Add it today, and ask AliExpress in the help chat to still take it into account."))
    elif due is not None:
        listed.append(
            _("Add it by {day}, sooner if you can: a dispute with no proof can be decided against you.").format(
                day=w.day("proof_due")
            )
        )
    else:
        listed.append(_("Add it as soon as you can: a dispute with no proof can be decided against you."))
    listed.append(_("Write a short note with it, using the message below."))
    return listed


def cancellation_refused_steps(w: Said) -> list[str]:
    """A refused cancellation: the order ships, and a change of mind becomes a return once it arrives."""
    listed = [
        _("Once the seller refuses, the order goes ahead: there's no way to force the cancellation."),
        missed_shipping_deadline_step(),
        _(
            "When it arrives, you can still send it back: open a dispute and choose “Refund and return”. You pay the "
            "postage, as you changed your mind, unless the listing says “free return”."
        ),
    ]
    if w.in_eu:
        listed.append(
            _(
                "In the EU you can also withdraw from the purchase for {n} days after it arrives, whatever the "
                "listing says: tell the seller in writing, and pay the return postage."
            ).format(n=w.n(EU_WITHDRAWAL))
        )
    listed.append(_("Come back to this plan when it arrives: it will give you the dates."))
    return listed


def arrived_since_steps(w: Said) -> list[str]:
    """A parcel that came during a not-received dispute: the dispute now has to be about what is wrong with it."""
    return [
        _("Open the dispute and edit it: say the parcel has arrived, and what is wrong with it."),
        _("Change the reason to the problem you found, if the list lets you, and add photos and a video of it."),
        w.asked_step,
        _("Editing gives the seller {n} new days to answer: that's fine, keep the dispute open.").format(
            n=w.n(SELLER_DISPUTE_ANSWER)
        ),
        _("Paste the note below into the dispute, after filling in the brackets."),
    ]
