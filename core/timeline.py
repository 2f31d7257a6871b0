"""The order's protection windows and events on one line of time, for the charts and their table.

It only arranges dates the plan already worked out (core.rules), so the chart, the table
and the advice can never disagree about a date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from core.dates import add_days
from core.i18n import _, show_date
from core.models import Case, DisputeStatus, Plan


@dataclass(frozen=True)
class Window:
    """A stretch of days with one meaning, such as "Dispute window"; `end` is the last day in it."""

    key: str
    label: str
    start: dt.date
    end: dt.date
    counted: tuple[str, ...] = ()
    """How the plan's dates this window starts or ends on were counted (core.counting), first day first."""


@dataclass(frozen=True)
class Event:
    """One day something happened or is expected to happen, such as "Shipped"."""

    key: str
    label: str
    date: dt.date


@dataclass(frozen=True)
class Timeline:
    """Windows in the order they come in an order's life, events by date, and the plan's today.

    Tuples rather than lists, so a timeline is truly frozen and can be hashed for caching.
    """

    windows: tuple[Window, ...]
    events: tuple[Event, ...]
    today: dt.date


def plan_day(case: Case, plan: Plan, today: dt.date | None = None) -> dt.date:
    """The day the plan was made for, unless the caller names another."""
    return today or plan.today


def outside_dispute(case: Case, plan: Plan) -> bool:
    """No dispute is in progress: none yet, one cancelled, or one the plan says to cancel."""
    dispute = case.dispute
    return dispute is None or dispute.status is DisputeStatus.cancelled or plan.action == "cancel_dispute"


def waiting_for_parcel(case: Case, plan: Plan) -> bool:
    """The buyer still waits for the parcel outside a dispute, so its days (the estimated
    delivery, protection running out, the refund request after protection) matter."""
    return not case.order.received and outside_dispute(case, plan)


def order_timeline(case: Case, plan: Plan, *, today: dt.date | None = None) -> Timeline:
    """Every window and event of the order that has its dates, from the plan's own dates."""
    day = plan_day(case, plan, today)
    return Timeline(windows=tuple(_windows(case, plan, day)), events=tuple(_events(case)), today=day)


def _window(key: str, label: str, start: dt.date | None, end: dt.date | None) -> list[Window]:
    """A window only when both ends are known and it lasts at least a day."""
    if start is None or end is None or end < start:
        return []
    return [Window(key=key, label=label, start=start, end=end)]


COUNTED_FIELDS = {
    "dispute": ("dispute_deadline",),
    "after_receipt": ("dispute_deadline",),
    "late_claim": ("late_claim_deadline",),
    "negotiation": ("negotiation_ends",),
    "appeal": ("appeal_deadline",),
    "refund": ("refund_expected_from", "refund_expected_by"),
}
"""The plan's dates a window can start or end on, by the window's key, for its "how it's counted"."""


def _with_counted(window: Window, plan: Plan) -> Window:
    """The window with the sums of the plan's dates it starts or ends on (none when it ends on another day)."""
    sums = tuple(
        plan.counted[field]
        for field in COUNTED_FIELDS.get(window.key, ())
        if field in plan.counted and getattr(plan.dates, field) in (window.start, window.end)
    )
    return replace(window, counted=sums)


def _windows(case: Case, plan: Plan, today: dt.date) -> list[Window]:
    return [_with_counted(window, plan) for window in _plain_windows(case, plan, today)]


def _plain_windows(case: Case, plan: Plan, today: dt.date) -> list[Window]:
    dates, order, dispute = plan.dates, case.order, case.dispute
    found: list[Window] = []
    if order.shipped_on is not None and dates.earliest_dispute is not None:
        found += _window("too_early", _("Too early to dispute"), order.shipped_on, add_days(dates.earliest_dispute, -1))
    receipt = order.receipt_confirmed_on
    if receipt is None:
        found += _window("dispute", _("Dispute window"), dates.earliest_dispute, dates.dispute_deadline)
    else:
        # Confirming receipt starts a shorter clock: the window before it ends with
        # protection or the day before receipt, whichever comes first.
        before = add_days(receipt, -1)
        if dates.protection_ends is not None:
            before = min(before, dates.protection_ends)
        found += _window("dispute", _("Dispute window"), dates.earliest_dispute, before)
        found += _window("after_receipt", _("15 days after receipt"), receipt, dates.dispute_deadline)
    ends = dates.protection_ends
    if dates.late_claim_deadline is not None and ends is not None and today > ends and waiting_for_parcel(case, plan):
        # For a parcel that never came AliExpress still takes a refund request for 15 days
        # after protection ends (core.rules.LATE_CLAIM_DAYS). Shown only once protection has
        # ended: the plan never counts on it before.
        found += _window(
            "late_claim", _("Refund request after protection"), add_days(ends, 1), dates.late_claim_deadline
        )
    if dates.negotiation_ends is not None:
        opened = dispute.opened_on if dispute is not None and dispute.opened_on else min(today, dates.negotiation_ends)
        found += _window("negotiation", _("Negotiation"), opened, dates.negotiation_ends)
    if dispute is not None:
        found += _window("appeal", _("Appeal window"), dispute.closed_on, dates.appeal_deadline)
    found += _window("refund", _("Refund arrives"), dates.refund_expected_from, dates.refund_expected_by)
    return found


def _events(case: Case) -> list[Event]:
    """The days the case gives; an order placed on an unknown day (the wizard never asks) has no "Placed"."""
    order, dispute = case.order, case.dispute
    known = [
        ("placed", _("Placed"), order.placed_on),
        ("shipped", _("Shipped"), order.shipped_on),
        ("estimated_delivery", _("Estimated delivery"), order.estimated_delivery),
        ("receipt_confirmed", _("Receipt confirmed"), order.receipt_confirmed_on),
    ]
    if dispute is not None:
        known += [
            ("dispute_opened", _("Dispute opened"), dispute.opened_on),
            ("dispute_closed", _("Dispute closed"), dispute.closed_on),
            ("refund_processed", _("Refund processed"), dispute.refund_processed_on),
        ]
    events = [Event(key=key, label=label, date=day) for key, label, day in known if day is not None]
    return sorted(events, key=lambda event: event.date)


def in_date_order(timeline: Timeline) -> list[Window | Event]:
    """Windows and events mixed by date, an event first when both fall on the same day.

    The order the chart's rows and the table share, so a reader can go from one to the other.
    """
    items: list[Window | Event] = [*timeline.events, *timeline.windows]
    return sorted(items, key=_first_day)


def _first_day(item: Window | Event) -> tuple[dt.date, bool]:
    return (item.start, True) if isinstance(item, Window) else (item.date, False)


def timeline_rows(timeline: Timeline) -> list[dict[str, str]]:
    """The timeline as a small table in date order, for people who would rather read than look.

    The keys are the column headings, already translated, so a page can show the rows as they are.
    """
    what, start, end, how = _("What"), _("From"), _("To"), _("How it's counted")
    rows = []
    for item in in_date_order(timeline):
        if isinstance(item, Window):
            rows.append(
                {what: item.label, start: show_date(item.start), end: show_date(item.end), how: "; ".join(item.counted)}
            )
        else:
            rows.append({what: item.label, start: show_date(item.date), end: "", how: ""})
    return rows
