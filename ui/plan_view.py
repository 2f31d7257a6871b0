"""The plan on screen: what to do, by when, for how much, how, and why.

Shared by the wizard and the orders page, so a plan reads the same wherever it shows.
All user text is shown as text (st.text / st.code / markdown-escaped, or JSON data for the copy button),
never as HTML.
"""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

from core import advise
from core.calendar import plan_calendar
from core.counting import assumed_protection, how_counted
from core.facts import RUNNING_OUT
from core.i18n import DEFAULT_LANGUAGE, LANGUAGES, _, current_language, days_phrase, in_language, ngettext, show_date
from core.models import LOCAL_READERS, Case, FactNote, Message, Plan
from core.report import confidence_words, plan_text, source_words
from core.timeline import Timeline, order_timeline, timeline_rows
from ui import state
from ui.chart_name import named_chart
from ui.copy_button import copy_button
from ui.timeline import CHART_CONFIG, order_figure

ACTION_ICONS = {
    "cancel_order": ":material/cancel:",
    "request_cancellation": ":material/cancel_schedule_send:",
    "wait": ":material/hourglass_top:",
    "contact_seller": ":material/chat:",
    "open_dispute": ":material/gavel:",
    "cancel_dispute": ":material/undo:",
    "accept_seller_offer": ":material/handshake:",
    "accept_aliexpress_offer": ":material/handshake:",
    "appeal": ":material/campaign:",
    "contact_support": ":material/support_agent:",
    "check_with_bank": ":material/account_balance:",
    "open_paypal_dispute": ":material/gavel:",
    "collect_parcel": ":material/local_post_office:",
    "add_proof": ":material/upload_file:",
    "confirm_receipt": ":material/inventory:",
    "nothing_to_do": ":material/check_circle:",
}


def deadline_line(plan: Plan) -> str | None:
    """The next date in one line; "days left" only counts down to a last day, a day to wait for is "in N days"."""
    deadline = plan.next_deadline
    if deadline is None:
        return None
    days = deadline.days_left
    if deadline.last_day or days < 2:
        when = days_phrase(days)
    else:
        when = ngettext("in {n} day", "in {n} days", days).format(n=days)
    return _("{what}: {day} ({left})").format(what=deadline.label, day=show_date(deadline.date), left=when)


def urgent(plan: Plan) -> bool:
    """Red only for a last day that is close (or gone): a day to wait for is never an alarm."""
    deadline = plan.next_deadline
    return deadline is not None and deadline.last_day and deadline.days_left <= RUNNING_OUT.value


def fill_in_line(message: Message) -> str | None:
    """What the buyer must replace in the message before sending it, or None when it is ready as is."""
    if not message.fill_in:
        return None
    return _("Fill in before sending: {names}").format(names=escape(", ".join(message.fill_in)))


def show_plan(
    case: Case,
    plan: Plan,
    key: str = "plan",
    after_steps: Callable[[], None] | None = None,
    names: Callable[[], None] | None = None,
    order_id: str | None = None,
    fix_protection: Callable[[], None] | None = None,
    payment: Callable[[], None] | None = None,
) -> None:
    """Draw the whole plan. `key` keeps widget keys apart when several plans can show.

    `after_steps` draws the page's own way out of the steps (the wizard's "won't let me"
    button); `names` draws, right above the messages, where the order's number and name
    are asked (the wizard) or where to add them (the orders page). `order_id` names the order in
    the calendar file as the orders page's own file does (the wizard leaves it to core).
    `fix_protection` draws, under the line saying the dates rest on the usual protection, the page's
    one-tap way to enter the real end from the order page. `payment` draws, right under the summary, where
    the page asks how and when the order was paid (the wizard; the orders page has its own columns).
    """
    show_summary(plan, fix_protection)
    if payment is not None:
        payment()
    show_checklists(plan, key, after_steps)
    if plan.messages:
        show_messages(plan, names, case, key)
    show_timeline(case, plan, key)
    show_downloads(case, plan, key, order_id)
    show_why(plan)


def show_why(plan: Plan) -> None:
    """The guide's parts the plan follows, then each figure it counts on: where it comes from, when we checked
    it and how sure we are, so a buyer can weigh a figure before staking money on it."""
    with st.expander(_("Why this advice")):
        if plan.sources:
            st.write(_("This plan follows these parts of the buyer's guide:"))
            for source in plan.sources:
                st.markdown("- " + escape(source))
        if plan.facts:
            st.write(_("The figures it counts on, and where they come from:"))
            for fact in plan.facts:
                st.markdown("- " + escape(fact.says) + "  \n  " + fact_source_line(fact))


def fact_source_line(fact: FactNote) -> str:
    """A figure's source as Markdown: its page's address as plain text (the app's own texts hold no links),
    the day we checked it, how sure we are."""
    if fact.confidence == "ours":
        return "*" + escape(_("Our own safety margin, not a rule of AliExpress.")) + "*"
    source = escape(source_words(fact))
    if fact.address:
        # As code: shown exactly as typed (Markdown escapes would show inside a bare address), and never a link.
        source += " (`" + fact.address.replace("`", "") + "`)"
    return (
        "*"
        + _("Source: {source} · checked {day} · {how_sure}").format(
            source=source, day=escape(show_date(fact.found)), how_sure=escape(confidence_words(fact))
        )
        + "*"
    )


def show_summary(plan: Plan, fix_protection: Callable[[], None] | None = None) -> None:
    """What to do, by when, the money, and the warnings: what a hurried reader sees first."""
    st.markdown(f"### {ACTION_ICONS[plan.action]} " + escape(plan.headline))
    line = deadline_line(plan)
    if line is not None:
        (st.error if urgent(plan) else st.info)(escape(line), icon=":material/event:")
    how = how_counted(plan)
    if how is not None:
        st.caption(escape(how))
    assumed = assumed_protection(plan)
    if assumed is not None:
        st.caption(escape(assumed))
        if fix_protection is not None:
            fix_protection()
    if plan.refund == "none":
        st.caption(escape(plan.money))
    else:
        st.success(escape(plan.money), icon=":material/payments:")
    for warning in plan.warnings:
        st.warning(escape(warning), icon=":material/warning:")


def show_checklists(plan: Plan, key: str, after_steps: Callable[[], None] | None) -> None:
    """The steps and the proof, as boxes to tick while doing them."""
    st.markdown("#### " + _("Steps"))
    for number, text in enumerate(plan.steps):
        st.checkbox(escape(text), key=f"{key}_step_{number}")
    if after_steps is not None:
        after_steps()
    if plan.evidence:
        st.markdown("#### " + _("Proof to gather"))
        for number, text in enumerate(plan.evidence):
            st.checkbox(escape(text), key=f"{key}_proof_{number}")


def english_messages(case: Case, plan: Plan, key: str) -> list[Message]:
    """The same plan's messages written in English: made once per case and day in this session, like the plan."""

    def build() -> list[Message]:
        with in_language("en"):
            return advise(case, today=plan.today).messages

    return state.remembered(f"{key}_english_messages", (case, plan.today), build)


def show_messages(plan: Plan, names: Callable[[], None] | None, case: Case | None = None, key: str = "plan") -> None:
    """The ready-to-send messages, each with what to fill in before sending.

    In another language than English, a message for the seller or AliExpress shows in English, with a toggle to
    read it (and copy it) in the buyer's language; the copy button copies the version shown.
    """
    st.markdown("#### " + _("Ready-to-send messages"))
    language = current_language()
    english = plan.messages
    if language != DEFAULT_LANGUAGE and case is not None:
        english = english_messages(case, plan, key)
        if [m.kind for m in english] != [m.kind for m in plan.messages]:
            english = plan.messages  # never pair a message with another's translation
        elif any(m.kind not in LOCAL_READERS for m in plan.messages):
            st.caption(_("Sellers and AliExpress's staff read English, so these messages are in English first."))
    if names is not None:
        names()
    for number, (message, in_english) in enumerate(zip(plan.messages, english, strict=True)):
        # The keyed box (class st-key-message_N) lets ui/phone.py hide st.code's own hover icon there.
        with st.container(key=f"message_{number}"):
            st.markdown("**" + escape(message.title) + "**")
            shown = message
            if in_english is not message and message.kind not in LOCAL_READERS:
                own = st.toggle(
                    _("Show in {language}").format(language=LANGUAGES.get(language, language)),
                    key=f"{key}_message_{number}_own",
                )
                shown = message if own else in_english
            needed = fill_in_line(shown)
            if needed is not None:
                st.caption(needed)
            st.code(shown.body, language=None, wrap_lines=True)
            copy_button(shown.body, message.title, key=f"message_{number}_copy")


def show_downloads(case: Case, plan: Plan, key: str, order_id: str | None) -> None:
    """The deadlines as calendar reminders and the whole plan as a text file."""
    st.markdown("#### " + _("Take it with you"))
    left, right = st.columns(2)
    calendar = plan_calendar(case, plan, order_id)
    left.download_button(
        _("Add deadlines to my calendar"),
        calendar,
        file_name="aliexpress-deadlines.ics",
        mime="text/calendar",
        icon=":material/calendar_month:",
        key=f"{key}_ics",
        on_click="ignore",
        width="stretch",
        disabled=b"BEGIN:VEVENT" not in calendar,
    )
    right.download_button(
        _("Download the plan"),
        plan_text(case, plan),
        file_name="aliexpress-plan.txt",
        mime="text/plain",
        icon=":material/download:",
        key=f"{key}_text",
        on_click="ignore",
        width="stretch",
    )


def timeline_figure(timeline: Timeline) -> go.Figure:
    """The chart, built once per timeline in this session (a tick on the plan reruns the page)."""
    return state.remembered("plan_figure", (timeline, current_language()), lambda: order_figure(timeline))


def show_timeline(case: Case, plan: Plan, key: str) -> None:
    """The order's protection windows as a named chart, then the same windows and dates as a list in words."""
    timeline = order_timeline(case, plan)
    st.markdown("#### " + _("Your order's timeline"))
    if not timeline.windows and not timeline.events:
        st.caption(_("No dates to show yet."))
        return
    named_chart(timeline_figure(timeline), chart_name(timeline), key=f"{key}_chart", config=CHART_CONFIG)
    with st.expander(_("The timeline as a list")):
        st.markdown("\n".join("- " + timeline_line(row) for row in timeline_rows(timeline)))


def chart_name(timeline: Timeline) -> str:
    """The chart's accessible name: what it shows, and where the same is in words."""
    return _("Timeline chart of your order: {periods} and {dates}. The same is in the list below it.").format(
        periods=ngettext("{n} period", "{n} periods", len(timeline.windows)).format(n=len(timeline.windows)),
        dates=ngettext("{n} date", "{n} dates", len(timeline.events)).format(n=len(timeline.events)),
    )


def timeline_line(row: dict[str, str]) -> str:
    """One row of core's timeline table in words, as Markdown: "**What:** From to To (how it's counted)"."""
    what, start, end, how = row.values()
    when = _("{start} to {end}").format(start=start, end=end) if end else start
    return f"**{escape(what)}:** {escape(when)}" + (f" ({escape(how)})" if how else "")


MARKDOWN_SPECIALS = "\\`*_{}[]<>()#+-.!|~"


def escape(text: str) -> str:
    """Text safe to put inside Markdown: every character Markdown or HTML would act on is escaped."""
    return "".join("\\" + char if char in MARKDOWN_SPECIALS else char for char in text)
