"""The register's commands: deadline, calendar, register …, report — contracts, Chinese, one-line errors."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import create_engine, text

from gongkai.model import Report


def write_json(path, data):
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_deadline_prints_due_and_explanation(cli, tmp_path):
    f = write_json(
        tmp_path / "case.json",
        {
            "received": "2025-09-26",
            "events": [
                {"type": "consultation_sent", "date": "2025-09-29"},
                {"type": "consultation_replied", "date": "2025-10-13"},
                {"type": "extended", "date": "2025-11-03", "days": 5, "approved_by": "主任"},
            ],
        },
    )
    got = json.loads(cli.ok("deadline", f).stdout)
    # 9/28 Sun and 9/29 spent (2); from 10/13, 18 + 5 working days
    assert got["due"] == "2025-11-13" and "provisional" not in got
    assert len(got["explanation"]) == 5 and "征求意见" in got["explanation"][1]


def test_deadline_into_a_year_without_schedule_is_provisional(cli, tmp_path):
    got = json.loads(cli.ok("deadline", write_json(tmp_path / "c.json", {"received": "2026-12-15"})).stdout)
    assert got["due"] == "2027-01-13" and got["provisional"] is True
    assert any("2027年节假日安排尚未载入" in w for w in got["warnings"])


def test_deadline_accepts_events_in_any_order(cli, tmp_path):
    f = write_json(
        tmp_path / "c.json",
        {
            "received": "2025-01-20",
            "events": [
                {"type": "correction_received", "date": "2025-02-10"},
                {"type": "correction_requested", "date": "2025-01-24"},
            ],
        },
    )
    got = json.loads(cli.ok("deadline", f).stdout)
    assert got["due"] == "2025-03-10" and "重新计算" in got["explanation"][2]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"received": "2040-01-05", "events": []}, "2040年的节假日安排尚未载入"),
        ({"received": "2025-13-01"}, "收到日期"),
        ({"events": []}, "缺少收到日期"),
        ({"received": "2025-03-03", "events": [{"type": "fee_notified", "date": "2025-03-04"}]}, "缴费"),
        (
            {"received": "2025-03-03", "events": [{"type": "correction_received", "date": "2025-03-04"}]},
            "只能登记",
        ),
        ({"received": "2025-03-03", "events": [{"type": "teleported", "date": "2025-03-04"}]}, "事件类型"),
        (
            {"received": "2025-03-03", "events": [{"type": "extended", "date": "2025-03-04", "days": 1.9}]},
            "应为整数",
        ),
        (
            {"received": "2025-03-03", "events": [{"type": "extended", "date": "2025-03-10", "days": 5}]}
            | {"x": 1},
            "",
        ),
    ],
)
def test_deadline_errors_are_one_line(cli, tmp_path, data, message):
    r = cli("deadline", write_json(tmp_path / "c.json", data))
    if not message:  # unknown top-level keys are ignored: a calculator
        assert r.exit_code == 0
        return
    assert r.exit_code == 1 and message in r.stderr and "Traceback" not in r.output
    assert r.stderr.strip().count("\n") == 0


def test_deadline_refuses_deep_and_huge_files(cli, tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text(
        '{"received": "2025-03-03", "events": ' + "[" * 50000 + "]" * 50000 + "}", encoding="utf-8"
    )
    r = cli("deadline", deep)
    assert r.exit_code == 1 and "嵌套过深" in r.stderr and "Traceback" not in r.output
    many = write_json(
        tmp_path / "many.json", {"received": "2025-03-03", "events": [{"type": "x", "date": "x"}] * 600}
    )
    r = cli("deadline", many)
    assert r.exit_code == 1 and "事件过多" in r.stderr


def test_help_screens_are_chinese(cli):
    for args in (["--help"], ["register", "--help"], ["register", "add", "--help"], ["deadline", "--help"]):
        out = cli.ok(*args).stdout
        for english in ("Usage", "Options", "Commands", "Show this message", "Arguments"):
            assert english not in out, (args, english)
        assert "用法" in out and "显示本帮助并退出" in out
    r = cli("register", "add", "--body", "x")
    assert r.exit_code == 2 and "错误：缺少必填选项 --case" in r.stderr and "Missing" not in r.stderr
    r = cli("register", "list", "--nope")
    assert r.exit_code == 2 and "没有选项 --nope" in r.stderr


def _setup(cli):
    cli.ok("register", "region-add", "320812", "某区")
    cli.ok("register", "body-add", "shj", "某区生态环境局", "--region", "320812", "--kind", "政府工作部门")


def _add(cli, case, received, *extra):
    args = ["--case", case, "--applicant-type", "商业企业", "--channel", "网络", "--received", received]
    return cli("register", "add", "--body", "shj", *args, "--content", "环评报告", "--name", "某公司", *extra)


def test_register_in_chinese_show_list_and_json(cli):
    _setup(cli)
    r = _add(cli, "2025-001", "2025-01-20", "--submitted", "2025-01-18")
    assert r.exit_code == 0 and "2025-02-21" in r.stdout and "缺少第二十九条规定的内容" in r.stdout
    r = cli("register", "event", "--body", "shj", "2025-001", "作出答复", "2025-02-24", "--kind", "予以公开")
    assert r.exit_code == 0 and "已答复" in r.stdout and "逾期答复" in r.stdout
    r = cli("register", "event", "--body", "shj", "2025-001", "撤回", "2025-02-25", "--version", "1")
    assert r.exit_code == 1 and "已被他人修改" in r.stderr
    out = cli.ok("register", "show", "--body", "shj", "2025-001").stdout
    assert "已答复" in out and "（一）予以公开" in out and "商业企业" in out and "网络" in out
    data = cli.json("register", "show", "--body", "shj", "2025-001")
    assert data["labels"]["outcome"] == "（一）予以公开" and data["late"] is True and data["version"] == 2
    _add(cli, "2025-002", "2025-12-01")
    page = cli.json("register", "list", "--body", "shj", "--state", "办理中")
    assert [i["case_no"] for i in page["items"]] == ["2025-002"] and page["items"][0][
        "state_label"
    ] == "办理中"
    assert cli.json("register", "list", "--body", "shj", "--late")["total"] == 1
    assert cli.json("register", "list", "--body", "shj", "--search", "环评")["total"] == 2
    r = cli("register", "overdue", "--body", "shj", "--as-of", "2026-01-05")
    assert "2025-002" in r.stdout and "2025-001" not in r.stdout


def test_outcomes_and_vocabulary(cli):
    rows = cli.json("register", "outcomes")
    by_code = {r["code"]: r for r in rows}
    assert by_code["unavailable.not_held"]["label"] == "1.本机关不掌握相关政府信息"
    assert {k["code"] for k in by_code["unavailable.not_held"]["answer_kinds"]} == {"not_exist", "not_ours"}
    assert any(k["basis"] == "第三十六条第（七）项" for k in by_code["other.other"]["answer_kinds"])
    assert "申请人类型" in cli.ok("register", "vocab").stdout


def test_report_json_passes_check_and_export(cli, tmp_path):
    """Item 9: the JSON `gongkai report` writes is read back by check and export with no false finding."""
    _setup(cli)
    _add(cli, "2025-001", "2025-03-03")
    cli.ok("register", "event", "--body", "shj", "2025-001", "答复", "2025-03-10", "--outcome", "予以公开")
    cli.ok("register", "counts", "--body", "shj", "--year", "2025", "--licensing", "12", "--penalties", "3",
           "--coercive", "1", "--fees-amount", "2.5")  # fmt: skip
    cli.ok(
        "register",
        "document",
        "--body",
        "shj",
        "--kind",
        "规章",
        "--issued",
        "2025-05-01",
        "--title",
        "某办法",
    )
    text = tmp_path / "text.txt"
    text.write_text(
        "一、总体情况\n本年度依法办理申请。\n五、存在的主要问题及改进情况\n人手不足。\n", encoding="utf-8"
    )
    out = tmp_path / "r.json"
    cli.ok("report", "--body", "shj", "--year", "2025", "--out", out, "--narrative", text)
    rep = Report.from_dict(json.loads(out.read_text(encoding="utf-8")))
    assert rep.sections[1] == "本年度依法办理申请。" and rep.cells["active.regulations.issued"] == 1
    assert rep.cells["active.fees.amount"] == Decimal("2.5") and "未收取" in rep.sections[6]
    r = cli("check", out)
    assert r.exit_code == 0, r.output
    assert "错误" not in r.stdout.replace("0 份有错误", "")
    csv_out = tmp_path / "x.csv"
    cli.ok("export", out, "--csv", csv_out)
    text_ = csv_out.read_text(encoding="utf-8-sig")
    assert "12" in text_ and ",1," in text_


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["register", "counts", "--body", "shj", "--year", "2025", "--fees-amount", "Infinity"],
            "不是有限的数",
        ),
        (["register", "counts", "--body", "shj", "--year", "2025", "--fees-amount", "1.5万"], "不要带单位"),
        (["register", "counts", "--body", "shj", "--year", "2025", "--fees-amount", "-3"], "不能为负"),
        (["register", "counts", "--body", "shj", "--year", "0", "--licensing", "3"], "年度0无效"),
        (
            ["register", "counts", "--body", "shj", "--year", "2025", "--licensing", "-3"],
            "应为0至10000000之间的整数",
        ),
        (
            ["register", "counts", "--body", "shj", "--year", "2025", "--licensing", "1.5"],
            "应为0至10000000之间的整数",
        ),
        (["report", "--body", "shj", "--year", "2025", "--out", "x.pdf"], "输出格式应为"),
        (["report", "--body", "shj", "--year", "0", "--out", "x.json"], "报告年度0无效"),
        (
            [
                "register",
                "event",
                "--body",
                "shj",
                "2025-001",
                "fee_notified",
                "2025-03-04",
                "--amount",
                "-5",
                "--method",
                "按件",
            ],
            "不能为负",
        ),
        (
            [
                "register",
                "event",
                "--body",
                "shj",
                "2025-001",
                "fee_notified",
                "2025-03-04",
                "--method",
                "按量",
                "--pages",
                "-20",
            ],
            "页数",
        ),
        (
            [
                "register",
                "event",
                "--body",
                "shj",
                "2025-001",
                "answered",
                "2052-03-04",
                "--outcome",
                "予以公开",
            ],
            "晚于今天",
        ),
        (
            [
                "register",
                "event",
                "--body",
                "shj",
                "2025-001",
                "answered",
                "2025-03-01",
                "--outcome",
                "予以公开",
            ],
            "早于收到日期",
        ),
        (
            [
                "register",
                "event",
                "--body",
                "shj",
                "2025-001",
                "extended",
                "2025-03-20",
                "--days",
                "1.9",
                "--approved-by",
                "主任",
            ],
            "应为整数",
        ),
        (
            ["register", "event", "--body", "shj", "2025-001", "extended", "2025-03-20", "--days", "5"],
            "批准人",
        ),
        (
            [
                "register",
                "event",
                "--body",
                "shj",
                "2025-001",
                "answered",
                "2025-03-20",
                "--outcome",
                "approved",
            ],
            "办理结果“approved”无效，应为",
        ),
        (
            [
                "register",
                "add",
                "--body",
                "shj",
                "--case",
                "X",
                "--applicant-type",
                "外星人",
                "--channel",
                "网络",
                "--received",
                "2025-03-03",
            ],
            "申请人类型“外星人”无效，应为：自然人（natural_person）",
        ),
        (
            [
                "register",
                "add",
                "--body",
                "shj",
                "--case",
                "X",
                "--applicant-type",
                "自然人",
                "--channel",
                "网络",
                "--received",
                "2025-03-03",
                "--id-type",
                "身份证",
                "--id-number",
                "110105194912310021",
            ],
            "居民身份证号码“110105194912310021”无效",
        ),
        (
            [
                "register",
                "add",
                "--body",
                "shj",
                "--case",
                "X",
                "--applicant-type",
                "商业企业",
                "--channel",
                "网络",
                "--received",
                "2025-03-03",
                "--id-type",
                "信用代码",
                "--id-number",
                "91110000600037341X",
            ],
            "统一社会信用代码",
        ),
        (
            [
                "register",
                "add",
                "--body",
                "shj",
                "--case",
                "X",
                "--applicant-type",
                "自然人",
                "--channel",
                "网络",
                "--received",
                "2026-13-01",
            ],
            "收到日期“2026-13-01”无效",
        ),
        (
            [
                "register",
                "appeal",
                "--body",
                "shj",
                "--kind",
                "复议",
                "--filed",
                "2025-03-03",
                "--case",
                "F1",
                "--decided",
                "2025-02-01",
                "--result",
                "维持",
            ],
            "早于立案日期",
        ),
        (["register", "void", "--body", "shj", "2025-001", "1", "--reason", "x"], "收到申请不能作废"),
        (["register", "edit", "--body", "shj", "2025-001", "--reason", "x", "--set", "colour=red"], "无效"),
        (["register", "list", "--body", "shj", "--due-within", "abc"], "--due-within"),
    ],
)
def test_bad_values_are_refused_and_change_nothing(cli, tmp_path, args, message):
    _setup(cli)
    _add(cli, "2025-001", "2025-03-03")
    before = _dump(tmp_path)
    r = cli(*args)
    assert r.exit_code != 0, r.output
    assert message in r.stderr, r.stderr
    assert "Traceback" not in r.output and r.stderr.strip().count("\n") == 0
    assert _dump(tmp_path) == before


def _dump(tmp_path) -> list:
    """Everything the database holds (but the clock-dependent audit times)."""
    engine = create_engine(f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    with engine.connect() as c:
        tables = [
            r[0] for r in c.execute(text("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"))
        ]
        out = [(t, c.execute(text(f'SELECT * FROM "{t}"')).all()) for t in tables]
    engine.dispose()
    return out


def test_a_huge_csv_field_is_refused_with_its_line(cli, tmp_path):
    _setup(cli)
    f = tmp_path / "in.csv"
    f.write_text(
        "案号,申请人类型,渠道,收到日期,申请内容,事件,事件日期\n"
        "2025-001,自然人,网络,2025/3/3,ok,收到申请,2025年3月3日\n"
        f"2025-002,自然人,网络,2025/3/4,{'字' * 200000},收到申请,2025/3/4\n",
        encoding="utf-8",
    )
    before = _dump(tmp_path)
    r = cli("register", "import", "--body", "shj", f)
    assert r.exit_code == 1 and "in.csv" in r.stderr and "第3行" in r.stderr
    assert _dump(tmp_path) == before


def test_calendar_load_refuses_an_implausible_year_and_reports_moves(cli, tmp_path):
    from gongkai.register.holidays import provisional_holidays

    _setup(cli)
    _add(cli, "2026-090", "2026-12-01")
    cli.ok("register", "event", "--body", "shj", "2026-090", "征求意见", "2026-12-02", "--party", "第三方")
    shown = cli.json("register", "show", "--body", "shj", "2026-090")
    assert shown["provisional"] is True
    bad = write_json(
        tmp_path / "bad.json", {"year": 2027, "holidays": [{"name": "元旦", "date": "2027-01-01"}]}
    )
    r = cli("calendar", "load", bad)
    assert r.exit_code == 1 and "缺少法定节假日" in r.stderr
    holidays = [{"name": n, "date": d.isoformat()} for d, n in provisional_holidays(2027).items()]
    holidays.append({"name": "元旦", "date": "2027-01-04"})
    good = write_json(tmp_path / "2027.json", {"year": 2027, "source": "测试", "holidays": holidays})
    r = cli.ok("calendar", "load", good)
    assert "答复期限变化的申请1件" in r.stdout and "2026-090" in r.stdout
    assert cli.json("register", "show", "--body", "shj", "2026-090")["provisional"] is False


def test_seed_and_report(cli, tmp_path):
    _setup(cli)
    rep = Report.blank("2021", year=2024, body="某局")
    for col in ("natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org"):
        rep.cells[f"requests.carried_forward.{col}"] = 0
    rep.cells["requests.carried_forward.natural_person"] = 4
    rep.cells["requests.carried_forward.total"] = 4
    f = write_json(tmp_path / "published.json", rep.to_dict())
    r = cli.ok("register", "seed", "--body", "shj", f)
    assert "共4件" in r.stdout
    out = tmp_path / "r.json"
    cli.ok("report", "--body", "shj", "--year", "2025", "--out", out)
    assert (
        json.loads(out.read_text(encoding="utf-8"))["cells"]["requests.brought_forward.natural_person"] == 4
    )
    r = cli("report", "--body", "nobody", "--year", "2025", "--out", out)
    assert r.exit_code == 1 and "机关nobody不存在" in r.stderr


def test_fee_command(cli):
    assert cli.ok("register", "fee", "--method", "按量", "--pages", "120").stdout.strip() == "1100"
    assert cli.ok("register", "fee", "--method", "count", "--ordinal", "45").stdout.strip() == "300"
    r = cli("register", "fee", "--method", "weight", "--pages", "3")
    assert r.exit_code == 1 and "按件计收（count）" in r.stderr
