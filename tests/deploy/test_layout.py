"""deploy/'s layout without starting the app: the balancer's config, the shared secret, and `stop` by pid files."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from deploy import replicas
from deploy.replicas import Cluster, Process, haproxy_missing, stop_by_pid_files


def test_each_replica_is_a_server_with_its_cookie_and_health_checks(tmp_path: Path) -> None:
    cluster = Cluster(3, tmp_path, port=18500)
    cluster.write_config()
    config = cluster.config.read_text()
    servers = re.findall(r"^\s+server (r\d) 127\.0\.0\.1:(\d+) cookie (r\d)$", config, re.M)
    assert [(name, int(port), cookie) for name, port, cookie in servers] == [
        (r.name, r.port, r.name) for r in cluster.replicas
    ]
    assert "bind 127.0.0.1:18500" in config
    for line in ("cookie SERVERID insert indirect nocache", "option httpchk GET /_stcore/health", "timeout tunnel 1h"):
        assert line in config


@pytest.mark.skipif(haproxy_missing() is not None, reason="haproxy is missing")
def test_haproxy_accepts_the_config(tmp_path: Path) -> None:
    cluster = Cluster(2, tmp_path)
    cluster.write_config()
    checked = subprocess.run(["haproxy", "-c", "-f", str(cluster.config)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_one_cookie_secret_for_all_replicas_new_at_each_start_and_never_written(tmp_path: Path) -> None:
    first, second = Cluster(3, tmp_path / "a"), Cluster(3, tmp_path / "b")
    secrets = {r.env["STREAMLIT_SERVER_COOKIE_SECRET"] for r in first.replicas}
    assert len(secrets) == 1 and len(secrets.pop()) == 64
    assert (
        first.replicas[0].env["STREAMLIT_SERVER_COOKIE_SECRET"]
        != second.replicas[0].env["STREAMLIT_SERVER_COOKIE_SECRET"]
    )
    first.write_config()
    secret = first.replicas[0].env["STREAMLIT_SERVER_COOKIE_SECRET"]
    assert all(secret not in path.read_text() for path in (tmp_path / "a").iterdir())


def test_stop_ends_what_start_left_running_by_its_pid_files(tmp_path: Path) -> None:
    sleeper = Process("r1", tmp_path / "r1.log", tmp_path / "r1.pid")
    sleeper.spawn([sys.executable, "-c", "import time; time.sleep(60)"], {})
    assert sleeper.running() and (tmp_path / "r1.pid").exists()
    assert stop_by_pid_files(tmp_path) == ["r1"]
    assert sleeper.proc is not None and sleeper.proc.wait(timeout=10) is not None
    assert list(tmp_path.glob("*.pid")) == []


def test_the_run_folder_is_ignored_by_git() -> None:
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", str(replicas.RUN_DIR / "r1.pid")], cwd=replicas.REPO, check=False
    )
    assert ignored.returncode == 0
