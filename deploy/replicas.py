"""N `streamlit run app.py` replicas behind HAProxy on loopback (issue 15): start, stop, restart one by one.

Streamlit keeps a tab's session in one process, so HAProxy pins each browser to a replica by cookie
(deploy/haproxy.cfg), and every replica gets the same `server.cookieSecret`, made afresh at each start
and handed over in the environment only (never on a command line or on disk), so that any replica
accepts what another signed.

    .venv/bin/python -m deploy.replicas start --replicas 3 --port 8500   # returns once all answer
    .venv/bin/python -m deploy.replicas stop

`start` leaves the processes running and their pid files and logs in deploy/run/ (ignored by git);
`stop` ends them by those pid files. Tests and benchmarks use `Cluster` directly.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RUN_DIR = REPO / "deploy" / "run"
TEMPLATE = Path(__file__).with_name("haproxy.cfg")
HAPROXY = "haproxy"
BACKEND = "replicas"


class DeployError(RuntimeError):
    """A process exited or never answered; the message ends with its log."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def haproxy_missing() -> str | None:
    """Why the balancer can't run here, or None when it can."""
    if shutil.which(HAPROXY):
        return None
    return "haproxy is missing (make serve-replicas and make test install Debian's haproxy with apt-get)"


def answers_health(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as reply:
            return bool(reply.read().strip() == b"ok")
    except (OSError, http.client.HTTPException):
        return False


def tail(log: Path, chars: int = 3000) -> str:
    return log.read_text(errors="replace")[-chars:] if log.exists() else ""


def end_group(pid: int, wait_s: float = 10.0) -> None:
    """SIGTERM to a process group, SIGKILL if it is still there after `wait_s`."""
    for sig, wait in ((signal.SIGTERM, wait_s), (signal.SIGKILL, 5.0)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, sig)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            try:
                os.killpg(pid, 0)
            except ProcessLookupError:
                return
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, os.WNOHANG)
            time.sleep(0.05)


class Process:
    """A command in its own process group, its output in `log`, its pid in `pid_file`."""

    def __init__(self, name: str, log: Path, pid_file: Path) -> None:
        self.name, self.log, self.pid_file = name, log, pid_file
        self.proc: subprocess.Popen[bytes] | None = None

    def spawn(self, command: Sequence[str], env: dict[str, str]) -> None:
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                command,
                cwd=REPO,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=env,
                start_new_session=True,
            )
        self.pid_file.write_text(f"{self.proc.pid}\n")

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> None:
        """SIGKILL, as a crash or an out-of-memory kill would: no clean shutdown."""
        if self.proc is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)
        self.pid_file.unlink(missing_ok=True)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            end_group(self.proc.pid)
            self.proc.wait(timeout=10)
        self.pid_file.unlink(missing_ok=True)


class Replica(Process):
    """`streamlit run app.py` on 127.0.0.1:port with the project's .streamlit/config.toml."""

    def __init__(self, name: str, run_dir: Path, env: dict[str, str], options: Sequence[str], python: str) -> None:
        super().__init__(name, run_dir / f"{name}.log", run_dir / f"{name}.pid")
        self.port, self.env, self.options, self.python = free_port(), env, list(options), python

    def start(self, timeout: float = 60.0) -> None:
        command = [self.python, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1"]
        command += ["--server.port", str(self.port), *self.options]
        self.spawn(command, self.env)
        deadline = time.monotonic() + timeout
        while not answers_health(self.port):
            if not self.running() or time.monotonic() > deadline:
                self.stop()
                raise DeployError(f"replica {self.name} did not start:\n{tail(self.log)}")
            time.sleep(0.05)


class Cluster:
    """N replicas and HAProxy in front of them, on loopback; `run_dir` holds the config, logs and pid files."""

    def __init__(
        self,
        replicas: int,
        run_dir: Path = RUN_DIR,
        port: int | None = None,
        options: Sequence[str] = (),
        env: dict[str, str] | None = None,
        python: str = sys.executable,
    ) -> None:
        self.run_dir = run_dir
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        run_dir.mkdir(parents=True, exist_ok=True)
        shared = {k: v for k, v in os.environ.items() if not k.startswith("STREAMLIT_")} | dict(env or {})
        shared["STREAMLIT_SERVER_COOKIE_SECRET"] = secrets.token_hex(32)
        self.replicas = [Replica(f"r{n}", run_dir, shared, options, python) for n in range(1, replicas + 1)]
        self.config = run_dir / "haproxy.cfg"
        self.socket = run_dir / "haproxy.sock"
        self.balancer = Process("haproxy", run_dir / "haproxy.log", run_dir / "haproxy.pid")

    def write_config(self) -> None:
        servers = "\n".join(f"    server {r.name} 127.0.0.1:{r.port} cookie {r.name}" for r in self.replicas)
        text = TEMPLATE.read_text().format(port=self.port, socket=self.socket, servers=servers)
        self.config.write_text(text)

    def start(self, timeout: float = 60.0) -> Cluster:
        missing = haproxy_missing()
        if missing:
            raise DeployError(missing)
        try:
            for replica in self.replicas:
                replica.start(timeout)
            self.write_config()
            self.balancer.spawn([HAPROXY, "-db", "-f", str(self.config)], dict(os.environ))
            self.wait_until(lambda: all(state == "UP" for state in self.states().values()), timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def wait_until(self, ready: Callable[[], bool], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            if not self.balancer.running():
                raise DeployError(f"haproxy exited:\n{tail(self.balancer.log)}")
            with contextlib.suppress(OSError):
                if ready():
                    return
            if time.monotonic() > deadline:
                raise DeployError(f"not ready after {timeout:.0f} s: {self.states()}\n{tail(self.balancer.log)}")
            time.sleep(0.1)

    def command(self, line: str) -> str:
        """One command to HAProxy's runtime API (its admin socket)."""
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(5)
            sock.connect(str(self.socket))
            sock.sendall(line.encode() + b"\n")
            chunks = []
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks).decode()

    def states(self) -> dict[str, str]:
        """Each replica's state as HAProxy sees it: UP, DOWN, MAINT, or a transition such as "UP 1/2"."""
        lines = self.command("show stat").splitlines()
        header = lines[0].lstrip("# ").split(",")
        rows = [dict(zip(header, line.split(","), strict=False)) for line in lines[1:] if line]
        names = {replica.name for replica in self.replicas}
        return {row["svname"]: row["status"] for row in rows if row["pxname"] == BACKEND and row["svname"] in names}

    def set_state(self, replica: Replica, state: str) -> None:
        """`ready`, `drain` or `maint` (no new connection at all, cookie or not)."""
        reply = self.command(f"set server {BACKEND}/{replica.name} state {state}").strip()
        if reply:
            raise DeployError(f"haproxy refused 'state {state}' for {replica.name}: {reply}")

    def restart(self, replica: Replica, timeout: float = 60.0) -> None:
        """Take one replica out of rotation, stop it, start it again and put it back once HAProxy sees it up."""
        self.set_state(replica, "maint")
        replica.stop()
        replica.start(timeout)
        self.set_state(replica, "ready")
        self.wait_until(lambda: self.states()[replica.name] == "UP", timeout)

    def rolling_restart(self, timeout: float = 60.0) -> None:
        for replica in self.replicas:
            self.restart(replica, timeout)

    def stop(self) -> None:
        self.balancer.stop()
        for replica in self.replicas:
            replica.stop()
        self.socket.unlink(missing_ok=True)

    def __enter__(self) -> Cluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def pid_files(run_dir: Path) -> Iterator[Path]:
    return iter(sorted(run_dir.glob("*.pid"))) if run_dir.exists() else iter(())


def stop_by_pid_files(run_dir: Path) -> list[str]:
    """End every process `start` left in run_dir (by process group); the names ended."""
    ended = []
    for pid_file in pid_files(run_dir):
        with contextlib.suppress(ValueError):
            end_group(int(pid_file.read_text().strip()))
            ended.append(pid_file.stem)
        pid_file.unlink(missing_ok=True)
    (run_dir / "haproxy.sock").unlink(missing_ok=True)
    return ended


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="action", required=True)
    start = sub.add_parser("start", help="start N replicas and HAProxy, return once they answer")
    start.add_argument("--replicas", type=int, default=3, help="how many replicas (default 3)")
    start.add_argument("--port", type=int, default=8500, help="the balancer's port on 127.0.0.1 (default 8500)")
    sub.add_parser("stop", help="stop what `start` left running")
    cfg = parser.parse_args(argv)
    if cfg.action == "stop":
        ended = stop_by_pid_files(RUN_DIR)
        print(f"stopped: {', '.join(ended) or 'nothing was running'}")
        return 0
    if not 1 <= cfg.replicas <= 16:
        parser.error("--replicas 1 to 16")
    if any(pid_files(RUN_DIR)):
        parser.error(f"already running (pid files in {RUN_DIR}): stop them first")
    cluster = Cluster(cfg.replicas, RUN_DIR, cfg.port)
    try:
        cluster.start()
    except DeployError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    ports = ", ".join(f"{r.name} on {r.port}" for r in cluster.replicas)
    print(f"{cluster.url} (HAProxy) -> {ports}; logs and pid files in {RUN_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
