"""Files are written whole or not at all: a writer that fails half-way leaves the old file as it was and no
temporary file behind; a missing folder is one Chinese line naming it."""

from __future__ import annotations

import os
import stat

import pytest

from gongkai import atomic
from gongkai.atomic import WriteFailed
from gongkai.export import Failed, write_csv, write_xlsx


def _rows_then_a_failure():
    yield Failed("甲.pdf", "无法读取")
    yield Failed("乙.pdf", "无法读取")
    raise RuntimeError("断电")


@pytest.mark.parametrize("writer,name", [(write_csv, "表.csv"), (write_xlsx, "表.xlsx")])
def test_a_writer_failing_half_way_leaves_the_old_file(writer, name, tmp_path):
    path = tmp_path / name
    writer([Failed("旧.pdf", "旧的内容")], path)
    before = path.read_bytes()
    with pytest.raises(RuntimeError, match="断电"):
        writer(_rows_then_a_failure(), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no temporary file left


def test_a_new_file_gets_the_usual_mode_and_a_backup_is_private(tmp_path):
    plain = atomic.write_text(tmp_path / "报告.json", "{}")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(plain.stat().st_mode) == 0o666 & ~mask
    with atomic.target(tmp_path / "备份.bak", private=True) as tmp:
        tmp.write_bytes(b"x")
    assert stat.S_IMODE((tmp_path / "备份.bak").stat().st_mode) == 0o600


def test_a_missing_folder_or_a_folder_as_the_file_is_said_in_one_line(tmp_path):
    with pytest.raises(WriteFailed, match=r"表\.csv：无法写入（目录.*没有的目录不存在）"):
        write_csv([Failed("甲.pdf", "无法读取")], tmp_path / "没有的目录" / "表.csv")
    with pytest.raises(WriteFailed, match="是一个目录，请给出文件名"):
        atomic.write_bytes(tmp_path, b"x")
