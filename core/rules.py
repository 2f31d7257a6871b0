"""The guide's rules: which action a case calls for, and what money it asks for.

Each group below is one branch of the guide's decision tree, and inside a group the
first rule that matches wins, in the order written. Every rule is one `return` with
a rule id (`group.situation`) and the guide sections it rests on, so a reader can go
from a line of the rules table to the code and to the guide.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from core import guide
from core.dates import add_days, add_working_days
from core.models import Case, DisputeStatus, Judgement, Offer, PlanDates, Problem, Tracking

DAYS_BEFORE_DISPUTE = 10
"""A dispute can be opened 10 days after shipping ("Why won't AliExpress let me open a dispute")."""
DAYS_AFTER_RECEIPT = 15
"""After confirming receipt there are 15 more days to dispute ("Opening dispute after 15 days")."""
DAYS_TO_APPEAL = 7
"""An unfair outcome can be appealed for 7 days after the dispute ends ("Appealing a dispute")."""
REFUND_WORKING_DAYS = (3, 20)
"""A processed refund lands in 3 to 20 working days ("Refund processing": how long does it take?)."""
RUNNING_OUT_DAYS = 5
"""Protection is running out when this many days or fewer are left before the dispute deadline."""
SELLER_ANSWER_DAYS = 2
"""The seller gets a couple of days to answer before we advise a dispute ("When you have not received the order")."""


@dataclass(frozen=True)
class Decision:
    """What a rule decided: the action, the money it asks for, and which date matters now."""

    rule: str
    action: str
    sources: tuple[str, ...]
    refund: str = "none"
    refund_amount: Decimal | None = None
    return_item: bool = False
    deadline: str | None = None
    """The name of the `PlanDates` field that matters most now, if any."""


@dataclass(frozen=True)
class Facts:
    """The case with its dates worked out, so rules read as plain conditions."""

    case: Case
    today: dt.date
    dates: PlanDates

    @property
    def order(self):
        return self.case.order

    @property
    def days_to_deadline(self) -> int | None:
        deadline = self.dates.dispute_deadline
        return None if deadline is None else (deadline - self.today).days

    @property
    def too_early_to_dispute(self) -> bool:
        return self.dates.earliest_dispute is not None and self.today < self.dates.earliest_dispute

    @property
    def protection_over(self) -> bool:
        left = self.days_to_deadline
        return left is not None and left < 0

    @property
    def protection_running_out(self) -> bool:
        left = self.days_to_deadline
        return left is not None and 0 <= left <= RUNNING_OUT_DAYS

    @property
    def seller_had_two_days(self) -> bool:
        contacted = self.case.seller_contacted_on
        return contacted is not None and (self.today - contacted).days >= SELLER_ANSWER_DAYS


def protection_dates(case: Case, today: dt.date) -> PlanDates:
    """Every window of the order, from the guide's day counts."""
    order, dispute = case.order, case.dispute
    earliest = protection_ends = deadline = None
    if order.shipped_on is not None:
        earliest = add_days(order.shipped_on, DAYS_BEFORE_DISPUTE)
        protection_ends = add_days(order.shipped_on, order.protection_days)
        deadline = protection_ends
    if order.receipt_confirmed_on is not None:
        deadline = add_days(order.receipt_confirmed_on, DAYS_AFTER_RECEIPT)
    appeal = negotiation = refund_from = refund_by = None
    if dispute is not None:
        negotiation = dispute.negotiation_ends_on
        if dispute.status is DisputeStatus.closed and dispute.closed_on is not None:
            appeal = add_days(dispute.closed_on, DAYS_TO_APPEAL)
        if dispute.refund_processed_on is not None:
            first, last = REFUND_WORKING_DAYS
            refund_from = add_working_days(dispute.refund_processed_on, first, case.country)
            refund_by = add_working_days(dispute.refund_processed_on, last, case.country)
    return PlanDates(
        earliest_dispute=earliest,
        protection_ends=protection_ends,
        dispute_deadline=deadline,
        appeal_deadline=appeal,
        negotiation_ends=negotiation,
        refund_expected_from=refund_from,
        refund_expected_by=refund_by,
    )


def decide(case: Case, today: dt.date) -> tuple[Decision, PlanDates]:
    """Run the groups of the decision tree in the guide's order; the first that applies decides."""
    facts = Facts(case=case, today=today, dates=protection_dates(case, today))
    dispute = case.dispute
    # A dispute exists only once the order shipped, so the dispute groups come first: a
    # case that gives a dispute but no shipping date is advised on its dispute.
    if dispute is not None and dispute.status is DisputeStatus.closed:
        decision = dispute_closed(facts)
    elif dispute is not None and dispute.status is DisputeStatus.open:
        decision = dispute_open(facts)
    elif case.order.shipped_on is None:
        decision = not_shipped(facts)
    elif not case.order.received:
        # A cancelled dispute counts as none: a new one may be opened while protection lasts.
        decision = shipped_not_received(facts)
    else:
        decision = received(facts)
    return decision, facts.dates


def full_refund(facts: Facts) -> dict:
    return {"refund": "full", "refund_amount": facts.order.total_paid}


def partial_refund(amount: Decimal | None) -> dict:
    return {"refund": "partial", "refund_amount": amount}


def not_shipped(facts: Facts) -> Decision:
    """Guide: "When the order has not been shipped yet" and "When payment of the order has been confirmed"."""
    if not facts.order.payment_confirmed:
        return Decision(
            "not_shipped.payment_pending", "cancel_order", (guide.NOT_SHIPPED,), **full_refund(facts)
        )
    return Decision(
        "not_shipped.payment_confirmed",
        "request_cancellation",
        (guide.NOT_SHIPPED, guide.PAYMENT_CONFIRMED),
        **full_refund(facts),
    )


def dispute_closed(facts: Facts) -> Decision:
    """Guide: "Appealing a dispute", "Refund processing", "AliExpress is not refunding me"."""
    dispute = facts.case.dispute
    appeal_deadline = facts.dates.appeal_deadline
    if not dispute.satisfied:
        if appeal_deadline is None or facts.today <= appeal_deadline:
            return Decision(
                "dispute_closed.appeal", "appeal", (guide.APPEAL, guide.REOPEN), deadline="appeal_deadline"
            )
        return Decision("dispute_closed.too_late_to_appeal", "contact_support", (guide.APPEAL, guide.SUPPORT))
    if dispute.refund_processed_on is not None and not dispute.refund_received:
        if facts.today > facts.dates.refund_expected_by:
            return Decision(
                "dispute_closed.refund_overdue",
                "check_with_bank",
                (guide.NOT_REFUNDING, guide.REFUND_STATUS),
                deadline="refund_expected_by",
            )
        return Decision(
            "dispute_closed.refund_on_its_way",
            "wait",
            (guide.REFUND_TIME, guide.REFUND_STATUS),
            deadline="refund_expected_by",
        )
    if not dispute.refund_received:
        return Decision("dispute_closed.refund_not_processed", "wait", (guide.REFUND_TIME, guide.REFUND_STATUS))
    return Decision("dispute_closed.settled", "nothing_to_do", (guide.INCOMPLETE_REFUND,))


def seller_beats_aliexpress(seller: Offer, aliexpress: Offer) -> bool:
    """The seller's offer is strictly better: more money, or the same money without a return."""
    if seller.refund_amount != aliexpress.refund_amount:
        return seller.refund_amount > aliexpress.refund_amount
    return aliexpress.return_required and not seller.return_required


def accept(rule: str, action: str, offer: Offer, facts: Facts, sources: tuple[str, ...]) -> Decision:
    """Accepting an offer gives that offer's own amount and return (never more than was paid)."""
    amount = min(offer.refund_amount, facts.order.total_paid)
    if amount >= facts.order.total_paid and amount > 0:
        kind = "full"
    elif amount > 0:
        kind = "partial"
    else:
        kind = "none"
    return Decision(
        rule,
        action,
        sources,
        refund=kind,
        refund_amount=amount if kind != "none" else None,
        return_item=offer.return_required,
        deadline="negotiation_ends",
    )


def dispute_open(facts: Facts) -> Decision:
    """Guide: "Phases of the dispute", "AliExpress judgement", "How to cancel a dispute", "How to accept..."."""
    case, dispute = facts.case, facts.case.dispute
    if case.order.received and case.problem is Problem.none:
        return Decision(
            "dispute_open.item_fine", "cancel_dispute", (guide.CANCEL_DISPUTE,), deadline="dispute_deadline"
        )
    if dispute.judgement is Judgement.invalid and case.order.tracking is Tracking.in_transit:
        return Decision(
            "dispute_open.invalid_in_transit",
            "cancel_dispute",
            (guide.JUDGEMENT, guide.CANCEL_DISPUTE),
            deadline="dispute_deadline",
        )
    seller, aliexpress = dispute.seller_offer, dispute.aliexpress_offer
    if aliexpress is not None:
        if seller is not None and seller_beats_aliexpress(seller, aliexpress):
            return accept(
                "dispute_open.seller_beats_aliexpress", "accept_seller_offer", seller, facts,
                (guide.PHASES, guide.ACCEPT_PROPOSAL),
            )
        return accept(
            "dispute_open.aliexpress_offer", "accept_aliexpress_offer", aliexpress, facts,
            (guide.PHASES, guide.ACCEPT_PROPOSAL),
        )
    if seller is not None:
        asked = dispute.requested_refund if dispute.requested_refund is not None else case.order.total_paid
        if seller.refund_amount >= asked and not seller.return_required:
            return accept(
                "dispute_open.seller_gives_what_was_asked", "accept_seller_offer", seller, facts,
                (guide.PHASES, guide.ACCEPT_PROPOSAL),
            )
        return Decision(
            "dispute_open.seller_offer_too_low", "wait", (guide.PHASES, guide.TRICKS), deadline="negotiation_ends"
        )
    return Decision(
        "dispute_open.no_offer_yet", "wait", (guide.PHASES, guide.TRICKS), deadline="negotiation_ends"
    )


def shipped_not_received(facts: Facts) -> Decision:
    """Guide: "When you have not received the order", "The order didn't arrive", "Order delivered but not received"."""
    order = facts.order
    dispute_full = {"deadline": "dispute_deadline", **full_refund(facts)}
    if facts.too_early_to_dispute:
        return Decision(
            "not_received.too_early", "wait", (guide.CANNOT_OPEN, guide.NOT_RECEIVED), deadline="earliest_dispute"
        )
    if facts.protection_over:
        return Decision("not_received.protection_over", "contact_support", (guide.CANNOT_OPEN, guide.SUPPORT))
    if order.tracking is Tracking.delivered:
        if facts.seller_had_two_days:
            return Decision(
                "not_received.delivered_seller_silent", "open_dispute",
                (guide.DELIVERED_NOT_RECEIVED, guide.HOW_TO_OPEN), **dispute_full,
            )
        return Decision(
            "not_received.delivered_ask_seller", "contact_seller",
            (guide.DELIVERED_NOT_RECEIVED,), deadline="dispute_deadline",
        )
    if order.tracking is Tracking.returned_to_seller:
        return Decision(
            "not_received.returned_to_seller", "open_dispute",
            (guide.DID_NOT_ARRIVE, guide.JUDGEMENT, guide.HOW_TO_OPEN), **dispute_full,
        )
    if order.estimated_delivery is not None and facts.today < order.estimated_delivery:
        if facts.protection_running_out:
            return Decision(
                "not_received.early_but_protection_running_out", "open_dispute",
                (guide.DID_NOT_ARRIVE, guide.JUDGEMENT), **dispute_full,
            )
        return Decision(
            "not_received.before_estimated_delivery", "wait", (guide.NOT_RECEIVED,), deadline="dispute_deadline"
        )
    if order.tracking is Tracking.in_transit:
        if facts.protection_running_out:
            return Decision(
                "not_received.in_transit_protection_running_out", "open_dispute",
                (guide.JUDGEMENT, guide.DID_NOT_ARRIVE), **dispute_full,
            )
        return Decision(
            "not_received.in_transit", "contact_seller",
            (guide.CANNOT_OPEN, guide.NOT_RECEIVED), deadline="dispute_deadline",
        )
    if facts.seller_had_two_days:
        return Decision(
            "not_received.seller_silent", "open_dispute",
            (guide.NOT_RECEIVED, guide.DID_NOT_ARRIVE, guide.HOW_TO_OPEN), **dispute_full,
        )
    return Decision(
        "not_received.ask_seller", "contact_seller", (guide.NOT_RECEIVED,), deadline="dispute_deadline"
    )


def received(facts: Facts) -> Decision:
    """Guide: "When can you open a dispute" (each problem), "Opening dispute after 15 days", "How returns work"."""
    case, order = facts.case, facts.order
    problem = case.problem
    if problem is Problem.none:
        return nothing_wrong(facts, "received.all_fine")
    if facts.too_early_to_dispute:
        return Decision(
            "received.too_early", "wait", (guide.CANNOT_OPEN,), deadline="earliest_dispute"
        )
    if facts.protection_over:
        return Decision(
            "received.protection_over", "contact_support", (guide.AFTER_RECEIPT, guide.CANNOT_OPEN, guide.SUPPORT)
        )
    dispute = {"deadline": "dispute_deadline"}
    if problem is Problem.not_as_described:
        return Decision(
            "received.not_as_described", "open_dispute",
            (guide.FAULTY, guide.NOT_MATCHING, guide.TRICKS), **full_refund(facts), **dispute,
        )
    if problem is Problem.fake:
        return Decision(
            "received.fake", "open_dispute", (guide.FAKE, guide.TRICKS), **full_refund(facts), **dispute
        )
    if problem is Problem.wrong_item:
        return Decision(
            "received.wrong_item", "open_dispute", (guide.WRONG_ITEM, guide.HOW_TO_OPEN),
            **full_refund(facts), **dispute,
        )
    if problem is Problem.slightly_imperfect:
        return Decision(
            "received.slightly_imperfect", "open_dispute", (guide.SLIGHTLY_IMPERFECT, guide.TRICKS),
            **partial_refund(None), **dispute,
        )
    if problem is Problem.incomplete:
        return Decision(
            "received.incomplete", "open_dispute", (guide.INCOMPLETE, guide.HOW_TO_OPEN),
            **partial_refund(case.missing_items_value), **dispute,
        )
    if problem is Problem.wrong_shipping_method:
        if order.shipping_paid > 0 and case.arrived_late:
            return Decision(
                "received.wrong_shipping_paid_and_late", "open_dispute", (guide.SHIPPING_METHOD,),
                **partial_refund(order.shipping_paid), **dispute,
            )
        return nothing_wrong(facts, "received.wrong_shipping_no_claim", (guide.SHIPPING_METHOD,))
    return Decision(
        "received.changed_mind", "open_dispute", (guide.RETURNS, guide.HOW_TO_OPEN),
        **full_refund(facts), return_item=True, **dispute,
    )


def nothing_wrong(facts: Facts, rule: str, sources: tuple[str, ...] = ()) -> Decision:
    """A received order with nothing to claim: confirm receipt, or nothing left to do."""
    if facts.order.receipt_confirmed_on is None:
        return Decision(
            f"{rule}.confirm", "confirm_receipt", sources + (guide.AFTER_RECEIPT,), deadline="dispute_deadline"
        )
    return Decision(f"{rule}.confirmed", "nothing_to_do", sources + (guide.AFTER_RECEIPT,))
