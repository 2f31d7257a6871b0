"""Benchmark of the wizard's server rerun against the framework floor (issue 3, "Done when").

A rerun on the server is the script run, plus a full `gc.collect(2)` after it when
`runner.postScriptGC` is on. The benchmark reads that setting from the project's
.streamlit/config.toml (the file `streamlit run` reads, from the repository root, for our
app and for the floor alike): AppTest never runs the post-run collection, so when the
setting is on, every measured run is followed by a timed `gc.collect(2)` and a measure
is script + gc; when it is off (the project's setting since 96d938c), a measure is the
script run alone, with whatever Python's own generational collector does during it.
`--post-script-gc on|off` overrides the file, for a what-if run. The mode measured is in
the JSON (`post_script_gc`) and in the summary's first line.

Pages are compiled once per process, as `streamlit run` does (bench/as_served.py): AppTest
alone would compile app.py and the page on every run, a cost no visitor pays.

app.py's own warm-up (ui/warm_up.py: one throw-away plan and chart, then gc.collect() and
gc.freeze(), once per process) runs in this process on the first app run, as it does
in the server.

Both apps are driven with streamlit.testing.v1.AppTest, interleaved, many repetitions:
- ours: app.py. A question step is a rerun that answers the question on screen and
  draws the next one: picking "stage" (a radio tap, which answers at once) and then
  a date question ("shipped": pick the date, press Next). The plan step is the rerun
  that answers a route's last question and draws the plan with its Plotly timeline;
  a plan rerun is a tick of a checkbox on the plan (every plan rerun redraws the chart);
  a plan link is a new session's first run from a link holding every answer.
- the floor: bench/floor_app.py (one radio, one button), a radio change and a button click,
  in the same mode, measured twice: in this same process (its heap holds everything our
  app imported, frozen by our warm-up) and in a child process that has imported only
  Streamlit (the floor as `streamlit run` serves it: the comparison a user feels).

Target: a question step (median) costs at most 2x the floor's. Judged against both floors:
the one in this process (`met`) and the one in its own process, as served
(`met_vs_floor_own_process`).

Prints one JSON line, then a readable summary. No assertion on time.

    .venv/bin/python bench/wizard_bench.py               # full size (80 repetitions)
    .venv/bin/python bench/wizard_bench.py --quick       # tiny, to prove it works
    .venv/bin/python bench/wizard_bench.py --profile     # also cProfile the steps: where the time goes
    .venv/bin/python bench/wizard_bench.py --post-script-gc on   # what if the server collected after each run
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

import as_served
import gc_mode

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "app.py"
FLOOR = REPO / "bench" / "floor_app.py"
TARGET_RATIO = 2.0
TIMEOUT_S = 60


def _path() -> None:
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))


# --- measuring one rerun ---------------------------------------------------------------------

POST_SCRIPT_GC = gc_mode.configured()
"""Whether the server runs gc.collect(2) after each script run (from .streamlit/config.toml, or --post-script-gc)."""
AUTO_GC_MS = [0.0]
"""Wall ms spent so far in collections Python started on its own (any generation, any thread)."""
_auto_gc_started: list[float] = []


def _count_auto_gc(phase: str, info: dict) -> None:
    if phase == "start":
        _auto_gc_started.append(time.perf_counter())
    elif _auto_gc_started:
        AUTO_GC_MS[0] += (time.perf_counter() - _auto_gc_started.pop()) * 1000


def install_auto_gc_clock() -> None:
    if _count_auto_gc not in gc.callbacks:
        gc.callbacks.append(_count_auto_gc)


Sample = tuple[float, float, float, float, float, float]
"""One measured rerun: script thread wall ms, post-run gc wall ms, AppTest wall ms, script thread CPU ms,
post-run gc CPU ms, wall ms of Python's own collections during the AppTest run (any thread; for information)."""


def timed(action) -> tuple[Sample, object]:
    """Run `action` (an AppTest run), then, when the server would, its gc.collect(2), timed in wall and CPU time.

    CPU time (of the script thread, and of the collection) is what the rerun costs whatever
    else the machine runs; wall time is what a user waits for on this machine right now.
    With the post-run collection off, its two figures are 0.
    """
    as_served.SCRIPT_RUNS.clear()
    auto0 = AUTO_GC_MS[0]
    t0 = time.perf_counter()
    result = action()
    t1, c1 = time.perf_counter(), time.thread_time()
    auto = AUTO_GC_MS[0] - auto0
    if POST_SCRIPT_GC:
        gc.callbacks.remove(_count_auto_gc)
        try:
            gc.collect(2)
        finally:
            gc.callbacks.append(_count_auto_gc)
    t2, c2 = time.perf_counter(), time.thread_time()
    script_wall, script_cpu = as_served.one_run()
    gc_wall, gc_cpu = ((t2 - t1) * 1000, (c2 - c1) * 1000) if POST_SCRIPT_GC else (0.0, 0.0)
    return (script_wall, gc_wall, (t1 - t0) * 1000, script_cpu, gc_cpu, auto), result


def check(at, expected_step: str | None = None) -> None:
    if at.exception:
        raise RuntimeError(f"the app raised: {at.exception[0].value}\n{''.join(at.exception[0].stack_trace)}")
    if expected_step is not None:
        step = at.session_state["step"] if "step" in at.session_state else None
        if step != expected_step:
            raise RuntimeError(f"expected the wizard on step {expected_step!r}, it is on {step!r}")


# --- the floor ---------------------------------------------------------------------------------

class Floor:
    """The framework floor under AppTest: a radio change and a button click, each a rerun."""

    def __init__(self) -> None:
        from streamlit.testing.v1 import AppTest

        as_served.time_script_runs()
        install_auto_gc_clock()
        self.AppTest = AppTest
        self.turn = 0

    def rep(self) -> dict[str, Sample]:
        at = self.AppTest.from_file(str(FLOOR), default_timeout=TIMEOUT_S)
        at.run()
        check(at)
        self.turn += 1
        choice = "BC"[self.turn % 2]  # never the default "A", so the value changes
        radio, at = timed(lambda: at.radio(key="floor_radio").set_value(choice).run())
        check(at)
        button, at = timed(lambda: at.button(key="floor_button").click().run())
        check(at)
        return {"radio": radio, "button": button}


def floor_child() -> int:
    """A process with only Streamlit imported, running the floor on request (one JSON line per rep)."""
    floor = Floor()
    for line in sys.stdin:
        if line.strip() == "quit":
            break
        result = floor.rep()
        result["objects"] = len(gc.get_objects())
        result["frozen"] = gc.get_freeze_count()
        print(json.dumps(result), flush=True)
    return 0


class FloorProcess:
    def __init__(self) -> None:
        mode = "on" if POST_SCRIPT_GC else "off"
        self.proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--floor-child",
                                      "--post-script-gc", mode], cwd=REPO,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        self.objects = None
        self.frozen = None

    def rep(self) -> dict[str, Sample]:
        self.proc.stdin.write("rep\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("the floor's child process stopped")
        result = json.loads(line)
        self.objects = result.pop("objects")
        self.frozen = result.pop("frozen")
        return {k: tuple(v) for k, v in result.items()}

    def close(self) -> None:
        try:
            self.proc.stdin.write("quit\n")
            self.proc.stdin.close()
            self.proc.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()


# --- our app -----------------------------------------------------------------------------------

def plan_route(today: dt.date) -> tuple[dict[str, str], str, object]:
    """A received order with parts missing: every answer but the last, which key is last, and its value."""
    params = {"stage": "received", "problem": "incomplete", "shipped": (today - dt.timedelta(days=25)).isoformat(),
              "receipt": "no", "total": "40.00 EUR"}
    return params, "missing", 12.5


class Ours:
    def __init__(self) -> None:
        from streamlit.testing.v1 import AppTest

        as_served.time_script_runs()
        install_auto_gc_clock()
        self.AppTest = AppTest

    def new(self, params: dict[str, str] | None = None):
        at = self.AppTest.from_file(str(APP), default_timeout=TIMEOUT_S)
        for key, value in (params or {}).items():
            at.query_params[key] = value
        return at

    def question_steps(self) -> dict[str, Sample]:
        """From a fresh session: tap a "stage" answer (-> the shipping date), then a date and Next (-> tracking)."""
        at = self.new()
        start, at = timed(at.run)
        check(at, "stage")
        choice, at = timed(lambda: at.radio(key="q_stage_value").set_value("on_the_way").run())
        check(at, "shipped")
        shipped = dt.date.today() - dt.timedelta(days=20)
        at.date_input(key="q_shipped_value").set_value(shipped)
        date, at = timed(lambda: at.button(key="q_shipped_next").click().run())
        check(at, "tracking")
        return {"start": start, "choice_step": choice, "date_step": date}

    def plan_steps(self) -> dict[str, Sample]:
        """A link with all answers but the last; answering it draws the plan and its chart; then one tick on it."""
        params, last, value = plan_route(dt.date.today())
        at = self.new(params)
        at.run()
        check(at, last)
        at.number_input(key=f"q_{last}_value").set_value(value)
        plan, at = timed(lambda: at.button(key=f"q_{last}_next").click().run())
        check(at, "plan")
        if not at.get("plotly_chart"):
            raise RuntimeError("the plan step drew no Plotly chart")
        tick, at = timed(lambda: at.checkbox(key="plan_step_0").check().run())
        check(at, "plan")
        # A shared link with every answer: a new session's first run lands on the plan.
        linked = self.new({**params, last: f"{value:.2f} EUR"})
        link, linked = timed(linked.run)
        check(linked, "plan")
        return {"plan_step": plan, "plan_rerun": tick, "plan_link": link}


# --- statistics --------------------------------------------------------------------------------

def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(0.95 * (len(ordered) - 1))))]


def describe(samples: list[Sample]) -> dict:
    """Medians and p95s of a measure: total = script thread + post-run gc when on (the server's cost of a
    rerun); cpu_total = the same in CPU time; wall = AppTest's whole run (adds its own message parsing) + gc;
    auto_gc = Python's own collections during the run (already inside the script's time when they ran there)."""
    script = [x[0] for x in samples]
    gcs = [x[1] for x in samples]
    total = [x[0] + x[1] for x in samples]
    wall = [x[2] + x[1] for x in samples]
    cpu = [x[3] + x[4] for x in samples]
    r = lambda v: round(v, 2)  # noqa: E731
    return {
        "n": len(samples),
        "total_median_ms": r(statistics.median(total)), "total_p95_ms": r(p95(total)),
        "script_median_ms": r(statistics.median(script)), "script_p95_ms": r(p95(script)),
        "gc_median_ms": r(statistics.median(gcs)), "gc_p95_ms": r(p95(gcs)),
        "apptest_wall_plus_gc_median_ms": r(statistics.median(wall)),
        "cpu_total_median_ms": r(statistics.median(cpu)), "cpu_total_p95_ms": r(p95(cpu)),
        "cpu_script_median_ms": r(statistics.median([x[3] for x in samples])),
        "cpu_gc_median_ms": r(statistics.median([x[4] for x in samples])),
        "auto_gc_median_ms": r(statistics.median([x[5] for x in samples])),
        "auto_gc_p95_ms": r(p95([x[5] for x in samples])),
        "auto_gc_max_ms": r(max(x[5] for x in samples)),
    }


def ratio(ours: dict, floor: dict, field: str = "total_median_ms") -> float:
    return round(ours[field] / floor[field], 2)


# --- profiling ---------------------------------------------------------------------------------

def profile(ours: Ours, reps: int, which: str) -> dict:
    """cProfile `reps` runs of a step kind: the heaviest functions, cumulative and own time.

    The post-run gc, when on, is left out (it is measured above, and its cost is the heap's size).
    """
    import cProfile
    import pstats

    profiler = cProfile.Profile(time.thread_time)  # CPU time: time the thread waited for the CPU is left out
    for _ in range(reps):
        if which == "question":
            at = ours.new()
            at.run()
            as_served.PROFILER = profiler
            at = at.radio(key="q_stage_value").set_value("on_the_way").run()
            at.date_input(key="q_shipped_value").set_value(dt.date.today() - dt.timedelta(days=20))
            at = at.button(key="q_shipped_next").click().run()
            as_served.PROFILER = None
        else:
            params, last, value = plan_route(dt.date.today())
            at = ours.new(params)
            at.run()
            at.number_input(key=f"q_{last}_value").set_value(value)
            as_served.PROFILER = profiler
            at = at.button(key=f"q_{last}_next").click().run()
            as_served.PROFILER = None
        check(at)
        if POST_SCRIPT_GC:
            gc.collect(2)
    stats = pstats.Stats(profiler)
    # The profiler runs inside the script thread only: what the server would run, not AppTest's parsing.
    runs = reps * (2 if which == "question" else 1)
    rows = []
    for (filename, line, name), (_cc, calls, tottime, cumtime, _callers) in stats.stats.items():
        short = short_name(filename)
        rows.append({"function": f"{short}:{line}({name})", "calls_per_run": round(calls / runs, 1),
                     "own_ms_per_run": round(tottime / runs * 1000, 2),
                     "cumulative_ms_per_run": round(cumtime / runs * 1000, 2)})
    mine = [r for r in rows if r["function"].startswith(("core/", "ui/", "pages/", "app.py"))]
    return {
        "runs": runs,
        "ours_by_cumulative": sorted(mine, key=lambda r: -r["cumulative_ms_per_run"])[:20],
        "all_by_own_time": sorted(rows, key=lambda r: -r["own_ms_per_run"])[:20],
        "all_by_cumulative": sorted(rows, key=lambda r: -r["cumulative_ms_per_run"])[:30],
    }


def short_name(filename: str) -> str:
    if filename.startswith(str(REPO) + "/"):
        rest = filename[len(str(REPO)) + 1:]
        return rest if not rest.startswith(".venv/") else rest.split("site-packages/", 1)[-1]
    if "site-packages/" in filename:
        return filename.split("site-packages/", 1)[1]
    return filename


PLAN_CODE = """
import datetime as dt
from core import advise
from core.calendar import plan_calendar
from core.report import plan_text
from core.timeline import order_timeline
from core.wizard import to_case
from ui.timeline import order_figure
today = dt.date.today()
case = to_case({"stage": "received", "problem": "incomplete", "shipped": (today - dt.timedelta(days=25)).isoformat(),
                "receipt": "no", "total": "40.00 EUR", "missing": "12.50 EUR"}, today)
plan = advise(case, today=today)
plan_calendar(case, plan), plan_text(case, plan), order_figure(order_timeline(case, plan)).to_json()
"""

HEAP_STEPS = [
    ("streamlit", "import streamlit, streamlit.web.server.server"),
    ("core (pydantic, babel)", "import core, core.wizard"),
    ("icalendar (core.calendar)", "import core.calendar"),
    ("plotly (ui.timeline)", "import plotly.graph_objects"),
    ("pandas (ui.orders_table)", "import pandas"),
    ("pyarrow (st.dataframe)", "import pyarrow"),
    ("holidays + country list", "from core.dates import known_countries; known_countries()"),
    ("one plan: calendar, report, figure", PLAN_CODE),
    ("gc.collect() + gc.freeze(), as ui/warm_up.py", "import gc; gc.collect(); gc.freeze()"),
]

HEAP_PROBE = """
import gc, json, statistics, sys, time
sys.path.insert(0, sys.argv[1])
steps = json.loads(sys.argv[2])
rows = []
for name, code in steps:
    t0 = time.perf_counter()
    exec(code, {})
    imported = (time.perf_counter() - t0) * 1000
    times = []
    for _ in range(9):
        t = time.process_time(); gc.collect(2); times.append((time.process_time() - t) * 1000)
    rows.append({"step": name, "objects": len(gc.get_objects()), "gc_cpu_median_ms": round(statistics.median(times), 1),
                 "import_ms": round(imported, 1)})
print(json.dumps(rows))
"""


def gc_by_import() -> list[dict]:
    """In a fresh process, import what the app imports one family at a time: objects the gc
    walks and what a full collection costs after each step."""
    out = subprocess.run([sys.executable, "-c", HEAP_PROBE, str(REPO), json.dumps(HEAP_STEPS)], cwd=REPO,
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def heap_profile(ours: Ours) -> dict:
    """What a full collection has to walk here (frozen objects are skipped), and what is frozen."""
    return {"objects_tracked": len(gc.get_objects()), "objects_frozen": gc.get_freeze_count(),
            "modules_loaded": len(sys.modules),
            "heavy_modules": sorted(m for m in ("pandas", "plotly", "numpy", "pyarrow", "holidays", "icalendar")
                                    if m in sys.modules)}


# --- main --------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tiny run: 3 repetitions, 1 warm-up")
    parser.add_argument("--reps", type=int, default=None)
    parser.add_argument("--warmup", type=int, default=None)
    parser.add_argument("--profile", action="store_true", help="also cProfile the question and plan steps")
    gc_mode.add_option(parser)
    parser.add_argument("--floor-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    global POST_SCRIPT_GC
    configured = gc_mode.configured()
    POST_SCRIPT_GC = gc_mode.chosen(args)
    if args.floor_child:
        return floor_child()
    reps = args.reps or (3 if args.quick else 80)
    warmup = args.warmup if args.warmup is not None else (1 if args.quick else 5)

    _path()
    os.chdir(REPO)
    ours, floor, child = Ours(), Floor(), FloorProcess()
    samples: dict[str, list[Sample]] = {}

    def keep(prefix: str, result: dict[str, Sample]) -> None:
        for key, value in result.items():
            samples.setdefault(prefix + key, []).append(value)

    load = os.getloadavg()
    try:
        blocks = [
            lambda: keep("ours.", ours.question_steps()),
            lambda: keep("ours.", ours.plan_steps()),
            lambda: keep("floor.", floor.rep()),
            lambda: keep("floor_own_process.", child.rep()),
        ]
        for number in range(warmup + reps):
            if number == warmup:
                samples.clear()
            shift = number % len(blocks)
            for block in blocks[shift:] + blocks[:shift]:  # rotate the order: no side always goes first
                block()
        heap = heap_profile(ours)
        heap_child = {"objects_tracked": child.objects, "objects_frozen": child.frozen}
    finally:
        child.close()

    stats = {name: describe(values) for name, values in sorted(samples.items())}
    question = describe(samples["ours.choice_step"] + samples["ours.date_step"])
    floor_both = describe(samples["floor.radio"] + samples["floor.button"])
    own_both = describe(samples["floor_own_process.radio"] + samples["floor_own_process.button"])
    ratios = {
        "question_step_vs_floor": ratio(question, floor_both),
        "choice_step_vs_floor_radio": ratio(stats["ours.choice_step"], stats["floor.radio"]),
        "date_step_vs_floor_button": ratio(stats["ours.date_step"], stats["floor.button"]),
        "plan_step_vs_floor": ratio(stats["ours.plan_step"], floor_both),
        "plan_rerun_vs_floor": ratio(stats["ours.plan_rerun"], floor_both),
        "question_step_vs_floor_own_process": ratio(question, own_both),
        "cpu_question_step_vs_floor": ratio(question, floor_both, "cpu_total_median_ms"),
        "cpu_question_step_vs_floor_own_process": ratio(question, own_both, "cpu_total_median_ms"),
        "cpu_plan_step_vs_floor_own_process": ratio(stats["ours.plan_step"], own_both, "cpu_total_median_ms"),
        "plan_step_vs_floor_own_process": ratio(stats["ours.plan_step"], own_both),
        "question_step_script_only_vs_floor": round(question["script_median_ms"] / floor_both["script_median_ms"], 2),
        "question_step_vs_floor_apptest_wall": round(question["apptest_wall_plus_gc_median_ms"]
                                                     / floor_both["apptest_wall_plus_gc_median_ms"], 2),
    }
    result = {
        "bench": "wizard",
        "date": dt.date.today().isoformat(),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "loadavg_at_start": load,
                    "streamlit": __import__("streamlit").__version__},
        "post_script_gc": POST_SCRIPT_GC,
        "post_script_gc_source": "config" if args.post_script_gc is None else "--post-script-gc",
        "post_script_gc_in_config": configured,
        "quick": args.quick,
        "reps": reps,
        "warmup": warmup,
        "measures": stats,
        "question_step": question,
        "floor": floor_both,
        "floor_own_process": own_both,
        "ratios": ratios,
        "heap": {"ours_process": heap, "floor_own_process": heap_child},
        "target_ratio": TARGET_RATIO,
        "met": ratios["question_step_vs_floor"] <= TARGET_RATIO,
        "met_vs_floor_own_process": ratios["question_step_vs_floor_own_process"] <= TARGET_RATIO,
    }
    if args.profile:
        prof_reps = 3 if args.quick else 20
        result["profile"] = {"question": profile(ours, prof_reps, "question"),
                             "plan": profile(ours, prof_reps, "plan"),
                             "gc_by_import": gc_by_import()}
    print(json.dumps(result), flush=True)
    summary(result)
    return 0


def summary(result: dict) -> None:
    m, r = result["measures"], result["ratios"]

    def line(name: str, d: dict) -> str:
        return (f"  {name:<34} total median {d['total_median_ms']:7.1f} ms  p95 {d['total_p95_ms']:7.1f}  "
                f"(script {d['script_median_ms']:6.1f} / p95 {d['script_p95_ms']:6.1f}, "
                f"post-run gc {d['gc_median_ms']:5.1f} / p95 {d['gc_p95_ms']:5.1f}; CPU {d['cpu_total_median_ms']:6.1f}"
                f" = {d['cpu_script_median_ms']:.1f} + gc {d['cpu_gc_median_ms']:.1f}; Python's own gc during the "
                f"run {d['auto_gc_median_ms']:.2f} / p95 {d['auto_gc_p95_ms']:.2f})")

    on = result["post_script_gc"]
    print(f"mode: {gc_mode.describe(on)} ({result['post_script_gc_source']}; .streamlit/config.toml says "
          f"{'on' if result['post_script_gc_in_config'] else 'off'}), for our app and the floor alike")
    print(f"server rerun = AppTest script run{' + gc.collect(2)' if on else ''}; {result['reps']} repetitions, "
          f"interleaved, load average at start {result['machine']['loadavg_at_start'][0]:.2f} on "
          f"{result['machine']['cpus']} cpus")
    print(line("ours: question step (both kinds)", result["question_step"]))
    for key, name in (("ours.choice_step", "ours: tap 'stage' -> date question"),
                      ("ours.date_step", "ours: date + Next -> next question"),
                      ("ours.plan_step", "ours: last answer -> plan + chart"),
                      ("ours.plan_rerun", "ours: tick a box on the plan"),
                      ("ours.plan_link", "ours: new session from a plan link"),
                      ("ours.start", "ours: new session, first question"),
                      ("floor.radio", "floor (same process): radio"),
                      ("floor.button", "floor (same process): button"),
                      ("floor_own_process.radio", "floor (own process): radio"),
                      ("floor_own_process.button", "floor (own process): button")):
        print(line(name, m[key]))
    print(f"ratios (median script thread{' + gc' if on else ''}): question step / floor = {r['question_step_vs_floor']}x "
          f"(target <= {TARGET_RATIO:.0f}x: {'met' if result['met'] else 'MISSED'}); "
          f"vs the floor in its own process {r['question_step_vs_floor_own_process']}x "
          f"({'met' if result['met_vs_floor_own_process'] else 'MISSED'}); script only {r['question_step_script_only_vs_floor']}x, "
          f"AppTest wall + gc {r['question_step_vs_floor_apptest_wall']}x")
    print(f"  in CPU time (load-independent): question step / floor {r['cpu_question_step_vs_floor']}x, "
          f"vs the floor in its own process {r['cpu_question_step_vs_floor_own_process']}x; plan step vs the floor "
          f"in its own process {r['cpu_plan_step_vs_floor_own_process']}x")
    print(f"  choice step / floor radio {r['choice_step_vs_floor_radio']}x, date step / floor button "
          f"{r['date_step_vs_floor_button']}x, plan step / floor {r['plan_step_vs_floor']}x "
          f"(own process {r['plan_step_vs_floor_own_process']}x), plan rerun / floor {r['plan_rerun_vs_floor']}x")
    heap = result["heap"]
    print(f"  a full collection walks {heap['ours_process']['objects_tracked']} objects here, "
          f"{heap['ours_process']['objects_frozen']} frozen by the warm-up "
          f"({', '.join(heap['ours_process']['heavy_modules'])} loaded), vs "
          f"{heap['floor_own_process']['objects_tracked']} in the floor's own process "
          f"({heap['floor_own_process']['objects_frozen']} frozen)")
    if "profile" in result:
        for kind in ("question", "plan"):
            prof = result["profile"][kind]
            print(f"profile (thread CPU time), {kind} step(s), per run over {prof['runs']} runs (post-run gc "
                  "excluded): our code by cumulative time")
            for row in prof["ours_by_cumulative"][:12]:
                print(f"    {row['cumulative_ms_per_run']:7.2f} ms cum  {row['own_ms_per_run']:6.2f} ms own  "
                      f"{row['calls_per_run']:7.1f} calls  {row['function']}")
            print("  all code by own time:")
            for row in prof["all_by_own_time"][:10]:
                print(f"    {row['own_ms_per_run']:7.2f} ms own  {row['calls_per_run']:7.1f} calls  {row['function']}")
        print("gc.collect(2) cost as the app's imports pile up (fresh process, one family at a time):")
        for row in result["profile"]["gc_by_import"]:
            print(f"    + {row['step']:<34} {row['objects']:>8} objects  gc CPU {row['gc_cpu_median_ms']:6.1f} ms  "
                  f"(import {row['import_ms']:.0f} ms)")


if __name__ == "__main__":
    sys.exit(main())
