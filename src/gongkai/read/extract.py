"""Document → Report: locate the sections, rebuild and align each table's rows, read the values."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from gongkai.format.layout import grids
from gongkai.format.spec import APPEALS, OUTCOME_ROWS, Format, Kind, Row, Table, Version, get
from gongkai.model.finding import error, warning
from gongkai.model.report import NARRATIVE, Report
from gongkai.model.values import ValueError_, parse_value
from gongkai.read import meta
from gongkai.read.align import align
from gongkai.read.columns import unfold
from gongkai.read.document import Document, ReadError
from gongkai.read.fit import Constraint, Reading, readings, resolve
from gongkai.read.normalize import label_key
from gongkai.read.rows import (
    DataRow,
    build_rows,
    fewest_values,
    is_group,
    is_header,
    names_two_rows,
    own_label,
)
from gongkai.read.sections import find_sections, narrative
from gongkai.read.settings import SETTINGS

HOW = {
    "padded": "行中有多余的空白单元格，已按数值个数读取",
    "window": "行中数值个数多于应有的个数，已按勾稽关系选取",
    "blank_first": "行首有空白单元格",
    "missing": "行中数值个数少于应有的个数",
    "split": "数字连在一起没有分隔，已按勾稽关系拆分",
    "blank_row": "整行空白",
    "unsplit": "数字连在一起，无法确定如何拆分，已留空",
    "rows_merged": "行中印有几行的数值（标签与数值分开印出），无法分出本行的数值，已留空",
}


def extract(doc: Document, source: str | None = None) -> Report:
    regions = find_sections(doc)
    title = meta.find_title(doc, regions)
    body, year = meta.body_and_year(title)
    texts = [line.text for line in doc.lines]
    all_text = "\n".join(texts)
    if year is None:
        year = meta.year_from_text(all_text)
    if body is None:
        body = meta.body_from_text(doc)
    if year is not None and year < meta.FIRST_YEAR:
        raise ReadError(f"这是 {year} 年度的报告：2019 年以前的年度报告不是国家统一格式，不在支持范围内")
    version = meta.detect_format(texts, regions, year)
    report = Report.blank(version, source=source, body=body, year=year, title=title)
    fmt = get(version)
    used: dict[int, list[str]] = {}  # line where a printed row's values start → the cells they filled
    found = _read_requests(doc, regions, fmt, report, used)
    _read_active(doc, regions, fmt, report, used)
    _read_appeals(doc, regions, report, used)
    _ends_in_a_row(doc, regions, report, used)
    if not found and title is None:
        raise ReadError("不是政府信息公开工作年度报告：没有找到年度报告标题，也没有找到申请情况统计表")
    for number in NARRATIVE:
        text = narrative(doc, regions, number)
        if text is not None:
            report.sections[number] = text
    for note in doc.notes:
        report.findings.append(warning("read.note", note))
    return report


# ------------------------------------------------------------------------------------------ tables


def _interleaved(rows: list[DataRow], flat: DataRow) -> bool:
    """Section 四's values in runs that are neither whole groups (5 values) nor one value a line,
    with header words between them, whose sums fail: text in a PDF's column order, not a report's
    own slip (a report whose sums fail prints its 15 values in order, and they are read as printed)."""
    counts = [len(r.tokens) for r in rows]  # empty cells among the values count: they are cells
    width = len(APPEALS.columns)
    if flat.soft or len(rows) < 2 or all(n % width == 0 or n == 1 for n in counts):
        return False
    if not any(r.label_text.strip() for r in rows[1:]):
        return False  # one row of values wrapped over lines: read as printed
    values = [t for t in flat.tokens if t]
    if len(values) != len(APPEALS.ids) or not all(v.isdigit() for v in values):
        return True
    groups = [[int(v) for v in values[i : i + width]] for i in range(0, len(values), width)]
    return any(sum(g[:-1]) != g[-1] for g in groups)


def _match(
    rows: list[DataRow],
    model: list[Row],
    ids: list[tuple[str, ...]],
    report: Report,
    where: str,
    header: frozenset[str],
) -> dict[int, DataRow]:
    """Model row index → printed row; reports printed rows that match nothing. `ids`: each model
    row's cells; `header`: the characters of the table's column headers."""
    mixed = set()
    for k, row in enumerate(rows):
        if row.tokens and names_two_rows(row.label_text):
            # Another row's label lines glued before this one's (text out of order): the row keeps
            # its own label if that stands with the values; otherwise it is no row's.
            own = own_label(row)
            if own:
                row.label = own
            else:
                mixed.add(k)
    matches = align([r.label_text for r in rows], model)
    matches = [None if k in mixed else m for k, m in enumerate(matches)]
    if not any(
        m is not None
        and len(rows[k].tokens) >= 2 * len(ids[m])  # most rows: too few cells, without counting
        and len([t for t in rows[k].tokens if t]) >= 2 * len(ids[m])
        for k, m in enumerate(matches)
    ):
        # (a row holding the values of several rows means labels and values were printed apart, in
        # column order: there the place of a row of values says nothing about whose values they are)
        matches = _between_neighbours(rows, matches, report, model, ids, where, header)
    out: dict[int, DataRow] = {}
    for row, m in zip(rows, matches, strict=True):
        if m is None and not any(row.tokens):
            continue  # a heading or header row with blank cells, not a row of the format
        if m is None:
            label = row.label_text[-30:] or "（无标签）"
            report.findings.append(
                warning("read.row_unrecognised", f"{where}：无法识别的行“{label}”，其数值未读取")
            )
        else:
            out[m] = row
    return out


def _between_neighbours(
    rows: list[DataRow],
    matches: list[int | None],
    report: Report,
    model: list[Row],
    ids: list[tuple[str, ...]],
    where: str,
    header: frozenset[str],
) -> list[int | None]:
    """Rows of values whose labels were lost (OCR), standing between two recognised rows with
    exactly as many format rows missing between them, are those rows in order, with a finding.

    Text taken from a PDF by height may print a row's values on a line of their own beside a label
    that stands alone, or beside a group label (（五）不予处理) or the column headers, which hold no
    values: such labels do not count as their rows found, and such values count as lost labels
    (when there are enough of them for a row: a page number or a stray value is none)."""
    out = list(matches)
    groups = _group_keys(tuple(model))
    apart = {k: m for k, m in enumerate(out) if m is not None and _values_apart(rows[k])}
    for k in apart:
        out[k] = None
    least = fewest_values(min(len(i) for i in ids))
    lost = [_lost_label(row, m, groups, header, least) for row, m in zip(rows, out, strict=True)]
    taken = {m for m in out if m is not None}
    i = 0
    while i < len(rows):
        if not lost[i]:
            i += 1
            continue
        run_end = i
        while run_end < len(rows) and (lost[run_end] or run_end in apart):
            run_end += 1
        before = next((out[k] for k in range(i - 1, -1, -1) if out[k] is not None), -1)
        after = next((out[k] for k in range(run_end, len(out)) if out[k] is not None), len(model))
        missing = list(range(before + 1, after))
        run = [k for k in range(i, run_end) if lost[k]]
        if len(missing) == len(run) and not taken & set(missing):
            for k, m in zip(run, missing, strict=True):
                out[k] = m
                taken.add(m)
                beside = label_key(rows[k].label_text)
                said = (
                    f"{where}：一行数值印在“{rows[k].label_text}”旁，按前后行的位置读作“{model[m].label}”"
                    if beside
                    else f"{where}：一行数值没有标签，按前后行的位置读作“{model[m].label}”"
                )
                report.findings.append(warning("read.row_inferred", said))
        i = run_end
    for k, m in apart.items():
        if m not in taken:
            out[k] = m  # its values were not found elsewhere: the row stays, blank
    _unsure_where_values_stand_apart(rows, out, lost, apart, report, model, ids, where)
    return out


def _unsure_where_values_stand_apart(
    rows: list[DataRow],
    out: list[int | None],
    lost: list[bool],
    apart: dict[int, int],
    report: Report,
    model: list[Row],
    ids: list[tuple[str, ...]],
    where: str,
) -> None:
    """Values left with no row, or a label left with no values, between two rows printed whole: a
    row there whose values stood on a line of their own after its label may have taken the values
    printed above the next label (a line lost, two rows printed so in a row). Its values are not
    read; a finding naming its cells says why."""
    left = [k for k in range(len(rows)) if out[k] is None and lost[k]]  # values with no row
    left += [k for k, m in apart.items() if out[k] == m]  # a label whose values were not found
    if not left:
        return
    whole = [k for k, m in enumerate(out) if m is not None and any(rows[k].tokens) and not rows[k].apart]
    for k in sorted(set(left)):
        start = max((a for a in whole if a < k), default=-1)
        end = min((a for a in whole if a > k), default=len(rows))
        for j in range(start + 1, end):
            m = out[j]
            if m is not None and rows[j].apart:
                out[j] = None
                said = (
                    f"{where}“{model[m].label}”的数值印在标签之后的另一行，附近还有找不到标签的数值"
                    "或没有数值的标签，无法确定这些数值属于哪一行，未读取"
                )
                report.findings.append(warning("read.row_unsure", said, list(ids[m])))


def _values_apart(row: DataRow) -> bool:
    """A label on a line of its own whose values were printed elsewhere (no cell at all after it)."""
    return not row.tokens and not row.positional and bool(row.label_text.strip())


def _lost_label(
    row: DataRow, match: int | None, groups: frozenset[str], header: frozenset[str], least: int
) -> bool:
    if match is not None or len([t for t in row.tokens if t]) < least:
        return False
    # a group label may carry a character of the vertical 三、本年度办理结果 before it (度 （四）无法提供)
    return not label_key(row.label_text) or is_group(row.label, groups) or is_header([row.label_text], header)


@cache
def _header_chars(version: Version, section: int) -> frozenset[str]:
    """The characters of a table's column headers (the template's rows that hold no value cell):
    a label made of them alone is header text, broken however a PDF's text broke it."""
    grid = grids(get(version))[section]
    headers = [row for row in grid if not any(c.cell_id for c in row)]
    return frozenset("".join(label_key(c.text) for row in headers for c in row))


def _values(fmt: Format, printed: dict[str, str | None]) -> tuple[dict, list[tuple[str, str]]]:
    """Printed text → values; text that is not a number becomes None, with the reason."""
    values, problems = {}, []
    for cell, text in printed.items():
        if text and text.isascii() and text.isdigit() and (text[0] != "0" or len(text) == 1):
            values[cell] = int(text) if fmt.kind(cell) is not Kind.AMOUNT else Decimal(text)
            continue  # the common case, without parse_value's general path
        try:
            values[cell] = None if text is None else parse_value(text, fmt.kind(cell))
        except ValueError_ as e:
            values[cell] = None
            problems.append((cell, str(e)))
    return values, problems


def _unit_fits(found: list[Reading], row: DataRow, kinds: list[Kind]) -> list[Reading]:
    """Readings that put a number printed with 元/万元 into an amount cell (when any do)."""
    if not row.money:
        return found
    fits = [
        r
        for r in found
        if all(kind is Kind.AMOUNT for v, kind in zip(r.values, kinds, strict=True) if v in row.money)
    ]
    return fits or found


# One row of the format as the reader fills it: its label and the ids of its cells, in print order.
Spec = tuple[str, list[str]]


def _apply(
    report: Report,
    fmt: Format,
    specs: list[Spec],
    printed: dict[int, DataRow],
    group: int | None,
    constraints_of,
    where: str,
    left: bool = False,
    width: int | None = None,
) -> None:
    readings_of: dict[int, list[dict]] = {}
    preferred: dict[int, list[bool]] = {}
    hows: dict[int, str] = {}
    for index, drow in printed.items():
        ids = specs[index][1]
        rs = _unit_fits(readings(drow, len(ids), group, left, width), drow, [fmt.kind(i) for i in ids])
        hows[index] = rs[0].how
        readings_of[index] = [dict(zip(ids, r.values, strict=True)) for r in rs]
        preferred[index] = [r.preferred for r in rs]
    parsed = {i: [_values(fmt, o) for o in opts] for i, opts in readings_of.items()}
    for index, drow in printed.items():
        if drow.soft:  # cuts of flattened digits that give a cell an impossible value are no readings
            _drop_unparsable(index, parsed, readings_of, preferred)
    settled = resolve({i: [v for v, _ in p] for i, p in parsed.items()}, constraints_of, preferred)
    for index in sorted(settled):
        label, ids = specs[index]
        chosen, unsure, taken = settled[index]
        report.cells.update(chosen)
        for cell, text in readings_of[index][taken].items():
            if text is not None:
                report.raw[cell] = text
        for cell, reason in parsed[index][taken][1]:
            report.findings.append(warning("read.unreadable", f"{fmt.label(cell)}：{reason}", [cell]))
        if hows[index] != "exact":
            n = len([t for t in printed[index].tokens if t != ""])
            report.findings.append(
                warning(
                    "read.value_count",
                    f"{where}“{label}”：{HOW[hows[index]]}（印有 {n} 个数值，应为 {len(ids)} 个）",
                    ids,
                )
            )
        if unsure:
            report.findings.append(
                warning(
                    "read.ambiguous",
                    f"{where}“{label}”：有多种读法都符合表内勾稽关系，无法确定的单元格留空",
                    unsure,
                )
            )
    if printed:
        for index, (label, ids) in enumerate(specs):
            if index not in printed:
                report.findings.append(error("read.row_missing", f"{where}缺少“{label}”行", ids))


def _drop_unparsable(index: int, parsed: dict, readings_of: dict, preferred: dict) -> None:
    keep = [k for k, (_, problems) in enumerate(parsed[index]) if not problems]
    if keep and len(keep) < len(parsed[index]):
        parsed[index] = [parsed[index][k] for k in keep]
        readings_of[index] = [readings_of[index][k] for k in keep]
        preferred[index] = [preferred[index][k] for k in keep]


def _specs(table: Table) -> list[Spec]:
    return [(r.label, table.row_ids(r)) for r in table.rows]


@cache
def _requests_constraints(version: Version) -> list[Constraint]:
    fmt = get(version)
    t = fmt.table("requests")
    cols = [c.key for c in t.columns]
    out: list[Constraint] = []
    for r in t.rows:
        ids = t.row_ids(r)
        out.append((tuple(ids[:-1]), (ids[-1],)))
    outcomes = OUTCOME_ROWS[fmt.version]
    for c in cols:
        out.append(
            (
                (t.cell_id("received", c), t.cell_id("brought_forward", c)),
                (t.cell_id("total", c), t.cell_id("carried_forward", c)),
            )
        )
        out.append((tuple(t.cell_id(o, c) for o in outcomes), (t.cell_id("total", c),)))
    return out


def _touching(constraints: list[Constraint]):
    def of(option: dict) -> list[Constraint]:
        cells = set(option)
        return [k for k in constraints if cells & set(k[0]) or cells & set(k[1])]

    return of


def _read_requests(doc: Document, regions, fmt: Format, report: Report, used: dict[int, list[str]]) -> bool:
    table = fmt.table("requests")
    header = _header_chars(fmt.version, 3)
    keys = _label_keys(table.rows)
    rows = build_rows(doc, *regions.table_span(3), keys, header, len(table.columns), _group_keys(table.rows))
    rows = unfold(rows, table.rows, len(table.columns), header)
    specs = _specs(table)
    printed = _match(rows, list(table.rows), [i for _, i in specs], report, "第三部分", header)
    used.update({r.line: specs[i][1] for i, r in printed.items()})
    constraints = _touching(_requests_constraints(fmt.version))
    width = len(table.columns) + SETTINGS.label_columns
    _apply(report, fmt, specs, printed, len(table.columns), constraints, "第三部分", width=width)
    for index, drow in printed.items():
        if drow.columns_unsure:
            label, ids = specs[index]
            unsure = [i for i in ids[:-1] if report.cells.get(i) is not None]
            for cell in unsure:
                report.cells[cell] = None
                report.raw.pop(cell, None)
            said = (
                f"第三部分“{label}”：表格按列印出，文本中各列的次序无法确定，只读取总计列（由勾稽关系确定）"
            )
            report.findings.append(warning("read.columns_unsure", said, unsure))
    return bool(printed)


def _read_active(doc: Document, regions, fmt: Format, report: Report, used: dict[int, list[str]]) -> None:
    tables = fmt.tables_of(2)
    model = [(t, r) for t in tables for r in t.rows]
    header = _header_chars(fmt.version, 2)
    rows = build_rows(doc, *regions.table_span(2), _label_keys(tuple(r for _, r in model)), header)
    specs = [(r.label, tuple(t.row_ids(r))) for t, r in model]
    printed = _match(rows, [r for _, r in model], [i for _, i in specs], report, "第二部分", header)
    used.update({r.line: specs[i][1] for i, r in printed.items()})
    _apply(report, fmt, specs, printed, None, lambda option: [], "第二部分", left=True)


@cache
def _group_keys(rows: tuple[Row, ...]) -> frozenset[str]:
    """The label keys of a table's group labels: （三）不予公开 …, and 三、本年度办理结果."""
    return frozenset(label_key(r.group) for r in rows if r.group)


@cache
def _label_keys(rows: tuple[Row, ...]) -> frozenset[str]:
    """The label keys of a section's rows (and their variants), once per format."""
    return frozenset(label_key(text) for r in rows for text in (r.label, *r.variants))


def _ends_in_a_row(doc: Document, regions, report: Report, used: dict[int, list[str]]) -> None:
    """A file that stops in a row of values, with neither section 五 nor 六 after it, was cut off (a
    truncated download): that row's last value may have lost digits, so its cells are named."""
    last = len(doc.lines) - 1
    if regions.starts[5] is not None or regions.starts[6] is not None or last not in used:
        return
    cells = [c for c in used[last] if report.cells.get(c) is not None]
    if cells:
        message = "文件在表格的一行中结束，其后没有第五、六部分（文件可能不完整）：该行的数值可能缺少数字"
        report.findings.append(warning("read.truncated", message, cells))


def _read_appeals(doc: Document, regions, report: Report, used: dict[int, list[str]]) -> None:
    fmt = get(report.format)
    rows = build_rows(doc, *regions.table_span(4))
    if regions.starts[4] is None and 4 not in regions.tables:
        # Without its heading, section 四's stretch runs back into the sections before it: the rows
        # their tables took (规章 130 198 722 …) are not its values. (A truncated file, a lost heading.)
        last_used = max(used, default=-1)
        rows = [r for r in rows if r.line > last_used]
    printed = [r for r in rows if any(r.tokens)]
    rows = printed or rows[-1:]  # header rows with blank cells carry no values
    if not rows:
        if regions.starts[4] is not None:  # the heading is there, its table is not (or unreadable)
            said = "第四部分：有标题，但没有读到行政复议、行政诉讼的数值"
            report.findings.append(error("read.row_missing", said, APPEALS.ids))
        return
    used.update({r.line: list(APPEALS.ids) for r in rows if r.tokens})
    # The national layout prints the 15 cells as one row; some reports print a row per group, so
    # the values are read in order whatever the rows.
    flat = DataRow(
        tokens=[t for r in rows for t in r.tokens],
        leading_empty=rows[0].leading_empty,
        soft=rows[0].soft,  # flattened text: its spaces are hints there too
        money={t for r in rows for t in r.money},
    )
    if _interleaved(rows, flat):
        said = (
            "第四部分：数值与表头文字交错印出（文本的顺序不是表格的顺序），其勾稽关系不成立，"
            "无法确定各数值所在的单元格，已留空"
        )
        report.findings.append(error("read.value_count", said, APPEALS.ids))
        return
    groups = [(tuple(APPEALS.row_ids(g)[:-1]), (APPEALS.row_ids(g)[-1],)) for g in APPEALS.rows]
    specs = [("行政复议、行政诉讼", APPEALS.ids)]
    _apply(report, fmt, specs, {0: flat}, len(APPEALS.columns), _touching(groups), "第四部分")
