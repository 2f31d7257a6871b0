"""Deadlines as calendar reminders (.ics), so the date nobody was watching still rings.

Besides the last days to act, the days the advice changes (the estimated delivery, the
seller's two days, protection running out, the day to ask for an extension, the refund
request after protection, the seller's days to answer a dispute) get a reminder too, so the
buyer comes back on the day the plan would change. So do the last day to send a return back
and, where the plan gives them, the ways out beyond AliExpress (a PayPal dispute, a card
chargeback).

Each reminder's id comes from the order and the deadline, not from the export, so
importing a newer file updates the reminders instead of adding a second set. The orders
page names each order by its row id; the wizard has none, so its order is named by the
order itself (`own_order_id`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from icalendar import Alarm, Calendar
from icalendar import Event as CalendarEvent

from core.dates import add_days
from core.i18n import N_, _, show_date
from core.models import Case, DisputeStatus, Order, Plan
from core.report import order_name
from core.rules import own_deadline
from core.timeline import outside_dispute, plan_day, waiting_for_parcel
from core.wording.table import DEADLINE_LABELS, LAST_DAYS

PRODID = "-//AliExpress Dispute Wizard//Deadlines//EN"
UID_NAMESPACE = uuid.UUID("69adcdb0-ccfb-42db-9aeb-9f3cf24ca32f")
"""Fixed for good: changing it would give every reminder a new id and duplicate them all."""

DEADLINE_KEYS = (
    "earliest_dispute",
    "estimated_delivery",
    "seller_answer_due",
    "ask_extension_by",
    "running_out_from",
    "dispute_deadline",
    "deadline_after_confirming",
    "late_claim_deadline",
    "seller_must_answer_by",
    "appeal_deadline",
    "negotiation_ends",
    "proof_due",
    "return_ship_by",
    "customs_pay_by",
    "withdrawal_by",
    "refund_expected_by",
    "paypal_dispute_by",
    "chargeback_by",
)
"""The plan's dates a buyer may be reminded of, in the order they usually come (same-day reminders keep it)."""
BEFORE_DISPUTE = frozenset(("earliest_dispute", "dispute_deadline"))
"""Days for opening a dispute: no use while one is in progress (core.timeline.outside_dispute)."""
WAITING_KEYS = frozenset(("estimated_delivery", "ask_extension_by", "running_out_from", "late_claim_deadline"))
"""Days that matter while a parcel is awaited outside a dispute (core.timeline.waiting_for_parcel)."""
OWN_DEADLINE_ONLY = frozenset(("seller_answer_due", "deadline_after_confirming"))
"""Days reminded only when they are the plan's own deadline. The rules also count the seller's two days
from today when nobody wrote yet, and the 15 days after confirming from today for any received order:
a reminder on those would contradict a plan that says to wait, or not to confirm."""
AFTER_CLOSING = frozenset(("appeal_deadline", "refund_expected_by", "paypal_dispute_by", "chargeback_by"))
"""Once a dispute has closed, only appeal and refund dates are left, and the ways out beyond AliExpress."""
REMINDER_NOTES = {
    "earliest_dispute": N_("From today AliExpress lets you open a dispute on this order, if you need one."),
    "estimated_delivery": N_(
        "The estimated delivery is today. If the parcel hasn't come by tonight, come back "
        "to the wizard tomorrow: the plan changes."
    ),
    "running_out_from": N_(
        "Buyer protection is running out. If the parcel hasn't come, open a dispute today, whatever the tracking says."
    ),
    "dispute_deadline": N_("Last day to open a dispute on this order: do it today if anything is still wrong."),
    "late_claim_deadline": N_(
        "Last day AliExpress still takes a refund request for a parcel that never came: "
        "open a dispute today, or write to support if the button is missing."
    ),
    "appeal_deadline": N_("Last day to appeal the dispute's outcome."),
    "negotiation_ends": N_(
        "Last day to choose in the dispute: if you choose nothing, AliExpress's proposal is applied."
    ),
    "refund_expected_by": N_("If the refund hasn't arrived, ask your bank to trace it with the refund's ARN code."),
    "ask_extension_by": N_(
        "If the parcel hasn't come, ask the seller today to extend buyer protection: only the seller can, from the "
        "order page."
    ),
    "seller_must_answer_by": N_(
        "The seller's time to answer your dispute ends today. Check the dispute page: with no answer, the refund "
        "goes through as you asked."
    ),
    "return_ship_by": N_(
        "If you agreed to send the item back: last day to post it, with tracking, or the money goes to the seller."
    ),
    "proof_due": N_("Last day to add the proof AliExpress asked for to your dispute: without it, you can lose."),
    "customs_pay_by": N_(
        "Last day the customs notice gives, to pay the charge on the carrier's own site or send what customs asks "
        "for: after it, the parcel goes back to the seller."
    ),
    "withdrawal_by": N_(
        "In the EU: last day to tell the seller in writing that you withdraw from the purchase; you pay the return "
        "postage."
    ),
    "paypal_dispute_by": N_(
        "Outside AliExpress: last day to open a PayPal dispute for this order, if you still haven't got your money."
    ),
    "chargeback_by": N_(
        "Outside AliExpress: last day to ask your card's bank for a chargeback on this order, if you still haven't "
        "got your money. Your bank may allow less time."
    ),
}
"""What to do on a reminder's day. The headline is today's advice: it fits only the plan's own last day
(written for it) and the days with no note here (the seller's two days, the 15 days after confirming,
which are reminded only as the plan's own deadline). On any other day the advice has changed by then."""


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
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
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


def own_order_id(order: Order) -> str:
    """A name for an order with no row id (the wizard's): the same order always gives the same one.

    The order number when the buyer gave it (it names one order for good); otherwise a hash
    of the other facts that tell one order from another: shipped_on, placed_on,
    estimated_delivery, label, total_paid and currency. Two orders differ in at least one of
    them, and reloading the page changes none (the day the plan is made for is not one).
    Changing one of them (adding the item's name, say) makes it a new order for the
    calendar: its reminders get new ids, and the old ones stay until deleted.
    """
    if order.order_number:
        return "number-" + order.order_number
    facts = {
        "shipped_on": order.shipped_on and order.shipped_on.isoformat(),
        "placed_on": order.placed_on and order.placed_on.isoformat(),
        "estimated_delivery": order.estimated_delivery and order.estimated_delivery.isoformat(),
        "label": order.label,
        "total_paid": f"{order.total_paid:.2f}",
        "currency": order.currency,
    }
    digest = hashlib.sha256(json.dumps(facts, sort_keys=True).encode("utf-8")).hexdigest()
    return "facts-" + digest[:32]


def reminder_label(order: Order) -> str:
    """The order in a reminder's title: its item and/or number, else the day it was placed when given."""
    name = order_name(order)
    if name is not None:
        return name
    if order.placed_on is not None:
        return _("AliExpress order placed on {day}").format(day=show_date(order.placed_on))
    return _("AliExpress order")


def reminded_keys(case: Case, plan: Plan) -> list[str]:
    """Which of the plan's dates are worth a reminder in this case, whatever their dates.

    The plan's own deadline always is. Once a dispute has closed, only appeal and refund
    dates are; while one is in progress, not the days for opening one or waiting for the parcel;
    and a plan to confirm receipt is reminded of the last day that confirming sets, not of
    the protection's end, which confirming moves.
    """
    own = own_deadline(plan.rule, plan.dates)
    dispute = case.dispute
    if dispute is not None and dispute.status is DisputeStatus.closed:
        return [key for key in DEADLINE_KEYS if key in AFTER_CLOSING]
    outside, waiting = outside_dispute(case, plan), waiting_for_parcel(case, plan)

    def wanted(key: str) -> bool:
        if key == own:
            return True
        if key in OWN_DEADLINE_ONLY:
            return False
        if key == "dispute_deadline" and own == "deadline_after_confirming":
            # The plan is to confirm receipt, which moves the last day to 15 days after confirming.
            return False
        if key in BEFORE_DISPUTE:
            return outside
        if key in WAITING_KEYS:
            return waiting
        return True

    return [key for key in DEADLINE_KEYS if wanted(key)]


def plan_reminders(
    case: Case, plan: Plan, order_id: str | None = None, *, today: dt.date | None = None
) -> list[Reminder]:
    """The plan's deadlines and the days its advice changes, from today on; a past one is no use as a reminder.

    `order_id` keeps the reminders of different orders apart (the orders page passes its row id);
    without it, the order's own id (`own_order_id`).
    """
    day = plan_day(case, plan, today)
    own_id = order_id if order_id is not None else own_order_id(case.order)
    label = reminder_label(case.order)
    own = own_deadline(plan.rule, plan.dates)
    found = []
    for key in reminded_keys(case, plan):
        date = getattr(plan.dates, key)
        if date is None or date < day:
            continue
        action = (
            plan.headline if key == own and (key in LAST_DAYS or key not in REMINDER_NOTES) else _(REMINDER_NOTES[key])
        )
        found.append(Reminder(own_id, label, key, _(DEADLINE_LABELS[key]), date, action))
    return sorted(found, key=lambda reminder: reminder.date)


def plan_calendar(
    case: Case,
    plan: Plan,
    order_id: str | None = None,
    *,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> bytes:
    """One order's upcoming deadlines as an .ics file; see `plan_reminders` for `order_id`."""
    return deadline_calendar(plan_reminders(case, plan, order_id, today=today), now=now)
