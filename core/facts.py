"""Every figure the app uses or states, with where it comes from, when it was found and how sure we are.

Rules and wording read day counts from here and nowhere else, so a figure that changes on
AliExpress changes in one place. A plan lists the facts it used ("Why this advice"), and a test
checks that every number in a plan's texts is a date, an amount the buyer gave, or one of these.
The guide (../shared/guide/) has no date; AliExpress's help pages mostly reach us through
undated copies, so `found` is the day we read them, and `confidence` says how far to trust them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from core import guide
from core.i18n import N_

Confidence = Literal["high", "medium", "low", "ours"]
"""high: an official page or several sources that agree; medium: an official text copied by others, or a
seller-rule translation; low: one blog or sources that conflict; ours: a margin this app chose, and why."""
Unit = Literal["days", "working days", "years", "times", "US dollars"]

FOUND = dt.date(2026, 11, 29)
"""The day the guide and the pages below were last read for these figures."""


@dataclass(frozen=True)
class Fact:
    """One figure: its value (or range), what it means, and its source with the day it was found."""

    key: str
    value: int
    unit: Unit
    means: str
    """What the figure says, in one line with {n} (and {upto}) where the figure goes."""
    source: str
    """A section of the guide (core.guide), or the name of the page it was found on."""
    confidence: Confidence
    address: str | None = None
    """The page's address; None for the guide, which readers search by section title."""
    upto: int | None = None
    """The end of a range ("1 to 10 working days"), when the figure is one."""
    found: dt.date = FOUND

    @property
    def figures(self) -> tuple[int, ...]:
        """The numbers a text may state for this fact."""
        return (self.value,) if self.upto is None else (self.value, self.upto)


HELP_CENTER_COPY = N_("AliExpress Help Center, as copied by a store's FAQ")
BUYER_PROTECTION_COPY = N_("AliExpress Buyer Protection terms, as copied by other sites")
SELLER_RULES = N_("AliExpress's dispute rules for sellers, in translation")
BUYER_GUIDES = N_("Buyers' guides to AliExpress")
PAYPAL_HELP = N_("PayPal Help Center")
VISA_RULES = N_("Visa's dispute rules, as summarised for card issuers")
EU_PAGE = N_("AliExpress: Statutory rights for EU consumers")
OUR_MARGIN = N_("This app's own margin")

DISPUTE_OPENS = Fact(
    "dispute_opens",
    10,
    "days",
    N_("A dispute can be opened from {n} days after shipping."),
    guide.CANNOT_OPEN,
    "medium",
)
USUAL_PROTECTION = Fact(
    "usual_protection",
    60,
    "days",
    N_("Buyer protection usually lasts {n} days from shipping; each listing sets its own, up to 90."),
    guide.NOT_RECEIVED,
    "medium",
)
AFTER_RECEIPT = Fact(
    "after_receipt",
    15,
    "days",
    N_("After you confirm receipt, you have {n} days to open a dispute (the guide says the same)."),
    BUYER_PROTECTION_COPY,
    "high",
    address="https://help.fullshine.net",
)
SELLER_REPLY = Fact(
    "seller_reply",
    2,
    "days",
    N_("Give the seller {n} days to answer before opening a dispute (the guide says “a couple of days”)."),
    guide.NOT_RECEIVED,
    "medium",
)
LATE_CLAIM = Fact(
    "late_claim",
    15,
    "days",
    N_("For a parcel that never came, AliExpress still takes a refund request for {n} days after protection ends."),
    N_("AliExpress: the “Delivered in X days” service, as explained by a buyers' guide"),
    "medium",
    address="https://guide-aliexpress.com/en/what-is-the-delivered-in-x-days-service/",
)
SELLER_DISPUTE_ANSWER = Fact(
    "seller_dispute_answer",
    5,
    "days",
    N_(
        "In a dispute the seller has {n} days to accept or reject it; with no answer, the refund goes through as "
        "asked. Changing the request starts the {n} days again."
    ),
    SELLER_RULES,
    "medium",
    address="https://ssopdot.com/blog/35242.html",
)
ALIEXPRESS_STEPS_IN = Fact(
    "aliexpress_steps_in",
    7,
    "days",
    N_("Without an agreement, AliExpress steps in within {n} days of the dispute being opened."),
    SELLER_RULES,
    "medium",
    address="https://ssopdot.com/blog/19333.html",
)
REFUND_TO_CARD = Fact(
    "refund_to_card",
    3,
    "working days",
    N_("A refund to a card arrives {n} to {upto} working days after AliExpress processes it (the guide agrees)."),
    HELP_CENTER_COPY,
    "high",
    address="https://cnjdpart.com/ru/pages/faqs",
    upto=20,
)
REFUND_OTHER = Fact(
    "refund_other",
    1,
    "working days",
    N_(
        "A refund to PayPal, AliExpress Bonus or balance, or another method arrives in about {n} to {upto} working "
        "days; Bonus is usually fastest but can only be spent on AliExpress."
    ),
    BUYER_PROTECTION_COPY,
    "medium",
    address="https://guide-aliexpress.com/en/what-is-the-arn-on-aliexpress/",
    upto=10,
)
APPEAL_WINDOW = Fact(
    "appeal_window",
    7,
    "days",
    N_("An unfair outcome can be appealed for {n} days after the dispute ends."),
    guide.APPEAL,
    "medium",
)
APPEAL_ANSWER = Fact(
    "appeal_answer",
    10,
    "days",
    N_("Each dispute can be appealed once; AliExpress answers by email in about {n} days."),
    N_("A buyers' question site quoting AliExpress's appeal page"),
    "low",
    address="https://en.hb2b.com/ask/190738.html",
)
RETURN_SHIP_WITHIN = Fact(
    "return_ship_within",
    10,
    "days",
    N_(
        "A return must be sent within {n} days of the agreement (or by the date on the request), with tracking, "
        "or the money goes to the seller."
    ),
    HELP_CENTER_COPY,
    "medium",
    address="https://cnjdpart.com/ru/pages/faqs",
)
RETURN_POSTAGE = Fact(
    "return_postage",
    1,
    "times",
    N_(
        "You pay the return postage when you changed your mind; the seller pays for a faulty, wrong or "
        "not-as-described item. Each order has {n} free return at most."
    ),
    N_("AliExpress's return policy, as summarised by a returns-policy site (checked May 2026)"),
    "medium",
    address="https://returnpolicies.info/en/retailers/aliexpress-cn",
)
ASK_EXTENSION = Fact(
    "ask_extension",
    5,
    "days",
    N_("Only the seller can extend buyer protection; ask from the order page, best {n} to {upto} days before it ends."),
    BUYER_GUIDES,
    "low",
    address="https://sovetclub.ru/en",
    upto=7,
)
CANCELLATION_APPROVED = Fact(
    "cancellation_approved",
    2,
    "days",
    N_("A cancellation the seller doesn't answer is usually approved by itself after {n} to {upto} days."),
    N_("A buyers' guide on AliExpress shipping and cancelling"),
    "medium",
    address="https://guide-aliexpress.com/en/when-will-my-aliexpress-order-be-shipped/",
    upto=3,
)
PAYPAL_DISPUTE = Fact(
    "paypal_dispute",
    180,
    "days",
    N_("A PayPal dispute can be opened up to {n} days after the payment."),
    PAYPAL_HELP,
    "high",
    address="https://www.paypal.com/us/smarthelp/article/faq1417",
)
PAYPAL_ESCALATE = Fact(
    "paypal_escalate",
    20,
    "days",
    N_("A PayPal dispute must be turned into a claim within {n} days, or it closes for good."),
    PAYPAL_HELP,
    "high",
    address="https://www.paypal.com/us/smarthelp/article/faq1417",
)
CHARGEBACK_NOT_RECEIVED = Fact(
    "chargeback_not_received",
    120,
    "days",
    N_(
        "A card chargeback for goods not received: up to {n} days from the last expected delivery day (or from the "
        "payment when there is none); banks may set less."
    ),
    VISA_RULES,
    "high",
    address="https://quavo-inc.atlassian.net/wiki/pages/viewpage.action?pageId=341080959",
)
CHARGEBACK_NOT_AS_DESCRIBED = Fact(
    "chargeback_not_as_described",
    120,
    "days",
    N_(
        "A card chargeback for goods not as described or faulty: up to {n} days from receiving them; banks may set less."
    ),
    VISA_RULES,
    "medium",
    address="https://justt.ai/chargeback-reason-codes/visa/13-3-not-as-described-or-defective-merchandise-services",
)
CHARGEBACK_LONGEST = Fact(
    "chargeback_longest",
    540,
    "days",
    N_("No card chargeback is possible more than {n} days after the payment."),
    VISA_RULES,
    "high",
    address="https://quavo-inc.atlassian.net/wiki/pages/viewpage.action?pageId=341080959",
)
EU_WITHDRAWAL = Fact(
    "eu_withdrawal",
    14,
    "days",
    N_(
        "In the EU you can withdraw from an online purchase for {n} days after receiving it, paying the return "
        "postage (not for personalised, perishable or opened hygiene items)."
    ),
    EU_PAGE,
    "high",
    address="https://sale.aliexpress.com/__mobile/QnoLFBVfqY.htm",
)
EU_GUARANTEE = Fact(
    "eu_guarantee",
    2,
    "years",
    N_(
        "In the EU the seller owes a legal guarantee for {n} years: a faulty item must be repaired, replaced or refunded."
    ),
    EU_PAGE,
    "high",
    address="https://sale.aliexpress.com/__mobile/QnoLFBVfqY.htm",
)
RUNNING_OUT = Fact(
    "running_out",
    5,
    "days",
    N_(
        "With {n} days or fewer of protection left, open a dispute whatever tracking says: a dispute takes days to "
        "handle."
    ),
    OUR_MARGIN,
    "ours",
)
LATE_COUPON = Fact(
    "late_delivery_coupon",
    1,
    "US dollars",
    N_(
        "An order marked “On-Time Guarantee” that arrives after its guaranteed date earns a coupon worth {n} US dollar, once "
        "per order; without that label, lateness alone earns nothing."
    ),
    N_("News and buyers' guides on AliExpress's On-Time Guarantee (2021-2023)"),
    "low",
    address="https://blazetrends.com/aliexpress-features-on-time-guarantee-you-will-pay-1-if-your-order-is-delayed/",
)
EXTEND_PAST_DELIVERY = Fact(
    "extend_past_delivery",
    7,
    "days",
    N_("Ask for protection to last {n} days past the estimated delivery, in case the parcel is a little late."),
    OUR_MARGIN,
    "ours",
)
EXTENSION_ASKED = Fact(
    "extension_asked",
    15,
    "days",
    N_("Without an estimated delivery, ask the seller for {n} more days of protection."),
    OUR_MARGIN,
    "ours",
)

FACTS: Mapping[str, Fact] = MappingProxyType(
    {
        fact.key: fact
        for fact in (
            DISPUTE_OPENS,
            USUAL_PROTECTION,
            AFTER_RECEIPT,
            SELLER_REPLY,
            LATE_CLAIM,
            SELLER_DISPUTE_ANSWER,
            ALIEXPRESS_STEPS_IN,
            REFUND_TO_CARD,
            REFUND_OTHER,
            APPEAL_WINDOW,
            APPEAL_ANSWER,
            RETURN_SHIP_WITHIN,
            RETURN_POSTAGE,
            ASK_EXTENSION,
            CANCELLATION_APPROVED,
            PAYPAL_DISPUTE,
            PAYPAL_ESCALATE,
            CHARGEBACK_NOT_RECEIVED,
            CHARGEBACK_NOT_AS_DESCRIBED,
            CHARGEBACK_LONGEST,
            EU_WITHDRAWAL,
            EU_GUARANTEE,
            RUNNING_OUT,
            LATE_COUPON,
            EXTEND_PAST_DELIVERY,
            EXTENSION_ASKED,
        )
    }
)
"""Every fact by its key: the table a plan's "Why this advice" and the facts test read."""

EU_MEMBERS = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
    ]
)
"""The European Union's 27 member states (europa.eu, as of 2026): their buyers have the EU's rights."""
