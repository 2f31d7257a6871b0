"""Placeholder home page until the wizard lands (it will replace this file)."""

import streamlit as st

st.set_page_config(page_title="AliExpress Dispute Wizard")
st.title("AliExpress Dispute Wizard")
st.write("The wizard is on its way.")
