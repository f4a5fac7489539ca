"""Rule 5 of FORMAT.md: counts are non-negative integers; amounts non-negative; signed changes whole."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from gongkai.check.plan import Plan
from gongkai.check.rule import Hit
from gongkai.model.values import Value

Cells = dict[str, Value]


def _is_whole(v: Value) -> bool:
    # A reader gives ints; JSON or a hand-built report may give a Decimal such as 3.0, which is still whole.
    return isinstance(v, int) or (isinstance(v, Decimal) and v == v.to_integral_value())


def negative(cells: Cells, plan: Plan) -> Iterator[Hit]:
    """Counts and amounts below zero (the 2019 本年增/减 may be negative, so SIGNED cells are left out)."""
    for ids in (plan.counts, plan.amounts):
        for i in ids:
            v = cells.get(i)
            if v is not None and v < 0:
                yield f"{plan.describe(i)}为{v}，不能为负数", (i,)


def not_integer(cells: Cells, plan: Plan) -> Iterator[Hit]:
    """Counts and signed changes that are not whole numbers (amounts may have decimals)."""
    for ids in (plan.counts, plan.signed):
        for i in ids:
            v = cells.get(i)
            if v is not None and not _is_whole(v):
                yield f"{plan.describe(i)}为{v}，件数应为整数", (i,)
