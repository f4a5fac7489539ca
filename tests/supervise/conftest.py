"""A city (3208) with a district (320812) under it and another city (9999): platform bodies whose reports
were published, and the report files of bodies not on the platform, all with distinct non-zero values."""

from __future__ import annotations

from datetime import date as D

import pytest

from gongkai.access import Actor, Grant, Role
from gongkai.format.spec import Version, get
from gongkai.model import Report
from gongkai.org.model import Region
from gongkai.samples import consistent_report
from gongkai.samples.shapes import docx_bytes, html, tab_text
from gongkai.service import Services

CITY = Actor("市政务公开办", grants=frozenset({Grant(Role.SUPERVISOR, region_id="3208")}))
DISTRICT = Actor("区政务公开办", grants=frozenset({Grant(Role.SUPERVISOR, region_id="320812")}))
FAR = Actor("外市政务公开办", grants=frozenset({Grant(Role.SUPERVISOR, region_id="9999")}))
CLERK = Actor("环保局登记员", grants=frozenset({Grant(Role.CLERK, body_id="hb")}))
REVIEWER = Actor("环保局负责人", grants=frozenset({Grant(Role.REVIEWER, body_id="hb")}))


class Clock:
    def __init__(self, day: D):
        self.day = day

    def __call__(self) -> D:
        return self.day


def sample(seed: int, name: str, year: int = 2025) -> Report:
    r = consistent_report(seed=seed, version=Version.V2021, year=year)
    r.body, r.title = name, f"{name}{year}年政府信息公开工作年度报告"
    return r


def carried_into(previous: Report, seed: int, name: str) -> Report:
    """This year's report of the same body, its 上年结转 equal to last year's 结转下年 (and balanced)."""
    r = sample(seed, name, previous.year + 1)
    t = get(Version.V2021).table("requests")
    for col in t.columns:
        brought, carried = t.cell_id("brought_forward", col), t.cell_id("carried_forward", col)
        r.cells[carried] += previous.cells[carried] - r.cells[brought]
        r.cells[brought] = previous.cells[carried]
    return r


FILES = {"docx": docx_bytes, "txt": lambda r: tab_text(r).encode(), "html": lambda r: html(r).encode()}


def file_of(report: Report, fmt: str = "docx") -> tuple[str, bytes]:
    return f"{report.body}{report.year}年报.{fmt}", FILES[fmt](report)


@pytest.fixture
def clock():
    return Clock(D(2026, 1, 20))


@pytest.fixture
def svc(store, clock):
    store.add_region(Region("3208", "某市", "city"), "管理员")
    store.add_region(Region("320812", "某区", "county", parent_id="3208"), "管理员")
    store.add_region(Region("9999", "外市", "city"), "管理员")
    store.add_body("hb", "某区生态环境局", "管理员", "320812")
    store.add_body("jy", "某区教育局", "管理员", "320812")
    store.add_body("gov", "某区人民政府", "管理员", "320812", kind="government")
    store.add_body("jt", "某市交通运输局", "管理员", "3208")
    store.add_body("far", "外市民政局", "管理员", "9999")
    return Services(store, today=clock)


@pytest.fixture
def published(svc):
    """某区生态环境局 published its 2024 and 2025 reports (carry-over consistent); 某市交通运输局 submitted
    2025 (not published); 外市民政局 published 2025 in the other city."""
    hb24 = sample(31, "某区生态环境局", 2024)
    hb25 = carried_into(hb24, 32, "某区生态环境局")
    svc.store.save_report("hb", 2024, "负责人", published_on=D(2025, 1, 20), snapshot=hb24.to_dict())
    svc.store.save_report("hb", 2025, "负责人", published_on=D(2026, 1, 15), snapshot=hb25.to_dict())
    jt25 = sample(33, "某市交通运输局")
    svc.store.save_report("jt", 2025, "负责人", submitted_on=D(2026, 1, 16), snapshot=jt25.to_dict())
    svc.store.save_report(
        "far", 2025, "负责人", published_on=D(2026, 1, 10), snapshot=sample(34, "外市民政局").to_dict()
    )
    return {"hb24": hb24, "hb25": hb25, "jt25": jt25}
