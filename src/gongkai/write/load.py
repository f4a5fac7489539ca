"""Reports written by hand in YAML or JSON (see docs/writing.md), and the JSON of `gongkai parse --json`.

The form is deliberately forgiving where people differ (meta at the top or under `meta:`, cells flat by id
or nested by id parts, narrative sections by number, key or title) and strict where a mistake would
publish a wrong figure (an unknown cell id or a value that is not a number is an error, never skipped).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

from gongkai.errors import InputError, LimitExceeded
from gongkai.format import SECTIONS, Version, get
from gongkai.model import Finding, Report
from gongkai.model.values import ValueError_, parse_value

SUFFIXES = (".json", ".yaml", ".yml")
MAX_BYTES = 20_000_000  # a report's data is a few hundred KB; anything this large is not one
_META = ("format", "body", "year", "title", "source")
_NUMERALS = "一二三四五六"


class LoadError(InputError):
    """A report file that cannot be loaded. The message is one Chinese line naming the file and the cause."""

    code = "load"


def _section_aliases() -> dict[str, int]:
    out: dict[str, int] = {}
    for s in SECTIONS:
        if not s.narrative:
            continue
        bare = s.title.split("、", 1)[1]
        for alias in (str(s.number), _NUMERALS[s.number - 1], s.key, s.title, bare):
            out[alias] = s.number
    return out


SECTION_ALIASES = _section_aliases()


def _flatten(prefix: str, value: Any, out: dict[str, Any]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _flatten(f"{prefix}.{k}" if prefix else str(k), v, out)
    else:
        out[prefix] = value


def _version(meta: dict, name: str) -> Version:
    given = meta.get("format")
    if given is not None:
        try:
            return Version(str(given).strip().removesuffix("年").removesuffix("版"))
        except ValueError:
            raise LoadError(f"{name}：format 应为 2021 或 2019，而不是“{given}”") from None
    year = meta.get("year")
    if year is None:
        raise LoadError(f"{name}：缺少 format（2021 或 2019）和 year，无法确定报告格式")
    if year < 2019:
        raise LoadError(f"{name}：{year} 年的报告早于 2019 年统一格式，不在支持范围内")
    return Version.V2019 if year < 2021 else Version.V2021


def _year(value: Any, name: str) -> int | None:
    if value is None or value == "":
        return None
    m = re.fullmatch(r"\s*(\d{4})\s*年?\s*", str(value))
    if isinstance(value, bool) or not m:
        raise LoadError(f"{name}：year 应为四位年份，而不是“{value}”")
    return int(m.group(1))


def _cell(cell_id: str, value: Any, version: Version, name: str):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise LoadError(f"{name}：单元格 {cell_id} 的值“{value}”不是数字")
    try:
        text = repr(value) if isinstance(value, float) else str(value)
        return parse_value(text, get(version).kind(cell_id))
    except ValueError_ as e:
        raise LoadError(f"{name}：单元格 {cell_id} 的值{e}") from None


def _sections(given: Any, name: str) -> dict[int, str]:
    if given is None:
        return {}
    if not isinstance(given, dict):
        raise LoadError(f"{name}：sections 应为“章节: 文字”的映射")
    out = {}
    for k, v in given.items():
        number = SECTION_ALIASES.get(str(k).strip())
        if number is None:
            raise LoadError(f"{name}：未知的文字章节“{k}”（可用 1、5、6 或 overview、problems、other）")
        out[number] = "" if v is None else str(v).strip()
    return out


def load_reports(path: str | Path) -> list[Report | LoadError]:
    """Every report of a JSON/YAML file: one, or the list `gongkai parse --json` prints (an entry that
    records a reading error comes back as that LoadError, so a batch can report it and go on)."""
    path = Path(path)
    data = _data(path)
    if not isinstance(data, list):
        return [report_from_data(data, path.name)]
    out: list[Report | LoadError] = []
    for i, item in enumerate(data, 1):
        where = f"{path.name}第{i}份"
        try:
            out.append(report_from_data(item, where))
        except LoadError as e:
            out.append(e)
    return out


def report_from_data(data: Any, name: str) -> Report:
    """A Report from parsed YAML/JSON data; `name` is the file name used in error messages."""
    if isinstance(data, list):
        if len(data) != 1:
            raise LoadError(f"{name}：文件包含 {len(data)} 份报告，请一次只渲染一份")
        data = data[0]
    if not isinstance(data, dict):
        raise LoadError(f"{name}：内容应为一份报告（键值映射），而不是 {type(data).__name__}")
    if data.get("error"):
        raise LoadError(f"{name}：这份解析结果记录了错误：{data['error']}")
    meta = {k: data.get(k) for k in _META}
    if isinstance(data.get("meta"), dict):
        meta.update({k: v for k, v in data["meta"].items() if k in _META})
    meta["year"] = _year(meta.get("year"), name)
    version = _version(meta, name)
    cells_given: dict[str, Any] = {}
    raw_cells = data.get("cells") or {}
    if not isinstance(raw_cells, dict):
        raise LoadError(f"{name}：cells 应为“单元格编号: 数值”的映射")
    _flatten("", raw_cells, cells_given)
    ids = get(version).ids
    unknown = [k for k in cells_given if k not in set(ids)]
    if unknown:
        more = f" 等 {len(unknown)} 个" if len(unknown) > 1 else ""
        raise LoadError(f"{name}：{version} 格式没有单元格 {unknown[0]}{more}（编号见 FORMAT.md）")
    try:
        findings = [Finding.from_dict(f) for f in data.get("findings") or []]
    except (KeyError, TypeError, ValueError):
        raise LoadError(f"{name}：findings 格式不正确") from None
    return Report(
        format=version,
        body=None if meta.get("body") is None else str(meta["body"]).strip(),
        year=meta["year"],
        title=meta.get("title"),
        source=meta.get("source") or name,
        cells={i: _cell(i, cells_given.get(i), version, name) for i in ids},
        sections=_sections(data.get("sections", data.get("narrative")), name),
        findings=findings,
    )


def _data(path: Path) -> Any:
    """The parsed JSON/YAML of a report file; LoadError naming the file otherwise."""
    path = Path(path)
    name = path.name
    try:
        if path.stat().st_size > MAX_BYTES:
            raise LimitExceeded(
                f"{name}：文件超过{MAX_BYTES // 1_000_000} MB，不是报告数据", code="load.limit"
            )
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise LoadError(f"{name}：文件不存在") from None
    except OSError as e:
        raise LoadError(f"{name}：无法读取（{e.strerror or e}）") from None
    except UnicodeDecodeError:
        raise LoadError(f"{name}：不是 UTF-8 编码的文本") from None
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except json.JSONDecodeError as e:
        raise LoadError(f"{name}：JSON 格式错误（第 {e.lineno} 行第 {e.colno} 列）") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"（第 {mark.line + 1} 行）" if mark else ""
        raise LoadError(f"{name}：YAML 格式错误{where}") from None
    except RecursionError:
        raise LoadError(f"{name}：数据嵌套过深，不是报告数据") from None
    return data


def load_report(path: str | Path) -> Report:
    """Load a hand-written YAML/JSON report, or the JSON that `gongkai parse --json` prints."""
    path = Path(path)
    return report_from_data(_data(path), path.name)
