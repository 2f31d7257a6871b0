"""The plan's copy buttons, the page's language and the timeline's name and list, as the app draws them (AppTest).

The browser side (the clipboard, <html lang>, which AppTest does not draw as app.py draws it before the
page, and the chart's aria-label) is in tests/browser/test_accessibility.py.
"""

from __future__ import annotations

import json

from tests.support.wizard import ROUTES, shown_text, walk


def components(at, name: str) -> list[dict]:
    """The JSON data of every st.components.v2 element of this name the last run drew."""
    return [json.loads(e.proto.json) for e in at.get("bidi_component") if e.proto.component_name == name]


def test_each_message_gets_a_labelled_copy_button_with_its_exact_text():
    at = walk(ROUTES["late, no updates, seller silent"][0])
    bodies = [c.value for c in at.code if not c.value.startswith(("?", "http"))]
    buttons = components(at, "copy_message")
    assert bodies and [b["text"] for b in buttons] == bodies
    assert all(b["label"] == "Copy message" and b["done"] == "Copied" for b in buttons)
    assert all(b["name"].startswith("Copy message: ") for b in buttons)
    assert "copy button at the top right" not in shown_text(at)


def test_the_timeline_chart_is_named_and_listed_in_words():
    at = walk(ROUTES["late, no updates, seller silent"][0])
    [named] = components(at, "chart_name")
    assert named["name"].startswith("Timeline chart of your order: ")
    assert named["box"] == "st-key-plan_chart_named"
    [twin] = [e for e in at.expander if e.label == "The timeline as a list"]
    listed = "\n".join(m.value for m in twin.markdown)
    assert "**Shipped:**" in listed and "**Estimated delivery:**" in listed
    assert not at.get("dataframe"), "the list replaces the grid (a canvas screen readers can't read)"
