"""ui.timeline: the single-order and all-orders Plotly figures, checked on the figure itself.

TODAY is Thursday 2026-11-26; every case is a plain dict as the wizard would send it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import itertools

import pytest

from core import advise, read_case
from core.i18n import in_language, show_date
from core.timeline import Event, order_timeline
from ui.timeline import (
    CHART_CONFIG,
    END_SYMBOL,
    LABEL_CHARS,
    LATER_SYMBOL,
    WINDOW_COLOURS,
    order_figure,
    order_names,
    orders_figure,
    orders_lines,
    window_names,
)

TODAY = dt.date(2026, 11, 26)
NOON = dt.time(12)


def day(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def timeline_for(order: dict, **top):
    data = {"today": TODAY.isoformat(), "order": {k: str(v) for k, v in order.items()}, **top}
    case = read_case(data)
    return order_timeline(case, advise(case))


def as_datetime(value) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value)[:19])


def bars(fig):
    return [trace for trace in fig.data if trace.type == "bar"]


def markers(fig):
    """The events' markers; the marks at the end of a span to open a dispute aside."""
    return [
        trace
        for trace in fig.data
        if trace.type == "scatter" and trace.mode == "markers" and trace.marker.symbol != END_SYMBOL
    ]


def end_marks(fig):
    return [trace for trace in fig.data if trace.type == "scatter" and trace.marker.symbol == END_SYMBOL]


def written(fig) -> str:
    """Every text drawn on the chart itself, hover aside."""
    texts = [a.text for a in fig.layout.annotations]
    for trace in fig.data:
        if trace.type == "scatter" and trace.mode and "text" in trace.mode:
            texts += list(trace.text)
    return "\n".join(texts)


@pytest.fixture(scope="module")
def full():
    """Every window and event: shipped, receipt confirmed, a dispute closed and its refund processed."""
    return timeline_for(
        {
            "placed_on": day(-40),
            "shipped_on": day(-38),
            "estimated_delivery": day(-8),
            "received": True,
            "receipt_confirmed_on": day(-6),
            "tracking": "delivered",
            "total_paid": "20",
        },
        problem="fake",
        dispute={
            "status": "closed",
            "opened_on": day(-5).isoformat(),
            "negotiation_ends_on": day(-2).isoformat(),
            "closed_on": day(-2).isoformat(),
            "refund_processed_on": day(-1).isoformat(),
        },
    )


def test_one_bar_per_window_covering_its_last_day(full):
    fig = order_figure(full)
    traces = bars(fig)
    assert [trace.name for trace in traces] == [window_names().get(w.key, w.label) for w in full.windows]
    assert len(full.windows) == 5
    for trace, window in zip(traces, full.windows, strict=True):
        start = as_datetime(trace.base[0])
        assert start == dt.datetime.combine(window.start, dt.time())
        finish = start + dt.timedelta(milliseconds=float(trace.x[0]))
        assert finish == dt.datetime.combine(window.end + dt.timedelta(days=1), dt.time())
        assert trace.orientation == "h"
    assert fig.layout.xaxis.type == "date"


def test_windows_have_distinct_colour_blind_safe_colours(full):
    colours = [trace.marker.color for trace in bars(order_figure(full))]
    assert len(set(colours)) == len(colours)
    assert set(colours) <= set(WINDOW_COLOURS.values())


def test_events_are_markers_at_the_middle_of_their_day(full):
    traces = markers(order_figure(full))
    assert [trace.name for trace in traces] == [
        "Placed",
        "Shipped",
        "Estimated delivery",
        "Receipt confirmed",
        "Dispute opened",
        "Dispute closed",
        "Refund processed",
    ]
    by_name = {event.label: event.date for event in full.events}
    for trace in traces:
        assert [as_datetime(x) for x in trace.x] == [dt.datetime.combine(by_name[trace.name], NOON)]
    assert len({trace.marker.symbol for trace in traces}) == len(traces)


def test_every_date_is_written_on_the_chart(full):
    text = written(order_figure(full))
    for window in full.windows:
        assert window.label in text and show_date(window.end) in text
        # A span's label holds its last day; its first is the day after "Too early to dispute" ends.
        assert window.reason or show_date(window.start) in text
    for event in full.events:
        assert f"{event.label}</b>: {show_date(event.date)}" in text


def text_rows(fig) -> list[float]:
    """Where each line of text sits, in rows of the chart."""
    [lines] = [trace for trace in fig.data if trace.type == "scatter" and trace.mode == "text"]
    return list(lines.y)


def test_today_is_marked_on_every_row_and_never_crosses_a_line_of_text(full):
    fig = order_figure(full)
    marks = [shape for shape in fig.layout.shapes if shape.type == "line"]
    assert len(marks) == len(full.windows) + len(full.events)
    texts = text_rows(fig)
    half_line = 0.2  # a 12 px line of text is 0.3 of a 40 px row
    for mark in marks:
        assert as_datetime(mark.x0) == as_datetime(mark.x1) == dt.datetime.combine(TODAY, NOON)
        assert mark.yref == "y"
        for y in texts:
            assert mark.y1 < y - half_line or mark.y0 > y + half_line, (mark.y0, mark.y1, y)
    assert any(a.text == "Today, " + show_date(TODAY) for a in fig.layout.annotations)


def test_compact_and_still_on_a_phone(full):
    fig = order_figure(full)
    rows = len(full.windows) + len(full.events)
    assert fig.layout.height <= 45 * rows + 60
    assert fig.layout.dragmode is False
    assert fig.layout.showlegend is False
    assert fig.layout.margin.l <= 10 and fig.layout.margin.r <= 10
    assert fig.layout.xaxis.fixedrange and fig.layout.yaxis.fixedrange
    assert CHART_CONFIG["displayModeBar"] is False
    start, end = (as_datetime(x) for x in fig.layout.xaxis.range)
    assert start <= dt.datetime.combine(day(-40), dt.time())
    assert end >= dt.datetime.combine(full.windows[-1].end, dt.time())


def test_an_order_not_shipped_yet_still_draws():
    timeline = timeline_for({"placed_on": day(-2)})
    fig = order_figure(timeline)
    assert bars(fig) == []
    assert [trace.name for trace in markers(fig)] == ["Placed"]
    assert show_date(day(-2)) in written(fig)
    assert len(fig.layout.shapes) == 1


def many_orders(count: int) -> list[tuple[str, object]]:
    rows = []
    for n in range(count):
        order = {
            "label": f"Order number {n % 10} with a very long name",
            "placed_on": day(-40 + n % 30),
            "shipped_on": day(-38 + n % 30),
        }
        rows.append((order["label"], timeline_for(order, problem="not_arrived")))
    return rows


def test_thirty_orders_one_row_each_with_unique_short_names():
    rows = many_orders(30)
    fig = orders_figure(rows)
    names = list(fig.layout.yaxis.categoryarray)
    assert len(names) == len(set(names)) == 30
    assert all(len(html.unescape(name)) <= LABEL_CHARS for name in names)
    assert names[0] == "Order number 0 with a v…"
    assert names[10] == "Order number 0 with… (2)"
    assert fig.layout.yaxis.type == "category"
    assert fig.layout.height == 30 + 28 * 30 + 30 + 22 * 5, "the key's five entries take five lines on a phone"
    placed = next(trace for trace in markers(fig) if trace.name == "Placed")
    assert list(placed.y) == names


def test_orders_share_the_windows_markers_and_today_line():
    rows = many_orders(3)
    fig = orders_figure(rows)
    assert {trace.name for trace in bars(fig)} == {"Too early to dispute", "You can open a dispute"}
    assert {trace.name for trace in markers(fig)} == {"Placed", "Shipped", "Ask the seller to extend protection by"}
    dispute = next(trace for trace in bars(fig) if trace.name == "You can open a dispute")
    assert all("Ends with buyer protection" in text for text in dispute.customdata)
    assert list(dispute.y) == order_names([label for label, _t in rows])
    assert dispute.marker.color == WINDOW_COLOURS["dispute"]
    assert as_datetime(fig.layout.shapes[0].x0) == dt.datetime.combine(TODAY, NOON)
    assert fig.layout.showlegend is True
    assert show_date(TODAY) in fig.layout.annotations[0].text
    assert fig.layout.xaxis.ticktext == ("19 Oct", "9 Nov", "30 Nov", "21 Dec")


def test_names_are_escaped_and_a_date_like_name_stays_a_name():
    labels = ["<b>bold</b>", "2026-11-01", "12", "", "  ", "Same", "Same", "Same (2)"]
    names = order_names(labels)
    assert names[0] == "&lt;b&gt;bold&lt;/b&gt;"
    assert names[3:5] == ["Order 4", "Order 5"]
    assert names[5:] == ["Same", "Same (2)", "Same (2) (2)"]
    fig = orders_figure([(label, timeline_for({"placed_on": day(-3)})) for label in labels])
    assert fig.layout.yaxis.type == "category"
    assert list(fig.layout.yaxis.categoryarray) == names


def test_no_orders_is_an_empty_chart_not_an_error():
    fig = orders_figure([])
    assert fig.data == ()
    assert len(fig.layout.shapes) == 1


@pytest.mark.parametrize(
    "data",
    [
        {
            "order": {
                "placed_on": "0001-01-01",
                "shipped_on": "0001-01-01",
                "received": True,
                "tracking": "delivered",
                "receipt_confirmed_on": "0001-01-01",
                "estimated_delivery": "9999-12-31",
            },
            "problem": "fake",
        },
        {
            "today": "9999-12-31",
            "order": {"placed_on": "2026-01-01", "shipped_on": "9999-12-30"},
            "problem": "not_arrived",
            "dispute": {
                "status": "closed",
                "opened_on": "9999-12-31",
                "closed_on": "9999-12-31",
                "refund_processed_on": "9999-12-31",
            },
        },
    ],
)
def test_the_calendars_first_and_last_days_draw_without_error(data):
    case = read_case({"today": TODAY.isoformat(), **data})
    timeline = order_timeline(case, advise(case))
    assert all(window.start <= window.end for window in timeline.windows)
    for fig in (order_figure(timeline), orders_figure([("x", timeline)])):
        start, end = (as_datetime(x) for x in fig.layout.xaxis.range)
        assert start < end
        fig.to_json()


# --- Spans to open a dispute ------------------------------------------------------------


def span_of(fig, timeline):
    [span] = [w for w in timeline.windows if w.key == "dispute"]
    [bar] = [trace for trace in bars(fig) if trace.marker.color == WINDOW_COLOURS["dispute"]]
    return span, bar


def test_a_parcel_not_arrived_reads_as_one_span_until_protection_ends():
    timeline = timeline_for({"placed_on": day(-40), "shipped_on": day(-38)}, problem="not_arrived")
    fig = order_figure(timeline)
    _span, bar = span_of(fig, timeline)
    assert len(bar.base) == 1, "one bar, not a window and another after it"
    assert f"<b>You can open a dispute until {show_date(day(22))}</b>" in written(fig).splitlines()
    assert "Ends with buyer protection" in written(fig).splitlines()
    [ends] = end_marks(fig)
    assert [as_datetime(x) for x in ends.x] == [dt.datetime.combine(day(23), dt.time())]
    assert list(ends.customdata) == ["Ends with buyer protection"]


def test_a_receipt_confirmed_continues_the_same_span_to_15_days_after_it():
    order = {"placed_on": day(-40), "shipped_on": day(-38), "received": True, "tracking": "delivered"}
    timeline = timeline_for({**order, "receipt_confirmed_on": day(-3)}, problem="fake")
    fig = order_figure(timeline)
    _span, bar = span_of(fig, timeline)
    assert len(bar.base) == 1 and len(bars(fig)) == 2, "too early, then one span"
    assert as_datetime(bar.base[0]) == dt.datetime.combine(day(-28), dt.time())
    text = written(fig).splitlines()
    assert f"<b>You can open a dispute until {show_date(day(12))}</b>" in text
    assert "Ends 15 days after you confirmed receipt" in text
    assert "<b>Receipt confirmed</b>: " + show_date(day(-3)) in text


def test_the_order_pages_protection_end_is_named_on_the_chart():
    timeline = timeline_for({"shipped_on": day(-38), "protection_ends_on": day(30)}, problem="not_arrived")
    text = written(order_figure(timeline)).splitlines()
    assert f"<b>You can open a dispute until {show_date(day(30))}</b>" in text
    assert "Ends with buyer protection (date from your order page)" in text


def test_each_span_has_room_for_its_reason_under_its_bar():
    timeline = timeline_for({"placed_on": day(-40), "shipped_on": day(-38)}, problem="not_arrived")
    fig = order_figure(timeline)
    texts = sorted(text_rows(fig))
    assert all(b - a >= 0.6 for a, b in itertools.pairwise(texts)), texts
    assert fig.layout.yaxis.range[0] >= max(texts)


def with_ways_out(timeline, *days: tuple[str, dt.date]):
    """The timeline with ways out beyond AliExpress added, as the plan gives them when AliExpress's routes are over."""
    added = [Event(key, f"Outside AliExpress: {key}", when, outside=True) for key, when in days]
    return dataclasses.replace(timeline, events=tuple(sorted([*timeline.events, *added], key=lambda e: e.date)))


def test_a_way_out_long_after_the_order_is_drawn_at_the_edge_without_squashing_the_chart(full):
    plain = order_figure(full)
    timeline = with_ways_out(full, ("eu_guarantee_until", day(700)), ("chargeback_by", day(3)))
    fig = order_figure(timeline)
    assert list(fig.layout.xaxis.range) == list(plain.layout.xaxis.range), "the order's own weeks keep their room"
    end = as_datetime(fig.layout.xaxis.range[1])
    guarantee = next(trace for trace in markers(fig) if trace.name == "Outside AliExpress: eu_guarantee_until")
    assert list(guarantee.marker.symbol) == [LATER_SYMBOL] and as_datetime(guarantee.x[0]) < end
    assert show_date(day(700)) in written(fig) and show_date(day(700)) in guarantee.customdata[0]
    chargeback = next(trace for trace in markers(fig) if trace.name == "Outside AliExpress: chargeback_by")
    assert list(chargeback.marker.symbol) == ["hexagon-open"]
    assert as_datetime(chargeback.x[0]) == dt.datetime.combine(day(3), NOON)


def test_the_all_orders_chart_leaves_the_ways_out_to_each_orders_own_chart():
    rows = [(label, with_ways_out(timeline, ("paypal_dispute_by", day(150)))) for label, timeline in many_orders(3)]
    fig = orders_figure(rows)
    assert not any(trace.name.startswith("Outside AliExpress") for trace in markers(fig))
    assert list(fig.layout.xaxis.range) == list(orders_figure(many_orders(3)).layout.xaxis.range)


def test_the_key_sits_under_the_chart_across_so_it_covers_no_bar_and_not_today():
    fig = orders_figure(many_orders(3))
    legend = fig.layout.legend
    assert legend.orientation == "h" and (legend.yref, legend.y, legend.yanchor) == ("container", 0, "bottom")
    assert (legend.xref, legend.x) == ("container", 0), "the key uses the chart's whole width"
    longest = max(len(trace.name) for trace in fig.data)
    assert (48 + 7 * longest) * 2 > 340, "on a phone its entries stack, one a line"
    assert fig.layout.margin.b >= 30 + 22 * len(fig.data), "so the bottom margin holds the dates and every line"
    today = fig.layout.annotations[0]
    assert today.yanchor == "bottom" and today.y == 1, "today's label stays above the plot, clear of the key"


@pytest.mark.parametrize("span_days", [3, 20, 80, 400])
def test_three_or_four_short_dates_on_the_axis_at_any_span(span_days):
    rows = [("Lamp", timeline_for({"placed_on": day(-span_days), "shipped_on": day(-span_days + 1)}))]
    ticks = orders_figure(rows).layout.xaxis
    assert 3 <= len(ticks.tickvals) <= 4
    assert all(len(text) <= 6 for text in ticks.ticktext), "a short date fits between the names and the edge"
    start, end = (as_datetime(x) for x in orders_figure(rows).layout.xaxis.range)
    assert all(start <= as_datetime(tick) <= end for tick in ticks.tickvals)


def test_the_chart_in_words_lists_each_orders_windows_and_events_in_plain_text():
    rows = [("<b>Lamp</b>", timeline_for({"placed_on": day(-40), "shipped_on": day(-38)}, problem="not_arrived"))]
    lines = orders_lines(rows)
    assert lines[0] == ("<b>Lamp</b>", "Placed", show_date(day(-40))), "the name as text, never as HTML"
    assert ("<b>Lamp</b>", "Shipped", show_date(day(-38))) in lines
    spans = [when for _name, what, when in lines if what.startswith("You can open a dispute")]
    assert spans and " – " in spans[0] and "&" not in spans[0]


@pytest.mark.parametrize(("language", "month"), [("es", "dic"), ("pt_BR", "dez."), ("fr", "déc.")])
def test_the_all_orders_axis_writes_dates_in_the_readers_language(language: str, month: str) -> None:
    timeline = timeline_for({"placed_on": day(-20), "shipped_on": day(-18)})
    with in_language(language):
        figure = orders_figure([("Lamp", timeline)])
        today_label = show_date(TODAY)
    ticks = list(figure.layout.xaxis.ticktext)
    assert ticks and all(not any(english in tick for english in ("Dec", "Nov", "Jan")) for tick in ticks), ticks
    assert any(month in tick for tick in ticks), ticks
    assert any(today_label in str(note.text) for note in figure.layout.annotations)
