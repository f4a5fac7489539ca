"""The notices open cleanly in LibreOffice: one of each kind and three answer variants, converted headless
to PDF in one call, keep their text and stay within a few A4 pages."""

from __future__ import annotations

from notice_samples import ANSWER_CASES, BODY, CASES
from pdf_tools import convert_to_pdf, pdf_info, pdf_text

from gongkai.register.answers import AnswerKind
from gongkai.write.notices import compose, render_notice

SELECTION = (
    *{c.kind: c for c in reversed(CASES)}.values(),  # the first case of each kind
    ANSWER_CASES[AnswerKind.WITHHELD],
    ANSWER_CASES[AnswerKind.PARTIAL],
    ANSWER_CASES[AnswerKind.NOT_OURS],
)


def test_libreoffice_converts_every_kind_of_notice_to_pdf(tmp_path):
    cases = {c.id: c for c in SELECTION}
    assert len(cases) == 12
    for case_id, case in cases.items():
        (tmp_path / f"{case_id}.docx").write_bytes(render_notice(case.kind, case.notice))
    result = convert_to_pdf([tmp_path / f"{case_id}.docx" for case_id in cases], tmp_path)
    assert result.returncode == 0, result.stderr
    for case_id, case in cases.items():
        pdf = tmp_path / f"{case_id}.pdf"
        assert pdf.exists(), f"LibreOffice did not convert {case_id}"
        pages, info = pdf_info(pdf)
        assert 1 <= pages <= 3, (case_id, pages)
        assert "595.3" in info or "A4" in info  # 595.3 x 841.9 pts
        flat = "".join(pdf_text(pdf).split())
        composed = compose(case.kind, case.notice)
        for part in (composed.title, composed.doc_no, composed.date, BODY.name, *case.expected):
            assert "".join(part.split()) in flat, (case_id, part)
        assert composed.contact[-1].replace("　", "") in flat
        assert "—1—" in flat  # the page number field is rendered
