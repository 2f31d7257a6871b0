"""My orders: every order in flight side by side, most urgent first, kept in this browser only.

Thin on purpose: core.orders advises and ranks the rows, core.order_files reads and writes
the files; ui.orders_state keeps the rows, ui.orders_table applies edits, ui.order_files
brings files in and out; this page only lays them out.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from core.dates import known_countries
from core.i18n import _, current_language, ngettext
from core.models import LABEL_MAX
from core.orders import MAX_ORDERS, Assessed, Urgency, row_to_case, summary
from ui import browser_storage, language, order_files, order_form, orders_state, orders_table, orders_words, state
from ui.orders_words import status_words
from ui.phone import phone_controls
from ui.plan_view import escape, show_plan
from ui.timeline import CHART_CONFIG, orders_lines

PICKED = "orders_picked"
CHART = "orders_chart"
LIST_ALL = "orders_list_all"
CHART_ALL = "orders_chart_all"
CHART_WORDS = "orders_chart_words_memo"
CHART_TABLE = "orders_chart_table"
CARDS = "orders_cards_memo"
LIST_SHOWN = 15
"""Orders listed before the rest wait behind a toggle: a phone screen scans about this many."""


def show_notes() -> None:
    """What the last change did, told once, above everything else."""
    for kind, text, details in orders_state.take_notes():
        box = getattr(st, kind)
        box("\n".join([text, *(f"- {line}" for line in details)]) if details else text)


def show_summary(items: list[Assessed]) -> None:
    """How many orders need the buyer now, this week or not yet, and the money still at stake."""
    counts = summary(items)
    with st.container(horizontal=True):
        st.metric(
            status_words(Urgency.due_soon),
            counts.act_now,
            help=_("Overdue, or due within 5 days."),
            border=True,
            width=150,
        )
        st.metric(
            status_words(Urgency.this_week), counts.this_week, help=_("Due in 6 or 7 days."), border=True, width=150
        )
        st.metric(
            status_words(Urgency.later),
            counts.waiting + counts.later,
            help=_("Nothing to do yet, or more than a week left."),
            border=True,
            width=150,
        )
        st.metric(status_words(Urgency.settled), counts.settled, border=True, width=150)
    if counts.to_fix:
        st.warning(
            ngettext(
                "{n} order has dates that don't fit together: open it below to fix them.",
                "{n} orders have dates that don't fit together: open each below to fix them.",
                counts.to_fix,
            ).format(n=counts.to_fix),
            icon=":material/warning:",
        )
    if counts.at_stake:
        st.markdown(
            _("**Money at stake:** {amounts}").format(amounts=orders_words.money_at_stake(counts.at_stake)),
            help=_("What you paid for orders with a problem or an open dispute."),
        )


def show_add_form(empty: bool) -> None:
    """A name and two dates add an order; open from the start when the table is empty."""
    with (
        st.expander(_("Add an order"), expanded=empty, icon=":material/add:"),
        st.form("add_order", clear_on_submit=True, border=False),
    ):
        st.text_input(_("What is it?"), max_chars=LABEL_MAX, placeholder=_("e.g. Blue headphones"), key="add_label")
        left, right = st.columns(2)
        left.date_input(_("Placed on"), value=None, max_value=state.today(), key="add_placed", format="YYYY-MM-DD")
        right.date_input(
            _("Shipped on (if it has)"), value=None, max_value=state.today(), key="add_shipped", format="YYYY-MM-DD"
        )
        st.caption(_("Everything else starts at its usual value: open the order to change it."))
        st.form_submit_button(
            _("Add order"), icon=":material/add:", type="primary", on_click=orders_table.add_from_form
        )


def show_table(items: list[Assessed], today: dt.date) -> None:
    """The full table for wide screens and bulk edits, folded away: a phone never needs it.

    Its edits are applied at the top of the next run.
    """
    with st.expander(_("Edit all orders as a table"), icon=":material/table:"):
        st.data_editor(
            orders_table.frame(items, today),
            key=orders_state.editor_key(),
            column_config=orders_table.column_config(),
            num_rows="dynamic",
            hide_index=True,
            width="stretch",
            height="auto" if len(items) <= 14 else 560,
            placeholder="—",
        )
        st.caption(_("Most urgent first. Edit a cell to update an order; tick a line's box to delete it."))


def open_order(order_id: str) -> None:
    st.session_state[PICKED] = order_id


def close_order() -> None:
    st.session_state[PICKED] = None


def show_list(items: list[Assessed], today: dt.date) -> None:
    """One card per order, most urgent first: its status, name, what to do and by when.

    One tap on a card's button opens its plan right under it; deleting is a separate button that
    asks first. Past LIST_SHOWN orders the rest wait behind a toggle, and a picker finds any order.
    """
    by_id = {item.row.id: item for item in items}
    if st.session_state.get(PICKED) not in by_id:
        st.session_state.pop(PICKED, None)
    st.subheader(_("Your orders"))
    if len(items) > LIST_SHOWN:
        show_picker(by_id)
        every = st.toggle(
            ngettext("Show all {n} order", "Show all {n} orders", len(items)).format(n=len(items)), key=LIST_ALL
        )
    else:
        every = False
    picked = st.session_state.get(PICKED)
    shown = items if every else items[:LIST_SHOWN]
    if picked is not None and all(item.row.id != picked for item in shown):
        shown = [by_id[picked], *shown]
    for item in shown:
        show_card(item, today, opened=item.row.id == picked)
    hidden = len(items) - len(shown)
    if hidden > 0:
        st.caption(ngettext("{n} more order, less urgent.", "{n} more orders, less urgent.", hidden).format(n=hidden))


def show_picker(by_id: dict[str, Assessed]) -> None:
    """With many orders: any order by its name, opened under its card."""
    st.selectbox(
        _("Find an order"),
        list(by_id),
        index=None,
        key=PICKED,
        format_func=lambda order_id: (
            orders_words.status_words(by_id[order_id].urgency) + " · " + orders_words.name(by_id[order_id].row)
        ),
        placeholder=_("Choose an order"),
    )


def card_words(item: Assessed, today: dt.date) -> tuple[str, str, str]:
    """A card's Markdown (status and name, what to do and by when, the delete question), made once per order
    version, day and language: escaping every name anew on each rerun was most of the list's time."""
    memo = st.session_state.setdefault(CARDS, {})
    key = (item.row, today, orders_state.country(), current_language())
    if key not in memo:
        if len(memo) >= 4 * MAX_ORDERS:
            memo.clear()  # old versions of edited orders: dropped now and then, never grown without end
        name = escape(orders_words.name(item.row))
        memo[key] = (
            orders_words.status_markdown(item.urgency) + " · " + name,
            escape(orders_words.todo_line(item)),
            _("Delete “{order}” from this page and this browser?").format(order=name),
        )
    return memo[key]


def show_card(item: Assessed, today: dt.date, opened: bool) -> None:
    """One order: status, name, what to do now and by when, and one button that opens its plan.

    Delete is in the opened card only, beside Close, and asks first: a tap on the list can never delete,
    and each closed card stays four small elements however many orders there are.
    """
    order_id = item.row.id
    head, todo, question = card_words(item, today)
    with st.container(border=True, key=f"order_card_{order_id}"):
        st.markdown(head)
        st.markdown(todo)
        if not opened:
            st.button(
                _("Open the plan"),
                key=f"open_{order_id}",
                on_click=open_order,
                args=(order_id,),
                icon=":material/arrow_forward:",
            )
            return
        with st.container(horizontal=True):
            st.button(_("Close the plan"), key=f"close_{order_id}", on_click=close_order, icon=":material/close:")
            with st.popover(_("Delete"), icon=":material/delete:"):
                st.markdown(question)
                st.button(
                    _("Yes, delete it"),
                    key=f"delete_{order_id}",
                    on_click=orders_state.delete_order,
                    args=(order_id,),
                    icon=":material/delete:",
                )
        show_opened(item, today)


def show_opened(item: Assessed, today: dt.date) -> None:
    """The opened order: its details to change, then its full plan, or why its dates stop one."""
    with st.expander(_("Change this order's details"), expanded=item.plan is None, icon=":material/edit:"):
        order_form.show_form(item, today)
    if item.plan is None:
        st.error(
            _("This order's dates don't fit together, so there is no plan yet:")
            + "\n"
            + "\n".join(
                f"- {escape(orders_words.titles().get(p.field, p.field))}: {escape(p.message)}" for p in item.problems
            )
        )
        return
    show_plan(
        row_to_case(item.row, today, orders_state.country()),
        item.plan,
        key=f"plan_{item.row.id}",
        names=None if item.row.order_number else show_number_hint,
        order_id=item.row.id,
        fix_protection=show_protection_hint,
    )


def pick_from_chart(names: dict[str, str]) -> None:
    """A click on an order's row in the chart opens that order's plan."""
    points = st.session_state[CHART].selection.points
    if points and points[0].get("y") in names:
        st.session_state[PICKED] = names[points[0]["y"]]


def show_timeline(items: list[Assessed], today: dt.date) -> None:
    """The most urgent orders' deadlines on one chart, named by the heading above it, with its twin in words.

    A tap on an order's row opens its plan in the list; past CHART_SHOWN orders a toggle draws them all.
    """
    planned = sum(item.plan is not None for item in items)
    every = False
    if planned > orders_state.CHART_SHOWN:
        every = st.session_state.get(CHART_ALL, False)
    drawn = orders_state.chart(items, today, every)
    if drawn is None:
        return
    st.subheader(_("All deadlines"))
    if planned > orders_state.CHART_SHOWN:
        if drawn.hidden:
            st.caption(
                ngettext(
                    "The {shown} most urgent orders. {n} more order isn't drawn.",
                    "The {shown} most urgent orders. {n} more orders aren't drawn.",
                    drawn.hidden,
                ).format(shown=len(drawn.rows), n=drawn.hidden)
            )
        st.toggle(
            ngettext("Draw all {n} order", "Draw all {n} orders", planned).format(n=planned),
            key=CHART_ALL,
        )
    st.plotly_chart(
        drawn.figure,
        config=CHART_CONFIG,
        width="stretch",
        key=CHART,
        on_select=lambda: pick_from_chart(drawn.names),
        selection_mode="points",
    )
    st.caption(_("Tap an order's bar to open its plan in the list above."))
    if st.toggle(_("Show the chart in words"), key=CHART_TABLE):
        st.table(
            state.remembered(CHART_WORDS, (drawn.rows, current_language()), lambda: chart_words(drawn)), hide_index=True
        )


def chart_words(drawn: orders_state.Chart) -> dict[str, list[str]]:
    """The chart's table twin: each drawn order's windows and events in words, as table columns."""
    lines = orders_lines(drawn.rows)
    return {
        _("Order"): [escape(name) for name, _what, _when in lines],
        _("What"): [escape(what) for _name, what, _when in lines],
        _("When"): [escape(when) for _name, _what, when in lines],
    }


def show_number_hint() -> None:
    """The orders page asks for nothing above the messages: the number belongs in the order's details."""
    st.caption(_("Add the order number under “Change this order's details” to fill it in."))


def show_protection_hint() -> None:
    """Under the line saying the dates count the usual protection: where the real end goes."""
    column = orders_words.titles()["protection_ends_on"]
    st.caption(escape(_("Add it as “{column}” under “Change this order's details”.").format(column=column)))


def show_settings() -> None:
    """The country, kept in the address bar, so its public holidays count in refund windows."""
    countries = known_countries()
    st.selectbox(
        _("Your country, to skip its public holidays when counting a refund's working days"),
        list(countries),
        index=None,
        key=orders_state.COUNTRY,
        bind="query-params",
        format_func=countries.__getitem__,
        placeholder=_("Not set (Monday to Friday)"),
    )


def show_forget() -> None:
    """Emptying the table, behind a confirmation: it cannot be undone."""
    with st.popover(_("Forget everything"), icon=":material/delete_forever:"):
        st.write(
            _(
                "This removes every order from this page and from this browser. "
                "Download a backup first if you may want them back."
            )
        )
        st.button(
            _("Yes, forget all my orders"),
            type="primary",
            on_click=orders_state.forget_everything,
            key="forget_everything",
        )


st.set_page_config(layout="wide")
today = state.today()
orders_table.apply_edits()
phone_controls()  # app.py's copy doesn't reach this page when it is opened by its own address (/orders)
language.switcher()
st.title(_("My orders"))
st.caption(_("Every order you're watching, most urgent first. They're kept in this browser only, never on our side."))
show_notes()
items = orders_state.assessed(today)
if items:
    show_summary(items)
elif browser_storage.loaded():
    st.caption(_("No orders yet: add one below, or import a file."))
else:
    st.caption(_("Looking for orders saved in this browser…"))
show_add_form(empty=not items)
if items:
    show_list(items, today)
    show_table(items, today)
    show_timeline(items, today)
order_files.show_files(items, today)
with st.expander(_("Settings and privacy"), icon=":material/settings:"):
    show_settings()
    if not browser_storage.available():
        st.warning(_("This browser doesn't let us keep your orders: download a backup to keep them."))
    show_forget()
browser_storage.keep(order_files.saved_text(), on_load=order_files.load_saved, on_change=order_files.saved_elsewhere)
language.remember()
