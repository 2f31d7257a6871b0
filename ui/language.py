"""The visitor's language: picked from the link or the browser, switched in one tap, kept in the URL.

`?lang=es` wins (a shared link opens in the sender's language), then the browser's own language
(st.context.locale) on a first visit, then English. The choice lives in session state, where the
callbacks find it too: they run on a fresh thread before the page's first line, so core.i18n is
pointed at this session's choice rather than at a value set by the page.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from core.i18n import DEFAULT_LANGUAGE, LANGUAGES, _, language_from_locale, set_language_source, use_language
from ui import browser_storage

LANGUAGE = "language"
"""The session's language (a key of core.i18n.LANGUAGES)."""
CHOSEN = "language_chosen"
"""True once the visitor picked it (the switcher, a link's ?lang=, or this browser's saved choice)."""
PICKER = "language_picker"
PARAM = "lang"


def session_language() -> str:
    """This session's language; English outside a session (the command line, benchmarks, tests of core).

    Once read, it is also set for the rest of this run's thread: a plan's few hundred texts then cost one
    session-state lookup, not one each.
    """
    if get_script_run_ctx(suppress_warning=True) is None:
        return DEFAULT_LANGUAGE
    language = st.session_state.get(LANGUAGE)
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    use_language(language)
    return language


set_language_source(session_language)


def pick() -> str:
    """Settle the session's language (once), make this run's texts use it, and keep it in the address bar."""
    if LANGUAGE not in st.session_state:
        linked = st.query_params.get(PARAM)
        st.session_state[CHOSEN] = linked in LANGUAGES
        st.session_state[LANGUAGE] = linked if linked in LANGUAGES else language_from_locale(st.context.locale)
    language = session_language()  # also makes this run's texts use it
    wanted = url_value()
    if wanted is not None and st.query_params.get(PARAM) != wanted:
        st.query_params[PARAM] = wanted
    return language


def url_value() -> str | None:
    """What `?lang=` holds: the language once chosen or when not English; plain English links stay as they were."""
    language = session_language()
    return language if language != DEFAULT_LANGUAGE or st.session_state.get(CHOSEN) else None


def switch_to(language: str) -> None:
    """Use `language` from now on in this session and in its link; anything not offered is ignored."""
    if language not in LANGUAGES:
        return
    st.session_state[LANGUAGE] = language
    st.session_state[CHOSEN] = True
    st.session_state.pop("question_error", None)  # a text kept for the next run would stay in the old language
    st.query_params[PARAM] = language
    use_language(language)


def came_from_browser() -> bool:
    """True while the language is only the browser's guess: a choice saved in this browser may replace it."""
    return not st.session_state.get(CHOSEN, False)


def _picked() -> None:
    switch_to(st.session_state.get(PICKER) or "")


def switcher() -> None:
    """The language picker, top right of every page: each language in its own name, one tap to switch."""
    language = session_language()
    if st.session_state.get(PICKER) != language:  # a page opened by its own address starts without the picker
        st.session_state[PICKER] = language
    with st.container(horizontal=True, horizontal_alignment="right", key="language_row"):
        st.selectbox(
            _("Language"),
            list(LANGUAGES),
            format_func=LANGUAGES.__getitem__,
            key=PICKER,
            on_change=_picked,
            label_visibility="collapsed",
            width=200,
        )


def remember() -> None:
    """Keep the visitor's choice in this browser (the orders page's, opened later from a bookmark without
    `?lang=`), and use the saved one while the language is only the browser's guess."""
    browser_storage.keep(
        None if came_from_browser() else session_language(),
        on_load=_saved,
        on_change=_elsewhere,
        slot=browser_storage.LANGUAGE,
    )


def _saved(text: str | None) -> None:
    if text in LANGUAGES and came_from_browser():
        switch_to(text)


def _elsewhere(text: str | None) -> None:
    """Another tab switching language leaves this one as it is: a page never changes under the reader."""
