"""Click-to-repaint in a real browser, the wizard against the framework floor (issue 3, "Done when").

Starts `streamlit run app.py` and `streamlit run bench/floor_app.py` on free loopback
ports (same flags as tests/browser/conftest.py), and drives Debian's chromium
(/usr/bin/chromium, headless, through Playwright; never `playwright install`).

Both servers start in the repository root, so both run with the project's
.streamlit/config.toml, `runner.postScriptGC` included (off since 96d938c: no full
collection after each rerun). Before measuring, a probe server started the same way
(bench/gc_probe_app.py, see bench/gc_mode.py) checks that the setting is really in force:
the option as the server reads it, and the full collections it runs across reruns.

Timing is taken inside the page, in the page's own clock (performance.now()):
- t0 is the click event's timestamp (Playwright's own overhead before the click is left out);
- a MutationObserver notes when the awaited change lands in the DOM (and a hook on the
  page's WebSocket notes each message from the server), then the next frame is awaited
  (requestAnimationFrame, then a task) so the time includes the repaint.

Measures, interleaved, about 20 repetitions each, every repetition on a fresh URL (a new session):
- ours, choice step: tap an option of the first question ("Where is your order at?")
  until the next question's heading is on screen (and, for reference, until the rerun
  has finished: data-test-script-state back to notRunning);
- ours, date step: on the shipping-date question, reached from the first question as a
  visitor reaches it, press Next until the next question's heading is on screen;
- for reference (not in the target), the same Next on a page opened at that question by a
  link. Streamlit's page loads each kind of widget's code the first time one is drawn, so
  here the click also waits for the radio's code (about 20 to 30 ms), once per page; the
  floor never draws a new kind of widget;
- the floor: tap its radio / press its button until the rerun has finished and the
  DOM is updated: the repaint after the rerun's last message or DOM change, once the app
  says notRunning (measured the same way for ours, as "rerun finished");
- plan load: open a link with every answer of a route until the plan's Plotly chart is
  drawn (time since navigation start), against the floor's page load until its script
  finished with its radio on screen.

Target: click to the next question <= 2x the floor's click-to-repaint (median).

What if (full runs; --no-whatif skips it): a third server, app.py started with the
opposite setting (now `--runner.postScriptGC true`: a full collection after each rerun,
on top of the warm-up's gc.freeze()), gets the same question steps, so the trade stays
visible; its own probe checks that the flag took.
Prints one JSON line, then a readable summary. No assertion on time.

    .venv/bin/python bench/click_bench.py            # full size (20 repetitions)
    .venv/bin/python bench/click_bench.py --quick    # tiny, to prove it works
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import gc_mode

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
READY = ('[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
         '[data-test-script-state="notRunning"]')
TARGET_RATIO = 2.0
TIMEOUT_MS = 30_000

STAGE_TITLE = "Where is your order at?"
STAGE_OPTION = "Shipped, but it hasn't arrived"
SHIPPED_TITLE = "When did the seller ship it?"
TRACKING_TITLE = "What does the tracking say?"

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

# Installed before each click. t0 is the click event's timestamp. Every DOM mutation and every
# websocket message after it counts as activity; after each one, the next frame is awaited
# (requestAnimationFrame, then a task) so a time includes the repaint.
# - heading: the awaited heading is in the DOM (not stale) and painted;
# - done: the rerun is over (script state notRunning) and quiet (no message nor mutation for
#   QUIET_MS), timed at the repaint after the last activity. A fast rerun's "running" and
#   "notRunning" can land in one React render, so the attribute alone can't be relied on.
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
    && performance.now() - rec.last > QUIET_MS
    && app.getAttribute('data-test-script-state') === 'notRunning';
}
""".replace("QUIET_MS", "400")
WAIT_JS = """(needHeading) => { const r = window.__bench;
  return r && r.done() && (!needHeading || r.heading !== null); }"""
READ_JS = """() => { const r = window.__bench; r.stop();
  return {t0: r.t0, heading: r.heading, done: r.painted, firstMsg: r.firstMsg, lastMsg: r.lastMsg}; }"""

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


# --- servers ---------------------------------------------------------------------------------

def process_cpu_clock(pid: int) -> int | None:
    """The CPU-time clock id of another process (Linux, glibc), or None."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        clock = ctypes.c_int()
        if libc.clock_getcpuclockid(pid, ctypes.byref(clock)) != 0:
            return None
        time.clock_gettime(clock.value)
        return clock.value
    except (OSError, AttributeError):
        return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`streamlit run SCRIPT` on a free loopback port, in its own process group (stopped by its id)."""

    def __init__(self, script: str, log_dir: Path, extra: tuple[str, ...] = (), name: str | None = None) -> None:
        self.script = script
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log_dir / ((name or Path(script).stem) + ".log")
        python = REPO / ".venv" / "bin" / "python"
        cmd = [str(python if python.exists() else sys.executable), "-m", "streamlit", "run", script,
               "--server.headless", "true", "--server.address", "127.0.0.1", "--server.port", str(self.port),
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none", *extra]
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(cmd, cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL, start_new_session=True)
        t0 = time.perf_counter()
        deadline = time.monotonic() + 60
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{script}: streamlit exited with {self.proc.returncode}:\n"
                                   + self.log.read_text(errors="replace")[-3000:])
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=2) as resp:
                    if resp.read().decode().strip() == "ok":
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"{script}: not healthy after 60 s")
            time.sleep(0.05)
        self.start_s = time.perf_counter() - t0

    def stop(self) -> None:
        if self.proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)  # the group this script started, by its id
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=5)

    def cpu_ms(self) -> float:
        """CPU time the server process has used so far, dead threads included: its CPU-time clock
        (clock_getcpuclockid, nanoseconds), else /proc's user + system in 10 ms ticks."""
        clock = process_cpu_clock(self.proc.pid)
        if clock is not None:
            return time.clock_gettime(clock) * 1000
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")

    def rss_mb(self) -> float | None:
        try:
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return round(int(line.split()[1]) / 1024, 1)
        except OSError:
            return None
        return None


# --- measures ----------------------------------------------------------------------------------

SETTLE_S = 0.5
"""Pause between a page being ready and the click: a person reads the question first, and the
server has finished the page's first run (a post-run garbage collection, when on, comes after the
run is reported done), so that work is not counted in the click."""


def probe_gc(log_dir: Path, extra: tuple[str, ...], name: str) -> dict:
    """Serve bench/gc_probe_app.py with these extra options, from the repository root like the measured
    servers, and ask it what runner.postScriptGC is and does."""
    server = Server(str(gc_mode.PROBE_APP.relative_to(REPO)), log_dir, extra, name=name)
    try:
        return gc_mode.probe(server.port)
    finally:
        server.stop()


def open_fresh(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(READY, state="attached", timeout=TIMEOUT_MS)


def click_and_time(page, locator, heading: str | None, server: Server) -> dict:
    """Click `locator`; ms from the click event to the heading painted, and to the rerun finished and
    painted; and the server's CPU ms for the whole rerun (its garbage collection included)."""
    locator.wait_for(timeout=TIMEOUT_MS)
    time.sleep(SETTLE_S)
    page.evaluate(WATCH_JS, heading)
    cpu_before = server.cpu_ms()
    locator.click()
    page.wait_for_function(WAIT_JS, arg=heading is not None, timeout=TIMEOUT_MS, polling=50)
    cpu = server.cpu_ms() - cpu_before
    rec = page.evaluate(READ_JS)
    if rec["t0"] is None:
        raise RuntimeError("the click event was not seen")
    since = lambda t: None if t is None else t - rec["t0"]
    return {"heading_ms": since(rec["heading"]), "done_ms": since(rec["done"]), "server_cpu_ms": cpu,
            "first_message_ms": since(rec["firstMsg"]), "last_message_ms": since(rec["lastMsg"])}


def ours_choice_step(page, server: Server) -> dict:
    base = server.url
    open_fresh(page, base + "/")
    page.get_by_role("heading", name=STAGE_TITLE).wait_for(timeout=TIMEOUT_MS)
    option = page.locator(".st-key-q_stage_value label[data-testid='stRadioOption']").filter(has_text=STAGE_OPTION)
    return click_and_time(page, option, SHIPPED_TITLE, server)


def ours_date_step(page, server: Server) -> dict:
    """Next on the shipping-date question, reached as a visitor reaches it: from the first question."""
    open_fresh(page, server.url + "/")
    page.get_by_role("heading", name=STAGE_TITLE).wait_for(timeout=TIMEOUT_MS)
    page.locator(".st-key-q_stage_value label[data-testid='stRadioOption']").filter(has_text=STAGE_OPTION).click()
    page.get_by_role("heading", name=SHIPPED_TITLE).wait_for(timeout=TIMEOUT_MS)
    return click_and_time(page, page.locator(".st-key-q_shipped_next button"), TRACKING_TITLE, server)


def ours_date_step_from_link(page, server: Server) -> dict:
    """The same Next on a page opened by a link at the shipping-date question: the next question's
    radio is the first on this page, so the browser loads the radio's code during the click."""
    open_fresh(page, server.url + "/?" + urlencode({"stage": "on_the_way"}))
    page.get_by_role("heading", name=SHIPPED_TITLE).wait_for(timeout=TIMEOUT_MS)
    return click_and_time(page, page.locator(".st-key-q_shipped_next button"), TRACKING_TITLE, server)


def floor_radio(page, server: Server) -> dict:
    open_fresh(page, server.url + "/")
    option = page.locator("[data-testid='stRadioOption']").filter(has_text="B")
    return click_and_time(page, option, None, server)


def floor_button(page, server: Server) -> dict:
    open_fresh(page, server.url + "/")
    return click_and_time(page, page.locator("[data-testid='stButton'] button"), None, server)


def plan_url(base: str, today: dt.date) -> str:
    answers = {"stage": "received", "problem": "incomplete", "shipped": (today - dt.timedelta(days=25)).isoformat(),
               "receipt": "no", "total": "40.00 EUR", "missing": "12.50 EUR"}
    return base + "/?" + urlencode(answers)


def ours_plan_load(page, server: Server) -> dict:
    """ms from navigation start to the plan's text ("Steps") on screen, to its chart drawn, to the
    script finished; and the server's CPU ms for that page load."""
    time.sleep(SETTLE_S)
    cpu_before = server.cpu_ms()
    page.goto(plan_url(server.url, dt.date.today()))
    seen = page.wait_for_function(PLAN_JS, timeout=TIMEOUT_MS, polling="raf").json_value()
    page.wait_for_selector(READY, state="attached", timeout=TIMEOUT_MS)
    done = page.evaluate("performance.now()")
    time.sleep(SETTLE_S)
    cpu = server.cpu_ms() - cpu_before
    if page.locator('[data-testid="stException"]').count():
        raise RuntimeError("the plan page shows an exception")
    return {"text_ms": seen["text"], "chart_ms": seen["chart"], "done_ms": done, "server_cpu_ms": cpu}


def floor_load(page, server: Server) -> dict:
    time.sleep(SETTLE_S)
    cpu_before = server.cpu_ms()
    page.goto(server.url + "/")
    ready = page.wait_for_function(FLOOR_READY_JS, timeout=TIMEOUT_MS, polling="raf").json_value()
    time.sleep(SETTLE_S)
    return {"ready_ms": ready, "server_cpu_ms": server.cpu_ms() - cpu_before}


# --- statistics --------------------------------------------------------------------------------

def describe(values: list[float]) -> dict:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"n": len(values), "median_ms": round(statistics.median(values), 1), "p95_ms": round(p95, 1),
            "min_ms": round(ordered[0], 1), "max_ms": round(ordered[-1], 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tiny run: 1 repetition, no warm-up")
    parser.add_argument("--reps", type=int, default=None)
    parser.add_argument("--warmup", type=int, default=None)
    parser.add_argument("--no-whatif", action="store_true",
                        help="skip the what-if server (app.py with the opposite runner.postScriptGC)")
    args = parser.parse_args(argv)
    configured = gc_mode.configured()
    whatif_extra = tuple(gc_mode.flag(not configured))
    whatif = not (args.quick or args.no_whatif)
    reps = args.reps or (1 if args.quick else 20)
    warmup = args.warmup if args.warmup is not None else (0 if args.quick else 3)
    if not (os.path.exists(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        print(f"{CHROMIUM} is missing (make test installs Debian's chromium with apt-get)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    load = os.getloadavg()
    samples: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="click-bench-") as tmp:
        servers: list[Server] = []
        probes = {"as_served": probe_gc(Path(tmp), (), "probe")}
        if whatif:
            probes["whatif"] = probe_gc(Path(tmp), whatif_extra, "probe-whatif")
        if probes["as_served"]["option_as_served"] != configured or not probes["as_served"]["honoured"]:
            print(f"the server does not run with .streamlit/config.toml's runner.postScriptGC = {configured}: "
                  f"{probes['as_served']}", file=sys.stderr)
            return 3
        try:
            ours = Server("app.py", Path(tmp))
            servers.append(ours)
            floor = Server("bench/floor_app.py", Path(tmp))
            servers.append(floor)
            if whatif:
                other = Server("app.py", Path(tmp), whatif_extra, name="app-whatif")
                servers.append(other)
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
                try:
                    pages = []
                    for _server in servers:
                        context = browser.new_context(viewport={"width": 1280, "height": 900})
                        context.add_init_script(WS_HOOK_JS)
                        pages.append(context.new_page())
                    ours_page, floor_page = pages[:2]

                    def keep(name: str, value: float | None) -> None:
                        if value is not None:
                            samples.setdefault(name, []).append(value)

                    def choice() -> None:
                        r = ours_choice_step(ours_page, ours)
                        keep("ours.choice_step.heading", r["heading_ms"])
                        keep("ours.choice_step.done", r["done_ms"])
                        keep("server_cpu.ours.question_step", r["server_cpu_ms"])
                        keep("messages.ours.question_step.first", r["first_message_ms"])
                        keep("messages.ours.question_step.last", r["last_message_ms"])

                    def date() -> None:
                        r = ours_date_step(ours_page, ours)
                        keep("ours.date_step.heading", r["heading_ms"])
                        keep("ours.date_step.done", r["done_ms"])
                        keep("server_cpu.ours.question_step", r["server_cpu_ms"])
                        keep("messages.ours.question_step.first", r["first_message_ms"])
                        keep("messages.ours.question_step.last", r["last_message_ms"])

                    def date_from_link() -> None:
                        r = ours_date_step_from_link(ours_page, ours)
                        keep("ours.date_step_from_link.heading", r["heading_ms"])

                    def f_radio() -> None:
                        r = floor_radio(floor_page, floor)
                        keep("floor.radio.done", r["done_ms"])
                        keep("server_cpu.floor.click", r["server_cpu_ms"])
                        keep("messages.floor.click.first", r["first_message_ms"])
                        keep("messages.floor.click.last", r["last_message_ms"])

                    def f_button() -> None:
                        r = floor_button(floor_page, floor)
                        keep("floor.button.done", r["done_ms"])
                        keep("server_cpu.floor.click", r["server_cpu_ms"])
                        keep("messages.floor.click.first", r["first_message_ms"])
                        keep("messages.floor.click.last", r["last_message_ms"])

                    def plan() -> None:
                        r = ours_plan_load(ours_page, ours)
                        keep("ours.plan_load.text", r["text_ms"])
                        keep("ours.plan_load.chart", r["chart_ms"])
                        keep("ours.plan_load.done", r["done_ms"])
                        keep("server_cpu.ours.plan_load", r["server_cpu_ms"])

                    def f_load() -> None:
                        r = floor_load(floor_page, floor)
                        keep("floor.load.ready", r["ready_ms"])
                        keep("server_cpu.floor.load", r["server_cpu_ms"])

                    blocks = [choice, f_radio, date, f_button, date_from_link, plan, f_load]
                    if whatif:
                        def whatif_steps() -> None:
                            r = ours_choice_step(pages[2], other)
                            keep("whatif.choice_step.heading", r["heading_ms"])
                            keep("server_cpu.whatif.question_step", r["server_cpu_ms"])
                            r = ours_date_step(pages[2], other)
                            keep("whatif.date_step.heading", r["heading_ms"])
                            keep("server_cpu.whatif.question_step", r["server_cpu_ms"])

                        blocks.append(whatif_steps)
                    for number in range(warmup + reps):
                        if number == warmup:
                            samples.clear()
                        shift = number % len(blocks)
                        for block in blocks[shift:] + blocks[:shift]:
                            block()
                finally:
                    browser.close()
            server_info = {"ours_start_s": round(ours.start_s, 2), "floor_start_s": round(floor.start_s, 2),
                           "ours_rss_mb": ours.rss_mb(), "floor_rss_mb": floor.rss_mb()}
            if whatif:
                server_info["whatif_rss_mb"] = other.rss_mb()
        finally:
            for server in servers:
                server.stop()

    stats = {name: describe(values) for name, values in sorted(samples.items())}
    question = describe(samples["ours.choice_step.heading"] + samples["ours.date_step.heading"])
    question_done = describe(samples["ours.choice_step.done"] + samples["ours.date_step.done"])
    floor_click = describe(samples["floor.radio.done"] + samples["floor.button.done"])

    def ratio(a: dict, b: dict) -> float | None:
        return round(a["median_ms"] / b["median_ms"], 2) if b["median_ms"] else None

    ratios = {
        "question_step_vs_floor": ratio(question, floor_click),
        "choice_step_vs_floor_radio": ratio(stats["ours.choice_step.heading"], stats["floor.radio.done"]),
        "date_step_vs_floor_button": ratio(stats["ours.date_step.heading"], stats["floor.button.done"]),
        "date_step_from_link_vs_floor_button": ratio(stats["ours.date_step_from_link.heading"],
                                                     stats["floor.button.done"]),
        "question_step_rerun_done_vs_floor": ratio(question_done, floor_click),
        "question_step_min_vs_floor_min": round(question["min_ms"] / floor_click["min_ms"], 2)
        if floor_click["min_ms"] else None,
        "server_cpu_question_step_vs_floor": ratio(stats["server_cpu.ours.question_step"],
                                                   stats["server_cpu.floor.click"]),
        "plan_chart_vs_floor_load": ratio(stats["ours.plan_load.chart"], stats["floor.load.ready"]),
        "plan_text_vs_floor_load": ratio(stats["ours.plan_load.text"], stats["floor.load.ready"]),
        "server_cpu_plan_load_vs_floor_load": ratio(stats["server_cpu.ours.plan_load"], stats["server_cpu.floor.load"]),
    }
    other_question = None
    if whatif:
        other_question = describe(samples["whatif.choice_step.heading"] + samples["whatif.date_step.heading"])
        other_question["post_script_gc"] = not configured
        other_question["server_option"] = " ".join(whatif_extra)
        other_question["ratio_vs_floor"] = ratio(other_question, floor_click)
        other_question["server_cpu_median_ms"] = stats["server_cpu.whatif.question_step"]["median_ms"]
        other_question["server_cpu_ratio_vs_floor"] = ratio(stats["server_cpu.whatif.question_step"],
                                                            stats["server_cpu.floor.click"])
    result = {
        "bench": "click",
        "date": dt.date.today().isoformat(),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "loadavg_at_start": load,
                    "streamlit": __import__("streamlit").__version__},
        "browser": CHROMIUM,
        "post_script_gc": configured,
        "post_script_gc_probe": probes,
        "quick": args.quick,
        "reps": reps,
        "warmup": warmup,
        "measures": stats,
        "question_step": question,
        "question_step_rerun_done": question_done,
        "floor_click": floor_click,
        "ratios": ratios,
        "servers": server_info,
        "whatif_post_script_gc": other_question,
        "target_ratio": TARGET_RATIO,
        "met": ratios["question_step_vs_floor"] <= TARGET_RATIO,
    }
    print(json.dumps(result), flush=True)
    served = probes["as_served"]
    print(f"mode: {gc_mode.describe(configured)} (.streamlit/config.toml, app and floor alike); the server reads "
          f"postScriptGC={served['option_as_served']} and ran {served['full_collections']} full collections in "
          f"{served['reruns']} reruns: {'honoured' if served['honoured'] else 'NOT honoured'}")
    print(f"click to repaint in chromium (headless), {reps} repetitions each, interleaved, fresh session each; "
          f"load average at start {load[0]:.2f} on {os.cpu_count()} cpus")
    for key, name in (("ours.choice_step.heading", "ours: tap 'stage' option -> next heading"),
                      ("ours.choice_step.done", "ours: tap 'stage' -> rerun finished"),
                      ("ours.date_step.heading", "ours: date Next -> next heading"),
                      ("ours.date_step.done", "ours: date Next -> rerun finished"),
                      ("ours.date_step_from_link.heading", "ours: date Next, page opened there by link"),
                      ("floor.radio.done", "floor: radio -> rerun finished"),
                      ("floor.button.done", "floor: button -> rerun finished"),
                      ("ours.plan_load.text", "ours: plan link -> plan text on screen"),
                      ("ours.plan_load.chart", "ours: plan link -> chart drawn"),
                      ("ours.plan_load.done", "ours: plan link -> script finished"),
                      ("floor.load.ready", "floor: page load -> ready")):
        d = stats[key]
        print(f"  {name:<42} median {d['median_ms']:7.1f} ms  p95 {d['p95_ms']:7.1f}  "
              f"(min {d['min_ms']:.1f}, max {d['max_ms']:.1f})")
    print(f"ratios (medians): click to next question / floor click = {ratios['question_step_vs_floor']}x "
          f"(target <= {TARGET_RATIO:.0f}x: {'met' if result['met'] else 'MISSED'}); to the rerun finished "
          f"{ratios['question_step_rerun_done_vs_floor']}x; choice/floor radio {ratios['choice_step_vs_floor_radio']}x, "
          f"date/floor button {ratios['date_step_vs_floor_button']}x (on a page opened at the date question "
          f"by a link: {ratios['date_step_from_link_vs_floor_button']}x); plan chart / floor load "
          f"{ratios['plan_chart_vs_floor_load']}x (plan text {ratios['plan_text_vs_floor_load']}x)")
    if other_question:
        w = probes["whatif"]
        print(f"  what if app.py ran with {other_question['server_option']} (probe: "
              f"{w['full_collections']} full collections in {w['reruns']} reruns, "
              f"{'honoured' if w['honoured'] else 'NOT honoured'}): click to next question median "
              f"{other_question['median_ms']} ms (p95 {other_question['p95_ms']}) = {other_question['ratio_vs_floor']}x "
              f"the floor, server CPU {other_question['server_cpu_median_ms']} ms per click "
              f"({other_question['server_cpu_ratio_vs_floor']}x the floor's); its memory after the run "
              f"{server_info['whatif_rss_mb']} MB (question steps only, no plan)")
    print(f"  where a click's time goes (medians, ms after the click): first message from the server ours "
          f"{stats['messages.ours.question_step.first']['median_ms']} / floor "
          f"{stats['messages.floor.click.first']['median_ms']}, last message ours "
          f"{stats['messages.ours.question_step.last']['median_ms']} / floor "
          f"{stats['messages.floor.click.last']['median_ms']}; next heading painted ours "
          f"{question['median_ms']}, floor rerun painted {floor_click['median_ms']}")
    cpu_ours, cpu_floor = stats["server_cpu.ours.question_step"], stats["server_cpu.floor.click"]
    print(f"  server CPU per click: ours question step median {cpu_ours['median_ms']} ms, floor "
          f"{cpu_floor['median_ms']} ms = {ratios['server_cpu_question_step_vs_floor']}x; best case (min) click to "
          f"next question / floor min = {ratios['question_step_min_vs_floor_min']}x")
    print(f"  server CPU per page load: ours plan link {stats['server_cpu.ours.plan_load']['median_ms']} ms, floor "
          f"{stats['server_cpu.floor.load']['median_ms']} ms = {ratios['server_cpu_plan_load_vs_floor_load']}x")
    print(f"  servers: start to healthy ours {server_info['ours_start_s']} s, floor {server_info['floor_start_s']} s; "
          f"memory after the run ours {server_info['ours_rss_mb']} MB, floor {server_info['floor_rss_mb']} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
