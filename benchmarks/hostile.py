"""Hostile files through the readers: time, peak memory and outcome of each, one child process per file.

    .venv/bin/python benchmarks/hostile.py [NAME ...] [--scale 1.0] [--timeout 120]

Each file is built in memory (gongkai.samples.hostile), written to a temporary directory and read by
`gongkai.read.read_path` in a fresh process under a 2.5 GB address-space limit, so one that runs away
cannot take the machine with it. Prints per file: wall seconds, CPU seconds of the child (imports
included; the figure that holds on a busy machine), peak RSS (MB), and the error or cell count.
The target: every file done in seconds and well under 1 GB, with a one-line error or a report.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gongkai.samples.hostile import BELOW_LIMITS, HOSTILE

FILES = {**HOSTILE, **BELOW_LIMITS}

ADDRESS_SPACE = int(2.5 * 1024**3)

CHILD = """
import json, resource, sys
from gongkai.read import read_path
from gongkai.errors import GongkaiError
try:
    r = read_path(sys.argv[1])
    out = {"cells": sum(v is not None for v in r.cells.values())}
except GongkaiError as e:
    out = {"error": str(e), "code": e.code}
usage = resource.getrusage(resource.RUSAGE_SELF)
out["rss_mb"] = usage.ru_maxrss // 1024
out["cpu"] = usage.ru_utime + usage.ru_stime
print(json.dumps(out, ensure_ascii=False))
"""


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def run(name: str, scale: float, timeout: float, where: Path) -> dict:
    filename, build = FILES[name]
    path = where / filename
    path.write_bytes(build(scale))
    size = path.stat().st_size
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(path)],
            capture_output=True,
            text=True,
            timeout=timeout,
            preexec_fn=_limit,
        )
    except subprocess.TimeoutExpired:
        return {"name": name, "bytes": size, "seconds": timeout, "outcome": "超时"}
    seconds = time.perf_counter() - start
    path.unlink()
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"name": name, "bytes": size, "seconds": seconds, "outcome": f"崩溃 {done.returncode}: {tail}"}
    result = json.loads(done.stdout)
    outcome = result.get("error") or f"{result['cells']} 个单元格"
    return {
        "name": name,
        "bytes": size,
        "seconds": seconds,
        "cpu": result["cpu"],
        "rss_mb": result["rss_mb"],
        "outcome": outcome,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", default=list(FILES))
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args()
    worst_s = worst_cpu = worst_mb = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'file':18} {'size MB':>8} {'s':>6} {'cpu s':>6} {'RSS MB':>7}  outcome")
        for name in args.names:
            r = run(name, args.scale, args.timeout, Path(tmp))
            worst_s, worst_mb = max(worst_s, r["seconds"]), max(worst_mb, r.get("rss_mb", 0))
            worst_cpu = max(worst_cpu, r.get("cpu", 0))
            print(
                f"{name:18} {r['bytes'] / 2**20:8.1f} {r['seconds']:6.2f} {r.get('cpu', 0):6.2f} "
                f"{r.get('rss_mb', '-'):>7}  "
                f"{r['outcome'][:90]}",
                flush=True,
            )
    print(f"worst: {worst_s:.2f} s wall, {worst_cpu:.2f} s CPU, {worst_mb:.0f} MB peak RSS")


if __name__ == "__main__":
    main()
