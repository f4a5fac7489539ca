"""A consistent report with distinct non-zero values: every 勾稽 rule holds."""

from __future__ import annotations

import random
from decimal import Decimal

from gongkai.format.spec import APPEALS, OUTCOME_ROWS, Kind, Version, get
from gongkai.model.report import Report

BODIES = ("示范县人民政府", "滨江区交通运输局", "青山镇人民政府", "东湖市生态环境局", "北岭街道办事处")
PLACES = ("云溪", "桃源", "石门", "白沙", "清河", "龙泉", "金山", "柳林", "松岗", "梅岭", "杏花", "枫桥")


def _distinct(rng: random.Random, k: int, low: int, high: int) -> list[int]:
    return rng.sample(range(low, high), k)


def consistent_report(
    seed: int = 1, version: Version | str = Version.V2021, year: int | None = None
) -> Report:
    rng = random.Random(seed)
    v = Version(str(version))
    fmt = get(v)
    year = year or (rng.choice((2019, 2020)) if v is Version.V2019 else rng.randint(2021, 2025))
    body = rng.choice(PLACES) + rng.choice(BODIES)
    r = Report.blank(v, body=body, year=year, title=f"{body}{year}年政府信息公开工作年度报告")
    cells = r.cells

    for t in fmt.tables_of(2):
        for row in t.rows:
            for col in t.columns:
                cid = t.cell_id(row, col)
                if col.kind is Kind.AMOUNT:
                    cells[cid] = Decimal(rng.randint(1000, 999999)) / 100
                elif col.kind is Kind.SIGNED:
                    cells[cid] = rng.choice((-1, 1)) * rng.randint(1, 40)
                else:
                    cells[cid] = rng.randint(1, 900)

    req = fmt.table("requests")
    cols = [c.key for c in req.columns[:-1]]
    outcomes = OUTCOME_ROWS[v]
    pool = iter(_distinct(rng, len(outcomes) * len(cols) + 3 * len(cols), 1, 4000))
    for o in outcomes:
        for c in cols:
            cells[req.cell_id(o, c)] = next(pool)
    for c in cols:
        total = sum(cells[req.cell_id(o, c)] for o in outcomes)
        cells[req.cell_id("total", c)] = total
        carried = next(pool) % 97 + 1
        brought = next(pool) % 89 + 1
        cells[req.cell_id("carried_forward", c)] = carried
        cells[req.cell_id("brought_forward", c)] = brought
        cells[req.cell_id("received", c)] = total + carried - brought
    for row in req.rows:
        ids = req.row_ids(row)
        cells[ids[-1]] = sum(cells[i] for i in ids[:-1])

    for g in APPEALS.rows:
        ids = APPEALS.row_ids(g)
        parts = _distinct(rng, 4, 1, 60)
        for cid, val in zip(ids, parts, strict=False):
            cells[cid] = val
        cells[ids[-1]] = sum(parts)

    r.sections = {
        1: f"{year}年，{body}认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息"
        f"{rng.randint(100, 999)}条，依申请公开工作依法规范开展。",
        5: "存在的主要问题：政策解读形式不够丰富。改进情况：下一步将加强业务培训，提升公开质量。",
        6: f"本年度共收取信息处理费{rng.randint(0, 5) * 100}元。"
        f"本报告统计时间为{year}年1月1日至{year}年12月31日。",
    }
    return r
