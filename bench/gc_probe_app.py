"""A probe for the benchmarks (bench/gc_mode.py): is `runner.postScriptGC` on in this server, and is it obeyed?

It shows the option as the server reads it, and how many full (generation 2) garbage
collections the process has run since the probe was first loaded. Served with the same
options, from the same directory, as the measured apps.
"""

import gc

import streamlit as st


@st.cache_resource
def full_collections() -> list[int]:
    counter = [0]

    def count(phase: str, info: dict) -> None:
        if phase == "stop" and info["generation"] == 2:
            counter[0] += 1

    gc.callbacks.append(count)
    return counter


counter = full_collections()
st.markdown(f"gc-probe postScriptGC={st.get_option('runner.postScriptGC')} full_collections={counter[0]}")
