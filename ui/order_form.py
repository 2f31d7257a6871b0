"""One order's details as a form in words and dates: what a phone edits instead of the 25-column table.

The same kinds of widgets as the wizard (choices, dates, amounts), each shown only where it applies,
empty where the buyer has not said. Every change is checked by core.orders before it reaches the rows;
a bad one is reported and the order stays as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import streamlit as st

from core.i18n import _
from core.models import (
    AMOUNT_MAX,
    LABEL_MAX,
    PROTECTION_DAYS_MAX,
    PROTECTION_DAYS_MIN,
    Problem,
    ReturnStatus,
    Tracking,
)
from core.orders import DISPUTE_STATES, FIELDS, Assessed, OrderRow, read_row
from core.seller import choice_matters, seller_involved
from core.wizard.case import PAYMENTS, SELLER_ASKS
from ui.orders_state import note, rows, set_rows
from ui.orders_table import problem_lines
from ui.orders_words import choice_word, choice_words, titles

EARLIEST = dt.date(2000, 1, 1)
LATEST = dt.date(2100, 12, 31)
PART_ITEMS = frozenset((Problem.not_as_described, Problem.fake, Problem.wrong_item, Problem.slightly_imperfect))
"""Problems where only some items of an order may be affected, as the wizard asks it."""


def field_key(order_id: str, name: str) -> str:
    """A field's widget key; new with every change to the rows, so a widget never shows a stale value."""
    return f"order_form_{st.session_state.get('orders_editor_version', 0)}_{order_id}_{name}"


def apply_field(order_id: str, name: str, read: Callable[[Any], Any]) -> None:
    """A widget's new value into its order, checked like every other edit."""
    current = rows()
    old = next((row for row in current if row.id == order_id), None)
    if old is None:
        return
    values = {field: getattr(old, field) for field in FIELDS}
    value = read(st.session_state.get(field_key(order_id, name)))
    if value is None and OrderRow.model_fields[name].default is not None:
        value = OrderRow.model_fields[name].default
    values[name] = value
    row, found = read_row(values)
    if row is None:
        note("error", _("This change could not be saved:"), problem_lines(old.label, found))
        set_rows(current)
    elif row != old:
        set_rows([row if each.id == order_id else each for each in current])


def _as_is(value: Any) -> Any:
    return value


def _yes_no(value: Any) -> bool | None:
    return None if value not in ("yes", "no") else value == "yes"


def _money(value: Any) -> str | None:
    return None if value is None else f"{value:.2f}"


def _text(value: Any) -> str | None:
    return (value or "").strip() or None


class _Form:
    """Draws one order's fields, each wired to `apply_field`."""

    def __init__(self, row: OrderRow, today: dt.date) -> None:
        self.row, self.today = row, today
        self.title, self.words = titles(), choice_words()

    def on(self, name: str, read: Callable[[Any], Any] = _as_is) -> dict[str, Any]:
        return {
            "key": field_key(self.row.id, name),
            "on_change": apply_field,
            "args": (self.row.id, name, read),
        }

    def date(self, where: Any, name: str, help_text: str | None = None) -> None:
        where.date_input(
            self.title[name],
            value=getattr(self.row, name),
            min_value=EARLIEST,
            max_value=LATEST,
            format="YYYY-MM-DD",
            help=help_text,
            **self.on(name),
        )

    def choice(self, where: Any, name: str, options: list[str], help_text: str | None = None) -> None:
        """A choice; an empty one stays empty until the buyer picks."""
        value = getattr(self.row, name)
        value = value.value if hasattr(value, "value") else value
        where.selectbox(
            self.title[name],
            options,
            index=options.index(value) if value in options else None,
            format_func=lambda option: choice_word(name, option),
            placeholder=_("Choose…"),
            help=help_text,
            **self.on(name),
        )

    def yes_no(self, where: Any, name: str, help_text: str | None = None) -> None:
        value = getattr(self.row, name)
        where.radio(
            self.title[name],
            ("yes", "no"),
            index=None if value is None else (0 if value else 1),
            format_func=lambda option: self.words[option],
            horizontal=True,
            help=help_text,
            **self.on(name, _yes_no),
        )

    def money(self, where: Any, name: str, help_text: str | None = None) -> None:
        value = getattr(self.row, name)
        where.number_input(
            self.title[name],
            value=None if value is None or (value == 0 and OrderRow.model_fields[name].default == 0) else float(value),
            min_value=0.0,
            max_value=float(AMOUNT_MAX),
            step=1.0,
            format="%.2f",
            placeholder=_("Not given"),
            help=help_text,
            **self.on(name, _money),
        )


def show_form(item: Assessed, today: dt.date) -> None:
    """The order's fields in four short groups; only those that apply to it are asked."""
    row = item.row
    form = _Form(row, today)
    title = form.title
    st.markdown(_("**The order**"))
    left, right = st.columns(2)
    left.text_input(title["label"], value=row.label, max_chars=LABEL_MAX, **form.on("label", lambda v: v or ""))
    right.text_input(
        title["order_number"],
        value=row.order_number or "",
        max_chars=40,
        placeholder=_("e.g. 8123456789012345"),
        **form.on("order_number", _text),
    )
    left, right = st.columns(2)
    form.date(left, "placed_on", _("The day you paid."))
    form.date(right, "shipped_on", _("The shipping date on the order page. Protection starts here."))
    left, right = st.columns(2)
    form.date(left, "estimated_delivery", _("The delivery date the order page promises."))
    form.date(right, "protection_ends_on", _("The end of the “Buyer protection” countdown on the order page."))
    left, right = st.columns(2)
    left.number_input(
        title["protection_days"],
        value=row.protection_days,
        min_value=PROTECTION_DAYS_MIN,
        max_value=PROTECTION_DAYS_MAX,
        step=1,
        **form.on("protection_days"),
    )
    form.choice(right, "paid_with", list(PAYMENTS), _("How you paid: it sets how long a refund takes."))
    left, right = st.columns(2)
    form.money(left, "total_paid", _("Everything you paid for the order."))
    right.text_input(title["currency"], value=row.currency, max_chars=3, **form.on("currency", _text))
    if row.shipped_on is None:
        form.yes_no(
            st,
            "shipping_day_unknown",
            _("Yes if it shipped, but you can't find the day: we count from the order's day."),
        )
    if row.shipped_on is None and not row.shipping_day_unknown:
        form.date(st, "cancelled_on", _("Only if the order was cancelled before it shipped."))
        form.yes_no(st, "cancellation_refused", _("Yes if you asked to cancel and the seller refused."))
        left, right = st.columns(2)
        form.yes_no(left, "seller_asked_to_cancel", _("Yes if the seller asked you to cancel (out of stock, say)."))
        form.yes_no(right, "keeps_waiting", _("Yes if you'd rather wait for it than cancel."))

    st.markdown(_("**Delivery**"))
    left, right = st.columns(2)
    form.choice(left, "tracking", [t.value for t in Tracking], _("What the tracking page says."))
    form.yes_no(right, "received")
    if row.received:
        left, right = st.columns(2)
        form.date(left, "receipt_confirmed_on", _("When you pressed “Confirm receipt”."))
        form.yes_no(right, "free_return", _("The listing says “free return”."))
        if row.free_return is False:
            form.yes_no(st, "free_return_used", _("The listing had free return, but this order already used it."))
    if row.tracking in (Tracking.held_at_customs, Tracking.customs_documents) and not row.received:
        form.date(st, "customs_pay_by", _("The last day the customs notice gives, if any."))
    if row.tracking is Tracking.returned_to_seller and not row.received:
        form.yes_no(st, "customs_refused", _("Yes if you refused or didn't pay the customs charges."))
        form.yes_no(st, "missed_pickup", _("Yes if it went back because you didn't collect it in time."))

    st.markdown(_("**Problem**"))
    left, right = st.columns(2)
    form.choice(left, "problem", [p.value for p in Problem], _("What is wrong, if anything."))
    form.date(right, "seller_contacted_on", _("When you last wrote to the seller."))
    if row.problem is Problem.incomplete:
        form.money(st, "missing_items_value", _("What the missing items cost."))
    if row.received and row.problem in (Problem.none, Problem.wrong_shipping_method):
        form.yes_no(st, "arrived_late", _("After the date the order page guaranteed (or, for a changed method, late)."))
    if row.problem in PART_ITEMS:
        form.money(st, "affected_value", _("Only when some items of the order are affected: what those cost."))
    if row.problem is not Problem.none or row.return_status is not None:
        show_return(form)
    rule = item.plan.rule if item.plan is not None else None
    if (rule is not None and seller_involved(rule)) or row.seller_asks is not None:
        form.choice(st, "seller_asks", list(SELLER_ASKS), _("The plan then says what never to do, and a reply."))
    if (rule is not None and choice_matters(rule)) or row.choice_order is not None:
        form.yes_no(st, "choice_order", _("Look for the “Choice” label on the order page."))

    st.markdown(_("**Dispute**"))
    show_dispute(form)


def show_return(form: _Form) -> None:
    """A return in progress: where it stands, then its dates as they apply."""
    row = form.row
    left, right = st.columns(2)
    form.choice(left, "return_status", [r.value for r in ReturnStatus], _("Only if the item has to go back."))
    if row.return_status is not None:
        form.date(right, "return_agreed_on", _("The day you accepted the return, or AliExpress decided it."))
        left, right = st.columns(2)
        form.date(left, "return_ship_by", _("The send-by date the return request shows, if any."))
        if row.return_status in (ReturnStatus.sent, ReturnStatus.delivered, ReturnStatus.lost):
            form.date(right, "return_sent_on")
        if row.return_status is ReturnStatus.delivered:
            form.date(st, "return_delivered_on", _("The day the return's tracking shows it delivered."))


def show_dispute(form: _Form) -> None:
    """The dispute, and only the dates its state has."""
    row = form.row
    left, right = st.columns(2)
    form.choice(left, "dispute_status", list(DISPUTE_STATES), _("The dispute on this order, if you opened one."))
    if row.dispute_status == "none":
        return
    form.date(right, "dispute_opened_on")
    if row.dispute_status == "open":
        left, right = st.columns(2)
        form.date(left, "negotiation_ends_on", _("The countdown on the dispute page."))
        form.yes_no(right, "seller_rejected", _("Yes if the seller rejected it without an offer."))
        form.date(st, "proof_due_on", _("The day AliExpress asks you to add proof by, if it asks."))
        return
    left, right = st.columns(2)
    form.date(left, "dispute_closed_on")
    form.yes_no(right, "satisfied", _("Say no if the dispute ended unfairly."))
    left, right = st.columns(2)
    form.date(left, "refund_processed_on", _("When AliExpress said the refund was processed."))
    form.yes_no(right, "refund_received")
    if row.refund_received:
        form.yes_no(st, "arrived_after_refund", _("Yes if the parcel came after the refund."))
