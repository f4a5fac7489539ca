"""Benchmark: the office pages under load — PostgreSQL with 100,000 requests over 50 bodies, the request
list and the dashboard requested at a fixed rate (200 per second by default) against `gongkai serve`
with 2 workers on loopback; p50, p95 and p99 printed per page.

    .venv/bin/python benchmarks/web.py                         # 100,000 requests, 200 req/s for 20 s
    .venv/bin/python benchmarks/web.py --rate 100 --seconds 10 --requests 20000

The register is bulk-loaded with COPY (benchmarks/register.py's generator, spread over the bodies). The
load comes from `hey` (benchmarks/loadgen.py): half the rate to the list, half to the dashboard, each
spread over 10 random bodies, for --seconds. One signed-in user holds the 登记员 role in every body. hey
runs on the same machine as the server and PostgreSQL: say so with the figures. A throwaway
database is created (PG_ADMIN_URL) and dropped at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import re
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).parent))
import loadgen

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


def session_cookie(base: str) -> str:
    """Signs the benchmark user in; the Cookie header that carries the session."""
    with httpx.Client(base_url=base, timeout=30) as client:
        page = client.get("/login")
        token = re.search(r'name="csrftoken" value="([^"]+)"', page.text).group(1)
        r = client.post("/login", data={"csrftoken": token, "login": "bench", "password": PASSWORD})
        if r.status_code != 303:
            raise SystemExit(f"登录失败：{r.status_code}")
        return loadgen.cookie_header(client)


def targets(base: str, ids: list[str], rate: float, spread: int = 10) -> list[loadgen.Target]:
    """Half the rate to the request list, half to the dashboard, each over `spread` random bodies."""
    rnd = random.Random(7)
    pages = {"list": "/office/{b}/requests", "dashboard": "/office/{b}/"}
    share = rate / len(pages) / spread
    return [
        loadgen.Target(kind, base + path.format(b=b), share)
        for kind, path in pages.items()
        for b in rnd.sample(ids, spread)
    ]


def warm_up(base: str, cookie: str, ids: list[str]) -> None:
    """Every worker process and its connection pool, before the clock starts."""
    with httpx.Client(base_url=base, headers={"Cookie": cookie}, timeout=30) as client:
        for b in ids[:16]:
            for path in (f"/office/{b}/requests", f"/office/{b}/"):
                if client.get(path).status_code != 200:
                    raise SystemExit(f"{path} 未返回 200")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=100_000)
    ap.add_argument("--rate", type=float, default=200, help="requests per second")
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--port", type=int, default=8701)
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
        base = f"http://127.0.0.1:{args.port}"
        cookie = session_cookie(base)
        warm_up(base, cookie, ids)
        results = loadgen.run(targets(base, ids, args.rate), args.seconds, {"Cookie": cookie})
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
    print(
        f"\n{args.requests:,} requests over {BODIES} bodies, PostgreSQL, {args.workers} workers, "
        f"load from hey on the same {os.cpu_count()} cores:"
    )
    loadgen.report(results, args.rate)
    return 0


if __name__ == "__main__":
    sys.exit(main())
