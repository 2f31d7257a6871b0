"""How many hostile examples the page tests try: a quick derandomized run in CI, fifty times more with
HYPOTHESIS_PROFILE=long."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

LONG = os.environ.get("HYPOTHESIS_PROFILE") == "long"


def budget(examples: int) -> settings:
    """`examples` per test in CI (derandomized, no database); fifty times more, random, for long runs."""
    return settings(
        max_examples=examples * 50 if LONG else examples,
        deadline=None,
        derandomize=not LONG,
        database=settings.default.database if LONG else None,
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )
