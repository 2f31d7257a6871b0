"""`streamlit run` on a free loopback port, for the browser tests and the benchmarks alike.

One launcher, so every server runs with the same flags, from the repository root (where
`.streamlit/config.toml` is read), without STREAMLIT_* overrides, and is stopped by its own
process group.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType

import psutil

REPO = Path(__file__).resolve().parents[2]


class ServerError(RuntimeError):
    """The server exited or never answered its health check; the message ends with its log."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def venv_python() -> str:
    candidate = REPO / ".venv" / "bin" / "python"
    return str(candidate) if candidate.exists() else sys.executable


def streamlit_env() -> dict[str, str]:
    """This environment without STREAMLIT_* overrides, so Streamlit reads its options from the project's file."""
    return {key: value for key, value in os.environ.items() if not key.startswith("STREAMLIT_")}


def _cpu_clock(pid: int) -> int | None:
    """Another process's CPU-time clock (Linux, glibc): nanoseconds, dead threads included; None elsewhere."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        clock = ctypes.c_int()
        if libc.clock_getcpuclockid(pid, ctypes.byref(clock)) != 0:
            return None
        time.clock_gettime(clock.value)
        return clock.value
    except (OSError, AttributeError):
        return None


class StreamlitServer:
    """`streamlit run SCRIPT` on 127.0.0.1:port, in its own process group; its output goes to `log`.

    `start()` can be called again after `kill()` or `stop()`: same port, the log appended to.
    `python` is the interpreter to run it with (the project's .venv by default); `port` a chosen one.
    """

    def __init__(
        self,
        script: str | Path,
        log: Path,
        options: Sequence[str] = (),
        env: Mapping[str, str] | None = None,
        python: str | None = None,
        port: int | None = None,
    ) -> None:
        self.script, self.log, self.options, self.env = str(script), log, list(options), dict(env or {})
        self.python = python or venv_python()
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None
        self.start_s = 0.0
        """Seconds from the start to the first healthy answer."""
        log.write_bytes(b"")

    def start(self, timeout: float = 60.0) -> StreamlitServer:
        command = [
            self.python,
            "-m",
            "streamlit",
            "run",
            self.script,
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(self.port),
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
            *self.options,
        ]
        started = time.perf_counter()
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                command,
                cwd=REPO,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env={**streamlit_env(), **self.env},
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while not self.healthy():
            if self.proc.poll() is not None:
                raise ServerError(f"{self.script}: streamlit exited with {self.proc.returncode}:\n{self.log_tail()}")
            if time.monotonic() > deadline:
                self.stop()
                raise ServerError(f"{self.script}: not healthy after {timeout:.0f} s:\n{self.log_tail()}")
            time.sleep(0.05)
        self.start_s = time.perf_counter() - started
        return self

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as reply:
                return bool(reply.read().strip() == b"ok")
        except (OSError, http.client.HTTPException):
            return False

    def _signal(self, sig: signal.Signals) -> None:
        if self.proc is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, sig)

    def kill(self) -> None:
        """SIGKILL, as a crash or an out-of-memory kill would: no clean shutdown; returns once the port is free."""
        assert self.proc is not None
        self._signal(signal.SIGKILL)
        self.proc.wait(timeout=10)
        deadline = time.monotonic() + 10
        while port_in_use(self.port) and time.monotonic() < deadline:
            time.sleep(0.1)

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        for sig, wait_s in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
            self._signal(sig)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(timeout=wait_s)
                return

    def __enter__(self) -> StreamlitServer:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()

    def log_tail(self, chars: int = 4000) -> str:
        return self.log.read_text(errors="replace")[-chars:] if self.log.exists() else ""

    def cpu_ms(self) -> float:
        """CPU time the server has used so far, in ms: its CPU-time clock (ns), else psutil's (10 ms ticks)."""
        assert self.proc is not None
        clock = _cpu_clock(self.proc.pid)
        if clock is not None:
            return time.clock_gettime(clock) * 1000
        times = psutil.Process(self.proc.pid).cpu_times()
        return (times.user + times.system) * 1000

    def rss_mb(self) -> float:
        assert self.proc is not None
        return float(psutil.Process(self.proc.pid).memory_info().rss / 2**20)
