"""Make an AppTest run cost what the same rerun costs on a running server, and time its script thread.

`streamlit run` keeps one ScriptCache per process: each page's source is compiled once,
then every rerun of every session reuses the bytecode. AppTest builds a new cache for each
run, so it compiles app.py and the page again every time (about 1 ms for our pages, almost
nothing for the ten-line floor): a cost no visitor ever pays. `time_script_runs()` gives
AppTest one cache for the whole process, like the server's, for our app and the floor alike,
and times each script thread: the server's part of a run, without AppTest's own work in the
test thread (turning the messages into an element tree).
"""

from __future__ import annotations

import time

SCRIPT_RUNS: list[tuple[float, float]] = []
"""(wall ms, CPU ms of that thread) of each AppTest script thread, appended as they end; benchmarks clear it."""
PROFILER = None
"""A cProfile.Profile to enable inside the script threads while a benchmark profiles, else None."""


def time_script_runs() -> None:
    """From now on, every AppTest run in this process reuses one cache of compiled pages and is timed into SCRIPT_RUNS."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    runner = local_script_runner.LocalScriptRunner
    if getattr(runner, "_timed_as_served", False):
        return
    shared = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared
    original = runner._run_script_thread

    def run_script_thread(self) -> None:
        profiler = PROFILER
        wall, cpu = time.perf_counter(), time.thread_time()
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


def one_run() -> tuple[float, float]:
    """(wall ms, CPU ms) of the one script run since SCRIPT_RUNS was cleared; anything else is an error."""
    if len(SCRIPT_RUNS) != 1:
        raise RuntimeError(f"expected one script run, saw {len(SCRIPT_RUNS)}")
    return SCRIPT_RUNS[0]
