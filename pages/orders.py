"""My orders: every order in flight side by side, most urgent first, kept in this browser only.

Thin on purpose: core.orders advises and ranks the rows and reads and writes the files,
ui.orders_table keeps the rows and applies edits; this page only lays them out.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from core.calendar import deadline_calendar, plan_reminders
from core.dates import known_countries
from core.i18n import _, current_language, ngettext, use_language
from core.models import LABEL_MAX
from core.orders import CSV_ENCODING, Assessed, export_csv, export_json, row_to_case, summary
from ui import browser_storage, state
from ui import orders_table as table
from ui.plan_view import escape, show_plan
from ui.timeline import CHART_CONFIG

PICKED = "orders_picked"
CHART = "orders_chart"


def show_notes() -> None:
    for kind, text, details in table.take_notes():
        box = getattr(st, kind)
        box("\n".join([text, *(f"- {line}" for line in details)]) if details else text)


def show_summary(items: list[Assessed]) -> None:
    counts = summary(items)
    with st.container(horizontal=True):
        st.metric(_("Act now"), counts.act_now, help=_("Overdue, or due within 5 days."), border=True, width=150)
        st.metric(_("This week"), counts.this_week, help=_("Due in 6 or 7 days."), border=True, width=150)
        st.metric(_("Waiting"), counts.waiting + counts.later,
                  help=_("Nothing to do yet, or more than a week left."), border=True, width=150)
        st.metric(_("Settled"), counts.settled, border=True, width=150)
    if counts.to_fix:
        st.warning(ngettext("{n} order has dates that don't fit together: fix it in the table.",
                            "{n} orders have dates that don't fit together: fix them in the table.",
                            counts.to_fix).format(n=counts.to_fix), icon=":material/warning:")
    if counts.at_stake:
        st.markdown(_("**Money at stake:** {amounts}").format(amounts=table.money_at_stake(counts.at_stake)),
                    help=_("What you paid for orders with a problem or an open dispute."))


def show_add_form(empty: bool) -> None:
    with st.expander(_("Add an order"), expanded=empty, icon=":material/add:"):
        with st.form("add_order", clear_on_submit=True, border=False):
            st.text_input(_("What is it?"), max_chars=LABEL_MAX, placeholder=_("e.g. Blue headphones"), key="add_label")
            left, right = st.columns(2)
            left.date_input(_("Placed on"), value=state.today(), max_value=state.today(), key="add_placed",
                            format="YYYY-MM-DD")
            right.date_input(_("Shipped on (if it has)"), value=None, max_value=state.today(), key="add_shipped",
                             format="YYYY-MM-DD")
            st.caption(_("Everything else starts at its usual value: change it in the table."))
            st.form_submit_button(_("Add order"), icon=":material/add:", type="primary", on_click=table.add_from_form)


def show_table(items: list[Assessed], today: dt.date) -> None:
    st.data_editor(
        table.frame(items, today),
        key=table.editor_key(),
        column_config=table.column_config(),
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        height="auto" if len(items) <= 14 else 560,
        placeholder="—",
    )
    st.caption(_("Most urgent first. Edit a cell to update an order; tick a line's box to delete it."))


def pick_from_chart(names: dict[str, str]) -> None:
    """A click on an order's row in the chart opens that order's plan."""
    points = st.session_state[CHART].selection.points
    if points and points[0].get("y") in names:
        st.session_state[PICKED] = names[points[0]["y"]]


def show_timeline(items: list[Assessed], today: dt.date) -> None:
    drawn = table.chart(items, today)
    if drawn is None:
        return
    figure, names = drawn
    st.subheader(_("All deadlines"))
    st.plotly_chart(figure, config=CHART_CONFIG, width="stretch", key=CHART, on_select=lambda: pick_from_chart(names),
                    selection_mode="points")
    st.caption(_("Tap an order's row to open its plan below."))


def show_picked_plan(items: list[Assessed], today: dt.date) -> None:
    by_id = {item.row.id: item for item in items}
    if st.session_state.get(PICKED) not in by_id:
        st.session_state.pop(PICKED, None)
    st.subheader(_("An order's plan"))
    picked = st.selectbox(
        _("Open the full plan of"), list(by_id), index=None, key=PICKED,
        format_func=lambda order_id: table.status(by_id[order_id].urgency) + " · " + table.name(by_id[order_id].row),
        placeholder=_("Choose an order"),
    )
    if picked is None:
        return
    item = by_id[picked]
    if item.plan is None:
        st.error(_("This order's dates don't fit together, so there is no plan yet:") + "\n" + "\n".join(
            f"- {escape(table.titles().get(p.field, p.field))}: {escape(p.message)}" for p in item.problems))
        return
    show_plan(row_to_case(item.row, today, table.country()), item.plan, key=f"plan_{item.row.id}",
              names=None if item.row.order_number else show_number_hint, order_id=item.row.id)


def show_number_hint() -> None:
    """The orders page asks for nothing above the messages: the number belongs in the table."""
    st.caption(_("Add the order number in the table to fill it in."))


def show_files(items: list[Assessed], today: dt.date) -> None:
    """Downloads are made when clicked, from the table as it is now; uploads are merged in, never replacing."""
    st.subheader(_("Keep a copy, or bring orders in"))
    rows = table.rows()
    language, country = current_language(), table.country()

    def in_language(build):
        def run():
            use_language(language)
            return build()
        return run

    def calendar() -> bytes:
        reminders = [
            reminder
            for item in items if item.plan is not None
            for reminder in plan_reminders(row_to_case(item.row, today, country), item.plan, item.row.id,
                                           today=today)
        ]
        return deadline_calendar(reminders)

    left, middle, right = st.columns(3)
    left.download_button(
        _("Calendar (.ics)"), in_language(calendar), file_name="aliexpress-deadlines.ics", mime="text/calendar",
        icon=":material/calendar_month:", on_click="ignore", width="stretch", disabled=not rows, key="orders_ics",
        help=_("Every upcoming deadline, with a reminder the day before. Importing a newer file updates them."),
    )
    middle.download_button(
        _("Spreadsheet (.csv)"), in_language(lambda: export_csv(rows).encode(CSV_ENCODING)),
        file_name="aliexpress-orders.csv", mime="text/csv", icon=":material/table:", on_click="ignore",
        width="stretch", disabled=not rows, key="orders_csv",
    )
    right.download_button(
        _("Backup (.json)"), in_language(lambda: export_json(rows).encode("utf-8")),
        file_name="aliexpress-orders.json", mime="application/json", icon=":material/download:",
        on_click="ignore", width="stretch", disabled=not rows, key="orders_json",
    )
    st.file_uploader(
        _("Import orders from a CSV or JSON file"), key=table.upload_key(),
        on_change=table.import_upload, max_upload_size=1,
        help=_("Orders already in your table are skipped; nothing is replaced. Files of up to 1 MB."),
    )


def show_settings() -> None:
    countries = known_countries()
    st.selectbox(
        _("Your country, to skip its public holidays when counting a refund's working days"),
        list(countries), index=None, key=table.COUNTRY, bind="query-params",
        format_func=countries.get, placeholder=_("Not set (Monday to Friday)"),
    )


def show_forget() -> None:
    with st.popover(_("Forget everything"), icon=":material/delete_forever:"):
        st.write(_("This removes every order from this page and from this browser. "
                   "Download a backup first if you may want them back."))
        st.button(_("Yes, forget all my orders"), type="primary", on_click=table.forget_everything,
                  key="forget_everything")


st.set_page_config(layout="wide")
today = state.today()
table.apply_edits(today)
st.title(_("My orders"))
st.caption(_("Every order you're watching, most urgent first. They're kept in this browser only, "
             "never on our side."))
show_notes()
items = table.assessed(today)
if items:
    show_summary(items)
elif browser_storage.loaded():
    st.caption(_("No orders yet: add one below, or import a file."))
else:
    st.caption(_("Looking for orders saved in this browser…"))
show_add_form(empty=not items)
if items:
    show_table(items, today)
    show_timeline(items, today)
    show_picked_plan(items, today)
show_files(items, today)
with st.expander(_("Settings and privacy"), icon=":material/settings:"):
    show_settings()
    if not browser_storage.available():
        st.warning(_("This browser doesn't let us keep your orders: download a backup to keep them."))
    show_forget()
browser_storage.keep(table.saved_text(), on_load=table.load_saved,
                     on_change=table.saved_elsewhere)
