"""The orders page's two big elements with 200 orders, and nothing else.

A lower bound for the orders page: the table and the all-orders chart the issue asks
for, built once, then only drawn on every rerun. Measured by bench/lower_bound.py.
"""

import sys
from pathlib import Path

import streamlit as st

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.orders_bench import TODAY, generate  # noqa: E402
from core.orders import assess_row, by_urgency, row_to_case  # noqa: E402
from core.timeline import order_timeline  # noqa: E402
from ui import orders_table  # noqa: E402
from ui.timeline import orders_figure  # noqa: E402

if "skeleton" not in st.session_state:
    items = by_urgency([assess_row(row, TODAY, None) for row in generate()])
    figure = orders_figure(
        [
            (item.row.label, order_timeline(row_to_case(item.row, TODAY, None), item.plan, today=TODAY))
            for item in items
            if item.plan is not None
        ]
    )
    st.session_state.skeleton = (orders_table._frame(items), figure)
frame, figure = st.session_state.skeleton
st.data_editor(frame, key="editor", num_rows="dynamic", hide_index=True, column_config=orders_table.column_config())
st.plotly_chart(figure, key="chart", on_select="rerun", selection_mode="points")
st.button("Tap", key="tap")
