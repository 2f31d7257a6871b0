"""The wizard's state: answers kept in st.session_state and mirrored in the URL.

The URL is the source of truth for a new session (a refresh, a lost connection, a link
from a friend); after that, session state is, and every change is written back to the
URL so the address bar always holds the whole situation. Nothing is kept on the server
beyond the session itself.
"""

from __future__ import annotations

import re
from dataclasses import replace

import streamlit as st

from core.dates import known_countries
from core.i18n import _, current_language
from core.models import LABEL_MAX, PROTECTION_DAYS_MAX, PROTECTION_DAYS_MIN, PROTECTION_DAYS_USUAL, plain_line
from core.wizard.answers import parse_day, read_order_number
from core.wizard.case import PAYMENTS, SELLER_ASKS, Details, load_answers, paid_on_problem
from core.wizard.route import next_question, route
from ui import language
from ui.state import remembered, today

PLAN = "plan"
"""The step after the last question: the plan."""
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def paid_on_note() -> str:
    """Said when a link's payment date is unreadable or does not fit its answers."""
    return _("The link's payment date wasn't usable, so it was left out.")


LINK = "wizard_link"
"""The link the session opened with: its notes are worked out from it in the language of the moment."""


def start() -> None:
    """Read the link into the session, once per session."""
    if "answers" in st.session_state:
        return
    params = {key: st.query_params[key] for key in st.query_params}
    answers, details, _notes = read_link(params)
    st.session_state.answers = answers
    st.session_state.details = details
    st.session_state[LINK] = params
    wanted = params.get("step")
    first_open = next_question(answers)
    if wanted in answers and wanted in route(answers):
        st.session_state.step = wanted
    else:
        st.session_state.step = first_open or PLAN


def read_link(params: dict[str, str]) -> tuple[dict[str, str], Details, list[str]]:
    """The link's answers and extras that can be trusted, and a note for each one dropped."""
    details, detail_notes = read_details(params)
    # The answers are checked without the day paid, so a wrong one is never blamed on the shipping date.
    loaded = load_answers(params, today(), replace(details, paid_on=None))
    if details.paid_on is not None and paid_on_problem(loaded.answers, details.paid_on, today()) is not None:
        details = replace(details, paid_on=None)
        detail_notes.append(paid_on_note())
    return loaded.answers, details, loaded.notes + detail_notes


def notes() -> list[str]:
    """What was dropped from the link, in the current language: worked out again after a switch, since a
    text translated once and kept would stay in the old language."""
    params = st.session_state.get(LINK) or {}
    if not params:
        return []
    key = (tuple(sorted(params.items())), current_language())
    return remembered("wizard_link_notes", key, lambda: read_link(params)[2])


def read_details(params: dict[str, str]) -> tuple[Details, list[str]]:
    """The optional extras from the link; a bad one is dropped with a note."""
    notes: list[str] = []
    label = plain_line(params.get("label", ""))[:LABEL_MAX] or None
    number, problem = read_order_number(params.get("number", ""))
    if problem is not None:
        notes.append(_("The link's order number wasn't one we can read, so it was left out."))
    days = PROTECTION_DAYS_USUAL
    if "days" in params:
        text = params["days"]
        readable = len(text) <= len(str(PROTECTION_DAYS_MAX)) and text.isdecimal() and text.isascii()
        if readable and PROTECTION_DAYS_MIN <= int(text) <= PROTECTION_DAYS_MAX:
            days = int(text)
        else:
            notes.append(
                _("The link's protection days weren't usable, so we used {n}.").format(n=PROTECTION_DAYS_USUAL)
            )
    country = params.get("country")
    if country is not None and country not in known_countries():
        notes.append(_("The link's country wasn't one we know, so we count working days Monday to Friday."))
        country = None
    paid_with = params.get("paid")
    if paid_with is not None and paid_with not in PAYMENTS:
        notes.append(_("The link's way of paying wasn't one we know, so it was left out."))
        paid_with = None
    paid_on = None
    if "paid_on" in params:
        text = params["paid_on"]
        paid_on = parse_day(text) if ISO_DAY.fullmatch(text) else None
        if paid_on is None:
            notes.append(paid_on_note())
    asks = params.get("asks")
    if asks is not None and asks not in SELLER_ASKS:
        notes.append(_("The link's answer to what the seller is asking wasn't one we know, so it was left out."))
        asks = None
    choice = params.get("choice")
    if choice is not None and choice not in ("yes", "no"):
        notes.append(_("The link's answer to whether it is a Choice order wasn't yes or no, so it was left out."))
        choice = None
    details = Details(
        label=label,
        order_number=number,
        protection_days=days,
        country=country,
        paid_with=paid_with,
        paid_on=paid_on,
        seller_asks=asks,
        choice_order=None if choice is None else choice == "yes",
    )
    return details, notes


def answers() -> dict[str, str]:
    """The answers given so far (question key to answer), as the URL holds them."""
    return st.session_state.answers


def details() -> Details:
    """The plan page's optional extras: what was ordered, its number, protection days, country, how and when paid,
    what the seller is asking for, and whether it is a Choice order."""
    return st.session_state.details


def step() -> str:
    """The question on screen, or PLAN."""
    return st.session_state.step


def set_answer(key: str, value: str) -> None:
    """Store an answer, forget answers the new route no longer asks, and move on."""
    current = dict(st.session_state.answers)
    current[key] = value
    keep = route(current)
    current = {k: v for k, v in current.items() if k in keep}
    st.session_state.answers = current
    st.session_state.step = next_question(current) or PLAN
    write_url()


def set_details(new: Details) -> None:
    """Store the extras and mirror them in the URL."""
    st.session_state.details = new
    write_url()


def go_to(key: str) -> None:
    """Show a question again to change its answer (the answers stay as they are)."""
    st.session_state.pop("question_error", None)
    st.session_state.step = key
    write_url()


def go_back() -> None:
    """One question back along the route (from the plan, to the last question)."""
    st.session_state.pop("question_error", None)
    keys = route(st.session_state.answers)
    current = st.session_state.step
    if current == PLAN:
        st.session_state.step = keys[-1]
    elif current in keys and keys.index(current) > 0:
        st.session_state.step = keys[keys.index(current) - 1]
    write_url()


def start_over() -> None:
    """Forget every answer and extra, and the widgets' own state, back to the first question."""
    st.session_state.answers = {}
    st.session_state.details = Details()
    st.session_state[LINK] = {}
    st.session_state.pop("question_error", None)
    st.session_state.step = "stage"
    for key in [k for k in st.session_state if str(k).startswith("q_")]:
        del st.session_state[key]
    write_url()


def url_params(include_private: bool = True) -> dict[str, str]:
    """The query parameters that describe this situation; the share link leaves out what was ordered and its number."""
    params = dict(st.session_state.answers)
    d = st.session_state.details
    if d.protection_days != PROTECTION_DAYS_USUAL:
        params["days"] = str(d.protection_days)
    if d.country:
        params["country"] = d.country
    if d.paid_with:
        params["paid"] = d.paid_with
    if d.paid_on is not None:
        params["paid_on"] = d.paid_on.isoformat()
    if d.seller_asks:
        params["asks"] = d.seller_asks
    if d.choice_order is not None:
        params["choice"] = "yes" if d.choice_order else "no"
    if include_private and d.label:
        params["label"] = d.label
    if include_private and d.order_number:
        params["number"] = d.order_number
    step_now = st.session_state.step
    if step_now != next_question(st.session_state.answers) and step_now != PLAN:
        params["step"] = step_now
    return params


def write_url() -> None:
    """Mirror the session's answers (and language) in the address bar (only when they changed)."""
    wanted = url_params()
    lang = language.url_value()
    if lang is not None:
        wanted[language.PARAM] = lang
    if {key: st.query_params[key] for key in st.query_params} != wanted:
        st.query_params.from_dict(wanted)
