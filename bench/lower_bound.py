"""How far below the floor's ratio targets a page can get at all: skeletons of our pages against the floor.

The skeletons in bench/skeletons/ draw only what the question screen and the 200-order page must draw,
with none of our logic, measured like the other AppTest benchmarks (bench/harness.py) in interleaved
rounds; medians of the per-round medians. Prints one JSON line, then a summary.

    .venv/bin/python bench/lower_bound.py            # 5 rounds of 40 reruns
    .venv/bin/python bench/lower_bound.py --quick    # 1 round of 3, to prove it works
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import gc_mode, harness

SKELETONS = harness.REPO / "bench" / "skeletons"
APPS = {
    "floor": (harness.FLOOR, None),
    "question skeleton": (SKELETONS / "question_app.py", "back"),
    "orders skeleton": (SKELETONS / "orders_app.py", "tap"),
}
TARGETS = {"question skeleton": 2.0, "orders skeleton": 6.0}


def round_median(path: Path, button: str | None, reruns: int, post_script_gc: bool) -> float:
    """Median ms of `reruns` button presses on a fresh session of the app."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(path), default_timeout=harness.TIMEOUT_S).run()
    press = (lambda: at.button[0]) if button is None else (lambda: at.button(key=button))
    return harness.median_of([harness.timed(lambda: press().click().run(), post_script_gc)[0] for _ in range(reruns)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one round of 3 reruns")
    args = parser.parse_args(argv)
    post_script_gc = gc_mode.configured()
    rounds, reruns = (1, 3) if args.quick else (5, 40)
    harness.time_script_runs()
    machine = harness.machine()
    medians: dict[str, list[float]] = {name: [] for name in APPS}
    for number in range(rounds):
        for name in harness.rotated(list(APPS), number):
            medians[name].append(round_median(*APPS[name], reruns, post_script_gc))
    result = {name: round(statistics.median(values), 3) for name, values in medians.items()}
    ratios = {name: round(result[name] / result["floor"], 2) for name in TARGETS}
    print(
        json.dumps(
            {
                "bench": "lower_bound",
                "quick": args.quick,
                "post_script_gc": post_script_gc,
                "rounds": rounds,
                "reruns": reruns,
                "machine": machine,
                "median_ms": result,
                "per_round_ms": medians,
                "ratio_vs_floor": ratios,
                "targets": TARGETS,
            }
        )
    )
    print(
        f"mode: {gc_mode.describe(post_script_gc)}; {rounds} rounds of {reruns} reruns, load average at start "
        f"{machine['loadavg_at_start'][0]:.2f} on {machine['cpus']} cpus"
    )
    for name, ms in result.items():
        line = f"  {name:<18} {ms:7.2f} ms per rerun"
        if name in TARGETS:
            verdict = "within" if ratios[name] <= TARGETS[name] else "ABOVE"
            line += f" = {ratios[name]:5.2f}x the floor ({verdict} the {TARGETS[name]:.0f}x target, before any logic)"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
