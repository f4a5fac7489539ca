"""Milliseconds to sum a region's reports (with each body's checks), and to write the summary XLSX.

    .venv/bin/python benchmarks/aggregate.py [--bodies N] [--rounds R]

The bodies are consistent sample reports (gongkai.samples), each with its previous year's report so the
cross-year rules run too — what the supervisor's summary page does per request.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from gongkai.aggregate import aggregate
from gongkai.export.summary_xlsx import summary_xlsx_bytes
from gongkai.model import Report
from gongkai.samples import consistent_report


def bodies(n: int, year: int) -> list[Report]:
    out = []
    for i in range(n):
        r = consistent_report(seed=i, version="2021", year=year)
        r.body = f"某某县第{i}局"
        out.append(r)
    return out


def timed(rounds: int, fn: Callable[[], object]) -> tuple[float, float]:
    """Median and slowest of `rounds` calls, in ms, after one warm-up call."""
    fn()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bodies", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    current, previous = bodies(args.bodies, 2023), bodies(args.bodies, 2022)
    summary = aggregate(current, "某某县", previous=previous)
    cases = {
        "aggregate": lambda: aggregate(current, "某某县"),
        "aggregate+previous": lambda: aggregate(current, "某某县", previous=previous),
        "xlsx": lambda: summary_xlsx_bytes(summary),
    }
    for name, fn in cases.items():
        median, slowest = timed(args.rounds, fn)
        print(f"{name:19} {args.bodies} bodies   median {median:7.1f} ms   max {slowest:7.1f} ms")


if __name__ == "__main__":
    main()
