"""`gongkai user …` at the command line, and the demo database (every outcome row, every event kind)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from typer.testing import CliRunner

from gongkai.access import Actor
from gongkai.cli import app as cli
from gongkai.register.types import OUTCOMES, EventType
from gongkai.store import RequestQuery

runner = CliRunner()


def test_user_commands(store, db_url):
    store.add_body("edu", "某区教育局", "管理员")
    r = runner.invoke(
        cli,
        [
            "user",
            "add",
            "wang",
            "--name",
            "王敏",
            "--role",
            "clerk",
            "--body",
            "edu",
            "--password",
            "long-enough-1",
            "--db",
            db_url,
        ],
    )
    assert r.exit_code == 0 and "已新增用户wang（王敏）：登记员（edu）" in r.output
    r = runner.invoke(
        cli, ["user", "grant", "wang", "--role", "reviewer", "--body", "nowhere", "--db", db_url]
    )
    assert r.exit_code == 1 and "机关nowhere不存在" in r.output
    r = runner.invoke(cli, ["user", "grant", "wang", "--role", "boss", "--db", db_url])
    assert r.exit_code == 1 and "角色“boss”无效" in r.output
    r = runner.invoke(cli, ["user", "grant", "wang", "--role", "reviewer", "--body", "edu", "--db", db_url])
    assert r.exit_code == 0 and "审核人（负责人）（edu）" in r.output
    r = runner.invoke(cli, ["user", "passwd", "wang", "--password", "short", "--db", db_url])
    assert r.exit_code == 1 and "密码至少8个字符" in r.output
    r = runner.invoke(cli, ["user", "passwd", "wang", "--password", "another-one-2", "--db", db_url])
    assert r.exit_code == 0
    r = runner.invoke(cli, ["user", "list", "--db", db_url])
    assert "wang" in r.output and "王敏" in r.output
    from gongkai.service import Services

    assert Services.open(db_url).accounts.authenticate("wang", "another-one-2").display_name == "王敏"


TODAY = date(2026, 6, 30)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from gongkai.demo import build

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    return build(f"sqlite:///{path}", today=TODAY)


def test_the_demo_covers_every_outcome_row_and_event_kind(demo):
    op = Actor.operator("检查")
    cells = demo.store.annual_report("yx-zrj", 2025).cells
    for row in OUTCOMES:
        assert cells[f"requests.{row}.total"] >= 1, row
    kinds = Counter()
    for b in demo.store.bodies():
        for s in demo.requests.list(op, b.id, RequestQuery(limit=1000)).items:
            kinds.update(e.type for e in demo.requests.get(op, b.id, s.case_no).events)
    assert set(EventType) <= set(kinds)
    this_year = demo.requests.list(op, "yx-zrj", RequestQuery(received_from=date(2026, 1, 1), limit=1)).total
    assert this_year >= 10
    assert demo.requests.overdue(op, "yx-zrj").total + demo.requests.due_within(op, "yx-zrj", 5).total >= 1


def test_the_demo_reports_accounts_and_catalogue(demo):
    from gongkai.demo import ACCOUNTS, PASSWORD

    op = Actor.operator("检查")
    assert demo.annual.status(op, "yx-zrj", 2025).value == "published"
    assert demo.annual.status(op, "yx-qsz", 2025).value == "overdue"  # the township's is still a draft
    assert demo.records.appeals(op, "yx-zrj")
    assert demo.proactive.late(op, "yx-zrj")  # a publication 第二十六条 flags
    for a in ACCOUNTS:
        assert demo.accounts.authenticate(a.login, PASSWORD).grants == frozenset(a.grants)


@pytest.mark.parametrize("today", [date(2027, 1, 4), date(2027, 2, 10)])
def test_the_demo_builds_early_in_the_year_with_nothing_after_today(tmp_path, today):
    # `make run` builds the demo for the real today: its events of February must not fall in the future
    from gongkai.cli.web import demo_extras
    from gongkai.demo import build

    svc = build(f"sqlite:///{tmp_path / 'demo.sqlite3'}", today=today, extra=demo_extras())
    op = Actor.operator("检查")
    cells = svc.store.annual_report("yx-zrj", today.year - 1).cells
    assert all(cells[f"requests.{row}.total"] >= 1 for row in OUTCOMES)
    dates = [
        e.date
        for b in svc.store.bodies()
        for s in svc.requests.list(op, b.id, RequestQuery(limit=1000)).items
        for e in svc.requests.get(op, b.id, s.case_no).events
    ]
    assert dates and max(dates) <= today
    assert all(a.filed_on <= today for a in svc.records.appeals(op, "yx-zrj"))
