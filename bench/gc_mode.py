"""Which post-run garbage collection the servers run (`runner.postScriptGC`): as configured, and as served.

Streamlit runs a full gc.collect(2) after every script run when the option is on (its default).
`streamlit run` reads .streamlit/config.toml from the repository root, where every benchmark serves
app.py and the floor, so both run with the project's setting; `--post-script-gc on|off` is a what-if.
"""

from __future__ import annotations

import argparse
import itertools
import time
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tests.support.server import REPO, StreamlitServer

CONFIG = REPO / ".streamlit" / "config.toml"
PROBE_APP = REPO / "bench" / "gc_probe_app.py"
STREAMLIT_DEFAULT = True
OPTION = "runner.postScriptGC"


def configured(config: Path = CONFIG) -> bool:
    """`runner.postScriptGC` from the project's config file (Streamlit's default, on, when it is not set)."""
    try:
        data = tomllib.loads(config.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return STREAMLIT_DEFAULT
    value = data.get("runner", {}).get("postScriptGC", STREAMLIT_DEFAULT)
    if not isinstance(value, bool):
        raise TypeError(f"{config}: runner.postScriptGC must be true or false, not {value!r}")
    return value


def add_option(parser: argparse.ArgumentParser) -> None:
    """`--post-script-gc on|off`: the what-if switch of the benchmarks that measure a server rerun."""
    parser.add_argument(
        "--post-script-gc",
        choices=("on", "off"),
        default=None,
        help="measure as if runner.postScriptGC were on / off (default: as .streamlit/config.toml "
        f"says, now {'on' if configured() else 'off'})",
    )


def chosen(args: argparse.Namespace) -> bool:
    """The setting to measure: `--post-script-gc` when given, else the config file's."""
    return configured() if args.post_script_gc is None else bool(args.post_script_gc == "on")


def describe(on: bool) -> str:
    return "post-run gc.collect(2) on" if on else "post-run gc.collect(2) off"


def fields(args: argparse.Namespace) -> dict[str, Any]:
    """The mode a benchmark measured, for its JSON line: chosen, as configured, and where it came from."""
    return {
        "post_script_gc": chosen(args),
        "post_script_gc_in_config": configured(),
        "post_script_gc_source": "config" if args.post_script_gc is None else "--post-script-gc",
    }


def mode_line(result: dict[str, Any]) -> str:
    """The summary's first words: which mode was measured, and what the config file says."""
    return (
        f"mode: {describe(result['post_script_gc'])} ({result['post_script_gc_source']}; .streamlit/config.toml "
        f"says {'on' if result['post_script_gc_in_config'] else 'off'})"
    )


def flag(on: bool) -> list[str]:
    """`streamlit run` options that force the setting (for a what-if server)."""
    return [f"--{OPTION}", "true" if on else "false"]


def served(options: Sequence[str]) -> bool:
    """The setting of a server started with these `streamlit run` options: the last that sets it, else the file's."""
    value = configured()
    for name, text in itertools.pairwise(options):
        if name == f"--{OPTION}":
            value = text.strip().lower() in ("true", "1", "yes", "on")
    return value


def probe(port: int, reruns: int = 6, timeout: float = 30.0) -> dict[str, Any]:
    """Run bench/gc_probe_app.py `reruns` + 1 times on the server at `port`, in one session: the option as the
    server reads it, the full collections it ran in between, and whether that is the option obeyed."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.sync.client import ClientConnection, connect
    from websockets.typing import Origin, Subprotocol

    def run_once(ws: ClientConnection) -> dict[str, str]:
        back = BackMsg()
        back.rerun_script.query_string = ""
        back.rerun_script.context_info.url = f"http://127.0.0.1:{port}/"
        ws.send(back.SerializeToString())
        text = None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            msg = ForwardMsg()
            msg.ParseFromString(ws.recv(timeout=timeout))
            kind = msg.WhichOneof("type")
            if kind == "delta" and msg.delta.new_element.markdown.body.startswith("gc-probe "):
                text = msg.delta.new_element.markdown.body
            elif kind == "script_finished" and msg.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                if text is None:
                    raise RuntimeError("the gc probe app drew no probe line")
                return dict(part.split("=", 1) for part in text.split()[1:])
        raise RuntimeError("the gc probe app did not finish in time")

    with connect(
        f"ws://127.0.0.1:{port}/_stcore/stream",
        subprotocols=[Subprotocol("streamlit")],
        origin=Origin(f"http://127.0.0.1:{port}"),
        open_timeout=timeout,
        max_size=None,
    ) as ws:
        first = last = run_once(ws)
        for _ in range(reruns):
            time.sleep(0.05)
            last = run_once(ws)
    option = last["postScriptGC"] == "True"
    collections = int(last["full_collections"]) - int(first["full_collections"])
    seen = "on" if collections >= reruns else "off" if collections < reruns / 2 else "unclear"
    return {
        "option_as_served": option,
        "reruns": reruns,
        "full_collections": collections,
        "behaviour": seen,
        "honoured": seen == ("on" if option else "off"),
    }


def probe_served(log_dir: Path, options: Sequence[str] = (), name: str = "probe") -> dict[str, Any]:
    """Serve the probe like the measured servers (same options, same directory) and ask it; `ok` when the
    server runs the setting these options ask for, and obeys it."""
    with StreamlitServer(PROBE_APP, log_dir / f"{name}.log", options) as server:
        result = probe(server.port)
    result["expected"] = served(options)
    result["ok"] = result["honoured"] and result["option_as_served"] == result["expected"]
    return result
