"""Builders of HTML report pages for the HTML reader's tests (and its speed measurement).

Tables are drawn from the national layout grid with real rowspan/colspan; every value cell gets a
distinct non-zero number, so a cell read in the wrong column cannot go unnoticed.
"""

from __future__ import annotations

from gongkai.format import Format, get
from gongkai.format.layout import Grid, GridCell, expand, grids

SECTIONS_TEXT = {
    1: "本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进政务公开工作。",
    5: "存在的主要问题是公开内容不够全面。下一步将加强培训，提高公开质量。",
    6: "本年度未收取信息处理费。",
}


def values(fmt: Format, blank: frozenset[str] = frozenset()) -> dict[str, str]:
    """Distinct non-zero values (two or three digits) for every cell id; "" for the blank ones."""
    return {cid: ("" if cid in blank else str(11 + 7 * i)) for i, cid in enumerate(fmt.ids)}


def _split(text: str) -> list[str]:
    """Split a label or number near its middle, as Word splits text over runs: between two Han
    characters or two digits (a break of the markup elsewhere shows as a space)."""
    for half in sorted(range(1, len(text)), key=lambda i: abs(i - len(text) / 2)):
        a, b = text[half - 1], text[half]
        if (a.isdigit() and b.isdigit()) or ("\u4e00" <= a <= "\u9fff" and "\u4e00" <= b <= "\u9fff"):
            return [text[:half], text[half:]]
    return [text]


def cell_html(cell: GridCell, vals: dict[str, str], style: str = "plain") -> str:
    """One cell: "plain" markup, "styled" (a CMS editor's spans) or "word" (pasted from Word)."""
    text = vals[cell.cell_id] if cell.cell_id else cell.text
    attrs = ""
    if cell.rowspan > 1:
        attrs += f' rowspan="{cell.rowspan}"'
    if cell.colspan > 1:
        attrs += f" colspan={cell.colspan}"
    if style == "plain":
        return f"<td{attrs}>{text}</td>"
    if style == "styled":
        return f'<td{attrs} align="center"><span style="font-size:14px">{text}</span></td>'
    # Word: each half in its own run, a line break of the markup between them, &nbsp; for an empty cell.
    runs = "\n".join(
        f"<span lang=EN-US style='font-size:10.5pt;font-family:宋体'>{part}</span>" for part in _split(text)
    )
    if not text:
        runs = "<span lang=EN-US>&nbsp;<o:p></o:p></span>"
    return (
        f"<td{attrs} width=64 valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt'>\n"
        f"<p class=MsoNormal align=center style='text-align:center'>{runs}<o:p></o:p></p></td>"
    )


def table_html(grid: Grid, vals: dict[str, str], style: str = "plain") -> str:
    rows = "\n".join(
        "<tr style='height:20pt'>\n" + "\n".join(cell_html(c, vals, style) for c in row) + "\n</tr>"
        for row in grid
    )
    border = " class=MsoNormalTable border=1 cellspacing=0 cellpadding=0" if style == "word" else " border=1"
    return f"<table{border}>\n<tbody>\n{rows}\n</tbody>\n</table>"


def expected_rows(grid: Grid, vals: dict[str, str]) -> list[list[str | None]]:
    """The lines the reader must give for a grid: merged text once, None where a merge covers the
    position, "" for a blank cell."""
    out = []
    for row in expand(grid):
        out.append([(None if c is None else vals[c.cell_id] if c.cell_id else c.text) for c in row])
    return out


def report_body(fmt: Format, vals: dict[str, str], style: str = "plain") -> str:
    """The six sections: prose paragraphs and the three statistical tables."""
    g = grids(fmt)
    p = "<p class=MsoNormal style='text-indent:32pt'>" if style == "word" else "<p>"
    parts = []
    for s in fmt.sections:
        parts.append(f"{p}<b>{s.title}</b></p>")
        if s.number in g:
            parts.append(table_html(g[s.number], vals, style))
        else:
            parts.append(f"{p}{SECTIONS_TEXT[s.number]}</p>")
    return "\n".join(parts)


NAV = """<div class="header"><div class="top"><a href="/">首页</a>|<a href="/en">English</a>|<a>无障碍</a>
</div>
<form action="/search"><input type="text" name="q" value="请输入关键字"><button>搜索</button></form>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zw">政务公开</a></li><li><a>政务服务</a></li>
<li><a>互动交流</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zw">政府信息公开</a> &gt; 年度报告</div>"""

FOOTER = """<div class="footer"><p>主办：XX市人民政府办公室　承办：XX市大数据中心</p>
<p>网站标识码：1234000001　<a>京ICP备12345678号</a></p>
<script>var _hmt = _hmt || []; document.write('<div>统计</div>');</script></div>"""


def saved_page(body: str, title: str) -> str:
    head = (
        f"<head><meta charset='utf-8'><title>{title}_XX市人民政府网</title>"
        "<style>p { margin: 0 } .nav li { float: left }</style>"
        "<script>function f(){ return '<p>脚本文字</p>'; }</script></head>"
    )
    return (
        f"<!DOCTYPE html><html>{head}<body>{NAV}\n<div class='article'><h1>{title}</h1>\n"
        f"<div class='content' id='zoom'>{body}</div></div>\n"
        "<noscript>请启用脚本</noscript><div style='display: none'>隐藏文字</div>\n"
        f"{FOOTER}</body></html>"
    )


def layout_page(body: str, title: str) -> str:
    """An old site: the whole page in tables, the report in one cell next to a menu cell."""
    return (
        f"<html><head><title>{title}</title></head><body>"
        "<table width=980 align=center><tr><td colspan=2><img src=logo.gif>XX县人民政府</td></tr>"
        "<tr><td width=200 valign=top><table><tr><td><a>机构概况</a></td></tr>"
        "<tr><td><a>政策文件</a></td></tr></table></td>"
        f"<td valign=top><h2>{title}</h2>\n{body}\n</td></tr>"
        "<tr><td colspan=2>版权所有：XX县人民政府</td></tr></table></body></html>"
    )


# What a CMS puts around a report: style sheets and scripts (statistics, sharing, accessibility), in the
# head and at the end of the body.
_STYLES = "".join(f".c{i} {{ margin: {i}px; padding: 0 {i}px; color: #3{i % 10}3; }}\n" for i in range(80))
_SCRIPTS = "".join(
    f"function f{i}(a) {{ if (a > {i}) {{ return '<div>' + a + '</div>'; }} }}\n" for i in range(40)
)


def realistic_page(version: str = "2021", style: str = "styled") -> str:
    """A saved report page of about 30 KB (the "word" style makes it about 95 KB), for speed runs."""
    fmt = get(version)
    page = saved_page(report_body(fmt, values(fmt), style), f"XX区{version}年政府信息公开工作年度报告")
    head = (
        f"<link rel='stylesheet' href='/css/common.css'><style>{_STYLES}</style><script>{_SCRIPTS}</script>"
    )
    page = page.replace("</head>", head + "</head>", 1)
    return page.replace("</body>", f"<script>{_SCRIPTS}</script></body>", 1)
