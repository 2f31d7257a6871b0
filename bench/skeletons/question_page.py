"""The elements of one wizard question step, in order: title, progress, question, Back and Start over, answers."""

import streamlit as st

st.markdown("## :material/gavel: AliExpress Dispute Wizard")
st.caption("A few plain questions about your order, then a plan you can act on today.")
st.progress(0.25, text="Question 2 of 4")
st.subheader("When did the seller ship it?")
st.caption("The shipping date on the order page.")
st.radio("Question", ["Yes", "No", "Not sure"], index=None, key="question", label_visibility="collapsed")
row = st.container(horizontal=True)
row.button("Back", icon=":material/arrow_back:", key="back")
row.button("Start over", icon=":material/restart_alt:", key="start_over")
with st.expander("Your answers (1)"):
    st.button("**Situation:** It arrived", key="change_stage", icon=":material/edit:", type="tertiary")
