"""The plan on screen: what to do, by when, for how much, how, and why.

Shared by the wizard and the orders page, so a plan reads the same wherever it shows.
All user text is shown as text (st.text / st.code / markdown-escaped), never as HTML.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from core.calendar import plan_calendar
from core.i18n import _, current_language, days_phrase, show_date, show_money
from core.models import Case, Plan
from core.report import plan_markdown
from core.timeline import Timeline, order_timeline, timeline_rows
from ui import state
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
    "confirm_receipt": ":material/inventory:",
    "nothing_to_do": ":material/check_circle:",
}


def money_line(plan: Plan) -> str:
    """What the plan asks for, in one line: "Full refund: $40.00 · keep the item"."""
    if plan.refund == "none":
        return _("No money to ask for at this step.")
    amount = plan.refund_amount
    if plan.refund == "full":
        what = _("Full refund") if not amount else _("Full refund: {amount}").format(
            amount=show_money(amount, plan.currency))
    elif amount is None:
        what = _("Partial refund: the amount you think is fair")
    else:
        what = _("Partial refund: {amount}").format(amount=show_money(amount, plan.currency))
    item = _("send the item back") if plan.return_item else _("keep the item")
    return f"{what} · {item}"


def deadline_line(plan: Plan) -> str | None:
    deadline = plan.next_deadline
    if deadline is None:
        return None
    if deadline.days_left < 0:
        return _("{label}: {day} ({ago})").format(
            label=deadline.label, day=show_date(deadline.date), ago=days_phrase(deadline.days_left))
    return _("{left}: {label} {day}").format(
        left=days_phrase(deadline.days_left).capitalize(), label=deadline.label.lower(), day=show_date(deadline.date))


def show_plan(case: Case, plan: Plan, key: str = "plan") -> None:
    """Draw the whole plan. `key` keeps widget keys apart when several plans can show."""
    st.markdown(f"### {ACTION_ICONS[plan.action]} " + escape(plan.headline))
    line = deadline_line(plan)
    if line is not None:
        urgent = plan.next_deadline.days_left <= 5
        (st.error if urgent else st.info)(escape(line), icon=":material/event:")
    if plan.refund == "none":
        st.caption(escape(money_line(plan)))
    else:
        st.success(escape(money_line(plan)), icon=":material/payments:")
    for warning in plan.warnings:
        st.warning(escape(warning), icon=":material/warning:")

    st.markdown("#### " + _("Steps"))
    for number, text in enumerate(plan.steps):
        st.checkbox(escape(text), key=f"{key}_step_{number}")
    if plan.evidence:
        st.markdown("#### " + _("Proof to gather"))
        for number, text in enumerate(plan.evidence):
            st.checkbox(escape(text), key=f"{key}_proof_{number}")
    if plan.messages:
        st.markdown("#### " + _("Ready-to-send messages"))
        st.caption(_("Use the copy button at the top right of each message, then fill in anything in [brackets]."))
        for message in plan.messages:
            st.markdown("**" + escape(message.title) + "**")
            st.code(message.body, language=None, wrap_lines=True)

    show_timeline(case, plan, key)

    st.markdown("#### " + _("Take it with you"))
    left, right = st.columns(2)
    calendar = plan_calendar(case, plan)
    left.download_button(
        _("Add deadlines to my calendar"), calendar, file_name="aliexpress-deadlines.ics", mime="text/calendar",
        icon=":material/calendar_month:", key=f"{key}_ics", on_click="ignore", width="stretch",
        disabled=b"BEGIN:VEVENT" not in calendar,
    )
    right.download_button(
        _("Download the plan"), plan_markdown(case, plan), file_name="aliexpress-plan.md", mime="text/markdown",
        icon=":material/download:", key=f"{key}_md", on_click="ignore", width="stretch",
    )
    with st.expander(_("Why this advice")):
        st.write(_("This plan follows these parts of the buyer's guide:"))
        for source in plan.sources:
            st.markdown("- " + escape(source))


def timeline_figure(timeline: Timeline) -> go.Figure:
    """The chart, built once per timeline in this session (a tick on the plan reruns the page)."""
    return state.remembered("plan_figure", (timeline, current_language()), lambda: order_figure(timeline))


def show_timeline(case: Case, plan: Plan, key: str) -> None:
    """The order's protection windows as a chart, with the same dates as a table for reading."""
    timeline = order_timeline(case, plan)
    st.markdown("#### " + _("Your order's timeline"))
    if not timeline.windows and not timeline.events:
        st.caption(_("No dates to show yet."))
        return
    st.plotly_chart(timeline_figure(timeline), config=CHART_CONFIG, key=f"{key}_chart", width="stretch")
    rows = timeline_rows(timeline)
    if rows:
        st.dataframe(rows, hide_index=True, width="stretch")


MARKDOWN_SPECIALS = "\\`*_{}[]<>()#+-.!|~"


def escape(text: str) -> str:
    """Text safe to put inside Markdown: every character Markdown or HTML would act on is escaped."""
    return "".join("\\" + char if char in MARKDOWN_SPECIALS else char for char in text)
