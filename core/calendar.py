"""Deadlines as calendar reminders (.ics), so the date nobody was watching still rings.

Each reminder's id comes from the order and the deadline, not from the export, so
importing a newer file updates the reminders instead of adding a second set.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from icalendar import Alarm, Calendar
from icalendar import Event as CalendarEvent

from core.dates import add_days
from core.i18n import _, show_date
from core.models import Case, Plan
from core.wording import DEADLINE_LABELS
from core.timeline import plan_day

PRODID = "-//AliExpress Dispute Wizard//Deadlines//EN"
UID_NAMESPACE = uuid.UUID("69adcdb0-ccfb-42db-9aeb-9f3cf24ca32f")
"""Fixed for good: changing it would give every reminder a new id and duplicate them all."""

DEADLINE_KEYS = ("earliest_dispute", "dispute_deadline", "appeal_deadline", "negotiation_ends", "refund_expected_by")
"""The plan's dates a buyer should be reminded of, in the order they usually come."""
BEFORE_DISPUTE = ("earliest_dispute", "dispute_deadline")
"""Dates that stop mattering once a dispute has closed: only appeal and refund dates are left."""


@dataclass(frozen=True)
class Reminder:
    """One reminder: which order, which deadline, when, and what to do about it."""

    order_id: str
    order_label: str
    key: str
    label: str
    date: dt.date
    action: str


def reminder_uid(order_id: str, key: str) -> str:
    """The same order and deadline always give the same id, in every export."""
    return str(uuid.uuid5(UID_NAMESPACE, f"{order_id}\n{key}"))


def deadline_calendar(reminders: Iterable[Reminder], *, now: dt.datetime | None = None) -> bytes:
    """An .ics file with one all-day event per deadline and an alarm the day before.

    A second reminder with the same order and key would share the first one's id, so only
    the first is kept.
    """
    stamp = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("AliExpress deadlines"))
    seen: set[str] = set()
    for reminder in reminders:
        uid = reminder_uid(reminder.order_id, reminder.key)
        if uid in seen:
            continue
        seen.add(uid)
        calendar.add_component(_event(reminder, uid, stamp))
    return calendar.to_ical()


def _event(reminder: Reminder, uid: str, stamp: dt.datetime) -> CalendarEvent:
    summary = _("{order}: {deadline}").format(order=reminder.order_label, deadline=reminder.label)
    event = CalendarEvent()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", reminder.date)
    event.add("dtend", add_days(reminder.date, 1))
    event.add("summary", summary)
    event.add("description", reminder.action)
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", dt.timedelta(days=-1))
    alarm.add("description", summary)
    event.add_component(alarm)
    return event


def plan_reminders(case: Case, plan: Plan, order_id: str, *, today: dt.date | None = None) -> list[Reminder]:
    """The plan's deadlines from today on; a past one is no use as a reminder."""
    day = plan_day(case, plan, today)
    order = case.order
    label = order.label or _("Order placed on {day}").format(day=show_date(order.placed_on))
    found = []
    for key in DEADLINE_KEYS:
        if case.dispute is not None and case.dispute.status.value == "closed" and key in BEFORE_DISPUTE:
            continue
        date = getattr(plan.dates, key)
        if date is not None and date >= day:
            found.append(Reminder(order_id, label, key, _(DEADLINE_LABELS[key]), date, plan.headline))
    return found


def plan_calendar(
    case: Case, plan: Plan, order_id: str = "wizard", *, today: dt.date | None = None, now: dt.datetime | None = None
) -> bytes:
    """One order's upcoming deadlines as an .ics file."""
    return deadline_calendar(plan_reminders(case, plan, order_id, today=today), now=now)
