"""Benchmarks (`make bench`): each script prints one JSON line of figures, then a readable summary."""
