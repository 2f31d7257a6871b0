"""The wizard's case: how the answers (and the plan page's extras) become the case the rules read.

Also the way back: which answer a problem in the case came from, the answers of a link
that can be trusted, and the answers in words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from core.i18n import _, show_date, show_money
from core.models import PROTECTION_DAYS_USUAL, Case, Payment, SellerAsk
from core.reading import CaseError, CaseProblem, read_case
from core.wizard.answers import (
    EARLIEST_DAY,
    REJECTED,
    MoneyAnswer,
    answer_in_words,
    answer_problem,
    known,
    order_currency,
    parse_day,
)
from core.wizard.questions import questions
from core.wizard.route import NOT_ARRIVED, ON_REQUEST, next_question, route

FIELD_TO_ANSWER = {
    "order.shipped_on": "shipped",
    "order.placed_on": "ordered",
    "order.estimated_delivery": "eta",
    "order.customs_pay_by": "customs_pay_by",
    "dispute.proof_due_on": "proof_due",
    "order.protection_ends_on": "protection",
    "order.receipt_confirmed_on": "receipt",
    "order.delivered_on": "arrived",
    "order.shipping_paid": "shipping",
    "order.total_paid": "total",
    "missing_items_value": "missing",
    "refund_wanted": "wanted",
    "affected_value": "affected",
    "seller_contacted_on": "contacted",
    "dispute.seller_offer.refund_amount": "seller_offer",
    "dispute.requested_refund": "asked",
    "dispute.aliexpress_offer.refund_amount": "aliexpress_offer",
    "dispute.closed_on": "closed",
    "dispute.opened_on": "opened",
    "dispute.refund_processed_on": "processed",
    "item_return.agreed_on": "return_agreed",
    "item_return.ship_by": "return_ship_by",
    "item_return.sent_on": "return_sent",
    "item_return.delivered_on": "return_delivered",
    "cancelled_on": "cancelled",
    "charged_on": "charged",
}
"""The answer each field of the case comes from, to send the buyer back to the one that doesn't fit."""


PAYMENTS: tuple[str, ...] = tuple(payment.value for payment in Payment)
"""How an order can be paid, as the plan page offers it and a link holds it."""


def payment_words(value: str) -> str:
    """A way of paying in the buyer's words ("AliExpress Bonus or balance"); an unknown value as it is."""
    return {
        Payment.card.value: _("Card"),
        Payment.paypal.value: _("PayPal"),
        Payment.aliexpress.value: _("AliExpress Bonus or balance"),
        Payment.other.value: _("Other"),
    }.get(value, value)


SELLER_ASKS: tuple[str, ...] = tuple(ask.value for ask in SellerAsk)
"""What a seller may push the buyer to do, as the plan page offers it and a link holds it."""


def seller_ask_words(value: str) -> str:
    """What the seller asks, in the buyer's words; an unknown value as it is."""
    return {
        SellerAsk.wait_longer.value: _("Wait longer (“it's coming, just wait”)"),
        SellerAsk.cancel_dispute.value: _("Cancel the dispute (or not open one), and they'll send it again"),
        SellerAsk.confirm_receipt.value: _("Confirm receipt so they get paid, and they'll refund"),
        SellerAsk.return_first.value: _("Send it back first"),
        SellerAsk.pay_outside.value: _("Pay or be refunded outside AliExpress (PayPal, bank transfer)"),
        SellerAsk.buy_again.value: _("Buy something else, and they'll include the missing part"),
        SellerAsk.coupon_instead.value: _("Take a coupon instead of your money back"),
        SellerAsk.change_reason.value: _("Change the dispute's reason"),
        SellerAsk.small_dispute.value: _("Settle for a small amount in the dispute, and they'll pay the rest"),
        SellerAsk.contact_outside.value: _("Someone wrote from outside AliExpress (WhatsApp, a text, an email)"),
    }.get(value, value)


@dataclass(frozen=True)
class Details:
    """Optional extras the plan page asks for: what was ordered, its number, protection days, country,
    how and when the order was paid, what the seller is asking for, and whether it is a Choice order."""

    label: str | None = None
    order_number: str | None = None
    protection_days: int = PROTECTION_DAYS_USUAL
    country: str | None = None
    paid_with: str | None = None
    """One of PAYMENTS, or None until the buyer chooses."""
    paid_on: dt.date | None = None
    """The day the order was paid (the order page's order date): the case's `order.placed_on`."""
    seller_asks: str | None = None
    """One of SELLER_ASKS, or None until the buyer chooses: what the seller is pushing for."""
    choice_order: bool | None = None
    """Whether it is a Choice order, or None until the buyer says."""


def to_case(answers: dict[str, str], today: dt.date, details: Details | None = None) -> Case:
    """The case the answers describe, and nothing they don't say; raises CaseError naming the answer that doesn't fit.

    The order is placed on the day the buyer paid, only when they gave it on the plan page.
    """
    details = details or Details()
    order = order_part(answers, details)
    case: dict[str, Any] = {
        "today": today.isoformat(),
        "order": order,
        "dispute_blocked": answers.get("blocked") == "yes",
    }
    if details.country:
        case["country"] = details.country
    if details.paid_with:
        case["paid_with"] = details.paid_with
    if details.seller_asks:
        case["seller_asks"] = details.seller_asks
    if details.choice_order is not None:
        case["choice_order"] = details.choice_order
    if answers.get("cancel_asked") == "refused":
        case["cancellation_refused"] = True
    if answers.get("cancel_asked") == "keep":
        case["keeps_waiting"] = True
    if answers.get("cancel_asked") == "seller_asked":
        case["seller_asked_to_cancel"] = True
    contacted = known(answers, "contacted")
    if contacted is not None:
        case["seller_contacted_on"] = contacted
    stage_part = STAGE_PARTS.get(answers.get("stage", ""))
    if stage_part is not None:
        stage_part(answers, case, order)
    checked = read_case(case, today)
    too_much = offers_above_total(checked)
    if too_much:
        raise CaseError(too_much)
    return checked


def order_part(answers: dict[str, str], details: Details) -> dict[str, Any]:
    """What every stage says about the order: the extras, when it shipped, whether it is paid, what it cost."""
    order: dict[str, Any] = {"protection_days": details.protection_days}
    if details.label:
        order["label"] = details.label
    if details.order_number:
        order["order_number"] = details.order_number
    if details.paid_on is not None:
        order["placed_on"] = details.paid_on.isoformat()
    shipped = known(answers, "shipped")
    if shipped is not None:
        order["shipped_on"] = shipped
    elif "shipped" in answers:
        order["shipping_day_unknown"] = True
        if answers.get("ordered"):
            # It can't have shipped before it was ordered: counted from then, no deadline comes after the real one.
            order["shipped_on"] = order["placed_on"] = answers["ordered"]
    protection_ends = known(answers, "protection")
    if protection_ends is not None:
        order["protection_ends_on"] = protection_ends
    if answers.get("stage") == "not_shipped":
        order["payment_confirmed"] = answers.get("payment") != "pending"
    total = MoneyAnswer.parse(answers.get("total", ""))
    if total is not None:
        order["total_paid"] = str(total.amount)
    currency = order_currency(answers)
    if currency:
        order["currency"] = currency
    return order


def on_the_way_part(answers: dict[str, str], case: dict[str, Any], order: dict[str, Any]) -> None:
    order["tracking"] = answers.get("tracking", "none")
    case["problem"] = "not_arrived"
    if answers.get("why_back") in ("customs", "not_collected", "no_notice", "other"):
        case["customs_refused"] = answers["why_back"] == "customs"
    case["missed_pickup"] = answers.get("why_back") == "not_collected"
    if answers.get("stage") == "dispute_cancelled":
        case["dispute"] = {"status": "cancelled"}
    eta = known(answers, "eta")
    if eta is not None:
        order["estimated_delivery"] = eta
    pay_by = known(answers, "customs_pay_by")
    if pay_by is not None:
        order["customs_pay_by"] = pay_by


def delivered_missing_part(answers: dict[str, str], case: dict[str, Any], order: dict[str, Any]) -> None:
    order["tracking"] = "delivered"
    case["problem"] = "delivered_not_received"
    case["delivered_elsewhere"] = answers.get("delivered_where") == "elsewhere"


def confirmed_missing_part(answers: dict[str, str], case: dict[str, Any], order: dict[str, Any]) -> None:
    """Receipt confirmed, parcel not in hand: the 15 days after confirming are all that is left."""
    case["problem"] = "not_arrived"
    if answers.get("confirmed"):
        order["receipt_confirmed_on"] = answers["confirmed"]


def received_part(answers: dict[str, str], case: dict[str, Any], order: dict[str, Any]) -> None:
    order["received"] = True
    case["problem"] = answers.get("problem", "none")
    receipt = known(answers, "receipt")
    if receipt is not None:
        order["receipt_confirmed_on"] = receipt
    if answers.get("arrived"):
        order["delivered_on"] = answers["arrived"]
    if answers.get("missing"):
        case["missing_items_value"] = amount_text(answers["missing"])
    if answers.get("wanted"):
        case["refund_wanted"] = amount_text(answers["wanted"])
    if answers.get("items") == "some" and answers.get("affected"):
        case["affected_value"] = amount_text(answers["affected"])
    if answers.get("shipping"):
        order["shipping_paid"] = amount_text(answers["shipping"])
    case["arrived_late"] = answers.get("late") == "yes" or answers.get("came_late") == "yes"
    order["free_return"] = answers.get("free_return") == "yes"
    order["free_return_used"] = answers.get("free_return") == "used"


def dispute_open_part(answers: dict[str, str], case: dict[str, Any], order: dict[str, Any]) -> None:
    about = answers.get("dispute_about", "not_arrived")
    arrived_since = about == "arrived_faulty"
    case["problem"] = "not_as_described" if arrived_since else about
    order["received"] = about not in NOT_ARRIVED
    if about == "delivered_not_received":
        order["tracking"] = "delivered"
    if answers.get("moving") == "yes":
        order["tracking"] = "in_transit"
    dispute: dict[str, Any] = {"status": "open", "arrived_since": arrived_since}
    if answers.get("judgement") in ("valid", "invalid"):
        dispute["judgement"] = answers["judgement"]
    for key in ("seller_offer", "aliexpress_offer"):
        offered = known(answers, key)
        if offered == REJECTED and key == "seller_offer":
            dispute["seller_rejected"] = True
        elif offered == REJECTED:
            # AliExpress asked for more proof: no proposal yet.
            dispute["proof_requested"] = True
        elif offered is not None:
            dispute[key] = offer_part(offered)
    if answers.get("asked"):
        dispute["requested_refund"] = amount_text(answers["asked"])
    order["free_return"] = answers.get("free_return") == "yes"
    order["free_return_used"] = answers.get("free_return") == "used"
    proof_due = known(answers, "proof_due")
    if proof_due is not None:
        dispute["proof_due_on"] = proof_due
    negotiation = known(answers, "negotiation")
    if negotiation is not None:
        dispute["negotiation_ends_on"] = negotiation
    if answers.get("opened"):
        dispute["opened_on"] = answers["opened"]
    case["dispute"] = dispute


def dispute_closed_part(answers: dict[str, str], case: dict[str, Any], order: dict[str, Any]) -> None:
    dispute: dict[str, Any] = {"status": "closed", "satisfied": answers.get("satisfied") != "no"}
    if answers.get("satisfied") == "accepted":
        dispute["accepted_offer"] = True
    if answers.get("closed"):
        dispute["closed_on"] = answers["closed"]
    dispute["refund_received"] = answers.get("refund") in ("received", "bonus", "arrived_after")
    if answers.get("refund") == "arrived_after":
        case["arrived_after_refund"] = order["received"] = True
    case["refund_as_bonus"] = answers.get("refund") == "bonus"
    if answers.get("refund") == "processed" and answers.get("processed"):
        dispute["refund_processed_on"] = answers["processed"]
    case["dispute"] = dispute


def returning_part(answers: dict[str, str], case: dict[str, Any], order: dict[str, Any]) -> None:
    """The item is in the buyer's hands and goes back; why it goes back sets who pays the postage."""
    order["received"] = True
    case["problem"] = answers.get("return_why", "not_as_described")
    item_return: dict[str, Any] = {"status": answers.get("return_status", "not_sent")}
    if answers.get("return_agreed"):
        item_return["agreed_on"] = answers["return_agreed"]
    ship_by = known(answers, "return_ship_by")
    if ship_by is not None:
        item_return["ship_by"] = ship_by
    if answers.get("return_sent"):
        item_return["sent_on"] = answers["return_sent"]
    if answers.get("return_delivered"):
        item_return["delivered_on"] = answers["return_delivered"]
    order["free_return"] = answers.get("free_return") == "yes"
    order["free_return_used"] = answers.get("free_return") == "used"
    case["item_return"] = item_return


def cancelled_part(answers: dict[str, str], case: dict[str, Any], order: dict[str, Any]) -> None:
    """Cancelled before shipping: the refund's days count from the cancellation (how it was paid is a detail)."""
    if answers.get("cancelled"):
        case["cancelled_on"] = answers["cancelled"]
    case["refund_as_bonus"] = answers.get("cancelled_refund") == "bonus"


def payment_problem_part(answers: dict[str, str], case: dict[str, Any], order: dict[str, Any]) -> None:
    """Money with no order of its own: what went wrong, the day it was taken and how much (the plan's "order")."""
    if answers.get("payment_issue"):
        case["payment_problem"] = answers["payment_issue"]
    if answers.get("charged"):
        case["charged_on"] = answers["charged"]
    taken = MoneyAnswer.parse(answers.get("charged_amount", ""))
    if taken is not None:
        order["total_paid"] = str(taken.amount)


STAGE_PARTS = {
    "on_the_way": on_the_way_part,
    "dispute_cancelled": on_the_way_part,
    "delivered_missing": delivered_missing_part,
    "confirmed_missing": confirmed_missing_part,
    "received": received_part,
    "dispute_open": dispute_open_part,
    "dispute_closed": dispute_closed_part,
    "returning": returning_part,
    "cancelled": cancelled_part,
    "payment_problem": payment_problem_part,
}
"""What each stage adds to the case and its order, beyond what every stage says."""


def amount_text(text: str) -> str:
    """The amount of a money answer as the case reads it; an unreadable one reads "None", which the case refuses."""
    money = MoneyAnswer.parse(text)
    return str(money.amount if money is not None else None)


def offer_part(text: str) -> dict[str, Any]:
    """An offer answer as the case's offer."""
    money = MoneyAnswer.parse(text, offer=True)
    return {
        "refund_amount": str(money.amount if money is not None else None),
        "return_required": money is not None and money.with_return,
    }


def offers_above_total(case: Case) -> list[CaseProblem]:
    """An offer or a request for more than the order cost is a typo worth catching in the wizard."""
    dispute, total = case.dispute, case.order.total_paid
    if dispute is None:
        return []
    found = []
    amounts = {
        "dispute.requested_refund": dispute.requested_refund,
        "dispute.seller_offer.refund_amount": dispute.seller_offer.refund_amount if dispute.seller_offer else None,
        "dispute.aliexpress_offer.refund_amount": dispute.aliexpress_offer.refund_amount
        if dispute.aliexpress_offer
        else None,
    }
    for field, amount in amounts.items():
        if amount is not None and amount > total:
            found.append(
                CaseProblem(
                    field,
                    _("That's more than the order cost ({total}).").format(
                        total=show_money(total, case.order.currency)
                    ),
                )
            )
    return found


def paid_on_problem(answers: dict[str, str], day: dt.date, today: dt.date) -> str | None:
    """Why the day the buyer paid can't be right with these answers, or None: a payment comes before shipping."""
    if day > today:
        return _("That date is in the future.")
    if day < EARLIEST_DAY:
        return _("That date is too far from today.")
    shipped = parse_day(answers.get("shipped", ""))
    if shipped is not None and shipped < day:
        return _("That's after it shipped ({shipped}): check the date.").format(shipped=show_date(shipped))
    return None


@dataclass
class Loaded:
    """Answers read back from a link, with a note for each answer that had to be dropped."""

    answers: dict[str, str]
    notes: list[str]


def load_answers(params: dict[str, str], today: dt.date, details: Details | None = None) -> Loaded:
    """Keep the answers of a link that can be trusted, in route order; drop the rest with a note.

    The wizard then lands on the first question it couldn't trust.
    """
    readable = readable_answers(params, today)
    fitting = fitting_answers(readable.answers, today, details)
    return Loaded(answers=fitting.answers, notes=readable.notes + fitting.notes)


def readable_answers(params: dict[str, str], today: dt.date) -> Loaded:
    """The link's answers along the route, up to the first that isn't a good answer to its question."""
    catalog = questions()
    answers: dict[str, str] = {}
    notes: list[str] = []
    for _round in range(len(catalog)):
        key = next_question(answers) or next(
            (k for k in ON_REQUEST if k in params and k not in answers and k in route({**answers, k: params[k]})), None
        )
        if key is None or key not in params:
            break
        if answer_problem(catalog[key], params[key], today) is not None:
            notes.append(
                _("We couldn't use the link's answer to “{question}”, so please answer it again.").format(
                    question=catalog[key].title
                )
            )
            break
        answers[key] = params[key]
    return Loaded(answers=answers, notes=notes)


def fitting_answers(answers: dict[str, str], today: dt.date, details: Details | None) -> Loaded:
    """The answers up to the first one the case says doesn't fit the others."""
    notes: list[str] = []
    while answers:
        try:
            to_case(answers, today, details)
            break
        except CaseError as error:
            bad = {FIELD_TO_ANSWER[p.field] for p in error.problems if p.field in FIELD_TO_ANSWER} & answers.keys()
            if not bad:
                break
            order = route(answers)
            first = min(bad, key=order.index)
            notes.append(
                _("The link's answer to “{question}” didn't fit the others, so please answer it again.").format(
                    question=questions()[first].title
                )
            )
            answers = {k: v for k, v in answers.items() if order.index(k) < order.index(first)}
    return Loaded(answers=answers, notes=notes)


def summary(answers: dict[str, str]) -> list[tuple[str, str, str]]:
    """(question key, short name, answer in words) for every answer given, in route order."""
    catalog = questions()
    return [
        (key, catalog[key].summary, answer_in_words(catalog[key], answers[key]))
        for key in route(answers)
        if key in answers
    ]
