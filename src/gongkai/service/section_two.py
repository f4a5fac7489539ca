"""Section 二 as an office page shows it beside its catalogue: the 规章 and 行政规范性文件 counted from the
published documents, and the decision counts the office enters — the same cells the annual report prints."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.format.spec import ACTIVE_2021
from gongkai.model.values import Value


@dataclass(frozen=True)
class SectionRow:
    key: str
    label: str
    cells: tuple[tuple[str, Value], ...]  # (cell id, value) in column order


@dataclass(frozen=True)
class SectionTable:
    key: str
    heading: str
    columns: tuple[str, ...]
    rows: tuple[SectionRow, ...]


def section_two(cells: dict[str, Value]) -> tuple[SectionTable, ...]:
    """The section 二 tables of the 2021 format filled from a report's cells (None where blank)."""
    return tuple(
        SectionTable(
            t.key,
            t.heading or "",
            tuple(c.label for c in t.columns),
            tuple(
                SectionRow(
                    r.key, r.label, tuple((t.cell_id(r, c), cells.get(t.cell_id(r, c))) for c in t.columns)
                )
                for r in t.rows
            ),
        )
        for t in ACTIVE_2021
    )
