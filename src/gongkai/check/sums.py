"""The printed consistency rules (勾稽关系) 1–4 of FORMAT.md, within one report.

A sum with a blank cell is not checked: a blank is not a zero, and `cell.blank` already reports it.
"""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.check.plan import Plan, Total, section_name
from gongkai.check.rule import Hit
from gongkai.model.values import Value

Cells = dict[str, Value]


def _values(cells: Cells, ids: tuple[str, ...]) -> list[Value] | None:
    values = [cells.get(i) for i in ids]
    return None if any(v is None for v in values) else values


def _spelled_sum(names: tuple[str, ...], values: list[Value]) -> str:
    """ "自然人(1)+商业企业(2)=3" — every part with its number, so the officer can find the slip."""
    return "+".join(f"{n}({v})" for n, v in zip(names, values, strict=True)) + f"={sum(values)}"


def balance(cells: Cells, plan: Plan) -> Iterator[Hit]:
    """Rule 1: received + brought_forward = total + carried_forward, per column of section 三."""
    for b in plan.balances:
        ids = (b.received, b.brought_forward, b.total, b.carried_forward)
        values = _values(cells, ids)
        if values is None:
            continue
        received, brought, total, carried = values
        if received + brought != total + carried:
            n = b.row_names
            left = _spelled_sum(n[:2], [received, brought])
            right = _spelled_sum(n[2:], [total, carried])
            yield f"{section_name(3)}“{b.column}”列：{left}，不等于{right}", ids


def outcomes(cells: Cells, plan: Plan) -> Iterator[Hit]:
    """Rule 2: total = the sum of every outcome row, per column of section 三."""
    for t in plan.outcome_totals:
        ids = (t.total, *t.parts)
        values = _values(cells, ids)
        if values is None:
            continue
        total, *parts = values
        if sum(parts) != total:
            yield (
                f"{section_name(3)}“{t.name}”列：办理结果各项（{t.part_names[0]}至{t.part_names[-1]}）"
                f"之和为{sum(parts)}，不等于{t.total_name}({total})",
                ids,
            )


def _totals(cells: Cells, totals: tuple[Total, ...], where: str, kind: str) -> Iterator[Hit]:
    for t in totals:
        ids = (*t.parts, t.total)
        values = _values(cells, ids)
        if values is None:
            continue
        *parts, total = values
        if sum(parts) != total:
            spelled = _spelled_sum(t.part_names, parts)
            yield f"{where}“{t.name}”{kind}：{spelled}，不等于{t.total_name}({total})", ids


def applicants(cells: Cells, plan: Plan) -> Iterator[Hit]:
    """Rule 3: each row's total = the sum of the six applicant columns, section 三."""
    yield from _totals(cells, plan.applicant_totals, section_name(3), "行")


def appeals(cells: Cells, plan: Plan) -> Iterator[Hit]:
    """Rule 4: each group's total = upheld + corrected + other + pending, section 四."""
    yield from _totals(cells, plan.appeal_totals, section_name(4), "")
