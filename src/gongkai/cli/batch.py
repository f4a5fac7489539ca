"""Examining many files from the command line: a progress bar on long batches, errors as one line."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from gongkai.examine import Outcome, examine_file, examine_series

PROGRESS_FROM = 4  # batches of more files than this get a progress bar

err = Console(stderr=True)


def _each(paths: list[str]) -> Iterator[Outcome]:
    if len(paths) <= PROGRESS_FROM or not err.is_terminal:
        for p in paths:
            yield from map(_said, examine_file(p))
        return
    columns = (TextColumn("读取"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("read", total=len(paths))
        for p in paths:
            yield from map(_said, examine_file(p))
            bar.advance(task)


def examine_all(paths: list[str]) -> list[Outcome]:
    outcomes = list(_each(paths))
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
