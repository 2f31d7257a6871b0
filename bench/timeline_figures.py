"""How long the timeline figures take to build (and to turn into JSON), as on every rerun of a page.

Streamlit is imported first so the figures get the same default template as in the app.
Each figure is reported as wall time and as this process's CPU time: on a busy machine
the CPU time is the steadier of the two.
Run: .venv/bin/python bench/timeline_figures.py
"""

from __future__ import annotations

import datetime as dt
import functools
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit  # noqa: F401  (sets Plotly's default template to Streamlit's)

from core import advise, read_case
from core.timeline import Timeline, order_timeline
from ui.timeline import order_figure, orders_figure

TODAY = dt.date(2026, 11, 26)
RUNS = 15


def an_order(number: int, pick: random.Random) -> tuple[str, Timeline]:
    """A plausible order: most shipped, some received, some with a dispute open or closed."""
    placed = TODAY - dt.timedelta(days=pick.randint(1, 80))
    order = {
        "label": f"Order {number}: {pick.choice(['socks', 'lamp', 'phone case', 'cable'])}",
        "placed_on": placed.isoformat(),
    }
    data = {"today": TODAY.isoformat(), "order": order, "problem": "not_arrived"}
    if pick.random() < 0.9:
        shipped = placed + dt.timedelta(days=pick.randint(0, 3))
        order["shipped_on"] = shipped.isoformat()
        order["estimated_delivery"] = (placed + dt.timedelta(days=pick.randint(15, 40))).isoformat()
        opened = shipped + dt.timedelta(days=pick.randint(10, 30))
        if opened <= TODAY and pick.random() < 0.4:
            closed = min(opened + dt.timedelta(days=5), TODAY)
            data["dispute"] = {
                "status": "closed",
                "opened_on": opened.isoformat(),
                "closed_on": closed.isoformat(),
                "refund_processed_on": closed.isoformat(),
            }
        elif opened <= TODAY and pick.random() < 0.3:
            data["dispute"] = {
                "status": "open",
                "opened_on": opened.isoformat(),
                "negotiation_ends_on": (TODAY + dt.timedelta(days=5)).isoformat(),
            }
    case = read_case(data)
    return order["label"], order_timeline(case, advise(case))


def median_ms(build: Callable[[], object]) -> str:
    """Median wall and CPU ms of RUNS builds."""
    wall, cpu = [], []
    for _run in range(RUNS):
        start, start_cpu = time.perf_counter(), time.process_time()
        build()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return f"{statistics.median(wall) * 1000:.1f} ms (CPU {statistics.median(cpu) * 1000:.1f} ms)"


def main() -> None:
    pick = random.Random(7)
    rows = [an_order(number, pick) for number in range(200)]
    busiest = max((timeline for _label, timeline in rows), key=lambda t: len(t.windows) + len(t.events))
    order_figure(busiest)  # the first figure pays for Plotly's lazy imports
    print(
        f"order_figure ({len(busiest.windows)} windows, {len(busiest.events)} events): "
        f"build {median_ms(lambda: order_figure(busiest))}, to_json {median_ms(order_figure(busiest).to_json)}"
    )
    for count in (30, 200):
        some = rows[:count]
        fig = orders_figure(some)
        print(
            f"orders_figure ({count} orders): build {median_ms(functools.partial(orders_figure, some))}, "
            f"to_json {median_ms(fig.to_json)}, {len(fig.to_json()) / 1024:.0f} KiB"
        )


if __name__ == "__main__":
    main()
