"""Cells read right when the real reports in ../shared are flattened as archive crawlers store pages.

    .venv/bin/python benchmarks/flattened_real.py [--noise N]

Each real report's own lines (as its reader finds them) are run together on one line after
breadcrumbs and page tools (`gongkai.samples.shapes.flatten_lines`), with metadata lines and without,
and with N seeds of stray spaces. Prints, per report, cells right / wrong / blank and whether body,
year and format are right; a wrong number is a failure of the reader, a blank is a cut the report's
own sums cannot settle.
"""

from __future__ import annotations

import argparse
import json
import random
from decimal import Decimal
from pathlib import Path

from gongkai.read import read_bytes, read_document, read_path
from gongkai.samples.shapes import flatten_lines

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return Decimal(str(a)) == Decimal(str(b))


def _cases() -> list[tuple[Path, dict]]:
    pairs = [(SHARED / "seeds" / f"{g.stem}.txt", g) for g in sorted(SHARED.glob("gold/*.json"))]
    pairs += [(SHARED / "corpus/pdf" / f"{g.stem}.pdf", g) for g in sorted(SHARED.glob("corpus/gold/*.json"))]
    return [(p, json.loads(g.read_text())) for p, g in pairs if p.exists()]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--noise", type=int, default=3, help="seeds of stray spaces per report")
    args = ap.parse_args()
    variants = [(None, True), (None, False)] + [(n, n % 2 == 0) for n in range(args.noise)]
    total = right = wrong = meta_ok = runs = 0
    print(f"{'report':<28}{'right':>8}{'wrong':>7}{'blank':>7}  body/year/format")
    for path, gold in _cases():
        lines = [line.real_cells for line in read_document(path.read_bytes()).lines]
        title = read_path(path).title or ""
        r = w = b = m = 0
        for noise, metadata in variants:
            text = flatten_lines(lines, title, None if noise is None else random.Random(noise), metadata)
            got = read_bytes(text.encode(), "flat.txt")
            for cell, value in gold["cells"].items():
                if _same(got.cells.get(cell), value):
                    r += 1
                elif got.cells.get(cell) is None:
                    b += 1
                else:
                    w += 1
            m += (str(got.format), got.year, got.body) == (gold["format"], gold["year"], gold["body"])
        n = len(variants)
        print(f"{path.name[:27]:<28}{r / n:>8.1f}{w / n:>7.1f}{b / n:>7.1f}  {m}/{n}")
        total += r + w + b
        right, wrong, meta_ok, runs = right + r, wrong + w, meta_ok + m, runs + n
    if total:
        print(f"cells right {right / total:.1%}, wrong {wrong}, body/year/format right {meta_ok}/{runs}")


if __name__ == "__main__":
    main()
