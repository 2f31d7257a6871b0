"""The rules table's words: `WORDS` gives each `Rule` its five parts; plus the deadline labels and the money line.

A catalogue: every rule's headline, steps, proof, warnings and messages are chosen here (a test
checks none is missing), so no text is ever chosen by matching rule ids.

A few parts answer what the plan page asks on top of the wizard (what the seller is pushing for, a
Choice order) or warn of a trap common to a whole kind of situation (a customs bill after a refund, a
"redelivery fee" text for a parcel on its way). They are joined here, to the rules of the groups core.seller
names (the same groups the plan page uses to decide what to ask), by `with_shared_parts`, rather than
written into each of some thirty entries or added by core.plan to every plan: the table stays the one
place a rule's words come from, the page can never ask a question whose answer no rule words, and each
part gives nothing while the case doesn't hold what it answers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from core.facts import AFTER_RECEIPT, APPEAL_WINDOW, SELLER_REPLY
from core.i18n import N_, _
from core.models import Payment, ReturnStatus, Rule
from core.rules import refund_window
from core.seller import (
    CHOICE_RULES,
    CLOSED_FOR_THE_REFUND,
    NOT_RECEIVED,
    REFUNDED,
    SELLER_INVOLVED,
    WAITING_FOR_REFUND,
)
from core.wording.after_refund import (
    after_refund_messages,
    after_refund_proof,
    after_refund_steps,
    after_refund_warnings,
)
from core.wording.confirmed_missing import (
    confirmed_missing_first,
    confirmed_missing_headline,
    confirmed_missing_messages,
    confirmed_missing_proof,
    confirmed_missing_warnings,
)
from core.wording.headlines import (
    aliexpress_offer_headline,
    cancelled_late_headline,
    for_affected,
    held_at_customs_headline,
    label_refused_headline,
    no_label_headline,
    proof_requested_headline,
    refund_headline,
    said,
    seller_rejected_headline,
    too_early,
    wrong_shipping_no_claim,
)
from core.wording.holds import (
    customs_documents_headline,
    customs_documents_proof,
    customs_documents_steps,
    customs_documents_warnings,
    pickup_headline,
    pickup_proof,
    pickup_steps,
    pickup_warnings,
    seller_cant_collect,
    seller_invoice,
)
from core.wording.messages import (
    appeal_after_accepting_message,
    appeal_message,
    bank_cancelled_message,
    bank_message,
    cancellation_message,
    dispute_arrived_since,
    dispute_not_received,
    dispute_proof_note,
    dispute_proposal_answer,
    dispute_received,
    dispute_reject_answer,
    seller_about_problem,
    seller_before_dispute_allowed,
    seller_dispute_opened,
    seller_extend,
    seller_extend_while_protected,
    seller_not_collected,
    seller_return_address,
    seller_return_delivered,
    seller_return_tracking,
    seller_where_is_it,
    support_blocked,
    support_cancelled_refund,
    support_customs_refused,
    support_keep_open,
    support_label_refused,
    support_late_claim,
    support_late_coupon,
    support_never_arrived,
    support_no_label,
    support_received_too_late,
    support_refund_missing,
    support_return_delivered,
    support_return_late,
    support_return_lost,
    support_return_not_confirmed,
    support_seller_did_not_answer,
    support_seller_rejected,
    support_too_late_to_appeal,
)
from core.wording.payments import (
    bonus_proof,
    bonus_steps,
    bonus_warnings,
    extra_charge_headline,
    extra_charge_late_headline,
    extra_charge_late_messages,
    extra_charge_late_steps,
    extra_charge_proof,
    extra_charge_steps,
    paid_outside_headline,
    paid_outside_messages,
    paid_outside_proof,
    paid_outside_steps,
    paid_outside_warnings,
    support_bonus,
    support_extra_charge,
)
from core.wording.proof import (
    appeal_proof,
    blocked_proof,
    cancelled_proof,
    customs_held_proof,
    customs_proof,
    dispute_evidence,
    label_proof,
    late_return_proof,
    no_label_proof,
    parcel_proof,
    problem_proof,
    refund_proof,
    return_delivered_proof,
    return_proof,
    seized_proof,
    seller_chat_proof,
)
from core.wording.said import Part, Said, join, nothing
from core.wording.seller_asks import in_dispute, seller_ask_reply, seller_ask_warning
from core.wording.seller_cancels import (
    seller_cancels_message,
    seller_cancels_proof,
    seller_cancels_steps,
    seller_cancels_warnings,
)
from core.wording.steps import (
    accept_steps,
    appeal_after_accepting_steps,
    appeal_steps,
    arrived_since_steps,
    bank_steps,
    blocked_steps,
    cancel_dispute_steps,
    cancel_order_steps,
    cancellation_refused_steps,
    cancelled_bank_steps,
    cancelled_missing_steps,
    cancelled_wait_steps,
    choice_steps,
    completed_steps,
    confirm_steps,
    contact_seller_steps,
    customs_refused_steps,
    dispute_from,
    dispute_wait_steps,
    free_return_option,
    held_at_customs_steps,
    keep_open_steps,
    keep_records_steps,
    late_guarantee_steps,
    not_collected_steps,
    open_dispute_steps,
    proof_requested_steps,
    proposal,
    proposal_low_steps,
    refund_missing_steps,
    refund_progress_steps,
    request_cancellation_steps,
    return_address_steps,
    return_at_buyers_cost,
    return_delivered_steps,
    return_label_steps,
    return_late_steps,
    return_lost_steps,
    return_send_steps,
    return_sent_steps,
    seized_steps,
    seller_rejected_steps,
    seller_silent_steps,
    support_steps,
    tracking_steps,
    try_dispute_first,
    wait_for_parcel_steps,
    waiting_to_ship_steps,
)
from core.wording.warnings import (
    accept_warning,
    accepted_for_good,
    blocked_warning,
    cancel_trap,
    customs_bill,
    customs_charge_refused,
    customs_refused_risk,
    dont_confirm_missing,
    earlier_dispute_cancelled,
    eu_withdrawal,
    fees,
    keep_dispute_during_return,
    keep_new_dispute_open,
    late_claim_note,
    not_collected_risk,
    one_claim,
    open_dispute_warnings,
    outside_offers,
    redelivery_fee_scam,
    refund_scam,
    refused_at_customs,
    refused_parcel_risk,
    return_cost,
    return_in_time,
    return_late,
    running_out,
    seized_letter,
)
from core.wording.ways_out import backup_steps, seller_warranty, warranty_steps, ways_out_messages, ways_out_steps


@dataclass(frozen=True)
class Words:
    """One rule's words. Every part is set for every rule, even when it gives nothing (`nothing`)."""

    headline: Callable[[Said], str]
    steps: Part
    evidence: Part
    warnings: Part
    messages: Part


_parcel_dispute_proof = join(parcel_proof, seller_chat_proof)
_received_dispute = dict(
    steps=join(open_dispute_steps, free_return_option),
    evidence=join(problem_proof),
    warnings=join(outside_offers, running_out, earlier_dispute_cancelled),
    messages=join(seller_about_problem, dispute_received),
)

_OWN_WORDS: Mapping[Rule, Words] = MappingProxyType(
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
        Rule.seller_asked_to_cancel: Words(
            said("The seller asked you to cancel: you can, and all your money comes back."),
            seller_cancels_steps,
            seller_cancels_proof,
            seller_cancels_warnings,
            seller_cancels_message,
        ),
        Rule.waiting_to_ship: Words(
            said("Nothing to do yet: the seller has until the shipping deadline on the order page to send it."),
            waiting_to_ship_steps,
            nothing,
            nothing,
            nothing,
        ),
        Rule.cancellation_refused: Words(
            said("The seller refused to cancel, so the order will ship: you can send it back once it arrives."),
            cancellation_refused_steps,
            nothing,
            refused_parcel_risk,
            nothing,
        ),
        Rule.appeal: Words(
            lambda w: (
                said(
                    "Appeal the outcome by {day}: you have {n} days after the dispute closed.",
                    day="appeal_deadline",
                    n=APPEAL_WINDOW,
                )(w)
                if w.dates.appeal_deadline
                else _("Appeal the outcome within {n} days of the dispute closing.").format(n=w.n(APPEAL_WINDOW))
            ),
            join(appeal_steps, backup_steps),
            appeal_proof,
            nothing,
            appeal_message,
        ),
        Rule.appeal_accepted: Words(
            said(
                "You can still appeal by {day}: an accepted offer can't be disputed again, but it can be appealed once.",
                day="appeal_deadline",
            ),
            appeal_after_accepting_steps,
            appeal_proof,
            accepted_for_good,
            appeal_after_accepting_message,
        ),
        Rule.too_late_to_appeal: Words(
            said(
                "The {n} days to appeal have passed: ask AliExpress's customer support to review the case.",
                n=APPEAL_WINDOW,
            ),
            join(support_steps, ways_out_steps),
            appeal_proof,
            nothing,
            join(support_too_late_to_appeal, ways_out_messages),
        ),
        Rule.refund_overdue: Words(
            lambda w: (
                _("Your refund is late: ask your bank to trace it with the refund's reference.")
                if w.case.paid_with is Payment.other
                else _("Your refund is late: ask your bank to trace it with the ARN code.")
            ),
            bank_steps,
            refund_proof,
            fees,
            bank_message,
        ),
        Rule.refund_overdue_not_card: Words(
            lambda w: (
                _("Your refund is late: check your PayPal account, then ask AliExpress's support to trace it.")
                if w.case.paid_with is Payment.paypal
                else _("Your refund is late: check your AliExpress Bonus and balance, then ask support to trace it.")
            ),
            refund_missing_steps,
            refund_proof,
            nothing,
            support_refund_missing,
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
            lambda w: _(
                "Wait for AliExpress to process the refund; it then takes {first} to {last} working days to arrive."
            ).format(first=w.n(refund_window(w.case.paid_with)), last=w.upto(refund_window(w.case.paid_with))),
            refund_progress_steps,
            refund_proof,
            nothing,
            nothing,
        ),
        Rule.arrived_after_refund: Words(
            said(
                "The parcel came after your refund: to keep it, settle through AliExpress. Never pay the seller "
                "outside it."
            ),
            after_refund_steps,
            after_refund_proof,
            after_refund_warnings,
            after_refund_messages,
        ),
        Rule.confirmed_not_received: Words(
            confirmed_missing_headline,
            join(confirmed_missing_first, open_dispute_steps),
            confirmed_missing_proof,
            confirmed_missing_warnings,
            confirmed_missing_messages,
        ),
        Rule.confirmed_not_received_too_late: Words(
            confirmed_missing_headline,
            join(support_steps, backup_steps),
            confirmed_missing_proof,
            confirmed_missing_warnings,
            confirmed_missing_messages,
        ),
        Rule.settled: Words(
            said("The dispute is closed and your refund is in: there is nothing left to do for this order."),
            keep_records_steps,
            nothing,
            fees,
            nothing,
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
        Rule.aliexpress_offer_low: Words(
            lambda w: (
                _("AliExpress proposes {offer}, less than you asked: add more proof by {day}.").format(
                    offer=proposal(w), day=w.day("negotiation_ends")
                )
                if w.dates.negotiation_ends
                else _("AliExpress proposes {offer}, less than you asked: add more proof to the dispute now.").format(
                    offer=proposal(w)
                )
            ),
            join(proposal_low_steps, backup_steps),
            dispute_evidence,
            join(outside_offers, open_dispute_warnings),
            dispute_proposal_answer,
        ),
        Rule.proof_requested: Words(
            proof_requested_headline,
            proof_requested_steps,
            dispute_evidence,
            join(outside_offers, open_dispute_warnings),
            dispute_proof_note,
        ),
        Rule.seller_gives_what_was_asked: Words(
            lambda w: _("Accept the seller's offer ({offer}): it gives you what you asked for.").format(offer=w.offer),
            accept_steps,
            nothing,
            accept_warning,
            nothing,
        ),
        Rule.seller_offer_free_return: Words(
            lambda w: _("Accept the seller's offer ({offer}): your money back, and the return is free.").format(
                offer=w.offer
            ),
            accept_steps,
            nothing,
            accept_warning,
            nothing,
        ),
        Rule.seller_offer_too_low: Words(
            said("Don't accept the seller's offer yet: wait for AliExpress to step in with its own proposal."),
            join(return_at_buyers_cost, dispute_wait_steps),
            dispute_evidence,
            join(outside_offers, open_dispute_warnings),
            nothing,
        ),
        Rule.no_offer_yet: Words(
            said("Wait for the seller to answer, and add more proof to the dispute meanwhile."),
            dispute_wait_steps,
            dispute_evidence,
            join(outside_offers, open_dispute_warnings),
            nothing,
        ),
        Rule.seller_did_not_answer: Words(
            said("The seller didn't answer in time, so the refund should go through as you asked: check the dispute."),
            seller_silent_steps,
            nothing,
            join(outside_offers, open_dispute_warnings),
            support_seller_did_not_answer,
        ),
        Rule.seller_rejected: Words(
            seller_rejected_headline,
            seller_rejected_steps,
            dispute_evidence,
            join(outside_offers, open_dispute_warnings),
            join(dispute_reject_answer, support_seller_rejected),
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
            join(open_dispute_steps, backup_steps),
            _parcel_dispute_proof,
            join(late_claim_note, outside_offers),
            join(dispute_not_received, support_late_claim),
        ),
        Rule.not_received_too_late: Words(
            lambda w: (
                _(
                    "By the usual count it is too late for a dispute: try “Open dispute” first, then ask AliExpress's "
                    "support."
                )
                if try_dispute_first(w)
                else _(
                    "It is too late for a dispute: ask AliExpress's support for your money back, and see the ways out."
                )
            ),
            join(try_dispute_first, support_steps, ways_out_steps),
            _parcel_dispute_proof,
            nothing,
            join(support_never_arrived, ways_out_messages),
        ),
        Rule.delivered_running_out: Words(
            said(
                "Open a dispute now for a full refund: tracking says delivered, you have nothing, and protection "
                "ends on {day}.",
                day="dispute_deadline",
            ),
            join(tracking_steps, open_dispute_steps),
            _parcel_dispute_proof,
            join(dont_confirm_missing, outside_offers, running_out, earlier_dispute_cancelled),
            join(dispute_not_received, seller_dispute_opened),
        ),
        Rule.delivered_seller_silent: Words(
            said("Open a dispute for a full refund: tracking says delivered and the seller hasn't sorted it out."),
            open_dispute_steps,
            _parcel_dispute_proof,
            join(dont_confirm_missing, outside_offers, running_out, earlier_dispute_cancelled),
            dispute_not_received,
        ),
        Rule.delivered_elsewhere: Words(
            said(
                "Tracking says it was delivered somewhere else: open a dispute now for a full refund, with that "
                "tracking page as proof. The last day is {day}.",
                day="dispute_deadline",
            ),
            open_dispute_steps,
            _parcel_dispute_proof,
            join(dont_confirm_missing, outside_offers, running_out, earlier_dispute_cancelled),
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
            join(dont_confirm_missing, outside_offers, earlier_dispute_cancelled),
            seller_where_is_it,
        ),
        Rule.returned_to_seller: Words(
            said("The parcel went back to the seller: open a dispute for a full refund."),
            open_dispute_steps,
            _parcel_dispute_proof,
            join(refused_at_customs, outside_offers, running_out, earlier_dispute_cancelled),
            dispute_not_received,
        ),
        Rule.returned_customs_refused: Words(
            said(
                "It went back because the customs charges weren't paid: ask AliExpress's help chat today. The last "
                "day to open a dispute is {day}.",
                day="dispute_deadline",
            ),
            customs_refused_steps,
            customs_proof,
            join(customs_refused_risk, outside_offers),
            support_customs_refused,
        ),
        Rule.returned_running_out: Words(
            said(
                "The parcel went back to the seller and protection ends on {day}: open a dispute for a full refund "
                "today.",
                day="dispute_deadline",
            ),
            open_dispute_steps,
            _parcel_dispute_proof,
            join(refused_at_customs, outside_offers, running_out, earlier_dispute_cancelled),
            join(dispute_not_received, seller_dispute_opened),
        ),
        Rule.returned_not_collected: Words(
            said(
                "It went back because it wasn't collected in time: ask the post office and the seller today, and "
                "open a dispute by {day} if it isn't sorted out.",
                day="running_out_from",
            ),
            not_collected_steps,
            parcel_proof,
            join(not_collected_risk, outside_offers),
            seller_not_collected,
        ),
        Rule.held_at_customs: Words(
            held_at_customs_headline,
            held_at_customs_steps,
            customs_held_proof,
            customs_charge_refused,
            nothing,
        ),
        Rule.seized_by_customs: Words(
            said(
                "Customs seized your parcel, so it won't come: open a dispute for a full refund. The last day is {day}.",
                day="dispute_deadline",
            ),
            seized_steps,
            seized_proof,
            join(outside_offers, earlier_dispute_cancelled),
            dispute_not_received,
        ),
        Rule.held_at_customs_running_out: Words(
            said(
                "Your parcel is held at customs and protection ends on {day}: pay a real charge on the carrier's "
                "site, and open a dispute today to keep your protection.",
                day="dispute_deadline",
            ),
            join(held_at_customs_steps, open_dispute_steps),
            customs_held_proof,
            join(customs_charge_refused, running_out),
            join(dispute_not_received, seller_dispute_opened),
        ),
        Rule.after_cancelled_dispute: Words(
            said(
                "You cancelled your dispute and it still hasn't come: open a new one for a full refund. The last day "
                "is {day}.",
                day="dispute_deadline",
            ),
            open_dispute_steps,
            _parcel_dispute_proof,
            join(keep_new_dispute_open, outside_offers, earlier_dispute_cancelled),
            dispute_not_received,
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
            join(seller_where_is_it, seller_extend),
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
                "Open a dispute for a full refund: the parcel hasn't come, and the seller has had at least {n} days "
                "to sort it out.",
                n=SELLER_REPLY,
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
                    n=AFTER_RECEIPT,
                )(w)
                if w.dates.deadline_after_confirming
                else _("Confirm receipt: you'll still have {n} days to open a dispute if a problem shows up.").format(
                    n=w.n(AFTER_RECEIPT)
                )
            ),
            join(confirm_steps, late_guarantee_steps),
            nothing,
            nothing,
            support_late_coupon,
        ),
        Rule.all_fine_confirmed: Words(
            said("Nothing to do: your order arrived and receipt is confirmed."),
            join(keep_records_steps, late_guarantee_steps),
            nothing,
            nothing,
            support_late_coupon,
        ),
        Rule.all_fine_completed: Words(
            said(
                "Nothing to do: protection ended on {day}, and AliExpress then closes the order by itself.",
                day="protection_ends",
            ),
            completed_steps,
            nothing,
            nothing,
            support_late_coupon,
        ),
        Rule.too_early_received: Words(
            too_early,
            lambda w: [_("Send the seller a message about the problem now."), dispute_from(w)],
            problem_proof,
            outside_offers,
            seller_before_dispute_allowed,
        ),
        Rule.received_too_late: Words(
            lambda w: (
                _(
                    "By the usual count the time to open a dispute has passed: try “Open dispute” first, then ask "
                    "AliExpress's customer support."
                )
                if try_dispute_first(w)
                else _("The time to open a dispute has passed: ask AliExpress's customer support instead.")
            ),
            join(try_dispute_first, support_steps, warranty_steps, ways_out_steps),
            problem_proof,
            nothing,
            join(support_received_too_late, seller_warranty, ways_out_messages),
        ),
        Rule.not_as_described: Words(
            for_affected(
                refund_headline(
                    N_("Open a dispute for a full refund of {amount}, and keep the item."),
                    N_("Open a dispute for a full refund, and keep the item."),
                ),
                N_("Open a dispute for a refund of {amount} for the items that are not as described."),
            ),
            **_received_dispute,
        ),
        Rule.fake: Words(
            for_affected(
                said("Open a dispute for a full refund: a fake is never what you paid for."),
                N_("Open a dispute for a refund of {amount} for the fake items: a fake is never what you paid for."),
            ),
            **_received_dispute,
        ),
        Rule.wrong_item: Words(
            for_affected(
                said("Open a dispute for a full refund: you got something you didn't order."),
                N_("Open a dispute for a refund of {amount} for the items you didn't order."),
            ),
            **_received_dispute,
        ),
        Rule.slightly_imperfect: Words(
            refund_headline(
                N_("Open a dispute for a partial refund of {amount}: the item is usable, but not as described."),
                N_("Open a dispute for a partial refund: the item is usable, but not as described."),
            ),
            **_received_dispute,
        ),
        Rule.incomplete: Words(
            lambda w: (
                _("Nothing you paid for came: open a dispute for a full refund of {amount}.").format(
                    amount=w.money(w.amount)
                )
                if w.nothing_came and w.amount is not None
                else refund_headline(
                    N_("Open a dispute for a partial refund of {amount} for the missing items."),
                    N_("Open a dispute for a partial refund for the missing items."),
                )(w)
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
            join(return_cost, eu_withdrawal, outside_offers, running_out),
            join(seller_about_problem, dispute_received),
        ),
        Rule.return_not_sent: Words(
            said("Send the item back by {day}, with tracking, or the money goes to the seller.", day="return_ship_by"),
            return_send_steps,
            return_proof,
            join(return_in_time, keep_dispute_during_return),
            seller_return_tracking,
        ),
        Rule.return_ship_by_passed: Words(
            said(
                "The day to send the item back has passed ({day}): ask support today to let you still send it.",
                day="return_ship_by",
            ),
            return_late_steps,
            late_return_proof,
            return_late,
            support_return_late,
        ),
        Rule.return_no_label: Words(
            no_label_headline,
            return_address_steps,
            no_label_proof,
            join(return_in_time, keep_dispute_during_return),
            join(seller_return_address, support_no_label),
        ),
        Rule.return_label_refused: Words(
            label_refused_headline,
            return_label_steps,
            label_proof,
            join(return_in_time, keep_dispute_during_return),
            support_label_refused,
        ),
        Rule.return_sent: Words(
            said("Your return is on its way: the refund follows once the seller receives it."),
            return_sent_steps,
            return_delivered_proof,
            join(keep_dispute_during_return, outside_offers),
            support_return_not_confirmed,
        ),
        Rule.return_lost: Words(
            said(
                "The seller says your return never arrived: send them your proof of posting, and ask support to step in."
            ),
            return_lost_steps,
            return_delivered_proof,
            join(keep_dispute_during_return, outside_offers),
            join(seller_return_delivered, support_return_lost),
        ),
        Rule.return_delivered: Words(
            said("The seller has your return and no refund yet: ask AliExpress's support to release it today."),
            join(return_delivered_steps, backup_steps),
            return_delivered_proof,
            join(keep_dispute_during_return, outside_offers),
            support_return_delivered,
        ),
        Rule.cancelled_refund_on_its_way: Words(
            said(
                "Your order is cancelled and the refund is on its way: expect it by {end}.",
                end="refund_expected_by",
            ),
            cancelled_wait_steps,
            cancelled_proof,
            fees,
            nothing,
        ),
        Rule.cancelled_refund_overdue: Words(
            cancelled_late_headline, cancelled_bank_steps, cancelled_proof, fees, bank_cancelled_message
        ),
        Rule.cancelled_refund_overdue_not_card: Words(
            cancelled_late_headline, cancelled_missing_steps, cancelled_proof, nothing, support_cancelled_refund
        ),
        Rule.waiting_for_pickup: Words(
            pickup_headline, pickup_steps, pickup_proof, pickup_warnings, seller_cant_collect
        ),
        Rule.waiting_for_pickup_running_out: Words(
            pickup_headline,
            pickup_steps,
            pickup_proof,
            join(pickup_warnings, running_out),
            join(seller_cant_collect, dispute_not_received),
        ),
        Rule.customs_documents: Words(
            customs_documents_headline,
            customs_documents_steps,
            customs_documents_proof,
            customs_documents_warnings,
            seller_invoice,
        ),
        Rule.arrived_since: Words(
            said("It has arrived, but with a problem: edit your dispute today so it's about that problem."),
            arrived_since_steps,
            problem_proof,
            join(open_dispute_warnings, cancel_trap),
            dispute_arrived_since,
        ),
        Rule.refund_as_bonus: Words(
            said(
                "Your refund came back as AliExpress Bonus: ask a person in the help chat today to send it back the way you paid."
            ),
            bonus_steps,
            bonus_proof,
            bonus_warnings,
            support_bonus,
        ),
        Rule.extra_charge: Words(
            extra_charge_headline, extra_charge_steps, extra_charge_proof, fees, support_extra_charge
        ),
        Rule.extra_charge_overdue: Words(
            extra_charge_late_headline, extra_charge_late_steps, extra_charge_proof, fees, extra_charge_late_messages
        ),
        Rule.paid_outside: Words(
            paid_outside_headline, paid_outside_steps, paid_outside_proof, paid_outside_warnings, paid_outside_messages
        ),
        Rule.paid_outside_paypal: Words(
            paid_outside_headline, paid_outside_steps, paid_outside_proof, paid_outside_warnings, paid_outside_messages
        ),
    }
)


def _open_dispute_customs(w: Said) -> list[str]:
    """The customs warning for an open dispute: only while one is open (a seller-involved rule may have none)."""
    return customs_bill(w) if in_dispute(w) else []


def with_shared_parts(rule: Rule, words: Words) -> Words:
    """A rule's own words, with the shared parts its group answers (see the module's docstring)."""
    steps, warnings, messages = words.steps, words.warnings, words.messages
    if rule in CHOICE_RULES:
        steps = join(choice_steps, steps)
    if rule in SELLER_INVOLVED:
        warnings = join(seller_ask_warning, warnings, _open_dispute_customs)
        messages = join(messages, seller_ask_reply)
    if rule in NOT_RECEIVED:
        warnings = join(seized_letter, warnings, redelivery_fee_scam)
    if rule in REFUNDED:
        warnings = join(warnings, customs_bill)
    if rule in CLOSED_FOR_THE_REFUND:
        warnings = join(accepted_for_good, warnings)
    if rule in WAITING_FOR_REFUND:
        warnings = join(warnings, refund_scam)
    return replace(words, steps=steps, warnings=warnings, messages=messages)


WORDS: Mapping[Rule, Words] = MappingProxyType(
    {rule: with_shared_parts(rule, words) for rule, words in _OWN_WORDS.items()}
)
"""Every rule's five parts: its own, with the shared parts of its group."""


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
    "seller_must_answer_by": N_("The seller's last day to answer the dispute"),
    "aliexpress_steps_in_by": N_("AliExpress steps in by"),
    "ask_extension_by": N_("Ask the seller to extend protection by"),
    "return_ship_by": N_("Last day to send the item back"),
    "proof_due": N_("Last day to add your proof"),
    "customs_pay_by": N_("Last day on the customs notice"),
    "withdrawal_by": N_("Last day to withdraw (EU)"),
    "paypal_dispute_by": N_("Last day for a PayPal dispute"),
    "chargeback_by": N_("Last day for a card chargeback"),
    "eu_guarantee_until": N_("EU legal guarantee lasts until"),
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
        "return_ship_by",
        "customs_pay_by",
        "proof_due",
        "withdrawal_by",
        "paypal_dispute_by",
        "chargeback_by",
    )
)
"""Dates that are the last day to act, not a day to wait for: only these are shown as urgent."""


def money_words(w: Said) -> str:
    """What the plan asks for or accepts, in one line: "Full refund: $40.00 · keep the item"."""
    d = w.decision
    item_return = w.case.item_return
    if d.refund == "none" and item_return is not None:
        if item_return.status in (ReturnStatus.sent, ReturnStatus.delivered, ReturnStatus.lost):
            return _("The refund you agreed · item sent back")
        return _("The refund you agreed · send the item back")
    if d.refund == "none" and in_dispute(w) and d.action != "cancel_dispute":
        # The dispute already asks for its refund: nothing new to ask, and nothing to accept yet.
        return _("Nothing to accept yet: your dispute still asks for its refund.")
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
    if w.order.received and not w.nothing_came:
        return what + " · " + _("keep the item")
    return what
