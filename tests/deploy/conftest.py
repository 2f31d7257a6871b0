"""Hosting tests: a fresh install as Community Cloud makes it, and replicas behind HAProxy (marked `deploy`)."""

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "deploy: starts real servers (a fresh virtual environment, or replicas behind HAProxy) on loopback"
    )
