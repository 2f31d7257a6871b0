"""The case a buyer describes and the plan we give back, as pydantic v2 models.

These are the edges of the core: everything that comes in (command line, wizard,
orders table, imported files) is read into a `Case`, and everything we show is
taken from a `Plan`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
)

from core.facts import USUAL_PROTECTION

AMOUNT_MAX = Decimal("10000000")
"""The largest amount anyone can enter: far above any order, small enough to stay exact."""

PROTECTION_DAYS_USUAL = USUAL_PROTECTION.value
"""Buyer protection most listings give, counted from shipping, when the buyer has not said otherwise."""
PROTECTION_DAYS_MIN = 1
PROTECTION_DAYS_MAX = 180
"""The range a listing's protection can take; anything outside it is a typo."""

ProtectionDays = Annotated[int, Field(ge=PROTECTION_DAYS_MIN, le=PROTECTION_DAYS_MAX)]
"""Days of buyer protection from shipping, as the listing or the order page gives them."""

Money = Annotated[
    Decimal,
    Field(ge=0, le=AMOUNT_MAX, max_digits=12, decimal_places=2),
    PlainSerializer(float, return_type=float, when_used="json"),
]
"""An amount of money: never negative, at most two decimals, shown as a JSON number."""

BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def plain_line(value: Any) -> Any:
    """One line of plain text: control and direction-override characters would garble a message."""
    if not isinstance(value, str):
        return value
    text = value.translate(BIDI_CONTROLS)
    text = "".join(" " if unicodedata.category(char) == "Cc" else char for char in text)
    return " ".join(text.split())


LABEL_MAX = 120
"""The longest name for an order: enough for an item's name, short enough for a table cell."""

Label = Annotated[str, BeforeValidator(plain_line), StringConstraints(max_length=LABEL_MAX)]
"""The buyer's own name for an order, as one clean line."""


def order_number_digits(value: Any) -> Any:
    """AliExpress order numbers are digits; spaces and dashes people copy with them are dropped."""
    if not isinstance(value, str):
        return value
    digits = re.sub(r"[\s-]", "", value)
    if not re.fullmatch(r"[0-9]{8,20}", digits):
        raise ValueError("an order number is 8 to 20 digits, as shown on the order page")
    return digits


OrderNumber = Annotated[str, BeforeValidator(order_number_digits)]
"""The order's number as AliExpress shows it (usually 16 digits)."""

CurrencyCode = Annotated[
    str,
    StringConstraints(strip_whitespace=True, to_upper=True, pattern=r"^[A-Za-z]{3}$"),
]
"""An ISO 4217 code such as USD or EUR."""

CountryCode = Annotated[
    str,
    StringConstraints(strip_whitespace=True, to_upper=True, pattern=r"^[A-Za-z]{2}$"),
]
"""An ISO 3166 two-letter country code, used to skip public holidays."""


class Strict(BaseModel):
    """Base for input models: unknown fields are a mistake worth reporting."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Tracking(str, Enum):
    """What the parcel's tracking page says."""

    none = "none"
    in_transit = "in_transit"
    no_updates = "no_updates"
    delivered = "delivered"
    returned_to_seller = "returned_to_seller"
    held_at_customs = "held_at_customs"
    """Held by customs until an import charge is paid."""
    seized_by_customs = "seized_by_customs"
    """Seized, destroyed or refused entry by customs (a fake, a banned item): it will never come."""
    customs_documents = "customs_documents"
    """Held by customs until the buyer sends what it asks for (an invoice, an ID, a form): paying won't free it."""
    awaiting_pickup = "awaiting_pickup"
    """Delivery failed and the parcel waits at a depot or pickup point: it goes back unless collected in time."""


class Problem(str, Enum):
    """What is wrong with the order, in the buyer's terms."""

    none = "none"
    not_arrived = "not_arrived"
    not_as_described = "not_as_described"
    slightly_imperfect = "slightly_imperfect"
    incomplete = "incomplete"
    fake = "fake"
    wrong_item = "wrong_item"
    delivered_not_received = "delivered_not_received"
    wrong_shipping_method = "wrong_shipping_method"
    changed_mind = "changed_mind"


class Payment(str, Enum):
    """How the order was paid: it sets how long a refund takes and which ways out exist outside AliExpress."""

    card = "card"
    paypal = "paypal"
    aliexpress = "aliexpress"
    """AliExpress Bonus or balance: refunds come back there, and no bank or PayPal covers it."""
    other = "other"


class SellerAsk(str, Enum):
    """What the seller is pushing the buyer to do instead of a refund through AliExpress."""

    wait_longer = "wait_longer"
    """Wait longer ("wait 60 days")."""
    cancel_dispute = "cancel_dispute"
    """Cancel the dispute (or hold off opening one), and they will send it again."""
    confirm_receipt = "confirm_receipt"
    """Confirm receipt so they get paid, and they will refund."""
    return_first = "return_first"
    """Send the item back first."""
    pay_outside = "pay_outside"
    """Pay, or be refunded, outside AliExpress (PayPal, a bank transfer)."""
    buy_again = "buy_again"
    """Buy something else, and they will include the missing part."""
    coupon_instead = "coupon_instead"
    """Take a coupon (store credit) instead of the money back."""
    change_reason = "change_reason"
    """Change the dispute's reason (to "I don't want it any more", say), which shifts the cost onto the buyer."""
    small_dispute = "small_dispute"
    """Open (or settle) a dispute for a small amount, and they will pay the rest some other way."""
    contact_outside = "contact_outside"
    """Someone writes from outside AliExpress (WhatsApp, a text, an email) saying they are the seller: often not."""


class PaymentProblem(str, Enum):
    """Money that left the buyer with no order of its own behind it."""

    charged_twice = "charged_twice"
    """One order, paid for twice."""
    no_order = "no_order"
    """Money taken, but no order shows for it (a checkout that failed, say)."""
    paid_outside = "paid_outside"
    """Paid to a seller outside AliExpress (PayPal, bank transfer): AliExpress's protection doesn't cover it."""


class DisputeStatus(str, Enum):
    open = "open"
    cancelled = "cancelled"
    closed = "closed"


class Judgement(str, Enum):
    valid = "valid"
    invalid = "invalid"


class ReturnStatus(str, Enum):
    """Where a return the buyer has to send stands."""

    not_sent = "not_sent"
    no_label = "no_label"
    """No return address or label has come yet, so there is nowhere to send it."""
    label_refused = "label_refused"
    """The post office won't take the return label (or its code)."""
    sent = "sent"
    delivered = "delivered"
    """Tracking shows the seller received it, and the refund hasn't been processed."""
    lost = "lost"
    """Sent with tracking, but the seller says it never arrived."""


class Order(Strict):
    """One AliExpress order: when it was paid, shipped and received, and what it cost."""

    label: Label | None = Field(
        default=None, description="What was ordered, in the buyer's words (e.g. Blue headphones), used in messages."
    )
    order_number: OrderNumber | None = Field(
        default=None, description="The order number from the order page; messages leave a placeholder without it."
    )
    placed_on: dt.date | None = Field(
        default=None, description="The day the order was placed; messages only state it when it is given."
    )
    payment_confirmed: bool = True
    shipped_on: dt.date | None = None
    shipping_day_unknown: bool = Field(
        default=False,
        description="The buyer can't find the shipping day: shipped_on then holds the day they ordered, the "
        "earliest it can have shipped, so no deadline counted from it comes after the real one. Messages never "
        "state it as a shipping day.",
    )
    estimated_delivery: dt.date | None = None
    protection_days: ProtectionDays = PROTECTION_DAYS_USUAL
    protection_ends_on: dt.date | None = Field(
        default=None,
        description="The last day of buyer protection as the order page's countdown shows it (a seller's "
        "extension included); when given, every deadline counts from it instead of shipping + protection_days.",
    )
    received: bool = False
    delivered_on: dt.date | None = Field(
        default=None,
        description="The day the item arrived, when the buyer gave it; in the EU the 14 days to withdraw count from "
        "it (receipt_confirmed_on can come days later).",
    )
    receipt_confirmed_on: dt.date | None = None
    tracking: Tracking = Tracking.none
    total_paid: Money = Decimal("0")
    shipping_paid: Money = Decimal("0")
    currency: CurrencyCode = "USD"
    free_return: bool = False
    free_return_used: bool = Field(
        default=False,
        description="The listing had free return, but the order's one free return was already used (on another "
        "item, say): this return's postage is the buyer's again.",
    )
    customs_pay_by: dt.date | None = Field(
        default=None,
        description="For a parcel held at customs: the last day the customs notice gives to pay the charge or send "
        "the documents asked for; after it, the parcel goes back to the seller.",
    )


class Offer(Strict):
    """A proposal in a dispute, from the seller or from AliExpress."""

    refund_amount: Money
    return_required: bool = False


class Dispute(Strict):
    """A dispute already opened on the order, and how far it went."""

    status: DisputeStatus = DisputeStatus.open
    opened_on: dt.date | None = None
    requested_refund: Money | None = None
    judgement: Judgement | None = None
    seller_offer: Offer | None = None
    seller_rejected: bool = Field(
        default=False,
        description="The seller answered by rejecting the dispute, with no offer: AliExpress decides on the proof.",
    )
    aliexpress_offer: Offer | None = None
    negotiation_ends_on: dt.date | None = None
    proof_requested: bool = Field(
        default=False,
        description="AliExpress answered the open dispute by asking the buyer for more proof, not with a proposal.",
    )
    proof_due_on: dt.date | None = Field(
        default=None,
        description="The day AliExpress asks the buyer to add proof to the open dispute by (a post office's "
        "statement, photos): without it, the dispute can be decided against them.",
    )
    arrived_since: bool = Field(
        default=False,
        description="The dispute was opened for a parcel that hadn't come, and it has arrived since with a problem "
        "(problem says which): the dispute must now be about that problem, not about a parcel never received.",
    )
    closed_on: dt.date | None = None
    satisfied: bool = True
    accepted_offer: bool = Field(
        default=False,
        description="The buyer accepted an offer, which closed the dispute: no new dispute can be opened, and "
        'only an appeal can change it (the guide\'s "Reopening a closed dispute").',
    )
    refund_processed_on: dt.date | None = None
    refund_received: bool = False


class ItemReturn(Strict):
    """A refund with return the buyer accepted (or AliExpress decided): the item has to go back to the seller."""

    agreed_on: dt.date | None = Field(
        default=None, description="The day the return was agreed (or decided); the days to send it count from it."
    )
    ship_by: dt.date | None = Field(
        default=None,
        description="The send-by date the return request shows, when it shows one; otherwise the plan counts "
        "agreed_on + 10 days.",
    )
    status: ReturnStatus = Field(
        default=ReturnStatus.not_sent,
        description="not_sent, no_label (no return address or label yet), label_refused (the post office "
        "refuses the return label), sent, delivered (the seller received it) or lost (sent, "
        "but the seller says it never arrived).",
    )
    sent_on: dt.date | None = Field(default=None, description="The day the item was posted back, when it was.")
    delivered_on: dt.date | None = Field(
        default=None, description="The day tracking shows the seller received the return, when it does."
    )


class Case(Strict):
    """Everything the advisor needs to know about one problem order."""

    today: dt.date | None = Field(default=None, description="The day the advice is for; the real today when left out.")
    order: Order
    problem: Problem = Problem.none
    missing_items_value: Money | None = None
    refund_wanted: Money | None = Field(
        default=None, description="The partial refund the buyer wants for an item that is usable but not right."
    )
    affected_value: Money | None = Field(
        default=None,
        description="When only some items of a several-item order are faulty, fake or wrong: what those items "
        "cost. The claim is then a partial refund of this, never a full refund of the whole order.",
    )
    arrived_late: bool = False
    seller_contacted_on: dt.date | None = None
    dispute: Dispute | None = None
    dispute_blocked: bool = Field(
        default=False,
        description="AliExpress won't let the buyer open a dispute (no button, or 'the parcel will arrive soon').",
    )
    country: CountryCode | None = Field(
        default=None,
        description="The buyer's country: its public holidays are skipped when counting working days, and a "
        "buyer in the EU is told of the EU's withdrawal and legal-guarantee rights.",
    )
    paid_with: Payment | None = Field(
        default=None,
        description="How the order was paid: card, paypal, aliexpress (Bonus or balance) or other. It sets the "
        "refund's window and the ways out (chargeback, PayPal claim); unknown gives both, each with an 'if'.",
    )
    item_return: ItemReturn | None = Field(
        default=None,
        description="A return in progress: the buyer must send the item back (problem changed_mind means the "
        "buyer pays the postage; a fault means the seller does).",
    )
    cancelled_on: dt.date | None = Field(
        default=None,
        description="The day an order that had not shipped was cancelled; the refund's window counts from it.",
    )
    seller_asks: SellerAsk | None = Field(
        default=None,
        description="What the seller is asking the buyer to do: wait_longer, cancel_dispute (and they'll send it "
        "again), confirm_receipt (and they'll refund), return_first, pay_outside (PayPal, bank transfer) or "
        "buy_again (and they'll include the missing part), coupon_instead (a coupon instead of the money), change_reason (a reason that puts the cost on the buyer) or small_dispute (a dispute for a small amount, the rest paid some other way). Plans where a seller is involved then say what never "
        "to do and give a reply to send.",
    )
    customs_refused: bool | None = Field(
        default=None,
        description="For a parcel that went back to the seller: true when it went back because the buyer refused or "
        "didn't pay the customs charges (a dispute can then be lost), false for another reason, null when unknown.",
    )
    cancellation_refused: bool = Field(
        default=False,
        description="For an order not shipped yet: the buyer asked to cancel and the seller refused, so it will "
        "ship; the way out is a return once it arrives (or, in the EU, withdrawal).",
    )
    keeps_waiting: bool = Field(
        default=False,
        description="For an order not shipped yet: the buyer doesn't want to cancel, and waits for it to ship.",
    )
    seller_asked_to_cancel: bool = Field(
        default=False,
        description="For an order not shipped yet: the seller asked the buyer to cancel it (out of stock, say), so "
        "the cancellation goes through and the reason to pick is the seller's, not the buyer's.",
    )
    arrived_after_refund: bool = Field(
        default=False,
        description="For a closed dispute whose refund came in: the parcel turned up afterwards. Settling for it "
        "(paying or sending it back) goes through AliExpress, never outside it.",
    )
    missed_pickup: bool = Field(
        default=False,
        description="For a parcel that went back to the seller: it went back because the buyer didn't collect it "
        "in time (a missed pickup notice). The seller did send it, so a dispute can be lost or the postage kept.",
    )
    delivered_elsewhere: bool = Field(
        default=False,
        description="For a parcel tracking says was delivered: it shows another city, country or name than the "
        "buyer's, so it was never delivered to them (a dispute now, the tracking page as proof).",
    )
    refund_as_bonus: bool = Field(
        default=False,
        description="The refund came back as AliExpress Bonus or balance, not the way the buyer paid: only AliExpress's "
        "support can move it, and a chargeback would likely fail.",
    )
    payment_problem: PaymentProblem | None = Field(
        default=None,
        description="A payment with no order of its own behind it: charged_twice, no_order (money taken, no order "
        "shows) or paid_outside (paid to a seller outside AliExpress). The plan is about that money, not an order.",
    )
    charged_on: dt.date | None = Field(
        default=None,
        description="For a payment problem: the day the money was taken; the refund's usual days, a PayPal "
        "dispute's and a card chargeback's count from it.",
    )
    choice_order: bool | None = Field(
        default=None,
        description="A Choice order (shipped through AliExpress's own logistics): the plan says to ask AliExpress "
        "in the help chat rather than the store, and how its provisional LP tracking number behaves.",
    )


Action = Literal[
    "cancel_order",
    "request_cancellation",
    "wait",
    "contact_seller",
    "open_dispute",
    "cancel_dispute",
    "accept_seller_offer",
    "accept_aliexpress_offer",
    "appeal",
    "contact_support",
    "check_with_bank",
    "open_paypal_dispute",
    "collect_parcel",
    "add_proof",
    "confirm_receipt",
    "nothing_to_do",
]
ACTIONS: tuple[str, ...] = get_args(Action)

RefundKind = Literal["full", "partial", "none"]


class Rule(str, Enum):
    """One line of the rules table: the situation that decided the plan.

    Each line has its action, deadline and guide sections in core.rules.LINES and its
    words in core.wording.table.WORDS; a test checks that no line lacks either.
    """

    payment_pending = "not_shipped.payment_pending"
    payment_confirmed = "not_shipped.payment_confirmed"
    cancellation_refused = "not_shipped.cancellation_refused"
    seller_asked_to_cancel = "not_shipped.seller_asked_to_cancel"
    waiting_to_ship = "not_shipped.waiting_to_ship"
    appeal = "dispute_closed.appeal"
    appeal_accepted = "dispute_closed.appeal_after_accepting"
    too_late_to_appeal = "dispute_closed.too_late_to_appeal"
    refund_overdue = "dispute_closed.refund_overdue"
    refund_overdue_not_card = "dispute_closed.refund_overdue_not_card"
    refund_on_its_way = "dispute_closed.refund_on_its_way"
    refund_not_processed = "dispute_closed.refund_not_processed"
    arrived_after_refund = "dispute_closed.arrived_after_refund"
    settled = "dispute_closed.settled"
    item_fine_cancel_dispute = "dispute_open.item_fine"
    invalid_in_transit = "dispute_open.invalid_in_transit"
    invalid_in_transit_keep_open = "dispute_open.invalid_in_transit_keep_open"
    seller_beats_aliexpress = "dispute_open.seller_beats_aliexpress"
    aliexpress_offer = "dispute_open.aliexpress_offer"
    aliexpress_offer_low = "dispute_open.aliexpress_offer_below_asked"
    proof_requested = "dispute_open.proof_requested"
    seller_gives_what_was_asked = "dispute_open.seller_gives_what_was_asked"
    seller_offer_too_low = "dispute_open.seller_offer_too_low"
    seller_offer_free_return = "dispute_open.seller_offer_free_return"
    no_offer_yet = "dispute_open.no_offer_yet"
    seller_did_not_answer = "dispute_open.seller_did_not_answer"
    seller_rejected = "dispute_open.seller_rejected"
    before_estimated_delivery = "not_received.before_estimated_delivery"
    due_after_protection = "not_received.due_after_protection"
    early_but_running_out = "not_received.early_but_protection_running_out"
    too_early_not_received = "not_received.too_early"
    dispute_blocked = "not_received.dispute_blocked"
    late_claim = "not_received.after_protection_window"
    not_received_too_late = "not_received.protection_over"
    delivered_running_out = "not_received.delivered_protection_running_out"
    delivered_seller_silent = "not_received.delivered_seller_silent"
    delivered_ask_seller = "not_received.delivered_ask_seller"
    returned_to_seller = "not_received.returned_to_seller"
    returned_running_out = "not_received.returned_protection_running_out"
    returned_customs_refused = "not_received.returned_customs_refused"
    returned_not_collected = "not_received.returned_not_collected"
    held_at_customs = "not_received.held_at_customs"
    held_at_customs_running_out = "not_received.held_at_customs_protection_running_out"
    seized_by_customs = "not_received.seized_by_customs"
    after_cancelled_dispute = "not_received.after_cancelled_dispute"
    in_transit_running_out = "not_received.in_transit_protection_running_out"
    in_transit = "not_received.in_transit"
    no_news_running_out = "not_received.protection_running_out"
    seller_silent = "not_received.seller_silent"
    ask_seller = "not_received.ask_seller"
    all_fine_confirm = "received.all_fine.confirm"
    all_fine_confirmed = "received.all_fine.confirmed"
    all_fine_completed = "received.all_fine.completed"
    too_early_received = "received.too_early"
    received_too_late = "received.protection_over"
    not_as_described = "received.not_as_described"
    fake = "received.fake"
    wrong_item = "received.wrong_item"
    slightly_imperfect = "received.slightly_imperfect"
    incomplete = "received.incomplete"
    wrong_shipping_paid_and_late = "received.wrong_shipping_paid_and_late"
    wrong_shipping_confirm = "received.wrong_shipping_no_claim.confirm"
    wrong_shipping_confirmed = "received.wrong_shipping_no_claim.confirmed"
    changed_mind = "received.changed_mind"
    return_not_sent = "returning.not_sent"
    return_ship_by_passed = "returning.ship_by_passed"
    return_no_label = "returning.no_label"
    return_label_refused = "returning.label_refused"
    return_sent = "returning.sent"
    return_lost = "returning.seller_says_not_arrived"
    return_delivered = "returning.delivered"
    cancelled_refund_on_its_way = "cancelled.refund_on_its_way"
    cancelled_refund_overdue = "cancelled.refund_overdue"
    cancelled_refund_overdue_not_card = "cancelled.refund_overdue_not_card"
    waiting_for_pickup = "not_received.waiting_for_pickup"
    waiting_for_pickup_running_out = "not_received.waiting_for_pickup_protection_running_out"
    customs_documents = "not_received.customs_documents"
    delivered_elsewhere = "not_received.delivered_elsewhere"
    confirmed_not_received = "not_received.receipt_confirmed"
    confirmed_not_received_too_late = "not_received.receipt_confirmed_too_late"
    arrived_since = "dispute_open.arrived_since_with_a_problem"
    refund_as_bonus = "payment_problem.refund_as_bonus"
    extra_charge = "payment_problem.extra_charge"
    extra_charge_overdue = "payment_problem.extra_charge_overdue"
    paid_outside = "payment_problem.paid_outside"
    paid_outside_paypal = "payment_problem.paid_outside_paypal"


class Deadline(BaseModel):
    """The one date that matters most now, and how many days are left until it."""

    label: str
    date: dt.date
    days_left: int
    last_day: bool = Field(
        description="True when the date is the last day to act (shown as urgent when near); "
        "False for a day to wait for."
    )
    counted: str | None = Field(
        default=None, description="How the date was counted, e.g. 'Receipt confirmed Fri 27 Nov 2026 + 15 days = ...'."
    )


class PlanDates(BaseModel):
    """The order's protection windows and the days the advice changes; null where they do not apply."""

    earliest_dispute: dt.date | None = None
    estimated_delivery: dt.date | None = None
    seller_answer_due: dt.date | None = Field(
        default=None, description="Two days after the seller was contacted: no answer by then, open a dispute."
    )
    running_out_from: dt.date | None = Field(
        default=None, description="From this day protection is running out: open a dispute, whatever tracking says."
    )
    protection_ends: dt.date | None = None
    dispute_deadline: dt.date | None = None
    deadline_after_confirming: dt.date | None = Field(
        default=None, description="The last day to dispute if the buyer confirms receipt today (15 days on)."
    )
    late_claim_deadline: dt.date | None = Field(
        default=None,
        description="For a parcel never received: the last day AliExpress still takes a refund request "
        "after protection ends.",
    )
    appeal_deadline: dt.date | None = None
    negotiation_ends: dt.date | None = None
    refund_expected_from: dt.date | None = None
    refund_expected_by: dt.date | None = None
    seller_must_answer_by: dt.date | None = Field(
        default=None,
        description="The seller's 5 days to answer an open dispute end; no answer, the refund goes through.",
    )
    aliexpress_steps_in_by: dt.date | None = Field(
        default=None, description="Without agreement, AliExpress steps in by this day (7 days after opening)."
    )
    ask_extension_by: dt.date | None = Field(
        default=None, description="Best day to ask the seller to extend protection: a week before it ends."
    )
    extension_until: dt.date | None = Field(
        default=None,
        description="The day to ask the seller to extend protection to: a week past the estimated delivery, "
        "or 15 days past its end.",
    )
    return_ship_by: dt.date | None = Field(
        default=None,
        description="The last day to send the item back: if the buyer accepts a return today, or for a return "
        "already agreed (the request's own date, or 10 days after the agreement).",
    )
    customs_pay_by: dt.date | None = Field(
        default=None, description="For a parcel held at customs: the last day to pay the charge, from the notice."
    )
    proof_due: dt.date | None = Field(
        default=None, description="In an open dispute: the last day to add the proof AliExpress asked for."
    )
    withdrawal_by: dt.date | None = Field(
        default=None,
        description="In the EU, while it is still ahead: the last day to withdraw from the purchase, 14 days after "
        "the item arrived.",
    )
    paypal_dispute_by: dt.date | None = Field(
        default=None, description="Outside AliExpress: the last day to open a PayPal dispute (180 days from payment)."
    )
    chargeback_by: dt.date | None = Field(
        default=None, description="Outside AliExpress: the last day for a card chargeback under the card's rules."
    )
    eu_guarantee_until: dt.date | None = Field(
        default=None, description="Outside AliExpress: the EU's 2-year legal guarantee, counted from receipt."
    )


MessageKind = Literal["seller", "dispute", "appeal", "support", "bank", "paypal"]
LOCAL_READERS: tuple[MessageKind, ...] = ("bank", "paypal")
"""Messages read by the buyer's own bank or PayPal, in the buyer's language; sellers and AliExpress's dispute
staff read English, so every other message is offered in English first."""
"""Who a ready-to-send message is for."""


class Message(BaseModel):
    """A ready-to-send draft: who it is for, a title, the text to paste, and what to fill in first."""

    kind: MessageKind
    title: str
    body: str
    fill_in: list[str] = Field(
        default_factory=list,
        description="Every [placeholder] in the body, without brackets, for the buyer to replace before sending.",
    )


class FactNote(BaseModel):
    """One figure a plan used, as "Why this advice" shows it: what it says, its source, when found, how sure."""

    key: str
    says: str
    source: str
    address: str | None
    found: dt.date
    confidence: Literal["high", "medium", "low", "ours"]


class Plan(BaseModel):
    """What to do today, what to ask for, by when, and how."""

    rule: Rule = Field(description="Which line of the rules table decided, e.g. 'received.fake'.")
    today: dt.date = Field(description="The day the plan was made for; days_left counts from it.")
    action: Action
    refund: RefundKind
    refund_amount: Money | None
    return_item: bool
    currency: str
    money: str = Field(description="What the plan asks for or accepts, in one line of words.")
    next_deadline: Deadline | None
    dates: PlanDates
    counted: dict[str, str] = Field(
        default_factory=dict,
        description="How each date in `dates` that is set was counted, by its field's name, e.g. "
        "'Shipped Sun 1 Nov 2026 + 60 days of buyer protection = Thu 31 Dec 2026'.",
    )
    protection_assumed: bool = Field(
        default=False,
        description="The dates count the usual days of protection from shipping, because the buyer gave neither "
        "the end their order page shows nor the listing's own days: the plan says so and asks for the real end.",
    )
    counted_from_order_day: bool = Field(
        default=False,
        description="The shipping day isn't known, so the dates count from the day the order was placed: the real "
        "ones are the same or later, and the plan says so.",
    )
    headline: str
    steps: list[str]
    evidence: list[str]
    warnings: list[str]
    messages: list[Message]
    sources: list[str]
    facts: list[FactNote] = Field(
        default_factory=list,
        description="Every figure the plan's dates and words use, with its source and the day it was found "
        "(core.facts).",
    )
