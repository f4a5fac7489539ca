"""write_xlsx: read the workbook back with openpyxl and compare every value."""

from __future__ import annotations

from decimal import Decimal

from openpyxl import load_workbook

from gongkai.export import CELL_IDS, COLUMNS, LABELS, Failed, write_xlsx


def _rows(path):
    ws = load_workbook(path).active  # not read_only: that mode drops trailing empty cells
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_every_value_round_trips(tmp_path, reports):
    path = tmp_path / "out.xlsx"
    write_xlsx(reports, path)
    header, *rows = _rows(path)
    assert tuple(header) == COLUMNS
    for report, row in zip(reports, rows, strict=True):
        got = dict(zip(header, row, strict=True))
        assert (got["source"], got["format"], got["body"], got["year"], got["error"]) == (
            report.source,
            str(report.format),
            report.body,
            report.year,
            None,
        )
        for cell_id in CELL_IDS:
            want = report.cells.get(cell_id)
            value = got[cell_id]
            if isinstance(want, Decimal):
                assert Decimal(str(value)) == want, cell_id
            else:
                assert value == want and type(value) is type(want), cell_id
    new = dict(zip(header, rows[0], strict=True))
    assert new["active.fees.amount"] == 10.1 and new["requests.received.natural_person"] == 11
    assert new["active.procurement.amount"] is None


def test_chinese_header_is_row_two(tmp_path, reports):
    path = tmp_path / "out.xlsx"
    write_xlsx(reports, path, chinese_header=True)
    header, labels, *rows = _rows(path)
    assert tuple(header) == COLUMNS
    assert tuple(labels) == LABELS
    got = dict(zip(header, labels, strict=True))
    assert got["body"] == "机关名称"
    assert got["requests.carried_forward.total"] == "四、结转下年度继续办理·总计"
    assert len(rows) == 2
    assert load_workbook(path).active.freeze_panes == "F3"


def test_blanks_empty_zero_kept_long_amount_exact(tmp_path, reports):
    new, _ = reports
    new.cells["requests.granted.research"] = None
    new.cells["active.licensing.decisions"] = 0
    new.cells["active.fees.amount"] = Decimal("123456789012.345678")
    path = tmp_path / "out.xlsx"
    write_xlsx([new, Failed("c.pdf", "扫描件，无文字层")], path)
    header, row, failed = _rows(path)
    got = dict(zip(header, row, strict=True))
    assert got["requests.granted.research"] is None
    assert got["active.licensing.decisions"] == 0
    assert Decimal(got["active.fees.amount"]) == Decimal("123456789012.345678")
    fail = dict(zip(header, failed, strict=True))
    assert (fail["source"], fail["error"]) == ("c.pdf", "扫描件，无文字层")
    assert all(fail[c] is None for c in ("format", "year", *CELL_IDS))
