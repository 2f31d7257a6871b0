"""Keep the orders in the visitor's own browser (localStorage), never on the server.

A small components-v2 component with no look of its own. On its first run in a session
it reads the saved text and sends it to Python once; from then on Python hands it the
text to save, or None to forget it. The text travels as component data (JSON): the
component's JavaScript is a constant that never contains anything a visitor typed.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

STORAGE_KEY = "aliexpress-dispute-wizard/orders/v1"
"""The localStorage key; a new format gets a new key rather than misreading an old one."""

_COMPONENT_KEY = "browser_storage"
_LOADED = "browser_storage_loaded"
_UNAVAILABLE = "browser_storage_unavailable"

_JS = """
export default function ({ data, setTriggerValue }) {
  let store = null;
  try {
    store = window.localStorage;
    store.getItem(data.key);
  } catch (error) {
    store = null;
  }
  if (!data.loaded) {
    setTriggerValue("loaded", { text: store ? store.getItem(data.key) : null, available: store !== null });
    return;
  }
  if (store === null) {
    return;
  }
  try {
    if (data.save === null) {
      store.removeItem(data.key);
    } else if (store.getItem(data.key) !== data.save) {
      store.setItem(data.key, data.save);
    }
  } catch (error) {
    setTriggerValue("failed", String(error && error.name));
  }
}
"""

_component = st.components.v2.component("browser_storage", js=_JS)


def loaded() -> bool:
    """Whether this session has heard back from the browser's storage yet."""
    return bool(st.session_state.get(_LOADED))


def available() -> bool:
    """False once the browser said it keeps nothing (storage blocked, or full)."""
    return not st.session_state.get(_UNAVAILABLE, False)


def keep(text: str | None, on_load: Callable[[str | None], None]) -> None:
    """Save `text` in this browser (None forgets it); `on_load` gets what was saved, once per session.

    `on_load` runs as a callback, before the script, so the page already draws the
    loaded orders on the run that follows and saves the merged table straight back.
    """

    def received() -> None:
        payload = st.session_state[_COMPONENT_KEY].get("loaded")
        if loaded() or not isinstance(payload, dict):
            return
        st.session_state[_LOADED] = True
        if not payload.get("available", False):
            st.session_state[_UNAVAILABLE] = True
        saved = payload.get("text")
        on_load(saved if isinstance(saved, str) else None)

    def failed() -> None:
        st.session_state[_UNAVAILABLE] = True

    is_loaded = loaded()
    _component(
        key=_COMPONENT_KEY,
        data={"key": STORAGE_KEY, "loaded": is_loaded, "save": text if is_loaded else None},
        height=0,
        on_loaded_change=received,
        on_failed_change=failed,
    )
