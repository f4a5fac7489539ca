"""What may be summed: reports of one year and one format, each body once.

Anything else is refused with an `AggregateError` before a single cell is added, so a regional figure
never mixes years, formats or a body counted twice.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from gongkai.check import body_key
from gongkai.errors import InputError
from gongkai.format.spec import Version
from gongkai.model.report import Report


class AggregateError(InputError):
    """Reports that cannot be summed together. One Chinese line naming the reports and the cause."""

    code = "aggregate"


def body_name(report: Report, position: int) -> str:
    """How the summary names a body: its name, else its file's name, else its place in the list (1-based)."""
    if report.body:
        return report.body
    if report.source:
        return Path(report.source).name
    return f"第{position}份报告"


def _edition(report: Report) -> tuple[int, Version]:
    assert report.year is not None and report.format is not None
    return report.year, Version(str(report.format))


def _describe(edition: tuple[int, Version]) -> str:
    year, version = edition
    return f"{year}年度（{version}年格式）"


def _unplaced(reports: Sequence[Report]) -> None:
    for n, r in enumerate(reports, 1):
        missing = [what for what, v in (("年度", r.year), ("格式", r.format)) if v is None]
        if missing:
            name = body_name(r, n)
            raise AggregateError(
                f"{name}：未识别报告{'和'.join(missing)}，无法确认与其他报告同年度、同格式，不能汇总",
                code="aggregate.unplaced",
                report=name,
            )


def _one_edition(reports: Sequence[Report]) -> tuple[int, Version]:
    counts = Counter(_edition(r) for r in reports)
    if len(counts) == 1:
        return next(iter(counts))
    # The most common edition is taken as the intended one, so the message names the odd reports out.
    main = counts.most_common(1)[0][0]
    odd = [(body_name(r, n), _edition(r)) for n, r in enumerate(reports, 1) if _edition(r) != main]
    named = "；".join(f"{name}为{_describe(e)}" for name, e in odd)
    raise AggregateError(
        f"只能汇总同一年度、同一格式的报告：{len(reports) - len(odd)}份为{_describe(main)}，而{named}",
        code="aggregate.mixed",
        year=main[0],
        format=str(main[1]),
    )


def _each_body_once(reports: Sequence[Report]) -> None:
    seen: dict[str, list[int]] = defaultdict(list)
    for n, r in enumerate(reports, 1):
        if r.body:
            seen[body_key(r.body)].append(n)
    for positions in seen.values():
        if len(positions) > 1:
            first = reports[positions[0] - 1]
            where = "、".join(str(reports[p - 1].source or f"第{p}份") for p in positions)
            raise AggregateError(
                f"{first.body}的报告出现了{len(positions)}次（{where}），同一机关只能计入一次",
                code="aggregate.duplicate",
                body=first.body,
            )


def edition_of(reports: Sequence[Report]) -> tuple[int, Version]:
    """The (year, format) every report shares; raises AggregateError when they do not, or cannot be summed."""
    if not reports:
        raise AggregateError("没有可汇总的报告", code="aggregate.empty")
    _unplaced(reports)
    edition = _one_edition(reports)
    _each_body_once(reports)
    return edition
