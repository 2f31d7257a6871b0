"""Load once, per server process, everything a plan needs, then keep it out of the collector's way.

Streamlit runs a full garbage collection after every rerun. Walking the ~150,000
objects that plotly, pandas and holidays leave behind cost about 90 ms a click;
frozen, those objects are skipped and a question step costs a few milliseconds.
"""

from __future__ import annotations

import datetime as dt
import gc

import streamlit as st

from core import advise, read_case
from core.dates import known_countries
from core.timeline import order_timeline
from ui.timeline import order_figure


@st.cache_resource(show_spinner=False)
def warm_up() -> bool:
    """Build one throw-away plan and chart, then freeze what the process holds."""
    today = dt.date(2026, 1, 15)
    case = read_case({"today": today.isoformat(), "order": {"placed_on": "2026-01-01", "shipped_on": "2026-01-02"}})
    order_figure(order_timeline(case, advise(case))).to_plotly_json()
    known_countries()
    gc.collect()
    gc.freeze()
    return True
