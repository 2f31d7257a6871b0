"""Load: N concurrent browser-like sessions against `streamlit run`, the app against the framework floor (issue 5).

Each session speaks Streamlit's websocket protocol as the browser frontend does (a BackMsg rerun_script
with the widget states; widget ids read from the ForwardMsg deltas; cacheable messages kept and reported
by hash) and walks the wizard's routes (tests/pages/test_wizard.py) with its own amounts, currency and
order name, from a link (sometimes mid-route) or after "Start over", pausing like a person between taps.
Every plan is checked against core for that session's own answers, and every frame for another
session's order name (a leak). Then the same on bench/floor_app.py, and in full runs on the app with the
opposite `runner.postScriptGC`. Step latency runs from the action sent to its run's script_finished.
With `reconnect` set (bench/balancer.py, tests/deploy), a visitor whose connection drops comes back as the
browser does, at the page's URL, and goes on from the question that URL shows.
Locust is not used: it has no client for this protocol, so this one would have to be written for it anyway.
Loopback only, and bounded: N sessions, a fixed duration, a timeout per rerun, every server stopped.

    .venv/bin/python bench/load.py                 # 50 sessions, 120 s each: app, floor, what-if
    .venv/bin/python bench/load.py --quick         # 5 sessions, 10 s, quick thinkers (CI smoke)
    .venv/bin/python bench/load.py --sessions 20 --duration 60 --no-floor --no-whatif

Prints one JSON line, then a summary. Exit status 1 when a session hit an error or a name leaked, 2 when
a server could not start, else 0 (latency and memory targets are reported, not enforced).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import datetime as dt
import json
import os
import random
import re
import string
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlencode

import psutil
import websockets
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.typing import Origin, Subprotocol

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import gc_mode, harness
from core import advise
from core.wizard.answers import CURRENCY_FROM, NOT_YET, REJECTED, RETURN, MoneyAnswer
from core.wizard.case import Details, to_case
from core.wizard.questions import DATE_KINDS, YES_FIRST_KINDS, questions
from core.wizard.route import ON_REQUEST
from tests.support.server import ServerError, StreamlitServer
from tests.support.stats import ratio, summary
from tests.support.wizard import ROUTES, on_day
from ui.plan_view import ACTION_ICONS

FLOOR_APP = harness.FLOOR
TARGET_P95_MS = 1000.0
TARGET_MB_PER_SESSION = 4.0
DEFAULTS = {"sessions": 50, "duration": 120.0, "think": (2.0, 6.0), "ramp": 10.0, "min_routes": 0}
QUICK = {"sessions": 5, "duration": 10.0, "think": (0.1, 0.3), "ramp": 1.0, "min_routes": 1}
GRACE_S = 60.0
"""With a minimum of routes (--quick), a session short of them at the deadline keeps going this much longer."""
RUN_TIMEOUT_S = 30.0
CURRENCY_CHOICES = ("USD", "EUR", "GBP", "PLN", "BRL", "CAD", "AUD")
SCALES = (Decimal("0.5"), Decimal("1"), Decimal("1.5"), Decimal("2"), Decimal("3"), Decimal("4"))
LABEL_RE = re.compile(rb"order\\?-(\d+)\\?-([0-9a-z]{6})(?![0-9a-z])")
"""An order name as a frame can hold it: raw, in a URL, or Markdown-escaped ("order\\-3\\-ab12cd")."""
HEADLINE_RE = re.compile(r"^### (:material/[a-z_]+:) (.*)$", re.S)


def expected_plan(answers: dict[str, str], label: str | None) -> tuple[str, str]:
    """(action, headline) that core gives for these answers today."""
    today = dt.date.today()
    plan = advise(to_case(answers, today, Details(label=label)), today=today)
    return plan.action, plan.headline


# --------------------------------------------------------------------------- a session's route


@dataclass
class Step:
    key: str
    kind: str  # the question's kind, or "request" for a question brought up from the plan
    value: str  # the answer as the session means it: "not_shipped", "2026-11-01", "no", "12.50", "50 return"
    stored: str  # the answer as the app stores it (and as it goes in a link)
    currency: str = ""  # for the answers that carry the currency (CURRENCY_FROM)


@dataclass
class RouteRun:
    name: str
    steps: list[Step]
    label: str
    start_at: int  # how many answers the opening link already holds
    via_link: bool  # opened from a fresh link (a new server session), else after "Start over"

    def answers(self, upto: int | None = None) -> dict[str, str]:
        return {s.key: s.stored for s in self.steps[:upto]}


def make_route(rng: random.Random, uid: int, via_link: bool, name: str | None = None) -> RouteRun:
    """A route of the wizard with this session's own answers: its dates today, amounts scaled, a currency, a name."""
    name = name or rng.choice(list(ROUTES))
    raw_steps = ROUTES[name][0]
    scale, currency = rng.choice(SCALES), rng.choice(CURRENCY_CHOICES)
    steps = []
    for key, value in on_day(raw_steps, dt.date.today()):
        kind = "request" if key in ON_REQUEST else questions()[key].kind
        if kind in ("money", "offer") and value not in (NOT_YET, REJECTED):
            given = MoneyAnswer.parse(value, offer=kind == "offer")
            assert given is not None, (name, key, value)
            answer = MoneyAnswer.of(given.amount * scale, currency, given.with_return)
            typed = f"{answer.amount}{RETURN if answer.with_return else ''}"
            steps.append(Step(key, kind, typed, str(answer), currency))
        else:
            steps.append(Step(key, kind, value, value))
    suffix = "".join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(6))
    start_at = rng.randrange(1, len(steps)) if via_link and rng.random() < 0.4 else 0
    return RouteRun(name, steps, f"order-{uid}-{suffix}", start_at, via_link)


def first_widget(key: str) -> str:
    """The widget a question shows first: its yes/no choice for the yes-first kinds, else its value."""
    return f"q_{key}_known" if questions()[key].kind in YES_FIRST_KINDS else f"q_{key}_value"


# --------------------------------------------------------------------------- the protocol


DROPPED = ("disconnected", "send", "connect")
"""What a replica going away looks like to a visitor (with --reconnect, the visitor comes back as a browser does)."""
RECONNECT_TRIES, RECONNECT_PAUSE_S = 40, 0.5


class Resumed(Exception):
    """The connection dropped; the visitor is back on a new one at the page's URL, and this is the screen."""

    def __init__(self, run: Run) -> None:
        super().__init__("resumed")
        self.run = run


class SessionError(Exception):
    """Something a visitor would notice: an exception, a wrong screen, a refused answer, a dropped socket."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind, self.detail = kind, detail


@dataclass
class Run:
    """The ForwardMsgs of one script run, from the rerun request to script_finished."""

    started: float
    elements: list[tuple[str, Any]] = field(default_factory=list)  # (element type, proto)
    finished: float | None = None
    status: int | None = None
    done: asyncio.Event = field(default_factory=asyncio.Event)

    def widget(self, key: str) -> Any:
        """The widget proto whose element id ends with this key, or None."""
        for _kind, element in self.elements:
            element_id = getattr(element, "id", "")
            if element_id and element_id.split("-", 2)[-1] == key:
                return element
        return None

    def of(self, kind: str) -> list[Any]:
        return [element for k, element in self.elements if k == kind]

    def headline(self) -> tuple[str, str] | None:
        """(icon, text) of the plan's headline, when the run drew a plan."""
        for element in self.of("markdown"):
            match = HEADLINE_RE.match(element.body)
            if match:
                return match.group(1), re.sub(r"\\(.)", r"\1", match.group(2))
        return None

    def screen(self) -> str:
        """A short description of what the run showed, for error messages."""
        parts = [e.body for e in self.of("heading")][:3] + [e.body for e in self.of("alert")][:2]
        return " | ".join(p[:80] for p in parts)


@dataclass
class Stats:
    connections_opened: int = 0
    sessions_started: int = 0
    sessions_completed: int = 0
    routes_by_user: collections.Counter[int] = field(default_factory=collections.Counter)
    plans_checked: int = 0
    reruns: int = 0
    step_ms: list[float] = field(default_factory=list)
    step_at: list[float] = field(default_factory=list)  # when each step finished (perf_counter)
    errors: list[tuple[int, str, str]] = field(default_factory=list)  # (user, kind, detail)
    leaks: list[tuple[int, str, int | None]] = field(default_factory=list)  # (user, label, owner)
    own_label_checks: int = 0
    own_label_seen: int = 0
    dropped: int = 0  # connections the server side closed (a replica killed or restarted)
    reconnects: int = 0  # connections dropped under a visitor and opened again at the page's URL
    reconnect_ms: list[float] = field(default_factory=list)  # from the drop noticed to the screen back
    answers_lost: int = 0  # screens back on an earlier question than the visitor had answered

    def error(self, uid: int, err: SessionError) -> None:
        self.errors.append((uid, err.kind, err.detail[:300]))


def widget_change(element_id: str, **value: Any) -> WidgetState:
    state = WidgetState(id=element_id)
    for name, v in value.items():
        if name == "string_array_value":
            state.string_array_value.data.extend(v)
        else:
            setattr(state, name, v)
    return state


class Connection:
    """One browser tab: a websocket to /_stcore/stream and the frontend's bookkeeping."""

    MAX_CACHE = 256

    def __init__(self, port: int, stats: Stats, page_name: str = "") -> None:
        self.port, self.stats = port, stats
        self.page_name = page_name  # a page's url_path ("orders"), as the frontend sends it for /orders
        self.ws: Any = None
        self.reader: asyncio.Task[None] | None = None
        self.query_string = self.page_script_hash = ""
        self.widget_values: dict[str, WidgetState] = {}
        self.cache: collections.OrderedDict[str, ForwardMsg] = collections.OrderedDict()
        self.run: Run | None = None
        self.last: Run | None = None
        self.closed_reason: str | None = None
        self.labels_seen: set[bytes] = set()
        self.labels_mine: set[bytes] = set()
        self.answered = 0
        self.closing = False

    async def open(self, query_string: str) -> Run:
        self.query_string = query_string
        self.stats.connections_opened += 1
        try:
            self.ws = await asyncio.wait_for(
                websockets.connect(
                    f"ws://127.0.0.1:{self.port}/_stcore/stream",
                    subprotocols=[Subprotocol("streamlit")],
                    origin=Origin(f"http://127.0.0.1:{self.port}"),
                    max_size=None,
                    open_timeout=RUN_TIMEOUT_S,
                    close_timeout=5,
                ),
                RUN_TIMEOUT_S,
            )
        except Exception as exc:
            raise SessionError("connect", f"{type(exc).__name__}: {exc}") from exc
        self.reader = asyncio.create_task(self._read())
        return await self.rerun(initial=True)

    async def close(self) -> None:
        self.closing = True
        if self.ws is not None:
            with contextlib.suppress(Exception):
                await self.ws.close()
        if self.reader is not None:
            try:
                await asyncio.wait_for(self.reader, 5)
            except (TimeoutError, asyncio.CancelledError, Exception):
                self.reader.cancel()

    def _scan(self, data: bytes) -> None:
        for match in LABEL_RE.finditer(data):
            self.labels_seen.add(b"order-%s-%s" % (match.group(1), match.group(2)))

    async def _read(self) -> None:
        try:
            async for data in self.ws:
                self._scan(data)
                msg = ForwardMsg()
                msg.ParseFromString(data)
                if msg.WhichOneof("type") == "ref_hash":
                    cached = self.cache.get(msg.ref_hash)
                    if cached is None:
                        self.closed_reason = f"unknown ref_hash {msg.ref_hash}"
                        break
                    self._scan(cached.SerializeToString())
                    msg = cached
                elif msg.metadata.cacheable and msg.hash:
                    self.cache[msg.hash] = msg
                    while len(self.cache) > self.MAX_CACHE:
                        self.cache.popitem(last=False)
                self._handle(msg)
        except Exception as exc:  # reported as the session's error
            self.closed_reason = f"{type(exc).__name__}: {exc}"
        finally:
            self.closed_reason = self.closed_reason or "closed"
            self.stats.dropped += not self.closing
            if self.run is not None:
                self.run.done.set()

    def _handle(self, msg: ForwardMsg) -> None:
        kind, run = msg.WhichOneof("type"), self.run
        if kind == "navigation" and msg.navigation.page_script_hash:
            self.page_script_hash = msg.navigation.page_script_hash
        elif kind == "page_info_changed":
            self.query_string = msg.page_info_changed.query_string
        elif run is not None and kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            element_kind = str(element.WhichOneof("type"))
            run.elements.append((element_kind, getattr(element, element_kind)))
        elif run is not None and kind == "script_finished":
            if msg.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                run.elements.clear()  # another run follows; only its screen counts
                return
            run.status, run.finished = msg.script_finished, time.perf_counter()
            run.done.set()

    async def rerun(self, changes: Sequence[WidgetState] = (), initial: bool = False) -> Run:
        """Send a rerun_script with the current widget states plus `changes`; wait for script_finished."""
        if self.closed_reason is not None and not initial:
            raise SessionError("disconnected", self.closed_reason)
        back = BackMsg()
        state = back.rerun_script
        state.query_string, state.page_script_hash = self.query_string, self.page_script_hash
        state.page_name = "" if self.page_script_hash else self.page_name
        info = state.context_info
        info.url = f"http://127.0.0.1:{self.port}/" + (f"?{self.query_string}" if self.query_string else "")
        info.locale, info.timezone, info.timezone_offset, info.color_scheme = "en-US", "UTC", 0, "light"
        info.is_embedded = False
        self.widget_values.update({change.id: change for change in changes if not change.trigger_value})
        state.widget_states.widgets.extend({**self.widget_values, **{c.id: c for c in changes}}.values())
        state.cached_message_hashes.extend(self.cache.keys())
        run = self.run = Run(started=time.perf_counter())
        try:
            await self.ws.send(back.SerializeToString())
            await asyncio.wait_for(run.done.wait(), RUN_TIMEOUT_S)
        except TimeoutError as exc:
            raise SessionError("timeout", f"no script_finished within {RUN_TIMEOUT_S:.0f} s") from exc
        except Exception as exc:
            raise SessionError("send", f"{type(exc).__name__}: {exc}") from exc
        finally:
            self.run = None
        if run.finished is None:
            raise SessionError("disconnected", self.closed_reason or "")
        self.stats.reruns += 1
        drawn = {getattr(element, "id", "") for _kind, element in run.elements}  # like the frontend: forget the rest
        self.widget_values = {k: v for k, v in self.widget_values.items() if k in drawn}
        for element in run.of("exception"):
            raise SessionError("exception", f"{element.type}: {element.message}"[:300])
        if run.status != ForwardMsg.FINISHED_SUCCESSFULLY:
            raise SessionError("script_status", str(run.status))
        self.last = run
        return run


# --------------------------------------------------------------------------- visitors


class WizardVisitor:
    """One person on the wizard: routes one after the other until the time is up."""

    MAX_ERRORS = 10  # a person who keeps hitting errors gives up

    def __init__(
        self, uid: int, port: int, stats: Stats, cfg: argparse.Namespace, deadline: float, registry: dict[bytes, int]
    ) -> None:
        self.uid, self.port, self.stats, self.cfg, self.deadline = uid, port, stats, cfg, deadline
        self.registry = registry  # which session introduced each order name
        self.rng = random.Random(cfg.seed * 1_000_003 + uid)
        self.conn: Connection | None = None
        self.routes_done = 0
        self.reconnect = bool(getattr(cfg, "reconnect", False))  # come back after a dropped connection

    @property
    def connection(self) -> Connection:
        assert self.conn is not None
        return self.conn

    @property
    def last(self) -> Run:
        """What the session's screen shows now."""
        assert self.conn is not None and self.conn.last is not None
        return self.conn.last

    def until(self) -> float:
        """The deadline; a session still short of --quick's minimum of routes gets GRACE_S more."""
        return self.deadline + (GRACE_S if self.routes_done < self.cfg.min_routes else 0.0)

    def time_left(self) -> bool:
        return time.perf_counter() < self.until()

    async def think(self, factor: float = 1.0) -> bool:
        """Pause like a person reading; False when the time is up."""
        remaining = self.until() - time.perf_counter()
        if remaining <= 0:
            return False
        await asyncio.sleep(min(self.rng.uniform(*self.cfg.think) * factor, remaining))
        return self.time_left()

    async def act(self, changes: list[WidgetState], step: bool) -> Run:
        try:
            run = await self.connection.rerun(changes)
        except SessionError as err:
            if not (self.reconnect and err.kind in DROPPED):
                raise
            raise Resumed(await self.resume()) from err
        if step and run.finished is not None:
            self.stats.step_ms.append((run.finished - run.started) * 1000)
            self.stats.step_at.append(run.finished)
        return run

    async def connect(self, query_string: str, labels: set[bytes], answered: int = 0) -> Run:
        """A new connection at this URL; with --reconnect, tried again (as the browser's client does) while refused."""
        for attempt in range(RECONNECT_TRIES if self.reconnect else 1):
            await self.close_conn()
            self.conn = Connection(self.port, self.stats)
            self.conn.labels_mine |= labels
            self.conn.answered = answered
            try:
                return await self.conn.open(query_string)
            except SessionError as err:
                if err.kind not in DROPPED or attempt + 1 >= (RECONNECT_TRIES if self.reconnect else 1):
                    raise
            await asyncio.sleep(RECONNECT_PAUSE_S)
        raise AssertionError("unreachable")

    async def resume(self) -> Run:
        """Open the page again at the URL it had, as Streamlit's client does when its connection drops."""
        old, started = self.connection, time.perf_counter()
        run = await self.connect(old.query_string, set(old.labels_mine), old.answered)
        self.stats.reconnects += 1
        self.stats.reconnect_ms.append((time.perf_counter() - started) * 1000)
        return run

    def resume_at(self, run: Run, route: RouteRun, index: int) -> int:
        """Where a route goes on after a reconnection: the question in hand, or the next when the answer got in."""
        for at in (index, index + 1):
            try:
                self.expect_question(run, route, at)
            except SessionError:
                continue
            self.connection.answered += at - index
            return at
        self.stats.answers_lost += 1
        raise SessionError("answers_lost", f"{route.name}: back at question {index} but saw: {run.screen()}")

    async def tap(self, key: str, step: bool = False, **value: Any) -> Run:
        """Set the widget `key` on screen to `value` (a step when it moves the wizard on)."""
        widget = self.last.widget(key)
        if widget is None:
            raise SessionError("wrong_screen", f"no {key}: {self.last.screen()}")
        return await self.act([widget_change(widget.id, **value)], step=step)

    def own_label(self, label: str) -> None:
        self.connection.labels_mine.add(label.encode())
        self.registry[label.encode()] = self.uid

    async def open_link(self, route: RouteRun) -> Run:
        self.registry[route.label.encode()] = self.uid
        query = urlencode({**route.answers(route.start_at), "label": route.label})
        return await self.connect(query, {route.label.encode()})

    async def close_conn(self) -> None:
        conn, self.conn = self.conn, None
        if conn is None:
            return
        await conn.close()
        for label in sorted(conn.labels_seen - conn.labels_mine):
            self.stats.leaks.append((self.uid, label.decode(), self.registry.get(label)))
        if conn.labels_mine and conn.answered:
            # Positive control: once a session has answered, its name is in its URL (and plan).
            self.stats.own_label_checks += 1
            self.stats.own_label_seen += bool(conn.labels_seen & conn.labels_mine)

    def expect_question(self, run: Run, route: RouteRun, index: int) -> None:
        """The run must show question `index` of the route (or the plan when past the end)."""
        if index >= len(route.steps):
            return self.check_plan(run, route)
        key = route.steps[index].key
        if key in ON_REQUEST:  # brought up from the plan
            if run.widget("dispute_blocked") is None:
                raise SessionError("wrong_screen", f"{route.name}: expected the plan's button for {key}")
            return None
        if run.widget(first_widget(key)) is None:
            errors = [e.body for e in run.of("alert") if e.format == Alert.ERROR]
            if errors:
                raise SessionError("answer_refused", f"{route.name}: before {key}: {errors[0][:200]}")
            raise SessionError("wrong_screen", f"{route.name}: expected {key}, saw: {run.screen()}")
        if run.headline() is not None:
            raise SessionError("plan_on_question", f"{route.name}: a plan headline on question {key}")
        notes = [e.body for e in run.of("alert") if e.format == Alert.INFO and "link" in (e.icon + e.body.lower())]
        if notes:
            raise SessionError("link_note", f"{route.name}: {notes[0][:200]}")
        return None

    def check_plan(self, run: Run, route: RouteRun, named: bool = False) -> None:
        headline = run.headline()
        if headline is None:
            errors = [e.body for e in run.of("alert") if e.format == Alert.ERROR]
            raise SessionError("no_plan", f"{route.name}: {errors[0][:200] if errors else run.screen()}")
        self.stats.plans_checked += 1
        action, wanted = expected_plan(route.answers(), route.label if route.via_link or named else None)
        if headline != (ACTION_ICONS[action], wanted):
            raise SessionError("plan_mismatch", f"{route.name}: got {headline}, expected {action}: {wanted!r}")

    async def answer(self, step: Step) -> Run | None:
        """Answer the question on screen like a person: pick, or fill in then tap Next; None when time ran out."""
        key = step.key
        if step.kind == "request":
            return await self.tap("dispute_blocked", step=True, trigger_value=True)
        if step.kind == "choice":
            index = [c.value for c in questions()[key].choices].index(step.value)
            option = self.last.widget(f"q_{key}_value").options[index]
            return await self.tap(f"q_{key}_value", step=True, string_value=option)
        if step.kind in YES_FIRST_KINDS:
            # Yes or no first, none picked; "no" answers at once, a yes shows the date box on the same screen.
            choice = NOT_YET if step.value == NOT_YET else "date" if step.kind == "protection" else "yes"
            values = [c.value for c in questions()[key].choices] + [NOT_YET]
            option = self.last.widget(f"q_{key}_known").options[values.index(choice)]
            run = await self.tap(f"q_{key}_known", step=choice == NOT_YET, string_value=option)
            if choice == NOT_YET:
                return run
            if not await self.think(0.5):
                return None
        elif step.value == NOT_YET:
            return await self.tap(f"q_{key}_no", step=True, trigger_value=True)
        elif step.value == REJECTED:
            return await self.tap(f"q_{key}_rejected", step=True, trigger_value=True)
        fills: list[tuple[str, dict[str, Any]]] = []
        if step.kind in DATE_KINDS:
            picker = self.last.widget(f"q_{key}_value")
            if list(picker.value if picker.set_value else picker.default) != [step.value]:
                fills.append((f"q_{key}_value", {"string_array_value": [step.value]}))
        else:
            box = self.last.widget(f"q_{key}_currency") if key in CURRENCY_FROM else None
            if box is not None and step.currency != (box.raw_value if box.set_value else box.options[box.default]):
                fills.append((f"q_{key}_currency", {"string_value": step.currency}))
            amount, _sep, extra = step.value.partition(" ")
            fills.append((f"q_{key}_value", {"double_value": float(amount)}))
            if extra == "return":
                fills.append((f"q_{key}_return", {"bool_value": True}))
        for widget_key, value in fills:
            await self.tap(widget_key, **value)
            if not await self.think(0.5):
                return None
        return await self.tap(f"q_{key}_next", step=True, trigger_value=True)

    async def walk(self, route: RouteRun) -> bool:
        """Walk one route to its plan; False when the time ran out on the way."""
        run = await self.open_link(route) if route.via_link else self.last
        self.expect_question(run, route, route.start_at)
        index = route.start_at
        while index < len(route.steps):
            if not await self.think():
                return False
            try:
                answered = await self.answer(route.steps[index])
            except Resumed as back:  # the replica went away: on again from where the URL says
                index = self.resume_at(back.run, route, index)
                continue
            if answered is None:
                return False
            run = answered
            self.connection.answered += 1
            index += 1
            self.expect_question(run, route, index)
        if not route.via_link and await self.think() and run.widget("detail_label") is not None:
            # Name the order on the plan: the name goes in the URL and the messages.
            self.own_label(route.label)
            try:
                self.check_plan(await self.tap("detail_label", string_value=route.label), route, named=True)
            except Resumed as back:  # back on the plan, named or not yet
                if back.run.headline() is None:
                    raise SessionError("answers_lost", f"{route.name}: no plan after reconnecting") from None
        return True

    async def live(self, start_delay: float) -> None:
        await asyncio.sleep(start_delay)
        if not self.time_left():
            return
        self.stats.sessions_started += 1
        via_link, errors = True, 0
        try:
            while self.time_left():
                route = make_route(self.rng, self.uid, via_link)
                try:
                    if not await self.walk(route):
                        break
                    self.stats.routes_by_user[self.uid] += 1
                    self.routes_done += 1
                    if not await self.think():
                        break
                    # Next situation: two times in three "Start over" in the same tab, else a fresh link.
                    via_link = self.rng.random() < 1 / 3
                    if not via_link:
                        try:
                            run = await self.tap("start_over", trigger_value=True)
                        except Resumed:  # the replica went away: the next route starts from a fresh link
                            via_link = True
                            continue
                        if run.widget("q_stage_value") is None:
                            raise SessionError("wrong_screen", f"Start over did not go back: {run.screen()}")
                except SessionError as err:  # what a person does after a broken screen: a fresh link
                    self.stats.error(self.uid, err)
                    errors += 1
                    if errors >= self.MAX_ERRORS or err.kind == "connect":
                        return
                    await self.close_conn()
                    via_link = True
                    if not await self.think():
                        break
            self.stats.sessions_completed += 1
        except Exception as err:  # a bug in this script must show, not hang
            self.stats.error(self.uid, SessionError("loadgen", f"{type(err).__name__}: {err}"))
        finally:
            await self.close_conn()


class FloorVisitor(WizardVisitor):
    """One person on the floor app: change the radio, click the button, again and again; 5 taps make a route."""

    async def live(self, start_delay: float) -> None:
        await asyncio.sleep(start_delay)
        if not self.time_left():
            return
        self.stats.sessions_started += 1
        try:
            label = f"order-{self.uid}-" + "".join(self.rng.choice(string.ascii_lowercase) for _ in range(6))
            self.conn = Connection(self.port, self.stats)
            self.registry[label.encode()] = self.uid  # the floor doesn't show it: any sighting is a leak
            run = await self.conn.open(urlencode({"label": label}))
            done = 0
            while await self.think():
                radio, button = run.widget("floor_radio"), run.widget("floor_button")
                if radio is None or button is None:
                    raise SessionError("wrong_screen", run.screen())
                if done % 2 == 0:
                    current = radio.raw_value if radio.set_value else radio.options[radio.default]
                    change = widget_change(
                        radio.id, string_value=self.rng.choice([o for o in radio.options if o != current])
                    )
                else:
                    change = widget_change(button.id, trigger_value=True)
                run = await self.act([change], step=True)
                done += 1
                if done % 5 == 0:
                    self.stats.routes_by_user[self.uid] += 1
                    self.routes_done += 1
            self.stats.sessions_completed += 1
        except SessionError as err:
            self.stats.error(self.uid, err)
        except Exception as err:
            self.stats.error(self.uid, SessionError("loadgen", f"{type(err).__name__}: {err}"))
        finally:
            await self.close_conn()


# --------------------------------------------------------------------------- one measured load


async def warm_up(port: int, floor: bool, cfg: argparse.Namespace, registry: dict[bytes, int]) -> Connection:
    """One session through a whole route (every import done), left connected as the one-session baseline."""
    stats = Stats()
    if floor:
        conn = Connection(port, stats)
        run = await conn.open("")
        for _ in range(2):
            radio = run.widget("floor_radio")
            run = await conn.rerun([widget_change(radio.id, string_value=radio.options[1])])
            run = await conn.rerun([widget_change(run.widget("floor_button").id, trigger_value=True)])
        return conn
    fast = argparse.Namespace(**{**vars(cfg), "think": (0.0, 0.0)})
    visitor = WizardVisitor(10_000, port, stats, fast, time.perf_counter() + 120, registry)
    # A long route whose plan draws a chart, messages and every kind of question widget.
    route = make_route(random.Random(cfg.seed), 10_000, True, name="received, parts missing")
    route.start_at = 0
    try:
        await visitor.walk(route)
    except SessionError:
        await visitor.close_conn()
        raise
    return visitor.connection


class Served(Protocol):
    """What a load is measured against: one `streamlit run` (StreamlitServer), or replicas behind a balancer."""

    script: str
    port: int
    start_s: float

    def stop(self) -> None: ...
    def rss_mb(self) -> float: ...
    def cpu_ms(self) -> float: ...


During = Callable[[Served, Stats], Coroutine[Any, Any, dict[str, Any]]]
"""Something done to the servers while the load runs (bench/balancer.py kills a replica); its figures."""


async def measure(
    name: str, script: Path, options: list[str], floor: bool, cfg: argparse.Namespace, logs: Path
) -> dict[str, Any]:
    """Serve `script`, warm it up with one session, then cfg.sessions visitors for cfg.duration; the figures."""
    server = StreamlitServer(script, logs / f"{name}.log", options)
    try:
        server.start()
    except ServerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    return await measure_on(server, floor, cfg)


async def measure_on(
    server: Served, floor: bool, cfg: argparse.Namespace, during: During | None = None
) -> dict[str, Any]:
    """Load a started server (stopped at the end) as `measure` does; `during` runs alongside the visitors."""
    stats, registry, rss = Stats(), dict[bytes, int](), list[tuple[float, float]]()

    async def sample_rss() -> None:
        with contextlib.suppress(psutil.Error):
            while True:
                rss.append((time.perf_counter(), server.rss_mb()))
                await asyncio.sleep(0.1)

    sampler = asyncio.create_task(sample_rss())
    try:
        settle = 0.3 if cfg.duration < 30 else 1.0
        await asyncio.sleep(settle)
        try:
            baseline: Connection | None = await warm_up(server.port, floor, cfg, registry)
        except SessionError as err:  # counted; the load still runs, other routes may work
            stats.error(-1, SessionError(err.kind, "warm-up: " + err.detail))
            baseline = None
        await asyncio.sleep(settle)
        rss_start, cpu0 = server.rss_mb(), server.cpu_ms()
        own0, machine0 = psutil.Process().cpu_times(), psutil.cpu_times()
        started = time.perf_counter()
        visitor = FloorVisitor if floor else WizardVisitor
        visitors = [
            visitor(uid, server.port, stats, cfg, started + cfg.duration, registry) for uid in range(cfg.sessions)
        ]
        ramp = min(cfg.ramp, cfg.duration / 2)
        tasks = [asyncio.create_task(v.live(ramp * uid / cfg.sessions)) for uid, v in enumerate(visitors)]
        meanwhile = asyncio.create_task(during(server, stats)) if during else None
        _done, hung = await asyncio.wait(
            tasks, timeout=cfg.duration + GRACE_S * (cfg.min_routes > 0) + RUN_TIMEOUT_S * 4 + 30
        )
        for task in hung:
            task.cancel()
            stats.errors.append((-1, "hung", "a visitor did not stop in time"))
        happened = await meanwhile if meanwhile is not None else None
        ended = time.perf_counter()
        cpu_s, own1, machine1 = (server.cpu_ms() - cpu0) / 1000, psutil.Process().cpu_times(), psutil.cpu_times()
        rss_peak = max((mb for t, mb in rss if started <= t <= ended), default=server.rss_mb())
        if baseline is not None:
            await baseline.close()
    finally:
        sampler.cancel()
        server.stop()
    wall = ended - started
    own = (own1.user + own1.system) - (own0.user + own0.system)
    busy = busy_s(machine1) - busy_s(machine0)
    routes = [stats.routes_by_user.get(uid, 0) for uid in range(cfg.sessions)]
    kinds = collections.Counter(kind for _uid, kind, _detail in stats.errors)
    return {
        "script": os.path.relpath(server.script, harness.REPO),
        "startup_s": round(server.start_s, 2),
        "sessions_started": stats.sessions_started,
        "sessions_completed": stats.sessions_completed,
        "routes_completed": sum(routes),
        "routes_per_session_min": min(routes, default=0),
        "connections_opened": stats.connections_opened,
        "reruns": stats.reruns,
        "reruns_per_s": round(stats.reruns / wall, 2),
        "errors": len(stats.errors),
        "error_kinds": dict(kinds),
        "error_samples": [f"session {uid}: {kind}: {detail}" for uid, kind, detail in stats.errors[:8]],
        "leaks": len(stats.leaks),
        "leak_samples": [
            f"session {uid} received {label} (owner: session {owner})" for uid, label, owner in stats.leaks[:8]
        ],
        "own_label_seen": f"{stats.own_label_seen}/{stats.own_label_checks}",
        "plans_checked": stats.plans_checked,
        "step_latency_ms": summary(stats.step_ms),
        "rss_mb": {"start": rounded(rss_start), "peak": rounded(rss_peak)},
        "rss_mb_per_extra_session": rounded((rss_peak - rss_start) / cfg.sessions, 2),
        "server_cpu": {
            "percent_of_one_core": rounded(100 * cpu_s / wall),
            "ms_per_rerun": rounded(1000 * cpu_s / stats.reruns) if stats.reruns else None,
        },
        "machine_during_load": {
            "other_processes_percent_of_one_core": rounded(max(0.0, 100 * (busy - cpu_s - own) / wall)),
            "loadgen_percent_of_one_core": rounded(100 * own / wall),
        },
        "dropped": stats.dropped,
        "reconnects": stats.reconnects,
        "answers_lost": stats.answers_lost,
        **({"during": happened} if happened is not None else {}),
    }


def busy_s(times: Any) -> float:
    """CPU seconds the whole machine spent busy (neither idle nor waiting for I/O), from psutil.cpu_times()."""
    return float(sum(times) - times.idle - getattr(times, "iowait", 0))


def rounded(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def targets(app: dict[str, Any]) -> dict[str, dict[str, Any]]:
    p95, mb = app["step_latency_ms"]["p95"], app["rss_mb_per_extra_session"]
    return {
        "errors": {"value": app["errors"], "limit": 0, "met": app["errors"] == 0},
        "leaks": {"value": app["leaks"], "limit": 0, "met": app["leaks"] == 0},
        "step_p95_ms": {"value": p95, "limit": TARGET_P95_MS, "met": p95 is not None and p95 < TARGET_P95_MS},
        "mb_per_extra_session": {
            "value": mb,
            "limit": TARGET_MB_PER_SESSION,
            "met": mb is not None and mb < TARGET_MB_PER_SESSION,
        },
    }


def compare(one: dict[str, Any], other: dict[str, Any]) -> dict[str, float | None]:
    """one / other for each figure the README compares."""
    figures = {
        "step_median": ("step_latency_ms", "median"),
        "step_p95": ("step_latency_ms", "p95"),
        "rss_start": ("rss_mb", "start"),
        "rss_peak": ("rss_mb", "peak"),
        "cpu_ms_per_rerun": ("server_cpu", "ms_per_rerun"),
        "cpu_percent": ("server_cpu", "percent_of_one_core"),
    }
    result = {name: ratio(one[a][b], other[a][b]) for name, (a, b) in figures.items()}
    result["mb_per_extra_session"] = ratio(one["rss_mb_per_extra_session"], other["rss_mb_per_extra_session"])
    return result


async def run_all(cfg: argparse.Namespace) -> dict[str, Any]:
    logs = Path(tempfile.mkdtemp(prefix="bench-load-"))
    whatif_options = gc_mode.flag(not gc_mode.configured())
    report: dict[str, Any] = {
        "bench": "load",
        "quick": cfg.quick,
        "machine": harness.machine(),
        "logs": str(logs),
        "config": {key: getattr(cfg, key) for key in ("sessions", "duration", "think", "ramp", "min_routes", "seed")},
        "post_script_gc": gc_mode.configured(),
        "post_script_gc_in_config": gc_mode.configured(),
        "post_script_gc_probe": gc_mode.probe_served(logs),
    }
    if cfg.whatif:
        report["post_script_gc_probe_whatif"] = gc_mode.probe_served(logs, whatif_options, "probe-whatif")
    if not cfg.no_app:
        report["app"] = await measure("app", harness.REPO / "app.py", [], False, cfg, logs)
    if not cfg.no_floor:
        report["floor"] = await measure("floor", cfg.floor_app, [], True, cfg, logs)
    if cfg.whatif:
        report["whatif"] = await measure("whatif", harness.REPO / "app.py", whatif_options, False, cfg, logs)
        report["whatif_vs_app"] = compare(report["whatif"], report["app"])
        report["whatif_targets"] = targets(report["whatif"])
    if "app" in report and "floor" in report:
        report["ratios"] = compare(report["app"], report["floor"])
    report["targets"] = targets(report["app"]) if "app" in report else {}
    measured = [report[name] for name in ("app", "floor", "whatif") if name in report]
    probes = [report[key]["ok"] for key in ("post_script_gc_probe", "post_script_gc_probe_whatif") if key in report]
    report["ok"] = all(probes) and not any(m["errors"] or m["leaks"] for m in measured)
    report["met"] = bool(report["targets"]) and all(t["met"] for t in report["targets"].values())
    return report


def readable(report: dict[str, Any]) -> str:
    cfg, probe = report["config"], report["post_script_gc_probe"]
    lines = [
        f"Load: {cfg['sessions']} sessions x {cfg['duration']:.0f} s, think {cfg['think'][0]}-{cfg['think'][1]}"
        f" s, ramp {cfg['ramp']} s, on {report['machine']['cpus']} CPUs, load average at start "
        f"{report['machine']['loadavg_at_start'][0]:.2f} ({report['machine']['date']})",
        f"mode: {gc_mode.describe(report['post_script_gc'])} (.streamlit/config.toml); probe: the server reads "
        f"postScriptGC={probe['option_as_served']}, {probe['full_collections']} full collections in "
        f"{probe['reruns']} reruns: {'honoured' if probe['ok'] else 'NOT honoured'}",
    ]
    for name in ("app", "floor", "whatif"):
        if name not in report:
            continue
        r = report[name]
        s, m, c = r["step_latency_ms"], r["rss_mb"], r["server_cpu"]
        title: str = name
        if name == "whatif":
            w = report["post_script_gc_probe_whatif"]
            title = (
                f"what if: app with the opposite runner.postScriptGC; probe {w['full_collections']} full "
                f"collections in {w['reruns']} reruns, {'honoured' if w['ok'] else 'NOT honoured'}"
            )
        lines += [
            f"\n[{title}] {r['script']}",
            f"  sessions started/completed: {r['sessions_started']}/{r['sessions_completed']}; routes: "
            f"{r['routes_completed']} (min per session {r['routes_per_session_min']}); connections: "
            f"{r['connections_opened']}",
            f"  errors: {r['errors']} {r['error_kinds'] or ''}  leaks: {r['leaks']}  plans checked against core: "
            f"{r['plans_checked']}, own name seen: {r['own_label_seen']}",
            f"  step latency: median {s['median']} ms, p95 {s['p95']} ms, max {s['max']} ms over {s['n']} steps",
            f"  server RSS: start (1 warm session) {m['start']} MB, peak {m['peak']} MB -> "
            f"{r['rss_mb_per_extra_session']} MB per extra session",
            f"  server CPU: {c['percent_of_one_core']}% of one core, {c['ms_per_rerun']} ms per rerun, "
            f"{r['reruns_per_s']} reruns/s; meanwhile the load generator used "
            f"{r['machine_during_load']['loadgen_percent_of_one_core']}% of a core, other processes "
            f"{r['machine_during_load']['other_processes_percent_of_one_core']}%",
        ]
        lines += [f"    ! {sample}" for sample in r["error_samples"]] + [f"    LEAK {s}" for s in r["leak_samples"]]
    for key, title in (("ratios", "ours/floor"), ("whatif_vs_app", "what-if/app")):
        if key in report:
            lines.append(f"\n{title}: " + ", ".join(f"{k} {v}" for k, v in report[key].items()))
    for key, title in (("whatif_targets", "targets (what-if)"), ("targets", "targets (app)")):
        if key in report:
            lines.append(
                f"{title}: "
                + ", ".join(
                    f"{k} {v['value']} (limit {v['limit']}) {'met' if v['met'] else 'MISSED'}"
                    for k, v in report[key].items()
                )
            )
    return "\n".join(lines)


def apply_defaults(cfg: argparse.Namespace, base: dict) -> None:
    """The run's size from `base` where the command line left it out, and "--think 2-6" as a (low, high) pair."""
    for key in ("sessions", "duration", "ramp"):
        setattr(cfg, key, getattr(cfg, key) if getattr(cfg, key) is not None else base[key])
    cfg.min_routes = base["min_routes"]
    if cfg.think:
        low, _sep, high = cfg.think.partition("-")
        cfg.think = (float(low), float(high or low))
    else:
        cfg.think = base["think"]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="5 sessions, 10 s, quick thinkers, no what-if (explicit options still win)"
    )
    parser.add_argument("--sessions", type=int, help="concurrent sessions (default 50)")
    parser.add_argument("--duration", type=float, help="seconds of load per server (default 120)")
    parser.add_argument(
        "--think",
        help="seconds between a person's taps, MIN-MAX, uniform; half that between "
        "filling a field and tapping Next (default 2-6)",
    )
    parser.add_argument("--ramp", type=float, help="seconds over which sessions arrive (default 10)")
    parser.add_argument("--no-app", action="store_true", help="skip the app (measure the floor only)")
    parser.add_argument("--no-floor", action="store_true", help="skip the framework floor")
    parser.add_argument("--no-whatif", action="store_true", help="skip the app with the opposite runner.postScriptGC")
    parser.add_argument(
        "--floor-app",
        type=Path,
        default=FLOOR_APP,
        help="the floor: a radio keyed floor_radio and a button keyed floor_button (default bench/floor_app.py)",
    )
    parser.add_argument("--seed", type=int, default=5, help="random seed (routes, answers, names, think times)")
    parser.add_argument("--json-out", type=Path, help="also write the JSON report to this file")
    cfg = parser.parse_args(argv)
    apply_defaults(cfg, QUICK if cfg.quick else DEFAULTS)
    cfg.whatif = not (cfg.quick or cfg.no_app or cfg.no_whatif)
    cfg.floor_app = cfg.floor_app.resolve()
    if not 1 <= cfg.sessions <= 500 or not 1 <= cfg.duration <= 3600 or not 0 <= cfg.think[0] <= cfg.think[1] <= 120:
        parser.error("--sessions 1 to 500, --duration 1 to 3600 s, --think MIN-MAX with 0 <= MIN <= MAX <= 120")
    if cfg.no_app and cfg.no_floor:
        parser.error("--no-app and --no-floor leave nothing to measure")
    return cfg


def main(argv: list[str] | None = None) -> int:
    cfg = parse_args(argv)
    report = asyncio.run(run_all(cfg))
    line = json.dumps(report)
    if cfg.json_out:
        cfg.json_out.write_text(line + "\n")
    print(line)
    print(readable(report), flush=True)
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
