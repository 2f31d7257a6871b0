"""Keep the orders (and the chosen language) in the visitor's own browser (localStorage), never on the server.

A small components-v2 component with no look of its own. On its first run in a session
it reads the saved text and sends it to Python once; from then on Python hands it the
text to save, or None to forget it, and it tells Python when another tab saved. The
text travels as component data (JSON): the component's JavaScript is a constant that
never contains anything a visitor typed. Each thing kept has its own slot: its own key in
the browser and its own copy of the component.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

ORDERS = "orders"
LANGUAGE = "language"
STORAGE_KEY = "aliexpress-dispute-wizard/orders/v1"
"""The orders' localStorage key; a new format gets a new key rather than misreading an old one."""


def storage_key(slot: str) -> str:
    return STORAGE_KEY if slot == ORDERS else f"aliexpress-dispute-wizard/{slot}/v1"


def _names(slot: str) -> tuple[str, str, str]:
    """The slot's component key and its two session flags (loaded, unavailable)."""
    base = "browser_storage" if slot == ORDERS else f"browser_storage_{slot}"
    return base, f"{base}_loaded", f"{base}_unavailable"


_JS = """
const slots = new Map();
let listening = false;

function onStorage(event) {
  const slot = event.storageArea === window.localStorage ? slots.get(event.key) : undefined;
  if (slot !== undefined && slot.send !== null) {
    slot.send("changed", { text: event.newValue });
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
  let slot = slots.get(data.key);
  if (slot === undefined) {
    slot = { send: null, written: undefined };
    slots.set(data.key, slot);
  }
  slot.send = setTriggerValue;
  if (!listening) {
    window.addEventListener("storage", onStorage);
    listening = true;
  }
  if (data.save !== slot.written) {
    try {
      if (data.save === null) {
        store.removeItem(data.key);
      } else {
        store.setItem(data.key, data.save);
      }
      slot.written = data.save;
    } catch (error) {
      setTriggerValue("failed", String(error && error.name));
    }
  }
  return () => {
    slot.send = null;
  };
}
"""

_component = st.components.v2.component("browser_storage", js=_JS)


def loaded(slot: str = ORDERS) -> bool:
    """Whether this session has heard back from the browser's storage yet."""
    return bool(st.session_state.get(_names(slot)[1]))


def available(slot: str = ORDERS) -> bool:
    """False once the browser said it keeps nothing (storage blocked, or full)."""
    return not st.session_state.get(_names(slot)[2], False)


def keep(
    text: str | None,
    on_load: Callable[[str | None], None],
    on_change: Callable[[str | None], None],
    slot: str = ORDERS,
) -> None:
    """Save `text` in this browser (None forgets it).

    `on_load` gets what was saved, once per session; `on_change` gets what another tab
    of this browser saved since (None when it forgot everything). Both run as callbacks,
    before the script, so the page draws the result on the run that follows. A page only
    writes what it changed itself, so two open tabs never bounce a save back and forth.
    """
    component_key, loaded_flag, unavailable_flag = _names(slot)

    def received() -> None:
        payload = st.session_state[component_key].get("loaded")
        if loaded(slot) or not isinstance(payload, dict):
            return
        st.session_state[loaded_flag] = True
        if not payload.get("available", False):
            st.session_state[unavailable_flag] = True
        saved = payload.get("text")
        on_load(saved if isinstance(saved, str) else None)

    def changed() -> None:
        payload = st.session_state[component_key].get("changed")
        if loaded(slot) and isinstance(payload, dict):
            saved = payload.get("text")
            on_change(saved if isinstance(saved, str) else None)

    def failed() -> None:
        st.session_state[unavailable_flag] = True

    is_loaded = loaded(slot)
    _component(
        key=component_key,
        data={"key": storage_key(slot), "loaded": is_loaded, "save": text if is_loaded else None},
        height=0,
        on_loaded_change=received,
        on_changed_change=changed,
        on_failed_change=failed,
    )
