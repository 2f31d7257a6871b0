"""Tell the browser which language the page is in: Streamlit writes <html lang="en"> whatever is shown.

Screen readers pick their voice and pronunciation from it, and browsers their translation offer. A
st.components.v2 component (it runs in the page itself) sets document.documentElement.lang from the
session's language (core.i18n), passed as data; drawn by app.py on every page run, it takes no space.
"""

from __future__ import annotations

import streamlit as st

from core.i18n import current_language

KEY = "page_language"
"""Its element's key: ui/phone.py's stylesheet hides the empty element (class st-key-page_language)."""

JS = """
export default function ({ data }) {
  if (/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(data.lang)) {
    document.documentElement.lang = data.lang;
  }
}
"""

_language = st.components.v2.component("page_language", js=JS)


def page_language() -> None:
    """Set <html lang> to the language the texts are shown in ("pt_BR" becomes "pt-BR")."""
    _language(key=KEY, data={"lang": current_language().replace("_", "-")}, height=0)
