"""The load generator's tests: a quick real run against `streamlit run` (marked `bench`)."""

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "bench: runs bench/load.py against real `streamlit run` servers on loopback (about 40 s)"
    )
