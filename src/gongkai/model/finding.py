"""A finding: one thing a reader or a check noticed about a report."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    rule: str  # stable id, e.g. "sum.balance"
    severity: Severity
    message: str  # Chinese, for a disclosure officer
    cells: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "cells": list(self.cells),
        }

    @classmethod
    def from_dict(cls, d: dict) -> Finding:
        return cls(d["rule"], Severity(d["severity"]), d["message"], tuple(d.get("cells") or ()))


def error(rule: str, message: str, cells=()) -> Finding:
    return Finding(rule, Severity.ERROR, message, tuple(cells))


def warning(rule: str, message: str, cells=()) -> Finding:
    return Finding(rule, Severity.WARNING, message, tuple(cells))
