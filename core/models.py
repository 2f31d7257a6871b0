"""The case a buyer describes and the plan we give back, as pydantic v2 models.

These are the edges of the core: everything that comes in (command line, wizard,
orders table, imported files) is read into a `Case`, and everything we show is
taken from a `Plan`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import Enum
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
)

Money = Annotated[
    Decimal,
    Field(ge=0, le=Decimal("10000000"), max_digits=12, decimal_places=2),
    PlainSerializer(float, return_type=float, when_used="json"),
]
"""An amount of money: never negative, at most two decimals, shown as a JSON number."""

BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def plain_line(value: Any) -> Any:
    """One line of plain text: control and direction-override characters would garble a message."""
    if not isinstance(value, str):
        return value
    text = value.translate(BIDI_CONTROLS)
    text = "".join(" " if unicodedata.category(char) == "Cc" else char for char in text)
    return " ".join(text.split())


Label = Annotated[str, BeforeValidator(plain_line), StringConstraints(max_length=120)]
"""The buyer's own name for an order, as one clean line."""

CurrencyCode = Annotated[
    str,
    StringConstraints(strip_whitespace=True, to_upper=True, pattern=r"^[A-Za-z]{3}$"),
]
"""An ISO 4217 code such as USD or EUR."""

CountryCode = Annotated[
    str,
    StringConstraints(strip_whitespace=True, to_upper=True, pattern=r"^[A-Za-z]{2}$"),
]
"""An ISO 3166 two-letter country code, used to skip public holidays."""


class Strict(BaseModel):
    """Base for input models: unknown fields are a mistake worth reporting."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Tracking(str, Enum):
    """What the parcel's tracking page says."""

    none = "none"
    in_transit = "in_transit"
    no_updates = "no_updates"
    delivered = "delivered"
    returned_to_seller = "returned_to_seller"


class Problem(str, Enum):
    """What is wrong with the order, in the buyer's terms."""

    none = "none"
    not_arrived = "not_arrived"
    not_as_described = "not_as_described"
    slightly_imperfect = "slightly_imperfect"
    incomplete = "incomplete"
    fake = "fake"
    wrong_item = "wrong_item"
    delivered_not_received = "delivered_not_received"
    wrong_shipping_method = "wrong_shipping_method"
    changed_mind = "changed_mind"


class DisputeStatus(str, Enum):
    open = "open"
    cancelled = "cancelled"
    closed = "closed"


class Judgement(str, Enum):
    valid = "valid"
    invalid = "invalid"


class Order(Strict):
    """One AliExpress order: when it was paid, shipped and received, and what it cost."""

    label: Label | None = Field(
        default=None, description="The buyer's own name for the order, used in messages."
    )
    placed_on: dt.date
    payment_confirmed: bool = True
    shipped_on: dt.date | None = None
    estimated_delivery: dt.date | None = None
    protection_days: int = Field(default=60, ge=1, le=180)
    received: bool = False
    receipt_confirmed_on: dt.date | None = None
    tracking: Tracking = Tracking.none
    total_paid: Money = Decimal("0")
    shipping_paid: Money = Decimal("0")
    currency: CurrencyCode = "USD"
    free_return: bool = False


class Offer(Strict):
    """A proposal in a dispute, from the seller or from AliExpress."""

    refund_amount: Money
    return_required: bool = False


class Dispute(Strict):
    """A dispute already opened on the order, and how far it went."""

    status: DisputeStatus = DisputeStatus.open
    opened_on: dt.date | None = None
    requested_refund: Money | None = None
    judgement: Judgement | None = None
    seller_offer: Offer | None = None
    aliexpress_offer: Offer | None = None
    negotiation_ends_on: dt.date | None = None
    closed_on: dt.date | None = None
    satisfied: bool = True
    refund_processed_on: dt.date | None = None
    refund_received: bool = False


class Case(Strict):
    """Everything the advisor needs to know about one problem order."""

    today: dt.date | None = Field(
        default=None, description="The day the advice is for; the real today when left out."
    )
    order: Order
    problem: Problem = Problem.none
    missing_items_value: Money | None = None
    arrived_late: bool = False
    seller_contacted_on: dt.date | None = None
    dispute: Dispute | None = None
    country: CountryCode | None = Field(
        default=None, description="Skip this country's public holidays when counting working days."
    )


Action = Literal[
    "cancel_order",
    "request_cancellation",
    "wait",
    "contact_seller",
    "open_dispute",
    "cancel_dispute",
    "accept_seller_offer",
    "accept_aliexpress_offer",
    "appeal",
    "contact_support",
    "check_with_bank",
    "confirm_receipt",
    "nothing_to_do",
]
ACTIONS: tuple[str, ...] = Action.__args__

RefundKind = Literal["full", "partial", "none"]


class Deadline(BaseModel):
    """The one date that matters most now, and how many days are left until it."""

    label: str
    date: dt.date
    days_left: int


class PlanDates(BaseModel):
    """The order's protection windows; a date is null where it does not apply."""

    earliest_dispute: dt.date | None = None
    protection_ends: dt.date | None = None
    dispute_deadline: dt.date | None = None
    appeal_deadline: dt.date | None = None
    negotiation_ends: dt.date | None = None
    refund_expected_from: dt.date | None = None
    refund_expected_by: dt.date | None = None


class Message(BaseModel):
    """A ready-to-send draft: who it is for, a title, and the text to paste."""

    kind: Literal["seller", "dispute", "appeal", "support", "bank"]
    title: str
    body: str


class Plan(BaseModel):
    """What to do today, what to ask for, by when, and how."""

    rule: str = Field(description="Which line of the rules table decided, e.g. 'received.fake'.")
    today: dt.date = Field(description="The day the plan was made for; days_left counts from it.")
    action: Action
    refund: RefundKind
    refund_amount: Money | None
    return_item: bool
    currency: str
    next_deadline: Deadline | None
    dates: PlanDates
    headline: str
    steps: list[str]
    evidence: list[str]
    warnings: list[str]
    messages: list[Message]
    sources: list[str]
