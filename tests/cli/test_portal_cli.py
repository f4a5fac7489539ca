"""`gongkai portal purge` deletes identity documents of closed cases; `gongkai portal ratings` prints the
sentence a report quotes."""

from __future__ import annotations

from datetime import date as D

from gongkai.access import Actor
from gongkai.register.events import event
from gongkai.service import Services

from ..portal.samples import COMPANY, pdf_bytes


def test_purge_deletes_documents_of_cases_closed_long_enough(cli, tmp_path):
    url = cli.env["GONGKAI_DATABASE_URL"]
    data = tmp_path / "uploads"
    svc = Services.open(url, data_dir=data, today=lambda: D(2025, 3, 3))
    svc.store.add_body("hbj", "淮安市生态环境局", "管理员")
    receipt = svc.portal.apply("hbj", COMPANY, pdf_bytes(), "营业执照.pdf")
    op = Actor.operator("测试员")
    svc.portal.confirm(op, "hbj", receipt.case_no)
    svc.requests.record(op, "hbj", receipt.case_no, event("withdrawn", D(2025, 3, 3)))
    svc.store.close()
    assert len(list(data.glob("identity/*"))) == 1
    kept = cli.ok("portal", "purge", "--days", "3650", "--data-dir", data)  # closed less than 10 years ago
    assert "共删除0件" in kept.output and len(list(data.glob("identity/*"))) == 1
    r = cli("portal", "purge", "--days", "3651", "--data-dir", data)
    assert r.exit_code == 1 and "保留天数3651无效" in r.output
    r = cli.ok("portal", "purge", "--days", "0", "--data-dir", data)
    assert f"已删除身份证明：hbj/{receipt.case_no}" in r.output and "共删除1件" in r.output
    assert list(data.glob("identity/*")) == []
    assert (
        "未收到申请人对依申请公开答复的网上评价"
        in cli.ok("portal", "ratings", "--body", "hbj", "--year", "2025").output
    )
