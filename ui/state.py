"""Session helpers any page can use: the visitor's own today, and objects kept for the session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st

T = TypeVar("T")


def today() -> dt.date:
    """The visitor's own today, in their browser's time zone (tests may pin it through session state)."""
    pinned = st.session_state.get("today")
    if pinned:
        return pinned
    zone = st.context.timezone
    try:
        return dt.datetime.now(ZoneInfo(zone)).date() if zone else dt.date.today()
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return dt.date.today()


def remembered(slot: str, key: object, build: Callable[[], T]) -> T:
    """What `build()` made for `key`, kept in this session under `slot` until the key changes.

    The object itself is kept, not a copy: a Plotly figure handed over as a figure is only
    serialised, while a copy as plain data would be validated again on every rerun.
    """
    memo = st.session_state.get(slot)
    if memo is None or memo[0] != key:
        memo = (key, build())
        st.session_state[slot] = memo
    return memo[1]
