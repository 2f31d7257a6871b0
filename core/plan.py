"""Turn a rule's decision into the plan a buyer reads: headline, steps, proof, warnings, drafts.

The rules (core.rules) decide; this module only words the decision, in our own short
sentences, filled with the case's own dates and amounts.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from core.i18n import N_, _, show_date, show_money
from core.models import Case, Deadline, DisputeStatus, Message, Plan, PlanDates, Problem, Tracking
from core.rules import Decision

DEADLINE_LABELS = {
    "earliest_dispute": N_("You can open a dispute from"),
    "dispute_deadline": N_("Last day to open a dispute"),
    "appeal_deadline": N_("Last day to appeal"),
    "negotiation_ends": N_("Negotiation ends"),
    "refund_expected_by": N_("Refund should arrive by"),
}


class Wording:
    """The case's names, dates and amounts, formatted once for every sentence of the plan."""

    def __init__(self, case: Case, decision: Decision, dates: PlanDates, today: dt.date):
        self.case, self.decision, self.dates, self.today = case, decision, dates, today
        order = case.order
        self.currency = order.currency
        self.order_name = order.label or _("my order placed on {day}").format(day=show_date(order.placed_on))
        self.total = self.money(order.total_paid)
        self.order_ref = f"{self.order_name} ({self.total})" if order.total_paid else self.order_name
        self.placed = show_date(order.placed_on)

    def money(self, amount: Decimal | None) -> str:
        return "" if amount is None else show_money(amount, self.currency)

    def day(self, which: str) -> str:
        value = getattr(self.dates, which)
        return show_date(value) if value is not None else ""

    @property
    def asked(self) -> str:
        """What the plan asks for, in words: "a full refund of $40.00"."""
        d = self.decision
        if d.refund == "full" and d.refund_amount:
            return _("a full refund of {amount}").format(amount=self.money(d.refund_amount))
        if d.refund == "full":
            return _("a full refund")
        if d.refund == "partial" and d.refund_amount is not None:
            return _("a partial refund of {amount}").format(amount=self.money(d.refund_amount))
        if d.refund == "partial":
            return _("a partial refund (an amount you think is fair)")
        return _("no money")


def build_plan(case: Case, decision: Decision, dates: PlanDates, today: dt.date) -> Plan:
    """Word the decision for this case."""
    w = Wording(case, decision, dates, today)
    return Plan(
        rule=decision.rule,
        today=today,
        action=decision.action,
        refund=decision.refund,
        refund_amount=decision.refund_amount,
        return_item=decision.return_item,
        currency=case.order.currency,
        next_deadline=next_deadline(decision, dates, today),
        dates=dates,
        headline=headline(w),
        steps=steps(w),
        evidence=evidence(w),
        warnings=warnings(w),
        messages=messages(w),
        sources=[_(title) for title in decision.sources],
    )


def next_deadline(decision: Decision, dates: PlanDates, today: dt.date) -> Deadline | None:
    """The date the decision names as the one that matters now, with days left (negative when past)."""
    if decision.deadline is None:
        return None
    day = getattr(dates, decision.deadline)
    if day is None:
        return None
    return Deadline(label=_(DEADLINE_LABELS[decision.deadline]), date=day, days_left=(day - today).days)


def headline(w: Wording) -> str:
    rule, d = w.decision.rule, w.decision
    texts = {
        "not_shipped.payment_pending": lambda: _("Cancel the order now: it has not shipped, so the seller cannot refuse."),
        "not_shipped.payment_confirmed": lambda: _(
            "Ask for a cancellation: the order has not shipped yet, but the seller has to agree."
        ),
        "dispute_closed.appeal": lambda: _("Appeal the outcome by {day}: you have 7 days after the dispute closed.").format(
            day=w.day("appeal_deadline") or _("the 7th day after it closed")
        ),
        "dispute_closed.too_late_to_appeal": lambda: _(
            "The appeal window has closed: write to AliExpress customer support instead."
        ),
        "dispute_closed.refund_overdue": lambda: _(
            "Your refund is late: ask your bank to trace it with the ARN code."
        ),
        "dispute_closed.refund_on_its_way": lambda: _("Your refund is on its way: expect it between {start} and {end}.").format(
            start=w.day("refund_expected_from"), end=w.day("refund_expected_by")
        ),
        "dispute_closed.refund_not_processed": lambda: _(
            "Wait for AliExpress to process the refund, then it takes 3 to 20 working days to arrive."
        ),
        "dispute_closed.settled": lambda: _("All settled: there is nothing left to do for this order."),
        "dispute_open.item_fine": lambda: _("Your order is fine, so cancel the dispute (cancel it, do not close it)."),
        "dispute_open.invalid_in_transit": lambda: _(
            "Cancel the dispute and wait: the parcel is still moving and you are still protected."
        ),
        "dispute_open.seller_beats_aliexpress": lambda: _("Accept the seller's offer: it beats AliExpress's proposal."),
        "dispute_open.aliexpress_offer": lambda: _("Accept AliExpress's proposal: {asked}.").format(asked=w.asked),
        "dispute_open.seller_gives_what_was_asked": lambda: _("Accept the seller's offer: it gives you what you asked for."),
        "dispute_open.seller_offer_too_low": lambda: _(
            "Do not accept the seller's offer yet: wait for AliExpress to step in with its own proposal."
        ),
        "dispute_open.no_offer_yet": lambda: _(
            "Wait for the seller to answer, and add more proof to the dispute meanwhile."
        ),
        "not_received.too_early": lambda: _("Too early to open a dispute: you can open one from {day}.").format(
            day=w.day("earliest_dispute")
        ),
        "not_received.protection_over": lambda: _(
            "Buyer protection has ended, so a dispute is no longer possible: contact customer support."
        ),
        "not_received.delivered_ask_seller": lambda: _(
            "Tracking says delivered but you have nothing: ask the seller first, then dispute if they don't fix it."
        ),
        "not_received.delivered_seller_silent": lambda: _(
            "Open a dispute for a full refund: tracking says delivered and the seller did not sort it out."
        ),
        "not_received.returned_to_seller": lambda: _(
            "The parcel went back to the seller: open a dispute for a full refund."
        ),
        "not_received.early_but_protection_running_out": lambda: _(
            "Open a dispute now for a full refund: protection ends on {day}, before the parcel is due."
        ).format(day=w.day("dispute_deadline")),
        "not_received.before_estimated_delivery": lambda: _(
            "Give it time: the estimated delivery date ({day}) has not come yet."
        ).format(day=show_date(w.case.order.estimated_delivery)) if w.case.order.estimated_delivery else "",
        "not_received.in_transit_protection_running_out": lambda: _(
            "Open a dispute now for a full refund: protection ends on {day} and the parcel is still in transit."
        ).format(day=w.day("dispute_deadline")),
        "not_received.in_transit": lambda: _(
            "Ask the seller about your parcel: a dispute is refused while tracking shows it moving."
        ),
        "not_received.seller_silent": lambda: _(
            "Open a dispute for a full refund: the parcel is late and the seller had two days to answer."
        ),
        "not_received.ask_seller": lambda: _(
            "Ask the seller where your order is, and open a dispute if they don't answer within 2 days."
        ),
        "received.too_early": lambda: _("Too early to open a dispute: you can open one from {day}.").format(
            day=w.day("earliest_dispute")
        ),
        "received.protection_over": lambda: _(
            "The time to open a dispute has passed: contact customer support instead."
        ),
        "received.not_as_described": lambda: _("Open a dispute and ask for a full refund, keeping the item."),
        "received.fake": lambda: _("Open a dispute for a full refund: a fake is never what you paid for."),
        "received.wrong_item": lambda: _("Open a dispute for a full refund: you got something you did not order."),
        "received.slightly_imperfect": lambda: _(
            "Open a dispute for a partial refund: the item is usable but not quite as described."
        ),
        "received.incomplete": lambda: _("Open a dispute for {asked} for the missing items.").format(asked=w.asked),
        "received.wrong_shipping_paid_and_late": lambda: _(
            "Open a dispute for your shipping money back: {amount}."
        ).format(amount=w.money(d.refund_amount)),
        "received.changed_mind": lambda: _(
            "Open a dispute to return the item for a full refund."
        ),
    }
    if rule in texts:
        return texts[rule]()
    if d.action == "confirm_receipt":
        return _("Confirm receipt: you still have 15 days after that to open a dispute if something turns up.")
    return _("Nothing to do: your order arrived and receipt is confirmed.")


def steps(w: Wording) -> list[str]:
    """What to do, in order, as a checklist."""
    d, case = w.decision, w.case
    action = d.action
    seller_first = _("Write to the seller: explain the problem and say you will open a dispute if it isn't solved.")
    if action == "cancel_order":
        return [
            _("Go to My Orders and find the order."),
            _("Tap “Cancel order”. Before shipping, the seller cannot refuse."),
            _("Expect the money back in a few days: the payment is refunded after it is processed."),
        ]
    if action == "request_cancellation":
        return [
            _("Go to My Orders, find the order and tap “Cancel order”."),
            _("Pick “Other reasons” as the reason."),
            _("Message the seller: say why you are cancelling and ask them to accept."),
            _("If the seller refuses and ships, come back here: you stay protected once it ships."),
        ]
    if action == "wait" and d.rule.startswith("dispute_closed"):
        return [
            _("Open the order, then the “Payment” (or “Finance”) tab, to see the refund's progress."),
            _("The 3 to 20 working days start when all three refund stages are complete."),
            _("Check your card statement, including the day you bought: refunds are easy to miss."),
            _("Sales and Christmas can slow refunds down a little."),
        ]
    if action == "check_with_bank":
        return [
            _("Open the order's “Payment” tab and copy the ARN code of the refund."),
            _("Check your recent card movements, including the day of the purchase."),
            _("Give your bank the ARN code and ask them to find the refund."),
            _("If the bank finds nothing, contact AliExpress through the help chat."),
        ]
    if action == "appeal":
        return [
            _("Gather what you have: the dispute's messages, photos, videos and tracking."),
            _("Contact AliExpress customer service on the website and ask to appeal the dispute."),
            _("Explain in a few lines why the outcome is unfair, and attach your proof."),
            _("Do it before {day}: after that, the appeal is closed.").format(
                day=w.day("appeal_deadline") or _("7 days after the dispute closed")
            ),
        ]
    if action == "contact_support":
        return [
            _("Open AliExpress's help chat or contact form (there is no phone number: numbers online are fakes)."),
            _("The chat robot answers first; ask for an agent if it does not help."),
            _("Explain the situation with dates, and attach your proof."),
            _("If nothing works, try AliExpress's social media accounts."),
        ]
    if action == "cancel_dispute":
        listed = [
            _("Check the item carefully before anything else.") if case.order.received else
            _("Keep an eye on tracking: the parcel is still on its way."),
            _("Open the dispute and tap “Cancel dispute”. Never “close” it: a closed dispute can't be reopened."),
        ]
        if d.rule == "dispute_open.invalid_in_transit" or not case.order.received:
            listed.append(
                _("If it still hasn't arrived later, open a new dispute before protection ends on {day}.").format(
                    day=w.day("dispute_deadline")
                )
            )
        return listed
    if action in ("accept_seller_offer", "accept_aliexpress_offer"):
        listed = [
            _("Make sure everything else about the order is fine: once you accept, the dispute closes for good."),
            _("Open the dispute and tap “Accept” on the offer."),
        ]
        if d.return_item:
            listed.append(_("Send the item back with a tracked, certified service and keep the receipt."))
        if w.dates.negotiation_ends:
            listed.append(
                _("Decide before {day}: if you don't, AliExpress's proposal is applied for you.").format(
                    day=w.day("negotiation_ends")
                )
            )
        return listed
    if action == "wait" and d.rule.startswith("dispute_open"):
        listed = [
            _("Add more proof to the dispute while you wait: it helps the AliExpress agent decide."),
            _("If you and the seller don't agree within a few days, AliExpress steps in by itself."),
            _("When AliExpress proposes, compare it with the seller's offer before accepting either."),
        ]
        if w.dates.negotiation_ends:
            listed.append(
                _("Decide before the negotiation ends on {day}.").format(day=w.day("negotiation_ends"))
            )
        return listed
    if action == "wait":
        listed = [_("Keep an eye on the tracking page.")]
        if d.rule.endswith("too_early"):
            listed.append(
                _("You can open a dispute from {day}, 10 days after shipping.").format(day=w.day("earliest_dispute"))
            )
            listed.append(seller_first)
        if d.rule == "not_received.before_estimated_delivery":
            listed.append(
                _("If it hasn't come by the estimated date, ask the seller, then open a dispute.")
            )
        if w.dates.dispute_deadline:
            listed.append(
                _("Buyer protection lasts until {day}: don't let it pass.").format(day=w.day("dispute_deadline"))
            )
        return listed
    if action == "contact_seller":
        listed = []
        if case.order.tracking is Tracking.delivered:
            listed.append(_("Check with neighbours, the building's reception and the local post office."))
            listed.append(_("Look up the tracking on a tracking site to see which city it was delivered in."))
        elif case.order.tracking in (Tracking.in_transit, Tracking.no_updates):
            listed.append(_("Copy the tracking code and check it on a tracking website."))
        listed.append(_("Send the seller the message below and note the date you sent it."))
        if case.order.tracking is Tracking.in_transit:
            listed.append(
                _("A dispute is refused while the parcel moves; we'll tell you to open one if protection runs low.")
            )
        else:
            listed.append(_("No fix within 2 days? Open a dispute for a full refund."))
        listed.append(
            _("Open it before {day}, the last day of protection.").format(day=w.day("dispute_deadline"))
        )
        return listed
    if action == "open_dispute":
        listed = [seller_first] if d.rule.startswith("received") else []
        listed += [
            _("Go to My Orders, find the order and tap “Open dispute”."),
            _("Choose “Refund and return” if you'll send it back, otherwise “Refund only”.")
            if d.return_item else _("Choose “Refund only”: you keep the item."),
            _("Pick the reason closest to your problem, then add every photo, video and screenshot you have."),
            _("Ask for {asked}.").format(asked=w.asked),
            _("Paste the dispute description below and adjust it if needed."),
            _("Do it by {day}.").format(day=w.day("dispute_deadline")),
        ]
        return listed
    if action == "confirm_receipt":
        return [
            _("Check that everything in the parcel works and matches the listing."),
            _("Tap “Confirm receipt” on the order. It does not put your money at risk."),
            _("You then have 15 more days to open a dispute if a problem shows up."),
        ]
    return [_("Keep your photos and messages for a while, just in case.")]


PROBLEM_EVIDENCE = {
    Problem.not_as_described: (
        N_("Clear photos of the item and of the fault or difference."),
        N_("A short video showing the problem (it doesn't work, it's broken, the size is off)."),
        N_("Screenshots of the listing's description and size chart."),
        N_("Photos of measurements next to a tape measure where size matters."),
    ),
    Problem.slightly_imperfect: (
        N_("Photos showing the imperfection (colour, size, finish)."),
        N_("Screenshots of the listing showing what was promised."),
        N_("Measurements next to a tape measure if the size is off."),
    ),
    Problem.incomplete: (
        N_("A photo of the opened parcel with everything that came in it."),
        N_("A video of you opening the parcel, if you have one."),
        N_("The order page listing every item you paid for."),
    ),
    Problem.fake: (
        N_("Photos of the logos, labels, serial numbers and packaging."),
        N_("Side-by-side photos against the genuine product, or its official pictures."),
        N_("Screenshots of the listing claiming it was original."),
    ),
    Problem.wrong_item: (
        N_("Photos of what you received, with its label."),
        N_("A screenshot of what you ordered."),
    ),
    Problem.wrong_shipping_method: (
        N_("A screenshot of the shipping method you paid for at checkout."),
        N_("The tracking page showing the method actually used and the delivery date."),
    ),
    Problem.changed_mind: (
        N_("Photos of the item unused, in its packaging."),
        N_("A screenshot showing whether the listing offers “free return”."),
    ),
}


def evidence(w: Wording) -> list[str]:
    """The proof that fits this problem; empty where the plan asks for nothing."""
    case, d = w.case, w.decision
    if d.action in ("cancel_order", "request_cancellation", "nothing_to_do", "confirm_receipt"):
        return []
    if d.action in ("check_with_bank", "wait") and d.rule.startswith("dispute_closed"):
        return [
            _("A screenshot of the refund status in the order's “Payment” tab."),
            _("The refund's ARN code, if you paid by card."),
            _("Your card or account statement since the purchase."),
        ]
    if not case.order.received:
        items = [
            _("A screenshot of the tracking page with its latest update."),
            _("A screenshot of the order page showing the estimated delivery date."),
            _("Your messages with the seller, with dates."),
        ]
        if case.order.tracking is Tracking.delivered:
            items.append(_("What a tracking site says about the city it was delivered in."))
            items.append(_("A note from your post office or building reception, if they checked."))
        return items
    items = [_(text) for text in PROBLEM_EVIDENCE.get(case.problem, ())]
    items.append(_("Your messages with the seller, with dates."))
    return items


def warnings(w: Wording) -> list[str]:
    """What not to accept, close or miss."""
    case, d = w.case, w.decision
    found = []
    dispute_open = case.dispute is not None and case.dispute.status is DisputeStatus.open
    if d.action in ("open_dispute", "contact_seller") or dispute_open:
        found.append(
            _("Ignore offers to solve it outside AliExpress (“I'll resend it”, “I'll pay you by PayPal”): "
              "only a dispute protects your money.")
        )
    if dispute_open:
        found.append(_("Never close a dispute because the seller promises something: you could not reopen it."))
        found.append(
            _("Don't accept a seller's offer that is worse than AliExpress's: AliExpress's proposal is the one that counts.")
        )
        if case.dispute.aliexpress_offer is not None:
            found.append(_("If you choose nothing before the negotiation ends, AliExpress's proposal is applied."))
    if d.action in ("accept_seller_offer", "accept_aliexpress_offer"):
        found.append(_("Accepting ends the dispute: you can't open another one for this order."))
    if d.return_item:
        if case.order.free_return and d.action == "open_dispute":
            found.append(_("This listing has free return: you'll get a return code, so the postage is free."))
        else:
            found.append(_("Returning is at your cost unless the listing says “free return”; postage can cost more than the item."))
    if d.action == "open_dispute" and case.problem is Problem.wrong_shipping_method:
        found.append(_("You can claim only once per order: make sure nothing else is wrong before you open it."))
    if case.dispute is not None and case.dispute.status is DisputeStatus.cancelled and d.action != "contact_support":
        found.append(_("Your earlier dispute was cancelled, so you can open a new one while protection lasts."))
    deadline = d.deadline and getattr(w.dates, d.deadline)
    if d.deadline == "dispute_deadline" and deadline is not None and 0 <= (deadline - w.today).days <= 5:
        found.append(_("Protection is running out: after {day} no dispute can be opened.").format(day=show_date(deadline)))
    if d.action == "check_with_bank" or d.rule == "dispute_closed.settled":
        found.append(
            _("Bank and currency-exchange fees aren't refunded, so a little less than you paid may come back.")
        )
    return found


def messages(w: Wording) -> list[Message]:
    """Ready-to-send drafts for the action, filled with the case's own dates and amounts."""
    d, case = w.decision, w.case
    drafts: list[Message] = []
    if d.action == "request_cancellation":
        drafts.append(Message(kind="seller", title=_("To the seller"), body=_(
            "Hello, I have just asked to cancel {order} before it ships. "
            "Could you please accept the cancellation? Thank you!"
        ).format(order=w.order_ref)))
    if d.action == "contact_seller" or (d.action == "open_dispute" and d.rule.startswith("received")) or (
        d.action == "wait" and d.rule.endswith("too_early")
    ):
        drafts.append(Message(kind="seller", title=_("To the seller"), body=seller_message(w)))
    if d.action == "open_dispute":
        drafts.append(Message(kind="dispute", title=_("Dispute description"), body=dispute_message(w)))
    if d.action == "appeal":
        drafts.append(Message(kind="appeal", title=_("Appeal to AliExpress"), body=_(
            "Hello, I would like to appeal the dispute on {order}, which closed on {closed}. "
            "The outcome does not reflect the problem: [say in one or two lines what went wrong]. "
            "I attach my photos, videos and the messages with the seller. Thank you for reviewing it."
        ).format(order=w.order_ref,
                 closed=show_date(case.dispute.closed_on) if case.dispute.closed_on else _("recently"))))
    if d.action == "contact_support":
        drafts.append(Message(kind="support", title=_("To AliExpress customer support"), body=_(
            "Hello, I need help with {order}, placed on {placed}. "
            "[Describe the problem in two lines.] I could not solve it through a dispute in time. "
            "I attach the order page, the tracking and my messages with the seller. Thank you."
        ).format(order=w.order_ref, placed=w.placed)))
    if d.action == "check_with_bank":
        drafts.append(Message(kind="bank", title=_("To your bank"), body=_(
            "Hello, AliExpress refunded {order} to my card on {processed}, but I cannot see the money. "
            "The refund's ARN code is [paste the ARN]. Could you please trace it? Thank you."
        ).format(order=w.order_ref, processed=show_date(case.dispute.refund_processed_on))))
    return drafts


def seller_message(w: Wording) -> str:
    case = w.case
    if not case.order.received:
        if case.order.tracking is Tracking.delivered:
            problem = _("Tracking says it was delivered, but I have not received anything.")
        elif case.order.tracking is Tracking.in_transit:
            problem = _("It is still in transit and later than I expected.")
        else:
            problem = _("It has not arrived and the tracking shows no progress.")
        return _(
            "Hello, about {order}, placed on {placed}: {problem} "
            "Could you please tell me where it is? If it can't be solved, I will open a dispute. Thank you."
        ).format(order=w.order_ref, placed=w.placed, problem=problem)
    return _(
        "Hello, about {order}, placed on {placed}: {problem} "
        "I am attaching photos. I will open a dispute asking for {asked}. Thank you."
    ).format(order=w.order_ref, placed=w.placed, problem=problem_sentence(case), asked=w.asked)


def problem_sentence(case: Case) -> str:
    texts = {
        Problem.not_as_described: _("the item does not match the description or does not work."),
        Problem.slightly_imperfect: _("the item is not quite as described (colour, size or finish)."),
        Problem.incomplete: _("some of the items are missing from the parcel."),
        Problem.fake: _("the item is not original, although the listing said it was."),
        Problem.wrong_item: _("I received a different item from the one I ordered."),
        Problem.wrong_shipping_method: _("it was sent with a different shipping method than the one I paid for, and arrived late."),
        Problem.changed_mind: _("I would like to return it."),
    }
    return texts.get(case.problem, _("something is wrong with it."))


def dispute_message(w: Wording) -> str:
    case, d = w.case, w.decision
    order = case.order
    shipped = show_date(order.shipped_on) if order.shipped_on else ""
    if not order.received:
        if order.tracking is Tracking.delivered:
            what = _("Tracking says it was delivered, but I never received it.")
        elif order.tracking is Tracking.returned_to_seller:
            what = _("Tracking shows the parcel was returned to the seller.")
        elif order.tracking is Tracking.in_transit:
            what = _("It is still in transit and buyer protection ends on {day}.").format(day=w.day("dispute_deadline"))
        else:
            what = _("It has not arrived and the tracking has no useful updates.")
        return _(
            "{order} was shipped on {shipped} and has not arrived. {what} "
            "I asked the seller without a solution. I request {asked}."
        ).format(order=w.order_ref, shipped=shipped, what=what, asked=w.asked)
    extra = ""
    if case.problem is Problem.incomplete and case.missing_items_value is not None:
        extra = _(" The missing items are worth {amount}.").format(amount=w.money(case.missing_items_value))
    if d.return_item:
        extra += _(" I will return the item with a tracked service.")
    return _(
        "{order} was received, but {problem}{extra} "
        "Photos and screenshots are attached. I request {asked}."
    ).format(order=w.order_ref, problem=problem_sentence(case), extra=extra, asked=w.asked)
