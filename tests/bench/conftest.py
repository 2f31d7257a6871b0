"""The load generator's tests: a quick real run against `streamlit run` (marked `bench`)."""


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "bench: runs bench/load.py against real `streamlit run` servers on loopback (about 40 s)")
