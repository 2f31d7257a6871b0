"""The guide's rules: which line of the rules table a case falls on, and what money it asks for.

Each line is a `Rule`; `LINES` gives every line its action, the date it points to and the
guide sections it rests on, and core.wording.table.WORDS gives it its words. The decision functions
below follow the guide's decision tree: inside a group the first line that matches wins,
in the order written. Where we depart from the guide (README, "Where we depart from the
guide"), the constant or the line says why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from core import guide
from core.dates import add_days, add_working_days, add_years
from core.facts import (
    AFTER_RECEIPT,
    ALIEXPRESS_STEPS_IN,
    APPEAL_WINDOW,
    ASK_EXTENSION,
    CHARGEBACK_LONGEST,
    CHARGEBACK_NOT_AS_DESCRIBED,
    CHARGEBACK_NOT_RECEIVED,
    DISPUTE_OPENS,
    EU_GUARANTEE,
    EU_MEMBERS,
    EU_WITHDRAWAL,
    EXTEND_PAST_DELIVERY,
    EXTENSION_ASKED,
    LATE_CLAIM,
    PAYPAL_DISPUTE,
    REFUND_OTHER,
    REFUND_TO_CARD,
    RETURN_SHIP_WITHIN,
    RUNNING_OUT,
    SELLER_DISPUTE_ANSWER,
    SELLER_REPLY,
    USUAL_PROTECTION,
    Fact,
)
from core.models import (
    PROTECTION_DAYS_USUAL,
    Action,
    Case,
    DisputeStatus,
    Judgement,
    Offer,
    Payment,
    PaymentProblem,
    PlanDates,
    Problem,
    RefundKind,
    ReturnStatus,
    Rule,
    Tracking,
)


@dataclass(frozen=True)
class Line:
    """What one line of the rules table does: its action, the date that matters, its guide sections."""

    action: Action
    sources: tuple[str, ...]
    deadline: str | None = None
    """The name of the `PlanDates` field that matters most now, if any."""
    fallback: str | None = None
    """The field that matters instead when the plan holds no date for `deadline` (one the buyer may not know)."""


LINES: Mapping[Rule, Line] = MappingProxyType(
    {
        Rule.payment_pending: Line("cancel_order", (guide.NOT_SHIPPED,)),
        Rule.payment_confirmed: Line("request_cancellation", (guide.NOT_SHIPPED, guide.PAYMENT_CONFIRMED)),
        Rule.cancellation_refused: Line("wait", (guide.PAYMENT_CONFIRMED, guide.RETURNS)),
        Rule.seller_asked_to_cancel: Line("cancel_order", (guide.NOT_SHIPPED, guide.PAYMENT_CONFIRMED)),
        Rule.waiting_to_ship: Line("wait", (guide.NOT_SHIPPED,)),
        Rule.appeal: Line("appeal", (guide.APPEAL, guide.REOPEN), "appeal_deadline"),
        Rule.appeal_accepted: Line("appeal", (guide.REOPEN, guide.APPEAL), "appeal_deadline"),
        Rule.too_late_to_appeal: Line("contact_support", (guide.APPEAL, guide.SUPPORT)),
        Rule.refund_overdue: Line("check_with_bank", (guide.NOT_REFUNDING, guide.REFUND_STATUS), "refund_expected_by"),
        Rule.refund_overdue_not_card: Line(
            "contact_support", (guide.NOT_REFUNDING, guide.REFUND_STATUS), "refund_expected_by"
        ),
        Rule.refund_on_its_way: Line("wait", (guide.REFUND_TIME, guide.REFUND_STATUS), "refund_expected_by"),
        Rule.refund_not_processed: Line("wait", (guide.REFUND_TIME, guide.REFUND_STATUS)),
        Rule.settled: Line("nothing_to_do", (guide.INCOMPLETE_REFUND,)),
        Rule.confirmed_not_received: Line(
            "open_dispute", (guide.AFTER_RECEIPT, guide.DID_NOT_ARRIVE), "dispute_deadline"
        ),
        Rule.confirmed_not_received_too_late: Line("contact_support", (guide.AFTER_RECEIPT, guide.SUPPORT)),
        Rule.arrived_after_refund: Line("contact_support", (guide.SUPPORT,)),
        Rule.item_fine_cancel_dispute: Line("cancel_dispute", (guide.CANCEL_DISPUTE,), "dispute_deadline"),
        Rule.invalid_in_transit: Line("cancel_dispute", (guide.JUDGEMENT, guide.CANCEL_DISPUTE), "dispute_deadline"),
        Rule.invalid_in_transit_keep_open: Line(
            "contact_support", (guide.JUDGEMENT, guide.REOPEN, guide.SUPPORT), "protection_ends"
        ),
        Rule.seller_beats_aliexpress: Line(
            "accept_seller_offer", (guide.PHASES, guide.ACCEPT_PROPOSAL), "negotiation_ends"
        ),
        Rule.aliexpress_offer: Line(
            "accept_aliexpress_offer", (guide.PHASES, guide.ACCEPT_PROPOSAL), "negotiation_ends"
        ),
        Rule.aliexpress_offer_low: Line("wait", (guide.PHASES, guide.JUDGEMENT, guide.APPEAL), "negotiation_ends"),
        Rule.proof_requested: Line("add_proof", (guide.PHASES, guide.EDIT_DISPUTE, guide.TRICKS), "proof_due"),
        Rule.seller_gives_what_was_asked: Line(
            "accept_seller_offer", (guide.PHASES, guide.ACCEPT_PROPOSAL), "negotiation_ends"
        ),
        Rule.seller_offer_too_low: Line("wait", (guide.PHASES, guide.TRICKS), "negotiation_ends"),
        Rule.seller_offer_free_return: Line(
            "accept_seller_offer", (guide.PHASES, guide.ACCEPT_PROPOSAL, guide.RETURNS), "negotiation_ends"
        ),
        Rule.no_offer_yet: Line("wait", (guide.PHASES, guide.TRICKS), "seller_must_answer_by"),
        Rule.seller_did_not_answer: Line("wait", (guide.PHASES, guide.SUPPORT), "aliexpress_steps_in_by"),
        Rule.seller_rejected: Line("wait", (guide.PHASES, guide.TRICKS, guide.SUPPORT), "aliexpress_steps_in_by"),
        Rule.before_estimated_delivery: Line("wait", (guide.NOT_RECEIVED,), "estimated_delivery"),
        Rule.due_after_protection: Line("wait", (guide.NOT_RECEIVED, guide.PROTECTION), "running_out_from"),
        Rule.early_but_running_out: Line("open_dispute", (guide.DID_NOT_ARRIVE, guide.JUDGEMENT), "dispute_deadline"),
        Rule.too_early_not_received: Line("wait", (guide.CANNOT_OPEN, guide.NOT_RECEIVED), "earliest_dispute"),
        Rule.dispute_blocked: Line("contact_support", (guide.CANNOT_OPEN, guide.SUPPORT), "dispute_deadline"),
        Rule.late_claim: Line("open_dispute", (guide.NOT_RECEIVED, guide.SUPPORT), "late_claim_deadline"),
        Rule.not_received_too_late: Line("contact_support", (guide.NOT_RECEIVED, guide.SUPPORT)),
        Rule.delivered_running_out: Line(
            "open_dispute", (guide.DELIVERED_NOT_RECEIVED, guide.HOW_TO_OPEN), "dispute_deadline"
        ),
        Rule.delivered_seller_silent: Line(
            "open_dispute", (guide.DELIVERED_NOT_RECEIVED, guide.HOW_TO_OPEN), "dispute_deadline"
        ),
        Rule.delivered_ask_seller: Line("contact_seller", (guide.DELIVERED_NOT_RECEIVED,), "seller_answer_due"),
        Rule.returned_to_seller: Line(
            "open_dispute", (guide.DID_NOT_ARRIVE, guide.JUDGEMENT, guide.HOW_TO_OPEN), "dispute_deadline"
        ),
        Rule.returned_running_out: Line(
            "open_dispute", (guide.DID_NOT_ARRIVE, guide.JUDGEMENT, guide.HOW_TO_OPEN), "dispute_deadline"
        ),
        Rule.returned_customs_refused: Line(
            "contact_support", (guide.DID_NOT_ARRIVE, guide.SUPPORT, guide.HOW_TO_OPEN), "dispute_deadline"
        ),
        Rule.returned_not_collected: Line(
            "contact_seller", (guide.DID_NOT_ARRIVE, guide.HOW_TO_OPEN), "dispute_deadline"
        ),
        Rule.held_at_customs: Line(
            "wait", (guide.NOT_RECEIVED, guide.PROTECTION), "customs_pay_by", fallback="running_out_from"
        ),
        Rule.seized_by_customs: Line("open_dispute", (guide.DID_NOT_ARRIVE, guide.HOW_TO_OPEN), "dispute_deadline"),
        Rule.held_at_customs_running_out: Line(
            "open_dispute", (guide.NOT_RECEIVED, guide.JUDGEMENT, guide.HOW_TO_OPEN), "dispute_deadline"
        ),
        Rule.after_cancelled_dispute: Line(
            "open_dispute", (guide.REOPEN, guide.DID_NOT_ARRIVE, guide.HOW_TO_OPEN), "dispute_deadline"
        ),
        Rule.in_transit_running_out: Line("open_dispute", (guide.JUDGEMENT, guide.DID_NOT_ARRIVE), "dispute_deadline"),
        Rule.in_transit: Line("contact_seller", (guide.CANNOT_OPEN, guide.NOT_RECEIVED), "running_out_from"),
        Rule.no_news_running_out: Line("open_dispute", (guide.NOT_RECEIVED, guide.DID_NOT_ARRIVE), "dispute_deadline"),
        Rule.seller_silent: Line(
            "open_dispute", (guide.NOT_RECEIVED, guide.DID_NOT_ARRIVE, guide.HOW_TO_OPEN), "dispute_deadline"
        ),
        Rule.ask_seller: Line("contact_seller", (guide.NOT_RECEIVED,), "seller_answer_due"),
        Rule.all_fine_confirm: Line("confirm_receipt", (guide.AFTER_RECEIPT,), "deadline_after_confirming"),
        Rule.all_fine_confirmed: Line("nothing_to_do", (guide.AFTER_RECEIPT,)),
        Rule.all_fine_completed: Line("nothing_to_do", (guide.NOT_RECEIVED, guide.PROTECTION)),
        Rule.too_early_received: Line("wait", (guide.CANNOT_OPEN,), "earliest_dispute"),
        Rule.received_too_late: Line("contact_support", (guide.AFTER_RECEIPT, guide.CANNOT_OPEN, guide.SUPPORT)),
        Rule.not_as_described: Line(
            "open_dispute", (guide.FAULTY, guide.NOT_MATCHING, guide.TRICKS), "dispute_deadline"
        ),
        Rule.fake: Line("open_dispute", (guide.FAKE, guide.TRICKS), "dispute_deadline"),
        Rule.wrong_item: Line("open_dispute", (guide.WRONG_ITEM, guide.HOW_TO_OPEN), "dispute_deadline"),
        Rule.slightly_imperfect: Line("open_dispute", (guide.SLIGHTLY_IMPERFECT, guide.TRICKS), "dispute_deadline"),
        Rule.incomplete: Line("open_dispute", (guide.INCOMPLETE, guide.HOW_TO_OPEN), "dispute_deadline"),
        Rule.wrong_shipping_paid_and_late: Line("open_dispute", (guide.SHIPPING_METHOD,), "dispute_deadline"),
        Rule.wrong_shipping_confirm: Line(
            "confirm_receipt", (guide.SHIPPING_METHOD, guide.AFTER_RECEIPT), "deadline_after_confirming"
        ),
        Rule.wrong_shipping_confirmed: Line("nothing_to_do", (guide.SHIPPING_METHOD, guide.AFTER_RECEIPT)),
        # In the EU the 14 days to withdraw may end first: they are the deadline while they last.
        Rule.changed_mind: Line(
            "open_dispute", (guide.RETURNS, guide.HOW_TO_OPEN), "withdrawal_by", fallback="dispute_deadline"
        ),
        # No action says "send the item back"; the steps say it, and the message to the seller gives the tracking.
        Rule.return_not_sent: Line("contact_seller", (guide.RETURNS, guide.PHASES), "return_ship_by"),
        Rule.return_ship_by_passed: Line("contact_support", (guide.RETURNS, guide.SUPPORT)),
        Rule.return_no_label: Line("contact_seller", (guide.RETURNS, guide.SUPPORT), "return_ship_by"),
        Rule.return_label_refused: Line("contact_support", (guide.RETURNS, guide.SUPPORT), "return_ship_by"),
        Rule.return_sent: Line("wait", (guide.PHASES, guide.REFUND_TIME)),
        Rule.return_lost: Line("contact_support", (guide.PHASES, guide.SUPPORT)),
        Rule.return_delivered: Line("contact_support", (guide.PHASES, guide.NOT_REFUNDING, guide.SUPPORT)),
        Rule.cancelled_refund_on_its_way: Line(
            "wait", (guide.NOT_SHIPPED, guide.REFUND_TIME, guide.REFUND_STATUS), "refund_expected_by"
        ),
        Rule.cancelled_refund_overdue: Line(
            "check_with_bank", (guide.NOT_REFUNDING, guide.REFUND_STATUS), "refund_expected_by"
        ),
        Rule.cancelled_refund_overdue_not_card: Line(
            "contact_support", (guide.NOT_REFUNDING, guide.REFUND_STATUS, guide.SUPPORT), "refund_expected_by"
        ),
        Rule.waiting_for_pickup: Line("collect_parcel", (guide.NOT_RECEIVED, guide.PROTECTION), "running_out_from"),
        Rule.waiting_for_pickup_running_out: Line(
            "open_dispute", (guide.NOT_RECEIVED, guide.PROTECTION, guide.HOW_TO_OPEN), "dispute_deadline"
        ),
        Rule.customs_documents: Line(
            "contact_seller", (guide.NOT_RECEIVED, guide.PROTECTION), "customs_pay_by", fallback="running_out_from"
        ),
        Rule.delivered_elsewhere: Line(
            "open_dispute", (guide.DELIVERED_NOT_RECEIVED, guide.HOW_TO_OPEN), "dispute_deadline"
        ),
        Rule.arrived_since: Line("add_proof", (guide.EDIT_DISPUTE, guide.FAULTY, guide.PHASES)),
        Rule.refund_as_bonus: Line("contact_support", (guide.REFUND_STATUS, guide.SUPPORT)),
        Rule.extra_charge: Line("contact_support", (guide.REFUND_TIME, guide.REFUND_STATUS), "refund_expected_by"),
        Rule.extra_charge_overdue: Line(
            "check_with_bank", (guide.NOT_REFUNDING, guide.REFUND_STATUS), "refund_expected_by"
        ),
        # The guide's "How to open a dispute": a seller's "I'll pay you by PayPal" deserves no attention.
        Rule.paid_outside: Line("check_with_bank", (guide.HOW_TO_OPEN, guide.SUPPORT), "chargeback_by"),
        Rule.paid_outside_paypal: Line("open_paypal_dispute", (guide.HOW_TO_OPEN, guide.SUPPORT), "paypal_dispute_by"),
    }
)

NOT_SHIPPED_RULES = frozenset(
    (
        Rule.payment_pending,
        Rule.payment_confirmed,
        Rule.cancellation_refused,
        Rule.seller_asked_to_cancel,
        Rule.waiting_to_ship,
    )
)
"""Lines for an order that has not shipped: with nothing wrong, such an order is just waiting."""
WAYS_OUT_RULES = frozenset((Rule.too_late_to_appeal, Rule.not_received_too_late, Rule.received_too_late))
"""Lines where AliExpress's own routes are exhausted: the plan adds the ways out that still exist outside it."""
BACKUP_RULES = frozenset(
    (
        Rule.appeal,
        Rule.return_delivered,
        Rule.aliexpress_offer_low,
        Rule.late_claim,
        Rule.confirmed_not_received_too_late,
    )
)
"""Lines where AliExpress's last route is still open but slow: the plan names the ways out whose clock keeps running."""
MISSED_RULES = frozenset(
    (
        Rule.too_late_to_appeal,
        Rule.not_received_too_late,
        Rule.received_too_late,
        Rule.late_claim,
        Rule.return_ship_by_passed,
    )
)
"""Lines reached because a window was missed: the buyer has to act today."""


@dataclass(frozen=True)
class Decision:
    """What a rule decided: its line of the table, and the money it asks for or accepts."""

    rule: Rule
    refund: RefundKind = "none"
    refund_amount: Decimal | None = None
    return_item: bool = False

    @property
    def line(self) -> Line:
        return LINES[self.rule]

    @property
    def action(self) -> Action:
        return self.line.action

    @property
    def sources(self) -> tuple[str, ...]:
        return self.line.sources


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
        return left is not None and 0 <= left <= RUNNING_OUT.value

    @property
    def enough_time_to_reopen(self) -> bool:
        """A cancelled dispute can only be opened again while protection lasts, with room to spare."""
        left = self.days_to_deadline
        return left is not None and left > RUNNING_OUT.value

    @property
    def late_claim_open(self) -> bool:
        late = self.dates.late_claim_deadline
        return late is not None and self.today <= late

    @property
    def seller_had_two_days(self) -> bool:
        contacted = self.case.seller_contacted_on
        return contacted is not None and (self.today - contacted).days >= SELLER_REPLY.value


def protection_dates(case: Case, today: dt.date) -> PlanDates:
    """Every window of the order, from the day counts in core.facts, and the days the advice changes on."""
    order, dispute = case.order, case.dispute
    earliest = protection_ends = deadline = None
    if order.shipped_on is not None:
        earliest = add_days(order.shipped_on, DISPUTE_OPENS.value)
        protection_ends = order.protection_ends_on or add_days(order.shipped_on, order.protection_days)
        deadline = protection_ends
    if order.receipt_confirmed_on is not None:
        deadline = add_days(order.receipt_confirmed_on, AFTER_RECEIPT.value)
    closed = dispute is not None and dispute.status is DisputeStatus.closed
    # A receipt confirmed for a parcel not in hand leaves only its 15 days: no seller's time, no extension.
    waiting_for_parcel = not order.received and not closed and order.receipt_confirmed_on is None
    seller_due = running_out = late_claim = after_confirming = ask_extension = extension = None
    if waiting_for_parcel and order.shipped_on is not None:
        # Counted from today when the seller has not been written to yet: the plan says to write today.
        seller_due = add_days(case.seller_contacted_on or today, SELLER_REPLY.value)
    if waiting_for_parcel and deadline is not None:
        running_out = add_days(deadline, -RUNNING_OUT.value)
        late_claim = add_days(deadline, LATE_CLAIM.value)
    if waiting_for_parcel and deadline is not None and today <= deadline:
        # Only the seller can extend protection, and only while it lasts.
        ask_extension = add_days(deadline, -(ASK_EXTENSION.upto or ASK_EXTENSION.value))
        extension = extension_until(order.estimated_delivery, protection_ends or deadline)
    no_dispute = dispute is None or dispute.status is DisputeStatus.cancelled
    # An item on its way back is no longer one to confirm.
    if order.received and order.receipt_confirmed_on is None and no_dispute and case.item_return is None:
        after_confirming = add_days(today, AFTER_RECEIPT.value)
    appeal = negotiation = refund_from = refund_by = seller_answer = steps_in = ship_by = None
    if case.cancelled_on is not None and order.shipped_on is None and not case.refund_as_bonus:
        # A cancelled order's refund is on its way from the day it was cancelled (unless it came back as Bonus).
        refund_from, refund_by = refund_days(case, case.cancelled_on)
    if case.payment_problem in EXTRA_CHARGES and case.charged_on is not None:
        # Money taken twice, or with no order, usually comes back like a refund, counted from the charge.
        refund_from, refund_by = refund_days(case, case.charged_on)
    if case.item_return is not None and case.item_return.status in NOT_YET_SENT:
        # Once the item is on its way back, the day to send it is behind the buyer.
        ship_by = return_ship_by_agreed(case)
    if dispute is not None:
        negotiation = dispute.negotiation_ends_on
        if closed and dispute.closed_on is not None:
            appeal = add_days(dispute.closed_on, APPEAL_WINDOW.value)
        if dispute.refund_processed_on is not None:
            refund_from, refund_by = refund_days(case, dispute.refund_processed_on)
        if dispute.status is DisputeStatus.open and dispute.opened_on is not None:
            seller_answer = add_days(dispute.opened_on, SELLER_DISPUTE_ANSWER.value)
            steps_in = add_days(dispute.opened_on, ALIEXPRESS_STEPS_IN.value)
    # Only a parcel still held at customs has a charge to pay by a day.
    held = waiting_for_parcel and order.tracking in CUSTOMS_HOLDS
    customs_pay_by = order.customs_pay_by if held else None
    proof_due = dispute.proof_due_on if dispute is not None and dispute.status is DisputeStatus.open else None
    withdrawal = withdrawal_by(case, today)
    return PlanDates(
        earliest_dispute=earliest,
        estimated_delivery=order.estimated_delivery if waiting_for_parcel else None,
        seller_answer_due=seller_due,
        running_out_from=running_out,
        protection_ends=protection_ends,
        dispute_deadline=deadline,
        deadline_after_confirming=after_confirming,
        late_claim_deadline=late_claim,
        appeal_deadline=appeal,
        negotiation_ends=negotiation,
        refund_expected_from=refund_from,
        refund_expected_by=refund_by,
        seller_must_answer_by=seller_answer,
        aliexpress_steps_in_by=steps_in,
        ask_extension_by=ask_extension,
        extension_until=extension,
        return_ship_by=ship_by,
        customs_pay_by=customs_pay_by,
        proof_due=proof_due,
        withdrawal_by=withdrawal,
    )


def withdrawal_by(case: Case, today: dt.date) -> dt.date | None:
    """In the EU, the last day to withdraw from the purchase: 14 days after the item arrived, while still ahead."""
    arrived = case.order.delivered_on
    if not is_eu(case) or not case.order.received or arrived is None:
        return None
    last = add_days(arrived, EU_WITHDRAWAL.value)
    return last if today <= last else None


def own_deadline(rule: Rule, dates: PlanDates) -> str | None:
    """The `PlanDates` field a rule's plan is counted towards: its deadline, or its fallback when that date is unknown."""
    line = LINES[rule]
    if line.deadline is not None and getattr(dates, line.deadline) is None and line.fallback is not None:
        return line.fallback
    return line.deadline


def refund_days(case: Case, start: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last working days a refund started on `start` usually arrives, by the payment method."""
    window = refund_window(case.paid_with)
    return (
        add_working_days(start, window.value, case.country),
        add_working_days(start, window.upto or window.value, case.country),
    )


CUSTOMS_HOLDS = frozenset((Tracking.held_at_customs, Tracking.customs_documents))
"""Held at customs until the buyer acts (pays, or sends what customs asks for) by the notice's last day."""
EXTRA_CHARGES = frozenset((PaymentProblem.charged_twice, PaymentProblem.no_order))
"""Payment problems where AliExpress holds money it shouldn't: it comes back the way a refund does."""
OUTSIDE_RULES = frozenset((Rule.paid_outside, Rule.paid_outside_paypal))
"""Lines for money paid outside AliExpress: only PayPal's or the card's own routes can bring it back."""

NOT_YET_SENT = frozenset((ReturnStatus.not_sent, ReturnStatus.no_label, ReturnStatus.label_refused))
"""Return statuses where the day to send the item back is still ahead of the buyer (or just behind)."""


def return_ship_by_agreed(case: Case) -> dt.date | None:
    """A return already agreed: the date on the request when it shows one, else the agreement + 10 days."""
    item_return = case.item_return
    if item_return is None:
        return None
    if item_return.ship_by is not None:
        return item_return.ship_by
    if item_return.agreed_on is not None:
        return add_days(item_return.agreed_on, RETURN_SHIP_WITHIN.value)
    return None


def date_facts(case: Case, dates: PlanDates) -> list[Fact]:
    """The facts behind each date the plan holds, so "Why this advice" names every figure they rest on."""
    order = case.order
    used: list[Fact] = []

    def when(field: str, *behind: Fact) -> None:
        if getattr(dates, field) is not None:
            used.extend(behind)

    when("earliest_dispute", DISPUTE_OPENS)
    if order.protection_ends_on is None and order.protection_days == USUAL_PROTECTION.value:
        when("protection_ends", USUAL_PROTECTION)
    if order.receipt_confirmed_on is not None:
        when("dispute_deadline", AFTER_RECEIPT)
    when("seller_answer_due", SELLER_REPLY)
    when("running_out_from", RUNNING_OUT)
    when("late_claim_deadline", LATE_CLAIM)
    when("ask_extension_by", ASK_EXTENSION)
    eta, ends = order.estimated_delivery, dates.protection_ends
    when("extension_until", EXTEND_PAST_DELIVERY if eta and ends and eta >= ends else EXTENSION_ASKED)
    when("deadline_after_confirming", AFTER_RECEIPT)
    when("appeal_deadline", APPEAL_WINDOW)
    when("refund_expected_by", refund_window(case.paid_with))
    when("seller_must_answer_by", SELLER_DISPUTE_ANSWER)
    when("aliexpress_steps_in_by", ALIEXPRESS_STEPS_IN)
    if case.item_return is None or case.item_return.ship_by is None:
        when("return_ship_by", RETURN_SHIP_WITHIN)
    when("paypal_dispute_by", PAYPAL_DISPUTE)
    when(
        "chargeback_by", CHARGEBACK_NOT_AS_DESCRIBED if order.received else CHARGEBACK_NOT_RECEIVED, CHARGEBACK_LONGEST
    )
    when("eu_guarantee_until", EU_GUARANTEE)
    when("withdrawal_by", EU_WITHDRAWAL)
    return used


def protection_assumed(case: Case, dates: PlanDates) -> bool:
    """True when the end of protection was not given but counted from the usual days after shipping."""
    order = case.order
    return (
        dates.protection_ends is not None
        and order.protection_ends_on is None
        and order.protection_days == PROTECTION_DAYS_USUAL
    )


def extension_until(estimated_delivery: dt.date | None, ends: dt.date) -> dt.date:
    """The day to ask protection to be extended to: a week past an estimated delivery that is not before
    the end, or 15 days past the end."""
    if estimated_delivery is not None and estimated_delivery >= ends:
        return add_days(estimated_delivery, EXTEND_PAST_DELIVERY.value)
    return add_days(ends, EXTENSION_ASKED.value)


def refund_window(paid_with: Payment | None) -> Fact:
    """How long a processed refund takes to arrive: a card (or a method not given) the guide's 3 to 20
    working days; PayPal, AliExpress Bonus or balance and other methods about 1 to 10."""
    return REFUND_TO_CARD if paid_with in (None, Payment.card) else REFUND_OTHER


def is_eu(case: Case) -> bool:
    return case.country in EU_MEMBERS


FAULTS = frozenset(
    (Problem.not_as_described, Problem.slightly_imperfect, Problem.incomplete, Problem.fake, Problem.wrong_item)
)
"""Problems that make an item not what was sold: a card chargeback and the EU's legal guarantee cover them."""


def problem_unknown(case: Case) -> bool:
    """A closed dispute the wizard asked nothing about: what went wrong, and whether it came, are not known."""
    return case.dispute is not None and case.problem is Problem.none


def card_route(case: Case) -> bool:
    """A chargeback is worth asking for: paid by card (or not said), for a parcel never received or a fault
    (or a dispute whose problem we don't know)."""
    covered = problem_unknown(case) or not case.order.received or case.problem in FAULTS
    return covered and case.paid_with in (None, Payment.card)


def guarantee_route(case: Case) -> bool:
    """The EU's legal guarantee: a buyer in the EU with a received item that is not what was sold."""
    return is_eu(case) and case.order.received and case.problem in FAULTS


def ways_out_dates(case: Case) -> dict[str, dt.date | None]:
    """The last days of the routes outside AliExpress, from the case's own dates (None where unknown).

    PayPal counts from the payment; a card chargeback from the last expected delivery for a parcel
    never received, and from receipt for a received item, never past the longest limit; the
    EU's legal guarantee from receipt. Receipt is the day it was confirmed, the only receipt date we know.
    """
    order = case.order
    paid, received_on = order.placed_on, order.receipt_confirmed_on
    paypal = chargeback = guarantee = None
    if case.paid_with is Payment.paypal and paid is not None:
        paypal = add_days(paid, PAYPAL_DISPUTE.value)
    if card_route(case) and not problem_unknown(case):
        # Without an expected delivery the start is unknown: counting from the payment would close it too soon.
        start = received_on if order.received else order.estimated_delivery
        rule = CHARGEBACK_NOT_AS_DESCRIBED if order.received else CHARGEBACK_NOT_RECEIVED
        if start is not None:
            chargeback = add_days(start, rule.value)
            if paid is not None:
                chargeback = min(chargeback, add_days(paid, CHARGEBACK_LONGEST.value))
    if guarantee_route(case) and received_on is not None:
        guarantee = add_years(received_on, EU_GUARANTEE.value)
    return {"paypal_dispute_by": paypal, "chargeback_by": chargeback, "eu_guarantee_until": guarantee}


def outside_payment_dates(case: Case) -> dict[str, dt.date | None]:
    """Money paid outside AliExpress: PayPal's days and the card's count from the payment (nothing was due to be
    delivered by a day AliExpress knows, so the card's rule counts from the payment). None where unknown."""
    paid, paypal, chargeback = case.charged_on, None, None
    if paid is not None and case.paid_with in (None, Payment.paypal):
        paypal = add_days(paid, PAYPAL_DISPUTE.value)
    if paid is not None and case.paid_with in (None, Payment.card):
        chargeback = add_days(paid, CHARGEBACK_NOT_RECEIVED.value)
    return {"paypal_dispute_by": paypal, "chargeback_by": chargeback}


def backup_dates(case: Case) -> dict[str, dt.date | None]:
    """While an appeal waits for its answer, the PayPal and card clocks keep running; the EU guarantee is years long."""
    dates = ways_out_dates(case)
    return {"paypal_dispute_by": dates["paypal_dispute_by"], "chargeback_by": dates["chargeback_by"]}


def return_ship_by(decision: Decision, today: dt.date) -> dt.date | None:
    """Accepting an offer with a return today: the last day to send the item back."""
    if decision.return_item and decision.action in ("accept_seller_offer", "accept_aliexpress_offer"):
        return add_days(today, RETURN_SHIP_WITHIN.value)
    return None


def decide(case: Case, today: dt.date) -> tuple[Decision, PlanDates]:
    """Run the groups of the decision tree in the guide's order; the first that applies decides."""
    facts = Facts(case=case, today=today, dates=protection_dates(case, today))
    dispute = case.dispute
    # A return in progress and a cancelled order are where the order stands now, whatever came before.
    # A dispute exists only once the order shipped, so the dispute groups come next: a
    # case that gives a dispute but no shipping date is advised on its dispute.
    if case.payment_problem is not None:
        decision = payment_problem(facts)
    elif case.item_return is not None:
        decision = returning(facts)
    elif case.cancelled_on is not None and case.order.shipped_on is None:
        decision = cancelled(facts)
    elif dispute is not None and dispute.status is DisputeStatus.closed:
        decision = dispute_closed(facts)
    elif dispute is not None and dispute.status is DisputeStatus.open:
        decision = dispute_open(facts)
    elif not case.order.received and case.order.receipt_confirmed_on is not None:
        decision = confirmed_not_received(facts)
    elif case.order.shipped_on is None:
        decision = not_shipped(facts)
    elif not case.order.received:
        # A cancelled dispute counts as none: a new one may be opened while protection lasts.
        decision = shipped_not_received(facts)
    else:
        decision = received(facts)
    later: dict[str, dt.date | None] = {}
    if case.item_return is None:
        later["return_ship_by"] = return_ship_by(decision, today)
    if decision.rule in WAYS_OUT_RULES:
        later.update(ways_out_dates(case))
    elif decision.rule in BACKUP_RULES:
        later.update(backup_dates(case))
    elif decision.rule in OUTSIDE_RULES:
        later.update(outside_payment_dates(case))
    return decision, facts.dates.model_copy(update=later)


def full_refund(facts: Facts, rule: Rule) -> Decision:
    """All the money back; the amount only when the buyer told us what they paid."""
    paid = facts.order.total_paid
    return Decision(rule, refund="full", refund_amount=paid if paid > 0 else None)


def refund_for_affected(facts: Facts, rule: Rule) -> Decision:
    """All the money back, unless only some items of the order are affected: then what those items cost.

    A bundle or Choice order holds many items under one number; one bad item is never a full refund of all.
    """
    affected, paid = known_amount(facts.case.affected_value), facts.order.total_paid
    if affected is not None and (paid == 0 or affected < paid):
        return Decision(rule, refund="partial", refund_amount=affected)
    return full_refund(facts, rule)


def free_return_left(facts: Facts) -> bool:
    """The listing has free return and this order hasn't used its one free return yet."""
    return facts.order.free_return and not facts.order.free_return_used


def known_amount(amount: Decimal | None) -> Decimal | None:
    """An amount to ask for; 0 says nothing about what is owed, so it counts as not given."""
    return amount if amount else None


def not_shipped(facts: Facts) -> Decision:
    """Guide: "When the order has not been shipped yet" and "When payment of the order has been confirmed"."""
    if not facts.order.payment_confirmed:
        return full_refund(facts, Rule.payment_pending)
    if facts.case.seller_asked_to_cancel:
        # The seller wants out: nobody has to agree, and nothing is lost by cancelling.
        return full_refund(facts, Rule.seller_asked_to_cancel)
    if facts.case.keeps_waiting:
        # Nothing is lost by waiting: protection only starts once it ships.
        return Decision(Rule.waiting_to_ship)
    if facts.case.cancellation_refused:
        # The seller may refuse once the payment is confirmed: the order ships, and a return is what's left.
        return Decision(Rule.cancellation_refused)
    return full_refund(facts, Rule.payment_confirmed)


def returning(facts: Facts) -> Decision:
    """Beyond the guide's "How returns work": the item goes back with tracking by the day, or the money goes to the
    seller; the refund follows once the seller receives it. The refund asked for is the one agreed."""
    item_return, ship_by = facts.case.item_return, facts.dates.return_ship_by
    assert item_return is not None  # decide() sends only cases with a return here
    status = item_return.status
    if status is ReturnStatus.sent:
        return Decision(Rule.return_sent, return_item=True)
    if status is ReturnStatus.lost:
        return Decision(Rule.return_lost, return_item=True)
    if status is ReturnStatus.delivered:
        return Decision(Rule.return_delivered, return_item=True)
    if status is ReturnStatus.label_refused:
        return Decision(Rule.return_label_refused, return_item=True)
    if status is ReturnStatus.no_label:
        return Decision(Rule.return_no_label, return_item=True)
    if ship_by is not None and facts.today > ship_by:
        return Decision(Rule.return_ship_by_passed, return_item=True)
    return Decision(Rule.return_not_sent, return_item=True)


def cancelled(facts: Facts) -> Decision:
    """Guide: "When the order has not been shipped yet" (a cancelled order's payment takes a few days to come
    back) and "AliExpress is not refunding me". The window counts from the cancellation, by the payment method."""
    if facts.case.refund_as_bonus:
        return full_refund(facts, Rule.refund_as_bonus)
    expected_by = facts.dates.refund_expected_by
    if expected_by is not None and facts.today > expected_by:
        # No bank holds a refund paid back to PayPal or to AliExpress Bonus or balance.
        if facts.case.paid_with in (Payment.paypal, Payment.aliexpress):
            return full_refund(facts, Rule.cancelled_refund_overdue_not_card)
        return full_refund(facts, Rule.cancelled_refund_overdue)
    return full_refund(facts, Rule.cancelled_refund_on_its_way)


def payment_problem(facts: Facts) -> Decision:
    """Beyond the guide: money with no order of its own behind it. A second charge comes back like a refund (the
    guide's "Refund processing" days, counted from the charge); money paid outside AliExpress has only PayPal's
    or the card's own routes left, as the guide warns ("How to open a dispute")."""
    case = facts.case
    if case.payment_problem is PaymentProblem.paid_outside:
        return full_refund(facts, Rule.paid_outside_paypal if case.paid_with is Payment.paypal else Rule.paid_outside)
    expected_by = facts.dates.refund_expected_by
    if expected_by is not None and facts.today > expected_by:
        return full_refund(facts, Rule.extra_charge_overdue)
    return full_refund(facts, Rule.extra_charge)


def dispute_closed(facts: Facts) -> Decision:
    """Guide: "Appealing a dispute", "Refund processing", "AliExpress is not refunding me"."""
    dispute = facts.case.dispute
    assert dispute is not None  # decide() sends only cases with a dispute here
    appeal_deadline = facts.dates.appeal_deadline
    in_time = appeal_deadline is None or facts.today <= appeal_deadline
    if not dispute.satisfied and not dispute.accepted_offer:
        return Decision(Rule.appeal if in_time else Rule.too_late_to_appeal)
    if dispute.accepted_offer and appeal_deadline is not None and in_time:
        # The guide: an accepted proposal can't be disputed again, "What you can do is to appeal."
        return Decision(Rule.appeal_accepted)
    if facts.case.refund_as_bonus:
        return full_refund(facts, Rule.refund_as_bonus)
    if dispute.refund_processed_on is not None and not dispute.refund_received:
        expected_by = facts.dates.refund_expected_by
        if expected_by is not None and facts.today > expected_by:
            # No bank holds a refund paid back to PayPal or to AliExpress Bonus or balance.
            if facts.case.paid_with in (Payment.paypal, Payment.aliexpress):
                return Decision(Rule.refund_overdue_not_card)
            return Decision(Rule.refund_overdue)
        return Decision(Rule.refund_on_its_way)
    if not dispute.refund_received:
        return Decision(Rule.refund_not_processed)
    if facts.case.arrived_after_refund:
        return Decision(Rule.arrived_after_refund)
    return Decision(Rule.settled)


def seller_beats_aliexpress(seller: Offer, aliexpress: Offer) -> bool:
    """The seller's offer is strictly better: more money, or the same money without a return."""
    if seller.refund_amount != aliexpress.refund_amount:
        return seller.refund_amount > aliexpress.refund_amount
    return aliexpress.return_required and not seller.return_required


def accept(rule: Rule, offer: Offer, facts: Facts) -> Decision:
    """Accepting an offer gives that offer's own amount and return (never more than was paid)."""
    paid = facts.order.total_paid
    amount = min(offer.refund_amount, paid) if paid > 0 else offer.refund_amount
    kind: RefundKind
    if paid > 0 and amount >= paid:
        kind = "full"
    elif amount > 0:
        kind = "partial"
    else:
        kind = "none"
    return Decision(
        rule, refund=kind, refund_amount=amount if kind != "none" else None, return_item=offer.return_required
    )


def dispute_open(facts: Facts) -> Decision:
    """Guide: "Phases of the dispute", "AliExpress judgement", "How to cancel a dispute", "How to accept..."."""
    case, dispute = facts.case, facts.case.dispute
    assert dispute is not None  # decide() sends only cases with a dispute here
    if case.order.received and case.problem is Problem.none:
        return Decision(Rule.item_fine_cancel_dispute)
    if dispute.arrived_since:
        # The guide's "Editing an ongoing dispute": while it is open, edit it and add the evidence; cancelling to
        # open a new one is safe only while protection lasts, and the plan can't know that here.
        return refund_for_affected(facts, Rule.arrived_since)
    moving = not case.order.received and case.order.tracking is Tracking.in_transit
    if dispute.judgement is Judgement.invalid and moving:
        # The guide says cancel and wait; that is only safe while a new dispute can still be opened.
        if facts.enough_time_to_reopen:
            return Decision(Rule.invalid_in_transit)
        return Decision(Rule.invalid_in_transit_keep_open)
    seller, aliexpress = dispute.seller_offer, dispute.aliexpress_offer
    if aliexpress is None and (dispute.proof_requested or dispute.proof_due_on is not None):
        # AliExpress decides on the proof: what it asked for, by its day, matters more than any offer.
        return Decision(Rule.proof_requested)
    asked = dispute.requested_refund if dispute.requested_refund is not None else case.order.total_paid
    if seller is not None and seller.refund_amount == 0 < asked:
        # An "offer" of nothing, against a claim for something, is a rejection: AliExpress decides on the proof.
        seller = None
        rejected = True
    else:
        rejected = dispute.seller_rejected
    if aliexpress is not None:
        if seller is not None and seller_beats_aliexpress(seller, aliexpress):
            return accept(Rule.seller_beats_aliexpress, seller, facts)
        at_most_paid = min(asked, case.order.total_paid) if case.order.total_paid > 0 else asked
        if 0 < aliexpress.refund_amount < at_most_paid:
            # Less than asked: accepting early gains nothing (it is applied anyway), proof until the end may.
            return Decision(Rule.aliexpress_offer_low)
        return accept(Rule.aliexpress_offer, aliexpress, facts)
    if seller is not None:
        if seller.refund_amount >= asked and not seller.return_required:
            return accept(Rule.seller_gives_what_was_asked, seller, facts)
        if seller.refund_amount >= asked and free_return_left(facts):
            # The guide's trick is a return whose postage costs more than the item; a free return costs nothing.
            return accept(Rule.seller_offer_free_return, seller, facts)
        return Decision(Rule.seller_offer_too_low)
    if rejected:
        return Decision(Rule.seller_rejected)
    answer_by = facts.dates.seller_must_answer_by
    if answer_by is not None and facts.today > answer_by:
        # Beyond the guide: a seller who lets their days pass gives the buyer what they asked for.
        return Decision(Rule.seller_did_not_answer)
    return Decision(Rule.no_offer_yet)


def confirmed_not_received(facts: Facts) -> Decision:
    """Guide: "Opening dispute after 15 days": receipt confirmed leaves 15 days to dispute, here for a parcel the
    buyer never got (confirmed by mistake, or at the seller's request): the claim is the parcel not received."""
    deadline = facts.dates.dispute_deadline
    if deadline is not None and facts.today > deadline:
        return Decision(Rule.confirmed_not_received_too_late)
    return full_refund(facts, Rule.confirmed_not_received)


def shipped_not_received(facts: Facts) -> Decision:
    """Guide: "When you have not received the order", "The order didn't arrive", "Order delivered but not received".

    Departs from the guide where waiting would let protection lapse: once protection is
    running out the plan is a dispute now, whatever tracking says; after it ends, the 15 days
    AliExpress still gives are used before support.
    """
    order = facts.order
    if facts.protection_over:
        if facts.late_claim_open:
            return full_refund(facts, Rule.late_claim)
        return Decision(Rule.not_received_too_late)
    if order.tracking is Tracking.awaiting_pickup:
        # The parcel is here: collecting it beats any dispute, which could be lost for a parcel left uncollected.
        if facts.protection_running_out and facts.case.dispute_blocked:
            return Decision(Rule.dispute_blocked)
        if facts.protection_running_out:
            return full_refund(facts, Rule.waiting_for_pickup_running_out)
        return Decision(Rule.waiting_for_pickup)
    if order.tracking is Tracking.customs_documents and not facts.protection_running_out:
        # Only the seller has the invoice customs wants; paying nothing frees it.
        return Decision(Rule.customs_documents)
    if order.tracking is Tracking.held_at_customs:
        # Not the seller's fault and no reason to refuse: the parcel is one payment away.
        if facts.protection_running_out and facts.case.dispute_blocked:
            return Decision(Rule.dispute_blocked)
        if facts.protection_running_out:
            return full_refund(facts, Rule.held_at_customs_running_out)
        return Decision(Rule.held_at_customs)
    if order.tracking is Tracking.seized_by_customs and not facts.too_early_to_dispute:
        if facts.case.dispute_blocked:
            return Decision(Rule.dispute_blocked)
        # It will never come: waiting for the estimated delivery gains nothing.
        return full_refund(facts, Rule.seized_by_customs)
    still_coming = order.tracking in (Tracking.in_transit, Tracking.no_updates, Tracking.none)
    if still_coming and order.estimated_delivery is not None and facts.today < order.estimated_delivery:
        if facts.protection_running_out and facts.case.dispute_blocked:
            return Decision(Rule.dispute_blocked)
        if facts.protection_running_out:
            return full_refund(facts, Rule.early_but_running_out)
        if order.estimated_delivery >= facts.dates.running_out_from:
            return Decision(Rule.due_after_protection)
        return Decision(Rule.before_estimated_delivery)
    if facts.too_early_to_dispute:
        return Decision(Rule.too_early_not_received)
    if facts.case.dispute_blocked:
        return Decision(Rule.dispute_blocked)
    if order.tracking is Tracking.delivered:
        if facts.protection_running_out:
            return full_refund(facts, Rule.delivered_running_out)
        if facts.case.delivered_elsewhere:
            # Delivered to someone else is not a parcel that may turn up: the seller has nothing to check first.
            return full_refund(facts, Rule.delivered_elsewhere)
        if facts.seller_had_two_days:
            return full_refund(facts, Rule.delivered_seller_silent)
        return Decision(Rule.delivered_ask_seller)
    if order.tracking is Tracking.returned_to_seller:
        if facts.case.customs_refused:
            return Decision(Rule.returned_customs_refused)
        if facts.case.missed_pickup:
            return Decision(Rule.returned_not_collected)
        if facts.protection_running_out:
            return full_refund(facts, Rule.returned_running_out)
        return full_refund(facts, Rule.returned_to_seller)
    cancelled_before = facts.case.dispute is not None and facts.case.dispute.status is DisputeStatus.cancelled
    if cancelled_before and order.tracking is not Tracking.in_transit and not facts.protection_running_out:
        # The seller already had a dispute's worth of chances: no need to ask again before a new one. A parcel
        # still moving keeps the in-transit line: AliExpress refuses a dispute while tracking moves.
        return full_refund(facts, Rule.after_cancelled_dispute)
    if order.tracking is Tracking.in_transit:
        if facts.protection_running_out:
            return full_refund(facts, Rule.in_transit_running_out)
        return Decision(Rule.in_transit)
    if facts.protection_running_out:
        return full_refund(facts, Rule.no_news_running_out)
    if facts.seller_had_two_days:
        return full_refund(facts, Rule.seller_silent)
    return Decision(Rule.ask_seller)


def received(facts: Facts) -> Decision:
    """Guide: "When can you open a dispute" (each problem), "Opening dispute after 15 days", "How returns work"."""
    case, order = facts.case, facts.order
    problem = case.problem
    if problem is Problem.none:
        return nothing_wrong(facts, Rule.all_fine_confirm, Rule.all_fine_confirmed)
    if facts.too_early_to_dispute:
        return Decision(Rule.too_early_received)
    if facts.protection_over:
        return Decision(Rule.received_too_late)
    if problem is Problem.not_as_described:
        return refund_for_affected(facts, Rule.not_as_described)
    if problem is Problem.fake:
        return refund_for_affected(facts, Rule.fake)
    if problem is Problem.wrong_item:
        return refund_for_affected(facts, Rule.wrong_item)
    if problem is Problem.slightly_imperfect:
        return Decision(Rule.slightly_imperfect, refund="partial", refund_amount=known_amount(case.refund_wanted))
    if problem is Problem.incomplete:
        missing, paid = known_amount(case.missing_items_value), order.total_paid
        if missing is not None and paid > 0 and missing >= paid:
            # Everything is missing (an empty parcel, say): that is all the money back, not a partial refund.
            return full_refund(facts, Rule.incomplete)
        return Decision(Rule.incomplete, refund="partial", refund_amount=missing)
    if problem is Problem.wrong_shipping_method:
        if order.shipping_paid > 0 and case.arrived_late:
            return Decision(Rule.wrong_shipping_paid_and_late, refund="partial", refund_amount=order.shipping_paid)
        return nothing_wrong(facts, Rule.wrong_shipping_confirm, Rule.wrong_shipping_confirmed)
    decision = full_refund(facts, Rule.changed_mind)
    return Decision(decision.rule, decision.refund, decision.refund_amount, return_item=True)


def nothing_wrong(facts: Facts, confirm: Rule, confirmed: Rule) -> Decision:
    """A received order with nothing to claim: confirm receipt, or nothing left to do.

    Guide: once protection ends, AliExpress marks the order delivered on its own; there is nothing to confirm.
    """
    if facts.order.receipt_confirmed_on is None and facts.protection_over:
        return Decision(Rule.all_fine_completed)
    if facts.order.receipt_confirmed_on is None:
        return Decision(confirm)
    return Decision(confirmed)
