"""CSV export."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from gongkai.export.table import COLUMNS, LABELS, Item, rows, writing


def _text(value: object) -> str:
    if value is None:
        return ""  # a blank stays blank, never 0
    if isinstance(value, Decimal):
        return format(value, "f")  # exact, and never 1E+2
    return str(value)


def write_csv(items: Iterable[Item], path: str | Path, chinese_header: bool = False) -> None:
    """One row per report (or failed file). With `chinese_header`, a second header row gives the labels."""
    # UTF-8 with a BOM ("utf-8-sig"): without it Excel on Windows reads the file as GBK and garbles Chinese.
    with writing(path), open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        if chinese_header:
            w.writerow(LABELS)
        w.writerows([_text(v) for v in row] for row in rows(items))
