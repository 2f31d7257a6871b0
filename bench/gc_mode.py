"""Which post-run garbage collection the project's server runs, read from its config and asked of a live server.

Streamlit runs a full `gc.collect(2)` after every script run when `runner.postScriptGC` is
on (its default). The project sets it in .streamlit/config.toml, which `streamlit run`
reads from the directory it starts in: the benchmarks serve both app.py and the floor
from the repository root, so both get the same setting.

- `configured()`: the setting as the file gives it (tomllib), Streamlit's default when absent;
  `add_option()` and `chosen()`: the benchmarks' `--post-script-gc on|off` what-if switch.
- `probe(port)`: asks a running `streamlit run bench/gc_probe_app.py` (started like the
  measured servers) what it does: the option as the server sees it, and how many full
  collections it ran across a few reruns (one per rerun when the setting is on).
"""

from __future__ import annotations

import argparse
import time
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
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
    parser.add_argument("--post-script-gc", choices=("on", "off"), default=None,
                        help="measure as if runner.postScriptGC were on / off (default: as .streamlit/config.toml "
                             f"says, now {'on' if configured() else 'off'})")


def chosen(args: argparse.Namespace) -> bool:
    """The setting to measure: `--post-script-gc` when given, else the config file's."""
    return configured() if args.post_script_gc is None else args.post_script_gc == "on"


def describe(on: bool) -> str:
    return "post-run gc.collect(2) on" if on else "post-run gc.collect(2) off"


def flag(on: bool) -> list[str]:
    """`streamlit run` options that force the setting (for a what-if server)."""
    return [f"--{OPTION}", "true" if on else "false"]


def probe(port: int, reruns: int = 6, timeout: float = 30.0) -> dict:
    """Run bench/gc_probe_app.py `reruns` + 1 times on the server at `port`, in one session.

    Returns the option as the server reads it, the full collections the server ran between
    the first and the last run, and what that says: "on" when there was one per rerun,
    "off" when there were fewer than half that many.
    """
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.sync.client import connect

    def run_once(ws) -> str:
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
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                if element.WhichOneof("type") == "markdown" and element.markdown.body.startswith("gc-probe "):
                    text = element.markdown.body
            elif kind == "script_finished":
                if msg.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue
                if text is None:
                    raise RuntimeError("the gc probe app drew no probe line")
                return text
        raise RuntimeError("the gc probe app did not finish in time")

    def parse(text: str) -> dict[str, str]:
        return dict(part.split("=", 1) for part in text.split()[1:])

    url = f"ws://127.0.0.1:{port}/_stcore/stream"
    with connect(url, subprotocols=["streamlit"], origin=f"http://127.0.0.1:{port}", open_timeout=timeout,
                 max_size=None) as ws:
        first = parse(run_once(ws))
        last = first
        for _ in range(reruns):
            time.sleep(0.05)
            last = parse(run_once(ws))
    option = last["postScriptGC"] == "True"
    collections = int(last["full_collections"]) - int(first["full_collections"])
    seen = "on" if collections >= reruns else "off" if collections < reruns / 2 else "unclear"
    return {"option_as_served": option, "reruns": reruns, "full_collections": collections, "behaviour": seen,
            "honoured": seen == ("on" if option else "off")}
