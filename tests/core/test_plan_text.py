"""The words of every plan, checked the way a careful buyer would read them before pasting them.

Issue 9, "Checks that cannot be fooled", and issue 16's "never" rules. The checks run over:
- every rule's sample case (SAMPLE_CASES, tests/support/cases.py);
- thousands of hypothesis cases built as the wizard builds them (no order date, no name, no
  order number, the total only when a question asked it, `dispute_blocked`, `refund_wanted`),
  and as the command line and the orders page do (an order date, a name, hostile names
  included, sometimes an order number), many of them near the end of protection and in the
  15 days after it;
- a grid of not-received cases around the end of protection (issue 16's boundaries).

Each check is a small function `check_<what>(seen)` that reports the rule, where the text is
(headline, steps[2], messages[0] dispute body...) and the offending text.

The reviewed plans (tests/core/reviewed_plans/*.txt) are plan texts for a sample of situations,
read as a buyer would paste them; `test_reviewed_plans_are_unchanged` regenerates them and fails
on any difference. After reading a changed text and accepting it, regenerate them with

    UPDATE_REVIEWED=1 .venv/bin/python -m pytest -p no:cacheprovider tests/core/test_plan_text.py -k reviewed
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import advise, guide, read_case
from core.counting import assumed_protection, how_counted
from core.facts import FACTS
from core.i18n import days_phrase, show_date, show_money
from core.models import Case, DisputeStatus, PaymentProblem, Plan, Problem, Rule, SellerAsk, Tracking
from core.wording.said import form_safe
from tests.support.cases import RECEIVED_PROBLEMS, SAMPLE_CASES, TODAY, day, make_case, not_received, received

GUIDE_TITLES = {value for name, value in vars(guide).items() if name.isupper()}
REVIEWED_DIR = Path(__file__).resolve().parent / "reviewed_plans"
UPDATE_REVIEWED = os.environ.get("UPDATE_REVIEWED") == "1"

EXAMPLES = 1500
"""Hypothesis examples per generated-case test: the whole file stays well under a minute."""
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

RUNNING_OUT_DAYS = 5
"""Issue 16: protection is running out when 0 to 5 days are left (the rules' threshold, restated here)."""
LATE_CLAIM_DAYS = 15
"""Issue 16: AliExpress still takes a not-received claim for 15 days after protection ends."""
DAYS_BEFORE_DISPUTE = 10
"""AliExpress lets a dispute be opened 10 days after shipping, not before."""


# =====================================================================================
# What a plan says, and what the case holds
# =====================================================================================


@dataclass
class Seen:
    """One case, its plan, and every failure the checks found in its words."""

    case: Case
    plan: Plan
    failures: list[tuple[str, str]] = field(default_factory=list)
    """(the check's name, what it found)."""

    @property
    def rule(self) -> str:
        return self.plan.rule.value

    @property
    def today(self) -> dt.date:
        return self.plan.today

    @property
    def item(self) -> str:
        """The buyer's label as messages show it (letters, digits and plain punctuation)."""
        return form_safe(self.case.order.label or "")

    def fail(self, check: str, where: str, text: str, why: str) -> None:
        self.failures.append((check, f"[{check}] rule {self.rule}, {where}: {why}\n    text: {text!r}"))

    def masked(self, text: str) -> str:
        """The text with the buyer's own label replaced: their words are theirs, not ours to check."""
        return text.replace(f"({self.item})", "(Item)") if self.item else text

    def texts(self) -> list[tuple[str, str]]:
        """Every text of the plan with where it is, e.g. ("steps[2]", "Do it by ...")."""
        plan = self.plan
        found = [("headline", plan.headline), ("money", plan.money)]
        found += [(f"steps[{i}]", text) for i, text in enumerate(plan.steps)]
        found += [(f"evidence[{i}]", text) for i, text in enumerate(plan.evidence)]
        found += [(f"warnings[{i}]", text) for i, text in enumerate(plan.warnings)]
        for i, m in enumerate(plan.messages):
            found += [(f"messages[{i}] {m.kind} title", m.title), (f"messages[{i}] {m.kind} body", m.body)]
        if plan.next_deadline is not None:
            found.append(("next_deadline.label", plan.next_deadline.label))
        found += [(f"counted[{name}]", text) for name, text in plan.counted.items()]
        return found

    def bodies(self) -> list[tuple[str, str]]:
        return [(f"messages[{i}] {m.kind} body", m.body) for i, m in enumerate(self.plan.messages)]

    def advice(self) -> list[tuple[str, str]]:
        """The texts addressed to the buyer and every message body (titles and labels are not sentences)."""
        return [
            (where, text)
            for where, text in self.texts()
            if not where.endswith("title") and where not in ("money", "next_deadline.label")
        ]

    def amounts(self) -> set[Decimal]:
        """Every amount of money the case holds (zero means "not given")."""
        case, order, dispute = self.case, self.case.order, self.case.dispute
        held = [order.total_paid, order.shipping_paid, case.missing_items_value, case.refund_wanted]
        if dispute is not None:
            held += [
                dispute.requested_refund,
                dispute.seller_offer and dispute.seller_offer.refund_amount,
                dispute.aliexpress_offer and dispute.aliexpress_offer.refund_amount,
            ]
        return {amount for amount in held if amount is not None and amount > 0}

    @property
    def protection_ends(self) -> dt.date | None:
        """Worked out from the case, not read from the plan: shipping day plus protection days."""
        order = self.case.order
        return None if order.shipped_on is None else order.shipped_on + dt.timedelta(days=order.protection_days)

    @property
    def dispute_deadline(self) -> dt.date | None:
        order = self.case.order
        if order.receipt_confirmed_on is not None:
            return order.receipt_confirmed_on + dt.timedelta(days=15)
        return self.protection_ends

    @property
    def waiting_for_parcel_without_dispute(self) -> bool:
        """Issue 16's situation: shipped, never received, no dispute open or closed (a cancelled one counts as none)."""
        case = self.case
        return (
            case.order.shipped_on is not None
            and not case.order.received
            and (case.dispute is None or case.dispute.status is DisputeStatus.cancelled)
        )


PLACEHOLDER = re.compile(r"\[([^\[\]]*)\]")
SENTENCE_BREAK = re.compile(r"(?<=[.?!]) ")
WORD = re.compile(r"[\w$€£¥₩]+(?:[.,'’][\w]+)*")
CURLY_QUOTES = set("‘’‚‛“”„‟«»‹›′″")
BAD_CATEGORIES = {"So", "Sk", "Cs", "Co", "Cc", "Cf"}
WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
A_DATE = rf"{WEEKDAY} \d{{1,2}} {MONTH} \d{{4}}"
A_DATE_RE = re.compile(A_DATE)


# =====================================================================================
# The checks: each looks at one thing, and names the rule and the text when it fails
# =====================================================================================


def check_sentences_start_with_a_capital(seen: Seen) -> None:
    """A sentence starts at the beginning and after ". ", "? ", "! " (placeholders and the label aside)."""
    for where, text in seen.advice():
        plain = PLACEHOLDER.sub("Placeholder", seen.masked(text))
        for sentence in SENTENCE_BREAK.split(plain):
            start = sentence.lstrip(" \"'“‘(")
            if start and not (start[0].isupper() or start[0].isdigit()):
                seen.fail("capital", where, text, f"sentence starts in lower case: {sentence[:40]!r}")


def check_no_repeated_phrase(seen: Seen) -> None:
    """No phrase of four or more words said twice within one message (or one step, or the headline).

    A date counts as one word: two facts on the same day ("shipped on X", "wrote to the seller on X")
    are not a repeated phrase, but "protection ends on X" said twice is.
    """
    for where, text in seen.advice():
        words = WORD.findall(A_DATE_RE.sub(lambda m: "date" + m.group(0).replace(" ", ""), seen.masked(text)).lower())
        grams: dict[tuple[str, ...], int] = {}
        for i in range(len(words) - 3):
            gram = tuple(words[i : i + 4])
            if gram in grams and grams[gram] + 4 <= i:  # overlapping runs ("very very very very") aside
                seen.fail("repeat", where, text, f"the phrase {' '.join(gram)!r} is said twice")
                break
            grams.setdefault(gram, i)


def check_no_unfilled_braces(seen: Seen) -> None:
    for where, text in seen.texts():
        masked = seen.masked(text)
        if "{" in masked or "}" in masked:
            seen.fail("braces", where, text, "an unfilled { } is left in the text")


def check_placeholders_are_listed(seen: Seen) -> None:
    """Every [placeholder] of a body is in its fill_in, and every fill_in item is in the body as [item]."""
    for i, m in enumerate(seen.plan.messages):
        where = f"messages[{i}] {m.kind} body"
        found = PLACEHOLDER.findall(m.body)
        if m.body.count("[") != len(found) or m.body.count("]") != len(found):
            seen.fail("placeholders", where, m.body, "unbalanced or nested brackets")
        if any(not item.strip() for item in found):
            seen.fail("placeholders", where, m.body, "an empty [ ] placeholder")
        unlisted = [item for item in found if item not in m.fill_in]
        if unlisted:
            seen.fail("placeholders", where, m.body, f"placeholders {unlisted} are not listed in fill_in {m.fill_in}")
        absent = [item for item in m.fill_in if f"[{item}]" not in m.body]
        if absent:
            seen.fail("placeholders", where, m.body, f"fill_in lists {absent}, which the body does not hold")
        if len(set(m.fill_in)) != len(m.fill_in):
            seen.fail("placeholders", where, m.body, f"fill_in lists an item twice: {m.fill_in}")


NO_ORDER_BEHIND = (PaymentProblem.no_order, PaymentProblem.paid_outside)
"""Money with no order of its own: its messages have no order to name."""


def check_order_number_or_its_placeholder(seen: Seen) -> None:
    """[order number] appears in a message exactly when the case has no order number (and the number otherwise)."""
    number = seen.case.order.order_number
    if seen.case.payment_problem in NO_ORDER_BEHIND:
        return
    for where, body in seen.bodies():
        if number is None and "[order number]" not in body:
            seen.fail("order number", where, body, "no order number was given, but there is no [order number]")
        if number is not None and "[order number]" in body:
            seen.fail("order number", where, body, f"the order number {number} was given, but [order number] is left")
        if number is not None and number not in body:
            seen.fail("order number", where, body, f"the order number {number} was given, but the message omits it")


def check_item_named_when_given(seen: Seen) -> None:
    """Every message names the item when the buyer gave it a name (as "(name)" after the order), never otherwise."""
    if seen.case.payment_problem in NO_ORDER_BEHIND:
        return
    for where, body in seen.bodies():
        if seen.item and f"({seen.item})" not in body:
            seen.fail("item", where, body, f"the buyer named the item {seen.item!r}, but the message does not")


def check_dates_from_the_case(seen: Seen) -> None:
    """Every date said is one the case holds or the plan worked out from it (never, say, today as an order date)."""
    case, dispute = seen.case, seen.case.dispute
    known = [
        case.order.placed_on,
        case.order.shipped_on,
        case.order.estimated_delivery,
        case.order.receipt_confirmed_on,
        case.seller_contacted_on,
        case.cancelled_on,
        case.charged_on,
        seen.today,
    ]
    if case.item_return is not None:
        known += [
            case.item_return.agreed_on,
            case.item_return.ship_by,
            case.item_return.sent_on,
            case.item_return.delivered_on,
        ]
    if dispute is not None:
        known += [dispute.opened_on, dispute.closed_on, dispute.negotiation_ends_on, dispute.refund_processed_on]
    known += list(seen.plan.dates.model_dump().values())
    allowed = {show_date(day) for day in known if day is not None}
    for where, text in seen.texts():
        for said in A_DATE_RE.findall(seen.masked(text)):
            if said not in allowed:
                seen.fail("dates", where, text, f"says {said}, a date neither the case nor the plan holds")


ADVICE_IN_A_MESSAGE = re.compile(
    r"\b(you think is fair|fill in|paste|the brackets|tap|your proof|don't forget)\b", re.IGNORECASE
)


def check_no_advice_inside_messages(seen: Seen) -> None:
    """Notes meant for the buyer ("an amount you think is fair", "fill in") never end up in a message."""
    for where, body in seen.bodies():
        note = ADVICE_IN_A_MESSAGE.search(PLACEHOLDER.sub("", seen.masked(body)))
        if note:
            seen.fail("advice in a message", where, body, f"holds advice meant for the buyer: {note.group(0)!r}")


def check_plain_characters_in_messages(seen: Seen) -> None:
    """No emoji, symbols, private or control characters and no curly quotes where AliExpress's forms may refuse them."""
    for where, body in seen.bodies():
        bad = sorted({char for char in body if unicodedata.category(char) in BAD_CATEGORIES or char in CURLY_QUOTES})
        if bad:
            seen.fail("characters", where, body, f"characters a dispute form may refuse: {bad}")


def check_order_date_only_when_given(seen: Seen) -> None:
    """The wizard never asks when the order was placed: then no text says "placed"; otherwise only that date."""
    placed = seen.case.order.placed_on
    for where, text in seen.texts():
        masked = seen.masked(text)
        if placed is None and re.search(r"\bplaced\b", masked, re.IGNORECASE):
            seen.fail("order date", where, text, "says when the order was placed, which the buyer never gave")
        for said in re.findall(rf"\bplaced on ({A_DATE})", masked):
            if placed is not None and said != show_date(placed):
                seen.fail(
                    "order date", where, text, f"says placed on {said}, the order was placed on {show_date(placed)}"
                )


def check_shipping_day_only_when_given(seen: Seen) -> None:
    """A day counted from the order, because the shipping day can't be found, is never said to be a shipping day."""
    if not seen.case.order.shipping_day_unknown:
        return
    for where, text in seen.texts():
        if re.search(r"\b(shipped|sent) on\b", seen.masked(text), re.IGNORECASE):
            seen.fail("shipping day", where, text, "states a shipping day the buyer couldn't find")


SELLER_CONTACT = re.compile(
    r"\b(contacted|wrote to the seller|written to the seller|asked the seller|messages with the seller|"
    r"seller has had|seller hasn't answered|seller did not answer|without a solution)\b",
    re.IGNORECASE,
)


def check_seller_contact_only_when_given(seen: Seen) -> None:
    """ "I wrote to the seller", "contacted", "messages with the seller" only when the buyer said they did, on that day."""
    contacted = seen.case.seller_contacted_on
    for where, text in seen.texts():
        masked = seen.masked(text)
        claim = SELLER_CONTACT.search(masked)
        if claim and contacted is None:
            seen.fail(
                "seller contact", where, text, f"says {claim.group(0)!r}, but the buyer never wrote to the seller"
            )
        for said in re.findall(rf"\b(?:wrote to|contacted) the seller on ({A_DATE})", masked):
            if contacted is not None and said != show_date(contacted):
                seen.fail(
                    "seller contact",
                    where,
                    text,
                    f"says the seller was contacted on {said}, the buyer said {show_date(contacted)}",
                )


LATENESS = re.compile(r"\b(late|later than|due by|overdue|delayed|delay)\b", re.IGNORECASE)


def check_lateness_only_when_late(seen: Seen) -> None:
    """A message says late (or "due by") only once the estimated delivery passed, or the buyer said it came late."""
    order, case = seen.case.order, seen.case
    eta_passed = order.estimated_delivery is not None and order.estimated_delivery < seen.today
    late = case.arrived_late if order.received else eta_passed
    for where, body in seen.bodies():
        masked = seen.masked(body)
        claim = LATENESS.search(masked)
        if claim and not late:
            seen.fail("lateness", where, body, f"says {claim.group(0)!r}, but nothing shows it is late")
        for said in re.findall(rf"\bdue by ({A_DATE})", masked):
            if order.estimated_delivery is None or said != show_date(order.estimated_delivery):
                seen.fail("lateness", where, body, f"says due by {said}, not the estimated delivery")


NOT_RECEIVED_CLAIM = re.compile(
    r"\b(not received|never received|has not arrived|hasn't arrived|never came|"
    r"never reached me|has not reached me)\b",
    re.IGNORECASE,
)


def check_not_received_only_when_not_received(seen: Seen) -> None:
    """A message says the parcel never came only for an order not marked as received, and says it once
    (no "has not arrived. It has not arrived")."""
    for where, body in seen.bodies():
        claims = NOT_RECEIVED_CLAIM.findall(seen.masked(body))
        if claims and seen.case.order.received:
            seen.fail("not received", where, body, f"says {claims[0]!r}, but the order was received")
        if len(claims) > 1:
            seen.fail("not received", where, body, f"says the parcel never came {len(claims)} times: {claims}")


def money_pattern(currency: str) -> re.Pattern:
    """Any amount written in this currency's style ("$1,234.50", "PLN1,234.50", "¥1,234")."""
    sample = show_money(Decimal("1"), currency)
    at = sample.index("1")
    prefix, suffix = sample[:at], sample[at:].lstrip("1").lstrip(".0")
    assert prefix or suffix, f"{currency} amounts have no symbol to find them by: {sample!r}"
    return re.compile(re.escape(prefix) + r"\d{1,3}(?:,\d{3})*(?:\.\d+)?" + re.escape(suffix))


def check_amounts_only_from_the_case(seen: Seen) -> None:
    """Every amount said is one the case holds; never a zero amount ("$0.00")."""
    currency = seen.case.order.currency
    allowed = {show_money(amount, currency): amount for amount in seen.amounts()}
    pattern = money_pattern(currency)
    for where, text in seen.texts():
        masked = seen.masked(text)
        for said in pattern.findall(masked):
            if said not in allowed:
                seen.fail(
                    "amount",
                    where,
                    text,
                    f"says {said}, an amount the case does not hold (it holds {sorted(allowed) or 'none'})",
                )
        if re.search(r"(?<![\d,.])0[.,]00(?!\d)", masked) or show_money(Decimal(0), currency) in masked:
            seen.fail("amount", where, text, "states a zero amount")
        if currency != "USD" and "$" in masked.replace("R$", ""):
            seen.fail("amount", where, text, f"a dollar sign in a {currency} order")


ATTACHED_THINGS = (
    "tracking",
    "video",
    "photo",
    "screenshot",
    "messages",
    "shipping label",
    "listing",
    "order page",
    "statement",
    "arn",
)


def check_attachments_are_in_the_evidence(seen: Seen) -> None:
    """ "Attached" only where the plan's evidence lists proof, and only the kinds of proof it lists."""
    evidence = " ".join(seen.plan.evidence).lower()
    for where, text in seen.advice():
        masked = PLACEHOLDER.sub("", seen.masked(text))
        if not re.search(r"\battach", masked, re.IGNORECASE):
            continue
        if not seen.plan.evidence:
            seen.fail("attached", where, text, "speaks of attachments, but the plan lists no evidence")
            continue
        if not where.endswith("body"):
            continue
        for sentence in SENTENCE_BREAK.split(masked):
            if "attach" not in sentence.lower():
                continue
            missing = [thing for thing in ATTACHED_THINGS if thing in sentence.lower() and thing not in evidence]
            if missing:
                seen.fail(
                    "attached",
                    where,
                    text,
                    f"says {missing} are attached, but the evidence does not ask for them: {seen.plan.evidence}",
                )


BEFORE_A_DAY = re.compile(rf"\bbefore (?:the last day|that day|then|{WEEKDAY}\b|\d{{1,2}} {MONTH}\b)", re.IGNORECASE)


def check_deadlines_say_by(seen: Seen) -> None:
    """Inclusive deadlines are "by <day>", never "before <day>"."""
    for where, text in seen.texts():
        found = BEFORE_A_DAY.search(seen.masked(text))
        if found:
            seen.fail("by, not before", where, text, f"says {found.group(0)!r}: a last day is worded 'by <day>'")


def check_keep_the_item_only_with_an_item(seen: Seen) -> None:
    if seen.case.order.received:
        return
    for where, text in seen.texts():
        if "keep the item" in seen.masked(text).lower():
            seen.fail("keep the item", where, text, "says keep the item, but the order never arrived")


MESSAGE_POINTERS = {
    "send the seller the message below": ("seller",),
    "send aliexpress's support the message below": ("support",),
    "send your bank the message below": ("bank",),
    "paste the dispute description below": ("dispute",),
    "paste the message below": ("appeal", "support", "bank"),
}


def check_steps_point_to_messages_that_exist(seen: Seen) -> None:
    """A step that says "send the seller the message below" comes with a message to the seller."""
    kinds = {m.kind for m in seen.plan.messages}
    for where, text in seen.texts():
        if where.endswith("body"):
            continue
        lowered = text.lower()
        for pointer, wanted in MESSAGE_POINTERS.items():
            if pointer in lowered and not kinds & set(wanted):
                seen.fail(
                    "message below",
                    where,
                    text,
                    f"points to a {'/'.join(wanted)} message, but the plan has only {sorted(kinds) or 'no messages'}",
                )


def check_wait_is_never_urgent(seen: Seen) -> None:
    """A plan that says wait never shows a red last-day deadline: the date it names is one to wait for."""
    deadline = seen.plan.next_deadline
    if seen.plan.action == "wait" and deadline is not None and deadline.last_day:
        seen.fail(
            "wait",
            "next_deadline",
            f"{deadline.label}: {deadline.date}",
            f"a wait plan with an urgent last day ({deadline.days_left} days left)",
        )


# --- Issue 16: never let protection lapse ---------------------------------------------


def check_running_out_means_act_now(seen: Seen) -> None:
    """Not received, no dispute, 0-5 days of protection left: open a dispute now (support when AliExpress blocks it)."""
    if not seen.waiting_for_parcel_without_dispute:
        return
    left = (seen.protection_ends - seen.today).days
    can_open = seen.today >= seen.case.order.shipped_on + dt.timedelta(days=DAYS_BEFORE_DISPUTE)
    if not (0 <= left <= RUNNING_OUT_DAYS and can_open):
        return
    wanted = "contact_support" if seen.case.dispute_blocked else "open_dispute"
    if seen.plan.action != wanted:
        seen.fail(
            "running out",
            "action",
            seen.plan.headline,
            f"{left} days of protection left and no dispute: the action is {seen.plan.action}, not {wanted}",
        )


def check_no_cancel_that_cannot_be_reopened(seen: Seen) -> None:
    """Never advise cancelling a dispute for a parcel not received when fewer than 6 days of protection are left
    (or none is known): a cancelled dispute could not be opened again, and the money would go to the seller.

    An order received and fine is left out: cancelling its dispute loses nothing the buyer asked for.
    """
    if seen.plan.action != "cancel_dispute" or (seen.case.order.received and seen.case.problem is Problem.none):
        return
    deadline = seen.dispute_deadline
    if deadline is None or (deadline - seen.today).days <= RUNNING_OUT_DAYS:
        left = "unknown" if deadline is None else (deadline - seen.today).days
        seen.fail(
            "cancel",
            "action",
            seen.plan.headline,
            f"advises cancelling the dispute with {left} days of protection left",
        )


def check_after_protection_window(seen: Seen) -> None:
    """A parcel never received: for 15 days after protection ends open a dispute by the window's last day;
    from the 16th day, support."""
    if not seen.waiting_for_parcel_without_dispute:
        return
    after = (seen.today - seen.protection_ends).days
    window_ends = seen.protection_ends + dt.timedelta(days=LATE_CLAIM_DAYS)
    if 1 <= after <= LATE_CLAIM_DAYS:
        deadline = seen.plan.next_deadline
        if seen.plan.action != "open_dispute":
            seen.fail(
                "after protection",
                "action",
                seen.plan.headline,
                f"{after} days after protection ended: the action is {seen.plan.action}, not open_dispute",
            )
        if deadline is None or deadline.date != window_ends or seen.plan.dates.late_claim_deadline != window_ends:
            seen.fail(
                "after protection",
                "next_deadline",
                str(deadline),
                f"{after} days after protection ended: the deadline should be {window_ends}",
            )
    elif after > LATE_CLAIM_DAYS and seen.plan.action != "contact_support":
        seen.fail(
            "after protection",
            "action",
            seen.plan.headline,
            f"{after} days after protection ended: the action is {seen.plan.action}, not contact_support",
        )


NUMBER = re.compile(r"\d+")


def check_figures_come_from_the_facts(seen: Seen) -> None:
    """Issue 12: every number in a plan's words is a date, an amount or an order number the case holds, the
    listing's protection days, how long ago the buyer wrote to the seller, or a figure of a fact the plan lists
    in "Why this advice" (core.facts), so every figure can be traced to its source and date."""
    case, plan = seen.case, seen.plan
    listed = {note.key for note in plan.facts}
    allowed = {figure for key in listed for figure in FACTS[key].figures}
    allowed.add(case.order.protection_days)
    cut = [show_money(amount, plan.currency) for amount in seen.amounts() | {plan.refund_amount or Decimal(0)}]
    if case.order.order_number:
        cut.append(case.order.order_number)
    if case.seller_contacted_on is not None:
        cut.append(days_phrase((case.seller_contacted_on - seen.today).days))
    for where, text in seen.texts():
        plain = A_DATE_RE.sub("", PLACEHOLDER.sub("", seen.masked(text)))
        for piece in sorted(cut, key=len, reverse=True):
            plain = plain.replace(piece, "")
        for number in NUMBER.findall(plain):
            if int(number) not in allowed:
                seen.fail("figures", where, text, f"says {number}, a figure no fact the plan lists holds")


def test_every_fact_the_plan_lists_has_its_source_and_date():
    """Issue 12: "Why this advice" names each figure's source (a guide section, or a page with its address),
    the day it was found and how sure we are."""
    for rule, data in SAMPLE_CASES.items():
        plan = advise(read_case(data))
        assert plan.facts, rule
        for note in plan.facts:
            fact = FACTS[note.key]
            assert note.says == fact.means.format(n=fact.value, upto=fact.upto), note
            assert note.source and note.found == fact.found and note.confidence == fact.confidence, note
            assert note.address is not None or fact.source in GUIDE_TITLES or fact.confidence == "ours", note


CHECKS = [
    check_figures_come_from_the_facts,
    check_sentences_start_with_a_capital,
    check_no_repeated_phrase,
    check_no_unfilled_braces,
    check_placeholders_are_listed,
    check_order_number_or_its_placeholder,
    check_item_named_when_given,
    check_plain_characters_in_messages,
    check_dates_from_the_case,
    check_no_advice_inside_messages,
    check_order_date_only_when_given,
    check_shipping_day_only_when_given,
    check_seller_contact_only_when_given,
    check_lateness_only_when_late,
    check_not_received_only_when_not_received,
    check_amounts_only_from_the_case,
    check_attachments_are_in_the_evidence,
    check_deadlines_say_by,
    check_keep_the_item_only_with_an_item,
    check_steps_point_to_messages_that_exist,
    check_wait_is_never_urgent,
    check_running_out_means_act_now,
    check_no_cancel_that_cannot_be_reopened,
    check_after_protection_window,
]


def failures_of(data: dict | Case, today: dt.date | None = None) -> tuple[Plan, list[str]]:
    case = read_case(data, today)
    plan = advise(case, today)
    seen = Seen(case, plan)
    for check in CHECKS:
        check(seen)
    return plan, [text for _check, text in seen.failures]


def assert_plan_reads_well(data: dict | Case, today: dt.date | None = None) -> Plan:
    """Advise on the case and run every check on the plan; fail with every problem found."""
    plan, failures = failures_of(data, today)
    assert not failures, "\n".join(failures) + f"\n  case: {read_case(data, today).model_dump_json(exclude_none=True)}"
    return plan


@pytest.mark.parametrize(
    "name, data",
    [
        (
            "a dispute waiting for AliExpress, its negotiation ending in 2 days",
            make_case(dispute={"seller_offer": {"refund_amount": "10.00"}, "negotiation_ends_on": day(2)}),
        ),
        (
            "an item in hand whose tracking still says in transit, judged invalid",
            make_case(
                order=received(**not_received(3), tracking="in_transit"),
                problem="not_as_described",
                dispute={"judgement": "invalid"},
            ),
        ),
        (
            "AliExpress proposes no refund",
            make_case(
                order=received(),
                problem="fake",
                dispute={"aliexpress_offer": {"refund_amount": "0.00"}, "negotiation_ends_on": day(3)},
            ),
        ),
        ("missing items worth nothing", make_case(order=received(), problem="incomplete", missing_items_value="0.00")),
    ],
)
def test_cases_the_rules_once_got_wrong(name, data):
    """Each once failed a check because of the rules' decision, not their words (found by this file)."""
    plan = assert_plan_reads_well(data)
    assert plan.refund_amount != 0, "an amount of 0 says nothing about what is owed"
    assert not any("Accept" in step for step in plan.steps) or plan.refund != "none", "never accept nothing"
    if plan.action == "wait":
        assert plan.next_deadline is None or not plan.next_deadline.last_day
    if plan.rule in (Rule.invalid_in_transit, Rule.invalid_in_transit_keep_open):
        assert not read_case(data).order.received


# =====================================================================================
# The checks on every rule's sample case, with and without the order's number and name
# =====================================================================================


def as_wizard_builds(case: dict) -> dict:
    """The same case as the wizard would send it: no order date, no name, no number."""
    order = {k: v for k, v in case["order"].items() if k not in ("placed_on", "label", "order_number")}
    return {**case, "order": order}


def named(case: dict, label: str = "Blue headphones", number: str | None = "8123456789012345") -> dict:
    order = {**case["order"], "label": label}
    if number:
        order["order_number"] = number
    return {**case, "order": order}


@pytest.mark.parametrize("rule", list(SAMPLE_CASES), ids=lambda r: r.value)
@pytest.mark.parametrize("shape", ["wizard", "command line", "named", "hostile name"])
def test_every_rules_sample_reads_well(rule, shape):
    case = SAMPLE_CASES[rule]
    case = {
        "wizard": as_wizard_builds,
        "command line": lambda c: c,
        "named": named,
        "hostile name": lambda c: named(c, "🎧 “Pro” [x] {y} **max** late contacted placed $0.00", None),
    }[shape](case)
    plan = assert_plan_reads_well(case)
    assert plan.rule is rule


@pytest.mark.parametrize("rule", list(SAMPLE_CASES), ids=lambda r: r.value)
@pytest.mark.parametrize("ask", [*SellerAsk, None], ids=lambda a: a.value if a else "no ask")
@pytest.mark.parametrize("choice", [True, False])
def test_every_rules_sample_reads_well_with_what_the_seller_asks_and_a_choice_order(rule, ask, choice):
    case = {**SAMPLE_CASES[rule], "seller_asks": ask and ask.value, "choice_order": choice}
    assert_plan_reads_well(as_wizard_builds(case))
    assert_plan_reads_well(named(case))


@pytest.mark.parametrize("rule", list(SAMPLE_CASES), ids=lambda r: r.value)
def test_every_rules_sample_reads_well_with_the_seller_contacted(rule):
    case = {**SAMPLE_CASES[rule], "seller_contacted_on": day(-1)}
    assert_plan_reads_well(case)


# =====================================================================================
# Hypothesis: the building blocks (made once: a strategy built inside a draw is slow)
# =====================================================================================

PROTECTION_DAYS = st.one_of(st.sampled_from([60, 60, 60, 75, 90]), st.integers(15, 180))
CURRENCIES = ["USD", "EUR", "GBP", "PLN", "JPY", "BRL"]
STEP = {"JPY": 100}
"""Cents per smallest unit: yen have no decimals, so yen amounts are whole."""

TODAYS = st.dates(dt.date(2025, 1, 1), dt.date(2028, 12, 31))
BOOL = st.booleans()
PICK = st.integers(0, 2**24)
"""A raw number, turned into a day or an amount by `pick`."""
END = st.sampled_from(["low", "high", "high-1", "low+1", "any", "any", "any", "any"])
"""Where in a range to pick: the ends (where boundaries live) half of the time."""
PROTECTION_LEFT = st.one_of(st.integers(-20, 10), st.integers(-20, 10), st.integers(-200, 180))
"""Days of protection left: mostly from 20 days after its end to 10 days before, sometimes anywhere."""


def pick(draw, low: int, high: int) -> int:
    """A number in [low, high], the ends drawn often."""
    high = max(high, low)
    where = draw(END)
    if where == "low":
        return low
    if where == "high":
        return high
    if where == "high-1":
        return max(high - 1, low)
    if where == "low+1":
        return min(low + 1, high)
    return low + draw(PICK) % (high - low + 1)


def a_day_between(draw, low: dt.date, high: dt.date) -> dt.date:
    return low + dt.timedelta(days=pick(draw, 0, max((high - low).days, 0)))


def an_amount(draw, top: Decimal, currency: str) -> Decimal:
    """An amount from 0 to top, in the currency's smallest unit."""
    step = STEP.get(currency, 1)
    return Decimal(pick(draw, 0, int(top * 100) // step) * step).scaleb(-2).quantize(Decimal("0.01"))


TOTAL_KINDS = st.sampled_from(["50.00", "0.00", "smallest", "1234.00", "any"])


def a_total(draw, currency: str) -> Decimal:
    step = STEP.get(currency, 1)
    usual = draw(TOTAL_KINDS)
    if usual == "any":
        return an_amount(draw, Decimal("100000.00"), currency)
    if usual == "smallest":
        return Decimal(step).scaleb(-2).quantize(Decimal("0.01"))
    return Decimal(usual)


def a_shipping_day(draw, today: dt.date, protection_days: int) -> dt.date:
    """Mostly around the end of protection (20 days after it to 10 before), sometimes anywhere."""
    left = min(draw(PROTECTION_LEFT), protection_days)
    return today - dt.timedelta(days=protection_days - left)


# =====================================================================================
# Hypothesis: cases as the wizard builds them
# =====================================================================================

WIZARD_STAGES = st.sampled_from(
    [
        "not_shipped",
        "on_the_way",
        "on_the_way",
        "on_the_way",
        "delivered_missing",
        "confirmed_missing",
        "received",
        "received",
        "dispute_open",
        "dispute_closed",
        "returning",
        "cancelled",
        "payment_problem",
    ]
)
WIZARD_TRACKING = st.sampled_from(
    ["in_transit", "no_updates", "none", "returned_to_seller", "awaiting_pickup", "customs_documents"]
)
DISPUTE_ABOUT = st.sampled_from(["not_arrived", "delivered_not_received", *RECEIVED_PROBLEMS])
RECEIVED_PROBLEM = st.sampled_from(RECEIVED_PROBLEMS)
JUDGEMENTS = st.sampled_from([None, "valid", "invalid"])
REFUND_STATES = st.sampled_from(["received", "processed", "not_yet", "bonus", "arrived_after"])
CURRENCY = st.sampled_from(CURRENCIES)
SELLER_ASKS = st.sampled_from([None, None, *[ask.value for ask in SellerAsk]])
CHOICE = st.sampled_from([None, True, False])


@st.composite
def wizard_cases(draw) -> dict:
    """A case with only what the wizard's questions for one route put in it (core.wizard.to_case's shape):
    no order date, no name, no order number; the total only where a question asks it (and sometimes
    on other routes, as the plan page may add it)."""
    today = draw(TODAYS)
    protection_days = draw(PROTECTION_DAYS)
    order: dict = {"protection_days": protection_days}
    case: dict = {"today": today.isoformat(), "order": order}
    if draw(BOOL):
        case["dispute_blocked"] = draw(BOOL)
    case["seller_asks"], case["choice_order"] = draw(SELLER_ASKS), draw(CHOICE)
    currency = draw(CURRENCY)
    total = a_total(draw, currency)

    def ask_total():
        order["total_paid"] = str(total)
        order["currency"] = currency

    if pick(draw, 0, 3) == 3:
        ask_total()
    stage = draw(WIZARD_STAGES)
    shipped = a_shipping_day(draw, today, protection_days)
    if stage == "not_shipped":
        order["payment_confirmed"] = draw(BOOL)
        case["seller_asked_to_cancel"] = draw(BOOL)
    elif stage in ("on_the_way", "delivered_missing"):
        order["shipped_on"] = shipped.isoformat()
        if draw(BOOL):
            # The buyer couldn't find the shipping day, and gave the order's day instead.
            order["placed_on"], order["shipping_day_unknown"] = order["shipped_on"], True
        if stage == "on_the_way":
            tracking = draw(WIZARD_TRACKING)
            case["problem"] = "not_arrived"
            if tracking != "returned_to_seller" and draw(BOOL):
                order["estimated_delivery"] = (
                    shipped + dt.timedelta(days=pick(draw, 0, protection_days + 30))
                ).isoformat()
        else:
            tracking = "delivered"
            case["problem"] = "delivered_not_received"
            case["delivered_elsewhere"] = draw(BOOL)
        order["tracking"] = tracking
        if tracking in ("no_updates", "none", "delivered") and draw(BOOL):
            case["seller_contacted_on"] = a_day_between(draw, shipped, today).isoformat()
    elif stage == "confirmed_missing":
        # Receipt confirmed (by mistake, or at the seller's request) for a parcel that never came.
        case["problem"] = "not_arrived"
        order["receipt_confirmed_on"] = (today - dt.timedelta(days=pick(draw, 0, 40))).isoformat()
    elif stage == "received":
        problem = draw(RECEIVED_PROBLEM)
        order["received"] = True
        order["shipped_on"] = shipped.isoformat()
        case["problem"] = problem
        if draw(BOOL):
            order["receipt_confirmed_on"] = a_day_between(draw, shipped, today).isoformat()
        if problem in ("incomplete", "slightly_imperfect", "wrong_shipping_method"):
            ask_total()
        if problem == "incomplete":
            case["missing_items_value"] = str(an_amount(draw, total, currency))
        if problem == "slightly_imperfect":
            wanted = an_amount(draw, total, currency)
            if wanted > 0:  # the wizard asks again for a zero
                case["refund_wanted"] = str(wanted)
        if problem == "wrong_shipping_method":
            shipping = an_amount(draw, total, currency)
            order["shipping_paid"] = str(shipping)
            case["arrived_late"] = shipping > 0 and draw(BOOL)
        order["free_return"] = problem == "changed_mind" and draw(BOOL)
    elif stage == "dispute_open":
        about = draw(DISPUTE_ABOUT)
        case["problem"] = about
        order["received"] = about not in ("not_arrived", "delivered_not_received")
        if about == "delivered_not_received":
            order["tracking"] = "delivered"
        dispute: dict = {"status": "open"}
        case["dispute"] = dispute
        if about == "none":
            order["shipped_on"] = shipped.isoformat()
            return case
        if about in ("not_arrived", "delivered_not_received"):
            judgement = draw(JUDGEMENTS)
            if judgement:
                dispute["judgement"] = judgement
            if judgement == "invalid" and draw(BOOL):
                order["tracking"] = "in_transit"
                order["shipped_on"] = shipped.isoformat()
                return case
        ask_total()
        if about in ("slightly_imperfect", "incomplete", "wrong_shipping_method"):
            dispute["requested_refund"] = str(an_amount(draw, total, currency))
        for key in ("seller_offer", "aliexpress_offer"):
            if draw(BOOL):
                dispute[key] = {"refund_amount": str(an_amount(draw, total, currency)), "return_required": draw(BOOL)}
        if "aliexpress_offer" in dispute and draw(BOOL):
            dispute["negotiation_ends_on"] = (today + dt.timedelta(days=pick(draw, 0, 10))).isoformat()
    elif stage == "returning":
        order["received"] = True
        case["problem"] = draw(st.sampled_from(["changed_mind", "not_as_described"]))
        agreed = today - dt.timedelta(days=pick(draw, 0, 30))
        status = draw(st.sampled_from(["not_sent", "label_refused", "sent", "lost"]))
        item_return: dict = {"status": status, "agreed_on": agreed.isoformat()}
        if status in ("sent", "lost"):
            item_return["sent_on"] = a_day_between(draw, agreed, today).isoformat()
        elif draw(BOOL):
            item_return["ship_by"] = (agreed + dt.timedelta(days=pick(draw, 0, 20))).isoformat()
        case["item_return"] = item_return
    elif stage == "cancelled":
        case["cancelled_on"] = (today - dt.timedelta(days=pick(draw, 0, 40))).isoformat()
        payment = draw(st.sampled_from([None, "card", "paypal", "aliexpress", "other"]))
        if payment is not None:
            case["paid_with"] = payment
        case["refund_as_bonus"] = draw(BOOL)
    elif stage == "payment_problem":
        case["payment_problem"] = draw(st.sampled_from(["charged_twice", "no_order", "paid_outside"]))
        case["charged_on"] = (today - dt.timedelta(days=pick(draw, 0, 400))).isoformat()
        payment = draw(st.sampled_from([None, "card", "paypal", "other"]))
        if payment is not None:
            case["paid_with"] = payment
        ask_total()
    else:  # dispute_closed
        satisfied = draw(BOOL)
        dispute = {"status": "closed", "satisfied": satisfied}
        case["dispute"] = dispute
        if not satisfied:
            dispute["closed_on"] = (today - dt.timedelta(days=pick(draw, 0, 20))).isoformat()
        refund = draw(REFUND_STATES)
        dispute["refund_received"] = refund in ("received", "bonus", "arrived_after")
        case["refund_as_bonus"] = refund == "bonus"
        if refund == "arrived_after":
            case["arrived_after_refund"] = order["received"] = True
            case["problem"] = "none"
        if refund == "processed":
            dispute["refund_processed_on"] = (today - dt.timedelta(days=pick(draw, 0, 60))).isoformat()
    return case


@FAST
@given(wizard_cases())
def test_wizard_cases_read_well(case):
    assert_plan_reads_well(case)


# =====================================================================================
# Hypothesis: cases as the command line and the orders page send them
# =====================================================================================

HOSTILE_LABELS = [
    "Blue headphones",
    "🎧 Headphones 🎧",
    "[order number] {label} {}",
    "“Pro” ‘Max’ \"quoted\" 'single'",
    "**bold** _under_ `code` # title > quote [link](http://x.y)",
    "Dr. martens. e.g. boots! really? yes",
    "late contacted placed attached before Mon 1 Dec $0.00 0.00 €12.50",
    "keep the item keep the item keep the item",
    "x" * 120,
    "Größe 38 – Ärmel ½",
    "<script>alert(1)</script>",
    "\u202eevil\u202c text",
    "smile \u200d\u2640\ufe0f joiner",
    "中文 商品",
    "   ",
]
LABELS = st.one_of(st.none(), st.sampled_from(HOSTILE_LABELS), st.text(max_size=120))
_NUMBER = st.from_regex(r"[1-9][0-9]{7,19}", fullmatch=True)
ORDER_NUMBERS = st.one_of(_NUMBER, _NUMBER.map(lambda n: f"{n[:4]} {n[4:8]}-{n[8:]}"))
"""Order numbers, plain or as people copy them (with spaces and dashes)."""
TRACKING = st.sampled_from([t.value for t in Tracking])
ANY_PROBLEM = st.sampled_from(["not_arrived", "delivered_not_received", *RECEIVED_PROBLEMS])
DISPUTE_STATUS = st.sampled_from(["open", "cancelled", "closed"])
COUNTRIES = st.sampled_from([None, None, "US", "DE", "PL"])
MOSTLY_SHIPPED = st.sampled_from([True, True, True, True, False])
SOMETIMES = st.sampled_from([False, False, True])


@st.composite
def full_cases(draw) -> dict:
    """A case with every field an order row or a JSON file can give: an order date, a name (hostile ones
    too), sometimes an order number, disputes in every state."""
    today = draw(TODAYS)
    protection_days = draw(PROTECTION_DAYS)
    shipped = a_shipping_day(draw, today, protection_days) if draw(MOSTLY_SHIPPED) else None
    placed = (shipped or today) - dt.timedelta(days=pick(draw, 0, 20))
    is_received = shipped is not None and draw(BOOL)
    receipt = a_day_between(draw, shipped, today) if is_received and draw(BOOL) else None
    eta = (shipped or placed) + dt.timedelta(days=pick(draw, 0, 120)) if draw(BOOL) else None
    currency = draw(CURRENCY)
    total = a_total(draw, currency)
    order = {
        "label": draw(LABELS),
        "placed_on": placed.isoformat(),
        "payment_confirmed": draw(BOOL),
        "shipped_on": shipped and shipped.isoformat(),
        "estimated_delivery": eta and eta.isoformat(),
        "protection_days": protection_days,
        "received": is_received,
        "receipt_confirmed_on": receipt and receipt.isoformat(),
        "tracking": draw(TRACKING),
        "total_paid": str(total),
        "shipping_paid": str(an_amount(draw, total, currency)),
        "currency": currency,
        "free_return": draw(BOOL),
    }
    if draw(BOOL):
        order["order_number"] = draw(ORDER_NUMBERS)
    problem = draw(RECEIVED_PROBLEM if is_received else ANY_PROBLEM)
    contacted = a_day_between(draw, placed, today) if draw(BOOL) else None
    wanted = an_amount(draw, total, currency) if problem == "slightly_imperfect" and draw(BOOL) else None
    case = {
        "today": today.isoformat(),
        "order": order,
        "problem": problem,
        "missing_items_value": str(an_amount(draw, total, currency))
        if problem == "incomplete" and draw(BOOL)
        else None,
        "refund_wanted": str(wanted) if wanted else None,
        "arrived_late": draw(BOOL),
        "seller_contacted_on": contacted and contacted.isoformat(),
        "dispute_blocked": draw(SOMETIMES),
        "country": draw(COUNTRIES),
        "seller_asks": draw(SELLER_ASKS),
        "choice_order": draw(CHOICE),
    }
    if shipped is not None and draw(SOMETIMES):
        status = draw(DISPUTE_STATUS)
        opened = a_day_between(draw, shipped, today)

        def an_offer():
            if not draw(BOOL):
                return None
            return {"refund_amount": str(an_amount(draw, total, currency)), "return_required": draw(BOOL)}

        dispute = {
            "status": status,
            "opened_on": opened.isoformat(),
            "requested_refund": str(an_amount(draw, total, currency)) if draw(BOOL) else None,
            "judgement": draw(JUDGEMENTS),
            "seller_offer": an_offer(),
            "aliexpress_offer": an_offer(),
            "negotiation_ends_on": (today + dt.timedelta(days=pick(draw, -3, 10))).isoformat() if draw(BOOL) else None,
            "satisfied": draw(BOOL),
        }
        if status == "closed":
            closed = a_day_between(draw, opened, today)
            processed = a_day_between(draw, closed, today) if draw(BOOL) else None
            dispute["closed_on"] = closed.isoformat()
            dispute["refund_processed_on"] = processed and processed.isoformat()
            dispute["refund_received"] = processed is not None and draw(BOOL)
        case["dispute"] = dispute
    return case


@FAST
@given(full_cases())
def test_command_line_and_orders_page_cases_read_well(case):
    assert_plan_reads_well(case)


# =====================================================================================
# Issue 16 at its boundaries: every not-received situation, 8 days before the end of
# protection to 17 days after it
# =====================================================================================

BOUNDARY_CASES = [
    pytest.param(tracking, left, contacted, blocked, eta, id=f"{tracking}-{left:+d}-{contacted}-{blocked}-{eta}")
    for tracking in [t.value for t in Tracking]
    for left in range(-17, 9)
    for contacted in ("never", "yesterday", "a week ago")
    for blocked in (False, True)
    for eta in ("none", "past", "future")
]


@pytest.mark.parametrize("tracking, left, contacted, blocked, eta", BOUNDARY_CASES)
def test_not_received_around_the_end_of_protection(tracking, left, contacted, blocked, eta):
    order = not_received(left, tracking=tracking)
    if eta != "none":
        order["estimated_delivery"] = day(-3 if eta == "past" else 4)
    problem = "delivered_not_received" if tracking == "delivered" else "not_arrived"
    contacted_on = {"never": None, "yesterday": day(-1), "a week ago": day(-7)}[contacted]
    assert_plan_reads_well(
        make_case(order=order, problem=problem, seller_contacted_on=contacted_on, dispute_blocked=blocked)
    )


@pytest.mark.parametrize("left", range(-3, 12))
def test_invalid_judgement_around_the_end_of_protection(left):
    order = not_received(left, tracking="in_transit")
    plan = assert_plan_reads_well(make_case(order=order, dispute={"judgement": "invalid"}))
    if left <= RUNNING_OUT_DAYS:
        assert plan.action != "cancel_dispute", f"{left} days left: {plan.headline}"


# =====================================================================================
# Reviewed plans: the texts a buyer would paste, for a sample of situations
# =====================================================================================

REVIEWED: dict[str, tuple[str, dict]] = {
    "01_parcel_no_updates_wizard": (
        "A parcel with no tracking updates, as the wizard sends it: no order number, no name, no amount.",
        as_wizard_builds(make_case(order={"tracking": "no_updates", "total_paid": "0.00", "shipping_paid": "0.00"})),
    ),
    "02_parcel_no_updates_named": (
        "The same parcel with its order number, a name and the amount paid.",
        named(make_case(order={"tracking": "no_updates", "estimated_delivery": day(-6)}), "Blue headphones"),
    ),
    "03_slightly_imperfect_with_amount": (
        "A dress that is usable but not as described; the buyer wants 12.00 back.",
        named(make_case(order=received(), problem="slightly_imperfect", refund_wanted="12.00"), "Summer dress"),
    ),
    "04_incomplete_order": (
        "Parts missing from an order; the missing items are worth 15.00.",
        as_wizard_builds(make_case(order=received(), problem="incomplete", missing_items_value="15.00")),
    ),
    "05_fake": (
        "A fake, with the order number, a name and the amount.",
        named(make_case(order=received(), problem="fake"), "Wireless earbuds"),
    ),
    "06_dispute_closed_unfairly_appeal": (
        "A dispute closed unfairly two days ago: appeal.",
        as_wizard_builds(
            make_case(
                order={"shipped_on": None, "total_paid": "0.00", "shipping_paid": "0.00"},
                dispute={"status": "closed", "opened_on": None, "closed_on": day(-2), "satisfied": False},
            )
        ),
    ),
    "07_refund_overdue_bank": (
        "A refund processed five weeks ago that never came: ask the bank.",
        named(
            make_case(
                dispute={
                    "status": "closed",
                    "opened_on": day(-36),
                    "closed_on": day(-35),
                    "refund_processed_on": day(-35),
                }
            ),
            "Phone case",
        ),
    ),
    "08_last_day_of_protection": (
        "No tracking updates, seller written to yesterday, and today is the last day of protection.",
        named(make_case(order=not_received(0, tracking="no_updates"), seller_contacted_on=day(-1)), "Desk lamp"),
    ),
    "09_five_days_after_protection": (
        "A parcel that never came, 5 days after protection ended, as the wizard sends it.",
        as_wizard_builds(make_case(order=not_received(-5, tracking="no_updates"))),
    ),
    "10_invalid_judgement_3_days_left": (
        "A dispute judged invalid while the parcel still moves, with 3 days of protection left.",
        as_wizard_builds(make_case(order=not_received(3, tracking="in_transit"), dispute={"judgement": "invalid"})),
    ),
    "11_confirm_receipt": (
        "The order arrived and everything is fine: confirm receipt.",
        as_wizard_builds(make_case(order=received(), problem="none")),
    ),
    "12_dispute_blocked": (
        "AliExpress won't let the buyer open a dispute; the parcel has no updates.",
        as_wizard_builds(make_case(order={"tracking": "no_updates"}, dispute_blocked=True)),
    ),
    "13_parcel_on_time": (
        "A parcel moving and due in 5 days: wait.",
        as_wizard_builds(make_case(order={"tracking": "in_transit", "estimated_delivery": day(5)})),
    ),
    "14_fault_after_protection_eu_card": (
        "A faulty item, receipt confirmed 40 days ago, a buyer in Spain who paid by card: the ways out.",
        make_case(
            order=received(shipped_on=day(-70), receipt_confirmed_on=day(-40), placed_on=day(-80), total_paid="35.00"),
            problem="not_as_described",
            country="ES",
            paid_with="card",
        ),
    ),
    "15_never_arrived_paypal": (
        "A parcel that never came, 20 days after protection ended, paid with PayPal 100 days ago.",
        make_case(order=not_received(-20, placed_on=day(-100), tracking="no_updates"), paid_with="paypal"),
    ),
    "16_refund_late_paypal": (
        "A refund processed 20 days ago to PayPal that never came.",
        SAMPLE_CASES[Rule.refund_overdue_not_card],
    ),
    "17_accept_offer_with_return": (
        "AliExpress proposes a full refund with a return, for a faulty item.",
        make_case(
            order=received(total_paid="30.00"),
            problem="not_as_described",
            dispute={"aliexpress_offer": {"refund_amount": "30.00", "return_required": True}},
        ),
    ),
    "18_parcel_moving_protection_ends_soon": (
        "A parcel still moving, 12 days before protection ends, seller not written to yet.",
        as_wizard_builds(make_case(order=not_received(12, tracking="in_transit"))),
    ),
    "19_dispute_open_no_answer": (
        "A dispute opened 3 days ago with no answer yet.",
        make_case(order=received(), problem="fake", dispute={"opened_on": day(-3)}),
    ),
    "20_cancel_before_shipping": (
        "Paid, not shipped, the buyer wants to cancel.",
        as_wizard_builds(SAMPLE_CASES[Rule.payment_confirmed]),
    ),
    "21_seller_asks_to_confirm_receipt_of_a_missing_parcel": (
        "Tracking says delivered, nothing came, and the seller asks the buyer to confirm receipt so they can refund.",
        as_wizard_builds(
            make_case(order={"tracking": "delivered"}, problem="delivered_not_received", seller_asks="confirm_receipt")
        ),
    ),
    "22_choice_order_incomplete_seller_says_buy_again": (
        "A Choice order arrived with a part missing; the seller says to buy something else and they'll add the part.",
        named(
            make_case(
                order=received(),
                problem="incomplete",
                missing_items_value="8.00",
                choice_order=True,
                seller_asks="buy_again",
            ),
            "Drill set",
        ),
    ),
    "23_open_dispute_seller_promises_to_resend": (
        "A dispute for a parcel that never came, opened 3 days ago; the seller promises to resend if it is cancelled.",
        as_wizard_builds(make_case(dispute={"opened_on": day(-3)}, seller_asks="cancel_dispute")),
    ),
    "24_choice_parcel_moving_seller_says_wait": (
        "A Choice parcel still moving with 12 days of protection left; the seller says to wait 60 days.",
        as_wizard_builds(
            make_case(order=not_received(12, tracking="in_transit"), choice_order=True, seller_asks="wait_longer")
        ),
    ),
    "25_seller_rejected_the_dispute": (
        "A dispute about a broken item, opened 9 days ago; the seller rejected it with no offer, AliExpress silent.",
        as_wizard_builds(
            make_case(
                order=received(), problem="not_as_described", dispute={"opened_on": day(-9), "seller_rejected": True}
            )
        ),
    ),
    "26_return_with_no_address_yet": (
        "A refund with return was agreed 4 days ago for a faulty item, but no return address or label has come.",
        as_wizard_builds(
            make_case(
                order=received(), problem="not_as_described", item_return={"agreed_on": day(-4), "status": "no_label"}
            )
        ),
    ),
    "27_sent_back_for_unpaid_customs": (
        "The parcel went back to the seller because the buyer didn't pay the customs charges.",
        as_wizard_builds(make_case(order={"tracking": "returned_to_seller"}, customs_refused=True)),
    ),
    "28_fine_but_after_the_guaranteed_date": (
        "The order arrived fine, but after the date it was guaranteed by.",
        as_wizard_builds(make_case(order=received(), problem="none", arrived_late=True)),
    ),
    "29_held_at_customs_with_a_charge": (
        "The parcel is held at customs until an import charge is paid; protection has weeks left.",
        as_wizard_builds(make_case(order={"tracking": "held_at_customs"})),
    ),
    "30_sent_back_after_a_missed_pickup": (
        "The parcel went back to the seller because the buyer didn't collect it in time.",
        as_wizard_builds(
            make_case(order={"tracking": "returned_to_seller"}, customs_refused=False, missed_pickup=True)
        ),
    ),
    "31_return_with_the_seller_no_refund": (
        "A faulty item sent back; tracking shows the seller got it 10 days ago and no refund came. Paid by PayPal.",
        named(
            make_case(
                order=received(),
                problem="not_as_described",
                paid_with="paypal",
                item_return={
                    "agreed_on": day(-20),
                    "sent_on": day(-18),
                    "delivered_on": day(-10),
                    "status": "delivered",
                },
            ),
            "Desk lamp",
        ),
    ),
    "32_dispute_cancelled_on_a_promise": (
        "The buyer cancelled a dispute when the seller promised to resend; weeks later, still nothing.",
        as_wizard_builds(make_case(order={"tracking": "no_updates"}, dispute={"status": "cancelled"})),
    ),
    "35_aliexpress_asks_for_proof": (
        "A parcel marked delivered that never came; the seller rejected the dispute and AliExpress asks for proof.",
        as_wizard_builds(
            make_case(
                order={"tracking": "delivered", "shipped_on": None, "total_paid": "58.00", "currency": "EUR"},
                problem="delivered_not_received",
                dispute={"opened_on": None, "seller_rejected": True, "proof_requested": True, "proof_due_on": day(4)},
            )
        ),
    ),
    "36_seller_refused_to_cancel": (
        "A buyer in France asked to cancel before shipping; the seller refused.",
        as_wizard_builds(make_case(order={"shipped_on": None}, cancellation_refused=True, country="FR")),
    ),
    "33_accepted_offer_regretted": (
        "The buyer accepted a small offer three days ago and regrets it: an appeal is still possible.",
        as_wizard_builds(
            make_case(
                order={"shipped_on": None, "total_paid": "0.00", "shipping_paid": "0.00"},
                dispute={
                    "status": "closed",
                    "opened_on": None,
                    "closed_on": day(-3),
                    "accepted_offer": True,
                    "refund_received": True,
                },
            )
        ),
    ),
    "34_held_at_customs_pay_by": (
        "A parcel to Brazil held at customs with an import tax of 95 BRL; the notice says to pay by Sat 12 Dec.",
        as_wizard_builds(
            make_case(
                order={"tracking": "held_at_customs", "customs_pay_by": "2026-12-12", "currency": "BRL"},
                country="BR",
            )
        ),
    ),
    "37_charged_twice": (
        "A buyer in Spain was charged 42.50 EUR twice for one order by card, four days ago.",
        as_wizard_builds(
            make_case(
                order={"shipped_on": None, "total_paid": "42.50", "currency": "EUR"},
                payment_problem="charged_twice",
                charged_on=day(-4),
                paid_with="card",
                country="ES",
            )
        ),
    ),
    "38_paid_outside_by_paypal": (
        "A buyer paid a seller 120 USD by PayPal outside AliExpress three weeks ago, and got nothing.",
        as_wizard_builds(
            make_case(
                order={"shipped_on": None, "total_paid": "120"},
                payment_problem="paid_outside",
                charged_on=day(-21),
                paid_with="paypal",
            )
        ),
    ),
    "39_waiting_to_be_collected": (
        "Delivery failed and the parcel waits at a depot; protection ends in three weeks.",
        as_wizard_builds(make_case(order=not_received(21, tracking="awaiting_pickup"))),
    ),
    "40_customs_wants_an_invoice": (
        "Customs holds the parcel until it gets an invoice; the notice gives Fri 4 Dec.",
        as_wizard_builds(
            make_case(order={"tracking": "customs_documents", "customs_pay_by": "2026-12-04"}, country="DE")
        ),
    ),
    "41_shipping_day_not_found": (
        "No tracking news; the buyer can't find the shipping day but ordered on Thu 1 Oct, and never wrote.",
        as_wizard_builds(
            make_case(
                order={
                    "placed_on": "2026-10-01",
                    "shipped_on": "2026-10-01",
                    "shipping_day_unknown": True,
                    "tracking": "no_updates",
                }
            )
        ),
    ),
    "42_seller_asked_to_cancel": (
        "Paid by card, not shipped; the seller writes that it's out of stock and asks the buyer to cancel.",
        as_wizard_builds(make_case(order={"shipped_on": None}, seller_asked_to_cancel=True, paid_with="card")),
    ),
    "43_parcel_came_after_the_refund": (
        "A dispute refunded the order in full; then the parcel came, and the seller wants to be paid by PayPal.",
        as_wizard_builds(
            make_case(
                order=received(),
                problem="none",
                dispute={"status": "closed", "closed_on": day(-10), "opened_on": day(-20), "refund_received": True},
                arrived_after_refund=True,
                seller_asks="pay_outside",
            )
        ),
    ),
}
"""Situations whose texts were read as a buyer would paste them (TODAY is Thu 26 Nov 2026)."""


def render(description: str, plan: Plan) -> str:
    """A plan as a buyer reads it: headline, money, the date that matters, steps and messages."""
    lines = [
        f"# {description}",
        f"# Today: {show_date(plan.today)}. Rule: {plan.rule.value} ({plan.action}).",
        "",
        "HEADLINE",
        plan.headline,
        "",
        "MONEY",
        plan.money,
        "",
    ]
    deadline = plan.next_deadline
    if deadline is not None:
        urgent = "; a last day to act" if deadline.last_day else ""
        lines += [
            "DATE",
            f"{deadline.label}: {show_date(deadline.date)} ({days_phrase(deadline.days_left)}{urgent})",
            *[line for line in (how_counted(plan), assumed_protection(plan)) if line is not None],
            "",
        ]
    lines += ["STEPS", *(f"{n}. {step}" for n, step in enumerate(plan.steps, 1)), ""]
    if plan.warnings:
        lines += ["WARNINGS", *(f"- {warning}" for warning in plan.warnings), ""]
    for m in plan.messages:
        lines.append(f"MESSAGE ({m.kind}): {m.title}")
        if m.fill_in:
            lines.append("Fill in: " + ", ".join(m.fill_in))
        lines += [m.body, ""]
    lines += ["WHY THIS ADVICE", *(f"- {source}" for source in plan.sources)]
    lines += [f"- {note.says} ({note.source}, {note.found.isoformat()}, {note.confidence})" for note in plan.facts]
    return "\n".join(lines).rstrip("\n") + "\n"


def reviewed_text(name: str) -> str:
    description, case = REVIEWED[name]
    return render(description, assert_plan_reads_well(case))


@pytest.mark.parametrize("name", list(REVIEWED))
def test_reviewed_plans_are_unchanged(name):
    path = REVIEWED_DIR / f"{name}.txt"
    text = reviewed_text(name)
    if UPDATE_REVIEWED:
        REVIEWED_DIR.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"{path.name} is missing: read the plan, then run with UPDATE_REVIEWED=1 to write it"
    assert text == path.read_text(encoding="utf-8"), (
        f"the words of {path.name} changed: read the new text as a buyer would paste it, then accept it with "
        f"UPDATE_REVIEWED=1\n--- new text ---\n{text}"
    )


def test_reviewed_plans_folder_holds_only_reviewed_situations():
    stray = sorted(p.name for p in REVIEWED_DIR.glob("*.txt") if p.stem not in REVIEWED)
    assert not stray, f"reviewed plans with no situation in REVIEWED (remove them): {stray}"


def test_reviewed_situations_reach_the_intended_rules():
    wanted = {
        "01_parcel_no_updates_wizard": Rule.ask_seller,
        "02_parcel_no_updates_named": Rule.ask_seller,
        "03_slightly_imperfect_with_amount": Rule.slightly_imperfect,
        "04_incomplete_order": Rule.incomplete,
        "05_fake": Rule.fake,
        "06_dispute_closed_unfairly_appeal": Rule.appeal,
        "07_refund_overdue_bank": Rule.refund_overdue,
        "08_last_day_of_protection": Rule.no_news_running_out,
        "09_five_days_after_protection": Rule.late_claim,
        "10_invalid_judgement_3_days_left": Rule.invalid_in_transit_keep_open,
        "11_confirm_receipt": Rule.all_fine_confirm,
        "12_dispute_blocked": Rule.dispute_blocked,
        "13_parcel_on_time": Rule.before_estimated_delivery,
        "14_fault_after_protection_eu_card": Rule.received_too_late,
        "15_never_arrived_paypal": Rule.not_received_too_late,
        "16_refund_late_paypal": Rule.refund_overdue_not_card,
        "17_accept_offer_with_return": Rule.aliexpress_offer,
        "18_parcel_moving_protection_ends_soon": Rule.in_transit,
        "19_dispute_open_no_answer": Rule.no_offer_yet,
        "20_cancel_before_shipping": Rule.payment_confirmed,
        "21_seller_asks_to_confirm_receipt_of_a_missing_parcel": Rule.delivered_ask_seller,
        "22_choice_order_incomplete_seller_says_buy_again": Rule.incomplete,
        "23_open_dispute_seller_promises_to_resend": Rule.no_offer_yet,
        "24_choice_parcel_moving_seller_says_wait": Rule.in_transit,
        "25_seller_rejected_the_dispute": Rule.seller_rejected,
        "26_return_with_no_address_yet": Rule.return_no_label,
        "27_sent_back_for_unpaid_customs": Rule.returned_customs_refused,
        "28_fine_but_after_the_guaranteed_date": Rule.all_fine_confirm,
        "29_held_at_customs_with_a_charge": Rule.held_at_customs,
        "30_sent_back_after_a_missed_pickup": Rule.returned_not_collected,
        "31_return_with_the_seller_no_refund": Rule.return_delivered,
        "32_dispute_cancelled_on_a_promise": Rule.after_cancelled_dispute,
        "33_accepted_offer_regretted": Rule.appeal_accepted,
        "35_aliexpress_asks_for_proof": Rule.proof_requested,
        "36_seller_refused_to_cancel": Rule.cancellation_refused,
        "34_held_at_customs_pay_by": Rule.held_at_customs,
        "37_charged_twice": Rule.extra_charge,
        "38_paid_outside_by_paypal": Rule.paid_outside_paypal,
        "39_waiting_to_be_collected": Rule.waiting_for_pickup,
        "40_customs_wants_an_invoice": Rule.customs_documents,
        "41_shipping_day_not_found": Rule.no_news_running_out,
        "42_seller_asked_to_cancel": Rule.seller_asked_to_cancel,
        "43_parcel_came_after_the_refund": Rule.arrived_after_refund,
    }
    assert set(wanted) == set(REVIEWED)
    for name, rule in wanted.items():
        assert advise(REVIEWED[name][1]).rule is rule, name
    assert dt.date(2026, 11, 26) == TODAY
