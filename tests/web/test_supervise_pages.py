"""The supervisor pages through the application: the bodies with status and deadline and reminders, a
body's report with its findings, uploads (findings shown, unread cells flagged), the regional summary and
its downloads, charts with their tables — and nothing for anyone else, no register edited."""

from __future__ import annotations

import io
import re
from datetime import date

import openpyxl
import pytest
from tests.web.conftest import csrf, post

from gongkai.format.spec import Version, get
from gongkai.samples import consistent_report
from gongkai.samples.shapes import docx_bytes, tab_text

APPEALS = get(Version.V2021).table("appeals")
TOTAL = "requests.received.total"


def sample(seed: int, name: str, year: int = 2025):
    r = consistent_report(seed=seed, version=Version.V2021, year=year)
    r.body, r.title = name, f"{name}{year}年政府信息公开工作年度报告"
    return r


@pytest.fixture
def published(world):
    """甲县教育局 published its 2025 report; 甲县环境局 has not reported; 乙县教育局 published in 乙县."""
    edu = sample(81, "甲县教育局")
    world.store.save_report("edu", 2025, "负责人", published_on=date(2026, 1, 20), snapshot=edu.to_dict())
    far = sample(82, "乙县教育局")
    world.store.save_report("far", 2025, "负责人", published_on=date(2026, 1, 21), snapshot=far.to_dict())
    return {"edu": edu}


def cell(html: str, cell_id: str) -> str:
    m = re.search(rf'data-cell="{re.escape(cell_id)}"[^>]*>(.*?)</td>', html)
    assert m, cell_id
    return re.sub(r"<[^>]+>", "", m.group(1))


def upload(client, data: bytes, name: str, year: int = 2025, **fields):
    """The upload form as htmx posts it: the CSRF token in its header (see routes/supervise/uploads.py)."""
    form = {"year": str(year), "region": "r1", "kind": "department", **fields}
    files = {"file": (name, data, "application/octet-stream")}
    headers = {"x-csrftoken": csrf(client), "hx-request": "true"}
    return client.post("/supervise/r1/upload", data=form, files=files, headers=headers)


def test_the_dashboard_lists_every_body_with_status_deadline_and_reminders(signed_in, published):
    c = signed_in("super_1")
    r = c.get("/supervise/r1/?year=2025")
    assert r.status_code == 200
    rows = re.findall(r"<tr[^>]*>\s*<td>(?:<a[^>]*>)?([^<]+)(?:</a>)?</td>.*?status-(\w+)", r.text, re.S)
    assert dict(rows) == {"甲县教育局": "published", "甲县环境局": "overdue"}
    assert "2026-01-31" in r.text
    assert "甲县环境局尚未报送，已逾期150天（应于2026-01-31前公开）" in r.text
    assert "乙县" not in r.text.split("<main", 1)[1]


def test_an_upload_shows_its_findings_flags_unread_cells_and_moves_the_sum(signed_in, published):
    c = signed_in("super_1")
    before = c.get("/supervise/r1/summary?year=2025").text
    assert cell(before, TOTAL) == str(published["edu"].cells[TOTAL])

    water = sample(83, "甲县水务局")
    for cid in APPEALS.ids:
        water.cells[cid] = None  # printed no section 四
    r = upload(c, tab_text(water).encode(), "甲县水务局2025年报.txt", published_on="2026-01-25")
    assert r.status_code == 200 and r.headers["hx-redirect"].startswith("/supervise/r1/uploads/")
    page = c.get(r.headers["hx-redirect"])
    assert page.status_code == 200
    assert "已上传并读取甲县水务局2025年度报告，15个单元格未能读取" in page.text
    assert "table.missing" in page.text  # the finding, on the page
    assert all(cell(page.text, cid) == "空" for cid in APPEALS.ids)  # flagged, never 0
    assert cell(page.text, TOTAL) == str(water.cells[TOTAL])

    after = c.get("/supervise/r1/summary?year=2025").text
    assert cell(after, TOTAL) == str(published["edu"].cells[TOTAL] + water.cells[TOTAL])
    assert cell(after, "appeals.reconsideration.upheld") == "空"
    assert "甲县环境局尚未报送2025年度报告（逾期）" in after
    assert "甲县水务局" in c.get("/supervise/r1/?year=2025").text

    xlsx = c.get("/supervise/r1/summary.xlsx?year=2025")
    assert xlsx.status_code == 200 and "attachment" in xlsx.headers["content-disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content))["各机关"]
    row = next(r for r in sheet.iter_rows(values_only=True) if r[2] == TOTAL)
    assert row[-1] == published["edu"].cells[TOTAL] + water.cells[TOTAL]
    docx = c.get("/supervise/r1/summary.docx?year=2025")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"


def test_a_bad_upload_is_refused_on_the_form_in_chinese(signed_in, published):
    c = signed_in("super_1")
    r = upload(c, b"%PDF-1.4 broken", "坏文件.pdf")
    assert 'id="upload-card"' in r.text and "坏文件.pdf：" in r.text and "Traceback" not in r.text
    r = upload(c, docx_bytes(sample(84, "甲县水务局", 2024)), "水务局.docx")
    assert "水务局.docx是2024年度的报告，不是所选的2025年度" in r.text
    assert "hx-redirect" not in r.headers
    r = post(c, "/supervise/r1/upload", {"year": "2025"})  # a plain form post, without a file
    assert r.status_code == 422 and "请选择要上传的报告文件" in r.text
    assert c.get("/supervise/r1/upload").text.count("<noscript>") == 1


def test_a_body_report_shows_findings_with_carry_over(signed_in, published, world):
    edu24 = sample(85, "甲县教育局", 2024)
    world.store.save_report("edu", 2024, "负责人", published_on=date(2025, 1, 20), snapshot=edu24.to_dict())
    c = signed_in("super_1")
    page = c.get("/supervise/r1/bodies/edu?year=2025").text
    assert "与本机关2024年度报告核对结转" in page
    assert "cross.carry_over" in page and "跨年度" in page  # two unrelated samples do not carry over
    preview = c.get("/supervise/r1/bodies/env?year=2025").text
    assert "尚未报送：以下为平台登记簿当前生成的预览" in preview


def test_charts_come_with_their_tables_and_no_inline_script(signed_in, published):
    c = signed_in("super_1")
    r = c.get("/supervise/r1/charts?year=2025")
    assert r.status_code == 200
    assert r.text.count('class="chart"') >= 10 and "data-chart='" in r.text
    assert "<script>" not in r.text and 'src="/static/supervise-charts.js"' in r.text
    assert "各年度新收申请（按申请人类型）" in r.text and "数据表" in r.text
    assert c.get("/static/supervise-charts.js").status_code == 200


def test_another_regions_supervisor_sees_nothing_and_no_supervisor_edits_a_register(signed_in, published):
    c1 = signed_in("super_1")
    r = upload(c1, docx_bytes(sample(86, "甲县水务局")), "水务局.docx")
    upload_id = r.headers["hx-redirect"].rsplit("/", 1)[1]
    c2 = signed_in("super_2")
    for url in (
        "/supervise/r1/",
        "/supervise/r1/summary?year=2025",
        "/supervise/r1/summary.xlsx?year=2025",
        "/supervise/r1/charts?year=2025",
        "/supervise/r1/bodies/edu?year=2025",
        f"/supervise/r1/uploads/{upload_id}",
        f"/supervise/r1/uploads/{upload_id}/file",
        "/supervise/r1/upload",
    ):
        assert c2.get(url).status_code == 403, url
    assert upload(c2, docx_bytes(sample(87, "甲县水务局")), "x.docx").status_code == 403
    # through its own region, another region's records are not found
    assert c2.get(f"/supervise/r2/uploads/{upload_id}").status_code == 404
    assert c2.get("/supervise/r2/bodies/edu?year=2025").status_code == 404
    own = c2.get("/supervise/r2/?year=2025").text
    assert "乙县教育局" in own and "甲县" not in own.split("<main", 1)[1]

    # the supervisor's pages carry no form that writes (the year picker is GET; upload is its own)
    for url in (
        "/supervise/r1/?year=2025",
        "/supervise/r1/bodies/edu?year=2025",
        "/supervise/r1/summary?year=2025",
    ):
        forms = re.findall(r'<form method="post" action="([^"]+)"', c1.get(url).text)
        assert forms == ["/logout"], (url, forms)
    # and the register refuses them
    assert c1.get("/office/edu/").status_code == 403
    assert post(c1, "/office/edu/requests", {"case_no": "2025-1"}).status_code == 403
    assert post(c1, "/office/edu/report/2025/narrative", {"section_1": "改写"}).status_code == 403
    for login in ("clerk_a", "nobody"):
        assert signed_in(login).get("/supervise/r1/").status_code == 403
