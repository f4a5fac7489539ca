"""Long-running mutation fuzzing of the readers: crash, hang, memory and silent-change counts.

    .venv/bin/python benchmarks/fuzz.py [--examples 40] [--jobs 2] [--seed 1] [--shapes tab,html,...]

For every shape of gongkai.samples (text, markdown, HTML, DOCX …) and the real PDFs in
../shared/corpus/pdf (when present), each mutation of gongkai.samples.mutate is applied `--examples`
times to reports of distinct values, and each result read in a worker process. Counted per mutation:
- crash: anything but a Report or a GongkaiError;
- hang: a reading over 10 s of CPU time (CPU, not wall time: a busy machine does not make hangs);
- >1GB: a reading whose worker's peak RSS passed 1 GB;
- changed: readings with any cell different from the unmutated reading;
- silent: for harmless mutations, readings with any changed cell; for damaging ones, readings with
  a changed cell that no finding names.
The target: 0 crashes, 0 hangs, 0 over 1 GB, 0 silent changes on harmless mutations.
"""

from __future__ import annotations

import argparse
import resource
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path
from random import Random

from gongkai.check import check
from gongkai.errors import GongkaiError
from gongkai.read import read_bytes
from gongkai.samples import SHAPES, consistent_report
from gongkai.samples.mutate import (
    BYTES,
    DAMAGING,
    HARMLESS,
    changed_cells,
    docx_blank_paragraphs,
    silent_changes,
)

HANG_SECONDS = 10
GB = 1024**3
ENCODING = {"tab-gb18030": "gb18030", "traditional-big5": "big5"}
SHARED_PDFS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "pdf"
SEEDS = range(1, 9)


@cache
def _sample(shape: str, seed: int) -> bytes:
    if shape.startswith("pdf:"):
        return Path(shape[4:]).read_bytes()
    return SHAPES[shape][1](consistent_report(seed))


@cache
def _clean(shape: str, seed: int):
    return _read(_sample(shape, seed), shape)


def _read(data: bytes, name: str):
    report = read_bytes(data, name)
    report.findings.extend(check(report))  # the 勾稽 checks name the cells a change broke
    return report


def _mutated(shape: str, seed: int, family: str, mutation: str, rng: Random) -> bytes:
    data = _sample(shape, seed)
    if family == "bytes":
        return BYTES[mutation](data, rng)
    if shape == "docx":
        return docx_blank_paragraphs(data, rng)
    encoding = ENCODING.get(shape, "utf-8")
    table = HARMLESS if family == "harmless" else DAMAGING
    return table[mutation](data.decode(encoding), rng).encode(encoding, errors="replace")


def run_case(case: tuple[str, int, str, str, int]) -> dict:
    shape, seed, family, mutation, rng_seed = case
    data = _mutated(shape, seed, family, mutation, Random(rng_seed))
    before_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    start = time.process_time()
    out = {"key": (family, mutation), "crash": 0, "changed": 0, "silent": 0}
    try:
        report = _read(data, shape)
    except GongkaiError:
        report = None
    except Exception as e:  # the thing being counted
        out["crash"] = 1
        out["what"] = f"{shape} {mutation} seed={seed} rng={rng_seed}: {type(e).__name__}: {e}"[:200]
        report = None
    out["seconds"] = time.process_time() - start
    after_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    out["big"] = int(after_rss > GB and before_rss <= GB)
    if report is not None:
        try:
            clean = _clean(shape, seed)
        except GongkaiError:
            return out
        changed = changed_cells(clean, report)
        out["changed"] = int(bool(changed))
        silent = changed if family == "harmless" else silent_changes(clean, report)
        out["silent"] = int(bool(silent))
        if silent:
            out["what"] = f"{shape} {mutation} seed={seed} rng={rng_seed}: {sorted(silent)[:3]}"
    return out


def cases(
    shapes: list[str], examples: int, seed: int, families: set[str]
) -> list[tuple[str, int, str, str, int]]:
    rng = Random(seed)
    out = []
    for shape in shapes:
        binary = shape == "docx" or shape.startswith("pdf:")
        kinds = [("bytes", m) for m in BYTES]
        if shape == "docx":
            kinds.append(("harmless", "blank_paragraphs"))
        elif not binary:
            kinds += [("harmless", m) for m in HARMLESS] + [("damaging", m) for m in DAMAGING]
        for family, mutation in [(f, m) for f, m in kinds if f in families]:
            if mutation == "bom" and shape in ENCODING:
                continue  # a UTF-8 byte-order mark belongs to UTF-8 files
            for _ in range(examples):
                out.append((shape, rng.choice(SEEDS), family, mutation, rng.randrange(2**32)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=40, help="runs per shape and mutation")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--families", default="harmless,damaging,bytes")
    parser.add_argument("--no-pdf", action="store_true", help="leave out ../shared/corpus/pdf")
    args = parser.parse_args()
    shapes = args.shapes.split(",")
    if not args.no_pdf:
        shapes += [f"pdf:{p}" for p in sorted(SHARED_PDFS.glob("*.pdf"))]
    todo = cases(shapes, args.examples, args.seed, set(args.families.split(",")))
    totals: dict[tuple[str, str], Counter] = defaultdict(Counter)
    crashes: list[str] = []
    examples: list[str] = []
    start = time.perf_counter()
    with ProcessPoolExecutor(args.jobs, max_tasks_per_child=500) as pool:
        for r in pool.map(run_case, todo, chunksize=8):
            t = totals[r["key"]]
            t["runs"] += 1
            t["crash"] += r["crash"]
            t["hang"] += r["seconds"] > HANG_SECONDS
            t[">1GB"] += r["big"]
            t["changed"] += r["changed"]
            t["silent"] += r["silent"]
            if "what" in r:
                (crashes if r["crash"] else examples).append(r["what"])
    cols = ("runs", "crash", "hang", ">1GB", "changed", "silent")
    print(f"{'family':9} {'mutation':17}" + "".join(f"{c:>8}" for c in cols))
    for (family, mutation), t in sorted(totals.items()):
        print(f"{family:9} {mutation:17}" + "".join(f"{t[c]:>8}" for c in cols))
    for family in ("harmless", "damaging", "bytes"):
        t = sum((v for (f, _), v in totals.items() if f == family), Counter())
        print(f"{family:9} {'(all)':17}" + "".join(f"{t[c]:>8}" for c in cols))
    print(f"{len(todo)} readings in {time.perf_counter() - start:.0f} s")
    for line in crashes[:20]:
        print("  crash:", line)
    for line in examples[:: max(1, len(examples) // 12)][:12]:
        print("  silent, e.g.:", line)


if __name__ == "__main__":
    main()
