"""The DOCX opens cleanly in LibreOffice: converted headless to PDF, with its text and figures intact."""

from __future__ import annotations

from pdf_tools import convert_to_pdf, pdf_info, pdf_text
from strategies import sample_report

from gongkai.format import Version
from gongkai.write import to_bytes


def test_libreoffice_converts_both_formats_to_pdf(tmp_path):
    reports = {v: sample_report(v) for v in Version}
    docs = []
    for v, report in reports.items():
        path = tmp_path / f"report-{v}.docx"
        path.write_bytes(to_bytes(report, "docx"))
        docs.append(path)
    result = convert_to_pdf(docs, tmp_path)
    assert result.returncode == 0, result.stderr
    for v, report in reports.items():
        pdf = tmp_path / f"report-{v}.pdf"
        assert pdf.exists() and pdf.stat().st_size > 10_000, f"LibreOffice did not convert the {v} report"
        pages, info = pdf_info(pdf)
        assert 2 <= pages <= 8
        assert "A4" in info or "595.3" in info  # page size 595.3 x 841.9 pts
        text = pdf_text(pdf)
        flat = "".join(text.split())
        assert report.body in flat
        for heading in ("三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"):
            assert heading in flat
        assert str(report.cells["requests.total.total"]) in text
        assert str(report.cells["appeals.litigation_after_reconsideration.total"]) in text
        assert "—2—" in flat  # the page number field is rendered
