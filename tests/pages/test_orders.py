"""The orders page under AppTest: add, edit and delete orders, import and export files, the summary.

The table's edits are set through session state (AppTest cannot type into st.data_editor),
in the shape the browser sends them: positions in the table as shown, most urgent first.
"""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal

import pytest
from icalendar import Calendar
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from core.order_files import CSV_ENCODING, export_csv, export_json
from tests.support.orders import day, edit, labels, messages, metric, order, rows_of, shown_ids, start

# --- Adding ----------------------------------------------------------------------------


def test_an_empty_page_offers_the_add_form_and_no_table():
    at = start()
    assert at.text_input(key="add_label") is not None
    assert not at.get("dataframe") and not at.get("plotly_chart") and not at.metric


def test_adding_an_order_takes_a_name_and_two_dates():
    at = start()
    at.text_input(key="add_label").input("Blue headphones 🎧")
    at.date_input(key="add_placed").set_value(day(-20))
    at.date_input(key="add_shipped").set_value(day(-18))
    at.button[0].click().run()
    assert not at.exception, at.exception
    [row] = rows_of(at)
    assert (row.label, row.placed_on, row.shipped_on) == ("Blue headphones 🎧", day(-20), day(-18))
    assert row.protection_days == 60 and row.currency == "USD" and row.problem.value == "none"
    assert "Added “Blue headphones 🎧”" in messages(at)
    assert at.get("dataframe") and at.get("plotly_chart")


def test_an_order_without_a_name_is_not_added():
    at = start()
    at.date_input(key="add_placed").set_value(day(-20))
    at.button[0].click().run()
    assert rows_of(at) == [] and "Give the order a name" in messages(at)


# --- Editing in the table ----------------------------------------------------------------


def test_the_table_is_most_urgent_first_and_edits_follow_what_is_shown():
    at = start([order("Later", 25), order("Soon", 2), order("Overdue", -1)])
    assert shown_ids(at) == ["overdue", "soon", "later"]
    at = edit(at, edited={1: {"label": "Soon, renamed", "total_paid": 12.5}})
    renamed = {row.id: row for row in rows_of(at)}["soon"]
    assert renamed.label == "Soon, renamed" and renamed.total_paid == Decimal("12.50")
    assert labels(at) == ["Later", "Soon, renamed", "Overdue"]


def test_editing_dates_and_choices_changes_the_advice():
    at = start([order("Lamp", 25)])
    at = edit(at, edited={0: {"received": True, "problem": "fake", "shipped_on": day(-20).isoformat() + "T00:00:00"}})
    [row] = rows_of(at)
    assert row.received and row.problem.value == "fake" and row.shipped_on == day(-20)
    frame = at.get("dataframe")[0].proto
    assert frame is not None


def test_a_bad_edit_is_reported_and_undone():
    at = start([order("Lamp", 25)])
    before = rows_of(at)
    at = edit(at, edited={0: {"protection_days": 0, "currency": "dollars"}})
    assert rows_of(at) == before
    text = messages(at)
    assert "Lamp, Protection days" in text and "Lamp, Currency" in text
    assert at.session_state["orders_editor_version"] >= 1


def test_paid_with_is_shown_in_words_edited_in_the_table_and_a_bad_value_refused():
    at = start([order("Lamp", 25, paid_with="aliexpress"), order("Cable", 10)])
    column = json.loads(at.get("dataframe")[0].proto.columns)["paid_with"]
    assert column["label"] == "Paid with" and not column["required"]
    options = {option["value"]: option["label"] for option in column["type_config"]["options"]}
    assert options == {
        "card": "Card",
        "paypal": "PayPal",
        "aliexpress": "AliExpress Bonus or balance",
        "other": "Other",
    }
    at = edit(at, edited={0: {"paid_with": "card"}})
    assert {row.label: row.paid_with and row.paid_with.value for row in rows_of(at)} == {
        "Lamp": "aliexpress",
        "Cable": "card",
    }
    before = rows_of(at)
    at = edit(at, edited={0: {"paid_with": "bitcoin"}})
    assert rows_of(at) == before and "Cable, Paid with" in messages(at)
    at = edit(at, edited={1: {"paid_with": None}})
    assert {row.label: row.paid_with for row in rows_of(at)}["Lamp"] is None, "cleared: back to not given"


def test_a_cleared_cell_goes_back_to_its_default():
    at = start([order("Lamp", 25, total_paid=Decimal("33.00"), estimated_delivery=day(3))])
    at = edit(at, edited={0: {"total_paid": None, "estimated_delivery": None}})
    [row] = rows_of(at)
    assert row.total_paid == 0 and row.estimated_delivery is None


def test_a_line_added_in_the_table_is_kept_once_it_has_a_name_and_a_date():
    at = start([order("Lamp", 25)])
    version = at.session_state.get("orders_editor_version", 0)
    at = edit(at, added=[{"label": "Cable"}])
    assert labels(at) == ["Lamp"]
    now = at.session_state.get("orders_editor_version", 0)
    assert now == version, "an unfinished line stays in the table untouched"
    at = edit(at, added=[{"label": "Cable", "placed_on": day(-3).isoformat(), "total_paid": 4}])
    assert labels(at) == ["Lamp", "Cable"]
    cable = rows_of(at)[1]
    assert cable.placed_on == day(-3) and cable.total_paid == Decimal("4.00") and cable.id != "lamp"


def test_deleting_lines():
    at = start([order("Later", 25), order("Soon", 2), order("Overdue", -1)])
    at = edit(at, deleted=[0, 2])
    assert labels(at) == ["Soon"]


@pytest.mark.parametrize(
    "state",
    [
        {
            "edited_rows": {"x": {"label": "a"}, "-1": {"label": "b"}, 99: {"label": "c"}, 0: "not a change"},
            "added_rows": ["junk", None, {"label": ["a"], "placed_on": 5}],
            "deleted_rows": [-1, 99, None, True, "x"],
        },
        {"edited_rows": [], "added_rows": {}, "deleted_rows": "0"},
        {
            "edited_rows": {
                0: {"label": {"nested": 1}, "total_paid": float("nan"), "placed_on": 20261126, "unknown": 1, 5: 2}
            }
        },
        "not even a dict",
    ],
    ids=["odd positions and rows", "wrong shapes", "odd values", "not a dict"],
)
def test_a_crafted_edit_state_changes_nothing_and_breaks_nothing(state):
    rows = [order("Later", 25), order("Soon", 2)]
    at = start(rows)
    at.session_state["orders_editor_0"] = state
    at.run()
    assert not at.exception, at.exception
    kept = {row.id: row for row in rows_of(at)}
    assert kept == {row.id: row for row in rows}


def test_every_change_in_one_go():
    at = start([order("Later", 25), order("Soon", 2)])
    at = edit(
        at, edited={0: {"label": "Soon!"}}, deleted=[1], added=[{"label": "New", "placed_on": day(-1).isoformat()}]
    )
    assert labels(at) == ["Soon!", "New"]


# --- Summary -----------------------------------------------------------------------------


def test_the_summary_strip_counts_and_adds_up_money_at_stake():
    rows = [
        order("Overdue", -1, problem="not_arrived", total_paid=Decimal("10.00")),
        order("Soon", 3, problem="not_arrived", total_paid=Decimal("5.50"), currency="EUR"),
        order("Week", 7),
        order("Later", 20),
        order("Settled", 20, received=True, receipt_confirmed_on=day(-2)),
        order("Broken", 20, shipped_on=day(-40)),
    ]
    at = start(rows)
    assert (metric(at, "Act now"), metric(at, "This week"), metric(at, "Later"), metric(at, "Settled")) == (
        "2",
        "1",
        "1",
        "1",
    )
    money = next(m.value for m in at.markdown if "Money at stake" in m.value)
    assert "$10.00" in money and "€5.50" in money
    assert "1 order has dates that don't fit together" in messages(at)


def test_statuses_show_a_material_icon_and_the_tiles_words_never_an_emoji():
    at = start([order("Overdue", -1), order("Later", 25)])
    cards = [m.value for m in at.markdown if ":material/" in m.value]
    assert ":material/error:" in cards[0] and "Act now" in cards[0]
    assert ":material/hourglass_empty:" in cards[1] and "**Later**" in cards[1], "the tile's word, not another"
    page = "\n".join(m.value for m in at.markdown)
    assert not re.search("[\U0001f300-\U0001faff\u2600-\u27bf]", page), "no emoji a phone may not draw"


# --- Picking an order ----------------------------------------------------------------------


def test_picking_an_order_opens_its_full_plan():
    at = start([order("Headphones", 2), order("Lamp", 25)])
    at.button(key="open_headphones").click().run()
    assert not at.exception, at.exception
    shown = "\n".join(m.value for m in at.markdown)
    assert "Steps" in shown and at.get("plotly_chart")


def test_a_plans_calendar_names_the_order_as_the_pages_calendar_does(monkeypatch):
    """Importing both files must update the same reminders, not add a second set."""
    calendars: list[bytes] = []
    deferred, sent = MediaFileManager.add_deferred, MediaFileManager.add

    def capture_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        if file_name == "aliexpress-deadlines.ics":
            calendars.append(data_callable())
        return deferred(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)

    def capture_sent(self, data, mimetype, coordinates, file_name=None, **kwargs):
        if file_name == "aliexpress-deadlines.ics":
            calendars.append(data)
        return sent(self, data, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", capture_deferred)
    monkeypatch.setattr(MediaFileManager, "add", capture_sent)
    at = start([order("Headphones", 2, id="headphones", problem="not_arrived")])
    calendars.clear()
    at.button(key="open_headphones").click().run()
    uids = [{str(e["uid"]) for e in Calendar.from_ical(data).walk("VEVENT")} for data in calendars]
    assert len(uids) == 2 and all(uids), "the page's calendar and the plan's"
    assert uids[0] == uids[1]


NUMBER_HINT = "Add the order number under “Change this order's details” to fill it in."


def test_the_order_number_typed_in_the_table_fills_the_plans_messages():
    at = start([order("Headphones", 2, problem="not_arrived")])
    at.button(key="open_headphones").click().run()
    assert at.code and NUMBER_HINT in [c.value for c in at.caption]
    at = edit(at, edited={0: {"order_number": "8123 4567 8901 2345"}})
    [row] = rows_of(at)
    assert row.order_number == "8123456789012345"
    assert at.code and all("8123456789012345" in c.value for c in at.code)
    assert NUMBER_HINT not in [c.value for c in at.caption]


PROTECTION_HINT = "Add it as “Protection ends” under “Change this order's details”\\."


def test_a_plan_on_the_usual_protection_points_to_the_tables_protection_end_column():
    at = start([order("Headphones", 30, problem="not_arrived", protection_days=60)])
    at.button(key="open_headphones").click().run()
    assert PROTECTION_HINT in [c.value for c in at.caption]
    at = edit(at, edited={0: {"protection_ends_on": day(40).isoformat()}})
    [row] = rows_of(at)
    assert row.protection_ends_on == day(40)
    assert not at.exception, at.exception
    assert PROTECTION_HINT not in [c.value for c in at.caption]


def test_a_protection_end_before_shipping_is_reported_by_its_column():
    at = start([order("Lamp", 25)])
    at = edit(at, edited={0: {"protection_ends_on": day(-31).isoformat()}})
    at.button(key="open_lamp").click().run()
    assert not at.exception, at.exception
    assert "Protection ends: Buyer protection ends after the order ships" in "\n".join(e.value for e in at.error)


def test_a_bad_order_number_in_the_table_is_reported_and_undone():
    at = start([order("Lamp", 25)])
    before = rows_of(at)
    at = edit(at, edited={0: {"order_number": "12-ab"}})
    assert rows_of(at) == before
    assert "Lamp, Order number: An order number is 8 to 20 digits" in messages(at)


def test_picking_an_order_with_contradictions_lists_them():
    at = start([order("Broken", 20, shipped_on=day(-40))])
    at.button(key="open_broken").click().run()
    assert "Shipped" in messages(at)


# --- Files ---------------------------------------------------------------------------------


def upload(at: AppTest, name: str, data: bytes, mime: str = "text/csv") -> AppTest:
    uploader = next(u for u in at.get("file_uploader"))
    uploader.set_value((name, data, mime))
    at.run()
    assert not at.exception, at.exception
    return at


def test_importing_a_good_file_adds_its_orders_and_the_same_file_again_adds_nothing():
    at = start([order("Mine", 25)])
    data = export_csv([order("Lamp", 10), order("Cable", 3)]).encode(CSV_ENCODING)
    at = upload(at, "orders.csv", data)
    assert labels(at) == ["Mine", "Lamp", "Cable"] and "Imported 2 new orders" in messages(at)
    at = upload(at, "orders.csv", data)
    assert labels(at) == ["Mine", "Lamp", "Cable"] and "Nothing new in orders\\.csv" in messages(at)


def test_importing_json_works_too():
    at = start()
    at = upload(at, "backup.json", export_json([order("Lamp", 10)]).encode(), "application/json")
    assert labels(at) == ["Lamp"]


def test_a_file_with_bad_rows_keeps_the_good_ones_and_names_each_bad_one():
    at = start([order("Mine", 25)])
    data = "\n".join(
        [
            "label,placed_on,total_paid,tracking",
            "Good,2026-10-01,5,none",
            "Bad date,01/10/2026,5,none",
            "Bad money,2026-10-01,lots,none",
            "Bad choice,2026-10-01,5,lost",
            '=HYPERLINK("http://x"),2026-10-02,1,none',
        ]
    ).encode()
    at = upload(at, "mixed.csv", data)
    assert labels(at) == ["Mine", "Good", '=HYPERLINK("http://x")']
    text = messages(at)
    assert "Row 3, Placed" in text and "Row 4, Paid" in text and "Row 5, Tracking" in text


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("junk.csv", b"\x00" * 2_000_000),
        ("junk.csv", b"name,price\nLamp,5\n"),
        ("junk.json", b'{"orders": [1, 2'),
        ("photo.csv", bytes(range(256)) * 10),
    ],
    ids=["too big", "wrong columns", "broken json", "binary"],
)
def test_a_hostile_file_gets_a_clear_message_and_changes_nothing(name, data):
    mine = [order("Mine", 25), order("Also mine", 3)]
    at = start(mine)
    at = upload(at, name, data)
    assert rows_of(at) == mine
    assert "nothing already in your table was changed" in messages(at)


def test_names_from_files_and_visitors_are_shown_as_text_in_the_messages():
    pixel = "![p](https://tracker.example/p.png)"
    live_link = re.compile(r"(?<!\\)\]\s*(?<!\\)\(")
    at = start()
    at = upload(at, f"{pixel}.csv", f"label,placed_on,{pixel}\nLamp {pixel},2026-10-01,x\n".encode())
    assert "Imported 1 new order" in messages(at) and not live_link.search(messages(at))
    at.text_input(key="add_label").input(f"[prize](https://phish.example) {pixel}")
    at.date_input(key="add_placed").set_value(day(-3))
    at.button[0].click().run()
    assert "Added" in messages(at) and not live_link.search(messages(at))


def test_any_file_is_taken_whatever_its_name():
    at = start([order("Mine", 25)])
    at = upload(at, "orders", export_csv([order("Lamp", 10)]).encode())
    assert labels(at) == ["Mine", "Lamp"]


def test_the_uploaded_file_is_let_go_after_import():
    at = start()
    at = upload(at, "orders.csv", export_csv([order("Lamp", 10)]).encode())
    assert at.get("file_uploader")[0].value is None


@pytest.fixture
def downloads(monkeypatch):
    """The files the page's download buttons would send, made on demand as a click would."""
    made: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def capture(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        made[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", capture)
    return made


def test_exports_hold_the_whole_table(downloads):
    rows = [order("Lamp 💡", 10, id="lamp"), order("=cmd|' /C calc'!A0", 3, id="calc", problem="not_arrived")]
    start(rows)
    text = downloads["aliexpress-orders.csv"]().decode(CSV_ENCODING)
    lines = list(csv.reader(io.StringIO(text)))
    assert [line[1] for line in lines[1:]] == ["Lamp 💡", "'=cmd|' /C calc'!A0"]
    assert json.loads(downloads["aliexpress-orders.json"]())["orders"][0]["label"] == "Lamp 💡"
    calendar = Calendar.from_ical(downloads["aliexpress-deadlines.ics"]())
    events = calendar.walk("VEVENT")
    assert events and all(event.walk("VALARM") for event in events)
    assert any(str(event["summary"]).startswith("Lamp 💡") for event in events)


def test_downloads_are_off_while_the_table_is_empty():
    at = start()
    assert all(button.proto.disabled for button in at.get("download_button"))


# --- Settings and forgetting ------------------------------------------------------------------


def test_the_country_changes_the_working_days_of_refunds():
    # Processed on Saturday 21 November 2026: the 20 working days cross US Thanksgiving (26 November).
    refund = order(
        "Refund",
        20,
        received=True,
        problem="fake",
        dispute_status="closed",
        dispute_opened_on=day(-20),
        dispute_closed_on=day(-6),
        refund_processed_on=day(-5),
    )
    at = start([refund])
    plain = at.get("dataframe")[0].value["deadline"][0]
    at.selectbox(key="country").set_value("US").run()
    assert not at.exception, at.exception
    american = at.get("dataframe")[0].value["deadline"][0]
    assert american > plain


def test_forget_everything_empties_the_table():
    at = start([order("Lamp", 10), order("Cable", 3)])
    at.button(key="forget_everything").click().run()
    assert rows_of(at) == [] and "no orders are kept" in messages(at)
    assert not at.get("dataframe")
