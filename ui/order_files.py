"""The orders page's files: the downloads, the uploader, and the copy this browser keeps.

Files are read and written by core.order_files; here they are merged into the table (never
replacing a row it has) and what came in, was skipped or was refused is told in notes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

from core.calendar import deadline_calendar, plan_reminders
from core.i18n import _, current_language, ngettext, use_language
from core.order_files import CSV_ENCODING, MAX_FILE_BYTES, MEGABYTE, export_csv, export_json, import_orders
from core.orders import MAX_ORDERS, Assessed, RowProblem, merge, row_to_case
from ui.orders_state import country, note, rows, set_rows
from ui.orders_words import titles
from ui.plan_view import escape

UPLOAD_VERSION = "orders_upload_version"
SAVED = "orders_saved_memo"


def show_files(items: list[Assessed], today: dt.date) -> None:
    """Downloads are made when clicked, from the table as it is now; uploads are merged in, never replacing."""
    st.subheader(_("Keep a copy, or bring orders in"))
    current = rows()
    language, place = current_language(), country()

    def in_language(build: Callable[[], bytes]) -> Callable[[], bytes]:
        """A download made later, when clicked, in the language the page is shown in now."""

        def run() -> bytes:
            use_language(language)
            return build()

        return run

    def calendar() -> bytes:
        """Every advised order's reminders in one calendar file."""
        reminders = [
            reminder
            for item in items
            if item.plan is not None
            for reminder in plan_reminders(row_to_case(item.row, today, place), item.plan, item.row.id, today=today)
        ]
        return deadline_calendar(reminders)

    left, middle, right = st.columns(3)
    left.download_button(
        _("Calendar (.ics)"),
        in_language(calendar),
        file_name="aliexpress-deadlines.ics",
        mime="text/calendar",
        icon=":material/calendar_month:",
        on_click="ignore",
        width="stretch",
        disabled=not current,
        key="orders_ics",
        help=_("Every upcoming deadline, with a reminder the day before. Importing a newer file updates them."),
    )
    middle.download_button(
        _("Spreadsheet (.csv)"),
        in_language(lambda: export_csv(current).encode(CSV_ENCODING)),
        file_name="aliexpress-orders.csv",
        mime="text/csv",
        icon=":material/table:",
        on_click="ignore",
        width="stretch",
        disabled=not current,
        key="orders_csv",
    )
    right.download_button(
        _("Backup (.json)"),
        in_language(lambda: export_json(current).encode("utf-8")),
        file_name="aliexpress-orders.json",
        mime="application/json",
        icon=":material/download:",
        on_click="ignore",
        width="stretch",
        disabled=not current,
        key="orders_json",
    )
    st.file_uploader(
        _("Import orders from a CSV or JSON file"),
        key=upload_key(),
        on_change=import_upload,
        max_upload_size=MAX_FILE_BYTES // MEGABYTE,
        help=_("Orders already in your table are skipped; nothing is replaced. Files of up to 1 MB."),
    )


def upload_key() -> str:
    """The uploader's key, new after every upload, so the uploader lets go of the file."""
    return f"orders_upload_{st.session_state.get(UPLOAD_VERSION, 0)}"


def import_upload() -> None:
    """The uploader's callback: import the file, then let go of it so the server keeps no copy."""
    uploaded = st.session_state.get(upload_key())
    if uploaded is not None:
        import_file(uploaded.getvalue(), uploaded.name)
    st.session_state[UPLOAD_VERSION] = st.session_state.get(UPLOAD_VERSION, 0) + 1


def import_file(data: bytes, name: str) -> None:
    """Import a CSV or JSON file into the table: report what came in, what was skipped and why."""
    result = import_orders(data, name)
    name = escape(name)
    merged = merge(rows(), result.rows)
    if merged.added:
        set_rows(merged.rows)
    lines = _import_lines(result.problems)
    skipped = merged.already_there + result.repeated
    if merged.added:
        note(
            "success",
            ngettext(
                "Imported {n} new order from {file}.", "Imported {n} new orders from {file}.", merged.added
            ).format(n=merged.added, file=name),
        )
    elif not result.problems:
        note("info", _("Nothing new in {file}: every order in it is already in your table.").format(file=name))
    if skipped and merged.added:
        note(
            "info",
            ngettext(
                "{n} order was already in your table and was skipped.",
                "{n} orders were already in your table and were skipped.",
                skipped,
            ).format(n=skipped),
        )
    if merged.kept_yours:
        note(
            "info",
            ngettext(
                "{n} order in the file differs from the one in your table with the same id: "
                "your table's version was kept.",
                "{n} orders in the file differ from the ones in your table with the same id: "
                "your table's version was kept.",
                merged.kept_yours,
            ).format(n=merged.kept_yours),
        )
    if merged.over_limit:
        note(
            "warning",
            ngettext(
                "{n} order did not fit: a table holds at most {max}.",
                "{n} orders did not fit: a table holds at most {max}.",
                merged.over_limit,
            ).format(n=merged.over_limit, max=MAX_ORDERS),
        )
    if lines:
        note(
            "error" if not result.rows else "warning",
            _("Some of {file} could not be read; nothing already in your table was changed:").format(file=name),
            lines,
        )


def _import_lines(problems: list[RowProblem]) -> list[str]:
    """Each problem of a file as a line of a note: its row and column, when it has them, then what is wrong."""
    title = titles()
    lines = []
    for p in problems:
        column, message = escape(title.get(p.field, p.field)), escape(p.message)
        if p.row == 0:
            lines.append(message)
        elif p.field:
            lines.append(_("Row {row}, {column}: {message}").format(row=p.row, column=column, message=message))
        else:
            lines.append(_("Row {row}: {message}").format(row=p.row, message=message))
    return lines


def load_saved(text: str | None) -> None:
    """Orders saved in this browser on an earlier visit, added to anything typed meanwhile."""
    if not text:
        return
    result = import_orders(text.encode("utf-8"), "saved.json")
    merged = merge(result.rows, rows())
    set_rows(merged.rows)
    if result.problems:
        note(
            "warning",
            _("Some orders saved in this browser could not be read and were left out."),
            _import_lines(result.problems),
        )


def saved_elsewhere(text: str | None) -> None:
    """Another tab of this browser saved its table: bring in its new orders, or forget as it did."""
    if text is None:
        if rows():
            set_rows([])
            note("info", _("Your orders were forgotten in another tab, so this page forgot them too."))
        return
    merged = merge(rows(), import_orders(text.encode("utf-8"), "saved.json").rows)
    if merged.added:
        set_rows(merged.rows)
        note(
            "info",
            ngettext(
                "{n} order added in another tab is now here too.",
                "{n} orders added in another tab are now here too.",
                merged.added,
            ).format(n=merged.added),
        )


def saved_text() -> str | None:
    """The table as the browser keeps it (the JSON backup format), or None when there is nothing to keep."""
    current = tuple(rows())
    if not current:
        return None
    memo = st.session_state.get(SAVED)
    if memo is None or memo[0] != current:
        memo = (current, export_json(current))
        st.session_state[SAVED] = memo
    return memo[1]
