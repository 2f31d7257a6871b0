"""The wizard's question screen as app.py serves it, with every element it draws and none of its logic.

A lower bound for a question step: whatever the wizard decides, Streamlit still has to
draw these. Measured by bench/lower_bound.py against the floor.
"""

import streamlit as st

st.set_page_config(page_title="Skeleton", page_icon="⚖️", layout="centered")
question = st.Page("question_page.py", title="Question", icon=":material/gavel:", default=True)
other = st.Page("empty_page.py", title="Other", icon=":material/list_alt:", url_path="other")
st.navigation([question, other], position="top").run()
