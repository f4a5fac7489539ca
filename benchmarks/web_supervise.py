"""The regional summary page over 50 bodies at 200 requests per second on loopback: p50/p95/p99.

    .venv/bin/python benchmarks/web_supervise.py [--bodies 50] [--rate 200] [--seconds 15] [--database URL]

A throwaway SQLite store (or --database, an empty PostgreSQL database) gets a county with `--bodies`
bodies: four in five on the platform with their reports published, one in five not on the platform with
its published report uploaded (DOCX through the readers). The application runs in its own process
(uvicorn, `--workers` processes, 2 by default) as `gongkai serve` would; a supervisor signs in and requests
/supervise/{region}/summary at a fixed rate, the load from `hey` (benchmarks/loadgen.py).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
import loadgen

from gongkai.access import Actor, Grant, Role
from gongkai.dates import beijing_today
from gongkai.org import Region
from gongkai.samples import consistent_report
from gongkai.samples.shapes import docx_bytes
from gongkai.service import Services

REGION = "330100"
PASSWORD = "bench-password-2026"
SECRET = "bench-secret-key"


def populate(url: str, n: int, year: int) -> None:
    svc = Services.open(url)
    op = Actor.operator("基准测试")
    svc.store.add_region(Region(REGION, "基准县", "county"), op.name)
    for i in range(n):
        r = consistent_report(seed=100 + i, version="2021", year=year)
        r.body = name = f"基准县第{i + 1:02d}局"
        r.title = f"{name}{year}年政府信息公开工作年度报告"
        if i % 5 == 4:  # not on the platform: its published file uploaded
            svc.supervision.upload(op, REGION, year, f"{name}.docx", docx_bytes(r))
            continue
        svc.store.add_body(f"b{i:02d}", name, op.name, REGION)
        svc.store.save_report(f"b{i:02d}", year, op.name, published_on=beijing_today(), snapshot=r.to_dict())
    grants = [Grant(Role.SUPERVISOR, region_id=REGION)]
    svc.accounts.create_user(op, "bench", "基准县政务公开办", PASSWORD, grants)
    svc.store.close()


def serve(url: str, port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "GONGKAI_DATABASE_URL": url, "GONGKAI_SECRET_KEY": SECRET}
    args = [sys.executable, "-m", "uvicorn", "gongkai.web.app:create_app", "--factory"]
    args += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log"]
    args += ["--workers", str(workers)]
    proc = subprocess.Popen(args, env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/login", timeout=1)
            return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("服务器未能启动")


def signed_in(base: str) -> httpx.Client:
    c = httpx.Client(base_url=base, timeout=10, limits=httpx.Limits(max_connections=64))
    c.get("/login")
    r = c.post("/login", data={"csrftoken": c.cookies["csrftoken"], "login": "bench", "password": PASSWORD})
    if r.status_code != 303:
        raise SystemExit(f"登录失败：{r.status_code}")
    return c


def pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bodies", type=int, default=50)
    ap.add_argument("--rate", type=float, default=200)
    ap.add_argument("--seconds", type=float, default=15)
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--workers", type=int, default=2, help="uvicorn worker processes (default 2: the cores)")
    ap.add_argument("--database", help="an empty database URL (default: a throwaway SQLite file)")
    a = ap.parse_args()
    year = beijing_today().year - 1
    with tempfile.TemporaryDirectory() as tmp:
        url = a.database or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        t0 = time.perf_counter()
        populate(url, a.bodies, year)
        print(f"数据：{a.bodies}个机关（{a.bodies // 5}个上传），{time.perf_counter() - t0:.1f} s")
        proc = serve(url, a.port, a.workers)
        try:
            client = signed_in(f"http://127.0.0.1:{a.port}")
            path = f"/supervise/{REGION}/summary?year={year}"
            first = client.get(path)
            assert first.status_code == 200 and "汇总" in first.text, first.status_code
            for _ in range(10 * a.workers):  # every worker computes its own summary once
                client.get(path)
            took, size = first.elapsed.total_seconds() * 1000, len(first.content) // 1024
            print(f"首次请求（计算汇总）：{took:.0f} ms，页面 {size} KB")
            one_by_one = []
            for _ in range(100):  # the page's own time, one request after another
                t = time.perf_counter()
                client.get(path)
                one_by_one.append((time.perf_counter() - t) * 1000)
            print(f"逐个请求（无并发）：p50 {pct(one_by_one, 50):.1f} ms  p95 {pct(one_by_one, 95):.1f} ms")
            cookie = loadgen.cookie_header(client)
            base = f"http://127.0.0.1:{a.port}"
            results = loadgen.run(
                [loadgen.Target("summary", base + path, a.rate)], a.seconds, {"Cookie": cookie}
            )
        finally:
            proc.terminate()
            proc.wait(10)
    load_avg = os.getloadavg()[0]
    print(f"{path}：{a.rate:.0f} 次/秒，{a.seconds:.0f} 秒，{a.workers}个进程；负载由 hey 在同一台机器上产生")
    print(f"本机 {os.cpu_count()} 核，测量结束时 1 分钟平均负载 {load_avg:.1f}")
    loadgen.report(results, a.rate)


if __name__ == "__main__":
    main()
