"""The HTML reader: tables with merges, saved pages, layout tables, Word markup, damaged markup."""

from __future__ import annotations

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.read._html_pages import (
    expected_rows,
    layout_page,
    realistic_page,
    report_body,
    saved_page,
    table_html,
    values,
)

from gongkai.format import get
from gongkai.format.layout import grids
from gongkai.read.document import Document, ReadError
from gongkai.read.html import read_html
from gongkai.read.html_grid import expand_spans

TITLE = "XX区2021年政府信息公开工作年度报告"
BLANK = frozenset({"requests.granted.research", "active.fees.amount"})


def table_lines(doc: Document, index: int) -> list[list[str | None]]:
    return [line.cells for line in doc.lines if line.table == index]


def prose(doc: Document) -> list[str]:
    return [line.cells[0] for line in doc.lines if line.table is None]


def section_tables(doc: Document) -> dict[int, list[list[str | None]]]:
    """Rows of the three statistical tables, which are the document's data tables 0, 1, 2."""
    return {n: table_lines(doc, i) for i, n in enumerate((2, 3, 4))}


@pytest.mark.parametrize("version", ["2021", "2019"])
@pytest.mark.parametrize("style", ["plain", "styled", "word"])
def test_statistical_tables_read_cell_by_cell(version, style):
    fmt = get(version)
    vals = values(fmt, BLANK)
    doc = read_html(saved_page(report_body(fmt, vals, style), TITLE), "report.html")
    got = section_tables(doc)
    for n, grid in grids(fmt).items():
        assert got[n] == expected_rows(grid, vals), f"section {n}"
    assert doc.shape == "html"
    assert not [line for line in doc.lines if line.table is not None and line.table > 2]


@pytest.mark.parametrize("style", ["styled", "word"])
def test_speed_run_page_reads_fully(style):
    fmt = get("2021")
    doc = read_html(realistic_page("2021", style), "page.html")
    got = section_tables(doc)
    for n, grid in grids(fmt).items():
        assert got[n] == expected_rows(grid, values(fmt))
    assert not any("function" in line.text or "margin" in line.text for line in doc.lines)


def test_requests_table_2021_exact_lines():
    fmt = get("2021")
    vals = values(fmt, BLANK)
    rows = table_lines(read_html(report_body(fmt, vals), "r.html"), 1)
    assert rows[0] == [
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        *[None] * 2,
        "申请人情况",
        *[None] * 6,
    ]
    assert rows[1] == [None, None, None, "自然人", "法人或其他组织", None, None, None, None, "总计"]
    assert rows[2] == [
        *[None] * 4,
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        None,
    ]
    assert rows[3][:4] == [
        "一、本年新收政府信息公开申请数量",
        None,
        None,
        vals["requests.received.natural_person"],
    ]
    granted = ["三、本年度办理结果", "（一）予以公开", None]
    granted += [vals[c] for c in fmt.table("requests").row_ids("granted")]
    assert rows[5] == granted
    assert rows[5][5] == ""  # the blank cell stays blank, in its column
    assert rows[6][:2] == [None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]
    assert rows[7][:3] == [None, "（三）不予公开", "1.属于国家秘密"]
    assert rows[8][:3] == [None, None, "2.其他法律行政法规禁止公开"]
    assert rows[23][:3] == [
        None,
        "（六）其他处理",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ]
    assert rows[25][:3] == [None, None, "3.其他"]
    assert rows[26] == [None, "（七）总计", None, *[vals[c] for c in fmt.table("requests").row_ids("total")]]
    assert rows[-1][0] == "四、结转下年度继续办理"
    assert len(rows) == 28 and {len(r) for r in rows} == {10}


def test_requests_table_2019_has_one_other_row():
    fmt = get("2019")
    vals = values(fmt)
    rows = table_lines(read_html(report_body(fmt, vals), "r.html"), 1)
    other = [r for r in rows if "（六）其他处理" in r]
    assert other == [
        [None, "（六）其他处理", None, *[vals[c] for c in fmt.table("requests").row_ids("other")]]
    ]
    assert len(rows) == 26


def test_saved_page_keeps_report_lines_and_drops_page_machinery():
    fmt = get("2021")
    doc = read_html(saved_page(report_body(fmt, values(fmt)), TITLE), "page.html")
    assert doc.title_hint == TITLE
    text = "\n".join(line.text for line in doc.lines)
    for gone in (
        "脚本文字",
        "_hmt",
        "document.write",
        "margin",
        "请启用脚本",
        "隐藏文字",
        "请输入关键字",
        "搜索",
    ):
        assert gone not in text
    lines = prose(doc)
    # Navigation stays, but as lines of its own, never merged into the report's text.
    assert "当前位置：首页 > 政府信息公开 > 年度报告" in lines
    assert "政务公开" in lines
    for section in fmt.sections:
        assert section.title in lines
    assert lines.index(TITLE) < lines.index("一、总体情况") < lines.index("二、主动公开政府信息情况")
    assert lines[-1] == "网站标识码：1234000001 京ICP备12345678号"
    # Sections and tables stay in document order.
    heading3 = next(
        i for i, line in enumerate(doc.lines) if line.cells == ["三、收到和处理政府信息公开申请情况"]
    )
    assert doc.lines[heading3 - 1].table == 0 and doc.lines[heading3 + 1].table == 1


def test_layout_table_page_is_read_as_flow_with_inner_data_tables():
    fmt = get("2021")
    vals = values(fmt)
    doc = read_html(layout_page(report_body(fmt, vals), TITLE), "old.html")
    got = section_tables(doc)
    for n, grid in grids(fmt).items():
        assert got[n] == expected_rows(grid, vals)
    lines = prose(doc)
    assert lines[:4] == ["XX县人民政府", "机构概况", "政策文件", TITLE]
    assert lines[4:6] == [
        "一、总体情况",
        "本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进政务公开工作。",
    ]
    assert lines[-1] == "版权所有：XX县人民政府"
    assert max(len(line.cells) for line in doc.lines) == 15  # section 四; no giant layout row


def test_layout_table_without_nested_tables_but_long_cells():
    long = "本机关" + "认真落实政府信息公开条例，" * 20
    html = f"<table><tr><td><p>一、总体情况</p><p>{long}</p></td><td>右栏</td></tr></table>"
    doc = read_html(html, "x.html")
    assert [line.cells for line in doc.lines] == [["一、总体情况"], [long], ["右栏"]]
    assert all(line.table is None for line in doc.lines)


def test_long_note_row_keeps_a_data_table():
    fmt = get("2021")
    vals = values(fmt)
    note = "注：" + "本表数据统计口径为本机关本年度收到的全部申请，" * 10
    html = table_html(grids(fmt)[4], vals).replace("</tbody>", f"<tr><td colspan=15>{note}</td></tr></tbody>")
    rows = table_lines(read_html(html, "x.html"), 0)
    assert rows == [*expected_rows(grids(fmt)[4], vals), [note.strip(), *[None] * 14]]


def test_word_markup_split_labels_and_numbers():
    html = """<html><head><!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>张三</o:Author>
</o:DocumentProperties></xml><![endif]--></head><body lang=ZH-CN>
<p class=MsoNormal><b><span style='font-family:黑体'>三、收到和处理</span></b><b><span
style='font-family:黑体'>政府信息公开申请情况<o:p></o:p></span></b></p>
<table class=MsoNormalTable border=1>
<tr><td rowspan=2><p class=MsoNormal><span>三、本年度</span><span>办理
结果</span></p></td>
<td><p class=MsoNormal><![if !supportLists]><span>（一）</span><![endif]><span>予以公开</span></p></td>
<td><p class=MsoNormal align=center><span lang=EN-US>1</span><span lang=EN-US>2<o:p></o:p></span></p></td>
<td><p class=MsoNormal><span lang=EN-US>3
4</span></p></td></tr>
<tr><td><p class=MsoNormal><span>（二）部分</span></p><p class=MsoNormal><span>公开</span></p></td>
<td><span lang=EN-US>&nbsp;<o:p></o:p></span></td>
<td><font face=宋体>5</font><font>6</font></td></tr>
</table>
<p class=MsoNormal><span lang=EN-US>&nbsp;</span></p>
</body></html>"""
    doc = read_html(html, "word.html")
    assert [line.cells for line in doc.lines] == [
        ["三、收到和处理政府信息公开申请情况"],
        ["三、本年度办理结果", "（一）予以公开", "12", "34"],
        [None, "（二）部分公开", "", "56"],
    ]
    assert "张三" not in " ".join(line.text for line in doc.lines)
    # A CMS that strips the comments keeps Word's XML island, in the body: it is not text either.
    island = "<xml><o:DocumentProperties><o:Author>张三</o:Author></o:DocumentProperties></xml>"
    assert prose(read_html(f"<body>{island}<span>正文</span></body>", "word.html")) == ["正文"]


def test_markup_line_breaks_join_han_and_digits_but_never_a_label_to_a_number():
    html = "<div><span>行政\n许可</span>\n<span>41</span></div><div><span>2\n3</span> <span>4</span></div>"
    html += "<div>3.\n其他</div><div>Legal\nAid</div>"
    assert prose(read_html(html, "x.html")) == ["行政许可 41", "23 4", "3. 其他", "Legal Aid"]


def test_br_inside_cells_joins_han_without_space():
    html = (
        "<table><tr><td>商业<br>企业</td><td>Legal<br>Aid</td><td>17</td></tr>"
        "<tr><td>科研<br/>机构</td><td>自然人<BR>2</td><td>19</td></tr></table>"
    )
    doc = read_html(html, "x.html")
    assert table_lines(doc, 0) == [["商业企业", "Legal Aid", "17"], ["科研机构", "自然人 2", "19"]]


def test_traditional_script_and_pinyin_debris_are_normalised():
    fmt = get("2021")
    vals = values(fmt)
    page = opencc.OpenCC("s2t").convert(saved_page(report_body(fmt, vals), TITLE))
    page = page.replace("總計", "總(zǒng)計(jì)").replace("申請", "申請(qǐng)")
    page = page.replace(f">{vals['requests.received.natural_person']}<", ">１２３４５<")
    doc = read_html(page, "trad.html")
    rows = table_lines(doc, 1)
    vals = {**vals, "requests.received.natural_person": "12345"}
    assert rows == expected_rows(grids(fmt)[3], vals)
    assert "三、收到和处理政府信息公开申请情况" in prose(doc)
    assert doc.title_hint == TITLE


def test_broken_spans_are_clamped():
    html = """<table>
<tr><td rowspan="0">A</td><td colspan="abc">B</td><td colspan=9999>C</td></tr>
<tr><td rowspan=-2>D</td><td colspan="0">E</td></tr>
<tr><td rowspan="50">F</td><td>G</td></tr>
</table>"""
    rows = table_lines(read_html(html, "x.html"), 0)
    assert rows == [["A", "B", "C"], [None, "D", "E"], [None, "F", "G"]]


def test_malformed_markup_unclosed_tags():
    html = """<html><body><div><p>一、总体情况<p>本年度共收到申请
<table border=1><tr><td>自然人<td>商业企业<td>总计
<tr><td>31<td>37<td>68
<tr><td colspan=2>合计<td>68
</table><p>五、存在的主要问题及改进情况<b>加强<i>培训</b>落实</div>"""
    doc = read_html(html, "bad.html")
    assert [(line.cells, line.table) for line in doc.lines] == [
        (["一、总体情况"], None),
        (["本年度共收到申请"], None),
        (["自然人", "商业企业", "总计"], 0),
        (["31", "37", "68"], 0),
        (["合计", None, "68"], 0),
        (["五、存在的主要问题及改进情况加强培训落实"], None),
    ]


def test_text_after_a_table_is_not_glued_to_its_last_cell():
    html = "<div>前文<table><tr><td>行政许可</td><td>23</td></tr></table>后文</div>"
    doc = read_html(html, "x.html")
    assert [(line.cells, line.table) for line in doc.lines] == [
        (["前文"], None),
        (["行政许可", "23"], 0),
        (["后文"], None),
    ]


def test_paragraph_and_div_tables_become_one_cell_lines():
    html = (
        "<div class=row><div>行政许可</div><div>41</div></div>"
        "<div class=row><div>行政处罚</div><div>43</div></div>"
        "<p>行政强制</p><p>47</p>"
    )
    doc = read_html(html, "x.html")
    assert [line.cells for line in doc.lines] == [
        ["行政许可"],
        ["41"],
        ["行政处罚"],
        ["43"],
        ["行政强制"],
        ["47"],
    ]


def test_preformatted_text_keeps_its_lines():
    html = (
        "<div>前言</div><pre>一、总体情况\n  本年度共收到申请\n\n二、主动公开政府信息情况\n规章  5  7</pre>"
    )
    assert prose(read_html(html, "x.html")) == [
        "前言",
        "一、总体情况",
        "本年度共收到申请",
        "二、主动公开政府信息情况",
        "规章 5 7",
    ]


def test_caption_and_one_column_tables():
    html = (
        "<table><caption>第二十条第（一）项</caption><tr><td>规章</td><td>53</td></tr></table>"
        "<table><tr><td>一、总体情况</td></tr><tr><td>本年度公开信息</td></tr></table>"
    )
    doc = read_html(html, "x.html")
    assert [(line.cells, line.table) for line in doc.lines] == [
        (["第二十条第（一）项"], None),
        (["规章", "53"], 0),
        (["一、总体情况"], None),
        (["本年度公开信息"], None),
    ]


@pytest.mark.parametrize(
    ("title", "hint"),
    [
        ("2021年度政府信息公开工作年度报告_XX市人民政府网", "2021年度政府信息公开工作年度报告"),
        (
            "XX县人民政府 - 政府信息公开 - XX县2022年政府信息公开工作年度报告",
            "XX县2022年政府信息公开工作年度报告",
        ),
        ("XX局2020年政府信息公开年报|XX局", "XX局2020年政府信息公开年报"),
        ("XX市人民政府门户网站 — 通知公告", "通知公告"),
        ("A&amp;B局2021年度報告 - 政府信息公开", "A&B局2021年度报告"),
        ("  ", None),
    ],
)
def test_title_hint_drops_site_name(title, hint):
    doc = read_html(f"<html><head><title>{title}</title></head><body><p>正文</p></body></html>", "t.html")
    assert doc.title_hint == hint
    assert prose(doc) == ["正文"]


@pytest.mark.parametrize(
    "html",
    ["", "   ", "<html><head><title>空页面</title><script>var a = 1;</script></head><body>\n</body></html>"],
)
def test_nothing_readable_is_an_error(html):
    with pytest.raises(ReadError, match="不是有效的 HTML 页面"):
        read_html(html, "empty.html")


def test_private_use_characters_of_the_page_do_not_act_as_markers():
    html = "<table><tr><td>行政\ue000许可\ue001</td><td>2\ue0053</td></tr></table>"
    assert table_lines(read_html(html, "x.html"), 0) == [["行政许可", "23"]]


def test_misplaced_head_end_does_not_hide_the_body_markup():
    html = "<html><head><title>年报</title><p>一、总体情况</p><p>本年度公开信息</p></head><body></body>"
    assert prose(read_html(html, "x.html")) == ["一、总体情况", "本年度公开信息"]
    html = "<script>var a = '<p>';</script><p>一、总体情况</p>"
    html += "<table><tr><td>规章</td><td>71</td></tr></table></head>"
    doc = read_html(html, "x.html")
    assert [(line.cells, line.table) for line in doc.lines] == [(["一、总体情况"], None), (["规章", "71"], 0)]


def test_head_end_inside_a_script_is_not_the_head_end():
    html = (
        "<html><head><title>年度报告</title><script>document.write('</head>');</script></head>"
        "<body><p>一、总体情况</p></body></html>"
    )
    doc = read_html(html, "x.html")
    assert prose(doc) == ["一、总体情况"]
    assert doc.title_hint == "年度报告"


def test_uppercase_tags_and_attributes():
    html = "<TABLE BORDER=1><TR><TD ROWSPAN='2'>行政处罚</TD><TD>61</TD></TR><TR><TD>67</TD></TR></TABLE>"
    assert table_lines(read_html(html, "x.html"), 0) == [["行政处罚", "61"], [None, "67"]]


def test_two_tables_in_one_page_keep_their_numbers():
    fmt = get("2021")
    vals = values(fmt)
    html = table_html(grids(fmt)[4], vals) + "<p>中间</p>" + table_html(grids(fmt)[2], vals)
    doc = read_html(html, "x.html")
    assert table_lines(doc, 0) == expected_rows(grids(fmt)[4], vals)
    assert table_lines(doc, 1) == expected_rows(grids(fmt)[2], vals)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.tuples(st.integers(-1, 6), st.integers(-1, 6)), min_size=1, max_size=5),
        min_size=1,
        max_size=6,
    )
)
def test_expand_spans_is_rectangular_and_keeps_every_cell(shape):
    rows = [[f"c{y}{i}" for i in range(len(r))] for y, r in enumerate(shape)]
    spans = {y: {i: (str(rs), str(cs)) for i, (rs, cs) in enumerate(r)} for y, r in enumerate(shape)}
    grid = expand_spans(rows, spans)
    assert len({len(r) for r in grid}) == 1
    flat = [c for r in grid for c in r if c]
    assert sorted(flat) == sorted(c for r in rows for c in r)
    for y, r in enumerate(rows):  # each row's cells stay in their row, in order
        assert [c for c in grid[y] if c] == r


_FRAGMENTS = [
    "<table>",
    "</table>",
    "<tr>",
    "</tr>",
    "<td>",
    "</td>",
    "<th rowspan=2>",
    "<td colspan='x'>",
    "<td rowspan=0 colspan=3>",
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<br>",
    "<span>",
    "</span>",
    "<caption>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<o:p></o:p>",
    "&nbsp;",
    "\n",
    " ",
    "总计",
    "三、本年度",
    "12",
    "３４",
    "統(tǒng)計",
    "<TD>",
    "<P>",
    "<title>",
    "</title>",
    "\ue001",
    "<",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=40))
def test_any_markup_gives_clean_lines_or_a_read_error(fragments):
    try:
        doc = read_html("".join(fragments), "fuzz.html")
    except ReadError:
        return
    assert doc.lines
    for line in doc.lines:
        assert line.cells and any(line.cells)
        for cell in line.cells:
            if cell is None:  # a position a merge covers, or a short row's missing cell
                continue
            assert cell == cell.strip() and "  " not in cell
            assert not any("\ue000" <= ch <= "\ue006" for ch in cell)
        if line.table is not None:
            assert len({len(other.cells) for other in doc.lines if other.table == line.table}) == 1
