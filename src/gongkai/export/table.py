"""The flat table every export writes: one row per report, one column per cell id (a stable contract)."""

from __future__ import annotations

import errno
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from gongkai.errors import GongkaiError
from gongkai.format.spec import Version, get
from gongkai.model.report import Report
from gongkai.model.values import Value


@dataclass(frozen=True)
class Failed:
    """A file that could not be read: where it came from and why, in Chinese. It still gets a row, so an
    export lists every input file; a plain `(source, error)` tuple is accepted in its place."""

    source: str
    error: str


Item = Report | Failed | tuple[str, str]


def _cell_ids() -> tuple[str, ...]:
    ids = get(Version.V2021).ids
    seen = set(ids)
    return (*ids, *(i for i in get(Version.V2019).ids if i not in seen))


#: Cell columns: the 2021 ids in spec order, then the ids only the 2019 format has.
CELL_IDS = _cell_ids()
FIXED = ("source", "format", "body", "year", "error")
COLUMNS = (*FIXED, *CELL_IDS)

_FIXED_LABELS = {
    "source": "来源文件",
    "format": "报告格式",
    "body": "机关名称",
    "year": "年度",
    "error": "读取错误",
}


def _label(cell_id: str) -> str:
    fmt = get(Version.V2021) if cell_id in get(Version.V2021).ids else get(Version.V2019)
    return fmt.label(cell_id)


#: The Chinese header: the official label of each cell (2021 wording where both formats have the id).
LABELS = (*(_FIXED_LABELS[c] for c in FIXED), *(_label(i) for i in CELL_IDS))


def as_item(item: Item) -> Report | Failed:
    if isinstance(item, Report | Failed):
        return item
    source, error = item
    return Failed(source, error)


def rows(items: Iterable[Item]) -> Iterator[list[str | int | Decimal | None]]:
    """Values in COLUMNS order; None for a blank cell, a column the report's format lacks, or no value."""
    for item in map(as_item, items):
        if isinstance(item, Failed):
            yield [item.source, None, None, None, item.error, *(None for _ in CELL_IDS)]
            continue
        cells: dict[str, Value] = item.cells
        fmt = str(item.format) if item.format else None
        yield [item.source, fmt, item.body, item.year, None, *(cells.get(i) for i in CELL_IDS)]


class ExportError(GongkaiError):
    """An export that cannot be written (a missing folder, a directory, no permission)."""

    code = "export.file"


@contextmanager
def writing(path: str | Path) -> Iterator[None]:
    """Turn the operating system's refusal to write `path` into one Chinese line naming it."""
    try:
        yield
    except OSError as e:
        why = _WHY.get(e.errno or 0, e.strerror or str(e))
        raise ExportError(f"{path}：无法写入（{why}）", file=str(path)) from e


_WHY = {
    errno.ENOENT: "所在目录不存在",
    errno.EISDIR: "这是一个目录",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "文件系统只读",
}
