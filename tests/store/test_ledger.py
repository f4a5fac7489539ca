"""The 台账: export then import gives back the same register (voided events, removed requests and the
section 二/四 records included), Excel's rewritten dates are read, a bad row stops everything with its
line named. On both backends."""

from __future__ import annotations

import csv
from datetime import date as D
from decimal import Decimal

import openpyxl
import pytest

from gongkai.errors import GongkaiError
from gongkai.register import Request, event
from gongkai.register.active import AppealCase, Document, YearlyCounts
from gongkai.samples.hostile import zip_version
from gongkai.store.ledger import import_ledger, ledger_rows, write_ledger


def _register(store, body):
    a = Request(
        "2025-101", "natural_person", "post", D(2025, 1, 20), content="环评文件", applicant_name="张三",
        applicant_contact="13800000000", id_type="resident_id", id_number="11010519491231002X",
        medium="paper", delivery="post", signed_for_on=D(2025, 1, 20), submitted_on=D(2025, 1, 18),
    )  # fmt: skip
    store.add_request(
        body,
        a,
        "甲",
        [
            event(
                "extended",
                D(2025, 2, 18),
                days=10,
                approved_by="主任",
                notified=D(2025, 2, 18),
                reason="调档",
            ),
            event("consultation_sent", D(2025, 2, 19), party="third_party", party_name="甲公司"),
            event("consultation_replied", D(2025, 2, 26), party_name="甲公司"),
            event("answered", D(2025, 3, 10), kind="partial"),
        ],
    )
    store.void_event(body, "2025-101", 2, 1, "乙", "延期登记有误")
    b = Request(
        "2025-102", "commercial", "online", D(2025, 2, 10), content="排污许可", confirmed_on=D(2025, 2, 10)
    )
    store.add_request(
        body,
        b,
        "甲",
        [
            event(
                "fee_notified", D(2025, 2, 11), amount="300", method="pages", pages=60, served=D(2025, 2, 12)
            ),
            event("fee_paid", D(2025, 2, 14)),
        ],
    )
    store.add_request(
        body, Request("2025-103", "research", "fax", D(2025, 3, 3), confirmed_on=D(2025, 3, 3)), "甲"
    )
    store.delete_request(body, "2025-103", 1, "丙", reason="重复登记")
    store.add_document(
        body, Document("regulations", D(2025, 5, 1), title="某办法", number="某政规〔2025〕1号"), "甲"
    )
    store.set_counts(body, YearlyCounts(2025, 12, 3, None, Decimal("2.5")), "甲")
    store.add_appeal(body, AppealCase("reconsideration", D(2025, 6, 1), None, None, "区复〔2025〕3号"), "甲")


def _state(store, body):
    out = []
    for r in store.requests(body, include_deleted=True):
        got = store.get(body, r.case_no, removed=True)
        out.append(
            (
                got.request,
                [(e.event, e.voided, e.void_reason) for e in got.log],
                got.state.due,
                got.state.outcome,
                got.removed,
            )
        )
    return (
        out,
        store.documents(body),
        store.count_years(body),
        store.appeals(body),
        store.fees_collected(body, 2025),
    )


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_then_import_gives_back_the_register(store, body, tmp_path, suffix):
    _register(store, body)
    path = tmp_path / f"台账{suffix}"
    written = write_ledger(ledger_rows(store, body, private=True), path, private=True)
    assert path in written
    store.add_body("copy", "副本", "甲")
    got = import_ledger(store, "copy", path, "乙")
    assert got == {"requests": 3, "events": 9, "documents": 1, "counts": 1, "appeals": 1}
    assert _state(store, "copy") == _state(store, body)
    removed = store.get("copy", "2025-103", removed=True)
    assert removed.removed and store.history("copy", "2025-103")[-1].after == {"reason": "重复登记"}


def test_the_xlsx_speaks_chinese_and_keeps_personal_data_out_unless_asked(store, body, tmp_path):
    _register(store, body)
    path = tmp_path / "t.xlsx"
    write_ledger(ledger_rows(store, body, private=False), path, private=False)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["申请与事件", "规章和规范性文件", "年度数据", "复议诉讼"]
    rows = list(wb["申请与事件"].iter_rows(values_only=True))
    header, first = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert header[:3] == ("案号", "申请人类型", "渠道") and "申请人姓名或名称" not in header
    assert first["申请人类型"] == "自然人" and first["渠道"] == "邮寄" and first["状态"] == "已答复"
    assert first["办理结果（统计）"].startswith("（二）部分公开") and first["答复期限"] == "2025-02-28"
    assert all("张三" not in str(v) for row in rows for v in row)
    voided = [dict(zip(header, r, strict=True)) for r in rows[1:] if r[header.index("已作废")] == "是"]
    assert [v["事件"] for v in voided] == ["延长答复期限"] and voided[0]["作废理由"] == "延期登记有误"


def test_excel_dates_and_gb18030_are_read(store, body, tmp_path):
    path = tmp_path / "in.csv"
    with open(path, "w", encoding="gb18030", newline="") as f:
        w = csv.writer(f)
        w.writerow(["案号", "申请人类型", "渠道", "收到日期", "申请内容", "事件", "事件日期", "答复类型"])
        w.writerow(["A-1", "自然人", "当面", "2025/3/3", "某文件", "收到申请", "2025/3/3", ""])
        w.writerow(["A-1", "自然人", "当面", "2025/3/3", "某文件", "作出答复", "2025年3月10日", "予以公开"])
        w.writerow(
            ["A-2", "商业企业", "网络", "2025.3.4", "某批复", "作出答复", "2025-03-12 00:00:00", "36(4)"]
        )
    assert import_ledger(store, body, path, "甲")["requests"] == 2
    assert store.get(body, "A-1").state.outcome == "granted"
    assert store.get(body, "A-2").state.outcome == "unavailable.not_held"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            ["B-1", "外星人", "当面", "2025-03-03", "x", "收到申请", "2025-03-03"],
            "in.csv第3行（申请B-1）：申请人类型“外星人”无效",
        ),
        (
            ["B-1", "自然人", "当面", "2025-02-30", "x", "收到申请", "2025-02-30"],
            "in.csv第3行（申请B-1）：收到日期“2025-02-30”无效",
        ),
        (
            ["B-1", "自然人", "当面", "2025-03-03", "字" * 30000, "收到申请", "2025-03-03"],
            "in.csv第3行：“申请内容”过长",
        ),
        (["B-1", "自然人", "当面", "2025-03-03", "x", "作出答复", "2025-03-01"], "in.csv第3行起（申请B-1）"),
    ],
)
def test_a_bad_row_stops_the_import_and_stores_nothing(store, body, tmp_path, row, message):
    path = tmp_path / "in.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["案号", "申请人类型", "渠道", "收到日期", "申请内容", "事件", "事件日期"])
        w.writerow(["A-1", "自然人", "当面", "2025-03-03", "ok", "收到申请", "2025-03-03"])
        w.writerow(row)
    with pytest.raises(GongkaiError, match=message):
        import_ledger(store, body, path, "甲")
    assert store.requests(body, include_deleted=True) == []


def test_not_a_ledger(store, body, tmp_path):
    garbage = tmp_path / "x.xlsx"
    garbage.write_bytes(b"\x00\x01garbage" * 100)
    with pytest.raises(Exception, match="不是有效的 Excel 文件"):
        import_ledger(store, body, garbage, "甲")
    damaged = tmp_path / "z.xlsx"  # found by fuzzing DOCX: a zip version that does not exist
    write_ledger(ledger_rows(store, body, private=False), tmp_path / "good.xlsx", private=False)
    damaged.write_bytes(zip_version((tmp_path / "good.xlsx").read_bytes()))
    with pytest.raises(GongkaiError, match=r"z\.xlsx：不是有效的 Excel 文件"):
        import_ledger(store, body, damaged, "甲")
    other = tmp_path / "y.csv"
    other.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(Exception, match="表头不是台账的列"):
        import_ledger(store, body, other, "甲")
