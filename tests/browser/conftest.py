"""Real-browser test fixtures: `streamlit run app.py` on a free local port, driven by
Playwright with Debian's chromium (/usr/bin/chromium). Never `playwright install`.

Fixtures:
- streamlit_server (session): base URL of a running `streamlit run app.py`.
- browser (session): Playwright chromium.
- page (function): a fresh context and page; relative URLs resolve against the server.
- wait_for_app (function): wait_for_app(page) waits until the app is connected and
  its script has finished running.
- open_app (function): open_app("?step=2") goes to that URL and waits for the app.
- artifacts_dir (session): tests/artifacts/ for screenshots and logs.

In CI (CI set and not "false"/"0") a missing chromium fails; elsewhere it skips.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.browser import wait_for_app as _wait_for_app
from tests.support.server import REPO, StreamlitServer

ARTIFACTS_DIR = REPO / "tests" / "artifacts"


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS_DIR


@pytest.fixture(scope="session")
def streamlit_server(artifacts_dir: Path) -> Iterator[str]:
    with StreamlitServer("app.py", artifacts_dir / "streamlit-server.log") as server:
        yield server.url


@pytest.fixture
def wait_for_app() -> Callable[..., None]:
    return _wait_for_app


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture
def page(request: pytest.FixtureRequest, browser: Any, streamlit_server: str, artifacts_dir: Path) -> Iterator[Any]:
    context = browser.new_context(base_url=streamlit_server)
    pg = context.new_page()
    try:
        yield pg
    finally:
        report = getattr(request.node, "rep_call", None)
        if report is not None and report.failed:
            name = "".join(c if c.isalnum() or c in "-_." else "_" for c in request.node.nodeid)
            with contextlib.suppress(Exception):  # a screenshot must not hide the real failure
                pg.screenshot(path=str(artifacts_dir / f"FAILED-{name}.png"), full_page=True)
        context.close()


@pytest.fixture
def open_app(page: Any, wait_for_app: Callable[..., None]) -> Callable[[str], Any]:
    """open_app(path="/") goes to a URL of the app (e.g. "/?step=2") and waits for it."""

    def _open(path: str = "/") -> Any:
        page.goto(path)
        wait_for_app(page)
        return page

    return _open
