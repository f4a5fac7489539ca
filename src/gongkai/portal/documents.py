"""Identity documents uploaded with an online application: checked by content, kept outside the web root.

The type is decided by the file's content (the `filetype` library reads its signature), never by its name
or the browser's word; only PDF, JPEG and PNG are kept, up to a size limit. Files go under the data
directory with random names (no part of the applicant's name or the case number), readable by the owner
only, and are deleted a configurable time after the case closes (`gongkai portal purge`).
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

import filetype

from gongkai.errors import InputError, LimitExceeded

#: Types accepted, by the MIME type the content shows: the extension the file is stored under.
ACCEPTED = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}
MAX_BYTES = 5 * 1024 * 1024
DATA_DIR_ENV = "GONGKAI_DATA_DIR"
DEFAULT_DATA_DIR = "gongkai-data"
FOLDER = "identity"


@dataclass(frozen=True)
class Checked:
    """An upload whose content is an accepted type."""

    data: bytes
    mime: str
    extension: str


def data_dir(path: str | Path | None = None) -> Path:
    """Where uploads are kept: the path given, else GONGKAI_DATA_DIR, else ./gongkai-data."""
    return Path(path or os.environ.get(DATA_DIR_ENV) or DEFAULT_DATA_DIR)


def check_upload(data: bytes, filename: str = "", max_bytes: int = MAX_BYTES) -> Checked:
    """The upload if its content is a PDF, JPEG or PNG within the size limit; InputError otherwise."""
    what = f"身份证明文件“{Path(filename).name[:60]}”" if filename else "身份证明文件"
    if not data:
        raise InputError(f"{what}为空", code="portal.upload", field="id_document")
    if len(data) > max_bytes:
        raise LimitExceeded(
            f"{what}过大（{len(data) / 1048576:.1f} MB，最大{max_bytes // 1048576} MB）",
            code="portal.upload.size",
            field="id_document",
        )
    kind = filetype.guess(data)
    if kind is None or kind.mime not in ACCEPTED:
        found = f"（实际为{kind.extension}）" if kind else ""
        raise InputError(
            f"{what}不是PDF、JPG或PNG文件{found}", code="portal.upload.type", field="id_document"
        )
    return Checked(data, kind.mime, ACCEPTED[kind.mime])


def save(root: Path, upload: Checked) -> str:
    """Write the file under a random name; returns its name relative to the data directory."""
    folder = root / FOLDER
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    name = f"{secrets.token_hex(16)}.{upload.extension}"
    path = folder / name
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(upload.data)
    return f"{FOLDER}/{name}"


def resolve(root: Path, name: str) -> Path:
    """The file a stored name refers to, refusing any name that would leave the folder."""
    path = (root / name).resolve()
    if path.parent != (root / FOLDER).resolve():
        raise InputError("身份证明文件的存储名称无效", code="portal.upload")
    return path


def delete(root: Path, name: str) -> bool:
    """Remove a stored file; False when it was already gone."""
    try:
        resolve(root, name).unlink()
        return True
    except FileNotFoundError:
        return False
