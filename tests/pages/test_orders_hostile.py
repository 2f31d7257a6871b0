"""Hostile orders files (issue 5): random bytes, cut-off files, other encodings, 10 MB, formulas.

Through core.order_files.import_orders (many examples, fast) and through the orders page's
own uploader under AppTest (fewer, slower), whatever the file:

- no exception, and every problem is a short sentence for people (no traceback, no
  validator jargon), with a row number;
- a file that gives no order says why;
- what the table already held is still there, unchanged;
- a good file in another encoding (Windows-1252, Latin-1, UTF-16, UTF-8 without BOM)
  reads exactly as the UTF-8 file would; a cut-off file gives back its complete rows;
- text stays text on the page.

Runs in well under a minute; HYPOTHESIS_PROFILE=long runs fifty times as many examples.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

if not (Path(__file__).resolve().parents[2] / "pages" / "orders.py").exists():
    pytest.skip("no orders page yet", allow_module_level=True)
pytest.importorskip("core.order_files")

from core.order_files import CSV_ENCODING, MAX_PROBLEMS, export_csv, export_json, import_orders
from core.orders import FIELDS, MAX_ORDERS, OrderRow, RowProblem, merge
from tests.support.hostile_budget import LONG, budget
from tests.support.orders import TODAY, messages, order, rows_of, start
from tests.support.text_safety import html_problems, markup_problems

pytestmark = pytest.mark.timeout(0 if LONG else 300)


JARGON = (
    "Traceback",
    "pydantic",
    "ValidationError",
    "validation error",
    "errors.pydantic.dev",
    "Input should",
    "String should",
    "object at 0x",
    "Error(",
)
NAMES = ["orders.csv", "orders.json", "orders", "ORDERS.CSV", "backup.JSON", "notes.txt", ""]
MINE = [order("Mine", 25), order("Also mine", 3, problem="not_arrived")]


def check_result(result, data: bytes) -> None:
    """What every import must give back, whatever the file."""
    assert isinstance(result.rows, list) and all(isinstance(row, OrderRow) for row in result.rows)
    assert len(result.rows) <= MAX_ORDERS
    assert len(result.problems) <= MAX_PROBLEMS + 1
    for problem in result.problems:
        assert isinstance(problem, RowProblem) and problem.row >= 0
        assert isinstance(problem.message, str) and 0 < len(problem.message) <= 300, problem
        assert not any(word in problem.message for word in JARGON), problem
    if not result.rows and not result.problems:
        assert empty_orders_file(data), "a file that gives no order must say why"


def empty_orders_file(data: bytes) -> bool:
    """A well-formed orders file with no orders in it (nothing to say about it but "nothing new")."""
    for encoding in ("utf-8-sig", "utf-16", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return False
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        first = text.lstrip("\ufeff").split("\n", 1)[0].lower().replace(" ", "_")
        return "placed_on" in first
    if isinstance(value, dict):
        value = value.get("orders")
    return value == [] or (isinstance(value, list) and all(isinstance(item, dict) and not item for item in value))


# --- Rows to write into files -------------------------------------------------------------

HOSTILE_LABELS = [
    "<script>alert(1)</script>",
    "<b>bold</b>",
    "[click](javascript:alert(1))",
    "![pixel](https://tracker.example/p.png)",
    '=HYPERLINK("https://evil.example","x")',
    "=1+1",
    "+1",
    "-1",
    "@SUM(A1)",
    "'quoted",
    "''twice",
    "'; DROP TABLE orders; --",
    "\u202egnp.exe",
    "a\u200bb",
    "שלום",
    "🎧 Headphones",
    'a,b;c\td"e',
    "line\nbreak",
    "",
    "x" * 120,
]


def labels(alphabet=None, codec: str | None = None) -> st.SearchStrategy[str]:
    """Hostile and random labels; with a codec, only ones it can write."""
    text = st.text(st.characters(exclude_categories=("Cs",)) if alphabet is None else alphabet, max_size=40)
    fixed = [label for label in HOSTILE_LABELS if codec is None or label.encode(codec, "ignore").decode(codec) == label]
    return st.one_of(st.sampled_from(fixed), text)


@st.composite
def order_rows(draw, alphabet=None, codec: str | None = None) -> OrderRow:
    placed = draw(st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)))
    shipped = draw(st.one_of(st.none(), st.just(placed + dt.timedelta(days=2))))
    return OrderRow(
        id=draw(st.from_regex(r"[A-Za-z0-9_-]{1,20}", fullmatch=True)),
        label=draw(labels(alphabet, codec)),
        placed_on=placed,
        shipped_on=shipped,
        total_paid=draw(st.decimals(0, 100_000, places=2)),
        currency=draw(st.sampled_from(["USD", "EUR", "GBP"])),
        protection_days=draw(st.integers(1, 180)),
        problem=draw(st.sampled_from(["none", "not_arrived", "fake"])),
    )


def tables(alphabet=None, codec: str | None = None) -> st.SearchStrategy[list[OrderRow]]:
    return st.lists(order_rows(alphabet, codec), min_size=1, max_size=6, unique_by=lambda row: row.id).filter(
        lambda rows: len({tuple(getattr(r, f) for f in FIELDS if f != "id") for r in rows}) == len(rows)
    )


# --- Through core ------------------------------------------------------------------------


@budget(1000)
@given(st.binary(max_size=3000), st.sampled_from(NAMES))
@example(b"", "orders.csv")
@example(b"\xff\xfe", "orders.csv")
@example(b"\xfe\xff\x00", "orders.csv")
@example(b"\x00" * 100, "orders.csv")
@example(b"[" * 100_000, "orders.json")
@example(b'{"orders": ' * 5000, "orders.json")
@example(b"placed_on\n" + b'"' * 3000, "orders.csv")
@example(bytes(range(256)) * 4, "orders.csv")
def test_random_bytes_never_break_the_import(data, name):
    result = import_orders(data, name)
    check_result(result, data)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats()
    | st.text(max_size=30)
    | st.sampled_from(
        [
            "2026-11-01",
            "2026-02-30",
            "0001-01-01",
            "9999-12-31",
            "yes",
            "no",
            "1e999",
            "NaN",
            "-0",
            "USD",
            "usd",
            "fake",
            "open",
        ]
    ),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3),
    max_leaves=8,
)


@budget(500)
@given(
    st.lists(st.dictionaries(st.sampled_from([*FIELDS, "extra", "<b>x</b>"]), json_values, max_size=8), max_size=5),
    st.booleans(),
)
def test_random_json_orders_never_break_the_import(items, wrapped):
    document = {"format": "aliexpress-dispute-wizard/orders", "version": 1, "orders": items} if wrapped else items
    data = json.dumps(document, allow_nan=True).encode()
    result = import_orders(data, "orders.json")
    check_result(result, data)


@budget(500)
@given(
    st.lists(
        st.lists(st.one_of(labels(), st.sampled_from(["2026-11-01", "12,50", "yes", "fake", ""])), max_size=8),
        max_size=6,
    ),
    st.lists(
        st.sampled_from([*FIELDS, "Placed On", " placed_on ", "'placed_on", "<b>x</b>", ""]), min_size=1, max_size=8
    ),
    st.sampled_from([",", ";", "\t"]),
)
def test_random_csv_never_breaks_the_import(cells, header, separator):
    lines = [separator.join(header), *(separator.join(row) for row in cells)]
    data = "\r\n".join(lines).encode("utf-8")
    result = import_orders(data, "orders.csv")
    check_result(result, data)


@budget(300)
@given(tables(st.characters(codec="ascii", exclude_categories=("Cs", "Cc")), "ascii"), st.data())
def test_a_cut_off_file_gives_back_its_complete_rows(rows, data):
    for blob, name in (
        (export_csv(rows).encode(CSV_ENCODING), "orders.csv"),
        (export_json(rows).encode("utf-8"), "orders.json"),
    ):
        cut = data.draw(st.integers(0, len(blob)), label=f"cut of {name}")
        result = import_orders(blob[:cut], name)
        check_result(result, blob[:cut])
        got = result.rows
        if cut == len(blob):
            assert got == rows
        elif name.endswith(".csv"):
            assert got[:-1] == rows[: max(len(got) - 1, 0)], "every complete row comes back as it was"
            assert len(got) <= len(rows)
        else:
            assert got == [] and result.problems, "a cut-off JSON file is refused whole, with a reason"


def test_a_utf8_file_cut_inside_a_character_keeps_its_complete_rows():
    """Not misread as Windows-1252 (which garbled every label and dropped the ids)."""
    rows = [order(f"🎧 Café {n}", 10 + n, id=f"row{n}") for n in range(3)]
    blob = export_csv(rows).encode(CSV_ENCODING)
    cut = blob.rindex("🎧".encode()) + 2
    result = import_orders(blob[:cut], "orders.csv")
    check_result(result, blob[:cut])
    assert result.rows[:2] == rows[:2]


LATIN_1 = st.characters(codec="latin-1", exclude_categories=("Cs", "Cc"))
CP1252 = st.one_of(LATIN_1, st.sampled_from("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"))


@budget(200)
@given(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252"]), st.data())
def test_other_encodings_read_the_same_orders(encoding, data):
    alphabet = {"latin-1": LATIN_1, "cp1252": CP1252}.get(encoding)
    rows = data.draw(tables(alphabet, encoding if alphabet is not None else None), label="rows")
    blob = export_csv(rows).encode(encoding)
    if encoding in ("latin-1", "cp1252"):
        try:
            blob.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            assume(blob.isascii())  # bytes that are also valid UTF-8 ("Â¡") are read as UTF-8, as they should
    result = import_orders(blob, "orders.csv")
    check_result(result, blob)
    assert result.rows == rows and not result.problems


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32"])
def test_text_in_an_unreadable_encoding_is_refused_with_a_reason(encoding):
    blob = export_csv([order("Lamp", 10)]).encode(encoding)
    result = import_orders(blob, "orders.csv")
    check_result(result, blob)
    assert result.rows == [] and result.problems


TEN_MB = 10 * 1024 * 1024


def ten_megabytes(kind: str) -> bytes:
    if kind == "junk":
        return b"x" * TEN_MB
    if kind == "csv":
        header, line = export_csv([order("Lamp", 10)]).encode(CSV_ENCODING).split(b"\r\n", 1)
        return header + b"\r\n" + line * (TEN_MB // len(line))
    return b"[" + b"{}," * (TEN_MB // 3) + b"{}]"


@pytest.mark.parametrize("kind", ["junk", "csv", "json"])
def test_ten_megabytes_are_refused_unread(kind):
    data = ten_megabytes(kind)
    assert len(data) >= TEN_MB
    result = import_orders(data, "big.csv")
    check_result(result, data)
    assert result.rows == [] and len(result.problems) == 1 and "MB" in result.problems[0].message


@budget(200)
@given(
    st.lists(
        st.sampled_from(["=", "+", "-", "@", "'", "''", "=cmd|' /C calc'!A0", '=HYPERLINK("x")']),
        min_size=1,
        max_size=3,
    ).map("".join),
    st.text(max_size=10),
)
def test_formula_cells_come_back_as_the_same_text(start_text, rest):
    mine = order(start_text + rest, 10, id="formula")
    blob = export_csv([mine]).encode(CSV_ENCODING)
    cells = blob.decode(CSV_ENCODING).splitlines()[1]
    assert not cells.split(",", 2)[1].lstrip('"').startswith(("=", "+", "-", "@")), "no cell starts a formula"
    result = import_orders(blob, "orders.csv")
    assert result.rows == [mine] and not result.problems


@budget(300)
@given(st.lists(order_rows(), max_size=4, unique_by=lambda row: row.id), st.binary(max_size=2000))
def test_nothing_already_kept_is_lost(kept, data):
    merged = merge(kept, import_orders(data, "orders.csv").rows)
    assert merged.rows[: len(kept)] == kept


# --- Through the page's uploader -------------------------------------------------------------


def upload(at, name: str, data: bytes):
    at.get("file_uploader")[0].set_value((name, data, "text/csv"))
    at.run()
    return at


def check_page_after(at) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert rows_of(at)[: len(MINE)] == MINE, "what the table held is still there, unchanged"
    assert messages(at), "the import says what happened"
    assert not html_problems(at), html_problems(at)
    assert at.get("file_uploader")[0].value is None, "the file is let go"


page_files = st.one_of(
    st.binary(max_size=2000),
    tables().map(lambda rows: export_csv(rows).encode(CSV_ENCODING)),
    st.tuples(tables(), st.floats(0, 1)).map(
        lambda t: export_csv(t[0]).encode(CSV_ENCODING)[: int(len(export_csv(t[0]).encode(CSV_ENCODING)) * t[1])]
    ),
    st.tuples(tables(LATIN_1, "latin-1"), st.sampled_from(["latin-1", "utf-16"])).map(
        lambda t: export_csv(t[0]).encode(t[1])
    ),
    tables().map(lambda rows: export_json(rows).encode()),
)


@budget(25)
@given(page_files, st.sampled_from(["orders.csv", "orders.json", "ORDERS.CSV", "orders"]))
@example(b"\x00" * (10 * 1024 * 1024), "orders.csv")
@example(b'placed_on,label\n2026-10-01,=HYPERLINK("https://evil.example")\n', "orders.csv")
def test_the_page_takes_any_file_and_keeps_what_it_had(data, name):
    at = start(MINE)
    at = upload(at, name, data)
    check_page_after(at)
    expected = merge(MINE, import_orders(data, name).rows).rows
    assert rows_of(at) == expected


def test_the_page_imports_formula_cells_as_text_and_exports_them_quoted():
    at = start(MINE)
    data = "\r\n".join(
        [
            "label,placed_on",
            '"=HYPERLINK(""https://evil.example"",""x"")",2026-10-01',
            "+cmd|' /C calc'!A0,2026-10-02",
            "@SUM(A1),2026-10-03",
        ]
    ).encode()
    at = upload(at, "formulas.csv", data)
    check_page_after(at)
    added = [row.label for row in rows_of(at)[len(MINE) :]]
    assert added == ['=HYPERLINK("https://evil.example","x")', "+cmd|' /C calc'!A0", "@SUM(A1)"]
    exported = export_csv(rows_of(at))
    for label in added:
        assert "'" + label.replace('"', '""') in exported


@pytest.mark.parametrize("case", ["file name", "unknown column", "json field", "added label", "bad edit label"])
def test_text_from_a_file_or_a_visitor_is_shown_as_text_in_the_notes(case):
    """File names, unknown column names and labels are escaped before they go into a note (Markdown)."""
    at = start(MINE)
    pixel = "![pixel](https://tracker.example/p.png)"
    if case == "file name":
        at = upload(at, f"{pixel}.csv", export_csv([order("Lamp", 10)]).encode(CSV_ENCODING))
    elif case == "unknown column":
        at = upload(at, "orders.csv", f"label,placed_on,{pixel}\nLamp,2026-10-01,x\n".encode())
    elif case == "json field":
        at = upload(at, "orders.json", json.dumps([{"label": "Lamp", "placed_on": "2026-10-01", pixel: 1}]).encode())
    elif case == "added label":
        at.text_input(key="add_label").input(f"[win a prize](https://phish.example) {pixel}"[:120])
        at.date_input(key="add_placed").set_value(TODAY - dt.timedelta(days=3))
        at.button[0].click().run()
    else:
        at = start([*MINE, order(f"Lamp {pixel}", 10, id="lamp")])
        version = at.session_state.get("orders_editor_version", 0)
        position = at.session_state["orders_shown_ids"].index("lamp")
        at.session_state[f"orders_editor_{version}"] = {
            "edited_rows": {position: {"protection_days": 0}},
            "added_rows": [],
            "deleted_rows": [],
        }
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert messages(at)
    assert not markup_problems(at), markup_problems(at)


def test_a_hostile_label_in_the_table_is_shown_as_text_elsewhere_on_the_page():
    """The card, the table, the chart and the opened plan show the label as plain text."""
    pixel = "<img src=x onerror=alert(1)> ![p](https://tracker.example/p.png)"
    at = start([order(f"Lamp {pixel}", 10, id="lamp", problem="not_arrived")])
    at.button(key="open_lamp").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert not html_problems(at) and not markup_problems(at), html_problems(at) + markup_problems(at)
