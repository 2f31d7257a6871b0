"""The framework floor: an otherwise empty Streamlit script with one radio and one button.

Benchmarks run it side by side with the app's pages as the baseline cost of a rerun
and of a click-to-repaint. Keep it exactly this small.
"""

import streamlit as st

st.radio("Choice", ["A", "B", "C"], key="floor_radio")
st.button("Next", key="floor_button")
