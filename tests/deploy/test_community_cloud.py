"""Ready for Streamlit Community Cloud as is (issue 15): what can be checked on this machine.

Community Cloud installs the root requirements.txt into a new environment and runs `streamlit run`
from the repository root (README, "Host it"). So: requirements.txt alone, in a fresh virtual
environment, must serve every page from the root, with HOME and TMPDIR in a temporary folder, the
checkout left exactly as it was, and no socket to another machine (tests/support/network.py).
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bench import load
from tests.support.network import blocked_env
from tests.support.server import REPO, StreamlitServer

pytestmark = pytest.mark.deploy

PAGES = {"": "Where is your order at?", "orders": "My orders"}
"""Each page's url_path and a heading its script draws."""
EARLIER_DEPENDENCY_FILES = ("uv.lock", "Pipfile", "environment.yml")
"""Files Community Cloud would read before requirements.txt (its docs' order: app-dependencies page)."""


def checkout_state() -> str:
    """Every change, new file and ignored file in the checkout, as git sees it."""
    return subprocess.run(
        ["git", "status", "--porcelain", "--ignored", "--untracked-files=all"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def fresh_environment(where: Path) -> str:
    """A new virtual environment with requirements.txt alone installed; its python."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(where)], check=True, timeout=60)
    python = str(where / "bin" / "python")
    pip = [sys.executable, "-m", "pip", "--python", python, "install", "--disable-pip-version-check", "-q"]
    done = subprocess.run([*pip, "-r", str(REPO / "requirements.txt")], capture_output=True, text=True, timeout=400)
    assert done.returncode == 0, done.stderr[-3000:]
    return python


async def first_screen(port: int, page_name: str) -> load.Run:
    """The first run of a page, as a browser tab opening it gets it over the websocket."""
    connection = load.Connection(port, load.Stats(), page_name=page_name)
    try:
        return await connection.open("")
    finally:
        await connection.close()


def test_requirements_txt_is_the_dependency_file_community_cloud_reads() -> None:
    found = [name for name in EARLIER_DEPENDENCY_FILES if (REPO / name).exists()]
    assert found == [], f"Community Cloud would install from {found} instead of requirements.txt"
    assert (REPO / ".streamlit" / "config.toml").exists() and (REPO / "app.py").exists()


@pytest.mark.timeout(600)
def test_requirements_alone_serve_every_page_from_the_root_writing_nothing_and_calling_nobody(tmp_path: Path) -> None:
    python = fresh_environment(tmp_path / "venv")
    home, temp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    temp.mkdir()
    blocked_log = tmp_path / "blocked.log"
    env = {
        **blocked_env(tmp_path, blocked_log),
        "HOME": str(home),
        "TMPDIR": str(temp),
        "PYTHONPYCACHEPREFIX": str(temp / "pycache"),
        "VIRTUAL_ENV": str(tmp_path / "venv"),
        "PATH": f"{tmp_path / 'venv' / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    before = checkout_state()
    server = StreamlitServer("app.py", tmp_path / "server.log", env=env, python=python)
    # In its own thread: the session's Playwright browser keeps an event loop running in this one.
    with server, ThreadPoolExecutor(1) as thread:
        screens = {name: thread.submit(asyncio.run, first_screen(server.port, name)).result() for name in PAGES}
    for name, heading in PAGES.items():
        run = screens[name]
        assert run.status == load.ForwardMsg.FINISHED_SUCCESSFULLY, (name, server.log_tail())
        assert not run.of("exception"), (name, [e.message for e in run.of("exception")])
        assert heading in [h.body for h in run.of("heading")], (name, run.screen())
    assert "Traceback" not in server.log_tail(20_000)
    assert not blocked_log.exists() or blocked_log.read_text() == "", blocked_log.read_text()
    assert checkout_state() == before, "the server wrote into the checkout"
