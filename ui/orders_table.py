"""The orders table on screen: the editor's lines and columns, and the edits and added orders from it.

Every edit is checked by core.orders before it reaches the rows kept in ui.orders_state;
a bad cell is reported and undone, never kept.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st

from core.i18n import _, current_language
from core.models import (
    AMOUNT_MAX,
    LABEL_MAX,
    PROTECTION_DAYS_MAX,
    PROTECTION_DAYS_MIN,
    PROTECTION_DAYS_USUAL,
    Problem,
    ReturnStatus,
    Tracking,
)
from core.orders import (
    DATE_FIELDS,
    DISPUTE_STATES,
    FIELDS,
    MONEY_FIELDS,
    Assessed,
    OrderRow,
    RowProblem,
    merge,
    new_id,
    read_row,
)
from core.wizard.case import PAYMENTS, SELLER_ASKS
from ui import state
from ui.orders_state import country, editor_key, note, rows, set_rows
from ui.orders_words import action_words, choice_word, choice_words, status_words, titles
from ui.plan_view import escape

SHOWN = "orders_shown_ids"
FRAME = "orders_frame_memo"

DATE_FORMAT = "ddd D MMM YYYY"
"""Dates in the table as the rest of the app writes them ("Mon 4 Jan 2027"), never as ISO."""
COMPUTED = ("status", "action", "deadline", "days_left")
EDITABLE = tuple(name for name in FIELDS if name != "id")


def frame(items: list[Assessed], today: dt.date) -> pd.DataFrame:
    """The table as the editor shows it, most urgent first; remembers which order is on which line.

    Built again only when an order, the day, the country or the language changed: the editor
    copies what it is given, so the same table can be handed over on every rerun.
    """
    st.session_state[SHOWN] = [item.row.id for item in items]
    key = (tuple(item.row for item in items), today, country(), current_language())
    return state.remembered(FRAME, key, lambda: _frame(items))


def _frame(items: list[Assessed]) -> pd.DataFrame:
    """The editor's table: computed columns first, amounts as numbers, dates as dates."""
    records = []
    for item in items:
        record: dict[str, Any] = {
            "status": status_words(item.urgency),
            "action": action_words(item),
            "deadline": item.plan.next_deadline.date if item.plan and item.plan.next_deadline else None,
            "days_left": item.days_left,
        }
        for name in EDITABLE:
            value = getattr(item.row, name)
            if name in MONEY_FIELDS:
                value = None if value is None else float(value)
            elif hasattr(value, "value"):
                value = value.value
            elif name == "choice_order" and value is not None:
                value = "yes" if value else "no"
            record[name] = value
        records.append(record)
    columns = [*COMPUTED[:1], "label", *COMPUTED[1:], *(name for name in EDITABLE if name != "label")]
    table = pd.DataFrame.from_records(records, columns=columns)
    table["days_left"] = table["days_left"].astype("Int64")
    for name in DATE_FIELDS | {"deadline"}:
        table[name] = table[name].astype("object")
    return table


def column_config() -> dict[str, Any]:
    """Each column with its title, help and limits; the computed ones are read-only."""
    title = titles()
    words = choice_words()
    cc = st.column_config

    def date(name: str, help_text: str, required: bool = False) -> Any:
        return cc.DateColumn(
            title[name],
            help=help_text,
            format=DATE_FORMAT,
            required=required,
            min_value=dt.date(2000, 1, 1),
            max_value=dt.date(2100, 12, 31),
        )

    def money(name: str, help_text: str, default: float | None = 0.0) -> Any:
        return cc.NumberColumn(
            title[name],
            help=help_text,
            min_value=0.0,
            max_value=float(AMOUNT_MAX),
            step=0.01,
            format="%.2f",
            default=default,
        )

    def maybe(name: str, options: list[str], help_text: str) -> Any:
        return cc.SelectboxColumn(
            title[name],
            help=help_text,
            options=options,
            required=False,
            default=None,
            format_func=lambda value: words.get(str(value), str(value)),
        )

    def choice(name: str, options: list[str], help_text: str) -> Any:
        return cc.SelectboxColumn(
            title[name],
            help=help_text,
            options=options,
            required=True,
            default=options[0],
            format_func=lambda value: choice_word(name, str(value)),
        )

    return {
        "status": cc.TextColumn(
            title["status"], disabled=True, pinned=True, help=_("Overdue and due within 5 days come first.")
        ),
        "label": cc.TextColumn(
            title["label"], pinned=True, required=True, max_chars=LABEL_MAX, help=_("What it is, in your own words.")
        ),
        "order_number": cc.TextColumn(title["order_number"], max_chars=40, help=_("From the order page.")),
        "action": cc.TextColumn(title["action"], disabled=True, help=_("Pick the order below for the full plan.")),
        "deadline": cc.DateColumn(
            title["deadline"],
            disabled=True,
            format=DATE_FORMAT,
            width=100,
            help=_("The next date that matters for this order."),
        ),
        "days_left": cc.NumberColumn(
            title["days_left"], disabled=True, format="%d", help=_("Below zero: the date has passed.")
        ),
        "placed_on": date("placed_on", _("The day you paid."), required=True),
        "shipped_on": date("shipped_on", _("The shipping date on the order page. Protection starts here.")),
        "estimated_delivery": date("estimated_delivery", _("The delivery date the order page promises.")),
        "protection_days": cc.NumberColumn(
            title["protection_days"],
            min_value=PROTECTION_DAYS_MIN,
            max_value=PROTECTION_DAYS_MAX,
            step=1,
            default=PROTECTION_DAYS_USUAL,
            format="%d",
            help=_("Usually {n}; the order page may say otherwise.").format(n=PROTECTION_DAYS_USUAL),
        ),
        "protection_ends_on": date(
            "protection_ends_on",
            _("The end of the “Buyer protection” countdown on the order page. Replaces protection days."),
        ),
        "received": cc.CheckboxColumn(title["received"], default=False),
        "receipt_confirmed_on": date("receipt_confirmed_on", _("When you pressed “Confirm receipt”.")),
        "tracking": choice("tracking", [t.value for t in Tracking], _("What the tracking page says.")),
        "total_paid": money("total_paid", _("Everything you paid for the order.")),
        "shipping_paid": money("shipping_paid", _("The part of it that was shipping.")),
        "currency": cc.TextColumn(
            title["currency"],
            max_chars=3,
            default="USD",
            validate=r"^[A-Za-z]{3}$",
            help=_("A three-letter code such as USD or EUR."),
        ),
        "paid_with": cc.SelectboxColumn(
            title["paid_with"],
            help=_("How you paid: it sets how long a refund takes, and your options outside AliExpress."),
            options=list(PAYMENTS),
            required=False,
            default=None,
            format_func=lambda value: words.get(str(value), str(value)),
        ),
        "free_return": cc.CheckboxColumn(
            title["free_return"], default=False, help=_("The listing says “free return”.")
        ),
        "problem": choice("problem", [p.value for p in Problem], _("What is wrong, if anything.")),
        "dispute_status": choice(
            "dispute_status", list(DISPUTE_STATES), _("The dispute on this order, if you opened one.")
        ),
        "dispute_opened_on": date("dispute_opened_on", _("When you opened the dispute.")),
        "negotiation_ends_on": date("negotiation_ends_on", _("The countdown on the dispute page.")),
        "proof_due_on": date("proof_due_on", _("The day AliExpress asks you to add proof by, if it asks.")),
        "dispute_closed_on": date("dispute_closed_on", _("When the dispute ended.")),
        "refund_processed_on": date("refund_processed_on", _("When AliExpress said the refund was processed.")),
        "refund_received": cc.CheckboxColumn(title["refund_received"], default=False),
        "seller_contacted_on": date("seller_contacted_on", _("When you last wrote to the seller.")),
        "missing_items_value": money(
            "missing_items_value", _("For an incomplete order: what the missing items cost."), default=None
        ),
        "satisfied": cc.CheckboxColumn(
            title["satisfied"], default=True, help=_("Untick if the dispute ended unfairly.")
        ),
        "affected_value": money(
            "affected_value",
            _("When only some items of the order are faulty, fake or wrong: what those items cost."),
            default=None,
        ),
        "cancelled_on": date("cancelled_on", _("When an order that hadn't shipped was cancelled.")),
        "return_status": maybe(
            "return_status", [r.value for r in ReturnStatus], _("Where a return you have to send stands.")
        ),
        "return_agreed_on": date("return_agreed_on", _("The day the return was agreed, or AliExpress decided it.")),
        "return_ship_by": date("return_ship_by", _("The send-by date the return request shows, if it shows one.")),
        "return_sent_on": date("return_sent_on", _("When you posted it back.")),
        "customs_pay_by": date("customs_pay_by", _("Held at customs: the last day the customs notice gives.")),
        "seller_asks": maybe(
            "seller_asks", list(SELLER_ASKS), _("What the seller is pushing you to do instead of a refund.")
        ),
        "choice_order": maybe("choice_order", ["yes", "no"], _("Look for the “Choice” label on the order page.")),
    }


def _grid_value(name: str, value: Any) -> Any:
    """A value as the editor sends it, in the form core.orders reads."""
    if value is None or value == "":
        return None
    if name in DATE_FIELDS and isinstance(value, str):
        return value[:10]
    if name in MONEY_FIELDS and isinstance(value, (int, float)):
        return f"{value:.2f}"
    return value


def _values(changes: dict[str, Any]) -> dict[str, Any]:
    """The editable fields of an edit; a cleared cell goes back to its default."""
    values = {}
    for name, value in changes.items():
        if not isinstance(name, str) or name not in EDITABLE:
            continue
        value = _grid_value(name, value)
        if value is None and OrderRow.model_fields[name].default is not None:
            continue
        values[name] = value
    return values


def problem_lines(label: str, problems: list[RowProblem]) -> list[str]:
    """Each refused cell as a line of a note: the order, the column and what is wrong."""
    title = titles()
    return [
        _("{order}, {column}: {message}").format(
            order=escape(label) if label else _("new order"),
            column=escape(title.get(p.field, p.field)),
            message=escape(p.message),
        )
        for p in problems
    ]


def _shown_id(position: Any, shown: list[str]) -> str | None:
    """The order on this line of the table as last shown; None for anything that is not such a line."""
    if isinstance(position, str) and position.isascii() and position.isdecimal():
        position = int(position)
    if isinstance(position, bool) or not isinstance(position, int) or not 0 <= position < len(shown):
        return None
    return shown[position]


def apply_edits() -> None:
    """Apply what was changed in the table since the last run; bad cells are reported and undone.

    An added line is kept once it has a name and a placing date; until then it waits in
    the table. The edit state comes from the browser, so anything malformed in it is skipped.
    """
    edits = st.session_state.get(editor_key())
    if not edits:
        return
    if not isinstance(edits, dict):
        set_rows(rows())
        return
    edited, added, deleted, malformed = _edit_parts(edits)
    shown = st.session_state.get(SHOWN, [])
    current = rows()
    by_id = {row.id: row for row in current}
    changed, unknown, problems = _apply_changes(by_id, edited, shown)
    gone = {_shown_id(position, shown) for position in deleted}
    malformed = malformed or unknown or None in gone
    gone.discard(None)
    new_rows, refused = _added_rows(added)
    problems += refused
    if problems:
        note("error", _("Some changes could not be saved:"), problems)
    if changed or gone or new_rows or problems or malformed:
        kept = [by_id[row.id] for row in current if row.id not in gone]
        set_rows(merge(kept, new_rows).rows)


def _edit_parts(edits: dict[Any, Any]) -> tuple[dict[Any, Any], list[Any], list[Any], bool]:
    """The edited, added and deleted lines, each of its own type, and whether any part was not."""
    edited, added, deleted = edits.get("edited_rows", {}), edits.get("added_rows", []), edits.get("deleted_rows", [])
    malformed = not (isinstance(edited, dict) and isinstance(added, list) and isinstance(deleted, list))
    edited = edited if isinstance(edited, dict) else {}
    added = added if isinstance(added, list) else []
    deleted = deleted if isinstance(deleted, list) else []
    malformed = malformed or not all(isinstance(changes, dict) for changes in (*edited.values(), *added))
    return edited, added, deleted, malformed


def _apply_changes(
    by_id: dict[str, OrderRow], edited: dict[Any, Any], shown: list[str]
) -> tuple[bool, bool, list[str]]:
    """Apply the edited cells to `by_id`: whether an order changed, whether a line was unknown, and what was refused."""
    changed = unknown = False
    problems: list[str] = []
    for position, changes in edited.items():
        order_id = _shown_id(position, shown)
        if order_id is None or order_id not in by_id or not isinstance(changes, dict):
            unknown = True
            continue
        old = by_id[order_id]
        values = {name: getattr(old, name) for name in FIELDS}
        for name in changes:
            if name in EDITABLE:
                values.pop(name)
        values.update(_values(changes))
        row, found = read_row(values)
        if row is None:
            problems += problem_lines(old.label, found)
        elif row != old:
            by_id[old.id] = row
            changed = True
    return changed, unknown, problems


def _added_rows(added: list[Any]) -> tuple[list[OrderRow], list[str]]:
    """The lines added in the editor that make orders, and what was refused; a line without a name or date waits."""
    new_rows = []
    problems: list[str] = []
    for changes in added:
        if not isinstance(changes, dict):
            continue
        values = _values(changes)
        if not values.get("label") or not values.get("placed_on"):
            continue
        row, found = read_row({"id": new_id(), **values})
        if row is None:
            problems += problem_lines(str(values.get("label", "")), found)
        else:
            new_rows.append(row)
    return new_rows, problems


def add_order(label: str, placed_on: dt.date | None, shipped_on: dt.date | None) -> bool:
    """The add form: a name and two dates make an order; everything else starts at its default."""
    row, found = read_row({"label": label, "placed_on": placed_on, "shipped_on": shipped_on})
    if row is None or not row.label:
        if not label.strip():
            found = [RowProblem(0, "label", _("Give the order a name, e.g. “Blue headphones”."))]
        elif placed_on is None:
            found = [RowProblem(0, "placed_on", _("Pick the day you placed it."))]
        note("error", _("This order could not be added:"), problem_lines(label, found))
        return False
    merged = merge(rows(), [row])
    if merged.over_limit:
        note("error", _("The table is full: remove settled orders to add new ones."))
        return False
    set_rows(merged.rows)
    note("success", _("Added “{order}”.").format(order=escape(row.label)))
    return True


def add_from_form() -> None:
    """The add form's button: read its three fields and add the order."""
    add_order(
        st.session_state.get("add_label", ""), st.session_state.get("add_placed"), st.session_state.get("add_shipped")
    )
