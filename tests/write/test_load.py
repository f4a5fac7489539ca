"""Hand-written YAML/JSON reports and parse --json output, loaded into a Report."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from strategies import sample_report

from gongkai.format import Version
from gongkai.write.load import LoadError, load_report

HAND_WRITTEN = """\
# 某某局 2024 年报告，手工填写
meta:
  body: 某某市某某局
  year: 2024
sections:
  1: |
    我局认真贯彻落实《条例》。
    全年主动公开信息 321 条。
  problems: 栏目更新不够及时。
  六、其他需要报告的事项: 本年度未收取信息处理费。
cells:
  active.fees.amount: 12.35
  active.regulations.issued: "7"
  requests:
    received:
      natural_person: 11
      commercial: 2
      total: 13
    withheld.state_secret.natural_person: 3
  appeals.reconsideration.pending: /
"""


def test_hand_written_yaml(tmp_path):
    path = tmp_path / "report.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    report = load_report(path)
    assert (report.format, report.body, report.year) == (Version.V2021, "某某市某某局", 2024)
    assert report.cells["active.fees.amount"] == Decimal("12.35")
    assert report.cells["active.regulations.issued"] == 7
    assert report.cells["requests.received.natural_person"] == 11
    assert report.cells["requests.received.total"] == 13
    assert report.cells["requests.withheld.state_secret.natural_person"] == 3
    assert report.cells["appeals.reconsideration.pending"] is None
    assert report.cells["requests.granted.total"] is None  # not given: blank, not 0
    assert report.sections == {
        1: "我局认真贯彻落实《条例》。\n全年主动公开信息 321 条。",
        5: "栏目更新不够及时。",
        6: "本年度未收取信息处理费。",
    }


def test_format_follows_the_year(tmp_path):
    path = tmp_path / "r.json"
    path.write_text(
        json.dumps({"body": "某局", "year": "2020年", "cells": {"active.fees.change": -3}}), "utf-8"
    )
    report = load_report(path)
    assert report.format is Version.V2019 and report.year == 2020
    assert report.cells["active.fees.change"] == -3


def test_parse_json_output_loads_back(tmp_path):
    report = sample_report(Version.V2019)
    path = tmp_path / "parsed.json"
    path.write_text(json.dumps([report.to_dict()], ensure_ascii=False), encoding="utf-8")
    loaded = load_report(path)
    assert loaded.cells == report.cells
    assert (loaded.format, loaded.body, loaded.year, loaded.sections) == (
        report.format,
        report.body,
        report.year,
        report.sections,
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "a.yaml",
            "year: 2023\ncells:\n  requests.nothing.total: 1\n",
            "a.yaml：2021 格式没有单元格 requests.nothing.total",
        ),
        (
            "b.yaml",
            "year: 2023\ncells:\n  requests.total.total: 十二\n",
            "b.yaml：单元格 requests.total.total 的值“十二”不是数字",
        ),
        (
            "c.yaml",
            "year: 2023\ncells:\n  requests.total.total: -2\n",
            "c.yaml：单元格 requests.total.total 的值“-2”为负数",
        ),
        ("d.yaml", "body: 某局\n", "d.yaml：缺少 format（2021 或 2019）和 year"),
        ("e.yaml", "year: 2017\n", "e.yaml：2017 年的报告早于 2019 年统一格式"),
        ("f.yaml", "year: [2023\n", "f.yaml：YAML 格式错误（第 2 行）"),
        ("g.json", '{"year": 2023,', "g.json：JSON 格式错误"),
        ("h.json", "[]", "h.json：文件包含 0 份报告"),
        ("i.yaml", "format: 2018\n", "i.yaml：format 应为 2021 或 2019"),
        ("j.yaml", "year: 2023\nsections:\n  七: x\n", "j.yaml：未知的文字章节“七”"),
    ],
)
def test_bad_files_give_one_chinese_line(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LoadError) as e:
        load_report(path)
    assert str(e.value).startswith(message)
    assert "\n" not in str(e.value)


def test_missing_and_undecodable_files(tmp_path):
    with pytest.raises(LoadError, match=r"^nope\.yaml：文件不存在$"):
        load_report(tmp_path / "nope.yaml")
    path = tmp_path / "gbk.yaml"
    path.write_bytes("body: 某局".encode("gbk"))
    with pytest.raises(LoadError, match=r"^gbk\.yaml：不是 UTF-8 编码的文本$"):
        load_report(path)


def test_the_documented_example_loads_and_renders(tmp_path):
    from pathlib import Path

    from gongkai.write import render

    doc = (Path(__file__).parents[2] / "docs" / "writing.md").read_text(encoding="utf-8")
    example = doc.split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "example.yaml"
    path.write_text(example, encoding="utf-8")
    report = load_report(path)
    assert (report.format, report.body, report.year) == (Version.V2021, "某某市某某局", 2024)
    assert report.cells["requests.received.total"] == 13
    assert report.cells["active.fees.amount"] == Decimal("12.35")
    assert report.sections[5] == "主动公开的深度和广度还不够。"
    text = render(report, "txt")
    assert "（一）主动公开情况" in text and "12.35" in text
