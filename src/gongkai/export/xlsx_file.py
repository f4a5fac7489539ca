"""XLSX export."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from gongkai import atomic
from gongkai.export.table import COLUMNS, LABELS, Item, rows

#: Excel keeps numbers as doubles: 15 significant digits are exact, more are not.
_EXCEL_DIGITS = 15


def _cell(value: object) -> object:
    # openpyxl writes a Decimal through float; one with more digits than a double holds goes in as text,
    # so the file keeps the amount exactly as read.
    if isinstance(value, Decimal) and len(value.as_tuple().digits) > _EXCEL_DIGITS:
        return format(value, "f")
    return value


def _discard(ws) -> None:
    # A write-only sheet streams into a temporary file of openpyxl's; an export that fails (a batch
    # half-way, a folder that cannot be written) finishes that stream and removes the file instead of
    # leaving both to the garbage collector.
    with contextlib.suppress(Exception):  # the sheet may already be closed by a save that failed later
        ws.close()
    with contextlib.suppress(OSError):
        ws._writer.cleanup()


def write_xlsx(items: Iterable[Item], path: str | Path, chinese_header: bool = False) -> None:
    """One row per report (or failed file) on one sheet; with `chinese_header`, row 2 gives the labels.

    Counts and amounts are numbers (amounts exact up to Excel's 15 significant digits, text beyond);
    blanks are empty cells, never 0.
    """
    wb = Workbook(write_only=True)  # streams rows: thousands of reports × 231 columns stay cheap
    ws = wb.create_sheet("reports")
    ws.freeze_panes = "F3" if chinese_header else "F2"  # keep the header and the fixed columns in view
    ws.append(COLUMNS)
    if chinese_header:
        ws.append(LABELS)
    try:
        for row in rows(items):
            ws.append([_cell(v) for v in row])
        with atomic.target(path) as tmp:
            wb.save(tmp)
    except BaseException:
        _discard(ws)
        raise
