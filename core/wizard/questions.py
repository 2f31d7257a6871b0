"""The wizard's question catalogue: every question, its kind, its wording and its choices.

Which of them a situation needs is the route's business (core.wizard.route); what an
answer may look like is core.wizard.answers'.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from core.facts import RETURN_SHIP_WITHIN
from core.i18n import _, current_language

CURRENCIES = (
    "USD",
    "EUR",
    "GBP",
    "CAD",
    "AUD",
    "BRL",
    "MXN",
    "PLN",
    "CHF",
    "SEK",
    "NOK",
    "DKK",
    "CZK",
    "HUF",
    "RON",
    "ILS",
    "KRW",
    "JPY",
    "NZD",
    "CLP",
    "COP",
    "PEN",
    "TRY",
    "ZAR",
    "UAH",
    "RUB",
    "KZT",
)
DEFAULT_CURRENCY = CURRENCIES[0]
"""The currency of an amount given without one (and the one a new order starts with)."""
DATE_KINDS = ("date", "date_or_no", "protection")
"""The kinds of question answered with a day."""
YES_FIRST_KINDS = ("date_or_no", "protection")
"""The kinds asked with equal-weight choices first (one of `choices`, or `no_label`), then a date after a yes."""
NO_KINDS = ("date_or_no", "offer", "protection")
"""The kinds that can be answered "no" (not yet, don't know, can't see it)."""


@dataclass(frozen=True)
class Choice:
    """One option of a choice question: the value the answer keeps, and the words shown for it."""

    value: str
    label: str
    help: str = ""


@dataclass(frozen=True)
class Question:
    """One screen of the wizard.

    kind says which widget asks it: "choice" (one of `choices`), "date", "date_or_no"
    (yes or `no_label` first, then after yes a date: the answer is the date, or "no"),
    "protection" (days left, an end date, or `no_label`: the answer is the end date, or "no"),
    "money" (an amount with the currency), "offer" ("no", or an amount and whether a return
    is required). `date_label` names the date box of the yes-first kinds.
    """

    key: str
    kind: str
    title: str
    help: str = ""
    choices: tuple[Choice, ...] = ()
    no_label: str = ""
    rejected_label: str = ""
    """For an "offer" question, a third answer, "rejected": the seller rejected the dispute, or AliExpress answered
    with a request for more proof rather than a proposal."""
    summary: str = ""
    date_label: str = ""


def questions() -> Mapping[str, Question]:
    """Every question, worded in the current language.

    Worded once per language and shared (read-only): a question step would otherwise
    spend a third of its rerun translating some 200 texts it never shows.
    """
    return _worded(current_language())


@lru_cache(maxsize=16)
def _worded(language: str) -> Mapping[str, Question]:
    """The questions in `language` (the cache key; `_` reads the same language from the session)."""
    problems = (
        Choice("not_as_described", _("It's broken, doesn't work or isn't as described")),
        Choice("slightly_imperfect", _("It's usable, but a bit off (colour, size, finish)")),
        Choice("incomplete", _("Some items are missing")),
        Choice("fake", _("It's a fake")),
        Choice("wrong_item", _("It's not what I ordered")),
        Choice("wrong_shipping_method", _("It came by a different shipping method than I paid for")),
        Choice("changed_mind", _("Nothing's wrong, I just want to send it back")),
    )
    listed = [
        Question(
            "stage",
            "choice",
            _("Where is your order at?"),
            summary=_("Situation"),
            choices=(
                Choice("not_shipped", _("Not shipped yet"), _("The order page doesn't show a shipping date.")),
                Choice("on_the_way", _("Shipped, but it hasn't arrived"), _("Late, lost or stuck in tracking.")),
                Choice("delivered_missing", _("Tracking says delivered, but I don't have it")),
                Choice(
                    "confirmed_missing",
                    _("I confirmed receipt, but I don't have it"),
                    _("By mistake, or because the seller asked."),
                ),
                Choice("received", _("It arrived")),
                Choice("dispute_open", _("I have an open dispute")),
                Choice("dispute_closed", _("My dispute is closed")),
                Choice(
                    "dispute_cancelled",
                    _("I cancelled my dispute, and it still hasn't come"),
                    _("On the seller's promise, say."),
                ),
                Choice("returning", _("I'm sending the item back"), _("A refund with return was agreed or decided.")),
                Choice(
                    "cancelled",
                    _("It was cancelled, but the money isn't back"),
                    _("Before it shipped: by you, the seller or AliExpress."),
                ),
                Choice(
                    "payment_problem",
                    _("A payment went wrong"),
                    _("Charged twice, charged with no order, or paid outside AliExpress."),
                ),
            ),
        ),
        Question(
            "payment_issue",
            "choice",
            _("What happened to your money?"),
            summary=_("Payment problem"),
            choices=(
                Choice("charged_twice", _("I was charged twice for one order")),
                Choice(
                    "no_order",
                    _("Money was taken, but no order shows for it"),
                    _("The checkout failed, say, but the money still went."),
                ),
                Choice(
                    "paid_outside",
                    _("I paid a seller outside AliExpress"),
                    _("By PayPal, bank transfer or a link the seller sent."),
                ),
            ),
        ),
        Question(
            "charged",
            "date",
            _("When was the money taken?"),
            summary=_("Money taken on"),
            help=_("The day on your bank or PayPal statement."),
        ),
        Question(
            "charged_amount",
            "money",
            _("How much was taken?"),
            summary=_("Amount taken"),
            help=_("For a double charge, the amount of the extra one."),
        ),
        Question(
            "payment",
            "choice",
            _("Has AliExpress confirmed your payment?"),
            summary=_("Payment"),
            help=_("The order page says “Awaiting payment” until it's confirmed."),
            choices=(
                Choice("pending", _("Not yet")),
                Choice("confirmed", _("Yes, the payment is confirmed")),
            ),
        ),
        Question(
            "cancel_asked",
            "choice",
            _("Have you asked to cancel it?"),
            summary=_("Asked to cancel"),
            choices=(
                Choice("no", _("Not yet")),
                Choice("waiting", _("Yes, and I'm waiting for an answer")),
                Choice("refused", _("Yes, and the seller refused")),
                Choice("seller_asked", _("The seller asked me to cancel it"), _("Out of stock, for example.")),
                Choice("keep", _("No, I'd rather wait for it")),
            ),
        ),
        Question(
            "problem",
            "choice",
            _("What's wrong with it?"),
            summary=_("Problem"),
            choices=(
                *problems,
                Choice("none", _("Nothing, it's fine"), _("You may just need to confirm receipt.")),
            ),
        ),
        Question(
            "dispute_about",
            "choice",
            _("What is the dispute about?"),
            summary=_("Dispute about"),
            choices=(
                Choice("not_arrived", _("The parcel never arrived")),
                Choice("delivered_not_received", _("Tracking says delivered, but I don't have it")),
                *problems,
                Choice("none", _("It arrived after all and it's fine")),
                Choice("arrived_faulty", _("It arrived after all, but something's wrong with it")),
            ),
        ),
        Question(
            "shipped",
            "date_or_no",
            _("Do you know when the seller shipped it?"),
            summary=_("Shipped on"),
            help=_("The shipping date is on the order page. Protection is counted from it."),
            choices=(Choice("yes", _("Yes")),),
            no_label=_("No, I can't find it"),
            date_label=_("Shipped on"),
        ),
        Question(
            "confirmed",
            "date",
            _("When did you confirm receipt?"),
            summary=_("Receipt confirmed on"),
            help=_("The order page shows it. A dispute can be opened for 15 days after it."),
        ),
        Question(
            "ordered",
            "date",
            _("When did you place the order?"),
            summary=_("Ordered on"),
            help=_("We'll count from it: it can't have shipped earlier."),
        ),
        Question(
            "tracking",
            "choice",
            _("What does the tracking say?"),
            summary=_("Tracking"),
            choices=(
                Choice("in_transit", _("It's moving"), _("Recent updates on the way to you.")),
                Choice("no_updates", _("No updates for a while")),
                Choice("none", _("There is no tracking")),
                Choice("returned_to_seller", _("It went back to the seller")),
                Choice(
                    "awaiting_pickup",
                    _("It's waiting for me to collect"),
                    _("Delivery failed, or it's at a depot or pickup point."),
                ),
                Choice("held_at_customs", _("It's held at customs, with a charge to pay")),
                Choice(
                    "customs_documents",
                    _("Customs asks me for documents"),
                    _("An invoice, an ID or a form, say."),
                ),
                Choice(
                    "seized_by_customs",
                    _("Customs seized it"),
                    _("A letter says it was seized, destroyed or refused entry."),
                ),
            ),
        ),
        Question(
            "customs_pay_by",
            "date_or_no",
            _("Does the customs notice give a last day?"),
            summary=_("Customs' last day"),
            help=_("To pay, or to send what customs asks for. After that day, the parcel goes back to the seller."),
            choices=(Choice("yes", _("Yes")),),
            no_label=_("No, or I can't see it"),
            date_label=_("Last day"),
        ),
        Question(
            "why_back",
            "choice",
            _("Why did it go back?"),
            summary=_("Why it went back"),
            help=_("The tracking or a customs notice usually says."),
            choices=(
                Choice("customs", _("I refused or didn't pay the customs charges")),
                Choice("not_collected", _("I didn't collect it in time"), _("A missed pickup notice, say.")),
                Choice(
                    "no_notice",
                    _("It was never delivered or left for me to collect"),
                    _("No notice came, or the courier says no one was home when you were."),
                ),
                Choice("other", _("Another reason (wrong address, lost, the post sent it back)")),
                Choice("unknown", _("I don't know")),
            ),
        ),
        Question(
            "delivered_where",
            "choice",
            _("Where does the tracking say it was delivered?"),
            summary=_("Delivered to"),
            help=_("Tracking sites often show the city, and sometimes who signed for it."),
            choices=(
                Choice("mine", _("To my address or pickup point")),
                Choice("elsewhere", _("Somewhere else"), _("Another city, country or name.")),
                Choice("unknown", _("It doesn't say")),
            ),
        ),
        Question(
            "eta",
            "date_or_no",
            _("Do you know the estimated delivery date?"),
            summary=_("Estimated delivery"),
            help=_("It's on the order page."),
            choices=(Choice("yes", _("Yes")),),
            no_label=_("I don't know"),
            date_label=_("Estimated delivery date"),
        ),
        Question(
            "contacted",
            "date_or_no",
            _("Have you written to the seller about it?"),
            summary=_("Seller contacted"),
            help=_("Sellers get a couple of days to answer before a dispute."),
            choices=(Choice("yes", _("Yes")),),
            no_label=_("Not yet"),
            date_label=_("When did you write?"),
        ),
        Question(
            "arrived",
            "date",
            _("When did it arrive?"),
            summary=_("Arrived on"),
            help=_("In the EU, your days to change your mind count from it."),
        ),
        Question(
            "receipt",
            "date_or_no",
            _("Have you confirmed receipt on AliExpress?"),
            summary=_("Receipt confirmed"),
            help=_(
                "“Confirm receipt” is the button on the order that tells AliExpress it arrived. "
                "You still have 15 days after it to open a dispute. Not sure? An order marked “Completed” was "
                "confirmed, maybe automatically: pick Yes and enter that day."
            ),
            choices=(Choice("yes", _("Yes")),),
            no_label=_("Not yet"),
            date_label=_("When did you confirm it?"),
        ),
        Question(
            "protection",
            "protection",
            _("Does the order page show a “Buyer protection” countdown?"),
            summary=_("Protection ends"),
            help=_("Your deadlines count from it. A seller's extension is already in it."),
            choices=(Choice("days", _("Yes, days left")), Choice("date", _("Yes, an end date"))),
            no_label=_("I can't see it"),
            date_label=_("Protection ends on"),
        ),
        Question(
            "total",
            "money",
            _("How much did you pay for the order?"),
            summary=_("Paid"),
            help=_("The total on the order page, shipping included."),
        ),
        Question("missing", "money", _("How much are the missing items worth?"), summary=_("Missing items")),
        Question(
            "items",
            "choice",
            _("Is the whole order affected?"),
            summary=_("Items affected"),
            help=_("Bundle deals and Choice orders put several items under one order number."),
            choices=(
                Choice("all", _("Yes: it's one item, or all of them")),
                Choice("some", _("No, only some items of several")),
            ),
        ),
        Question(
            "affected",
            "money",
            _("How much did the affected items cost?"),
            summary=_("Affected items"),
            help=_("The order page lists each item's price. You'll ask for that much back, not the whole order."),
        ),
        Question(
            "wanted",
            "money",
            _("How much would you like back?"),
            summary=_("Refund wanted"),
            help=_(
                "A partial refund needs an amount. A fair one is what it would cost to put right, "
                "or the difference in price to a similar item that is right."
            ),
        ),
        Question(
            "shipping",
            "money",
            _("How much did you pay for shipping?"),
            summary=_("Shipping paid"),
            help=_("Zero if shipping was free."),
        ),
        Question(
            "late",
            "choice",
            _("Did it arrive late because of it?"),
            summary=_("Arrived late"),
            choices=(
                Choice("yes", _("Yes, it was late")),
                Choice("no", _("No, it came roughly on time")),
            ),
        ),
        Question(
            "came_late",
            "choice",
            _("Did it come after the date it was guaranteed by?"),
            summary=_("Came late"),
            help=_("Orders marked “On-Time Guarantee” show a guaranteed date on the order page."),
            choices=(
                Choice("yes", _("Yes, after the guaranteed date")),
                Choice("no", _("No, or it had no guaranteed date")),
            ),
        ),
        Question(
            "free_return",
            "choice",
            _("Does the listing say “free return”?"),
            summary=_("Free return"),
            help=_("With free return, AliExpress gives you a return code and the postage is free."),
            choices=(
                Choice("yes", _("Yes, free return")),
                Choice("used", _("Yes, but this order's free return is already used")),
                Choice("no", _("No, or I'm not sure")),
            ),
        ),
        Question(
            "judgement",
            "choice",
            _("Has AliExpress judged the dispute?"),
            summary=_("Judgement"),
            help=_("Look for “AliExpress Judgment Details” in the dispute."),
            choices=(
                Choice("none", _("Not yet")),
                Choice("valid", _("Yes: valid")),
                Choice("invalid", _("Yes: invalid")),
            ),
        ),
        Question(
            "moving",
            "choice",
            _("Does tracking still show the parcel moving?"),
            summary=_("Still moving"),
            choices=(
                Choice("yes", _("Yes, it's still in transit")),
                Choice("no", _("No")),
            ),
        ),
        Question(
            "seller_offer",
            "offer",
            _("Has the seller offered you something?"),
            summary=_("Seller's offer"),
            no_label=_("No offer yet"),
            rejected_label=_("They rejected it, with no offer"),
        ),
        Question(
            "aliexpress_offer",
            "offer",
            _("Has AliExpress proposed a solution?"),
            summary=_("AliExpress's proposal"),
            help=_("AliExpress steps in a few days after the dispute opens if you and the seller don't agree."),
            no_label=_("Not yet"),
            rejected_label=_("No, it asks me for more proof"),
        ),
        Question(
            "proof_due",
            "date_or_no",
            _("Does it say by when to add the proof?"),
            summary=_("Add proof by"),
            help=_("The dispute page shows the day, often as a countdown."),
            choices=(Choice("yes", _("Yes")),),
            no_label=_("No, or I can't see it"),
            date_label=_("Add proof by"),
        ),
        Question(
            "opened",
            "date",
            _("When did you open the dispute?"),
            summary=_("Dispute opened on"),
            help=_("The dispute page shows the day. The seller's days to answer count from it."),
        ),
        Question(
            "negotiation",
            "date_or_no",
            _("Can you see when the negotiation ends?"),
            summary=_("Negotiation ends"),
            help=_(
                "The dispute shows a “Negotiation Finished” date. If you pick nothing by then, "
                "AliExpress's proposal is applied."
            ),
            choices=(Choice("yes", _("Yes")),),
            no_label=_("I can't see it"),
            date_label=_("Negotiation ends on"),
        ),
        Question("asked", "money", _("How much did you ask for in the dispute?"), summary=_("You asked for")),
        Question(
            "satisfied",
            "choice",
            _("Are you happy with how it ended?"),
            summary=_("Happy with outcome"),
            choices=(
                Choice("yes", _("Yes")),
                Choice("no", _("No, it was unfair")),
                Choice("accepted", _("I accepted an offer, but I regret it")),
            ),
        ),
        Question("closed", "date", _("When did the dispute close?"), summary=_("Dispute closed on")),
        Question(
            "refund",
            "choice",
            _("Where is your refund?"),
            summary=_("Refund"),
            help=_("See the order's “Payment” tab: three completed orange dots mean it was processed."),
            choices=(
                Choice("received", _("I have the money")),
                Choice("processed", _("Processed, but the money isn't here")),
                Choice("not_yet", _("Not processed yet")),
                Choice("bonus", _("It came back as AliExpress Bonus, not the way I paid")),
                Choice("arrived_after", _("I have the money, but then the parcel came")),
            ),
        ),
        Question("processed", "date", _("When was the refund processed?"), summary=_("Refund processed on")),
        Question(
            "return_status",
            "choice",
            _("Where is the return at?"),
            summary=_("Return"),
            choices=(
                Choice("not_sent", _("I haven't sent it yet")),
                Choice("no_label", _("I have no return address or label yet")),
                Choice("label_refused", _("The post office refuses the return label")),
                Choice("sent", _("I sent it, with tracking")),
                Choice("delivered", _("Tracking shows the seller got it, but no refund yet")),
                Choice("lost", _("I sent it, but the seller says it never arrived")),
            ),
        ),
        Question(
            "return_agreed",
            "date",
            _("When was the return agreed?"),
            summary=_("Return agreed on"),
            help=_("The day you accepted the refund with return, or AliExpress decided it."),
        ),
        Question(
            "return_ship_by",
            "date_or_no",
            _("Does the return request show a date to send it by?"),
            summary=_("Send it back by"),
            help=_("Without one, the plan counts {n} days from the agreement.").format(n=RETURN_SHIP_WITHIN.value),
            choices=(Choice("yes", _("Yes")),),
            no_label=_("No, or I can't see it"),
            date_label=_("Send it by"),
        ),
        Question("return_sent", "date", _("When did you send it?"), summary=_("Sent back on")),
        Question(
            "return_delivered",
            "date",
            _("When did the seller get it?"),
            summary=_("Seller got it on"),
            help=_("The day the return's tracking shows it delivered."),
        ),
        Question(
            "return_why",
            "choice",
            _("Why is it going back?"),
            summary=_("Going back because"),
            help=_("It sets who pays the postage."),
            choices=(
                Choice("changed_mind", _("I changed my mind")),
                Choice("not_as_described", _("It's faulty, wrong or not as described")),
            ),
        ),
        Question(
            "cancelled",
            "date",
            _("When was the order cancelled?"),
            summary=_("Cancelled on"),
            help=_("The day the order page showed it cancelled. How you paid is asked with the plan."),
        ),
        Question(
            "cancelled_refund",
            "choice",
            _("Has any of the money come back?"),
            summary=_("Money back"),
            choices=(
                Choice("not_yet", _("Not yet")),
                Choice("bonus", _("Yes, as AliExpress Bonus, not the way I paid")),
            ),
        ),
        Question(
            "blocked",
            "choice",
            _("Can you open a dispute on the order page?"),
            summary=_("Can open a dispute"),
            help=_("The button may be missing, or AliExpress may say the parcel will arrive soon."),
            choices=(
                Choice("no", _("Yes, I can open one")),
                Choice("yes", _("No, AliExpress won't let me")),
            ),
        ),
    ]
    return MappingProxyType({q.key: q for q in listed})
