"""A year of a county bureau's work through the command line, and the annual report against a tally this
test computes on its own: every outcome row, every event kind, corrections, a case carried into the next
year, an appeal decided the next year, and a request that runs into a year with no published schedule."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import docx
import pytest

from gongkai.format.spec import APPEALS, REQUESTS_2021

BODY = "qhb"
TYPES = ("natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org")
TYPE_LABELS = dict(
    zip(TYPES, ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"), strict=True)
)

# (case, applicant type, received, events as (type, date, options…), the row it ends in, closed on)
E = tuple
YEAR = [
    ("Q01", 0, "2025-01-06", [E(("答复", "2025-01-20", "--kind", "予以公开"))], "granted", "2025-01-20"),
    (
        "Q02",
        1,
        "2025-01-08",
        [
            E(("征求意见", "2025-01-10", "--party", "第三方", "--party-name", "甲公司")),
            E(("征求意见", "2025-01-13", "--party", "其他机关", "--party-name", "某区住建局")),
            E(("征求意见答复", "2025-01-20", "--party-name", "甲公司")),
            E(("征求意见答复", "2025-02-10", "--party-name", "某区住建局")),
            E(("答复", "2025-02-20", "--kind", "部分公开")),
        ],
        "partially_granted",
        "2025-02-20",
    ),
    *[
        (
            f"W{i}",
            i % 6,
            f"2025-02-{10 + i:02d}",
            [E(("答复", f"2025-03-{3 + i:02d}", "--outcome", label))],
            row,
            f"2025-03-{3 + i:02d}",
        )
        for i, (label, row) in enumerate(
            (
                ("属于国家秘密", "withheld.state_secret"),
                ("其他法律行政法规禁止公开", "withheld.prohibited_by_law"),
                ("危及“三安全一稳定”", "withheld.security_stability"),
                ("保护第三方合法权益", "withheld.third_party_rights"),
                ("属于三类内部事务信息", "withheld.internal_affairs"),
                ("属于四类过程性信息", "withheld.process_information"),
                ("属于行政执法案卷", "withheld.enforcement_files"),
                ("属于行政查询事项", "withheld.inquiry_matters"),
            ),
            1,
        )
    ],
    (
        "U1",
        2,
        "2025-03-20",
        [E(("答复", "2025-04-01", "--kind", "信息不存在"))],
        "unavailable.not_held",
        "2025-04-01",
    ),
    (
        "U2",
        3,
        "2025-03-21",
        [E(("答复", "2025-04-02", "--kind", "36(5)"))],
        "unavailable.not_held",
        "2025-04-02",
    ),
    (
        "U3",
        4,
        "2025-03-24",
        [E(("答复", "2025-04-03", "--kind", "另行制作"))],
        "unavailable.needs_creation",
        "2025-04-03",
    ),
    (
        "U4",
        5,
        "2025-04-07",
        [
            E(("补正告知", "2025-04-08", "--days", "10", "--missing", "描述")),
            E(("收到补正", "2025-04-15")),
            E(("答复", "2025-05-06", "--kind", "补正后申请内容仍不明确")),
        ],
        "unavailable.still_unclear",
        "2025-05-06",
    ),
    (
        "N1",
        0,
        "2025-05-06",
        [E(("答复", "2025-05-12", "--kind", "信访、举报、投诉类申请"))],
        "not_handled.petition",
        "2025-05-12",
    ),
    (
        "N2",
        1,
        "2025-05-07",
        [E(("答复", "2025-05-13", "--kind", "重复申请，不予重复处理"))],
        "not_handled.duplicate",
        "2025-05-13",
    ),
    (
        "N3",
        2,
        "2025-05-08",
        [E(("答复", "2025-05-14", "--kind", "publication"))],
        "not_handled.publication",
        "2025-05-14",
    ),
    (
        "N4",
        3,
        "2025-05-09",
        [
            E(("说明理由", "2025-05-12", "--days", "10")),
            E(("答复", "2025-06-03", "--kind", "无正当理由大量、频繁申请，不予处理")),
        ],
        "not_handled.excessive",
        "2025-06-03",
    ),
    (
        "N5",
        4,
        "2025-05-12",
        [E(("答复", "2025-05-20", "--kind", "confirmation"))],
        "not_handled.confirmation",
        "2025-05-20",
    ),
    (
        "O1",
        5,
        "2025-06-02",
        [
            E(("补正告知", "2025-06-03", "--days", "5", "--missing", "身份证明")),
            E(("逾期未补正", "2025-06-20")),
        ],
        "other.no_correction",
        "2025-06-20",
    ),
    (
        "O2",
        0,
        "2025-06-03",
        [
            E(("收费通知", "2025-06-05", "--method", "按量计收", "--pages", "120")),
            E(("逾期未缴费", "2025-07-10")),
        ],
        "other.fee_unpaid",
        "2025-07-10",
    ),
    ("O3", 1, "2025-06-04", [E(("撤回", "2025-06-05"))], "other.other", "2025-06-05"),
    # more event kinds: a paid fee, an extension, a deferral after an explanation
    (
        "F1",
        2,
        "2025-07-01",
        [
            E(("收费通知", "2025-07-02", "--method", "按量", "--pages", "45")),
            E(("缴费", "2025-07-08")),
            E(
                (
                    "延期",
                    "2025-07-25",
                    "--days",
                    "10",
                    "--approved-by",
                    "王主任",
                    "--notified",
                    "2025-07-25",
                    "--reason",
                    "需调取档案",
                )
            ),
            E(("答复", "2025-08-04", "--kind", "予以公开")),
        ],
        "granted",
        "2025-08-04",
    ),
    (
        "D1",
        3,
        "2025-09-01",
        [
            E(("说明理由", "2025-09-02", "--days", "10")),
            E(("收到理由说明", "2025-09-09")),
            E(("确定延迟答复期限", "2025-09-15", "--until", "2025-11-28", "--approved-by", "王主任")),
            E(("答复", "2025-11-20", "--kind", "予以公开")),
        ],
        "granted",
        "2025-11-20",
    ),
    # carried into 2026 and answered then
    ("C1", 4, "2025-12-22", [E(("答复", "2026-01-12", "--kind", "予以公开"))], "granted", "2026-01-12"),
    (
        "C2",
        0,
        "2025-12-23",
        [E(("答复", "2026-01-15", "--kind", "信息不存在"))],
        "unavailable.not_held",
        "2026-01-15",
    ),
    # corrected later (an extension voided, the content edited): counted once, as answered
    ("V1", 1, "2025-10-13", [], "granted", "2025-11-07"),
    # a late answer, counted and marked
    ("L1", 5, "2025-10-09", [E(("答复", "2025-11-20", "--kind", "予以公开"))], "granted", "2025-11-20"),
]


def _add(cli, case, kind, received):
    cli.ok(
        "register",
        "add",
        "--body",
        BODY,
        "--case",
        case,
        "--applicant-type",
        TYPE_LABELS[TYPES[kind]],
        "--channel",
        "当面",
        "--received",
        received,
        "--content",
        f"{case}所涉项目的审批文件",
        "--name",
        f"申请人{case}",
        "--contact",
        "0517-80000000",
        "--id-type",
        "统一社会信用代码" if kind else "居民身份证",
        "--id-number",
        "91110000600037341L" if kind else "11010519491231002X",
        "--medium",
        "纸质",
        "--delivery",
        "邮寄",
    )


def _tally(year: int) -> dict[str, int]:
    """Section 三 computed here from the scenario, not by the library."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    cells: Counter = Counter()
    for _case, kind, received, _events, row, closed in YEAR:
        col = TYPES[kind]
        r, c = date.fromisoformat(received), date.fromisoformat(closed)
        if r > end:
            continue
        if r >= start:
            cells[("received", col)] += 1
        elif c >= start:
            cells[("brought_forward", col)] += 1
        if start <= c <= end:
            cells[(row, col)] += 1
            cells[("total", col)] += 1
        elif c > end:
            cells[("carried_forward", col)] += 1
    out = {}
    for r in REQUESTS_2021.rows:
        for col in TYPES:
            out[REQUESTS_2021.cell_id(r.key, col)] = cells[(r.key, col)]
        out[REQUESTS_2021.cell_id(r.key, "total")] = sum(cells[(r.key, col)] for col in TYPES)
    return out


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_year_of_work(cli, tmp_path, backend):
    cli.ok("register", "region-add", "320812", "某区", "--level", "县（区）")
    cli.ok("register", "body-add", BODY, "某区环境保护局", "--region", "320812", "--kind", "政府工作部门")
    cli.ok(
        "register",
        "profile",
        "--body",
        BODY,
        "--set",
        "doc_prefix=某环公开",
        "--set",
        "office_name=某区环境保护局办公室",
        "--set",
        "address=某区人民路1号",
        "--set",
        "phone=0517-80000001",
        "--set",
        "reconsideration_body=某区人民政府",
        "--set",
        "court=某区人民法院",
    )
    for case, kind, received, events, _row, _closed in YEAR:
        if case == "V1":
            continue  # registered below, with its corrections
        _add(cli, case, kind, received)
        for ev in events:
            cli.ok("register", "event", "--body", BODY, case, *ev)

    # corrections: a request registered by mistake, a voided event, an edited field
    _add(cli, "X1", 0, "2025-08-01")
    cli.ok("register", "remove", "--body", BODY, "X1", "--reason", "重复登记")
    _add(cli, "V1", 1, "2025-10-13")
    cli.ok(
        "register",
        "event",
        "--body",
        BODY,
        "V1",
        "延期",
        "2025-10-20",
        "--days",
        "5",
        "--approved-by",
        "李主任",
        "--notified",
        "2025-10-20",
        "--reason",
        "需调取档案",
    )
    cli.ok("register", "void", "--body", BODY, "V1", "2", "--reason", "延期登记错了申请")
    cli.ok("register", "event", "--body", BODY, "V1", "答复", "2025-11-07", "--kind", "予以公开")
    cli.ok(
        "register",
        "edit",
        "--body",
        BODY,
        "V1",
        "--reason",
        "申请内容抄录有误",
        "--set",
        "content=更正后的内容",
    )
    shown = cli.json("register", "show", "--body", BODY, "V1")
    assert shown["request"]["content"] == "更正后的内容" and shown["events"][1]["voided"] is True
    assert shown["due"] == "2025-11-10" and not shown["late"]  # the voided extension no longer counts

    # appeals: one decided the next year counts once a year, as pending then as upheld
    cli.ok(
        "register",
        "appeal",
        "--body",
        BODY,
        "--kind",
        "行政复议",
        "--filed",
        "2025-06-10",
        "--case",
        "区复〔2025〕3号",
    )
    cli.ok(
        "register",
        "appeal",
        "--body",
        BODY,
        "--kind",
        "直接起诉",
        "--filed",
        "2025-04-01",
        "--case",
        "(2025)行初5号",
        "--decided",
        "2025-09-01",
        "--result",
        "纠正",
    )
    r = cli(
        "register",
        "appeal",
        "--body",
        BODY,
        "--kind",
        "行政复议",
        "--filed",
        "2025-07-01",
        "--case",
        "区复〔2025〕3号",
    )
    assert r.exit_code == 1 and "已登记" in r.stderr
    cli.ok(
        "register",
        "appeal-decide",
        "--body",
        BODY,
        "--case",
        "区复〔2025〕3号",
        "--decided",
        "2026-02-03",
        "--result",
        "维持",
    )

    # a request that runs into 2027, whose schedule is not loaded: still registered, provisional
    _add(cli, "P1", 2, "2026-11-30")
    cli.ok("register", "event", "--body", BODY, "P1", "征求意见", "2026-12-01", "--party", "第三方")
    p1 = cli.json("register", "show", "--body", BODY, "P1")
    assert p1["provisional"] is True and p1["due"].startswith("2027-")

    # the work lists
    late = cli.json("register", "list", "--body", BODY, "--late", "--year", "2025")
    assert [i["case_no"] for i in late["items"]] == ["L1"]
    assert cli.json("register", "list", "--body", BODY, "--state", "已答复")["total"] == len(YEAR) - 3

    # the reports, against the tally computed here
    for year in (2025, 2026):
        out = tmp_path / f"r{year}.json"
        cli.ok("report", "--body", BODY, "--year", str(year), "--out", out)
        cells = json.loads(out.read_text(encoding="utf-8"))["cells"]
        expected = _tally(year)
        if year == 2026:  # P1 is open at the end of 2026
            for row in ("received", "carried_forward"):
                for col in ("research", "total"):
                    expected[REQUESTS_2021.cell_id(row, col)] += 1
        got = {k: cells[k] for k in expected}
        assert got == expected, year
        appeals = {k: cells[k] for k in APPEALS.ids if cells[k]}
        if year == 2025:
            assert appeals == {
                "appeals.reconsideration.pending": 1,
                "appeals.reconsideration.total": 1,
                "appeals.litigation_direct.corrected": 1,
                "appeals.litigation_direct.total": 1,
            }
            sections = json.loads(out.read_text(encoding="utf-8"))["sections"]
            assert "收取信息处理费150元" in sections["6"]  # F1 paid for 45 pages: 15 × 10元
            assert "尚未审结" in sections["6"]
        else:
            assert appeals == {"appeals.reconsideration.upheld": 1, "appeals.reconsideration.total": 1}
    r = cli("check", tmp_path / "r2025.json")
    assert "sum." not in r.stdout  # the 勾稽 rules hold by construction

    # standard documents from the register, read back
    for kind, case, needle in (
        ("登记回执", "Q01", "申请人Q01"),
        ("补正告知书", "U4", "申请人U4"),
        ("答复书", "W1", "第十四条"),
        ("收费通知书", "F1", "150"),
        ("延期答复告知书", "F1", "10个工作日"),
        ("征求第三方意见函", "Q02", "甲公司"),
        ("逾期未补正告知书", "O1", "申请人O1"),
    ):
        target = tmp_path / f"{case}-{kind}.docx"
        extra = ["--payment", "银行转账至某区财政局账户"] if kind == "收费通知书" else []
        extra += ["--provision", "邮寄纸质文本"] if kind == "答复书" else []
        r = cli.ok("register", "notice", "--body", BODY, case, kind, "--out", target, *extra)
        assert "某环公开〔" in r.stdout
        text = "\n".join(p.text for p in docx.Document(target).paragraphs)
        assert needle in text and "某区环境保护局" in text, (kind, text[:200])
