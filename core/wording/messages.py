"""The ready-to-send messages (to the seller, in a dispute, to support, to the bank) and the sentences only they use.

A message states only what the buyer told us (`Said`): an order date, a seller contact or an
amount appears only when the case holds it; anything else is a [placeholder] listed in `fill_in`.
"""

from __future__ import annotations

from core.facts import APPEAL_WINDOW
from core.i18n import N_, _, show_date
from core.models import Message, Payment, Problem, Rule, Tracking
from core.wording.said import Said, message
from core.wording.steps import proposal, seller_pays_return


def not_arrived_sentence(w: Said) -> str:
    """What the buyer can truthfully say about a parcel that hasn't come, from tracking and the dates given."""
    tracking = w.order.tracking
    due = _("It was due by {day}.").format(day=w.eta) + " " if w.eta_passed else ""
    if tracking is Tracking.delivered and w.case.delivered_elsewhere:
        return due + _(
            "The tracking shows it delivered somewhere else ([the place or name it shows]): it was never delivered to me."
        )
    if tracking is Tracking.delivered:
        return due + _("The tracking says it was delivered, but I have not received it.")
    if tracking is Tracking.returned_to_seller:
        return due + _("The tracking shows it was sent back to the seller, and I never received it.")
    if tracking is Tracking.in_transit:
        return due + _("I have not received it, and the tracking still shows it on its way.")
    if tracking is Tracking.held_at_customs:
        return due + _("I have not received it: the tracking shows it held at customs.")
    if tracking is Tracking.customs_documents:
        return due + _("I have not received it: customs is holding it until it gets the documents it asked for.")
    if tracking is Tracking.awaiting_pickup:
        return due + _("The tracking says it is waiting to be collected, but I can't get it: [why, in one line].")
    if tracking is Tracking.seized_by_customs:
        return due + _("I have not received it: the tracking shows customs seized it.")
    if tracking is Tracking.no_updates:
        return due + _("I have not received it, and the tracking has shown no updates for a while.")
    return due + _("I have not received it, and there is no tracking for it.")


def shipped_clause(w: Said) -> str:
    return " " + _("It was shipped on {day}.").format(day=w.shipped) if w.shipped else ""


def contact_sentence(w: Said) -> str:
    """Only when the buyer told us they wrote to the seller."""
    if w.contacted is None:
        return ""
    return " " + _("I wrote to the seller on {day} and it has not been sorted out.").format(day=w.contacted)


PROBLEM_SENTENCE = {
    Problem.not_as_described: N_("The item is not as described: [what is wrong, in one line]."),
    Problem.slightly_imperfect: N_("The item is usable, but not as described: [what is different, in one line]."),
    Problem.incomplete: N_("Some items are missing from the parcel: [what is missing]."),
    Problem.fake: N_("The item is fake, not what the listing sells: [what shows it is fake]."),
    Problem.wrong_item: N_("I received a different item from the one I ordered: [what you received]."),
    Problem.changed_mind: N_("I would like to return it: nothing is wrong with it."),
}
"""What went wrong, in the buyer's voice, with a placeholder for the one detail only they know."""

PROBLEM_ATTACHMENTS = {
    Problem.not_as_described: N_("Photos of the problem and screenshots of the listing are attached."),
    Problem.slightly_imperfect: N_("Photos of the difference and screenshots of the listing are attached."),
    Problem.incomplete: N_("A photo of the opened parcel and a screenshot of the order page are attached."),
    Problem.fake: N_("Photos of the logos, labels and packaging, and screenshots of the listing, are attached."),
    Problem.wrong_item: N_("Photos of the item and of the shipping label are attached."),
    Problem.wrong_shipping_method: N_(
        "Screenshots of the shipping method I paid for and of the tracking are attached."
    ),
    Problem.changed_mind: N_("Photos of the item, unused and in its packaging, are attached."),
}
"""What the message says is attached: only the proof the plan's own list asks for."""


def problem_sentence(w: Said) -> str:
    problem = w.case.problem
    if problem is Problem.wrong_shipping_method:
        late = " " + _("It arrived late.") if w.case.arrived_late else ""
        return _("It was sent by a different shipping method from the one I paid for.") + late
    text = _(PROBLEM_SENTENCE[problem])
    if w.case.affected_value and w.decision.refund == "partial" and problem is not Problem.incomplete:
        text += " " + _("Only some items of the order are affected: [which items], worth {amount}.").format(
            amount=w.money(w.case.affected_value)
        )
    if problem is Problem.incomplete and w.case.missing_items_value:
        text += " " + _("They are worth {amount}.").format(amount=w.money(w.case.missing_items_value))
    return text


def seller_about_problem(w: Said) -> list[Message]:
    body = _(
        "Hello, I am writing about {order}. {problem} I am opening a dispute asking for {asked}. Thank you."
    ).format(order=w.order_ref, problem=problem_sentence(w), asked=w.asked)
    return [message("seller", _("To the seller"), body)]


def seller_before_dispute_allowed(w: Said) -> list[Message]:
    body = _(
        "Hello, I am writing about {order}. {problem} Could you please tell me how you will sort it out? "
        "If we can't agree, I will open a dispute on {day}. Thank you."
    ).format(order=w.order_ref, problem=problem_sentence(w), day=w.day("earliest_dispute"))
    return [message("seller", _("To the seller"), body)]


def seller_where_is_it(w: Said) -> list[Message]:
    ask = (
        _("Could you please tell me when it will arrive?")
        if w.decision.rule is Rule.in_transit
        else _("Could you please tell me where it is?")
    )
    then = (
        ""
        if w.decision.rule is Rule.in_transit
        else " " + _("If it is not sorted out by {day}, I will open a dispute.").format(day=w.day("seller_answer_due"))
    )
    body = _("Hello, I am writing about {order}.{shipped} {situation} {ask}{then} Thank you.").format(
        order=w.order_ref, shipped=shipped_clause(w), situation=not_arrived_sentence(w), ask=ask, then=then
    )
    return [message("seller", _("To the seller"), body)]


def seller_dispute_opened(w: Said) -> list[Message]:
    if w.protection_assumed:
        # The end was counted, not read off the order page: the message doesn't state a day that may be wrong.
        body = _(
            "Hello, I am writing about {order}. {situation} I am opening a dispute today, so that my buyer "
            "protection doesn't run out. If you have news of the parcel, please tell me in the dispute. Thank you."
        ).format(order=w.order_ref, situation=not_arrived_sentence(w))
        return [message("seller", _("To the seller"), body)]
    body = _(
        "Hello, I am writing about {order}. {situation} My buyer protection ends on {day}, so I am opening a "
        "dispute today. If you have news of the parcel, please tell me in the dispute. Thank you."
    ).format(order=w.order_ref, situation=not_arrived_sentence(w), day=w.day("dispute_deadline"))
    return [message("seller", _("To the seller"), body)]


def seller_extend(w: Said) -> list[Message]:
    ends = w.day("dispute_deadline")
    # An estimated delivery still ahead is worth saying only while the parcel is on its way.
    expected = w.eta and not w.eta_passed and w.order.tracking not in (Tracking.delivered, Tracking.returned_to_seller)
    if expected and w.order.estimated_delivery == w.dates.dispute_deadline:
        when = _("It is expected by {day}, the day my buyer protection ends.").format(day=ends)
    elif expected:
        when = _("It is expected by {day}, and my buyer protection ends on {ends}.").format(day=w.eta, ends=ends)
    else:
        when = _("My buyer protection ends on {ends}.").format(ends=ends)
    otherwise = (
        _("My dispute stays open until the parcel arrives.")
        if w.dispute is not None
        else _("If it is not extended, I will have to open a dispute by then.")
    )
    body = _(
        "Hello, I am writing about {order}. {situation} {when} Could you please extend the protection until "
        "{until}? {otherwise} Thank you."
    ).format(
        order=w.order_ref,
        situation=not_arrived_sentence(w),
        when=when,
        until=w.extension_until,
        otherwise=otherwise,
    )
    return [message("seller", _("To the seller: extend protection"), body)]


def dispute_not_received(w: Said) -> list[Message]:
    body = _("This dispute is about {order}.{shipped} {situation}{contact} I request {asked}.").format(
        order=w.order_ref,
        shipped=shipped_clause(w),
        situation=not_arrived_sentence(w),
        contact=contact_sentence(w),
        asked=w.asked,
    )
    return [message("dispute", _("Dispute description"), body)]


def dispute_received(w: Said) -> list[Message]:
    back = " " + _("I will send the item back with a tracked service.") if w.decision.return_item else ""
    body = _("This dispute is about {order}. {problem} {attached}{back} I request {asked}.").format(
        order=w.order_ref,
        problem=problem_sentence(w),
        attached=_(PROBLEM_ATTACHMENTS[w.case.problem]),
        back=back,
        asked=w.asked,
    )
    return [message("dispute", _("Dispute description"), body)]


def cancellation_message(w: Said) -> list[Message]:
    body = _(
        "Hello, I have asked to cancel {order} before it ships. Could you please accept the cancellation? Thank you."
    ).format(order=w.order_ref)
    return [message("seller", _("To the seller"), body)]


def appeal_message(w: Said) -> list[Message]:
    closed = w.dispute.closed_on if w.dispute is not None else None
    when = " " + _("It closed on {day}.").format(day=show_date(closed)) if closed else ""
    body = _(
        "Hello, I would like to appeal the dispute on {order}.{when} The outcome was [what was decided]. "
        "It is wrong because [what your proof shows]. I ask for [what you want instead]. "
        "My proof is attached. Thank you for reviewing it."
    ).format(order=w.order_ref, when=when)
    return [message("appeal", _("Appeal to AliExpress"), body)]


def appeal_after_accepting_message(w: Said) -> list[Message]:
    """An accepted offer is appealed on what the buyer learnt or was told after agreeing, so the message asks for it."""
    closed = w.dispute.closed_on if w.dispute is not None else None
    if closed is not None:
        accepted = _("I accepted [the offer] on {day} because [why you accepted], but it was unfair:").format(
            day=show_date(closed)
        )
    else:
        accepted = _("I accepted [the offer] because [why you accepted], but it was unfair:")
    body = _(
        "Hello, I would like to appeal the dispute on {order}. {accepted} [what your proof shows]. "
        "I ask for [what you want instead]. My proof is attached. Thank you for reviewing it."
    ).format(order=w.order_ref, accepted=accepted)
    return [message("appeal", _("Appeal to AliExpress"), body)]


def support_too_late_to_appeal(w: Said) -> list[Message]:
    closed = w.dispute.closed_on if w.dispute is not None else None
    when = (
        " "
        + _("It closed on {day}, and the {n} days to appeal have passed.").format(
            day=show_date(closed), n=w.n(APPEAL_WINDOW)
        )
        if closed
        else ""
    )
    body = _(
        "Hello, I need help with the dispute on {order}.{when} The outcome was unfair: [what went wrong]. "
        "Could you please review it? My proof is attached. Thank you."
    ).format(order=w.order_ref, when=when)
    return [message("support", _("To AliExpress customer support"), body)]


def support_never_arrived(w: Said) -> list[Message]:
    attached = (
        _("Screenshots of the order page and the tracking are attached.")
        if w.order.tracking is not Tracking.none
        else _("A screenshot of the order page is attached.")
    )
    ended = " " + (
        _("By my count, buyer protection ended on {ends}.")
        if w.protection_assumed
        else _("Buyer protection ended on {ends}.")
    ).format(ends=w.day("protection_ends"))
    body = _(
        "Hello, I need help with {order}.{shipped} {situation}{contact}{ended} Could you please refund me? "
        "{attached} Thank you."
    ).format(
        order=w.order_ref,
        shipped=shipped_clause(w),
        situation=not_arrived_sentence(w),
        contact=contact_sentence(w),
        ended=ended,
        attached=attached,
    )
    return [message("support", _("To AliExpress customer support"), body)]


def support_received_too_late(w: Said) -> list[Message]:
    ended = " " + (
        _("By my count, the time to open a dispute ended on {day}.")
        if w.protection_assumed and w.order.receipt_confirmed_on is None
        else _("The time to open a dispute ended on {day}.")
    ).format(day=w.day("dispute_deadline"))
    body = _(
        "Hello, I need help with {order}. {problem}{ended} Could you please help me get a refund? My proof is "
        "attached. Thank you."
    ).format(order=w.order_ref, problem=problem_sentence(w), ended=ended)
    return [message("support", _("To AliExpress customer support"), body)]


def seller_extend_while_protected(w: Said) -> list[Message]:
    return seller_extend(w) if w.still_protected else []


def support_blocked(w: Said) -> list[Message]:
    ends = (
        _(", and by my count my buyer protection ends on {day}")
        if w.protection_assumed
        else _(", and my buyer protection ends on {day}")
    ).format(day=w.day("dispute_deadline"))
    body = _(
        "Hello, I need help with {order}.{shipped} {situation} The order page does not let me open a "
        "dispute{ends}. Could you please open the dispute for me, or keep the order protected until it arrives? "
        "A screenshot of the order page is attached. Thank you."
    ).format(order=w.order_ref, shipped=shipped_clause(w), situation=not_arrived_sentence(w), ends=ends)
    return [message("support", _("To AliExpress customer support"), body)]


def support_late_claim(w: Said) -> list[Message]:
    ended = " " + (
        _("By my count, buyer protection ended on {ends}, so a refund can still be requested until {day}.")
        if w.protection_assumed
        else _("Buyer protection ended on {ends}; I understand a refund can still be requested until {day}.")
    ).format(ends=w.day("protection_ends"), day=w.day("late_claim_deadline"))
    body = _(
        'Hello, I never received {order}, and there is no "Open dispute" button on it.{ended} Could you please '
        "refund me? A screenshot of the order page is attached. Thank you."
    ).format(order=w.order_ref, ended=ended)
    return [message("support", _("To support, only if the button is missing"), body)]


def support_keep_open(w: Said) -> list[Message]:
    body = _(
        "Hello, about the dispute on {order}: it was judged invalid because the parcel is still moving, but "
        "my buyer {protection}. Please keep the dispute open until the parcel arrives: if I cancelled it, I "
        "could not open a new one. The latest tracking page is attached. Thank you."
    ).format(order=w.order_ref, protection=w.protection_end)
    return [message("support", _("To AliExpress customer support"), body)]


def bank_message(w: Said) -> list[Message]:
    processed = w.dispute.refund_processed_on if w.dispute is not None else None
    assert processed is not None, "the bank message is only for a processed refund"
    if w.case.paid_with is Payment.other:
        # No card, so no card number and no ARN: the refund's own reference is what the bank can trace.
        body = _(
            "Hello, on {day} AliExpress processed a refund of [refund amount] for {order}, but it has not reached "
            "my account. Its reference is [refund reference]. Could you please trace it? Thank you."
        ).format(order=w.order_ref, day=show_date(processed))
    else:
        body = _(
            "Hello, on {day} AliExpress processed a refund of [refund amount] for {order} to my card ending in "
            "[last 4 digits], but it has not reached my account. The refund's ARN code is [ARN code]. Could you "
            "please trace it? Thank you."
        ).format(order=w.order_ref, day=show_date(processed))
    return [message("bank", _("To your bank"), body)]


def support_refund_missing(w: Said) -> list[Message]:
    processed = w.dispute.refund_processed_on if w.dispute is not None else None
    assert processed is not None, "a late refund was processed"
    where = _("PayPal account") if w.case.paid_with is Payment.paypal else _("AliExpress Bonus or balance")
    body = _(
        "Hello, on {day} AliExpress processed a refund for {order} to my {where}, and it should have arrived by "
        "{by}, but it has not. Could you please check where it is? A screenshot of the refund status is attached. "
        "Thank you."
    ).format(day=show_date(processed), order=w.order_ref, where=where, by=w.day("refund_expected_by"))
    return [message("support", _("To AliExpress customer support"), body)]


def support_seller_did_not_answer(w: Said) -> list[Message]:
    opened = w.dispute.opened_on if w.dispute is not None else None
    assert opened is not None, "the seller's days count from the opening"
    body = _(
        "Hello, I opened a dispute on {order} on {opened}. The seller made no offer in the dispute by {day}, so I "
        "understand the refund I asked for should go through, but the dispute is still open. Could you please check "
        "it? Thank you."
    ).format(order=w.order_ref, opened=show_date(opened), day=w.day("seller_must_answer_by"))
    return [message("support", _("To AliExpress customer support"), body)]


def return_agreed_clause(w: Said) -> str:
    """ " The return was agreed on <day>." when the buyer gave the day."""
    agreed = w.case.item_return.agreed_on if w.case.item_return is not None else None
    return " " + _("The return was agreed on {day}.").format(day=show_date(agreed)) if agreed else ""


def return_sent_clause(w: Said) -> str:
    """ "I sent it back on <day> with tracking number [tracking number]." (the day only when given)."""
    sent = w.case.item_return.sent_on if w.case.item_return is not None else None
    if sent is not None:
        return _("I sent it back on {day} with tracking number [tracking number].").format(day=show_date(sent))
    return _("I sent it back with tracking number [tracking number].")


def seller_return_tracking(w: Said) -> list[Message]:
    body = _(
        "Hello, I am sending back {order} as agreed. The tracking number is [tracking number]. Please confirm "
        "when you receive it. Thank you."
    ).format(order=w.order_ref)
    return [message("seller", _("To the seller, once it's sent"), body)]


def support_return_late(w: Said) -> list[Message]:
    body = _(
        "Hello, I need help with the return of {order}.{agreed} I could not send it back by {day}, because "
        "[the reason]. Could you please let me still send it back, with tracking, for my refund? Thank you."
    ).format(order=w.order_ref, agreed=return_agreed_clause(w), day=w.day("return_ship_by"))
    return [message("support", _("To AliExpress customer support"), body)]


def support_label_refused(w: Said) -> list[Message]:
    ask = (
        _("Could you please send me a new label, or refund the postage if I pay for it myself?")
        if seller_pays_return(w)
        else _("Could you please send me a new label, or tell me another way to send it?")
    )
    body = _(
        "Hello, I need help with the return of {order}.{agreed} The post office refused the return label on "
        "[day it was refused], because [what they said]. I have to send it back by {day}. {ask} A photo of the "
        "label is attached. Thank you."
    ).format(order=w.order_ref, agreed=return_agreed_clause(w), day=w.day("return_ship_by"), ask=ask)
    return [message("support", _("To AliExpress customer support"), body)]


def support_return_not_confirmed(w: Said) -> list[Message]:
    body = _(
        "Hello, I need help with the return of {order}. {sent} The tracking shows it delivered to the seller, "
        "but the seller has not confirmed it and I have no refund yet. Could you please check it? The postage "
        "receipt and a screenshot of the tracking are attached. Thank you."
    ).format(order=w.order_ref, sent=return_sent_clause(w))
    return [message("support", _("To support, only if the seller doesn't confirm"), body)]


def seller_return_delivered(w: Said) -> list[Message]:
    body = _(
        "Hello, about the return of {order}: {sent} The tracking shows it delivered to you. The postage receipt "
        "and a screenshot of the tracking are attached. Could you please check again and confirm the return? Thank you."
    ).format(order=w.order_ref, sent=return_sent_clause(w))
    return [message("seller", _("To the seller"), body)]


def support_return_lost(w: Said) -> list[Message]:
    body = _(
        "Hello, I need help with the return of {order}.{agreed} {sent} The tracking shows it delivered to the "
        "seller, but the seller says it never arrived. Could you please look into it and release my refund? "
        "The postage receipt and a screenshot of the tracking are attached. Thank you."
    ).format(order=w.order_ref, agreed=return_agreed_clause(w), sent=return_sent_clause(w))
    return [message("support", _("To AliExpress customer support"), body)]


def paid_clause(w: Said) -> str:
    """ "I paid $40.00." when the amount is known."""
    total = w.order.total_paid
    return " " + _("I paid {amount}.").format(amount=w.money(total)) if total > 0 else ""


def bank_cancelled_message(w: Said) -> list[Message]:
    cancelled = w.case.cancelled_on
    assert cancelled is not None, "the cancelled rules read the day of the cancellation"
    if w.case.paid_with is Payment.other:
        body = _(
            "Hello, {order} on AliExpress was cancelled on {day}, before it shipped.{paid} The money has not come "
            "back to my account. If the payment is still on hold, could you please release it? If a refund came in, "
            "could you please trace it? Thank you."
        ).format(order=w.order_ref, day=show_date(cancelled), paid=paid_clause(w))
    else:
        body = _(
            "Hello, {order} on AliExpress was cancelled on {day}, before it shipped.{paid} The money has not come "
            "back to my card ending in [last 4 digits]. If the payment is still on hold, could you please release "
            "it? If a refund came in, could you please trace it? Thank you."
        ).format(order=w.order_ref, day=show_date(cancelled), paid=paid_clause(w))
    return [message("bank", _("To your bank"), body)]


def support_cancelled_refund(w: Said) -> list[Message]:
    cancelled = w.case.cancelled_on
    assert cancelled is not None, "the cancelled rules read the day of the cancellation"
    where = _("PayPal account") if w.case.paid_with is Payment.paypal else _("AliExpress Bonus or balance")
    body = _(
        "Hello, {order} was cancelled on {day}, before it shipped.{paid} The refund to my {where} should have arrived "
        "by {by}, but it has not. Could you please check where it is? A screenshot of the order page is attached. "
        "Thank you."
    ).format(
        order=w.order_ref, day=show_date(cancelled), paid=paid_clause(w), where=where, by=w.day("refund_expected_by")
    )
    return [message("support", _("To AliExpress customer support"), body)]


def seller_return_address(w: Said) -> list[Message]:
    body = _(
        "Hello, I am ready to send back {order} as agreed, but the return request shows no return address or label. "
        "Could you please add them to the dispute? Thank you."
    ).format(order=w.order_ref)
    return [message("seller", _("To the seller, in the dispute"), body)]


def support_no_label(w: Said) -> list[Message]:
    by = (
        " " + _("I have to send it by {day}.").format(day=w.day("return_ship_by"))
        if w.dates.return_ship_by is not None
        else ""
    )
    body = _(
        "Hello, I need help with the return of {order}.{agreed} The seller has not given a return address or label, "
        "so I cannot send it back.{by} Could you please give me an address or a label, and make sure I still have "
        "time to send it once I have them? Thank you."
    ).format(order=w.order_ref, agreed=return_agreed_clause(w), by=by)
    return [message("support", _("To AliExpress customer support"), body)]


def support_customs_refused(w: Said) -> list[Message]:
    body = _(
        "Hello, I need help with {order}.{shipped} The parcel went back to the seller because I did not pay the "
        "customs charges of [amount], because [the reason]. Can I still get a refund, and should I open a dispute? "
        "The customs notice is attached. Thank you."
    ).format(order=w.order_ref, shipped=shipped_clause(w))
    return [message("support", _("To AliExpress customer support"), body)]


def support_late_coupon(w: Said) -> list[Message]:
    """Only for a fine order that came late: the On-Time Guarantee's coupon, if the order had one."""
    if not w.case.arrived_late:
        return []
    body = _(
        "Hello, {order} has an On-Time Guarantee, but it arrived on [day it arrived], after the guaranteed date "
        "[guaranteed date]. Could you please send me the coupon for the late delivery? Thank you."
    ).format(order=w.order_ref)
    return [message("support", _("To AliExpress customer support, if the order had an On-Time Guarantee"), body)]


def dispute_reject_answer(w: Said) -> list[Message]:
    """The buyer's answer to a rejection, in the dispute: why the claim stands, with the proof."""
    body = _(
        "I don't accept the rejection of my dispute on {order}. [What the problem is, and what your proof shows.] "
        "My proof is attached. I still ask for {refund}."
    ).format(order=w.order_ref, refund=_asked(w))
    return [message("dispute", _("In the dispute: your answer to the rejection"), body)]


def support_seller_rejected(w: Said) -> list[Message]:
    opened = w.dispute.opened_on if w.dispute is not None else None
    when = " " + _("on {day}").format(day=show_date(opened)) if opened is not None else ""
    body = _(
        "Hello, I opened a dispute on {order}{when}. The seller rejected it without an offer, and AliExpress hasn't "
        "proposed a solution yet. Could you please review it? My proof is in the dispute. Thank you."
    ).format(order=w.order_ref, when=when)
    return [message("support", _("To AliExpress customer support"), body)]


def _asked(w: Said) -> str:
    """What the buyer asked for in the dispute: the amount when known, else a placeholder."""
    dispute = w.dispute
    asked = dispute.requested_refund if dispute is not None else None
    if asked is None and w.order.total_paid > 0:
        asked = w.order.total_paid
    if asked is None:
        return "[" + _("the refund you asked for") + "]"
    return _("a refund of {amount}").format(amount=w.money(asked))


def seller_not_collected(w: Said) -> list[Message]:
    """The buyer missed the pickup notice: an honest request to send it again or refund, with no false excuse."""
    body = _(
        "Hello, I am writing about {order}.{shipped} The parcel went back to you because I did not collect it in "
        "time, and I am sorry about that. Could you please send it again, or refund my order? Thank you."
    ).format(order=w.order_ref, shipped=shipped_clause(w))
    return [message("seller", _("To the seller"), body)]


def support_return_delivered(w: Said) -> list[Message]:
    """The return reached the seller on a day the tracking shows, and no refund came: ask support to release it."""
    item_return = w.case.item_return
    delivered = item_return.delivered_on if item_return is not None else None
    reached = (
        _("The tracking shows the seller received it on {day},").format(day=show_date(delivered))
        if delivered is not None
        else _("The tracking shows the seller received it,")
    )
    body = _(
        "Hello, I need help with the return of {order}. {reached} but my refund has not been processed. Could you "
        "please release my refund? A screenshot of the tracking is attached. Thank you."
    ).format(order=w.order_ref, reached=reached)
    return [message("support", _("To AliExpress customer support"), body)]


def dispute_proposal_answer(w: Said) -> list[Message]:
    """The buyer's answer to a proposal below what they asked: why the claim stands, with the proof."""
    if w.order.received:
        body = _(
            "The proposal of {offer} for {order} doesn't cover the problem. [What is wrong, and what it would cost "
            "to put right.] My proof is attached. I still ask for {refund}."
        ).format(offer=proposal(w), order=w.order_ref, refund=_asked(w))
    else:
        body = _(
            "The proposal of {offer} for {order} doesn't cover it: I never received the parcel. My proof is "
            "attached. I still ask for {refund}."
        ).format(offer=proposal(w), order=w.order_ref, refund=_asked(w))
    return [message("dispute", _("In the dispute: why the proposal is too low"), body)]


def dispute_proof_note(w: Said) -> list[Message]:
    """A short note to go with the proof AliExpress asked for: what it is, what it shows, and the claim."""
    body = _(
        "Here is the proof you asked for about {order}: [what you are adding]. It shows that [what it shows]. "
        "I still ask for {asked}."
    ).format(order=w.order_ref, asked=_asked(w))
    return [message("dispute", _("Note with your proof, in the dispute"), body)]


def dispute_arrived_since(w: Said) -> list[Message]:
    """The dispute said the parcel never came: the note puts the record straight and claims for the real problem."""
    body = _(
        "The parcel for {order} has arrived since I opened this dispute, but [what is wrong, in one line]. Photos and "
        "a video are attached. I now ask for {asked}."
    ).format(order=w.order_ref, asked=w.asked)
    return [message("dispute", _("Note to add to the dispute"), body)]
