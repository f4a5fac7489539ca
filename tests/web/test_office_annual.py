"""The 年度报告 page: built from the register, narrative 一、五、六 edited on the page (with and without
htmx), the preview in the national layout with the checks, DOCX and HTML downloads, submitted and
published with dates, the due date of 第四十九条 and the days left. On both backends; other bodies are
refused."""

from __future__ import annotations

import io
import re

import docx
from tests.web.conftest import post

URL = "/office/edu/report/2025"
NARRATIVE = {
    "s1": "2025年，甲县教育局全面推进政务公开。",
    "s5": "个别答复说理不够充分。",
    "s6": "无其他事项。",
}


def test_the_page_counts_down_and_shows_the_checks(signed_in):
    clerk = signed_in("clerk_a")
    r = clerk.get("/office/edu/report/", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == URL
    page = clerk.get(URL).text
    # today 2026-06-30: a department's 2025 report was due by 2026-01-31
    assert "2026-01-31" in page and "已逾期<strong>150</strong>天" in page and "逾期" in page
    findings = page.split('id="findings"')[1].split("</section>")[0]
    assert "缺少“一、总体情况”" in findings
    assert 'src="/office/edu/report/2025/preview"' in page
    page = clerk.get("/office/edu/report/2026").text
    assert "2027-01-31" in page and "还有<strong>215</strong>天" in page


def test_narrative_saved_with_and_without_htmx_and_the_preview_follows(signed_in):
    clerk = signed_in("clerk_a")
    r = post(clerk, URL + "/narrative", NARRATIVE)
    assert r.status_code == 303
    page = clerk.get(URL).text
    assert "2025年，甲县教育局全面推进政务公开。</textarea>" in page
    assert "缺少“一、总体情况”" not in page.split('id="findings"')[1].split("</section>")[0]
    r = post(clerk, URL + "/narrative", {**NARRATIVE, "s5": "已整改。"}, headers={"HX-Request": "true"})
    assert r.status_code == 200 and "已保存" in r.text and "<html" not in r.text
    preview = clerk.get(URL + "/preview")
    assert preview.status_code == 200 and "已整改。" in preview.text
    assert "frame-ancestors 'self'" in preview.headers["content-security-policy"]
    assert "甲县教育局2025年政府信息公开工作年度报告" in preview.text
    assert "附件：检查发现的问题" in preview.text  # section 二 not yet filled in: the checks say so


def test_downloads_are_the_report_in_the_national_layout(signed_in):
    clerk = signed_in("clerk_a")
    post(clerk, URL + "/narrative", NARRATIVE)
    r = clerk.get(URL + "/download.docx")
    assert r.status_code == 200 and "wordprocessingml" in r.headers["content-type"]
    assert "filename*=UTF-8''%E7%94%B2" in r.headers["content-disposition"]
    doc = docx.Document(io.BytesIO(r.content))
    text = [p.text for p in doc.paragraphs]
    assert text[0] == "甲县教育局\n2025年政府信息公开工作年度报告"  # the title breaks after the body's name
    assert "2025年，甲县教育局全面推进政务公开。" in text and "一、总体情况" in text
    assert len(doc.tables) >= 3
    r = clerk.get(URL + "/download.html")
    assert (
        r.status_code == 200
        and "个别答复说理不够充分。" in r.text
        and "attachment" in r.headers["content-disposition"]
    )
    r = clerk.get(URL + "/download.pdf")
    assert r.status_code == 422 and "不支持的下载格式“pdf”" in r.text


def test_submitted_and_published_by_the_signer_with_dates(signed_in):
    clerk, reviewer = signed_in("clerk_a"), signed_in("reviewer_a")
    post(clerk, URL + "/narrative", NARRATIVE)
    assert 'action="/office/edu/report/2025/publish"' not in clerk.get(URL).text  # a clerk does not sign
    assert post(clerk, URL + "/submit", {"submitted_on": "2026-06-01"}).status_code == 403
    r = post(reviewer, URL + "/submit", {"submitted_on": "2026-07-02"})
    assert r.status_code == 422 and re.search(r'id="e-submitted_on">报送日期2026-07-02晚于今天', r.text)
    assert post(reviewer, URL + "/submit", {"submitted_on": "2026-06-01"}).status_code == 303
    assert "已于2026-06-01报送" in reviewer.get(URL).text
    assert post(reviewer, URL + "/publish", {"published_on": "2026-06-03"}).status_code == 303
    page = reviewer.get(URL).text
    assert (
        "已于2026-06-03公开" in page
        and "已公开" in page
        and 'action="/office/edu/report/2025/narrative"' not in page
    )
    r = post(clerk, URL + "/narrative", {"s1": "改动"})
    assert r.status_code == 422 and "已于2026-06-03公开，不能再修改" in r.text


def test_other_bodies_are_refused(signed_in):
    other = signed_in("clerk_b")
    for url in (URL, URL + "/preview", URL + "/download.docx", "/office/edu/report/"):
        assert other.get(url, follow_redirects=False).status_code == 403, url
    assert post(other, URL + "/narrative", NARRATIVE).status_code == 403
    assert post(signed_in("clerk_c"), URL + "/publish", {"published_on": "2026-06-03"}).status_code == 403
    r = signed_in("clerk_a").get("/office/edu/report/2018")
    assert r.status_code == 422 and "报告年度2018无效" in r.text
