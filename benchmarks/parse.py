"""Reports read per second, on one core, for each shape the readers take.

    .venv/bin/python benchmarks/parse.py [--reports N] [--with-checks]

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


def rate(items: list[tuple[bytes, str]], with_checks: bool, rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for data, name in items:
            report = read_bytes(data, name)
            if with_checks:
                check(report)
        best = min(best, time.process_time() - start)
    return len(items) / best if best else float("inf")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=200, help="reports per shape")
    ap.add_argument("--with-checks", action="store_true", help="time reading and checking together")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    print(f"{'shape':<20}{'reports/s':>12}{'ms/report':>12}   (one core, {args.reports} reports each)")
    for shape, (filename, make) in SHAPES.items():
        n = args.reports if shape != "docx" else max(10, args.reports // 10)
        items = [(make(consistent_report(i, "2019" if i % 4 == 0 else "2021")), filename) for i in range(n)]
        r = rate(items, args.with_checks)
        print(f"{shape:<20}{r:>12.0f}{1000 / r:>12.2f}")
    real = sorted(SHARED.glob("seeds/*.txt")) + sorted(SHARED.glob("corpus/pdf/*.pdf"))
    for path in real:
        r = rate([(path.read_bytes(), path.name)] * 5, args.with_checks)
        print(f"{path.name[:20]:<20}{r:>12.0f}{1000 / r:>12.2f}")


if __name__ == "__main__":
    main()
