"""The report object every reader returns and every check, writer and store takes."""

from __future__ import annotations

from dataclasses import dataclass, field

from gongkai.format.spec import SECTIONS, Version, get
from gongkai.model.finding import Finding, Severity
from gongkai.model.values import Value, value_from_json, value_to_json

#: Narrative sections, by number: 一 总体情况, 五 存在的主要问题及改进情况, 六 其他需要报告的事项.
NARRATIVE = tuple(s.number for s in SECTIONS if s.narrative)


@dataclass
class Report:
    format: Version | None = None
    body: str | None = None
    year: int | None = None
    cells: dict[str, Value] = field(default_factory=dict)
    raw: dict[str, str] = field(default_factory=dict)  # the text each cell was read from
    sections: dict[int, str] = field(default_factory=dict)  # narrative text by section number
    findings: list[Finding] = field(default_factory=list)
    source: str | None = None
    title: str | None = None

    @classmethod
    def blank(cls, version: Version | str, **kw) -> Report:
        """A report of the given format with every cell present and blank."""
        v = Version(str(version))
        return cls(format=v, cells=dict.fromkeys(get(v).ids), **kw)

    def get(self, cell_id: str) -> Value:
        return self.cells.get(cell_id)

    @property
    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)

    def to_dict(self) -> dict:
        """The JSON contract of `gongkai parse --json` (one object per file)."""
        ids = get(self.format).ids if self.format else list(self.cells)
        return {
            "source": self.source,
            "format": str(self.format) if self.format else None,
            "body": self.body,
            "year": self.year,
            "cells": {i: value_to_json(self.cells.get(i)) for i in ids},
            "findings": [f.to_dict() for f in self.findings],
            "error": None,
            "sections": {str(k): v for k, v in sorted(self.sections.items())},
            "title": self.title,
        }

    @classmethod
    def from_dict(cls, d: dict) -> Report:
        version = Version(d["format"]) if d.get("format") else None
        cells = {}
        if version:
            fmt = get(version)
            given = d.get("cells") or {}
            cells = {i: value_from_json(given.get(i), fmt.kind(i)) for i in fmt.ids}
        return cls(
            format=version,
            body=d.get("body"),
            year=d.get("year"),
            cells=cells,
            sections={int(k): v for k, v in (d.get("sections") or {}).items()},
            findings=[Finding.from_dict(f) for f in d.get("findings") or []],
            source=d.get("source"),
            title=d.get("title"),
        )
