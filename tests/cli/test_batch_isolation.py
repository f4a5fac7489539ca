"""A batch is read file by file in workers with a time and memory budget: a file that aborts, is
killed, hangs or exhausts memory costs only itself; the JSON is complete and the exit status 0 or 1."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys

from typer.testing import CliRunner

from gongkai.cli import app
from gongkai.isolate import FAULT_ENV, FAULT_MARK, Budget, examine_isolated
from gongkai.samples import SHAPES, consistent_report
from gongkai.samples.hostile import HOSTILE

runner = CliRunner()
GONGKAI = [sys.executable, "-c", "from gongkai.cli import main; main()"]


def _good(path, seed):
    report = consistent_report(seed)
    path.write_bytes(SHAPES["tab"][1](report))
    return report


def _gongkai(*args, env=None, limit_as=None):
    def preexec():
        if limit_as:
            resource.setrlimit(resource.RLIMIT_AS, (limit_as, limit_as))

    return subprocess.run(
        [*GONGKAI, *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        preexec_fn=preexec,
        timeout=300,
    )


def test_faulty_files_cost_only_themselves(tmp_path):
    faults = ["abort", "kill", "hang", "memory"]
    paths, reports = [], {}
    for i, kind in enumerate(["ok", *faults[:2], "ok", *faults[2:], "ok"]):
        path = tmp_path / f"{i}-{kind}.txt"
        if kind == "ok":
            reports[str(path)] = _good(path, i + 1)
        else:
            path.write_bytes(FAULT_MARK + kind.encode() + b"\n")
        paths.append(path)
    done = _gongkai(
        "parse", *paths, "--json", "--jobs", "2", "--timeout", "4", "--memory", "1024", env={FAULT_ENV: "1"}
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    items = json.loads(done.stdout)
    assert [i["source"] for i in items] == [str(p) for p in paths]
    by_kind = {p.stem.split("-")[1]: item for p, item in zip(paths, items, strict=True) if "ok" not in p.stem}
    assert "SIGABRT" in by_kind["abort"]["error"]
    assert "SIGKILL" in by_kind["kill"]["error"]
    assert by_kind["hang"]["error"] == "读取超时（超过 4 秒），已中止"
    assert by_kind["memory"]["error"] == "读取所需内存超过上限（1024 MB），未读取"
    for item in items:
        if item["source"] in reports:
            assert item["error"] is None
            assert item["cells"] == reports[item["source"]].to_dict()["cells"]
    lines = [ln for ln in done.stderr.splitlines() if ln.strip()]
    assert len(lines) == len(faults) and all(ln.startswith(str(tmp_path)) for ln in lines)


def test_jsonl_streams_one_line_per_file_in_order(tmp_path):
    paths = []
    for i in range(3):
        _good(tmp_path / f"r{i}.txt", i + 2)
        paths.append(tmp_path / f"r{i}.txt")
    (tmp_path / "bad.txt").write_bytes(HOSTILE["utf16-broken"][1](1.0))
    paths.append(tmp_path / "bad.txt")
    result = runner.invoke(app, ["parse", *map(str, paths), "--jsonl", "--jobs", "2"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert [json.loads(ln)["source"] for ln in lines] == [str(p) for p in paths]
    assert "UTF-16 文本已损坏" in json.loads(lines[-1])["error"]


def test_in_process_and_isolated_agree(tmp_path):
    paths = []
    for i in range(3):
        _good(tmp_path / f"r{i}.txt", i + 9)
        paths.append(str(tmp_path / f"r{i}.txt"))
    inside = json.loads(runner.invoke(app, ["parse", *paths, "--json", "--jobs", "0"]).stdout)
    outside = json.loads(runner.invoke(app, ["parse", *paths, "--json", "--jobs", "3"]).stdout)
    assert inside == outside


def test_check_and_export_read_a_parse_json_in_workers(tmp_path):
    _good(tmp_path / "a.txt", 4)
    parsed = runner.invoke(app, ["parse", str(tmp_path / "a.txt"), "--json"])
    (tmp_path / "a.json").write_text(parsed.stdout, encoding="utf-8")
    checked = runner.invoke(app, ["check", str(tmp_path / "a.json"), "--jobs", "2"])
    assert checked.exit_code == 0, checked.output
    exported = runner.invoke(app, ["export", str(tmp_path / "a.json"), "--csv", str(tmp_path / "a.csv")])
    assert exported.exit_code == 0
    assert "requests.granted.total" in (tmp_path / "a.csv").read_text(encoding="utf-8-sig")


def test_names_with_brackets_are_printed_as_they_are(tmp_path):
    archive = tmp_path / "archive[old]"
    archive.mkdir()
    _good(archive / "2023.txt", 5)
    (tmp_path / "x[").mkdir()
    odd = tmp_path / "x[" / "bold]y.txt"  # the path reads "…/x[/bold]y.txt": a closing tag to rich
    odd.write_bytes(b"\x00\xff" * 50)
    for command in (["parse"], ["check"]):
        result = runner.invoke(app, [*command, str(archive / "2023.txt"), str(odd)], terminal_width=400)
        assert result.exit_code == 1
        assert isinstance(result.exception, SystemExit)  # the exit status, not a MarkupError
        shown = result.stdout + result.stderr
        assert "x[/bold]y.txt" in shown
        if command == ["check"]:
            assert str(archive / "2023.txt") in shown


def test_hostile_batch_under_a_2_5_gb_address_space(tmp_path):
    """The issue's demonstration: hostile files and a CR-only copy in one `parse --json` under 2.5 GB."""
    names = sorted(HOSTILE)
    for name in names:
        filename, build = HOSTILE[name]
        (tmp_path / filename).write_bytes(build(1.0))
    _good(tmp_path / "zz-good.txt", 3)
    done = _gongkai("parse", tmp_path, "--json", "--jobs", "2", limit_as=int(2.5 * 1024**3))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    items = json.loads(done.stdout)
    assert len(items) == len(names) + 1
    good = next(i for i in items if i["source"].endswith("zz-good.txt"))
    assert good["error"] is None and good["cells"]["requests.granted.total"] is not None
    refused = [i for i in items if i["error"]]
    assert len(refused) == len(names) - 1  # all but the CR-only copy
    assert all("\n" not in i["error"] for i in refused)


def test_budget_of_isolated_reader_directly(tmp_path):
    _good(tmp_path / "a.txt", 6)
    (tmp_path / "b.txt").write_bytes(FAULT_MARK + b"abort\n")
    got = list(examine_isolated([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], Budget(jobs=1)))
    assert got[0][0].report is not None
    assert got[1][0].error is None or "SIGABRT" not in got[1][0].error  # no fault without the switch
