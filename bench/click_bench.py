"""Click to repaint in a real browser, the wizard against the framework floor (issue 3): chromium, headless.

Serves app.py and bench/floor_app.py (tests/support/server.py) and drives Debian's chromium through
Playwright. Times are the page's own clock: from the click event to the awaited change painted (a
MutationObserver, then the next frame), with the server's CPU per click from its CPU-time clock. Every
repetition is a new session; measures are interleaved. A probe server (bench/gc_mode.py) first checks
that `runner.postScriptGC` is as configured; full runs add a what-if server with the opposite setting.
Target: click to the next question at most 2x the floor's click. Prints one JSON line, then a summary.

    .venv/bin/python bench/click_bench.py            # 20 repetitions
    .venv/bin/python bench/click_bench.py --quick    # tiny, to prove it works
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import gc_mode, harness
from core.wizard.questions import questions
from tests.support.browser import APP_READY, CHROMIUM, CHROMIUM_ARGS, TIMEOUT, chromium_missing, heading, type_date
from tests.support.server import StreamlitServer
from tests.support.stats import ratio, summary
from tests.support.wizard import ROUTES, on_day

TARGET_RATIO = 2.0
SETTLE_S = 0.5
"""Pause before a click: a person reads the question first, and the server's work on the page's first run
(a post-run collection, when on, comes after the run is reported done) is not counted in the click."""
PLAN_ROUTE = "received, parts missing"

# Added to every page before its own scripts: tells the watcher about each websocket message.
WS_HOOK_JS = """
(() => {
  const Original = window.WebSocket;
  class Watched extends Original {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => { const hook = window.__benchMessage; if (hook) hook(); });
    }
  }
  window.WebSocket = Watched;
})();
"""

# Installed before each click. t0 is the click event's timestamp. Every DOM mutation and every websocket
# message after it is activity, timed at the next frame (requestAnimationFrame, then a task):
# - heading: the awaited heading is in the DOM (not stale) and painted;
# - done: the rerun is over (script state notRunning) and quiet (no message nor mutation for 400 ms),
#   timed at the repaint after the last activity (a fast rerun's "running" and "notRunning" can land
#   in one React render, so the attribute alone can't be relied on).
WATCH_JS = """
(heading) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const rec = {t0: null, heading: null, headingSeen: false, last: null, painted: null, seq: 0,
               firstMsg: null, lastMsg: null};
  window.__bench = rec;
  const afterPaint = (then) => requestAnimationFrame(() => setTimeout(then, 0));
  const activity = () => {
    if (rec.t0 === null) return;
    rec.last = performance.now();
    const mine = ++rec.seq;
    afterPaint(() => { if (mine === rec.seq) rec.painted = performance.now(); });
  };
  document.addEventListener('click', (e) => { if (rec.t0 === null) rec.t0 = e.timeStamp; }, {capture: true});
  window.__benchMessage = () => {
    if (rec.t0 !== null) {
      rec.lastMsg = performance.now();
      if (rec.firstMsg === null) rec.firstMsg = rec.lastMsg;
    }
    activity();
  };
  const observer = new MutationObserver(() => {
    if (rec.t0 === null) return;
    activity();
    if (heading && !rec.headingSeen) {
      for (const h of document.querySelectorAll('h1, h2, h3, h4')) {
        if (h.textContent.includes(heading) && !h.closest('[data-stale="true"]')) {
          rec.headingSeen = true;
          afterPaint(() => { rec.heading = performance.now(); });
          break;
        }
      }
    }
  });
  observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
  rec.stop = () => { observer.disconnect(); window.__benchMessage = null; };
  rec.done = () => rec.last !== null && rec.painted !== null && rec.painted >= rec.last
    && performance.now() - rec.last > 400 && app.getAttribute('data-test-script-state') === 'notRunning';
}
"""
WAIT_JS = """(needHeading) => { const r = window.__bench;
  return r && r.done() && (!needHeading || r.heading !== null); }"""
READ_JS = """() => { const r = window.__bench; r.stop();
  return {t0: r.t0, heading: r.heading, done: r.painted, first_message: r.firstMsg, last_message: r.lastMsg}; }"""
PLAN_JS = """() => { const w = window.__plan || (window.__plan = {text: null, chart: null});
  if (w.text === null && [...document.querySelectorAll('h4')].some((h) => h.textContent.includes('Steps'))) {
    w.text = performance.now();
  }
  const svg = document.querySelector('[data-testid="stPlotlyChart"] .main-svg');
  if (w.chart === null && svg) {
    const box = svg.getBoundingClientRect();
    if (box.width > 0 && box.height > 0) w.chart = performance.now();
  }
  return w.text !== null && w.chart !== null ? w : false; }"""
FLOOR_READY_JS = """() => { const app = document.querySelector('[data-testid="stApp"]');
  const ready = app && app.getAttribute('data-test-connection-state') === 'CONNECTED'
    && app.getAttribute('data-test-script-state') === 'notRunning'
    && document.querySelector('[data-testid="stRadio"]') && document.querySelector('[data-testid="stButton"]');
  return ready ? performance.now() : false; }"""

Page = Any
Measure = Callable[[Page, StreamlitServer], dict[str, float | None]]


def open_fresh(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(APP_READY, state="attached", timeout=TIMEOUT)


def click_and_time(
    page: Page, locator: Any, heading_text: str | None, server: StreamlitServer
) -> dict[str, float | None]:
    """ms from the click event to the heading painted, to the rerun finished and painted, to the server's first
    and last message; and the server's CPU ms for the whole rerun (its garbage collection included)."""
    locator.wait_for(timeout=TIMEOUT)
    time.sleep(SETTLE_S)
    page.evaluate(WATCH_JS, heading_text)
    cpu_before = server.cpu_ms()
    locator.click()
    page.wait_for_function(WAIT_JS, arg=heading_text is not None, timeout=TIMEOUT, polling=50)
    cpu = server.cpu_ms() - cpu_before
    rec = page.evaluate(READ_JS)
    if rec["t0"] is None:
        raise RuntimeError("the click event was not seen")
    times = {
        key: None if rec[key] is None else rec[key] - rec["t0"]
        for key in ("heading", "done", "first_message", "last_message")
    }
    return {**times, "server_cpu": cpu}


def stage_option(page: Page) -> Any:
    label = next(c.label for c in questions()["stage"].choices if c.value == "on_the_way")
    return page.locator(".st-key-q_stage_value label[data-testid='stRadioOption']").filter(has_text=label)


def ours_choice_step(page: Page, server: StreamlitServer) -> dict[str, float | None]:
    """Tap an answer of the first question, until the next question's heading is painted."""
    open_fresh(page, server.url + "/")
    heading(page, questions()["stage"].title)
    return click_and_time(page, stage_option(page), questions()["shipped"].title, server)


def pick_ordered(page: Page) -> None:
    """Type the order's day (the box starts empty) and wait for Next to be enabled; the timed step is Next."""
    type_date(page, dt.date.today() - dt.timedelta(days=20))
    page.locator(".st-key-q_ordered_next button:not([disabled])").wait_for(timeout=TIMEOUT)


def ours_date_step(page: Page, server: StreamlitServer) -> dict[str, float | None]:
    """Next on the first plain date question (the order's day, after "I can't find" the shipping day), reached as
    a visitor reaches it: from the first question."""
    open_fresh(page, server.url + "/")
    heading(page, questions()["stage"].title)
    stage_option(page).click()
    heading(page, questions()["shipped"].title)
    page.locator(".st-key-q_shipped_known label").filter(has_text=questions()["shipped"].no_label).first.click()
    heading(page, questions()["ordered"].title)
    pick_ordered(page)
    return click_and_time(page, page.locator(".st-key-q_ordered_next button"), questions()["protection"].title, server)


def ours_date_step_from_link(page: Page, server: StreamlitServer) -> dict[str, float | None]:
    """The same Next on a page a link opened at that question: the browser loads the radio's code during it."""
    open_fresh(page, server.url + "/?" + urlencode({"stage": "on_the_way", "shipped": "no"}))
    heading(page, questions()["ordered"].title)
    pick_ordered(page)
    return click_and_time(page, page.locator(".st-key-q_ordered_next button"), questions()["protection"].title, server)


def floor_radio(page: Page, server: StreamlitServer) -> dict[str, float | None]:
    open_fresh(page, server.url + "/")
    return click_and_time(page, page.locator("[data-testid='stRadioOption']").filter(has_text="B"), None, server)


def floor_button(page: Page, server: StreamlitServer) -> dict[str, float | None]:
    open_fresh(page, server.url + "/")
    return click_and_time(page, page.locator("[data-testid='stButton'] button"), None, server)


def ours_plan_load(page: Page, server: StreamlitServer) -> dict[str, float | None]:
    """ms from navigation start to the plan's text on screen, to its chart drawn, to the script finished; and
    the server's CPU ms for that page load."""
    time.sleep(SETTLE_S)
    cpu_before = server.cpu_ms()
    page.goto(server.url + "/?" + urlencode(dict(on_day(ROUTES[PLAN_ROUTE][0], dt.date.today()))))
    seen = page.wait_for_function(PLAN_JS, timeout=TIMEOUT, polling="raf").json_value()
    page.wait_for_selector(APP_READY, state="attached", timeout=TIMEOUT)
    done = page.evaluate("performance.now()")
    time.sleep(SETTLE_S)
    if page.locator('[data-testid="stException"]').count():
        raise RuntimeError("the plan page shows an exception")
    return {"text": seen["text"], "chart": seen["chart"], "done": done, "server_cpu": server.cpu_ms() - cpu_before}


def floor_load(page: Page, server: StreamlitServer) -> dict[str, float | None]:
    time.sleep(SETTLE_S)
    cpu_before = server.cpu_ms()
    page.goto(server.url + "/")
    ready = page.wait_for_function(FLOOR_READY_JS, timeout=TIMEOUT, polling="raf").json_value()
    time.sleep(SETTLE_S)
    return {"ready": ready, "server_cpu": server.cpu_ms() - cpu_before}


def measure(
    servers: dict[str, StreamlitServer], blocks: list[tuple[str, Measure, str]], warmup: int, reps: int
) -> dict[str, list[float]]:
    """Each block (measure name, how, on which server) once a round, rotated; one browser context per server."""
    from playwright.sync_api import sync_playwright

    samples: dict[str, list[float]] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            pages = {}
            for name in servers:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                context.add_init_script(WS_HOOK_JS)
                pages[name] = context.new_page()
            for number in range(warmup + reps):
                if number == warmup:
                    samples.clear()
                for prefix, how, where in harness.rotated(blocks, number):
                    for key, value in how(pages[where], servers[where]).items():
                        if value is not None:
                            samples.setdefault(f"{prefix}.{key}", []).append(value)
        finally:
            browser.close()
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tiny run: 1 repetition, no warm-up, no what-if")
    parser.add_argument("--reps", type=int, default=None)
    parser.add_argument(
        "--no-whatif",
        action="store_true",
        help="skip the what-if server (app.py with the opposite runner.postScriptGC)",
    )
    args = parser.parse_args(argv)
    configured = gc_mode.configured()
    whatif = not (args.quick or args.no_whatif)
    reps = args.reps or (1 if args.quick else 20)
    warmup = 0 if args.quick else 3
    if chromium_missing():
        print(chromium_missing(), file=sys.stderr)
        return 2
    machine = harness.machine()
    with tempfile.TemporaryDirectory(prefix="click-bench-") as tmp:
        logs = Path(tmp)
        probes = {"as_served": gc_mode.probe_served(logs)}
        if whatif:
            probes["whatif"] = gc_mode.probe_served(logs, gc_mode.flag(not configured), "probe-whatif")
        if not probes["as_served"]["ok"]:
            print(f"the server does not run with runner.postScriptGC = {configured}: {probes}", file=sys.stderr)
            return 3
        servers = {
            "ours": StreamlitServer("app.py", logs / "app.log"),
            "floor": StreamlitServer("bench/floor_app.py", logs / "floor.log"),
        }
        if whatif:
            servers["whatif"] = StreamlitServer("app.py", logs / "whatif.log", gc_mode.flag(not configured))
        blocks: list[tuple[str, Measure, str]] = [
            ("ours.choice_step", ours_choice_step, "ours"),
            ("floor.radio", floor_radio, "floor"),
            ("ours.date_step", ours_date_step, "ours"),
            ("floor.button", floor_button, "floor"),
            ("ours.date_step_from_link", ours_date_step_from_link, "ours"),
            ("ours.plan_load", ours_plan_load, "ours"),
            ("floor.load", floor_load, "floor"),
        ]
        if whatif:
            blocks += [
                ("whatif.choice_step", ours_choice_step, "whatif"),
                ("whatif.date_step", ours_date_step, "whatif"),
            ]
        try:
            for server in servers.values():
                server.start()
            samples = measure(servers, blocks, warmup, reps)
            memory = {name: round(server.rss_mb(), 1) for name, server in servers.items()}
            start_s = {name: round(server.start_s, 2) for name, server in servers.items()}
        finally:
            for server in servers.values():
                server.stop()
    result = report(samples)
    result.update(
        {
            "bench": "click",
            "machine": machine,
            "browser": str(CHROMIUM),
            "post_script_gc": configured,
            "post_script_gc_probe": probes,
            "quick": args.quick,
            "reps": reps,
            "warmup": warmup,
            "servers": {"rss_mb_after": memory, "start_s": start_s},
            "target_ratio": TARGET_RATIO,
            "met": result["ratios"]["question_step_vs_floor"] <= TARGET_RATIO,
        }
    )
    print(json.dumps(result), flush=True)
    print_summary(result)
    return 0


RATIOS = {
    "question_step_vs_floor": ("ours.question_step.heading", "floor.click.done"),
    "choice_step_vs_floor_radio": ("ours.choice_step.heading", "floor.radio.done"),
    "date_step_vs_floor_button": ("ours.date_step.heading", "floor.button.done"),
    "date_step_from_link_vs_floor_button": ("ours.date_step_from_link.heading", "floor.button.done"),
    "question_step_rerun_done_vs_floor": ("ours.question_step.done", "floor.click.done"),
    "server_cpu_question_step_vs_floor": ("ours.question_step.server_cpu", "floor.click.server_cpu"),
    "plan_chart_vs_floor_load": ("ours.plan_load.chart", "floor.load.ready"),
    "plan_text_vs_floor_load": ("ours.plan_load.text", "floor.load.ready"),
    "server_cpu_plan_load_vs_floor_load": ("ours.plan_load.server_cpu", "floor.load.server_cpu"),
    "whatif_question_step_vs_floor": ("whatif.question_step.heading", "floor.click.done"),
    "whatif_server_cpu_vs_floor": ("whatif.question_step.server_cpu", "floor.click.server_cpu"),
}
"""The ratios of medians the summary reports: (ours, the floor's)."""


def report(samples: dict[str, list[float]]) -> dict[str, Any]:
    """Each measure's statistics, also with the wizard's two question steps and the floor's two clicks together."""
    measures = {name: summary(values) for name, values in sorted(samples.items())}
    for both, first, second in (
        ("ours.question_step", "ours.choice_step", "ours.date_step"),
        ("floor.click", "floor.radio", "floor.button"),
        ("whatif.question_step", "whatif.choice_step", "whatif.date_step"),
    ):
        for key in ("heading", "done", "server_cpu", "first_message", "last_message"):
            values = samples.get(f"{first}.{key}", []) + samples.get(f"{second}.{key}", [])
            if values:
                measures[f"{both}.{key}"] = summary(values)
    ratios = {
        name: ratio(measures[ours]["median"], measures[floor]["median"])
        for name, (ours, floor) in RATIOS.items()
        if ours in measures
    }
    fastest = (measures["ours.question_step.heading"]["min"], measures["floor.click.done"]["min"])
    ratios["question_step_min_vs_floor_min"] = ratio(*fastest)
    return {"measures": measures, "ratios": ratios}


def print_summary(result: dict[str, Any]) -> None:
    m, r, served = result["measures"], result["ratios"], result["post_script_gc_probe"]["as_served"]
    print(
        f"mode: {gc_mode.describe(result['post_script_gc'])} (.streamlit/config.toml, app and floor alike); the "
        f"server reads postScriptGC={served['option_as_served']} and ran {served['full_collections']} full "
        f"collections in {served['reruns']} reruns: {'honoured' if served['honoured'] else 'NOT honoured'}"
    )
    print(
        f"click to repaint in chromium (headless), {result['reps']} repetitions each, interleaved, a new session "
        f"each; load average at start {result['machine']['loadavg_at_start'][0]:.2f} on "
        f"{result['machine']['cpus']} cpus"
    )
    for key, name in (
        ("ours.choice_step.heading", "ours: tap 'stage' option -> next heading"),
        ("ours.choice_step.done", "ours: tap 'stage' -> rerun finished"),
        ("ours.date_step.heading", "ours: date Next -> next heading"),
        ("ours.date_step.done", "ours: date Next -> rerun finished"),
        ("ours.date_step_from_link.heading", "ours: date Next, page opened there by link"),
        ("floor.radio.done", "floor: radio -> rerun finished"),
        ("floor.button.done", "floor: button -> rerun finished"),
        ("ours.plan_load.text", "ours: plan link -> plan text on screen"),
        ("ours.plan_load.chart", "ours: plan link -> chart drawn"),
        ("ours.plan_load.done", "ours: plan link -> script finished"),
        ("floor.load.ready", "floor: page load -> ready"),
        ("whatif.question_step.heading", "what-if server: click to next question"),
    ):
        if key in m:
            d = m[key]
            print(
                f"  {name:<42} median {d['median']:7.1f} ms  p95 {d['p95']:7.1f}  (min {d['min']:.1f}, "
                f"max {d['max']:.1f})"
            )
    print(
        f"ratios (medians): click to next question / floor click = {r['question_step_vs_floor']}x (target <= "
        f"{TARGET_RATIO:.0f}x: {'met' if result['met'] else 'MISSED'}); to the rerun finished "
        f"{r['question_step_rerun_done_vs_floor']}x; choice/floor radio {r['choice_step_vs_floor_radio']}x, "
        f"date/floor button {r['date_step_vs_floor_button']}x (opened there by a link: "
        f"{r['date_step_from_link_vs_floor_button']}x); plan chart / floor load {r['plan_chart_vs_floor_load']}x "
        f"(plan text {r['plan_text_vs_floor_load']}x)"
    )
    if "whatif" in result["post_script_gc_probe"]:
        w = result["post_script_gc_probe"]["whatif"]
        print(
            f"  what if app.py ran with the opposite setting (probe: {w['full_collections']} full collections in "
            f"{w['reruns']} reruns, {'honoured' if w['ok'] else 'NOT honoured'}): "
            f"{r['whatif_question_step_vs_floor']}x the floor, server CPU "
            f"{m['whatif.question_step.server_cpu']['median']} ms per click ({r['whatif_server_cpu_vs_floor']}x "
            f"the floor's); memory after the run {result['servers']['rss_mb_after']['whatif']} MB"
        )
    print(
        f"  where a click's time goes (medians, ms after the click): the server's first message ours "
        f"{m['ours.question_step.first_message']['median']} / floor {m['floor.click.first_message']['median']}, "
        f"last ours {m['ours.question_step.last_message']['median']} / floor "
        f"{m['floor.click.last_message']['median']}; next heading painted {m['ours.question_step.heading']['median']}"
        f", floor rerun painted {m['floor.click.done']['median']}"
    )
    print(
        f"  server CPU per click: ours {m['ours.question_step.server_cpu']['median']} ms, floor "
        f"{m['floor.click.server_cpu']['median']} ms = {r['server_cpu_question_step_vs_floor']}x; fastest click to "
        f"next question / the floor's fastest = {r['question_step_min_vs_floor_min']}x; per page load: plan link "
        f"{m['ours.plan_load.server_cpu']['median']} ms, floor {m['floor.load.server_cpu']['median']} ms"
    )
    print(
        f"  servers: start to healthy {result['servers']['start_s']} s; memory after the run "
        f"{result['servers']['rss_mb_after']} MB"
    )


if __name__ == "__main__":
    sys.exit(main())
