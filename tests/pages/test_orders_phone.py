"""The orders page as a phone uses it, under AppTest: the list of cards, opening a plan, deleting with a
confirmation, the form in words and dates, and the chart's cap.

TODAY is Thursday 2026-11-26 (tests/support/orders.py).
"""

from __future__ import annotations

import re
from decimal import Decimal

from streamlit.testing.v1 import AppTest

from core.i18n import show_date
from core.order_files import CSV_ENCODING, export_csv, export_json, import_orders
from core.orders import FIELDS
from tests.support.orders import day, labels, messages, order, rows_of, start

RAW = re.compile(r"\b(True|False|None|true|false|null)\b|\d{4}-\d{2}-\d{2}")
"""What a buyer must never read: Python or JSON values, ISO dates."""


def field(at: AppTest, order_id: str, name: str) -> str:
    """A form field's key: it changes with every change to the rows, so it is read afresh each time."""
    version = at.session_state.get("orders_editor_version", 0)
    return f"order_form_{version}_{order_id}_{name}"


def cards(at: AppTest) -> list[str]:
    """Each card's two lines: status and name, then what to do and by when."""
    shown = [m.value for m in at.markdown]
    return [f"{line}\n{shown[n + 1]}" for n, line in enumerate(shown) if line.startswith(":") and "material/" in line]


def picked(at: AppTest) -> str | None:
    return at.session_state.get("orders_picked", None)


def buttons(at: AppTest) -> set[str]:
    return {b.key for b in at.button}


def open_plan(at: AppTest, order_id: str) -> AppTest:
    at.button(key=f"open_{order_id}").click().run()
    assert not at.exception, at.exception
    return at


# --- The list -------------------------------------------------------------------------------


def test_each_order_is_a_card_in_words_and_dates_most_urgent_first():
    at = start([order("Lamp", 25), order("Headphones", 3, problem="not_arrived")])
    [first, second] = cards(at)
    assert "Act now" in first and "Headphones" in first
    assert f"Open a dispute by {show_date(day(3))}" in first and "3 days left" in first
    assert "Later" in second and "Lamp" in second and "25 days left" in second
    assert not RAW.search(first + second), "no raw value or ISO date on a card"


def test_the_tiles_and_the_cards_use_the_same_words():
    at = start([order("Lamp", 25), order("Waiting", 0, shipped_on=None, protection_days=60)])
    tiles = {m.label for m in at.metric}
    assert tiles == {"Act now", "This week", "Later", "Settled"}
    for card in cards(at):
        assert re.search(r"\*\*(.+?)\*\*", card).group(1) in tiles


def test_one_tap_opens_an_orders_plan_under_its_card_and_another_tap_closes_it():
    at = start([order("Headphones", 3, problem="not_arrived"), order("Lamp", 25)])
    assert not [m for m in at.markdown if "Steps" in m.value]
    at = open_plan(at, "headphones")
    assert picked(at) == "headphones"
    shown = "\n".join(m.value for m in at.markdown)
    assert "Steps" in shown and len(at.get("plotly_chart")) == 2, "the plan's own chart under the card"
    assert {"close_headphones", "open_lamp"} <= buttons(at) and "open_headphones" not in buttons(at)
    at.button(key="close_headphones").click().run()
    assert picked(at) is None and "open_headphones" in buttons(at)


def test_delete_is_only_in_the_opened_card_asks_first_and_only_the_confirmation_removes_the_order():
    at = start([order("Headphones", 3), order("Lamp", 25)])
    deletes = [p.proto.popover.label for p in at.get("popover")]
    assert deletes == ["Forget everything"] and not {"delete_headphones", "delete_lamp"} & buttons(at), (
        "none on the list"
    )
    at = open_plan(at, "lamp")
    assert labels(at) == ["Headphones", "Lamp"], "opening never deletes"
    deletes = [p.proto.popover.label for p in at.get("popover")]
    assert deletes == ["Delete", "Forget everything"], "a separate, labelled Delete"
    assert "Delete “Lamp” from this page and this browser?" in [m.value for m in at.markdown]
    at.button(key="delete_lamp").click().run()
    assert labels(at) == ["Headphones"]
    assert "Deleted “Lamp”." in messages(at)
    assert picked(at) is None


def test_past_fifteen_orders_the_list_shows_the_most_urgent_and_a_toggle_the_rest():
    at = start([order(f"Order {n:02}", n) for n in range(20)])
    assert len(cards(at)) == 15 and "5 more orders, less urgent." in [c.value for c in at.caption]
    at.selectbox(key="orders_picked").set_value("order-19").run()
    assert len(cards(at)) == 16, "an order found by name opens even when it is not among the first"
    at.toggle(key="orders_list_all").set_value(True).run()
    assert len(cards(at)) == 20


# --- The form -----------------------------------------------------------------------------------


def test_the_form_starts_empty_where_nothing_was_said_and_a_new_date_changes_the_plan():
    at = start([order("Headphones", 3, problem="not_arrived", total_paid=Decimal("0"))])
    at = open_plan(at, "headphones")
    assert at.date_input(key=field(at, "headphones", "estimated_delivery")).value is None
    assert at.selectbox(key=field(at, "headphones", "paid_with")).value is None
    assert at.number_input(key=field(at, "headphones", "total_paid")).value is None
    assert at.radio(key=field(at, "headphones", "choice_order")).value is None, "asked, never guessed"
    before = cards(at)[0]
    assert f"by {show_date(day(3))}" in before
    at.date_input(key=field(at, "headphones", "protection_ends_on")).set_value(day(20)).run()
    assert not at.exception, at.exception
    [row] = rows_of(at)
    assert row.protection_ends_on == day(20)
    assert f"by {show_date(day(20))}" in cards(at)[0], "the card and the plan follow the new date"
    assert any(show_date(day(20)) in m.value for m in at.markdown if "Steps" not in m.value)


def test_a_bad_change_in_the_form_is_reported_and_the_order_kept():
    at = start([order("Headphones", 3, problem="not_arrived")])
    at = open_plan(at, "headphones")
    at.date_input(key=field(at, "headphones", "shipped_on")).set_value(day(-40)).run()
    [row] = rows_of(at)
    assert row.shipped_on == day(-40), "a date that contradicts another is kept, and shown as one to fix"
    assert "dates don't fit together" in messages(at)


def test_the_return_cancellation_seller_and_choice_fields_show_where_they_apply_and_round_trip():
    at = start([order("Dress", 3, received=True, tracking="delivered", problem="not_as_described")])
    at = open_plan(at, "dress")
    assert field(at, "dress", "return_agreed_on") not in {w.key for w in at.date_input}, "no return, no return dates"
    at.selectbox(key=field(at, "dress", "seller_asks")).set_value("return_first").run()
    at.radio(key=field(at, "dress", "choice_order")).set_value("yes").run()
    status = at.selectbox(key=field(at, "dress", "return_status"))
    assert status.value is None
    status.set_value("sent").run()
    at.date_input(key=field(at, "dress", "return_agreed_on")).set_value(day(-6)).run()
    at.date_input(key=field(at, "dress", "return_sent_on")).set_value(day(-2)).run()
    assert at.selectbox(key=field(at, "dress", "seller_asks")).value == "return_first", "an answer stays shown"
    assert not at.exception, at.exception
    [row] = rows_of(at)
    assert (row.return_status.value, row.return_agreed_on, row.return_sent_on) == ("sent", day(-6), day(-2))
    assert row.seller_asks.value == "return_first" and row.choice_order is True
    for data, name in ((export_csv([row]).encode(CSV_ENCODING), "o.csv"), (export_json([row]).encode(), "o.json")):
        assert import_orders(data, name).rows == [row]
    cancelled = start([order("Cable", 3, shipped_on=None, protection_days=60)])
    cancelled = open_plan(cancelled, "cable")
    cancelled.date_input(key=field(cancelled, "cable", "cancelled_on")).set_value(day(-2)).run()
    [row] = rows_of(cancelled)
    assert row.cancelled_on == day(-2) and "cancelled_on" in FIELDS


def test_the_dispute_asks_only_its_own_dates():
    at = start([order("Lamp", 25)])
    at = open_plan(at, "lamp")
    for name, said in (("dispute_status", "No dispute"), ("problem", "Nothing wrong"), ("tracking", "No tracking yet")):
        options = at.selectbox(key=field(at, "lamp", name)).options
        assert said in options and "None" not in options, "nothing says None to a buyer"
    keys = {w.key for w in at.date_input}
    assert field(at, "lamp", "dispute_closed_on") not in keys and field(at, "lamp", "cancelled_on") not in keys
    at.selectbox(key=field(at, "lamp", "dispute_status")).set_value("closed").run()
    keys = {w.key for w in at.date_input}
    assert field(at, "lamp", "dispute_closed_on") in keys and field(at, "lamp", "negotiation_ends_on") not in keys


# --- The chart ----------------------------------------------------------------------------------


def test_the_chart_draws_the_15_most_urgent_says_how_many_more_and_draws_all_on_request():
    at = start([order(f"Order {n:02}", n) for n in range(20)])
    [chart] = at.get("plotly_chart")
    assert len(chart.proto.spec) and "Order 00" in chart.proto.spec and "Order 19" not in chart.proto.spec
    assert "The 15 most urgent orders. 5 more orders aren't drawn." in [c.value for c in at.caption]
    heading = [h.value for h in at.subheader]
    assert "All deadlines" in heading, "the chart's name, right above it"
    assert not at.get("table"), "the twin is drawn when asked for"
    at.toggle(key="orders_chart_table").set_value(True).run()
    [twin] = at.get("table")
    words = twin.value.to_dict(orient="list")
    assert set(words["Order"]) == {f"Order {n:02}" for n in range(15)}
    assert "Placed" in words["What"] and show_date(day(-32)) in words["When"]
    at.toggle(key="orders_chart_all").set_value(True).run()
    [chart] = at.get("plotly_chart")
    assert "Order 19" in chart.proto.spec
    assert not [c for c in at.caption if "aren't drawn" in c.value]


def test_few_orders_draw_all_with_no_toggle():
    at = start([order("Lamp", 25), order("Cable", 3)])
    assert not [t for t in at.toggle if t.key == "orders_chart_all"]
    assert not [c for c in at.caption if "aren't drawn" in c.value]


def test_the_customs_pay_by_field_shows_for_a_parcel_held_at_customs_and_round_trips():
    at = start([order("Shoes", 25, problem="not_arrived", tracking="in_transit")])
    at = open_plan(at, "shoes")
    assert field(at, "shoes", "customs_pay_by") not in {w.key for w in at.date_input}, "not held: no date to pay by"
    at.selectbox(key=field(at, "shoes", "tracking")).set_value("held_at_customs").run()
    at.date_input(key=field(at, "shoes", "customs_pay_by")).set_value(day(5)).run()
    assert not at.exception, at.exception
    [row] = rows_of(at)
    assert row.customs_pay_by == day(5)
    assert f"by {show_date(day(5))}" in cards(at)[0], "the card follows the day to pay by"
    for data, name in ((export_csv([row]).encode(CSV_ENCODING), "o.csv"), (export_json([row]).encode(), "o.json")):
        assert import_orders(data, name).rows == [row]
