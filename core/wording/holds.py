"""The words for a parcel held until the buyer acts, where paying won't free it: one waiting to be collected after a
failed delivery, and one customs holds until it gets the documents it asked for.

Both have arrived in the buyer's country, so the plan is to get them out before they go back to the seller; a
dispute is the way out only when that fails, or protection is about to end.
"""

from __future__ import annotations

from core.i18n import _
from core.models import Message, Rule
from core.wording.said import Said, message

# A parcel waiting to be collected


def pickup_headline(w: Said) -> str:
    if w.decision.rule is Rule.waiting_for_pickup_running_out:
        return _(
            "Protection ends on {day}: open a dispute today to keep it, and collect your parcel as soon as you can."
        ).format(day=w.day("dispute_deadline"))
    return _("Your parcel is waiting for you: collect it, or book a new delivery, before it goes back to the seller.")


def pickup_steps(w: Said) -> list[str]:
    listed = [
        _(
            "Find the notice (a card, a text or an email), or look up the tracking number on the local carrier's own "
            "site: it says where the parcel is and until when."
        ),
        _("Collect it with your ID and the tracking number, or book a new delivery on the carrier's site."),
        _(
            "The carrier can't find it, or won't hand it over? Ask them for the reason in writing, and send the "
            "seller the message below."
        ),
    ]
    if w.decision.rule is Rule.waiting_for_pickup_running_out:
        listed += [
            _("Open the dispute today, choose “Refund only”, and paste the dispute description below."),
            _("Once the parcel is in your hands and fine, come back here: you can cancel the dispute then."),
        ]
    elif w.dates.running_out_from is not None:
        listed.append(
            _("Still not in your hands on {day}? Open a dispute that day, so protection doesn't run out.").format(
                day=w.day("running_out_from")
            )
        )
    return listed


def pickup_proof(w: Said) -> list[str]:
    return [
        _("The delivery notice, or a screenshot of the carrier's tracking page."),
        _("The carrier's reason in writing, if they won't hand it over."),
    ]


def pickup_warnings(w: Said) -> list[str]:
    return [
        _(
            "Don't let it go back: the seller did send it, so a dispute for a parcel you didn't collect can be lost "
            "or the postage kept back."
        )
    ]


def seller_cant_collect(w: Said) -> list[Message]:
    body = _(
        "Hello, I am writing about {order}. The tracking says it is waiting to be collected, but I can't get it: "
        "[why, in one line]. Could you please ask the carrier to deliver it, or tell me where to collect it? Thank you."
    ).format(order=w.order_ref)
    return [message("seller", _("To the seller, if you can't collect it"), body)]


# Customs asking for documents


def customs_documents_headline(w: Said) -> str:
    last = w.dates.customs_pay_by
    if last is not None and last < w.today:
        return _(
            "The customs notice's last day ({day}) has passed: ask the carrier today whether you can still send what "
            "customs asked for."
        ).format(day=w.day("customs_pay_by"))
    if last is not None:
        return _(
            "Customs wants documents before it releases your parcel: ask the seller for the invoice today, and send "
            "everything by {day}."
        ).format(day=w.day("customs_pay_by"))
    return _(
        "Customs wants documents before it releases your parcel: ask the seller for the invoice today, and send what "
        "customs asks for soon."
    )


def customs_documents_steps(w: Said) -> list[str]:
    last = w.dates.customs_pay_by
    send = (
        _("Send customs what it asks for by {day}, the way the notice says.").format(day=w.day("customs_pay_by"))
        if last is not None and last >= w.today
        else _("Send customs what it asks for soon, the way the notice says: unanswered parcels go back to the seller.")
    )
    refused = (
        _(
            "Customs refuses the item, or the seller sends nothing by {day}? Open a dispute, with the customs notice "
            "as proof."
        ).format(day=w.day("seller_answer_due"))
        if w.dates.seller_answer_due is not None
        else _(
            "Customs refuses the item, or the seller sends nothing? Open a dispute, with the customs notice as proof."
        )
    )
    return [
        _(
            "Read the notice: it says what customs wants (an invoice, an ID, a form) and where to send it. Check it on "
            "the carrier's or customs' own site, never through a link in a text."
        ),
        _(
            "Send the seller the message below, asking for the invoice. Meanwhile, screenshot your order page and "
            "payment, and ask customs whether they will do as proof of what you paid."
        ),
        send,
        refused,
    ]


def customs_documents_proof(w: Said) -> list[str]:
    return [
        _("The customs notice, showing what it asks for."),
        _("Screenshots of the order page and of your payment."),
        _("Your messages asking the seller for the invoice, with their dates."),
    ]


def customs_documents_warnings(w: Said) -> list[str]:
    return [
        _(
            "Don't ignore the notice: a parcel customs doesn't release goes back to the seller, and a dispute for it "
            "can be lost."
        )
    ]


def seller_invoice(w: Said) -> list[Message]:
    body = _(
        "Hello, I am writing about {order}. Customs is holding the parcel and asks for [what customs asks for]. "
        "Could you please send me the invoice today, so I can get it released? Thank you."
    ).format(order=w.order_ref)
    return [message("seller", _("To the seller"), body)]
