"""Smoke tests for the benchmark scripts in bench/: each runs in its tiny --quick mode and
prints one valid JSON line with its figures, then a readable summary.

No timing is asserted here: benchmarks are measured side by side against a baseline and
reported as ratios (see README "Performance"), never as pass/fail thresholds in tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BENCH = REPO / "bench"
CHROMIUM = Path("/usr/bin/chromium")


def _python() -> str:
    venv = REPO / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def run_quick(script: str, timeout: int) -> tuple[dict, list[str]]:
    """Run bench/<script> --quick; its JSON line (parsed) and the summary lines after it."""
    done = subprocess.run([_python(), str(BENCH / script), "--quick"], cwd=REPO, capture_output=True, text=True,
                          timeout=timeout)
    assert done.returncode == 0, f"{script} exited {done.returncode}:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert lines, f"{script} printed nothing"
    result = json.loads(lines[0])
    assert isinstance(result, dict)
    assert len(lines) > 1, "a readable summary follows the JSON line"
    return result, lines[1:]


def post_script_gc_in_config() -> bool:
    """runner.postScriptGC as .streamlit/config.toml sets it (Streamlit's default, on, when absent)."""
    config = REPO / ".streamlit" / "config.toml"
    data = tomllib.loads(config.read_text(encoding="utf-8")) if config.exists() else {}
    return data.get("runner", {}).get("postScriptGC", True)


def load_gc_mode():
    sys.path.insert(0, str(BENCH))
    try:
        import gc_mode
    finally:
        sys.path.remove(str(BENCH))
    return gc_mode


def test_gc_mode_reads_the_config_file(tmp_path):
    gc_mode = load_gc_mode()
    assert gc_mode.configured() is post_script_gc_in_config()
    (tmp_path / "off.toml").write_text("[runner]\npostScriptGC = false\nmagicEnabled = false\n")
    (tmp_path / "on.toml").write_text("[runner]\npostScriptGC = true\n")
    (tmp_path / "unset.toml").write_text("[server]\nheadless = true\n")
    assert gc_mode.configured(tmp_path / "off.toml") is False
    assert gc_mode.configured(tmp_path / "on.toml") is True
    assert gc_mode.configured(tmp_path / "unset.toml") is True, "Streamlit's default is on"
    assert gc_mode.configured(tmp_path / "missing.toml") is True
    assert gc_mode.flag(True) == ["--runner.postScriptGC", "true"]


def assert_mode(result: dict, summary: list[str]) -> None:
    """The benchmark measured the server's mode (from the config file) and said which."""
    assert result["post_script_gc"] is post_script_gc_in_config()
    assert result["post_script_gc_source"] == "config"
    assert any(line.startswith("mode: post-run gc.collect(2) " + ("on" if result["post_script_gc"] else "off"))
               for line in summary)
    if not result["post_script_gc"]:
        assert all(m["gc_median_ms"] == 0 and m["gc_p95_ms"] == 0 for m in result["measures"].values()), \
            "no post-run collection is timed when the server runs none"


def numbers(*values) -> bool:
    return all(isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0 for v in values)


def test_core_bench_quick():
    result, summary = run_quick("core_bench.py", timeout=120)
    assert result["bench"] == "core" and result["quick"] is True
    imp, adv = result["import_core"], result["advise"]
    assert numbers(imp["median_ms"], imp["interpreter_start_median_ms"])
    assert imp["forbidden_imported"] == [], "core must not import streamlit, plotly or pandas"
    assert adv["cases"] == 500
    assert set(adv["groups"]) == {"not_shipped", "not_received", "received", "dispute_open", "dispute_closed"}
    assert numbers(adv["advise_median_s"], adv["baseline_read_case_median_s"], adv["ratio_advise_over_read_case"])
    assert adv["actions_hit"] == 13, "the generated cases reach every action"
    assert isinstance(imp["met"], bool) and isinstance(adv["met"], bool)
    assert any("import core" in line for line in summary)


def test_wizard_bench_quick():
    result, summary = run_quick("wizard_bench.py", timeout=300)
    assert result["bench"] == "wizard" and result["quick"] is True
    for name in ("ours.choice_step", "ours.date_step", "ours.plan_step", "ours.plan_rerun", "ours.plan_link",
                 "floor.radio", "floor.button", "floor_own_process.radio", "floor_own_process.button"):
        measure = result["measures"][name]
        assert measure["n"] == result["reps"]
        assert numbers(measure["total_median_ms"], measure["total_p95_ms"], measure["gc_median_ms"],
                       measure["script_median_ms"])
    assert numbers(*result["ratios"].values())
    assert isinstance(result["met"], bool)
    assert any("question step" in line for line in summary)
    assert_mode(result, summary)
    assert result["heap"]["ours_process"]["objects_frozen"] > 0, "app.py's warm-up froze the libraries"
    assert "whatif_gc_freeze" not in result, "freezing is what the app does now, not a what-if"


def test_lower_bound_quick():
    result, summary = run_quick("lower_bound.py", timeout=300)
    assert result["bench"] == "lower_bound" and (result["rounds"], result["reruns"]) == (1, 3)
    assert set(result["median_ms"]) == {"floor", "question skeleton", "orders skeleton"}
    assert numbers(*result["median_ms"].values(), *result["ratio_vs_floor"].values())
    assert result["median_ms"]["orders skeleton"] > result["median_ms"]["floor"], "200 rows and a chart cost more"
    assert result["post_script_gc"] is post_script_gc_in_config()
    assert any("question skeleton" in line and "x the floor" in line for line in summary)


@pytest.mark.browser
def test_click_bench_quick():
    if not (CHROMIUM.exists() and os.access(CHROMIUM, os.X_OK)):
        message = f"{CHROMIUM} is missing (make test installs Debian's chromium with apt-get)"
        if _in_ci():
            pytest.fail(message)
        pytest.skip(message)
    result, summary = run_quick("click_bench.py", timeout=300)
    assert result["bench"] == "click" and result["quick"] is True
    for name in ("ours.choice_step.heading", "ours.date_step.heading", "floor.radio.done", "floor.button.done",
                 "ours.plan_load.text", "ours.plan_load.chart", "floor.load.ready", "server_cpu.ours.question_step",
                 "server_cpu.floor.click"):
        assert result["measures"][name]["n"] >= result["reps"]
        assert numbers(result["measures"][name]["median_ms"])
    assert numbers(*result["ratios"].values())
    assert isinstance(result["met"], bool)
    assert any("click to next question" in line for line in summary)
    assert result["post_script_gc"] is post_script_gc_in_config()
    probe = result["post_script_gc_probe"]["as_served"]
    assert probe["option_as_served"] is result["post_script_gc"] and probe["honoured"], probe
