"""The wizard's routes, and how a test walks them with AppTest, for the page tests and the benchmarks."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from core.wizard.answers import NOT_YET, REJECTED, MoneyAnswer
from core.wizard.questions import DATE_KINDS, YES_FIRST_KINDS, questions
from core.wizard.route import ON_REQUEST

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def on_day(steps: list[tuple[str, str]], today: dt.date) -> list[tuple[str, str]]:
    """A route's answers with each date moved as far as `today` is from TODAY: the same situation on that day."""
    shift = today - TODAY
    return [
        (key, (dt.date.fromisoformat(value) + shift).isoformat() if _DAY.fullmatch(value) else value)
        for key, value in steps
    ]


APP = str(Path(__file__).resolve().parents[2] / "app.py")
TODAY = dt.date(2026, 11, 26)


def start(params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["today"] = TODAY
    for key, value in (params or {}).items():
        at.query_params[key] = value
    return at.run()


def answer(at: AppTest, key: str, value: str) -> AppTest:
    """Answer the question on screen the way a person would: pick, type or tap.

    A question asked only on request ("blocked") is answered from the plan, by its button.
    """
    if key in ON_REQUEST and current_question(at) == "plan":
        assert value == "yes"
        return at.button(key="dispute_blocked").click().run()
    kind = questions()[key].kind
    if kind == "choice":
        return at.radio(key=f"q_{key}_value").set_value(value).run()
    if kind in YES_FIRST_KINDS:
        if value == NOT_YET:
            return at.radio(key=f"q_{key}_known").set_value(NOT_YET).run()
        at = at.radio(key=f"q_{key}_known").set_value("date" if kind == "protection" else "yes").run()
    if value == NOT_YET:
        return at.button(key=f"q_{key}_no").click().run()
    if value == REJECTED:
        return at.button(key=f"q_{key}_rejected").click().run()
    if kind in DATE_KINDS:
        at = at.date_input(key=f"q_{key}_value").set_value(dt.date.fromisoformat(value)).run()
    else:
        money = MoneyAnswer.parse(value, offer=kind == "offer")
        assert money is not None, value
        if money.currency:
            at.selectbox(key=f"q_{key}_currency").set_value(money.currency)
        at.number_input(key=f"q_{key}_value").set_value(float(money.amount))
        if money.with_return:
            at.checkbox(key=f"q_{key}_return").check()
    return at.button(key=f"q_{key}_next").click().run()


def walk(steps: list[tuple[str, str]], at: AppTest | None = None) -> AppTest:
    at = at or start()
    for key, value in steps:
        assert not at.exception, at.exception
        assert current_question(at) == ("plan" if key in ON_REQUEST else key), (key, shown_text(at))
        at = answer(at, key, value)
    assert not at.exception, at.exception
    return at


def current_question(at: AppTest) -> str | None:
    return at.session_state.get("step", None)


def shown_text(at: AppTest) -> str:
    """Everything the page shows as text, to search for what a person would read."""
    parts = [m.value for m in at.markdown] + [e.value for e in at.info] + [e.value for e in at.error]
    parts += [e.value for e in at.success] + [e.value for e in at.warning] + [c.value for c in at.code]
    parts += [c.value for c in at.caption] + [s.value for s in at.subheader]
    return re.sub(r"\\(.)", r"\1", "\n".join(str(p) for p in parts))


ROUTES = {
    "not shipped, payment pending": (
        [("stage", "not_shipped"), ("payment", "pending")],
        "cancel_order",
        ["Cancel the order now", "Full refund"],
        None,
    ),
    "not shipped, payment confirmed": (
        [("stage", "not_shipped"), ("payment", "confirmed"), ("cancel_asked", "no")],
        "request_cancellation",
        ["Ask to cancel the order"],
        "seller",
    ),
    "not shipped, the seller refused to cancel": (
        [("stage", "not_shipped"), ("payment", "confirmed"), ("cancel_asked", "refused")],
        "wait",
        ["The seller refused to cancel", "Don't refuse the parcel"],
        None,
    ),
    "late, no updates, seller silent": (
        [
            ("stage", "on_the_way"),
            ("shipped", "2026-10-01"),
            ("protection", "no"),
            ("tracking", "no_updates"),
            ("eta", "2026-11-10"),
            ("contacted", "2026-11-20"),
        ],
        "open_dispute",
        ["Open a dispute", "Full refund", "4 days left", "Mon 30 Nov 2026"],
        "dispute",
    ),
    "late, no updates, shipping day not found": (
        [
            ("stage", "on_the_way"),
            ("shipped", "no"),
            ("ordered", "2026-10-01"),
            ("protection", "no"),
            ("tracking", "no_updates"),
            ("eta", "2026-11-20"),
            ("contacted", "no"),
        ],
        "open_dispute",
        ["Open a dispute", "Mon 30 Nov 2026", "from the day you ordered"],
        "dispute",
    ),
    "late, no tracking, seller not asked": (
        [
            ("stage", "on_the_way"),
            ("shipped", "2026-10-20"),
            ("protection", "no"),
            ("tracking", "none"),
            ("eta", "no"),
            ("contacted", "no"),
        ],
        "contact_seller",
        ["Ask the seller where your parcel is", "Sat 28 Nov 2026"],
        "seller",
    ),
    "in transit": (
        [
            ("stage", "on_the_way"),
            ("shipped", "2026-11-01"),
            ("protection", "no"),
            ("tracking", "in_transit"),
            ("eta", "no"),
        ],
        "contact_seller",
        ["if it hasn't come by Sat 26 Dec 2026, open a dispute even if it is still moving"],
        "seller",
    ),
    "shipped too recently": (
        [
            ("stage", "on_the_way"),
            ("shipped", "2026-11-20"),
            ("protection", "no"),
            ("tracking", "none"),
            ("eta", "no"),
            ("contacted", "no"),
        ],
        "wait",
        ["Too early to open a dispute", "Mon 30 Nov 2026"],
        None,
    ),
    "before the estimated delivery": (
        [
            ("stage", "on_the_way"),
            ("shipped", "2026-11-10"),
            ("protection", "no"),
            ("tracking", "no_updates"),
            ("eta", "2026-12-10"),
            ("contacted", "no"),
        ],
        "wait",
        ["Give it time", "Thu 10 Dec 2026"],
        None,
    ),
    "late, the order page shows the protection end": (
        [
            ("stage", "on_the_way"),
            ("shipped", "2026-10-01"),
            ("protection", "2026-12-19"),
            ("tracking", "no_updates"),
            ("eta", "2026-11-10"),
            ("contacted", "2026-11-20"),
        ],
        "open_dispute",
        ["Open a dispute", "Sat 19 Dec 2026", "23 days left", "As your order page shows it"],
        "dispute",
    ),
    "returned to seller": (
        [
            ("stage", "on_the_way"),
            ("shipped", "2026-10-15"),
            ("protection", "no"),
            ("tracking", "returned_to_seller"),
            ("why_back", "unknown"),
        ],
        "open_dispute",
        ["went back to the seller", "Full refund", "refused or didn't pay the customs charges"],
        "dispute",
    ),
    "returned to seller, customs charges not paid": (
        [
            ("stage", "on_the_way"),
            ("shipped", "2026-10-15"),
            ("protection", "no"),
            ("tracking", "returned_to_seller"),
            ("why_back", "customs"),
        ],
        "contact_support",
        ["customs charges weren't paid", "Mon 14 Dec 2026", "can lose you the dispute"],
        "support",
    ),
    "returned to seller, not collected in time": (
        [
            ("stage", "on_the_way"),
            ("shipped", "2026-10-15"),
            ("protection", "no"),
            ("tracking", "returned_to_seller"),
            ("why_back", "not_collected"),
        ],
        "contact_seller",
        ["wasn't collected in time", "Mon 14 Dec 2026", "I did not collect it in time"],
        "seller",
    ),
    "returned to seller, no notice was ever left": (
        [
            ("stage", "on_the_way"),
            ("shipped", "2026-10-15"),
            ("protection", "no"),
            ("tracking", "returned_to_seller"),
            ("why_back", "no_notice"),
        ],
        "open_dispute",
        ["went back to the seller", "Full refund"],
        "dispute",
    ),
    "held at customs with a charge": (
        [
            ("stage", "on_the_way"),
            ("shipped", "2026-10-15"),
            ("protection", "no"),
            ("tracking", "held_at_customs"),
            ("customs_pay_by", "no"),
        ],
        "wait",
        ["held at customs", "carrier's own site", "Don't refuse a real customs charge", "still held on Wed 9 Dec 2026"],
        None,
    ),
    "held at customs, pay by a date": (
        [
            ("stage", "on_the_way"),
            ("shipped", "2026-10-15"),
            ("protection", "no"),
            ("tracking", "held_at_customs"),
            ("customs_pay_by", "2026-12-05"),
        ],
        "wait",
        ["pay it there by Sat 5 Dec 2026, or it goes back", "Last day on the customs notice: Sat 5 Dec 2026"],
        None,
    ),
    "customs asks for documents": (
        [
            ("stage", "on_the_way"),
            ("shipped", "2026-10-15"),
            ("protection", "no"),
            ("tracking", "customs_documents"),
            ("customs_pay_by", "2026-12-05"),
        ],
        "contact_seller",
        ["Customs wants documents", "send everything by Sat 5 Dec 2026", "Last day on the customs notice"],
        "seller",
    ),
    "waiting to be collected": (
        [("stage", "on_the_way"), ("shipped", "2026-10-15"), ("protection", "no"), ("tracking", "awaiting_pickup")],
        "collect_parcel",
        ["Your parcel is waiting for you", "Don't let it go back"],
        "seller",
    ),
    "waiting to be collected, protection running out": (
        [
            ("stage", "on_the_way"),
            ("shipped", "2026-10-15"),
            ("protection", "2026-11-29"),
            ("tracking", "awaiting_pickup"),
        ],
        "open_dispute",
        ["Protection ends on Sun 29 Nov 2026: open a dispute today to keep it"],
        "dispute",
    ),
    "seized by customs": (
        [
            ("stage", "on_the_way"),
            ("shipped", "2026-10-15"),
            ("protection", "no"),
            ("tracking", "seized_by_customs"),
        ],
        "open_dispute",
        ["Customs seized your parcel", "Full refund", "Mon 14 Dec 2026"],
        "dispute",
    ),
    "dispute cancelled, still not here": (
        [
            ("stage", "dispute_cancelled"),
            ("shipped", "2026-10-15"),
            ("protection", "no"),
            ("tracking", "no_updates"),
            ("eta", "no"),
        ],
        "open_dispute",
        ["You cancelled your dispute", "Mon 14 Dec 2026", "keep the dispute open"],
        "dispute",
    ),
    "late, no updates, AliExpress won't let me dispute": (
        [
            ("stage", "on_the_way"),
            ("shipped", "2026-10-01"),
            ("protection", "no"),
            ("tracking", "no_updates"),
            ("eta", "2026-11-10"),
            ("contacted", "2026-11-20"),
            ("blocked", "yes"),
        ],
        "contact_support",
        ["AliExpress won't let you open a dispute yet", "Mon 30 Nov 2026 (4 days left)"],
        "support",
    ),
    "delivered but missing": (
        [
            ("stage", "delivered_missing"),
            ("shipped", "2026-11-01"),
            ("protection", "no"),
            ("delivered_where", "mine"),
            ("contacted", "no"),
        ],
        "contact_seller",
        ["Tracking says delivered", "Sat 28 Nov 2026"],
        "seller",
    ),
    "delivered but missing, seller silent": (
        [
            ("stage", "delivered_missing"),
            ("shipped", "2026-11-01"),
            ("protection", "no"),
            ("delivered_where", "unknown"),
            ("contacted", "2026-11-23"),
        ],
        "open_dispute",
        ["Open a dispute for a full refund", "Don't tap “Confirm receipt” for a parcel you don't have"],
        "dispute",
    ),
    "delivered somewhere else": (
        [
            ("stage", "delivered_missing"),
            ("shipped", "2026-11-01"),
            ("protection", "no"),
            ("delivered_where", "elsewhere"),
        ],
        "open_dispute",
        ["Tracking says it was delivered somewhere else", "Thu 31 Dec 2026"],
        "dispute",
    ),
    "received, all fine": (
        [("stage", "received"), ("problem", "none"), ("shipped", "2026-11-01"), ("receipt", "no"), ("came_late", "no")],
        "confirm_receipt",
        ["Confirm receipt"],
        None,
    ),
    "received fine, years late": (
        [("stage", "received"), ("problem", "none"), ("shipped", "2021-03-01"), ("receipt", "no"), ("came_late", "no")],
        "nothing_to_do",
        ["Nothing to do: protection ended on Fri 30 Apr 2021", "closes the order by itself"],
        None,
    ),
    "received fine, after the guaranteed date": (
        [
            ("stage", "received"),
            ("problem", "none"),
            ("shipped", "2026-11-01"),
            ("receipt", "no"),
            ("came_late", "yes"),
        ],
        "confirm_receipt",
        ["Confirm receipt", "On-Time Guarantee"],
        "support",
    ),
    "received, broken": (
        [
            ("stage", "received"),
            ("problem", "not_as_described"),
            ("shipped", "2026-11-01"),
            ("receipt", "no"),
            ("protection", "no"),
            ("items", "all"),
        ],
        "open_dispute",
        ["full refund, and keep the item", "Full refund · keep the item"],
        "dispute",
    ),
    "received, one faulty item of several": (
        [
            ("stage", "received"),
            ("problem", "not_as_described"),
            ("shipped", "2026-11-01"),
            ("receipt", "2026-11-20"),
            ("items", "some"),
            ("affected", "15 USD"),
        ],
        "open_dispute",
        [
            "refund of $15.00 for the items that are not as described",
            "Partial refund: $15.00 · keep the item",
        ],
        "dispute",
    ),
    "received, fake": (
        [
            ("stage", "received"),
            ("problem", "fake"),
            ("shipped", "2026-11-01"),
            ("receipt", "2026-11-20"),
            ("items", "all"),
        ],
        "open_dispute",
        ["a fake", "Sat 5 Dec 2026"],
        "dispute",
    ),
    "received, fake, protection extended by the seller": (
        [
            ("stage", "received"),
            ("problem", "fake"),
            ("shipped", "2026-11-01"),
            ("receipt", "no"),
            ("protection", "2027-01-20"),
            ("items", "all"),
        ],
        "open_dispute",
        ["a fake", "Wed 20 Jan 2027"],
        "dispute",
    ),
    "received, wrong item": (
        [
            ("stage", "received"),
            ("problem", "wrong_item"),
            ("shipped", "2026-11-01"),
            ("receipt", "no"),
            ("protection", "no"),
            ("items", "all"),
        ],
        "open_dispute",
        ["something you didn't order"],
        "dispute",
    ),
    "received, slightly off": (
        [
            ("stage", "received"),
            ("problem", "slightly_imperfect"),
            ("shipped", "2026-11-01"),
            ("receipt", "no"),
            ("protection", "no"),
            ("total", "40 USD"),
            ("wanted", "10"),
        ],
        "open_dispute",
        ["Partial refund: $10.00 · keep the item"],
        "dispute",
    ),
    "received, parts missing": (
        [
            ("stage", "received"),
            ("problem", "incomplete"),
            ("shipped", "2026-11-01"),
            ("receipt", "no"),
            ("protection", "no"),
            ("total", "40 EUR"),
            ("missing", "12.5"),
        ],
        "open_dispute",
        ["Partial refund: €12.50"],
        "dispute",
    ),
    "received, wrong shipping, paid and late": (
        [
            ("stage", "received"),
            ("problem", "wrong_shipping_method"),
            ("shipped", "2026-11-01"),
            ("receipt", "no"),
            ("total", "30 USD"),
            ("shipping", "5"),
            ("late", "yes"),
        ],
        "open_dispute",
        ["Partial refund: $5.00"],
        "dispute",
    ),
    "received, wrong shipping, free": (
        [
            ("stage", "received"),
            ("problem", "wrong_shipping_method"),
            ("shipped", "2026-11-01"),
            ("receipt", "no"),
            ("total", "30 USD"),
            ("shipping", "0"),
        ],
        "confirm_receipt",
        ["Confirm receipt"],
        None,
    ),
    "received, changed my mind": (
        [
            ("stage", "received"),
            ("problem", "changed_mind"),
            ("shipped", "2026-11-01"),
            ("receipt", "no"),
            ("protection", "no"),
            ("free_return", "no"),
            ("arrived", "2026-11-20"),
        ],
        "open_dispute",
        ["send the item back", "You pay the postage to send it back"],
        "dispute",
    ),
    "received, too late to dispute": (
        [
            ("stage", "received"),
            ("problem", "fake"),
            ("shipped", "2026-08-01"),
            ("receipt", "2026-09-01"),
            ("items", "all"),
        ],
        "contact_support",
        ["ask AliExpress's customer support", "To the seller: warranty"],
        "support",
    ),
    "dispute open, item fine after all": (
        [("stage", "dispute_open"), ("dispute_about", "none"), ("shipped", "2026-11-01"), ("protection", "no")],
        "cancel_dispute",
        ["cancel the dispute", "Thu 31 Dec 2026"],
        None,
    ),
    "dispute open, judged invalid, still moving": (
        [
            ("stage", "dispute_open"),
            ("dispute_about", "not_arrived"),
            ("judgement", "invalid"),
            ("moving", "yes"),
            ("shipped", "2026-11-01"),
            ("protection", "no"),
        ],
        "cancel_dispute",
        ["Cancel the dispute and wait"],
        None,
    ),
    "dispute open, AliExpress proposes less than asked": (
        [
            ("stage", "dispute_open"),
            ("dispute_about", "not_as_described"),
            ("total", "119 EUR"),
            ("seller_offer", "20"),
            ("aliexpress_offer", "35"),
            ("negotiation", "2026-12-02"),
        ],
        "wait",
        ["AliExpress proposes €35.00, less than you asked: add more proof by Wed 2 Dec 2026"],
        "dispute",
    ),
    "dispute open, AliExpress offer": (
        [
            ("stage", "dispute_open"),
            ("dispute_about", "fake"),
            ("total", "50 USD"),
            ("seller_offer", "20"),
            ("aliexpress_offer", "50"),
            ("negotiation", "2026-11-29"),
        ],
        "accept_aliexpress_offer",
        ["Accept AliExpress's proposal", "Full refund: $50.00", "3 days left"],
        None,
    ),
    "dispute open, seller gives what was asked": (
        [
            ("stage", "dispute_open"),
            ("dispute_about", "slightly_imperfect"),
            ("total", "50 USD"),
            ("asked", "10"),
            ("seller_offer", "10"),
            ("aliexpress_offer", "no"),
            ("negotiation", "2026-11-30"),
        ],
        "accept_seller_offer",
        ["Accept the seller's offer", "Partial refund: $10.00", "Mon 30 Nov 2026"],
        None,
    ),
    "dispute open, seller offer needs a return": (
        [
            ("stage", "dispute_open"),
            ("dispute_about", "not_as_described"),
            ("total", "50 USD"),
            ("seller_offer", "50 return"),
            ("aliexpress_offer", "no"),
            ("free_return", "no"),
            ("negotiation", "2026-11-29"),
        ],
        "wait",
        ["Don't accept the seller's offer yet", "Sun 29 Nov 2026", "Nothing to accept yet"],
        None,
    ),
    "dispute open, full refund with a free return": (
        [
            ("stage", "dispute_open"),
            ("dispute_about", "not_as_described"),
            ("total", "50 USD"),
            ("seller_offer", "50 return"),
            ("aliexpress_offer", "no"),
            ("free_return", "yes"),
            ("negotiation", "no"),
        ],
        "accept_seller_offer",
        ["the return is free", "Full refund: $50.00 · send the item back"],
        None,
    ),
    "dispute open, no offer yet": (
        [
            ("stage", "dispute_open"),
            ("dispute_about", "not_arrived"),
            ("judgement", "none"),
            ("total", "50 USD"),
            ("seller_offer", "no"),
            ("aliexpress_offer", "no"),
            ("opened", "2026-11-24"),
        ],
        "wait",
        ["Wait for the seller to answer", "The seller's last day to answer the dispute: Sun 29 Nov 2026"],
        None,
    ),
    "dispute open, the seller rejected it": (
        [
            ("stage", "dispute_open"),
            ("dispute_about", "not_as_described"),
            ("total", "50 USD"),
            ("seller_offer", "rejected"),
            ("aliexpress_offer", "no"),
            ("opened", "2026-11-22"),
        ],
        "wait",
        ["The seller rejected your dispute", "AliExpress should step in by Sun 29 Nov 2026"],
        "dispute",
    ),
    "dispute open, the seller let their days pass": (
        [
            ("stage", "dispute_open"),
            ("dispute_about", "fake"),
            ("total", "50 USD"),
            ("seller_offer", "no"),
            ("aliexpress_offer", "no"),
            ("opened", "2026-11-18"),
        ],
        "wait",
        ["The seller didn't answer in time", "AliExpress steps in by: Wed 25 Nov 2026"],
        "support",
    ),
    "dispute open, AliExpress asks for proof by a day": (
        [
            ("stage", "dispute_open"),
            ("dispute_about", "delivered_not_received"),
            ("judgement", "none"),
            ("total", "58 EUR"),
            ("seller_offer", "rejected"),
            ("aliexpress_offer", "rejected"),
            ("proof_due", "2026-11-29"),
        ],
        "add_proof",
        ["AliExpress asks for your proof: add it to the dispute by Sun 29 Nov 2026", "what you are adding"],
        "dispute",
    ),
    "dispute closed, unfair, in time": (
        [("stage", "dispute_closed"), ("satisfied", "no"), ("closed", "2026-11-24")],
        "appeal",
        ["Appeal the outcome by Tue 1 Dec 2026", "5 days left"],
        "appeal",
    ),
    "dispute closed, unfair, too late": (
        [("stage", "dispute_closed"), ("satisfied", "no"), ("closed", "2026-11-01")],
        "contact_support",
        ["The 7 days to appeal have passed"],
        "support",
    ),
    "dispute closed, an accepted offer regretted in time": (
        [("stage", "dispute_closed"), ("satisfied", "accepted"), ("closed", "2026-11-24"), ("refund", "received")],
        "appeal",
        ["You can still appeal by Tue 1 Dec 2026", "no new dispute can be opened"],
        "appeal",
    ),
    "dispute closed, refund arrived": (
        [("stage", "dispute_closed"), ("satisfied", "yes"), ("refund", "received")],
        "nothing_to_do",
        ["The dispute is closed and your refund is in"],
        None,
    ),
    "dispute closed, refund overdue": (
        [("stage", "dispute_closed"), ("satisfied", "yes"), ("refund", "processed"), ("processed", "2026-10-01")],
        "check_with_bank",
        ["ARN"],
        "bank",
    ),
    "dispute closed, refund on its way": (
        [("stage", "dispute_closed"), ("satisfied", "yes"), ("refund", "processed"), ("processed", "2026-11-24")],
        "wait",
        ["Your refund is on its way", "Fri 27 Nov 2026", "Tue 22 Dec 2026"],
        None,
    ),
    "dispute closed, refund not processed": (
        [("stage", "dispute_closed"), ("satisfied", "yes"), ("refund", "not_yet")],
        "wait",
        ["Wait for AliExpress to process the refund"],
        None,
    ),
    "returning, not sent": (
        [
            ("stage", "returning"),
            ("return_status", "not_sent"),
            ("return_agreed", "2026-11-20"),
            ("return_ship_by", "no"),
            ("return_why", "not_as_described"),
        ],
        "contact_seller",
        ["Send the item back by Mon 30 Nov 2026", "How it's counted: Return agreed Fri 20 Nov 2026 + 10 days"],
        "seller",
    ),
    "returning, the request shows its own date": (
        [
            ("stage", "returning"),
            ("return_status", "not_sent"),
            ("return_agreed", "2026-11-10"),
            ("return_ship_by", "2026-11-28"),
            ("return_why", "changed_mind"),
            ("free_return", "yes"),
        ],
        "contact_seller",
        ["Send the item back by Sat 28 Nov 2026", "The date on your return request"],
        "seller",
    ),
    "returning, the day to send it has passed": (
        [
            ("stage", "returning"),
            ("return_status", "not_sent"),
            ("return_agreed", "2026-11-10"),
            ("return_ship_by", "no"),
            ("return_why", "changed_mind"),
            ("free_return", "no"),
        ],
        "contact_support",
        ["The day to send the item back has passed (Fri 20 Nov 2026)"],
        "support",
    ),
    "returning, no return address yet": (
        [
            ("stage", "returning"),
            ("return_status", "no_label"),
            ("return_agreed", "2026-11-25"),
            ("return_ship_by", "no"),
            ("return_why", "not_as_described"),
        ],
        "contact_seller",
        ["No return address or label yet", "send it by Sat 5 Dec 2026"],
        "seller",
    ),
    "returning, label refused": (
        [
            ("stage", "returning"),
            ("return_status", "label_refused"),
            ("return_agreed", "2026-11-20"),
            ("return_ship_by", "no"),
            ("return_why", "not_as_described"),
        ],
        "contact_support",
        ["won't take the return label", "send it by Mon 30 Nov 2026", "refund the postage"],
        "support",
    ),
    "returning, sent": (
        [
            ("stage", "returning"),
            ("return_status", "sent"),
            ("return_agreed", "2026-11-10"),
            ("return_sent", "2026-11-12"),
            ("return_why", "changed_mind"),
        ],
        "wait",
        ["Your return is on its way", "delivered to the seller"],
        "support",
    ),
    "returning, the seller got it, no refund": (
        [("stage", "returning"), ("return_status", "delivered"), ("return_delivered", "2026-11-16")],
        "contact_support",
        ["The seller has your return and no refund yet", "received it on Mon 16 Nov 2026"],
        "support",
    ),
    "returning, the seller says it never arrived": (
        [
            ("stage", "returning"),
            ("return_status", "lost"),
            ("return_agreed", "2026-11-01"),
            ("return_sent", "2026-11-03"),
            ("return_why", "not_as_described"),
        ],
        "contact_support",
        ["The seller says your return never arrived", "Tue 3 Nov 2026"],
        "seller",
    ),
    "cancelled, refund on its way": (
        [("stage", "cancelled"), ("cancelled", "2026-11-20"), ("cancelled_refund", "not_yet")],
        "wait",
        ["Your order is cancelled and the refund is on its way: expect it by Fri 18 Dec 2026"],
        None,
    ),
    "cancelled, refund late": (
        [("stage", "cancelled"), ("cancelled", "2026-10-20"), ("cancelled_refund", "not_yet")],
        "check_with_bank",
        ["The refund for your cancelled order is late", "Tue 20 Oct 2026"],
        "bank",
    ),
    "cancelled, refund came back as Bonus": (
        [("stage", "cancelled"), ("cancelled", "2026-11-20"), ("cancelled_refund", "bonus")],
        "contact_support",
        ["Your refund came back as AliExpress Bonus", "Don't ask your bank for a chargeback"],
        "support",
    ),
    "dispute open, the parcel came since with a problem": (
        [("stage", "dispute_open"), ("dispute_about", "arrived_faulty"), ("total", "35 EUR")],
        "add_proof",
        ["edit your dispute today", "I now ask for a full refund of €35.00"],
        "dispute",
    ),
    "charged twice, refund on its way": (
        [
            ("stage", "payment_problem"),
            ("payment_issue", "charged_twice"),
            ("charged", "2026-11-20"),
            ("charged_amount", "42.50 EUR"),
        ],
        "contact_support",
        ["Don't cancel your order", "Fri 18 Dec 2026", "€42.50 was taken a second time"],
        "support",
    ),
    "charged with no order, still not back": (
        [
            ("stage", "payment_problem"),
            ("payment_issue", "no_order"),
            ("charged", "2026-10-01"),
            ("charged_amount", "30"),
        ],
        "check_with_bank",
        ["The money still isn't back", "no order shows for it"],
        "bank",
    ),
    "paid outside AliExpress": (
        [
            ("stage", "payment_problem"),
            ("payment_issue", "paid_outside"),
            ("charged", "2026-11-10"),
            ("charged_amount", "120"),
        ],
        "check_with_bank",
        ["Ask PayPal or your bank", "Wed 10 Mar 2027", "send the seller more money"],
        "paypal",
    ),
    "not shipped, I'd rather wait": (
        [("stage", "not_shipped"), ("payment", "confirmed"), ("cancel_asked", "keep")],
        "wait",
        ["Nothing to do yet", "No money to ask for"],
        None,
    ),
    "not shipped, the seller asked me to cancel": (
        [("stage", "not_shipped"), ("payment", "confirmed"), ("cancel_asked", "seller_asked")],
        "cancel_order",
        ["The seller asked you to cancel", "Full refund", "Take the refund only through the order page"],
        "seller",
    ),
    "dispute closed, refunded, then the parcel came": (
        [("stage", "dispute_closed"), ("satisfied", "yes"), ("refund", "arrived_after")],
        "contact_support",
        ["The parcel came after your refund", "Pay nothing outside AliExpress"],
        "support",
    ),
    "receipt confirmed, never came": (
        [("stage", "confirmed_missing"), ("confirmed", "2026-11-20")],
        "open_dispute",
        ["You confirmed receipt, but it never came", "Sat 5 Dec 2026", "Full refund"],
        "dispute",
    ),
}
