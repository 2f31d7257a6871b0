"""Hostile input, everywhere a browser can reach the wizard (issue 5).

Random and adversarial values (huge and negative numbers, dates in year 1 and 9999,
empty and 100 KB strings, HTML and <script>, right-to-left and zero-width characters,
emoji, SQL and spreadsheet formulas) go into every query parameter the wizard reads
(each question, step, label, days, country) and into its widgets, through AppTest.
Whatever comes in:

- no exception is rendered, and the wizard lands on a question (its widget drawn) or
  on the plan;
- every bad value read gets a short note (st.info) or a message in place (st.error),
  and what was good is kept;
- text is shown as text: no st.html, no unsafe_allow_html, no live markup in anything
  rendered as Markdown, and the order's name only inside st.code / st.text (and its own
  text box).

Widgets are driven the way AppTest drives them (what a browser sends), and also with
values only a hand-made client could send (`crafted`), since the server cannot trust
the browser.

Runs in about a minute on the 2-core machine (the examples are derandomized, so CI always
checks the same ones); HYPOTHESIS_PROFILE=long runs fifty times as many, freshly random.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest

from core.dates import known_countries
from core.models import AMOUNT_MAX, plain_line
from core.wizard.answers import PAST_EVENTS, MoneyAnswer, read_order_number
from core.wizard.questions import CURRENCIES, YES_FIRST_KINDS, questions
from core.wizard.route import next_question, route
from core.wording.said import form_safe
from tests.support.hostile_budget import LONG, budget
from tests.support.text_safety import assert_text_is_text, marker_places
from tests.support.wizard import ROUTES, TODAY, start, walk
from ui.plan_view import escape

pytestmark = pytest.mark.timeout(0 if LONG else 300)


CATALOG = questions()
QUESTION_KEYS = sorted(CATALOG)
COUNTRIES = known_countries()
NAME_MARK = "Nm7q"
"""Starts every order name a test types, so it can be found wherever the page shows it."""
REJECT_MARK = "Rj4x"
"""Starts hostile values that no question can accept, so the page must never show them."""

# --- Values -----------------------------------------------------------------------------

BIG = "A" * 100_000
HOSTILE_TEXTS = [
    "",
    " ",
    "\x00",
    "\r\n",
    "\t",
    "<script>alert(1)</script>",
    "<b>bold</b>",
    "<img src=x onerror=alert(1)>",
    "<iframe src=javascript:alert(1)>",
    "[click me](javascript:alert(1))",
    "![pixel](https://tracker.example/p.png)",
    "**bold** _it_ `code` # heading",
    '=HYPERLINK("https://evil.example","click")',
    "=1+1",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "'; DROP TABLE orders; --",
    "1 OR 1=1",
    "\u202egnp.exe",
    "\u200b\u200c\u200d\u2060\ufeff",
    "שלום עולם",
    "مرحبا",
    "😀🎧👨‍👩‍👧‍👦🏳️‍🌈",
    "{{7*7}}",
    "${7*7}",
    "%s%n%x",
    "../../etc/passwd",
    "null",
    "None",
    "undefined",
    "\\",
    BIG,
    "<b>" * 20_000,
]
NUMBER_TEXTS = [
    "-1",
    "-0",
    "0",
    "0.001",
    "1e309",
    "-1e309",
    "1e-309",
    "NaN",
    "sNaN",
    "Infinity",
    "-Infinity",
    "99999999999999999999999999999999",
    "10000000.01",
    "10000000",
    "1_000",
    " 5 ",
    "5.",
    ".5",
    "0x10",
    "5 usd",
    "5 USD",
    "5 XYZ",
    "5 USD return",
    "5 return",
    "5  USD",
    "-5 USD",
    "5 USD USD",
    "٣ USD",
    "²",
    "1" * 5000,
]
DATE_TEXTS = [
    "0001-01-01",
    "9999-12-31",
    "1999-12-31",
    "2000-01-01",
    "2026-02-30",
    "2026-13-01",
    "2026-11-26T00:00",
    "20261101",
    "2026-W45-1",
    "2026-11-27",
    "2031-11-26",
    "2032-01-01",
    "yesterday",
    "no",
    "No",
    " no",
    "NO",
]
CHOICE_TEXTS = sorted({c.value for q in CATALOG.values() for c in q.choices} | {"yes", "no", "YES", " yes"})


def texts() -> st.SearchStrategy[str]:
    """Random text as a browser can send it (no lone surrogates)."""
    return st.text(st.characters(exclude_categories=("Cs",)), max_size=80)


values = st.one_of(
    st.sampled_from(HOSTILE_TEXTS),
    st.sampled_from(HOSTILE_TEXTS).map(lambda text: REJECT_MARK + text),
    st.sampled_from(NUMBER_TEXTS),
    st.sampled_from(DATE_TEXTS),
    st.sampled_from(CHOICE_TEXTS),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(dt.date.isoformat),
    st.integers(-(10**30), 10**30).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.floats().map(repr),
    st.tuples(
        st.decimals(0, 20_000_000, places=2),
        st.sampled_from(["", " USD", " EUR", " usd", " XYZ", " return", " USD return"]),
    ).map(lambda t: f"{t[0]}{t[1]}"),
    texts(),
)

# --- Links ------------------------------------------------------------------------------


def days_crash(text: str) -> bool:
    """The days values that crash the page today (see test_odd_digits_in_days_get_a_note)."""
    return text.isdigit() and (not text.isdecimal() or len(text) > 4000)


@st.composite
def links(draw) -> dict[str, str | list[str]]:
    """A link as a visitor may bring it: good answers up to some point, then something hostile.

    Starting from a real route lets the hostile value reach deep questions, since the
    wizard stops reading a link at its first bad answer.
    """
    steps = ROUTES[draw(st.sampled_from(sorted(ROUTES)))][0]
    good = draw(st.integers(0, len(steps)))
    params: dict[str, str | list[str]] = dict(steps[:good])
    if good < len(steps):
        params[steps[good][0]] = draw(values)
    for key in draw(st.lists(st.sampled_from([*QUESTION_KEYS, "step", "days", "country", "<b>x</b>", ""]), max_size=3)):
        params[key] = draw(values)
    if draw(st.booleans()):
        params["step"] = draw(st.one_of(st.sampled_from([*QUESTION_KEYS, "plan", "PLAN"]), values))
    if draw(st.booleans()):
        params["label"] = NAME_MARK + draw(values).replace(REJECT_MARK, "")
    if draw(st.booleans()):
        params["number"] = draw(st.one_of(st.from_regex(r"[0-9][0-9 -]{6,24}[0-9]", fullmatch=True), values))
    if draw(st.booleans()):
        params["days"] = draw(st.one_of(st.integers(-1000, 1000).map(str), values))
    if draw(st.booleans()):
        params["country"] = draw(st.one_of(st.sampled_from(sorted(COUNTRIES)), values))
    if draw(st.integers(0, 9)) == 0:
        key = draw(st.sampled_from(sorted(set(params) - {"label", "number"}) or ["stage"]))
        params[key] = [draw(values), draw(values)]
    return params


def last(value: str | list[str]) -> str:
    """What st.query_params gives for a repeated key: its last value."""
    return value[-1] if isinstance(value, list) else value


def widget_of(at: AppTest, key: str):
    """The input widget of the question on screen."""
    kind = CATALOG[key].kind
    if kind == "choice":
        return at.radio(key=f"q_{key}_value")
    if kind in YES_FIRST_KINDS:
        return at.radio(key=f"q_{key}_known")
    if kind == "date":
        return at.date_input(key=f"q_{key}_value")
    return at.number_input(key=f"q_{key}_value")


def infos(at: AppTest) -> list[str]:
    return [i.value for i in at.info]


def is_plan(at: AppTest) -> bool:
    return any(m.value.startswith("### :material/") for m in at.markdown)


def check_page(at: AppTest) -> None:
    """What every page must be, whatever came in."""
    assert not at.exception, [e.value for e in at.exception]
    step = at.session_state["step"]
    assert step == "plan" or step in CATALOG, step
    if step == "plan":
        assert is_plan(at), "the plan is drawn"
        assert not at.error or all("don't fit together" not in e.value for e in at.error), [e.value for e in at.error]
    else:
        assert widget_of(at, step) is not None
    assert_text_is_text(at)
    shown_anywhere = {kind for kind, _field in marker_places(at, REJECT_MARK)} - {"text_input"}
    assert not shown_anywhere, f"a rejected value is shown in {shown_anywhere}"
    for note in infos(at) + [e.value for e in at.error]:
        assert len(note) < 300, note
    # bidi_component: the copy button's JSON data (ui/copy_button.py), put in the clipboard, never in HTML.
    assert {kind for kind, _field in marker_places(at, NAME_MARK)} <= {
        "code",
        "text",
        "text_input",
        "bidi_component",
    }, marker_places(at, NAME_MARK)


@budget(200)
@given(links())
@example({"stage": "received", "problem": "fake", "shipped": "0001-01-01"})
@example({"stage": "received", "problem": "fake", "shipped": "9999-12-31"})
@example({"stage": "not_shipped", "payment": "pending", "label": NAME_MARK + "<script>alert(1)</script>" + BIG})
@example(
    {
        "stage": "received",
        "problem": "fake",
        "shipped": "2026-11-01",
        "receipt": "no",
        "label": NAME_MARK + '<b>x</b>[a](javascript:alert(1))\u202e\u200b😀=HYPERLINK("x")',
    }
)
@example(
    {
        "stage": "received",
        "problem": "incomplete",
        "shipped": "2026-11-01",
        "receipt": "no",
        "total": "99999999999999999999 USD",
    }
)
@example(
    {
        "stage": "received",
        "problem": "incomplete",
        "shipped": "2026-11-01",
        "receipt": "no",
        "total": "-0 USD",
        "missing": "0",
    }
)
@example({"stage": "dispute_open", "dispute_about": "fake", "total": "10 USD", "seller_offer": "1e309 return"})
@example({"stage": REJECT_MARK + BIG, "days": "0", "country": "<b>XX</b>", "step": "<script>"})
def test_any_link_lands_on_a_question_or_the_plan(params):
    seen = {key: last(value) for key, value in params.items()}
    assume(not days_crash(seen.get("days", "")))
    at = start(params)
    check_page(at)
    kept = at.session_state["answers"]
    for key, value in kept.items():
        assert seen.get(key) == value, (key, value)
    assert set(kept) <= set(route(kept))

    first_open = next_question(kept)
    if first_open is not None and first_open in seen:
        title = CATALOG[first_open].title
        assert any(title in note for note in infos(at)), ("no note for the link's answer to", first_open, infos(at))

    wanted = seen.get("step")
    expected = wanted if wanted in kept and wanted in route(kept) else (first_open or "plan")
    assert at.session_state["step"] == expected

    details = at.session_state["details"]
    if "days" in seen:
        text = seen["days"]
        usable = text.isdecimal() and 1 <= int(text) <= 180
        if usable:
            assert details.protection_days == int(text)
        else:
            assert details.protection_days == 60
            assert any("protection days" in note for note in infos(at)), infos(at)
    if "country" in seen:
        if seen["country"] in COUNTRIES:
            assert details.country == seen["country"]
        else:
            assert details.country is None
            assert any("country" in note for note in infos(at)), infos(at)
    assert details.label == (plain_line(seen.get("label", ""))[:120] or None)
    number, problem = read_order_number(seen.get("number", ""))
    assert details.order_number == number
    if problem is not None:
        assert any("order number" in note for note in infos(at)), infos(at)
    if details.label and details.label.startswith(NAME_MARK) and is_plan(at):
        messages = [c.value for c in at.code if not c.value.startswith(("?", "http"))]
        if messages:
            named = form_safe(details.label)
            assert any(named in message for message in messages), "the name is used in the messages"


# --- Widgets ----------------------------------------------------------------------------

# A plan with ready-to-send messages, which use the order's name.
PLAN_WITH_MESSAGES = dict(ROUTES["received, fake"][0])
TOTAL_QUESTION = dict(ROUTES["received, parts missing"][0][:5])
OFFER_QUESTION = {"stage": "dispute_open", "dispute_about": "fake", "total": "50 USD"}


def crafted(widget, **fields):
    """Make the next run send this widget's state as given, as a hand-made client could.

    AppTest otherwise only sends values the browser's widget would (an option's index,
    a number within the widget's bounds), and so does a real browser; the server must
    still cope with anything that arrives on the websocket.
    """

    def state(self) -> WidgetState:
        message = WidgetState()
        message.id = self.id
        for name, value in fields.items():
            if name == "string_array_value":
                message.string_array_value.data[:] = value
            else:
                setattr(message, name, value)
        return message

    widget.__class__ = type(f"Crafted{type(widget).__name__}", (type(widget),), {"_widget_state": property(state)})
    return widget


names = st.one_of(
    st.sampled_from(HOSTILE_TEXTS),
    texts(),
    st.lists(st.sampled_from(HOSTILE_TEXTS[4:32]), min_size=2, max_size=6).map("".join),
).map(lambda text: NAME_MARK + text)


@budget(25)
@given(names)
@example(NAME_MARK + "<script>alert(1)</script>" + BIG)
@example(NAME_MARK + "[click](https://phish.example) ![p](https://tracker.example/p.png) <b>x</b>")
def test_the_order_name_is_shown_as_text(name):
    """The name box takes anything (a browser sends at most 120 characters; the server cuts the rest)."""
    at = start(PLAN_WITH_MESSAGES)
    at.text_input(key="detail_label").set_value(name)
    at = at.run()
    check_page(at)
    assert at.session_state["step"] == "plan"
    expected = plain_line(name)[:120]
    assert at.session_state["details"].label == expected
    assert at.query_params["label"] == expected
    messages = [c.value for c in at.code if not c.value.startswith(("?", "http"))]
    assert messages and all(form_safe(expected) in message for message in messages), "the name is used in each message"
    assert marker_places(at, NAME_MARK) <= {
        ("code", "code_text"),
        ("bidi_component", "json"),
        ("text_input", "default"),
        ("text_input", "value"),
    }


@budget(25)
@given(st.one_of(names, st.from_regex(r"[0-9 -]{0,40}", fullmatch=True)))
@example(NAME_MARK + "<script>alert(1)</script>" + BIG)
@example("8123 4567-8901 2345")
@example("1" * 5000)
def test_the_order_number_box_takes_anything_and_keeps_it(typed):
    """A number is stored as digits; anything else gets a short message under the box and is kept in it.

    The box holds 40 characters (a browser sends no more; Streamlit cuts what a hand-made client sends).
    """
    at = start(PLAN_WITH_MESSAGES)
    before = dict(at.session_state["answers"])
    at.text_input(key="detail_number").set_value(typed)
    at = at.run()
    check_page(at)
    assert at.session_state["step"] == "plan" and at.session_state["answers"] == before
    kept = typed[:40]
    number, problem = read_order_number(kept)
    assert at.session_state["details"].order_number == number
    assert at.query_params.get("number") == number
    assert at.text_input(key="detail_number").value == kept
    assert [e.value for e in at.error] == ([problem] if problem else [])
    if number is not None:
        messages = [c.value for c in at.code if not c.value.startswith(("?", "http"))]
        assert messages and all(number in message for message in messages)


amounts = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(0, 10_000_000),
    st.integers(-(10**20), 10**20).map(float),
    st.sampled_from([-0.0, -0.01, 0.004, 0.005, 0.015, 12.345, 9_999_999.995, 10_000_000.0, 10_000_000.01, 1e308]),
)


def check_amount(at: AppTest, key: str, typed: float, before: dict[str, str]) -> None:
    """Either the amount is stored as typed (two decimals, within bounds), or a message says why not."""
    answers = at.session_state["answers"]
    if at.session_state["step"] == key:
        assert at.error, f"{typed!r} refused without a message"
        assert answers == before
        return
    stored = answers[key]
    money = MoneyAnswer.parse(stored, offer=True)
    assert money is not None and Decimal(0) <= money.amount <= AMOUNT_MAX, stored
    assert 0 <= typed <= float(AMOUNT_MAX)
    assert money.amount == round(Decimal(str(typed)), 2)


@budget(40)
@given(amounts, st.sampled_from(CURRENCIES))
@example(-5.0, "USD")
@example(1e308, "EUR")
@example(float("nan"), "USD")
@example(float("inf"), "JPY")
def test_amount_boxes_take_any_number(typed, currency):
    at = start(TOTAL_QUESTION)
    before = dict(at.session_state["answers"])
    at.selectbox(key="q_total_currency").set_value(currency)
    at.number_input(key="q_total_value").set_value(typed)
    at = at.button(key="q_total_next").click().run()
    check_page(at)
    check_amount(at, "total", typed, before)
    if at.session_state["step"] != "total":
        assert at.session_state["answers"]["total"].endswith(" " + currency)


@budget(25)
@given(amounts, st.booleans())
@example(1e308, True)
@example(-1.0, False)
def test_offer_boxes_take_any_number(typed, send_back):
    at = start(OFFER_QUESTION)
    before = dict(at.session_state["answers"])
    at.number_input(key="q_seller_offer_value").set_value(typed)
    if send_back:
        at.checkbox(key="q_seller_offer_return").check()
    at = at.button(key="q_seller_offer_next").click().run()
    check_page(at)
    check_amount(at, "seller_offer", typed, before)


@budget(15)
@given(st.integers(-(10**15), 10**15))
@example(0)
@example(181)
@example(-60)
def test_protection_days_box_takes_any_number(days):
    at = start(PLAN_WITH_MESSAGES)
    at.number_input(key="detail_days").set_value(days)
    at = at.run()
    check_page(at)
    kept = at.session_state["details"].protection_days
    assert 1 <= kept <= 180
    assert kept == (days if 1 <= days <= 180 else 60)


@budget(30)
@given(st.sampled_from(["shipped", "eta"]), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))
@example("shipped", dt.date(1, 1, 1))
@example("shipped", dt.date(9999, 12, 31))
@example("eta", dt.date(9999, 12, 31))
@example("shipped", dt.date(2000, 1, 1))
@example("eta", TODAY + dt.timedelta(days=5 * 365))
def test_date_boxes_take_any_day(key, day):
    """The widget bounds dates (2000 up to today for past events, five years ahead for the rest).

    A browser offers only days within the bounds; a day outside them, which only a
    hand-made client can send, leaves the box empty (Next stays disabled) or is refused,
    so it is never stored either way.
    """
    params = (
        {"stage": "received", "problem": "fake"}
        if key == "shipped"
        else {"stage": "on_the_way", "shipped": "2026-11-01", "protection": "no", "tracking": "in_transit"}
    )
    at = start(params)
    at = at.radio(key=f"q_{key}_known").set_value("yes").run()
    at = at.date_input(key=f"q_{key}_value").set_value(day).run()
    check_page(at)
    if at.button(key=f"q_{key}_next").disabled:
        assert key not in at.session_state["answers"]
        return
    at = at.button(key=f"q_{key}_next").click().run()
    check_page(at)
    latest = TODAY if key in PAST_EVENTS else TODAY + dt.timedelta(days=5 * 365)
    answers = at.session_state["answers"]
    if at.session_state["step"] == key:
        assert at.error, "refused without a message"
        assert key not in answers
        return
    stored = dt.date.fromisoformat(answers[key])
    assert dt.date(2000, 1, 1) <= stored <= latest
    if dt.date(2000, 1, 1) <= day <= latest:
        assert stored == day


@budget(8)
@given(st.sampled_from(sorted(COUNTRIES)))
@example(None)
def test_country_box_takes_every_country(code):
    at = start(PLAN_WITH_MESSAGES)
    at.selectbox(key="detail_country").set_value(code)
    at = at.run()
    check_page(at)
    assert at.session_state["details"].country == code
    assert at.query_params.get("country") == code


# --- Values only a hand-made client can send ---------------------------------------------


@pytest.mark.parametrize("value", ["<script>alert(1)</script>", REJECT_MARK + BIG, "", "not_shipped "])
def test_a_crafted_choice_is_refused_in_place(value):
    at = start()
    crafted(at.radio(key="q_stage_value"), string_value=value)
    at = at.run()
    check_page(at)
    assert at.session_state["step"] == "stage" and at.session_state["answers"] == {}
    assert at.error, "refused with a message in place"


@pytest.mark.parametrize("value", ["XYZ", "<b>EUR</b>", REJECT_MARK + BIG, "U SD"])
def test_a_crafted_currency_is_refused_in_place(value):
    at = start(TOTAL_QUESTION)
    before = dict(at.session_state["answers"])
    crafted(at.selectbox(key="q_total_currency"), string_value=value)
    at.number_input(key="q_total_value").set_value(12.5)
    at = at.button(key="q_total_next").click().run()
    check_page(at)
    assert at.session_state["step"] == "total" and at.session_state["answers"] == before
    assert at.error


@pytest.mark.parametrize("value", ["usd", ""])
def test_a_crafted_currency_that_reads_as_dollars_is_taken_as_dollars(value):
    at = start(TOTAL_QUESTION)
    crafted(at.selectbox(key="q_total_currency"), string_value=value)
    at.number_input(key="q_total_value").set_value(12.5)
    at = at.button(key="q_total_next").click().run()
    check_page(at)
    assert at.session_state["step"] == "missing"
    total = MoneyAnswer.parse(at.session_state["answers"]["total"])
    assert total is not None and total.currency in ("USD", "")
    assert escape("$12.50") in at.button(key="change_total").label


@pytest.mark.parametrize("sent", [["garbage"], ["0001-01-01"], ["9999-12-31"], [], ["2026-11-01", "2026-11-02"]])
def test_a_crafted_date_is_never_stored_out_of_bounds(sent):
    at = start({"stage": "received", "problem": "fake"})
    at = at.radio(key="q_shipped_known").set_value("yes").run()
    crafted(at.date_input(key="q_shipped_value"), string_array_value=sent)
    at = at.run()
    check_page(at)
    if not at.button(key="q_shipped_next").disabled:
        at = at.button(key="q_shipped_next").click().run()
        check_page(at)
    stored = at.session_state["answers"].get("shipped")
    assert stored is None or dt.date(2000, 1, 1) <= dt.date.fromisoformat(stored) <= TODAY


@pytest.mark.parametrize("value", [1e308, -1.0, 181.0, 0.5, 1e-300])
def test_crafted_protection_days_are_never_used(value):
    at = start(PLAN_WITH_MESSAGES)
    crafted(at.number_input(key="detail_days"), double_value=value)
    at = at.run()
    check_page(at)
    assert at.session_state["details"].protection_days == 60


@pytest.mark.xfail(
    strict=True,
    reason=(
        "Streamlit 1.67 bug, not the app's: NumberInputSerde.deserialize (streamlit/elements/widgets/number_input.py, "
        "line 88) calls int(val) on an integer box's value before its finiteness check, so a hand-made client "
        "sending a double NaN or infinity for the protection-days box gets a rendered exception (ValueError / "
        "OverflowError) on that run; a browser never sends one"
    ),
)
@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_crafted_infinite_protection_days_are_ignored(value):
    at = start(PLAN_WITH_MESSAGES)
    crafted(at.number_input(key="detail_days"), double_value=value)
    at = at.run()
    check_page(at)
    assert at.session_state["details"].protection_days == 60


@pytest.mark.parametrize("value", ["<b>XX</b>", "ZZ", REJECT_MARK])
def test_a_crafted_country_is_refused_and_the_plan_stays(value):
    at = start(PLAN_WITH_MESSAGES)
    crafted(at.selectbox(key="detail_country"), string_value=value)
    at = at.run()
    check_page(at)
    assert at.session_state["details"].country in (None, *COUNTRIES)
    assert at.selectbox(key="detail_country") is not None, "the Fine-tune box is still there to fix it"


# --- Bugs found and fixed -----------------------------------------------------------------


@pytest.mark.parametrize(
    "days", ["²", "³⁰", "0" * 5000, "1" * 5000], ids=["superscript", "superscripts", "zeros", "huge"]
)
def test_odd_digits_in_days_get_a_note(days):
    at = start({"stage": "not_shipped", "payment": "pending", "days": days})
    check_page(at)
    assert at.session_state["details"].protection_days == 60
    assert any("protection days" in note for note in infos(at))


@pytest.mark.parametrize("how", ["link", "box"])
def test_the_order_name_is_one_line_of_plain_text(how):
    name = "Lamp\u202e gnp.exe\u202c\nsecond line\x07"
    if how == "link":
        at = start({**PLAN_WITH_MESSAGES, "label": name})
    else:
        at = start(PLAN_WITH_MESSAGES)
        at.text_input(key="detail_label").set_value(name)
        at = at.run()
    check_page(at)
    messages = [c.value for c in at.code if not c.value.startswith(("?", "http"))]
    assert messages
    for message in messages:
        assert "\u202e" not in message and "\x07" not in message and "Lamp gnp.exe second line" in message


# --- The whole wizard, with hostile answers typed on the way --------------------------------


def test_a_walk_with_hostile_extras_still_reaches_its_plan():
    """A full route whose link also carries junk in every other parameter."""
    steps = ROUTES["dispute open, AliExpress offer"][0]
    junk = {key: REJECT_MARK + "<script>x</script>" for key in QUESTION_KEYS if key not in dict(steps)}
    at = start({**junk, "country": "<b>", "days": "-1", "label": NAME_MARK + "<b>x</b>"})
    check_page(at)
    assert len(infos(at)) == 2, infos(at)
    at = walk(steps, at)
    check_page(at)
    assert at.session_state["advised_action"] == "accept_aliexpress_offer"
