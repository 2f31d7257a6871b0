"""The one percentile and summary of timings that the benchmarks report (stdlib's inclusive quantiles)."""

from __future__ import annotations

import statistics
from collections.abc import Sequence


def percentile(values: Sequence[float], percent: int) -> float | None:
    """The `percent`th percentile, interpolated between the two nearest values; None for no values."""
    if len(values) < 2:
        return values[0] if values else None
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]


def summary(values: Sequence[float], digits: int = 1) -> dict[str, float | int | None]:
    """n, median, p95, min and max of some timings, rounded."""

    def rounded(value: float | None) -> float | None:
        return None if value is None else round(value, digits)

    return {
        "n": len(values),
        "median": rounded(percentile(values, 50)),
        "p95": rounded(percentile(values, 95)),
        "min": rounded(min(values, default=None)),
        "max": rounded(max(values, default=None)),
    }


def ratio(part: float | None, whole: float | None, digits: int = 2) -> float | None:
    """part / whole, rounded; None when either is missing or whole is 0."""
    return None if part is None or not whole else round(part / whole, digits)
