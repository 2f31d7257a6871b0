"""Each rule's headline: `said()` for one sentence with the plan's dates, and the headlines that need more."""

from __future__ import annotations

from collections.abc import Callable

from core.facts import Fact
from core.i18n import _
from core.models import Payment
from core.wording.said import Said


def said(text: str, **values: str | Fact) -> Callable[[Said], str]:
    """A headline with the plan's dates (by field name) and the figures of core.facts filled in:
    said("... {day}, {n} days ...", day="dispute_deadline", n=APPEAL_WINDOW)."""
    return lambda w: _(text).format(
        **{name: w.day(value) if isinstance(value, str) else w.n(value) for name, value in values.items()}
    )


def refund_headline(with_amount: str, without: str) -> Callable[[Said], str]:
    """A headline that names the amount when the plan knows it."""

    def words(w: Said) -> str:
        return _(with_amount).format(amount=w.money(w.amount)) if w.amount is not None else _(without)

    return words


def for_affected(whole: Callable[[Said], str], some: str) -> Callable[[Said], str]:
    """A full-refund headline, or, when only some items of the order are affected, the refund for those."""

    def words(w: Said) -> str:
        if w.decision.refund == "partial" and w.amount is not None:
            return _(some).format(amount=w.money(w.amount))
        return whole(w)

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


def label_refused_headline(w: Said) -> str:
    ship_by = w.dates.return_ship_by
    if ship_by is not None and ship_by >= w.today:
        return _(
            "The post office won't take the return label: ask support for a new one today, and send it by {day} if "
            "you can."
        ).format(day=w.day("return_ship_by"))
    return _("The post office won't take the return label: ask support for a new one today.")


def held_at_customs_headline(w: Said) -> str:
    """Held at customs: pay the real charge on the carrier's site, by the notice's date when the buyer has it."""
    pay_by = w.dates.customs_pay_by
    if pay_by is not None and pay_by < w.today:
        return _(
            "The day to pay customs ({day}) has passed: ask the carrier today whether you can still pay. If not, the "
            "parcel goes back to the seller."
        ).format(day=w.day("customs_pay_by"))
    if pay_by is not None:
        return _(
            "Your parcel is held at customs: check the charge on the carrier's own site and pay it there by {day}, "
            "or it goes back to the seller."
        ).format(day=w.day("customs_pay_by"))
    return _(
        "Your parcel is held at customs: check the charge on the carrier's own site and pay it there. If it's "
        "still held on {day}, open a dispute."
    ).format(day=w.day("running_out_from"))


def cancelled_late_headline(w: Said) -> str:
    if w.case.paid_with is Payment.paypal:
        return _("The refund for your cancelled order is late: check your PayPal account, then ask support.")
    if w.case.paid_with is Payment.aliexpress:
        return _(
            "The refund for your cancelled order is late: check your AliExpress Bonus and balance, then ask support."
        )
    return _("The refund for your cancelled order is late: check your statement, then ask your bank.")


def no_label_headline(w: Said) -> str:
    ship_by = w.dates.return_ship_by
    if ship_by is not None and ship_by >= w.today:
        return _(
            "No return address or label yet: ask the seller for one in the dispute today, so you can send it by {day}."
        ).format(day=w.day("return_ship_by"))
    if ship_by is not None:
        return _(
            "No return address or label, and the day to send it ({day}) has passed: ask support today to keep your "
            "refund."
        ).format(day=w.day("return_ship_by"))
    return _("No return address or label yet: ask the seller for one in the dispute today.")


def seller_rejected_headline(w: Said) -> str:
    steps_in = w.dates.aliexpress_steps_in_by
    if steps_in is not None and steps_in < w.today:
        return _(
            "The seller rejected your dispute and AliExpress should have stepped in by {day}: add your proof, and "
            "ask support today."
        ).format(day=w.day("aliexpress_steps_in_by"))
    if steps_in is not None:
        return _(
            "The seller rejected your dispute: add all your proof now. AliExpress should step in by {day}."
        ).format(day=w.day("aliexpress_steps_in_by"))
    return _("The seller rejected your dispute: add all your proof now, so AliExpress can decide.")


def proof_requested_headline(w: Said) -> str:
    """AliExpress asked for proof: the day it gave, or that it has passed."""
    due = w.dates.proof_due
    if due is not None and due < w.today:
        return _("The day to add the proof AliExpress asked for ({day}) has passed: add it today anyway.").format(
            day=w.day("proof_due")
        )
    if due is not None:
        return _("AliExpress asks for your proof: add it to the dispute by {day}.").format(day=w.day("proof_due"))
    return _("AliExpress asks for your proof: add it to the dispute as soon as you can.")
