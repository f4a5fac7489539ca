"""What a rule is: a stable id, a severity, a Chinese title, and a function that yields its hits."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from gongkai.model.finding import Severity

#: What a rule function yields for each problem: a Chinese message and the cell ids it compared.
#: The registry turns hits into Findings, so a rule's id and severity are written in one place.
Hit = tuple[str, tuple[str, ...]]


class Scope(StrEnum):
    CELLS = "cells"  # f(cells, plan): the statistical tables of one report with a known format
    REPORT = "report"  # f(report): anything else about one report (its narrative sections)
    SERIES = "series"  # f(previous, current): two consecutive years of one body


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    title: str  # short, Chinese, for `gongkai rules` and docs/checks.md
    scope: Scope
    func: Callable[..., Iterable[Hit]]
    doc: str = ""  # what it checks, in English, for docs/checks.md
