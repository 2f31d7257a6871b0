"""Many orders at once: one table row per order, each advised and ranked by urgency.

A row is the buyer's flat view of an order (what a spreadsheet line holds); it is read
into a `Case` and advised with the same rules as a single case, so the table and the
wizard can never disagree. The CSV and JSON file formats of the table live here too,
documented in the README ("My orders: file format").
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import math
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import BeforeValidator, Field, StringConstraints, ValidationError

from core import advise
from core.i18n import _, ngettext
from core.models import (
    Case,
    CurrencyCode,
    Dispute,
    DisputeStatus,
    LABEL_MAX,
    PROTECTION_DAYS_MAX,
    PROTECTION_DAYS_MIN,
    PROTECTION_DAYS_USUAL,
    Label,
    Money,
    Order,
    OrderNumber,
    Plan,
    Problem,
    ProtectionDays,
    Strict,
    Tracking,
)
from core.reading import CaseError, CaseProblem
from core.rules import MISSED_RULES, NOT_SHIPPED_RULES, RUNNING_OUT_DAYS

MAX_FILE_BYTES = 1024 * 1024
"""Bigger files are refused unread: a year of orders fits in a few kilobytes."""
MAX_ORDERS = 500
"""The most orders one table holds; far above the five to thirty a busy buyer has in flight."""
MAX_PROBLEMS = 100
"""An import lists at most this many problems, then says how many more there were."""
FORMAT_NAME = "aliexpress-dispute-wizard/orders"
FORMAT_VERSION = 1
CSV_ENCODING = "utf-8-sig"
"""CSV files are written with a byte-order mark so spreadsheets show emoji and accents."""
WEEK_DAYS = 7

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_QUOTE = "'"


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
    received: bool = False
    receipt_confirmed_on: MaybeDay = None
    tracking: Tracking = Tracking.none
    total_paid: Money = Decimal("0")
    shipping_paid: Money = Decimal("0")
    currency: CurrencyCode = "USD"
    free_return: bool = False
    problem: Problem = Problem.none
    dispute_status: DisputeState = "none"
    dispute_opened_on: MaybeDay = None
    negotiation_ends_on: MaybeDay = None
    dispute_closed_on: MaybeDay = None
    refund_processed_on: MaybeDay = None
    refund_received: bool = False
    seller_contacted_on: MaybeDay = None
    missing_items_value: Money | None = None
    satisfied: bool = True


FIELDS: tuple[str, ...] = tuple(OrderRow.model_fields)
"""The columns of the CSV file and the keys of a JSON order, in this order."""
DATE_FIELDS = frozenset((
    "placed_on", "shipped_on", "estimated_delivery", "receipt_confirmed_on", "dispute_opened_on",
    "negotiation_ends_on", "dispute_closed_on", "refund_processed_on", "seller_contacted_on",
))
MONEY_FIELDS = frozenset(("total_paid", "shipping_paid", "missing_items_value"))
BOOL_FIELDS = frozenset(("received", "free_return", "refund_received", "satisfied"))

_CASE_FIELD = {
    "today": "placed_on",
    "dispute.status": "dispute_status",
    "dispute.opened_on": "dispute_opened_on",
    "dispute.negotiation_ends_on": "negotiation_ends_on",
    "dispute.closed_on": "dispute_closed_on",
    "dispute.refund_processed_on": "refund_processed_on",
    "dispute.refund_received": "refund_received",
    "dispute.satisfied": "satisfied",
}


def row_field(case_field: str) -> str:
    """The table column a case problem is about ("dispute.closed_on" is the dispute_closed_on column)."""
    if case_field in _CASE_FIELD:
        return _CASE_FIELD[case_field]
    return case_field.removeprefix("order.")


def row_to_case(row: OrderRow, today: dt.date | None = None, country: str | None = None) -> Case:
    """The case the advisor reads for this row; contradictions are left for `advise` to report."""
    dispute = None
    if row.dispute_status != "none":
        dispute = Dispute(
            status=DisputeStatus(row.dispute_status),
            opened_on=row.dispute_opened_on,
            negotiation_ends_on=row.negotiation_ends_on,
            closed_on=row.dispute_closed_on,
            satisfied=row.satisfied,
            refund_processed_on=row.refund_processed_on,
            refund_received=row.refund_received,
        )
    return Case(
        today=today,
        order=Order(
            label=row.label or None,
            order_number=row.order_number,
            placed_on=row.placed_on,
            shipped_on=row.shipped_on,
            estimated_delivery=row.estimated_delivery,
            protection_days=row.protection_days,
            received=row.received,
            receipt_confirmed_on=row.receipt_confirmed_on,
            tracking=row.tracking,
            total_paid=row.total_paid,
            shipping_paid=row.shipping_paid,
            currency=row.currency,
            free_return=row.free_return,
        ),
        problem=row.problem,
        missing_items_value=row.missing_items_value,
        seller_contacted_on=row.seller_contacted_on,
        dispute=dispute,
        country=country,
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
    if days is None or days <= RUNNING_OUT_DAYS:
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


def content_id(row: OrderRow) -> str:
    """An id made from the order's details, so a file without ids imports the same way twice."""
    text = json.dumps(row.model_dump(mode="json", exclude={"id"}), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


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


# --- Files ---------------------------------------------------------------------------


class RowProblem(NamedTuple):
    """What is wrong in an imported file: the row (1 is the CSV header, 0 the whole file), field, message."""

    row: int
    field: str
    message: str


@dataclass(frozen=True)
class ImportResult:
    """The good orders of a file, and every problem found in the bad ones."""

    rows: list[OrderRow]
    problems: list[RowProblem]
    repeated: int = 0
    """Rows that appeared more than once in the file, read once."""


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
        "dispute_status": list(DisputeState.__args__),
    }
    if field in choices:
        return _("Must be one of: {choices}.").format(choices=", ".join(choices[field]))
    texts = {
        "id": _("An id is 1 to 64 letters, digits, - or _."),
        "label": _("Text of at most {n} characters.").format(n=LABEL_MAX),
        "order_number": _("An order number is 8 to 20 digits, as shown on the order page."),
        "protection_days": _("A whole number of days from {low} to {high}.").format(low=PROTECTION_DAYS_MIN, high=PROTECTION_DAYS_MAX),
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


def _decode(data: bytes) -> str | None:
    """The file's text: UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252 from old spreadsheets.

    A UTF-8 file cut short inside a character keeps its text up to the cut (its last row
    is incomplete anyway) rather than being misread as Windows-1252.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data:
        return None
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data" and error.end == len(data):
            return data[: error.start].decode("utf-8").removeprefix("\ufeff")
        if data.startswith(b"\xef\xbb\xbf"):
            return None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


def import_orders(data: bytes, filename: str = "") -> ImportResult:
    """Read a CSV or JSON orders file: the good rows, and each bad row's number, field and problem.

    Only the format is checked here: a row whose dates contradict each other is kept, and
    the table shows it as one to fix, so an exported table always imports whole. Nothing
    here touches the table: the caller merges `rows` in with `merge`.
    """
    if len(data) > MAX_FILE_BYTES:
        return _refused(_("This file is {size} MB: orders files are at most 1 MB, so it was not read.").format(
            size=f"{math.ceil(len(data) * 10 / MAX_FILE_BYTES) / 10:.1f}"))
    text = _decode(data)
    if text is None:
        return _refused(_("This is not a text file: export your orders as CSV or JSON and try again."))
    if not text.strip():
        return _refused(_("This file is empty."))
    name = filename.lower()
    if name.endswith(".json") or (not name.endswith(".csv") and text.lstrip()[:1] in ("{", "[")):
        return _read_json(text)
    return _read_csv(text)


def _refused(message: str) -> ImportResult:
    return ImportResult([], [RowProblem(0, "", message)])


class _Reader:
    """Collects good rows and problems row by row, dropping repeats within the file."""

    def __init__(self) -> None:
        self.rows: list[OrderRow] = []
        self.problems: list[RowProblem] = []
        self.hidden = 0
        self.repeated = 0
        self.seen_ids: dict[str, tuple[int, tuple]] = {}
        self.seen_contents: set[tuple] = set()
        self.full = False

    def problem(self, row: int, field: str, message: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(RowProblem(row, field, message))
        else:
            self.hidden += 1

    def add(self, number: int, values: dict[str, Any]) -> None:
        if self.full:
            return
        row, problems = read_row(values, number)
        if row is None:
            for found in problems:
                self.problem(*found)
            return
        if "id" not in values:
            row = row.model_copy(update={"id": content_id(row)})
        key = content_key(row)
        if row.id in self.seen_ids:
            first, first_key = self.seen_ids[row.id]
            if first_key == key:
                self.repeated += 1
            else:
                self.problem(number, "id", _("Same id as row {first} but other details: kept row {first}.").format(
                    first=first))
            return
        if key in self.seen_contents:
            self.repeated += 1
            return
        if len(self.rows) >= MAX_ORDERS:
            self.full = True
            self.problem(number, "", _("Only the first {n} orders were read.").format(n=MAX_ORDERS))
            return
        self.seen_ids[row.id] = (number, key)
        self.seen_contents.add(key)
        self.rows.append(row)

    def result(self) -> ImportResult:
        problems = list(self.problems)
        if self.hidden:
            problems.append(RowProblem(0, "", ngettext("…and {n} more problem.", "…and {n} more problems.",
                                                        self.hidden).format(n=self.hidden)))
        return ImportResult(self.rows, problems, self.repeated)


def _header_name(cell: str) -> str:
    return _unquote(cell.strip()).strip().lower().replace(" ", "_")


def _delimiter(first_line: str) -> str:
    """Comma, or the semicolon or tab some spreadsheets write instead."""
    counts = {sep: first_line.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _read_csv(text: str) -> ImportResult:
    reader = _Reader()
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    try:
        records = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=_delimiter(first_line))
        header = next(records, [])
        columns = [_header_name(cell) for cell in header]
        if "placed_on" not in columns:
            return _refused(_(
                "This doesn't look like an orders file: its first line must name the columns, "
                "and placed_on is missing. Export a file from this page to see the format."
            ))
        doubled = sorted({c for c in columns if c and columns.count(c) > 1})
        if doubled:
            return _refused(_("The column {name} appears twice.").format(name=doubled[0]))
        known = set(FIELDS)
        for column in columns:
            if column and column not in known:
                reader.problem(1, column, _("Unknown column, ignored."))
        for number, cells in enumerate(records, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(columns) and any(cell.strip() for cell in cells[len(columns):]):
                reader.problem(number, "", _("This row has more cells than the file has columns."))
                continue
            values = {}
            for column, cell in zip(columns, cells):
                cell = _unquote(cell.strip()).strip()
                if column in known and cell:
                    values[column] = _csv_value(column, cell)
            reader.add(number, values)
            if reader.full:
                break
    except csv.Error as error:
        reader.problem(0, "", _("The file could not be read as CSV ({detail}).").format(detail=error))
    return reader.result()


def _csv_value(column: str, cell: str) -> str:
    """Accept a decimal comma (12,50) in amounts, as European spreadsheets write them."""
    if column in MONEY_FIELDS and "," in cell and "." not in cell:
        return cell.replace(",", ".")
    return cell


def _read_json(text: str) -> ImportResult:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return _refused(_("This is not valid JSON: export your orders from this page to see the format."))
    if isinstance(data, dict):
        if data.get("format", FORMAT_NAME) != FORMAT_NAME:
            return _refused(_("This JSON file is not an orders file from this app."))
        data = data.get("orders")
    if not isinstance(data, list):
        return _refused(_("This JSON file has no list of orders."))
    reader = _Reader()
    known = set(FIELDS)
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            reader.problem(number, "", _("Not an order: each order is an object with named fields."))
            continue
        for name in item:
            if name not in known:
                reader.problem(number, str(name)[:64], _("Unknown field, ignored."))
        reader.add(number, {name: value for name, value in item.items() if name in known and value is not None})
        if reader.full:
            break
    return reader.result()


def _safe_cell(text: str) -> str:
    """A cell a spreadsheet shows as text: a leading =, +, -, @, tab or return (or our quote) gets a quote."""
    if text.startswith(_FORMULA_START) or text.startswith(_QUOTE):
        return _QUOTE + text
    return text


def _unquote(text: str) -> str:
    """Undo `_safe_cell`: drop the one quote it adds."""
    return text[1:] if text.startswith(_QUOTE) else text


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def export_csv(rows: Iterable[OrderRow]) -> str:
    """The orders as CSV: one header line of field names, one line per order, no cell a spreadsheet would run."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(FIELDS)
    for row in rows:
        writer.writerow(_safe_cell(_cell(getattr(row, name))) for name in FIELDS)
    return out.getvalue()


def export_json(rows: Iterable[OrderRow]) -> str:
    """The orders as JSON: {"format", "version", "orders": [one object per order]}."""
    return json.dumps(
        {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "orders": [row.model_dump(mode="json") for row in rows],
        },
        ensure_ascii=False,
        indent=1,
    )
