"""One error family: every error readers, loaders and writers raise on bad input is a GongkaiError with
a stable code and one Chinese line; the CLI turns each into exit status 1 and that line."""

from __future__ import annotations

import importlib
import pkgutil
import re

from typer.testing import CliRunner

import gongkai
from gongkai.cli import app
from gongkai.errors import GongkaiError
from gongkai.samples import SHAPES, consistent_report

runner = CliRunner()
CODE = re.compile(r"^[a-z_]+(\.[a-z_0-9]+)*$")


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_error_class_has_a_stable_code():
    for module in pkgutil.walk_packages(gongkai.__path__, "gongkai."):
        if module.name.startswith(("gongkai.web", "gongkai.cli")) or module.name.endswith("__main__"):
            continue
        importlib.import_module(module.name)
    classes = list(_subclasses(GongkaiError))
    names = {c.__name__ for c in classes}
    assert {"ReadError", "ReadLimitExceeded", "LoadError", "WriteError", "WriteFailed"} <= names
    for cls in classes:
        assert CODE.match(cls.code), f"{cls.__name__}.code = {cls.code!r}"


def test_unwritable_export_is_one_line_and_exit_1(tmp_path):
    report = tmp_path / "r.txt"
    report.write_bytes(SHAPES["tab"][1](consistent_report(2)))
    missing = tmp_path / "no" / "x.csv"
    cases = (
        ("--csv", missing, f"{missing}：无法写入（目录{missing.parent}不存在）"),
        ("--xlsx", tmp_path, f"{tmp_path}：是一个目录，请给出文件名"),
    )
    for option, target, why in cases:
        result = runner.invoke(app, ["export", str(report), option, str(target)])
        assert result.exit_code == 1
        assert isinstance(result.exception, SystemExit)
        lines = result.stderr.strip().splitlines()
        assert lines == [f"错误：{why}"]
