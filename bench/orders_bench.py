"""Benchmark of the orders page's server rerun with 200 orders, against the framework floor (issue 4).

A rerun on the server is the script run, plus a full `gc.collect(2)` after it when
`runner.postScriptGC` is on. The benchmark reads that setting from the project's
.streamlit/config.toml (which `streamlit run` reads from the repository root, for our app
and the floor alike): AppTest never runs the post-run collection, so when the setting is
on every measured run is followed by a timed `gc.collect(2)` (measure = script + gc), and
when it is off (the project's setting since 96d938c) a measure is the script run alone.
`--post-script-gc on|off` overrides the file, for a what-if run; the mode measured is in
the JSON (`post_script_gc`) and in the summary.

Both are driven with streamlit.testing.v1.AppTest, interleaved, many repetitions, with pages
compiled once per process as `streamlit run` does (bench/as_served.py):
- ours: the orders page as the server serves it, through app.py (st.navigation, and the
  once-per-process warm-up of ui/warm_up.py with its gc.freeze()), holding a generated
  200-order table (made here, written as CSV and read back through the page's own
  import code), on a pinned day:
  - "rerun": a rerun that leaves the table as it is (what any tap on the page costs);
  - "edit": one cell edited in the table (every order advised again, the chart redrawn);
  - "pick": choosing an order to open its full plan (the plan view and its chart drawn too).
- the floor: bench/floor_app.py (one radio, one button), a radio change and a button click,
  in the same mode, measured in this same process (whose heap holds everything our page
  imported) and in a child process that imported only Streamlit (the floor as
  `streamlit run` serves it: the comparison a visitor feels).

Target: the page's rerun and edit (median) each cost at most 6x the floor's, against the
child-process floor.

Prints one JSON line, then a readable summary. No assertion on time.

    .venv/bin/python bench/orders_bench.py                 # full size
    .venv/bin/python bench/orders_bench.py --quick         # tiny, to prove it works
    .venv/bin/python bench/orders_bench.py --write FILE    # also keep the generated 200-order CSV
    .venv/bin/python bench/orders_bench.py --post-script-gc on   # what if the server collected after each run
    .venv/bin/python bench/orders_bench.py --profile       # also cProfile the rerun and the edit: where the time goes
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import as_served
import gc_mode

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "app.py"
PAGE = REPO / "pages" / "orders.py"
FLOOR = REPO / "bench" / "floor_app.py"
TODAY = dt.date(2026, 11, 26)
ORDERS = 200
TARGET_RATIO = 6.0
TIMEOUT_S = 120

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

POST_SCRIPT_GC = gc_mode.configured()
"""Whether the server runs gc.collect(2) after each script run (from .streamlit/config.toml, or --post-script-gc)."""


def timed(action) -> tuple[float, float]:
    """(script ms, post-run gc ms) of one AppTest run, followed by the server's gc.collect(2) when it runs one
    (else the gc ms is 0)."""
    as_served.SCRIPT_RUNS.clear()
    at = action()
    gc_ms = 0.0
    if POST_SCRIPT_GC:
        start = time.perf_counter()
        gc.collect(2)
        gc_ms = (time.perf_counter() - start) * 1000
    script_ms, _cpu_ms = as_served.one_run()
    if at.exception:
        raise RuntimeError(f"the page raised: {at.exception[0].value}")
    return script_ms, gc_ms


# --- the 200 orders --------------------------------------------------------------------------------

NAMES = ["🎧 Wireless earbuds", "Desk lamp", "USB-C cable (3 pack)", "Phone case", "Watch strap", "LED strip 5 m",
         "Drill bits", "Kids' raincoat", "Bike light", "Keyboard keycaps", "Sewing kit", "Car phone holder",
         "Yoga mat", "Screwdriver set", "Fairy lights ✨", "Dog harness", "Socks ×5", "Hair clips", "SD card 128 GB",
         "Garden hose nozzle"]


def generate(count: int = ORDERS, seed: int = 4) -> list:
    """A busy buyer's table: every stage from just paid to settled, several currencies and disputes."""
    from core.orders import OrderRow

    rng = random.Random(seed)

    def day(n: int) -> dt.date:
        return TODAY + dt.timedelta(days=n)

    rows = []
    for n in range(count):
        placed = -rng.randint(0, 90)
        shipped = placed + rng.randint(1, 5)
        total = Decimal(rng.randint(150, 9000)) / 100
        fields = {
            "id": f"bench-{n:03d}", "label": f"{NAMES[n % len(NAMES)]} #{n}", "placed_on": day(placed),
            "shipped_on": day(shipped) if shipped <= 0 else None, "total_paid": total,
            "shipping_paid": Decimal(rng.choice([0, 0, 199, 349])) / 100, "currency": rng.choice(["USD", "EUR", "GBP"]),
            "estimated_delivery": day(shipped + rng.randint(15, 40)) if rng.random() < 0.6 else None,
            "tracking": rng.choice(["none", "in_transit", "in_transit", "no_updates", "delivered"]),
            "protection_days": rng.choice([60, 60, 60, 75, 90]),
        }
        stage = n % 10
        if fields["shipped_on"] is not None and stage in (1, 2, 3):
            fields.update(received=True, tracking="delivered",
                          problem=rng.choice(["none", "fake", "incomplete", "not_as_described", "wrong_item"]))
            if fields["problem"] == "incomplete":
                fields["missing_items_value"] = (total / 3).quantize(Decimal("0.01"))
            if stage == 1:
                fields["receipt_confirmed_on"] = day(min(shipped + 20, 0))
        elif fields["shipped_on"] is not None and stage == 4:
            fields.update(problem="not_arrived", dispute_status="open", dispute_opened_on=day(max(shipped + 12, -8)),
                          negotiation_ends_on=day(rng.randint(-2, 10)))
        elif fields["shipped_on"] is not None and stage == 5:
            fields.update(problem="not_arrived", dispute_status="closed", dispute_opened_on=day(max(shipped + 12, -30)),
                          dispute_closed_on=day(-rng.randint(1, 6)), refund_processed_on=day(-rng.randint(0, 25)),
                          refund_received=rng.random() < 0.4, satisfied=rng.random() < 0.8)
            if fields["refund_processed_on"] < fields["dispute_closed_on"]:
                fields["refund_processed_on"] = fields["dispute_closed_on"]
        elif fields["shipped_on"] is not None and stage == 6:
            fields["seller_contacted_on"] = day(-rng.randint(0, 6))
        rows.append(OrderRow(**fields))
    return rows


def orders_file(count: int = ORDERS) -> bytes:
    from core.orders import CSV_ENCODING, export_csv

    return export_csv(generate(count)).encode(CSV_ENCODING)


# --- the floor ---------------------------------------------------------------------------------------


class Floor:
    """bench/floor_app.py under AppTest: a radio change and a button click, each a rerun."""

    def __init__(self) -> None:
        from streamlit.testing.v1 import AppTest

        as_served.time_script_runs()
        self.AppTest = AppTest
        self.turn = 0

    def rep(self) -> dict[str, tuple[float, float]]:
        at = self.AppTest.from_file(str(FLOOR), default_timeout=TIMEOUT_S)
        at.run()
        self.turn += 1
        choice = "BC"[self.turn % 2]
        radio = timed(lambda: at.radio(key="floor_radio").set_value(choice).run())
        button = timed(lambda: at.button(key="floor_button").click().run())
        return {"radio": radio, "button": button}


def floor_child() -> int:
    """A process that imported only Streamlit, running the floor on request (one JSON line per rep)."""
    floor = Floor()
    for line in sys.stdin:
        if line.strip() == "quit":
            break
        print(json.dumps(floor.rep()), flush=True)
    return 0


class FloorProcess:
    def __init__(self) -> None:
        self.proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--floor-child",
                                      "--post-script-gc", "on" if POST_SCRIPT_GC else "off"], cwd=REPO,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)

    def rep(self) -> dict[str, tuple[float, float]]:
        self.proc.stdin.write("rep\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("the floor's child process stopped")
        return {name: tuple(value) for name, value in json.loads(line).items()}

    def close(self) -> None:
        try:
            self.proc.stdin.write("quit\n")
            self.proc.stdin.close()
            self.proc.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()


# --- our page ----------------------------------------------------------------------------------------


class Ours:
    """The orders page, reached through app.py, with the 200-order file imported; one AppTest session per
    repetition."""

    def __init__(self, data: bytes) -> None:
        from streamlit.testing.v1 import AppTest

        from core.orders import import_orders

        as_served.time_script_runs()
        self.AppTest = AppTest
        result = import_orders(data, "orders.csv")
        if result.problems or len(result.rows) != ORDERS:
            raise RuntimeError(f"the generated file did not import cleanly: {result.problems[:3]}")
        self.rows = result.rows
        self.turn = 0

    def rep(self, profilers: dict | None = None) -> dict[str, tuple[float, float]]:
        """One session: a rerun, an edit, a pick. With `profilers` ({step: cProfile.Profile}), those steps'
        script threads are profiled too."""

        def measured(step: str, action):
            as_served.PROFILER = (profilers or {}).get(step)
            try:
                return timed(action)
            finally:
                as_served.PROFILER = None

        at = self.AppTest.from_file(str(APP), default_timeout=TIMEOUT_S)
        at.run()  # the wizard, the default page (and, once per process, the warm-up); then the orders page
        at.switch_page(str(PAGE.relative_to(REPO)))
        at.session_state["today"] = TODAY
        at.session_state["orders"] = list(self.rows)
        at.run()
        if at.exception:
            raise RuntimeError(f"the page raised: {at.exception[0].value}")
        self.turn += 1
        rerun = measured("rerun", at.run)

        def edit():
            version = at.session_state["orders_editor_version"] if "orders_editor_version" in at.session_state else 0
            at.session_state[f"orders_editor_{version}"] = {
                "edited_rows": {0: {"label": f"Renamed {self.turn}"}}, "added_rows": [], "deleted_rows": []}
            return at.run()

        edited = measured("edit", edit)
        shown = at.session_state["orders_shown_ids"]
        picked = measured("pick", lambda: at.selectbox(key="orders_picked").set_value(
            shown[self.turn % len(shown)]).run())
        return {"rerun": rerun, "edit": edited, "pick": picked}


# --- running and reporting --------------------------------------------------------------------------


def summarise(samples: list[tuple[float, float]]) -> dict[str, float]:
    totals = sorted(script + gc_ms for script, gc_ms in samples)
    p95 = totals[min(len(totals) - 1, round(0.95 * (len(totals) - 1)))]
    return {
        "n": len(samples),
        "total_median_ms": round(statistics.median(totals), 1),
        "total_p95_ms": round(p95, 1),
        "script_median_ms": round(statistics.median(s for s, _g in samples), 1),
        "gc_median_ms": round(statistics.median(g for _s, g in samples), 1),
    }


PROFILED = ("ui/", "core/", "pages/", "app.py", "streamlit/elements/plotly_chart.py",
            "streamlit/elements/widgets/data_editor.py", "streamlit/elements/arrow.py")


def profile(ours: Ours, reps: int) -> dict:
    """cProfile (thread CPU time, script thread only) `reps` sessions' rerun, edit and pick: for each, the
    script's total, and our functions and Streamlit's chart and table elements by cumulative time, with their
    share of the total."""
    import cProfile
    import pstats

    profilers = {step: cProfile.Profile(time.thread_time) for step in ("rerun", "edit", "pick")}
    for _ in range(reps):
        ours.rep(profilers)
    out = {}
    for step, profiler in profilers.items():
        stats = pstats.Stats(profiler).stats
        total = max((cum for (filename, _l, name), (_cc, _n, _tt, cum, _c) in stats.items()
                     if name == "_run_script_thread"), default=0.0)
        rows = []
        for (filename, line, name), (_cc, calls, _tottime, cumtime, _callers) in stats.items():
            short = filename.split("site-packages/", 1)[-1].removeprefix(str(REPO) + "/")
            if short.startswith(PROFILED):
                rows.append({"function": f"{short}:{line}({name})", "calls_per_run": round(calls / reps, 1),
                             "cumulative_ms_per_run": round(cumtime / reps * 1000, 2),
                             "share_of_script": round(cumtime / total, 3) if total else None})
        out[step] = {"runs": reps, "script_ms_per_run_profiled": round(total / reps * 1000, 1),
                     "by_cumulative": sorted(rows, key=lambda r: -r["cumulative_ms_per_run"])[:15]}
    return out


def chart_facts(rows: list) -> dict[str, object]:
    """How tall the all-orders chart is with 200 orders, and how long its longest name is."""
    from core.orders import assess, row_to_case
    from core.timeline import order_timeline
    from ui.timeline import ORDER_ROW_PX, order_names, orders_figure

    items = [item for item in assess(rows, TODAY) if item.plan is not None]
    timelines = [(item.row.label, order_timeline(row_to_case(item.row, TODAY), item.plan, today=TODAY))
                 for item in items]
    figure = orders_figure(timelines)
    return {"orders_drawn": len(timelines), "height_px": figure.layout.height, "px_per_order": ORDER_ROW_PX,
            "longest_name_chars": max(len(name) for name in order_names([label for label, _t in timelines]))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tiny run, to prove the script works")
    parser.add_argument("--reps", type=int, default=None, help="repetitions (default 25, quick 2)")
    parser.add_argument("--write", type=Path, help="also write the generated 200-order CSV here")
    parser.add_argument("--profile", action="store_true", help="also cProfile the rerun, the edit and the pick")
    gc_mode.add_option(parser)
    parser.add_argument("--floor-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    global POST_SCRIPT_GC
    configured = gc_mode.configured()
    POST_SCRIPT_GC = gc_mode.chosen(args)
    if args.floor_child:
        return floor_child()

    reps = args.reps or (2 if args.quick else 25)
    load = os.getloadavg()
    data = orders_file()
    if args.write:
        args.write.write_bytes(data)
    ours, floor, floor_own = Ours(data), Floor(), FloorProcess()
    samples: dict[str, list[tuple[float, float]]] = {}
    try:
        ours.rep(), floor.rep(), floor_own.rep()  # warm-up: first imports and first figures
        for _rep in range(reps):
            for prefix, runner in (("ours", ours), ("floor", floor), ("floor_own_process", floor_own)):
                for name, sample in runner.rep().items():
                    samples.setdefault(f"{prefix}.{name}", []).append(sample)
    finally:
        floor_own.close()

    measures = {name: summarise(values) for name, values in samples.items()}

    def floor_median(prefix: str) -> float:
        return statistics.median(
            [measures[f"{prefix}.radio"]["total_median_ms"], measures[f"{prefix}.button"]["total_median_ms"]])

    ratios = {}
    for step in ("rerun", "edit", "pick"):
        ours_ms = measures[f"ours.{step}"]["total_median_ms"]
        ratios[f"{step}_vs_floor_own_process"] = round(ours_ms / floor_median("floor_own_process"), 2)
        ratios[f"{step}_vs_floor_same_process"] = round(ours_ms / floor_median("floor"), 2)
    met = all(ratios[f"{step}_vs_floor_own_process"] <= TARGET_RATIO for step in ("rerun", "edit"))
    result = {
        "bench": "orders", "quick": args.quick, "reps": reps, "orders": ORDERS, "file_bytes": len(data),
        "today": TODAY.isoformat(), "target_ratio": TARGET_RATIO, "measures": measures, "ratios": ratios,
        "met": met, "chart": chart_facts(ours.rows), "python": platform.python_version(),
        "machine": platform.machine(), "cpus": os.cpu_count(), "loadavg_at_start": load,
        "streamlit": __import__("streamlit").__version__,
        "post_script_gc": POST_SCRIPT_GC,
        "post_script_gc_source": "config" if args.post_script_gc is None else "--post-script-gc",
        "post_script_gc_in_config": configured, "objects_frozen": gc.get_freeze_count(),
    }
    if args.profile:
        result["profile"] = profile(ours, 2 if args.quick else 8)
    print(json.dumps(result))

    print(f"mode: {gc_mode.describe(POST_SCRIPT_GC)} ({result['post_script_gc_source']}; .streamlit/config.toml "
          f"says {'on' if configured else 'off'}), for our page and the floor alike; "
          f"{result['objects_frozen']} objects frozen here by the warm-up")
    print(f"Orders page with {ORDERS} orders ({len(data) / 1024:.0f} KB CSV), {reps} repetitions, "
          f"script{' + gc.collect(2)' if POST_SCRIPT_GC else ''}, median (p95); load average at start "
          f"{load[0]:.2f} on {os.cpu_count()} cpus:")
    for name, label in (("ours.rerun", "page rerun, table unchanged"), ("ours.edit", "page rerun after a cell edit"),
                        ("ours.pick", "page rerun opening an order's plan"),
                        ("floor_own_process.radio", "floor in its own process, radio"),
                        ("floor_own_process.button", "floor in its own process, button"),
                        ("floor.radio", "floor in this process, radio"), ("floor.button", "floor in this process, button")):
        m = measures[name]
        print(f"  {label:38s} {m['total_median_ms']:7.1f} ms ({m['total_p95_ms']:.1f})"
              f"  script {m['script_median_ms']:.1f} + gc {m['gc_median_ms']:.1f}")
    for step in ("rerun", "edit", "pick"):
        print(f"  {step:5s}: {ratios[f'{step}_vs_floor_own_process']:.2f}x the floor in its own process, "
              f"{ratios[f'{step}_vs_floor_same_process']:.2f}x the floor in this process")
    chart = result["chart"]
    print(f"  chart: {chart['orders_drawn']} orders, {chart['height_px']} px tall ({chart['px_per_order']} px each), "
          f"names cut at {chart['longest_name_chars']} characters")
    print(f"  target: rerun and edit at most {TARGET_RATIO:g}x the floor in its own process: "
          f"{'met' if met else 'NOT met'}")
    for step, prof in result.get("profile", {}).items():
        print(f"profile (thread CPU time, under cProfile), {step}: script {prof['script_ms_per_run_profiled']} ms per "
              f"run over {prof['runs']} runs; our code and Streamlit's chart and table elements by cumulative time:")
        for row in prof["by_cumulative"][:10]:
            print(f"    {row['cumulative_ms_per_run']:8.2f} ms  {100 * (row['share_of_script'] or 0):5.1f} %  "
                  f"{row['calls_per_run']:7.1f} calls  {row['function']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
