"""Helpers shared by the tests and the benchmarks in bench/: no fixtures here (those stay in conftest.py)."""
