"""The orders table on screen: the rows kept in the session, the editor's columns, and edits.

The rows live in st.session_state (and in the browser, see ui/browser_storage.py), never
in a file or cache on the server. Every change (an edit in the table, the add form, an
import, a load from the browser) goes through here and is checked by core.orders.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from core.dates import known_countries
from core.i18n import _, current_language, ngettext, show_date, show_money
from core.models import (
    AMOUNT_MAX,
    LABEL_MAX,
    PROTECTION_DAYS_MAX,
    PROTECTION_DAYS_MIN,
    PROTECTION_DAYS_USUAL,
    Problem,
    Tracking,
)
from core.orders import (
    DATE_FIELDS,
    FIELDS,
    MAX_ORDERS,
    MONEY_FIELDS,
    Assessed,
    OrderRow,
    RowProblem,
    Urgency,
    assess_row,
    by_urgency,
    export_json,
    import_orders,
    merge,
    new_id,
    read_row,
    row_to_case,
)
from core.rules import NOT_SHIPPED_RULES
from core.timeline import Timeline, order_timeline
from ui import state
from ui.plan_view import escape
from ui.timeline import order_names, orders_figure

ORDERS = "orders"
VERSION = "orders_editor_version"
SHOWN = "orders_shown_ids"
NOTES = "orders_notes"
COUNTRY = "country"
UPLOAD_VERSION = "orders_upload_version"
MEMO = "orders_assessed_memo"
TIMELINES = "orders_timelines_memo"
SAVED = "orders_saved_memo"
CHART = "orders_chart_memo"
FRAME = "orders_frame_memo"

COMPUTED = ("status", "action", "deadline", "days_left")
EDITABLE = tuple(name for name in FIELDS if name != "id")

STATUS_ICONS = {
    Urgency.overdue: "🔴",
    Urgency.due_soon: "🟠",
    Urgency.to_fix: "⚠️",
    Urgency.this_week: "🟡",
    Urgency.later: "🔵",
    Urgency.waiting: "⏳",
    Urgency.settled: "✅",
}
"""Each bucket has its own shape as well as its own colour, and always its word."""


def status_words(urgency: Urgency) -> str:
    return {
        Urgency.overdue: _("Overdue"),
        Urgency.due_soon: _("Due within 5 days"),
        Urgency.to_fix: _("Check the dates"),
        Urgency.this_week: _("This week"),
        Urgency.later: _("Later"),
        Urgency.waiting: _("Waiting"),
        Urgency.settled: _("Settled"),
    }[urgency]


def status(urgency: Urgency) -> str:
    return f"{STATUS_ICONS[urgency]} {status_words(urgency)}"


def action_words(item: Assessed) -> str:
    """What to do now, in a few words for a table cell."""
    if item.plan is None:
        return _("Fix this order's dates")
    if item.urgency is Urgency.waiting and item.plan.rule in NOT_SHIPPED_RULES:
        return _("Wait for it to ship")
    return {
        "cancel_order": _("Cancel the order"),
        "request_cancellation": _("Ask to cancel"),
        "wait": _("Wait"),
        "contact_seller": _("Message the seller"),
        "open_dispute": _("Open a dispute"),
        "cancel_dispute": _("Cancel the dispute"),
        "accept_seller_offer": _("Accept the seller's offer"),
        "accept_aliexpress_offer": _("Accept AliExpress's offer"),
        "appeal": _("Appeal"),
        "contact_support": _("Write to support"),
        "check_with_bank": _("Ask your bank"),
        "confirm_receipt": _("Confirm receipt"),
        "nothing_to_do": _("Nothing to do"),
    }[item.plan.action]


def titles() -> dict[str, str]:
    """Column titles in the buyer's words."""
    return {
        "status": _("Status"),
        "label": _("Order"),
        "order_number": _("Order number"),
        "action": _("Do now"),
        "deadline": _("By"),
        "days_left": _("Days left"),
        "placed_on": _("Placed"),
        "shipped_on": _("Shipped"),
        "estimated_delivery": _("Expected"),
        "protection_days": _("Protection days"),
        "received": _("Received"),
        "receipt_confirmed_on": _("Receipt confirmed"),
        "tracking": _("Tracking"),
        "total_paid": _("Paid"),
        "shipping_paid": _("Shipping paid"),
        "currency": _("Currency"),
        "free_return": _("Free return"),
        "problem": _("Problem"),
        "dispute_status": _("Dispute"),
        "dispute_opened_on": _("Dispute opened"),
        "negotiation_ends_on": _("Negotiation ends"),
        "dispute_closed_on": _("Dispute closed"),
        "refund_processed_on": _("Refund processed"),
        "refund_received": _("Refund received"),
        "seller_contacted_on": _("Seller contacted"),
        "missing_items_value": _("Missing items worth"),
        "satisfied": _("Happy with outcome"),
    }


def choice_words() -> dict[str, str]:
    return {
        "none": _("None"),
        "in_transit": _("In transit"),
        "no_updates": _("No updates"),
        "delivered": _("Says delivered"),
        "returned_to_seller": _("Back to seller"),
        "not_arrived": _("Didn't arrive"),
        "not_as_described": _("Not as described"),
        "slightly_imperfect": _("Slightly imperfect"),
        "incomplete": _("Items missing"),
        "fake": _("Fake"),
        "wrong_item": _("Wrong item"),
        "delivered_not_received": _("Delivered, not received"),
        "wrong_shipping_method": _("Wrong shipping method"),
        "changed_mind": _("Changed my mind"),
        "open": _("Open"),
        "cancelled": _("Cancelled"),
        "closed": _("Closed"),
    }


# --- State -------------------------------------------------------------------------------


def rows() -> list[OrderRow]:
    return st.session_state.setdefault(ORDERS, [])


def set_rows(new: list[OrderRow]) -> None:
    """Replace the table; the editor starts afresh from it, so no stale edit is applied twice."""
    st.session_state[ORDERS] = new
    st.session_state[VERSION] = st.session_state.get(VERSION, 0) + 1


def editor_key() -> str:
    return f"orders_editor_{st.session_state.get(VERSION, 0)}"


def upload_key() -> str:
    return f"orders_upload_{st.session_state.get(UPLOAD_VERSION, 0)}"


def note(kind: str, text: str, details: list[str] | None = None) -> None:
    """A message for the next run to show: kind is success, info, warning or error.

    Notes are Markdown: anything from a visitor or a file in them must go through `escape`.
    """
    st.session_state.setdefault(NOTES, []).append((kind, text, details or []))


def take_notes() -> list[tuple[str, str, list[str]]]:
    return st.session_state.pop(NOTES, [])


def country() -> str | None:
    chosen = st.session_state.get(COUNTRY)
    return chosen if chosen in known_countries() else None


def assessed(today: dt.date) -> list[Assessed]:
    """Every row advised, most urgent first; a row that did not change since the last run is not advised again."""
    place = country()
    extra = (today, place, current_language())
    before = st.session_state.get(MEMO, {})
    now = {}
    for row in rows():
        key = (row, *extra)
        now[key] = before.get(key) or assess_row(row, today, place)
    st.session_state[MEMO] = now
    return by_urgency(now.values())


def timelines(items: list[Assessed], today: dt.date) -> list[tuple[str, Timeline]]:
    """Each advised order's name and timeline, for the all-orders chart; kept while the order is unchanged."""
    place = country()
    before = st.session_state.get(TIMELINES, {})
    now = {}
    for item in items:
        if item.plan is None:
            continue
        key = (item.row, today, place, current_language())
        now[key] = before.get(key) or order_timeline(row_to_case(item.row, today, place), item.plan, today=today)
    st.session_state[TIMELINES] = now
    return [(key[0].label, timeline) for key, timeline in now.items()]


def chart(items: list[Assessed], today: dt.date) -> tuple[go.Figure, dict[str, str]] | None:
    """The all-orders chart and which order each of its rows is; rebuilt only when a timeline or name changed."""
    planned = [item for item in items if item.plan is not None]
    if not planned:
        return None
    drawn = tuple(timelines(planned, today))
    figure = state.remembered(CHART, (drawn, current_language()), lambda: orders_figure(list(drawn)))
    names = dict(zip(order_names([label for label, _timeline in drawn]), (item.row.id for item in planned)))
    return figure, names


def name(row: OrderRow) -> str:
    """The order as the buyer named it, or by its date when it has no name."""
    return row.label or _("Order placed on {day}").format(day=show_date(row.placed_on))


def saved_text() -> str | None:
    """The table as the browser keeps it (the JSON backup format), or None when there is nothing to keep."""
    current = tuple(rows())
    if not current:
        return None
    memo = st.session_state.get(SAVED)
    if memo is None or memo[0] != current:
        memo = (current, export_json(current))
        st.session_state[SAVED] = memo
    return memo[1]


# --- The editor --------------------------------------------------------------------------


def frame(items: list[Assessed], today: dt.date) -> pd.DataFrame:
    """The table as the editor shows it, most urgent first; remembers which order is on which line.

    Built again only when an order, the day, the country or the language changed: the editor
    copies what it is given, so the same table can be handed over on every rerun.
    """
    st.session_state[SHOWN] = [item.row.id for item in items]
    key = (tuple(item.row for item in items), today, country(), current_language())
    return state.remembered(FRAME, key, lambda: _frame(items))


def _frame(items: list[Assessed]) -> pd.DataFrame:
    records = []
    for item in items:
        record: dict[str, Any] = {
            "status": status(item.urgency),
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
        return cc.DateColumn(title[name], help=help_text, format="YYYY-MM-DD", required=required,
                             min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31))

    def money(name: str, help_text: str, default: float | None = 0.0) -> Any:
        return cc.NumberColumn(title[name], help=help_text, min_value=0.0, max_value=float(AMOUNT_MAX), step=0.01,
                               format="%.2f", default=default)

    def choice(name: str, options: list[str], help_text: str) -> Any:
        return cc.SelectboxColumn(title[name], help=help_text, options=options, required=True,
                                  default=options[0], format_func=lambda value: words.get(value, value))

    return {
        "status": cc.TextColumn(title["status"], disabled=True, pinned=True,
                                help=_("Overdue and due within 5 days come first.")),
        "label": cc.TextColumn(title["label"], pinned=True, required=True, max_chars=LABEL_MAX,
                               help=_("What it is, in your own words.")),
        "order_number": cc.TextColumn(title["order_number"], max_chars=40, help=_("From the order page.")),
        "action": cc.TextColumn(title["action"], disabled=True, help=_("Pick the order below for the full plan.")),
        "deadline": cc.DateColumn(title["deadline"], disabled=True, format="YYYY-MM-DD", width=100,
                                  help=_("The next date that matters for this order.")),
        "days_left": cc.NumberColumn(title["days_left"], disabled=True, format="%d",
                                     help=_("Below zero: the date has passed.")),
        "placed_on": date("placed_on", _("The day you paid."), required=True),
        "shipped_on": date("shipped_on", _("The shipping date on the order page. Protection starts here.")),
        "estimated_delivery": date("estimated_delivery", _("The delivery date the order page promises.")),
        "protection_days": cc.NumberColumn(title["protection_days"], min_value=PROTECTION_DAYS_MIN, max_value=PROTECTION_DAYS_MAX, step=1,
                                           default=PROTECTION_DAYS_USUAL,
                                           format="%d", help=_("Usually {n}; the order page may say otherwise.").format(n=PROTECTION_DAYS_USUAL)),
        "received": cc.CheckboxColumn(title["received"], default=False),
        "receipt_confirmed_on": date("receipt_confirmed_on", _("When you pressed “Confirm receipt”.")),
        "tracking": choice("tracking", [t.value for t in Tracking], _("What the tracking page says.")),
        "total_paid": money("total_paid", _("Everything you paid for the order.")),
        "shipping_paid": money("shipping_paid", _("The part of it that was shipping.")),
        "currency": cc.TextColumn(title["currency"], max_chars=3, default="USD", validate=r"^[A-Za-z]{3}$",
                                  help=_("A three-letter code such as USD or EUR.")),
        "free_return": cc.CheckboxColumn(title["free_return"], default=False, help=_("The listing says “free return”.")),
        "problem": choice("problem", [p.value for p in Problem], _("What is wrong, if anything.")),
        "dispute_status": choice("dispute_status", ["none", "open", "cancelled", "closed"],
                                 _("The dispute on this order, if you opened one.")),
        "dispute_opened_on": date("dispute_opened_on", _("When you opened the dispute.")),
        "negotiation_ends_on": date("negotiation_ends_on", _("The countdown on the dispute page.")),
        "dispute_closed_on": date("dispute_closed_on", _("When the dispute ended.")),
        "refund_processed_on": date("refund_processed_on", _("When AliExpress said the refund was processed.")),
        "refund_received": cc.CheckboxColumn(title["refund_received"], default=False),
        "seller_contacted_on": date("seller_contacted_on", _("When you last wrote to the seller.")),
        "missing_items_value": money("missing_items_value", _("For an incomplete order: what the missing items cost."),
                                     default=None),
        "satisfied": cc.CheckboxColumn(title["satisfied"], default=True, help=_("Untick if the dispute ended unfairly.")),
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


def _problem_lines(label: str, problems: list[RowProblem]) -> list[str]:
    title = titles()
    return [
        _("{order}, {column}: {message}").format(order=escape(label) if label else _("new order"),
                                                 column=escape(title.get(p.field, p.field)), message=escape(p.message))
        for p in problems
    ]


def _shown_id(position: Any, shown: list[str]) -> str | None:
    """The order on this line of the table as last shown; None for anything that is not such a line."""
    if isinstance(position, str) and position.isascii() and position.isdecimal():
        position = int(position)
    if isinstance(position, bool) or not isinstance(position, int) or not 0 <= position < len(shown):
        return None
    return shown[position]


def apply_edits(today: dt.date) -> None:
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
    edited, added, deleted = edits.get("edited_rows", {}), edits.get("added_rows", []), edits.get("deleted_rows", [])
    malformed = not (isinstance(edited, dict) and isinstance(added, list) and isinstance(deleted, list))
    edited = edited if isinstance(edited, dict) else {}
    added = added if isinstance(added, list) else []
    deleted = deleted if isinstance(deleted, list) else []
    malformed = malformed or not all(isinstance(changes, dict) for changes in (*edited.values(), *added))
    shown = st.session_state.get(SHOWN, [])
    current = rows()
    by_id = {row.id: row for row in current}
    problems: list[str] = []
    changed = False
    for position, changes in edited.items():
        order_id = _shown_id(position, shown)
        if order_id not in by_id or not isinstance(changes, dict):
            malformed = True
            continue
        old = by_id[order_id]
        values = {name: getattr(old, name) for name in FIELDS}
        for name in changes:
            if name in EDITABLE:
                values.pop(name)
        values.update(_values(changes))
        row, found = read_row(values)
        if row is None:
            problems += _problem_lines(old.label, found)
        elif row != old:
            by_id[old.id] = row
            changed = True
    gone = {_shown_id(position, shown) for position in deleted}
    malformed = malformed or None in gone
    gone.discard(None)
    new_rows = []
    for changes in added:
        if not isinstance(changes, dict):
            continue
        values = _values(changes)
        if not values.get("label") or not values.get("placed_on"):
            continue
        row, found = read_row({"id": new_id(), **values})
        if row is None:
            problems += _problem_lines(str(values.get("label", "")), found)
        else:
            new_rows.append(row)
    if problems:
        note("error", _("Some changes could not be saved:"), problems)
    if changed or gone or new_rows or problems or malformed:
        kept = [by_id[row.id] for row in current if row.id not in gone]
        set_rows(merge(kept, new_rows).rows)


def add_order(label: str, placed_on: dt.date | None, shipped_on: dt.date | None) -> bool:
    """The add form: a name and two dates make an order; everything else starts at its default."""
    row, found = read_row({"label": label, "placed_on": placed_on, "shipped_on": shipped_on})
    if row is None or not row.label:
        if not label.strip():
            found = [RowProblem(0, "label", _("Give the order a name, e.g. “Blue headphones”."))]
        note("error", _("This order could not be added:"), _problem_lines(label, found))
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
    add_order(st.session_state.get("add_label", ""), st.session_state.get("add_placed"),
              st.session_state.get("add_shipped"))


def import_upload() -> None:
    """The uploader's callback: import the file, then let go of it so the server keeps no copy."""
    uploaded = st.session_state.get(upload_key())
    if uploaded is not None:
        import_file(uploaded.getvalue(), uploaded.name)
    st.session_state[UPLOAD_VERSION] = st.session_state.get(UPLOAD_VERSION, 0) + 1


def import_file(data: bytes, name: str) -> None:
    """Import a CSV or JSON file into the table: report what came in, what was skipped and why."""
    result = import_orders(data, name)
    name = escape(name)
    merged = merge(rows(), result.rows)
    if merged.added:
        set_rows(merged.rows)
    lines = _import_lines(result.problems)
    skipped = merged.already_there + result.repeated
    if merged.added:
        note("success", ngettext("Imported {n} new order from {file}.", "Imported {n} new orders from {file}.",
                                 merged.added).format(n=merged.added, file=name))
    elif not result.problems:
        note("info", _("Nothing new in {file}: every order in it is already in your table.").format(file=name))
    if skipped and merged.added:
        note("info", ngettext("{n} order was already in your table and was skipped.",
                              "{n} orders were already in your table and were skipped.", skipped).format(n=skipped))
    if merged.kept_yours:
        note("info", ngettext("{n} order in the file differs from the one in your table with the same id: "
                              "your table's version was kept.",
                              "{n} orders in the file differ from the ones in your table with the same id: "
                              "your table's version was kept.", merged.kept_yours).format(n=merged.kept_yours))
    if merged.over_limit:
        note("warning", ngettext("{n} order did not fit: a table holds at most {max}.",
                                 "{n} orders did not fit: a table holds at most {max}.",
                                 merged.over_limit).format(n=merged.over_limit, max=MAX_ORDERS))
    if lines:
        note("error" if not result.rows else "warning",
             _("Some of {file} could not be read; nothing already in your table was changed:").format(file=name),
             lines)


def _import_lines(problems: list[RowProblem]) -> list[str]:
    title = titles()
    lines = []
    for p in problems:
        column, message = escape(title.get(p.field, p.field)), escape(p.message)
        if p.row == 0:
            lines.append(message)
        elif p.field:
            lines.append(_("Row {row}, {column}: {message}").format(row=p.row, column=column, message=message))
        else:
            lines.append(_("Row {row}: {message}").format(row=p.row, message=message))
    return lines


def load_saved(text: str | None) -> None:
    """Orders saved in this browser on an earlier visit, added to anything typed meanwhile."""
    if not text:
        return
    result = import_orders(text.encode("utf-8"), "saved.json")
    merged = merge(result.rows, rows())
    set_rows(merged.rows)
    if result.problems:
        note("warning", _("Some orders saved in this browser could not be read and were left out."),
             _import_lines(result.problems))


def saved_elsewhere(text: str | None) -> None:
    """Another tab of this browser saved its table: bring in its new orders, or forget as it did."""
    if text is None:
        if rows():
            set_rows([])
            note("info", _("Your orders were forgotten in another tab, so this page forgot them too."))
        return
    merged = merge(rows(), import_orders(text.encode("utf-8"), "saved.json").rows)
    if merged.added:
        set_rows(merged.rows)
        note("info", ngettext("{n} order added in another tab is now here too.",
                              "{n} orders added in another tab are now here too.", merged.added).format(
            n=merged.added))


def forget_everything() -> None:
    """Empty the table; the browser storage is cleared on the run that follows."""
    set_rows([])
    note("success", _("Done: no orders are kept in this browser any more."))


def money_at_stake(at_stake: dict) -> str:
    return " · ".join(show_money(amount, currency) for currency, amount in at_stake.items())
