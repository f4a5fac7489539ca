"""Running `gongkai` in-process against a database of the test's own."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from gongkai.cli import app

runner = CliRunner()


class Cli:
    def __init__(self, env: dict[str, str]):
        self.env = env

    def __call__(self, *args):
        return runner.invoke(app, [str(a) for a in args], env=self.env)

    def ok(self, *args):
        r = self(*args)
        assert r.exit_code == 0, f"{args}: {r.output}"
        return r

    def json(self, *args):
        return json.loads(self.ok(*args, "--json").stdout)


@pytest.fixture
def cli(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return Cli({"GONGKAI_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}", "GONGKAI_USER": "测试员"})
