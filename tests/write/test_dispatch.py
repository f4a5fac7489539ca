"""`gongkai.write.render`: a format name returns the document, a path writes it by its suffix."""

from __future__ import annotations

import pytest
from strategies import sample_report

from gongkai.model import Report
from gongkai.write import WriteError, render


def test_format_names_return_documents():
    report = sample_report()
    assert render(report, "docx")[:2] == b"PK"
    assert render(report, "html").startswith("<!DOCTYPE html>")
    assert render(report, "md").startswith("# ")
    assert render(report, "txt").startswith(report.body)


@pytest.mark.parametrize(("suffix", "start"), [(".docx", b"PK"), (".HTML", b"<!DOCTYPE"), (".md", b"# ")])
def test_paths_are_written_by_suffix(tmp_path, suffix, start):
    path = render(sample_report(), tmp_path / f"out{suffix}")
    assert path.read_bytes().startswith(start)


def test_unknown_suffix_and_missing_format(tmp_path):
    with pytest.raises(WriteError, match=r"out\.pdf：无法按扩展名确定输出格式"):
        render(sample_report(), tmp_path / "out.pdf")
    with pytest.raises(WriteError, match="报告缺少格式"):
        render(Report(body="某局", year=2023), "txt")
