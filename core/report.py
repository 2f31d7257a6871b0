"""The whole plan as one Markdown file, to keep, print or send to a friend.

The order's name is the buyer's own text, so it is escaped before it reaches the file:
a name must never turn into a link, a picture or HTML in whatever app opens the file.
"""

from __future__ import annotations

import datetime as dt
import re

from core.i18n import _, days_phrase, show_date, show_money
from core.models import Case, Plan
from core.timeline import order_timeline, plan_day, timeline_rows

_MARKUP = re.compile(r"([\\`*_\[\]<>|~&#$])")
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_LIST_MARK = re.compile(r"^([-+=>])")
_NUMBERED = re.compile(r"^(\d+)([.)])")
_BACKTICKS = re.compile(r"`+")


def plan_markdown(case: Case, plan: Plan, *, today: dt.date | None = None) -> str:
    """Headline, money, next deadline, key dates, checklists, warnings, messages and the guide's sections."""
    day = plan_day(case, plan, today)
    order = case.order
    name = user_text(order.label) if order.label else text(
        _("Order placed on {day}").format(day=show_date(order.placed_on))
    )
    parts = [
        "# " + text(_("Plan for {order}")).format(order=name),
        "_" + text(_("Made on {day}").format(day=show_date(day))) + "_",
        "## " + text(_("What to do")),
        "**" + text(plan.headline) + "**",
        "## " + text(_("Money")),
        "\n".join("- " + text(line) for line in money_lines(plan)),
    ]
    if plan.next_deadline is not None:
        deadline = plan.next_deadline
        parts += [
            "## " + text(_("Next deadline")),
            text(_("{what}: {day} ({left})")).format(
                what=text(deadline.label),
                day="**" + text(show_date(deadline.date)) + "**",
                left=text(days_phrase(deadline.days_left)),
            ),
        ]
    parts += ["## " + text(_("Key dates")), _table(timeline_rows(order_timeline(case, plan, today=day)))]
    parts += _section(_("Steps"), plan.steps, "- [ ] ")
    parts += _section(_("Proof to gather"), plan.evidence, "- [ ] ")
    parts += _section(_("Watch out"), plan.warnings, "- ")
    if plan.messages:
        parts.append("## " + text(_("Messages to send")))
        for message in plan.messages:
            parts += ["### " + text(message.title), fenced(message.body)]
    if plan.sources:
        parts += [
            "## " + text(_("Why")),
            text(_("This plan follows these sections of the AliExpress disputes guide:")),
            "\n".join("- " + text(source) for source in plan.sources),
        ]
    return "\n\n".join(parts) + "\n"


def money_lines(plan: Plan) -> list[str]:
    """What the plan asks for or accepts, and whether the item goes back."""
    amount = show_money(plan.refund_amount, plan.currency) if plan.refund_amount is not None else None
    if plan.refund == "full":
        lines = [_("A full refund of {amount}.").format(amount=amount)]
    elif plan.refund == "partial" and amount is not None:
        lines = [_("A partial refund of {amount}.").format(amount=amount)]
    elif plan.refund == "partial":
        lines = [_("A partial refund: an amount you think is fair.")]
    else:
        return [_("No money to ask for.")]
    return lines + [_("Send the item back.") if plan.return_item else _("Keep the item.")]


def _section(title: str, items: list[str], bullet: str) -> list[str]:
    """A heading and its list, or nothing at all when the list is empty."""
    if not items:
        return []
    return ["## " + text(title), "\n".join(bullet + text(item) for item in items)]


def _table(rows: list[dict[str, str]]) -> str:
    """A Markdown table whose columns are the rows' keys."""
    if not rows:
        return ""
    heads = list(rows[0])
    lines = [
        "| " + " | ".join(text(head) for head in heads) + " |",
        "|" + "---|" * len(heads),
    ]
    lines += ["| " + " | ".join(text(row[head]) for head in heads) + " |" for row in rows]
    return "\n".join(lines)


def fenced(body: str) -> str:
    """A code block that nothing in `body` can close early: the fence outgrows its longest run of backticks."""
    longest = max((len(run) for run in _BACKTICKS.findall(body)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{body}\n{fence}"


def text(value: str) -> str:
    """Our own words on one line, with the characters Markdown would act on escaped ($ too: some apps read maths)."""
    flat = " ".join(value.split())
    escaped = _LIST_MARK.sub(r"\\\1", _MARKUP.sub(r"\\\1", flat))
    return _NUMBERED.sub(r"\1\\\2", escaped)


def user_text(value: str) -> str:
    """The buyer's words: every punctuation mark escaped, so no link, address, picture or HTML can form."""
    return _PUNCTUATION.sub(r"\\\1", " ".join(value.split()))
