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
from core.wording.table import DEADLINE_LABELS


@dataclass(frozen=True)
class Window:
    """A stretch of days with one meaning, such as "Too early to dispute"; `end` is the last day in it."""

    key: str
    label: str
    start: dt.date
    end: dt.date
    counted: tuple[str, ...] = ()
    """How the plan's dates this window starts or ends on were counted (core.counting), first day first."""
    reason: str = ""
    """Why it ends on `end`, for the windows to open a dispute ("Ends with buyer protection")."""


@dataclass(frozen=True)
class Event:
    """One day something happened or is expected to happen, such as "Shipped"."""

    key: str
    label: str
    date: dt.date
    counted: tuple[str, ...] = ()
    """How the plan counted this day (core.counting), for the plan's own dates."""
    outside: bool = False
    """A way out beyond AliExpress (a PayPal dispute, a card chargeback, the EU's guarantee): its label says so,
    and a chart may leave it off its span of days when it lies far beyond the order's own."""


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
    windows = _windows(case, plan, day)
    return Timeline(windows=tuple(windows), events=tuple(_events(case, plan, windows, day)), today=day)


def _window(key: str, label: str, start: dt.date | None, end: dt.date | None) -> list[Window]:
    """A window only when both ends are known and it lasts at least a day."""
    if start is None or end is None or end < start:
        return []
    return [Window(key=key, label=label, start=start, end=end)]


COUNTED_FIELDS = {
    "dispute": ("protection_ends", "dispute_deadline", "late_claim_deadline"),
    "after_receipt": ("dispute_deadline",),
    "negotiation": ("negotiation_ends",),
    "appeal": ("appeal_deadline",),
    "refund": ("refund_expected_from", "refund_expected_by"),
}
"""The plan's dates a window can start or end on, by the window's key, for its "how it's counted"."""


def _with_counted(window: Window, plan: Plan) -> Window:
    """The window with the sums of the plan's dates it starts or ends on (none when it ends on another day)."""
    sums = (
        plan.counted[field]
        for field in COUNTED_FIELDS.get(window.key, ())
        if field in plan.counted and getattr(plan.dates, field) in (window.start, window.end)
    )
    return replace(window, counted=tuple(dict.fromkeys(sums)))


def _windows(case: Case, plan: Plan, today: dt.date) -> list[Window]:
    return [_with_counted(window, plan) for window in _plain_windows(case, plan, today)]


def _plain_windows(case: Case, plan: Plan, today: dt.date) -> list[Window]:
    dates, order, dispute = plan.dates, case.order, case.dispute
    spans = _dispute_spans(case, plan, today)
    found: list[Window] = []
    if order.shipped_on is not None and dates.earliest_dispute is not None:
        # Confirming receipt early lets the buyer dispute before the usual 10 days: too early ends there.
        too_early_ends = min([add_days(dates.earliest_dispute, -1)] + [add_days(w.start, -1) for w in spans])
        found += _window("too_early", _("Too early to dispute"), order.shipped_on, too_early_ends)
    found += spans
    if dates.negotiation_ends is not None:
        opened = dispute.opened_on if dispute is not None and dispute.opened_on else min(today, dates.negotiation_ends)
        found += _window("negotiation", _("Negotiation"), opened, dates.negotiation_ends)
    if dispute is not None:
        found += _window("appeal", _("Appeal window"), dispute.closed_on, dates.appeal_deadline)
    found += _window("refund", _("Refund arrives"), dates.refund_expected_from, dates.refund_expected_by)
    return found


def _dispute_spans(case: Case, plan: Plan, today: dt.date) -> list[Window]:
    """The days a dispute can be opened, as one span whenever the windows follow each other.

    Each span says until when, and why that day: protection ends (as the order page shows it,
    when given), 15 days after receipt was confirmed, or 15 days after protection ended for a
    parcel that never came (core.facts.LATE_CLAIM, shown only once protection has ended:
    the plan never counts on it before). Only a receipt confirmed after protection had already
    ended leaves a gap, and then each span still names its reason.
    """
    dates, order = plan.dates, case.order
    ends, earliest = dates.protection_ends, dates.earliest_dispute
    protection = _protection_reason(case)
    receipt = order.receipt_confirmed_on
    if receipt is None:
        if (
            dates.late_claim_deadline is not None
            and ends is not None
            and today > ends
            and waiting_for_parcel(case, plan)
        ):
            return _span(earliest, dates.late_claim_deadline, _("Ends 15 days after protection ended"), today)
        return _span(earliest, dates.dispute_deadline, protection, today)
    after_receipt = _("Ends 15 days after you confirmed receipt")
    if ends is not None and receipt > add_days(ends, 1):
        return _span(earliest, ends, protection, today) + _span(
            receipt, dates.dispute_deadline, after_receipt, today, key="after_receipt"
        )
    start = receipt if earliest is None else min(earliest, receipt)
    return _span(start, dates.dispute_deadline, after_receipt, today)


def _protection_reason(case: Case) -> str:
    if case.order.protection_ends_on is not None:
        return _("Ends with buyer protection (date from your order page)")
    return _("Ends with buyer protection")


def _span(
    start: dt.date | None, end: dt.date | None, reason: str, today: dt.date, key: str = "dispute"
) -> list[Window]:
    """A span to open a dispute in, labelled with its last day ("You could..." once it has passed)."""
    if start is None or end is None or end < start:
        return []
    label = _("You could open a dispute until {day}") if end < today else _("You can open a dispute until {day}")
    return [Window(key=key, label=label.format(day=show_date(end)), start=start, end=end, reason=reason)]


DISPUTE_DAYS = ("seller_must_answer_by", "aliexpress_steps_in_by", "proof_due")
"""An open dispute's own days: when the seller's time to answer ends, when AliExpress steps in, and the day
AliExpress asked for proof by."""
ADVICE_DAYS = ("ask_extension_by", "return_ship_by", "customs_pay_by", "withdrawal_by")
"""Days to act by that the plan suggests: shown only while they are still ahead."""
WAYS_OUT = ("paypal_dispute_by", "chargeback_by", "eu_guarantee_until")
"""The last days of the ways out beyond AliExpress."""


def _plan_events(plan: Plan, today: dt.date) -> list[Event]:
    """The plan's own days that are events rather than windows, each with how it was counted.

    The ways out beyond AliExpress say so in their label, so nobody takes them for AliExpress's own days.
    """
    found = []
    for key in (*DISPUTE_DAYS, *ADVICE_DAYS, *WAYS_OUT):
        day = getattr(plan.dates, key, None)
        if day is None or (key in ADVICE_DAYS and day < today):
            continue
        if key == "ask_extension_by" and plan.action == "open_dispute":
            # A plan that opens the dispute now has no use for more protection: the day would only distract.
            continue
        label = _(DEADLINE_LABELS[key])
        outside = key in WAYS_OUT
        if outside:
            label = _("Outside AliExpress: {what}").format(what=label)
        counted = (plan.counted[key],) if key in plan.counted else ()
        found.append(Event(key=key, label=label, date=day, counted=counted, outside=outside))
    return found


def _events(case: Case, plan: Plan, windows: list[Window], today: dt.date) -> list[Event]:
    """The days the case gives, and the plan's own days that are events; an order placed on an unknown day
    (the wizard asks it only on the plan page, as optional) has no "Placed".

    The end of protection is an event only inside a span that goes on after it (a parcel never
    received, after protection): elsewhere it is a span's end, and the span says so.
    """
    order, dispute = case.order, case.dispute
    known = [
        ("placed", _("Placed"), order.placed_on),
        ("shipped", _("Shipped"), None if order.shipping_day_unknown else order.shipped_on),
        ("estimated_delivery", _("Estimated delivery"), order.estimated_delivery),
        ("receipt_confirmed", _("Receipt confirmed"), order.receipt_confirmed_on),
    ]
    ends = plan.dates.protection_ends
    inside = any(w.key == "dispute" and ends is not None and w.start <= ends < w.end for w in windows)
    if ends is not None and inside and order.receipt_confirmed_on is None:
        if order.protection_ends_on is not None:
            known.append(("protection_ends", _("Protection ended (your order page)"), ends))
        else:
            known.append(("protection_ends", _("Protection ended"), ends))
    if dispute is not None:
        known += [
            ("dispute_opened", _("Dispute opened"), dispute.opened_on),
            ("dispute_closed", _("Dispute closed"), dispute.closed_on),
            ("refund_processed", _("Refund processed"), dispute.refund_processed_on),
        ]
    if case.item_return is not None:
        known += [
            ("return_agreed", _("Return agreed"), case.item_return.agreed_on),
            ("return_sent", _("Sent back"), case.item_return.sent_on),
            ("return_delivered", _("The seller got it"), case.item_return.delivered_on),
        ]
    known.append(("cancelled", _("Cancelled"), case.cancelled_on))
    events = [Event(key=key, label=label, date=day) for key, label, day in known if day is not None]
    return sorted(events + _plan_events(plan, today), key=lambda event: event.date)


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
            how_text = "; ".join((item.reason, *item.counted) if item.reason else item.counted)
            rows.append({what: item.label, start: show_date(item.start), end: show_date(item.end), how: how_text})
        else:
            rows.append({what: item.label, start: show_date(item.date), end: "", how: "; ".join(item.counted)})
    return rows
