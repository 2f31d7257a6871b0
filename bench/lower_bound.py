"""How far below the floor's ratio targets a page can get at all: skeletons against the floor.

Issues 3 and 4 ask for a question step within 2x the floor's server rerun, and a
200-order page within 6x. This draws only what those pages must draw, with none of
their logic, and measures it against the floor in the same run:
- bench/skeletons/question_app.py: a question screen as app.py serves it (navigation,
  title, progress, question, radio, Back, Start over, one answer to change);
- bench/skeletons/orders_app.py: the 200-order table and the all-orders chart, built once.

Same harness as the other AppTest benchmarks: the script thread timed, pages compiled once
per process as served (bench/as_served.py), the post-run collection as .streamlit/config.toml
says, each rerun a button press. Interleaved rounds; medians of the per-round medians.
(There is no what-if for the post-run collection here: nothing freezes this process's heap
the way app.py's warm-up does, so a collection would measure the heap, not the pages.)
Prints one JSON line, then a summary. No assertion on time.

    .venv/bin/python bench/lower_bound.py            # 5 rounds of 40 reruns
    .venv/bin/python bench/lower_bound.py --quick    # 1 round of 3, to prove it works
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import time
from pathlib import Path

import as_served
import gc_mode

REPO = Path(__file__).resolve().parents[1]
APPS = {
    "floor": (REPO / "bench" / "floor_app.py", None),
    "question skeleton": (REPO / "bench" / "skeletons" / "question_app.py", "back"),
    "orders skeleton": (REPO / "bench" / "skeletons" / "orders_app.py", "tap"),
}
TARGETS = {"question skeleton": 2.0, "orders skeleton": 6.0}


def round_median(path: Path, button: str | None, reruns: int, post_script_gc: bool) -> float:
    """Median ms of `reruns` button presses on a fresh session of the app (plus gc.collect(2) when on)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(path), default_timeout=120)
    at.run()
    if at.exception:
        raise RuntimeError(f"{path.name}: {at.exception[0].value}")
    times = []
    for _ in range(reruns):
        as_served.SCRIPT_RUNS.clear()
        (at.button[0] if button is None else at.button(key=button)).click().run()
        spent, _cpu = as_served.one_run()
        if post_script_gc:
            started = time.perf_counter()
            gc.collect(2)
            spent += (time.perf_counter() - started) * 1000
        times.append(spent)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one round of 3 reruns")
    args = parser.parse_args(argv)
    post_script_gc = gc_mode.configured()
    rounds, reruns = (1, 3) if args.quick else (5, 40)
    sys.path.insert(0, str(REPO))
    as_served.time_script_runs()
    medians: dict[str, list[float]] = {name: [] for name in APPS}
    load = os.getloadavg()
    for number in range(rounds):
        names = list(APPS)
        names = names[number % len(names):] + names[:number % len(names)]
        for name in names:
            path, button = APPS[name]
            medians[name].append(round_median(path, button, reruns, post_script_gc))
    result = {name: round(statistics.median(values), 3) for name, values in medians.items()}
    ratios = {name: round(result[name] / result["floor"], 2) for name in TARGETS}
    print(json.dumps({"bench": "lower_bound", "post_script_gc": post_script_gc, "rounds": rounds, "reruns": reruns,
                      "loadavg_at_start": load, "median_ms": result, "per_round_ms": medians,
                      "ratio_vs_floor": ratios, "targets": TARGETS}))
    print(f"mode: {gc_mode.describe(post_script_gc)}; {rounds} rounds of {reruns} reruns, load average at start "
          f"{load[0]:.2f} on {os.cpu_count()} cpus")
    for name in APPS:
        line = f"  {name:<18} {result[name]:7.2f} ms per rerun"
        if name in TARGETS:
            verdict = "within" if ratios[name] <= TARGETS[name] else "ABOVE"
            line += f" = {ratios[name]:5.2f}x the floor ({verdict} the {TARGETS[name]:.0f}x target, before any logic)"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
