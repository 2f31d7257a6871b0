"""One wizard question on screen: the right widget for its kind, checked before moving on.

An answer is checked by core (its form, then whether it fits the other answers); a bad
one gets a short message under the question and nothing already entered is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

from core.i18n import _
from core.models import AMOUNT_MAX
from core.reading import CaseError
from core.wizard.answers import (
    CURRENCY_FROM,
    DAYS_LEFT_MAX,
    NOT_YET,
    REJECTED,
    MoneyAnswer,
    answer_problem,
    date_range,
    order_currency,
    parse_day,
    protection_end,
)
from core.wizard.case import FIELD_TO_ANSWER, to_case
from core.wizard.questions import CURRENCIES, DEFAULT_CURRENCY, Question
from ui import state, wizard_state

FREE_AMOUNTS = ("total", "shipping")
"""The amounts that can be nothing at all (a free order, free shipping)."""


def widget_key(question: Question, part: str = "value") -> str:
    """The session key of one of the question's widgets ("q_" keys are cleared on Start over)."""
    return f"q_{question.key}_{part}"


def submit(question: Question, value: str) -> None:
    """Check an answer and store it, or leave a message for the question and stay."""
    problem = answer_problem(question, value, state.today())
    if problem is None:
        trial = {**wizard_state.answers(), question.key: value}
        try:
            to_case(trial, state.today(), wizard_state.details())
        except CaseError as error:
            mine = [p.message for p in error.problems if FIELD_TO_ANSWER.get(p.field) == question.key]
            problem = mine[0] if mine else None
    if problem is not None:
        st.session_state.question_error = problem
        return
    st.session_state.pop("question_error", None)
    wizard_state.set_answer(question.key, value)


def currency() -> str:
    """The order's currency, from the first money answer that carries one (or the one picked on this screen)."""
    return order_currency(wizard_state.answers()) or DEFAULT_CURRENCY


def show_question(question: Question) -> None:
    """Draw the question with its widget and its Next (or choice) buttons."""
    st.subheader(question.title)
    if question.help:
        st.caption(question.help)
    current = wizard_state.answers().get(question.key)
    {
        "choice": ask_choice,
        "date": ask_date,
        "date_or_no": ask_yes_first,
        "protection": ask_yes_first,
        "money": ask_money,
        "offer": ask_offer,
    }[question.kind](question, current)
    error = st.session_state.get("question_error")
    if error:
        st.error(error, icon=":material/error:")


def ask_choice(question: Question, current: str | None) -> None:
    values = [c.value for c in question.choices]
    labels = {c.value: c.label for c in question.choices}
    helps = {c.value: c.help for c in question.choices}
    key = widget_key(question)
    if key not in st.session_state:
        st.session_state[key] = current if current in values else None
    chosen = st.radio(
        question.title,
        values,
        key=key,
        format_func=lambda value: labels[value],
        captions=[helps[v] for v in values] if any(helps.values()) else None,
        label_visibility="collapsed",
        on_change=choose,
        args=(question, key),
    )
    if chosen is not None and chosen != current and "question_error" not in st.session_state:
        late_tap(question, chosen)
    if current is not None:
        pressed = st.button(
            _("Next"),
            type="primary",
            on_click=lambda: submit(question, st.session_state[key] or ""),
            key=widget_key(question, "next"),
        )
        if pressed:
            late_tap(question, st.session_state[key] or "")


def late_tap(question: Question, value: str) -> None:
    """Act on a tap whose callback this session never had.

    A page that reconnects after the server forgot its session (a restart, a long idle
    spell) sends its next tap to a new session that has not drawn the question yet, so
    the tap's callback never runs. When a tap still shows on this question after the
    callbacks ran, it is that tap: answer with it and redraw.
    """
    if wizard_state.step() != question.key:
        return
    submit(question, value)
    if wizard_state.step() != question.key:
        st.rerun()


def choose(question: Question, key: str) -> None:
    """A tap on a choice answers the question at once: one tap, one step."""
    if st.session_state.get(key) is not None:
        submit(question, st.session_state[key])


def picked_day(key: str) -> str:
    """The day in a date box as an answer, or "" when none is picked."""
    day = st.session_state.get(key)
    return day.isoformat() if isinstance(day, dt.date) else ""


def date_box(question: Question, current: str | None, label: str | None, low: dt.date | None = None) -> str:
    """An empty date box (nothing is assumed) unless the question was answered; its key.

    `label` None: the question's title above says it all. `low` is the earliest day the box
    offers, when it is later than the question's own range.
    """
    key = widget_key(question)
    first, high = date_range(question.key, state.today())
    low = max(first, low) if low is not None else first
    if key not in st.session_state:
        day = parse_day(current) if current else None
        st.session_state[key] = day if day is not None and low <= day <= high else None
    st.date_input(
        label or question.title,
        value=None,
        key=key,
        min_value=low,
        max_value=high,
        format="YYYY-MM-DD",
        label_visibility="visible" if label else "collapsed",
    )
    return key


def next_button(question: Question, read: Callable[[], str]) -> None:
    """Next, disabled until there is an answer to give; the answer is read when tapped, not when drawn."""
    if st.button(
        _("Next"),
        type="primary",
        on_click=lambda: submit(question, read()),
        key=widget_key(question, "next"),
        disabled=not read(),
    ):
        late_tap(question, read())


def ask_date(question: Question, current: str | None) -> None:
    key = date_box(question, current, None)
    next_button(question, lambda: picked_day(key))


def ask_yes_first(question: Question, current: str | None) -> None:
    """Equal choices first (yes, or the question's "no"), none picked; the date (or days left) only after a yes.

    "No" answers at once, as a choice does; a yes shows its box right here and counts as one answer.
    """
    values = [c.value for c in question.choices] + [NOT_YET]
    labels = {c.value: c.label for c in question.choices} | {NOT_YET: question.no_label}
    key = widget_key(question, "known")
    # Only an answer already given is restored; with none, the radio starts empty and a tap that
    # reaches a session started afresh (after a restart) keeps its choice for late_tap below.
    if current is not None and key not in st.session_state:
        st.session_state[key] = NOT_YET if current == NOT_YET else "date" if "date" in values else values[0]
    chosen = st.radio(
        question.title,
        values,
        key=key,
        format_func=lambda value: labels[value],
        label_visibility="collapsed",
        on_change=say_no,
        args=(question, key),
        index=None,
    )
    if chosen == NOT_YET:
        if current != NOT_YET and "question_error" not in st.session_state:
            late_tap(question, NOT_YET)
        elif current == NOT_YET:
            next_button(question, lambda: NOT_YET)
    elif chosen == "days":
        days_key = widget_key(question, "days")
        st.number_input(_("Days left"), key=days_key, min_value=0, max_value=DAYS_LEFT_MAX, step=1, value=None)

        def days_left() -> str:
            days = st.session_state.get(days_key)
            return protection_end(int(days), state.today()) if isinstance(days, int) else ""

        next_button(question, days_left)
    elif chosen is not None:
        low = state.today() if question.kind == "protection" else None
        key = date_box(question, current, question.date_label, low)
        next_button(question, lambda: picked_day(key))


def say_no(question: Question, key: str) -> None:
    """A tap on the "no" choice answers at once; a yes waits for its date."""
    if st.session_state.get(key) == NOT_YET:
        submit(question, NOT_YET)


def amount_box(label: str, key: str) -> None:
    """A box for an amount of money, in cents, from 0 to the largest amount anyone can enter."""
    st.number_input(
        label, key=key, min_value=0.0, max_value=float(AMOUNT_MAX), step=1.0, format="%.2f", placeholder="0.00"
    )


def ask_money(question: Question, current: str | None) -> None:
    key, currency_key = widget_key(question), widget_key(question, "currency")
    money = MoneyAnswer.parse(current) if current else None
    if key not in st.session_state:
        st.session_state[key] = float(money.amount) if money is not None else None
    # The buyer picks the currency with the first amount that carries it: the total, or else what the bad items cost.
    answers = wizard_state.answers()
    picks_currency = question.key in CURRENCY_FROM and not any(
        answers.get(other) for other in CURRENCY_FROM if other != question.key
    )
    if picks_currency:
        if currency_key not in st.session_state:
            st.session_state[currency_key] = currency()
        left, right = st.columns([3, 1])
        right.selectbox(_("Currency"), CURRENCIES, key=currency_key)
    else:
        left = st.container()

    def chosen() -> str:
        return str(st.session_state.get(currency_key)) if picks_currency else currency()

    with left:
        amount_box(_("Amount in {currency}").format(currency=chosen()), key)

    def use_amount() -> None:
        value = st.session_state.get(key)
        if value is None:
            st.session_state.question_error = (
                _("Please enter an amount (0 if it was free).")
                if question.key in FREE_AMOUNTS
                else _("Please enter an amount.")
            )
            return
        submit(question, str(MoneyAnswer.of(value, chosen())))

    st.button(_("Next"), type="primary", on_click=use_amount, key=widget_key(question, "next"))


def ask_offer(question: Question, current: str | None) -> None:
    key, return_key = widget_key(question), widget_key(question, "return")
    money = MoneyAnswer.parse(current, offer=True) if current else None
    if key not in st.session_state:
        st.session_state[key] = float(money.amount) if money is not None else None
        st.session_state[return_key] = money is not None and money.with_return
    st.button(
        question.no_label,
        on_click=submit,
        args=(question, NOT_YET),
        key=widget_key(question, "no"),
        type="primary" if current is None else "secondary",
    )
    if question.rejected_label:
        st.button(
            question.rejected_label, on_click=submit, args=(question, REJECTED), key=widget_key(question, "rejected")
        )
    st.markdown(_("**Or** enter what they offer:"))
    amount_box(_("Refund offered, in {currency}").format(currency=currency()), key)
    st.checkbox(_("They want the item sent back"), key=return_key)

    def use_offer() -> None:
        value = st.session_state.get(key)
        if value is None:
            st.session_state.question_error = _("Enter the amount offered, or tap “{no}”.").format(no=question.no_label)
            return
        submit(question, str(MoneyAnswer.of(value, currency(), with_return=bool(st.session_state.get(return_key)))))

    st.button(_("Use this offer"), on_click=use_offer, key=widget_key(question, "next"))
