"""What the words know about a case (`Said`), and the small helpers every part of the words uses.

A plan states only what the buyer told us: `Said` formats those facts once, and anything we
don't know becomes one visible [placeholder] that a message lists in `fill_in`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal

from core.facts import EXTEND_PAST_DELIVERY, EXTENSION_ASKED, Fact
from core.i18n import _, show_date, show_money
from core.models import Case, Message, MessageKind, PlanDates, Problem
from core.rules import Decision, is_eu, protection_assumed

_PLACEHOLDER = re.compile(r"\[([^\[\]]+)\]")
_FORM_PUNCTUATION = set(" .,;:'()/-&+#%_")


def form_safe(text: str) -> str:
    """The buyer's words as dispute forms accept them: letters, digits and plain punctuation only.

    The guide warns that characters AliExpress does not allow can block a dispute, so emoji,
    symbols and brackets (which would read as our placeholders) are dropped.
    """
    kept = "".join(char for char in text if unicodedata.category(char)[0] in "LN" or char in _FORM_PUNCTUATION)
    return " ".join(kept.split())


def placeholders(body: str) -> list[str]:
    """The [placeholders] of a message, in the order they appear, each once."""
    return list(dict.fromkeys(_PLACEHOLDER.findall(body)))


def message(kind: MessageKind, title: str, body: str) -> Message:
    return Message(kind=kind, title=title, body=body, fill_in=placeholders(body))


class Said:
    """What the buyer told us, formatted once: the only facts a plan may state."""

    def __init__(self, case: Case, decision: Decision, dates: PlanDates, today: dt.date):
        self.case, self.decision, self.dates, self.today = case, decision, dates, today
        self.order = case.order
        self.dispute = case.dispute
        self.item = form_safe(self.order.label or "") or None
        self.used: dict[str, Fact] = {}
        """The facts whose figures the words stated, for "Why this advice"."""

    def n(self, fact: Fact) -> int:
        """A fact's figure, as the words state it; the fact is listed among the plan's sources."""
        self.used[fact.key] = fact
        return fact.value

    def upto(self, fact: Fact) -> int:
        """The end of a fact's range ("1 to {upto}"), listed like `n`."""
        self.used[fact.key] = fact
        assert fact.upto is not None, f"{fact.key} is not a range"
        return fact.upto

    def cites(self, fact: Fact) -> None:
        """A fact the words rely on without stating its figure (one free return, only the seller extends)."""
        self.used[fact.key] = fact

    @property
    def in_eu(self) -> bool:
        return is_eu(self.case)

    def money(self, amount: Decimal) -> str:
        return show_money(amount, self.order.currency)

    def day(self, which: str) -> str:
        """A date of the plan ("Tue 8 Dec 2026"); only called where the rule guarantees it exists."""
        return show_date(getattr(self.dates, which))

    @property
    def order_ref(self) -> str:
        """The order as AliExpress names it: its number (or a placeholder), and the item when given."""
        number = self.order.order_number or "[" + _("order number") + "]"
        if self.item:
            return _("order {number} ({item})").format(number=number, item=self.item)
        return _("order {number}").format(number=number)

    @property
    def amount(self) -> Decimal | None:
        """The plan's refund amount, or None when it is not known (a zero is never said as "$0.00")."""
        amount = self.decision.refund_amount
        return amount if amount is not None and amount > 0 else None

    @property
    def asked(self) -> str:
        """The refund the plan asks for, in words: "a full refund of $40.00"."""
        d = self.decision
        if d.refund == "full":
            if self.amount is not None:
                return _("a full refund of {amount}").format(amount=self.money(self.amount))
            return _("a full refund")
        if self.amount is not None:
            return _("a partial refund of {amount}").format(amount=self.money(self.amount))
        return _("a partial refund of [amount]")

    @property
    def asked_step(self) -> str:
        """The refund to ask for, as advice to the buyer (a message would hold a placeholder instead)."""
        if self.decision.refund == "partial" and self.amount is None:
            return _("Ask for a partial refund: choose an amount you think is fair, and write it in the messages.")
        return _("Ask for {asked}.").format(asked=self.asked)

    @property
    def offer(self) -> str:
        """The offer being accepted: its amount ("no refund" for none), and the return when one is asked."""
        if self.amount is None:
            return _("no refund, sending the item back") if self.decision.return_item else _("no refund")
        return self.offer_of(self.amount, self.decision.return_item)

    def offer_of(self, amount: Decimal, return_item: bool) -> str:
        """An offer as the dispute shows it: its amount, and the return when it asks for one."""
        shown = self.money(amount)
        return _("{amount}, sending the item back").format(amount=shown) if return_item else shown

    @property
    def nothing_came(self) -> bool:
        """Everything the order held is missing (an empty parcel, say): there is no item to keep or send back."""
        return self.case.problem is Problem.incomplete and self.decision.refund == "full"

    @property
    def contacted(self) -> str | None:
        contacted = self.case.seller_contacted_on
        return show_date(contacted) if contacted is not None else None

    @property
    def shipped(self) -> str | None:
        """The shipping day, only when the buyer gave it: a day counted from the order is never stated as one."""
        order = self.order
        return show_date(order.shipped_on) if order.shipped_on is not None and not order.shipping_day_unknown else None

    @property
    def eta(self) -> str | None:
        eta = self.order.estimated_delivery
        return show_date(eta) if eta is not None else None

    @property
    def eta_passed(self) -> bool:
        eta = self.order.estimated_delivery
        return eta is not None and eta < self.today

    @property
    def protection_ends(self) -> dt.date:
        """The day protection ends: only the words of rules that know the shipping date ask for it."""
        ends = self.dates.protection_ends
        assert ends is not None, "a rule without a shipping date asked when protection ends"
        return ends

    @property
    def protection_assumed(self) -> bool:
        """The end of protection was counted from the usual days, not read off the order page: a message to
        AliExpress, which sees the real day, doesn't state it."""
        return protection_assumed(self.case, self.dates)

    @property
    def still_protected(self) -> bool:
        return self.protection_ends >= self.today

    @property
    def protection_end(self) -> str:
        """ "protection ends on <day>", or "ended" once it has passed."""
        ends = self.protection_ends
        if ends < self.today:
            return _("protection ended on {day}").format(day=show_date(ends))
        return _("protection ends on {day}").format(day=show_date(ends))

    @property
    def extension_until(self) -> str:
        """The day to ask protection to be extended to (a plan date only waiting-for-parcel rules hold)."""
        until, eta = self.dates.extension_until, self.order.estimated_delivery
        assert until is not None, "a rule asked for an extension without a parcel on its way"
        self.cites(EXTEND_PAST_DELIVERY if eta is not None and eta >= self.protection_ends else EXTENSION_ASKED)
        return show_date(until)


Part = Callable[[Said], list]


def join(*parts: Part) -> Part:
    """Several pieces of a list, in order: lets rules share steps, proof and warnings."""
    return lambda w: [item for part in parts for item in part(w)]


def nothing(w: Said) -> list:
    """An empty part, said out loud: this rule has no proof, warnings or messages to give."""
    return []
