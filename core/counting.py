"""How each date of the plan was counted, in words a buyer can check against their order page.

"Shipped Sun 1 Nov 2026 + 60 days of buyer protection = Thu 31 Dec 2026". Every sum starts
from the case's own date and uses the day counts core.rules uses (core.rules.protection_dates),
and its result is the plan's own date, never one worked out again here.
"""

from __future__ import annotations

import datetime as dt

from core.dates import add_days, weekend_days
from core.facts import (
    AFTER_RECEIPT,
    ALIEXPRESS_STEPS_IN,
    APPEAL_WINDOW,
    ASK_EXTENSION,
    CHARGEBACK_LONGEST,
    CHARGEBACK_NOT_AS_DESCRIBED,
    CHARGEBACK_NOT_RECEIVED,
    DISPUTE_OPENS,
    EU_GUARANTEE,
    EU_WITHDRAWAL,
    EXTEND_PAST_DELIVERY,
    EXTENSION_ASKED,
    LATE_CLAIM,
    PAYPAL_DISPUTE,
    RETURN_SHIP_WITHIN,
    RUNNING_OUT,
    SELLER_DISPUTE_ANSWER,
    SELLER_REPLY,
)
from core.i18n import _, country_name, current_language, ngettext, show_date
from core.models import PROTECTION_DAYS_USUAL, Case, Order, Plan, PlanDates
from core.rules import refund_window


def counted(case: Case, dates: PlanDates, today: dt.date) -> dict[str, str]:
    """Each date of the plan that is set, by its field's name, with the sum that gives it."""
    order, dispute = case.order, case.dispute
    found: dict[str, str] = {}
    deadline_from = _deadline_start(case)

    def add(field: str, start: str | None) -> None:
        value = getattr(dates, field)
        if value is not None and start is not None:
            found[field] = _("{start} = {end}").format(start=start, end=show_date(value))

    shipped = order.shipped_on
    if shipped is not None:
        start = _("Ordered {day}") if order.shipping_day_unknown else _("Shipped {day}")
        add("earliest_dispute", _days(start, shipped, DISPUTE_OPENS.value))
        add("protection_ends", _protection_end(order))
    add("dispute_deadline", deadline_from if order.receipt_confirmed_on is not None else _protection_end(order))
    if dates.seller_answer_due is not None:
        # Counted from today when the seller was not written to yet: the plan says to write today.
        contacted = case.seller_contacted_on
        if contacted is not None:
            start = _("Seller contacted {day} + {days} to answer")
        else:
            start = _("Today {day} + {days} for the seller to answer")
        add("seller_answer_due", start.format(day=show_date(contacted or today), days=_day_count(SELLER_REPLY.value)))
    if deadline_from is not None:
        add("running_out_from", _("{start} - {days}").format(start=deadline_from, days=_day_count(RUNNING_OUT.value)))
        add("late_claim_deadline", _("{start} + {days}").format(start=deadline_from, days=_day_count(LATE_CLAIM.value)))
    add("deadline_after_confirming", _days(_("Confirming receipt today {day}"), today, AFTER_RECEIPT.value))
    # Dates the buyer entered are not counted: the sum says so, and still ends on the date.
    add("estimated_delivery", _("Estimated delivery as you entered it"))
    if case.cancelled_on is not None and order.shipped_on is None:
        window = refund_window(case.paid_with)
        start = _("Cancelled {day}")
        add("refund_expected_from", _working(case.cancelled_on, window.value, case.country, start))
        add("refund_expected_by", _working(case.cancelled_on, window.upto or window.value, case.country, start))
    if dispute is not None:
        if dispute.closed_on is not None:
            add("appeal_deadline", _days(_("Dispute closed {day}"), dispute.closed_on, APPEAL_WINDOW.value))
        add("negotiation_ends", _("End of negotiation as you entered it"))
        processed = dispute.refund_processed_on
        if processed is not None:
            window = refund_window(case.paid_with)
            add("refund_expected_from", _working(processed, window.value, case.country))
            add("refund_expected_by", _working(processed, window.upto or window.value, case.country))
        if dispute.opened_on is not None:
            opened = _("Dispute opened {day}")
            add("seller_must_answer_by", _days(opened, dispute.opened_on, SELLER_DISPUTE_ANSWER.value))
            add("aliexpress_steps_in_by", _days(opened, dispute.opened_on, ALIEXPRESS_STEPS_IN.value))
    if deadline_from is not None and ASK_EXTENSION.upto is not None:
        add("ask_extension_by", _("{start} - {days}").format(start=deadline_from, days=_day_count(ASK_EXTENSION.upto)))
    if dates.extension_until is not None and dates.protection_ends is not None:
        eta = order.estimated_delivery
        if eta is not None and eta >= dates.protection_ends:
            add("extension_until", _days(_("Estimated delivery {day}"), eta, EXTEND_PAST_DELIVERY.value))
        else:
            add("extension_until", _days(_("Protection ends {day}"), dates.protection_ends, EXTENSION_ASKED.value))
    add("return_ship_by", _return_ship_by(case, today))
    add("customs_pay_by", _("On the customs notice"))
    charged = case.charged_on if case.payment_problem is not None else None
    if charged is not None:
        # Money with no order behind it: its days count from the day it was taken.
        window, start = refund_window(case.paid_with), _("Money taken {day}")
        add("refund_expected_from", _working(charged, window.value, case.country, start))
        add("refund_expected_by", _working(charged, window.upto or window.value, case.country, start))
    add("proof_due", _("As AliExpress asked in the dispute"))
    if order.delivered_on is not None:
        add("withdrawal_by", _days(_("Arrived {day}"), order.delivered_on, EU_WITHDRAWAL.value))
    paid = charged or order.placed_on
    if paid is not None:
        add("paypal_dispute_by", _days(_("Paid {day}"), paid, PAYPAL_DISPUTE.value))
    if charged is not None:
        add("chargeback_by", _days(_("Paid {day}"), charged, CHARGEBACK_NOT_RECEIVED.value))
    else:
        add("chargeback_by", _chargeback_start(case, dates))
    if order.receipt_confirmed_on is not None:
        add(
            "eu_guarantee_until",
            _("{start} + {years}").format(
                start=_("Receipt confirmed {day}").format(day=show_date(order.receipt_confirmed_on)),
                years=ngettext("{n} year", "{n} years", EU_GUARANTEE.value).format(n=EU_GUARANTEE.value),
            ),
        )
    return found


def _chargeback_start(case: Case, dates: PlanDates) -> str | None:
    """The card rules' count: from receipt or the last expected delivery, held at the longest limit."""
    order, end = case.order, dates.chargeback_by
    if end is None:
        return None
    paid = order.placed_on
    if paid is not None and end == add_days(paid, CHARGEBACK_LONGEST.value):
        return _days(_("Paid {day}"), paid, CHARGEBACK_LONGEST.value)
    if order.received and order.receipt_confirmed_on is not None:
        return _days(_("Receipt confirmed {day}"), order.receipt_confirmed_on, CHARGEBACK_NOT_AS_DESCRIBED.value)
    if order.estimated_delivery is not None:
        return _days(_("Estimated delivery {day}"), order.estimated_delivery, CHARGEBACK_NOT_RECEIVED.value)
    return None


def _return_ship_by(case: Case, today: dt.date) -> str | None:
    """A return already agreed counts from the agreement (or is the request's own date); otherwise from today."""
    item_return = case.item_return
    if item_return is None:
        return _days(_("Accepting today {day}"), today, RETURN_SHIP_WITHIN.value)
    if item_return.ship_by is not None:
        return _("The date on your return request")
    if item_return.agreed_on is not None:
        return _days(_("Return agreed {day}"), item_return.agreed_on, RETURN_SHIP_WITHIN.value)
    return None


def _day_count(days: int) -> str:
    return ngettext("{n} day", "{n} days", days).format(n=days)


def _days(start: str, day: dt.date, days: int) -> str:
    """ "Shipped Sun 1 Nov 2026 + 10 days"."""
    return _("{start} + {days}").format(start=start.format(day=show_date(day)), days=_day_count(days))


def _protection(order: Order) -> str | None:
    """ "Shipped Sun 1 Nov 2026 + 60 days of buyer protection", or "Ordered ..." when the shipping day is unknown."""
    shipped, days = order.shipped_on, order.protection_days
    if shipped is None:
        return None
    if order.shipping_day_unknown:
        return ngettext(
            "Ordered {day} + {n} day of buyer protection", "Ordered {day} + {n} days of buyer protection", days
        ).format(day=show_date(shipped), n=days)
    return ngettext(
        "Shipped {day} + {n} day of buyer protection", "Shipped {day} + {n} days of buyer protection", days
    ).format(day=show_date(shipped), n=days)


def _deadline_start(case: Case) -> str | None:
    """The sum that gives the last day to dispute, as core.rules counts it: from receipt when confirmed."""
    order = case.order
    if order.receipt_confirmed_on is not None:
        return _days(_("Receipt confirmed {day}"), order.receipt_confirmed_on, AFTER_RECEIPT.value)
    if order.protection_ends_on is not None:
        return _("Protection end on your order page ({day})").format(day=show_date(order.protection_ends_on))
    return _protection(order)


def _protection_end(order: Order) -> str | None:
    """The end of protection: as the order page shows it, or shipping plus the listing's days."""
    if order.protection_ends_on is not None:
        return _("As your order page shows it")
    return _protection(order)


def _working(start: dt.date, days: int, country: str | None, label: str | None = None) -> str:
    """ "Refund processed Tue 20 Oct 2026 + 20 working days (Monday to Friday, except public holidays in Spain)";
    `label` names another start ("Cancelled {day}")."""
    count = ngettext("{n} working day", "{n} working days", days).format(n=days)
    week = working_week(country)
    if country is not None:
        week = _("{days}, except public holidays in {country}").format(days=week, country=country_name(country))
    begun = (label or _("Refund processed {day}")).format(day=show_date(start))
    return _("{start} + {count} ({week})").format(start=begun, count=count, week=week)


def working_week(country: str | None) -> str:
    """The working days of the country's week, "Monday to Friday" ("Sunday to Thursday" in Israel)."""
    from babel.dates import get_day_names

    names = get_day_names("wide", locale=current_language())
    weekend = weekend_days(country)
    working = [day for day in range(7) if day not in weekend]
    if not working:
        return _("no working days")
    if len(working) == 7:
        return _("every day")
    # The week read from the day after a weekend day, so a run such as Sunday to Thursday stays whole.
    first = next(day for day in range(7) if day not in weekend and (day - 1) % 7 in weekend)
    run = [(first + step) % 7 for step in range(len(working))]
    if set(run) == set(working):
        return _("{first} to {last}").format(first=names[run[0]], last=names[run[-1]])
    return ", ".join(names[day] for day in working)


def how_counted(plan: Plan) -> str | None:
    """How the plan's next date was counted, as one line under it; None when it has no sum."""
    deadline = plan.next_deadline
    if deadline is None or deadline.counted is None:
        return None
    return _("How it's counted: {sum}").format(sum=deadline.counted)


def assumed_protection(plan: Plan) -> str | None:
    """One line saying the dates rest on the usual protection, when they do, and where the real end is."""
    if not plan.protection_assumed:
        return None
    if plan.counted_from_order_day:
        return _(
            "These dates count the usual {n} days of buyer protection from the day you ordered, as the shipping day "
            "isn't known: your real days are the same or later. Your order page shows the real end (“Buyer "
            "protection” countdown): enter it for exact dates."
        ).format(n=PROTECTION_DAYS_USUAL)
    return _(
        "These dates count the usual {n} days of buyer protection from shipping. Your order page shows the "
        "real end (“Buyer protection” countdown): enter it for exact dates."
    ).format(n=PROTECTION_DAYS_USUAL)
