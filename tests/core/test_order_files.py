"""The orders table's files in core: CSV and JSON round trips, and files that are not orders files.

TODAY is Thursday 2026-11-26; `row(...)` is the order of tests/core/test_orders.py.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.models import Payment, Problem, Tracking
from core.order_files import (
    CSV_ENCODING,
    MAX_FILE_BYTES,
    MAX_PROBLEMS,
    export_csv,
    export_json,
    import_orders,
)
from core.orders import FIELDS, MAX_ORDERS, OrderRow, content_key, merge, row_to_case
from tests.core.test_orders import day, row

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_bytes(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def problems_of(result) -> set[tuple[int, str]]:
    return {(p.row, p.field) for p in result.problems}


# --- Importing twice ----------------------------------------------------------------


def test_importing_the_same_file_twice_adds_nothing():
    text = export_csv([row("a"), row("b", total_paid="5")]).encode()
    first = merge([], import_orders(text, "orders.csv").rows)
    second = merge(first.rows, import_orders(text, "orders.csv").rows)
    assert first.added == 2 and second.added == 0 and second.rows == first.rows


def test_a_file_without_ids_imports_the_same_way_twice():
    data = csv_bytes("label,placed_on", "Lamp,2026-10-01", "Cable,2026-10-02")
    first, again = import_orders(data, "x.csv"), import_orders(data, "x.csv")
    assert [r.id for r in first.rows] == [r.id for r in again.rows]
    assert merge(first.rows, again.rows).added == 0


def test_a_file_from_before_the_protection_end_column_keeps_its_ids():
    data = csv_bytes("label,placed_on", "Lamp,2026-10-01")
    [lamp] = import_orders(data, "x.csv").rows
    assert lamp.protection_ends_on is None and lamp.id == "4e295bbcb29c"
    [dated] = import_orders(csv_bytes("label,placed_on,protection_ends_on", "Lamp,2026-10-01,2026-12-20"), "x.csv").rows
    assert dated.protection_ends_on == dt.date(2026, 12, 20) and dated.id != lamp.id


def test_the_protection_end_goes_out_and_comes_back_in_csv_and_json():
    order = row("Lamp", protection_ends_on=day(20))
    assert "protection_ends_on" in export_csv([order]).splitlines()[0].split(",")
    assert json.loads(export_json([order]))["orders"][0]["protection_ends_on"] == day(20).isoformat()
    for data, name in ((export_csv([order]).encode(CSV_ENCODING), "o.csv"), (export_json([order]).encode(), "o.json")):
        assert import_orders(data, name).rows == [order]


def test_affected_items_go_out_and_come_back_and_old_files_keep_their_ids():
    [lamp] = import_orders(csv_bytes("label,placed_on,affected_value", "Lamp,2026-10-01,"), "x.csv").rows
    assert lamp.affected_value is None and lamp.id == "4e295bbcb29c"
    order = row("Lamp", affected_value="7.50")
    for data, name in ((export_csv([order]).encode(CSV_ENCODING), "o.csv"), (export_json([order]).encode(), "o.json")):
        assert import_orders(data, name).rows == [order]


def test_a_file_from_before_the_paid_with_column_keeps_its_ids():
    [lamp] = import_orders(csv_bytes("label,placed_on,paid_with", "Lamp,2026-10-01,"), "x.csv").rows
    assert lamp.paid_with is None and lamp.id == "4e295bbcb29c"
    [card] = import_orders(csv_bytes("label,placed_on,paid_with", "Lamp,2026-10-01,card"), "x.csv").rows
    assert card.paid_with is Payment.card and card.id != lamp.id


def test_how_it_was_paid_goes_out_and_comes_back_in_csv_and_json():
    orders = [row("Lamp", paid_with=payment) for payment in Payment] + [row("Cable")]
    header, *lines = list(csv.reader(io.StringIO(export_csv(orders))))
    column = header.index("paid_with")
    assert [line[column] for line in lines] == ["card", "paypal", "aliexpress", "other", ""]
    assert [o["paid_with"] for o in json.loads(export_json(orders))["orders"]][-2:] == ["other", None]
    for data, name in ((export_csv(orders).encode(CSV_ENCODING), "o.csv"), (export_json(orders).encode(), "o.json")):
        result = import_orders(data, name)
        assert result.problems == [] and result.rows == orders


@pytest.mark.parametrize("value", ["bitcoin", "PayPal", "cash on delivery", "=1+1", 5, True])
def test_an_unknown_way_of_paying_is_a_problem_on_its_column_in_csv_and_json(value):
    orders = [
        {"label": "Lamp", "placed_on": "2026-10-01", "paid_with": value},
        {"label": "Cable", "placed_on": "2026-10-01"},
    ]
    from_json = import_orders(json.dumps(orders).encode(), "o.json")
    assert [r.label for r in from_json.rows] == ["Cable"] and problems_of(from_json) == {(1, "paid_with")}
    assert "card, paypal, aliexpress, other" in from_json.problems[0].message
    cell = str(value).lower() if isinstance(value, bool) else str(value)
    from_csv = import_orders(
        csv_bytes("label,placed_on,paid_with", f"Lamp,2026-10-01,{cell}", "Cable,2026-10-01,"), "o.csv"
    )
    assert [r.label for r in from_csv.rows] == ["Cable"] and problems_of(from_csv) == {(2, "paid_with")}


def test_a_bad_import_changes_nothing_already_kept():
    mine = [row("mine")]
    for data in (b"\x00junk", b"x" * (MAX_FILE_BYTES + 1), csv_bytes("label,placed_on", "bad,yesterday")):
        merged = merge(mine, import_orders(data, "o.csv").rows)
        assert merged.rows == mine and merged.added == 0


# --- Round trips --------------------------------------------------------------------


def sample_rows() -> list[OrderRow]:
    return [
        row('🎧 Headphones, "wireless"', received=True, problem="fake", shipping_paid="2.49", currency="EUR"),
        row(
            "Lamp; with semicolon",
            dispute_status="closed",
            dispute_opened_on=day(-20),
            dispute_closed_on=day(-3),
            refund_processed_on=day(-2),
            satisfied=False,
            missing_items_value="1.00",
        ),
        row("", id="-starts-with-dash", tracking="in_transit", estimated_delivery=day(4), protection_days=90),
        row('=HYPERLINK("http://evil.example","click")'),
        row("'quoted already"),
        row("Numbered", order_number="8123456789012345"),
        row("Paid by PayPal", paid_with="paypal"),
        row("Paid with Bonus", paid_with="aliexpress", placed_on=day(-60)),
    ]


def test_csv_round_trip():
    rows = sample_rows()
    result = import_orders(export_csv(rows).encode(CSV_ENCODING), "orders.csv")
    assert result.problems == [] and result.rows == rows


def test_the_order_number_column_round_trips_as_text():
    numbered = row("Lamp", order_number="0081234567890123")
    text = export_csv([numbered, row("Cable")])
    header, first, second = list(csv.reader(io.StringIO(text)))
    assert header[:3] == ["id", "label", "order_number"]
    assert first[2] == "0081234567890123" and second[2] == ""
    assert import_orders(text.encode(CSV_ENCODING), "o.csv").rows == [numbered, row("Cable", id=second[0])]
    saved = json.loads(export_json([numbered]))["orders"][0]
    assert saved["order_number"] == "0081234567890123"
    assert import_orders(export_json([numbered]).encode(), "o.json").rows == [numbered]


def test_json_round_trip():
    rows = sample_rows()
    text = export_json(rows)
    assert json.loads(text)["version"] == 1
    result = import_orders(text.encode(), "orders.json")
    assert result.problems == [] and result.rows == rows


def test_csv_has_a_header_of_field_names_and_readable_cells():
    text = export_csv([row("Lamp", received=True)])
    header, line = list(csv.reader(io.StringIO(text)))
    assert header == list(FIELDS)
    cells = dict(zip(header, line, strict=True))
    assert cells["placed_on"] == day(-40).isoformat() and cells["total_paid"] == "20.00"
    assert cells["received"] == "yes" and cells["refund_received"] == "no" and cells["problem"] == "none"


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_exported_csv_never_starts_a_cell_like_a_formula(start):
    dangerous = row(f"{start}cmd|' /C calc'!A0", id="-1" if start == "-" else "x")
    text = export_csv([dangerous])
    for line in csv.reader(io.StringIO(text)):
        for cell in line:
            assert not cell.startswith(FORMULA_STARTS), cell
    assert import_orders(text.encode(), "o.csv").rows == [dangerous]


@st.composite
def order_rows(draw) -> OrderRow:
    dates = st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31)))
    money = st.decimals(min_value=0, max_value=10_000_000, places=2, allow_nan=False, allow_infinity=False)
    return OrderRow(
        id=draw(st.from_regex(r"[A-Za-z0-9_-]{1,64}", fullmatch=True)),
        label=draw(st.text(max_size=120)),
        order_number=draw(st.none() | st.from_regex(r"[0-9]{8,20}", fullmatch=True)),
        placed_on=draw(st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31))),
        shipped_on=draw(dates),
        estimated_delivery=draw(dates),
        receipt_confirmed_on=draw(dates),
        dispute_opened_on=draw(dates),
        negotiation_ends_on=draw(dates),
        dispute_closed_on=draw(dates),
        refund_processed_on=draw(dates),
        seller_contacted_on=draw(dates),
        protection_ends_on=draw(dates),
        protection_days=draw(st.integers(1, 180)),
        received=draw(st.booleans()),
        free_return=draw(st.booleans()),
        refund_received=draw(st.booleans()),
        satisfied=draw(st.booleans()),
        tracking=draw(st.sampled_from(Tracking)),
        problem=draw(st.sampled_from(Problem)),
        dispute_status=draw(st.sampled_from(["none", "open", "cancelled", "closed"])),
        total_paid=draw(money),
        shipping_paid=draw(money),
        missing_items_value=draw(st.none() | money),
        currency=draw(st.sampled_from(["USD", "EUR", "GBP", "PLN"])),
        paid_with=draw(st.none() | st.sampled_from(Payment)),
    )


def distinct(rows: list[OrderRow]) -> list[OrderRow]:
    """The rows an import keeps: the first of each id and of each set of details."""
    seen_ids, seen_contents, out = set(), set(), []
    for r in rows:
        if r.id not in seen_ids and content_key(r) not in seen_contents:
            out.append(r)
        seen_ids.add(r.id)
        seen_contents.add(content_key(r))
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(order_rows(), max_size=6))
def test_any_table_survives_csv_and_json(rows):
    kept = distinct(rows)
    from_csv = import_orders(export_csv(kept).encode(CSV_ENCODING), "t.csv")
    from_json = import_orders(export_json(kept).encode(), "t.json")
    assert from_csv.rows == kept and from_json.rows == kept
    assert all(p.field == "id" for p in from_csv.problems)


# --- Bad files ----------------------------------------------------------------------


@pytest.mark.parametrize("cell", ["1234567", "123456789012345678901", "81234567890123x5", "#8123456789012345"])
def test_a_bad_order_number_is_reported_on_its_column_in_words(cell):
    result = import_orders(
        csv_bytes("label,order_number,placed_on", f"Lamp,{cell},2026-10-01", "Cable,8123456789012345,2026-10-01"),
        "o.csv",
    )
    assert [r.label for r in result.rows] == ["Cable"] and problems_of(result) == {(2, "order_number")}
    assert "8 to 20 digits" in result.problems[0].message


HEADER = "label,placed_on,shipped_on,total_paid,received,tracking,protection_days,currency,protection_ends_on"


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("Lamp,26/11/2026,,,,,,", "placed_on"),
        ("Lamp,2026-02-30,,,,,,", "placed_on"),
        ("Lamp,2026-10-01,soon,,,,,", "shipped_on"),
        ("Lamp,2026-10-01,,twelve,,,,", "total_paid"),
        ("Lamp,2026-10-01,,-5,,,,", "total_paid"),
        ("Lamp,2026-10-01,,12.345,,,,", "total_paid"),
        ("Lamp,2026-10-01,,,maybe,,,", "received"),
        ("Lamp,2026-10-01,,,,lost,,", "tracking"),
        ("Lamp,2026-10-01,,,,,0,", "protection_days"),
        ("Lamp,2026-10-01,,,,,181,", "protection_days"),
        ("Lamp,2026-10-01,,,,,,dollars", "currency"),
        ("Lamp,2026-10-01,,,,,,,20/12/2026", "protection_ends_on"),
        (",,2026-10-01,,,,,", "placed_on"),
        ("x" * 121 + ",2026-10-01,,,,,,", "label"),
    ],
)
def test_each_bad_cell_is_reported_by_row_and_column_and_good_rows_kept(line, field):
    result = import_orders(csv_bytes(HEADER, "Good one,2026-10-01,,,,,,", line, "Another,2026-10-02,,,,,,"), "o.csv")
    assert [r.label for r in result.rows] == ["Good one", "Another"]
    assert problems_of(result) == {(3, field)}
    assert all(p.message for p in result.problems)


def test_a_row_with_too_many_cells_is_reported():
    result = import_orders(csv_bytes("label,placed_on", "Lamp,2026-10-01,surprise", "Cable,2026-10-01"), "o.csv")
    assert [r.label for r in result.rows] == ["Cable"] and problems_of(result) == {(2, "")}


def test_unknown_columns_are_reported_and_ignored():
    result = import_orders(csv_bytes("label,placed_on,colour", "Lamp,2026-10-01,red"), "o.csv")
    assert [r.label for r in result.rows] == ["Lamp"] and problems_of(result) == {(1, "colour")}


@pytest.mark.parametrize(
    "data",
    [
        csv_bytes("name,date,amount", "Lamp,2026-10-01,5"),
        csv_bytes("label,placed_on,placed_on", "Lamp,2026-10-01,2026-10-01"),
        b"",
        b"   \n\n",
        b"\x00\x01\x02binary\xff\xfe\x00",
        bytes(range(256)) * 100,
        b"not,an\x81,orders\x8d,file\x9d",
    ],
    ids=["wrong columns", "column twice", "empty", "blank", "binary", "all bytes", "bad encoding"],
)
def test_files_that_are_not_orders_files_are_refused_whole(data):
    result = import_orders(data, "orders.csv")
    assert result.rows == [] and len(result.problems) == 1
    assert result.problems[0].row == 0 and result.problems[0].message


def test_ten_megabytes_of_junk_are_refused_unread():
    junk = (b'=HYPERLINK("x"),' * 700_000)[: 10 * 1024 * 1024]
    result = import_orders(junk, "orders.csv")
    assert result.rows == [] and len(result.problems) == 1 and "1 MB" in result.problems[0].message
    assert len(junk) > MAX_FILE_BYTES


def test_a_nearly_full_size_junk_csv_lists_a_bounded_number_of_problems():
    lines = ["label,placed_on"] + [f"row {n},not a date" for n in range(30_000)]
    data = csv_bytes(*lines)
    assert len(data) < MAX_FILE_BYTES
    result = import_orders(data, "o.csv")
    assert result.rows == [] and len(result.problems) == MAX_PROBLEMS + 1
    assert result.problems[-1].row == 0 and "more" in result.problems[-1].message


def test_too_many_orders_are_cut_at_the_limit_with_a_message():
    lines = ["label,placed_on,total_paid"] + [f"order {n},2026-10-01,{n}" for n in range(MAX_ORDERS + 5)]
    result = import_orders(csv_bytes(*lines), "o.csv")
    assert len(result.rows) == MAX_ORDERS and [p.field for p in result.problems] == [""]


def test_repeated_rows_in_one_file_are_read_once_and_a_clashing_id_is_reported():
    result = import_orders(
        csv_bytes(
            "id,label,placed_on",
            "a1,Lamp,2026-10-01",
            "a1,Lamp,2026-10-01",
            "a1,Cable,2026-10-01",
            "b2,Lamp,2026-10-01",
        ),
        "o.csv",
    )
    assert [r.label for r in result.rows] == ["Lamp"] and result.repeated == 2
    assert problems_of(result) == {(4, "id")}


def test_spreadsheet_habits_are_understood():
    semicolons = "label;placed_on;total_paid;received\r\nLampe 💡;2026-10-01;12,50;Yes\r\n".encode("cp1252", "ignore")
    result = import_orders(semicolons, "export.csv")
    assert result.problems == []
    [lamp] = result.rows
    assert lamp.total_paid == Decimal("12.50") and lamp.received and lamp.label == "Lampe"
    windows = "label,placed_on\r\nCafé €5,2026-10-01\r\n".encode("cp1252")
    assert import_orders(windows, "x.csv").rows[0].label == "Café €5"
    utf16 = "label,placed_on\r\n🎧,2026-10-01\r\n".encode("utf-16")
    assert import_orders(utf16, "x.csv").rows[0].label == "🎧"


def test_a_utf8_file_cut_inside_a_character_keeps_the_rows_before_the_cut():
    rows = [row(f"🎧 Café {n}", id=f"r{n}") for n in range(3)]
    data = export_csv(rows).encode(CSV_ENCODING)
    result = import_orders(data[: data.rindex("🎧".encode()) + 2], "o.csv")
    assert result.rows == rows[:2] and problems_of(result) == {(4, "placed_on")}


def test_utf8_with_a_byte_order_mark_and_broken_bytes_is_refused():
    result = import_orders(b"\xef\xbb\xbflabel,placed_on\nCaf\xe9,2026-10-01\n", "o.csv")
    assert result.rows == [] and [p.row for p in result.problems] == [0]


@pytest.mark.parametrize(
    "text",
    ["{not json", "[" * 100_000 + "]" * 100_000, '{"format": "something-else", "orders": []}', '{"orders": 3}', '"hi"'],
    ids=["broken", "deep", "other format", "orders not a list", "a string"],
)
def test_bad_json_files_are_refused_whole(text):
    result = import_orders(text.encode(), "orders.json")
    assert result.rows == [] and [p.row for p in result.problems] == [0]


def test_bad_json_orders_are_reported_by_position_and_field():
    orders = [
        {"label": "ok", "placed_on": "2026-10-01"},
        "not an order",
        {"label": "bad", "placed_on": 1764000000},
        {"label": "extra", "placed_on": "2026-10-01", "colour": "red"},
        {"label": 5, "placed_on": "2026-10-01"},
        {"label": "no date"},
    ]
    result = import_orders(json.dumps({"orders": orders}).encode(), "orders.json")
    assert [r.label for r in result.rows] == ["ok", "extra"]
    assert problems_of(result) == {(2, ""), (3, "placed_on"), (4, "colour"), (5, "label"), (6, "placed_on")}


def test_a_bare_json_list_and_unnamed_files_are_read():
    text = json.dumps([{"label": "Lamp", "placed_on": "2026-10-01"}]).encode()
    assert [r.label for r in import_orders(text, "").rows] == ["Lamp"]
    assert [r.label for r in import_orders(csv_bytes("label,placed_on", "Cable,2026-10-01"), "").rows] == ["Cable"]


def test_problem_messages_follow_the_language(monkeypatch):
    import core.orders as orders  # a cell's problem is worded where the row is checked

    monkeypatch.setattr(orders, "_", lambda text: "«" + text + "»")
    result = import_orders(csv_bytes("label,placed_on", "Lamp,soon"), "o.csv")
    assert result.problems[0].message.startswith("«")


def test_the_return_cancellation_asks_and_choice_columns_go_out_and_come_back_and_old_files_keep_their_ids():
    [lamp] = import_orders(
        csv_bytes(
            "label,placed_on,cancelled_on,return_status,return_agreed_on,return_ship_by,return_sent_on,"
            "seller_asks,choice_order",
            "Lamp,2026-10-01,,,,,,,",
        ),
        "x.csv",
    ).rows
    assert lamp.return_status is None and lamp.choice_order is None and lamp.id == "4e295bbcb29c"
    returning = row(
        "Lamp",
        return_status="sent",
        return_agreed_on=day(-5),
        return_ship_by=day(3),
        return_sent_on=day(-1),
        seller_asks="return_first",
        choice_order=False,
    )
    cancelled = row("Cable", shipped_on=None, cancelled_on=day(-2), choice_order=True)
    for data, name in (
        (export_csv([returning, cancelled]).encode(CSV_ENCODING), "o.csv"),
        (export_json([returning, cancelled]).encode(), "o.json"),
    ):
        assert import_orders(data, name).rows == [returning, cancelled]
    assert "choice_order" in export_csv([returning]).splitlines()[0].split(",")


def test_the_proof_due_column_goes_out_and_comes_back_and_counts_only_for_an_open_dispute():
    asked = row("Lamp", dispute_status="open", dispute_opened_on=day(-6), proof_due_on=day(3))
    for data, name in (
        (export_csv([asked]).encode(CSV_ENCODING), "o.csv"),
        (export_json([asked]).encode(), "o.json"),
    ):
        assert import_orders(data, name).rows == [asked]
    case = row_to_case(asked)
    assert case.dispute is not None and case.dispute.proof_due_on == asked.proof_due_on
    closed = row_to_case(asked.model_copy(update={"dispute_status": "closed"}))
    assert closed.dispute is not None and closed.dispute.proof_due_on is None


def test_the_customs_pay_by_column_goes_out_and_comes_back_and_old_files_keep_their_ids():
    [old] = import_orders(csv_bytes("label,placed_on,tracking", "Lamp,2026-10-01,held_at_customs"), "x.csv").rows
    [empty] = import_orders(
        csv_bytes("label,placed_on,tracking,customs_pay_by", "Lamp,2026-10-01,held_at_customs,"), "x.csv"
    ).rows
    assert old.customs_pay_by is None and old.id == empty.id == "752f8c1e08df"
    held = row("Lamp", tracking="held_at_customs", customs_pay_by=day(5))
    for data, name in (
        (export_csv([held]).encode(CSV_ENCODING), "o.csv"),
        (export_json([held]).encode(), "o.json"),
    ):
        assert import_orders(data, name).rows == [held]
    assert "customs_pay_by" in export_csv([held]).splitlines()[0].split(",")
    assert row_to_case(held).order.customs_pay_by == held.customs_pay_by
