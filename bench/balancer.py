"""Load through HAProxy (issue 15): two replicas behind the balancer, then one of them killed at mid-run, against
one replica alone in the same run.

bench/load.py's visitors (Streamlit's websocket protocol, the wizard's routes with each session's own answers,
every plan checked against core, every frame searched for another session's order name) go through
deploy/'s HAProxy to N `streamlit run app.py` replicas. When their connection drops they come back as the
browser's client does: a new connection at the page's URL, which holds the answers. A screen back on an
earlier question than answered counts as answers lost. In the failover run the replica with the most
connections is killed (SIGKILL) at mid-run; the p95 "during failover" is over the steps that finished in the
FAILOVER_WINDOW_S after the kill. Server CPU and memory are the replicas' and HAProxy's together.

    .venv/bin/python bench/balancer.py                      # 1,000 sessions x 120 s, 2 replicas; killed; one alone
    .venv/bin/python bench/balancer.py --quick              # 6 sessions, 10 s each (CI smoke)
    .venv/bin/python bench/balancer.py --sessions 400 --duration 60

Prints one JSON line, then a summary. Exit status 1 on an error, a leak or a lost answer, 2 when a server
could not start, 3 without haproxy; else 0 (latency targets are reported, not enforced).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import harness, load
from deploy.replicas import Cluster, DeployError, haproxy_missing
from tests.support.server import ServerError, StreamlitServer
from tests.support.stats import summary

DEFAULTS = {"sessions": 1000, "duration": 120.0, "think": (2.0, 6.0), "ramp": 30.0, "min_routes": 0}
QUICK = {"sessions": 6, "duration": 10.0, "think": (0.1, 0.3), "ramp": 1.0, "min_routes": 1}
FAILOVER_WINDOW_S = 30.0
"""The steps that count as "during failover": those finished within this long after the kill (quick: a third)."""


class Balanced:
    """A Cluster as load.measure_on sees a server: its port, and its processes' memory and CPU summed."""

    def __init__(self, replicas: int, run_dir: Path) -> None:
        self.cluster = Cluster(replicas, run_dir)
        self.script = str(harness.REPO / "app.py")
        self.port = self.cluster.port
        self.start_s = 0.0
        self.cpu_seen: dict[int, float] = {}  # pid -> CPU ms last read (a killed replica keeps its last reading)

    def start(self) -> Balanced:
        started = time.perf_counter()
        self.cluster.start()
        self.start_s = time.perf_counter() - started
        return self

    def processes(self) -> list[psutil.Process]:
        alive = []
        for proc in [*self.cluster.replicas, self.cluster.balancer]:
            if proc.running() and proc.proc is not None:
                with contextlib.suppress(psutil.Error):
                    alive.append(psutil.Process(proc.proc.pid))
        return alive

    def rss_mb(self) -> float:
        total = 0.0
        for proc in self.processes():
            with contextlib.suppress(psutil.Error):
                total += proc.memory_info().rss / 2**20
        return total

    def cpu_ms(self) -> float:
        for proc in self.processes():
            with contextlib.suppress(psutil.Error):
                times = proc.cpu_times()
                self.cpu_seen[proc.pid] = (times.user + times.system) * 1000
        return sum(self.cpu_seen.values())

    def stop(self) -> None:
        self.cluster.stop()


def kill_at(delay: float, window: float) -> load.During:
    """Kill the replica with the most connections after `delay` s; the failover's figures once `window` has passed."""

    async def kill(server: load.Served, stats: load.Stats) -> dict[str, Any]:
        assert isinstance(server, Balanced)
        await asyncio.sleep(delay)
        cluster = server.cluster
        counts = {row: int(n or 0) for row, n in current_connections(cluster).items()}
        victim = max(cluster.replicas, key=lambda r: counts.get(r.name, 0))
        server.cpu_ms()  # its CPU so far still counts
        dropped_before, reconnects_before, lost_before = stats.dropped, stats.reconnects, stats.answers_lost
        victim.kill()
        killed = time.perf_counter()
        await asyncio.sleep(window)
        steps = [ms for ms, at in zip(stats.step_ms, stats.step_at, strict=True) if killed <= at <= killed + window]
        before = [ms for ms, at in zip(stats.step_ms, stats.step_at, strict=True) if at < killed]
        return {
            "killed": victim.name,
            "its_connections_at_kill": counts.get(victim.name, 0),
            "connections_at_kill": counts,
            "at_s": round(delay, 1),
            "window_s": window,
            "dropped_in_window": stats.dropped - dropped_before,
            "reconnects_in_window": stats.reconnects - reconnects_before,
            "answers_lost_in_window": stats.answers_lost - lost_before,
            "step_latency_ms_in_window": summary(steps),
            "step_latency_ms_before_kill": summary(before),
            "reconnect_ms": summary(stats.reconnect_ms),
            "states_after": cluster.states(),
        }

    return kill


def current_connections(cluster: Cluster) -> dict[str, str]:
    """Each replica's open connections through HAProxy (`show stat`, column scur)."""
    lines = cluster.command("show stat").splitlines()
    header = lines[0].lstrip("# ").split(",")
    rows = [dict(zip(header, line.split(","), strict=False)) for line in lines[1:] if line]
    return {row["svname"]: row["scur"] for row in rows if row["pxname"] == "replicas" and row["svname"] != "BACKEND"}


async def run_all(cfg: argparse.Namespace) -> dict[str, Any]:
    logs = Path(tempfile.mkdtemp(prefix="bench-balancer-"))
    report: dict[str, Any] = {
        "bench": "balancer",
        "quick": cfg.quick,
        "machine": harness.machine(),
        "logs": str(logs),
        "config": {
            key: getattr(cfg, key)
            for key in ("sessions", "duration", "think", "ramp", "min_routes", "seed", "replicas")
        },
    }
    window = min(FAILOVER_WINDOW_S, cfg.duration / 3)
    runs: list[tuple[str, Any, load.During | None]] = [
        ("replicas", lambda: Balanced(cfg.replicas, logs / "replicas").start(), None),
        ("failover", lambda: Balanced(cfg.replicas, logs / "failover").start(), kill_at(cfg.duration / 2, window)),
        ("single", lambda: StreamlitServer(harness.REPO / "app.py", logs / "single.log").start(), None),
    ]
    for name, start, during in runs:
        if name in cfg.skip:
            continue
        try:
            server = start()
        except (DeployError, ServerError) as exc:
            print(f"error: {name}: {exc}", file=sys.stderr)
            raise SystemExit(2) from None
        report[name] = await load.measure_on(server, False, cfg, during)
    measured = [report[name] for name, _start, _during in runs if name in report]
    report["ok"] = not any(m["errors"] or m["leaks"] or m["answers_lost"] for m in measured)
    report["targets"] = {
        name: {"step_p95_ms": report[name]["step_latency_ms"]["p95"], "limit": load.TARGET_P95_MS}
        for name in ("replicas", "failover", "single")
        if name in report
    }
    if "failover" in report:
        report["targets"]["failover_window"] = {
            "step_p95_ms": report["failover"]["during"]["step_latency_ms_in_window"]["p95"],
            "limit": load.TARGET_P95_MS,
        }
    for target in report["targets"].values():
        target["met"] = target["step_p95_ms"] is not None and target["step_p95_ms"] < target["limit"]
    return report


def readable(report: dict[str, Any]) -> str:
    cfg, machine = report["config"], report["machine"]
    lines = [
        f"Balancer: {cfg['sessions']} sessions x {cfg['duration']:.0f} s, think {cfg['think'][0]}-{cfg['think'][1]} s,"
        f" ramp {cfg['ramp']} s, {cfg['replicas']} replicas behind HAProxy vs one alone, on {machine['cpus']} CPUs,"
        f" load average at start {machine['loadavg_at_start'][0]:.2f} ({machine['date']})"
    ]
    for name in ("replicas", "failover", "single"):
        if name not in report:
            continue
        r = report[name]
        s, c = r["step_latency_ms"], r["server_cpu"]
        lines += [
            f"\n[{name}]",
            f"  sessions started/completed: {r['sessions_started']}/{r['sessions_completed']}; routes:"
            f" {r['routes_completed']}; connections: {r['connections_opened']}; reconnections: {r['reconnects']}",
            f"  errors: {r['errors']} {r['error_kinds'] or ''}  leaks: {r['leaks']}  answers lost: {r['answers_lost']}"
            f"  plans checked: {r['plans_checked']}",
            f"  step latency: median {s['median']} ms, p95 {s['p95']} ms, max {s['max']} ms over {s['n']} steps",
            f"  servers: RSS peak {r['rss_mb']['peak']} MB; CPU {c['percent_of_one_core']}% of one core,"
            f" {c['ms_per_rerun']} ms per rerun, {r['reruns_per_s']} reruns/s; load generator"
            f" {r['machine_during_load']['loadgen_percent_of_one_core']}% of a core, other processes"
            f" {r['machine_during_load']['other_processes_percent_of_one_core']}%",
        ]
        if "during" in r:
            d = r["during"]
            w, b = d["step_latency_ms_in_window"], d["step_latency_ms_before_kill"]
            lines += [
                f"  killed {d['killed']} at {d['at_s']} s with {d['its_connections_at_kill']} connections"
                f" {d['connections_at_kill']}; within {d['window_s']:.0f} s: {d['dropped_in_window']} connections"
                f" dropped, {d['reconnects_in_window']} reconnections, answers lost {d['answers_lost_in_window']}",
                f"  reconnect to the screen back: median {d['reconnect_ms']['median']} ms, p95"
                f" {d['reconnect_ms']['p95']} ms; steps in the window: p95 {w['p95']} ms (median {w['median']},"
                f" n {w['n']}); before the kill: p95 {b['p95']} ms",
            ]
        lines += [f"    ! {sample}" for sample in r["error_samples"]] + [f"    LEAK {x}" for x in r["leak_samples"]]
    lines.append(
        "\ntargets: "
        + ", ".join(
            f"{name} p95 {t['step_p95_ms']} ms (limit {t['limit']:.0f}) {'met' if t['met'] else 'MISSED'}"
            for name, t in report["targets"].items()
        )
    )
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="6 sessions, 10 s per run, quick thinkers")
    parser.add_argument("--sessions", type=int, help="concurrent sessions (default 1000)")
    parser.add_argument("--duration", type=float, help="seconds of load per run (default 120)")
    parser.add_argument("--think", help="seconds between a person's taps, MIN-MAX (default 2-6)")
    parser.add_argument("--ramp", type=float, help="seconds over which sessions arrive (default 30)")
    parser.add_argument("--replicas", type=int, default=2, help="replicas behind the balancer (default 2)")
    parser.add_argument(
        "--skip", action="append", default=[], choices=("replicas", "failover", "single"), help="leave out a run"
    )
    parser.add_argument("--seed", type=int, default=15, help="random seed (routes, answers, names, think times)")
    parser.add_argument("--json-out", type=Path, help="also write the JSON report to this file")
    cfg = parser.parse_args(argv)
    load.apply_defaults(cfg, QUICK if cfg.quick else DEFAULTS)
    cfg.reconnect = True
    if not 1 <= cfg.sessions <= 2000 or not 1 <= cfg.duration <= 3600 or not 2 <= cfg.replicas <= 8:
        parser.error("--sessions 1 to 2000, --duration 1 to 3600 s, --replicas 2 to 8")
    if len(set(cfg.skip)) == 3:
        parser.error("--skip leaves nothing to measure")
    return cfg


def main(argv: list[str] | None = None) -> int:
    cfg = parse_args(argv)
    missing = haproxy_missing()
    if missing:
        print(f"error: {missing}", file=sys.stderr)
        return 3
    report = asyncio.run(run_all(cfg))
    line = json.dumps(report)
    if cfg.json_out:
        cfg.json_out.write_text(line + "\n")
    print(line)
    print(readable(report), flush=True)
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
