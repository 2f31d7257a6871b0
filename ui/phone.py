"""Controls sized for a thumb: one constant stylesheet, drawn by app.py on every page run.

Measured at 390x844 in chromium before this: a radio option was 22 px tall and a button 40 px
(people tap reliably from 44-48 px), and the date question's calendar opened over the Next
button right below the date field.

- Radio options, checkbox rows, buttons (plain, form, popover, download, link, file upload) and
  expander headers get at least 44 px of height (2.75rem at the 16 px root size): padding and
  min-height only, the font stays as it is.
- The calendar (Streamlit places it with floating-ui: below the date field, or above it when
  there is no room below) gets a transparent keep-out band on its top edge, as tall as the
  gap and the Next button under the field. Below the field, the card itself then starts under
  Next; above the field, the band is on the far side and the card sits right on top of the
  field. floating-ui measures the band with the card, so its flip still sees the real room.
  The band lets taps through (pointer-events), and the shadow follows the card only
  (drop-shadow instead of box-shadow).

Also here, as the app's one stylesheet:
- st.code's own copy icon is hidden in the plan's message boxes (class st-key-message_N): it shows
  only on hover, is 24 px and sits on the text; ui/copy_button.py draws a labelled button instead.
- Captions are the body text at 75% opacity: Streamlit's 60% gave 3.9:1 on the light theme's white
  (axe-core asks 4.5:1); 75% gives about 5.7:1 there and 11:1 on the dark theme.
- Keyboard focus shows everywhere: a radio option or checkbox row gets a ring round its whole row
  (Streamlit's only ring is on the hidden input), a text, number, date or select box gets one round
  its box (Streamlit only tints the border), and so do the page links, the page's main area and a
  message's text box.
- The empty elements of the scripts that only set attributes (ui/page_language.py, ui/chart_name.py)
  take no room.

Only this constant CSS is ever given to st.html: no visitor's text goes into it.
"""

from __future__ import annotations

import streamlit as st

TAP = "2.75rem"
"""Smallest height of anything a visitor taps: 44 px."""

KEEP_OUT = "4.25rem"
"""Keep-out band above the calendar card: 1rem gap + a 2.75rem Next button + 0.5rem to spare."""

CARD_RADIUS = "0.5rem"

STYLE = f"""<style>
[data-testid="stRadio"] [role="radiogroup"] label,
[data-testid="stCheckbox"] label {{
  min-height: {TAP};
  align-items: center;
  box-sizing: border-box;
}}
[data-testid="stButton"] button,
[data-testid="stFormSubmitButton"] button,
[data-testid="stPopover"] button,
[data-testid="stDownloadButton"] button,
[data-testid="stLinkButton"] a,
[data-testid="stFileUploader"] button,
[data-testid="stExpander"] summary {{
  min-height: {TAP};
  box-sizing: border-box;
}}
[data-testid="stDateInputCalendar"] {{
  border-top: {KEEP_OUT} solid transparent;
  background-clip: padding-box;
  border-radius: {CARD_RADIUS} / calc({KEEP_OUT} + {CARD_RADIUS}) calc({KEEP_OUT} + {CARD_RADIUS}) {CARD_RADIUS} {CARD_RADIUS};
  box-shadow: none;
  filter: drop-shadow(0 4px 16px rgba(0, 0, 0, 0.16));
  pointer-events: none;
}}
[data-testid="stDateInputCalendar"] > * {{
  pointer-events: auto;
}}
[class*="st-key-message_"] [data-testid="stCode"] [data-testid="stElementToolbarButton"] {{
  display: none;
}}
div[data-testid="stCaptionContainer"] {{
  opacity: 0.75;
}}
[data-testid="stRadio"] [role="radiogroup"] label:has(input:focus-visible),
[data-testid="stCheckbox"] label:has(input:focus-visible),
[data-testid="stTopNavLink"]:focus-visible,
[data-testid="stSidebarNavLink"]:focus-visible,
[data-testid="stMain"]:focus-visible,
[data-testid="stCode"]:focus-visible {{
  outline: 2px solid currentColor;
  outline-offset: -2px;
  border-radius: 0.5rem;
}}
[data-testid="stSelectbox"] div:has(> input:focus-visible),
[data-testid="stDateInputField"]:focus-within,
[data-testid="stTextInputRootElement"]:focus-within,
[data-testid="stNumberInputContainer"]:focus-within {{
  outline: 2px solid currentColor;
  outline-offset: 1px;
}}
.st-key-page_language,
[class*="st-key-aria_name_"] {{
  display: none;
}}
</style>"""


def phone_controls() -> None:
    """Draw the stylesheet (Streamlit sends a style-only st.html to the event container: it takes no space)."""
    st.html(STYLE)
