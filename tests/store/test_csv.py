"""CSV import and export of the register, on both backends."""

import csv
from datetime import date as D
from decimal import Decimal

import pytest

from gongkai.register import Channel, Event, Request
from gongkai.store import StoreError
from gongkai.store.csvio import export_csv, import_csv

HEADER = (
    "case_no,applicant_type,channel,received_on,content,"
    "event_type,event_date,days,approved_by,outcome,amount\n"
)


def write(tmp_path, body, name="in.csv", encoding="utf-8"):
    p = tmp_path / name
    p.write_text(HEADER + body, encoding=encoding)
    return p


def test_import_then_export_round_trip(store, body, tmp_path):
    p = write(
        tmp_path,
        "2025-101,natural_person,online,2025-01-20,环评文件,received,2025-01-20,,,,\n"
        "2025-101,natural_person,online,2025-01-20,环评文件,extended,2025-02-18,10,主任,,\n"
        "2025-101,natural_person,online,2025-01-20,环评文件,answered,2025-03-01,,,granted,\n"
        "2025-102,commercial,post,2025-02-10,排污许可,fee_notified,2025-02-11,,,,300\n"
        "2025-102,commercial,post,2025-02-10,排污许可,fee_paid,2025-02-14,,,,\n",
    )
    assert import_csv(store, body, p, actor="甲") == (2, 6)  # 102 gets its received event added
    got = store.get(body, "2025-101")
    assert got.state.extended_days == 10 and got.state.outcome == "granted"
    assert store.fees_collected(body, 2025) == 300

    out = tmp_path / "out.csv"
    assert export_csv(store, body, out) == 6
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert "applicant_name" not in rows[0]  # private by default
    assert [r["event_type"] for r in rows if r["case_no"] == "2025-102"] == [
        "received",
        "fee_notified",
        "fee_paid",
    ]
    assert rows[-1]["amount"] == "300.00"  # a payment without an amount stores what was notified

    store.add_body("copy", "副本机关", actor="甲")
    assert import_csv(store, "copy", out, actor="甲") == (2, 6)
    assert store.annual_report("copy", 2025).cells == {
        **store.annual_report(body, 2025).cells,
    }


def test_private_columns_only_when_asked(store, body, tmp_path):
    store.add_request(
        body,
        Request(
            "2025-201", "research", Channel.FAX, D(2025, 4, 1), applicant_name="赵六", applicant_contact="139"
        ),
        actor="甲",
        events=[Event("answered", D(2025, 4, 3), outcome="unavailable.not_held")],
    )
    out = tmp_path / "private.csv"
    export_csv(store, body, out, include_private=True)
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert rows[0]["applicant_name"] == "赵六" and rows[1]["outcome"] == "unavailable.not_held"


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        (
            "2025-302,alien,online,2025-03-03,x,received,2025-03-03,,,,\n",
            r"第3行（申请2025-302）：申请人类型",
        ),
        (
            "2025-302,commercial,online,2025-02-30,x,received,2025-02-30,,,,\n",
            r"第3行（申请2025-302）：收到日期",
        ),
        ("2025-302,commercial,online,2025-03-03,x,answered,2025-03-05,,,approved,\n", r"第3行.*办理结果"),
        (
            "2025-302,commercial,online,2025-03-03,x,fee_paid,2025-03-05,,,,\n",
            r"第3行起（申请2025-302）.*只能登记",
        ),
    ],
)
def test_a_bad_row_stops_the_import_and_stores_nothing(store, body, tmp_path, bad_line, message):
    p = write(tmp_path, "2025-301,natural_person,online,2025-03-03,x,received,2025-03-03,,,,\n" + bad_line)
    with pytest.raises(StoreError, match=message):
        import_csv(store, body, p, actor="甲")
    assert store.requests(body) == []


def test_gbk_file_and_missing_columns(store, body, tmp_path):
    p = write(
        tmp_path,
        "2025-401,natural_person,in_person,2025-03-03,某某文件,received,2025-03-03,,,,\n",
        encoding="gbk",
    )
    assert import_csv(store, body, p, actor="甲") == (1, 1)
    assert store.get(body, "2025-401").request.content == "某某文件"
    bad = tmp_path / "bad.csv"
    bad.write_text("case_no,channel\n1,online\n", encoding="utf-8")
    with pytest.raises(StoreError, match="缺少列 applicant_type"):
        import_csv(store, body, bad, actor="甲")


def test_section_two_and_four_records_from_csv(store, body, tmp_path):
    from gongkai.store.csvio import import_appeals_csv, import_counts_csv, import_documents_csv

    docs = tmp_path / "docs.csv"
    docs.write_text(
        "kind,title,number,issued_on,repealed_on\n"
        "regulations,甲办法,第1号,2023-03-01,\n"
        "normative_documents,乙通知,〔2024〕2号,2024-05-01,2025-06-30\n"
        "normative_documents,丙意见,〔2025〕3号,2025-02-01,\n",
        encoding="utf-8",
    )
    counts = tmp_path / "counts.csv"
    counts.write_text(
        "year,licensing,penalties,coercive_measures,fees_amount\n2024,310,42,5,1.25\n2025,415,,6,\n",
        encoding="utf-8",
    )
    appeals = tmp_path / "appeals.csv"
    appeals.write_text(
        "kind,case_no,filed_on,decided_on,result\n"
        "reconsideration,复〔2025〕1号,2025-03-01,2025-05-01,upheld\n"
        "litigation_direct,诉〔2025〕2号,2025-09-01,,\n",
        encoding="utf-8",
    )
    assert import_documents_csv(store, body, docs, "甲") == 3
    assert import_counts_csv(store, body, counts, "甲") == 2
    assert import_appeals_csv(store, body, appeals, "甲") == 2
    c = store.annual_report(body, 2025).cells
    assert c["active.regulations.in_force"] == 1 and c["active.normative_documents.repealed"] == 1
    assert c["active.normative_documents.issued"] == 1 and c["active.normative_documents.in_force"] == 1
    assert (
        c["active.licensing.decisions"] == 415 and c["active.penalties.decisions"] is None
    )  # blank stays blank
    assert c["active.fees.amount"] is None
    assert c["appeals.reconsideration.upheld"] == 1 and c["appeals.litigation_direct.pending"] == 1
    assert store.annual_report(body, 2024).cells["active.fees.amount"] == Decimal("1.25")


def test_bad_record_rows_store_nothing(store, body, tmp_path):
    from gongkai.store.csvio import import_appeals_csv, import_counts_csv

    counts = tmp_path / "counts.csv"
    counts.write_text("year,licensing\n2024,310\n2025,很多\n", encoding="utf-8")
    with pytest.raises(StoreError, match=r"counts\.csv第3行：行政许可“很多”不是整数"):
        import_counts_csv(store, body, counts, "甲")
    assert store.counts(body, 2024) is None
    appeals = tmp_path / "appeals.csv"
    appeals.write_text(
        "kind,case_no,filed_on,decided_on,result\nreconsideration,复1,2025-03-01,2025-05-01,\n",
        encoding="utf-8",
    )
    with pytest.raises(StoreError, match="第2行：案件复1：审结日期与结果须同时填写"):
        import_appeals_csv(store, body, appeals, "甲")
    assert store.appeals(body) == []
