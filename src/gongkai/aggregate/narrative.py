"""Section 一 of the regional report: which bodies were summed, and which left blanks or had errors.

Only facts the summary knows; the office writes the rest of the narrative itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from gongkai.aggregate.bodies import BodyResult


def _names(bodies: Sequence[BodyResult]) -> str:
    return "、".join(b.name for b in bodies)


def overview(region: str, year: int, bodies: Sequence[BodyResult], unread: Sequence[str]) -> str:
    """One paragraph per line: the bodies summed, those with blanks, those with errors, files left out."""
    lines = [
        f"本报告汇总{region}{len(bodies)}个机关的{year}年政府信息公开工作年度报告统计数据，"
        f"各表数值为下列机关报告相应单元格之和：{_names(bodies)}。"
    ]
    blank = [b for b in bodies if b.blank_cells]
    if blank:
        lines.append(
            f"{_names(blank)}的报告有空白单元格或整张表格没有数值，汇总表中相应单元格保留空白，未按0计算。"
        )
    wrong = [b for b in bodies if b.errors]
    if wrong:
        lines.append(f"{_names(wrong)}的报告经检查发现错误，其数值按原报告计入汇总，请核实。")
    if unread:
        lines.append(f"另有{len(unread)}份报告无法读取，未计入汇总：{'、'.join(unread)}。")
    return "\n".join(lines)
