"""Writers: a Report in the national layout as DOCX, HTML, Markdown or plain text.

`render(report, "docx")` returns the document (bytes for DOCX, str for the text formats);
`render(report, Path("out.docx"))` writes it, choosing the writer by the file's suffix.
"""

from __future__ import annotations

import json
from pathlib import Path

from gongkai import atomic
from gongkai.model import Report
from gongkai.write import docx, html, markdown, text
from gongkai.write.load import load_report
from gongkai.write.outline import Findings, WriteError

WRITERS = {"docx": docx.render, "html": html.render, "md": markdown.render, "txt": text.render}
SUFFIXES = {".docx": "docx", ".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".txt": "txt"}


def format_of(path: str | Path) -> str:
    """The writer a file name asks for, by suffix."""
    fmt = SUFFIXES.get(Path(path).suffix.lower())
    if fmt is None:
        known = "、".join(SUFFIXES)
        raise WriteError(f"{Path(path).name}：无法按扩展名确定输出格式（支持 {known}）")
    return fmt


def to_bytes(report: Report, fmt: str, findings: Findings | str = Findings.NONE) -> bytes:
    """The rendered document as bytes (text formats in UTF-8)."""
    out = WRITERS[fmt](report, findings)
    return out if isinstance(out, bytes) else out.encode("utf-8")


def render(
    report: Report, target: str | Path, findings: Findings | str = Findings.NONE
) -> bytes | str | Path:
    """Render to a format name ("docx", "html", "md", "txt") and return it, or to a path and write it."""
    if isinstance(target, str) and target in WRITERS:
        return WRITERS[target](report, findings)
    path = Path(target)
    return atomic.write_bytes(path, to_bytes(report, format_of(path), findings))


def write_report(report: Report, path: str | Path) -> Path:
    """Write a report to a file: `.json` as `Report.to_dict()` (what `gongkai parse --json` gives for one
    file), any other suffix through its writer."""
    path = Path(path)
    if path.suffix.lower() != ".json":
        return render(report, path)
    atomic.write_text(path, json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    return path


__all__ = [
    "SUFFIXES",
    "WRITERS",
    "Findings",
    "WriteError",
    "format_of",
    "load_report",
    "render",
    "to_bytes",
    "write_report",
]
