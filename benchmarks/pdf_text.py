"""The real PDFs' text as researchers take it out with common tools, read and scored on the gold.

    .venv/bin/python benchmarks/pdf_text.py

For each PDF in ../shared/corpus/pdf and each tool (pdftotext in its three modes, pypdfium2,
pdfplumber, pdfminer — what markitdown uses): the cells read right, the wrong numbers (a value
where the gold has another), and the blanks no finding names. The gold's ambiguous cells are not
scored, as in ../shared/tools/score.py.
"""

from __future__ import annotations

import io
import json
import subprocess
from decimal import Decimal
from pathlib import Path

from gongkai.read import read_bytes

SHARED = Path(__file__).resolve().parents[2] / "shared"


def pdftotext(*flags: str):
    def extract(path: Path) -> str:
        return subprocess.run(
            ["pdftotext", *flags, str(path), "-"], capture_output=True, check=True
        ).stdout.decode()

    return extract


def pypdfium2_text(path: Path) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))).replace("\r\n", "\n")


def pdfplumber_text(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def pdfminer_text(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(path.read_bytes()))


TOOLS = {
    "pdftotext -layout": pdftotext("-layout"),
    "pdftotext -raw": pdftotext("-raw"),
    "pdftotext": pdftotext(),
    "pypdfium2": pypdfium2_text,
    "pdfplumber": pdfplumber_text,
    "pdfminer": pdfminer_text,
}


def score(text: str, gold: dict) -> tuple[int, int, int, int]:
    """(cells scored, right, wrong numbers, blanks no finding names)."""
    got = read_bytes(text.encode(), "pdf-text.txt")
    named = {c for f in got.findings for c in f.cells}
    ambiguous = set(gold.get("ambiguous", []))
    scored = right = wrong = unnamed = 0
    for cell, want in gold["cells"].items():
        if cell in ambiguous:
            continue
        scored += 1
        have = got.cells.get(cell)
        same = have is not None and want is not None and Decimal(str(have)) == Decimal(str(want))
        if same or (have is None and want is None):
            right += 1
        elif have is not None:
            wrong += 1
        elif cell not in named:
            unnamed += 1
    return scored, right, wrong, unnamed


def main() -> None:
    golds = sorted((SHARED / "corpus" / "gold").glob("*.json"))
    print(f"{'tool':<20}{'cells right':>14}{'wrong':>8}{'unnamed blanks':>16}   ({len(golds)} real PDFs)")
    for name, extract in TOOLS.items():
        total = [0, 0, 0, 0]
        for g in golds:
            gold = json.loads(g.read_text())
            text = extract(SHARED / "corpus" / "pdf" / gold["file"])
            total = [a + b for a, b in zip(total, score(text, gold), strict=True)]
        scored, right, wrong, unnamed = total
        print(f"{name:<20}{100 * right / scored:>13.2f}%{wrong:>8}{unnamed:>16}")


if __name__ == "__main__":
    main()
