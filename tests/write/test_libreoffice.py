"""The DOCX opens cleanly in LibreOffice: converted headless to PDF, with its text and figures intact."""

from __future__ import annotations

import subprocess

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
    profile = tmp_path / "lo-profile"  # a private profile: other conversions may run at the same time
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            *map(str, docs),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr
    for v, report in reports.items():
        pdf = tmp_path / f"report-{v}.pdf"
        assert pdf.exists() and pdf.stat().st_size > 10_000, f"LibreOffice did not convert the {v} report"
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        assert 2 <= pages <= 8
        assert "A4" in info or "595.3" in info  # page size 595.3 x 841.9 pts
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        )
        flat = "".join(text.stdout.split())
        assert report.body in flat
        for heading in ("三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"):
            assert heading in flat
        assert str(report.cells["requests.total.total"]) in text.stdout
        assert str(report.cells["appeals.litigation_after_reconsideration.total"]) in text.stdout
        assert "—2—" in flat  # the page number field is rendered
