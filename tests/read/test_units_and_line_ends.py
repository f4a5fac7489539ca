"""Units and notes inside value cells never shift values; CR-only and mixed line ends read every cell."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.format.spec import Kind, get
from gongkai.read import read_bytes
from gongkai.read.units import bare_value, is_lone_note
from gongkai.samples import consistent_report
from gongkai.samples.shapes import html, tab_text


def _wrong(want, got) -> dict:
    return {k: (got.cells.get(k), v) for k, v in want.cells.items() if got.cells.get(k) != v}


def _cell(value) -> str:
    return f"<p>{value}</p>"


@pytest.mark.parametrize(
    ("printed", "number", "unit"),
    [
        ("512件", "512", "件"),
        ("0（件）", "0", "件"),
        ("3121.5万元", "3121.5", "万元"),
        ("81234567.89元", "8123.456789", "元"),
        ("1.25亿元", "12500", "亿元"),
        ("41（含自然失效 12 件）", "41", None),
        ("-7项", "-7", "项"),
    ],
)
def test_a_unit_or_note_leaves_the_number_in_the_format_unit(printed, number, unit):
    assert bare_value(printed) == (number, unit)


@pytest.mark.parametrize("text", ["行政许可", "12", "", "（七）总计", "2.重复申请"])
def test_labels_and_plain_numbers_carry_no_unit(text):
    assert bare_value(text) is None


def test_a_lone_note_is_no_cell():
    assert is_lone_note("（其中修订 9 件）")
    assert not is_lone_note("（七）总计")
    assert not is_lone_note("（一）予以公开")


@pytest.mark.parametrize("seed", [3, 14, 27])
def test_units_in_an_html_table_shift_nothing(seed):
    """`512件` in the 行政许可 cell once gave that cell the 行政处罚 row's value, with no finding."""
    report = consistent_report(seed, "2021")
    page = html(report)
    for key in ("licensing", "penalties", "coercive_measures"):
        value = report.cells[f"active.{key}.decisions"]
        page = page.replace(_cell(value), _cell(f"{value}件"), 1)
    fee = report.cells["active.fees.amount"]
    page = page.replace(_cell(fee), _cell(f"{fee}万元"), 1)
    got = read_bytes(page.encode(), "units.html")
    assert not _wrong(report, got)
    assert not got.findings


def test_an_amount_in_yuan_spanning_both_procurement_columns():
    report = consistent_report(41, "2019")
    amount, projects = report.cells["active.procurement.amount"], report.cells["active.procurement.projects"]
    page = html(report)
    yuan = format((amount * 10000).normalize(), "f")
    spanning = page.replace(
        f"<td><p>{projects}</p></td><td colspan=2><p>{amount}</p></td>",
        f"<td colspan=3><p>{yuan}元</p></td>",
    )
    assert spanning != page
    got = read_bytes(spanning.encode(), "procurement.html")
    assert got.cells["active.procurement.amount"] == amount
    assert got.cells["active.procurement.projects"] is None
    assert any("active.procurement.projects" in f.cells for f in got.findings)
    report.cells["active.procurement.projects"] = None
    assert not _wrong(report, got)


@given(seed=st.integers(1, 10**6), data=st.data())
@settings(max_examples=25, deadline=None)
def test_units_after_any_section_two_value_in_text(seed, data):
    """Tab text with units after a random choice of section 二 values (counts 件/项, amounts 万元)."""
    report = consistent_report(seed, data.draw(st.sampled_from(["2021", "2019"])))
    fmt = get(report.format)
    ids = [i for t in fmt.tables_of(2) for i in t.ids]
    chosen = data.draw(st.sets(st.sampled_from(ids), max_size=len(ids)))
    unit = {Kind.COUNT: "件", Kind.SIGNED: "项", Kind.AMOUNT: "万元"}
    values = {str(report.cells[i]): unit[fmt.kind(i)] for i in chosen}
    out, in_two = [], False
    for line in tab_text(report).split("\n"):
        in_two = (in_two or line.startswith("二、")) and not line.startswith("三、")
        cells = line.split("\t")
        if in_two and len(cells) > 1:
            # a value printed twice in 二 gets the unit at each place: both are values of that kind
            cells = [cells[0], *(f"{c}{values[c]}" if c in values else c for c in cells[1:])]
        out.append("\t".join(cells))
    got = read_bytes("\n".join(out).encode(), "units.txt")
    assert not _wrong(report, got)


@pytest.mark.parametrize("ending", ["\r", "\r\n", "mixed"])
@pytest.mark.parametrize("version", ["2021", "2019"])
def test_line_ends_of_any_kind_read_every_cell(ending, version):
    report = consistent_report(77, version)
    lines = tab_text(report).split("\n")
    if ending == "mixed":
        ends = ["\r", "\r\n", "\n"]
        text = "".join(line + ends[i % 3] for i, line in enumerate(lines))
    else:
        text = ending.join(lines)
    got = read_bytes(text.encode(), "endings.txt")
    assert not _wrong(report, got)
    assert not got.findings
    assert (got.body, got.year) == (report.body, report.year)


def test_amount_units_convert_exactly():
    assert Decimal(bare_value("81234567.89元")[0]) == Decimal("8123.456789")
