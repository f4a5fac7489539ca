"""The supervising office through `Services.supervision`, on both backends: who has reported by when,
uploads read through the readers (blanks kept blank), the regional sum, findings with carry-over, and
who may see what."""

from __future__ import annotations

import io
from datetime import date as D

import openpyxl
import pytest

from gongkai.errors import InputError, PermissionDenied
from gongkai.format.spec import Version, get
from gongkai.register import Request
from gongkai.reporting import ReportStatus
from gongkai.store.errors import NotFound

from .conftest import CITY, CLERK, DISTRICT, FAR, REVIEWER, carried_into, file_of, sample

APPEALS = get(Version.V2021).table("appeals")


def _status(entries):
    return {e.name: (e.status, e.due, e.in_summary) for e in entries}


def test_every_body_of_the_region_and_its_subregions_with_status_and_deadline(svc, published, clock):
    svc.store.save_report("jy", 2025, "登记员", narrative={1: "正在起草"})
    name, data = file_of(sample(41, "某区水务局"))
    svc.supervision.upload(CITY, "320812", 2025, name, data, published_on=D(2026, 1, 18))

    got = _status(svc.supervision.bodies(CITY, "3208", 2025))
    assert got == {
        "某区生态环境局": (ReportStatus.PUBLISHED, D(2026, 1, 31), True),
        "某区教育局": (ReportStatus.DRAFT, D(2026, 1, 31), False),
        "某区人民政府": (ReportStatus.NOT_STARTED, D(2026, 3, 31), False),
        "某市交通运输局": (ReportStatus.SUBMITTED, D(2026, 1, 31), True),
        "某区水务局": (ReportStatus.PUBLISHED, D(2026, 1, 31), True),
    }
    # the district's office sees its own bodies only; the city's body is not under it
    assert set(_status(svc.supervision.bodies(DISTRICT, "320812", 2025))) == {
        "某区生态环境局",
        "某区教育局",
        "某区人民政府",
        "某区水务局",
    }
    clock.day = D(2026, 2, 3)  # past 1月31日: departments not published are overdue, the government not yet
    got = _status(svc.supervision.bodies(CITY, "3208", 2025))
    assert got["某区教育局"][0] is ReportStatus.OVERDUE
    assert got["某市交通运输局"][0] is ReportStatus.OVERDUE  # submitted, but not published in time
    assert got["某区人民政府"][0] is ReportStatus.NOT_STARTED
    # an off-platform body known from uploads is listed in a year it has not uploaded
    assert _status(svc.supervision.bodies(CITY, "3208", 2024))["某区水务局"][0] is ReportStatus.OVERDUE


def test_reminders_as_the_deadlines_approach_and_once_overdue(svc, published, clock):
    def reminded():
        return [(r.body.name, r.level, r.days_left) for r in svc.supervision.reminders(CITY, "3208", 2025)]

    clock.day = D(2026, 1, 10)
    assert reminded() == []  # 21 days ahead: nothing yet
    clock.day = D(2026, 1, 20)
    assert reminded() == [("某区教育局", "15", 11), ("某市交通运输局", "15", 11)]
    clock.day = D(2026, 1, 26)
    assert [x[1] for x in reminded()] == ["7", "7"]
    clock.day = D(2026, 1, 29)
    assert [x[1] for x in reminded()] == ["3", "3"]
    clock.day = D(2026, 3, 20)
    reminders = svc.supervision.reminders(CITY, "3208", 2025)
    assert [(r.body.name, r.level, r.days_left) for r in reminders] == [
        ("某区教育局", "overdue", -48),
        ("某市交通运输局", "overdue", -48),
        ("某区人民政府", "15", 11),
    ]
    assert reminders[0].message == "某区教育局尚未报送，已逾期48天（应于2026-01-31前公开）"
    assert reminders[1].message == "某市交通运输局已报送但尚未公开，已逾期48天（应于2026-01-31前公开）"


@pytest.mark.parametrize("fmt", ["docx", "txt", "html"])
def test_an_upload_is_read_cell_for_cell_and_moves_the_regional_sum(svc, published, fmt):
    before = svc.supervision.summary(CITY, "3208", 2025)
    water = sample(41, "某区水务局")
    name, data = file_of(water, fmt)
    got = svc.supervision.upload(CITY, "320812", 2025, name, data)

    assert got.report.cells == water.cells  # every cell as printed, through the readers
    assert got.upload.file_name == name and got.entry.name == "某区水务局"
    assert not [f for f in got.findings if f.severity == "error"]
    assert svc.supervision.upload_file(CITY, "3208", got.upload.id) == (name, data)

    after = svc.supervision.summary(CITY, "3208", 2025)
    reports = [published["hb25"], published["jt25"], water]
    for cid in (
        "requests.received.total",
        "requests.granted.commercial",
        "appeals.reconsideration.corrected",
    ):
        assert before.report.cells[cid] == published["hb25"].cells[cid] + published["jt25"].cells[cid]
        assert after.report.cells[cid] == sum(r.cells[cid] for r in reports)
    amount = "active.fees.amount"
    assert after.report.cells[amount] == sum(r.cells[amount] for r in reports)
    assert [b.name for b in after.bodies] == ["某区生态环境局", "某市交通运输局", "某区水务局"]
    # the bodies that have not reported are named, not counted as zeros
    unread = {u.source: u.error for u in after.unread}
    assert unread == {
        "某区教育局": "某区教育局尚未报送2025年度报告（未开始）",
        "某区人民政府": "某区人民政府尚未报送2025年度报告（未开始）",
    }
    assert after.report.sections[1].splitlines()[-1] == (
        "尚未报送、未计入汇总的机关2个：某区人民政府、某区教育局。"
    )


def test_an_upload_missing_a_table_and_cells_keeps_them_blank_and_flagged(svc, published):
    water = sample(42, "某区水务局")
    for cid in APPEALS.ids:
        water.cells[cid] = None  # the body printed no section 四
    water.cells["requests.received.research"] = None  # and left one cell empty
    name, data = file_of(water, "txt")
    got = svc.supervision.upload(CITY, "320812", 2025, name, data)

    assert set(APPEALS.ids) | {"requests.received.research"} <= set(got.blank_cells)
    assert all(got.report.cells[c] is None for c in APPEALS.ids)
    rules = {f.rule for f in got.findings}
    assert {"table.missing", "cell.blank"} <= rules

    summary = svc.supervision.summary(CITY, "3208", 2025)
    assert summary.report.cells["appeals.reconsideration.upheld"] is None  # never a zero-filled sum
    assert summary.report.cells["requests.received.research"] is None
    assert summary.blanks["requests.received.research"] == ("某区水务局",)
    missing = [f for f in summary.report.findings if f.rule == "aggregate.table_missing"]
    assert len(missing) == 1 and "某区水务局" in missing[0].message
    total = "requests.received.natural_person"
    assert summary.report.cells[total] == sum(
        r.cells[total] for r in (published["hb25"], published["jt25"], water)
    )


def test_findings_include_carry_over_against_the_same_bodys_previous_report(svc, published):
    hb = svc.supervision.body_report(CITY, "3208", 2025, "hb")
    assert hb.previous_year == 2024 and not hb.preview
    assert not [f for f in hb.findings if f.rule == "cross.carry_over"]  # carried over as published

    water24 = sample(43, "某区水务局", 2024)
    water25 = carried_into(water24, 44, "某区水务局")
    t = get(Version.V2021).table("requests")
    water25.cells[t.cell_id("brought_forward", "commercial")] += 5  # 上年结转 off by 5 …
    water25.cells[t.cell_id("carried_forward", "commercial")] += 5  # … still balanced this year
    svc.supervision.upload(CITY, "320812", 2024, *file_of(water24, "html"))
    got = svc.supervision.upload(CITY, "320812", 2025, *file_of(water25))
    carry = [f for f in got.findings if f.rule == "cross.carry_over"]
    assert got.previous_year == 2024
    assert [f.cells for f in carry] == [
        (t.cell_id("brought_forward", "commercial"), t.cell_id("carried_forward", "commercial"))
    ]
    assert "2024年报告" in carry[0].message
    body = next(b for b in svc.supervision.summary(CITY, "3208", 2025).bodies if b.name == "某区水务局")
    assert carry[0] in body.findings


def test_a_body_not_yet_reported_is_shown_as_the_registers_preview(svc, published, clock):
    from gongkai.access import Actor, Grant, Role

    jy_clerk = Actor("教育局登记员", grants=frozenset({Grant(Role.CLERK, body_id="jy")}))
    svc.requests.register(
        jy_clerk,
        "jy",
        Request(
            "2025-007", "commercial", "in_person", D(2025, 3, 3), content="x", submitted_on=D(2025, 3, 3)
        ),
    )
    got = svc.supervision.body_report(CITY, "3208", 2025, "jy")
    assert got.preview and got.entry.status is ReportStatus.NOT_STARTED
    assert got.report.cells["requests.received.commercial"] == 1


def test_a_replacement_upload_replaces_and_the_year_must_match(svc, published):
    first = svc.supervision.upload(CITY, "320812", 2025, *file_of(sample(45, "某区水务局")))
    second_report = sample(46, "某区水务局")
    second = svc.supervision.upload(CITY, "320812", 2025, *file_of(second_report))
    assert second.upload.id != first.upload.id
    summary = svc.supervision.summary(CITY, "3208", 2025)
    cid = "requests.received.total"
    assert summary.report.cells[cid] == sum(
        r.cells[cid] for r in (published["hb25"], published["jt25"], second_report)
    )
    assert [u.id for u in svc.supervision.uploads(CITY, "3208", 2025)] == [second.upload.id]
    with pytest.raises(InputError, match=r"某区水务局2024年报\.docx是2024年度的报告，不是所选的2025年度"):
        svc.supervision.upload(CITY, "320812", 2025, *file_of(sample(47, "某区水务局", 2024)))


def test_uploads_that_cannot_be_taken_are_refused_with_one_line(svc, published):
    up = svc.supervision.upload
    with pytest.raises(InputError, match=r"“报告\.xls”不是可读取的报告文件（支持 PDF、DOCX"):
        up(CITY, "320812", 2025, "报告.xls", b"\x00\x01")
    with pytest.raises(InputError, match=r"坏文件\.pdf：") as e:
        up(CITY, "320812", 2025, "坏文件.pdf", b"%PDF-1.4 not really a pdf")
    assert "\n" not in str(e.value) and "Traceback" not in str(e.value)
    with pytest.raises(InputError, match=r"空\.txt：文件为空"):
        up(CITY, "320812", 2025, "空.txt", b"")
    with pytest.raises(InputError, match="某区生态环境局已在平台报送2025年度报告，无需上传"):
        up(CITY, "320812", 2025, *file_of(sample(48, "某区生态环境局")))
    with pytest.raises(InputError, match="公开日期"):
        up(CITY, "320812", 2025, *file_of(sample(49, "某区水务局")), published_on=D(2026, 5, 1))
    assert svc.supervision.uploads(CITY, "3208") == []


def test_a_platform_body_without_a_platform_report_may_have_its_published_file_uploaded(svc, published):
    jy = sample(50, "某区教育局")
    got = svc.supervision.upload(CITY, "3208", 2025, *file_of(jy), published_on=D(2026, 1, 19))
    assert got.entry.body_id == "jy" and got.entry.region_id == "320812"
    entry = next(e for e in svc.supervision.bodies(CITY, "3208", 2025) if e.name == "某区教育局")
    assert entry.status is ReportStatus.PUBLISHED and entry.published_on == D(2026, 1, 19)
    assert svc.supervision.body_report(CITY, "3208", 2025, "jy").report.cells == jy.cells


def test_the_summary_downloads_as_xlsx_and_docx(svc, published):
    name, data = svc.supervision.summary_file(CITY, "3208", 2025, "xlsx")
    assert name == "某市2025年政府信息公开工作年度报告（汇总）.xlsx"
    wb = openpyxl.load_workbook(io.BytesIO(data))
    sheet = wb["各机关"]
    rows = {r[2]: r for r in sheet.iter_rows(values_only=True) if r[2] == "requests.received.total"}
    total = (
        published["hb25"].cells["requests.received.total"]
        + published["jt25"].cells["requests.received.total"]
    )
    assert rows["requests.received.total"][-1] == total
    name, data = svc.supervision.summary_file(CITY, "3208", 2025, "docx")
    assert name.endswith("（汇总）.docx") and data[:2] == b"PK"
    with pytest.raises(InputError, match="不支持的下载格式“pdf”"):
        svc.supervision.summary_file(CITY, "3208", 2025, "pdf")


def test_no_summary_without_a_report(svc):
    with pytest.raises(InputError, match="某区尚无已报送、已公开或已上传的2025年度报告，无法汇总"):
        svc.supervision.summary(DISTRICT, "320812", 2025)


def test_supervisors_of_another_region_see_nothing_and_no_supervisor_edits_a_register(svc, published):
    water = svc.supervision.upload(CITY, "320812", 2025, *file_of(sample(51, "某区水务局")))
    sv = svc.supervision
    for call in (
        lambda: sv.bodies(FAR, "3208", 2025),
        lambda: sv.summary(FAR, "3208", 2025),
        lambda: sv.reminders(FAR, "320812", 2025),
        lambda: sv.charts(FAR, "3208", 2025),
        lambda: sv.body_report(FAR, "3208", 2025, "hb"),
        lambda: sv.upload_report(FAR, "3208", water.upload.id),
        lambda: sv.upload_file(FAR, "3208", water.upload.id),
        lambda: sv.upload(FAR, "3208", 2025, *file_of(sample(52, "某区水务局"))),
        lambda: sv.summary(DISTRICT, "3208", 2025),  # a district's office does not see its city
        lambda: sv.bodies(CLERK, "320812", 2025),  # nor does a body's own staff supervise
    ):
        with pytest.raises(PermissionDenied):
            call()
    # a region's office reaching for another region's records through its own region: not found
    with pytest.raises(NotFound):
        sv.body_report(FAR, "9999", 2025, "hb")
    with pytest.raises(NotFound):
        sv.upload_file(FAR, "9999", water.upload.id)
    assert [e.name for e in sv.bodies(FAR, "9999", 2025)] == ["外市民政局"]

    # supervisors read registers across their region and never write one
    request = Request(
        "2025-009", "natural_person", "in_person", D(2025, 5, 6), content="x", submitted_on=D(2025, 5, 6)
    )
    for actor in (CITY, DISTRICT):
        with pytest.raises(PermissionDenied):
            svc.requests.register(actor, "hb", request)
        with pytest.raises(PermissionDenied):
            svc.annual.save_narrative(actor, "jy", 2025, {1: "改写"})
        with pytest.raises(PermissionDenied):
            svc.annual.publish(actor, "jy", 2025)
        with pytest.raises(PermissionDenied):
            svc.reports.seed(actor, "jy", published["hb24"])
    svc.requests.register(CLERK, "hb", request)  # the body's own clerk may
    assert svc.reports.annual(CITY, "hb", 2025).cells["requests.received.natural_person"] == 1
    assert svc.annual.status(REVIEWER, "hb", 2025) is ReportStatus.PUBLISHED


def test_the_summary_is_reused_until_the_regions_data_changes(svc, published):
    first = svc.supervision.summary(CITY, "3208", 2025)
    assert svc.supervision.summary(CITY, "3208", 2025) is first
    svc.store.save_report(
        "jy", 2025, "负责人", submitted_on=D(2026, 1, 19), snapshot=sample(53, "某区教育局").to_dict()
    )
    again = svc.supervision.summary(CITY, "3208", 2025)
    assert again is not first and "某区教育局" in [b.name for b in again.bodies]


def test_a_real_published_pdf_is_read_with_its_blanks_flagged(svc, published):
    from tests.conftest import shared_or_skip

    pdf = shared_or_skip() / "corpus" / "pdf" / "hongze-2024.pdf"
    got = svc.supervision.upload(CITY, "320812", 2024, pdf.name, pdf.read_bytes(), kind="政府")
    assert got.entry.name == "淮安市洪泽区人民政府" and got.entry.kind == "government"
    assert got.report.year == 2024 and got.upload.size == pdf.stat().st_size
    # it prints the old single （六）其他处理 row: the 2021 sub-rows are unread, blank and flagged
    assert "requests.other.no_correction.total" in got.blank_cells
    assert got.report.cells["requests.other.no_correction.total"] is None
    assert any(f.rule == "cell.blank" for f in got.findings)
    summary = svc.supervision.summary(CITY, "3208", 2024)
    assert summary.report.cells["requests.other.no_correction.total"] is None
    cid = "requests.received.total"
    assert summary.report.cells[cid] == published["hb24"].cells[cid] + got.report.cells[cid]
