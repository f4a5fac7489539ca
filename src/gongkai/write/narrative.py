"""The office's own text for sections 一, 五 and 六, as it hands it to gongkai: a JSON object
{"1": "...", "5": "...", "6": "..."} or plain text whose sections start with their headings (一、总体情况 …);
text before any heading is section 一."""

from __future__ import annotations

import json
import re
from pathlib import Path

from gongkai.errors import InputError
from gongkai.format.spec import SECTIONS
from gongkai.model.report import NARRATIVE

_HEADING = re.compile(r"^\s*([一二三四五六])、")
_NUMERALS = {s.title[0]: s.number for s in SECTIONS}
MAX_BYTES = 2_000_000


def read_narrative(path: str | Path) -> dict[int, str]:
    p = Path(path)
    try:
        if p.stat().st_size > MAX_BYTES:
            raise InputError(f"{p}：说明文字超过2 MB", code="input.narrative")
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{p}：文件不存在", code="input.file") from None
    except UnicodeDecodeError:
        raise InputError(f"{p}：请保存为UTF-8文本", code="input.file") from None
    if p.suffix.lower() == ".json":
        return narrative_from_json(text, str(p))
    return parse_narrative(text)


def narrative_from_json(text: str, where: str) -> dict[int, str]:
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as e:
        raise InputError(
            f"{where}：不是有效的JSON说明文字（{type(e).__name__}）", code="input.narrative"
        ) from None
    if not isinstance(data, dict):
        raise InputError(f'{where}：应为以章节编号为键的对象，如 {{"1": "…"}}', code="input.narrative")
    out = {}
    for k, v in data.items():
        if str(k) not in {str(n) for n in NARRATIVE} or not isinstance(v, str):
            raise InputError(f"{where}：键“{k}”无效，应为 1、5 或 6，值为文字", code="input.narrative")
        out[int(k)] = v
    return out


def parse_narrative(text: str) -> dict[int, str]:
    sections: dict[int, list[str]] = {}
    current = 1
    for line in text.splitlines():
        m = _HEADING.match(line)
        if m and _NUMERALS.get(m.group(1)):
            current = _NUMERALS[m.group(1)]
            continue
        sections.setdefault(current, []).append(line)
    narrative = {k: "\n".join(v).strip() for k, v in sections.items()}
    return {k: v for k, v in narrative.items() if v and k in NARRATIVE}
