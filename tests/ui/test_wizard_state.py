"""ui.wizard_state.read_details: a link's optional extras, each bad one dropped with a note."""

from __future__ import annotations

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
