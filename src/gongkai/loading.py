"""A report from any file a person may hand gongkai: the JSON of `gongkai parse --json` or `gongkai report`,
a hand-written YAML/JSON report, or a published report in any shape the readers read."""

from __future__ import annotations

from pathlib import Path

from gongkai.model import Report


def load_report_file(path: str | Path) -> Report:
    """The report in the file; a `GongkaiError` (LoadError, ReadError) naming the file otherwise."""
    from gongkai.read import ReadError, read_path
    from gongkai.write.load import SUFFIXES, load_report

    p = Path(path)
    if p.suffix.lower() in SUFFIXES:
        return load_report(p)
    try:
        return read_path(p)
    except ReadError as e:
        raise e.with_prefix(f"{p.name}：") from e
