"""Load once, per server process, everything a plan needs, then keep it out of the collector's way.

Streamlit can run a full garbage collection after every rerun, and Python runs its own
now and then. Walking the ~150,000 objects that plotly, pandas, pyarrow and holidays
leave behind cost about 90 ms a click; frozen, those objects are skipped and a question
step costs a few milliseconds.
"""

from __future__ import annotations

import datetime as dt
import gc

import pandas as pd
import pyarrow as pa
import streamlit as st

from core import advise, read_case
from core.dates import known_countries
from core.timeline import order_timeline, timeline_rows
from ui.timeline import order_figure


@st.cache_resource(show_spinner=False)
def warm_up() -> bool:
    """Build one throw-away plan, its chart and its table of dates, then freeze what the process holds.

    The table goes the way `st.dataframe` sends it (pandas, then Arrow), so those libraries
    are loaded here, before the freeze, rather than by the first visitor's plan.
    """
    today = dt.date(2026, 1, 15)
    case = read_case({"today": today.isoformat(), "order": {"placed_on": "2026-01-01", "shipped_on": "2026-01-02"}})
    timeline = order_timeline(case, advise(case))
    order_figure(timeline).to_plotly_json()
    pa.Table.from_pandas(pd.DataFrame(timeline_rows(timeline)))
    known_countries()
    gc.collect()
    gc.freeze()
    return True
