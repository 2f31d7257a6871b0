"""The orders table's files: reading and writing the CSV and JSON formats, within their size limits.

The formats are documented in the README ("My orders: file format"). Reading checks only
the format: the rows go back to the caller, which merges them in with `core.orders.merge`.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

from core.i18n import _, ngettext
from core.orders import FIELDS, MAX_ORDERS, MONEY_FIELDS, OrderRow, RowProblem, content_key, read_row

MEGABYTE = 1024 * 1024
"""The unit file sizes are told in."""
MAX_FILE_BYTES = MEGABYTE
"""Bigger files are refused unread: a year of orders fits in a few kilobytes."""
MAX_PROBLEMS = 100
"""An import lists at most this many problems, then says how many more there were."""
FORMAT_NAME = "aliexpress-dispute-wizard/orders"
FORMAT_VERSION = 1
CSV_ENCODING = "utf-8-sig"
"""CSV files are written with a byte-order mark so spreadsheets show emoji and accents."""

_LATER_FIELDS = (
    "protection_ends_on",
    "paid_with",
    "affected_value",
    "cancelled_on",
    "return_status",
    "return_agreed_on",
    "return_ship_by",
    "return_sent_on",
    "return_delivered_on",
    "arrived_late",
    "free_return_used",
    "customs_refused",
    "missed_pickup",
    "seller_rejected",
    "customs_pay_by",
    "proof_due_on",
    "cancellation_refused",
    "seller_asks",
    "choice_order",
    "shipping_day_unknown",
    "keeps_waiting",
    "seller_asked_to_cancel",
    "arrived_after_refund",
)
"""Fields added after the format's first files: while empty they leave an order's made-up id as it was."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_QUOTE = "'"


@dataclass(frozen=True)
class ImportResult:
    """The good orders of a file, and every problem found in the bad ones."""

    rows: list[OrderRow]
    problems: list[RowProblem]
    repeated: int = 0
    """Rows that appeared more than once in the file, read once."""


def content_id(row: OrderRow) -> str:
    """An id made from the order's details, so a file without ids imports the same way twice.

    A field added later is left out while empty, so an older file's orders keep the ids they had.
    """
    details = row.model_dump(mode="json", exclude={"id"})
    for name in _LATER_FIELDS:
        if details.get(name) is None:
            details.pop(name, None)
    text = json.dumps(details, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


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
        return _refused(
            _("This file is {size} MB: orders files are at most 1 MB, so it was not read.").format(
                size=f"{math.ceil(len(data) * 10 / MEGABYTE) / 10:.1f}"
            )
        )
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
    """A file read not at all: no rows, and the one reason why."""
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
        """Note a problem; past MAX_PROBLEMS only count it, so a junk file gives a short list."""
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(RowProblem(row, field, message))
        else:
            self.hidden += 1

    def add(self, number: int, values: dict[str, Any]) -> None:
        """Read one order's values; a repeat is counted, a clashing id reported, and past MAX_ORDERS reading stops."""
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
                self.problem(
                    number, "id", _("Same id as row {first} but other details: kept row {first}.").format(first=first)
                )
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
        """What was read, with one last line for the problems left out of the list."""
        problems = list(self.problems)
        if self.hidden:
            problems.append(
                RowProblem(
                    0,
                    "",
                    ngettext("…and {n} more problem.", "…and {n} more problems.", self.hidden).format(n=self.hidden),
                )
            )
        return ImportResult(self.rows, problems, self.repeated)


def _header_name(cell: str) -> str:
    """A column name as people write it ("Placed on", quoted by our export) in our spelling (placed_on)."""
    return _unquote(cell.strip()).strip().lower().replace(" ", "_")


def _delimiter(first_line: str) -> str:
    """Comma, or the semicolon or tab some spreadsheets write instead."""
    counts = {sep: first_line.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else ","


def _read_csv(text: str) -> ImportResult:
    """The orders of a CSV file whose first line names the columns."""
    reader = _Reader()
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    try:
        records = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=_delimiter(first_line))
        header = next(records, [])
        columns = [_header_name(cell) for cell in header]
        if "placed_on" not in columns:
            return _refused(
                _(
                    "This doesn't look like an orders file: its first line must name the columns, "
                    "and placed_on is missing. Export a file from this page to see the format."
                )
            )
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
            if len(cells) > len(columns) and any(cell.strip() for cell in cells[len(columns) :]):
                reader.problem(number, "", _("This row has more cells than the file has columns."))
                continue
            values = {}
            for column, cell in zip(columns, cells, strict=False):
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
    """The orders of a JSON file: our backup format, or a bare list of orders."""
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
    """A value as a spreadsheet cell: yes or no, two decimals, ISO dates, blank for nothing."""
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
