"""Files written whole or not at all: a temporary file in the same folder, then `os.replace`.

A DOCX, XLSX, JSON or CSV that gongkai writes is never seen half-written, and a file it replaces is never
lost: if the process dies or the disk fills, the old file (or no file) remains and the temporary one is
removed (or, after a kill, left under a dotted name ending in .tmp).
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

from gongkai.errors import GongkaiError


class WriteFailed(GongkaiError):
    """A file that could not be written; nothing at its path changed."""

    code = "write.file"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


MODE = 0o666 & ~_umask()  # what open() would have given a new file


@contextmanager
def target(path: str | Path, *, private: bool = False) -> Iterator[Path]:
    """A temporary path beside `path` for a library that saves to a path; moved onto `path` when the block
    ends without an error. `private`: readable by the owner only (backups holding personal data)."""
    path = Path(path)
    if path.is_dir():
        raise WriteFailed(f"{path}：是一个目录，请给出文件名", file=str(path))
    if not path.parent.is_dir():
        raise WriteFailed(f"{path}：无法写入（目录{path.parent}不存在）", file=str(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise WriteFailed(f"{path}：无法写入（{_cause(e)}）", file=str(path)) from e
    os.close(fd)
    try:
        if not private:
            os.chmod(tmp, MODE)
        yield Path(tmp)
        _sync(tmp)
        os.replace(tmp, path)
    except OSError as e:  # a full disk, a file another program holds open …: nothing at `path` changed
        raise WriteFailed(f"{path}：无法写入（{_cause(e)}）", file=str(path)) from e
    finally:
        with suppress(FileNotFoundError):
            os.unlink(tmp)


@contextmanager
def replacing(path: str | Path, mode: str = "w", **open_kw) -> Iterator[IO]:
    """An open file whose contents replace `path` when the block ends without an error."""
    with target(path) as tmp, open(tmp, mode, **open_kw) as f:
        yield f


def write_bytes(path: str | Path, data: bytes) -> Path:
    with replacing(path, "wb") as f:
        f.write(data)
    return Path(path)


def write_text(path: str | Path, text: str, encoding: str = "utf-8") -> Path:
    with replacing(path, "w", encoding=encoding) as f:
        f.write(text)
    return Path(path)


def _cause(e: OSError) -> str:
    if isinstance(e, PermissionError):
        return "没有写入权限"
    if e.errno == errno.ENOSPC:
        return "磁盘已满"
    return e.strerror or str(e)


def _sync(tmp: str) -> None:
    """The data on disk before the rename, so a power cut leaves the old file or the new, never zeros."""
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
