"""Reports read per second, on one core, for each shape the readers take, and the slowest report.

    .venv/bin/python benchmarks/parse.py [--reports N] [--with-checks] [--profile SHAPE] [--shape SHAPE…]

--profile SHAPE prints a pyinstrument profile of reading that shape's reports instead.

Inputs are generated in memory (gongkai.samples: both formats, distinct values), so the figures do not
depend on disk; the real reports in ../shared are timed too when that folder exists.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from gongkai.check import check
from gongkai.read import read_bytes
from gongkai.samples import SHAPES, consistent_report

SHARED = Path(__file__).resolve().parents[2] / "shared"


def rate(items: list[tuple[bytes, str]], with_checks: bool, rounds: int = 3) -> tuple[float, float]:
    """(reports per second over the best round, the slowest single report in ms over all rounds)."""
    best, worst = float("inf"), 0.0
    read_bytes(*items[0])  # once untimed: the first read of a process builds caches (OpenCC, patterns)
    for _ in range(rounds):
        start = time.process_time()
        for data, name in items:
            one = time.process_time()
            report = read_bytes(data, name)
            if with_checks:
                check(report)
            worst = max(worst, time.process_time() - one)
        best = min(best, time.process_time() - start)
    return (len(items) / best if best else float("inf")), worst * 1000


def profile(shape: str, n: int) -> None:
    from pyinstrument import Profiler

    filename, make = SHAPES[shape]
    items = [make(consistent_report(i, "2019" if i % 4 == 0 else "2021")) for i in range(n)]
    with Profiler() as p:
        for data in items:
            read_bytes(data, filename)
    p.print()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=200, help="reports per shape")
    ap.add_argument("--with-checks", action="store_true", help="time reading and checking together")
    ap.add_argument("--profile", metavar="SHAPE", help="profile one shape with pyinstrument")
    ap.add_argument("--shape", action="append", help="time only this shape (repeatable; no real reports)")
    args = ap.parse_args()
    if args.profile:
        profile(args.profile, args.reports)
        return
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    print(
        f"{'shape':<20}{'reports/s':>12}{'ms/report':>12}{'worst ms':>10}   (one core, {args.reports} each)"
    )
    for shape, (filename, make) in SHAPES.items():
        if args.shape and shape not in args.shape:
            continue
        n = args.reports if shape != "docx" else max(10, args.reports // 10)
        items = [(make(consistent_report(i, "2019" if i % 4 == 0 else "2021")), filename) for i in range(n)]
        r, worst = rate(items, args.with_checks)
        print(f"{shape:<20}{r:>12.0f}{1000 / r:>12.2f}{worst:>10.1f}")
    real = [] if args.shape else sorted(SHARED.glob("seeds/*.txt")) + sorted(SHARED.glob("corpus/pdf/*.pdf"))
    for path in real:
        r, worst = rate([(path.read_bytes(), path.name)] * 5, args.with_checks)
        print(f"{path.name[:20]:<20}{r:>12.0f}{1000 / r:>12.2f}{worst:>10.1f}")


if __name__ == "__main__":
    main()
