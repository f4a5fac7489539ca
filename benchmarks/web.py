"""Benchmark: the office pages under load — PostgreSQL with 100,000 requests over 50 bodies, the request
list and the dashboard requested at a fixed rate (200 per second by default) against `gongkai serve`
with 2 workers on loopback; p50, p95 and p99 printed per page.

    .venv/bin/python benchmarks/web.py                         # 100,000 requests, 200 req/s for 20 s
    .venv/bin/python benchmarks/web.py --rate 100 --seconds 10 --requests 20000

The register is bulk-loaded with COPY (benchmarks/register.py's generator, spread over the bodies). The
load is open-loop: a request starts every 1/rate seconds whether or not the earlier ones have finished
(so a slow server shows as latency, not as a lower rate), at most --seconds long and --max-inflight at
once. One signed-in user holds the 登记员 role in every body; each request picks a random body. The load
generator (asyncio + httpx) runs on the same machine as the server and PostgreSQL: say so with the
figures. A throwaway database is created (PG_ADMIN_URL) and dropped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import re
import secrets
import signal
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).parent))
import register as register_bench
from gongkai.access import Actor, Grant, Role
from gongkai.org import Region
from gongkai.service import Services

BODIES = 50
SERVER_LOG = "/tmp/gongkai-webbench-server.log"
PASSWORD = "bench-password-1"


def load(url: str, n: int) -> list[str]:
    """Regions, bodies, the user and n requests spread over the bodies; returns the body ids."""
    svc = Services.open(url)
    op = Actor.operator("bench")
    svc.store.add_region(Region("999901", "基准县"), op.name)
    ids = [f"b{i:02d}" for i in range(BODIES)]
    for b in ids:
        svc.store.add_body(b, f"基准机关{b}", op.name, "999901")
    svc.accounts.create_user(op, "bench", "基准用户", PASSWORD, [Grant(Role.CLERK, b) for b in ids])
    year = svc.requests.today().year
    t = time.perf_counter()
    requests, events = register_bench.generate(n, year - 1, 2)
    body_of = {r[0]: ids[r[0] % BODIES] for r in requests}
    requests = [(r[0], body_of[r[0]], *r[2:]) for r in requests]
    events = [(e[0], e[1], body_of[e[1]], *e[3:]) for e in events]
    register_bench.load_postgres(svc.store, requests, events)  # COPY, sequences, VACUUM ANALYZE
    print(f"loaded {len(requests):,} requests and {len(events):,} events in {time.perf_counter() - t:.1f}s")
    svc.store.close()
    return ids


def serve(url: str, port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "GONGKAI_DATABASE_URL": url, "GONGKAI_SECRET_KEY": secrets.token_urlsafe(32)}
    gongkai = Path(sys.executable).parent / "gongkai"
    log = open(SERVER_LOG, "w")  # noqa: SIM115  (the server writes to it until it is stopped)
    proc = subprocess.Popen(
        [str(gongkai), "serve", "--port", str(port), "--workers", str(workers)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: the workers are stopped with it
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).text == "ok":
                return proc
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("服务器未能启动：" + Path(SERVER_LOG).read_text()[-2000:])


async def signed_in(base: str) -> httpx.AsyncClient:
    client = httpx.AsyncClient(base_url=base, timeout=30, limits=httpx.Limits(max_connections=200))
    page = await client.get("/login")
    token = re.search(r'name="csrftoken" value="([^"]+)"', page.text).group(1)
    r = await client.post("/login", data={"csrftoken": token, "login": "bench", "password": PASSWORD})
    if r.status_code != 303:
        raise SystemExit(f"登录失败：{r.status_code}")
    return client


async def run_load(base: str, ids: list[str], rate: float, seconds: float, max_inflight: int) -> dict:
    client = await signed_in(base)
    rnd = random.Random(7)
    pages = {"list": "/office/{b}/requests", "dashboard": "/office/{b}/"}
    # warm-up: every worker process and its connection pool
    await asyncio.gather(*(client.get(p.format(b=ids[0])) for p in pages.values() for _ in range(8)))
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    inflight = asyncio.Semaphore(max_inflight)
    skipped = 0

    async def one(kind: str, path: str) -> None:
        async with inflight:
            t = time.perf_counter()
            try:
                r = await client.get(path)
                ok = r.status_code == 200
            except httpx.HTTPError:
                ok = False
            (
                latencies[kind].append(time.perf_counter() - t)
                if ok
                else errors.__setitem__(kind, errors[kind] + 1)
            )

    tasks = []
    start = time.perf_counter()
    n = int(rate * seconds)
    for i in range(n):
        due = start + i / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        if inflight.locked():
            skipped += 1  # the server is saturated: counted, not queued without bound
            continue
        kind = "list" if i % 2 else "dashboard"
        tasks.append(asyncio.create_task(one(kind, pages[kind].format(b=rnd.choice(ids)))))
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - start
    await client.aclose()
    return {
        "latencies": latencies,
        "errors": errors,
        "elapsed": elapsed,
        "sent": len(tasks),
        "skipped": skipped,
    }


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))] * 1000


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=100_000)
    ap.add_argument("--rate", type=float, default=200, help="requests per second")
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--port", type=int, default=8701)
    ap.add_argument("--max-inflight", type=int, default=400)
    ap.add_argument(
        "--pg-admin-url",
        default=os.environ.get("PG_ADMIN_URL", "postgresql+psycopg://postgres@localhost:5432/test"),
    )
    args = ap.parse_args(argv)
    name = f"gongkai_webbench_{secrets.token_hex(4)}"
    admin = create_engine(args.pg_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    url = args.pg_admin_url.rsplit("/", 1)[0] + "/" + name
    proc = None
    try:
        ids = load(url, args.requests)
        proc = serve(url, args.port, args.workers)
        res = asyncio.run(
            run_load(f"http://127.0.0.1:{args.port}", ids, args.rate, args.seconds, args.max_inflight)
        )
    finally:
        if proc is not None:
            status = proc.poll()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(10)
            if status is not None:
                print(f"the server had stopped by itself (status {status}); its log: {SERVER_LOG}")
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    done = sum(len(v) for v in res["latencies"].values())
    print(
        f"\n{args.requests:,} requests over {BODIES} bodies, PostgreSQL, {args.workers} workers; "
        f"offered {args.rate:g} req/s for {args.seconds:g} s: {done} answered in {res['elapsed']:.1f} s "
        f"({done / res['elapsed']:.0f} req/s), errors {dict(res['errors']) or 0}, "
        f"not sent (server saturated) {res['skipped']}"
    )
    every = [x for v in res["latencies"].values() for x in v]
    for kind, values in [*sorted(res["latencies"].items()), ("all", every)]:
        if values:
            print(
                f"  {kind:<10} n={len(values):>5}  p50 {pct(values, 50):7.1f} ms  "
                f"p95 {pct(values, 95):7.1f} ms  p99 {pct(values, 99):7.1f} ms  "
                f"mean {statistics.fmean(values) * 1000:7.1f} ms"
            )
    p95 = pct(every, 95) if every else float("inf")
    print(f"goal p95 < 100 ms: {'OK' if p95 < 100 else 'NOT MET'} (p95 {p95:.1f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
