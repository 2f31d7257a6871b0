"""A deliberately leaky floor app, the negative control of bench/load.py's leak check.

Every visitor's `label` query parameter goes into one list shared by all sessions
(st.cache_resource) and the last ones are shown to everybody: exactly what must never
happen in the real app. tests/bench/test_load_quick.py runs the load generator against
it and expects leaks to be reported.
"""

import streamlit as st


@st.cache_resource
def everybody() -> list[str]:
    return []


labels = everybody()
label = st.query_params.get("label")
if label and label not in labels:
    labels.append(label)
st.radio("Choice", ["A", "B", "C"], key="floor_radio")
st.button("Next", key="floor_button")
st.caption("Recent visitors: " + ", ".join(labels[-10:]))
