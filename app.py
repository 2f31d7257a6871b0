"""AliExpress Dispute Wizard: the wizard for one order, and a page to watch every order."""

from pathlib import Path

import streamlit as st

from core.i18n import _
from ui import language
from ui.page_language import page_language
from ui.phone import phone_controls
from ui.warm_up import warm_up

FAVICON = str(Path(__file__).parent / "ui" / "favicon.png")
"""Our own file: a material icon as the page icon is fetched from a font server, and the app calls no one."""

language.pick()  # before any text: the page titles below are translated too
st.set_page_config(page_title=_("AliExpress Dispute Wizard"), page_icon=FAVICON, layout="centered")
wizard = st.Page("pages/wizard.py", title=_("Dispute wizard"), icon=":material/gavel:", default=True)
orders = st.Page("pages/orders.py", title=_("My orders"), icon=":material/list_alt:", url_path="orders")
warm_up()
page = st.navigation([wizard, orders], position="top")
# Drawn once the page is known: a page opened by its own address (/orders) clears what was drawn before.
phone_controls()
page_language()
page.run()
