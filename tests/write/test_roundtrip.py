"""Writers → readers: every rendering, clean or degraded, reads back to the same report.

A disagreement is a bug in a reader or a writer. The readers are imported inside each test so that one
missing reader fails its own tests, not the collection of this file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from degrade import (
    CHAR_DEGRADATIONS,
    TEXT_DEGRADATIONS,
    docx_text,
    encode_big5,
    encode_gb18030,
    html_charset,
    html_text,
    traditional,
)
from hypothesis import HealthCheck, Phase, given, settings
from roundtrip_util import assert_same
from strategies import reports

from gongkai.model import Report
from gongkai.write import to_bytes

SHARED = Path("/work/shared")
# No shrinking: a shrunk report has 1 in every cell, which hides exactly the misalignments these tests look
# for, and shrinking a 200-cell report takes longer than the whole run. The failing report is shown as drawn.
_PHASES = [Phase.explicit, Phase.reuse, Phase.generate]
_COMMON = {
    "deadline": None,
    "database": None,
    "phases": _PHASES,
    "suppress_health_check": [HealthCheck.too_slow],
}
FEW = settings(max_examples=12, **_COMMON)
FEWER = settings(max_examples=6, **_COMMON)
SUFFIX = {"docx": "docx", "html": "html", "md": "md", "txt": "txt"}


def read(data: bytes, name: str) -> Report:
    from gongkai.read import read_bytes

    return read_bytes(data, name)


# ---------------------------------------------------------------------------------------- clean renderings


@pytest.mark.parametrize("fmt", ["docx", "html", "md", "txt"])
@FEW
@given(report=reports())
def test_every_writer_reads_back(fmt, report):
    data = to_bytes(report, fmt)
    assert_same(report, read(data, f"report.{SUFFIX[fmt]}"), fmt)


@pytest.mark.parametrize("fmt", ["docx", "html", "txt"])
@FEW
@given(report=reports(blanks=True))
def test_blank_cells_read_back_blank(fmt, report):
    """A blank cell is printed blank and read back blank, never as 0 and never shifting its neighbours."""
    data = to_bytes(report, fmt)
    assert_same(report, read(data, f"report.{SUFFIX[fmt]}"), f"{fmt} with blanks")


# ---------------------------------------------------------------------------------------- degraded copies


@pytest.mark.parametrize("damage", sorted(TEXT_DEGRADATIONS))
@FEWER
@given(report=reports())
def test_degraded_text_reads_back(damage, report):
    page = TEXT_DEGRADATIONS[damage](to_bytes(report, "txt").decode("utf-8"))
    assert_same(report, read(page.encode("utf-8"), "report.txt"), f"txt/{damage}")


@pytest.mark.parametrize("damage", sorted(CHAR_DEGRADATIONS))
@FEWER
@given(report=reports())
def test_degraded_markdown_reads_back(damage, report):
    page = CHAR_DEGRADATIONS[damage](to_bytes(report, "md").decode("utf-8"))
    assert_same(report, read(page.encode("utf-8"), "report.md"), f"md/{damage}")


@pytest.mark.parametrize("damage", sorted(CHAR_DEGRADATIONS))
@FEWER
@given(report=reports())
def test_degraded_html_reads_back(damage, report):
    page = html_text(to_bytes(report, "html").decode("utf-8"), CHAR_DEGRADATIONS[damage])
    assert_same(report, read(page.encode("utf-8"), "report.html"), f"html/{damage}")


@pytest.mark.parametrize("damage", sorted(CHAR_DEGRADATIONS))
@FEWER
@given(report=reports())
def test_degraded_docx_reads_back(damage, report):
    data = docx_text(to_bytes(report, "docx"), CHAR_DEGRADATIONS[damage])
    assert_same(report, read(data, "report.docx"), f"docx/{damage}")


@pytest.mark.parametrize("encoding", ["gb18030", "big5"])
@FEWER
@given(report=reports())
def test_text_in_legacy_encodings_reads_back(encoding, report):
    page = to_bytes(report, "txt").decode("utf-8")
    data = encode_gb18030(page) if encoding == "gb18030" else encode_big5(page)
    assert_same(report, read(data, "report.txt"), f"txt/{encoding}")


@pytest.mark.parametrize("encoding", ["gb18030", "big5"])
@FEWER
@given(report=reports())
def test_html_in_legacy_encodings_reads_back(encoding, report):
    page = html_charset(to_bytes(report, "html").decode("utf-8"), encoding)
    if encoding == "big5":
        page = traditional(page)  # Big5 holds traditional characters only; the markup is ASCII
    assert_same(report, read(page.encode(encoding), "report.html"), f"html/{encoding}")


# ---------------------------------------------------------------------------------------- real reports

SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
PDFS = sorted((SHARED / "corpus" / "pdf").glob("*.pdf"))


def _gold(path: Path) -> dict | None:
    for gold in (SHARED / "gold" / (path.stem + ".json"), SHARED / "corpus" / "gold" / (path.stem + ".json")):
        if gold.exists():
            return json.loads(gold.read_text(encoding="utf-8"))
    return None


def test_shared_corpus_is_found_when_present():
    if SHARED.exists():
        assert SEEDS and PDFS, "the shared seeds and PDFs should be found"


@pytest.mark.parametrize("path", SEEDS + PDFS, ids=lambda p: p.name)
def test_real_report_survives_docx(path):
    """parse → DOCX → parse: the cells of a real report come back unchanged."""
    from gongkai.read import read_path

    first = read_path(path)
    gold = _gold(path)
    if gold is not None:
        assert str(first.format) == gold["format"], "the first parse already disagrees with the gold format"
    again = read(to_bytes(first, "docx"), path.stem + ".docx")
    assert_same(first, again, f"{path.name} → docx")
