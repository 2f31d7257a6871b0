"""The wizard: one plain question per screen, then the plan.

Thin on purpose: core.wizard decides which question comes next and what the answers
mean, core decides the plan; this page only asks and shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from urllib.parse import urlencode

import streamlit as st

from core import advise
from core.dates import known_countries
from core.i18n import _
from core.models import LABEL_MAX, PROTECTION_DAYS_MAX, PROTECTION_DAYS_MIN, PROTECTION_DAYS_USUAL, Plan, plain_line
from core.reading import CaseError
from core.seller import choice_matters, seller_involved
from core.wizard.answers import EARLIEST_DAY, read_order_number
from core.wizard.case import (
    PAYMENTS,
    SELLER_ASKS,
    paid_on_problem,
    payment_words,
    seller_ask_words,
    summary,
    to_case,
)
from core.wizard.questions import questions
from core.wizard.route import MAX_ANSWERS, route
from ui import language, state, wizard_state
from ui.plan_view import escape, show_plan
from ui.questions import show_question


def show_progress() -> None:
    """ "Question n" and a bar that only grows: the route's length changes as answers come in, so no total is shown."""
    if wizard_state.step() == wizard_state.PLAN:
        st.progress(1.0, text=_("Your plan"))
        return
    number = progress_number(wizard_state.answers(), wizard_state.step())
    st.progress((number - 1) / MAX_ANSWERS, text=_("Question {n}").format(n=number))


def progress_number(answers: dict[str, str], step: str) -> int:
    """The question's place on the route (the next one for a question off the route)."""
    keys = route(answers)
    return keys.index(step) + 1 if step in keys else len([k for k in keys if k in answers]) + 1


def show_answers() -> None:
    """The answers so far, each a button that goes back to its question to change it.

    One button per answer, with the answer as its label: the buttons' code is already in
    the browser (Back uses it), so no new piece of the page has to load on the next tap.
    """
    rows = summary(wizard_state.answers())
    if not rows:
        return
    with st.expander(_("Your answers ({n})").format(n=len(rows)), expanded=wizard_state.step() == wizard_state.PLAN):
        for key, name, shown in rows:
            st.button(
                f"**{escape(name)}:** {escape(shown)}",
                key=f"change_{key}",
                on_click=wizard_state.go_to,
                args=(key,),
                icon=":material/edit:",
                type="tertiary",
                help=_("Change this answer"),
            )


def show_navigation() -> None:
    row = st.container(horizontal=True)
    row.button(
        _("Back"),
        on_click=wizard_state.go_back,
        icon=":material/arrow_back:",
        key="back",
        disabled=wizard_state.step() == "stage",
    )
    row.button(_("Start over"), on_click=wizard_state.start_over, icon=":material/restart_alt:", key="start_over")


def apply_details() -> None:
    """Runs before the script, so the plan drawn right after already uses the new details."""
    country = st.session_state.get("detail_country")
    days = st.session_state.get("detail_days")
    current = wizard_state.details()
    protection_days = current.protection_days
    if isinstance(days, int) and PROTECTION_DAYS_MIN <= days <= PROTECTION_DAYS_MAX:
        protection_days = int(days)
    wizard_state.set_details(
        replace(
            current,
            protection_days=protection_days,
            country=country if country in known_countries() else None,
        )
    )


def apply_label() -> None:
    """Runs before the script, so the messages drawn right after already name the item."""
    label = plain_line(st.session_state.get("detail_label") or "")[:LABEL_MAX]
    wizard_state.set_details(replace(wizard_state.details(), label=label or None))


def apply_number() -> None:
    """A number that isn't one leaves the messages' placeholder in place; the box keeps what was typed."""
    number, _problem = read_order_number(st.session_state.get("detail_number") or "")
    wizard_state.set_details(replace(wizard_state.details(), order_number=number))


def apply_payment() -> None:
    """How and when the order was paid; a day that can't be right is left out, and the box says why."""
    chosen = st.session_state.get("detail_paid")
    day = st.session_state.get("detail_paid_on")
    fits = isinstance(day, dt.date) and paid_on_problem(wizard_state.answers(), day, state.today()) is None
    wizard_state.set_details(
        replace(
            wizard_state.details(),
            paid_with=chosen if chosen in PAYMENTS else None,
            paid_on=day if fits and isinstance(day, dt.date) else None,
        )
    )


def show_payment() -> None:
    """How and when the order was paid, asked right under the summary: they change the refund's days and the
    ways out beyond AliExpress (a PayPal dispute counts from the payment). Nothing is chosen for the buyer."""
    current = wizard_state.details()
    left, right = st.columns(2)
    left.selectbox(
        _("How did you pay?"),
        PAYMENTS,
        index=PAYMENTS.index(current.paid_with) if current.paid_with in PAYMENTS else None,
        format_func=payment_words,
        placeholder=_("Choose…"),
        key="detail_paid",
        on_change=apply_payment,
        help=_("It sets how long a refund takes to reach you, and your options outside AliExpress."),
    )
    answers = wizard_state.answers()
    if answers.get("stage") == "payment_problem" or "ordered" in answers:
        # The route already asked the day the money was taken, or the order's day: asking again would say it twice.
        return
    today = state.today()
    shown = current.paid_on if current.paid_on is not None and EARLIEST_DAY <= current.paid_on <= today else None
    day = right.date_input(
        _("When did you pay? (optional)"),
        value=shown,
        min_value=EARLIEST_DAY,
        max_value=today,
        format="YYYY-MM-DD",
        key="detail_paid_on",
        on_change=apply_payment,
        help=_("The order date on the order page."),
    )
    if isinstance(day, dt.date):
        problem = paid_on_problem(wizard_state.answers(), day, today)
        if problem is not None:
            right.error(problem, icon=":material/error:")


def apply_asks() -> None:
    """What the seller is asking for; anything but one of the offered asks leaves it unsaid."""
    chosen = st.session_state.get("detail_asks")
    wizard_state.set_details(replace(wizard_state.details(), seller_asks=chosen if chosen in SELLER_ASKS else None))


def apply_choice() -> None:
    chosen = st.session_state.get("detail_choice")
    wizard_state.set_details(
        replace(wizard_state.details(), choice_order=None if chosen not in ("yes", "no") else chosen == "yes")
    )


def yes_no_words(value: str) -> str:
    return _("Yes") if value == "yes" else _("No")


def show_seller(plan: Plan) -> None:
    """What the seller is pushing for, and whether it is a Choice order: asked under the summary only where core
    says a seller is involved (core.seller), so each answer changes the plan's words. Nothing is chosen for the
    buyer."""
    ask_it, choice_it = seller_involved(plan.rule), choice_matters(plan.rule)
    if not ask_it and not choice_it:
        return
    current = wizard_state.details()
    left, right = st.columns(2)
    if ask_it:
        left.selectbox(
            _("The seller is asking me to… (optional)"),
            SELLER_ASKS,
            index=SELLER_ASKS.index(current.seller_asks) if current.seller_asks in SELLER_ASKS else None,
            format_func=seller_ask_words,
            placeholder=_("Choose…"),
            key="detail_asks",
            on_change=apply_asks,
            help=_("The plan then says what never to do, and gives you a reply to send."),
        )
    if choice_it:
        options = ("yes", "no")
        right.radio(
            _("Is it a Choice order? (optional)"),
            options,
            index=None if current.choice_order is None else (0 if current.choice_order else 1),
            format_func=yes_no_words,
            horizontal=True,
            key="detail_choice",
            on_change=apply_choice,
            help=_("Look for the “Choice” label on the order page: AliExpress usually ships these itself."),
        )


def show_extras(plan: Plan) -> None:
    """The plan page's questions under the summary: how and when paid, then what the seller is asking for."""
    show_payment()
    show_seller(plan)


def show_names() -> None:
    """The order's number and what was ordered, asked where they are used: right above the messages."""
    current = wizard_state.details()
    left, right = st.columns(2)
    typed = left.text_input(
        _("Order number (optional)"),
        value=current.order_number or "",
        max_chars=40,
        key="detail_number",
        placeholder=_("e.g. 8123456789012345"),
        on_change=apply_number,
        help=_("On the order page: usually 16 digits."),
    )
    problem = read_order_number(typed or "")[1]
    if problem is not None:
        left.error(problem, icon=":material/error:")
    right.text_input(
        _("What you ordered (optional)"),
        value=current.label or "",
        max_chars=LABEL_MAX,
        key="detail_label",
        placeholder=_("e.g. Blue headphones"),
        on_change=apply_label,
    )


def show_blocked_button(plan: Plan) -> None:
    """A way out when the plan says "open a dispute" but AliExpress won't let the buyer open one."""
    answers = wizard_state.answers()
    if (
        plan.action != "open_dispute"
        or answers.get("blocked") == "yes"
        or "blocked" not in route({**answers, "blocked": "yes"})
    ):
        return
    st.button(
        _("AliExpress won't let me open a dispute"),
        key="dispute_blocked",
        icon=":material/block:",
        on_click=wizard_state.set_answer,
        args=("blocked", "yes"),
        help=_("The button is missing, or AliExpress says the parcel will arrive soon."),
    )


def show_protection_button() -> None:
    """Right under the line saying the usual days were counted: back to the question to enter the real end."""
    st.button(
        _("Enter it from my order page"),
        key="fix_protection",
        icon=":material/edit_calendar:",
        on_click=wizard_state.go_to,
        args=("protection",),
    )


def show_details() -> None:
    """Optional extras that sharpen the plan: protection days and country."""
    current = wizard_state.details()
    with st.expander(_("Fine-tune (optional)")):
        st.number_input(
            _("Buyer protection days on this listing"),
            min_value=PROTECTION_DAYS_MIN,
            max_value=PROTECTION_DAYS_MAX,
            value=current.protection_days,
            step=1,
            key="detail_days",
            on_change=apply_details,
            help=_("Most listings give {n} days from shipping; some give more or less.").format(
                n=PROTECTION_DAYS_USUAL
            ),
        )
        countries = known_countries()
        codes = [None, *countries]
        st.selectbox(
            _("Your country, to skip public holidays when counting working days"),
            codes,
            index=codes.index(current.country) if current.country in codes else 0,
            format_func=lambda code: _("Not set (Monday to Friday)") if code is None else countries[code],
            key="detail_country",
            on_change=apply_details,
        )


def show_share() -> None:
    with st.expander(_("Share this situation")):
        st.write(
            _(
                "This link opens the same plan. It holds your answers (choices, dates and amounts) and "
                "nothing else: not what you ordered, not its number, and nothing is saved on our side."
            )
        )
        base = (st.context.url or "").split("?")[0]
        params = wizard_state.url_params(include_private=False)
        params.pop("step", None)
        lang = language.url_value()
        if lang is not None:
            params[language.PARAM] = lang  # the friend opens it in the sender's language
        st.code(base + "?" + urlencode(params), language=None, wrap_lines=True)


def show_plan_step() -> None:
    try:
        case = to_case(wizard_state.answers(), state.today(), wizard_state.details())
        plan = advise(case, today=state.today())
    except CaseError as error:
        st.error(_("Some answers don't fit together: {problem}").format(problem=error.problems[0]))
        return
    st.session_state.advised_action = plan.action
    show_plan(
        case,
        plan,
        after_steps=lambda: show_blocked_button(plan),
        names=show_names,
        payment=lambda: show_extras(plan),
        fix_protection=show_protection_button if "protection" in route(wizard_state.answers()) else None,
    )
    show_details()
    show_share()


language.switcher()
st.markdown("## :material/gavel: " + _("AliExpress Dispute Wizard"))
st.caption(_("A few plain questions about your order, then a plan you can act on today."))
wizard_state.start()
for note in wizard_state.notes():
    st.info(note, icon=":material/link_off:")
show_progress()
if wizard_state.step() == wizard_state.PLAN:
    show_plan_step()
else:
    show_question(questions()[wizard_state.step()])
show_navigation()
show_answers()
