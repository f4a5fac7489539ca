"""The real reports in ../shared written in every shape the readers take, and read back.

    .venv/bin/python benchmarks/real_shapes.py [--noise N]

Each real report is read once (exact on its gold), then written in each shape of gongkai.samples
(tab, Big5, one cell per line, markdown, HTML, DOCX …), as damaged OCR markdown and flattened page
text with N seeds of damage, and as a crawler stores it: its own lines run together on one line, with
and without metadata (`flatten_lines`). Prints per shape the cells read right, the wrong numbers,
the blanks no finding names, and body/year/format right. Real reports carry what generated ones do
not: narratives full of numbers, blank rows, sums that fail, a layout's own quirks.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from gongkai.model.report import Report
from gongkai.read import read_bytes, read_document, read_path
from gongkai.samples.shapes import SHAPES, flatten_lines, flattened, ocr_markdown, title_of

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return Decimal(str(a)) == Decimal(str(b))


def _reports() -> list[tuple[Path, dict]]:
    pairs = [(SHARED / "seeds" / f"{g.stem}.txt", g) for g in sorted(SHARED.glob("gold/*.json"))]
    pairs += [(SHARED / "corpus/pdf" / f"{g.stem}.pdf", g) for g in sorted(SHARED.glob("corpus/gold/*.json"))]
    return [(p, json.loads(g.read_text())) for p, g in pairs if p.exists()]


def _variants(path: Path, report: Report, noise: int):
    """(shape, file name, bytes) of one real report."""
    for shape, (filename, make) in SHAPES.items():
        yield shape, filename, make(report)
    for seed in range(noise):
        yield "ocr-markdown, damaged", "ocr.md", ocr_markdown(report, random.Random(seed)).encode()
        yield "flattened, damaged", "flat.txt", flattened(report, random.Random(seed)).encode()
    lines = [line.real_cells for line in read_document(path.read_bytes()).lines]
    for seed in (None, *range(noise)):
        rng = None if seed is None else random.Random(seed)
        for metadata in (True, False):
            text = flatten_lines(lines, title_of(report), rng, metadata)
            yield "its own lines flattened", "flat.txt", text.encode()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--noise", type=int, default=5, help="seeds of damage per damaged shape")
    args = ap.parse_args()
    # shape → [cells right, cells, wrong, unnamed blanks, readings with body/year/format right, readings]
    tally: dict[str, list[int]] = defaultdict(lambda: [0] * 6)
    for path, gold in _reports():
        report = read_path(path)
        want = (gold["format"], gold["year"], gold["body"])
        cells = {k: v for k, v in gold["cells"].items() if k not in gold.get("ambiguous", ())}  # as score.py
        for shape, filename, data in _variants(path, report, args.noise):
            got = read_bytes(data, filename)
            named = {c for f in got.findings for c in f.cells}
            t = tally[shape]
            for cell, value in cells.items():
                read = got.cells.get(cell)
                t[0] += _same(read, value)
                t[2] += read is not None and not _same(read, value)
                t[3] += read is None and value is not None and cell not in named
            t[1] += len(cells)
            t[4] += (str(got.format), got.year, got.body) == want
            t[5] += 1
    print(f"{'shape':<26}{'cells right':>14}{'wrong':>7}{'unnamed blanks':>16}{'body/year/format':>18}")
    for shape, (right, cells, wrong, silent, meta, runs) in tally.items():
        print(f"{shape:<26}{right / cells:>14.2%}{wrong:>7}{silent:>16}{f'{meta}/{runs}':>18}")
    right, cells, runs = (sum(t[k] for t in tally.values()) for k in (0, 1, 5))
    print(f"all: {right}/{cells} cells right ({right / cells:.2%}) over {runs} readings")


if __name__ == "__main__":
    main()
