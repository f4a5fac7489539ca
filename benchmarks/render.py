"""Reports per second for each writer (DOCX, HTML, Markdown, text); LibreOffice is not counted.

    .venv/bin/python benchmarks/render.py [--reports N]

The reports are the consistent random reports of the property tests (both formats, long narrative).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "write"))

from strategies import SENTENCES, consistent_cells

from gongkai.format import Version
from gongkai.model import Report
from gongkai.write import WRITERS


def sample(i: int) -> Report:
    rng = random.Random(i)
    version = Version.V2021 if i % 2 else Version.V2019
    narrative = "\n".join("".join(rng.choices(SENTENCES, k=6)) for _ in range(4))
    return Report(
        format=version,
        body=f"某某市第{i}区人民政府",
        year=2023 if version is Version.V2021 else 2020,
        cells=consistent_cells(version, rng.randint),
        sections={1: narrative, 5: narrative, 6: narrative},
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=40)
    n = parser.parse_args().reports
    reports = [sample(i) for i in range(n)]
    for fmt, write in WRITERS.items():
        write(reports[0])  # warm up: templates, imports
        start = time.perf_counter()
        size = sum(len(write(r)) for r in reports)
        elapsed = time.perf_counter() - start
        print(f"{fmt:5} {n / elapsed:8.1f} reports/s   {size / n / 1024:7.1f} KiB each")


if __name__ == "__main__":
    main()
