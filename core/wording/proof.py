"""The proof each rule tells the buyer to gather."""

from __future__ import annotations

from core.i18n import N_, _
from core.models import Payment, Problem, Tracking
from core.wording.said import Said

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
        N_("If it came empty or too light: its weight on the label or tracking, or a statement from the post office."),
    ),
    Problem.fake: (
        N_("Photos of the logos, labels, serial numbers and packaging."),
        N_("For a copy of a brand: the genuine product's official pictures, to compare."),
        N_("Screenshots of the listing: its brand, model and specs (capacity, say)."),
        N_("For a memory card or USB stick: a screenshot of a capacity test program showing its real size."),
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
        listed.append(
            _("A written statement from your local post office that it wasn't delivered to you: ask them for one.")
        )
        listed.append(
            _("The courier's delivery photo, if the tracking shows one, and a police report if it was stolen.")
        )
    if w.order.tracking is Tracking.returned_to_seller:
        listed.append(_("A statement from your post office on why it went back, if the tracking doesn't say."))
    return listed


def seller_chat_proof(w: Said) -> list[str]:
    return [_("Your messages with the seller, with their dates.")] if w.case.seller_contacted_on else []


def refund_proof(w: Said) -> list[str]:
    return [
        _("A screenshot of the refund status in the order's “Payment” tab."),
        *([_("The refund's ARN code, if you paid by card.")] if w.case.paid_with in (None, Payment.card) else []),
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


def return_proof(w: Said) -> list[str]:
    """Proof that the item went back: the receipt with its tracking, and the parcel as it left."""
    return [
        _("The postage receipt, with the tracking number."),
        _("Photos of the item as you pack it, and of the parcel with its label."),
    ]


def return_delivered_proof(w: Said) -> list[str]:
    return [
        _("The postage receipt, with the tracking number."),
        _("A screenshot of the tracking showing the parcel delivered to the seller."),
    ]


def label_proof(w: Said) -> list[str]:
    return [
        _("A photo of the return label."),
        _("The post office's note or receipt, if they gave you one."),
    ]


def late_return_proof(w: Said) -> list[str]:
    return [_("A screenshot of the return request, with its date.")]


def cancelled_proof(w: Said) -> list[str]:
    return [
        _("A screenshot of the order page showing it cancelled."),
        _("Your card or account statement since the day you paid."),
    ]


def no_label_proof(w: Said) -> list[str]:
    return [
        _("A screenshot of the return request, showing no address or label."),
        _("Screenshots of your messages asking for them, with their dates."),
    ]


def customs_proof(w: Said) -> list[str]:
    return [
        _("The customs notice or letter, with the charges it asked for."),
        _("A screenshot of the tracking showing it sent back."),
    ]


def dispute_evidence(w: Said) -> list[str]:
    """What proves the claim in an open dispute: the item's problem, or where the parcel went."""
    return problem_proof(w) if w.order.received else parcel_proof(w)


def customs_held_proof(w: Said) -> list[str]:
    return [
        _("A screenshot of the tracking showing it held at customs."),
        _("The customs notice or the carrier's page with the charge."),
        _("The receipt once you've paid it."),
    ]


def seized_proof(w: Said) -> list[str]:
    return [
        _("The customs letter, or a screenshot of the tracking saying it was seized."),
        _("A screenshot of the order page."),
    ]
