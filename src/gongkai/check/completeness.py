"""Blank cells and empty tables: what could not be checked because the report left it out."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.check.plan import Plan, section_name
from gongkai.check.rule import Hit
from gongkai.format.spec import SECTIONS
from gongkai.model.values import Value

Cells = dict[str, Value]

#: How many blank cells a message names before it says 等 (the finding's cells list them all).
_NAMED = 5


def _all_blank(cells: Cells, ids: tuple[str, ...]) -> bool:
    return all(cells.get(i) is None for i in ids)


def _empty_sections(cells: Cells, plan: Plan) -> set[int]:
    return {n for n, ids in plan.sections if _all_blank(cells, ids)}


def missing_tables(cells: Cells, plan: Plan) -> Iterator[Hit]:
    """A whole statistical section, or one table of it, with no value at all."""
    empty = _empty_sections(cells, plan)
    for n, ids in plan.sections:
        if n in empty:
            title = next(s.title for s in SECTIONS if s.number == n).split("、", 1)[1]
            yield f"{section_name(n)}“{title}”没有任何数值，无法核对", ids
    for table, ids in plan.tables:
        # A section's only table is covered by the section's finding above.
        if table.section not in empty and _all_blank(cells, ids):
            rows = "、".join(r.label for r in table.rows)
            yield f"{plan.table_name(table)}（{rows}）没有任何数值，无法核对", ids


def blank_cells(cells: Cells, plan: Plan) -> Iterator[Hit]:
    """One hit per table listing its blank cells; wholly empty tables are left to `table.missing`."""
    for table, ids in plan.tables:
        blank = tuple(i for i in ids if cells.get(i) is None)
        if not blank or len(blank) == len(ids):
            continue
        named = "、".join(plan.label(i) for i in blank[:_NAMED])
        more = "等" if len(blank) > _NAMED else ""
        yield (
            f"{plan.table_name(table)}有{len(blank)}个空白单元格：{named}{more}。"
            "空白不等于0，涉及这些单元格的勾稽关系未核对；如为0请填写0",
            blank,
        )
