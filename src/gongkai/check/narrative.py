"""The narrative sections 一、五、六: present, not empty, and 六 states the 信息处理费."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from gongkai.check.rule import Hit
from gongkai.format.spec import SECTIONS, Version
from gongkai.model.report import NARRATIVE, Report

_TITLES = {s.number: s.title for s in SECTIONS}
PROBLEMS = 5
OTHER = 6

#: What a section 五 says when it says nothing: after removing its heading, spaces and punctuation.
_NOTHING = frozenset({"", "无", "暂无", "没有", "无问题", "暂无问题", "不存在问题", "没有问题"})

_SENTENCE = re.compile(r"[。；;！!？?\n]")
_FEE = re.compile(r"信息处理费|处理费|收费|费用")
# An amount in 元 (0元 included), or a statement that nothing was collected. 无 is taken unless it starts
# a word such as 无法/无正当 that does not mean "none".
_STATED = re.compile(
    r"\d+(?:\.\d+)?\s*万?元|零元|未收取|没有收取|不收取|未收|未产生|未发生|没有产生|没有发生|均未|无(?![法正需])"
)


def _bare(text: str) -> str:
    """Text without spaces and punctuation, so "无。" and " 无 " read as 无."""
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PZSC")


def _without_heading(text: str, number: int) -> str:
    bare = _bare(text)
    heading = _bare(_TITLES[number])  # "五存在的主要问题及改进情况"
    for prefix in (heading, heading[1:]):
        if bare.startswith(prefix):
            return bare[len(prefix) :]
    return bare


def missing(report: Report) -> Iterator[Hit]:
    """A narrative section the report does not have at all."""
    for n in NARRATIVE:
        if n not in report.sections:
            yield f"报告缺少“{_TITLES[n]}”部分", ()


def problems_empty(report: Report) -> Iterator[Hit]:
    """Section 五 present but empty, or saying only 无."""
    text = report.sections.get(PROBLEMS)
    if text is None:
        return  # section.missing reports it
    content = _without_heading(text, PROBLEMS)
    if content in _NOTHING:
        said = f"只写了“{content}”" if content else "内容为空"
        yield f"“{_TITLES[PROBLEMS]}”部分{said}，应说明本年度存在的主要问题及改进情况", ()


def fee_unstated(report: Report) -> Iterator[Hit]:
    """2021 format: section 六 does not say whether any 信息处理费 was collected, and how much."""
    if report.format != Version.V2021:
        return
    text = report.sections.get(OTHER)
    if text is None:
        return  # section.missing reports it
    for sentence in _SENTENCE.split(text):
        if _FEE.search(sentence) and _STATED.search(sentence):
            return
    yield (
        f"“{_TITLES[OTHER]}”部分未说明本年度是否收取信息处理费（收取的应写明金额，未收取的应写明未收取）",
        (),
    )
