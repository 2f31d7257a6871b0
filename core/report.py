"""The whole plan as one plain-text file, to keep, print or send to a friend.

Plain text, not Markdown: the file is mostly opened on a phone, in whatever viewer it
lands in, and most show Markdown as it is written, with its escapes (`\\$`, `\\-`) in the
middle of the buyer's amounts and dates. Plain text reads the same everywhere, nothing in
it is ever rendered, so nothing needs escaping, and the messages can be copied as they are.
Headings are a line with a line of `=` or `-` under it, lists start with "- ", and the
things to do with "[ ] ", to tick on paper.
"""

from __future__ import annotations

import datetime as dt

from core import guide
from core.counting import assumed_protection, how_counted
from core.i18n import _, days_phrase, show_date
from core.models import Case, FactNote, Message, Order, Plan
from core.timeline import Window, in_date_order, order_timeline, plan_day

RULE_MAX = 40
"""The longest line of `=` or `-` under a heading: a longer one wraps on a phone's screen."""


def plan_text(case: Case, plan: Plan, *, today: dt.date | None = None) -> str:
    """Headline, money, next date, key dates, checklists, warnings, messages and the guide's sections."""
    day = plan_day(case, plan, today)
    title = _("Plan for {order}").format(order=order_name(case.order) or _unnamed(case.order))
    parts = [
        _heading(title, "="),
        _("Made on {day}").format(day=show_date(day)),
        _heading(_("What to do")) + plan.headline,
        _heading(_("Money")) + plan.money,
    ]
    if plan.next_deadline is not None:
        deadline = plan.next_deadline
        parts.append(
            _heading(_("Next deadline") if deadline.last_day else _("Next date to watch"))
            + _("{what}: {day} ({left})").format(
                what=deadline.label, day=show_date(deadline.date), left=days_phrase(deadline.days_left)
            )
            + counted_line(plan)
        )
    dates = key_dates(case, plan, day)
    if dates:
        # A date's line is a list item; how it was counted follows it, indented, on lines of its own.
        parts.append(
            _heading(_("Key dates")) + "\n".join(line if line.startswith(" ") else "- " + line for line in dates)
        )
    parts += _section(_("Steps"), plan.steps, "[ ] ")
    parts += _section(_("Proof to gather"), plan.evidence, "[ ] ")
    parts += _section(_("Watch out"), plan.warnings, "- ")
    if plan.messages:
        parts.append(_heading(_("Messages to send")).rstrip("\n"))
        parts += [message_text(message) for message in plan.messages]
    why = why_lines(plan)
    if why:
        parts.append(_heading(_("Why")) + "\n".join(why))
    return "\n\n".join(parts) + "\n"


def why_lines(plan: Plan) -> list[str]:
    """The guide's sections the plan follows, then each figure it counts on with its source, address and date."""
    lines = []
    if plan.sources:
        lines.append(_("This plan follows these sections of the AliExpress disputes guide:"))
        lines += ["- " + source for source in plan.sources]
    if plan.facts:
        if lines:
            lines.append("")
        lines.append(_("The figures it counts on, and where they come from:"))
        for fact in plan.facts:
            lines.append("- " + " ".join(fact.says.split()))
            lines += ["  " + line for line in fact_source_lines(fact)]
    return lines


def source_words(fact: FactNote) -> str:
    """A figure's source by name; a section of the buyer's guide says so, since its title alone reads as a question."""
    sections = {_(title) for name, title in vars(guide).items() if name.isupper() and isinstance(title, str)}
    if fact.source in sections:
        return _("the buyer's guide, “{section}”").format(section=fact.source)
    return fact.source


def confidence_words(fact: FactNote) -> str:
    """How sure we are of a figure, in words a buyer can weigh."""
    return {
        "high": _("official, or several sources agree"),
        "medium": _("fairly sure"),
        "low": _("one source only: treat it as a rough guide"),
        "ours": _("our own safety margin"),
    }[fact.confidence]


def fact_source_lines(fact: FactNote) -> list[str]:
    """Where a figure comes from (its page's address on a line of its own), when it was checked, and how sure we are.

    A margin of our own has no source to check: it says so, and nothing more.
    """
    if fact.confidence == "ours":
        return [_("Our own safety margin, not a rule of AliExpress.")]
    lines = [_("Source: {source}").format(source=source_words(fact))]
    if fact.address:
        lines.append(fact.address)
    lines.append(_("Checked {day}; {how_sure}.").format(day=show_date(fact.found), how_sure=confidence_words(fact)))
    return lines


def order_name(order: Order) -> str | None:
    """The order as the buyer knows it: the item's name and/or the order number, or None when neither is given.

    The name is the buyer's own text, already one clean line (core.models.plain_line);
    it is flattened once more so that no line break can ever split a heading.
    """
    label = " ".join(order.label.split()) if order.label else ""
    number = order.order_number
    if label and number:
        return _("{item} (order {number})").format(item=label, number=number)
    if number:
        return _("order {number}").format(number=number)
    return label or None


def _unnamed(order: Order) -> str:
    """An order without a name or number: by the day it was placed, only when the buyer gave it."""
    if order.placed_on is not None:
        return _("your order placed on {day}").format(day=show_date(order.placed_on))
    return _("your order")


def key_dates(case: Case, plan: Plan, today: dt.date) -> list[str]:
    """The timeline's windows and events as lines in date order ("Too early to dispute: Sat 7 Nov 2026 – ..."),
    each window or plan day followed by how it was counted, indented ("  Shipped ... = ..."). A span to open
    a dispute names its last day already ("You can open a dispute until ..., from ..."), then says why, indented."""
    lines = []
    for item in in_date_order(order_timeline(case, plan, today=today)):
        if isinstance(item, Window):
            when = (
                show_date(item.start)
                if item.start == item.end
                else _("{start} – {end}").format(start=show_date(item.start), end=show_date(item.end))
            )
        else:
            when = show_date(item.date)
        if isinstance(item, Window) and item.reason:
            # "You can open a dispute until ..." names its last day already: the line gives the first and why.
            lines.append(_("{what}, from {day}").format(what=item.label, day=show_date(item.start)))
            lines.append("  " + item.reason)
        else:
            lines.append(_("{what}: {when}").format(what=item.label, when=when))
        lines += ["  " + how for how in item.counted]
    return lines


def counted_line(plan: Plan) -> str:
    """How the next date was counted, and whether it rests on the usual protection, on lines under it."""
    lines = [line for line in (how_counted(plan), assumed_protection(plan)) if line is not None]
    return "".join("\n" + line for line in lines)


def message_text(message: Message) -> str:
    """A message's title, what to fill in before sending it (when anything), then its text as is."""
    head = "--- " + message.title + " ---"
    if message.fill_in:
        head += "\n" + _("Fill in before sending: {names}").format(names=", ".join(message.fill_in))
    return head + "\n\n" + message.body


def _heading(title: str, rule: str = "-") -> str:
    """A heading on its own line, underlined, and the line where its section starts."""
    line = " ".join(title.split())
    underline = rule * min(max(len(line), 3), RULE_MAX)
    return line + "\n" + underline + ("" if rule == "=" else "\n")


def _section(title: str, items: list[str], bullet: str) -> list[str]:
    """A heading and its list, or nothing at all when the list is empty."""
    if not items:
        return []
    return [_heading(title) + "\n".join(bullet + " ".join(item.split()) for item in items)]
