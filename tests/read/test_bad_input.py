"""Bad input gets one clear Chinese line naming the cause; nothing raises anything else."""

from __future__ import annotations

import io
import os
import subprocess
import zipfile

import pytest

from gongkai.read import ReadError, read_bytes, read_path, sniff
from gongkai.samples import SHAPES, consistent_report


def _error(data: bytes) -> str:
    with pytest.raises(ReadError) as e:
        read_bytes(data, "x")
    msg = str(e.value)
    assert "\n" not in msg and msg
    return msg


def test_empty_and_whitespace():
    assert "为空" in _error(b"")
    assert "为空" in _error(b"  \n\t ")


def test_garbage_and_binary():
    assert "不是" in _error(os.urandom(4096))
    assert "不是" in _error(b"\x00\x01\x02binary\x00" * 200)


def test_huge_file_refused_before_reading(monkeypatch):
    monkeypatch.setattr(sniff, "MAX_BYTES", 1000)
    assert "过大" in _error(b"a" * 2000)


def test_zip_that_is_not_docx_and_old_doc():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "hi")
    assert "不是 DOCX" in _error(buf.getvalue())
    assert "DOCX" in _error(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)


def test_truncated_docx():
    data = SHAPES["docx"][1](consistent_report(2))
    assert _error(data[: len(data) // 2])


def test_truncated_table_keeps_what_is_there():
    """A report cut off in the middle of section 三: the rows present are read, the rest reported."""
    text = SHAPES["tab"][1](consistent_report(9)).decode()
    cut = text[: text.index("（五）不予处理")]
    got = read_bytes(cut.encode(), "cut.txt")
    assert got.cells["requests.granted.natural_person"] is not None
    assert got.cells["requests.total.total"] is None
    assert any(f.rule == "read.row_missing" for f in got.findings)


def test_encrypted_pdf(tmp_path):
    locked = tmp_path / "locked.pdf"
    subprocess.run(["qpdf", "--empty", "--encrypt", "u", "o", "256", "--", str(locked)], check=True)
    assert "加密" in _error(locked.read_bytes())


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ReadError, match="不存在"):
        read_path(tmp_path / "nope.txt")
    with pytest.raises(ReadError, match="目录"):
        read_path(tmp_path)


@pytest.mark.parametrize("encoding", ["gb18030", "big5", "utf-16"])
def test_encodings(encoding):
    from gongkai.samples.shapes import tab_text, traditional

    r = consistent_report(6)
    text = tab_text(r)
    if encoding == "big5":
        text = traditional(text, debris=False)
    got = read_bytes(text.encode(encoding), "e.txt")
    assert got.cells == r.cells
