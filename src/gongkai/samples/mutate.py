"""Mutations of report files, for the fuzz tests (tests/read/test_fuzz.py) and benchmarks/fuzz.py.

Harmless mutations change how a report is written, never what it says: a byte-order mark, CRLF or CR
line ends, blank lines, spaces at line ends, a unit after every number. A reader must give exactly the
same cells. Damaging mutations change what it says (a line deleted, duplicated or swapped, a stray
digit, a control character): a reader may give other cells, but then a finding must name each changed
cell. Byte mutations (truncation, flipped bytes) are for binary files: anything but a crash will do.
Each takes the text (or bytes) and a Random, and is deterministic given both.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from random import Random

from gongkai.model.report import Report

Mutation = Callable[[str, Random], str]

# A number that ends its cell: before a tab, a pipe or the line end, or before the closing tags of an
# HTML cell (in Word-pasted HTML a number may be split over two runs: only its last run ends the cell).
_NUMBER_CELL = re.compile(r"(?<=[\t>|])(\s*)(\d+)(\s*)(?=[\t|\n]|(?:</[a-zA-Z]+>)*</t[dh]>)")
_UNITS = ("件", "次", "宗", "份")  # the same in simplified and traditional (Big5) text


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _blank_lines(text: str, rng: Random) -> str:
    lines = _lines(text)
    for _ in range(rng.randint(1, 8)):
        lines.insert(rng.randrange(1, len(lines)), "")
    return "\n".join(lines)


def _trailing_space(text: str, rng: Random) -> str:
    lines = _lines(text)
    for i in rng.sample(range(len(lines)), min(len(lines), rng.randint(1, 20))):
        if lines[i]:
            lines[i] += rng.choice((" ", "  ", "\u3000"))
    return "\n".join(lines)


def _unit(text: str, rng: Random) -> str:
    """A unit after every whole number that stands alone in a table cell (件 for requests …)."""
    unit = rng.choice(_UNITS)
    return _NUMBER_CELL.sub(lambda m: f"{m.group(1)}{m.group(2)}{unit}{m.group(3)}", text)


HARMLESS: dict[str, Mutation] = {
    "bom": lambda t, rng: "\ufeff" + t,
    "crlf": lambda t, rng: t.replace("\n", "\r\n"),
    "cr": lambda t, rng: t.replace("\n", "\r"),
    "blank_lines": _blank_lines,
    "whitespace": _trailing_space,
    "unit": _unit,
}


def _delete(text: str, rng: Random) -> str:
    lines = _lines(text)
    del lines[rng.randrange(len(lines))]
    return "\n".join(lines)


def _duplicate(text: str, rng: Random) -> str:
    lines = _lines(text)
    i = rng.randrange(len(lines))
    lines.insert(i, lines[i])
    return "\n".join(lines)


def _swap(text: str, rng: Random) -> str:
    lines = _lines(text)
    i = rng.randrange(len(lines) - 1)
    lines[i], lines[i + 1] = lines[i + 1], lines[i]
    return "\n".join(lines)


def _stray_digit(text: str, rng: Random) -> str:
    digits = [m.start() for m in re.finditer(r"\d", text)]
    at = rng.choice(digits) if digits else rng.randrange(len(text))
    return text[:at] + str(rng.randint(1, 9)) + text[at:]


def _control(text: str, rng: Random) -> str:
    at = rng.randrange(len(text))
    return text[:at] + rng.choice("\x00\x07\x0b\x0c\x1b\x7f") + text[at:]


DAMAGING: dict[str, Mutation] = {
    "delete_line": _delete,
    "duplicate_line": _duplicate,
    "swap_lines": _swap,
    "stray_digit": _stray_digit,
    "control_char": _control,
}


def _truncate(data: bytes, rng: Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def _flip(data: bytes, rng: Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _zero_run(data: bytes, rng: Random) -> bytes:
    at = rng.randrange(len(data))
    n = rng.randint(1, 4096)
    return data[:at] + b"\x00" * n + data[at + n :]


BYTES: dict[str, Callable[[bytes, Random], bytes]] = {
    "truncate": _truncate,
    "flip_bytes": _flip,
    "zero_run": _zero_run,
}


def changed_cells(before: Report, after: Report) -> set[str]:
    """Cells whose value differs between two readings."""
    return {cell for cell, value in before.cells.items() if after.cells.get(cell) != value}


def silent_changes(before: Report, after: Report) -> set[str]:
    """Changed cells no finding of `after` names."""
    named = {cell for f in after.findings for cell in f.cells}
    return changed_cells(before, after) - named


def docx_blank_paragraphs(data: bytes, rng: Random) -> bytes:
    """Empty paragraphs added between the paragraphs of a DOCX body: harmless."""
    from gongkai.samples.hostile import edit_document_xml

    def edit(xml: str) -> str:
        ends = [m.end() for m in re.finditer(r"</w:p>", xml)]
        for at in sorted(rng.sample(ends, min(len(ends), rng.randint(1, 8))), reverse=True):
            xml = xml[:at] + "<w:p/>" + xml[at:]
        return xml

    return edit_document_xml(data, edit)
