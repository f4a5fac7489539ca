"""What every format reader hands to the table locator: lines of cells, in reading order.

A prose line is one cell. A table row is several cells, in column order, with "" for a cell the
source shows as empty (a merged or blank cell). Text formats that do not mark rows (one cell per line)
give one cell per line too: the locator rebuilds rows from labels and values. All text is already
normalised (see `normalize.clean`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gongkai.errors import GongkaiError


@dataclass
class Line:
    cells: list[str | None]
    table: int | None = None  # index of the source table (HTML/DOCX/PDF grid); None for prose or text rows

    @property
    def text(self) -> str:
        return " ".join(c for c in self.cells if c)

    @property
    def real_cells(self) -> list[str]:
        """The cells without the positions merges cover."""
        return [c for c in self.cells if c is not None]


@dataclass
class Document:
    lines: list[Line] = field(default_factory=list)
    shape: str = "text"  # which reader made it: text, pipe, markdown, html, docx, pdf
    notes: list[str] = field(default_factory=list)  # reader remarks (Chinese) that become findings
    title_hint: str | None = None  # e.g. an HTML <title>, when the body text has no title line
    publisher_hint: str | None = None  # the page's own metadata: <meta name="ContentSource">, 来源: …
    cell_count: int = 0  # cells added so far, for the work limit

    def add(self, cells: list[str | None], table: int | None = None) -> None:
        # Every reader adds its lines here, so the line and cell limits hold for all of them.
        self.cell_count += len(cells)
        if len(cells) > limits.LIMITS.row_cells:
            raise limits.exceeded("row_cells")
        if len(self.lines) >= limits.LIMITS.lines or self.cell_count > limits.LIMITS.cells:
            raise limits.exceeded("lines" if len(self.lines) >= limits.LIMITS.lines else "cells")
        self.lines.append(Line(cells, table))


class ReadError(GongkaiError):
    """A file that cannot be read as a report. The message is one Chinese line naming the cause."""

    code = "read"


from gongkai.read import limits  # noqa: E402  (limits builds on ReadError, defined above)
