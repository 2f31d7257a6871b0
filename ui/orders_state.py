"""The orders page's session state: the rows, the notes for the next run, and what reruns reuse.

The rows live in st.session_state (and in the browser, see ui/browser_storage.py), never
in a file or cache on the server. Every change to them goes through `set_rows`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import plotly.graph_objects as go
import streamlit as st

from core.dates import known_countries
from core.i18n import _, current_language
from core.orders import Assessed, OrderRow, assess_row, by_urgency, row_to_case
from core.timeline import Timeline, order_timeline
from ui import state
from ui.plan_view import escape
from ui.timeline import order_names, orders_figure

ORDERS = "orders"
VERSION = "orders_editor_version"
NOTES = "orders_notes"
COUNTRY = "country"
MEMO = "orders_assessed_memo"
TIMELINES = "orders_timelines_memo"
CHART = "orders_chart_memo"
CHART_SHOWN = 15
"""The all-orders chart draws this many of the most urgent orders unless all are asked for: more would not
fit a phone's screen."""


def rows() -> list[OrderRow]:
    """The table's orders, in the order they were added."""
    return st.session_state.setdefault(ORDERS, [])


def set_rows(new: list[OrderRow]) -> None:
    """Replace the table; the editor starts afresh from it, so no stale edit is applied twice."""
    st.session_state[ORDERS] = new
    st.session_state[VERSION] = st.session_state.get(VERSION, 0) + 1


def editor_key() -> str:
    """The editor's key, new with every `set_rows`, so the editor forgets the edits already applied."""
    return f"orders_editor_{st.session_state.get(VERSION, 0)}"


def note(kind: str, text: str, details: list[str] | None = None) -> None:
    """A message for the next run to show: kind is success, info, warning or error.

    Notes are Markdown: anything from a visitor or a file in them must go through `escape`.
    """
    st.session_state.setdefault(NOTES, []).append((kind, text, details or []))


def take_notes() -> list[tuple[str, str, list[str]]]:
    """The notes left for this run, each shown once."""
    return st.session_state.pop(NOTES, [])


def country() -> str | None:
    """The buyer's country for public holidays, if it is one we know (it may come from the address bar)."""
    chosen = st.session_state.get(COUNTRY)
    return chosen if chosen in known_countries() else None


def forget_everything() -> None:
    """Empty the table; the browser storage is cleared on the run that follows."""
    set_rows([])
    note("success", _("Done: no orders are kept in this browser any more."))


def delete_order(order_id: str) -> None:
    """Remove one order, after the buyer confirmed it; what it was called is told once."""
    gone = [row for row in rows() if row.id == order_id]
    if not gone:
        return
    set_rows([row for row in rows() if row.id != order_id])
    note("success", _("Deleted “{order}”.").format(order=escape(gone[0].label or _("the order"))))


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


@dataclass(frozen=True)
class Chart:
    """The all-orders chart as drawn: the figure, which order each of its rows is, and what it leaves out."""

    figure: go.Figure
    names: dict[str, str]
    """A row's name on the chart to its order's id."""
    rows: list[tuple[str, Timeline]]
    hidden: int
    """Orders with a plan left off the chart (the least urgent), when not all are asked for."""


def chart(items: list[Assessed], today: dt.date, every: bool = False) -> Chart | None:
    """The chart of the CHART_SHOWN most urgent advised orders, or of all; rebuilt only when one changed."""
    planned = [item for item in items if item.plan is not None]
    if not planned:
        return None
    hidden = 0 if every else max(len(planned) - CHART_SHOWN, 0)
    planned = planned[: len(planned) - hidden]
    drawn = tuple(timelines(planned, today))
    figure = state.remembered(CHART, (drawn, current_language()), lambda: orders_figure(list(drawn)))
    labels = [label for label, _timeline in drawn]
    names = dict(zip(order_names(labels), (item.row.id for item in planned), strict=False))
    return Chart(figure, names, list(drawn), hidden)
