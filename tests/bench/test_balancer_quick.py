"""bench/balancer.py in its quick mode: two replicas behind HAProxy, one killed at mid-run, one alone; a clean result.

The full-size run (1,000 sessions for 2 minutes) is documented in the README's Performance section; CI runs
only this quick one. Without haproxy it skips, and in CI it fails (as the browser tests do without chromium).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from deploy.replicas import haproxy_missing
from tests.support.browser import in_ci
from tests.support.server import REPO, venv_python


@pytest.mark.bench
@pytest.mark.timeout(200)
def test_quick_run_loses_nothing_when_a_replica_dies(tmp_path: Path) -> None:
    missing = haproxy_missing()
    if missing:
        (pytest.fail if in_ci() else pytest.skip)(missing)
    out = tmp_path / "report.json"
    proc = subprocess.run(
        [venv_python(), str(REPO / "bench" / "balancer.py"), "--quick", "--json-out", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=190,
    )
    assert out.exists(), proc.stdout[-3000:] + proc.stderr[-3000:]
    report, summary = json.loads(out.read_text()), proc.stdout[-4000:]
    for name in ("replicas", "failover", "single"):
        result = report[name]
        assert result["errors"] == 0, (result["error_samples"], summary)
        assert result["leaks"] == 0 and result["answers_lost"] == 0, summary
        assert result["sessions_started"] == result["sessions_completed"] == report["config"]["sessions"], summary
        assert result["routes_per_session_min"] >= 1 and result["plans_checked"] >= result["routes_completed"]
    failover = report["failover"]["during"]
    # The kill cut connections, and (no error, every session finished its routes) their visitors carried on.
    assert failover["dropped_in_window"] >= 1, failover
    assert failover["states_after"][failover["killed"]] != "UP", "HAProxy saw the killed replica go down"
    assert failover["step_latency_ms_in_window"]["n"] > 0
    assert report["ok"] and proc.returncode == 0
    assert json.loads(proc.stdout.splitlines()[0]) == report
