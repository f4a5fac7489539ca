"""The command line contract of parse / check / export: JSON shape, exit codes, one-line errors."""

from __future__ import annotations

import csv
import json

import openpyxl
from typer.testing import CliRunner

from gongkai.cli import app
from gongkai.format import get
from gongkai.samples import SHAPES, consistent_report

runner = CliRunner()


def _write(tmp_path, name, report, shape="tab"):
    path = tmp_path / name
    path.write_bytes(SHAPES[shape][1](report))
    return path


def test_parse_json_contract_and_exit_codes(tmp_path):
    good = consistent_report(3, "2021", year=2023)
    a = _write(tmp_path, "a.txt", good)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\xff" * 100)
    result = runner.invoke(app, ["parse", str(a), str(bad), "--json"])
    assert result.exit_code == 1
    items = json.loads(result.stdout)
    assert [i["source"] for i in items] == [str(a), str(bad)]
    first = items[0]
    assert set(first) >= {"source", "format", "body", "year", "cells", "findings", "error"}
    assert first["format"] == "2021" and first["year"] == 2023 and first["body"] == good.body
    assert list(first["cells"]) == get("2021").ids
    assert first["cells"]["requests.granted.commercial"] == good.cells["requests.granted.commercial"]
    assert first["error"] is None
    assert items[1]["error"] and items[1]["cells"] == {}
    assert f"{bad}：" in result.stderr and "Traceback" not in result.stderr

    ok = runner.invoke(app, ["parse", str(a), "--json"])
    assert ok.exit_code == 0


def test_usage_error_exit_2():
    assert runner.invoke(app, ["parse"]).exit_code == 2
    assert runner.invoke(app, ["parse", "x", "--no-such-option"]).exit_code == 2


def test_check_exit_status_follows_errors(tmp_path):
    clean = _write(tmp_path, "clean.txt", consistent_report(5))
    assert runner.invoke(app, ["check", str(clean)]).exit_code == 0
    broken = consistent_report(5)
    broken.cells["requests.granted.total"] += 1
    path = _write(tmp_path, "broken.txt", broken)
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    assert "sum.applicants" in result.stdout


def test_check_runs_cross_year_rules(tmp_path):
    first = consistent_report(7, "2021", year=2023)
    second = consistent_report(8, "2021", year=2024)
    second.body = first.body
    second.title = f"{first.body}2024年政府信息公开工作年度报告"
    a = _write(tmp_path, "2023.txt", first)
    b = _write(tmp_path, "2024.txt", second)
    result = runner.invoke(app, ["check", str(a), str(b)])
    assert "cross.carry_over" in result.stdout


def test_export_csv_and_xlsx_with_chinese_header(tmp_path):
    r = consistent_report(12, "2021")
    path = _write(tmp_path, "r.html", r, "html")
    out_csv, out_xlsx = tmp_path / "o.csv", tmp_path / "o.xlsx"
    result = runner.invoke(
        app, ["export", str(path), "--csv", str(out_csv), "--xlsx", str(out_xlsx), "--chinese-header"]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(out_csv.open(encoding="utf-8-sig")))
    header, labels, data = rows[0], rows[1], rows[2]
    col = header.index("requests.withheld.state_secret.research")
    assert data[col] == str(r.cells["requests.withheld.state_secret.research"])
    assert "国家秘密" in labels[col]
    sheet = openpyxl.load_workbook(out_xlsx).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[2][col] == r.cells["requests.withheld.state_secret.research"]


def test_export_needs_an_output(tmp_path):
    result = runner.invoke(app, ["export", str(tmp_path)])
    assert result.exit_code == 2


def test_demo_reads_every_shipped_shape(tmp_path):
    result = runner.invoke(app, ["demo", "--dir", str(tmp_path), "--shared", str(tmp_path / "none")])
    assert result.exit_code == 0, result.output
    assert len(list(tmp_path.iterdir())) == len(SHAPES)
    assert "无法读取" not in result.stdout
