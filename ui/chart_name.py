"""A chart that screen readers can name: a Plotly chart drawn with a role and a label on its box.

Plotly's SVG has no accessible name, so a screen reader meets an unnamed block of shapes. The chart is
drawn inside a keyed container, and a small st.components.v2 component (running in the page itself)
gives that box's chart role="figure" and aria-label; the name travels as data and is set with
setAttribute, never as HTML. The words the chart shows belong in a table twin next to it.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import streamlit as st

JS = """
export default function ({ data }) {
  const name = data.name;
  const box = data.box;
  let tries = 0;
  function label() {
    const holder = document.querySelector("." + CSS.escape(box));
    const chart = holder && holder.querySelector('[data-testid="stPlotlyChart"]');
    if (!chart) {
      if (tries++ < 50) { setTimeout(label, 100); }
      return;
    }
    chart.setAttribute("role", "figure");
    chart.setAttribute("aria-label", name);
  }
  label();
}
"""

_name_chart = st.components.v2.component("chart_name", js=JS)


def named_chart(figure: go.Figure, name: str, key: str, config: dict[str, Any]) -> None:
    """Draw `figure` full width with `name` as its accessible name; `key` keeps several charts apart."""
    box = f"{key}_named"
    with st.container(key=box):
        st.plotly_chart(figure, config=config, key=key, width="stretch")
        _name_chart(key=f"aria_name_{key}", data={"name": name, "box": f"st-key-{box}"}, height=0)
