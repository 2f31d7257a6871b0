"""Three replicas behind HAProxy (deploy/), in a real browser (issue 15): nothing lost when one dies.

Everything runs on loopback and is started and stopped here: 3 `streamlit run app.py` replicas that
may reach no other machine (tests/support/network.py) and HAProxy in front (deploy/replicas.py).

- Through the balancer, a visitor walks a wizard route to its plan, downloads the .ics and the plan
  (Streamlit's media endpoint: the replica holding the session must serve them) and imports an orders
  file (an upload: same replica, and a cookie any replica accepts).
- The replica serving a visitor is killed mid-wizard: the page comes back on another replica at the
  same question with the same answers (they live in the URL), the next tap counts, and the orders page
  still has its orders (they live in the browser). The time until the page works again is printed.
- A rolling restart (each replica in turn) under light load (bench/load.py's visitors, reconnecting as
  the browser does) loses no route and no answer.

Without haproxy (or chromium) the tests skip; in CI they fail instead (mirrors require_chromium).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench import load
from core.order_files import CSV_ENCODING, export_csv
from core.wizard.answers import NOT_YET
from core.wizard.questions import DATE_KINDS, YES_FIRST_KINDS, questions
from deploy.replicas import Cluster, haproxy_missing
from tests.browser.test_orders_browser import expect_orders, wait_for_orders
from tests.support.browser import (
    APP_READY,
    TIMEOUT,
    click,
    heading,
    in_ci,
    pick,
    require_chromium,
    type_date,
)
from tests.support.network import blocked_env
from tests.support.orders import order
from tests.support.wizard import ROUTES, on_day

pytestmark = [pytest.mark.deploy, pytest.mark.browser]

ROUTE = "received, fake"
ORDERS = ("Cable", "Socks")


def require_haproxy() -> None:
    """Skip without haproxy; in CI a missing balancer is a failure, not a skip."""
    missing = haproxy_missing()
    if missing and in_ci():
        pytest.fail(missing)
    if missing:
        pytest.skip(missing)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    require_haproxy()
    require_chromium()
    run_dir = tmp_path_factory.mktemp("replicas")
    with Cluster(3, run_dir, env=blocked_env(run_dir, run_dir / "blocked.log")) as running:
        yield running
    assert not (run_dir / "blocked.log").exists(), (run_dir / "blocked.log").read_text()


@pytest.fixture
def context(browser: Any, cluster: Cluster) -> Iterator[Any]:
    ctx = browser.new_context(base_url=cluster.url, accept_downloads=True)
    try:
        yield ctx
    finally:
        ctx.close()


def route_steps() -> list[tuple[str, str]]:
    return on_day(ROUTES[ROUTE][0], dt.date.today())


def answer(page: Any, key: str, value: str) -> None:
    """Answer the question on screen as a person would (choices by their label, dates typed, then Next)."""
    question = questions()[key]
    if question.kind == "choice":
        pick(page, next(c.label for c in question.choices if c.value == value))
        return
    if question.kind in YES_FIRST_KINDS:
        if value == NOT_YET:
            pick(page, question.no_label)
            return
        pick(page, "Yes")
    assert question.kind in DATE_KINDS, key
    type_date(page, dt.date.fromisoformat(value))
    click(page, "Next")


def walk(page: Any, steps: list[tuple[str, str]]) -> None:
    """From the question of steps[0] on: each answer, then the next question's heading (or the plan)."""
    for index, (key, value) in enumerate(steps):
        heading(page, questions()[key].title)
        page.wait_for_selector(APP_READY, state="attached", timeout=TIMEOUT)
        answer(page, key, value)
        if index + 1 < len(steps):
            heading(page, questions()[steps[index + 1][0]].title)


def served_by(context: Any) -> str:
    """The replica HAProxy pinned this browser to (its SERVERID cookie)."""
    cookies = {c["name"]: c["value"] for c in context.cookies()}
    return str(cookies.get("SERVERID", ""))


def orders_file(tmp: Path) -> Path:
    path = tmp / "my-orders.csv"
    path.write_bytes(
        export_csv([order(ORDERS[0], 3, problem="not_arrived"), order(ORDERS[1], 12)]).encode(CSV_ENCODING)
    )
    return path


def import_orders(page: Any, tmp: Path) -> None:
    page.goto("/orders")
    wait_for_orders(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(orders_file(tmp)))
    page.get_by_text("Imported 2 new orders from my-orders.csv").wait_for(timeout=TIMEOUT)
    expect_orders(page, *ORDERS)
    page.wait_for_function(
        "labels => labels.every(l => Object.keys(localStorage).some(k => (localStorage.getItem(k) || '').includes(l)))",
        arg=list(ORDERS),
        timeout=TIMEOUT,
    )


def download(page: Any, button: str) -> tuple[str, str]:
    """The file a download button gives, and its address (Streamlit's media endpoint)."""
    with page.expect_download(timeout=TIMEOUT) as started:
        page.get_by_role("button", name=button).first.click()
    return Path(started.value.path()).read_text(encoding="utf-8"), started.value.url


def status_when_pinned_to(url: str, replica: str) -> int:
    """The HTTP status of `url` fetched with HAProxy's cookie naming this replica."""
    request = urllib.request.Request(url, headers={"Cookie": f"SERVERID={replica}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return int(reply.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def no_error_shown(page: Any) -> bool:
    return page.locator('[data-testid="stException"]').count() == 0


def test_a_route_its_downloads_and_an_import_all_work_through_the_balancer(
    context: Any, cluster: Cluster, tmp_path: Path
) -> None:
    page = context.new_page()
    page.goto("/")
    page.wait_for_selector(APP_READY, state="attached", timeout=TIMEOUT)
    replica = served_by(context)
    assert replica in {r.name for r in cluster.replicas}, context.cookies()
    walk(page, route_steps())
    page.get_by_text("Open a dispute for a full refund").wait_for(timeout=TIMEOUT)
    calendar, calendar_url = download(page, "Add deadlines to my calendar")
    assert calendar.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in calendar
    plan, _url = download(page, "Download the plan")
    assert "Open a dispute for a full refund" in plan
    # The affinity is what makes it work: the same address pinned to another replica is not found.
    other = next(r.name for r in cluster.replicas if r.name != replica)
    assert (status_when_pinned_to(calendar_url, replica), status_when_pinned_to(calendar_url, other)) == (200, 404)
    import_orders(page, tmp_path)
    assert served_by(context) == replica, "one replica served the whole visit"
    assert no_error_shown(page)


def test_the_replica_serving_a_visitor_dies_and_the_page_comes_back_on_another(
    context: Any, cluster: Cluster, tmp_path: Path
) -> None:
    orders_page = context.new_page()
    import_orders(orders_page, tmp_path)
    page = context.new_page()
    page.goto("/")
    steps = route_steps()
    walk(page, steps[:3])
    waiting = questions()[steps[3][0]].title
    heading(page, waiting)
    page.wait_for_function("() => location.search.includes('shipped=')", timeout=TIMEOUT)
    url, victim = page.url, served_by(context)
    replica = next(r for r in cluster.replicas if r.name == victim)

    replica.kill()
    killed = time.perf_counter()
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stApp\"]').getAttribute('data-test-connection-state') !== 'CONNECTED'",
        timeout=TIMEOUT,
    )
    page.wait_for_selector(APP_READY, state="attached", timeout=60_000)
    heading(page, waiting)
    back = time.perf_counter() - killed
    assert page.url == url, "same step, same answers: they are in the URL"
    page.get_by_text("Your answers (3)").click()
    page.get_by_text("It's a fake").first.wait_for(timeout=TIMEOUT)
    walk(page, steps[3:])
    page.get_by_text("Open a dispute for a full refund").wait_for(timeout=TIMEOUT)
    works = time.perf_counter() - killed
    now = served_by(context)
    assert now != victim and now in {r.name for r in cluster.replicas}, context.cookies()
    assert no_error_shown(page)

    orders_page.reload()
    wait_for_orders(orders_page)
    expect_orders(orders_page, *ORDERS)
    print(
        f"\nreplica {victim} killed: the page was back at the same question on {now} after {back:.1f} s,"
        f" and at its plan (two more answers) after {works:.1f} s"
    )
    replica.start()
    cluster.wait_until(lambda: cluster.states()[victim] == "UP", 30)


def test_a_rolling_restart_under_light_load_loses_no_route(cluster: Cluster) -> None:
    cfg = argparse.Namespace(
        sessions=6, duration=1.0, think=(0.2, 0.6), ramp=1.0, min_routes=0, seed=15, reconnect=True
    )
    stats, registry = load.Stats(), dict[bytes, int]()
    done = threading.Event()

    async def visitors() -> None:
        deadline = time.perf_counter() + 3600
        crowd = [load.WizardVisitor(uid, cluster.port, stats, cfg, deadline, registry) for uid in range(cfg.sessions)]
        tasks = [asyncio.create_task(v.live(0.2 * uid)) for uid, v in enumerate(crowd)]
        while not done.is_set():
            await asyncio.sleep(0.1)
        for visitor in crowd:
            visitor.deadline = time.perf_counter()  # finish the route under way, then stop
        await asyncio.wait(tasks, timeout=120)

    worker = threading.Thread(target=asyncio.run, args=(visitors(),))
    worker.start()
    try:
        time.sleep(3)
        routes_before = sum(stats.routes_by_user.values())
        cluster.rolling_restart()
        time.sleep(3)
    finally:
        done.set()
        worker.join(timeout=180)
    assert not worker.is_alive()
    routes = sum(stats.routes_by_user.values())
    assert stats.errors == [], stats.errors[:5]
    assert stats.leaks == []
    assert stats.answers_lost == 0
    assert stats.reconnects >= 1, "each replica in turn went away: visitors on it had to reconnect"
    assert routes > routes_before and stats.plans_checked >= routes
    print(f"\nrolling restart: {routes} routes, {stats.reconnects} reconnections, 0 answers lost")
