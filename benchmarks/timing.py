"""How the benchmarks time work: medians of wall time, in milliseconds (the machine is shared
and noisy, so medians and ratios say more than single figures)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(work: Callable[[], object], runs: int, warmup: int = 3) -> float:
    """Median wall time of ``work`` in milliseconds, after ``warmup`` untimed runs."""
    for _ in range(warmup):
        work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def paired_medians(first: Callable[[], object], second: Callable[[], object], runs: int) -> tuple[float, float]:
    """Medians in milliseconds of ``first`` and ``second`` timed in turn, run after run (after 3
    warm-up runs each), so that a busy spell of the shared machine falls on both, not on one."""
    for _ in range(3):
        first()
        second()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for work, out in ((first, times[0]), (second, times[1])):
            start = time.perf_counter()
            work()
            out.append((time.perf_counter() - start) * 1000)
    return statistics.median(times[0]), statistics.median(times[1])
