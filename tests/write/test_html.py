"""The HTML writer on its own: one self-contained printable page with real rowspan/colspan."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from strategies import sample_report

from gongkai.format import Version, get
from gongkai.format.layout import grids
from gongkai.write import html
from gongkai.write.grid import cell_text


def _span(node, name: str) -> int:
    return int(node.attributes.get(name) or 1)


@pytest.mark.parametrize("version", list(Version))
def test_tables_have_the_layout_spans_and_values(version):
    report = sample_report(version)
    tree = HTMLParser(html.render(report))
    tables = tree.css("table")
    assert [t.attributes.get("data-section") for t in tables] == ["2", "3", "4"]
    for table, section in zip(tables, (2, 3, 4), strict=True):
        grid = grids(get(version))[section]
        rows = table.css("tr")
        assert len(rows) == len(grid)
        for tr, row in zip(rows, grid, strict=True):
            got = [(_span(c, "rowspan"), _span(c, "colspan"), c.text()) for c in tr.css("th, td")]
            want = [(c.rowspan, c.colspan, cell_text(c, report.cells)) for c in row]
            assert got == want


def test_value_cells_carry_their_ids():
    report = sample_report(Version.V2021)
    tree = HTMLParser(html.render(report))
    cells = {td.attributes["data-cell"]: td.text() for td in tree.css("td[data-cell]")}
    assert set(cells) == set(get(Version.V2021).ids)
    assert all(cells[i] == str(v) for i, v in report.cells.items())


def test_blank_cells_are_empty():
    report = sample_report(Version.V2021)
    report.cells["requests.received.research"] = None
    report.cells["active.fees.amount"] = None
    tree = HTMLParser(html.render(report))
    for cell_id in ("requests.received.research", "active.fees.amount"):
        assert tree.css_first(f'td[data-cell="{cell_id}"]').text() == ""


def test_page_is_self_contained_and_printable():
    page = html.render(sample_report())
    tree = HTMLParser(page)
    assert not tree.css("link, script, img, iframe")
    assert "http://" not in page and "https://" not in page and "@import" not in page
    style = tree.css_first("style").text()
    assert "@page" in style and "A4" in style
    assert tree.css_first("meta[charset]").attributes["charset"] == "utf-8"
    assert tree.css_first("h1").text() == sample_report().body + "2023年政府信息公开工作年度报告"
    # Section 三's three header rows repeat on each printed page.
    assert len(tree.css('table[data-section="3"] thead tr')) == 3


def test_text_is_escaped():
    report = sample_report()
    report.sections[6] = "<script>alert(1)</script> & 其他"
    page = html.render(report)
    assert "<script>" not in page and "&lt;script&gt;" in page
