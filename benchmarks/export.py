"""Read and export a corpus of generated reports to Parquet, and extrapolate to a national year.

    .venv/bin/python benchmarks/export.py [--reports 10000] [--out /tmp/corpus.parquet]

The reports cycle through the text and HTML shapes and the flattened page (both formats, distinct
values). Reading is timed on one core in this process; the Parquet write separately. A national year
is about 200,000 reports (every body that publishes one).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from gongkai.export import write_parquet
from gongkai.read import read_bytes
from gongkai.samples import SHAPES, consistent_report

NATIONAL_YEAR = 200_000
CORPUS_SHAPES = ("tab", "markdown", "pipe-traditional", "html", "html-word", "html-page", "flattened")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=10_000)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    files = []
    for i in range(args.reports):
        filename, make = SHAPES[CORPUS_SHAPES[i % len(CORPUS_SHAPES)]]
        files.append((make(consistent_report(i, "2019" if i % 4 == 0 else "2021")), f"{i:06d}-{filename}"))
    start = time.process_time()
    reports = [read_bytes(data, name) for data, name in files]
    reading = time.process_time() - start
    out = args.out or Path(tempfile.mkdtemp()) / "corpus.parquet"
    start = time.perf_counter()
    rows = write_parquet(reports, out)
    writing = time.perf_counter() - start
    total = reading + writing
    scale = NATIONAL_YEAR / rows
    print(f"{rows} reports ({', '.join(CORPUS_SHAPES)})")
    print(f"read:    {reading:8.1f} s  {rows / reading:8.0f} reports/s (one core)")
    size = out.stat().st_size
    print(f"parquet: {writing:8.1f} s  {rows / writing:8.0f} rows/s, {size / 1e6:.1f} MB at {out}")
    cores = os.cpu_count() or 1
    minutes = total * scale / 60
    print(
        f"a national year ({NATIONAL_YEAR:,} reports) on this machine: {minutes:.1f} min on one core,"
        f" {minutes / cores:.1f} min over {cores} cores (Parquet about {size * scale / 1e6:.0f} MB)"
    )


if __name__ == "__main__":
    main()
