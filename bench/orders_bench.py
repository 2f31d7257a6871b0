"""The orders page's server rerun with 200 orders against the framework floor's (issue 4): AppTest, as served.

The page is reached through app.py (so its warm-up runs), holding a generated 200-order table read
back through the page's own import: a rerun that leaves the table as it is (any tap), a cell edit, and
opening an order's plan; against bench/floor_app.py in this process and in its own. Timing as in
bench/harness.py. Target: rerun and edit at most 6x the floor in its own process. Prints one JSON
line, then a summary.

    .venv/bin/python bench/orders_bench.py                 # 25 repetitions
    .venv/bin/python bench/orders_bench.py --quick         # tiny, to prove it works
    .venv/bin/python bench/orders_bench.py --write FILE    # also keep the generated 200-order CSV
    .venv/bin/python bench/orders_bench.py --profile       # also where the time goes (cProfile)
    .venv/bin/python bench/orders_bench.py --post-script-gc on   # what if the server collected after each run
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import random
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import gc_mode, harness
from bench.harness import Sample

APP = harness.REPO / "app.py"
PAGE = "pages/orders.py"
TODAY = dt.date(2026, 11, 26)
ORDERS = 200
TARGET_RATIO = 6.0
PROFILED = (
    "ui/",
    "core/",
    "pages/",
    "app.py",
    "streamlit/elements/plotly_chart.py",
    "streamlit/elements/widgets/data_editor.py",
    "streamlit/elements/arrow.py",
)
NAMES = [
    "🎧 Wireless earbuds",
    "Desk lamp",
    "USB-C cable (3 pack)",
    "Phone case",
    "Watch strap",
    "LED strip 5 m",
    "Drill bits",
    "Kids' raincoat",
    "Bike light",
    "Keyboard keycaps",
    "Sewing kit",
    "Car phone holder",
    "Yoga mat",
    "Screwdriver set",
    "Fairy lights ✨",
    "Dog harness",
    "Socks ×5",
    "Hair clips",
    "SD card 128 GB",
    "Garden hose nozzle",
]


def generate(count: int = ORDERS, seed: int = 4) -> list[Any]:
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
        fields: dict[str, Any] = {
            "id": f"bench-{n:03d}",
            "label": f"{NAMES[n % len(NAMES)]} #{n}",
            "placed_on": day(placed),
            "shipped_on": day(shipped) if shipped <= 0 else None,
            "total_paid": total,
            "shipping_paid": Decimal(rng.choice([0, 0, 199, 349])) / 100,
            "currency": rng.choice(["USD", "EUR", "GBP"]),
            "estimated_delivery": day(shipped + rng.randint(15, 40)) if rng.random() < 0.6 else None,
            "tracking": rng.choice(["none", "in_transit", "in_transit", "no_updates", "delivered"]),
            "protection_days": rng.choice([60, 60, 60, 75, 90]),
        }
        stage = n % 10 if fields["shipped_on"] is not None else None
        if stage in (1, 2, 3):
            fields.update(
                received=True,
                tracking="delivered",
                problem=rng.choice(["none", "fake", "incomplete", "not_as_described", "wrong_item"]),
            )
            if fields["problem"] == "incomplete":
                fields["missing_items_value"] = (total / 3).quantize(Decimal("0.01"))
            if stage == 1:
                fields["receipt_confirmed_on"] = day(min(shipped + 20, 0))
        elif stage == 4:
            fields.update(
                problem="not_arrived",
                dispute_status="open",
                dispute_opened_on=day(max(shipped + 12, -8)),
                negotiation_ends_on=day(rng.randint(-2, 10)),
            )
        elif stage == 5:
            closed = day(-rng.randint(1, 6))
            fields.update(
                problem="not_arrived",
                dispute_status="closed",
                dispute_opened_on=day(max(shipped + 12, -30)),
                dispute_closed_on=closed,
                refund_processed_on=max(day(-rng.randint(0, 25)), closed),
                refund_received=rng.random() < 0.4,
                satisfied=rng.random() < 0.8,
            )
        elif stage == 6:
            fields["seller_contacted_on"] = day(-rng.randint(0, 6))
        rows.append(OrderRow(**fields))
    return rows


class Ours:
    """The orders page through app.py with the 200-order file imported; a new AppTest session per repetition."""

    def __init__(self, data: bytes, post_script_gc: bool) -> None:
        from core.order_files import import_orders

        harness.time_script_runs()
        result = import_orders(data, "orders.csv")
        if result.problems or len(result.rows) != ORDERS:
            raise RuntimeError(f"the generated file did not import cleanly: {result.problems[:3]}")
        self.rows, self.gc, self.turn = result.rows, post_script_gc, 0

    def rep(self, profilers: dict[str, cProfile.Profile] | None = None) -> dict[str, Sample]:
        """One session: a rerun, an edit, a pick; each step's script thread profiled too when `profilers` has it."""
        from streamlit.testing.v1 import AppTest

        def measured(step: str, action: Any) -> Sample:
            harness.PROFILER = (profilers or {}).get(step)
            try:
                return harness.timed(action, self.gc)[0]
            finally:
                harness.PROFILER = None

        at = AppTest.from_file(str(APP), default_timeout=harness.TIMEOUT_S).run()  # the wizard, then the orders page
        at.switch_page(PAGE)
        at.session_state["today"] = TODAY
        at.session_state["orders"] = list(self.rows)
        at.run()
        self.turn += 1
        rerun = measured("rerun", at.run)

        def edit() -> Any:
            version = at.session_state.get("orders_editor_version", 0)
            at.session_state[f"orders_editor_{version}"] = {
                "edited_rows": {0: {"label": f"Renamed {self.turn}"}},
                "added_rows": [],
                "deleted_rows": [],
            }
            return at.run()

        edited = measured("edit", edit)
        shown = at.session_state["orders_shown_ids"]
        picked = measured(
            "pick", lambda: at.selectbox(key="orders_picked").set_value(shown[self.turn % len(shown)]).run()
        )
        return {"rerun": rerun, "edit": edited, "pick": picked}


def profile(ours: Ours, reps: int) -> dict[str, Any]:
    """Script thread CPU time (cProfile) of the rerun, edit and pick: our code and Streamlit's chart and table."""
    profilers = {step: cProfile.Profile(time.thread_time) for step in ("rerun", "edit", "pick")}
    for _ in range(reps):
        ours.rep(profilers)
    result = {}
    for step, profiler in profilers.items():
        rows = harness.profile_rows(profiler, reps)
        script = max(
            (r["cumulative_ms_per_run"] for r in rows if r["function"].endswith("(_run_script_thread)")), default=0.0
        )
        result[step] = {
            "runs": reps,
            "script_ms_per_run_profiled": script,
            "by_cumulative": [r for r in rows if r["function"].startswith(PROFILED)][:15],
        }
    return result


def chart_facts(rows: list[Any]) -> dict[str, Any]:
    """How tall the all-orders chart is with 200 orders, and how long its longest name is."""
    from core.orders import assess, row_to_case
    from core.timeline import order_timeline
    from ui.timeline import ORDER_ROW_PX, order_names, orders_figure

    timelines = [
        (item.row.label, order_timeline(row_to_case(item.row, TODAY), item.plan, today=TODAY))
        for item in assess(rows, TODAY)
        if item.plan is not None
    ]
    return {
        "orders_drawn": len(timelines),
        "height_px": orders_figure(timelines).layout.height,
        "px_per_order": ORDER_ROW_PX,
        "longest_name_chars": max(map(len, order_names([t[0] for t in timelines]))),
    }


def main(argv: list[str] | None = None) -> int:
    from core.order_files import CSV_ENCODING, export_csv

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tiny run, to prove the script works")
    parser.add_argument("--reps", type=int, default=None, help="repetitions (default 25, quick 2)")
    parser.add_argument("--write", type=Path, help="also write the generated 200-order CSV here")
    parser.add_argument("--profile", action="store_true", help="also cProfile the rerun, the edit and the pick")
    gc_mode.add_option(parser)
    args = parser.parse_args(argv)
    post_script_gc = gc_mode.chosen(args)
    reps = args.reps or (2 if args.quick else 25)
    result: dict[str, Any] = {"bench": "orders", "machine": harness.machine(), "quick": args.quick, "reps": reps}
    data = export_csv(generate()).encode(CSV_ENCODING)
    if args.write:
        args.write.write_bytes(data)
    ours, floor, own = Ours(data, post_script_gc), harness.Floor(post_script_gc), harness.FloorProcess(post_script_gc)
    try:  # one warm-up round: first imports and first figures
        samples = harness.interleave(
            [("ours", ours.rep), ("floor", floor.rep), ("floor_own_process", own.rep)], 1, reps
        )
    finally:
        own.close()
    floors = harness.floors(samples)
    measures = {name: harness.describe(values) for name, values in {**samples, **floors}.items()}
    ratios = harness.ratios({step: samples[f"ours.{step}"] for step in ("rerun", "edit", "pick")}, floors)
    result.update(gc_mode.fields(args))
    result.update(
        {
            "orders": ORDERS,
            "file_bytes": len(data),
            "today": TODAY.isoformat(),
            "objects_frozen": harness.heap()["objects_frozen"],
            "measures": measures,
            "ratios": ratios,
            "target_ratio": TARGET_RATIO,
            "chart": chart_facts(ours.rows),
            "met": all(ratios[f"{step}_vs_floor_own_process"] <= TARGET_RATIO for step in ("rerun", "edit")),
        }
    )
    if args.profile:
        result["profile"] = profile(ours, 2 if args.quick else 8)
    print(json.dumps(result))
    summary(result)
    return 0


def summary(result: dict[str, Any]) -> None:
    print(
        f"{gc_mode.mode_line(result)}, for our page and the floor alike; {result['objects_frozen']} objects frozen "
        "here by the warm-up"
    )
    print(
        f"Orders page with {ORDERS} orders ({result['file_bytes'] / 1024:.0f} KB CSV), {result['reps']} repetitions, "
        f"median (p95) ms; load average at start {result['machine']['loadavg_at_start'][0]:.2f} on "
        f"{result['machine']['cpus']} cpus:"
    )
    for name, label in (
        ("ours.rerun", "page rerun, table unchanged"),
        ("ours.edit", "page rerun after a cell edit"),
        ("ours.pick", "page rerun opening an order's plan"),
        ("floor_own_process", "floor in its own process (radio, button)"),
        ("floor", "floor in this process (radio, button)"),
    ):
        m = result["measures"][name]
        print(
            f"  {label:38s} {m['total']['median']:7.1f} ({m['total']['p95']:.1f})  script "
            f"{m['script']['median']:.1f} + gc {m['gc']['median']:.1f}"
        )
    for step in ("rerun", "edit", "pick"):
        print(
            f"  {step:5s}: {result['ratios'][f'{step}_vs_floor_own_process']:.2f}x the floor in its own process, "
            f"{result['ratios'][f'{step}_vs_floor']:.2f}x the floor in this process"
        )
    chart = result["chart"]
    print(
        f"  chart: {chart['orders_drawn']} orders, {chart['height_px']} px tall ({chart['px_per_order']} px each), "
        f"names cut at {chart['longest_name_chars']} characters"
    )
    print(
        f"  target: rerun and edit at most {TARGET_RATIO:g}x the floor in its own process: "
        f"{'met' if result['met'] else 'NOT met'}"
    )
    for step, prof in result.get("profile", {}).items():
        print(
            f"profile (script thread CPU, under cProfile), {step}: script {prof['script_ms_per_run_profiled']} ms "
            f"per run over {prof['runs']} runs; our code and Streamlit's chart and table by cumulative time:"
        )
        for row in prof["by_cumulative"][:10]:
            print(f"    {row['cumulative_ms_per_run']:8.2f} ms  {row['calls_per_run']:7.1f} calls  {row['function']}")


if __name__ == "__main__":
    sys.exit(main())
