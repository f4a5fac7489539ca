"""Cell by cell sums over the bodies, and the blanks that keep a sum from being made.

A blank (None) in any body leaves the regional cell blank: adding the other bodies would print a figure
that looks complete and is not. Each blank is reported with the bodies that left it.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import MAX_PREC, Context, Decimal, Inexact, localcontext

from gongkai.check.plan import Plan
from gongkai.format.spec import Kind, Table
from gongkai.model.finding import Finding, error, warning
from gongkai.model.report import Report
from gongkai.model.values import Value

#: Amounts add exactly whatever their digits: the default context would round beyond 28 of them.
_EXACT = Context(prec=MAX_PREC, traps=[Inexact])

#: How many cell labels a message names before it says 等 (the finding's cells list them all).
_NAMED = 5

TABLE_MISSING = "aggregate.table_missing"
BLANK = "aggregate.blank"

BlankBy = dict[str, tuple[str, ...]]  # cell id → the bodies (by name) that left it blank


def _add(values: list[Value], kind: Kind) -> Value:
    with localcontext(_EXACT):
        # An amount stays a Decimal even if a hand-built report gave it as an int.
        return sum(values, Decimal(0)) if kind is Kind.AMOUNT else sum(values)  # type: ignore[arg-type]


def sum_cells(reports: Sequence[Report], plan: Plan) -> dict[str, Value]:
    """Every cell of the format: the sum over the reports, or None where any report left it blank."""
    fmt = plan.format
    out: dict[str, Value] = {}
    for cell_id in fmt.ids:
        values = [r.cells.get(cell_id) for r in reports]
        out[cell_id] = None if any(v is None for v in values) else _add(values, fmt.kind(cell_id))
    return out


def blank_by(reports: Sequence[Report], names: Sequence[str], plan: Plan) -> BlankBy:
    """The bodies that left each cell blank, for the cells some body left blank."""
    out: BlankBy = {}
    for cell_id in plan.format.ids:
        who = tuple(n for n, r in zip(names, reports, strict=True) if r.cells.get(cell_id) is None)
        if who:
            out[cell_id] = who
    return out


def _joined(names: Sequence[str]) -> str:
    return "、".join(names)


def _table_findings(table: Table, ids: tuple[str, ...], blanks: BlankBy, plan: Plan) -> list[Finding]:
    # A body blank in every cell of the table is missing the table: one finding for those bodies, and
    # their blanks are not repeated cell by cell below.
    missing = tuple(n for n in blanks.get(ids[0], ()) if all(n in blanks.get(i, ()) for i in ids))
    where = plan.table_name(table)
    out = []
    if missing:
        out.append(
            error(
                TABLE_MISSING,
                f"{_joined(missing)}的报告{where}没有任何数值，汇总表中该表格为空白（空白不计为0）",
                ids,
            )
        )
    groups: dict[tuple[str, ...], list[str]] = {}
    for i in ids:
        who = tuple(n for n in blanks.get(i, ()) if n not in missing)
        if who:
            groups.setdefault(who, []).append(i)
    for who, cells in groups.items():
        named = "、".join(plan.label(i) for i in cells[:_NAMED]) + ("等" if len(cells) > _NAMED else "")
        out.append(
            warning(
                BLANK,
                f"{where}有{len(cells)}个单元格在{_joined(who)}的报告中空白，汇总表中这些单元格为空白"
                f"（空白不计为0）：{named}",
                cells,
            )
        )
    return out


def blank_findings(blanks: BlankBy, plan: Plan) -> list[Finding]:
    """Per table: the bodies missing it whole (an error), then each set of bodies leaving cells blank."""
    return [f for table, ids in plan.tables for f in _table_findings(table, ids, blanks, plan)]
