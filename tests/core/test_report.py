"""core.report: the plan as a Markdown file, with the buyer's own text escaped.

TODAY is Thursday 2026-11-26; every case is a plain dict as the wizard would send it.
"""

from __future__ import annotations

import datetime as dt
import re
import string

from core import advise, read_case
from core.i18n import days_phrase, show_date
from core.report import fenced, plan_markdown, text, user_text

TODAY = dt.date(2026, 11, 26)
HOSTILE = "[click](javascript:alert(1)) <script>x</script> ![i](http://e.io/a.png) www.evil.com *b* _i_ `c` | #"


def day(n: int) -> str:
    return (TODAY + dt.timedelta(days=n)).isoformat()


def report_for(data: dict) -> tuple:
    case = read_case(data)
    plan = advise(case)
    return plan, plan_markdown(case, plan)


def received_fake(label: str | None = "Blue phone case") -> dict:
    order = {"placed_on": day(-40), "shipped_on": day(-38), "received": True, "tracking": "delivered",
             "total_paid": "50", "shipping_paid": "5"}
    if label is not None:
        order["label"] = label
    return {"today": TODAY.isoformat(), "order": order, "problem": "fake"}


def outside_fences(markdown: str) -> str:
    """The document with its fenced blocks taken out: what a renderer would parse as Markdown."""
    return re.sub(r"^(`{3,})text\n.*?\n\1$", "", markdown, flags=re.S | re.M)


def unescaped(markdown: str, chars: str) -> list[str]:
    """Characters from `chars` that no backslash protects."""
    found, escaped = [], False
    for char in markdown:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in chars:
            found.append(char)
    return found


def test_the_whole_plan_is_there():
    plan, markdown = report_for(received_fake())
    assert markdown.startswith("# Plan for Blue phone case\n")
    assert "_Made on Thu 26 Nov 2026_" in markdown
    assert "**" + text(plan.headline) + "**" in markdown
    assert "- A full refund of \\$50.00." in markdown and "- Keep the item." in markdown
    deadline = plan.next_deadline
    assert f"{deadline.label}: **{show_date(deadline.date)}** ({days_phrase(deadline.days_left)})" in markdown
    assert "| What | From | To |" in markdown
    window = (show_date(plan.dates.earliest_dispute), show_date(plan.dates.dispute_deadline))
    assert "| Dispute window | {} | {} |".format(*window) in markdown
    for step in plan.steps:
        assert "- [ ] " + text(step) in markdown
    assert plan.evidence
    for item in plan.evidence:
        assert "- [ ] " + text(item) in markdown
    for warning in plan.warnings:
        assert "- " + text(warning) in markdown
    assert plan.messages
    for message in plan.messages:
        assert "### " + text(message.title) + "\n\n" + fenced(message.body) in markdown
    why = markdown.split("## Why", 1)[1]
    for source in plan.sources:
        assert "- " + text(source) in why


def test_sections_come_in_reading_order():
    _plan, markdown = report_for(received_fake())
    heads = re.findall(r"^## (.+)$", markdown, flags=re.M)
    assert heads == [
        "What to do", "Money", "Next deadline", "Key dates", "Steps", "Proof to gather", "Watch out",
        "Messages to send", "Why",
    ]


def test_empty_parts_are_left_out():
    data = {"today": TODAY.isoformat(), "order": {"placed_on": day(-2), "payment_confirmed": False}}
    plan, markdown = report_for(data)
    assert plan.next_deadline is None and not plan.evidence and not plan.messages
    assert "## Next deadline" not in markdown
    assert "## Proof to gather" not in markdown and "## Messages to send" not in markdown
    assert "# Plan for Order placed on " + show_date(dt.date.fromisoformat(day(-2))) in markdown


def test_partial_refund_without_an_amount_and_a_return():
    plan, markdown = report_for({**received_fake(), "problem": "slightly_imperfect"})
    assert "- A partial refund: an amount you think is fair." in markdown
    plan, markdown = report_for({**received_fake(), "problem": "changed_mind"})
    assert plan.return_item and "- Send the item back." in markdown


def test_a_past_deadline_says_how_long_ago():
    data = {
        "today": TODAY.isoformat(),
        "order": {"placed_on": day(-40), "shipped_on": day(-38)},
        "problem": "not_arrived",
        "dispute": {"status": "closed", "opened_on": day(-37), "closed_on": day(-36), "refund_processed_on": day(-35)},
    }
    plan, markdown = report_for(data)
    assert plan.next_deadline.days_left < 0
    assert days_phrase(plan.next_deadline.days_left) in markdown


def test_the_order_name_cannot_inject_links_pictures_or_html():
    _plan, markdown = report_for(received_fake(HOSTILE))
    assert markdown.splitlines()[0] == "# Plan for " + user_text(HOSTILE)
    assert unescaped(user_text(HOSTILE), string.punctuation) == []
    parsed = outside_fences(markdown)
    assert HOSTILE not in parsed and HOSTILE in markdown  # raw only inside the messages' code blocks
    prose = [line.removeprefix("- [ ] ") for line in parsed.splitlines() if not line.startswith("|")]
    assert unescaped("\n".join(prose), "[]<>`|") == []


def test_messages_stay_whole_even_with_backticks_in_the_name():
    label = "Case ```` end"
    plan, markdown = report_for(received_fake(label))
    body = plan.messages[0].body
    assert label in body
    assert "`````text\n" + body + "\n`````" in markdown


def test_user_text_escapes_every_punctuation_mark_and_flattens_lines():
    assert user_text("a.b [c]\n<d>") == "a\\.b \\[c\\] \\<d\\>"
    assert user_text("50% off, 2 pcs") == "50\\% off\\, 2 pcs"


def test_our_text_escapes_markup_but_stays_readable():
    assert text("Ask for a full refund of $4.00.") == "Ask for a full refund of \\$4.00."
    assert text("- 1. not a list") == "\\- 1. not a list"
    assert text("1. not a list either") == "1\\. not a list either"
    assert text("a *b* _c_ <d> [e]") == "a \\*b\\* \\_c\\_ \\<d\\> \\[e\\]"
