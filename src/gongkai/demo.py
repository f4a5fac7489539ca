"""A demo database built through the services: a county with its government, its government office
(政务公开办, the supervisor), four departments and a township; a year and a half of requests (last year
complete, this year so far) with every outcome row and every kind of event; appeals; 主动公开 records;
last year's annual reports; and one account per role with one shared password (`PASSWORD`).

    from gongkai.demo import build
    build("sqlite:///demo.sqlite3")            # seconds; the same data for the same `today`

Extension points: `BODIES` (add a body), `SCENARIOS` (a new way a request runs: a function recording
its events), `ACCOUNTS` (a new demo user), and `build(extra=[...])`: callables `(services, today)` run
at the end — the portal and supervisor pages add their own demo data this way.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import event

from gongkai.access import Actor, Grant, Role
from gongkai.accounts.passwords import hash_password
from gongkai.approval import Step
from gongkai.dates import beijing_today
from gongkai.org import BodyKind, BodyProfile, Region, RegionLevel
from gongkai.proactive import Publication
from gongkai.register import Request
from gongkai.register import event as make_event
from gongkai.register.active import AppealCase, Document, YearlyCounts
from gongkai.register.types import OUTCOMES, Channel
from gongkai.service import Services

PASSWORD = "gongkai-demo-2026"
COUNTY = Region("339901", "云溪县", RegionLevel.COUNTY)
TOWNSHIP = Region("339901101", "青石镇", RegionLevel.TOWNSHIP, parent_id=COUNTY.id)
SEED = 20260101


@dataclass(frozen=True)
class DemoBody:
    id: str
    name: str
    kind: BodyKind
    region: str
    office: str  # 政府信息公开工作机构
    prefix: str  # 文号前缀
    clerk: str
    reviewer: str
    secrecy: str
    volume: int  # requests a year


BODIES = [
    DemoBody(
        "yx-gov",
        "云溪县人民政府",
        BodyKind.GOVERNMENT,
        COUNTY.id,
        "云溪县人民政府办公室",
        "云政公开",
        "周婷",
        "郑华",
        "冯磊",
        14,
    ),
    DemoBody(
        "yx-gkb",
        "云溪县人民政府办公室",
        BodyKind.OFFICE,
        COUNTY.id,
        "县政务公开办",
        "云办公开",
        "何丽",
        "高峰",
        "冯磊",
        6,
    ),
    DemoBody(
        "yx-zrj",
        "云溪县自然资源和规划局",
        BodyKind.DEPARTMENT,
        COUNTY.id,
        "局办公室",
        "云自然资公开",
        "王敏",
        "李强",
        "陈静",
        30,
    ),
    DemoBody(
        "yx-jyj",
        "云溪县教育局",
        BodyKind.DEPARTMENT,
        COUNTY.id,
        "局办公室",
        "云教公开",
        "刘洋",
        "赵军",
        "孙悦",
        16,
    ),
    DemoBody(
        "yx-zjj",
        "云溪县住房和城乡建设局",
        BodyKind.DEPARTMENT,
        COUNTY.id,
        "局办公室",
        "云建公开",
        "吴芳",
        "钱斌",
        "许可",
        18,
    ),
    DemoBody(
        "yx-scj",
        "云溪县市场监督管理局",
        BodyKind.DEPARTMENT,
        COUNTY.id,
        "综合科",
        "云市监公开",
        "黄蕾",
        "林涛",
        "马骏",
        10,
    ),
    DemoBody(
        "yx-qsz",
        "云溪县青石镇人民政府",
        BodyKind.TOWNSHIP,
        TOWNSHIP.id,
        "镇党政办公室",
        "青镇公开",
        "朱琳",
        "胡斌",
        "罗云",
        8,
    ),
]


@dataclass(frozen=True)
class DemoAccount:
    login: str
    name: str
    roles: str  # as printed
    home: str
    grants: tuple[Grant, ...]


def _office_accounts(b: DemoBody, short: str, admin: str) -> list[DemoAccount]:
    home = f"/office/{b.id}/"
    return [
        DemoAccount(f"{short}-clerk", b.clerk, f"登记员（{b.name}）", home, (Grant(Role.CLERK, b.id),)),
        DemoAccount(
            f"{short}-review",
            b.reviewer,
            f"审核人（负责人）（{b.name}）",
            home,
            (Grant(Role.REVIEWER, b.id),),
        ),
        DemoAccount(
            f"{short}-secret", b.secrecy, f"保密审查员（{b.name}）", home, (Grant(Role.SECRECY, b.id),)
        ),
        DemoAccount(
            f"{short}-admin",
            admin,
            f"单位管理员（{b.name}）",
            home,
            (Grant(Role.BODY_ADMIN, b.id),),
        ),
    ]


ACCOUNTS = [
    *_office_accounts(BODIES[2], "zrj", "张宁"),
    *_office_accounts(BODIES[3], "jyj", "杨帆"),
    DemoAccount(
        "county-gkb",
        "何丽",
        f"主管部门（{COUNTY.name}）",
        f"/supervise/{COUNTY.id}/",
        (Grant(Role.SUPERVISOR, region_id=COUNTY.id),),
    ),
    DemoAccount("admin", "系统管理员", "系统管理员", "/admin/", (Grant(Role.ADMIN),)),
]

CONTENTS = [
    "本村集体土地征收的批准文件及补偿安置方案",
    "某小区建设工程规划许可证及附图",
    "2025年度城区学校招生划片范围",
    "某企业环境影响评价文件及批复",
    "本人房屋所在地块的国有土地使用权出让合同",
    "某路段拓宽工程的立项批复和资金来源",
    "县城总体规划调整的征求意见稿及专家论证意见",
    "某食品生产企业的行政处罚决定书",
    "老旧小区改造项目的招标文件和中标结果",
    "农村宅基地审批的办理程序和材料清单",
    "某学校校舍安全鉴定报告",
    "2024年度本镇财政预算执行情况",
]
APPLICANT_NAMES = [
    "张伟",
    "王芳",
    "李娜",
    "刘强",
    "陈杰",
    "杨洋",
    "赵磊",
    "黄敏",
    "某某律师事务所",
    "某某科技有限公司",
    "某某环保协会",
]
APPLICANT_WEIGHTS = {
    "natural_person": 70,
    "commercial": 12,
    "research": 3,
    "social_welfare": 4,
    "legal_services": 7,
    "other_org": 4,
}


# ---------------------------------------------------------------------------------------------- scenarios


@dataclass
class Case:
    """What a scenario needs: the services, the body's actors, the calendar, the case and its dates."""

    svc: Services
    body: DemoBody
    clerk: Actor
    reviewer: Actor
    case_no: str
    received: date
    today: date
    rnd: random.Random

    def wd(self, d: date, n: int) -> date:
        return self.svc.store.calendar().add_workdays(d, n)

    def record(self, type_: str, on: date, **values) -> bool:
        """Record an event unless it would fall after today (the request then stays open there)."""
        if on > self.today:
            return False
        actor = self.reviewer if type_ == "extended" else self.clerk
        self.svc.requests.record(actor, self.body.id, self.case_no, make_event(type_, on, **values))
        return True

    def answer(self, on: date, kind: str | None = None, outcome: str | None = None) -> bool:
        return self.record("answered", on, kind=kind, outcome=outcome, signed_by=self.reviewer.name)


Scenario = Callable[[Case], None]


def plain(kind: str, outcome: str | None = None, days: tuple[int, int] = (4, 18)) -> Scenario:
    def run(c: Case) -> None:
        c.answer(c.wd(c.received, c.rnd.randint(*days)), kind, outcome)

    run.__name__ = f"answer_{outcome or kind}"
    return run


def with_correction(kind: str, outcome: str | None = None) -> Scenario:
    def run(c: Case) -> None:
        sent = c.wd(c.received, 2)
        if c.record("correction_requested", sent, days=10, missing=["description"]) and c.record(
            "correction_received", c.wd(sent, 4)
        ):
            c.answer(c.wd(sent, 15), kind, outcome)

    return run


def abandoned(c: Case) -> None:
    sent = c.wd(c.received, 3)
    if c.record("correction_requested", sent, days=10, missing=["description", "contact"]):
        c.record("abandoned", c.wd(sent, 12))


def consulted(kind: str, outcome: str | None = None) -> Scenario:
    def run(c: Case) -> None:
        sent = c.wd(c.received, 3)
        if c.record(
            "consultation_sent", sent, party="third_party", party_name="某某置业有限公司"
        ) and c.record("consultation_replied", c.wd(sent, 8), party_name="某某置业有限公司"):
            c.answer(c.wd(c.received, 19), kind, outcome)

    return run


def extended(c: Case) -> None:
    on = c.wd(c.received, 17)
    if c.record(
        "extended",
        on,
        days=20,
        approved_by=c.reviewer.name,
        notified=on,
        reason="所需信息涉及多个科室，需要调取历史档案",
    ):
        c.answer(c.wd(c.received, 30), "partial")


def fee_paid(c: Case) -> None:
    sent = c.wd(c.received, 5)
    if c.record("fee_notified", sent, method="pages", pages=c.rnd.choice([40, 80, 150])) and c.record(
        "fee_paid", c.wd(sent, 3)
    ):
        c.answer(c.wd(sent, 6), "provided")


def fee_unpaid(c: Case) -> None:
    sent = c.wd(c.received, 5)
    if c.record("fee_notified", sent, method="pages", pages=60):
        c.record("fee_unpaid", c.wd(sent, 22))


def withdrawn(c: Case) -> None:
    c.record("withdrawn", c.wd(c.received, c.rnd.randint(2, 9)), note="申请人来电表示已通过其他途径获取")


def excessive(c: Case) -> None:
    sent = c.wd(c.received, 4)
    if c.record("explanation_requested", sent, days=10) and c.record("explanation_received", c.wd(sent, 6)):
        on = c.wd(sent, 8)
        if c.record(
            "deferred", on, until=c.wd(on, 30), approved_by=c.reviewer.name, reason="申请数量明显超过合理范围"
        ):
            c.answer(c.wd(on, 10), "excessive")


def still_open(c: Case) -> None:
    """Nothing recorded yet: on the dashboard as due soon or overdue, by its date of receipt."""


def waiting_correction(c: Case) -> None:
    """A 补正 sent and never answered: waiting for the applicant past the period."""
    c.record("correction_requested", c.wd(c.received, 1), days=5, missing=["description"])


def late(c: Case) -> None:
    """Answered after the due date: one of the year's late answers."""
    c.answer(c.wd(c.received, 23), "provided")


#: One scenario per outcome row (all 21), then the ways a request runs; last year's main body gets all.
ROW_SCENARIOS: list[Scenario] = [
    plain("provided"),
    with_correction("partial"),
    *[
        consulted("withheld", o) if o == "withheld.third_party_rights" else plain("withheld", o)
        for o in OUTCOMES
        if o.startswith("withheld.")
    ],
    plain("not_exist"),
    plain("needs_creation"),
    with_correction("still_unclear"),
    plain("petition"),
    plain("duplicate"),
    plain("publication"),
    excessive,
    plain("confirmation"),
    abandoned,
    fee_unpaid,
    plain("special_procedure", "other.other"),
]
SCENARIOS: list[Scenario] = [
    *ROW_SCENARIOS,
    withdrawn,
    extended,
    fee_paid,
    consulted("partial"),
    with_correction("provided"),
    late,
]
COMMON = (
    [plain("provided")] * 6
    + [plain("already_public")] * 3
    + [plain("partial"), plain("not_exist"), plain("not_ours")] * 2
)


# ---------------------------------------------------------------------------------------------- build


def build(url: str | None = None, *, today: date | None = None, extra: Iterable[Callable] = ()) -> Services:
    """Create the demo in an empty database (SQLite file or PostgreSQL URL); returns its services."""
    today = today or beijing_today()
    svc = Services.open(url, today=lambda: today)
    if svc.store.engine.dialect.name == "sqlite":
        _no_sync(svc.store.engine)
    op = Actor.operator("演示数据")
    rnd = random.Random(SEED)
    for region in (COUNTY, TOWNSHIP):
        svc.store.add_region(region, op.name)
    for b in BODIES:
        svc.store.add_body(b.id, b.name, op.name, b.region, kind=b.kind, profile=_profile(b))
    hashed = hash_password(PASSWORD)
    for a in ACCOUNTS:
        svc.accounts.create_user(op, a.login, a.name, PASSWORD, a.grants, hashed=hashed)
    for b in BODIES:
        _requests(svc, b, today, rnd)
        _records(svc, b, today, rnd)
        _proactive(svc, b, today, rnd)
        _annual(svc, b, today)
    for fn in extra:
        fn(svc, today)
    svc.store.engine.dispose()  # the connections without fsync end here
    return svc


def _no_sync(engine) -> None:
    """A demo is rebuilt, never recovered: SQLite need not wait for the disk at each commit."""
    event.listen(engine, "connect", lambda conn, _rec: conn.execute("PRAGMA synchronous=OFF"))
    engine.dispose()


def _profile(b: DemoBody) -> BodyProfile:
    return BodyProfile(
        office_name=b.office,
        address=f"云溪县城关镇人民路{10 + BODIES.index(b) * 3}号",
        postcode="339900",
        phone=f"0570-88{BODIES.index(b) + 1:02d}1234",
        email=f"gk@{b.id}.example.gov.cn",
        hours="工作日 8:30—12:00，14:30—17:30",
        doc_prefix=b.prefix,
        reconsideration_body="云溪县人民政府" if b.kind is not BodyKind.GOVERNMENT else "衢南市人民政府",
        court="云溪县人民法院",
    )


def _actors(b: DemoBody) -> tuple[Actor, Actor, Actor]:
    def one(name: str, role: Role) -> Actor:
        return Actor(name, grants=frozenset({Grant(role, b.id)}))

    return one(b.clerk, Role.CLERK), one(b.reviewer, Role.REVIEWER), one(b.secrecy, Role.SECRECY)


def _requests(svc: Services, b: DemoBody, today: date, rnd: random.Random) -> None:
    clerk, reviewer, _ = _actors(b)
    last = today.year - 1
    plan: list[tuple[date, Scenario]] = []
    # last year: the main body runs every scenario (every outcome row); everyone has common answers
    scenarios = SCENARIOS if b.id == "yx-zrj" else rnd.sample(SCENARIOS, min(len(SCENARIOS), b.volume // 3))
    count = max(b.volume, len(scenarios) + 4)
    days = sorted(rnd.sample(range(0, 330), count))
    for i, d in enumerate(days):
        plan.append(
            (date(last, 1, 2) + timedelta(days=d), scenarios[i] if i < len(scenarios) else rnd.choice(COMMON))
        )
    # this year so far, in proportion; the last weeks stay open in every state the dashboard shows
    span = (today - date(today.year, 1, 1)).days
    this_year = max(4, b.volume * span // 365)
    for d in sorted(rnd.sample(range(0, max(span - 3, this_year + 1)), this_year)):
        plan.append((date(today.year, 1, 2) + timedelta(days=d), rnd.choice(SCENARIOS + COMMON)))
    # the dashboard's lists: overdue, due within 3 and 5 working days, waiting past the 补正 period
    # and one answered late this year
    recent = ((60, late), (24, still_open), (18, still_open), (16, still_open), (12, waiting_correction))
    for back, scenario in recent:
        if b.volume >= 10:
            plan.append((_workdays_before(svc, today, back), scenario))
    plan.sort(key=lambda p: p[0])
    numbers: dict[int, int] = {}
    for received, scenario in plan:
        received = _workday(svc, received, today)
        numbers[received.year] = numbers.get(received.year, 0) + 1
        case_no = f"{b.prefix}〔{received.year}〕{numbers[received.year]}号"
        kind = rnd.choices(list(APPLICANT_WEIGHTS), list(APPLICANT_WEIGHTS.values()))[0]
        channel = rnd.choice(list(Channel))
        name = rnd.choice(APPLICANT_NAMES[:8] if kind == "natural_person" else APPLICANT_NAMES[8:])
        svc.requests.register(
            clerk,
            b.id,
            Request(
                case_no,
                kind,
                channel,
                received,
                content=rnd.choice(CONTENTS),
                applicant_name=name,
                applicant_contact=f"139{rnd.randrange(10**8):08d}",
                address="云溪县城关镇某某路" + str(rnd.randint(1, 200)) + "号",
                medium="paper" if rnd.random() < 0.5 else "electronic",
            ),
        )
        scenario(Case(svc, b, clerk, reviewer, case_no, received, today, rnd))
    _approvals_in_progress(svc, b, clerk, reviewer, today)


def _so_far(today: date, month: int, day: int) -> date:
    """A date of this year that has already come: early in January the demo's events of February
    happen today instead (nothing may be recorded after today)."""
    return min(date(today.year, month, day), today)


def _workday(svc: Services, d: date, today: date) -> date:
    cal = svc.store.calendar()
    while not cal.is_workday(d):
        d += timedelta(days=1)
    return min(d, today)


def _workdays_before(svc: Services, day: date, n: int) -> date:
    cal = svc.store.calendar()
    while n > 0:
        day -= timedelta(days=1)
        n -= cal.is_workday(day)
    return day


def _approvals_in_progress(svc: Services, b: DemoBody, clerk: Actor, reviewer: Actor, today: date) -> None:
    """A few open requests with answers on their way: drafted, awaiting review, awaiting 保密审查."""
    from gongkai.store import RequestQuery

    open_ = svc.requests.list(clerk, b.id, RequestQuery(states=("in_progress",), order="received", limit=3))
    for i, s in enumerate(open_.items):
        a = svc.approvals.draft_answer(clerk, b.id, s.case_no, kind="provided", provision="电子邮件发送")
        if i >= 1:
            a = svc.approvals.step(clerk, b.id, a.id, Step.SUBMIT, a.version)
        if i >= 2:
            svc.approvals.step(reviewer, b.id, a.id, Step.APPROVE, a.version)


def _records(svc: Services, b: DemoBody, today: date, rnd: random.Random) -> None:
    """Section 二 figures and section 四 appeals of last year (and one case this year)."""
    clerk, _, _ = _actors(b)
    last = today.year - 1
    svc.records.set_counts(
        clerk,
        b.id,
        YearlyCounts(
            last,
            licensing=rnd.randint(20, 900),
            penalties=rnd.randint(5, 120),
            coercive_measures=rnd.randint(0, 15),
            fees_amount=Decimal(rnd.randint(0, 400)) / 10,
        ),
    )
    if b.kind is BodyKind.DEPARTMENT or b.id == "yx-gov":
        svc.records.file_appeal(
            clerk,
            b.id,
            AppealCase(
                "reconsideration", date(last, 3, 10), date(last, 5, 8), "upheld", f"{b.prefix}复〔{last}〕1号"
            ),
        )
        svc.records.file_appeal(
            clerk,
            b.id,
            AppealCase(
                "litigation_direct",
                date(last, 6, 2),
                date(last, 11, 20),
                "corrected",
                f"（{last}）云0101行初{rnd.randint(10, 99)}号",
            ),
        )
        svc.records.file_appeal(
            clerk,
            b.id,
            AppealCase("reconsideration", _so_far(today, 2, 16), case_no=f"{b.prefix}复〔{today.year}〕1号"),
        )


def _proactive(svc: Services, b: DemoBody, today: date, rnd: random.Random) -> None:
    """The catalogue: published 规范性文件 and notices of last year, one repealed, one late this year."""
    clerk, reviewer, secrecy = _actors(b)
    last = today.year - 1
    items = [
        Publication(
            f"{b.name}关于规范行政裁量权基准的规定",
            "normative_documents",
            date(last, 3, 6),
            doc_number=f"{b.prefix[:2]}规〔{last}〕1号",
            issued_on=date(last, 3, 6),
        ),
        Publication(f"{b.name}{last}年部门预算", "finance", date(last, 2, 20)),
        Publication(f"{b.name}{last}年政府信息公开工作要点", "announcement", date(last, 4, 8)),
        Publication(f"{b.name}{today.year}年部门预算", "finance", _so_far(today, 2, 18)),
    ]
    for pub in items if b.id == "yx-zrj" else items[:2]:
        entry = svc.proactive.draft(clerk, b.id, pub)
        a = entry.approval
        for who, step in (
            (clerk, Step.SUBMIT),
            (reviewer, Step.APPROVE),
            (secrecy, Step.SECRECY_PASS),
            (reviewer, Step.SIGN),
        ):
            a = svc.approvals.step(who, b.id, a.id, step, a.version)
        on = min(svc.store.calendar().add_workdays(pub.formed_on, rnd.randint(3, 15)), today)
        svc.approvals.step(clerk, b.id, a.id, Step.RELEASE, a.version, on=on)
        if pub.category == "normative_documents" and b.id == "yx-zrj":
            svc.proactive.repeal(clerk, b.id, entry.row.id, date(last, 12, 1))
    if b.kind is BodyKind.DEPARTMENT:  # two regulations-like documents issued last year, for section 二
        svc.records.add_document(
            clerk,
            b.id,
            Document(
                "normative_documents",
                date(last, 8, 18),
                title=f"{b.name}行政许可事项清单",
                number=f"{b.prefix[:2]}规〔{last}〕2号",
            ),
        )
    # not yet published, formed long ago: flagged by 第二十六条
    svc.proactive.draft(
        clerk,
        b.id,
        Publication(
            f"{b.name}{today.year}年重点工作任务分解",
            "planning",
            today - timedelta(days=50),
        ),
    )


def _annual(svc: Services, b: DemoBody, today: date) -> None:
    """Last year's report: departments submitted and published by 1月31日, the government by 3月31日;
    the township's is still a draft (the supervisor sees it overdue)."""
    clerk, reviewer, _ = _actors(b)
    last = today.year - 1
    svc.annual.save_narrative(
        clerk,
        b.id,
        last,
        {
            1: f"{last}年，{b.name}认真贯彻落实《中华人民共和国政府信息公开条例》，"
            "主动公开、依申请公开工作依法有序开展。",
            5: "部分科室对依申请公开办理时限把握不够精准；下一步将加强培训。",
            6: "本年度未收取信息处理费以外的其他费用。",
        },
    )
    if b.kind is BodyKind.TOWNSHIP:
        return
    deadline = date(today.year, 3, 31) if b.kind is BodyKind.GOVERNMENT else date(today.year, 1, 31)
    submitted = min(deadline - timedelta(days=10), today)
    svc.annual.submit(reviewer, b.id, last, on=submitted)
    svc.annual.publish(reviewer, b.id, last, on=min(deadline - timedelta(days=3), today))
