"""write_csv: read the file back with the csv module and compare every value."""

from __future__ import annotations

import csv
from decimal import Decimal

from gongkai.export import CELL_IDS, COLUMNS, LABELS, Failed, write_csv
from gongkai.format.spec import get


def _read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def _expected_text(report, cell_id):
    v = report.cells.get(cell_id)
    return "" if v is None else str(v)


def test_columns_order():
    ids_2021, ids_2019 = get("2021").ids, get("2019").ids
    assert COLUMNS[:5] == ("source", "format", "body", "year", "error")
    assert list(CELL_IDS[: len(ids_2021)]) == ids_2021
    assert list(CELL_IDS[len(ids_2021) :]) == [i for i in ids_2019 if i not in set(ids_2021)]
    assert len(set(COLUMNS)) == len(COLUMNS)
    assert "active.procurement.amount" in CELL_IDS and "requests.other.total" in CELL_IDS


def test_every_value_round_trips(tmp_path, reports):
    path = tmp_path / "out.csv"
    write_csv(reports, path)
    header, *rows = _read(path)
    assert tuple(header) == COLUMNS
    assert len(rows) == 2
    for report, row in zip(reports, rows, strict=True):
        got = dict(zip(header, row, strict=True))
        assert got["source"] == report.source
        assert got["format"] == str(report.format)
        assert got["body"] == report.body
        assert got["year"] == str(report.year)
        assert got["error"] == ""
        for cell_id in CELL_IDS:
            assert got[cell_id] == _expected_text(report, cell_id), cell_id
    new, old = (dict(zip(header, r, strict=True)) for r in rows)
    # Spot checks against hand-written values, not only the helper above.
    assert new["active.regulations.issued"] == "1"
    assert new["active.fees.amount"] == "10.10"
    assert new["active.procurement.amount"] == "" and new["requests.other.total"] == ""
    assert old["active.regulations.in_force"] == ""
    assert old["active.licensing.change"] == "-1008"
    assert old["active.procurement.amount"] == "1022.52"
    assert Decimal(old["active.procurement.amount"]) == reports[1].cells["active.procurement.amount"]


def test_blanks_are_empty_and_amounts_exact(tmp_path, reports):
    new, _ = reports
    new.cells["requests.granted.research"] = None
    new.cells["appeals.reconsideration.total"] = None
    new.cells["active.fees.amount"] = Decimal("1E+2")
    new.cells["active.licensing.decisions"] = 0
    path = tmp_path / "out.csv"
    write_csv([new], path)
    header, row = _read(path)
    got = dict(zip(header, row, strict=True))
    assert got["requests.granted.research"] == ""
    assert got["appeals.reconsideration.total"] == ""
    assert got["active.fees.amount"] == "100"
    assert got["active.licensing.decisions"] == "0"  # a real zero stays zero


def test_utf8_bom_and_chinese_header(tmp_path, reports):
    path = tmp_path / "out.csv"
    write_csv(reports, path, chinese_header=True)
    assert path.read_bytes().startswith(b"\xef\xbb\xbfsource,format,body,year,error,")
    header, labels, *rows = _read(path)
    assert tuple(labels) == LABELS
    got = dict(zip(header, labels, strict=True))
    assert got["source"] == "来源文件" and got["error"] == "读取错误"
    assert got["requests.granted.natural_person"] == "（一）予以公开·自然人"
    assert got["active.regulations.in_force"] == "规章·现行有效件数"
    assert got["active.procurement.amount"] == "政府集中采购·采购总金额"
    assert got["appeals.litigation_direct.total"] == "行政诉讼未经复议直接起诉·总计"
    assert len(rows) == 2


def test_failed_reads_get_a_row(tmp_path, reports):
    path = tmp_path / "out.csv"
    write_csv([Failed("a.pdf", "文件已损坏，无法打开"), reports[0], ("b.doc", "不支持的格式")], path)
    header, *rows = _read(path)
    failed = [dict(zip(header, r, strict=True)) for r in (rows[0], rows[2])]
    assert [(f["source"], f["error"]) for f in failed] == [
        ("a.pdf", "文件已损坏，无法打开"),
        ("b.doc", "不支持的格式"),
    ]
    assert all(f[c] == "" for f in failed for c in ("format", "body", "year", *CELL_IDS))
    assert dict(zip(header, rows[1], strict=True))["year"] == "2022"
