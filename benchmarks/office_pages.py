"""Milliseconds for what the 主动公开 and 年度报告 pages ask of the service, on a body with many
publications: the catalogue page (30 entries), the 第二十六条 late list, section 二, the report preview
(HTML with the checks) and the DOCX file.

    .venv/bin/python benchmarks/office_pages.py [--publications N] [--rounds R] [--db URL]

The publications are added straight to the store (a third of them published, some late), which is what
months of drafting and approving would leave behind.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta

from gongkai.access import Actor
from gongkai.approval import Subject
from gongkai.proactive import CATEGORY_LABELS, Publication
from gongkai.service import Services

TODAY = date(2026, 6, 30)


def fill(svc: Services, body: str, n: int) -> None:
    rnd = random.Random(7)
    store, cats = svc.store, list(CATEGORY_LABELS)
    for i in range(n):
        formed = TODAY - timedelta(days=rnd.randint(0, 500))
        pub = Publication(f"信息{i:05d}", rnd.choice(cats), formed, doc_number=f"某规〔{formed.year}〕{i}号")
        pub_id = store.add_publication(body, pub, "基准")
        if i % 3:
            store.save_draft(body, Subject.PUBLICATION, str(pub_id), {"title": pub.title}, True, "基准")
        else:
            store.publish(body, pub_id, min(TODAY, formed + timedelta(days=rnd.randint(1, 50))), "基准")


def timed(rounds: int, fn: Callable[[], object]) -> tuple[float, float]:
    """Median and slowest of `rounds` calls, in ms, after one warm-up call."""
    fn()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--publications", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--db", default=None, help="数据库地址（默认临时 SQLite 文件）")
    args = ap.parse_args()
    url = args.db or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    svc = Services.open(url, today=lambda: TODAY)
    svc.store.add_body("bench", "某县基准局", "基准", kind="department")
    start = time.perf_counter()
    fill(svc, "bench", args.publications)
    print(f"{args.publications}条主动公开信息写入：{time.perf_counter() - start:.1f} s")
    a = Actor.operator("基准")
    cases = {
        "目录第一页（30条）": lambda: svc.proactive.catalogue(a, "bench", limit=30),
        "第二十六条超期清单": lambda: svc.proactive.late(a, "bench"),
        "第二部分（本年）": lambda: svc.proactive.section_two(a, "bench", 2026),
        "年度报告预览HTML（含检查）": lambda: svc.annual.preview_html(a, "bench", 2025),
        "年度报告DOCX": lambda: svc.annual.file(a, "bench", 2025, "docx"),
    }
    for name, fn in cases.items():
        median, worst = timed(args.rounds, fn)
        print(f"{name}: 中位数 {median:.1f} ms，最慢 {worst:.1f} ms（{args.rounds}次）")


if __name__ == "__main__":
    main()
