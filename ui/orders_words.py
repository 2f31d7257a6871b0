"""What the orders page calls things: statuses, actions, columns and choices in the buyer's words.

A text catalogue: the table, the plan picker and the import messages all name an order's
state and columns from here, so the same thing is never called two names.
"""

from __future__ import annotations

from decimal import Decimal

from core.i18n import _, days_phrase, show_date, show_money
from core.orders import Assessed, OrderRow, Urgency
from core.rules import NOT_SHIPPED_RULES
from core.wizard.case import PAYMENTS, SELLER_ASKS, payment_words, seller_ask_words

STATUS_LOOKS = {
    Urgency.overdue: (":material/error:", "red"),
    Urgency.due_soon: (":material/error:", "red"),
    Urgency.to_fix: (":material/warning:", "violet"),
    Urgency.this_week: (":material/schedule:", "orange"),
    Urgency.later: (":material/hourglass_empty:", "blue"),
    Urgency.waiting: (":material/hourglass_empty:", "blue"),
    Urgency.settled: (":material/check_circle:", "green"),
}
"""Each bucket's Material icon and colour: drawn by Streamlit's own icon font, so no device needs an
emoji font, and each bucket has its own shape as well as its own colour, and always its word."""


def status_words(urgency: Urgency) -> str:
    """The bucket as the summary's tiles name it, so a tile and an order's line never disagree."""
    return {
        Urgency.overdue: _("Act now"),
        Urgency.due_soon: _("Act now"),
        Urgency.to_fix: _("Check the dates"),
        Urgency.this_week: _("This week"),
        Urgency.later: _("Later"),
        Urgency.waiting: _("Later"),
        Urgency.settled: _("Settled"),
    }[urgency]


def status_markdown(urgency: Urgency) -> str:
    """The bucket for Markdown: its icon and words in its colour."""
    icon, colour = STATUS_LOOKS[urgency]
    return f":{colour}[{icon} **{status_words(urgency)}**]"


def when_words(item: Assessed) -> str:
    """By when, in words: "by Mon 4 Jan 2027 (5 days left)", or nothing when there is no date."""
    deadline = item.plan.next_deadline if item.plan is not None else None
    if deadline is None:
        return ""
    return _("by {day} ({left})").format(day=show_date(deadline.date), left=days_phrase(deadline.days_left))


def todo_line(item: Assessed) -> str:
    """What to do now and by when, as one line of an order's card."""
    when = when_words(item)
    return _("{action} {when}").format(action=action_words(item), when=when) if when else action_words(item)


def yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


def action_words(item: Assessed) -> str:
    """What to do now, in a few words for a table cell."""
    if item.plan is None:
        return _("Fix this order's dates")
    if item.urgency is Urgency.waiting and item.plan.rule in NOT_SHIPPED_RULES:
        return _("Wait for it to ship")
    return {
        "cancel_order": _("Cancel the order"),
        "request_cancellation": _("Ask to cancel"),
        "wait": _("Wait"),
        "contact_seller": _("Message the seller"),
        "open_dispute": _("Open a dispute"),
        "cancel_dispute": _("Cancel the dispute"),
        "accept_seller_offer": _("Accept the seller's offer"),
        "accept_aliexpress_offer": _("Accept AliExpress's offer"),
        "appeal": _("Appeal"),
        "contact_support": _("Write to support"),
        "check_with_bank": _("Ask your bank"),
        "open_paypal_dispute": _("Open a PayPal dispute"),
        "collect_parcel": _("Collect your parcel"),
        "add_proof": _("Add your proof"),
        "confirm_receipt": _("Confirm receipt"),
        "nothing_to_do": _("Nothing to do"),
    }[item.plan.action]


def titles() -> dict[str, str]:
    """Column titles in the buyer's words."""
    return {
        "status": _("Status"),
        "label": _("Order"),
        "order_number": _("Order number"),
        "action": _("Do now"),
        "deadline": _("By"),
        "days_left": _("Days left"),
        "placed_on": _("Placed"),
        "shipped_on": _("Shipped"),
        "estimated_delivery": _("Expected"),
        "protection_days": _("Protection days"),
        "protection_ends_on": _("Protection ends"),
        "received": _("Received"),
        "receipt_confirmed_on": _("Receipt confirmed"),
        "tracking": _("Tracking"),
        "total_paid": _("Paid"),
        "shipping_paid": _("Shipping paid"),
        "currency": _("Currency"),
        "paid_with": _("Paid with"),
        "free_return": _("Free return"),
        "problem": _("Problem"),
        "dispute_status": _("Dispute"),
        "dispute_opened_on": _("Dispute opened"),
        "negotiation_ends_on": _("Negotiation ends"),
        "proof_due_on": _("Add proof by"),
        "dispute_closed_on": _("Dispute closed"),
        "refund_processed_on": _("Refund processed"),
        "refund_received": _("Refund received"),
        "seller_contacted_on": _("Seller contacted"),
        "missing_items_value": _("Missing items worth"),
        "satisfied": _("Happy with outcome"),
        "affected_value": _("Affected items cost"),
        "cancelled_on": _("Cancelled on"),
        "return_status": _("Return"),
        "return_agreed_on": _("Return agreed"),
        "return_ship_by": _("Send it back by"),
        "return_sent_on": _("Sent back on"),
        "return_delivered_on": _("Seller got it on"),
        "seller_asks": _("The seller is asking"),
        "choice_order": _("Choice order"),
        "arrived_late": _("Came after the guaranteed date"),
        "free_return_used": _("Free return already used"),
        "customs_refused": _("Sent back: customs not paid"),
        "missed_pickup": _("Sent back: not collected"),
        "cancellation_refused": _("Seller refused to cancel"),
        "shipping_day_unknown": _("Shipped, day unknown"),
        "keeps_waiting": _("I'd rather wait"),
        "seller_asked_to_cancel": _("Seller asked me to cancel"),
        "arrived_after_refund": _("Came after the refund"),
        "seller_rejected": _("Seller rejected the dispute"),
        "customs_pay_by": _("Customs notice's last day"),
    }


def choice_words() -> dict[str, str]:
    """The tracking, problem, dispute and payment choices in the buyer's words (payments as the wizard says them)."""
    return {
        **{value: payment_words(value) for value in PAYMENTS},
        **{value: seller_ask_words(value) for value in SELLER_ASKS},
        "yes": _("Yes"),
        "no": _("No"),
        "not_sent": _("Not sent yet"),
        "no_label": _("No return address or label yet"),
        "label_refused": _("Post office refuses the label"),
        "sent": _("Sent, with tracking"),
        "lost": _("Sent, seller says it never arrived"),
        "in_transit": _("In transit"),
        "no_updates": _("No updates"),
        "delivered": _("Says delivered"),
        "returned_to_seller": _("Back to seller"),
        "held_at_customs": _("Held at customs"),
        "seized_by_customs": _("Seized by customs"),
        "customs_documents": _("Customs wants documents"),
        "awaiting_pickup": _("Waiting to be collected"),
        "not_arrived": _("Didn't arrive"),
        "not_as_described": _("Not as described"),
        "slightly_imperfect": _("Slightly imperfect"),
        "incomplete": _("Items missing"),
        "fake": _("Fake"),
        "wrong_item": _("Wrong item"),
        "delivered_not_received": _("Delivered, not received"),
        "wrong_shipping_method": _("Wrong shipping method"),
        "changed_mind": _("Changed my mind"),
        "open": _("Open"),
        "cancelled": _("Cancelled"),
        "closed": _("Closed"),
    }


def choice_word(field: str, value: str) -> str:
    """One choice of a column in words; "none" is said the way that column means it, never as "None"."""
    if field == "return_status" and value == "delivered":
        return _("The seller got it, no refund yet")
    if value == "none":
        return {
            "tracking": _("No tracking yet"),
            "problem": _("Nothing wrong"),
            "dispute_status": _("No dispute"),
        }.get(field, _("Not given"))
    return choice_words().get(value, value)


def name(row: OrderRow) -> str:
    """The order as the buyer named it, or by its date when it has no name."""
    return row.label or _("Order placed on {day}").format(day=show_date(row.placed_on))


def money_at_stake(at_stake: dict[str, Decimal]) -> str:
    """The summary's money at stake, one amount per currency."""
    return " · ".join(show_money(amount, currency) for currency, amount in at_stake.items())
