"""Examining many files from the command line: each file in a worker under its own time and memory
budget, a progress bar on long batches, errors as one line, JSON lines as files finish."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from gongkai.examine import Outcome, examine_file, examine_series
from gongkai.isolate import Budget, examine_isolated

PROGRESS_FROM = 4  # batches of more files than this get a progress bar

err = Console(stderr=True)

JobsOption = Annotated[
    int, typer.Option("--jobs", "-j", min=0, help="同时读取的进程数（0 表示在本进程内读取，不限时间和内存）")
]
TimeoutOption = Annotated[float, typer.Option("--timeout", min=1, help="每个文件的读取时限（秒）")]
MemoryOption = Annotated[
    int, typer.Option("--memory", min=256, help="每个读取进程的内存上限（MB，地址空间）")
]
DEFAULT = Budget()  # one worker, 60 s and 2 GB a file


def budget_of(jobs: int, timeout: float, memory: int) -> Budget | None:
    """The options as a Budget; None for --jobs 0 (in this process, no budget)."""
    return Budget(seconds=timeout, memory_mb=memory, jobs=jobs) if jobs else None


def _read(paths: list[str], budget: Budget | None, done: Callable[[], None]) -> Iterator[Outcome]:
    if budget is None:
        for p in paths:
            yield from examine_file(p)
            done()
        return
    for outcomes in examine_isolated(paths, budget, done):
        yield from outcomes


def each_outcome(paths: list[str], budget: Budget | None = DEFAULT) -> Iterator[Outcome]:
    """Each file's outcomes in the order given, as soon as known; errors said on stderr, one line each."""
    if len(paths) <= PROGRESS_FROM or not err.is_terminal:
        yield from map(_said, _read(paths, budget, lambda: None))
        return
    columns = (TextColumn("读取"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("read", total=len(paths))
        yield from map(_said, _read(paths, budget, lambda: bar.advance(task)))


def examine_all(paths: list[str], budget: Budget | None = DEFAULT) -> list[Outcome]:
    outcomes = list(each_outcome(paths, budget))
    examine_series(outcomes)
    return outcomes


def _said(outcome: Outcome) -> Outcome:
    if outcome.error:
        err.print(f"{outcome.source}：{outcome.error}", highlight=False, markup=False, soft_wrap=True)
    return outcome


def expand_paths(items: list[Path]) -> list[str]:
    """Files as given; a directory stands for the files in it (sorted, not recursive)."""
    out = []
    for item in items:
        if item.is_dir():
            out.extend(str(p) for p in sorted(item.iterdir()) if p.is_file())
        else:
            out.append(str(item))
    return out


def fail(message: str) -> None:
    err.print(message, highlight=False, markup=False)
    sys.exit(2)
