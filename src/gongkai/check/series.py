"""Cross-year rules 6 and 7 of FORMAT.md, between consecutive years of one body."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator

from gongkai.check.plan import section_name, short
from gongkai.check.rule import Hit
from gongkai.format.spec import Version, get
from gongkai.model.report import Report

_REQUESTS = get(Version.V2021).table("requests")  # rows and columns used here are the same in 2019
_ACTIVE = get(Version.V2021).table("active.20_1")


def body_key(name: str) -> str:
    """A body's name for matching across years: width-folded, without spaces or punctuation."""
    folded = unicodedata.normalize("NFKC", name)
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] not in "PZSC")


def consecutive_pairs(reports: Iterable[Report]) -> Iterator[tuple[Report, Report]]:
    """(last year, this year) for every body with reports in two consecutive years.

    Reports without a body, a year or a format can't be placed in a series and are left out.
    """
    by_body: dict[str, dict[int, list[Report]]] = defaultdict(lambda: defaultdict(list))
    for r in reports:
        if r.body and r.year is not None and r.format is not None:
            by_body[body_key(r.body)][r.year].append(r)
    for years in by_body.values():
        for year in sorted(years):
            for previous in years.get(year - 1, ()):
                for current in years[year]:
                    yield previous, current


def carry_over(previous: Report, current: Report) -> Iterator[Hit]:
    """Rule 6: this year's brought_forward = last year's carried_forward, per column of section 三."""
    brought_name = short(_REQUESTS.row("brought_forward").label)
    carried_name = short(_REQUESTS.row("carried_forward").label)
    for column in _REQUESTS.columns:
        brought_id = _REQUESTS.cell_id("brought_forward", column)
        carried_id = _REQUESTS.cell_id("carried_forward", column)
        brought, carried = current.get(brought_id), previous.get(carried_id)
        if brought is None or carried is None or brought == carried:
            continue
        yield (
            f"{section_name(3)}“{column.label}”列：{current.year}年{brought_name}({brought})，"
            f"不等于{previous.year}年报告的{carried_name}({carried})",
            (brought_id, carried_id),
        )


def in_force(previous: Report, current: Report) -> Iterator[Hit]:
    """Rule 7: in_force(t) = in_force(t-1) + issued(t) - repealed(t), for 规章 and 行政规范性文件.

    Only between two 2021-format reports: the 2019 format has no 现行有效件数.
    """
    if previous.format != Version.V2021 or current.format != Version.V2021:
        return
    for row in _ACTIVE.rows:
        ids = [_ACTIVE.cell_id(row, c) for c in ("in_force", "issued", "repealed")]
        now, issued, repealed = (current.get(i) for i in ids)
        before = previous.get(ids[0])
        if None in (now, issued, repealed, before):
            continue
        expected = before + issued - repealed
        if now != expected:
            label = {c.key: c.label for c in _ACTIVE.columns}
            yield (
                f"{section_name(2)}“{row.label}”：{previous.year}年{label['in_force']}({before})"
                f"+{current.year}年{label['issued']}({issued})-{label['repealed']}({repealed})={expected}，"
                f"不等于{current.year}年{label['in_force']}({now})（如有清理或重新分类，请在报告中说明）",
                tuple(ids),
            )
