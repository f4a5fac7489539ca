"""write_parquet: read the file back with DuckDB and compare every value, blank and type."""

from __future__ import annotations

from decimal import Decimal

import duckdb
from typer.testing import CliRunner

from gongkai.cli import app
from gongkai.export import CELL_IDS, Failed, write_parquet
from gongkai.model.finding import warning
from gongkai.samples import consistent_report
from gongkai.samples.shapes import SHAPES


def _rows(path) -> list[dict]:
    con = duckdb.connect()
    result = con.execute(f"SELECT * FROM read_parquet('{path}') ORDER BY source")
    names = [d[0] for d in result.description]
    return [dict(zip(names, r, strict=True)) for r in result.fetchall()]


def test_every_cell_round_trips_through_duckdb(tmp_path, reports):
    new, old = reports
    new.cells["requests.total.total"] = None  # a blank stays null, never 0
    new.findings.append(warning("read.ambiguous", "无法确定", ["requests.total.total"]))
    path = tmp_path / "out.parquet"
    assert write_parquet([new, old, Failed("reports/broken.pdf", "文件已损坏")], path) == 3
    rows = {r["source"]: r for r in _rows(path)}
    assert set(rows) == {new.source, old.source, "reports/broken.pdf"}
    for report in (new, old):
        row = rows[report.source]
        assert (row["format"], row["body"], row["year"]) == (str(report.format), report.body, report.year)
        assert {k: row[k] for k in report.cells} == report.cells
        missing = [i for i in CELL_IDS if i not in report.cells]
        assert missing and all(row[i] is None for i in missing)
    assert rows[new.source]["findings_warning"] == 1 and rows[old.source]["findings_warning"] == 0
    assert rows["reports/broken.pdf"]["error"] == "文件已损坏"
    assert rows["reports/broken.pdf"]["requests.total.total"] is None


def test_amounts_are_exact_decimals_and_queries_see_numbers(tmp_path, reports):
    new, old = reports
    new.cells["active.fees.amount"] = Decimal("8123.456789")
    path = tmp_path / "amounts.parquet"
    write_parquet([new, old], path)
    con = duckdb.connect()
    fee, total = con.execute(
        f"""SELECT "active.fees.amount", "requests.received.total" FROM read_parquet('{path}')
            WHERE format = '2021'"""
    ).fetchone()
    assert fee == Decimal("8123.456789") and total == new.cells["requests.received.total"]
    query = f"""SELECT sum("requests.received.total") FROM read_parquet('{path}')"""
    summed = con.execute(query).fetchone()[0]
    assert summed == new.cells["requests.received.total"] + old.cells["requests.received.total"]


def test_many_reports_in_several_row_groups(tmp_path, monkeypatch):
    import gongkai.export.parquet_file as parquet_file

    monkeypatch.setattr(parquet_file, "BATCH", 7)
    made = [consistent_report(i, "2019" if i % 3 else "2021") for i in range(30)]
    for i, r in enumerate(made):
        r.source = f"r{i:03d}.txt"
    path = tmp_path / "many.parquet"
    assert write_parquet(made, path) == 30
    rows = _rows(path)
    assert [r["source"] for r in rows] == [r.source for r in made]
    for report, row in zip(made, rows, strict=True):
        assert {k: row[k] for k in report.cells} == report.cells


def test_cli_export_parquet(tmp_path):
    want = consistent_report(5, "2021")
    name, make = SHAPES["tab"]
    (tmp_path / name).write_bytes(make(want))
    out = tmp_path / "out.parquet"
    result = CliRunner().invoke(app, ["export", str(tmp_path / name), "--parquet", str(out)])
    assert result.exit_code == 0, result.output
    (row,) = _rows(out)
    assert (row["body"], row["year"]) == (want.body, want.year)
    assert {k: row[k] for k in want.cells} == want.cells
