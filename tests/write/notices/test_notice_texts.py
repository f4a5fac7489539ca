"""Every kind of notice and every answer variant, composed from distinct sample values: the values, the
legal basis and the remedies are in the text, in the 公文 order."""

from __future__ import annotations

from dataclasses import replace

import pytest
from notice_samples import ANSWER_CASES, APPLICANT, BODY, CASES, NUMBER, addressee

from gongkai.register.answers import BY_KIND, AnswerKind
from gongkai.write.notices import KINDS, NoticeKind, compose, notice_text
from gongkai.write.notices.law import WITHHELD_REASONS, Element
from gongkai.write.notices.model import NoticeBody


def test_the_samples_cover_every_kind_and_every_answer_kind():
    assert {c.kind for c in CASES} == set(NoticeKind)
    assert set(ANSWER_CASES) == set(AnswerKind)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_each_document_states_its_values_basis_and_remedies(case):
    text = notice_text(case.kind, case.notice)
    flat = "".join(text.split())
    for phrase in case.expected:
        assert "".join(phrase.split()) in flat, phrase
    for phrase in case.absent:
        assert phrase not in flat, phrase
    assert case.notice.request.case_no in flat
    assert f"某环公开〔{case.notice.issued_on.year}〕{NUMBER}号" in flat


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_each_document_has_the_official_parts_in_order(case):
    c = compose(case.kind, case.notice)
    assert (c.issuer, c.title) == (BODY.name, KINDS[case.kind].title)
    assert c.addressee == addressee(case) + "："
    assert c.signature == BODY.name
    day = case.notice.issued_on
    assert c.date == f"{day.year}年{day.month}月{day.day}日"
    assert c.contact[0] == "联系机构：区生态环境局法规科"
    assert "通信地址：某某市某某区人民路88号（邮政编码：214105）" in c.contact
    assert "联系电话：0510-83571234　传真：0510-83575678" in c.contact
    assert "电子邮箱：gk@hbj.example.gov.cn" in c.contact
    assert c.paragraphs[-1].startswith("特此") or case.kind is NoticeKind.RECEIPT  # 特此答复。/告知。/函告。
    lines = notice_text(case.kind, case.notice).splitlines()
    order = [
        BODY.name,
        c.title,
        c.doc_no,
        c.addressee,
        c.paragraphs[0],
        c.paragraphs[-1],
        c.date,
        c.contact[-1],
    ]
    positions = [next(i for i, line in enumerate(lines) if part in line) for part in order]
    assert positions == sorted(positions)
    # Consultation letters go to the party consulted and never name the applicant.
    if not KINDS[case.kind].to_applicant:
        assert APPLICANT.name not in "".join(lines)


@pytest.mark.parametrize("kind", list(AnswerKind))
def test_each_answer_cites_the_article_the_register_records(kind):
    """The answer's legal basis agrees with gongkai.register.answers (确认或重新出具, which the 条例 does not
    name, rests on 第二条 and 第三十八条: both are cited)."""
    case = ANSWER_CASES[kind]
    flat = "".join(notice_text(case.kind, case.notice).split())
    assert BY_KIND[kind].basis in flat
    if kind is AnswerKind.CONFIRMATION:
        assert "第二条" in flat


@pytest.mark.parametrize("row", sorted(WITHHELD_REASONS))
def test_each_withholding_reason_cites_its_article(row):
    case = ANSWER_CASES[AnswerKind.WITHHELD]
    notice = case.notice.__class__(
        **{**case.notice.__dict__, "details": case.notice.details.__class__(AnswerKind.WITHHELD, reason=row)}
    )
    flat = "".join(notice_text(NoticeKind.ANSWER, notice).split())
    reason = WITHHELD_REASONS[row]
    assert reason.finding in flat
    assert "第三十六条第（三）项" in flat and "应当先申请行政复议" in flat
    if reason.article:
        assert f"{reason.article}规定：“{reason.quote}”" in flat
    articles = {r.article for r in WITHHELD_REASONS.values()}
    assert articles == {"第十四条", "第十五条", "第十六条第一款", "第十六条第二款", ""}


def test_remedies_name_the_bodies_generically_when_the_profile_leaves_them_empty():
    case = ANSWER_CASES[AnswerKind.NOT_EXIST]
    body = NoticeBody(BODY.name, replace(BODY.profile, reconsideration_body="", court=""))
    notice = case.notice.__class__(**{**case.notice.__dict__, "body": body})
    flat = "".join(notice_text(NoticeKind.ANSWER, notice).split())
    assert "向有管辖权的行政复议机关申请行政复议" in flat
    assert "向有管辖权的人民法院提起行政诉讼" in flat
    assert "某某市某某区人民政府" not in flat


def test_not_ours_without_a_known_body_says_so():
    case = ANSWER_CASES[AnswerKind.NOT_OURS]
    details = case.notice.details.__class__(AnswerKind.NOT_OURS)
    notice = case.notice.__class__(**{**case.notice.__dict__, "details": details})
    flat = "".join(notice_text(NoticeKind.ANSWER, notice).split())
    assert "无法确定负责公开该政府信息的行政机关" in flat
    assert "第十条" in flat  # the reason, when the clerk gives none: who is responsible for what


def test_organisations_are_addressed_as_such():
    case = ANSWER_CASES[AnswerKind.PROVIDED]
    org = case.notice.applicant.__class__("某某律师事务所", organisation=True)
    notice = case.notice.__class__(**{**case.notice.__dict__, "applicant": org})
    text = notice_text(NoticeKind.ANSWER, notice)
    assert text.splitlines()[5] == "某某律师事务所："
    assert "贵单位申请获取" in text and "您" not in text


def test_correction_lists_every_element_with_its_item():
    from gongkai.write.notices import CorrectionDetails, CorrectionItem

    case = next(c for c in CASES if c.kind is NoticeKind.CORRECTION)
    details = CorrectionDetails(
        tuple(CorrectionItem(e) for e in Element), deadline=case.notice.issued_on.replace(day=28)
    )
    notice = case.notice.__class__(**{**case.notice.__dict__, "details": details})
    c = compose(NoticeKind.CORRECTION, notice)
    items = [p for p in c.paragraphs if p.startswith("（")]
    assert [p[:3] for p in items] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    assert ["第（一）项" in items[i] for i in range(3)] == [True] * 3
    assert "第（二）项" in items[3] and "第（三）项" in items[4]
    assert any("于2025年3月28日前" in p for p in c.paragraphs)


def test_no_template_ends_a_paragraph_with_an_inline_block_tag():
    """Jinja's trim_blocks eats the line break after a block tag: "text{% endif %}" and a blank line
    would run two paragraphs together; an optional sentence is written as an expression instead."""
    import re
    from importlib.resources import files

    root = files("gongkai.write.notices") / "templates"
    names = [
        f"{d}/{n.name}" if d else n.name
        for d in ("", "answer")
        for n in (root / d).iterdir()
        if n.name.endswith(".j2")
    ]
    # one per kind (answers: one per AnswerKind), plus _common.j2 and answer/_base.j2
    assert len(names) == len(NoticeKind) - 1 + len(AnswerKind) + 2
    for name in names:
        source = (root / name).read_text(encoding="utf-8")
        assert not re.search(r"\S[ \t]*\{%-?\s*(end\w+|else)\s*-?%\}\n[ \t]*\n", source), name
