"""Load generator: N concurrent browser-like sessions against `streamlit run`, app vs framework floor.

What it does, in one run (issue 5, "A load generator that behaves like real browsers"):

1. Starts `streamlit run app.py` on a free 127.0.0.1 port (the repository's
   .streamlit/config.toml applies), waits for /_stcore/health, warms it up with one
   session that walks a whole route and then stays connected (the "one session"
   baseline), and samples the server's RSS and CPU with psutil.
2. Opens N sessions, spread over the ramp-up time, that speak Streamlit's own websocket
   protocol (ws://127.0.0.1:PORT/_stcore/stream, subprotocol "streamlit", protobuf
   BackMsg / ForwardMsg from the streamlit package) the way the browser frontend does:
   a BackMsg rerun_script with the page's query string, the widget states (a radio
   change is a string_value, a date a string_array_value, an amount a double_value, a
   click a trigger_value) and the context info; widget ids are read from the
   ForwardMsg deltas (element ids end with the widget key); large cacheable messages
   are cached and their hashes reported, as the frontend does.
3. Each session walks wizard routes (the decision tree of tests/pages/test_wizard.py)
   with its own answers: a random route, amounts scaled and a currency picked per
   session, a unique order label "order-<session>-<random>" (in the link's `label`
   query parameter, or typed into the plan's name box), sometimes starting mid-route
   from a link that already holds the first answers, then "Start over" or a reload.
   People think between taps (--think, seconds, uniform).
4. Step latency = from sending the action (a choice tap, a Next / "Not yet" click) to
   the script-finished message of that run, once the run's deltas show the next
   question (or the plan). Intermediate widget edits (typing an amount, picking a
   date) are measured separately as input reruns.
5. Isolation: when a plan arrives, its headline must be the one core computes for this
   session's own answers (so a "not shipped" session never receives a dispute plan);
   every received frame is scanned for order labels and a label seen by a server
   session that did not introduce it is a leak.
6. Stops everything after --duration, then does the same against bench/floor_app.py
   (one radio, one button) as the framework floor, and reports both with ratios.
7. What if (full runs; --no-whatif skips it): the app once more, started with the
   opposite `runner.postScriptGC` (now `true`: a full collection after every rerun), so
   the trade between latency and memory per session stays visible.

Both servers start in the repository root, so they run with the project's
.streamlit/config.toml, `runner.postScriptGC` included (off since 96d938c). Before the
load, a probe server started the same way (bench/gc_probe_app.py, bench/gc_mode.py)
checks that the setting is in force: the option as the server reads it, and the full
collections it runs across reruns; the same for the what-if's option.

Memory: "start" is the server's RSS with the one warm session connected, "peak" the
highest RSS sampled (every 0.1 s) during the load, and per extra session is
(peak - start) / N. CPU is the server process's user+system time over the load window;
the CPU the rest of the machine used meanwhile is reported too (it is a shared machine).

Everything stays on loopback and is bounded: N sessions, a fixed duration, a timeout per
rerun, and both servers are stopped at the end (also on Ctrl-C).

    .venv/bin/python bench/load.py                 # the issue's target: 50 sessions, 120 s, + floor
    .venv/bin/python bench/load.py --quick         # 5 sessions, 10 s, quick thinkers (CI smoke)
    .venv/bin/python bench/load.py --sessions 20 --duration 60 --no-floor --no-whatif

Prints one JSON line (the figures, the first line of stdout), then a readable summary.
Exit status 1 when a session hit an error or a label leaked, 2 when a server could not
start, else 0 (latency and memory targets are reported, not enforced).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import datetime as dt
import json
import os
import platform
import random
import re
import socket
import string
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlencode

import psutil
import websockets
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
if str(REPO / "bench") not in sys.path:
    sys.path.insert(0, str(REPO / "bench"))

import gc_mode

APP = REPO / "app.py"
FLOOR_APP = REPO / "bench" / "floor_app.py"

# Targets of issue 5.
TARGET_P95_MS = 1000.0
TARGET_MB_PER_SESSION = 4.0

DEFAULTS = {"sessions": 50, "duration": 120.0, "think": (2.0, 6.0), "ramp": 10.0, "min_routes": 0}
QUICK = {"sessions": 5, "duration": 10.0, "think": (0.1, 0.3), "ramp": 1.0, "min_routes": 1}

# The day tests/pages/test_wizard.py pins; ROUTES' dates are shifted by (today - this day).
ROUTES_DAY = dt.date(2026, 11, 26)

# Every route of the wizard as (question, answer) steps and the action its plan gives on
# ROUTES_DAY, mirroring tests/pages/test_wizard.py. Amounts are scaled per session and
# the currency of "total" is replaced per session; the expected plan is recomputed by
# core for the answers actually sent.
ROUTES: dict[str, tuple[list[tuple[str, str]], str]] = {
    "not shipped, payment pending": ([("stage", "not_shipped"), ("payment", "pending")], "cancel_order"),
    "not shipped, payment confirmed": ([("stage", "not_shipped"), ("payment", "confirmed")], "request_cancellation"),
    "late, no updates, seller silent": ([("stage", "on_the_way"), ("shipped", "2026-10-01"), ("tracking", "no_updates"),
                                         ("eta", "2026-11-10"), ("contacted", "2026-11-20")], "open_dispute"),
    "late, no tracking, seller not asked": ([("stage", "on_the_way"), ("shipped", "2026-10-20"), ("tracking", "none"),
                                             ("eta", "no"), ("contacted", "no")], "contact_seller"),
    "in transit": ([("stage", "on_the_way"), ("shipped", "2026-11-01"), ("tracking", "in_transit"), ("eta", "no")],
                   "contact_seller"),
    "shipped too recently": ([("stage", "on_the_way"), ("shipped", "2026-11-20"), ("tracking", "none"), ("eta", "no"),
                              ("contacted", "no")], "wait"),
    "before the estimated delivery": ([("stage", "on_the_way"), ("shipped", "2026-11-10"), ("tracking", "no_updates"),
                                       ("eta", "2026-12-10"), ("contacted", "no")], "wait"),
    "returned to seller": ([("stage", "on_the_way"), ("shipped", "2026-10-15"), ("tracking", "returned_to_seller")],
                           "open_dispute"),
    "delivered but missing": ([("stage", "delivered_missing"), ("shipped", "2026-11-01"), ("contacted", "no")],
                              "contact_seller"),
    "delivered but missing, seller silent": ([("stage", "delivered_missing"), ("shipped", "2026-11-01"),
                                              ("contacted", "2026-11-23")], "open_dispute"),
    "received, all fine": ([("stage", "received"), ("problem", "none"), ("shipped", "2026-11-01"), ("receipt", "no")],
                           "confirm_receipt"),
    "received, broken": ([("stage", "received"), ("problem", "not_as_described"), ("shipped", "2026-11-01"),
                          ("receipt", "no")], "open_dispute"),
    "received, fake": ([("stage", "received"), ("problem", "fake"), ("shipped", "2026-11-01"),
                        ("receipt", "2026-11-20")], "open_dispute"),
    "received, wrong item": ([("stage", "received"), ("problem", "wrong_item"), ("shipped", "2026-11-01"),
                              ("receipt", "no")], "open_dispute"),
    "received, slightly off": ([("stage", "received"), ("problem", "slightly_imperfect"), ("shipped", "2026-11-01"),
                                ("receipt", "no"), ("total", "30 USD"), ("wanted", "8")], "open_dispute"),
    "received, parts missing": ([("stage", "received"), ("problem", "incomplete"), ("shipped", "2026-11-01"),
                                 ("receipt", "no"), ("total", "40 EUR"), ("missing", "12.5")], "open_dispute"),
    "received, wrong shipping, paid and late": ([("stage", "received"), ("problem", "wrong_shipping_method"),
                                                 ("shipped", "2026-11-01"), ("receipt", "no"), ("total", "30 USD"),
                                                 ("shipping", "5"), ("late", "yes")], "open_dispute"),
    "received, wrong shipping, free": ([("stage", "received"), ("problem", "wrong_shipping_method"),
                                        ("shipped", "2026-11-01"), ("receipt", "no"), ("total", "30 USD"),
                                        ("shipping", "0")], "confirm_receipt"),
    "received, changed my mind": ([("stage", "received"), ("problem", "changed_mind"), ("shipped", "2026-11-01"),
                                   ("receipt", "no"), ("free_return", "no")], "open_dispute"),
    "received, too late to dispute": ([("stage", "received"), ("problem", "fake"), ("shipped", "2026-08-01"),
                                       ("receipt", "2026-09-01")], "contact_support"),
    "dispute open, item fine after all": ([("stage", "dispute_open"), ("dispute_about", "none"),
                                           ("shipped", "2026-11-01")], "cancel_dispute"),
    "dispute open, judged invalid, still moving": ([("stage", "dispute_open"), ("dispute_about", "not_arrived"),
                                                    ("judgement", "invalid"), ("moving", "yes"),
                                                    ("shipped", "2026-11-01")], "cancel_dispute"),
    "dispute open, AliExpress offer": ([("stage", "dispute_open"), ("dispute_about", "fake"), ("total", "50 USD"),
                                        ("seller_offer", "20"), ("aliexpress_offer", "50"),
                                        ("negotiation", "2026-11-29")], "accept_aliexpress_offer"),
    "dispute open, seller gives what was asked": ([("stage", "dispute_open"), ("dispute_about", "slightly_imperfect"),
                                                   ("total", "50 USD"), ("asked", "10"), ("seller_offer", "10"),
                                                   ("aliexpress_offer", "no")], "accept_seller_offer"),
    "dispute open, seller offer needs a return": ([("stage", "dispute_open"), ("dispute_about", "not_as_described"),
                                                   ("total", "50 USD"), ("seller_offer", "50 return"),
                                                   ("aliexpress_offer", "no")], "wait"),
    "dispute open, no offer yet": ([("stage", "dispute_open"), ("dispute_about", "not_arrived"),
                                    ("judgement", "none"), ("total", "50 USD"), ("seller_offer", "no"),
                                    ("aliexpress_offer", "no")], "wait"),
    "dispute closed, unfair, in time": ([("stage", "dispute_closed"), ("satisfied", "no"), ("closed", "2026-11-24")],
                                        "appeal"),
    "dispute closed, unfair, too late": ([("stage", "dispute_closed"), ("satisfied", "no"),
                                          ("closed", "2026-11-01")], "contact_support"),
    "dispute closed, refund arrived": ([("stage", "dispute_closed"), ("satisfied", "yes"), ("refund", "received")],
                                       "nothing_to_do"),
    "dispute closed, refund overdue": ([("stage", "dispute_closed"), ("satisfied", "yes"), ("refund", "processed"),
                                        ("processed", "2026-10-01")], "check_with_bank"),
    "dispute closed, refund on its way": ([("stage", "dispute_closed"), ("satisfied", "yes"), ("refund", "processed"),
                                           ("processed", "2026-11-24")], "wait"),
    "dispute closed, refund not processed": ([("stage", "dispute_closed"), ("satisfied", "yes"),
                                              ("refund", "not_yet")], "wait"),
}

# The plan's headline icon per action (ui/plan_view.py), used only when core can't be imported.
ACTION_ICONS = {
    "cancel_order": ":material/cancel:", "request_cancellation": ":material/cancel_schedule_send:",
    "wait": ":material/hourglass_top:", "contact_seller": ":material/chat:", "open_dispute": ":material/gavel:",
    "cancel_dispute": ":material/undo:", "accept_seller_offer": ":material/handshake:",
    "accept_aliexpress_offer": ":material/handshake:", "appeal": ":material/campaign:",
    "contact_support": ":material/support_agent:", "check_with_bank": ":material/account_balance:",
    "confirm_receipt": ":material/inventory:", "nothing_to_do": ":material/check_circle:",
}
CURRENCY_CHOICES = ("USD", "EUR", "GBP", "PLN", "BRL", "CAD", "AUD")
SCALES = (Decimal("0.5"), Decimal("1"), Decimal("1.5"), Decimal("2"), Decimal("3"), Decimal("4"))
MONEY_KEYS = ("total", "missing", "shipping", "asked")
OFFER_KEYS = ("seller_offer", "aliexpress_offer")

# An order label as it can appear in a frame: raw, URL-encoded (no change) or
# Markdown-escaped ("order\-3\-ab12cd").
LABEL_RE = re.compile(rb"order\\?-(\d+)\\?-([0-9a-z]{6})(?![0-9a-z])")
HEADLINE_RE = re.compile(r"^### (:material/[a-z_]+:) (.*)$", re.S)


def unescape_markdown(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


# --------------------------------------------------------------------------- core oracle

class Oracle:
    """What the plan must be for a given set of answers: core's own answer, when importable."""

    def __init__(self) -> None:
        self.error: str | None = None
        try:
            from core import advise
            from core.wizard import Details, money_answer, questions, to_case

            self._advise, self._to_case, self._details = advise, to_case, Details
            self.money_answer = money_answer
            self.questions = questions()
        except Exception as exc:  # a broken working tree must not hide the load figures
            self.error = f"{type(exc).__name__}: {exc}"
            self.questions = None

            def money_answer(amount, currency):
                return f"{Decimal(str(amount)).quantize(Decimal('0.01'))} {currency}"

            self.money_answer = money_answer

    def kind(self, key: str) -> str:
        if self.questions is not None:
            return self.questions[key].kind
        if key in MONEY_KEYS:
            return "money"
        if key in OFFER_KEYS:
            return "offer"
        if key in ("shipped", "closed", "processed"):
            return "date"
        if key in ("eta", "contacted", "receipt", "negotiation"):
            return "date_or_no"
        return "choice"

    def choice_values(self, key: str) -> list[str] | None:
        if self.questions is None:
            return None
        return [c.value for c in self.questions[key].choices]

    def plan(self, answers: dict[str, str], label: str | None) -> tuple[str, str] | None:
        """(action, headline) for these answers today, or None when core isn't available."""
        if self.error is not None:
            return None
        today = dt.date.today()
        case = self._to_case(answers, today, self._details(label=label))
        plan = self._advise(case, today=today)
        return plan.action, plan.headline


# --------------------------------------------------------------------------- sessions' plans

@dataclass
class Step:
    key: str
    kind: str
    value: str          # the answer as the session means it: "not_shipped", "2026-11-01", "no", "12.50", "50 return"
    stored: str         # the answer as the app stores it (and as it goes in a link)
    currency: str = ""  # for "total"


@dataclass
class RouteRun:
    name: str
    table_action: str
    steps: list[Step]
    label: str
    start_at: int               # how many answers the opening link already holds (reload routes only)
    via_link: bool              # opened from a fresh link (new server session) or after "Start over"

    def answers(self, upto: int | None = None) -> dict[str, str]:
        return {s.key: s.stored for s in self.steps[: len(self.steps) if upto is None else upto]}


def make_route(rng: random.Random, uid: int, oracle: Oracle, via_link: bool, name: str | None = None) -> RouteRun:
    """A route with this session's own answers: amounts scaled, a currency, a fresh label, maybe mid-route."""
    name = name or rng.choice(list(ROUTES))
    raw_steps, action = ROUTES[name]
    shift = dt.date.today() - ROUTES_DAY
    scale = rng.choice(SCALES)
    currency = rng.choice(CURRENCY_CHOICES)
    steps: list[Step] = []
    for key, value in raw_steps:
        kind = oracle.kind(key)
        if kind in ("date", "date_or_no") and value != "no":
            value = (dt.date.fromisoformat(value) + shift).isoformat()
            steps.append(Step(key, kind, value, value))
        elif kind == "money":
            amount = (Decimal(value.split(" ")[0]) * scale).quantize(Decimal("0.01"))
            steps.append(Step(key, kind, str(amount), oracle.money_answer(amount, currency), currency))
        elif kind == "offer" and value != "no":
            amount = (Decimal(value.split(" ")[0]) * scale).quantize(Decimal("0.01"))
            ret = value.endswith(" return")
            stored = oracle.money_answer(amount, currency) + (" return" if ret else "")
            steps.append(Step(key, kind, str(amount) + (" return" if ret else ""), stored))
        else:
            steps.append(Step(key, kind, value, value))
    suffix = "".join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(6))
    start_at = 0
    if via_link and rng.random() < 0.4:
        start_at = rng.randrange(1, len(steps))  # a link mid-route: the first answers are already in it
    return RouteRun(name, action, steps, f"order-{uid}-{suffix}", start_at, via_link)


# --------------------------------------------------------------------------- protocol

class SessionError(Exception):
    """Something a visitor would notice: an exception, a wrong screen, a refused answer, a dropped socket."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind
        self.detail = detail


@dataclass
class Run:
    """The ForwardMsgs of one script run, from the rerun request to script_finished."""

    started: float
    elements: list = field(default_factory=list)  # (element type, proto)
    finished: float | None = None
    status: int | None = None
    done: asyncio.Event = field(default_factory=asyncio.Event)

    def widget(self, key: str):
        """The widget proto whose element id ends with this key, or None."""
        for kind, el in self.elements:
            element_id = getattr(el, "id", "")
            if element_id and element_id.split("-", 2)[-1] == key:
                return el
        return None

    def of(self, kind: str) -> list:
        return [el for k, el in self.elements if k == kind]

    def exception_text(self) -> str | None:
        for el in self.of("exception"):
            return f"{el.type}: {el.message}"[:300]
        return None

    def headline(self) -> tuple[str, str] | None:
        for el in self.of("markdown"):
            match = HEADLINE_RE.match(el.body)
            if match:
                return match.group(1), unescape_markdown(match.group(2))
        return None

    def alerts(self, fmt: int) -> list:
        return [el for el in self.of("alert") if el.format == fmt]

    def screen(self) -> str:
        """A short description of what the run showed, for error messages."""
        parts = [el.body for el in self.of("heading")][:3] + [el.body for el in self.of("alert")][:2]
        return " | ".join(p[:80] for p in parts)


class Connection:
    """One browser tab: a websocket to /_stcore/stream and the frontend's bookkeeping."""

    MAX_CACHE = 256

    def __init__(self, port: int, stats: Stats, timeout: float) -> None:
        self.port = port
        self.stats = stats
        self.timeout = timeout
        self.ws = None
        self.reader: asyncio.Task | None = None
        self.query_string = ""
        self.page_script_hash = ""
        self.widget_values: dict[str, WidgetState] = {}
        self.cache: collections.OrderedDict[str, ForwardMsg] = collections.OrderedDict()
        self.run: Run | None = None
        self.closed_reason: str | None = None
        self.labels_seen: set[bytes] = set()
        self.labels_mine: set[bytes] = set()
        self.last: Run | None = None
        self.answered = 0
        self.opened_at = time.perf_counter()

    # ---- connection
    async def open(self, query_string: str) -> Run:
        self.query_string = query_string
        url = f"ws://127.0.0.1:{self.port}/_stcore/stream"
        self.stats.connections_opened += 1
        try:
            self.ws = await asyncio.wait_for(websockets.connect(
                url, subprotocols=["streamlit"], origin=f"http://127.0.0.1:{self.port}",
                max_size=None, open_timeout=self.timeout, close_timeout=5), self.timeout)
        except Exception as exc:
            raise SessionError("connect", f"{type(exc).__name__}: {exc}") from exc
        self.reader = asyncio.create_task(self._read())
        return await self.rerun(initial=True)

    async def close(self) -> None:
        if self.ws is not None:
            try:
                await self.ws.close()
            except Exception:
                pass
        if self.reader is not None:
            try:
                await asyncio.wait_for(self.reader, 5)
            except (asyncio.TimeoutError, asyncio.CancelledError, Exception):
                self.reader.cancel()
        self.stats.connections_closed += 1

    async def _read(self) -> None:
        try:
            async for data in self.ws:
                self.stats.frames_in += 1
                self.stats.bytes_in += len(data)
                for match in LABEL_RE.finditer(data):
                    self.labels_seen.add(b"order-%s-%s" % (match.group(1), match.group(2)))
                msg = ForwardMsg()
                msg.ParseFromString(data)
                kind = msg.WhichOneof("type")
                if kind == "ref_hash":
                    cached = self.cache.get(msg.ref_hash)
                    if cached is None:
                        self.closed_reason = f"unknown ref_hash {msg.ref_hash}"
                        break
                    for match in LABEL_RE.finditer(cached.SerializeToString()):
                        self.labels_seen.add(b"order-%s-%s" % (match.group(1), match.group(2)))
                    msg, kind = cached, cached.WhichOneof("type")
                elif msg.metadata.cacheable and msg.hash:
                    self.cache[msg.hash] = msg
                    while len(self.cache) > self.MAX_CACHE:
                        self.cache.popitem(last=False)
                self._handle(msg, kind)
        except websockets.ConnectionClosed as exc:
            self.closed_reason = f"closed {exc.code if hasattr(exc, 'code') else ''} {exc}"
        except Exception as exc:  # pragma: no cover - reported as a session error
            self.closed_reason = f"{type(exc).__name__}: {exc}"
        finally:
            if self.closed_reason is None:
                self.closed_reason = "closed"
            if self.run is not None:
                self.run.done.set()

    def _handle(self, msg: ForwardMsg, kind: str) -> None:
        run = self.run
        if kind == "navigation":
            if msg.navigation.page_script_hash:
                self.page_script_hash = msg.navigation.page_script_hash
        elif kind == "page_info_changed":
            self.query_string = msg.page_info_changed.query_string
        if run is None:
            if kind not in ("session_status_changed", "heartbeat_ack", "page_info_changed"):
                self.stats.stray_messages += 1
            return
        if kind == "delta":
            delta = msg.delta
            if delta.WhichOneof("type") == "new_element":
                element = delta.new_element
                el_kind = element.WhichOneof("type")
                run.elements.append((el_kind, getattr(element, el_kind)))
        elif kind == "script_finished":
            if msg.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                run.elements.clear()  # another run follows; only its screen counts
                return
            run.status = msg.script_finished
            run.finished = time.perf_counter()
            run.done.set()

    # ---- the frontend's side
    async def rerun(self, changes: list[WidgetState] = (), initial: bool = False) -> Run:
        """Send a rerun_script with the current widget states plus `changes`; wait for script_finished."""
        if self.closed_reason is not None and not initial:
            raise SessionError("disconnected", self.closed_reason)
        back = BackMsg()
        state = back.rerun_script
        state.query_string = self.query_string
        state.page_script_hash = self.page_script_hash
        info = state.context_info
        info.url = f"http://127.0.0.1:{self.port}/" + (f"?{self.query_string}" if self.query_string else "")
        info.locale = "en-US"
        info.timezone = "UTC"
        info.timezone_offset = 0
        info.color_scheme = "light"
        info.is_embedded = False
        for change in changes:
            if not change.trigger_value:
                self.widget_values[change.id] = change
        sent = {**self.widget_values}
        for change in changes:
            sent[change.id] = change
        state.widget_states.widgets.extend(sent.values())
        state.cached_message_hashes.extend(self.cache.keys())
        run = Run(started=time.perf_counter())
        self.run = run
        try:
            await self.ws.send(back.SerializeToString())
        except Exception as exc:
            raise SessionError("send", f"{type(exc).__name__}: {exc}") from exc
        try:
            await asyncio.wait_for(run.done.wait(), self.timeout)
        except asyncio.TimeoutError as exc:
            raise SessionError("timeout", f"no script_finished within {self.timeout:.0f} s") from exc
        finally:
            self.run = None
        if run.finished is None:
            raise SessionError("disconnected", self.closed_reason or "")
        self.stats.reruns += 1
        # Like the frontend, forget values of widgets the run didn't draw.
        drawn = {getattr(el, "id", "") for _kind, el in run.elements}
        self.widget_values = {k: v for k, v in self.widget_values.items() if k in drawn}
        exception = run.exception_text()
        if exception:
            raise SessionError("exception", exception)
        if run.status != ForwardMsg.FINISHED_SUCCESSFULLY:
            raise SessionError("script_status", str(run.status))
        self.last = run
        return run


def widget_change(element_id: str, **value) -> WidgetState:
    state = WidgetState(id=element_id)
    for name, v in value.items():
        if name == "string_array_value":
            state.string_array_value.data.extend(v)
        else:
            setattr(state, name, v)
    return state


# --------------------------------------------------------------------------- statistics

@dataclass
class Stats:
    name: str
    users_started: int = 0
    users_completed: int = 0
    connections_opened: int = 0
    connections_closed: int = 0
    routes_completed: int = 0
    routes_by_user: collections.Counter = field(default_factory=collections.Counter)
    plans_checked: int = 0
    plans_by_core: int = 0
    table_drift: collections.Counter = field(default_factory=collections.Counter)
    steps: int = 0
    reruns: int = 0
    frames_in: int = 0
    bytes_in: int = 0
    stray_messages: int = 0
    step_ms: list = field(default_factory=list)
    input_ms: list = field(default_factory=list)
    load_ms: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # (user, kind, detail)
    leaks: list = field(default_factory=list)   # (user, label, owner)
    own_label_checks: int = 0
    own_label_seen: int = 0
    windows: list = field(default_factory=list)  # (opened, closed) per connection, for live server sessions

    def error(self, uid: int, err: SessionError) -> None:
        self.errors.append((uid, err.kind, err.detail[:300]))


def pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def rnd(value, digits=1):
    return None if value is None else round(value, digits)


# --------------------------------------------------------------------------- the server

def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def venv_python() -> str:
    candidate = REPO / ".venv" / "bin" / "python"
    return str(candidate) if candidate.exists() else sys.executable


class Server:
    """`streamlit run SCRIPT` on a free loopback port, with RSS and CPU sampling."""

    def __init__(self, script: Path, name: str, options: list[str], log_dir: Path) -> None:
        self.script, self.name, self.options = script, name, options
        self.log_path = log_dir / f"{name}-server.log"
        self.proc: subprocess.Popen | None = None
        self.ps: psutil.Process | None = None
        self.port = 0
        self.samples: list[tuple[float, float]] = []  # (time, rss MB)
        self._sampler: asyncio.Task | None = None
        self.log = None

    def start(self, timeout: float = 60.0) -> None:
        self.port = free_port()
        cmd = [venv_python(), "-m", "streamlit", "run", str(self.script),
               "--server.headless", "true", "--server.address", "127.0.0.1", "--server.port", str(self.port),
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
               "--server.runOnSave", "false"]
        for option in self.options:
            key, _sep, value = option.partition("=")
            cmd += [f"--{key.removeprefix('--')}", value]
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen(cmd, cwd=REPO, stdout=self.log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL)
        self.ps = psutil.Process(self.proc.pid)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} server exited with {self.proc.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/_stcore/health", timeout=2) as reply:
                    if reply.read().strip() == b"ok":
                        return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"{self.name} server not healthy after {timeout:.0f} s; see {self.log_path}")

    def rss_mb(self) -> float:
        return self.ps.memory_info().rss / 2**20

    def cpu_s(self) -> float:
        times = self.ps.cpu_times()
        return times.user + times.system

    async def sample_forever(self, every: float = 0.1) -> None:
        while True:
            try:
                self.samples.append((time.perf_counter(), self.rss_mb()))
            except psutil.Error:
                return
            await asyncio.sleep(every)

    def start_sampling(self) -> None:
        self._sampler = asyncio.create_task(self.sample_forever())

    async def stop_sampling(self) -> None:
        if self._sampler is not None:
            self._sampler.cancel()
            try:
                await self._sampler
            except asyncio.CancelledError:
                pass

    def stop(self) -> None:
        """Stop the server this script started (by its own pid), then close its log."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        if self.log is not None:
            self.log.close()

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


# --------------------------------------------------------------------------- the wizard visitor

class WizardVisitor:
    """One person on the wizard: routes one after the other until the time is up."""

    MAX_ERRORS = 10  # a person who keeps hitting errors gives up

    def __init__(self, uid: int, port: int, stats: Stats, oracle: Oracle, cfg: argparse.Namespace,
                 deadline: float, registry: dict[bytes, int], seed: int) -> None:
        self.uid, self.port, self.stats, self.oracle, self.cfg = uid, port, stats, oracle, cfg
        self.deadline = deadline
        self.registry = registry
        self.rng = random.Random(seed * 1_000_003 + uid)
        self.conn: Connection | None = None
        self.routes_done = 0

    def until(self) -> float:
        """The deadline; with --min-routes, a session still short of them gets up to --grace more seconds."""
        if self.routes_done < getattr(self.cfg, "min_routes", 0):
            return self.deadline + getattr(self.cfg, "grace", 0.0)
        return self.deadline

    def time_left(self) -> bool:
        return time.perf_counter() < self.until()

    async def think(self, factor: float = 1.0) -> bool:
        """Pause like a person reading; False when the time is up."""
        low, high = self.cfg.think
        pause = self.rng.uniform(low, high) * factor
        remaining = self.until() - time.perf_counter()
        if remaining <= 0:
            return False
        await asyncio.sleep(min(pause, remaining))
        return self.time_left()

    async def act(self, changes: list[WidgetState], step: bool) -> Run:
        run = await self.conn.rerun(changes)
        (self.stats.step_ms if step else self.stats.input_ms).append((run.finished - run.started) * 1000)
        return run

    async def open_link(self, route: RouteRun) -> Run:
        if self.conn is not None:
            await self.close_conn()
        params = route.answers(route.start_at)
        params["label"] = route.label
        self.conn = Connection(self.port, self.stats, self.cfg.run_timeout)
        self.conn.labels_mine.add(route.label.encode())
        self.registry[route.label.encode()] = self.uid
        run = await self.conn.open(urlencode(params))
        self.stats.load_ms.append((run.finished - run.started) * 1000)
        return run

    async def close_conn(self) -> None:
        conn, self.conn = self.conn, None
        if conn is None:
            return
        await conn.close()
        self.stats.windows.append((conn.opened_at, time.perf_counter()))
        foreign = conn.labels_seen - conn.labels_mine
        for label in sorted(foreign):
            self.stats.leaks.append((self.uid, label.decode(), self.registry.get(label)))
        if conn.labels_mine and conn.answered:
            # Positive control: once a session has answered, its label is in its URL (and plan).
            self.stats.own_label_checks += 1
            self.stats.own_label_seen += bool(conn.labels_seen & conn.labels_mine)

    def expect_question(self, run: Run, route: RouteRun, index: int) -> None:
        """The run must show question `index` of the route (or the plan when past the end)."""
        if index >= len(route.steps):
            return self.check_plan(run, route)
        key = route.steps[index].key
        if run.widget(f"q_{key}_value") is None:
            errors = [el.body for el in run.alerts(Alert.ERROR)]
            if errors:
                raise SessionError("answer_refused", f"{route.name}: before {key}: {errors[0][:200]}")
            raise SessionError("wrong_screen", f"{route.name}: expected {key}, saw: {run.screen()}")
        if run.headline() is not None:
            raise SessionError("plan_on_question", f"{route.name}: a plan headline on question {key}")
        notes = [el.body for el in run.alerts(Alert.INFO) if "link" in el.icon or "link" in el.body.lower()]
        if notes:
            raise SessionError("link_note", f"{route.name}: {notes[0][:200]}")

    def check_plan(self, run: Run, route: RouteRun, named: bool = False) -> None:
        headline = run.headline()
        if headline is None:
            errors = [el.body for el in run.alerts(Alert.ERROR)]
            raise SessionError("no_plan", f"{route.name}: {errors[0][:200] if errors else run.screen()}")
        icon, text = headline
        self.stats.plans_checked += 1
        expected = self.oracle.plan(route.answers(), route.label if route.via_link or named else None)
        if expected is not None:
            self.stats.plans_by_core += 1
            action, wanted = expected
            if action != route.table_action:
                self.stats.table_drift[f"{route.name}: {route.table_action} -> {action}"] += 1
            if text != wanted:
                raise SessionError("plan_mismatch", f"{route.name}: got {text!r}, expected {wanted!r}")
        elif icon != ACTION_ICONS.get(route.table_action):
            raise SessionError("plan_mismatch", f"{route.name}: got {icon} {text!r}, expected {route.table_action}")

    async def answer(self, step: Step) -> Run:
        """Answer the question on screen like a person: pick, or fill in then tap Next."""
        run = self.conn.last
        key = step.key
        if step.kind == "choice":
            radio = run.widget(f"q_{key}_value")
            values = self.oracle.choice_values(key)
            index = values.index(step.value) if values else None
            if index is None:  # without core: the options' order is the ROUTES' value order is unknown
                raise SessionError("setup", f"no choice list for {key}: {self.oracle.error}")
            return await self.act([widget_change(radio.id, string_value=radio.options[index])], step=True)
        if step.value == "no":
            button = run.widget(f"q_{key}_no")
            return await self.act([widget_change(button.id, trigger_value=True)], step=True)
        if step.kind in ("date", "date_or_no"):
            picker = run.widget(f"q_{key}_value")
            shown = list(picker.value) if picker.set_value else list(picker.default)
            if shown != [step.value]:
                run = await self.act([widget_change(picker.id, string_array_value=[step.value])], step=False)
                if not await self.think(0.5):
                    return None
        elif step.kind == "money":
            if key == "total":
                box = run.widget("q_total_currency")
                current = box.raw_value if box.set_value else (box.options[box.default] if box.HasField("default") else "")
                if current != step.currency:
                    run = await self.act([widget_change(box.id, string_value=step.currency)], step=False)
                    if not await self.think(0.5):
                        return None
            field_ = run.widget(f"q_{key}_value")
            run = await self.act([widget_change(field_.id, double_value=float(step.value))], step=False)
            if not await self.think(0.5):
                return None
        elif step.kind == "offer":
            amount, _sep, extra = step.value.partition(" ")
            field_ = run.widget(f"q_{key}_value")
            run = await self.act([widget_change(field_.id, double_value=float(amount))], step=False)
            if extra == "return":
                if not await self.think(0.5):
                    return None
                box = run.widget(f"q_{key}_return")
                run = await self.act([widget_change(box.id, bool_value=True)], step=False)
            if not await self.think(0.5):
                return None
        next_button = run.widget(f"q_{key}_next")
        if next_button is None:
            raise SessionError("wrong_screen", f"no Next for {key}: {run.screen()}")
        return await self.act([widget_change(next_button.id, trigger_value=True)], step=True)

    async def walk(self, route: RouteRun) -> bool:
        """Walk one route to its plan; False when the time ran out on the way."""
        if route.via_link:
            run = await self.open_link(route)
        else:
            run = self.conn.last
        self.expect_question(run, route, route.start_at)
        for index in range(route.start_at, len(route.steps)):
            if not await self.think():
                return False
            run = await self.answer(route.steps[index])
            if run is None:
                return False
            self.stats.steps += 1
            self.conn.answered += 1
            self.expect_question(run, route, index + 1)
        if not route.via_link:
            # Name the order on the plan, in the box above the messages: the name goes in the URL and messages.
            if not await self.think():
                return True
            box = run.widget("detail_label")
            if box is not None:
                self.conn.labels_mine.add(route.label.encode())
                self.registry[route.label.encode()] = self.uid
                run = await self.act([widget_change(box.id, string_value=route.label)], step=False)
                self.check_plan(run, route, named=True)
        return True

    async def start_over(self) -> None:
        run = self.conn.last
        button = run.widget("start_over")
        if button is None:
            raise SessionError("wrong_screen", f"no Start over: {run.screen()}")
        run = await self.act([widget_change(button.id, trigger_value=True)], step=False)
        if run.widget("q_stage_value") is None:
            raise SessionError("wrong_screen", f"Start over did not go back to the first question: {run.screen()}")

    async def live(self, start_delay: float) -> None:
        await asyncio.sleep(start_delay)
        if not self.time_left():
            return
        self.stats.users_started += 1
        via_link = True
        errors = 0
        try:
            while self.time_left():
                route = make_route(self.rng, self.uid, self.oracle, via_link)
                try:
                    if not await self.walk(route):
                        break
                    self.stats.routes_completed += 1
                    self.stats.routes_by_user[self.uid] += 1
                    self.routes_done += 1
                    if not await self.think():
                        break
                    # Next situation: two times in three "Start over" in the same tab, else a fresh link (reload).
                    via_link = self.rng.random() < 1 / 3
                    if not via_link:
                        await self.start_over()
                except SessionError as err:
                    # What a person would do after a broken screen: reload from a fresh link.
                    self.stats.error(self.uid, err)
                    errors += 1
                    if errors >= self.MAX_ERRORS or err.kind in ("connect", "loadgen"):
                        return
                    await self.close_conn()
                    via_link = True
                    if not await self.think():
                        break
            self.stats.users_completed += 1
        except Exception as err:  # a bug in this script must show, not hang
            self.stats.error(self.uid, SessionError("loadgen", f"{type(err).__name__}: {err}"))
        finally:
            await self.close_conn()


class FloorVisitor(WizardVisitor):
    """One person on the floor app: change the radio, click the button, again and again."""

    ROUTE_LENGTH = 5

    async def live(self, start_delay: float) -> None:
        await asyncio.sleep(start_delay)
        if not self.time_left():
            return
        self.stats.users_started += 1
        try:
            label = f"order-{self.uid}-" + "".join(self.rng.choice(string.ascii_lowercase) for _ in range(6))
            self.conn = Connection(self.port, self.stats, self.cfg.run_timeout)
            self.registry[label.encode()] = self.uid  # the floor doesn't show it; any sighting is a leak
            run = await self.conn.open(urlencode({"label": label}))
            self.stats.load_ms.append((run.finished - run.started) * 1000)
            done = 0
            while await self.think():
                radio, button = run.widget("floor_radio"), run.widget("floor_button")
                if radio is None or button is None:
                    raise SessionError("wrong_screen", run.screen())
                if done % 2 == 0:
                    current = radio.raw_value if radio.set_value else radio.options[radio.default]
                    choice = self.rng.choice([o for o in radio.options if o != current])
                    run = await self.act([widget_change(radio.id, string_value=choice)], step=True)
                else:
                    run = await self.act([widget_change(button.id, trigger_value=True)], step=True)
                self.stats.steps += 1
                done += 1
                if done % self.ROUTE_LENGTH == 0:
                    self.stats.routes_completed += 1
                    self.stats.routes_by_user[self.uid] += 1
                    self.routes_done += 1
            self.stats.users_completed += 1
        except SessionError as err:
            self.stats.error(self.uid, err)
        except Exception as err:
            self.stats.error(self.uid, SessionError("loadgen", f"{type(err).__name__}: {err}"))
        finally:
            await self.close_conn()
        self.conn = None


# --------------------------------------------------------------------------- one measured load

async def warm_up(server: Server, cls, oracle: Oracle, cfg: argparse.Namespace, registry: dict) -> Connection:
    """One session through a whole route (every import done), left connected as the baseline session."""
    stats = Stats("warm-up")
    if cls is FloorVisitor:
        conn = Connection(server.port, stats, cfg.run_timeout)
        run = await conn.open("")
        for _ in range(2):
            radio = run.widget("floor_radio")
            run = await conn.rerun([widget_change(radio.id, string_value=radio.options[1])])
            button = run.widget("floor_button")
            run = await conn.rerun([widget_change(button.id, trigger_value=True)])
        return conn
    fast = argparse.Namespace(**{**vars(cfg), "think": (0.0, 0.0)})
    visitor = cls(10_000, server.port, stats, oracle, fast, time.perf_counter() + 120, registry, cfg.seed)
    # A long route whose plan draws a chart, messages and every kind of question widget.
    route = make_route(random.Random(cfg.seed), 10_000, oracle, True, name="received, parts missing")
    route.start_at = 0
    try:
        await visitor.walk(route)
    except SessionError:
        await visitor.close_conn()
        raise
    conn, visitor.conn = visitor.conn, None
    return conn


async def measure(name: str, script: Path, cls, oracle: Oracle, cfg: argparse.Namespace, log_dir: Path) -> dict:
    stats = Stats(name)
    server = Server(script, name, cfg.server_opt, log_dir)
    t0 = time.perf_counter()
    try:
        server.start()
    except RuntimeError as exc:
        server.stop()
        print(f"error: {exc}\n{server.log_tail()}", file=sys.stderr)
        raise SystemExit(2) from None
    startup_s = time.perf_counter() - t0
    result: dict = {"script": os.path.relpath(script, REPO), "port": server.port, "startup_s": round(startup_s, 2)}
    registry: dict[bytes, int] = {}
    server.start_sampling()
    try:
        settle = 0.3 if cfg.duration < 30 else 1.0
        await asyncio.sleep(settle)
        rss_idle = server.rss_mb()
        try:
            baseline_conn = await warm_up(server, cls, oracle, cfg, registry)
        except SessionError as err:  # counted, and the load still runs: other routes may work
            stats.error(-1, SessionError(err.kind, "warm-up: " + err.detail))
            baseline_conn = None
        await asyncio.sleep(settle)
        rss_baseline = server.rss_mb()
        cpu0 = server.cpu_s()
        own0 = psutil.Process().cpu_times()
        sys0 = psutil.cpu_times()
        loadavg0 = os.getloadavg()[0]
        load_start = time.perf_counter()
        deadline = load_start + cfg.duration
        visitors = [cls(uid, server.port, stats, oracle, cfg, deadline, registry, cfg.seed)
                    for uid in range(cfg.sessions)]
        ramp = min(cfg.ramp, cfg.duration / 2)
        tasks = [asyncio.create_task(v.live(ramp * uid / max(cfg.sessions, 1))) for uid, v in enumerate(visitors)]
        # Bounded: a visitor stops at the deadline, and an in-flight run times out after --run-timeout.
        done, pending = await asyncio.wait(tasks, timeout=cfg.duration + cfg.grace * (cfg.min_routes > 0)
                                           + cfg.run_timeout * 4 + 30)
        for task in pending:
            task.cancel()
            stats.errors.append((-1, "hung", "a visitor did not stop in time"))
        load_end = time.perf_counter()
        cpu1 = server.cpu_s()
        own1 = psutil.Process().cpu_times()
        sys1 = psutil.cpu_times()
        rss_end = server.rss_mb()
        load_samples = [rss for t, rss in server.samples if load_start <= t <= load_end]
        rss_peak = max(load_samples, default=rss_end)
        if baseline_conn is not None:
            await baseline_conn.close()
        await asyncio.sleep(settle)
        rss_closed = server.rss_mb()
        result.update(summarize(stats, cfg, server, rss_idle, rss_baseline, rss_peak, rss_end, rss_closed,
                                load_start, load_end, cpu1 - cpu0,
                                (own1.user + own1.system) - (own0.user + own0.system)))
        # The machine is shared: what everything else used at the same time colours the figures.
        wall = load_end - load_start
        busy = (sum(sys1) - sys1.idle - getattr(sys1, "iowait", 0)) - (sum(sys0) - sys0.idle - getattr(sys0, "iowait", 0))
        own = (own1.user + own1.system) - (own0.user + own0.system)
        result["machine_during_load"] = {
            "cpu_busy_percent_of_all_cores": rnd(100 * busy / wall / (os.cpu_count() or 1)),
            "other_processes_cpu_percent_of_one_core": rnd(max(0.0, 100 * (busy - (cpu1 - cpu0) - own) / wall)),
            "loadavg_1min_at_start": round(loadavg0, 2),
            "loadavg_1min_at_end": round(os.getloadavg()[0], 2),
        }
        return result
    finally:
        await server.stop_sampling()
        server.stop()


def live_sessions_peak(windows: list[tuple[float, float]], ttl: float) -> int:
    """Most server sessions alive at once: connected, or disconnected less than the TTL ago."""
    events = []
    for opened, closed in windows:
        events += [(opened, 1), (closed + ttl, -1)]
    alive = peak = 0
    for _t, delta in sorted(events):
        alive += delta
        peak = max(peak, alive)
    return peak


def summarize(stats: Stats, cfg, server: Server, rss_idle, rss_baseline, rss_peak, rss_end, rss_closed,
              load_start, load_end, server_cpu_s, loadgen_cpu_s=0.0) -> dict:
    wall = max(load_end - load_start, 1e-9)
    kinds = collections.Counter(kind for _uid, kind, _detail in stats.errors)
    per_session = None
    if rss_baseline is not None and cfg.sessions:
        per_session = (rss_peak - rss_baseline) / cfg.sessions
    routes = [stats.routes_by_user.get(uid, 0) for uid in range(cfg.sessions)]
    return {
        "sessions_started": stats.users_started,
        "sessions_completed": stats.users_completed,
        "sessions_with_a_route": sum(1 for r in routes if r > 0),
        "routes_completed": stats.routes_completed,
        "routes_per_session_min": min(routes, default=0),
        "connections_opened": stats.connections_opened,
        "server_sessions_alive_peak": live_sessions_peak(stats.windows, 120.0) + 1,
        "steps": stats.steps,
        "reruns": stats.reruns,
        "reruns_per_s": round(stats.reruns / wall, 2),
        "errors": len(stats.errors),
        "error_kinds": dict(kinds),
        "error_samples": [f"session {uid}: {kind}: {detail}" for uid, kind, detail in stats.errors[:8]],
        "leaks": len(stats.leaks),
        "leak_samples": [f"session {uid} received {label} (owner: session {owner})"
                         for uid, label, owner in stats.leaks[:8]],
        "own_label_seen": f"{stats.own_label_seen}/{stats.own_label_checks}",
        "plans_checked": stats.plans_checked,
        "plans_checked_against_core": stats.plans_by_core,
        "route_table_drift": dict(stats.table_drift),
        "stray_messages": stats.stray_messages,
        "step_latency_ms": {"median": rnd(pct(stats.step_ms, 0.5)), "p95": rnd(pct(stats.step_ms, 0.95)),
                            "max": rnd(max(stats.step_ms, default=None)), "n": len(stats.step_ms)},
        "input_latency_ms": {"median": rnd(pct(stats.input_ms, 0.5)), "p95": rnd(pct(stats.input_ms, 0.95)),
                             "n": len(stats.input_ms)},
        "page_load_ms": {"median": rnd(pct(stats.load_ms, 0.5)), "p95": rnd(pct(stats.load_ms, 0.95)),
                         "n": len(stats.load_ms)},
        "rss_mb": {"idle": rnd(rss_idle), "start": rnd(rss_baseline), "peak": rnd(rss_peak),
                   "end_of_load": rnd(rss_end), "after_close": rnd(rss_closed)},
        "rss_mb_per_extra_session": rnd(per_session, 2),
        "server_cpu": {"seconds": rnd(server_cpu_s, 1), "percent_of_one_core": rnd(100 * server_cpu_s / wall),
                       "ms_per_rerun": rnd(1000 * server_cpu_s / stats.reruns, 1) if stats.reruns else None},
        "loadgen_cpu_percent_of_one_core": rnd(100 * loadgen_cpu_s / wall),
        "mb_received": rnd(stats.bytes_in / 2**20, 1),
        "load_seconds": round(wall, 1),
    }


# --------------------------------------------------------------------------- report

def ratio(a, b, digits=2):
    if a is None or b in (None, 0):
        return None
    return round(a / b, digits)


def machine() -> dict:
    mem = psutil.virtual_memory()
    return {"cpus": os.cpu_count(), "mem_total_gb": round(mem.total / 2**30, 1), "python": platform.python_version(),
            "platform": platform.platform(), "streamlit": __import__("streamlit").__version__}


def targets(app: dict) -> dict:
    p95 = app["step_latency_ms"]["p95"]
    mb = app["rss_mb_per_extra_session"]
    return {
        "errors": {"value": app["errors"], "limit": 0, "met": app["errors"] == 0},
        "leaks": {"value": app["leaks"], "limit": 0, "met": app["leaks"] == 0},
        "step_p95_ms": {"value": p95, "limit": TARGET_P95_MS, "met": p95 is not None and p95 < TARGET_P95_MS},
        "mb_per_extra_session": {"value": mb, "limit": TARGET_MB_PER_SESSION,
                                 "met": mb is not None and mb < TARGET_MB_PER_SESSION},
    }


def readable(report: dict) -> str:
    lines = [f"Load: {report['config']['sessions']} sessions x {report['config']['duration_s']:.0f} s, "
             f"think {report['config']['think_s'][0]}-{report['config']['think_s'][1]} s, "
             f"ramp {report['config']['ramp_s']} s, on {report['machine']['cpus']} CPUs "
             f"({report['date']})"]
    probe = report["post_script_gc_probe"]
    lines.append(f"mode: {gc_mode.describe(report['post_script_gc'])} (.streamlit/config.toml says "
                 f"{'on' if report['post_script_gc_in_config'] else 'off'}; server options "
                 f"{report['config']['server_opt'] or 'none'}); probe: the server reads "
                 f"postScriptGC={probe['option_as_served']}, {probe['full_collections']} full collections in "
                 f"{probe['reruns']} reruns: {'honoured' if probe['ok'] else 'NOT honoured'}")
    for name in ("app", "floor", "whatif"):
        r = report.get(name)
        if not r:
            continue
        s, m, c = r["step_latency_ms"], r["rss_mb"], r["server_cpu"]
        title = name
        if name == "whatif":
            w = report["post_script_gc_probe_whatif"]
            title = (f"what if: app with {' '.join(report['config']['whatif_server_opt'])}, "
                     f"{report['config']['whatif_duration_s']:.0f} s; probe "
                     f"{w['full_collections']} full collections in {w['reruns']} reruns, "
                     f"{'honoured' if w['ok'] else 'NOT honoured'}")
        lines += [
            f"\n[{title}] {r['script']}",
            f"  sessions started/completed: {r['sessions_started']}/{r['sessions_completed']} "
            f"(with a finished route: {r['sessions_with_a_route']}); routes: {r['routes_completed']} "
            f"(min per session {r['routes_per_session_min']}); connections: {r['connections_opened']}",
            f"  errors: {r['errors']} {r['error_kinds'] or ''}   leaks: {r['leaks']}   "
            f"plans checked: {r['plans_checked']} (against core: {r['plans_checked_against_core']}), "
            f"own label seen: {r['own_label_seen']}",
            f"  step latency: median {s['median']} ms, p95 {s['p95']} ms, max {s['max']} ms over {s['n']} steps; "
            f"input reruns median {r['input_latency_ms']['median']} ms; page load median "
            f"{r['page_load_ms']['median']} ms",
            f"  server RSS: idle {m['idle']} MB, start (1 warm session) {m['start']} MB, peak {m['peak']} MB, "
            f"end {m['end_of_load']} MB, after close {m['after_close']} MB -> "
            f"{r['rss_mb_per_extra_session']} MB per extra session",
            f"  server CPU: {c['percent_of_one_core']}% of one core, {c['ms_per_rerun']} ms per rerun, "
            f"{r['reruns_per_s']} reruns/s; load generator CPU {r['loadgen_cpu_percent_of_one_core']}%",
        ]
        busy = r.get("machine_during_load")
        if busy:
            lines.append(f"  machine: {busy['cpu_busy_percent_of_all_cores']}% of all cores busy, other processes "
                         f"{busy['other_processes_cpu_percent_of_one_core']}% of one core, load average "
                         f"{busy['loadavg_1min_at_start']} -> {busy['loadavg_1min_at_end']}")
        for sample in r["error_samples"]:
            lines.append(f"    ! {sample}")
        for sample in r["leak_samples"]:
            lines.append(f"    LEAK {sample}")
        if r["route_table_drift"]:
            lines.append(f"    note: plans differ from the route table today: {r['route_table_drift']}")
    if report.get("ratios"):
        lines.append("\nours/floor: " + ", ".join(f"{k} {v}" for k, v in report["ratios"].items()))
    if report.get("whatif_vs_app"):
        lines.append("what-if/app: " + ", ".join(f"{k} {v}" for k, v in report["whatif_vs_app"].items()))
        lines.append("targets (what-if): " + ", ".join(
            f"{k} {v['value']} (limit {v['limit']}) {'met' if v['met'] else 'MISSED'}"
            for k, v in report["whatif_targets"].items()))
    lines.append("targets (app): " + ", ".join(
        f"{k} {v['value']} (limit {v['limit']}) {'met' if v['met'] else 'MISSED'}" for k, v in report["targets"].items()))
    if report.get("oracle_error"):
        lines.append(f"note: core not importable, plans checked by icon only: {report['oracle_error']}")
    return "\n".join(lines)


def post_script_gc(options: list[str]) -> bool:
    """The runner.postScriptGC a server started with these --server-opt options runs with (the last one wins,
    else .streamlit/config.toml)."""
    value = gc_mode.configured()
    for option in options:
        key, _sep, raw = option.partition("=")
        if key.removeprefix("--") == gc_mode.OPTION:
            value = raw.strip().lower() in ("true", "1", "yes", "on")
    return value


def probe_gc(options: list[str], log_dir: Path, name: str) -> dict:
    """Serve bench/gc_probe_app.py like the measured servers (same options, same directory) and ask it what
    runner.postScriptGC is and does."""
    server = Server(gc_mode.PROBE_APP, name, options, log_dir)
    try:
        server.start()
        result = gc_mode.probe(server.port)
    except RuntimeError as exc:
        print(f"error: gc probe: {exc}\n{server.log_tail()}", file=sys.stderr)
        raise SystemExit(2) from None
    finally:
        server.stop()
    result["expected"] = post_script_gc(options)
    result["ok"] = result["honoured"] and result["option_as_served"] == result["expected"]
    return result


async def main_async(cfg: argparse.Namespace) -> dict:
    oracle = Oracle()
    log_dir = Path(tempfile.mkdtemp(prefix="bench-load-"))
    gc_on = post_script_gc(cfg.server_opt)
    whatif_opts = [*cfg.server_opt, f"{gc_mode.OPTION}={'false' if gc_on else 'true'}"]
    whatif = not (cfg.no_app or cfg.no_whatif)
    report = {
        "bench": "load",
        "quick": cfg.quick,
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": machine(),
        "config": {"sessions": cfg.sessions, "duration_s": cfg.duration, "think_s": list(cfg.think),
                   "ramp_s": cfg.ramp, "run_timeout_s": cfg.run_timeout, "seed": cfg.seed,
                   "min_routes": cfg.min_routes, "grace_s": cfg.grace if cfg.min_routes else 0,
                   "server_opt": cfg.server_opt, "app": not cfg.no_app, "floor": not cfg.no_floor,
                   "whatif": whatif, "whatif_server_opt": whatif_opts if whatif else None,
                   "whatif_duration_s": cfg.whatif_duration if whatif else None},
        "post_script_gc": gc_on,
        "post_script_gc_in_config": gc_mode.configured(),
        "logs": str(log_dir),
    }
    report["post_script_gc_probe"] = probe_gc(cfg.server_opt, log_dir, "probe")
    if whatif:
        report["post_script_gc_probe_whatif"] = probe_gc(whatif_opts, log_dir, "probe-whatif")
    if oracle.error:
        report["oracle_error"] = oracle.error
    if not cfg.no_app:
        report["app"] = await measure("app", cfg.app, WizardVisitor, oracle, cfg, log_dir)
    if not cfg.no_floor:
        report["floor"] = await measure("floor", cfg.floor_app, FloorVisitor, oracle, cfg, log_dir)
    if whatif:
        wcfg = argparse.Namespace(**{**vars(cfg), "server_opt": whatif_opts, "duration": cfg.whatif_duration})
        report["whatif"] = await measure("whatif", cfg.app, WizardVisitor, oracle, wcfg, log_dir)
        report["whatif"]["post_script_gc"] = not gc_on
        app, other = report["app"], report["whatif"]
        report["whatif_vs_app"] = {
            "step_median": ratio(other["step_latency_ms"]["median"], app["step_latency_ms"]["median"]),
            "step_p95": ratio(other["step_latency_ms"]["p95"], app["step_latency_ms"]["p95"]),
            "mb_per_extra_session": ratio(other["rss_mb_per_extra_session"], app["rss_mb_per_extra_session"]),
            "rss_peak": ratio(other["rss_mb"]["peak"], app["rss_mb"]["peak"]),
            "cpu_ms_per_rerun": ratio(other["server_cpu"]["ms_per_rerun"], app["server_cpu"]["ms_per_rerun"]),
        }
    if "app" in report and "floor" in report:
        app, floor = report["app"], report["floor"]
        report["ratios"] = {
            "step_median": ratio(app["step_latency_ms"]["median"], floor["step_latency_ms"]["median"]),
            "step_p95": ratio(app["step_latency_ms"]["p95"], floor["step_latency_ms"]["p95"]),
            "mb_per_extra_session": ratio(app["rss_mb_per_extra_session"], floor["rss_mb_per_extra_session"]),
            "rss_start": ratio(app["rss_mb"]["start"], floor["rss_mb"]["start"]),
            "rss_peak": ratio(app["rss_mb"]["peak"], floor["rss_mb"]["peak"]),
            "cpu_ms_per_rerun": ratio(app["server_cpu"]["ms_per_rerun"], floor["server_cpu"]["ms_per_rerun"]),
            "cpu_percent": ratio(app["server_cpu"]["percent_of_one_core"], floor["server_cpu"]["percent_of_one_core"]),
        }
    report["targets"] = targets(report["app"]) if "app" in report else {}
    if "whatif" in report:
        report["whatif_targets"] = targets(report["whatif"])
    failed = any(report[name]["errors"] or report[name]["leaks"] for name in ("app", "floor", "whatif")
                 if name in report)
    probes_ok = all(report[key]["ok"] for key in ("post_script_gc_probe", "post_script_gc_probe_whatif")
                    if key in report)
    report["ok"] = not failed and probes_ok
    report["met"] = bool(report["targets"]) and all(t["met"] for t in report["targets"].values())
    return report


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, help=f"concurrent sessions (default {DEFAULTS['sessions']})")
    parser.add_argument("--duration", type=float, help=f"seconds of load per server (default {DEFAULTS['duration']:.0f})")
    parser.add_argument("--think", type=str, help="seconds between a person's taps, MIN-MAX, uniform; half that "
                                                  "between filling a field and tapping Next "
                                                  f"(default {DEFAULTS['think'][0]}-{DEFAULTS['think'][1]})")
    parser.add_argument("--ramp", type=float, help=f"seconds over which sessions arrive (default {DEFAULTS['ramp']:.0f})")
    parser.add_argument("--quick", action="store_true",
                        help=f"{QUICK['sessions']} sessions, {QUICK['duration']:.0f} s, think "
                             f"{QUICK['think'][0]}-{QUICK['think'][1]} s (explicit options still win)")
    parser.add_argument("--no-floor", action="store_true", help="skip the framework floor (bench/floor_app.py)")
    parser.add_argument("--no-app", action="store_true", help="skip the app (measure the floor only)")
    parser.add_argument("--no-whatif", action="store_true",
                        help="skip the what-if: the app again with the opposite runner.postScriptGC "
                             "(skipped by --quick unless --whatif)")
    parser.add_argument("--whatif", action="store_true", help="run the what-if even with --quick")
    parser.add_argument("--whatif-duration", type=float,
                        help="seconds of load for the what-if (default: --duration)")
    parser.add_argument("--app", type=Path, default=APP, help="the wizard app to load (default app.py)")
    parser.add_argument("--floor-app", type=Path, default=FLOOR_APP,
                        help="the floor script: a radio keyed floor_radio and a button keyed floor_button "
                             "(default bench/floor_app.py)")
    parser.add_argument("--min-routes", type=int,
                        help="a session short of this many finished routes at the deadline keeps going, up to "
                             f"--grace seconds (default {DEFAULTS['min_routes']}, quick {QUICK['min_routes']})")
    parser.add_argument("--grace", type=float, default=60.0, help="see --min-routes (default 60)")
    parser.add_argument("--run-timeout", type=float, default=30.0, help="seconds before a rerun counts as an error")
    parser.add_argument("--seed", type=int, default=5, help="random seed (routes, answers, labels, think times)")
    parser.add_argument("--server-opt", action="append", default=[], metavar="KEY=VALUE",
                        help="extra `streamlit run` option for every server, e.g. runner.postScriptGC=true")
    parser.add_argument("--json-out", type=Path, help="also write the JSON report to this file")
    cfg = parser.parse_args(argv)
    base = QUICK if cfg.quick else DEFAULTS
    cfg.sessions = cfg.sessions if cfg.sessions is not None else base["sessions"]
    cfg.duration = cfg.duration if cfg.duration is not None else base["duration"]
    cfg.ramp = cfg.ramp if cfg.ramp is not None else base["ramp"]
    cfg.min_routes = cfg.min_routes if cfg.min_routes is not None else base["min_routes"]
    cfg.whatif_duration = cfg.whatif_duration if cfg.whatif_duration is not None else cfg.duration
    if cfg.quick and not cfg.whatif:
        cfg.no_whatif = True
    if cfg.think:
        low, _sep, high = cfg.think.partition("-")
        cfg.think = (float(low), float(high or low))
    else:
        cfg.think = base["think"]
    if not 1 <= cfg.sessions <= 500:
        parser.error("--sessions must be between 1 and 500")
    if not 1 <= cfg.duration <= 3600:
        parser.error("--duration must be between 1 and 3600 seconds")
    if not 0 <= cfg.think[0] <= cfg.think[1] <= 120:
        parser.error("--think must be MIN-MAX with 0 <= MIN <= MAX <= 120")
    if cfg.no_app and cfg.no_floor:
        parser.error("--no-app and --no-floor leave nothing to measure")
    cfg.app, cfg.floor_app = cfg.app.resolve(), cfg.floor_app.resolve()
    return cfg


def main(argv: list[str] | None = None) -> int:
    cfg = parse_args(argv)
    report = asyncio.run(main_async(cfg))
    line = json.dumps(report, sort_keys=False)
    if cfg.json_out:
        cfg.json_out.write_text(line + "\n")
    print(line)
    print(readable(report), flush=True)
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
