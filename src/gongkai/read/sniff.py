"""Decide what a file is from its bytes, and decode text in whatever encoding it came in."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

from charset_normalizer import from_bytes

from gongkai.errors import BROKEN_ZIP
from gongkai.read.document import ReadError
from gongkai.read.limits import LIMITS, ReadLimitExceeded

MAX_BYTES = LIMITS.bytes  # a report is a few MB at most; refuse what would only exhaust memory

_HTML_MARKS = (b"<html", b"<!doctype html", b"<table", b"<body", b"<div", b"<p>", b"<p ", b"<meta", b"<head")


def kind_of(data: bytes) -> str:
    """One of: pdf, docx, html, text. Raises ReadError for what is none of them."""
    if not data or not data.strip():
        raise ReadError("文件为空")
    if len(data) > MAX_BYTES:
        raise ReadLimitExceeded(
            f"文件过大（{len(data) // (1024 * 1024)} MB，上限 {MAX_BYTES // (1024 * 1024)} MB）",
            code="read.limit.bytes",
            limit="bytes",
        )
    head = data[:1024]
    if head.lstrip().startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            names = zipfile.ZipFile(BytesIO(data)).namelist()
        except BROKEN_ZIP as e:
            raise ReadError("压缩文件已损坏，无法打开") from e
        if "word/document.xml" in names:
            return "docx"
        raise ReadError("是压缩文件但不是 DOCX 文档")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReadError("文档已加密或为旧版 .doc 格式，请另存为 DOCX 后再读取")
    lowered = head.lower()
    if any(m in lowered for m in _HTML_MARKS):
        return "html"
    return "text"


def decode(data: bytes) -> str:
    """Bytes → str: UTF-8 (with or without BOM) first, else the best guess among Chinese encodings."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:  # a BOM, then bytes no UTF-16 text has (lone surrogates, odd length)
            raise ReadError(f"UTF-16 文本已损坏（第 {e.start} 字节起不是有效的 UTF-16）") from e
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16", "utf_8"]).best()
    if best is None:
        raise ReadError("无法识别文件编码（不是 UTF-8、GB18030/GBK 或 Big5 文本）")
    text = str(best)
    if _binary_share(text) > 0.02:
        raise ReadError("不是文本文件（含有大量二进制字节）")
    return text


_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")


def _binary_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    return len(_NOT_TEXT.findall(sample)) / len(sample)


def check_text(text: str) -> str:
    if "\x00" in text[:20000] or _binary_share(text) > 0.02:
        raise ReadError("不是文本文件（含有大量二进制字节）")
    if not text.strip():
        raise ReadError("文件没有文字内容")
    return text
