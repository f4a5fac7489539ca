"""The load generator of the web benchmarks: Debian's `hey` (an HTTP load generator written in Go).

A load generator written in Python on the same two cores as the server and the database spends more CPU
than the server it measures (an asyncio + httpx client at 200 requests per second took 75% of a core
here, the two workers 40% between them), so the figures measured the client. `hey` costs a few percent.

Each target is one URL at its own rate, sent by hey workers of at most 20 requests a second each (a
response of up to 50 ms does not slow the offered rate; beyond that a worker waits for its answer, so
the achieved rate drops: it is printed beside the offered one, never hidden). Latencies come from
hey's per-request CSV; a status other than the expected one counts as an error.
"""

from __future__ import annotations

import csv
import io
import math
import random
import shutil
import subprocess
import time
from dataclasses import dataclass, field

PER_WORKER = 20.0  # requests a second per hey worker


@dataclass(frozen=True)
class Target:
    label: str
    url: str
    rate: float
    method: str = "GET"
    body: str | None = None
    content_type: str = "application/x-www-form-urlencoded"
    expect: int = 200
    headers: tuple[tuple[str, str], ...] = ()  # besides the run's own


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)  # ms, the expected status only
    errors: int = 0
    seconds: float = 0.0

    def pct(self, p: float) -> float:
        values = sorted(self.latencies)
        return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))] if values else math.inf

    @property
    def rate(self) -> float:
        return (len(self.latencies) + self.errors) / self.seconds if self.seconds else 0.0


def hey() -> str:
    path = shutil.which("hey")
    if path is None:
        raise SystemExit("需要 hey（Debian 软件包 hey）：make sysdeps 会安装它")
    return path


def run(targets: list[Target], seconds: float, headers: dict[str, str] | None = None) -> dict[str, Result]:
    """Every target at once for `seconds`; results by label (targets sharing a label are pooled).

    Each hey worker is its own process (`-c 1`), and the processes start 1/rate apart, so the requests
    arrive evenly spread: the workers of one hey process tick together and send in bursts (40 requests at
    once every 200 ms at 200 per second), which measures the burst, not the rate. Fewer, faster workers
    because every hey process is a Go runtime of its own: 40 of them slowed this 2-core machine."""
    workers = []
    for t in targets:
        n = max(1, math.ceil(t.rate / PER_WORKER))
        cmd = [hey(), "-z", f"{seconds:g}s", "-c", "1", "-q", f"{t.rate / n:.4f}"]
        cmd += ["-o", "csv", "-disable-redirects", "-t", "30", "-m", t.method]
        for k, v in [*(headers or {}).items(), *t.headers]:
            cmd += ["-H", f"{k}: {v}"]
        if t.body is not None:
            cmd += ["-d", t.body, "-T", t.content_type]
        workers += [(t, [*cmd, t.url])] * n
    random.Random(1).shuffle(workers)  # the targets interleaved over the period
    total = sum(t.rate for t in targets)
    start = time.perf_counter()
    procs = []
    for i, (t, cmd) in enumerate(workers):
        delay = start + i / total - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        procs.append((t, subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)))
    results: dict[str, Result] = {}
    for t, proc in procs:
        out, _ = proc.communicate()
        res = results.setdefault(t.label, Result())
        res.seconds = max(res.seconds, seconds)
        for row in csv.DictReader(io.StringIO(out)):
            if int(row["status-code"]) == t.expect:
                res.latencies.append(float(row["response-time"]) * 1000)
            else:
                res.errors += 1
    return results


def cookie_header(client) -> str:
    """The Cookie header an httpx client would send (its session, its CSRF token), for hey's -H."""
    return "; ".join(f"{k}={v}" for k, v in client.cookies.items())


def report(results: dict[str, Result], offered: float, goal_ms: float = 100) -> float:
    """Prints p50/p95/p99 per label and for all; returns the overall p95."""
    every = Result(seconds=max((r.seconds for r in results.values()), default=0))
    for r in results.values():
        every.latencies += r.latencies
        every.errors += r.errors
    for label, r in [*sorted(results.items()), ("all", every)]:
        print(
            f"  {label:<12} n={len(r.latencies):>6}  {r.rate:6.1f} req/s  errors {r.errors:<4}"
            f"p50 {r.pct(50):7.1f} ms  p95 {r.pct(95):7.1f} ms  p99 {r.pct(99):7.1f} ms"
        )
    p95 = every.pct(95)
    print(
        f"offered {offered:g} req/s, achieved {every.rate:.1f} req/s; "
        f"goal p95 < {goal_ms:g} ms: {'OK' if p95 < goal_ms else 'NOT MET'} (p95 {p95:.1f} ms)"
    )
    return p95
