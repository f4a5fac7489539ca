"""Shared test fixtures: where the real reports are (../shared beside the checkout)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_or_skip() -> Path:
    """The real reports. CI always has them; a fresh clone alone does not, and is told so plainly."""
    if not (SHARED / "gold").is_dir():
        pytest.skip(f"真实报告目录 {SHARED} 不存在（全新克隆时正常；CI 中总是存在）")
    return SHARED


def gold_cases(*parts: str) -> list[tuple[Path, Path]]:
    """(report file, gold file) pairs from ../shared, or [] when the folder is absent."""
    gold_dir = SHARED.joinpath(*parts)
    report_dir = gold_dir.parent / ("pdf" if parts[0] == "corpus" else "seeds")
    if not gold_dir.is_dir():
        return []
    out = []
    for g in sorted(gold_dir.glob("*.json")):
        name = json.loads(g.read_text())["file"]
        out.append((report_dir / name, g))
    return out
