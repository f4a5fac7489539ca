"""The reporting body when the title does not give it: metadata lines, the opening sentence, the
signature; and section 六 ending where a saved page's footer starts."""

from __future__ import annotations

import re

import pytest

from gongkai.read import read_bytes
from gongkai.samples import consistent_report
from gongkai.samples.shapes import html, tab_text


def _without_title(seed: int, version: str = "2021"):
    want = consistent_report(seed, version)
    text = tab_text(want)
    assert text.startswith(want.title + "\n")
    return want, text[len(want.title) + 1 :]


def _read(text: str, name: str = "report.txt"):
    return read_bytes(text.encode(), name)


@pytest.mark.parametrize("seed", [4, 15])
def test_a_metadata_title_line_without_its_prefix(seed):
    want, text = _without_title(seed)
    got = _read(f"标题: {want.title}\n发布时间: {want.year + 1}-02-01\n" + text)
    assert (got.title, got.body, got.year) == (want.title, want.body, want.year)
    assert {k: got.cells[k] for k in want.cells} == want.cells


@pytest.mark.parametrize("seed", [6, 22])
def test_the_opening_sentence_names_the_body(seed):
    want, text = _without_title(seed, "2019")
    opening = (
        "本报告是根据《中华人民共和国政府信息公开条例》要求，"
        f"汇总{want.body}各有关单位政府信息公开工作情况编制而成。\n"
    )
    got = _read(opening + text)
    assert (got.body, got.year, str(got.format)) == (want.body, want.year, "2019")


def test_the_signature_at_the_end_names_the_body():
    want, text = _without_title(33)
    got = _read(text + f"{want.body}\n{want.year + 1}年1月25日\n")
    assert (got.body, got.year) == (want.body, want.year)
    assert {k: got.cells[k] for k in want.cells} == want.cells


def test_no_body_anywhere_stays_none():
    _, text = _without_title(12)
    assert _read(text).body is None


@pytest.mark.parametrize("version", ["2021", "2019"])
def test_section_six_of_a_saved_page_ends_before_the_footer(version):
    want = consistent_report(28, version)
    got = read_bytes(html(want, page=True).encode(), "page.html")
    assert got.sections[6] == want.sections[6]
    assert got.body == want.body


def test_section_six_of_a_text_page_ends_before_the_footer():
    want = consistent_report(29, "2021")
    footer = "附件下载：\n【打印本页】【关闭窗口】\n主办单位：示范县人民政府办公室 京ICP备05001234号\n"
    got = _read(tab_text(want) + footer)
    assert got.sections[6] == want.sections[6]


def _page_without_body_in_title(seed: int) -> tuple:
    """A saved page whose title and heading name only the year (the body is the site's column)."""
    want = consistent_report(seed, "2021")
    page = html(want, page=True)
    bare = f"{want.year}年政府信息公开工作年度报告"
    assert page.count(want.title) == 2
    return want, page.replace(want.title, bare)


def test_the_publisher_a_page_prints_above_the_text_names_the_body():
    want, page = _page_without_body_in_title(61)
    meta = f"<p>索引号：11320800/2024-00012 发布机构：{want.body} 发布日期：{want.year + 1}-01-18</p>"
    got = read_bytes(page.replace("<h1>", meta + "<h1>", 1).encode(), "page.html")
    assert (got.body, got.year) == (want.body, want.year)


def test_the_content_source_of_a_government_page_head_names_the_body():
    want, page = _page_without_body_in_title(62)
    head = f'<meta content="{want.body}" name="ContentSource"><title>'
    got = read_bytes(page.replace("<title>", head, 1).encode(), "page.html")
    assert (got.body, got.year) == (want.body, want.year)


def test_the_site_named_as_source_is_not_the_body():
    _, page = _page_without_body_in_title(63)
    meta = "<p>来源：示范县人民政府网 发布时间：2024-01-18 字号：大 中 小</p>"
    got = read_bytes(page.replace("<h1>", meta + "<h1>", 1).encode(), "page.html")
    assert got.body is None


def test_a_crawler_source_line_names_the_body():
    want, text = _without_title(64)
    got = _read(f"来源: {want.body}\n发布时间: {want.year + 1}-02-01\n" + text)
    assert (got.body, got.year) == (want.body, want.year)


def test_a_source_named_in_the_narrative_is_not_the_publisher():
    want, text = _without_title(65)
    note = "本年度依申请公开数据统计口径说明（数据来源：白沙区政务服务中心，下同）。\n"
    text = text.replace("一、总体情况\n", "一、总体情况\n" + note, 1)
    got = _read(f"{want.year}年政府信息公开工作年度报告\n" + text)
    assert got.body is None


@pytest.mark.parametrize("name", ["中国人民银行梅岭市中心支行", "梅岭市气象台", "青山镇东岭村"])
def test_a_body_s_name_on_the_line_above_the_title(name):
    want, text = _without_title(66)
    got = _read(f"{name}\n{want.year}年政府信息公开工作年度报告\n" + text)
    assert (got.body, got.year) == (name, want.year)


@pytest.mark.parametrize("seed", [3, 17])
@pytest.mark.parametrize("tail", ["年度报告", "工作年度报告", "公开工作年度报告"])
def test_a_title_wrapped_before_its_end(seed, tail):
    """A PDF's text breaks a long title: "2024 年某某局政府信息公开工作" / "年度报告"."""
    want, text = _without_title(seed)
    assert want.title.endswith(tail)
    got = _read(f"{want.title[: -len(tail)]}\n{tail}\n" + text)
    assert (got.title, got.body, got.year) == (want.title, want.body, want.year)


def test_the_opening_sentence_wrapped_into_short_lines_is_not_a_heading():
    """A PDF's text wraps the opening sentence that lists the six sections into short lines that
    read like headings (…包括总体情况、主动公开政府信息情况、收到和…); section 一 still starts at
    its own heading, and a sub-heading of 总体情况 (（一）主动公开政府信息情况) does not start 二."""
    want, text = _without_title(9)
    opening = (
        "本年度报告根据《中华人民共和国政府信息公开条例》要求编制，全\n"
        "文包括总体情况、主动公开政府信息情况、收到和处理政府信息\n"
        "公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题\n"
        "及改进情况，以及其他需要报告的事项。\n"
    )
    one = text.index(want.sections[1])
    text = text[:one] + "（一）主动公开政府信息情况\n" + text[one:]
    got = _read(f"{want.title}\n{opening}{text}")
    assert got.sections[1] == "（一）主动公开政府信息情况\n" + want.sections[1]
    assert {k: got.cells[k] for k in want.cells} == want.cells


def test_the_opening_sentence_says_who_compiled_the_report():
    want, text = _without_title(8)
    opening = f"本报告根据《中华人民共和国政府信息公开条例》要求，由{want.body}编制。\n"
    got = _read(f"{want.year}年政府信息公开工作年度报告\n" + opening + text)
    assert (got.body, got.year) == (want.body, want.year)


@pytest.mark.parametrize(
    "lines",
    [
        ["根据《条例》要求，现向社会公布本单位2022年度", "政府信息公开工作报告"],
        ["栏目：2022年", "政府信息公开年度报告"],
    ],
)
def test_a_sentence_or_a_page_line_wrapped_before_报告_is_no_title(lines):
    """Only a title wraps into a title: a sentence, or a page's 栏目：… line, does not."""
    want, text = _without_title(8)
    got = _read("\n".join(lines) + "\n" + text)
    assert got.body in (None, want.body)


@pytest.mark.parametrize("site", ["-某某县发改局", "_某某区人民政府网", " | 中国某某"])
def test_a_page_title_keeps_the_title_not_the_site_after_it(site):
    want, text = _without_title(19)
    got = _read(f"{want.title}{site}\n" + text)
    assert (got.title, got.body) == (want.title, want.body)
    page = html(want, page=True)
    page = re.sub(r"<title>[^<]*</title>", f"<title>{want.title}{site}</title>", page, count=1)
    got = read_bytes(page.encode(), "page.html")
    assert got.title == want.title
