"""The portal under load on loopback: catalogue search and the tracking page at a fixed rate.

`--workers` server processes (uvicorn, the real application with its middleware; requests go to them in
turn, as behind a proxy) serve a store of `--bodies` bodies with `--entries` published catalogue entries
each and one online application; `hey` (benchmarks/loadgen.py) sends requests at `--rate` per second
for `--seconds` and p50/p95/p99 latency are printed per scenario.

    .venv/bin/python benchmarks/web_portal.py                       # SQLite, 200 req/s, 10 s each
    .venv/bin/python benchmarks/web_portal.py --db postgresql+psycopg://postgres@localhost/bench_portal

The portal's own rate limits are lifted for the run (the benchmark is one client).
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import re
import socket
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx

sys.path.insert(0, str(Path(__file__).parent))
import loadgen

WORDS = ["大气污染防治", "部门预算", "招生入学", "规划条件", "行政处罚", "财政资金", "生态\n环境", "政府采购"]
QUERIES = ["预算", "规划", "大气污染防治", "招生入学", "生态环境", "财政资金 2025", "行政处罚决定", "采购"]
PHONE = "13951782468"


def populate(url: str, bodies: int, entries: int, data_dir: Path) -> str:
    """A fresh store with the catalogue and one online application; returns its tracking code."""
    from gongkai.access import Actor
    from gongkai.register import event
    from gongkai.service import Services

    svc = Services.open(url, today=lambda: date(2025, 12, 1), data_dir=data_dir)
    op = Actor.operator("基准测试")
    rnd = random.Random(7)
    with svc.store.engine.begin() as c:  # PostgreSQL: a clean slate in a reused database
        if c.dialect.name == "postgresql":
            from gongkai.store.models import Base

            names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
            c.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
    for b in range(bodies):
        body = f"b{b:02d}"
        svc.store.add_body(body, f"某县第{b + 1}局", op.name)
        with svc.store.unit() as s:
            _catalogue(svc, s, body, entries, rnd, op)
    form = {
        "kind": "person",
        "name": "韦明远",
        "id_type": "resident_id",
        "id_number": "320811198506152313",
        "phone": PHONE,
        "content": "2025年大气污染防治专项资金分配方案",
        "medium": "electronic",
        "delivery": "online",
    }
    from gongkai.demo_portal import id_scan

    receipt = svc.portal.apply("b00", form, id_scan(), "id.png")
    svc.portal.confirm(op, "b00", receipt.case_no, date(2025, 12, 1))
    svc.requests.record(
        op, "b00", receipt.case_no, event("correction_requested", date(2025, 12, 1), days=10, missing="描述")
    )
    svc.store.close()
    return receipt.code


def _catalogue(svc, s, body: str, entries: int, rnd: random.Random, op) -> None:
    from gongkai.proactive import Publication

    for i in range(entries):
        w1, w2 = rnd.sample(WORDS, 2)
        formed = date(2025, 1, 2) + timedelta(days=rnd.randrange(300))
        pub = Publication(
            f"关于{w1}工作的通知（{i}）",
            rnd.choice(["finance", "planning", "announcement", "enforcement"]),
            formed,
            f"本文件涉及{w2}，自{formed.year}年起施行。",
            text=f"为做好{w1}工作，现就有关事项通知如下。\n一、{w2}按照规定执行。\n" * 3,
        )
        pub_id = svc.store.add_publication(body, pub, op.name, session=s)
        svc.store.publish(body, pub_id, formed, op.name, session=s)


def serve(url: str, port: int, data_dir: str) -> None:
    import uvicorn

    from gongkai.service import Services
    from gongkai.web.app import create_app
    from gongkai.web.settings import Settings

    app = create_app(Settings(database_url=url), Services.open(url, data_dir=data_dir))
    app.state.portal_rates = {"apply": "1000000/minute", "track": "1000000/minute"}
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="error")


def search_targets(bases: list[str], rate: float) -> list[loadgen.Target]:
    """Half the searches portal-wide, half in one body's catalogue; every query, the servers in turn."""
    urls = []
    for i, q in enumerate(QUERIES * 2):
        base = bases[i % len(bases)]
        path = f"/search?q={quote(q)}" if i % 2 else f"/gk/b{i % 10:02d}/catalogue/?q={quote(q)}"
        urls.append(base + path)
    return [loadgen.Target("search", u, rate / len(urls)) for u in urls]


def track_targets(bases: list[str], rate: float, code: str) -> tuple[list[loadgen.Target], dict]:
    """The tracking form posted with its CSRF token (cookie and field, as a browser sends them); each
    server process signs its own tokens."""
    targets = []
    for base in bases:
        with httpx.Client() as c:
            c.get(f"{base}/track")
            token = c.cookies["csrftoken"]
        body = urlencode({"csrftoken": token, "code": code, "phone": PHONE[-4:]})
        cookie = (("Cookie", f"csrftoken={token}"),)
        targets.append(
            loadgen.Target("track", f"{base}/track", rate / len(bases), "POST", body, headers=cookie)
        )
    return targets, {}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="数据库地址（默认临时 SQLite 文件）")
    ap.add_argument("--bodies", type=int, default=10)
    ap.add_argument("--entries", type=int, default=300, help="每个机关的主动公开信息条数")
    ap.add_argument("--rate", type=int, default=200)
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--workers", type=int, default=1, help="服务器进程数（客户端轮流发送）")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="gongkai-bench-"))
    url = args.db or f"sqlite:///{tmp / 'portal.sqlite3'}"
    t = time.perf_counter()
    code = populate(url, args.bodies, args.entries, tmp / "uploads")
    backend = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
    print(
        f"{backend}：{args.bodies}个机关 × {args.entries}条主动公开信息，"
        f"准备用时{time.perf_counter() - t:.0f}秒"
    )
    servers, bases = [], []
    for _ in range(args.workers):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        server = multiprocessing.get_context("spawn").Process(
            target=serve, args=(url, port, str(tmp / "uploads")), daemon=True
        )
        server.start()
        servers.append(server)
        bases.append(f"http://127.0.0.1:{port}")
    for base in bases:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/healthz").status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
    try:
        with httpx.Client(base_url=bases[0]) as c:  # the pages answer what the benchmark expects
            c.get("/track")
            r = c.post(
                "/track", data={"csrftoken": c.cookies["csrftoken"], "code": code, "phone": PHONE[-4:]}
            )
            assert "待补正" in r.text, r.text[:300]
            assert re.search(r"共找到\d+条", c.get("/search", params={"q": "预算"}).text)
        for name, (targets, headers) in (
            ("目录检索（中文，含两字词）", (search_targets(bases, args.rate), {})),
            ("办理进度查询页", track_targets(bases, args.rate, code)),
        ):
            loadgen.run(targets, 1, headers)  # warm-up
            print(f"{name}：")
            loadgen.report(loadgen.run(targets, args.seconds, headers), args.rate)
    finally:
        for server in servers:
            server.terminate()
            server.join(5)


if __name__ == "__main__":
    main()
