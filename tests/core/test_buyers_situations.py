"""Issue 17: situations real buyers face: several items under one order, free return for a faulty item,
a fault found after protection. TODAY is Thu 26 Nov 2026 (tests/support/cases.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core import advise, read_case
from core.i18n import show_date
from core.models import Plan, Rule
from core.reading import CaseError
from core.wizard.case import to_case
from tests.support.cases import SAMPLE_CASES, TODAY, d, day, make_case, received


def plan_for(**case) -> Plan:
    return advise(read_case(make_case(**case)))


def text_of(plan: Plan) -> str:
    return "\n".join([plan.headline, plan.money, *plan.steps, *plan.warnings, *(m.body for m in plan.messages)])


@pytest.mark.parametrize("problem", ["not_as_described", "fake", "wrong_item"])
def test_one_bad_item_of_several_is_never_a_full_refund_of_the_order(problem):
    p = plan_for(order=received(total_paid="60.00"), problem=problem, affected_value="15.00")
    assert (p.refund, p.refund_amount) == ("partial", Decimal("15.00"))
    text = text_of(p)
    assert "refund of $15.00 for the" in p.headline
    assert "full refund" not in text.lower()
    [dispute] = [m for m in p.messages if m.kind == "dispute"]
    assert "Only some items of the order are affected: [which items], worth $15.00." in dispute.body
    assert "which items" in dispute.fill_in


@pytest.mark.parametrize("affected", ["60.00", "80.00"])
def test_all_items_affected_is_a_full_refund(affected):
    p = plan_for(order=received(total_paid="60.00"), problem="fake", affected_value=affected)
    assert (p.refund, p.refund_amount) == ("full", Decimal("60.00"))


def test_affected_items_without_a_known_total_ask_for_what_they_cost():
    p = plan_for(order=received(total_paid="0", shipping_paid="0"), problem="wrong_item", affected_value="9.99")
    assert (p.refund, p.refund_amount) == ("partial", Decimal("9.99"))


@pytest.mark.parametrize("problem", ["not_as_described", "wrong_item", "fake"])
def test_free_return_is_offered_as_the_other_option(problem):
    p = plan_for(order=received(free_return=True), problem=problem)
    assert any(step.startswith("Another option: this listing has free return") for step in p.steps)
    assert not p.return_item, "the plan still keeps the item: a refund beats a return (the guide)"
    unknown = plan_for(order=received(free_return=False), problem=problem)
    assert any(step.startswith("Another option: if the listing says “free return”") for step in unknown.steps)


def test_no_free_return_option_for_a_partial_claim():
    p = plan_for(order=received(free_return=True, total_paid="60.00"), problem="fake", affected_value="15.00")
    assert not any("Another option" in step for step in p.steps)


def test_a_fault_after_protection_asks_the_sellers_warranty_outside_the_eu():
    order = received(placed_on=day(-80), shipped_on=day(-70), receipt_confirmed_on=day(-40))
    p = plan_for(order=order, problem="not_as_described", country="US", paid_with="card")
    assert p.rule is Rule.received_too_late
    titles = [m.title for m in p.messages]
    assert "To the seller: warranty" in titles and "To the seller: EU legal guarantee" not in titles
    eu = plan_for(order=order, problem="not_as_described", country="ES", paid_with="card")
    titles = [m.title for m in eu.messages]
    assert "To the seller: EU legal guarantee" in titles and "To the seller: warranty" not in titles


def test_no_warranty_message_for_a_change_of_mind():
    order = received(placed_on=day(-80), shipped_on=day(-70), receipt_confirmed_on=day(-40))
    p = plan_for(order=order, problem="changed_mind", country="US")
    assert "To the seller: warranty" not in [m.title for m in p.messages]


@pytest.mark.parametrize("days_left", [30, 3])
def test_a_parcel_sent_back_warns_about_refused_customs_charges(days_left):
    from tests.support.cases import not_received

    p = plan_for(order=not_received(days_left, tracking="returned_to_seller"))
    assert p.rule in (Rule.returned_to_seller, Rule.returned_running_out)
    assert any("refused or didn't pay the customs charges" in warning for warning in p.warnings)
    moving = plan_for(order=not_received(30, tracking="in_transit"))
    assert not any("customs charges" in warning for warning in moving.warnings)


# The gaps a second reading of real buyers' stories found: a return with no address or label yet, a free return
# already used, why a parcel went back, a PayPal claim as the appeal's backup, a coupon instead of a refund.


def test_a_return_with_no_address_asks_the_seller_then_support_before_the_day_to_send_it():
    p = plan_for(order=received(), problem="not_as_described", item_return={"agreed_on": day(-3), "status": "no_label"})
    assert (p.rule, p.action) == (Rule.return_no_label, "contact_seller")
    assert p.next_deadline is not None and p.next_deadline.date.isoformat() == day(7), "agreed + 10 days"
    assert "No return address or label yet" in p.headline and "Thu 3 Dec 2026" in p.headline
    assert [m.kind for m in p.messages] == ["seller", "support"]
    assert "return address or label" in p.messages[0].body
    passed = plan_for(
        order=received(), problem="not_as_described", item_return={"agreed_on": day(-12), "status": "no_label"}
    )
    assert passed.rule is Rule.return_no_label, "no label is why it wasn't sent: not the buyer's lateness"
    assert "has passed" in passed.headline and "support" in passed.headline


def test_a_used_free_return_means_the_buyer_pays_this_returns_postage():
    used = plan_for(order=received(free_return_used=True), problem="changed_mind")
    assert any("one free return is already used" in warning for warning in used.warnings)
    assert not any("postage is free" in text for text in [*used.steps, *used.warnings])


def test_a_free_return_cannot_be_both_open_and_used():
    with pytest.raises(CaseError) as error:
        read_case(make_case(order=received(free_return=True, free_return_used=True), problem="changed_mind"))
    assert [problem.field for problem in error.value.problems] == ["order.free_return_used"]


def test_a_parcel_sent_back_for_unpaid_customs_asks_support_first_and_keeps_the_dispute_day():
    p = plan_for(order={"tracking": "returned_to_seller"}, customs_refused=True)
    assert (p.rule, p.action, p.refund) == (Rule.returned_customs_refused, "contact_support", "none")
    assert p.next_deadline is not None and p.next_deadline.label == "Last day to open a dispute"
    assert any("lose you the dispute" in warning for warning in p.warnings)
    [support] = p.messages
    assert "did not pay the customs charges of [amount]" in support.body


@pytest.mark.parametrize(("refused", "warned"), [(None, True), (False, False)])
def test_the_customs_warning_is_only_for_a_parcel_whose_reason_is_unknown(refused, warned):
    p = plan_for(order={"tracking": "returned_to_seller"}, customs_refused=refused)
    assert p.rule is Rule.returned_to_seller
    assert any("customs charges" in warning for warning in p.warnings) is warned


def test_an_appeal_names_the_paypal_day_that_keeps_running_while_it_waits():
    closed = {"status": "closed", "closed_on": day(-2), "satisfied": False}
    p = plan_for(order=received(placed_on=day(-175)), problem="not_as_described", paid_with="paypal", dispute=closed)
    assert p.rule is Rule.appeal
    assert p.dates.paypal_dispute_by is not None and p.dates.paypal_dispute_by.isoformat() == day(5)
    assert any(step.startswith("If the appeal fails") for step in p.steps)
    assert any("open a PayPal dispute by Tue 1 Dec 2026" in step for step in p.steps)
    assert p.dates.eu_guarantee_until is None, "a years-long guarantee is no clock to watch during an appeal"
    gone = plan_for(order=received(placed_on=day(-200)), problem="not_as_described", paid_with="paypal", dispute=closed)
    assert not any(step.startswith("If the appeal fails") for step in gone.steps), "a closed route is no backup"
    bonus = plan_for(order=received(), problem="not_as_described", paid_with="aliexpress", dispute=closed)
    assert not any("Outside AliExpress" in step for step in bonus.steps)


def test_a_coupon_instead_of_a_refund_is_refused_politely():
    p = plan_for(
        order=received(),
        problem="not_as_described",
        dispute={"status": "open", "opened_on": day(-2)},
        seller_asks="coupon_instead",
    )
    assert any(warning.startswith("Don't give up your refund for a coupon") for warning in p.warnings)
    [reply] = [m for m in p.messages if m.title == "To the seller: your answer to what they ask"]
    assert "my money back rather than a coupon" in reply.body


def test_a_seller_who_rejected_the_dispute_leaves_it_to_aliexpress_on_the_proof():
    p = plan_for(order=received(), problem="not_as_described", dispute={"opened_on": day(-4), "seller_rejected": True})
    assert (p.rule, p.action) == (Rule.seller_rejected, "wait")
    assert p.next_deadline is not None and p.next_deadline.date.isoformat() == day(3), "AliExpress steps in: +7"
    text = text_of(p)
    assert "goes through as you asked" not in text and "no response" not in text, "the seller did answer"
    assert [m.kind for m in p.messages] == ["dispute", "support"]
    assert "I don't accept the rejection" in p.messages[0].body
    assert "rejected it without an offer" in p.messages[1].body


def test_after_a_sellers_offer_no_step_says_the_refund_goes_through_by_default():
    p = plan_for(
        order=received(total_paid="40.00"),
        problem="not_as_described",
        dispute={"opened_on": day(-2), "seller_offer": {"refund_amount": "5.00"}},
    )
    assert p.rule is Rule.seller_offer_too_low
    assert not any("If they don't, the refund goes through" in step for step in p.steps)
    assert any("AliExpress steps in by" in step for step in p.steps)


def test_a_rejection_and_an_offer_at_once_is_refused_naming_the_field():
    with pytest.raises(CaseError) as error:
        read_case(
            make_case(
                order=received(),
                problem="not_as_described",
                dispute={"seller_rejected": True, "seller_offer": {"refund_amount": "5.00"}},
            )
        )
    assert [problem.field for problem in error.value.problems] == ["dispute.seller_rejected"]


def test_a_support_message_says_an_assumed_protection_end_is_the_buyers_own_count():
    order = {"placed_on": day(-82), "shipped_on": day(-80), "tracking": "no_updates"}
    assumed = plan_for(order=order)
    [support] = [m for m in assumed.messages if m.kind == "support"]
    assert "By my count, buyer protection ended on" in support.body
    given = plan_for(order={**order, "protection_ends_on": day(-20)})
    [support] = [m for m in given.messages if m.kind == "support"]
    assert "By my count" not in support.body and "Buyer protection ended on" in support.body


def test_a_fine_order_that_came_late_hears_of_the_on_time_guarantee_coupon_only():
    late = plan_for(order=received(), problem="none", arrived_late=True)
    assert late.action == "confirm_receipt"
    assert any("On-Time Guarantee" in step for step in late.steps)
    assert [m.title for m in late.messages] == ["To AliExpress customer support, if the order had an On-Time Guarantee"]
    assert "late_delivery_coupon" in [fact.key for fact in late.facts]
    on_time = plan_for(order=received(), problem="none")
    assert not any("On-Time Guarantee" in step for step in on_time.steps) and not on_time.messages


def test_a_seller_asking_to_change_the_reason_is_told_no():
    p = plan_for(
        order=received(),
        problem="not_as_described",
        dispute={"status": "open", "opened_on": day(-2)},
        seller_asks="change_reason",
    )
    assert any(warning.startswith("Keep the reason that is true") for warning in p.warnings)
    [reply] = [m for m in p.messages if m.title == "To the seller: your answer to what they ask"]
    assert "keep the reason as it is" in reply.body


def test_an_accepted_offer_the_buyer_regrets_can_be_appealed_for_seven_days_and_no_more():
    """The guide's "Reopening a closed dispute": an accepted proposal can't be disputed again, but can be appealed."""
    closed = {
        "status": "closed",
        "opened_on": day(-20),
        "closed_on": day(-2),
        "satisfied": True,
        "accepted_offer": True,
        "refund_processed_on": day(-2),
    }
    p = plan_for(order=received(), problem="not_as_described", dispute=closed)
    assert p.rule is Rule.appeal_accepted
    assert p.next_deadline is not None and p.next_deadline.date.isoformat() == day(5)
    assert any(warning.startswith("You accepted the offer, so no new dispute can be opened") for warning in p.warnings)
    [appeal] = [m for m in p.messages if m.kind == "appeal"]
    assert "why you accepted" in appeal.fill_in
    assert not any("chargeback" in text.lower() for text in [*p.steps, *(m.body for m in p.messages)])
    late = plan_for(order=received(), problem="not_as_described", dispute={**closed, "closed_on": day(-8)})
    assert late.rule is Rule.refund_on_its_way, "after the 7 days, the agreed refund is what's left"
    assert any("the 7 days to appeal have passed" in warning for warning in late.warnings)
    assert not any(m.kind == "appeal" for m in late.messages)


def test_the_wizard_says_an_offer_was_accepted():
    case = to_case({"stage": "dispute_closed", "satisfied": "accepted", "refund": "not_yet"}, TODAY)
    assert case.dispute is not None and case.dispute.accepted_offer and case.dispute.satisfied


@pytest.mark.parametrize(("given", "tries_first"), [({}, True), ({"protection_ends_on": day(-5)}, False)])
def test_a_window_only_counted_as_over_says_to_try_the_button_first(given, tries_first):
    """The usual 60 days are a guess: the order may allow more, and the button settles it before support."""
    order = received(placed_on=day(-85), shipped_on=day(-80), **given)
    p = plan_for(order=order, problem="not_as_described")
    assert p.rule is Rule.received_too_late
    assert p.steps[0].startswith("First look for “Open dispute”") is tries_first
    assert p.headline.startswith("By the usual count") is tries_first
    confirmed = plan_for(order={**order, "receipt_confirmed_on": day(-30)}, problem="not_as_described")
    assert not any("First look for" in step for step in confirmed.steps), "15 days after confirming is no guess"


def test_after_protection_a_seller_asking_for_the_item_back_gets_a_warranty_answer_not_a_dispute():
    p = plan_for(
        order=received(placed_on=day(-205), shipped_on=day(-200), receipt_confirmed_on=day(-170)),
        problem="not_as_described",
        seller_asks="return_first",
    )
    assert p.rule is Rule.received_too_late
    assert not any("dispute" in warning and "agreed in a dispute" in warning for warning in p.warnings)
    [reply] = [m for m in p.messages if m.title == "To the seller: your answer to what they ask"]
    assert "under your warranty" in reply.body and "dispute" not in reply.body


def test_a_chargeback_for_a_lost_parcel_is_never_closed_by_counting_from_the_payment():
    """Card rules count from the last expected delivery: with none given, the plan names no last day rather than
    close the route 120 days after the payment."""
    order = {"placed_on": day(-160), "shipped_on": day(-155), "protection_ends_on": day(-20), "tracking": "no_updates"}
    p = plan_for(order=order, paid_with="card")
    assert p.rule is Rule.not_received_too_late
    assert p.dates.chargeback_by is None
    [step] = [s for s in p.steps if "chargeback" in s]
    assert "ask your bank for a chargeback" in step and "ended" not in step
    dated = plan_for(order={**order, "estimated_delivery": day(-100)}, paid_with="card")
    assert dated.dates.chargeback_by is not None and dated.dates.chargeback_by.isoformat() == day(20)


def test_a_seller_offer_of_nothing_is_a_rejection_and_the_wizard_asks_when_the_dispute_opened():
    from core.wizard.route import route

    answers = {
        "stage": "dispute_open",
        "dispute_about": "not_arrived",
        "judgement": "none",
        "total": "25 EUR",
        "seller_offer": "0.00 EUR",
        "aliexpress_offer": "no",
    }
    assert route(answers)[-1] == "opened"
    p = advise(to_case({**answers, "opened": day(-3)}, TODAY))
    assert p.rule is Rule.seller_rejected
    assert p.next_deadline is not None and p.next_deadline.date.isoformat() == day(4)


@pytest.mark.parametrize(
    ("case", "warned"),
    [
        ({"order": {"shipped_on": None}, "cancelled_on": day(-3)}, True),
        ({"dispute": {"status": "closed", "closed_on": day(-3), "refund_processed_on": day(-3)}}, True),
        ({"dispute": {"status": "closed", "closed_on": day(-3), "refund_received": True}}, False),
        ({"order": {"tracking": "no_updates"}}, False),
    ],
)
def test_a_buyer_waiting_for_a_refund_is_warned_of_fake_refund_messages(case, warned):
    p = plan_for(**case)
    assert any(w.startswith("A refund never needs your card details") for w in p.warnings) is warned


def test_a_cancelled_orders_messages_never_say_the_buyer_cancelled_it():
    """AliExpress or the seller may have closed it: the buyer only told us the day it was cancelled."""
    for paid_with in ("card", "paypal", "aliexpress"):
        p = plan_for(order={"shipped_on": None}, cancelled_on=day(-40), paid_with=paid_with)
        assert p.messages and not any("I cancelled" in m.body for m in p.messages)
        assert any("was cancelled on" in m.body for m in p.messages)


@pytest.mark.parametrize(
    ("due", "headline"),
    [
        (3, "add it to the dispute by"),
        (0, "add it to the dispute by"),
        (-1, "has passed: add it today anyway"),
        (None, "as soon as you can"),
    ],
)
def test_aliexpress_asking_for_proof_gives_its_day_and_the_proof_for_the_problem(due, headline):
    dispute = {"opened_on": day(-10), "seller_rejected": True, "proof_requested": True}
    if due is not None:
        dispute["proof_due_on"] = day(due)
    p = plan_for(order={"tracking": "delivered"}, problem="delivered_not_received", dispute=dispute)
    assert p.rule is Rule.proof_requested and p.action == "add_proof"
    assert headline in p.headline
    assert any("written statement" in step for step in p.steps)
    [note] = [m for m in p.messages if m.kind == "dispute"]
    assert "Here is the proof you asked for" in note.body
    if due is not None:
        assert p.next_deadline is not None and p.next_deadline.date.isoformat() == day(due)
        assert p.next_deadline.last_day
    received_item = plan_for(order=received(), problem="fake", dispute=dispute)
    assert any("photos and a short video" in step for step in received_item.steps)


@pytest.mark.parametrize("country", ["FR", "US"])
def test_a_refused_cancellation_plans_a_return_once_it_arrives_and_never_a_refused_parcel(country):
    p = plan_for(order={"shipped_on": None}, cancellation_refused=True, country=country)
    assert p.rule is Rule.cancellation_refused and p.action == "wait"
    assert p.headline.startswith("The seller refused to cancel")
    assert any("“Refund and return”" in step for step in p.steps)
    assert any("withdraw" in step for step in p.steps) is (country == "FR")
    assert any(w.startswith("Don't refuse the parcel") for w in p.warnings)
    shipped = plan_for(order={"tracking": "in_transit", "estimated_delivery": day(5)}, cancellation_refused=True)
    assert shipped.rule is not Rule.cancellation_refused, "once it ships, the parcel's own advice applies"


def test_a_choice_parcel_missing_an_item_says_which_order_to_dispute():
    p = plan_for(order=received(), problem="incomplete", choice_order=True, missing_items_value="5.00")
    assert any("the order the missing item belongs to" in step for step in p.steps)


def test_a_parcel_sent_back_with_no_notice_left_is_not_the_buyers_missed_pickup():
    """No notice came: the seller's parcel never reached the buyer, so no apology and a plain dispute."""
    answers = {
        "stage": "on_the_way",
        "shipped": day(-30),
        "protection": "no",
        "tracking": "returned_to_seller",
        "why_back": "no_notice",
    }
    case = to_case(answers, TODAY)
    assert case.missed_pickup is False and case.customs_refused is False
    p = advise(case)
    assert p.rule is Rule.returned_to_seller
    assert not any("did not collect" in m.body or "sorry" in m.body for m in p.messages)


# --- From the tenth set of stories -----------------------------------------------------------------


def test_a_fake_is_described_without_claiming_what_the_listing_said():
    """A no-name memory card with a fake capacity never claimed to be "original": the message mustn't say so."""
    p = advise(read_case(SAMPLE_CASES[Rule.fake]))
    for message in p.messages:
        assert "original" not in message.body, message.body
        assert "The item is fake, not what the listing sells" in message.body


@pytest.mark.parametrize("rule", [Rule.refund_overdue, Rule.cancelled_refund_overdue])
def test_a_refund_paid_another_way_is_traced_without_card_words(rule):
    """Boleto or a bank transfer: no card number, no ARN, and an email asking for bank details is checked, not
    ignored (the refund may be waiting for it)."""
    p = advise(read_case({**SAMPLE_CASES[rule], "paid_with": "other"}))
    words = text_of(p) + "\n".join(p.evidence)
    assert "card ending" not in words and "ARN" not in words, words
    assert any("Check in AliExpress's help chat that it's genuine" in w for w in p.warnings)
    card = advise(read_case({**SAMPLE_CASES[rule], "paid_with": "card"}))
    assert "card ending in [last 4 digits]" in next(m.body for m in card.messages if m.kind == "bank")


def test_an_open_dispute_that_waits_says_its_refund_is_still_asked_for():
    p = advise(read_case(SAMPLE_CASES[Rule.no_offer_yet]))
    assert p.refund == "none" and p.money == "Nothing to accept yet: your dispute still asks for its refund."
    cancel = advise(read_case(SAMPLE_CASES[Rule.item_fine_cancel_dispute]))
    assert cancel.money == "No money to ask for at this step."


def test_a_deadline_counted_from_receipt_doesnt_say_it_rests_on_protection():
    confirmed = advise(read_case(make_case(order=received(receipt_confirmed_on=day(-3)), problem="fake")))
    assert not confirmed.protection_assumed
    assert advise(read_case(make_case(order=received(), problem="fake"))).protection_assumed


def test_a_model_number_keeps_its_underscore_in_the_messages():
    p = advise(read_case(make_case(order=received(label="STC-1000 (A400_P)"), problem="wrong_item")))
    assert all("(STC-1000 (A400_P))" in m.body for m in p.messages)


def test_an_empty_parcel_is_a_full_refund_with_nothing_to_keep():
    """Every item missing (the parcel came empty): all the money back, and no item to keep or send back."""
    p = plan_for(order=received(total_paid="23.50"), problem="incomplete", missing_items_value="23.50")
    assert (p.rule, p.refund, p.refund_amount) == (Rule.incomplete, "full", Decimal("23.50"))
    assert p.headline.startswith("Nothing you paid for came") and p.money == "Full refund: $23.50"
    assert not any("keep the item" in step or "Refund and return" in step for step in p.steps)
    assert any("statement from the post office" in line for line in p.evidence)
    some = plan_for(order=received(total_paid="23.50"), problem="incomplete", missing_items_value="5.00")
    assert (some.refund, some.refund_amount) == ("partial", Decimal("5.00")) and "keep the item" in some.money


@pytest.mark.parametrize(
    "days_ago, rule, action",
    [(15, Rule.confirmed_not_received, "open_dispute"), (16, Rule.confirmed_not_received_too_late, "contact_support")],
)
def test_a_receipt_confirmed_for_a_parcel_never_received_leaves_its_15_days(days_ago, rule, action):
    """Confirmed by mistake (or at the seller's request): the claim is a parcel not received, due within the 15
    days after confirming, the seller's time and any extension no longer count."""
    p = plan_for(order={"receipt_confirmed_on": day(-days_ago)}, problem="not_arrived")
    assert (p.rule, p.action) == (rule, action)
    assert p.dates.dispute_deadline == d(day(15 - days_ago))
    assert (
        p.dates.seller_answer_due is None and p.dates.ask_extension_by is None and p.dates.late_claim_deadline is None
    )
    [message] = p.messages
    assert f"Receipt was confirmed on {show_date(d(day(-days_ago)))}" in message.body
    assert "I have not received" in message.body or "never received" in message.body


def test_the_wizard_asks_only_the_day_receipt_was_confirmed():
    answers = {"stage": "confirmed_missing", "confirmed": day(-3)}
    case = to_case(answers, TODAY)
    assert case.order.receipt_confirmed_on == d(day(-3)) and not case.order.received
    assert advise(case, today=TODAY).rule is Rule.confirmed_not_received
