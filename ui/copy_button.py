"""A visible "Copy message" button under each ready-to-send message, that says "Copied" once it worked.

Streamlit has no clipboard API, and st.code's own copy icon shows only on hover, is 24 px and sits on
the text. This is a small st.components.v2 component (it runs in the page itself, so the browser lets
it write to the clipboard): the message travels as JSON data and is only ever put in the clipboard or
in a text field's value, never into HTML. Where the clipboard is refused, the text is selected in a
box for the buyer to copy by hand.
"""

from __future__ import annotations

import streamlit as st

from core.i18n import _

HTML = """<div class="copy">
<button type="button">
<svg class="mark to-copy" aria-hidden="true" viewBox="0 0 24 24" width="20" height="20"><path fill="currentColor" d="M9 18q-.825 0-1.412-.587T7 16V4q0-.825.588-1.412T9 2h9q.825 0 1.413.588T20 4v12q0 .825-.587 1.413T18 18zm0-2h9V4H9zm-4 6q-.825 0-1.412-.587T3 20V6h2v14h11v2zm4-6V4z"/></svg>
<svg class="mark copied-mark" aria-hidden="true" viewBox="0 0 24 24" width="20" height="20"><path fill="currentColor" d="m9.55 18-5.7-5.7 1.425-1.425L9.55 15.15l9.175-9.175L20.15 7.4z"/></svg>
<span class="label"></span></button>
<span class="done" role="status" aria-live="polite"></span>
<textarea class="by-hand" readonly hidden></textarea>
</div>"""

CSS = """
.copy { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem; font: inherit; color: inherit; }
button {
  min-height: 2.75rem; padding: 0.375rem 0.875rem; border-radius: 0.5rem;
  font: inherit; color: inherit; background: transparent; cursor: pointer;
  border: 1px solid currentColor; display: inline-flex; align-items: center; gap: 0.5rem;
}
button:hover { background: rgba(127, 127, 127, 0.12); }
button:focus-visible { outline: 2px solid currentColor; outline-offset: 2px; }
.copied-mark, .copied .to-copy { display: none; }
.copied .copied-mark { display: inline; }
.done { font-size: 0.875rem; }
.by-hand { width: 100%; min-height: 6rem; font: inherit; color: inherit; background: transparent; }
"""

JS = """
export default function ({ data, parentElement }) {
  const root = parentElement.querySelector(".copy");
  const button = root.querySelector("button");
  const label = root.querySelector(".label");
  const done = root.querySelector(".done");
  const byHand = root.querySelector(".by-hand");
  label.textContent = data.label;
  button.setAttribute("aria-label", data.name);
  done.textContent = "";
  root.classList.remove("copied");
  byHand.hidden = true;
  function fallback() {
    byHand.value = data.text;
    byHand.setAttribute("aria-label", data.name);
    byHand.hidden = false;
    byHand.focus();
    byHand.select();
    let copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    return copied;
  }
  function confirm(copied) {
    if (copied) { byHand.hidden = true; button.focus(); }
    root.classList.toggle("copied", copied);
    done.textContent = copied ? data.done : data.failed;
  }
  button.onclick = () => {
    const write = navigator.clipboard && window.isSecureContext
      ? navigator.clipboard.writeText(data.text)
      : Promise.reject(new Error("no clipboard"));
    write.then(() => confirm(true), () => confirm(fallback()));
  };
}
"""

_copy = st.components.v2.component("copy_message", html=HTML, css=CSS, js=JS)


def copy_button(text: str, title: str, key: str) -> None:
    """Draw the button that copies `text` (the message `title` names it for screen readers)."""
    _copy(
        key=key,
        data={
            "text": text,
            "label": _("Copy message"),
            "name": _("Copy message: {title}").format(title=title),
            "done": _("Copied"),
            "failed": _("Select the text in the box and copy it."),
        },
    )
