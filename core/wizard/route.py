"""The wizard's route: which questions a situation needs, in which order.

It follows the guide's decision tree: only the questions that change the advice for
this situation are asked, and an answer the new route no longer asks is forgotten.
"""

from __future__ import annotations

from core.wizard.answers import NOT_YET, REJECTED, MoneyAnswer, known

NOT_ARRIVED = ("not_arrived", "delivered_not_received")
PARTIAL_CLAIMS = ("slightly_imperfect", "incomplete", "wrong_shipping_method")
ON_REQUEST = ("blocked",)
"""Questions never asked on the way: the buyer brings them up from the plan, and the route keeps them."""
SEVERAL_ITEM_CLAIMS = ("not_as_described", "fake", "wrong_item")
"""Problems that may touch only some items of a bundle: the route asks which, and what they cost."""
MAX_ANSWERS = 8
"""No route asks more (a question brought up from the plan included)."""


def route(answers: dict[str, str]) -> list[str]:
    """The questions this situation needs, in order, given the answers so far."""
    stage = answers.get("stage")
    keys = ["stage"]
    if stage == "not_shipped":
        keys.append("payment")
        # Only a confirmed payment needs the seller's agreement to cancel, so only then can they refuse.
        if answers.get("payment") == "confirmed":
            keys.append("cancel_asked")
        return keys
    if stage in ("on_the_way", "dispute_cancelled"):
        keys += [*shipping(answers), "protection", "tracking"]
        tracking = answers.get("tracking")
        if tracking == "returned_to_seller":
            keys.append("why_back")
        elif tracking in ("held_at_customs", "customs_documents"):
            # A parcel unpaid, or without what customs asked for, goes back after the day on the customs notice.
            keys.append("customs_pay_by")
        elif tracking not in ("seized_by_customs", "awaiting_pickup"):
            # A parcel at customs or waiting to be collected has arrived: its expected day no longer matters.
            keys.append("eta")
        # After a cancelled dispute the seller has had their chance: whether they were written to changes nothing.
        if tracking in ("no_updates", "none") and stage == "on_the_way":
            keys.append("contacted")
        return keys + on_request(answers)
    if stage == "confirmed_missing":
        # Confirming receipt leaves 15 days from that day, whatever tracking says: only that day matters.
        return [*keys, "confirmed"]
    if stage == "delivered_missing":
        keys += [*shipping(answers), "protection", "delivered_where"]
        # Delivered to someone else needs no word from the seller first: the dispute is due now.
        if answers.get("delivered_where") != "elsewhere":
            keys.append("contacted")
        return keys + on_request(answers)
    if stage == "received":
        keys += ["problem", *shipping(answers), "receipt"]
        if protection_counts(answers):
            keys.append("protection")
        return keys + problem_details(answers.get("problem"), answers)
    if stage == "dispute_open":
        return keys + open_dispute_details(answers)
    if stage == "returning":
        keys.append("return_status")
        status = answers.get("return_status")
        if status == "delivered":
            # It is back with the seller: only the day it arrived matters now.
            return [*keys, "return_delivered"]
        keys.append("return_agreed")
        if status in ("sent", "lost"):
            keys.append("return_sent")
        elif status is not None:
            keys.append("return_ship_by")
        keys.append("return_why")
        # Free return only changes who pays the postage of a change of mind; a fault is the seller's to pay.
        if answers.get("return_why") == "changed_mind" and status not in ("sent", "lost"):
            keys.append("free_return")
        return keys
    if stage == "cancelled":
        return [*keys, "cancelled", "cancelled_refund"]
    if stage == "payment_problem":
        return [*keys, "payment_issue", "charged", "charged_amount"]
    if stage == "dispute_closed":
        keys.append("satisfied")
        if answers.get("satisfied") == "no":
            return [*keys, "closed"]
        if answers.get("satisfied") == "accepted":
            # An accepted offer can still be appealed for a few days after the close.
            keys.append("closed")
        keys.append("refund")
        if answers.get("refund") == "processed":
            keys.append("processed")
        return keys
    return keys


def shipping(answers: dict[str, str]) -> list[str]:
    """The shipping day, or when it can't be found, the day of the order: the earliest it can have shipped."""
    return ["shipped", "ordered"] if answers.get("shipped") == NOT_YET else ["shipped"]


def protection_counts(answers: dict[str, str]) -> bool:
    """A received problem's deadline is the end of protection until receipt is confirmed.

    Not asked for a different shipping method: that route is long enough, and its plan says the usual days were used.
    """
    problem = answers.get("problem")
    return problem not in (None, "none", "wrong_shipping_method") and answers.get("receipt") == NOT_YET


def on_request(answers: dict[str, str]) -> list[str]:
    """The questions the buyer brought up from the plan ("AliExpress won't let me open a dispute")."""
    return [key for key in ON_REQUEST if key in answers]


def problem_details(problem: str | None, answers: dict[str, str]) -> list[str]:
    """The extra questions a received problem needs to put a figure on the claim."""
    if problem == "incomplete":
        return ["total", "missing"]
    if problem == "slightly_imperfect":
        return ["total", "wanted"]
    if problem == "wrong_shipping_method":
        keys = ["total", "shipping"]
        shipping = MoneyAnswer.parse(answers.get("shipping", ""))
        if shipping is not None and shipping.amount != 0:
            keys.append("late")
        return keys
    if problem == "changed_mind":
        # In the EU the days to withdraw count from the day it came, which can be days before receipt was confirmed.
        return ["free_return", "arrived"]
    if problem == "none":
        return ["came_late"]
    if problem in SEVERAL_ITEM_CLAIMS:
        return ["items", *(["affected"] if answers.get("items") == "some" else [])]
    return []


def open_dispute_details(answers: dict[str, str]) -> list[str]:
    """The questions an open dispute needs: what it is about, then where it stands."""
    about = answers.get("dispute_about")
    keys = ["dispute_about"]
    if about == "none":
        return [*keys, *shipping(answers), "protection"]
    if about == "arrived_faulty":
        # The dispute must change to the real problem: what was paid sets the refund to ask for.
        return [*keys, "total"]
    if about in NOT_ARRIVED:
        keys.append("judgement")
        if answers.get("judgement") == "invalid":
            keys.append("moving")
            if answers.get("moving") == "yes":
                return [*keys, *shipping(answers), "protection"]
    keys.append("total")
    if about in PARTIAL_CLAIMS:
        keys.append("asked")
    keys += ["seller_offer", "aliexpress_offer"]
    if answers.get("aliexpress_offer") == REJECTED:
        # AliExpress answered with a request for proof: it has stepped in, so only its day matters.
        keys.append("proof_due")
    elif known(answers, "aliexpress_offer") is not None:
        keys.append("negotiation")
    elif "aliexpress_offer" in answers and about not in NOT_ARRIVED and full_offer_with_return(answers):
        # (A parcel never received can't be sent back: there, an offer with a return is just an offer.)
        # A full refund with a return is fair when the return is free: only then does free return matter.
        # The seller has offered something, so the dispute page counts down to the end of the negotiation.
        keys += ["free_return", "negotiation"]
    elif all(key in answers for key in keys) and no_offer_in_hand(answers.get("seller_offer", "")):
        # No offer yet: the seller's days to answer count from the opening.
        keys.append("opened")
    elif all(key in answers for key in keys):
        # The seller offered something: the dispute page now counts down to the end of the negotiation.
        keys.append("negotiation")
    return keys


def no_offer_in_hand(seller_offer: str) -> bool:
    """The seller hasn't offered anything yet, rejected the dispute, or offered nothing (a rejection too)."""
    if seller_offer in (NOT_YET, REJECTED):
        return True
    offer = MoneyAnswer.parse(seller_offer, offer=True)
    return offer is not None and offer.amount == 0


def full_offer_with_return(answers: dict[str, str]) -> bool:
    """The seller offers at least what was asked (or paid), on condition of a return."""
    offer = MoneyAnswer.parse(answers.get("seller_offer", ""), offer=True)
    asked = MoneyAnswer.parse(answers.get("asked", "") or answers.get("total", ""))
    return offer is not None and offer.with_return and (asked is None or offer.amount >= asked.amount)


def next_question(answers: dict[str, str]) -> str | None:
    """The first question of the route still unanswered; None when the plan can be shown."""
    for key in route(answers):
        if key not in answers:
            return key
    return None
