"""No outgoing network call by the app (issue 5): every page works with the network blocked.

Every attempt to reach another machine is recorded and refused (tests/support/network.py).
With that in place, AppTest drives the wizard to its plan on a few routes
(with the country set, which loads public holidays) and the orders page through adding,
importing, picking an order and making every download. Nothing may be attempted.

The in-process tests only see calls made while a page runs (the app's modules are
already imported by then); one more test starts a fresh interpreter with the block
installed before anything is imported, so a call made at import time is caught too.
"""

from __future__ import annotations

import datetime as dt
import json
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.network import NetworkBlock

REPO_ROOT = Path(__file__).resolve().parents[1]
APP = REPO_ROOT / "app.py"
ORDERS = REPO_ROOT / "pages" / "orders.py"
TODAY = dt.date(2026, 11, 26)
WIZARD_ROUTES = [
    "received, parts missing",
    "late, no updates, seller silent",
    "dispute closed, refund on its way",
    "dispute open, AliExpress offer",
]


@pytest.fixture
def no_network() -> Iterator[NetworkBlock]:
    block = NetworkBlock().install()
    try:
        yield block
    finally:
        block.uninstall()


# --- The block itself -------------------------------------------------------------------


def test_the_block_refuses_and_records_the_outside_but_not_this_machine(no_network):
    with pytest.raises(OSError, match="network blocked"):
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    with pytest.raises(OSError, match="network blocked"):
        socket.getaddrinfo("example.com", 443)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        with pytest.raises(OSError, match="network blocked"):
            udp.sendto(b"x", ("8.8.8.8", 53))
        with pytest.raises(OSError, match="network blocked"):
            udp.connect(("198.51.100.7", 53))
    assert len(no_network.attempts) == 4
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        with socket.create_connection(server.getsockname(), timeout=2):
            pass
    assert len(no_network.attempts) == 4, "loopback is allowed"


# --- Every page ---------------------------------------------------------------------------


def wizard_plans() -> list[str]:
    """The wizard driven to its plan on a few routes; the actions advised."""
    from tests.support.wizard import ROUTES, walk

    advised = []
    for name in WIZARD_ROUTES:
        steps, action, _texts, _kind = ROUTES[name]
        at = walk(steps)
        assert at.session_state["step"] == "plan", name
        at.selectbox(key="detail_country").set_value("US")
        at.number_input(key="detail_days").set_value(75)
        at = at.run()
        assert not at.exception, [e.value for e in at.exception]
        assert at.get("plotly_chart") and at.code, "the plan is drawn with its chart and messages"
        assert at.session_state["advised_action"] == action
        advised.append(action)
    return advised


def orders_page() -> dict[str, int]:
    """The orders page: add an order, import a file, open a plan, make every download."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    from core.order_files import CSV_ENCODING, export_csv
    from tests.support.orders import order

    made: dict[str, Callable[[], bytes]] = {}
    original = MediaFileManager.add_deferred

    def capture(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        made[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)

    MediaFileManager.add_deferred = capture
    try:
        at = AppTest.from_file(str(ORDERS), default_timeout=60)
        at.session_state["today"] = TODAY
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        at.text_input(key="add_label").input("Desk lamp")
        at.date_input(key="add_placed").set_value(TODAY - dt.timedelta(days=20))
        at.date_input(key="add_shipped").set_value(TODAY - dt.timedelta(days=18))
        at.button[0].click().run()
        assert not at.exception, [e.value for e in at.exception]
        data = export_csv([order("Cable", 3, problem="not_arrived"), order("Socks", 12)]).encode(CSV_ENCODING)
        at.get("file_uploader")[0].set_value(("orders.csv", data, "text/csv"))
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        at.selectbox(key="country").set_value("US").run()
        assert not at.exception, [e.value for e in at.exception]
        at.button(key="open_cable").click().run()
        assert not at.exception, [e.value for e in at.exception]
        assert len(at.session_state["orders"]) == 3
        assert at.get("plotly_chart") and at.get("dataframe")
        sizes = {name: len(make()) for name, make in made.items()}
    finally:
        MediaFileManager.add_deferred = original
    assert {"aliexpress-orders.csv", "aliexpress-orders.json", "aliexpress-deadlines.ics"} <= set(sizes)
    assert all(sizes.values()), sizes
    return sizes


PAGE_DRIVERS: dict[str, Callable[[], object]] = {
    "pages/wizard.py": wizard_plans,
    "pages/orders.py": orders_page,
}


def test_every_page_has_a_driver_here():
    """A new page must be added to PAGE_DRIVERS, so it is run with the network blocked too."""
    pages = {f"pages/{path.name}" for path in (REPO_ROOT / "pages").glob("*.py")}
    registered = set(__import__("re").findall(r"st\.Page\(\s*\"([^\"]+)\"", APP.read_text(encoding="utf-8")))
    assert (pages | registered) <= set(PAGE_DRIVERS), sorted((pages | registered) - set(PAGE_DRIVERS))


@pytest.mark.parametrize("page", list(PAGE_DRIVERS))
def test_the_page_works_with_the_network_blocked(no_network, page):
    PAGE_DRIVERS[page]()
    assert no_network.attempts == [], no_network.attempts


CHILD = """
import json, sys
sys.path.insert(0, {root!r})
from tests.support.network import NetworkBlock
block = NetworkBlock().install()
import streamlit, pandas, plotly.express, holidays, babel, icalendar, pydantic
import core, core.orders, core.order_files, core.calendar, core.timeline, core.report
import ui.state, ui.wizard_state, ui.questions, ui.plan_view, ui.timeline, ui.orders_table, ui.order_files, ui.browser_storage
from tests.test_no_network import PAGE_DRIVERS
done = {{page: str(drive()) for page, drive in PAGE_DRIVERS.items()}}
print(json.dumps({{"attempts": block.attempts, "done": done}}))
"""


def test_a_fresh_interpreter_makes_no_call_either_not_even_at_import():
    python = REPO_ROOT / ".venv" / "bin" / "python"
    result = subprocess.run(
        [str(python) if python.exists() else sys.executable, "-c", CHILD.format(root=str(REPO_ROOT))],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=280,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["attempts"] == [], report["attempts"]
    assert set(report["done"]) == set(PAGE_DRIVERS)
