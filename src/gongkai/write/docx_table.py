"""The national table grids as WordprocessingML tables (w:tbl), written directly as XML.

Merges follow the grid: a cell spanning columns gets w:gridSpan; a cell spanning rows starts with
w:vMerge="restart" and continues with an empty w:vMerge cell in each row below. Writing the XML in one
piece is two orders of magnitude faster than python-docx's cell-by-cell merge, and gives the same file.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from gongkai.format.layout import Grid, GridCell
from gongkai.model.values import Value
from gongkai.write.grid import cell_text, width

BAND_FILL = "DBE5F1"  # the template's light blue behind 第二十条第（…）项
CELL_MARGIN = 40  # twips left and right inside a cell: five digits fit section 三's 12 mm columns
BORDER = 4  # eighths of a point: a 0.5 pt rule, as the template


def _run(text: str, east_asia: str, latin: str, half_points: int) -> str:
    if not text:
        return ""
    return (
        f'<w:r><w:rPr><w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asia}"'
        ' w:hint="eastAsia"/>'
        f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>'
        f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    )


def _tc(width_twips: int, span: int, vmerge: str | None, fill: str | None, paragraph: str) -> str:
    props = f'<w:tcW w:w="{width_twips}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        props += "<w:vMerge/>"
    if fill:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    props += '<w:vAlign w:val="center"/>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{paragraph}</w:tc>"


def _paragraph(run: str, align: str, keep_next: bool) -> str:
    keep = "<w:keepNext/>" if keep_next else ""
    return (
        f'<w:p><w:pPr>{keep}<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
        f'<w:ind w:firstLine="0"/><w:jc w:val="{align}"/></w:pPr>{run}</w:p>'
    )


def _align(cell: GridCell, section: int | None, n_cols: int) -> tuple[str, str | None]:
    """Alignment and fill of a cell: bands and section 三's row labels left, everything else centred."""
    band = section == 2 and cell.colspan == n_cols
    row_label = section == 3 and cell.cell_id is None and cell.colspan < 7
    left = band or row_label or (cell.cell_id is None and not cell.header)
    return ("left" if left else "center"), (BAND_FILL if band else None)


def table_xml(
    grid: Grid,
    values: dict[str, Value],
    widths: list[int],
    *,
    section: int | None,
    east_asia: str,
    latin: str,
    size_pt: float,
    head_rows: int = 0,
    keep_together: bool = False,
):
    """A w:tbl element drawing the grid with its merges, values and fonts."""
    n_cols = width(grid)
    assert len(widths) == n_cols
    half_points = round(size_pt * 2)
    # Which grid cell starts at, or covers, each position.
    origin: dict[tuple[int, int], tuple[int, int, GridCell]] = {}
    for y, row in enumerate(grid):
        x = 0
        for cell in row:
            while (y, x) in origin:
                x += 1
            for dy in range(cell.rowspan):
                for dx in range(cell.colspan):
                    origin[(y + dy, x + dx)] = (y, x, cell)
            x += cell.colspan
    rows = []
    for y in range(len(grid)):
        keep = keep_together and y < len(grid) - 1
        tcs = []
        x = 0
        while x < n_cols:
            oy, _, cell = origin[(y, x)]
            span_width = sum(widths[x : x + cell.colspan])
            vmerge = None if cell.rowspan == 1 else ("restart" if oy == y else "continue")
            align, fill = _align(cell, section, n_cols)
            text = cell_text(cell, values) if oy == y else ""
            run = _run(text, east_asia, latin, half_points)
            tcs.append(_tc(span_width, cell.colspan, vmerge, fill, _paragraph(run, align, keep)))
            x += cell.colspan
        tr_props = "<w:cantSplit/>" + ("<w:tblHeader/>" if y < head_rows else "")
        rows.append(f"<w:tr><w:trPr>{tr_props}</w:trPr>{''.join(tcs)}</w:tr>")
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="{BORDER}" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    margins = f'<w:left w:w="{CELL_MARGIN}" w:type="dxa"/><w:right w:w="{CELL_MARGIN}" w:type="dxa"/>'
    tbl_pr = (
        f'<w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar>{margins}</w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr>'
    )
    grid_xml = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return parse_xml(
        f"<w:tbl {nsdecls('w')}>{tbl_pr}<w:tblGrid>{grid_xml}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )
