"""What the AppTest benchmarks share: a rerun timed as the server runs it, the floor, and the machine's state.

`streamlit run` compiles each page once per process and times nothing of AppTest's own work; AppTest
compiles app.py and the page on every run and never runs the post-run `gc.collect(2)` that
`runner.postScriptGC` adds. So AppTest gets one shared ScriptCache, its script thread is timed
(wall and CPU), and a measured run is followed by a timed collection when the server would run one.
Run as `python -m bench.harness on|off`, this module is the floor in a process of its own.
"""

from __future__ import annotations

import cProfile
import datetime as dt
import gc
import importlib.metadata
import json
import os
import platform
import pstats
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.support.stats import summary  # noqa: E402

if TYPE_CHECKING:
    from streamlit.testing.v1 import AppTest

FLOOR = REPO / "bench" / "floor_app.py"
TIMEOUT_S = 120
SCRIPT_RUNS: list[tuple[float, float]] = []
"""(wall ms, CPU ms) of each AppTest script thread since it was last cleared."""
PROFILER: cProfile.Profile | None = None
"""Enabled inside the script threads while a benchmark profiles them."""

Sample = tuple[float, float, float, float]
"""One rerun as the server runs it: script thread wall ms, post-run gc wall ms, script CPU ms, gc CPU ms."""


def time_script_runs() -> None:
    """From now on, AppTest in this process compiles each page once (like the server) and times each script thread."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    runner: Any = local_script_runner.LocalScriptRunner
    if getattr(runner, "_timed_as_served", False):
        return
    shared = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared  # type: ignore[misc,assignment]
    original = runner._run_script_thread

    def run_script_thread(self: Any) -> None:
        profiler, wall, cpu = PROFILER, time.perf_counter(), time.thread_time()
        if profiler is not None:
            profiler.enable()
        try:
            original(self)
        finally:
            if profiler is not None:
                profiler.disable()
            SCRIPT_RUNS.append(((time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000))

    runner._run_script_thread = run_script_thread
    runner._timed_as_served = True


def timed(action: Callable[[], AppTest], post_script_gc: bool) -> tuple[Sample, AppTest]:
    """Run `action` (exactly one AppTest run), then the server's post-run gc.collect(2) when it runs one."""
    SCRIPT_RUNS.clear()
    at = action()
    wall, cpu = time.perf_counter(), time.thread_time()
    if post_script_gc:
        gc.collect(2)
    gc_wall, gc_cpu = (time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000
    if len(SCRIPT_RUNS) != 1:
        raise RuntimeError(f"expected one script run, saw {len(SCRIPT_RUNS)}")
    if at.exception:
        raise RuntimeError(f"the page raised: {at.exception[0].value}")
    ((script_wall, script_cpu),) = SCRIPT_RUNS
    return (script_wall, gc_wall, script_cpu, gc_cpu) if post_script_gc else (script_wall, 0.0, script_cpu, 0.0), at


def describe(samples: list[Sample]) -> dict[str, Any]:
    """A rerun's cost to the server (script + post-run gc) and its parts, wall and CPU time: n, median, p95..."""
    return {
        "n": len(samples),
        "total": summary([s[0] + s[1] for s in samples], 2),
        "script": summary([s[0] for s in samples], 2),
        "gc": summary([s[1] for s in samples], 2),
        "cpu": summary([s[2] + s[3] for s in samples], 2),
    }


def median_of(samples: list[Sample]) -> float:
    """The median total (script + gc) ms of some reruns."""
    return float(describe(samples)["total"]["median"])


def rotated(blocks: list[Any], number: int) -> list[Any]:
    """`blocks` started at a different one each round, so that no side always goes first."""
    shift = number % len(blocks)
    return blocks[shift:] + blocks[:shift]


def interleave(
    blocks: list[tuple[str, Callable[[], dict[str, Sample]]]], warmup: int, reps: int
) -> dict[str, list[Sample]]:
    """Every (prefix, block) once a round, rotated; samples named "prefix.measure", the `warmup` rounds left out."""
    samples: dict[str, list[Sample]] = {}
    for number in range(warmup + reps):
        if number == warmup:
            samples.clear()
        for prefix, block in rotated(blocks, number):
            for name, sample in block().items():
                samples.setdefault(f"{prefix}.{name}", []).append(sample)
    return samples


def floors(samples: dict[str, list[Sample]]) -> dict[str, list[Sample]]:
    """The floor's radio and button reruns together, in this process and in its own."""
    return {where: samples[f"{where}.radio"] + samples[f"{where}.button"] for where in ("floor", "floor_own_process")}


def ratios(ours: dict[str, list[Sample]], floor: dict[str, list[Sample]]) -> dict[str, float]:
    """Each of our medians over each floor's, named "<ours>_vs_<floor>"."""
    return {
        f"{name}_vs_{where}": round(median_of(mine) / median_of(theirs), 2)
        for name, mine in ours.items()
        for where, theirs in floor.items()
    }


def heap() -> dict[str, int]:
    """What a full collection walks here (frozen objects are skipped)."""
    return {"objects_tracked": len(gc.get_objects()), "objects_frozen": gc.get_freeze_count()}


def machine() -> dict[str, Any]:
    return {
        "date": dt.date.today().isoformat(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "streamlit": importlib.metadata.version("streamlit"),
        "loadavg_at_start": os.getloadavg(),
    }


def profile_rows(profiler: cProfile.Profile, runs: int) -> list[dict[str, Any]]:
    """Every function the profiler saw, per run: calls, own and cumulative ms, named by repo or package path."""
    rows = []
    for (filename, line, name), (_cc, calls, own, cumulative, _callers) in pstats.Stats(profiler).stats.items():  # type: ignore[attr-defined]
        short = filename.split("site-packages/", 1)[-1].removeprefix(str(REPO) + "/")
        rows.append(
            {
                "function": f"{short}:{line}({name})",
                "calls_per_run": round(calls / runs, 1),
                "own_ms_per_run": round(own / runs * 1000, 2),
                "cumulative_ms_per_run": round(cumulative / runs * 1000, 2),
            }
        )
    return sorted(rows, key=lambda row: -row["cumulative_ms_per_run"])


class Floor:
    """bench/floor_app.py under AppTest: a radio change and a button click, each one rerun."""

    def __init__(self, post_script_gc: bool) -> None:
        time_script_runs()
        self.post_script_gc, self.turn = post_script_gc, 0

    def rep(self) -> dict[str, Sample]:
        from streamlit.testing.v1 import AppTest

        at = AppTest.from_file(str(FLOOR), default_timeout=TIMEOUT_S).run()
        self.turn += 1
        choice = "BC"[self.turn % 2]  # never the default "A", so the value changes
        radio, at = timed(lambda: at.radio(key="floor_radio").set_value(choice).run(), self.post_script_gc)
        button, at = timed(lambda: at.button(key="floor_button").click().run(), self.post_script_gc)
        return {"radio": radio, "button": button}


class FloorProcess:
    """The floor in a child process that imported only Streamlit: as `streamlit run` serves it, its heap not ours."""

    def __init__(self, post_script_gc: bool) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bench.harness", "on" if post_script_gc else "off"],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self.heap: dict[str, int] = {}

    def rep(self) -> dict[str, Sample]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write("rep\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("the floor's child process stopped")
        result = json.loads(line)
        self.heap = result.pop("heap")
        return {name: tuple(sample) for name, sample in result.items()}

    def close(self) -> None:
        try:
            self.proc.communicate("quit\n", timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def floor_child(post_script_gc: bool) -> None:
    """Serve FloorProcess: one repetition per line read, answered with one JSON line."""
    floor = Floor(post_script_gc)
    for line in sys.stdin:
        if line.strip() == "quit":
            break
        print(json.dumps({**floor.rep(), "heap": heap()}), flush=True)


if __name__ == "__main__":
    floor_child(sys.argv[1] == "on")
