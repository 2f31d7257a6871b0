"""bench/load.py in its quick mode: real servers, real websocket sessions, a clean result.

The full-size run (50 sessions for 2 minutes, app and floor) is documented in the
README's Performance section; CI runs only this quick one.
"""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path
from typing import Any

import pytest

from bench import gc_mode, load
from core.wizard.route import ON_REQUEST, next_question
from tests.support.server import REPO, venv_python


def run_load(tmp_path: Path, *args: str, timeout: int) -> tuple[dict[str, Any], subprocess.CompletedProcess[str]]:
    """bench/load.py with these options: its JSON report, and how it ended."""
    out = tmp_path / "report.json"
    proc = subprocess.run(
        [venv_python(), str(REPO / "bench" / "load.py"), *args, "--json-out", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert out.exists(), proc.stdout[-3000:] + proc.stderr[-3000:]
    return json.loads(out.read_text()), proc


@pytest.mark.bench
@pytest.mark.timeout(150)
def test_quick_run_has_no_errors_no_leaks_and_every_session_finishes_a_route(tmp_path: Path) -> None:
    report, proc = run_load(tmp_path, "--quick", timeout=140)
    summary = proc.stdout[-4000:]
    for name in ("app", "floor"):
        result = report[name]
        assert result["errors"] == 0, (result["error_samples"], summary)
        assert result["leaks"] == 0, (result["leak_samples"], summary)
        assert result["sessions_started"] == result["sessions_completed"] == report["config"]["sessions"], summary
        assert result["routes_per_session_min"] >= 1, summary
        assert result["step_latency_ms"]["n"] > 0 and result["rss_mb"]["peak"] > 0
    app = report["app"]
    # Isolation was really checked: every plan compared with core's, and each session saw its own name.
    assert app["plans_checked"] >= report["config"]["sessions"]
    seen, checked = map(int, app["own_label_seen"].split("/"))
    assert checked > 0 and seen == checked
    assert set(report["ratios"]) >= {"step_median", "step_p95", "mb_per_extra_session"}
    # The servers ran with the project's runner.postScriptGC, and a live server confirmed it.
    probe = report["post_script_gc_probe"]
    assert probe["ok"] and probe["option_as_served"] is report["post_script_gc"] is gc_mode.configured()
    assert "whatif" not in report, "the quick run skips the what-if"
    assert proc.returncode == 0
    lines = proc.stdout.strip().splitlines()
    assert json.loads(lines[0]) == report, "the first line of stdout is the JSON report"
    assert any(line.startswith("targets (app):") for line in lines[1:]), "a readable summary follows"


@pytest.mark.bench
@pytest.mark.timeout(90)
def test_a_leaky_app_is_caught(tmp_path: Path) -> None:
    """Negative control: an app that shows every visitor's name to everybody must fail the run."""
    report, proc = run_load(
        tmp_path,
        "--no-app",
        "--floor-app",
        str(Path(__file__).with_name("leaky_floor_app.py")),
        "--sessions",
        "3",
        "--duration",
        "4",
        "--think",
        "0.1-0.3",
        "--ramp",
        "0.5",
        timeout=80,
    )
    floor = report["floor"]
    assert floor["errors"] == 0, floor["error_samples"]
    assert floor["leaks"] > 0 and "received order-" in floor["leak_samples"][0]
    assert proc.returncode == 1


def test_label_scanner_finds_plain_url_and_markdown_escaped_labels() -> None:
    frame = b"\x12label=order-12-ab34cd&stage=x\x1a**order\\-7\\-zz99yy**\x22order-3-abcdefg order-4-abc"
    found = {b"-".join(m.groups()) for m in load.LABEL_RE.finditer(frame)}
    assert found == {b"12-ab34cd", b"7-zz99yy"}


def test_headline_is_read_from_the_plan_markdown() -> None:
    run = load.Run(started=0.0)
    markdown = load.ForwardMsg().delta.new_element.markdown
    markdown.body = "### :material/gavel: Open a dispute for a full refund \\(today\\)"
    run.elements.append(("markdown", markdown))
    assert run.headline() == (":material/gavel:", "Open a dispute for a full refund (today)")


@pytest.mark.parametrize("name", list(load.ROUTES))
def test_a_sessions_own_answers_still_walk_the_route_to_a_plan(name: str) -> None:
    """Scaled amounts, another currency and today's dates: the same questions in the same order, then a plan."""
    route = load.make_route(random.Random(name), 7, via_link=True, name=name)
    answers: dict[str, str] = {}
    for step in route.steps:
        assert step.key in ON_REQUEST or next_question(answers) == step.key, (name, step)
        answers[step.key] = step.stored
    assert next_question(answers) is None, name
    action, headline = load.expected_plan(answers, route.label)
    assert action in load.ACTION_ICONS and headline, name
