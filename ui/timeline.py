"""Plotly pictures of protection windows: one order in detail, or every order side by side.

No Streamlit here, so the figures are built and tested without a browser; a page passes
them to `st.plotly_chart(fig, config=CHART_CONFIG)`.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Sequence

import plotly.graph_objects as go
from babel.dates import format_date

from core.i18n import _, current_language, show_date
from core.timeline import Event, Timeline, Window, in_date_order

CHART_CONFIG = {"displayModeBar": False, "scrollZoom": False, "doubleClick": False, "responsive": True}
"""For st.plotly_chart: no toolbar, zoom or double-click reset to stumble on with a thumb."""

WINDOW_COLOURS = {
    "too_early": "#999999",
    "dispute": "#009E73",
    "after_receipt": "#E69F00",
    "negotiation": "#0072B2",
    "appeal": "#CC79A7",
    "refund": "#56B4E9",
}
"""Okabe and Ito's colour-blind-safe palette, grey for the days nothing can be done yet."""

EVENT_SYMBOLS = {
    "placed": "circle",
    "shipped": "square",
    "estimated_delivery": "diamond-open",
    "receipt_confirmed": "diamond",
    "dispute_opened": "triangle-up",
    "dispute_closed": "triangle-down",
    "refund_processed": "star",
    "protection_ends": "x",
    "seller_must_answer_by": "hourglass",
    "aliexpress_steps_in_by": "hexagon",
    "ask_extension_by": "cross",
    "return_ship_by": "square-open",
    "customs_pay_by": "circle-open",
    "proof_due": "diamond-open",
    "withdrawal_by": "circle-x-open",
    "paypal_dispute_by": "pentagon-open",
    "chargeback_by": "hexagon-open",
    "eu_guarantee_until": "bowtie",
}
"""Events differ by shape, so nobody needs to tell colours apart to read them; the ways out beyond
AliExpress are drawn hollow or apart, in a lighter grey."""
LATER_SYMBOL = "arrow-bar-right"
"""A way out beyond AliExpress that ends long after the order's own days: drawn at the chart's right edge,
pointing on, with its real day in its text, so a two-year guarantee doesn't squash the order's weeks."""

NO_TEMPLATE = go.layout.Template()
"""Streamlit styles the chart in the browser (fonts, background, light or dark); Plotly's own
template would only be validated and sent for nothing: half the bytes of a plan's chart."""

EVENT_COLOUR = "#555555"
OUTSIDE_COLOUR = "#8C8C8C"
TODAY_COLOUR = "#D55E00"
FONT_SIZE = 12

ROW_PX = 40
"""One window or event of the single-order chart: a line of text over a thin bar."""
REASON_ROWS = 0.6
"""The extra height of a span to open a dispute: a second line, under its bar, saying why it ends then."""
END_SYMBOL = "line-ns"
"""The mark at the end of a span to open a dispute, where its reason applies."""
ORDER_ROW_PX = 28
"""One order of the all-orders chart."""
ORDERS_ROOM = 0.05
"""The all-orders chart's room on each side of its span, so a marker on the first day stays clear of the names."""
TICKS_PX = 30
"""The date ticks' band under the all-orders chart; its key starts below it."""
LEGEND_ROW_PX = 22
PHONE_CHART_PX = 340
LEGEND_SYMBOL_PX = 48
LEGEND_CHAR_PX = 7
"""The key's lines are counted as a 390 px phone (340 px of chart) lays them out, so the key always has room
under the dates; a wider screen needs fewer lines and leaves a little space."""
MAX_TICKS = 4
TICK_STEPS = (1, 2, 3, 7, 14, 21, 28, 56, 91, 182, 364)
"""A tick's step in days: one to three days, then whole weeks, so ticks fall on Mondays; at most MAX_TICKS
ticks of "7 Dec" fit between the names and the edge of a 390 px phone."""
LABEL_CHARS = 24
"""Order names longer than this are cut, so the names leave room for the chart on a phone."""

NOON = dt.timedelta(hours=12)
ONE_DAY = dt.timedelta(days=1)
ONE_MS = dt.timedelta(milliseconds=1)


def order_figure(timeline: Timeline) -> go.Figure:
    """One order: a row per window or event in date order, its dates written above it, and today.

    A span to open a dispute reads "You can open a dispute until <day>" above its bar, has a
    mark at its end, and says why it ends then on a line under the bar. Every text is written
    from the left edge, where the longest fits a phone; today is drawn only across the bars,
    so it never runs through a line of text.
    """
    items = in_date_order(timeline)
    places = _places(items)
    windows = [(places[n], item) for n, item in enumerate(items) if isinstance(item, Window)]
    events = [(places[n], item) for n, item in enumerate(items) if isinstance(item, Event)]
    fig = _bars(windows, [_window_text(window) + _reason_text(window) for _row, window in windows], width=0.3)
    start, end = _span([timeline])
    spans = [(row, window) for row, window in windows if window.reason]
    lines = go.Scatter(
        x=[start] * (len(items) + len(spans)),
        y=[row - 0.42 for row in places] + [row + 0.42 for row, _window in spans],
        text=[_item_line(item) for item in items] + [html.escape(window.reason, quote=False) for _r, window in spans],
        mode="text",
        textposition="middle right",
        hoverinfo="skip",
        showlegend=False,
        cliponaxis=False,
    )
    markers = _markers(events, [_event_text(event) for _row, event in events], start, end)
    fig.add_traces([*markers, *_ends(spans), lines])
    bottom_row = places[-1] + (REASON_ROWS if items and isinstance(items[-1], Window) and items[-1].reason else 0)
    top, bottom = 30, 12
    layout = _layout(timeline.today, start, end, height=int(top + ROW_PX * (bottom_row + 1) + bottom))
    layout["shapes"] = _today_marks(timeline.today, places)
    fig.update_layout(
        layout,
        showlegend=False,
        margin={"l": 8, "r": 8, "t": top, "b": bottom},
        xaxis={"showticklabels": False, "showgrid": False, "showline": True},
        yaxis={"type": "linear", "range": [bottom_row + 0.5, -0.95], "visible": False, "fixedrange": True},
    )
    return fig


def _places(items: Sequence[Window | Event]) -> list[float]:
    """Where each row sits, top down: a span to open a dispute takes a little more for its reason."""
    places, at = [], 0.0
    for item in items:
        places.append(at)
        at += 1 + (REASON_ROWS if isinstance(item, Window) and item.reason else 0)
    return places


def _ends(spans: Sequence[tuple[float, Window]]) -> list[go.Scatter]:
    """A mark at the end of each span to open a dispute, the reason in its hover too."""
    if not spans:
        return []
    return [
        go.Scatter(
            x=[_day_after(window.end) for _row, window in spans],
            y=[row for row, _window in spans],
            mode="markers",
            name=_("Last day to open a dispute"),
            marker={"symbol": END_SYMBOL, "size": 18, "line": {"width": 3, "color": EVENT_COLOUR}},
            customdata=[html.escape(window.reason, quote=False) for _row, window in spans],
            hovertemplate="%{customdata}<extra></extra>",
            cliponaxis=False,
        )
    ]


def _today_marks(today: dt.date, places: Sequence[float]) -> list[dict]:
    """Today as a short solid mark across each row's bar or marker, never across a line of text."""
    noon = _midnight(today) + NOON
    line = {"color": TODAY_COLOUR, "width": 2}
    marks = [
        {"type": "line", "x0": noon, "x1": noon, "xref": "x", "y0": row - 0.2, "y1": row + 0.2, "yref": "y"}
        for row in places
    ]
    return [{**mark, "line": line, "layer": "above"} for mark in marks] or [
        {"type": "line", "x0": noon, "x1": noon, "xref": "x", "y0": 0, "y1": 1, "yref": "paper", "line": line}
    ]


def orders_figure(rows: Sequence[tuple[str, Timeline]]) -> go.Figure:
    """Every order on one row, named in the buyer's words, with the same windows, markers and today.

    The key sits under the chart, across, so it never covers a bar or today; the date axis has a
    tick every few days or weeks. The ways out beyond AliExpress are left to each order's own chart:
    here they would pile up at the edge.
    """
    names = order_names([label for label, _timeline in rows])
    bars, events = [], []
    for name, (_label, timeline) in zip(names, rows, strict=True):
        bars += [(name, window) for window in timeline.windows]
        events += [(name, event) for event in timeline.events if not event.outside]
    hover = [f"{name}<br>{_window_text(window)}" + _reason_text(window) for name, window in bars]
    fig = _bars(bars, hover, width=0.6)
    today = rows[0][1].today if rows else dt.date.today()
    start, end = _span([timeline for _label, timeline in rows], today, share=ORDERS_ROOM)
    fig.add_traces(_markers(events, [f"{name}<br>{_event_text(event)}" for name, event in events], start, end))
    ticks = _order_ticks(start, end)
    plot = ORDER_ROW_PX * max(len(rows), 3)
    top, bottom = 30, TICKS_PX + LEGEND_ROW_PX * _legend_lines([trace.name for trace in fig.data])
    fig.update_layout(
        _layout(today, start, end, height=top + plot + bottom),
        showlegend=True,
        legend={
            "orientation": "h",
            "x": 0,
            "xref": "container",
            "xanchor": "left",
            "y": 0,
            "yref": "container",
            "yanchor": "bottom",
            "title": None,
            "itemclick": False,
            "itemdoubleclick": False,
        },
        margin={"l": 8, "r": 8, "t": top, "b": bottom},
        xaxis={
            "tickvals": ticks,
            "ticktext": [_short_date(tick.date()) for tick in ticks],
            "tickangle": 0,
            "showgrid": True,
        },
        yaxis={
            "type": "category",
            "categoryorder": "array",
            "categoryarray": names,
            "range": [max(len(rows), 1) - 0.5, -0.5],
            "title": None,
            "fixedrange": True,
            "automargin": True,
            "ticksuffix": " ",
        },
    )
    return fig


def orders_lines(rows: Sequence[tuple[str, Timeline]]) -> list[tuple[str, str, str]]:
    """The all-orders chart in words, its table twin: each order's name (as on the chart), then each of its
    windows and events in date order, with their days. Plain text, for a table that shows text as text."""
    names = [html.unescape(name) for name in order_names([label for label, _timeline in rows])]
    lines = []
    for name, (_label, timeline) in zip(names, rows, strict=True):
        for item in in_date_order(timeline):
            if isinstance(item, Event):
                if not item.outside:
                    lines.append((name, item.label, show_date(item.date)))
            else:
                lines.append((name, item.label, _days(item)))
    return lines


def _legend_lines(names: Sequence[str]) -> int:
    """How many lines the key takes on a phone: Plotly lays a key too wide for one line out in columns as
    wide as its longest entry."""
    if not names:
        return 0
    widest = LEGEND_SYMBOL_PX + LEGEND_CHAR_PX * max(len(name) for name in names)
    if LEGEND_SYMBOL_PX * len(names) + LEGEND_CHAR_PX * sum(len(name) for name in names) <= PHONE_CHART_PX:
        return 1
    return math.ceil(len(names) / max(1, PHONE_CHART_PX // widest))


def _order_ticks(start: dt.datetime, end: dt.datetime) -> list[dt.datetime]:
    """A tick every few days or weeks, at most MAX_TICKS, so a short date fits between each on a phone."""
    days = max((end - start).days, 1)
    step = next((each for each in TICK_STEPS if days / each <= MAX_TICKS), math.ceil(days / MAX_TICKS))
    first = _midnight(start.date()) + ONE_DAY
    if step % 7 == 0:
        first += dt.timedelta(days=-first.weekday() % 7)
    count = min(MAX_TICKS, (end - first) // dt.timedelta(days=step) + 1) if first <= end else 0
    return [first + dt.timedelta(days=step * n) for n in range(count)]


def _short_date(day: dt.date) -> str:
    """A tick's day without its weekday and year ("7 Dec"): today's label and every hover give the full date."""
    return format_date(day, "d MMM", locale=current_language())


def order_names(labels: Sequence[str]) -> list[str]:
    """The buyer's own names, short enough for a phone, safe to show, and never two alike.

    Plotly merges rows with the same name, so a repeated name gets " (2)", " (3)"...
    """
    names: list[str] = []
    taken: set[str] = set()
    for number, label in enumerate(labels, start=1):
        base = " ".join(label.split()) or _("Order {n}").format(n=number)
        name, copy = _shorten(base, LABEL_CHARS), 1
        while name in taken:
            copy += 1
            suffix = f" ({copy})"
            name = _shorten(base, LABEL_CHARS - len(suffix)) + suffix
        taken.add(name)
        names.append(name)
    return [html.escape(name, quote=False) for name in names]


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _bars(bars: Sequence[tuple[object, Window]], hover: Sequence[str], width: float) -> go.Figure:
    """The windows as horizontal bars, coloured by kind; a bar covers its last day too.

    One trace per kind of window, each bar drawn from its first day (`base`) for as many
    milliseconds as it lasts: what `px.timeline` draws, built directly because Plotly
    Express takes about 15 ms to build it through a data frame, at every new plan.
    """
    fig = go.Figure(layout={"template": NO_TEMPLATE, "xaxis": {"type": "date"}})
    for key, colour in WINDOW_COLOURS.items():
        chosen = [n for n, (_row, window) in enumerate(bars) if window.key == key]
        if not chosen:
            continue
        starts = [_midnight(bars[n][1].start) for n in chosen]
        fig.add_trace(
            go.Bar(
                orientation="h",
                base=starts,
                x=[(_day_after(bars[n][1].end) - start) / ONE_MS for n, start in zip(chosen, starts, strict=True)],
                y=[bars[n][0] for n in chosen],
                name=window_names().get(key, bars[chosen[0]][1].label),
                marker={"color": colour},
                width=width,
                customdata=[hover[n] for n in chosen],
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    return fig


def _markers(
    events: Sequence[tuple[object, Event]], hover: Sequence[str], start: dt.datetime, end: dt.datetime
) -> list[go.Scatter]:
    """One trace per kind of event, so the legend can name each shape; drawn at the middle of the day.

    A way out beyond AliExpress past the chart's last day is drawn at its right edge as an arrow on
    (its text and hover give the day); the order's own events always lie inside the span.
    """
    traces = []
    for key, symbol in EVENT_SYMBOLS.items():
        chosen = [n for n, (_row, event) in enumerate(events) if event.key == key]
        if not chosen:
            continue
        days = [_midnight(events[n][1].date) + NOON for n in chosen]
        later = [day > end for day in days]
        outside = events[chosen[0]][1].outside
        colour = OUTSIDE_COLOUR if outside else EVENT_COLOUR
        traces.append(
            go.Scatter(
                x=[end - NOON if beyond else max(day, start) for day, beyond in zip(days, later, strict=True)],
                y=[events[n][0] for n in chosen],
                mode="markers",
                name=events[chosen[0]][1].label,
                marker={
                    "symbol": [LATER_SYMBOL if beyond else symbol for beyond in later],
                    "size": 10,
                    "color": colour,
                    "line": {"width": 1.5 if outside else 1, "color": colour if outside else "white"},
                },
                customdata=[hover[n] for n in chosen],
                hovertemplate="%{customdata}<extra></extra>",
                cliponaxis=False,
            )
        )
    return traces


def _layout(today: dt.date, start: dt.datetime, end: dt.datetime, height: int) -> dict:
    """What both charts share: today's line and label, no dragging on a phone, a fixed height."""
    noon = _midnight(today) + NOON
    where = (noon - start) / (end - start)
    anchor = "left" if where < 0.25 else "right" if where > 0.75 else "center"
    return {
        "height": height,
        "dragmode": False,
        "barmode": "overlay",
        "hovermode": "closest",
        "font": {"size": FONT_SIZE},
        "xaxis": {"type": "date", "range": [start, end], "fixedrange": True, "title": None},
        "shapes": [
            {
                "type": "line",
                "x0": noon,
                "x1": noon,
                "xref": "x",
                "y0": 0,
                "y1": 1,
                "yref": "paper",
                "line": {"color": TODAY_COLOUR, "width": 2, "dash": "dash"},
                "layer": "below",
            }
        ],
        "annotations": [
            {
                "x": noon,
                "y": 1,
                "xref": "x",
                "yref": "paper",
                "yanchor": "bottom",
                "xanchor": anchor,
                "showarrow": False,
                "font": {"color": TODAY_COLOUR, "size": FONT_SIZE},
                "text": html.escape(_("Today, {day}").format(day=show_date(today)), quote=False),
            }
        ],
    }


def _span(
    timelines: Sequence[Timeline], today: dt.date | None = None, share: float = 0.03
) -> tuple[dt.datetime, dt.datetime]:
    """From the first day shown to the end of the last, with a little room on both sides.

    The ways out beyond AliExpress are left out: a two-year guarantee would squash the order's own weeks
    into a sliver. Those past the span are drawn at its edge (`_markers`).
    """
    days = [today] if today is not None else []
    for timeline in timelines:
        days.append(timeline.today)
        days += [window.start for window in timeline.windows] + [window.end for window in timeline.windows]
        days += [event.date for event in timeline.events if not event.outside]
    first, last = _midnight(min(days)), _day_after(max(days))
    room = max((last - first) * share, ONE_DAY)
    return max(first, dt.datetime.min + room) - room, min(last, dt.datetime.max - room) + room


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)


def _day_after(day: dt.date) -> dt.datetime:
    """Where a day ends on the axis; the calendar's last day ends at its last moment."""
    return _midnight(day) + ONE_DAY if day < dt.date.max else dt.datetime.max


def window_names() -> dict[str, str]:
    """A kind of window by name, for the legend of every order (a span's own label names its day)."""
    return {"dispute": _("You can open a dispute"), "after_receipt": _("Dispute after receipt confirmed")}


def _reason_text(window: Window) -> str:
    return "<br>" + html.escape(window.reason, quote=False) if window.reason else ""


def _window_text(window: Window) -> str:
    return html.escape(_("{what}: {when}").format(what=window.label, when=_days(window)), quote=False)


def _event_text(event: Event) -> str:
    return html.escape(_("{what}: {when}").format(what=event.label, when=show_date(event.date)), quote=False)


def _days(window: Window) -> str:
    if window.start == window.end:
        return show_date(window.start)
    return _("{start} – {end}").format(start=show_date(window.start), end=show_date(window.end))


def _item_line(item: Window | Event) -> str:
    """The line written over a row: its name in bold, then its dates (a span's name holds its last day)."""
    if isinstance(item, Window) and item.reason:
        return f"<b>{html.escape(item.label, quote=False)}</b>"
    when = _days(item) if isinstance(item, Window) else show_date(item.date)
    what = f"<b>{html.escape(item.label, quote=False)}</b>"
    return _("{what}: {when}").format(what=what, when=html.escape(when, quote=False))
