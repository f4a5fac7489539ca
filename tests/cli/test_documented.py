"""Every command of `gongkai` is documented (README.md or docs/), as its help text is the first doc."""

from __future__ import annotations

from pathlib import Path

import typer

from gongkai.cli import app

ROOT = Path(__file__).resolve().parents[2]


def _commands(group: typer.Typer, prefix: str = "gongkai") -> list[str]:
    out = [f"{prefix} {c.name or c.callback.__name__}" for c in group.registered_commands]
    for sub in group.registered_groups:
        out += _commands(sub.typer_instance, f"{prefix} {sub.name}")
    return out


def test_every_command_is_documented_and_has_chinese_help():
    docs = (ROOT / "README.md").read_text(encoding="utf-8") + "".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md"))
    )
    commands = _commands(app)
    assert len(commands) > 30
    missing = [c for c in commands if c.split(" ", 1)[1] not in docs]
    assert missing == []
    for group in (app, *(g.typer_instance for g in app.registered_groups)):
        for c in group.registered_commands:
            text = (c.callback.__doc__ or "").strip()
            assert text and any("\u4e00" <= ch <= "\u9fff" for ch in text), c.name
