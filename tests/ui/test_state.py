"""ui.state.remembered: built once per key and session, and handed back as the same object."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[2]


def remembering_app() -> None:
    import sys

    import streamlit as st

    sys.path.insert(0, st.session_state.repo)
    from ui import state

    built = st.session_state.setdefault("built", [])
    key = st.session_state.get("key", "a")
    thing = state.remembered("slot", key, lambda: built.append(key) or {"made for": key})
    st.session_state.setdefault("handed", []).append(thing)


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception
    return at


def test_built_once_per_key_and_handed_back_itself():
    at = AppTest.from_function(remembering_app)
    at.session_state["repo"] = str(REPO)
    run(at)
    run(at)
    assert at.session_state["built"] == ["a"]
    first, second = at.session_state["handed"]
    assert first is second, "the same object, not a copy, so a figure is never validated again"
    at.session_state["key"] = "b"
    run(at)
    assert at.session_state["built"] == ["a", "b"]
    assert at.session_state["handed"][-1] == {"made for": "b"}


def test_each_session_builds_its_own():
    one, two = AppTest.from_function(remembering_app), AppTest.from_function(remembering_app)
    for at in (one, two):
        at.session_state["repo"] = str(REPO)
        run(at)
    assert one.session_state["handed"][0] is not two.session_state["handed"][0]
