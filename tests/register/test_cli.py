"""The register's commands, through a Typer app built here (the lead wires them into `gongkai`)."""

import json
from datetime import date as D

import pytest
import typer
from typer.testing import CliRunner

from gongkai.cli.register import install, read_narrative
from gongkai.model import Report

runner = CliRunner()


@pytest.fixture
def app():
    a = typer.Typer()
    install(a)
    return a


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return {"GONGKAI_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}", "GONGKAI_USER": "测试员"}


def run(app, args, env=None):
    return runner.invoke(app, [str(a) for a in args], env=env)


def case_file(tmp_path, data, name="case.json"):
    p = tmp_path / name
    p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return p


def test_deadline_prints_due_and_explanation(app, tmp_path):
    f = case_file(
        tmp_path,
        {
            "received": "2025-09-26",
            "events": [
                {"type": "consultation_sent", "date": "2025-09-29"},
                {"type": "consultation_replied", "date": "2025-10-13"},
                {"type": "extended", "date": "2025-11-03", "days": 5},
            ],
        },
    )
    r = run(app, ["deadline", f])
    assert r.exit_code == 0, r.output
    got = json.loads(r.stdout)
    # 9/28 Sun and 9/29 spent (2); from 10/13, 18 + 5 working days
    assert got["due"] == "2025-11-13"
    assert len(got["explanation"]) == 4 and "征求意见" in got["explanation"][1]


def test_deadline_2026_spring_festival(app, tmp_path):
    f = case_file(tmp_path, {"received": "2026-02-10", "events": []})
    r = run(app, ["deadline", f])
    assert json.loads(r.stdout)["due"] == "2026-03-16"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"received": "2027-01-05", "events": []}, "2027年的节假日安排尚未载入"),
        ({"received": "2025-13-01"}, "收到日期"),
        ({"events": []}, "缺少收到日期"),
        ({"received": "2025-03-03", "events": [{"type": "fee_notified", "date": "2025-03-04"}]}, "缴费"),
        (
            {"received": "2025-03-03", "events": [{"type": "correction_received", "date": "2025-03-04"}]},
            "只能登记",
        ),
        ({"received": "2025-03-03", "events": [{"type": "teleported", "date": "2025-03-04"}]}, "事件类型"),
    ],
)
def test_deadline_errors_are_one_line(app, tmp_path, data, message):
    r = run(app, ["deadline", case_file(tmp_path, data)])
    assert r.exit_code == 1
    assert message in r.stderr and "Traceback" not in r.output
    assert r.stderr.strip().count("\n") == 0


def test_deadline_with_an_extra_schedule_file(app, tmp_path):
    sched = case_file(tmp_path, {"year": 2027, "source": "测试", "holidays": []}, "2027.json")
    f = case_file(tmp_path, {"received": "2027-01-04"})
    r = run(app, ["deadline", f, "--calendar", sched])
    assert r.exit_code == 0 and json.loads(r.stdout)["due"] == "2027-02-01"


def test_register_workflow_and_report(app, tmp_path, env):
    assert run(app, ["register", "body-add", "shj", "某市生态环境局"], env).exit_code == 0
    r = run(
        app,
        [
            "register", "add", "--body", "shj", "--case", "2025-001", "--applicant-type", "commercial",
            "--channel", "online", "--received", "2025-01-20", "--content", "环评报告", "--name", "某公司",
        ],
        env,
    )  # fmt: skip
    assert r.exit_code == 0 and "2025-02-21" in r.stdout
    r = run(
        app,
        ["register", "event", "--body", "shj", "2025-001", "answered", "2025-02-24", "--outcome", "granted"],
        env,
    )
    assert r.exit_code == 0 and "已答复" in r.stdout
    r = run(
        app,
        ["register", "event", "--body", "shj", "2025-001", "withdrawn", "2025-02-25", "--version", "1"],
        env,
    )
    assert r.exit_code == 1 and "已被他人修改" in r.stderr
    r = run(app, ["register", "show", "--body", "shj", "2025-001"], env)
    assert "已答复" in r.stdout and "办理结果：granted" in r.stdout
    run(app, ["register", "add", "--body", "shj", "--case", "2025-002", "--applicant-type", "research",
              "--channel", "post", "--received", "2025-12-01"], env)  # fmt: skip
    r = run(app, ["register", "overdue", "--body", "shj", "--as-of", "2026-01-05"], env)
    assert "2025-002" in r.stdout and "2025-001" not in r.stdout
    run(app, ["register", "counts", "--body", "shj", "--year", "2025", "--licensing", "88"], env)
    run(
        app, ["register", "document", "--body", "shj", "--kind", "regulations", "--issued", "2025-05-01"], env
    )
    run(
        app,
        ["register", "appeal", "--body", "shj", "--kind", "reconsideration", "--filed", "2025-06-01"],
        env,
    )

    narrative = tmp_path / "text.txt"
    narrative.write_text(
        "一、总体情况\n本年度依法办理申请。\n五、存在的主要问题及改进情况\n人手不足。\n", encoding="utf-8"
    )
    out = tmp_path / "report.json"
    r = run(app, ["report", "--body", "shj", "--year", "2025", "--out", out, "--narrative", narrative], env)
    assert r.exit_code == 0, r.output
    rep = Report.from_dict(json.loads(out.read_text(encoding="utf-8")))
    assert rep.cells["requests.granted.commercial"] == 1
    assert rep.cells["requests.carried_forward.research"] == 1
    assert rep.cells["active.licensing.decisions"] == 88 and rep.cells["active.regulations.issued"] == 1
    assert rep.cells["appeals.reconsideration.pending"] == 1
    assert rep.sections[1] == "本年度依法办理申请。" and rep.sections[5] == "人手不足。"
    assert "未收取" in rep.sections[6]

    csv_out = tmp_path / "register.csv"
    r = run(app, ["register", "export", "--body", "shj", csv_out], env)
    assert r.exit_code == 0 and "某公司" not in csv_out.read_text(encoding="utf-8-sig")
    run(app, ["register", "body-add", "copy", "副本"], env)
    r = run(app, ["register", "import", "--body", "copy", csv_out], env)
    assert r.exit_code == 0 and "2件申请" in r.stdout


def test_report_to_other_formats_when_writers_exist(app, tmp_path, env):
    run(app, ["register", "body-add", "b1", "某局"], env)
    out = tmp_path / "report.md"
    r = run(app, ["report", "--body", "b1", "--year", "2025", "--out", out], env)
    try:
        import gongkai.write  # noqa: F401
    except ImportError:
        assert r.exit_code == 1 and ".json" in r.stderr
    else:
        assert r.exit_code == 0, r.output
        assert out.exists() and out.stat().st_size > 0


def test_calendar_load_then_deadline_uses_the_store(app, tmp_path, env):
    sched = case_file(
        tmp_path,
        {
            "year": 2027,
            "source": "国办发明电〔2026〕X号（测试）",
            "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}],
        },
        "2027.json",
    )
    r = run(app, ["calendar", "load", sched], env)
    assert r.exit_code == 0 and "2027" in r.stdout
    f = case_file(tmp_path, {"received": "2026-12-30"})
    r = run(app, ["deadline", f], env)
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["due"] == "2027-01-28"  # 12/31, then 1/4 onward
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    r = run(app, ["calendar", "load", bad], env)
    assert r.exit_code == 1 and "bad.json" in r.stderr


def test_seed_from_json_and_errors(app, tmp_path, env):
    run(app, ["register", "body-add", "b2", "某局"], env)
    rep = Report.blank("2021", year=2024, body="某局")
    for col in ("natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org"):
        rep.cells[f"requests.carried_forward.{col}"] = 0
    rep.cells["requests.carried_forward.natural_person"] = 4
    rep.cells["requests.carried_forward.total"] = 4
    f = case_file(tmp_path, rep.to_dict(), "published.json")
    r = run(app, ["register", "seed", "--body", "b2", f], env)
    assert r.exit_code == 0 and "共4件" in r.stdout
    out = tmp_path / "r.json"
    run(app, ["report", "--body", "b2", "--year", "2025", "--out", out], env)
    assert (
        json.loads(out.read_text(encoding="utf-8"))["cells"]["requests.brought_forward.natural_person"] == 4
    )
    r = run(app, ["report", "--body", "nobody", "--year", "2025", "--out", out], env)
    assert r.exit_code == 1 and "机关nobody不存在" in r.stderr


def test_fee_command(app):
    assert run(app, ["register", "fee", "--method", "pages", "--pages", "120"]).stdout.strip() == "1100"
    assert run(app, ["register", "fee", "--method", "count", "--ordinal", "45"]).stdout.strip() == "300"
    r = run(app, ["register", "fee", "--method", "weight", "--pages", "3"])
    assert r.exit_code == 1 and "count 或 pages" in r.stderr


def test_read_narrative_json(tmp_path):
    p = tmp_path / "n.json"
    p.write_text(json.dumps({"1": "总体", "6": "其他"}, ensure_ascii=False), encoding="utf-8")
    assert read_narrative(p) == {1: "总体", 6: "其他"}
    assert D(2025, 1, 1)  # keep the date import honest


def test_deadline_accepts_events_in_any_order(app, tmp_path):
    f = case_file(
        tmp_path,
        {
            "received": "2025-01-20",
            "events": [
                {"type": "correction_received", "date": "2025-02-10"},
                {"type": "correction_requested", "date": "2025-01-24"},
            ],
        },
    )
    r = run(app, ["deadline", f])
    assert r.exit_code == 0, r.output
    got = json.loads(r.stdout)
    assert got["due"] == "2025-03-10"
    assert "补正" in got["explanation"][1] and "重新计算" in got["explanation"][2]


def test_fee_from_the_register_and_records_import(app, tmp_path, env):
    run(app, ["register", "body-add", "b3", "某局"], env)
    for i in range(1, 12):
        r = run(
            app,
            ["register", "add", "--body", "b3", "--case", f"Q{i}", "--applicant-type", "natural_person",
             "--channel", "online", "--received", f"2025-03-{i:02d}", "--name", "周九"],
            env,
        )  # fmt: skip
        assert r.exit_code == 0, r.output
    r = run(app, ["register", "fee", "--method", "count", "--body", "b3", "--case", "Q11"], env)
    assert r.exit_code == 0 and r.stdout.strip() == "100（该申请人当月第11件）"
    counts = tmp_path / "counts.csv"
    counts.write_text("year,licensing,penalties\n2025,77,9\n", encoding="utf-8")
    r = run(app, ["register", "records-import", "--body", "b3", "counts", counts], env)
    assert r.exit_code == 0 and "1个年度" in r.stdout
    r = run(app, ["register", "records-import", "--body", "b3", "planets", counts], env)
    assert r.exit_code == 1 and "documents、counts 或 appeals" in r.stderr
