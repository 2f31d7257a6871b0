"""Server settings for a public link (issue 5): checked in the file, and as Streamlit itself reads them.

The file alone is not enough (a typo in a key is silently ignored by Streamlit, and an
option can be renamed between versions), so the same settings are also asked of
Streamlit: `streamlit config show` and streamlit.config.get_option, each in a fresh
process started in the repository root, the way `streamlit run` finds the file. A fresh
process keeps this test from changing the configuration other tests run with.
"""

from __future__ import annotations

import json
import os
import subprocess
import tomllib
from pathlib import Path

import pytest

from tests.support.server import REPO as REPO_ROOT
from tests.support.server import streamlit_env, venv_python

CONFIG_FILE = REPO_ROOT / ".streamlit" / "config.toml"
MAX_UPLOAD_MB = 10

# Option: (value wanted, why). Compared with == except maxUploadSize (at most).
WANTED = {
    "server.enableXsrfProtection": (True, "uploads and widget posts need the XSRF token"),
    "server.maxUploadSize": (MAX_UPLOAD_MB, "the orders import reads files of up to 1 MB; 200 MB is the default"),
    "browser.gatherUsageStats": (False, "no usage statistics sent anywhere"),
    "client.showErrorDetails": ("none", "no tracebacks for visitors"),
    "client.toolbarMode": ("viewer", "no developer options (rerun, clear cache, deploy) in the menu"),
    "server.runOnSave": (False, "no reruns when files change on the server"),
    "runner.magicEnabled": (False, "bare expressions never write to the page"),
}
# Options the file may leave at Streamlit's default, as long as the default is safe.
SAFE_DEFAULTS = {
    "global.developmentMode": False,
    "server.enableStaticServing": False,
    "server.enableAgentApi": False,
    "server.headless": True,
    "server.fileWatcherType": "none",
    "server.enableCORS": True,
    "server.trustedUserHeaders": {},
    "server.unsafeMetricsUserAttributes": [],
}


@pytest.fixture(scope="module")
def in_file() -> dict:
    with open(CONFIG_FILE, "rb") as handle:
        return tomllib.load(handle)


def streamlit_says(*command: str) -> str:
    """The output of a command run as `streamlit run` runs: in the repository root, options only from the file."""
    return subprocess.run(
        command, cwd=REPO_ROOT, env=streamlit_env(), capture_output=True, text=True, timeout=120, check=True
    ).stdout


def assert_wanted(option: str, value: object) -> None:
    wanted, why = WANTED[option]
    if option == "server.maxUploadSize":
        assert isinstance(value, int) and 1 <= value <= wanted, why
    else:
        assert value == wanted, why


@pytest.fixture(scope="module")
def as_read() -> dict:
    """Every option as Streamlit resolves it, with where it came from."""
    code = (
        "import json, streamlit.config as c\n"
        "c.get_config_options(force_reparse=True)\n"
        "print(json.dumps({k: [c.get_option(k), o.where_defined] for k, o in c._config_options.items()},"
        " default=str))\n"
    )
    return json.loads(streamlit_says(venv_python(), "-c", code).strip().splitlines()[-1])


@pytest.fixture(scope="module")
def config_show() -> dict:
    """`streamlit config show`: {section: {name: (value, set in)}} for every option it prints uncommented.

    Its output is TOML-like: a comment block per option, the value line commented out
    when it is the default, and "The value below was set in FILE" when a file set it.
    """
    streamlit = Path(venv_python()).with_name("streamlit")
    command = [str(streamlit)] if streamlit.exists() else [venv_python(), "-m", "streamlit"]
    output = streamlit_says(*command, "config", "show")
    shown: dict[str, dict] = {}
    section, origin = "", ""
    for line in output.splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            section, origin = stripped[1:-1], ""
        elif stripped.startswith("# The value below was set in "):
            origin = stripped.removeprefix("# The value below was set in ")
        elif section and "=" in stripped and not stripped.startswith("#"):
            name, _eq, text = stripped.partition("=")
            shown.setdefault(section, {})[name.strip()] = (tomllib.loads(f"v = {text.strip()}")["v"], origin)
            origin = ""
    return shown


def lookup(table: dict, option: str):
    section, name = option.split(".", 1)
    return table.get(section, {}).get(name, KeyError(option))


@pytest.mark.parametrize("option", list(WANTED))
def test_the_file_sets_it(in_file, option):
    value = lookup(in_file, option)
    assert not isinstance(value, KeyError), f"{option} is not set in {CONFIG_FILE.name} ({WANTED[option][1]})"
    assert_wanted(option, value)


@pytest.mark.parametrize("option", list(WANTED))
def test_streamlit_reads_it_from_the_file(as_read, option):
    value, where = as_read[option]
    assert where.endswith(os.path.join(".streamlit", "config.toml")), f"{option} comes from {where}"
    assert_wanted(option, value)


@pytest.mark.parametrize("option", list(WANTED))
def test_streamlit_config_show_agrees(config_show, option):
    found = lookup(config_show, option)
    assert not isinstance(found, KeyError), f"`streamlit config show` does not list {option} as set"
    value, origin = found
    assert Path(origin) == CONFIG_FILE, origin
    assert_wanted(option, value)


@pytest.mark.parametrize("option", list(SAFE_DEFAULTS))
def test_nothing_else_opens_the_server_up(as_read, option):
    value, where = as_read[option]
    assert value == SAFE_DEFAULTS[option], f"{option} = {value!r} (from {where})"


def test_every_key_in_the_file_is_one_streamlit_knows(in_file, as_read):
    """A misspelt key is silently ignored by Streamlit, leaving its default in force."""
    unknown = [
        f"{section}.{name}"
        for section, table in in_file.items()
        for name in table
        if not isinstance(table[name], dict) and f"{section}.{name}" not in as_read
    ]
    assert not unknown, unknown


def test_uploads_in_the_app_stay_under_the_server_cap(as_read):
    """Each uploader's own max_upload_size (MB) is below the server-wide cap."""
    import re

    cap = as_read["server.maxUploadSize"][0]
    found = []
    for path in [
        REPO_ROOT / "app.py",
        *sorted((REPO_ROOT / "pages").glob("*.py")),
        *sorted((REPO_ROOT / "ui").glob("*.py")),
    ]:
        text = path.read_text(encoding="utf-8")
        for call in re.finditer(r"file_uploader\((?:[^()]|\([^()]*\))*\)", text):
            limit = re.search(r"max_upload_size\s*=\s*(\d+)", call.group(0))
            found.append((path.name, int(limit.group(1)) if limit else cap))
    for name, limit in found:
        assert limit <= cap, (name, limit, cap)
