"""Many orders at once: one table row per order, each advised and ranked by urgency.

A row is the buyer's flat view of an order (what a spreadsheet line holds); it is read
into a `Case` and advised with the same rules as a single case, so the table and the
wizard can never disagree. The table's CSV and JSON files are in core/order_files.py.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, Literal, NamedTuple, get_args

from pydantic import BeforeValidator, Field, StringConstraints, ValidationError

from core import advise
from core.facts import RUNNING_OUT
from core.i18n import _
from core.models import (
    LABEL_MAX,
    PROTECTION_DAYS_MAX,
    PROTECTION_DAYS_MIN,
    PROTECTION_DAYS_USUAL,
    Case,
    CurrencyCode,
    Dispute,
    DisputeStatus,
    ItemReturn,
    Label,
    Money,
    Order,
    OrderNumber,
    Payment,
    Plan,
    Problem,
    ProtectionDays,
    ReturnStatus,
    SellerAsk,
    Strict,
    Tracking,
)
from core.reading import CaseError, CaseProblem
from core.rules import MISSED_RULES, NOT_SHIPPED_RULES

MAX_ORDERS = 500
"""The most orders one table holds; far above the five to thirty a busy buyer has in flight."""
WEEK_DAYS = 7

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_day(value: Any) -> Any:
    """Dates are written one way only (YYYY-MM-DD), so 03/04/2026 is never read as the wrong day."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str) and _ISO_DAY.fullmatch(value.strip()):
        return dt.date.fromisoformat(value.strip())
    raise ValueError("not a YYYY-MM-DD date")


Day = Annotated[dt.date, BeforeValidator(_iso_day)]
MaybeDay = Annotated[dt.date | None, BeforeValidator(_iso_day)]
RowId = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9_-]{1,64}$")]
DisputeState = Literal["none", "open", "cancelled", "closed"]
DISPUTE_STATES: tuple[str, ...] = get_args(DisputeState)


def new_id() -> str:
    """A fresh id for an order typed into the table."""
    return uuid.uuid4().hex[:12]


class OrderRow(Strict):
    """One order as a line of the table: the buyer's own columns, each with a plain default."""

    id: RowId = Field(default_factory=new_id, description="Stable id: importing the same order again updates nothing.")
    label: Label = Field(default="", description="What it is, in the buyer's words.")
    order_number: OrderNumber | None = Field(default=None, description="The order number from the order page.")
    placed_on: Day
    shipped_on: MaybeDay = None
    estimated_delivery: MaybeDay = None
    protection_days: ProtectionDays = PROTECTION_DAYS_USUAL
    protection_ends_on: MaybeDay = Field(
        default=None,
        description="The last day of buyer protection as the order page's countdown shows it; "
        "when given, it replaces shipped_on + protection_days.",
    )
    received: bool = False
    receipt_confirmed_on: MaybeDay = None
    tracking: Tracking = Tracking.none
    total_paid: Money = Decimal("0")
    shipping_paid: Money = Decimal("0")
    currency: CurrencyCode = "USD"
    paid_with: Payment | None = Field(
        default=None,
        description="How the order was paid (card, paypal, aliexpress for Bonus or balance, other); empty when not "
        "given. The day it was paid is placed_on.",
    )
    free_return: bool = False
    problem: Problem = Problem.none
    dispute_status: DisputeState = "none"
    dispute_opened_on: MaybeDay = None
    negotiation_ends_on: MaybeDay = None
    proof_due_on: MaybeDay = Field(
        default=None, description="An open dispute: the day AliExpress asks for proof by (Dispute.proof_due_on)."
    )
    dispute_closed_on: MaybeDay = None
    refund_processed_on: MaybeDay = None
    refund_received: bool = False
    seller_contacted_on: MaybeDay = None
    missing_items_value: Money | None = None
    satisfied: bool = True
    affected_value: Money | None = None
    """When only some items of the order are faulty, fake or wrong: what they cost (Case.affected_value)."""
    cancelled_on: MaybeDay = Field(
        default=None, description="The day an order that had not shipped was cancelled (Case.cancelled_on)."
    )
    return_status: ReturnStatus | None = Field(
        default=None,
        description="A return in progress (Case.item_return): not_sent, label_refused, sent or lost; empty when "
        "the item is not going back. A return date given without it counts as not_sent.",
    )
    return_agreed_on: MaybeDay = Field(default=None, description="The day the return was agreed or decided.")
    return_ship_by: MaybeDay = Field(default=None, description="The send-by date the return request shows, if any.")
    return_sent_on: MaybeDay = Field(default=None, description="The day the item was posted back.")
    return_delivered_on: MaybeDay = Field(
        default=None, description="The day the return's tracking shows the seller received it."
    )
    seller_asks: SellerAsk | None = Field(
        default=None, description="What the seller is pushing for instead of a refund (Case.seller_asks)."
    )
    choice_order: bool | None = Field(
        default=None, description="A Choice order (Case.choice_order); empty until the buyer says."
    )
    arrived_late: bool | None = Field(
        default=None, description="It came after the date it was guaranteed by (Case.arrived_late); empty: no."
    )
    free_return_used: bool | None = Field(
        default=None, description="The order's one free return is already used (Order.free_return_used)."
    )
    customs_refused: bool | None = Field(
        default=None,
        description="Sent back to the seller because the customs charges weren't paid (Case.customs_refused).",
    )
    cancellation_refused: bool | None = Field(
        default=None,
        description="Not shipped: the seller refused the buyer's cancellation (Case.cancellation_refused).",
    )
    missed_pickup: bool | None = Field(
        default=None,
        description="Sent back to the seller because it wasn't collected in time (Case.missed_pickup).",
    )
    shipping_day_unknown: bool | None = Field(
        default=None,
        description="It shipped, but the day can't be found: the dates count from placed_on "
        "(Order.shipping_day_unknown).",
    )
    keeps_waiting: bool | None = Field(
        default=None, description="Not shipped: the buyer would rather wait than cancel (Case.keeps_waiting)."
    )
    seller_asked_to_cancel: bool | None = Field(
        default=None, description="Not shipped: the seller asked the buyer to cancel (Case.seller_asked_to_cancel)."
    )
    arrived_after_refund: bool | None = Field(
        default=None,
        description="The dispute closed with the refund received, then the parcel came (Case.arrived_after_refund).",
    )
    seller_rejected: bool | None = Field(
        default=None, description="The seller rejected the open dispute with no offer (Dispute.seller_rejected)."
    )
    customs_pay_by: MaybeDay = Field(
        default=None, description="Held at customs: the date the customs notice gives to pay by (Order.customs_pay_by)."
    )


FIELDS: tuple[str, ...] = tuple(OrderRow.model_fields)
"""The columns of the CSV file and the keys of a JSON order, in this order."""
DATE_FIELDS = frozenset(
    (
        "placed_on",
        "shipped_on",
        "estimated_delivery",
        "protection_ends_on",
        "receipt_confirmed_on",
        "dispute_opened_on",
        "negotiation_ends_on",
        "proof_due_on",
        "dispute_closed_on",
        "refund_processed_on",
        "seller_contacted_on",
        "cancelled_on",
        "return_agreed_on",
        "return_ship_by",
        "return_sent_on",
        "return_delivered_on",
        "customs_pay_by",
    )
)
RETURN_FIELDS = ("return_status", "return_agreed_on", "return_ship_by", "return_sent_on", "return_delivered_on")
"""The columns of a return in progress: any of them given makes the case's item_return."""
MONEY_FIELDS = frozenset(("total_paid", "shipping_paid", "missing_items_value", "affected_value"))
BOOL_FIELDS = frozenset(
    (
        "received",
        "free_return",
        "refund_received",
        "satisfied",
        "choice_order",
        "arrived_late",
        "free_return_used",
        "customs_refused",
        "missed_pickup",
        "seller_rejected",
        "cancellation_refused",
        "shipping_day_unknown",
        "keeps_waiting",
        "seller_asked_to_cancel",
        "arrived_after_refund",
    )
)

_CASE_FIELD = {
    "today": "placed_on",
    "dispute.status": "dispute_status",
    "dispute.opened_on": "dispute_opened_on",
    "dispute.negotiation_ends_on": "negotiation_ends_on",
    "dispute.proof_due_on": "proof_due_on",
    "dispute.closed_on": "dispute_closed_on",
    "dispute.refund_processed_on": "refund_processed_on",
    "dispute.refund_received": "refund_received",
    "dispute.satisfied": "satisfied",
    "item_return.status": "return_status",
    "item_return.agreed_on": "return_agreed_on",
    "item_return.ship_by": "return_ship_by",
    "item_return.sent_on": "return_sent_on",
    "item_return.delivered_on": "return_delivered_on",
}


def row_field(case_field: str) -> str:
    """The table column a case problem is about ("dispute.closed_on" is the dispute_closed_on column)."""
    if case_field in _CASE_FIELD:
        return _CASE_FIELD[case_field]
    return case_field.removeprefix("order.")


class RowProblem(NamedTuple):
    """What is wrong in an order's values: the row (1 is a CSV file's header, 0 the whole file), field, message."""

    row: int
    field: str
    message: str


def _hint(field: str) -> str:
    """What a cell of this column must look like, in words."""
    if field in DATE_FIELDS:
        return _("Not a date: write it as YYYY-MM-DD, e.g. 2026-11-26.")
    if field in MONEY_FIELDS:
        return _("Not an amount: write a number like 12.50 (not negative).")
    if field in BOOL_FIELDS:
        return _("Write yes or no.")
    choices = {
        "tracking": [t.value for t in Tracking],
        "problem": [p.value for p in Problem],
        "dispute_status": list(DISPUTE_STATES),
        "paid_with": [p.value for p in Payment],
        "return_status": [r.value for r in ReturnStatus],
        "seller_asks": [a.value for a in SellerAsk],
    }
    if field in choices:
        return _("Must be one of: {choices}.").format(choices=", ".join(choices[field]))
    texts = {
        "id": _("An id is 1 to 64 letters, digits, - or _."),
        "label": _("Text of at most {n} characters.").format(n=LABEL_MAX),
        "order_number": _("An order number is 8 to 20 digits, as shown on the order page."),
        "protection_days": _("A whole number of days from {low} to {high}.").format(
            low=PROTECTION_DAYS_MIN, high=PROTECTION_DAYS_MAX
        ),
        "currency": _("A three-letter currency code such as USD or EUR."),
    }
    return texts.get(field, _("This value can't be read."))


def read_row(values: dict[str, Any], number: int = 0) -> tuple[OrderRow | None, list[RowProblem]]:
    """Check one order's values: the row, or what is wrong with each field, in our words."""
    try:
        return OrderRow.model_validate(values), []
    except ValidationError as error:
        return None, _row_problems(number, error)


def _row_problems(number: int, error: ValidationError) -> list[RowProblem]:
    """Each field pydantic refused, with what it must look like in our words instead of its own."""
    found = []
    for item in error.errors(include_url=False):
        field = str(item["loc"][0]) if item["loc"] else ""
        if item["type"] == "missing":
            message = _("Missing: every order needs this.")
        elif item["type"] == "extra_forbidden":
            message = _("Unknown field, ignored.")
        else:
            message = _hint(field)
        found.append(RowProblem(number, field, message))
    return found


def row_to_case(row: OrderRow, today: dt.date | None = None, country: str | None = None) -> Case:
    """The case the advisor reads for this row; contradictions are left for `advise` to report."""
    dispute = None
    if row.dispute_status != "none":
        dispute = Dispute(
            status=DisputeStatus(row.dispute_status),
            opened_on=row.dispute_opened_on,
            negotiation_ends_on=row.negotiation_ends_on,
            proof_due_on=row.proof_due_on if row.dispute_status == "open" else None,
            closed_on=row.dispute_closed_on,
            satisfied=row.satisfied,
            refund_processed_on=row.refund_processed_on,
            refund_received=row.refund_received,
            seller_rejected=bool(row.seller_rejected),
        )
    item_return = None
    if any(getattr(row, name) is not None for name in RETURN_FIELDS):
        item_return = ItemReturn(
            status=row.return_status or ReturnStatus.not_sent,
            agreed_on=row.return_agreed_on,
            ship_by=row.return_ship_by,
            sent_on=row.return_sent_on,
            delivered_on=row.return_delivered_on,
        )
    # A shipping day nobody can find counts from the order's day: it can't have shipped earlier.
    day_unknown = bool(row.shipping_day_unknown) and row.shipped_on is None
    not_shipped = row.shipped_on is None and not day_unknown
    return Case(
        today=today,
        order=Order(
            label=row.label or None,
            order_number=row.order_number,
            placed_on=row.placed_on,
            shipped_on=row.placed_on if day_unknown else row.shipped_on,
            shipping_day_unknown=day_unknown,
            estimated_delivery=row.estimated_delivery,
            protection_days=row.protection_days,
            protection_ends_on=row.protection_ends_on,
            received=row.received or bool(row.arrived_after_refund),
            receipt_confirmed_on=row.receipt_confirmed_on,
            tracking=row.tracking,
            total_paid=row.total_paid,
            shipping_paid=row.shipping_paid,
            currency=row.currency,
            free_return=row.free_return,
            free_return_used=bool(row.free_return_used),
            customs_pay_by=row.customs_pay_by,
        ),
        problem=row.problem,
        missing_items_value=row.missing_items_value,
        affected_value=row.affected_value,
        seller_contacted_on=row.seller_contacted_on,
        dispute=dispute,
        country=country,
        paid_with=row.paid_with,
        item_return=item_return,
        cancelled_on=row.cancelled_on,
        seller_asks=row.seller_asks,
        choice_order=row.choice_order,
        arrived_late=bool(row.arrived_late),
        customs_refused=row.customs_refused,
        missed_pickup=bool(row.missed_pickup),
        cancellation_refused=bool(row.cancellation_refused) and not_shipped,
        keeps_waiting=bool(row.keeps_waiting) and not_shipped,
        seller_asked_to_cancel=bool(row.seller_asked_to_cancel) and not_shipped,
        arrived_after_refund=bool(row.arrived_after_refund),
    )


class Urgency(str, Enum):
    """How soon an order needs the buyer, in the order the table shows them."""

    overdue = "overdue"
    """A date has passed or a window was missed: act today."""
    due_soon = "due_soon"
    """Something to do, due within 5 days (or with no date to wait for)."""
    to_fix = "to_fix"
    """The row contradicts itself, so no advice until it is corrected."""
    this_week = "this_week"
    """Something to do, due in 6 or 7 days."""
    later = "later"
    """Something to do, with more than a week left."""
    waiting = "waiting"
    """Nothing to do but wait for a date or for the other side."""
    settled = "settled"
    """Nothing left to do."""


_RANK = {urgency: rank for rank, urgency in enumerate(Urgency)}
_NO_ACTION = frozenset(("wait",))


@dataclass(frozen=True)
class Assessed:
    """One row with its plan (or the problems that stop one), urgency and days left."""

    row: OrderRow
    plan: Plan | None
    problems: tuple[CaseProblem, ...]
    urgency: Urgency
    days_left: int | None

    @property
    def open_problem(self) -> bool:
        """Money is at stake while something is wrong, or a dispute runs, and it is not settled."""
        row = self.row
        active = row.problem is not Problem.none or row.dispute_status == "open"
        return active and self.urgency is not Urgency.settled


def urgency_of(plan: Plan, row: OrderRow) -> Urgency:
    """The bucket of a plan: a missed date first, then how soon the next one is.

    An order that has not shipped and has nothing wrong is simply waiting: the advisor's
    cancellation advice is there for a buyer who marks a problem.
    """
    if plan.action == "nothing_to_do":
        return Urgency.settled
    if plan.rule in NOT_SHIPPED_RULES and row.problem is Problem.none:
        return Urgency.waiting
    days = plan.next_deadline.days_left if plan.next_deadline is not None else None
    if plan.rule in MISSED_RULES or (days is not None and days < 0):
        return Urgency.overdue
    if plan.action in _NO_ACTION:
        return Urgency.waiting
    if days is None or days <= RUNNING_OUT.value:
        return Urgency.due_soon
    if days <= WEEK_DAYS:
        return Urgency.this_week
    return Urgency.later


def assess_row(row: OrderRow, today: dt.date, country: str | None = None) -> Assessed:
    """Advise one row; a row that contradicts itself gets its problems instead of a plan."""
    try:
        plan = advise(row_to_case(row, today, country), today)
    except CaseError as error:
        problems = tuple(CaseProblem(row_field(p.field), p.message) for p in error.problems)
        return Assessed(row, None, problems, Urgency.to_fix, None)
    days = plan.next_deadline.days_left if plan.next_deadline is not None else None
    return Assessed(row, plan, (), urgency_of(plan, row), days)


def _sort_key(item: Assessed) -> tuple:
    """Bucket, then days left (none last), then name and date, so the order never jumps between reruns."""
    days = item.days_left if item.days_left is not None else 10**6
    return (_RANK[item.urgency], days, item.row.label.casefold(), item.row.placed_on, item.row.id)


def by_urgency(items: Iterable[Assessed]) -> list[Assessed]:
    """Most urgent first: overdue, then due within 5 days, then the rest; nearest date first within each."""
    return sorted(items, key=_sort_key)


def assess(rows: Iterable[OrderRow], today: dt.date, country: str | None = None) -> list[Assessed]:
    """Every row advised, most urgent first."""
    return by_urgency(assess_row(row, today, country) for row in rows)


@dataclass(frozen=True)
class Summary:
    """The counts of the summary strip, and the money still at stake per currency."""

    act_now: int
    """Overdue or due within 5 days."""
    this_week: int
    later: int
    waiting: int
    settled: int
    to_fix: int
    at_stake: dict[str, Decimal]
    """Sum of total_paid of the orders with an open problem, per currency, largest first."""


def summary(assessed: Iterable[Assessed]) -> Summary:
    """Count the buckets and add up the money at stake."""
    counts = dict.fromkeys(Urgency, 0)
    at_stake: dict[str, Decimal] = {}
    for item in assessed:
        counts[item.urgency] += 1
        if item.open_problem:
            at_stake[item.row.currency] = at_stake.get(item.row.currency, Decimal("0")) + item.row.total_paid
    return Summary(
        act_now=counts[Urgency.overdue] + counts[Urgency.due_soon],
        this_week=counts[Urgency.this_week],
        later=counts[Urgency.later],
        waiting=counts[Urgency.waiting],
        settled=counts[Urgency.settled],
        to_fix=counts[Urgency.to_fix],
        at_stake=dict(sorted(at_stake.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def content_key(row: OrderRow) -> tuple:
    """Everything but the id: two rows with the same key are the same order written twice."""
    return tuple(getattr(row, name) for name in FIELDS if name != "id")


@dataclass(frozen=True)
class Merged:
    """The table after an import: every row it had, plus the new ones."""

    rows: list[OrderRow]
    added: int
    already_there: int
    """Orders that were in the table already (same id or same details)."""
    kept_yours: int
    """Orders whose id was in the table with other details: the table's version was kept."""
    over_limit: int
    """New orders left out because the table is full."""


def merge(existing: Iterable[OrderRow], imported: Iterable[OrderRow]) -> Merged:
    """Add the imported orders the table lacks; never drop or change a row it has."""
    rows = list(existing)
    by_id = {row.id: row for row in rows}
    contents = {content_key(row) for row in rows}
    added = already = kept = over = 0
    for row in imported:
        key = content_key(row)
        if row.id in by_id:
            if content_key(by_id[row.id]) == key:
                already += 1
            else:
                kept += 1
        elif key in contents:
            already += 1
        elif len(rows) >= MAX_ORDERS:
            over += 1
        else:
            rows.append(row)
            by_id[row.id] = row
            contents.add(key)
            added += 1
    return Merged(rows, added, already, kept, over)
