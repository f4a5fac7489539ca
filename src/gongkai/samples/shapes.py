"""Render a report in the shapes reports are published and scraped in.

These are deliberately the rough shapes found in the wild (what a scraper or a Word paste leaves),
not the polished national layout of `gongkai.write`.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from pathlib import Path

import docx
import opencc

from gongkai.format.layout import GridCell, expand, grids
from gongkai.format.spec import SECTIONS, get
from gongkai.model.report import Report
from gongkai.model.values import value_to_json

# Pinyin debris some converters leave after a traditional character: 統(tǒng).
_DEBRIS = {
    "統": "tǒng",
    "開": "kāi",
    "數": "shù",
    "規": "guī",
    "務": "wù",
    "執": "zhí",
    "現": "xiàn",
    "業": "yè",
}


def title_of(report: Report) -> str:
    """The report's title, or one made from its body and year (a report read without a title)."""
    return report.title or f"{report.body or ''}{report.year}年政府信息公开工作年度报告"


def _value(report: Report, cid: str) -> str:
    v = report.cells.get(cid)
    return "" if v is None else str(value_to_json(v))


def table_rows(report: Report, section: int) -> list[list[str]]:
    """The section's table as rows of strings, covered merge positions as ""."""
    rows = []
    for line in expand(grids(get(report.format))[section]):
        rows.append([_text(report, c) for c in line])
    return rows


def _text(report: Report, c: GridCell | None) -> str:
    if c is None:
        return ""
    return _value(report, c.cell_id) if c.cell_id else c.text


def _blocks(report: Report, table: Callable[[list[list[str]]], list[str]]) -> list[str]:
    out = [title_of(report)]
    for s in SECTIONS:
        out.append(s.title)
        if s.narrative:
            out.extend((report.sections.get(s.number) or "").split("\n"))
        else:
            out.extend(table(table_rows(report, s.number)))
    return out


def tab_text(report: Report) -> str:
    return "\n".join(_blocks(report, lambda rows: ["\t".join(r) for r in rows])) + "\n"


def markdown(report: Report) -> str:
    def md(rows):
        width = len(rows[0])
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
        return lines + ["| " + " | ".join(r) + " |" for r in rows[1:]]

    return "\n\n".join(_blocks(report, md)) + "\n"


def one_cell_per_line(report: Report) -> str:
    """Each cell on its own line ending in " |", empty cells as bare pipes (seed 004's shape)."""

    def cells(rows):
        out = []
        for r in rows:
            run = 0
            for c in r:
                if c:
                    if run:
                        out.append("|" * run)
                        run = 0
                    out.append(f"{c} |")
                else:
                    run += 1
            if run:
                out.append("|" * run)
        return out

    return "\n".join(_blocks(report, cells)) + "\n"


def cells_per_line(report: Report) -> str:
    """Each non-empty cell on a line of its own, no pipes: text copied out of a PDF's tables."""
    return "\n".join(_blocks(report, lambda rows: [c for r in rows for c in r if c])) + "\n"


def lines_by_height(report: Report, rng: random.Random | None = None) -> str:
    """Text a PDF extractor gives when it orders a page's lines by height (pdfplumber's extract_text):
    a row's label and values on one line, but where a label sits lower in its cell than its values
    the values stand on a line of their own above it, and a wrapped label has its values between its
    two parts. A group label merged over rows stands on a line of its own in its group, or with the
    values of the row below it; 三、本年度办理结果 runs down its cell a character a line; page
    numbers ("- 2 -") fall between rows. Without `rng`, one row of each kind in section 三."""
    rng = rng or random.Random(0)
    page = [1]

    def table(rows: list[list[str]]) -> list[str]:
        out: list[str] = []
        vertical: list[str] = []
        plain_before = True  # only a row after a row printed whole may move its values
        for row in rows:
            values = [c for c in row if _is_number(c)]
            labels = [c for c in row if c and not _is_number(c)]
            if len(values) < 7 or not labels:
                out.append(" ".join(labels + values))
                continue
            if row[0]:  # a row of the first column: the vertical label runs down its own rows only
                vertical = list(labels.pop(0)) if row[0] == "三、本年度办理结果" else []
            *groups, leaf = labels
            prefix = f"{vertical.pop(0)} " if vertical and rng.random() < 0.6 else ""
            numbers = " ".join(values)
            kind = rng.choice(["whole", "whole", "above", "around", "group"]) if plain_before else "whole"
            if kind == "group" and not groups:
                kind = "above"
            if kind == "around" and len(leaf) < 6:
                kind = "whole"
            if kind == "group":  # the group label, its row's values, then the row's own label
                out += [*groups, numbers, prefix + leaf]
            else:
                out += groups  # a group label on a line of its own, before its first row
                if kind == "above":
                    out += [numbers, prefix + leaf]
                elif kind == "around":
                    cut = rng.randrange(3, len(leaf) - 2)
                    out += [prefix + leaf[:cut], numbers, leaf[cut:]]
                else:
                    out.append(f"{prefix}{leaf} {numbers}")
            plain_before = kind == "whole"
            if plain_before and rng.random() < 0.1:
                page[0] += 1
                out.append(f"- {page[0]} -")
        return out

    return "\n".join(_blocks(report, table)) + "\n"


def labels_then_columns(report: Report, pages: int = 1) -> str:
    """Text pdfminer (and so markitdown) gives of section 三's table: on each page, the row labels
    first, one a line (group labels and all), then every value of the first column down the rows,
    then the second column, and so on. `pages`: the rows cut into that many pages."""
    out = [title_of(report)]
    for s in SECTIONS:
        out.append(s.title)
        if s.narrative:
            out.extend((report.sections.get(s.number) or "").split("\n"))
            continue
        rows = table_rows(report, s.number)
        if s.number != 3:
            out.extend(" ".join(c for c in r if c) for r in rows)
            continue
        data = [r for r in rows if any(_is_number(c) for c in r)]
        out.extend(" ".join(c for c in r if c) for r in rows if r not in data)
        size = -(-len(data) // pages)
        for start in range(0, len(data), size):
            page = data[start : start + size]
            out.extend(c for r in page for c in r if c and not _is_number(c))
            values = [[c for c in r if _is_number(c)] for r in page]
            width = max(len(v) for v in values)  # a blank cell prints nothing at all
            out.extend(v[j] for j in range(width) for v in values if j < len(v))
            if start + size < len(data):
                out.append(f"- {start // size + 2} -")
    return "\n".join(out) + "\n"


def run_together(report: Report) -> str:
    """Section 三 values printed with no separator between them."""
    fmt = get(report.format)
    req = fmt.table("requests")
    text = tab_text(report)
    out = []
    labels = {r.label for r in req.rows}
    for line in text.split("\n"):
        cells = line.split("\t")
        values = [c for c in cells if c.isdigit()]
        if len(values) == len(req.columns) and any(c in labels for c in cells):
            head = [c for c in cells if c and not c.isdigit()]
            line = " ".join(head) + " " + "".join(values)
        out.append(line)
    return "\n".join(out)


def traditional(text: str, debris: bool = True) -> str:
    # Taiwan standard forms: what Big5 encodes (plain s2t yields variants such as 爲 that it cannot).
    t = opencc.OpenCC("s2tw").convert(text)
    if debris:
        for ch, py in _DEBRIS.items():
            t = t.replace(ch, f"{ch}({py})")
    return t


def html_table(rows_grid, report: Report, split_spans: bool = False) -> str:
    parts = ["<table border=1>"]
    for row in rows_grid:
        parts.append("<tr>")
        for c in row:
            text = _text(report, c)
            if split_spans and len(text) > 1:
                k = len(text) // 2
                text = f"<span style='font-family:宋体'>{text[:k]}</span><span lang=EN-US>{text[k:]}</span>"
            attrs = (f" rowspan={c.rowspan}" if c.rowspan > 1 else "") + (
                f" colspan={c.colspan}" if c.colspan > 1 else ""
            )
            cls = " class=MsoNormal" if split_spans else ""
            parts.append(f"<td{attrs}><p{cls}>{text}</p></td>")
        parts.append("</tr>")
    parts.append("</table>")
    return "".join(parts)


def html(report: Report, word: bool = False, page: bool = False) -> str:
    g = grids(get(report.format))
    title = report.title or ""
    body = [f"<h1>{title}</h1>"]
    for s in SECTIONS:
        body.append(f"<p><b>{s.title}</b></p>")
        if s.narrative:
            body.extend(f"<p>{p}</p>" for p in (report.sections.get(s.number) or "").split("\n"))
        else:
            body.append(html_table(g[s.number], report, split_spans=word))
    content = "\n".join(body)
    if page:
        nav = "<ul class=nav><li>首页</li><li>政务公开</li><li>政府信息公开年报</li><li>互动交流</li></ul>"
        foot = "<div class=footer>主办单位：示范县人民政府办公室 网站标识码 1234567890 ICP备案号</div>"
        script = "<script>var x = '<table><tr><td>1</td></tr></table>';</script>"
        content = f"<div class=header>{nav}</div><div class=main>{content}</div>{foot}{script}"
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{title}_示范县人民政府网</title></head><body>{content}</body></html>"
    )


def docx_bytes(report: Report) -> bytes:
    d = docx.Document()
    d.add_paragraph(report.title or "")
    g = grids(get(report.format))
    for s in SECTIONS:
        d.add_paragraph(s.title)
        if s.narrative:
            for p in (report.sections.get(s.number) or "").split("\n"):
                d.add_paragraph(p)
            continue
        full = expand(g[s.number])
        table = d.add_table(rows=len(full), cols=len(full[0]))
        for y, line in enumerate(full):
            for x, c in enumerate(line):
                if c is None:
                    continue
                cell = table.cell(y, x)
                if c.rowspan > 1 or c.colspan > 1:
                    cell = cell.merge(table.cell(y + c.rowspan - 1, x + c.colspan - 1))
                cell.text = _text(report, c)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


# name → (file name, bytes maker)
SHAPES: dict[str, tuple[str, Callable[[Report], bytes]]] = {
    "tab": ("tab.txt", lambda r: tab_text(r).encode()),
    "tab-gb18030": ("tab-gb18030.txt", lambda r: tab_text(r).encode("gb18030")),
    "traditional-big5": ("big5.txt", lambda r: traditional(tab_text(r), False).encode("big5", "replace")),
    "pipe-traditional": ("pipe-traditional.txt", lambda r: traditional(one_cell_per_line(r)).encode()),
    "cells-per-line": ("cells.txt", lambda r: cells_per_line(r).encode()),
    "lines-by-height": ("pdf-text.txt", lambda r: lines_by_height(r).encode()),
    "markdown": ("report.md", lambda r: markdown(r).encode()),
    "run-together": ("run-together.txt", lambda r: run_together(r).encode()),
    "flattened": ("flattened.txt", lambda r: flattened(r).encode()),
    "ocr-markdown": ("ocr.md", lambda r: ocr_markdown(r).encode()),
    "html": ("table.html", lambda r: html(r).encode()),
    "html-word": ("word-pasted.html", lambda r: html(r, word=True).encode()),
    "html-page": ("saved-page.html", lambda r: html(r, page=True).encode()),
    "docx": ("report.docx", docx_bytes),
}


def write_samples(directory: Path, seed: int = 7) -> list[Path]:
    """Write one sample of each shape, alternating formats and bodies; returns the paths."""
    from gongkai.samples.make import consistent_report

    directory.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for i, (filename, make) in enumerate(SHAPES.values()):
        version = "2019" if i % 4 == 3 else "2021"
        report = consistent_report(rng.randint(1, 10**6), version)
        path = directory / f"{i:02d}-{version}-{filename}"
        path.write_bytes(make(report))
        paths.append(path)
    return paths


def flattened(report: Report, rng: random.Random | None = None) -> str:
    """The whole report on one line after crawler metadata, as archive crawlers store a page:
    breadcrumbs and page tools first, 附件下载 and the footer last. Section 三's values run together;
    those of 二 (which has no sums to cut a run by) and 四 (whose sums leave ties more often) are
    separated by spaces. With `rng`: stray spaces inside labels and headings, units after some
    values of 二 (件, 万元), and section 三 and 四's values run together with spaces at random."""
    title = title_of(report)

    def stray(text: str) -> str:
        if rng is None or len(text) < 2:
            return text
        k = rng.randrange(1, len(text))
        return text[:k] + " " + text[k:] if rng.random() < 0.3 else text

    def digits(values: list[str]) -> str:
        if rng is None:
            return "".join(values)
        return "".join(v + (" " if rng.random() < 0.3 else "") for v in values).strip()

    parts = ["当前位置：首页 > 政务公开 > 政府信息公开年报 全真版 文字版 ", title]
    for s in SECTIONS:
        parts.append(stray(s.title))
        if s.narrative:
            parts.append((report.sections.get(s.number) or "").replace("\n", ""))
            continue
        for row in table_rows(report, s.number):
            labels = [stray(c) for c in row if c and not _is_number(c)]
            values = [c for c in row if _is_number(c)]
            if rng and s.number == 2:  # units after some values: 512件, 3121.5万元
                values = [v + ("万元" if "." in v else "件") if rng.random() < 0.3 else v for v in values]
            glue = digits if s.number == 3 or (rng and s.number == 4) else " ".join
            parts.append("".join(labels) + glue(values))
    parts.append(" 附件下载： 【打印本页】【关闭窗口】 主办单位：示范县人民政府办公室 京ICP备05001234号")
    meta = [
        f"标题: {title}",
        f"发布时间: {report.year + 1}-01-20 09:30",
        "原文链接: https://www.example.gov.cn/a/1.html",
    ]
    return "\n".join([*meta, "".join(parts)]) + "\n"


def flatten_lines(
    lines: list[list[str]], title: str, rng: random.Random | None = None, metadata: bool = True
) -> str:
    """Any report's lines of cells (a real one's, as a reader found them) flattened as a crawler
    stores the page: breadcrumbs and page tools, then every cell run together on one line. With
    `rng`: a space inside some label cells and after some cells (never inside a number)."""

    def cell(text: str) -> str:
        if rng is None:
            return text
        if len(text) > 1 and not _is_number(text) and rng.random() < 0.3:
            k = rng.randrange(1, len(text))
            text = text[:k] + " " + text[k:]
        return text + (" " if rng.random() < 0.3 else "")

    crumbs = "当前位置：首页 > 政务公开 > 政府信息公开年报 全真版 文字版 "
    page = f"{crumbs}{title} 发布时间：2024-01-20 字号：大 中 小 "
    body = "".join(cell(c.strip()) for line in lines for c in line if c.strip())
    end = " 附件下载： 【打印本页】【关闭窗口】 主办单位：某某人民政府办公室 京ICP备05001234号"
    meta = [f"标题: {title}", "发布时间: 2024-01-20 09:30", "原文链接: https://www.example.gov.cn/a/1.html"]
    return "\n".join([*(meta if metadata else []), page + body + end]) + "\n"


def _is_number(text: str) -> bool:
    return text.lstrip("-").replace(".", "", 1).isdigit()


def ocr_markdown(report: Report, rng: random.Random | None = None) -> str:
    """Markdown as OCR/LLM converters make it from a PDF: the narrative 一–六 first, the tables after
    as 表一–表三; section 三 cut into small tables under generic headers (数据1 …), one of them
    headed by column-header fragments; a group label broken over two cells; a placeholder table of
    `-`; page numbers `— 1 —`; table 四 as three five-column tables with a note under them. With
    `rng`: small tables of 2–7 rows, and page numbers between any of them."""

    def md(rows: list[list[str]], header: list[str] | None = None) -> list[str]:
        width = max(len(r) for r in rows)
        head = header or [f"数据{i + 1}" for i in range(width)]
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        return [*lines, *("| " + " | ".join(r) + " |" for r in rows), ""]

    out = [title_of(report), ""]
    for s in SECTIONS:
        out += [f"## {s.title}", ""]
        text = (report.sections.get(s.number) or "") if s.narrative else f"详见表{'一二三'[s.number - 2]}。"
        out += [text, ""]
    out += ["— 1 —", ""]
    out += ["**表一 主动公开政府信息情况**", ""]
    active = table_rows(report, 2)
    for row in active:  # a note after a count and a unit after an amount, as some reports print them
        if row[0] in ("行政许可", "行政事业性收费"):
            row[1] += "（含自然失效 12 件）" if row[0] == "行政许可" else "万元"
    out += md(active[1:], active[0])
    out += md([["-", "-", "-", "-"], ["-", "-", "-", "-"]], ["-", "-", "-", "-"])
    out += ["**表二 收到和处理政府信息公开申请情况**", ""]
    requests = [[c for c in r] for r in table_rows(report, 3)]
    body = requests[3:]
    withheld = next(i for i, r in enumerate(body) if "（三）不予公开" in r)
    body[withheld] = ["（三）不", "予公开", *body[withheld][2:]]
    duplicate = next(i for i, r in enumerate(body) if "2.重复申请" in r)
    body[duplicate] = ["", "", "", *body[duplicate][3:]]  # a value row whose label the OCR lost
    out += md([["", "", "", "", "业", "构", "益组织", "务机构", "", ""]], requests[1])
    start = 0
    while start < len(body):
        size = rng.randint(2, 7) if rng else 5
        out += md(body[start : start + size])
        start += size
        if (rng.random() < 0.3) if rng else start == 15:
            out += [f"— {start // 5 + 1} —", ""]
    out += ["**表三 政府信息公开行政复议、行政诉讼情况**", ""]
    appeals = table_rows(report, 4)[-1]
    heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    for name, k in (("行政复议", 0), ("行政诉讼（未经复议直接起诉）", 5), ("行政诉讼（复议后起诉）", 10)):
        out += [name, "", *md([appeals[k : k + 5]], heads)]
    out += ["注：本表数据统计时间为当年1月1日至12月31日。", "", "— 3 —", ""]
    return "\n".join(out)
