"""The supervisor's part of the demo: published reports of two bodies of the county that are not on the
platform, uploaded by the county's 政务公开办 for the last two years — one carried over consistently,
one that printed no section 四 and left a cell blank, so the pages show findings and flagged blanks.

    from gongkai.demo import build
    from gongkai.demo_supervision import uploads
    build(url, extra=[uploads])
"""

from __future__ import annotations

from datetime import date

from gongkai.access import Actor
from gongkai.format.spec import Version, get
from gongkai.model import Report
from gongkai.samples import consistent_report
from gongkai.samples.shapes import docx_bytes
from gongkai.service import Services

REGION = "339901"  # gongkai.demo.COUNTY
OFF_PLATFORM = (("云溪县气象局", "department", 71), ("云溪县烟草专卖局", "other", 73))
_REQUESTS = get(Version.V2021).table("requests")
_APPEALS = get(Version.V2021).table("appeals")


def _report(name: str, year: int, seed: int, previous: Report | None = None) -> Report:
    r = consistent_report(seed=seed, version=Version.V2021, year=year)
    r.body, r.title = name, f"{name}{year}年政府信息公开工作年度报告"
    if previous is not None:  # 上年结转 = last year's 结转下年, the balance kept
        cell = _REQUESTS.cell_id
        for col in _REQUESTS.columns:
            brought, carried = cell("brought_forward", col), cell("carried_forward", col)
            r.cells[carried] += previous.cells[carried] - r.cells[brought]
            r.cells[brought] = previous.cells[carried]
        for col in _REQUESTS.columns[:-1]:  # a negative 结转: more received instead, totals kept
            short = -min(r.cells[cell("carried_forward", col)], 0)
            for row in ("received", "carried_forward"):
                r.cells[cell(row, col)] += short
                r.cells[cell(row, "total")] += short
    return r


def uploads(svc: Services, today: date) -> None:
    office = Actor.operator("县政务公开办（演示）")
    last = today.year - 1
    for name, kind, seed in OFF_PLATFORM:
        before = _report(name, last - 1, seed)
        now = _report(name, last, seed + 1, before)
        if kind == "other":  # this one printed no section 四 and left one cell blank
            for cid in _APPEALS.ids:
                now.cells[cid] = None
            now.cells[_REQUESTS.cell_id("received", "research")] = None
        for r, published in ((before, date(last, 1, 25)), (now, min(today, date(today.year, 1, 28)))):
            file_name = f"{name}{r.year}年政府信息公开工作年度报告.docx"
            svc.supervision.upload(
                office, REGION, r.year, file_name, docx_bytes(r), kind=kind, published_on=published
            )
