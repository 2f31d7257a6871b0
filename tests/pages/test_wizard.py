"""The wizard driven through every route of the decision tree with AppTest, to its plan."""

from __future__ import annotations

import datetime as dt
import re
import statistics
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from core.wizard import questions, route

APP = str(Path(__file__).resolve().parents[2] / "app.py")
TODAY = dt.date(2026, 11, 26)


def start(params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["today"] = TODAY
    for key, value in (params or {}).items():
        at.query_params[key] = value
    return at.run()


def answer(at: AppTest, key: str, value) -> AppTest:
    """Answer the question on screen the way a person would: pick, type or tap."""
    kind = questions()[key].kind
    if kind == "choice":
        return at.radio(key=f"q_{key}_value").set_value(value).run()
    if value == "no":
        return at.button(key=f"q_{key}_no").click().run()
    if kind in ("date", "date_or_no"):
        at.date_input(key=f"q_{key}_value").set_value(dt.date.fromisoformat(value))
    elif kind == "money":
        amount, _sep, currency = value.partition(" ")
        if currency:
            at.selectbox(key=f"q_{key}_currency").set_value(currency)
        at.number_input(key=f"q_{key}_value").set_value(float(amount))
    else:
        amount, _sep, extra = value.partition(" ")
        at.number_input(key=f"q_{key}_value").set_value(float(amount))
        if extra == "return":
            at.checkbox(key=f"q_{key}_return").check()
    return at.button(key=f"q_{key}_next").click().run()


def walk(steps: list[tuple[str, str]], at: AppTest | None = None) -> AppTest:
    at = at or start()
    for key, value in steps:
        assert not at.exception, at.exception
        assert current_question(at) == key, (key, shown_text(at))
        at = answer(at, key, value)
    assert not at.exception, at.exception
    return at


def current_question(at: AppTest) -> str | None:
    return at.session_state["step"] if "step" in at.session_state else None


def shown_text(at: AppTest) -> str:
    """Everything the page shows as text, to search for what a person would read."""
    parts = [m.value for m in at.markdown] + [e.value for e in at.info] + [e.value for e in at.error]
    parts += [e.value for e in at.success] + [e.value for e in at.warning] + [c.value for c in at.code]
    parts += [c.value for c in at.caption] + [s.value for s in at.subheader]
    return re.sub(r"\\(.)", r"\1", "\n".join(str(p) for p in parts))


ROUTES = {
    "not shipped, payment pending": (
        [("stage", "not_shipped"), ("payment", "pending")],
        "cancel_order", ["Cancel the order now", "Full refund"], None),
    "not shipped, payment confirmed": (
        [("stage", "not_shipped"), ("payment", "confirmed")],
        "request_cancellation", ["Ask for a cancellation"], None),
    "late, no updates, seller silent": (
        [("stage", "on_the_way"), ("shipped", "2026-10-01"), ("tracking", "no_updates"), ("eta", "2026-11-10"),
         ("contacted", "2026-11-20")],
        "open_dispute", ["Open a dispute", "Full refund", "4 days left", "Mon 30 Nov 2026"], "dispute"),
    "late, no tracking, seller not asked": (
        [("stage", "on_the_way"), ("shipped", "2026-10-20"), ("tracking", "none"), ("eta", "no"),
         ("contacted", "no")],
        "contact_seller", ["Ask the seller where your order is", "Sat 19 Dec 2026"], "seller"),
    "in transit": (
        [("stage", "on_the_way"), ("shipped", "2026-11-01"), ("tracking", "in_transit"), ("eta", "no")],
        "contact_seller", ["a dispute is refused while tracking shows it moving", "Thu 31 Dec 2026"], "seller"),
    "shipped too recently": (
        [("stage", "on_the_way"), ("shipped", "2026-11-20"), ("tracking", "none"), ("eta", "no"),
         ("contacted", "no")],
        "wait", ["Too early to open a dispute", "Mon 30 Nov 2026"], None),
    "before the estimated delivery": (
        [("stage", "on_the_way"), ("shipped", "2026-11-10"), ("tracking", "no_updates"), ("eta", "2026-12-10"),
         ("contacted", "no")],
        "wait", ["Give it time", "Thu 10 Dec 2026"], None),
    "returned to seller": (
        [("stage", "on_the_way"), ("shipped", "2026-10-15"), ("tracking", "returned_to_seller")],
        "open_dispute", ["went back to the seller", "Full refund"], "dispute"),
    "delivered but missing": (
        [("stage", "delivered_missing"), ("shipped", "2026-11-01"), ("contacted", "no")],
        "contact_seller", ["Tracking says delivered", "Thu 31 Dec 2026"], "seller"),
    "delivered but missing, seller silent": (
        [("stage", "delivered_missing"), ("shipped", "2026-11-01"), ("contacted", "2026-11-23")],
        "open_dispute", ["Open a dispute for a full refund"], "dispute"),
    "received, all fine": (
        [("stage", "received"), ("problem", "none"), ("shipped", "2026-11-01"), ("receipt", "no")],
        "confirm_receipt", ["Confirm receipt"], None),
    "received, broken": (
        [("stage", "received"), ("problem", "not_as_described"), ("shipped", "2026-11-01"), ("receipt", "no")],
        "open_dispute", ["full refund, keeping the item", "keep the item"], "dispute"),
    "received, fake": (
        [("stage", "received"), ("problem", "fake"), ("shipped", "2026-11-01"), ("receipt", "2026-11-20")],
        "open_dispute", ["a fake", "Sat 5 Dec 2026"], "dispute"),
    "received, wrong item": (
        [("stage", "received"), ("problem", "wrong_item"), ("shipped", "2026-11-01"), ("receipt", "no")],
        "open_dispute", ["something you did not order"], "dispute"),
    "received, slightly off": (
        [("stage", "received"), ("problem", "slightly_imperfect"), ("shipped", "2026-11-01"), ("receipt", "no")],
        "open_dispute", ["Partial refund: the amount you think is fair"], "dispute"),
    "received, parts missing": (
        [("stage", "received"), ("problem", "incomplete"), ("shipped", "2026-11-01"), ("receipt", "no"),
         ("total", "40 EUR"), ("missing", "12.5")],
        "open_dispute", ["Partial refund: €12.50"], "dispute"),
    "received, wrong shipping, paid and late": (
        [("stage", "received"), ("problem", "wrong_shipping_method"), ("shipped", "2026-11-01"), ("receipt", "no"),
         ("total", "30 USD"), ("shipping", "5"), ("late", "yes")],
        "open_dispute", ["Partial refund: $5.00"], "dispute"),
    "received, wrong shipping, free": (
        [("stage", "received"), ("problem", "wrong_shipping_method"), ("shipped", "2026-11-01"), ("receipt", "no"),
         ("total", "30 USD"), ("shipping", "0")],
        "confirm_receipt", ["Confirm receipt"], None),
    "received, changed my mind": (
        [("stage", "received"), ("problem", "changed_mind"), ("shipped", "2026-11-01"), ("receipt", "no"),
         ("free_return", "no")],
        "open_dispute", ["send the item back", "Returning is at your cost"], "dispute"),
    "received, too late to dispute": (
        [("stage", "received"), ("problem", "fake"), ("shipped", "2026-08-01"), ("receipt", "2026-09-01")],
        "contact_support", ["contact customer support"], "support"),
    "dispute open, item fine after all": (
        [("stage", "dispute_open"), ("dispute_about", "none"), ("shipped", "2026-11-01")],
        "cancel_dispute", ["cancel the dispute", "Thu 31 Dec 2026"], None),
    "dispute open, judged invalid, still moving": (
        [("stage", "dispute_open"), ("dispute_about", "not_arrived"), ("judgement", "invalid"), ("moving", "yes"),
         ("shipped", "2026-11-01")],
        "cancel_dispute", ["Cancel the dispute and wait"], None),
    "dispute open, AliExpress offer": (
        [("stage", "dispute_open"), ("dispute_about", "fake"), ("total", "50 USD"), ("seller_offer", "20"),
         ("aliexpress_offer", "50"), ("negotiation", "2026-11-29")],
        "accept_aliexpress_offer", ["Accept AliExpress's proposal", "Full refund: $50.00", "3 days left"], None),
    "dispute open, seller gives what was asked": (
        [("stage", "dispute_open"), ("dispute_about", "slightly_imperfect"), ("total", "50 USD"), ("asked", "10"),
         ("seller_offer", "10"), ("aliexpress_offer", "no")],
        "accept_seller_offer", ["Accept the seller's offer", "Partial refund: $10.00"], None),
    "dispute open, seller offer needs a return": (
        [("stage", "dispute_open"), ("dispute_about", "not_as_described"), ("total", "50 USD"),
         ("seller_offer", "50 return"), ("aliexpress_offer", "no")],
        "wait", ["Do not accept the seller's offer yet"], None),
    "dispute open, no offer yet": (
        [("stage", "dispute_open"), ("dispute_about", "not_arrived"), ("judgement", "none"), ("total", "50 USD"),
         ("seller_offer", "no"), ("aliexpress_offer", "no")],
        "wait", ["Wait for the seller to answer"], None),
    "dispute closed, unfair, in time": (
        [("stage", "dispute_closed"), ("satisfied", "no"), ("closed", "2026-11-24")],
        "appeal", ["Appeal the outcome by Tue 1 Dec 2026", "5 days left"], "appeal"),
    "dispute closed, unfair, too late": (
        [("stage", "dispute_closed"), ("satisfied", "no"), ("closed", "2026-11-01")],
        "contact_support", ["appeal window has closed"], "support"),
    "dispute closed, refund arrived": (
        [("stage", "dispute_closed"), ("satisfied", "yes"), ("refund", "received")],
        "nothing_to_do", ["All settled"], None),
    "dispute closed, refund overdue": (
        [("stage", "dispute_closed"), ("satisfied", "yes"), ("refund", "processed"), ("processed", "2026-10-01")],
        "check_with_bank", ["ARN"], "bank"),
    "dispute closed, refund on its way": (
        [("stage", "dispute_closed"), ("satisfied", "yes"), ("refund", "processed"), ("processed", "2026-11-24")],
        "wait", ["Your refund is on its way", "Fri 27 Nov 2026", "Tue 22 Dec 2026"], None),
    "dispute closed, refund not processed": (
        [("stage", "dispute_closed"), ("satisfied", "yes"), ("refund", "not_yet")],
        "wait", ["Wait for AliExpress to process the refund"], None),
}


@pytest.mark.parametrize("name", list(ROUTES))
def test_route_reaches_its_plan(name):
    steps, action, expected_texts, message_kind = ROUTES[name]
    at = walk(steps)
    assert at.session_state["step"] == "plan"
    text = shown_text(at)
    for expected in expected_texts:
        assert expected in text, (expected, text)
    assert at.session_state["advised_action"] == action
    assert len(steps) <= 7
    has_dates = any(questions()[key].kind.startswith("date") and value != "no" for key, value in steps)
    if has_dates:
        assert at.get("plotly_chart"), "the timeline chart is drawn"
    else:
        assert "No dates to show yet." in text
    if message_kind is not None:
        assert at.code, "a ready-to-send message is shown"
    reopened = start(url_of(at))
    assert current_question(reopened) == "plan"
    assert reopened.session_state["advised_action"] == action
    assert shown_text(reopened) == text


def url_of(at: AppTest) -> dict[str, str]:
    """The page's query parameters, as a refresh or a shared link would send them back."""
    return {key: value[0] if isinstance(value, list) else value for key, value in at.query_params.items()}


def test_median_route_is_short():
    lengths = sorted(len(steps) for steps, *_rest in ROUTES.values())
    assert statistics.median(lengths) <= 4
    assert max(lengths) <= 7


def test_every_question_is_reachable_by_some_route():
    asked = {key for steps, *_rest in ROUTES.values() for key, _value in steps}
    assert asked == set(questions())


def test_back_returns_to_the_previous_question_and_keeps_answers():
    at = walk([("stage", "received"), ("problem", "fake")])
    assert current_question(at) == "shipped"
    at = at.button(key="back").click().run()
    assert current_question(at) == "problem"
    assert at.radio(key="q_problem_value").value == "fake"
    at = at.button(key="q_problem_next").click().run()
    assert current_question(at) == "shipped"


def test_back_from_the_plan_goes_to_the_last_question():
    at = walk(ROUTES["not shipped, payment pending"][0])
    at = at.button(key="back").click().run()
    assert current_question(at) == "payment"
    assert url_of(at)["step"] == "payment"
    assert current_question(start(url_of(at))) == "payment"


def test_start_over_forgets_everything():
    at = walk(ROUTES["received, fake"][0])
    at = at.button(key="start_over").click().run()
    assert current_question(at) == "stage"
    assert at.session_state["answers"] == {}
    assert at.radio(key="q_stage_value").value is None
    assert "stage" not in at.query_params


def test_changing_a_past_answer_updates_the_plan():
    at = walk(ROUTES["not shipped, payment pending"][0])
    assert at.session_state["advised_action"] == "cancel_order"
    assert [at.button(key=f"change_{key}").label for key in ("stage", "payment")] == [
        "**Situation:** Not shipped yet", "**Payment:** Not yet"]
    at = at.button(key="change_payment").click().run()
    assert current_question(at) == "payment"
    at = answer(at, "payment", "confirmed")
    assert current_question(at) == "plan"
    assert at.session_state["advised_action"] == "request_cancellation"


def test_changing_the_situation_drops_answers_the_new_route_does_not_ask():
    at = walk(ROUTES["received, parts missing"][0])
    at = at.button(key="change_stage").click().run()
    at = answer(at, "stage", "not_shipped")
    assert set(at.session_state["answers"]) == {"stage"}
    assert current_question(at) == "payment"


def test_a_good_link_opens_the_plan():
    steps = ROUTES["received, parts missing"][0]
    at = start(dict(steps))
    assert current_question(at) == "plan"
    assert at.session_state["advised_action"] == "open_dispute"
    assert "Partial refund: €12.50" in shown_text(at)
    assert not at.info or all("link" not in i.value for i in at.info)


def test_a_link_mid_wizard_lands_on_the_next_question():
    at = start({"stage": "on_the_way", "shipped": "2026-10-01"})
    assert current_question(at) == "tracking"


@pytest.mark.parametrize("params, lands_on", [
    ({"stage": "teleported"}, "stage"),
    ({"stage": "received", "problem": "fake", "shipped": "yesterday"}, "shipped"),
    ({"stage": "received", "problem": "fake", "shipped": "2026-13-45"}, "shipped"),
    ({"stage": "received", "problem": "fake", "shipped": "2027-01-01"}, "shipped"),
    ({"stage": "received", "problem": "incomplete", "shipped": "2026-11-01", "receipt": "no",
      "total": "-4 USD"}, "total"),
    ({"stage": "received", "problem": "incomplete", "shipped": "2026-11-01", "receipt": "no",
      "total": "40 XYZ"}, "total"),
    ({"stage": "received", "problem": "<script>alert(1)</script>"}, "problem"),
])
def test_a_garbled_link_lands_on_the_first_untrusted_question(params, lands_on):
    at = start(params)
    assert not at.exception
    assert current_question(at) == lands_on
    assert any("link" in i.value for i in at.info), "a short note says the link had a problem"


@pytest.mark.parametrize("params, lands_on", [
    ({"stage": "received", "problem": "fake", "shipped": "2026-11-01", "receipt": "2026-10-01"}, "receipt"),
    ({"stage": "received", "problem": "incomplete", "shipped": "2026-11-01", "receipt": "no",
      "total": "40 USD", "missing": "90 USD"}, "missing"),
    ({"stage": "dispute_open", "dispute_about": "fake", "total": "10 USD", "seller_offer": "50 USD"},
     "seller_offer"),
])
def test_a_contradictory_link_lands_on_the_answer_that_does_not_fit(params, lands_on):
    at = start(params)
    assert current_question(at) == lands_on
    assert any("didn't fit" in i.value for i in at.info)
    kept = {k: v for k, v in params.items() if route(params).index(k) < route(params).index(lands_on)}
    assert at.session_state["answers"] == kept


def test_a_bad_answer_gets_a_message_in_place_and_keeps_earlier_answers():
    at = walk([("stage", "received"), ("problem", "incomplete"), ("shipped", "2026-11-01"), ("receipt", "no"),
               ("total", "40 USD")])
    at = answer(at, "missing", "90")
    assert current_question(at) == "missing"
    assert at.error and "worth more than the order" in at.error[0].value
    assert at.session_state["answers"]["total"] == "40.00 USD"
    assert at.number_input(key="q_missing_value").value == 90.0


def test_receipt_before_shipping_is_refused_in_place():
    at = walk([("stage", "received"), ("problem", "fake"), ("shipped", "2026-11-10")])
    at = answer(at, "receipt", "2026-11-05")
    assert current_question(at) == "receipt"
    assert "before shipping" in at.error[0].value


def test_share_link_carries_the_answers_but_not_the_name():
    at = walk(ROUTES["received, fake"][0])
    at.text_input(key="detail_label").input("Grandma's <b>watch</b>")
    at = at.run()
    share = at.code[-1].value
    assert "stage=received" in share and "problem=fake" in share
    assert "watch" not in share and "label" not in share
    assert url_of(at)["label"] == "Grandma's <b>watch</b>"
    assert any("Grandma's <b>watch</b>" in c.value for c in at.code), "the name is used, as plain text"


def test_protection_days_change_the_deadline():
    at = walk(ROUTES["late, no tracking, seller not asked"][0])
    assert "Sat 19 Dec 2026" in shown_text(at)
    at.number_input(key="detail_days").set_value(90)
    at = at.run()
    assert "Mon 18 Jan 2027" in shown_text(at)
    assert url_of(at)["days"] == "90"


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago"])
def test_today_is_the_visitors_own_day(zone):
    """Deadlines count from the day on the visitor's clock, not the server's."""
    from zoneinfo import ZoneInfo

    visitor_today = dt.datetime.now(ZoneInfo(zone)).date()
    closed = visitor_today - dt.timedelta(days=2)
    at = AppTest.from_file(APP, default_timeout=30)
    at.context = {"timezone": zone}
    for key, value in {"stage": "dispute_closed", "satisfied": "no", "closed": closed.isoformat()}.items():
        at.query_params[key] = value
    at = at.run()
    assert at.session_state["advised_action"] == "appeal"
    assert "5 days left" in shown_text(at)


def test_a_garbled_time_zone_falls_back_to_the_servers_day():
    at = AppTest.from_file(APP, default_timeout=30)
    at.context = {"timezone": "../../etc/passwd"}
    at = at.run()
    assert not at.exception
    assert current_question(at) == "stage"
