"""bench/orders_bench.py in its tiny --quick mode: one JSON line with every figure, then a summary.

No timing is asserted: the benchmark reports ratios against the floor, never pass or fail.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_orders_bench_quick(tmp_path):
    python = REPO / ".venv" / "bin" / "python"
    written = tmp_path / "orders.csv"
    done = subprocess.run(
        [str(python if python.exists() else sys.executable), str(REPO / "bench" / "orders_bench.py"), "--quick",
         "--write", str(written)],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    result = json.loads(lines[0])
    assert result["bench"] == "orders" and result["quick"] is True and result["orders"] == 200
    for name in ("ours.rerun", "ours.edit", "ours.pick", "floor.radio", "floor.button",
                 "floor_own_process.radio", "floor_own_process.button"):
        measure = result["measures"][name]
        assert measure["n"] == result["reps"] and measure["total_median_ms"] > 0
    assert all(ratio > 0 for ratio in result["ratios"].values()) and isinstance(result["met"], bool)
    assert result["chart"]["orders_drawn"] > 100
    assert any("target" in line for line in lines[1:])
    assert written.read_bytes().count(b"\n") == 201
    # Measured as the server runs: runner.postScriptGC from .streamlit/config.toml, through app.py's warm-up.
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert result["post_script_gc"] is config.get("runner", {}).get("postScriptGC", True)
    assert result["post_script_gc_source"] == "config"
    assert any(line.startswith("mode: post-run gc.collect(2) " + ("on" if result["post_script_gc"] else "off"))
               for line in lines[1:])
    if not result["post_script_gc"]:
        assert all(m["gc_median_ms"] == 0 for m in result["measures"].values())
    assert result["objects_frozen"] > 0, "the page is reached through app.py, whose warm-up freezes the libraries"
