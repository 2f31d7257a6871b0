"""The wizard's server rerun against the framework floor's (issue 3): AppTest, interleaved, as the server runs it.

A question step (tap "stage"; a date, then Next), the plan step (last answer -> plan and chart), a tick on
the plan, and a new session from a link to the plan; against bench/floor_app.py's radio and button, both
in this process (whose heap app.py's warm-up froze) and in a process of its own (as `streamlit run` serves
it). Timing as in bench/harness.py. Target: a question step at most 2x the floor. Also, interleaved in the
same run, the question step in Spanish (the real catalog, locale/es) against English (target: within
10 %), and a language switch against a normal rerun (target: no dearer). Prints one JSON line, then a summary.

    .venv/bin/python bench/wizard_bench.py                       # 80 repetitions
    .venv/bin/python bench/wizard_bench.py --quick               # tiny, to prove it works
    .venv/bin/python bench/wizard_bench.py --profile             # also where the time goes (cProfile)
    .venv/bin/python bench/wizard_bench.py --post-script-gc on   # what if the server collected after each run
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import gc_mode, harness
from bench.harness import Sample
from core.wizard.answers import NOT_YET
from tests.support.wizard import ROUTES, TODAY, answer, current_question, start

TARGET_RATIO = 2.0
LANGUAGE_RATIO = 1.10
"""The question step in Spanish against English, and a language switch against a question step."""
PLAN_ROUTE = ROUTES["received, parts missing"][0]
SHIPPED = (TODAY - dt.timedelta(days=20)).isoformat()
OURS = ("core/", "ui/", "pages/", "app.py")


def pick_ordered(at: Any) -> Any:
    """Pick the order's day (the date box starts empty, Next waits for it): the run before the timed Next.

    The first plain date question: the shipping day is asked yes-first, and "no" leads here."""
    return at.date_input(key="q_ordered_value").set_value(dt.date.fromisoformat(SHIPPED)).run()


def expect(at: Any, step: str) -> Any:
    if current_question(at) != step:
        raise RuntimeError(f"expected the wizard on {step!r}, it is on {current_question(at)!r}")
    return at


class Ours:
    """app.py under AppTest, a new session per repetition."""

    def __init__(self, post_script_gc: bool, language: str = "en") -> None:
        harness.time_script_runs()
        self.gc = post_script_gc
        self.params = {} if language == "en" else {"lang": language}

    def question_steps(self) -> dict[str, Sample]:
        first, at = harness.timed(lambda: start(self.params), self.gc)
        choice, at = harness.timed(lambda: answer(expect(at, "stage"), "stage", "on_the_way"), self.gc)
        at = answer(expect(at, "shipped"), "shipped", NOT_YET)
        at = pick_ordered(expect(at, "ordered"))  # the box starts empty; picking a day is its own run
        date, at = harness.timed(lambda: at.button(key="q_ordered_next").click().run(), self.gc)
        expect(at, "protection")
        if not self.params:
            return {"start": first, "choice_step": choice, "date_step": date}
        back = self.params["lang"]
        there, at = harness.timed(lambda: at.selectbox(key="language_picker").set_value("en").run(), self.gc)
        again, at = harness.timed(lambda: at.selectbox(key="language_picker").set_value(back).run(), self.gc)
        expect(at, "protection")
        return {"choice_step": choice, "date_step": date, "switch": there, "switch_back": again}

    def plan_steps(self) -> dict[str, Sample]:
        """A link holding all answers but the last; answering it draws the plan; a tick on it; a link to it."""
        at = expect(start(dict(PLAN_ROUTE[:-1])), PLAN_ROUTE[-1][0])
        plan, at = harness.timed(lambda: answer(at, *PLAN_ROUTE[-1]), self.gc)
        if not expect(at, "plan").get("plotly_chart"):
            raise RuntimeError("the plan step drew no Plotly chart")
        tick, at = harness.timed(lambda: at.checkbox(key="plan_step_0").check().run(), self.gc)
        expect(at, "plan")
        link, linked = harness.timed(lambda: start(dict(PLAN_ROUTE)), self.gc)
        expect(linked, "plan")
        return {"plan_step": plan, "plan_rerun": tick, "plan_link": link}


def profile(reps: int) -> dict[str, Any]:
    """Where the script thread's CPU time goes (cProfile), for the question steps and the plan step."""
    profilers = {"question": cProfile.Profile(time.thread_time), "plan": cProfile.Profile(time.thread_time)}
    for _ in range(reps):
        at = start()
        harness.PROFILER = profilers["question"]
        at = answer(answer(at, "stage", "on_the_way"), "shipped", NOT_YET)
        pick_ordered(at).button(key="q_ordered_next").click().run()
        at = start(dict(PLAN_ROUTE[:-1]))
        harness.PROFILER = profilers["plan"]
        answer(at, *PLAN_ROUTE[-1])
        harness.PROFILER = None
    result: dict[str, Any] = {}
    for kind, profiler in profilers.items():
        runs = reps * (3 if kind == "question" else 1)  # question: the stage tap, the day picked, Next
        rows = harness.profile_rows(profiler, runs)
        result[kind] = {
            "runs": runs,
            "ours_by_cumulative": [r for r in rows if r["function"].startswith(OURS)][:20],
            "all_by_own_time": sorted(rows, key=lambda r: -r["own_ms_per_run"])[:20],
        }
    return result


HEAP_STEPS = [
    ("streamlit", "import streamlit, streamlit.web.server.server"),
    ("core (pydantic, babel)", "import core"),
    ("icalendar (core.calendar)", "import core.calendar"),
    ("plotly (ui.timeline)", "import plotly.graph_objects"),
    ("pandas (ui.orders_table)", "import pandas"),
    ("pyarrow (st.dataframe)", "import pyarrow"),
    ("holidays + country list", "from core.dates import known_countries; known_countries()"),
    (
        "one plan and its figure",
        "from core import advise, read_case; from core.timeline import order_timeline\n"
        "from ui.timeline import order_figure\n"
        "case = read_case({'today': '2026-01-15', 'order': {'shipped_on': '2026-01-02'}})\n"
        "order_figure(order_timeline(case, advise(case))).to_json()",
    ),
    ("gc.collect() + gc.freeze(), as ui/warm_up.py", "import gc; gc.collect(); gc.freeze()"),
]
HEAP_PROBE = """
import gc, json, statistics, sys, time
sys.path.insert(0, sys.argv[1])
rows = []
for name, code in json.loads(sys.argv[2]):
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


def gc_by_import() -> list[dict[str, Any]]:
    """In a fresh process, what a full collection walks and costs as the app's imports pile up."""
    out = subprocess.run(
        [sys.executable, "-c", HEAP_PROBE, str(harness.REPO), json.dumps(HEAP_STEPS)],
        cwd=harness.REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return list(json.loads(out.strip().splitlines()[-1]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tiny run: 3 repetitions, 1 warm-up")
    parser.add_argument("--reps", type=int, default=None)
    parser.add_argument("--profile", action="store_true", help="also cProfile the question and plan steps")
    gc_mode.add_option(parser)
    args = parser.parse_args(argv)
    post_script_gc = gc_mode.chosen(args)
    reps = args.reps or (3 if args.quick else 80)
    warmup = 1 if args.quick else 5
    result: dict[str, Any] = {
        "bench": "wizard",
        "machine": harness.machine(),
        "quick": args.quick,
        "reps": reps,
        "warmup": warmup,
    }
    ours, floor, own = Ours(post_script_gc), harness.Floor(post_script_gc), harness.FloorProcess(post_script_gc)
    spanish = Ours(post_script_gc, "es")
    blocks = [
        ("ours", ours.question_steps),
        ("ours", ours.plan_steps),
        ("ours_es", spanish.question_steps),
        ("floor", floor.rep),
        ("floor_own_process", own.rep),
    ]
    try:
        samples = harness.interleave(blocks, warmup, reps)
    finally:
        own.close()
    floors = harness.floors(samples)
    steps = {"question_step": samples["ours.choice_step"] + samples["ours.date_step"]}
    steps.update({step: samples[f"ours.{step}"] for step in ("plan_step", "plan_rerun", "plan_link")})
    measures = {name: harness.describe(values) for name, values in sorted(samples.items())}
    measures.update({name: harness.describe(values) for name, values in floors.items()})
    measures["ours.question_step"] = harness.describe(steps["question_step"])
    ratios = harness.ratios(steps, floors)
    spanish_step = samples["ours_es.choice_step"] + samples["ours_es.date_step"]
    switches = samples["ours_es.switch"] + samples["ours_es.switch_back"]
    measures["ours_es.question_step"] = harness.describe(spanish_step)
    measures["ours_es.switches"] = harness.describe(switches)
    english = harness.median_of(steps["question_step"])
    spanish_ratio = round(harness.median_of(spanish_step) / english, 2)
    switch_ratio = round(harness.median_of(switches) / english, 2)
    languages = {
        "question_step_es_vs_en": spanish_ratio,
        "switch_vs_question_step": switch_ratio,
        "question_step_es_vs_en_cpu": round(cpu_median(spanish_step) / cpu_median(steps["question_step"]), 2),
        "switch_vs_question_step_cpu": round(cpu_median(switches) / cpu_median(steps["question_step"]), 2),
        "catalog": "locale/es",
        "met": spanish_ratio <= LANGUAGE_RATIO and switch_ratio <= LANGUAGE_RATIO,
    }
    result.update(gc_mode.fields(args))
    result.update(
        {
            "measures": measures,
            "ratios": ratios,
            "heap": {"ours_process": harness.heap(), "floor_own_process": own.heap},
            "target_ratio": TARGET_RATIO,
            "met": ratios["question_step_vs_floor"] <= TARGET_RATIO,
            "met_vs_floor_own_process": ratios["question_step_vs_floor_own_process"] <= TARGET_RATIO,
            "languages": languages,
            "language_target_ratio": LANGUAGE_RATIO,
        }
    )
    if args.profile:
        result["profile"] = {**profile(3 if args.quick else 20), "gc_by_import": gc_by_import()}
    print(json.dumps(result), flush=True)
    summary(result)
    return 0


def cpu_median(samples: list[Sample]) -> float:
    """The median CPU ms (script + gc) of some reruns: steadier than wall time on a busy machine."""
    return float(harness.describe(samples)["cpu"]["median"])


def summary(result: dict[str, Any]) -> None:
    measures, ratios, heap = result["measures"], result["ratios"], result["heap"]
    print(
        f"{gc_mode.mode_line(result)}, for our app and the floor alike; {result['reps']} repetitions, interleaved, "
        "load average at start "
        f"{result['machine']['loadavg_at_start'][0]:.2f} on {result['machine']['cpus']} cpus"
    )
    print("server rerun, ms: median (p95) = script + post-run gc; CPU; vs the floor in this process / its own")
    for name, label in (
        ("ours.question_step", "question step (both kinds)"),
        ("ours.choice_step", "tap 'stage'"),
        ("ours.date_step", "a date, then Next"),
        ("ours.plan_step", "last answer -> plan + chart"),
        ("ours.plan_rerun", "a tick on the plan"),
        ("ours.plan_link", "new session from a plan link"),
        ("ours.start", "new session, first question"),
        ("floor", "floor, this process"),
        ("floor_own_process", "floor, its own process"),
    ):
        m = measures[name]
        line = (
            f"  {label:<30} {m['total']['median']:7.2f} ({m['total']['p95']:.2f}) = {m['script']['median']:.2f}"
            f" + gc {m['gc']['median']:.2f}; CPU {m['cpu']['median']:.2f}"
        )
        step = name.removeprefix("ours.")
        if f"{step}_vs_floor" in ratios:
            line += f"; {ratios[f'{step}_vs_floor']}x / {ratios[f'{step}_vs_floor_own_process']}x"
        print(line)
    print(
        f"target: question step <= {TARGET_RATIO:.0f}x the floor: {'met' if result['met'] else 'MISSED'} in this "
        f"process, {'met' if result['met_vs_floor_own_process'] else 'MISSED'} against its own"
    )
    lang = result["languages"]
    for name, label in (("ours_es.question_step", "question step in Spanish"), ("ours_es.switches", "language switch")):
        m = measures[name]
        print(f"  {label:<30} {m['total']['median']:7.2f} ({m['total']['p95']:.2f}); CPU {m['cpu']['median']:.2f}")
    print(
        f"languages ({lang['catalog']}): Spanish question step {lang['question_step_es_vs_en']}x English, a switch "
        f"{lang['switch_vs_question_step']}x a question step; target <= {result['language_target_ratio']}x: "
        f"{'met' if lang['met'] else 'MISSED'} (CPU: {lang['question_step_es_vs_en_cpu']}x, "
        f"{lang['switch_vs_question_step_cpu']}x)"
    )
    print(
        f"a full collection walks {heap['ours_process']['objects_tracked']} objects here "
        f"({heap['ours_process']['objects_frozen']} frozen by the warm-up), "
        f"{heap['floor_own_process']['objects_tracked']} in the floor's own process"
    )
    for kind in ("question", "plan") if "profile" in result else ():
        prof = result["profile"][kind]
        print(
            f"profile, {kind} step(s), script thread CPU ms per run over {prof['runs']} runs: our code by "
            "cumulative time, then all code by own time"
        )
        for row in prof["ours_by_cumulative"][:12] + prof["all_by_own_time"][:10]:
            print(
                f"    {row['cumulative_ms_per_run']:7.2f} cum {row['own_ms_per_run']:6.2f} own "
                f"{row['calls_per_run']:7.1f} calls  {row['function']}"
            )
    for row in result.get("profile", {}).get("gc_by_import", []):
        print(f"  gc after + {row['step']:<44} {row['objects']:>8} objects, gc CPU {row['gc_cpu_median_ms']:6.1f} ms")


if __name__ == "__main__":
    sys.exit(main())
