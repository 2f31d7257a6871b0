"""The wizard's questions: which to ask, in which order, and how answers become a case.

The route follows the guide's decision tree: only the questions that change the advice
for this situation are asked. Answers are plain strings (so they fit in a URL); every
answer is checked here, so a garbled or contradictory link is caught before the rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from types import MappingProxyType

from core.dates import add_days
from core.i18n import _, current_language, show_date, show_money
from core.models import AMOUNT_MAX, PROTECTION_DAYS_USUAL, Case, order_number_digits
from core.reading import CaseError, CaseProblem, read_case

CURRENCIES = ("USD", "EUR", "GBP", "CAD", "AUD", "BRL", "MXN", "PLN", "CHF", "SEK", "NOK", "DKK", "CZK",
              "HUF", "RON", "ILS", "KRW", "JPY", "NZD", "CLP", "COP", "PEN", "TRY", "ZAR", "UAH", "KZT")


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    help: str = ""


@dataclass(frozen=True)
class Question:
    """One screen of the wizard.

    kind says which widget asks it: "choice" (one of `choices`), "date", "date_or_no"
    (a date, or "no" for not yet / don't know), "money" (an amount with the currency),
    "offer" ("no", or an amount and whether a return is required).
    """

    key: str
    kind: str
    title: str
    help: str = ""
    choices: tuple[Choice, ...] = ()
    no_label: str = ""
    summary: str = ""


def questions() -> Mapping[str, Question]:
    """Every question, worded in the current language.

    Worded once per language and shared (read-only): a question step would otherwise
    spend a third of its rerun translating some 200 texts it never shows.
    """
    return _worded(current_language())


@lru_cache(maxsize=16)
def _worded(language: str) -> Mapping[str, Question]:
    """The questions in `language` (the cache key; `_` reads the same language from the session)."""
    problems = (
        Choice("not_as_described", _("It's broken, doesn't work or isn't as described")),
        Choice("slightly_imperfect", _("It's usable, but a bit off (colour, size, finish)")),
        Choice("incomplete", _("Some items are missing")),
        Choice("fake", _("It's a fake")),
        Choice("wrong_item", _("It's not what I ordered")),
        Choice("wrong_shipping_method", _("It came by a different shipping method than I paid for")),
        Choice("changed_mind", _("Nothing's wrong, I just want to send it back")),
    )
    listed = [
        Question("stage", "choice", _("Where is your order at?"), summary=_("Situation"), choices=(
            Choice("not_shipped", _("Not shipped yet"), _("The order page doesn't show a shipping date.")),
            Choice("on_the_way", _("Shipped, but it hasn't arrived"), _("Late, lost or stuck in tracking.")),
            Choice("delivered_missing", _("Tracking says delivered, but I don't have it")),
            Choice("received", _("It arrived")),
            Choice("dispute_open", _("I have an open dispute")),
            Choice("dispute_closed", _("My dispute is closed")),
        )),
        Question("payment", "choice", _("Has AliExpress confirmed your payment?"), summary=_("Payment"),
                 help=_("The order page says “Awaiting payment” until it's confirmed."), choices=(
                     Choice("pending", _("Not yet")),
                     Choice("confirmed", _("Yes, the payment is confirmed")),
                 )),
        Question("problem", "choice", _("What's wrong with it?"), summary=_("Problem"), choices=problems + (
            Choice("none", _("Nothing, it's fine"), _("You may just need to confirm receipt.")),
        )),
        Question("dispute_about", "choice", _("What is the dispute about?"), summary=_("Dispute about"), choices=(
            Choice("not_arrived", _("The parcel never arrived")),
            Choice("delivered_not_received", _("Tracking says delivered, but I don't have it")),
        ) + problems + (
            Choice("none", _("It arrived after all and it's fine")),
        )),
        Question("shipped", "date", _("When did the seller ship it?"), summary=_("Shipped on"),
                 help=_("The shipping date is on the order page. Protection is counted from it.")),
        Question("tracking", "choice", _("What does the tracking say?"), summary=_("Tracking"), choices=(
            Choice("in_transit", _("It's moving"), _("Recent updates on the way to you.")),
            Choice("no_updates", _("No updates for a while")),
            Choice("none", _("There is no tracking")),
            Choice("returned_to_seller", _("It went back to the seller")),
        )),
        Question("eta", "date_or_no", _("What is the estimated delivery date?"), summary=_("Estimated delivery"),
                 help=_("Shown on the order page."), no_label=_("I don't know")),
        Question("contacted", "date_or_no", _("Have you written to the seller about it?"), summary=_("Seller contacted"),
                 help=_("Sellers get a couple of days to answer before a dispute."), no_label=_("Not yet")),
        Question("receipt", "date_or_no", _("Have you confirmed receipt on AliExpress?"),
                 summary=_("Receipt confirmed"),
                 help=_("“Confirm receipt” is the button on the order that tells AliExpress it arrived. "
                        "You still have 15 days after it to open a dispute."), no_label=_("Not yet")),
        Question("total", "money", _("How much did you pay for the order?"), summary=_("Paid"),
                 help=_("The total on the order page, shipping included.")),
        Question("missing", "money", _("How much are the missing items worth?"), summary=_("Missing items")),
        Question("wanted", "money", _("How much would you like back?"), summary=_("Refund wanted"),
                 help=_("A partial refund needs an amount. A fair one is what it would cost to put right, "
                        "or the difference in price to a similar item that is right.")),
        Question("shipping", "money", _("How much did you pay for shipping?"), summary=_("Shipping paid"),
                 help=_("Zero if shipping was free.")),
        Question("late", "choice", _("Did it arrive late because of it?"), summary=_("Arrived late"), choices=(
            Choice("yes", _("Yes, it was late")),
            Choice("no", _("No, it came roughly on time")),
        )),
        Question("free_return", "choice", _("Does the listing say “free return”?"), summary=_("Free return"),
                 help=_("With free return, AliExpress gives you a return code and the postage is free."), choices=(
                     Choice("yes", _("Yes, free return")),
                     Choice("no", _("No, or I'm not sure")),
                 )),
        Question("judgement", "choice", _("Has AliExpress judged the dispute?"), summary=_("Judgement"),
                 help=_("Look for “AliExpress Judgment Details” in the dispute."), choices=(
                     Choice("none", _("Not yet")),
                     Choice("valid", _("Yes: valid")),
                     Choice("invalid", _("Yes: invalid")),
                 )),
        Question("moving", "choice", _("Does tracking still show the parcel moving?"), summary=_("Still moving"),
                 choices=(
                     Choice("yes", _("Yes, it's still in transit")),
                     Choice("no", _("No")),
                 )),
        Question("seller_offer", "offer", _("Has the seller offered you something?"), summary=_("Seller's offer"),
                 no_label=_("No offer yet")),
        Question("aliexpress_offer", "offer", _("Has AliExpress proposed a solution?"),
                 summary=_("AliExpress's proposal"),
                 help=_("AliExpress steps in a few days after the dispute opens if you and the seller don't agree."),
                 no_label=_("Not yet")),
        Question("negotiation", "date_or_no", _("When does the negotiation end?"), summary=_("Negotiation ends"),
                 help=_("The dispute shows a “Negotiation Finished” date. If you pick nothing by then, "
                        "AliExpress's proposal is applied."), no_label=_("I can't see it")),
        Question("asked", "money", _("How much did you ask for in the dispute?"), summary=_("You asked for")),
        Question("satisfied", "choice", _("Are you happy with how it ended?"), summary=_("Happy with outcome"),
                 choices=(
                     Choice("yes", _("Yes")),
                     Choice("no", _("No, it was unfair")),
                 )),
        Question("closed", "date", _("When did the dispute close?"), summary=_("Dispute closed on")),
        Question("refund", "choice", _("Where is your refund?"), summary=_("Refund"),
                 help=_("See the order's “Payment” tab: three completed orange dots mean it was processed."),
                 choices=(
                     Choice("received", _("I have the money")),
                     Choice("processed", _("Processed, but the money isn't here")),
                     Choice("not_yet", _("Not processed yet")),
                 )),
        Question("processed", "date", _("When was the refund processed?"), summary=_("Refund processed on")),
        Question("blocked", "choice", _("Can you open a dispute on the order page?"), summary=_("Can open a dispute"),
                 help=_("The button may be missing, or AliExpress may say the parcel will arrive soon."), choices=(
                     Choice("no", _("Yes, I can open one")),
                     Choice("yes", _("No, AliExpress won't let me")),
                 )),
    ]
    return MappingProxyType({q.key: q for q in listed})


NOT_ARRIVED = ("not_arrived", "delivered_not_received")
PAST_EVENTS = ("shipped", "contacted", "receipt", "closed", "processed")
PARTIAL_CLAIMS = ("slightly_imperfect", "incomplete", "wrong_shipping_method")
ON_REQUEST = ("blocked",)
"""Questions never asked on the way: the buyer brings them up from the plan, and the route keeps them."""


def route(answers: dict[str, str]) -> list[str]:
    """The questions this situation needs, in order, given the answers so far."""
    stage = answers.get("stage")
    keys = ["stage"]
    if stage == "not_shipped":
        return keys + ["payment"]
    if stage == "on_the_way":
        keys += ["shipped", "tracking"]
        tracking = answers.get("tracking")
        if tracking != "returned_to_seller":
            keys.append("eta")
        if tracking in ("no_updates", "none"):
            keys.append("contacted")
        return keys + on_request(answers)
    if stage == "delivered_missing":
        return keys + ["shipped", "contacted"] + on_request(answers)
    if stage == "received":
        keys += ["problem", "shipped", "receipt"]
        return keys + problem_details(answers.get("problem"), answers)
    if stage == "dispute_open":
        keys.append("dispute_about")
        about = answers.get("dispute_about")
        if about == "none":
            return keys + ["shipped"]
        if about in NOT_ARRIVED:
            keys.append("judgement")
            if answers.get("judgement") == "invalid":
                keys.append("moving")
                if answers.get("moving") == "yes":
                    return keys + ["shipped"]
        keys.append("total")
        if about in PARTIAL_CLAIMS:
            keys.append("asked")
        keys += ["seller_offer", "aliexpress_offer"]
        if answers.get("aliexpress_offer") not in (None, "no"):
            keys.append("negotiation")
        return keys
    if stage == "dispute_closed":
        keys.append("satisfied")
        if answers.get("satisfied") == "no":
            return keys + ["closed"]
        keys.append("refund")
        if answers.get("refund") == "processed":
            keys.append("processed")
        return keys
    return keys


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
        shipping = answers.get("shipping")
        if shipping is not None and parse_money(shipping)[0] not in (None, Decimal(0)):
            keys.append("late")
        return keys
    if problem == "changed_mind":
        return ["free_return"]
    return []


def next_question(answers: dict[str, str]) -> str | None:
    """The first question of the route still unanswered; None when the plan can be shown."""
    for key in route(answers):
        if key not in answers:
            return key
    return None


def parse_money(text: str) -> tuple[Decimal | None, str]:
    """An amount like "12.50" and its currency from "12.50 USD"; (None, "") if it isn't one."""
    amount_text, _sep, currency = text.strip().partition(" ")
    try:
        amount = Decimal(amount_text)
    except InvalidOperation:
        return None, ""
    if not amount.is_finite() or amount < 0 or amount > AMOUNT_MAX or amount != amount.quantize(Decimal("0.01")):
        return None, ""
    return amount.quantize(Decimal("0.01")), currency.strip().upper()


def money_answer(amount: Decimal | float, currency: str) -> str:
    """The stored form of an amount answer: "12.50 USD"."""
    return f"{Decimal(str(amount)).quantize(Decimal('0.01'))} {currency}"


def parse_day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except (ValueError, TypeError):
        return None


def answer_problem(question: Question, text: str) -> str | None:
    """Why an answer can't be used for this question, or None when it is fine."""
    if not isinstance(text, str) or len(text) > 64:
        return _("That answer isn't one we can read.")
    if question.kind == "choice":
        return None if text in {c.value for c in question.choices} else _("Please pick one of the options.")
    if question.kind in ("date", "date_or_no"):
        if question.kind == "date_or_no" and text == "no":
            return None
        return None if parse_day(text) is not None else _("That isn't a date we can read.")
    if question.kind in ("money", "offer"):
        if question.kind == "offer" and text == "no":
            return None
        body = text.removesuffix(" return") if question.kind == "offer" else text
        amount, currency = parse_money(body)
        if amount is None:
            return _("Please enter an amount of 0 or more, with at most two decimals.")
        if question.key == "wanted" and amount == 0:
            return _("Please enter the amount you would like back: a partial refund needs one.")
        if currency and currency not in CURRENCIES:
            return _("That currency isn't one we know.")
        return None
    return _("That answer isn't one we can read.")


@dataclass(frozen=True)
class Details:
    """Optional extras the plan page asks for: what was ordered, its number, protection days, country."""

    label: str | None = None
    order_number: str | None = None
    protection_days: int = PROTECTION_DAYS_USUAL
    country: str | None = None


def read_order_number(text: str) -> tuple[str | None, str | None]:
    """(the number as digits, None), or (None, why it can't be one); a blank box is no number and no problem."""
    if not text.strip():
        return None, None
    try:
        return order_number_digits(text), None
    except ValueError:
        return None, _("An order number is 8 to 20 digits, as shown on the order page.")


def to_case(answers: dict[str, str], today: dt.date, details: Details | None = None) -> Case:
    """The case the answers describe, and nothing they don't say; raises CaseError naming the answer that doesn't fit.

    The wizard never asks when the order was placed, so the case has no such date.
    """
    details = details or Details()
    get = answers.get
    stage = get("stage")
    order: dict = {"protection_days": details.protection_days}
    if details.label:
        order["label"] = details.label
    if details.order_number:
        order["order_number"] = details.order_number
    case: dict = {"today": today.isoformat(), "order": order, "dispute_blocked": get("blocked") == "yes"}
    if details.country:
        case["country"] = details.country
    if get("shipped"):
        order["shipped_on"] = get("shipped")
    if stage == "not_shipped":
        order["payment_confirmed"] = get("payment") != "pending"
    total, currency = parse_money(get("total", ""))
    if total is not None:
        order["total_paid"] = str(total)
    if currency:
        order["currency"] = currency
    if stage == "on_the_way":
        order["tracking"] = get("tracking", "none")
        case["problem"] = "not_arrived"
        if get("eta") not in (None, "no"):
            order["estimated_delivery"] = get("eta")
    if stage == "delivered_missing":
        order["tracking"] = "delivered"
        case["problem"] = "delivered_not_received"
    if get("contacted") not in (None, "no"):
        case["seller_contacted_on"] = get("contacted")
    if stage == "received":
        order["received"] = True
        case["problem"] = get("problem", "none")
        if get("receipt") not in (None, "no"):
            order["receipt_confirmed_on"] = get("receipt")
        if get("missing"):
            case["missing_items_value"] = str(parse_money(get("missing"))[0])
        if get("wanted"):
            case["refund_wanted"] = str(parse_money(get("wanted"))[0])
        if get("shipping"):
            order["shipping_paid"] = str(parse_money(get("shipping"))[0])
        case["arrived_late"] = get("late") == "yes"
        order["free_return"] = get("free_return") == "yes"
    if stage == "dispute_open":
        about = get("dispute_about", "not_arrived")
        case["problem"] = about
        order["received"] = about not in NOT_ARRIVED
        if about == "delivered_not_received":
            order["tracking"] = "delivered"
        if get("moving") == "yes":
            order["tracking"] = "in_transit"
        dispute = {"status": "open"}
        if get("judgement") in ("valid", "invalid"):
            dispute["judgement"] = get("judgement")
        for key in ("seller_offer", "aliexpress_offer"):
            if get(key) not in (None, "no"):
                dispute[key] = offer(get(key))
        if get("asked"):
            dispute["requested_refund"] = str(parse_money(get("asked"))[0])
        if get("negotiation") not in (None, "no"):
            dispute["negotiation_ends_on"] = get("negotiation")
        case["dispute"] = dispute
    if stage == "dispute_closed":
        dispute = {"status": "closed", "satisfied": get("satisfied") != "no"}
        if get("closed"):
            dispute["closed_on"] = get("closed")
        dispute["refund_received"] = get("refund") == "received"
        if get("refund") == "processed" and get("processed"):
            dispute["refund_processed_on"] = get("processed")
        case["dispute"] = dispute
    checked = read_case(case, today)
    too_much = offers_above_total(checked)
    if too_much:
        raise CaseError(too_much)
    return checked


def offers_above_total(case: Case) -> list[CaseProblem]:
    """An offer or a request for more than the order cost is a typo worth catching in the wizard."""
    dispute, total = case.dispute, case.order.total_paid
    if dispute is None:
        return []
    found = []
    amounts = {
        "dispute.requested_refund": dispute.requested_refund,
        "dispute.seller_offer.refund_amount": dispute.seller_offer and dispute.seller_offer.refund_amount,
        "dispute.aliexpress_offer.refund_amount": dispute.aliexpress_offer and dispute.aliexpress_offer.refund_amount,
    }
    for field, amount in amounts.items():
        if amount is not None and amount > total:
            found.append(CaseProblem(field, _("That's more than the order cost ({total}).").format(
                total=show_money(total, case.order.currency))))
    return found


def offer(text: str) -> dict:
    amount, _currency = parse_money(text.removesuffix(" return"))
    return {"refund_amount": str(amount), "return_required": text.endswith(" return")}


FIELD_TO_ANSWER = {
    "order.shipped_on": "shipped",
    "order.estimated_delivery": "eta",
    "order.receipt_confirmed_on": "receipt",
    "order.shipping_paid": "shipping",
    "order.total_paid": "total",
    "missing_items_value": "missing",
    "refund_wanted": "wanted",
    "seller_contacted_on": "contacted",
    "dispute.seller_offer.refund_amount": "seller_offer",
    "dispute.requested_refund": "asked",
    "dispute.aliexpress_offer.refund_amount": "aliexpress_offer",
    "dispute.closed_on": "closed",
    "dispute.refund_processed_on": "processed",
}


@dataclass
class Loaded:
    """Answers read back from a link, with a note for each answer that had to be dropped."""

    answers: dict[str, str]
    notes: list[str]


def load_answers(params: dict[str, str], today: dt.date, details: Details | None = None) -> Loaded:
    """Keep the answers of a link that can be trusted, in route order; drop the rest with a note.

    The wizard then lands on the first question it couldn't trust.
    """
    catalog = questions()
    answers: dict[str, str] = {}
    notes: list[str] = []
    for _round in range(len(catalog)):
        key = next_question(answers) or next(
            (k for k in ON_REQUEST if k in params and k not in answers and k in route({**answers, k: params[k]})), None)
        if key is None or key not in params:
            break
        problem = answer_problem(catalog[key], params[key])
        if problem is None and catalog[key].kind in ("date", "date_or_no"):
            problem = date_problem(key, params[key], today)
        if problem is not None:
            notes.append(_("We couldn't use the link's answer to “{question}”, so please answer it again.").format(
                question=catalog[key].title))
            break
        answers[key] = params[key]
    while answers:
        try:
            to_case(answers, today, details)
            break
        except CaseError as error:
            bad = {FIELD_TO_ANSWER.get(p.field) for p in error.problems} & answers.keys()
            if not bad:
                break
            order = route(answers)
            first = min(bad, key=order.index)
            notes.append(_("The link's answer to “{question}” didn't fit the others, so please answer it again.").format(
                question=catalog[first].title))
            answers = {k: v for k, v in answers.items() if order.index(k) < order.index(first)}
    return Loaded(answers=answers, notes=notes)


EARLIEST_DAY = dt.date(2000, 1, 1)
YEARS_AHEAD = 5
FIRST_GUESS_DAYS = {"shipped": -14, "eta": 14, "contacted": -2, "receipt": -1, "closed": -1, "processed": -3,
                    "negotiation": 3}
"""Where each date question's picker starts, in days from today: a guess close to the usual case."""


def date_range(key: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The dates a question can take: past events up to today, expected dates up to five years ahead."""
    if key in PAST_EVENTS:
        return EARLIEST_DAY, today
    return EARLIEST_DAY, add_days(today, YEARS_AHEAD * 365)


def first_guess(key: str, today: dt.date) -> dt.date:
    """The date a picker shows before the buyer picks one."""
    low, high = date_range(key, today)
    return min(max(add_days(today, FIRST_GUESS_DAYS.get(key, 0)), low), high)


def date_problem(key: str, text: str, today: dt.date) -> str | None:
    """Dates that can't be true for their question: past events in the future, or far from today."""
    day = parse_day(text)
    if day is None:
        return None
    low, high = date_range(key, today)
    if key in PAST_EVENTS and day > today:
        return _("That date is in the future.")
    if not low <= day <= high:
        return _("That date is too far from today.")
    return None


def summary(answers: dict[str, str]) -> list[tuple[str, str, str]]:
    """(question key, short name, answer in words) for every answer given, in route order."""
    catalog = questions()
    rows = []
    for key in route(answers):
        if key not in answers:
            continue
        question, value = catalog[key], answers[key]
        if question.kind == "choice":
            shown = next((c.label for c in question.choices if c.value == value), value)
        elif value == "no":
            shown = question.no_label
        elif question.kind in ("date", "date_or_no"):
            shown = show_date(parse_day(value))
        else:
            amount, currency = parse_money(value.removesuffix(" return"))
            shown = show_money(amount, currency or "USD")
            if value.endswith(" return"):
                shown += " " + _("(with a return)")
        rows.append((key, question.summary, shown))
    return rows
