"""core.report: the plan as a plain-text file that reads the same in any viewer, on a phone.

TODAY is Thursday 2026-11-26; every case is a plain dict as the wizard would send it
(no order date unless a test gives one).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

from core import advise, read_case
from core.i18n import days_phrase, show_date
from core.report import key_dates, message_text, order_name, plan_text
from core.timeline import order_timeline

TODAY = dt.date(2026, 11, 26)
NUMBER = "8012345678901234"
HOSTILE = "[click](javascript:alert(1)) <script>x</script> ![i](http://e.io/a.png) *b* _i_ `c` | # $5 \\-"


def day(n: int) -> str:
    return (TODAY + dt.timedelta(days=n)).isoformat()


def report_for(data: dict) -> tuple:
    case = read_case(data)
    plan = advise(case)
    return plan, plan_text(case, plan)


def received_fake(label: str | None = "Blue phone case", **order) -> dict:
    fields = {
        "shipped_on": day(-38),
        "received": True,
        "tracking": "delivered",
        "total_paid": "50",
        "shipping_paid": "5",
        **order,
    }
    if label is not None:
        fields["label"] = label
    return {"today": TODAY.isoformat(), "order": fields, "problem": "fake"}


def headings(text: str) -> list[str]:
    """The lines with a line of only '-' right under them."""
    lines = text.splitlines()
    return [line for line, under in itertools.pairwise(lines) if under and set(under) == {"-"}]


def section(text: str, title: str) -> str:
    """The text of one section, from under its heading to the next heading."""
    after = text.split(title + "\n" + "-" * min(len(title), 40) + "\n", 1)[1]
    return re.split(r"\n\n[^\n]+\n-{3,}\n", after, maxsplit=1)[0]


def test_the_whole_plan_is_there():
    plan, text = report_for(received_fake())
    assert text.startswith("Plan for Blue phone case\n========================\n\nMade on Thu 26 Nov 2026\n")
    assert section(text, "What to do") == plan.headline
    assert section(text, "Money") == plan.money == "Full refund: $50.00 · keep the item"
    deadline = plan.next_deadline
    assert deadline.last_day
    assert section(text, "Next deadline") == (
        f"{deadline.label}: {show_date(deadline.date)} ({days_phrase(deadline.days_left)})\n"
        f"How it's counted: {plan.counted['dispute_deadline']}\n"
        "These dates count the usual 60 days of buyer protection from shipping. Your order page shows the real "
        "end (“Buyer protection” countdown): enter it for exact dates."
    )
    assert plan.protection_assumed
    dates = section(text, "Key dates").splitlines()
    lines = key_dates(read_case(received_fake()), plan, TODAY)
    assert dates == [line if line.startswith("  ") else "- " + line for line in lines]
    until, since = show_date(plan.dates.dispute_deadline), show_date(plan.dates.earliest_dispute)
    at = dates.index(f"- You can open a dispute until {until}, from {since}")
    assert dates[at + 1 : at + 3] == ["  Ends with buyer protection", "  " + plan.counted["dispute_deadline"]]
    assert section(text, "Steps").splitlines() == ["[ ] " + step for step in plan.steps]
    assert plan.evidence
    assert section(text, "Proof to gather").splitlines() == ["[ ] " + item for item in plan.evidence]
    assert section(text, "Watch out").splitlines() == ["- " + warning for warning in plan.warnings]
    assert plan.messages
    for message in plan.messages:
        assert message_text(message) in text
    why = text.split("Why\n---\n", 1)[1]
    for source in plan.sources:
        assert "- " + source + "\n" in why
    assert plan.facts
    for fact in plan.facts:
        assert "- " + fact.says + "\n" in why
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_sections_come_in_reading_order():
    _plan, text = report_for(received_fake())
    assert headings(text) == [
        "What to do",
        "Money",
        "Next deadline",
        "Key dates",
        "Steps",
        "Proof to gather",
        "Watch out",
        "Messages to send",
        "Why",
    ]


def test_messages_are_printed_as_is_with_what_to_fill_in_first():
    plan, text = report_for(received_fake())
    message = plan.messages[0]
    assert message.fill_in == ["order number", "what shows it is fake"]
    assert (
        "--- To the seller ---\nFill in before sending: order number, what shows it is fake\n\n" + message.body
    ) in text
    assert message.body in text.splitlines()


def test_a_ready_message_has_no_fill_in_line():
    data = {
        "today": TODAY.isoformat(),
        "problem": "not_arrived",
        "order": {"shipped_on": day(-20), "label": "Lamp", "order_number": NUMBER},
    }
    plan, text = report_for(data)
    ready = [message for message in plan.messages if not message.fill_in]
    assert ready
    for message in ready:
        assert "--- " + message.title + " ---\n\n" + message.body in text
    assert text.count("Fill in before sending:") == sum(1 for message in plan.messages if message.fill_in)


def test_no_markdown_and_no_backslash_escapes_around_amounts():
    plan, text = report_for(received_fake(total_paid="1234.5"))
    assert "$1,234.50" in text and plan.refund_amount is not None
    assert "\\" not in text
    for markup in ("**", "```", "| ", "# ", "_Made"):
        assert markup not in text
    assert not re.search(r"^#", text, flags=re.M)
    plan, text = report_for({**received_fake(), "problem": "incomplete", "missing_items_value": "12.30"})
    assert "$12.30" in text and "\\" not in text


def test_no_amount_it_does_not_know():
    plan, text = report_for(received_fake(total_paid="0", shipping_paid="0"))
    assert plan.refund_amount is None
    assert "$" not in text and "0.00" not in text
    assert section(text, "Money") == plan.money == "Full refund · keep the item"
    plan, text = report_for({**received_fake(), "problem": "slightly_imperfect"})
    assert plan.refund == "partial" and plan.refund_amount is None
    assert section(text, "Money") == plan.money
    assert "$0.00" not in text and "an amount you think is fair" not in text.split("Messages to send")[1]


def test_the_title_names_the_order_by_item_and_number():
    assert report_for(received_fake(order_number=NUMBER))[1].splitlines()[0] == (
        f"Plan for Blue phone case (order {NUMBER})"
    )
    assert report_for(received_fake(None, order_number=NUMBER))[1].splitlines()[0] == f"Plan for order {NUMBER}"
    assert report_for(received_fake(None))[1].splitlines()[0] == "Plan for your order"
    placed = report_for(received_fake(None, placed_on=day(-40)))[1]
    assert placed.splitlines()[0] == "Plan for your order placed on " + show_date(dt.date.fromisoformat(day(-40)))


def known_dates(case, plan) -> set[str]:
    """Every date the case holds, the plan worked out or its timeline draws, or its facts were checked on,
    as the file writes them."""
    timeline = order_timeline(case, plan)
    days = [
        plan.today,
        *(fact.found for fact in plan.facts),
        *plan.dates.model_dump().values(),
        *case.order.model_dump().values(),
        *(window.start for window in timeline.windows),
        *(window.end for window in timeline.windows),
    ]
    return {show_date(value) for value in days if isinstance(value, dt.date)}


def test_without_an_order_date_no_placed_date_appears_anywhere():
    for data in (
        received_fake(None),
        {"today": TODAY.isoformat(), "order": {"shipped_on": day(-20)}, "problem": "not_arrived"},
    ):
        case = read_case(data)
        plan = advise(case)
        text = plan_text(case, plan)
        assert case.order.placed_on is None
        assert "placed" not in text.lower()
        written = set(re.findall(r"\b[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}\b", text))
        assert written and written <= known_dates(case, plan)
    _plan, text = report_for(received_fake(None, placed_on=day(-40)))
    assert "- Placed: " + show_date(dt.date.fromisoformat(day(-40))) in text


def test_empty_parts_are_left_out():
    data = {"today": TODAY.isoformat(), "order": {"payment_confirmed": False}}
    plan, text = report_for(data)
    assert plan.next_deadline is None and not plan.evidence and not plan.messages
    assert headings(text) == ["What to do", "Money", "Steps", "Why"]
    assert "Next deadline" not in text and "Key dates" not in text


def test_a_day_to_wait_for_is_not_called_a_deadline():
    data = {
        "today": TODAY.isoformat(),
        "problem": "not_arrived",
        "order": {"shipped_on": day(-12), "estimated_delivery": day(7), "tracking": "in_transit"},
    }
    plan, text = report_for(data)
    assert not plan.next_deadline.last_day
    assert "Next date to watch" in headings(text) and "Next deadline" not in text
    assert section(text, "Next date to watch") == (
        "Estimated delivery: Thu 3 Dec 2026 (7 days left)\n"
        "How it's counted: Estimated delivery as you entered it = Thu 3 Dec 2026\n"
        "These dates count the usual 60 days of buyer protection from shipping. Your order page shows the real "
        "end (“Buyer protection” countdown): enter it for exact dates."
    )


def test_a_past_deadline_says_how_long_ago():
    data = {
        "today": TODAY.isoformat(),
        "order": {"shipped_on": day(-38)},
        "problem": "not_arrived",
        "dispute": {"status": "closed", "opened_on": day(-37), "closed_on": day(-36), "refund_processed_on": day(-35)},
    }
    plan, text = report_for(data)
    assert plan.next_deadline.days_left < 0
    assert days_phrase(plan.next_deadline.days_left) in text


def test_a_parcel_lost_after_protection_shows_the_refund_request_window():
    data = {"today": TODAY.isoformat(), "problem": "not_arrived", "order": {"shipped_on": day(-65), "total_paid": "30"}}
    plan, text = report_for(data)
    assert plan.dates.late_claim_deadline == dt.date.fromisoformat(day(10))
    lines = section(text, "Key dates").splitlines()
    at = lines.index(f"- You can open a dispute until {show_date(plan.dates.late_claim_deadline)}, from Fri 2 Oct 2026")
    assert lines[at + 1 : at + 3] == [
        "  Ends 15 days after protection ended",
        "  " + plan.counted["late_claim_deadline"],
    ]
    assert f"- Protection ended: {show_date(plan.dates.protection_ends)}" in lines
    assert section(text, "Next deadline").startswith("Last day to ask for a refund after protection: ")


def test_the_buyers_name_is_printed_as_given_on_one_line():
    _plan, text = report_for(received_fake(HOSTILE))
    first, underline = text.splitlines()[:2]
    assert first == "Plan for " + HOSTILE
    assert set(underline) == {"="} and len(underline) == 40


def test_control_characters_in_the_name_cannot_break_a_line():
    label = "Blue\ncase\r\x0bx\u2028y\u202e z\x00"
    _plan, text = report_for(received_fake(label))
    lines = text.splitlines()
    assert lines[0] == "Plan for Blue case x y z"
    assert set(lines[1]) == {"="}
    assert lines[2] == "" and lines[3].startswith("Made on ")


def test_order_name():
    case = read_case(received_fake("  Lamp  ", order_number="8012-3456 7890 1234"))
    assert order_name(case.order) == f"Lamp (order {NUMBER})"
    assert order_name(read_case(received_fake(None)).order) is None


def test_why_lists_each_figure_with_its_source_address_date_and_how_sure():
    plan, text = report_for(received_fake())
    lines = text.split("Why\n---\n", 1)[1].splitlines()
    sourced = [fact for fact in plan.facts if fact.confidence != "ours"]
    assert sourced, "a received fake item rests on figures with a source"
    for fact in plan.facts:
        at = lines.index("- " + fact.says)
        under = lines[at + 1 : at + 4]
        if fact.confidence == "ours":
            assert under[0] == "  Our own safety margin, not a rule of AliExpress."
            continue
        assert under[0].startswith("  Source: ") and fact.source in under[0]
        if fact.address:
            assert under[1] == "  " + fact.address
        checked = under[2] if fact.address else under[1]
        assert checked.startswith("  Checked " + show_date(fact.found) + "; ")


def test_the_guides_own_sections_are_named_as_the_guide():
    plan, text = report_for(received_fake())
    guide_fact = next(fact for fact in plan.facts if fact.key == "dispute_opens")
    assert "  Source: the buyer's guide, “" + guide_fact.source + "”" in text


def test_a_plan_without_facts_has_no_figures_line():
    case = read_case(received_fake())
    plan = advise(case).model_copy(update={"facts": []})
    assert "figures" not in plan_text(case, plan)
