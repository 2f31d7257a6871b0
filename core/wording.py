"""Every line of the rules table's own words: headline, steps, proof, warnings and messages.

`WORDS` gives each `Rule` its five parts (a test checks none is missing), so no text is
chosen by matching rule ids. Messages are built only from what the buyer told us (`Said`):
an order date, a seller contact or an amount appears only when the case holds it, and
anything we don't know is one visible [placeholder] that the message lists in `fill_in`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from core.i18n import N_, _, days_phrase, show_date, show_money
from core.models import Case, DisputeStatus, Message, MessageKind, PlanDates, Problem, Rule, Tracking
from core.rules import (
    DAYS_AFTER_RECEIPT,
    DAYS_BEFORE_DISPUTE,
    DAYS_TO_APPEAL,
    EXTEND_MARGIN_DAYS,
    LATE_CLAIM_DAYS,
    REFUND_WORKING_DAYS,
    RUNNING_OUT_DAYS,
    SELLER_ANSWER_DAYS,
    Decision,
)

_PLACEHOLDER = re.compile(r"\[([^\[\]]+)\]")
_FORM_PUNCTUATION = set(" .,;:'()/-&+#%")


def form_safe(text: str) -> str:
    """The buyer's words as dispute forms accept them: letters, digits and plain punctuation only.

    The guide warns that characters AliExpress does not allow can block a dispute, so emoji,
    symbols and brackets (which would read as our placeholders) are dropped.
    """
    kept = "".join(char for char in text if unicodedata.category(char)[0] in "LN" or char in _FORM_PUNCTUATION)
    return " ".join(kept.split())


def placeholders(body: str) -> list[str]:
    """The [placeholders] of a message, in the order they appear, each once."""
    return list(dict.fromkeys(_PLACEHOLDER.findall(body)))


def message(kind: MessageKind, title: str, body: str) -> Message:
    return Message(kind=kind, title=title, body=body, fill_in=placeholders(body))


class Said:
    """What the buyer told us, formatted once: the only facts a plan may state."""

    def __init__(self, case: Case, decision: Decision, dates: PlanDates, today: dt.date):
        self.case, self.decision, self.dates, self.today = case, decision, dates, today
        self.order = case.order
        self.dispute = case.dispute
        self.item = form_safe(self.order.label or "") or None

    def money(self, amount: Decimal) -> str:
        return show_money(amount, self.order.currency)

    def day(self, which: str) -> str:
        """A date of the plan ("Tue 8 Dec 2026"); only called where the rule guarantees it exists."""
        return show_date(getattr(self.dates, which))

    @property
    def order_ref(self) -> str:
        """The order as AliExpress names it: its number (or a placeholder), and the item when given."""
        number = self.order.order_number or "[" + _("order number") + "]"
        if self.item:
            return _("order {number} ({item})").format(number=number, item=self.item)
        return _("order {number}").format(number=number)

    @property
    def amount(self) -> Decimal | None:
        """The plan's refund amount, or None when it is not known (a zero is never said as "$0.00")."""
        amount = self.decision.refund_amount
        return amount if amount is not None and amount > 0 else None

    @property
    def asked(self) -> str:
        """The refund the plan asks for, in words: "a full refund of $40.00"."""
        d = self.decision
        if d.refund == "full":
            if self.amount is not None:
                return _("a full refund of {amount}").format(amount=self.money(self.amount))
            return _("a full refund")
        if self.amount is not None:
            return _("a partial refund of {amount}").format(amount=self.money(self.amount))
        return _("a partial refund of [amount]")

    @property
    def asked_step(self) -> str:
        """The refund to ask for, as advice to the buyer (a message would hold a placeholder instead)."""
        if self.decision.refund == "partial" and self.amount is None:
            return _("Ask for a partial refund: choose an amount you think is fair, and write it in the messages.")
        return _("Ask for {asked}.").format(asked=self.asked)

    @property
    def offer(self) -> str:
        """The offer being accepted: its amount ("no refund" for none), and the return when one is asked."""
        if self.amount is None:
            return _("no refund, sending the item back") if self.decision.return_item else _("no refund")
        amount = self.money(self.amount)
        return _("{amount}, sending the item back").format(amount=amount) if self.decision.return_item else amount

    @property
    def contacted(self) -> str | None:
        contacted = self.case.seller_contacted_on
        return show_date(contacted) if contacted is not None else None

    @property
    def shipped(self) -> str | None:
        return show_date(self.order.shipped_on) if self.order.shipped_on is not None else None

    @property
    def eta(self) -> str | None:
        eta = self.order.estimated_delivery
        return show_date(eta) if eta is not None else None

    @property
    def eta_passed(self) -> bool:
        eta = self.order.estimated_delivery
        return eta is not None and eta < self.today

    @property
    def protection_ends(self) -> dt.date:
        """The day protection ends: only the words of rules that know the shipping date ask for it."""
        ends = self.dates.protection_ends
        assert ends is not None, "a rule without a shipping date asked when protection ends"
        return ends

    @property
    def still_protected(self) -> bool:
        return self.protection_ends >= self.today

    @property
    def protection_end(self) -> str:
        """ "protection ends on <day>", or "ended" once it has passed."""
        ends = self.protection_ends
        if ends < self.today:
            return _("protection ended on {day}").format(day=show_date(ends))
        return _("protection ends on {day}").format(day=show_date(ends))

    @property
    def extension_days(self) -> int:
        """How many more days of protection to ask the seller for: past the estimated delivery, or 15."""
        eta, ends = self.order.estimated_delivery, self.dates.protection_ends
        if eta is not None and ends is not None and eta >= ends:
            return (eta - ends).days + EXTEND_MARGIN_DAYS
        return LATE_CLAIM_DAYS


Part = Callable[[Said], list]


def join(*parts: Part) -> Part:
    """Several pieces of a list, in order: lets rules share steps, proof and warnings."""
    return lambda w: [item for part in parts for item in part(w)]


def nothing(w: Said) -> list:
    """An empty part, said out loud: this rule has no proof, warnings or messages to give."""
    return []


# --- Headlines ---------------------------------------------------------------------------


def refund_headline(with_amount: str, without: str) -> Callable[[Said], str]:
    """A headline that names the amount when the plan knows it."""

    def words(w: Said) -> str:
        return _(with_amount).format(amount=w.money(w.amount)) if w.amount is not None else _(without)

    return words


def too_early(w: Said) -> str:
    return _("Too early to open a dispute: you can open one from {day}.").format(day=w.day("earliest_dispute"))


def aliexpress_offer_headline(w: Said) -> str:
    if w.decision.refund == "none":
        return _(
            "AliExpress proposes no refund: it is applied when the negotiation ends, so add any proof you have now."
        )
    return _("Accept AliExpress's proposal: {offer}.").format(offer=w.offer)


def wrong_shipping_no_claim(confirmed: bool) -> Callable[[Said], str]:
    def words(w: Said) -> str:
        why = _("the shipping was free") if w.order.shipping_paid == 0 else _("it came roughly on time")
        if confirmed:
            return _("Not worth a dispute: {why}. There is nothing left to do.").format(why=why)
        return _("Not worth a dispute: {why}. Confirm receipt when everything is fine.").format(why=why)

    return words


# --- Steps -------------------------------------------------------------------------------


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
            first=REFUND_WORKING_DAYS[0], last=REFUND_WORKING_DAYS[1]
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
            n=DAYS_TO_APPEAL
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
                n=DAYS_TO_APPEAL
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
        day=w.day("earliest_dispute"), n=DAYS_BEFORE_DISPUTE
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


def late_claim_note(w: Said) -> list[str]:
    return [
        _(
            "Buyer protection ended on {ended}, but for {n} more days AliExpress still takes a refund request "
            "for a parcel that never came (its help pages, as found in November 2026; the guide doesn't say so)."
        ).format(ended=w.day("protection_ends"), n=LATE_CLAIM_DAYS)
    ]


def confirm_steps(w: Said) -> list[str]:
    return [
        _("Check that everything in the parcel works and matches the listing."),
        _("Tap “Confirm receipt” on the order. It doesn't put your money at risk."),
        _("If you confirm today, you can still open a dispute by {day}, {n} days later.").format(
            day=w.day("deadline_after_confirming"), n=DAYS_AFTER_RECEIPT
        )
        if w.dates.deadline_after_confirming
        else _("After you confirm, you can still open a dispute for {n} days.").format(n=DAYS_AFTER_RECEIPT),
    ]


def keep_records_steps(w: Said) -> list[str]:
    return [_("Keep your photos and messages for a while, just in case.")]


# --- Proof ---------------------------------------------------------------------------------

PROBLEM_PROOF = {
    Problem.not_as_described: (
        N_("Clear photos of the item and of the fault or difference."),
        N_("A short video showing the problem, if it doesn't work or is broken."),
        N_("Screenshots of the listing's description and pictures."),
        N_(
            "Only if the size is wrong: photos of its measurements next to a tape measure, and the listing's size chart."
        ),
    ),
    Problem.slightly_imperfect: (
        N_("Photos showing what is different (colour, size or finish)."),
        N_("Screenshots of the listing showing what was promised."),
    ),
    Problem.incomplete: (
        N_("A photo of the opened parcel with everything that came in it."),
        N_("A video of you opening the parcel, if you have one."),
        N_("A screenshot of the order page listing every item you paid for."),
    ),
    Problem.fake: (
        N_("Photos of the logos, labels, serial numbers and packaging."),
        N_("The genuine product's official pictures, to compare."),
        N_("Screenshots of the listing saying it is original."),
    ),
    Problem.wrong_item: (
        N_("Photos of what you received, and of the parcel's shipping label."),
        N_("An unboxing video, if you have one."),
        N_("A screenshot of what you ordered."),
    ),
    Problem.wrong_shipping_method: (
        N_("A screenshot of the shipping method you paid for at checkout."),
        N_("The tracking page showing the method used and the delivery date."),
    ),
    Problem.changed_mind: (N_("Photos of the item unused, in its packaging."),),
}
"""The proof each problem needs, in the guide's spirit: what shows the problem, and what was promised."""


def problem_proof(w: Said) -> list[str]:
    return [_(text) for text in PROBLEM_PROOF.get(w.case.problem, ())]


def parcel_proof(w: Said) -> list[str]:
    listed = []
    if w.order.tracking is not Tracking.none:
        listed.append(_("A screenshot of the tracking page with its latest update."))
    if w.order.estimated_delivery is not None:
        listed.append(_("A screenshot of the order page showing the estimated delivery date."))
    else:
        listed.append(_("A screenshot of the order page."))
    if w.order.tracking is Tracking.delivered:
        listed.append(_("What a tracking site says about the city it was delivered in."))
        listed.append(_("A note from your post office or building reception, if they checked."))
    return listed


def seller_chat_proof(w: Said) -> list[str]:
    return [_("Your messages with the seller, with their dates.")] if w.case.seller_contacted_on else []


def refund_proof(w: Said) -> list[str]:
    return [
        _("A screenshot of the refund status in the order's “Payment” tab."),
        _("The refund's ARN code, if you paid by card."),
        _("Your card or account statement since the day you paid."),
    ]


def appeal_proof(w: Said) -> list[str]:
    return [
        _("A screenshot of the dispute's outcome."),
        _("Your photos, videos and screenshots that show the problem."),
    ]


def blocked_proof(w: Said) -> list[str]:
    listed = [_("A screenshot of the order page showing that you can't open a dispute.")]
    if w.order.tracking is not Tracking.none:
        listed.append(_("A screenshot of the tracking page with its latest update."))
    return listed


# --- Warnings --------------------------------------------------------------------------------


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


def accept_warning(w: Said) -> list[str]:
    return [_("Accepting ends the dispute: you can't open another one for this order.")]


def running_out(w: Said) -> list[str]:
    deadline = w.dates.dispute_deadline
    if deadline is None or not 0 <= (deadline - w.today).days <= RUNNING_OUT_DAYS:
        return []
    return [_("Protection is running out: after {day} no dispute can be opened.").format(day=show_date(deadline))]


def earlier_dispute_cancelled(w: Said) -> list[str]:
    if w.dispute is not None and w.dispute.status is DisputeStatus.cancelled:
        return [_("Your earlier dispute was cancelled, so you can open a new one while protection lasts.")]
    return []


def return_cost(w: Said) -> list[str]:
    if w.order.free_return:
        return [_("This listing has free return: you'll get a return code, so the postage is free.")]
    return [
        _("You pay the postage to send it back, unless the listing says “free return”; it can cost more than the item.")
    ]


def one_claim(w: Said) -> list[str]:
    return [_("You can claim only once per order: make sure nothing else is wrong before you open it.")]


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
    return [
        _("Don't wait for the parcel past {day}: after that day, no dispute can be opened.").format(
            day=w.day("dispute_deadline")
        )
    ]


# --- Messages ------------------------------------------------------------------------------


def not_arrived_sentence(w: Said) -> str:
    """What the buyer can truthfully say about a parcel that hasn't come, from tracking and the dates given."""
    tracking = w.order.tracking
    due = _("It was due by {day}.").format(day=w.eta) + " " if w.eta_passed else ""
    if tracking is Tracking.delivered:
        return due + _("The tracking says it was delivered, but I have not received it.")
    if tracking is Tracking.returned_to_seller:
        return due + _("The tracking shows it was sent back to the seller, and I never received it.")
    if tracking is Tracking.in_transit:
        return due + _("I have not received it, and the tracking still shows it on its way.")
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
    Problem.fake: N_("The listing says the item is original, but it is a fake: [what shows it is fake]."),
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
        "Hello, I am writing about {order}. {situation} {when} Could you please extend the protection by "
        "{n} days? {otherwise} Thank you."
    ).format(order=w.order_ref, situation=not_arrived_sentence(w), when=when, n=w.extension_days, otherwise=otherwise)
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


def support_too_late_to_appeal(w: Said) -> list[Message]:
    closed = w.dispute.closed_on if w.dispute is not None else None
    when = (
        " "
        + _("It closed on {day}, and the {n} days to appeal have passed.").format(
            day=show_date(closed), n=DAYS_TO_APPEAL
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
    body = _(
        "Hello, I need help with {order}.{shipped} {situation}{contact} Buyer "
        "protection ended on {ends}. Could you please refund me? {attached} Thank you."
    ).format(
        order=w.order_ref,
        shipped=shipped_clause(w),
        situation=not_arrived_sentence(w),
        contact=contact_sentence(w),
        ends=w.day("protection_ends"),
        attached=attached,
    )
    return [message("support", _("To AliExpress customer support"), body)]


def support_received_too_late(w: Said) -> list[Message]:
    body = _(
        "Hello, I need help with {order}. {problem} The time to open a dispute ended on {day}. Could you "
        "please help me get a refund? My proof is attached. Thank you."
    ).format(order=w.order_ref, problem=problem_sentence(w), day=w.day("dispute_deadline"))
    return [message("support", _("To AliExpress customer support"), body)]


def seller_extend_while_protected(w: Said) -> list[Message]:
    return seller_extend(w) if w.still_protected else []


def support_blocked(w: Said) -> list[Message]:
    body = _(
        "Hello, I need help with {order}.{shipped} {situation} The order page does not let me open a "
        "dispute, and my buyer protection ends on {day}. Could you please open the dispute for me, or keep "
        "the order protected until it arrives? A screenshot of the order page is attached. Thank you."
    ).format(
        order=w.order_ref, shipped=shipped_clause(w), situation=not_arrived_sentence(w), day=w.day("dispute_deadline")
    )
    return [message("support", _("To AliExpress customer support"), body)]


def support_late_claim(w: Said) -> list[Message]:
    body = _(
        'Hello, I never received {order}, and there is no "Open dispute" button on it. Buyer protection ended on '
        "{ends}; I understand a refund can still be requested until {day}. Could you please refund me? "
        "A screenshot of the order page is attached. Thank you."
    ).format(order=w.order_ref, ends=w.day("protection_ends"), day=w.day("late_claim_deadline"))
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
    body = _(
        "Hello, on {day} AliExpress processed a refund of [refund amount] for {order} to my card ending in "
        "[last 4 digits], but it has not reached my account. The refund's ARN code is [ARN code]. Could you "
        "please trace it? Thank you."
    ).format(order=w.order_ref, day=show_date(processed))
    return [message("bank", _("To your bank"), body)]


# --- The table ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Words:
    """One rule's words. Every part is set for every rule, even when it gives nothing (`nothing`)."""

    headline: Callable[[Said], str]
    steps: Part
    evidence: Part
    warnings: Part
    messages: Part


def said(text: str, **values: str | int) -> Callable[[Said], str]:
    """A headline with the plan's dates (by field name) and the guide's day counts filled in:
    said("... {day}, {n} days ...", day="dispute_deadline", n=DAYS_TO_APPEAL)."""
    return lambda w: _(text).format(
        **{name: w.day(value) if isinstance(value, str) else value for name, value in values.items()}
    )


_parcel_dispute_proof = join(parcel_proof, seller_chat_proof)
_received_dispute = dict(
    steps=open_dispute_steps,
    evidence=join(problem_proof),
    warnings=join(outside_offers, running_out, earlier_dispute_cancelled),
    messages=join(seller_about_problem, dispute_received),
)

WORDS: Mapping[Rule, Words] = MappingProxyType(
    {
        Rule.payment_pending: Words(
            said("Cancel the order now: it hasn't shipped, so the seller can't refuse."),
            cancel_order_steps,
            nothing,
            nothing,
            nothing,
        ),
        Rule.payment_confirmed: Words(
            said("Ask to cancel the order: it hasn't shipped yet, but the seller has to agree."),
            request_cancellation_steps,
            nothing,
            nothing,
            cancellation_message,
        ),
        Rule.appeal: Words(
            lambda w: (
                said(
                    "Appeal the outcome by {day}: you have {n} days after the dispute closed.",
                    day="appeal_deadline",
                    n=DAYS_TO_APPEAL,
                )(w)
                if w.dates.appeal_deadline
                else _("Appeal the outcome within {n} days of the dispute closing.").format(n=DAYS_TO_APPEAL)
            ),
            appeal_steps,
            appeal_proof,
            nothing,
            appeal_message,
        ),
        Rule.too_late_to_appeal: Words(
            said(
                "The {n} days to appeal have passed: ask AliExpress's customer support to review the case.",
                n=DAYS_TO_APPEAL,
            ),
            support_steps,
            appeal_proof,
            nothing,
            support_too_late_to_appeal,
        ),
        Rule.refund_overdue: Words(
            said("Your refund is late: ask your bank to trace it with the ARN code."),
            bank_steps,
            refund_proof,
            fees,
            bank_message,
        ),
        Rule.refund_on_its_way: Words(
            said(
                "Your refund is on its way: expect it between {start} and {end}.",
                start="refund_expected_from",
                end="refund_expected_by",
            ),
            refund_progress_steps,
            refund_proof,
            fees,
            nothing,
        ),
        Rule.refund_not_processed: Words(
            said(
                "Wait for AliExpress to process the refund; it then takes {first} to {last} working days to arrive.",
                first=REFUND_WORKING_DAYS[0],
                last=REFUND_WORKING_DAYS[1],
            ),
            refund_progress_steps,
            refund_proof,
            nothing,
            nothing,
        ),
        Rule.settled: Words(
            said("All settled: there is nothing left to do for this order."), keep_records_steps, nothing, fees, nothing
        ),
        Rule.item_fine_cancel_dispute: Words(
            said("Your order is fine, so cancel the dispute (cancel it, don't close it)."),
            cancel_dispute_steps,
            nothing,
            nothing,
            nothing,
        ),
        Rule.invalid_in_transit: Words(
            said(
                "Cancel the dispute and wait: the parcel is still moving, and you can open a new one by {day}.",
                day="dispute_deadline",
            ),
            cancel_dispute_steps,
            parcel_proof,
            cancel_trap,
            nothing,
        ),
        Rule.invalid_in_transit_keep_open: Words(
            lambda w: _("Keep the dispute open: {protection}, so a cancelled dispute couldn't be opened again.").format(
                protection=w.protection_end
            ),
            keep_open_steps,
            parcel_proof,
            join(cancel_trap, open_dispute_warnings),
            join(support_keep_open, seller_extend_while_protected),
        ),
        Rule.seller_beats_aliexpress: Words(
            lambda w: _("Accept the seller's offer ({offer}): it beats AliExpress's proposal.").format(offer=w.offer),
            accept_steps,
            nothing,
            accept_warning,
            nothing,
        ),
        Rule.aliexpress_offer: Words(
            aliexpress_offer_headline, accept_steps, nothing, join(accept_warning, open_dispute_warnings), nothing
        ),
        Rule.seller_gives_what_was_asked: Words(
            lambda w: _("Accept the seller's offer ({offer}): it gives you what you asked for.").format(offer=w.offer),
            accept_steps,
            nothing,
            accept_warning,
            nothing,
        ),
        Rule.seller_offer_too_low: Words(
            said("Don't accept the seller's offer yet: wait for AliExpress to step in with its own proposal."),
            dispute_wait_steps,
            nothing,
            join(outside_offers, open_dispute_warnings),
            nothing,
        ),
        Rule.no_offer_yet: Words(
            said("Wait for the seller to answer, and add more proof to the dispute meanwhile."),
            dispute_wait_steps,
            nothing,
            join(outside_offers, open_dispute_warnings),
            nothing,
        ),
        Rule.before_estimated_delivery: Words(
            said("Give it time: the parcel is due by {day}.", day="estimated_delivery"),
            wait_for_parcel_steps,
            nothing,
            nothing,
            nothing,
        ),
        Rule.due_after_protection: Words(
            said(
                "The parcel is due after protection runs low: ask the seller to extend it now, and open a dispute "
                "on {day} if it hasn't come.",
                day="running_out_from",
            ),
            wait_for_parcel_steps,
            nothing,
            outside_offers,
            seller_extend,
        ),
        Rule.early_but_running_out: Words(
            said(
                "Open a dispute now for a full refund: protection ends on {day}, before the parcel is due.",
                day="dispute_deadline",
            ),
            open_dispute_steps,
            _parcel_dispute_proof,
            join(outside_offers, running_out, earlier_dispute_cancelled),
            join(dispute_not_received, seller_dispute_opened),
        ),
        Rule.too_early_not_received: Words(too_early, wait_for_parcel_steps, nothing, nothing, nothing),
        Rule.dispute_blocked: Words(
            said(
                "AliExpress won't let you open a dispute yet: ask the seller to extend protection, and write to "
                "support today."
            ),
            blocked_steps,
            blocked_proof,
            blocked_warning,
            join(seller_extend, support_blocked),
        ),
        Rule.late_claim: Words(
            said(
                "Protection has ended, but you can still ask for your money back: open a dispute by {day}.",
                day="late_claim_deadline",
            ),
            open_dispute_steps,
            _parcel_dispute_proof,
            join(late_claim_note, outside_offers),
            join(dispute_not_received, support_late_claim),
        ),
        Rule.not_received_too_late: Words(
            said(
                "It is too late for a dispute: ask AliExpress's support, then your bank or PayPal, for your money back."
            ),
            join(support_steps, ways_out_steps),
            _parcel_dispute_proof,
            nothing,
            support_never_arrived,
        ),
        Rule.delivered_running_out: Words(
            said(
                "Open a dispute now for a full refund: tracking says delivered, you have nothing, and protection "
                "ends on {day}.",
                day="dispute_deadline",
            ),
            join(tracking_steps, open_dispute_steps),
            _parcel_dispute_proof,
            join(outside_offers, running_out, earlier_dispute_cancelled),
            join(dispute_not_received, seller_dispute_opened),
        ),
        Rule.delivered_seller_silent: Words(
            said("Open a dispute for a full refund: tracking says delivered and the seller hasn't sorted it out."),
            open_dispute_steps,
            _parcel_dispute_proof,
            join(outside_offers, running_out, earlier_dispute_cancelled),
            dispute_not_received,
        ),
        Rule.delivered_ask_seller: Words(
            said(
                "Tracking says delivered but you have nothing: ask the seller, and open a dispute if it isn't sorted "
                "out by {day}.",
                day="seller_answer_due",
            ),
            contact_seller_steps,
            _parcel_dispute_proof,
            join(outside_offers, earlier_dispute_cancelled),
            seller_where_is_it,
        ),
        Rule.returned_to_seller: Words(
            said("The parcel went back to the seller: open a dispute for a full refund."),
            open_dispute_steps,
            _parcel_dispute_proof,
            join(outside_offers, running_out, earlier_dispute_cancelled),
            dispute_not_received,
        ),
        Rule.returned_running_out: Words(
            said(
                "The parcel went back to the seller and protection ends on {day}: open a dispute for a full refund "
                "today.",
                day="dispute_deadline",
            ),
            open_dispute_steps,
            _parcel_dispute_proof,
            join(outside_offers, running_out, earlier_dispute_cancelled),
            join(dispute_not_received, seller_dispute_opened),
        ),
        Rule.in_transit_running_out: Words(
            said(
                "Open a dispute now for a full refund: protection ends on {day} and the parcel is still on its way.",
                day="dispute_deadline",
            ),
            open_dispute_steps,
            _parcel_dispute_proof,
            join(outside_offers, running_out, earlier_dispute_cancelled),
            join(dispute_not_received, seller_dispute_opened),
        ),
        Rule.in_transit: Words(
            said(
                "Ask the seller about your parcel; if it hasn't come by {day}, open a dispute even if it is still "
                "moving.",
                day="running_out_from",
            ),
            contact_seller_steps,
            nothing,
            join(outside_offers, earlier_dispute_cancelled),
            seller_where_is_it,
        ),
        Rule.no_news_running_out: Words(
            said(
                "Open a dispute now for a full refund, and tell the seller: protection ends on {day}.",
                day="dispute_deadline",
            ),
            open_dispute_steps,
            _parcel_dispute_proof,
            join(outside_offers, running_out, earlier_dispute_cancelled),
            join(dispute_not_received, seller_dispute_opened),
        ),
        Rule.seller_silent: Words(
            said(
                "Open a dispute for a full refund: the parcel hasn't come and the seller has had {n} days to answer.",
                n=SELLER_ANSWER_DAYS,
            ),
            open_dispute_steps,
            _parcel_dispute_proof,
            join(outside_offers, running_out, earlier_dispute_cancelled),
            dispute_not_received,
        ),
        Rule.ask_seller: Words(
            said(
                "Ask the seller where your parcel is, and open a dispute if it isn't sorted out by {day}.",
                day="seller_answer_due",
            ),
            contact_seller_steps,
            parcel_proof,
            join(outside_offers, earlier_dispute_cancelled),
            seller_where_is_it,
        ),
        Rule.all_fine_confirm: Words(
            lambda w: (
                said(
                    "Confirm receipt: you'll still have {n} days, until {day}, to open a dispute if a problem "
                    "shows up.",
                    day="deadline_after_confirming",
                    n=DAYS_AFTER_RECEIPT,
                )(w)
                if w.dates.deadline_after_confirming
                else _("Confirm receipt: you'll still have {n} days to open a dispute if a problem shows up.").format(
                    n=DAYS_AFTER_RECEIPT
                )
            ),
            confirm_steps,
            nothing,
            nothing,
            nothing,
        ),
        Rule.all_fine_confirmed: Words(
            said("Nothing to do: your order arrived and receipt is confirmed."),
            keep_records_steps,
            nothing,
            nothing,
            nothing,
        ),
        Rule.too_early_received: Words(
            too_early,
            lambda w: [_("Send the seller a message about the problem now."), dispute_from(w)],
            problem_proof,
            outside_offers,
            seller_before_dispute_allowed,
        ),
        Rule.received_too_late: Words(
            said("The time to open a dispute has passed: ask AliExpress's customer support instead."),
            support_steps,
            problem_proof,
            nothing,
            support_received_too_late,
        ),
        Rule.not_as_described: Words(
            refund_headline(
                N_("Open a dispute for a full refund of {amount}, and keep the item."),
                N_("Open a dispute for a full refund, and keep the item."),
            ),
            **_received_dispute,
        ),
        Rule.fake: Words(
            said("Open a dispute for a full refund: a fake is never what you paid for."), **_received_dispute
        ),
        Rule.wrong_item: Words(
            said("Open a dispute for a full refund: you got something you didn't order."), **_received_dispute
        ),
        Rule.slightly_imperfect: Words(
            refund_headline(
                N_("Open a dispute for a partial refund of {amount}: the item is usable, but not as described."),
                N_("Open a dispute for a partial refund: the item is usable, but not as described."),
            ),
            **_received_dispute,
        ),
        Rule.incomplete: Words(
            refund_headline(
                N_("Open a dispute for a partial refund of {amount} for the missing items."),
                N_("Open a dispute for a partial refund for the missing items."),
            ),
            **_received_dispute,
        ),
        Rule.wrong_shipping_paid_and_late: Words(
            refund_headline(
                N_("Open a dispute to get your shipping money back: {amount}."),
                N_("Open a dispute to get your shipping money back."),
            ),
            open_dispute_steps,
            problem_proof,
            join(outside_offers, one_claim, running_out),
            join(seller_about_problem, dispute_received),
        ),
        Rule.wrong_shipping_confirm: Words(
            wrong_shipping_no_claim(confirmed=False), confirm_steps, nothing, nothing, nothing
        ),
        Rule.wrong_shipping_confirmed: Words(
            wrong_shipping_no_claim(confirmed=True), keep_records_steps, nothing, nothing, nothing
        ),
        Rule.changed_mind: Words(
            said("Open a dispute to send the item back for a full refund."),
            open_dispute_steps,
            problem_proof,
            join(return_cost, outside_offers, running_out),
            join(seller_about_problem, dispute_received),
        ),
    }
)


DEADLINE_LABELS = {
    "earliest_dispute": N_("You can open a dispute from"),
    "estimated_delivery": N_("Estimated delivery"),
    "seller_answer_due": N_("Open a dispute if the seller hasn't sorted it out"),
    "running_out_from": N_("Open a dispute if the parcel hasn't come"),
    "protection_ends": N_("Buyer protection ends"),
    "dispute_deadline": N_("Last day to open a dispute"),
    "deadline_after_confirming": N_("Last day to dispute if you confirm today"),
    "late_claim_deadline": N_("Last day to ask for a refund after protection"),
    "appeal_deadline": N_("Last day to appeal"),
    "negotiation_ends": N_("Last day to choose in the dispute"),
    "refund_expected_by": N_("Refund should arrive by"),
}
"""What each date of the plan means, as a deadline's label and a calendar reminder's title."""
LAST_DAYS = frozenset(
    (
        "protection_ends",
        "dispute_deadline",
        "deadline_after_confirming",
        "late_claim_deadline",
        "appeal_deadline",
        "negotiation_ends",
    )
)
"""Dates that are the last day to act, not a day to wait for: only these are shown as urgent."""


def money_words(w: Said) -> str:
    """What the plan asks for or accepts, in one line: "Full refund: $40.00 · keep the item"."""
    d = w.decision
    if d.refund == "none":
        return _("No money to ask for at this step.")
    amount = w.amount
    if d.refund == "full":
        what = _("Full refund: {amount}").format(amount=w.money(amount)) if amount is not None else _("Full refund")
    elif amount is not None:
        what = _("Partial refund: {amount}").format(amount=w.money(amount))
    else:
        what = _("Partial refund: the amount is yours to choose")
    if d.return_item:
        return what + " · " + _("send the item back")
    if w.order.received:
        return what + " · " + _("keep the item")
    return what
