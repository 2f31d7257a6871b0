"""The command line: `python -m core advise CASE.json|- [--today YYYY-MM-DD]` and
`python -m core schema`, run as a real subprocess from the project root.

Bad input: exit code 2, nothing on standard output, one line per problem on
standard error naming the field, and never a traceback.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from core import Plan
from tests.support.cases import TODAY, day, make_case, received

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str | bytes | None = None) -> subprocess.CompletedProcess:
    if isinstance(stdin, str):
        stdin = stdin.encode()
    return subprocess.run(
        [sys.executable, "-m", "core", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        timeout=60,
    )


def advise_json(case, *extra: str) -> subprocess.CompletedProcess:
    """`advise -` with the case on standard input (a dict is dumped as JSON)."""
    text = case if isinstance(case, (str, bytes)) else json.dumps(case)
    return run("advise", "-", *extra, stdin=text)


def stderr_lines(proc) -> list[str]:
    return [line for line in proc.stderr.decode().splitlines() if line.strip()]


def assert_rejected(proc, *fields: str) -> list[str]:
    """Exit 2, empty stdout, no traceback, one stderr line per expected field,
    each line naming its field."""
    err = proc.stderr.decode()
    assert "Traceback" not in err, err
    assert proc.returncode == 2, (proc.returncode, err)
    assert proc.stdout == b"", proc.stdout
    lines = stderr_lines(proc)
    assert lines, "no explanation on stderr"
    if fields:
        assert len(lines) == len(fields), lines
        for field in fields:
            assert any(field in line for line in lines), (field, lines)
    return lines


# =====================================================================================
# advise
# =====================================================================================


def test_advise_from_a_file(tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(make_case(order=received(), problem="fake")))
    proc = run("advise", str(path))
    assert proc.returncode == 0, proc.stderr.decode()
    plan = Plan.model_validate_json(proc.stdout)
    assert plan.action == "open_dispute"
    assert plan.refund == "full"
    assert str(plan.refund_amount) in ("50", "50.0", "50.00")
    assert plan.next_deadline.date.isoformat() == day(22)
    assert "Traceback" not in proc.stderr.decode()


def test_advise_from_stdin():
    proc = advise_json(make_case(order={"tracking": "no_updates"}, seller_contacted_on=day(-2)))
    assert proc.returncode == 0, proc.stderr.decode()
    out = json.loads(proc.stdout)
    assert out["action"] == "open_dispute"
    assert out["next_deadline"]["date"] == day(22)
    assert out["next_deadline"]["days_left"] == 22


def test_advise_output_is_the_plan_of_advise():
    from core import advise

    case = make_case(order=received(), problem="incomplete", missing_items_value="12.34")
    proc = advise_json(case)
    assert proc.returncode == 0, proc.stderr.decode()
    assert Plan.model_validate_json(proc.stdout) == advise(case)


def test_today_option_overrides_the_case():
    case = make_case(order={"shipped_on": day(-5)})  # earliest_dispute = day(5)
    proc = advise_json(case, "--today", day(2))
    assert proc.returncode == 0, proc.stderr.decode()
    out = json.loads(proc.stdout)
    assert out["action"] == "wait"
    assert out["next_deadline"]["date"] == day(5)
    assert out["next_deadline"]["days_left"] == 3


def test_today_option_changes_the_advice():
    # 2 days before the deadline protection is running out; 10 days before it is not.
    case = make_case(
        order={"shipped_on": day(-30), "protection_days": 40, "tracking": "in_transit"}, seller_contacted_on=day(-20)
    )
    assert json.loads(advise_json(case).stdout)["action"] == "contact_seller"
    proc = advise_json(case, "--today", day(8))
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["action"] == "open_dispute"


def test_advise_names_the_rule_by_its_id():
    proc = advise_json(make_case(order=received(), problem="fake"))
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["rule"] == "received.fake"


def test_today_option_reaches_the_window_after_protection_and_its_end():
    # Protection ends on day(22); AliExpress still takes a claim until day(37).
    case = make_case(order={"tracking": "no_updates"})
    out = json.loads(advise_json(case, "--today", day(23)).stdout)
    assert (out["rule"], out["action"]) == ("not_received.after_protection_window", "open_dispute")
    assert out["next_deadline"]["date"] == day(37)
    assert out["next_deadline"]["last_day"] is True
    assert out["dates"]["dispute_deadline"] == day(22)
    out = json.loads(advise_json(case, "--today", day(38)).stdout)
    assert (out["rule"], out["action"]) == ("not_received.protection_over", "contact_support")
    assert out["next_deadline"] is None


def test_the_order_pages_protection_end_is_counted_from():
    # Shipped day(-38): the usual 60 days end on day(22); the order page says day(40) (an extension).
    case = make_case(order={"tracking": "no_updates", "protection_ends_on": day(40)})
    proc = advise_json(case)
    assert proc.returncode == 0, proc.stderr.decode()
    out = json.loads(proc.stdout)
    assert out["dates"]["protection_ends"] == day(40) and out["dates"]["dispute_deadline"] == day(40)
    assert out["protection_assumed"] is False
    assert "As your order page shows it" in out["counted"]["protection_ends"]


def test_a_case_without_placed_on_or_total_is_advised():
    # The wizard asks neither when the order was placed nor what was paid (0 means unknown).
    case = make_case(
        order={"placed_on": None, "total_paid": "0", "shipping_paid": "0", "tracking": "no_updates"},
        seller_contacted_on=day(-2),
    )
    proc = advise_json(case)
    assert proc.returncode == 0, proc.stderr.decode()
    out = json.loads(proc.stdout)
    assert out["action"] == "open_dispute"
    assert out["refund"] == "full" and out["refund_amount"] is None


def test_dispute_blocked_is_read_from_the_case():
    proc = advise_json(make_case(order={"tracking": "no_updates"}, dispute_blocked=True))
    assert proc.returncode == 0, proc.stderr.decode()
    out = json.loads(proc.stdout)
    assert (out["rule"], out["action"]) == ("not_received.dispute_blocked", "contact_support")
    assert {m["kind"] for m in out["messages"]} >= {"seller", "support"}


def test_order_number_is_written_in_the_messages_without_a_placeholder():
    proc = advise_json(make_case(order={"order_number": "8123 4567 8901 2345", "tracking": "no_updates"}))
    assert proc.returncode == 0, proc.stderr.decode()
    for m in json.loads(proc.stdout)["messages"]:
        assert "8123456789012345" in m["body"]
        assert "order number" not in m["fill_in"]


def test_today_option_when_the_case_has_no_today():
    case = make_case(order={"shipped_on": day(-5)})
    del case["today"]
    proc = advise_json(case, "--today", TODAY.isoformat())
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["next_deadline"]["days_left"] == 5


def test_bad_today_option_is_rejected():
    proc = advise_json(make_case(), "--today", "26/11/2026")
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert "Traceback" not in err
    assert proc.stdout == b""


def test_missing_file_is_an_error_without_traceback(tmp_path):
    proc = run("advise", str(tmp_path / "nope.json"))
    assert proc.returncode != 0
    assert proc.stdout == b""
    assert "Traceback" not in proc.stderr.decode()
    assert stderr_lines(proc)


# =====================================================================================
# schema
# =====================================================================================


def test_schema_prints_the_case_json_schema():
    proc = run("schema")
    assert proc.returncode == 0, proc.stderr.decode()
    schema = json.loads(proc.stdout)
    assert schema.get("type") == "object"
    assert "order" in schema["properties"]
    assert "dispute" in schema["properties"]
    assert "order" in schema.get("required", [])


def test_schema_matches_case_schema():
    from core import case_schema

    proc = run("schema")
    assert json.loads(proc.stdout) == json.loads(json.dumps(case_schema()))


# =====================================================================================
# Bad input
# =====================================================================================


def test_not_json_is_rejected():
    assert_rejected(advise_json("{ this is not json"))


def test_empty_input_is_rejected():
    assert_rejected(advise_json(""))


def test_not_json_file_is_rejected(tmp_path):
    path = tmp_path / "case.json"
    path.write_text("order: {placed_on: 2026-10-01}\n")
    assert_rejected(run("advise", str(path)))


def test_json_that_is_not_an_object_is_rejected():
    assert_rejected(advise_json("[1, 2, 3]"))


def _with(case, path: str, value):
    """Set a dotted path inside a case dict."""
    *parents, last = path.split(".")
    target = case
    for key in parents:
        target = target[key]
    target[last] = value
    return case


@pytest.mark.parametrize(
    "field, value",
    [
        ("order.total_paid", "fifty"),
        ("order.received", "maybe"),
        ("order.protection_days", "sixty"),
        ("order.placed_on", "yesterday"),
        ("order.tracking", "lost"),
        ("problem", "broken"),
        ("today", [2026, 11, 26]),
        ("order", "an order"),
    ],
)
def test_wrong_type_names_the_field(field, value):
    assert_rejected(advise_json(_with(make_case(), field, value)), field)


def test_wrong_type_in_dispute_names_the_field():
    case = make_case(
        order=received(), problem="fake", dispute={"seller_offer": {"refund_amount": "a lot", "return_required": False}}
    )
    assert_rejected(advise_json(case), "dispute.seller_offer.refund_amount")


@pytest.mark.parametrize("number", ["1234", "12345678901234567890123", "order 8123456789012345"])
def test_bad_order_number_names_the_field(number):
    assert_rejected(advise_json(make_case(order={"order_number": number})), "order.order_number")


def test_unknown_top_level_field():
    assert_rejected(advise_json(make_case(colour="red")), "colour")


def test_unknown_nested_field():
    assert_rejected(advise_json(make_case(order={"colour": "red"})), "order.colour")


def test_unknown_field_in_dispute():
    case = make_case(order=received(), problem="fake", dispute={"winner": "me"})
    assert_rejected(advise_json(case), "dispute.winner")


def test_shipped_before_placed():
    case = make_case(order={"placed_on": day(-10), "shipped_on": day(-11)})
    assert_rejected(advise_json(case), "order.shipped_on")


def test_receipt_confirmed_before_shipping():
    case = make_case(order=received(shipped_on=day(-30), receipt_confirmed_on=day(-31)), problem="none")
    assert_rejected(advise_json(case), "order.receipt_confirmed_on")


def test_protection_ending_before_shipping():
    case = make_case(order={"shipped_on": day(-30), "protection_ends_on": day(-31)})
    lines = assert_rejected(advise_json(case), "order.protection_ends_on")
    assert "ships" in lines[0]


def test_today_before_placed_on():
    case = make_case(today=day(-41))
    assert_rejected(advise_json(case), "today")


def test_today_option_before_placed_on():
    proc = advise_json(make_case(), "--today", day(-41))
    assert proc.returncode == 2
    assert proc.stdout == b""
    assert "Traceback" not in proc.stderr.decode()
    assert any("today" in line for line in stderr_lines(proc)), stderr_lines(proc)


@pytest.mark.parametrize(
    "field",
    ["order.total_paid", "order.shipping_paid", "missing_items_value"],
)
def test_negative_money(field):
    case = make_case(order=received(), problem="incomplete", missing_items_value="1.00")
    assert_rejected(advise_json(_with(case, field, "-1.00")), field)


def test_negative_offer_money():
    case = make_case(
        order=received(), problem="fake", dispute={"aliexpress_offer": {"refund_amount": -5, "return_required": False}}
    )
    assert_rejected(advise_json(case), "dispute.aliexpress_offer.refund_amount")


def test_money_with_more_than_two_decimals():
    assert_rejected(advise_json(make_case(order={"total_paid": "50.001"})), "order.total_paid")


def test_shipping_paid_above_total_paid():
    case = make_case(order={"total_paid": "10.00", "shipping_paid": "10.01"})
    assert_rejected(advise_json(case), "order.shipping_paid")


def test_missing_items_value_above_total_paid():
    case = make_case(order=received(), problem="incomplete", missing_items_value="50.01")
    assert_rejected(advise_json(case), "missing_items_value")


@pytest.mark.parametrize("problem", ["not_arrived", "delivered_not_received"])
def test_not_received_problem_for_a_received_order(problem):
    case = make_case(order=received(), problem=problem)
    assert_rejected(advise_json(case), "problem")


def test_received_without_shipping():
    case = make_case(order={"shipped_on": None, "received": True}, problem="none")
    lines = assert_rejected(advise_json(case))
    assert any("order." in line for line in lines), lines


def test_receipt_confirmed_while_not_received_is_the_15_days_after_confirming():
    """Confirmed by mistake, or at the seller's request: a real situation with its own plan, not an error."""
    case = make_case(order={"received": False, "receipt_confirmed_on": day(-1)})
    proc = advise_json(case)
    assert proc.returncode == 0, proc.stderr.decode()
    plan = json.loads(proc.stdout)
    assert (plan["rule"], plan["action"]) == ("not_received.receipt_confirmed", "open_dispute")
    assert plan["dates"]["dispute_deadline"] == day(14)


def test_dispute_without_shipping_is_advised_on_its_dispute():
    case = make_case(order={"shipped_on": None}, dispute={})
    proc = advise_json(case)
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["action"] == "wait"


def test_an_offer_above_the_total_is_accepted_but_never_refunds_more_than_was_paid():
    case = make_case(
        order=received(),
        problem="fake",
        dispute={"requested_refund": "80", "aliexpress_offer": {"refund_amount": "60", "return_required": False}},
    )
    proc = advise_json(case)
    assert proc.returncode == 0, proc.stderr.decode()
    plan = json.loads(proc.stdout)
    assert plan["action"] == "accept_aliexpress_offer"
    assert plan["refund"] == "full" and plan["refund_amount"] == 50.0


def test_two_problems_give_two_lines():
    case = make_case(colour="red", order={"received": "maybe"})
    assert_rejected(advise_json(case), "colour", "order.received")


def test_two_cross_field_problems_give_two_lines():
    case = make_case(
        order={"placed_on": day(-10), "shipped_on": day(-11), "total_paid": "10.00", "shipping_paid": "12.00"}
    )
    assert_rejected(advise_json(case), "order.shipped_on", "order.shipping_paid")


def test_advise_lists_the_facts_behind_the_plan_with_their_sources():
    proc = advise_json(make_case(order=received(), problem="fake"))
    assert proc.returncode == 0, proc.stderr.decode()
    facts = json.loads(proc.stdout)["facts"]
    assert facts and all({"key", "says", "source", "address", "found", "confidence"} <= set(fact) for fact in facts)
    assert any(fact["address"] and fact["address"].startswith("https://") for fact in facts)
