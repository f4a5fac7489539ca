"""Every threshold and fragment list the readers decide by, in one documented object.

As pdfplumber's TableSettings: each knob has a name, a default and a line on what it changes. Callers
that need other values build `ReaderSettings(...)` with the fields they change; the readers use
`SETTINGS`. Detection words of the format itself (section titles, labels, 2019/2021 marks) are not
here: they come from `gongkai.format.spec`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


def _pattern(*words: str) -> re.Pattern:
    return re.compile("|".join(words))


@dataclass(frozen=True)
class ReaderSettings:
    # --- locating sections
    max_heading_key: int = 26
    """A section heading is a short line: longer folded text is a sentence that mentions a title."""

    # --- matching printed row labels to the format (align.py)
    label_threshold: float = 0.5
    """Least share of an official label's character bigrams a printed label must carry to match it."""
    keyword_bonus: float = 0.5
    """Added to a row's score when the printed label holds one of the row's distinctive keywords."""

    # --- cutting run-together digits and choosing readings by the sums (fit.py)
    max_splits: int = 20000
    """Ways of cutting one row's digits listed before giving up on cutting (the row stays blank)."""
    max_joint: int = 20000
    """Combinations of still-open rows tried together before settling them one by one."""

    label_columns: int = 3
    """Section 三 of the national layout: label columns before the seven values. A line exactly that
    wide breaks ties in favour of its last seven cells."""

    # --- HTML tables (html.py): data table or page layout
    max_cell_chars: int = 200
    """A cell longer than this is prose; it makes a table of few rows (below) a layout table."""
    max_cell_pieces: int = 4
    """A cell of more paragraphs than this is prose, likewise."""
    min_grid_rows: int = 3
    """Rows of two or more short cells a table needs to stay a data table despite a prose cell."""

    # --- the body (meta.py)
    signature_lines: int = 8
    """The last lines searched for a signature (a body's name above the date)."""

    lone_value_lines: int = 40
    """Plain text with at least this many lines that are one value alone holds one cell a line
    (text copied out of a PDF table): its rows are rebuilt from labels and values, as in a pipe dump.
    A report's tables hold about 170 values; a text report prints them beside their labels."""

    # --- flattened page text (flat.py)
    flat_line_chars: int = 600
    """A line at least this long that holds `flat_min_headings` section headings is a flattened page."""
    flat_min_headings: int = 3
    """Section headings a long line must hold to be read as a whole report on one line."""
    flat_min_row_labels: int = 10
    """Or section 三's row labels (with as many digits): a table run together on a line of its own;
    a tab, pipe or markdown table holds one row a line."""
    flat_run_break: int = 12
    """Digits within this many characters after a value run mean the run was broken by text it
    cannot be cut around: the row's values are left blank rather than guessed."""
    flat_wrapped_label_chars: int = 16
    """A flattened row label this long may be cut by its own values (a wrapped cell); its first
    `flat_wrapped_label_chars // 2` characters then find it."""
    page_tools: re.Pattern = field(
        default=_pattern(
            r"当前位置\s*[:：]?",
            r"您(?:现在)?的位置\s*[:：]?",
            r"首页\s*[>＞»]",
            r"全真版",
            r"文字版",
            r"【?字[号体]\s*[:：]?\s*[【\[]?大[】\]]?\s*[【\[]?中[】\]]?\s*[【\[]?小[】\]]?",
            r"分享到\s*[:：]?",
            r"[【\[]\s*打印\s*[】\]]",
        )
    )
    """Breadcrumbs and page tools that sites print before a report's title."""
    footer: re.Pattern = field(
        default=_pattern(
            r"附件下载",
            r"相关附件\s*[:：]",
            r"[【\[]\s*(?:打印本页|打印|关闭窗口|关闭|收藏)\s*[】\]]",
            r"打印本页",
            r"关闭窗口",
            r"扫一扫在手机",
            r"主办单位\s*[:：]",
            r"网站标识码",
            r"[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川贵云陕甘青蒙桂藏宁新]ICP备",
            r"ICP备",
            r"版权所有",
            r"Copyright",
        )
    )
    """Where the site's footer starts: section 六's text (and a page's last section) ends there."""


SETTINGS = ReaderSettings()
