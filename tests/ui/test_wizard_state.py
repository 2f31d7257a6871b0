"""ui.wizard_state.read_details: a link's optional extras, each bad one dropped with a note."""

from __future__ import annotations

import datetime as dt

import pytest

from core.models import PROTECTION_DAYS_MAX, PROTECTION_DAYS_USUAL
from ui.wizard_state import read_details


def test_good_extras_are_kept() -> None:
    details, notes = read_details({"days": "90", "country": "FR", "label": "Lamp", "number": "8123456789012345"})
    assert (details.protection_days, details.country, details.label, details.order_number) == (
        90,
        "FR",
        "Lamp",
        "8123456789012345",
    )
    assert notes == []


@pytest.mark.parametrize("days", ["0", str(PROTECTION_DAYS_MAX + 1), "0090", "٩٠", "-5", "", "9" * 5000])
def test_unusable_protection_days_fall_back_to_the_usual_with_a_note(days: str) -> None:
    details, notes = read_details({"days": days})
    assert details.protection_days == PROTECTION_DAYS_USUAL and len(notes) == 1


def test_a_bad_number_and_country_are_left_out_with_a_note_each() -> None:
    details, notes = read_details({"number": "123", "country": "Atlantis"})
    assert details.order_number is None and details.country is None and len(notes) == 2


def test_how_and_when_it_was_paid_are_read_from_the_link() -> None:
    details, notes = read_details({"paid": "aliexpress", "paid_on": "2026-10-20"})
    assert (details.paid_with, details.paid_on, notes) == ("aliexpress", dt.date(2026, 10, 20), [])


@pytest.mark.parametrize(
    ("params", "notes"),
    [
        ({"paid": "bitcoin"}, 1),
        ({"paid": "PayPal"}, 1),
        ({"paid": ""}, 1),
        ({"paid_on": "20261020"}, 1),
        ({"paid_on": "2026-W43-1"}, 1),
        ({"paid_on": "2026-13-40"}, 1),
        ({"paid_on": "<b>yesterday</b>" * 100}, 1),
        ({"paid": "bitcoin", "paid_on": "soon"}, 2),
    ],
)
def test_an_unknown_way_of_paying_or_an_unreadable_day_is_left_out_with_a_note(
    params: dict[str, str], notes: int
) -> None:
    details, found = read_details(params)
    assert details.paid_with is None and details.paid_on is None and len(found) == notes


def test_what_the_seller_asks_and_a_choice_order_are_read_from_the_link() -> None:
    details, notes = read_details({"asks": "pay_outside", "choice": "no"})
    assert (details.seller_asks, details.choice_order, notes) == ("pay_outside", False, [])


@pytest.mark.parametrize(
    ("params", "notes"),
    [({"asks": "bitcoin"}, 1), ({"asks": "Pay_Outside"}, 1), ({"choice": "1"}, 1), ({"asks": "", "choice": ""}, 2)],
)
def test_an_unknown_seller_ask_or_choice_is_left_out_with_a_note(params: dict[str, str], notes: int) -> None:
    details, found = read_details(params)
    assert details.seller_asks is None and details.choice_order is None and len(found) == notes
