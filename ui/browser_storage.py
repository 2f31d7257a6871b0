"""Keep the orders in the visitor's own browser (localStorage), never on the server.

A small components-v2 component with no look of its own. On its first run in a session
it reads the saved text and sends it to Python once; from then on Python hands it the
text to save, or None to forget it, and it tells Python when another tab saved. The
text travels as component data (JSON): the component's JavaScript is a constant that
never contains anything a visitor typed.
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
let latest = null;
let written;
let listening = false;

function onStorage(event) {
  if (latest !== null && event.storageArea === window.localStorage && event.key === latest.key) {
    latest.send("changed", { text: event.newValue });
  }
}

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
  latest = { key: data.key, send: setTriggerValue };
  if (!listening) {
    window.addEventListener("storage", onStorage);
    listening = true;
  }
  if (data.save !== written) {
    try {
      if (data.save === null) {
        store.removeItem(data.key);
      } else {
        store.setItem(data.key, data.save);
      }
      written = data.save;
    } catch (error) {
      setTriggerValue("failed", String(error && error.name));
    }
  }
  return () => {
    latest = null;
  };
}
"""

_component = st.components.v2.component("browser_storage", js=_JS)


def loaded() -> bool:
    """Whether this session has heard back from the browser's storage yet."""
    return bool(st.session_state.get(_LOADED))


def available() -> bool:
    """False once the browser said it keeps nothing (storage blocked, or full)."""
    return not st.session_state.get(_UNAVAILABLE, False)


def keep(
    text: str | None,
    on_load: Callable[[str | None], None],
    on_change: Callable[[str | None], None],
) -> None:
    """Save `text` in this browser (None forgets it).

    `on_load` gets what was saved, once per session; `on_change` gets what another tab
    of this browser saved since (None when it forgot everything). Both run as callbacks,
    before the script, so the page draws the result on the run that follows. A page only
    writes what it changed itself, so two open tabs never bounce a save back and forth.
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

    def changed() -> None:
        payload = st.session_state[_COMPONENT_KEY].get("changed")
        if loaded() and isinstance(payload, dict):
            saved = payload.get("text")
            on_change(saved if isinstance(saved, str) else None)

    def failed() -> None:
        st.session_state[_UNAVAILABLE] = True

    is_loaded = loaded()
    _component(
        key=_COMPONENT_KEY,
        data={"key": STORAGE_KEY, "loaded": is_loaded, "save": text if is_loaded else None},
        height=0,
        on_loaded_change=received,
        on_changed_change=changed,
        on_failed_change=failed,
    )
