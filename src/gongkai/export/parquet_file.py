"""Parquet export: one row per report, typed columns, written in batches so a national year
(about 200,000 reports) never sits in memory at once.

Columns: source, format, body, year, error, the number of findings of each severity, then one column
per cell id (see `table.CELL_IDS`): counts and changes as int64, amounts as exact decimals in 万元.
A blank cell is null, never 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from gongkai.export.table import CELL_IDS, Failed, Item, as_item
from gongkai.format.spec import FORMATS, Kind
from gongkai.model.finding import Severity

#: Amounts: 38 digits, 10 after the point (元 converted to 万元 adds four places to the printed two).
AMOUNT = pa.decimal128(38, 10)
BATCH = 2000  # reports per row group


def _kinds() -> dict[str, Kind]:
    out: dict[str, Kind] = {}
    for fmt in FORMATS.values():
        out.update({i: fmt.kind(i) for i in fmt.ids})
    return out


def schema() -> pa.Schema:
    kinds = _kinds()
    fields = [
        pa.field("source", pa.string()),
        pa.field("format", pa.string()),
        pa.field("body", pa.string()),
        pa.field("year", pa.int32()),
        pa.field("error", pa.string()),
        pa.field("findings_error", pa.int32()),
        pa.field("findings_warning", pa.int32()),
    ]
    fields += [pa.field(i, AMOUNT if kinds[i] is Kind.AMOUNT else pa.int64()) for i in CELL_IDS]
    return pa.schema(fields)


def _row(item: Item) -> dict:
    item = as_item(item)
    if isinstance(item, Failed):
        return {"source": item.source, "error": item.error}
    severities = [f.severity for f in item.findings]
    row = {
        "source": item.source,
        "format": str(item.format) if item.format else None,
        "body": item.body,
        "year": item.year,
        "error": None,
        "findings_error": severities.count(Severity.ERROR),
        "findings_warning": severities.count(Severity.WARNING),
    }
    for cell_id, value in item.cells.items():
        row[cell_id] = value.quantize(Decimal("1E-10")) if isinstance(value, Decimal) else value
    return row


def write_parquet(items: Iterable[Item], path: str | Path) -> int:
    """Write every report (or failed file) as a row; returns the number of rows."""
    shape = schema()
    count = 0
    with pq.ParquetWriter(str(path), shape, compression="zstd") as writer:
        batch: list[dict] = []
        for item in items:
            batch.append(_row(item))
            if len(batch) >= BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=shape))
                count += len(batch)
                batch = []
        if batch or not count:
            writer.write_table(pa.Table.from_pylist(batch, schema=shape))
            count += len(batch)
    return count
