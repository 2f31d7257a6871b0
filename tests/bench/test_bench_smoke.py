"""Smoke tests for the benchmark scripts in bench/: each runs in its tiny --quick mode and
prints one valid JSON line with its figures, then a readable summary.

No timing is asserted here: benchmarks are measured side by side against a baseline and
reported as ratios (see README "Performance"), never as pass/fail thresholds in tests.
"""

from __future__ import annotations

import json
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest

from bench import gc_mode
from tests.support.browser import require_chromium
from tests.support.server import REPO, venv_python
from tests.support.stats import percentile, summary


def run_quick(script: str, *args: str, timeout: int) -> tuple[dict[str, Any], list[str]]:
    """Run bench/<script> --quick; its JSON line (parsed) and the summary lines after it."""
    done = subprocess.run(
        [venv_python(), str(REPO / "bench" / script), "--quick", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, f"{script} exited {done.returncode}:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert len(lines) > 1, f"{script}: a JSON line and a readable summary:\n{done.stdout[-2000:]}"
    result = json.loads(lines[0])
    assert isinstance(result, dict) and result["quick"] is True
    return result, lines[1:]


def numbers(*values: object) -> bool:
    return all(isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0 for v in values)


def test_one_percentile_for_every_benchmark() -> None:
    assert percentile([], 95) is None and percentile([7.0], 95) == 7.0
    assert percentile([5.0, 1.0, 3.0, 2.0, 4.0], 50) == 3.0
    assert percentile([float(n) for n in range(1, 11)], 95) == pytest.approx(9.55), "interpolated, not nearest"
    assert summary([3.0, 1.0]) == {"n": 2, "median": 2.0, "p95": 2.9, "min": 1.0, "max": 3.0}


def test_gc_mode_reads_the_config_file(tmp_path: Path) -> None:
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert gc_mode.configured() is config.get("runner", {}).get("postScriptGC", True)
    (tmp_path / "off.toml").write_text("[runner]\npostScriptGC = false\nmagicEnabled = false\n")
    (tmp_path / "on.toml").write_text("[runner]\npostScriptGC = true\n")
    (tmp_path / "unset.toml").write_text("[server]\nheadless = true\n")
    assert gc_mode.configured(tmp_path / "off.toml") is False
    assert gc_mode.configured(tmp_path / "on.toml") is True
    assert gc_mode.configured(tmp_path / "unset.toml") is True, "Streamlit's default is on"
    assert gc_mode.configured(tmp_path / "missing.toml") is True
    assert gc_mode.flag(True) == ["--runner.postScriptGC", "true"]


def test_a_server_option_overrides_the_config() -> None:
    assert gc_mode.served([]) is gc_mode.configured()
    assert gc_mode.served(["--server.maxUploadSize", "5"]) is gc_mode.configured()
    assert gc_mode.served(gc_mode.flag(True)) is True
    assert gc_mode.served([*gc_mode.flag(True), *gc_mode.flag(False)]) is False


def assert_apptest_bench(result: dict[str, Any], summary_lines: list[str], names: tuple[str, ...]) -> None:
    """Every measure has its repetitions, in the server's mode (from the config file), which the summary names."""
    for name in names:
        measure = result["measures"][name]
        assert measure["n"] == result["reps"], name
        assert numbers(
            *(measure[part][figure] for part in ("total", "script", "gc", "cpu") for figure in ("median", "p95"))
        ), name
    assert numbers(*result["ratios"].values()) and isinstance(result["met"], bool)
    assert result["post_script_gc"] is gc_mode.configured() and result["post_script_gc_source"] == "config"
    assert any(line.startswith(f"mode: {gc_mode.describe(result['post_script_gc'])}") for line in summary_lines)
    if not result["post_script_gc"]:
        assert all(m["gc"]["max"] == 0 for m in result["measures"].values()), "no collection timed when none runs"


def test_core_bench_quick() -> None:
    result, summary_lines = run_quick("core_bench.py", timeout=120)
    imp, adv = result["import_core"], result["advise"]
    assert result["bench"] == "core"
    assert numbers(imp["median_ms"], imp["interpreter_start_median_ms"])
    assert imp["forbidden_imported"] == [], "core must not import streamlit, plotly or pandas"
    assert adv["cases"] == 500
    assert set(adv["groups"]) == {
        "not_shipped",
        "not_received",
        "received",
        "dispute_open",
        "dispute_closed",
        "returning",
        "cancelled",
        "payment_problem",
    }
    assert numbers(adv["advise_median_s"], adv["baseline_read_case_median_s"], adv["ratio_advise_over_read_case"])
    assert adv["actions_hit"] == adv["actions"], "the generated cases reach every action"
    assert isinstance(imp["met"], bool) and isinstance(adv["met"], bool)
    assert any("import core" in line for line in summary_lines)


def test_wizard_bench_quick() -> None:
    result, summary_lines = run_quick("wizard_bench.py", timeout=300)
    assert result["bench"] == "wizard"
    assert_apptest_bench(
        result,
        summary_lines,
        (
            "ours.choice_step",
            "ours.date_step",
            "ours.plan_step",
            "ours.plan_rerun",
            "ours.plan_link",
            "floor.radio",
            "floor.button",
            "floor_own_process.radio",
            "floor_own_process.button",
        ),
    )
    assert any("question step" in line for line in summary_lines)
    assert result["heap"]["ours_process"]["objects_frozen"] > 0, "app.py's warm-up froze the libraries"
    languages = result["languages"]
    assert numbers(languages["question_step_es_vs_en"], languages["switch_vs_question_step"])
    assert isinstance(languages["met"], bool) and any("Spanish question step" in line for line in summary_lines)


def test_orders_bench_quick(tmp_path: Path) -> None:
    written = tmp_path / "orders.csv"
    result, summary_lines = run_quick("orders_bench.py", "--write", str(written), timeout=300)
    assert result["bench"] == "orders" and result["orders"] == 200
    assert_apptest_bench(
        result,
        summary_lines,
        (
            "ours.rerun",
            "ours.edit",
            "ours.pick",
            "floor.radio",
            "floor.button",
            "floor_own_process.radio",
            "floor_own_process.button",
        ),
    )
    assert result["chart"]["orders_drawn"] > 100
    assert any("target" in line for line in summary_lines)
    assert written.read_bytes().count(b"\n") == 201
    assert result["objects_frozen"] > 0, "the page is reached through app.py, whose warm-up freezes the libraries"


def test_lower_bound_quick() -> None:
    result, summary_lines = run_quick("lower_bound.py", timeout=300)
    assert result["bench"] == "lower_bound" and (result["rounds"], result["reruns"]) == (1, 3)
    assert set(result["median_ms"]) == {"floor", "question skeleton", "orders skeleton"}
    assert numbers(*result["median_ms"].values(), *result["ratio_vs_floor"].values())
    assert result["median_ms"]["orders skeleton"] > result["median_ms"]["floor"], "200 rows and a chart cost more"
    assert result["post_script_gc"] is gc_mode.configured()
    assert any("question skeleton" in line and "x the floor" in line for line in summary_lines)


@pytest.mark.browser
def test_click_bench_quick() -> None:
    require_chromium()
    result, summary_lines = run_quick("click_bench.py", timeout=300)
    assert result["bench"] == "click"
    for name in (
        "ours.choice_step.heading",
        "ours.date_step.heading",
        "floor.radio.done",
        "floor.button.done",
        "ours.plan_load.text",
        "ours.plan_load.chart",
        "floor.load.ready",
        "ours.question_step.server_cpu",
        "floor.click.server_cpu",
    ):
        assert result["measures"][name]["n"] >= result["reps"], name
        assert numbers(result["measures"][name]["median"]), name
    assert numbers(*result["ratios"].values()) and isinstance(result["met"], bool)
    assert any("click to next question" in line for line in summary_lines)
    probe = result["post_script_gc_probe"]["as_served"]
    assert probe["option_as_served"] is result["post_script_gc"] is gc_mode.configured() and probe["ok"], probe
