"""Make an AppTest run cost what the same rerun costs on a running server.

`streamlit run` keeps one ScriptCache per process: each page's source is compiled once,
then every rerun of every session reuses the bytecode. AppTest builds a new cache for each
run, so it compiles app.py and the page again every time (about 1 ms for our pages, almost
nothing for the ten-line floor): a cost no visitor ever pays. `share_script_cache()` gives
AppTest one cache for the whole process, like the server's, for our app and the floor alike.
"""

from __future__ import annotations


def share_script_cache() -> None:
    """From now on, every AppTest run in this process reuses one cache of compiled pages instead of compiling again."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    if isinstance(app_test.ScriptCache, type):
        shared = ScriptCache()
        app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared
