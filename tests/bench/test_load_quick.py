"""bench/load.py in its quick mode: real servers, real websocket sessions, a clean result.

The full-size run (50 sessions for 2 minutes, app and floor) is documented in the
README's Performance section; CI runs only this quick one.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "bench" / "load.py"


def load_module():
    if "bench_load" not in sys.modules:
        spec = importlib.util.spec_from_file_location("bench_load", SCRIPT)
        module = importlib.util.module_from_spec(spec)
        sys.modules["bench_load"] = module
        spec.loader.exec_module(module)
    return sys.modules["bench_load"]


def python() -> str:
    venv = REPO / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


@pytest.mark.bench
@pytest.mark.timeout(150)
def test_quick_run_has_no_errors_no_leaks_and_every_session_finishes_a_route(tmp_path):
    out = tmp_path / "report.json"
    proc = subprocess.run([python(), str(SCRIPT), "--quick", "--json-out", str(out)], cwd=REPO,
                          capture_output=True, text=True, timeout=140)
    assert out.exists(), proc.stdout[-3000:] + proc.stderr[-3000:]
    report = json.loads(out.read_text())
    summary = proc.stdout[-4000:]
    for name in ("app", "floor"):
        result = report[name]
        assert result["errors"] == 0, (result["error_samples"], summary)
        assert result["leaks"] == 0, (result["leak_samples"], summary)
        assert result["sessions_started"] == result["sessions_completed"] == report["config"]["sessions"], summary
        assert result["routes_per_session_min"] >= 1, summary
        assert result["step_latency_ms"]["n"] > 0 and result["rss_mb"]["peak"] > 0
    app = report["app"]
    # Isolation was really checked: plans compared with core, and each session saw its own label.
    assert app["plans_checked"] >= report["config"]["sessions"]
    assert app["plans_checked_against_core"] == app["plans_checked"]
    seen, checked = map(int, app["own_label_seen"].split("/"))
    assert checked > 0 and seen == checked
    assert set(report["ratios"]) >= {"step_median", "step_p95", "mb_per_extra_session"}
    # The servers ran with the project's runner.postScriptGC, and a live server confirmed it.
    probe = report["post_script_gc_probe"]
    assert probe["ok"] and probe["option_as_served"] is report["post_script_gc"] is report["post_script_gc_in_config"]
    assert "whatif" not in report, "the quick run skips the what-if"
    assert proc.returncode == 0
    lines = proc.stdout.strip().splitlines()
    assert json.loads(lines[0]) == report, "the first line of stdout is the JSON report"
    assert any(line.startswith("targets (app):") for line in lines[1:]), "a readable summary follows"


@pytest.mark.bench
@pytest.mark.timeout(90)
def test_a_leaky_app_is_caught(tmp_path):
    """Negative control: an app that shows every visitor's label to everybody must fail the run."""
    out = tmp_path / "report.json"
    proc = subprocess.run([python(), str(SCRIPT), "--no-app", "--floor-app", str(Path(__file__).with_name(
        "leaky_floor_app.py")), "--sessions", "3", "--duration", "4", "--think", "0.1-0.3", "--ramp", "0.5",
        "--json-out", str(out)], cwd=REPO, capture_output=True, text=True, timeout=80)
    assert out.exists(), proc.stdout[-3000:] + proc.stderr[-3000:]
    floor = json.loads(out.read_text())["floor"]
    assert floor["errors"] == 0, floor["error_samples"]
    assert floor["leaks"] > 0 and "received order-" in floor["leak_samples"][0]
    assert proc.returncode == 1


def test_label_scanner_finds_plain_url_and_markdown_escaped_labels():
    load = load_module()
    frame = (b"\x12label=order-12-ab34cd&stage=x\x1a**order\\-7\\-zz99yy**\x22order-3-abcdefg "
             b"order-4-abc")
    found = {b"-".join(m.groups()) for m in load.LABEL_RE.finditer(frame)}
    assert found == {b"12-ab34cd", b"7-zz99yy"}


def test_headline_is_read_from_the_plan_markdown():
    load = load_module()
    run = load.Run(started=0.0)
    markdown = load.ForwardMsg().delta.new_element.markdown
    markdown.body = "### :material/gavel: Open a dispute for a full refund \\(today\\)"
    run.elements.append(("markdown", markdown))
    assert run.headline() == (":material/gavel:", "Open a dispute for a full refund (today)")


def test_every_route_is_a_known_question_sequence():
    load = load_module()
    from core.wizard import next_question, route

    for name, (steps, _action) in load.ROUTES.items():
        answers: dict[str, str] = {}
        for key, value in steps:
            assert next_question(answers) == key, name
            answers[key] = value
        assert next_question(answers) is None and set(route(answers)) == set(answers), name


def test_the_mode_follows_the_config_unless_a_server_option_overrides_it():
    load = load_module()
    configured = load.gc_mode.configured()
    assert load.post_script_gc([]) is configured
    assert load.post_script_gc(["server.maxUploadSize=5"]) is configured
    assert load.post_script_gc(["runner.postScriptGC=true"]) is True
    assert load.post_script_gc(["--runner.postScriptGC=false"]) is False
    assert load.post_script_gc(["runner.postScriptGC=true", "runner.postScriptGC=false"]) is False
