"""`gongkai aggregate`: any readable file in, the sum out as JSON, DOCX or XLSX; exit status and
one-line errors as the other commands."""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from tests.aggregate.conftest import expected_sum, region
from typer.testing import CliRunner

from gongkai.cli import app
from gongkai.export.summary_xlsx import BLANK_FILL, BODIES_SHEET, FINDINGS_SHEET, SUM_COLUMN, SUM_SHEET
from gongkai.format.spec import get
from gongkai.read import read_path
from gongkai.samples import SHAPES

runner = CliRunner()
IDS = get("2021").ids
BLANK = "requests.unavailable.needs_creation.legal_services"


@pytest.fixture
def bodies():
    out = region(4)
    out[1].cells[BLANK] = None
    return out


@pytest.fixture
def files(tmp_path, bodies):
    """The four bodies as a text report, a DOCX, an HTML page and the JSON of Report.to_dict()."""
    paths = []
    for n, (report, shape) in enumerate(zip(bodies[:3], ("tab", "docx", "html"), strict=True)):
        name, make = SHAPES[shape]
        path = tmp_path / f"{n}-{name}"
        path.write_bytes(make(report))
        paths.append(path)
    path = tmp_path / "3.json"
    path.write_text(json.dumps(bodies[3].to_dict(), ensure_ascii=False), encoding="utf-8")
    return [*paths, path]


def _run(*args: object):
    return runner.invoke(app, ["aggregate", *map(str, args)])


def _json(result) -> dict:
    return json.loads(result.stdout)


def _assert_sums(cells: dict, bodies) -> None:
    for cell_id in IDS:
        want = expected_sum(bodies, cell_id)
        got = cells[cell_id]
        assert (got is None) if want is None else Decimal(str(got)) == want, cell_id


def test_files_of_every_kind_are_read_and_summed(files, bodies):
    result = _run(*files, "--name", "云溪县", "--json")
    assert result.exit_code == 0, result.stderr
    data = _json(result)
    assert (data["body"], data["year"], data["format"]) == ("云溪县", 2023, "2021")
    assert data["cells"][BLANK] is None
    _assert_sums(data["cells"], bodies)
    assert [b["name"] for b in data["bodies"]] == [b.body for b in bodies]
    assert data["blanks"] == {BLANK: [bodies[1].body]}
    [blank] = [f for f in data["findings"] if f["rule"] == "aggregate.blank"]
    assert blank["cells"] == [BLANK] and bodies[1].body in blank["message"]
    assert data["sections"]["1"].startswith("本报告汇总云溪县4个机关")


def test_the_json_is_a_report_render_and_aggregate_take_again(files, bodies, tmp_path):
    out = tmp_path / "region.json"
    out.write_text(_run(*files, "--name", "北片", "--json").stdout, encoding="utf-8")
    assert runner.invoke(app, ["render", str(out), "--txt", str(tmp_path / "r.txt")]).exit_code == 0
    other = tmp_path / "south.json"
    south = region(4)[0]
    south.body = "南片某局"
    other.write_text(json.dumps(south.to_dict(), ensure_ascii=False), encoding="utf-8")
    data = _json(_run(out, other, "--json"))
    _assert_sums(data["cells"], [*bodies, south])


def test_an_unreadable_file_is_named_on_stderr_and_left_out(files, bodies, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\xff" * 50)
    missing = tmp_path / "missing.pdf"
    result = _run(files[0], bad, files[1], missing, "--json")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert [line.split("：", 1)[0] for line in lines] == [str(bad), str(missing)]
    assert "Traceback" not in result.stderr
    data = _json(result)
    _assert_sums(data["cells"], bodies[:2])
    unread = [f["message"] for f in data["findings"] if f["rule"] == "aggregate.unread"]
    assert unread == [f"未计入汇总：{line}" for line in lines]
    assert [u["source"] for u in data["unread"]] == [str(bad), str(missing)]
    assert "另有2份报告无法读取" in data["sections"]["1"]


def test_the_output_of_parse_json_is_taken_file_by_file(files, bodies, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\xff" * 50)
    parsed = tmp_path / "parsed.json"
    parsed.write_text(runner.invoke(app, ["parse", *map(str, files[:3]), str(bad), "--json"]).stdout)
    result = _run(parsed, files[3], "--json")
    assert result.exit_code == 1 and result.stderr.startswith(f"{bad}：")
    data = _json(result)
    _assert_sums(data["cells"], bodies)
    # The findings parse attached are not listed twice.
    for body in data["bodies"]:
        findings = [json.dumps(f, sort_keys=True) for f in body["findings"]]
        assert len(findings) == len(set(findings))


def test_a_directory_stands_for_its_files(files, bodies):
    result = _run(files[0].parent, "--json")
    assert result.exit_code == 0, result.stderr
    _assert_sums(_json(result)["cells"], bodies)


def test_reports_of_another_year_are_refused_in_one_line(files, tmp_path, bodies):
    later = region(1, year=2024)[0]
    later.body = "云溪县审计局"
    path = tmp_path / "later.json"
    path.write_text(json.dumps(later.to_dict(), ensure_ascii=False), encoding="utf-8")
    result = _run(*files, path, "--xlsx", tmp_path / "out.xlsx")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.strip() == (
        "只能汇总同一年度、同一格式的报告：4份为2023年度（2021年格式），而云溪县审计局为2024年度（2021年格式）"
    )
    assert not (tmp_path / "out.xlsx").exists()


def test_usage_errors_exit_2(files, tmp_path):
    assert _run().exit_code == 2
    both = _run(*files, "--json", "--docx", tmp_path / "a.docx")
    assert both.exit_code == 2 and "只能选择一个" in both.stderr
    assert _run(*files, "--no-such-option").exit_code == 2


def test_docx_is_the_regional_report_in_the_national_layout(files, bodies, tmp_path):
    out = tmp_path / "region.docx"
    result = _run(*files, "--name", "云溪县", "--docx", out)
    assert result.exit_code == 0 and f"已写出 {out}" in result.stdout
    back = read_path(out)  # the national layout read back by gongkai's own DOCX reader
    assert (back.body, back.year) == ("云溪县", 2023)
    _assert_sums(back.cells, bodies)
    assert back.sections[1].startswith("本报告汇总云溪县4个机关")


def test_xlsx_has_the_sum_and_every_body_side_by_side(files, bodies, tmp_path):
    out = tmp_path / "region.xlsx"
    assert _run(*files, "--name", "云溪县", "--xlsx", out).exit_code == 0
    wb = load_workbook(out)
    assert wb.sheetnames == [SUM_SHEET, BODIES_SHEET, FINDINGS_SHEET]

    header, *rows = wb[BODIES_SHEET].iter_rows()
    names = [b.body for b in bodies]
    assert [c.value for c in header] == ["部分", "项目", "单元格编号", *names, SUM_COLUMN]
    assert [r[2].value for r in rows] == IDS
    fmt = get("2021")
    for row in rows:
        cell_id = row[2].value
        assert row[1].value == fmt.label(cell_id)
        for body, cell in zip(bodies, row[3:-1], strict=True):
            want = body.cells[cell_id]
            assert (cell.value is None) if want is None else Decimal(str(cell.value)) == want, cell_id
        want = expected_sum(bodies, cell_id)
        assert (row[-1].value is None) if want is None else Decimal(str(row[-1].value)) == want
    blank_row = rows[IDS.index(BLANK)]
    assert blank_row[4].value is None and blank_row[4].fill == BLANK_FILL and blank_row[-1].fill == BLANK_FILL

    layout = wb[SUM_SHEET]
    values = [c.value for row in layout.iter_rows() for c in row if isinstance(c.value, int | float)]
    sums = [v for v in (expected_sum(bodies, i) for i in IDS) if v is not None]
    assert Counter(Decimal(str(v)) for v in values) == Counter(Decimal(str(v)) for v in sums)
    assert layout.merged_cells.ranges, "the national layout merges its header cells"
    [total_row] = [row for row in layout.iter_rows() if any(c.value == "（七）总计" for c in row)]
    requests = fmt.table("requests")
    got = [c.value for c in total_row if isinstance(c.value, int)]
    assert got == [expected_sum(bodies, i) for i in requests.row_ids("total")]

    findings = list(wb[FINDINGS_SHEET].iter_rows(values_only=True))
    assert findings[0] == ("机关", "来源文件", "级别", "规则", "说明", "涉及单元格")
    assert findings[1][:4] == ("云溪县（汇总）", None, "提示", "aggregate.blank")


def test_previous_reports_give_each_body_its_cross_year_findings(files, bodies, tmp_path):
    requests = get("2021").table("requests")
    before = bodies[2].to_dict()
    before["year"] = 2022
    for column in requests.columns:
        before["cells"][requests.cell_id("carried_forward", column)] = bodies[2].cells[
            requests.cell_id("brought_forward", column)
        ]
    before["cells"][requests.cell_id("carried_forward", "research")] += 3
    for cell_id in get("2021").table("active.20_1").column_ids("in_force"):
        before["cells"][cell_id] = None  # only the carry-over is compared here
    path = tmp_path / "previous" / "2022.json"
    path.parent.mkdir()
    path.write_text(json.dumps(before, ensure_ascii=False), encoding="utf-8")
    data = _json(_run(*files, "--previous", path, "--json"))
    rules = [[f["rule"] for f in b["findings"]] for b in data["bodies"]]
    assert rules[2] == ["cross.carry_over"] and "cross.carry_over" not in rules[0] + rules[1] + rules[3]


def test_plain_output_lists_the_bodies_and_the_headline(files, bodies):
    result = _run(*files, "--name", "云溪县")
    assert result.exit_code == 0
    assert "云溪县2023年政府信息公开工作年度报告（汇总）" in result.stdout
    assert all(b.body in result.stdout for b in bodies)
    received = expected_sum(bodies, "requests.received.total")
    assert f"新收{received}件" in result.stdout and "aggregate.blank" in result.stdout


def test_an_unwritable_output_is_one_line(files, tmp_path):
    result = _run(*files, "--xlsx", tmp_path / "no" / "such" / "dir.xlsx")
    assert result.exit_code == 1 and "无法写入" in result.stderr and "Traceback" not in result.stderr


def test_a_bad_entry_of_a_parse_list_is_named_once(files, bodies, tmp_path):
    listing = tmp_path / "list.json"
    listing.write_text(
        json.dumps([bodies[0].to_dict(), "not a report"], ensure_ascii=False), encoding="utf-8"
    )
    result = _run(listing, files[1], "--json")
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"{listing}第2项：") and line.count(str(listing)) == 1
    _assert_sums(_json(result)["cells"], bodies[:2])
