"""Which plans have a seller in them, and which are about a parcel or an item a Choice order may be.

The plan page asks "The seller is asking me to…" only where a seller is still part of the story (an
open dispute, an order not shipped yet, a parcel on its way, late or delivered but missing, an item in hand
with a problem), and
"Is it a Choice order?" only for a parcel not received or an item with a problem. Both are decided here,
from the plan's rule, so the page asks and core words: the rules that answer them join
core.wording.seller_asks's parts in core.wording.table.WORDS (a test checks the two agree).
"""

from __future__ import annotations

from core.models import Rule

_OPEN_DISPUTE = frozenset(
    (
        Rule.invalid_in_transit_keep_open,
        Rule.seller_beats_aliexpress,
        Rule.aliexpress_offer,
        Rule.aliexpress_offer_low,
        Rule.seller_gives_what_was_asked,
        Rule.seller_offer_too_low,
        Rule.no_offer_yet,
        Rule.seller_did_not_answer,
        Rule.seller_rejected,
        Rule.seller_offer_free_return,
        Rule.arrived_since,
    )
)
"""An open dispute the buyer keeps. Left out: the lines that say to cancel it (the item is fine, or the
parcel still moves with time to open a new one), where "never cancel on a promise" would contradict them."""

NOT_RECEIVED = frozenset(
    (
        Rule.before_estimated_delivery,
        Rule.due_after_protection,
        Rule.early_but_running_out,
        Rule.too_early_not_received,
        Rule.dispute_blocked,
        Rule.late_claim,
        Rule.not_received_too_late,
        Rule.delivered_running_out,
        Rule.delivered_seller_silent,
        Rule.delivered_ask_seller,
        Rule.returned_to_seller,
        Rule.returned_running_out,
        Rule.in_transit_running_out,
        Rule.in_transit,
        Rule.no_news_running_out,
        Rule.seller_silent,
        Rule.ask_seller,
        Rule.returned_not_collected,
        Rule.held_at_customs,
        Rule.held_at_customs_running_out,
        Rule.seized_by_customs,
        Rule.after_cancelled_dispute,
        Rule.waiting_for_pickup,
        Rule.waiting_for_pickup_running_out,
        Rule.delivered_elsewhere,
        Rule.customs_documents,
    )
)
"""A parcel shipped and not received (on its way, late, delivered but missing, sent back), no dispute open."""

RECEIVED_PROBLEM = frozenset(
    (
        Rule.too_early_received,
        Rule.received_too_late,
        Rule.not_as_described,
        Rule.fake,
        Rule.wrong_item,
        Rule.slightly_imperfect,
        Rule.incomplete,
        Rule.wrong_shipping_paid_and_late,
        Rule.changed_mind,
    )
)
"""An item in hand with a problem, no dispute open."""

NOT_SHIPPED = frozenset((Rule.payment_confirmed, Rule.waiting_to_ship))
"""A paid order the seller hasn't shipped: a seller may ask for more time before shipping."""

SELLER_INVOLVED = _OPEN_DISPUTE | NOT_SHIPPED | NOT_RECEIVED | RECEIVED_PROBLEM
"""The lines where a seller may push the buyer to do something instead: their words answer `Case.seller_asks`."""

CHOICE_RULES = NOT_RECEIVED | RECEIVED_PROBLEM
"""The lines whose words change for a Choice order (`Case.choice_order`)."""

REFUNDED = frozenset((Rule.refund_on_its_way, Rule.refund_overdue, Rule.refund_overdue_not_card, Rule.settled))
"""A closed dispute whose refund was processed or received: a customs bill for the parcel needs care."""

CLOSED_FOR_THE_REFUND = REFUNDED | {Rule.refund_not_processed}
"""A closed dispute the buyer follows for its refund: one closed by accepting an offer says it is final."""


WAITING_FOR_REFUND = (CLOSED_FOR_THE_REFUND - {Rule.settled}) | {
    Rule.cancelled_refund_on_its_way,
    Rule.cancelled_refund_overdue,
    Rule.cancelled_refund_overdue_not_card,
    Rule.extra_charge,
    Rule.extra_charge_overdue,
}
"""The lines where the buyer waits for a refund: the moment fake "refund" messages target."""


def seller_involved(rule: Rule) -> bool:
    """True when the plan page should ask what the seller is asking the buyer to do."""
    return rule in SELLER_INVOLVED


def choice_matters(rule: Rule) -> bool:
    """True when the plan page should ask whether it is a Choice order."""
    return rule in CHOICE_RULES
